"""Lesson 2 logic: the sequence of operations as an ordered story, filters, and running counts.

Pure functions over the frames that :func:`~hemisphere.data.loaders.load_operations` and
:func:`~hemisphere.data.loaders.load_strike_tallies` return; nothing here draws or reads files itself.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from ..data.loaders import load_countries, load_operations, load_strike_tallies
from ..data.vocabulary import EVENT_CATEGORIES
from ..data.schemas import OUTSIDE_AMERICAS_CODES, SEA_CODES
from ..data.dates import spell_date
from ..data.sort_keys import Keyed

#: The storyline the lesson follows: one event for each turn of the story, in order.
STORYLINE: tuple[tuple[str, str], ...] = (
    ("E001", "Cartels to be listed as terrorists"),
    ("E011", "The first boat strike"),
    ("E021", "The strikes spread to the Pacific"),
    ("E027", "Operation Southern Spear"),
    ("E032", "The 'Trump Corollary'"),
    ("E038", "The Caracas raid"),
    ("E044", "Venezuela after Maduro"),
    ("E053", "El Mencho"),
    ("E060", "Ecuador"),
    ("E061", "The Doral summit"),
)
RAID_DATE = dt.date(2026, 1, 3)
QUALIFIER_WORDS = {"exact": "", "about": "about ", "at least": "at least "}


def as_date(value: object) -> dt.date:
    """A date from a date, a datetime or ISO text such as ``"2026-01-03"``."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        return dt.date.fromisoformat(value.strip())
    raise ValueError(f"not a date: {value!r}; write it as YYYY-MM-DD, for example 2026-01-03")


def date_label(row) -> Keyed:
    """The event's date in words (a day, a range, or "about" a day), sorting by its first day."""
    return Keyed(_date_words(row), as_date(row.date))


def _date_words(row) -> str:
    if row.date_precision == "range" and isinstance(row.end_date, dt.date):
        start, end = row.date, row.end_date
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day}–{spell_date(end)}"
        if start.year == end.year:
            return f"{spell_date(start, year=False)} – {spell_date(end)}"
        return f"{spell_date(start)} – {spell_date(end)}"
    prefix = "about " if row.date_precision == "approximate" else ""
    return prefix + spell_date(row.date)


def country_names() -> dict[str, str]:
    """English names for every code an event can carry, seas and places outside the Americas included."""
    countries = load_countries()
    names = dict(zip(countries.iso3, countries.name_en))
    names.update(SEA_CODES)
    names.update(OUTSIDE_AMERICAS_CODES)
    return names


