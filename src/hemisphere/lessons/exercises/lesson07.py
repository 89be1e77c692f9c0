"""Lesson 7, "What should happen next?": exercise checks on the figures the options' risks rest on."""

from __future__ import annotations

import numbers

from ..self_checks import Exercise
from ...data.loaders import load_coalition, load_strike_tallies


def _latest_tally():
    tallies = load_strike_tallies()
    return tallies.loc[tallies.as_of.idxmax()]


def _is_whole_number(answer: object) -> bool:
    # numbers.Real takes numpy's integers too, which is what a value read from a frame is.
    return not isinstance(answer, bool) and isinstance(answer, numbers.Real) and float(answer).is_integer()


LATEST_DEATHS = Exercise(
    key="07-latest-deaths",
    expected=lambda: int(_latest_tally().deaths),
    same=lambda answer, expected: _is_whole_number(answer) and int(answer) == expected,
    mistakes=(
        (lambda answer, _: not _is_whole_number(answer), "Give a whole number: the deaths column of one row."),
        (lambda answer, _: answer == int(_latest_tally().strikes),
         "That is the number of strikes. The question asks how many people were killed: the deaths column."),
        (lambda answer, _: answer in set(load_strike_tallies().deaths) - {int(_latest_tally().deaths)},
         "That is an earlier count. Take the row with the latest as_of date."),
    ),
    general_hint="Find the row whose as_of date is the latest (tallies.as_of.idxmax() gives its label), "
                 "then read its deaths column.",
)


def _left_out() -> int:
    return int((load_coalition().status == "excluded").sum())


LEFT_OUT = Exercise(
    key="07-left-out",
    expected=_left_out,
    same=lambda answer, expected: _is_whole_number(answer) and int(answer) == expected,
    mistakes=(
        (lambda answer, _: not _is_whole_number(answer), "Give a whole number: how many rows have that status."),
        (lambda answer, _: answer == 3,
         "Mexico, Brazil and Colombia are three; the data codes one more state as left out. Count the rows."),
        (lambda answer, _: answer == int((load_coalition().status == "targeted").sum()),
         "Those are the states coded 'targeted'. The question asks for 'excluded'."),
    ),
    general_hint="Count the rows of coalition whose status is 'excluded'.",
)

#: This lesson's exercises, in the order the notebook asks them.
EXERCISES = (LATEST_DEATHS, LEFT_OUT)
