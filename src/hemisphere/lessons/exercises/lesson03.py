"""Lesson 3, "Two centuries": exercise checks."""

from __future__ import annotations

from ..self_checks import Exercise
from ...data.loaders import load_countries
from ...data.eras import ERAS
from ...topics.history import intervention_counts, interventions_per_decade, most_intervened

END_OF_EMPIRE = 1932


def _state_code(answer: object) -> str:
    """Accept a code ("MEX") or an English or Spanish name ("Mexico", "México")."""
    text = str(answer).strip().lower()
    for row in load_countries().itertuples():
        if text in (row.iso3.lower(), row.name_en.lower(), row.name_es.lower()):
            return row.iso3
    return text.upper()


def _era_key(answer: object) -> str:
    """Accept an era key ("imperial") or its name ("Empire and the Roosevelt Corollary")."""
    text = str(answer).strip().lower()
    for item in ERAS:
        if text in (item.key, item.label.lower(), item.heading.lower()):
            return item.key
    return text


#: The per-decade question covers the eras up to 2024: the 2025–26 era is two years long and holds only
#: a few anchor rows, so a rate per decade would mean little there.
RATE_ERAS = [item.key for item in ERAS if item.last_year <= 2024]


def _top(column: str) -> list[str]:
    values = interventions_per_decade().loc[RATE_ERAS, column]
    return list(values[values == values.max()].index)


MOST_BY_1932 = Exercise(
    key="03-most-by-1932",
    expected=lambda: most_intervened(END_OF_EMPIRE),
    same=lambda answer, expected: isinstance(answer, str) and _state_code(answer) in expected,
    mistakes=(
        (lambda answer, _: not isinstance(answer, str),
         'Give one state as text, for example "Haiti" or its code "HTI".'),
        (lambda answer, expected: _state_code(answer) in most_intervened() and _state_code(answer) not in expected,
         "That state leads over the whole record, up to 2026. The question stops at 1932: "
         "use intervention_counts(1932)."),
        (lambda answer, _: _state_code(answer) == "USA",
         "The count is of interventions the United States carried out in other states; the US row holds doctrines."),
    ),
    general_hint="Run intervention_counts(1932) and read the top of the list (it is sorted, largest first).",
)

PER_DECADE = Exercise(
    key="03-per-decade",
    expected=lambda: _top("per_decade"),
    same=lambda answer, expected: isinstance(answer, str) and _era_key(answer) in expected,
    mistakes=(
        (lambda answer, _: not isinstance(answer, str),
         'Give the era as text, by its key (for example "good_neighbor") or its name.'),
        (lambda answer, _: _era_key(answer) == "2025_26",
         "The question covers the eras up to 2024. The 2025–26 era is two years long with a few anchor rows: "
         "one event there makes a large rate per decade, which is why the question leaves it out."),
        (lambda answer, expected: _era_key(answer) in _top("interventions") and _era_key(answer) not in expected,
         "That era has as many recorded interventions as any, but it is also longer. "
         "Compare the per_decade column, not the interventions column."),
        (lambda answer, _: _era_key(answer) not in [item.key for item in ERAS],
         "That is not one of the eras. The keys are: " + ", ".join(item.key for item in ERAS) + "."),
    ),
    general_hint="Run interventions_per_decade() and find the largest value in the per_decade column.",
)

STATES_BY_1932 = Exercise(
    key="03-states-by-1932",
    expected=lambda: int((intervention_counts(END_OF_EMPIRE) > 0).sum()),
    same=lambda answer, expected: isinstance(answer, int) and not isinstance(answer, bool) and answer == expected,
    mistakes=(
        (lambda answer, _: not isinstance(answer, int) or isinstance(answer, bool),
         "Give a whole number, for example the result of (counts > 0).sum()."),
        (lambda answer, _: answer == int((intervention_counts() > 0).sum()),
         "That is the number for the whole record, up to 2026. Count only up to 1932."),
        (lambda answer, _: answer == len(intervention_counts(END_OF_EMPIRE)),
         "That counts every state in the data, including those with 0 interventions. Keep only counts above 0."),
    ),
    general_hint="counts = intervention_counts(1932), then count the states whose value is above 0.",
)

#: This lesson's exercises, in the order the notebook asks them.
EXERCISES = (MOST_BY_1932, PER_DECADE, STATES_BY_1932)