def story(events: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every event in the order the story tells them: by date (a range at its first day), then id.

    Adds ``step`` (0, 1, 2 …), ``date_text`` (the date in words) and ``country`` (the name).
    """
    events = load_operations() if events is None else events
    ordered = events.sort_values(["date", "id"], kind="stable").copy()
    ordered["step"] = range(len(ordered))
    # Only the date columns, and each distinct date once: a teacher's file may hold thousands of events.
    labels: dict[tuple, str] = {}
    ordered["date_text"] = [
        labels.setdefault(tuple(row[1:]), date_label(row))
        for row in ordered[["date", "end_date", "date_precision"]].itertuples()
    ]
    names = country_names()
    ordered["country"] = ordered.country_iso3.map(lambda code: names.get(code, code))
    return ordered


def _as_set(values: str | Iterable[str] | None) -> set[str] | None:
    if values is None:
        return None
    if isinstance(values, str):
        return {values}
    return set(values)


def filter_events(
    events: pd.DataFrame,
    start: object = None,
    end: object = None,
    categories: str | Iterable[str] | None = None,
    countries: str | Iterable[str] | None = None,
) -> pd.DataFrame:
    """The events in a date window, of some categories, in some countries; ``None`` means no limit.

    An event that spans several days is kept when any of its days falls in the window. Unknown
    category or country codes raise ``ValueError`` naming the allowed ones, so a typo is not
    silently read as "nothing matches".
    """
    wanted_categories, wanted_countries = _as_set(categories), _as_set(countries)
    if wanted_categories is not None and not wanted_categories <= set(EVENT_CATEGORIES):
        unknown = sorted(wanted_categories - set(EVENT_CATEGORIES))
        raise ValueError(f"unknown categories {unknown}; use {sorted(EVENT_CATEGORIES)}")
    if wanted_countries is not None and not wanted_countries <= set(country_names()):
        unknown = sorted(wanted_countries - set(country_names()))
        raise ValueError(f"unknown country codes {unknown}; use codes such as VEN, XXC or XXP")
    last_day = events.end_date.where(events.end_date.notna(), events.date)
    keep = pd.Series(True, index=events.index)
    if start is not None:
        keep &= last_day.map(lambda day: day >= as_date(start))
    if end is not None:
        keep &= events.date.map(lambda day: day <= as_date(end))
    if wanted_categories is not None:
        keep &= events.category.isin(wanted_categories)
    if wanted_countries is not None:
        keep &= events.country_iso3.isin(wanted_countries)
    return events[keep]


def category_counts(events: pd.DataFrame) -> pd.DataFrame:
    """How many events of each category, in the palette's order, with the legend's label."""
    counts = events.category.value_counts()
    return pd.DataFrame(
        {
            "category": list(EVENT_CATEGORIES),
            "label": [category.label for category in EVENT_CATEGORIES.values()],
            "events": [int(counts.get(category, 0)) for category in EVENT_CATEGORIES],
        }
    )


@dataclass(frozen=True)
class RunningCount:
    """The boat-strike campaign's count on a date: strikes, deaths, who counted, and the source."""

    as_of: dt.date
    strikes: int
    strikes_qualifier: str
    deaths: int
    deaths_qualifier: str
    counted_by: str
    source_url: str
    confidence: str

    def text(self) -> str:
        strikes = f"{QUALIFIER_WORDS[self.strikes_qualifier]}{self.strikes} strike{'s' if self.strikes != 1 else ''}"
        deaths = f"{QUALIFIER_WORDS[self.deaths_qualifier]}{self.deaths} people reported killed"
        return f"{strikes}, {deaths}, as of {spell_date(self.as_of)} (count by {self.counted_by})"

    def __str__(self) -> str:
        return self.text()


def running_count(on: object, tallies: pd.DataFrame | None = None, before: bool = False) -> RunningCount | None:
    """The latest published count on the day ``on`` (or strictly before it); None before the first strike."""
    tallies = load_strike_tallies() if tallies is None else tallies
    day = as_date(on)
    earlier = tallies[tallies.as_of.map(lambda as_of: as_of < day if before else as_of <= day)]
    if earlier.empty:
        return None
    row = earlier.sort_values("as_of", kind="stable").iloc[-1]
    return RunningCount(row.as_of, int(row.strikes), row.strikes_qualifier, int(row.deaths), row.deaths_qualifier,
                        row.counted_by, row.source_urls[0], row.confidence)


def counts_in_force(days: Iterable[dt.date], tallies: pd.DataFrame | None = None) -> tuple[pd.DataFrame, list[int]]:
    """The counts in date order, and for each day the position among them of the latest one published
    by then (-1 before the first): what a running count beside the map shows at each event."""
    tallies = load_strike_tallies() if tallies is None else tallies
    ordered = tallies.sort_values("as_of", kind="stable").reset_index(drop=True)
    published = list(ordered.as_of)
    return ordered, [bisect.bisect_right(published, day) - 1 for day in days]


def strikes_before(on: object, tallies: pd.DataFrame | None = None) -> int:
    """Strikes on boats counted before the day ``on`` (0 before the campaign began)."""
    count = running_count(on, tallies, before=True)
    return count.strikes if count else 0


def tally_table(tallies: pd.DataFrame | None = None) -> pd.DataFrame:
    """The running counts as a readable table: the text alternative of the strikes-and-deaths chart."""
    tallies = load_strike_tallies() if tallies is None else tallies
    ordered = tallies.sort_values("as_of", kind="stable")
    return pd.DataFrame({
        "As of": ordered.as_of.map(spell_date),
        "Strikes": [Keyed(f"{QUALIFIER_WORDS[q]}{n}", n) for q, n in zip(ordered.strikes_qualifier, ordered.strikes)],
        "Reported deaths": [Keyed(f"{QUALIFIER_WORDS[q]}{n}", n)
                            for q, n in zip(ordered.deaths_qualifier, ordered.deaths)],
        "Counted by": ordered.counted_by,
        "Confidence": ordered.confidence,
    }).reset_index(drop=True)


def storyline_table(events: pd.DataFrame | None = None) -> pd.DataFrame:
    """The lesson's storyline: each turn of the story with its date, place and summary."""
    ordered = story(events).set_index("id", drop=False)
    rows = [ordered.loc[event_id] for event_id, _ in STORYLINE if event_id in ordered.index]
    headings = dict(STORYLINE)
    return pd.DataFrame({
        "Step": [headings[row.id] for row in rows],
        "Date": [row.date_text for row in rows],
        "Where": [row.country for row in rows],
        "What happened": [row.summary for row in rows],
        "Event": [row.id for row in rows],
    })
