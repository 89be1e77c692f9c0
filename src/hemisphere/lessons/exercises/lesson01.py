"""Lesson 1, "Who is in, who is out": exercise checks."""

from __future__ import annotations

from ..self_checks import Exercise
from ...topics.coalition import group_totals, states_by_status
from ...data.loaders import load_coalition
from ...data.vocabulary import COALITION_STATUSES


def _status_key(answer: object) -> str:
    """Accept a status key ("excluded") or its legend label ("Left out")."""
    text = str(answer).strip().lower()
    for status, category in COALITION_STATUSES.items():
        if text in (status, category.label.lower()):
            return status
    return text


def _names(answer: object) -> set[str]:
    return {str(name).strip().lower() for name in answer}


SIGNATORIES = Exercise(
    key="01-signatories",
    expected=lambda: len(states_by_status()["signatory"]),
    same=lambda answer, expected: int(answer) == expected and not isinstance(answer, bool),
    mistakes=(
        (lambda answer, _: not isinstance(answer, int),
         "Give a whole number, for example len(my_list)."),
        (lambda answer, _: answer == 17,
         "17 is the number of partner states reported to have signed, summit members included. "
         "The 'signatory' status counts only those whose leader was not at Doral."),
        (lambda answer, _: answer == 12,
         "12 is the number of summit members. Look up the 'signatory' key instead of 'member'."),
    ),
    general_hint="Use states_by_status()['signatory'] and count the names with len().",
)

LARGEST_GROUP = Exercise(
    key="01-largest-group",
    expected=lambda: group_totals().population_share.idxmax(),
    same=lambda answer, expected: _status_key(answer) == expected,
    mistakes=(
        (lambda answer, _: _status_key(answer) == "host",
         "The United States is the largest single state, but a group can be larger: "
         "compare every value in the population_share column."),
        (lambda answer, _: _status_key(answer) == group_totals().gdp_share.idxmax(),
         "That group has the largest share of GDP. The question asks about population."),
        (lambda answer, _: _status_key(answer) not in COALITION_STATUSES,
         "Answer with one of the status names: host, member, signatory, excluded, targeted or other."),
    ),
    general_hint="Sort group_totals() by population_share and read the top row's status.",
)

WEAKLY_SOURCED = Exercise(
    key="01-weakly-sourced",
    expected=lambda: sorted(load_coalition().query("confidence == 'low'").name_en),
    same=lambda answer, expected: not isinstance(answer, str) and _names(answer) == _names(expected),
    mistakes=(
        (lambda answer, _: isinstance(answer, str),
         "Give a list of names, for example ['Chile', 'Peru'], not a single string."),
        (lambda answer, expected: _names(answer) < _names(expected),
         "Some are missing. Weak sourcing is not only a signatory problem: check the "
         "confidence column of every row."),
        (lambda answer, expected: _names(answer) > _names(expected),
         "Your list has extra states. Keep only the rows whose confidence is 'low'."),
    ),
    general_hint="Filter load_coalition() on confidence == 'low' and take the name_en column.",
)

#: This lesson's exercises, in the order the notebook asks them.
EXERCISES = (SIGNATORIES, LARGEST_GROUP, WEAKLY_SOURCED)
