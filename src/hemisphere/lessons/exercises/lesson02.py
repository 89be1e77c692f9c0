"""Lesson 2, "The sequence of operations": exercise checks, computed from the data."""

from __future__ import annotations

from ..self_checks import Exercise
from ...data.loaders import load_operations
from ...topics.operations import RAID_DATE, as_date, filter_events, running_count, strikes_before


def _whole_number(answer: object) -> bool:
    return isinstance(answer, int) and not isinstance(answer, bool)


def _strike_rows_before_raid() -> int:
    strikes = filter_events(load_operations(), categories="maritime_strike")
    return int((strikes.date < RAID_DATE).sum())


STRIKES_BEFORE_RAID = Exercise(
    key="02-strikes-before-raid",
    expected=lambda: strikes_before(RAID_DATE),
    same=lambda answer, expected: _whole_number(answer) and answer == expected,
    mistakes=(
        (lambda answer, _: not _whole_number(answer), "Give a whole number, for example count.strikes."),
        (lambda answer, _: answer == running_count(RAID_DATE, before=True).deaths,
         "That is the number of people reported killed. The question asks for strikes."),
        (lambda answer, _: answer == _strike_rows_before_raid(),
         "That is the number of boat-strike rows in the timeline. Several rows sum up many strikes: "
         "use the running count in strike_tallies.csv instead."),
        (lambda answer, expected: answer > expected,
         "Too many: that count includes strikes after the raid. Use before=True."),
    ),
    general_hint="Use running_count(\"2026-01-03\", before=True) and read its strikes.",
)


def _same_day(answer: object, expected: object) -> bool:
    return as_date(answer) == expected


FIRST_PACIFIC_STRIKE = Exercise(
    key="02-first-pacific-strike",
    expected=lambda: filter_events(load_operations(), categories="maritime_strike", countries="XXP").date.min(),
    same=_same_day,
    mistakes=(
        (lambda answer, _: not isinstance(answer, str) and not hasattr(answer, "year"),
         'Give a date as text, for example "2025-09-02".'),
        (lambda answer, _: as_date(answer) == filter_events(load_operations(), categories="maritime_strike").date.min(),
         "That is the first strike of all, in the Caribbean (code XXC). The eastern Pacific has the code XXP."),
    ),
    general_hint='Filter on categories="maritime_strike" and countries="XXP", then take the earliest date.',
)


def _most_events_country() -> str:
    events = load_operations()
    places = events[~events.country_iso3.isin(["USA", "XXC", "XXP"])]
    return places.country_iso3.value_counts().idxmax()


MOST_EVENTS = Exercise(
    key="02-most-events",
    expected=_most_events_country,
    same=lambda answer, expected: str(answer).strip().upper() == expected,
    mistakes=(
        (lambda answer, _: str(answer).strip().upper() == "USA",
         "The question leaves out the United States: many steps were announced in Washington."),
        (lambda answer, _: str(answer).strip().upper() in ("XXC", "XXP"),
         "XXC and XXP are seas, not countries. The question asks about countries."),
        (lambda answer, _: len(str(answer).strip()) != 3,
         'Answer with the three-letter code, for example "COL".'),
    ),
    general_hint="Leave out USA, XXC and XXP, then use value_counts() on country_iso3.",
)

#: This lesson's exercises, in the order the notebook asks them.
EXERCISES = (STRIKES_BEFORE_RAID, FIRST_PACIFIC_STRIKE, MOST_EVENTS)
