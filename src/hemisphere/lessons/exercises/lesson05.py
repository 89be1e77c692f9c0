"""Lesson 5, "Perspectives": exercise checks."""

from __future__ import annotations

import datetime

import pandas as pd

from ..self_checks import Exercise
from ...data.loaders import load_polls
from ...topics.perspectives import states_by_position

#: The day of the Caracas raid: polls published from then on were taken after it.
CAPTURE_DATE = datetime.date(2026, 1, 3)


def _names(answer: object) -> set[str]:
    return {str(name).strip().lower() for name in answer}


CRITICAL = Exercise(
    key="05-critical",
    expected=lambda: states_by_position()["critical"],
    same=lambda answer, expected: not isinstance(answer, str) and _names(answer) == _names(expected),
    mistakes=(
        (lambda answer, _: isinstance(answer, str),
         "Give a list of names, for example ['Peru', 'Chile'], not a single string."),
        (lambda answer, _: "honduras" in _names(answer),
         "Honduras's critical government left office on 27 January 2026; on 7 March its new government had joined "
         "the coalition. The map shows positions as of 7 March."),
        (lambda answer, _: bool({"venezuela", "cuba"} & _names(answer)),
         "Venezuela and Cuba condemned US action too, but as its targets they have their own category."),
        (lambda answer, expected: _names(answer) < _names(expected),
         "Some are missing: the critics are not only the three states left out of Doral. Look at the whole list."),
    ),
    general_hint="Use states_by_position()['critical'], or filter the table on the Position column.",
)


def _us_polls_after_capture() -> pd.DataFrame:
    polls = load_polls()
    after = polls[(polls.kind == "poll") & polls.population.str.startswith("US") & (polls.published >= CAPTURE_DATE)]
    return after.dropna(subset=["support_pct", "oppose_pct"])


POLLS = Exercise(
    key="05-polls",
    expected=lambda: int((_us_polls_after_capture().support_pct > _us_polls_after_capture().oppose_pct).sum()),
    same=lambda answer, expected: not isinstance(answer, bool) and int(answer) == expected,
    mistakes=(
        (lambda answer, _: not isinstance(answer, int),
         "Give a whole number: how many polls."),
        (lambda answer, _: answer == len(_us_polls_after_capture()),
         "That is how many US polls were taken after the capture. In how many is support_pct larger than oppose_pct?"),
        (lambda answer, _: answer == 0,
         "Look again at each row: in one of them support_pct is larger. Who was asked in that one?"),
    ),
    general_hint="Compare support_pct with oppose_pct row by row: (after.support_pct > after.oppose_pct).sum() "
                 "counts the rows where support is larger.",
)

#: This lesson's exercises, in the order the notebook asks them.
EXERCISES = (CRITICAL, POLLS)
