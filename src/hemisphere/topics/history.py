"""Logic for lesson 3, "Two centuries": eras, counts of recorded interventions, comparisons.

Pure functions on the loaders' frames: each takes the frame it works on (or loads the pack's own
when given none), so tests can pass a small fixture and teachers their own file.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..data.loaders import load_comparisons, load_countries, load_history
from ..data.eras import ERAS, FIRST_YEAR, LAST_YEAR, Era, era
from ..data.vocabulary import HISTORY_CATEGORIES
from ..data.schemas import COMPARISON_ASPECTS

#: What the choropleth counts as a "recorded US intervention": US armed force or covert action
#: aimed at a state without its government's request. Doctrines, treaties, diplomacy, court cases,
#: sanctions and aid given at a government's request are on the map, but not in the count
#: (data/README.md explains the rule and its borderline cases).
INTERVENTION_CATEGORIES: tuple[str, ...] = (
    "war", "invasion", "occupation", "intervention", "covert_action", "coup_support",
)
DEFAULT_COMPARISON = ("H047", "H063")
ASPECT_LABELS = {
    "stated_basis": "Stated legal basis or justification",
    "forces": "Forces and means",
    "outcome": "Outcome",
    "regional_reaction": "Reaction in the region and at the UN",
}


def is_intervention(category: str) -> bool:
    return category in INTERVENTION_CATEGORIES


def years_of(selection: str | Era | tuple[int, int] | None) -> tuple[int, int]:
    """The first and last year of an era (by key), a (first, last) pair, or the whole record (None)."""
    if selection is None:
        return FIRST_YEAR, LAST_YEAR
    if isinstance(selection, Era):
        return selection.first_year, selection.last_year
    if isinstance(selection, str):
        chosen = era(selection)
        return chosen.first_year, chosen.last_year
    first, last = (int(year) for year in selection)
    if first > last:
        raise ValueError(f"the year range {first}–{last} runs backwards; give the earlier year first")
    return first, last


def events_between(selection=None, history: pd.DataFrame | None = None) -> pd.DataFrame:
    """Events that started within an era (key), a (first, last) year range, or the whole record."""
    history = load_history() if history is None else history
    first, last = years_of(selection)
    return history[(history.year >= first) & (history.year <= last)]


def interventions(history: pd.DataFrame | None = None) -> pd.DataFrame:
    """Only the rows counted as recorded US interventions."""
    history = load_history() if history is None else history
    return history[history.category.isin(INTERVENTION_CATEGORIES)]


def intervention_counts(up_to: int | None = None, history: pd.DataFrame | None = None) -> pd.Series:
    """Recorded interventions per state or territory code, counting events that began by ``up_to``.

    Every code seen in the data appears, with 0 if none began by then; largest counts first.
    """
    history = load_history() if history is None else history
    up_to = LAST_YEAR if up_to is None else int(up_to)
    counted = interventions(history)
    counts = counted[counted.year <= up_to].groupby("country_iso3").size()
    counts = counts.reindex(sorted(set(history.country_iso3)), fill_value=0).astype(int)
    counts.index.name = "iso3"
    return counts.sort_values(ascending=False, kind="stable").rename("interventions")


def counts_by_era(history: pd.DataFrame | None = None) -> pd.DataFrame:
    """Recorded interventions per state (rows) and era (columns), with a total; states with none left out."""
    counted = interventions(history)
    table = pd.crosstab(counted.country_iso3, counted.era)
    table = table.reindex(columns=[item.key for item in ERAS], fill_value=0)
    table["total"] = table.sum(axis=1)
    table.index.name = "iso3"
    return table.sort_values("total", ascending=False, kind="stable")


def most_intervened(up_to: int | None = None, history: pd.DataFrame | None = None) -> list[str]:
    """The code(s) of the state(s) with the most recorded interventions by ``up_to`` (several if tied)."""
    counts = intervention_counts(up_to, history)
    if counts.empty or counts.max() == 0:
        return []
    return sorted(counts[counts == counts.max()].index)


def interventions_per_decade(history: pd.DataFrame | None = None) -> pd.DataFrame:
    """For each era: its length, the interventions recorded in it, and the rate per ten years."""
    counted = interventions(history)
    rows = []
    for item in ERAS:
        number = int((counted.era == item.key).sum())
        years = item.last_year - item.first_year + 1
        rows.append((item.key, item.heading, years, number, round(10 * number / years, 2)))
    return pd.DataFrame(rows, columns=["era", "label", "years", "interventions", "per_decade"]).set_index("era")


def state_names(countries: pd.DataFrame | None = None) -> dict[str, str]:
    countries = load_countries() if countries is None else countries
    return dict(zip(countries.iso3, countries.name_en))


def date_words(row) -> str:
    """An event's date for readers: "20 December 1989", "1909 to 1913", "October 2007 to October 2021"."""
    if row.end_date is None:
        return row.start_date.spelled()
    return f"{row.start_date.spelled()} to {row.end_date.spelled()}"


def counts_table(up_to: int | None = None, history: pd.DataFrame | None = None) -> pd.DataFrame:
    """The choropleth in words: each state with at least one recorded intervention by ``up_to``, and which."""
    history = load_history() if history is None else history
    up_to = LAST_YEAR if up_to is None else int(up_to)
    names = state_names()
    counted = interventions(history)
    counted = counted[counted.year <= up_to]
    which: dict[str, list[str]] = {}
    for code, year, title in zip(counted.country_iso3, counted.year, counted.title):
        which.setdefault(code, []).append(f"{year} {title}")
    counts = intervention_counts(up_to, history)
    counts = counts[counts > 0]
    return pd.DataFrame({
        "State": [names.get(code, code) for code in counts.index],
        "Recorded interventions": counts.to_list(),
        "Which": ["; ".join(which[code]) for code in counts.index],
    })


def history_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Events as a table for readers: the map's and the timeline's text alternative."""
    names = state_names()
    return pd.DataFrame({
        "Id": frame.id.to_list(),
        "Date": [date_words(row) for row in frame.itertuples()],
        "Era": [era(key).label for key in frame.era],
        "Concerns": [names.get(code, code) for code in frame.country_iso3],
        "Kind": [HISTORY_CATEGORIES[category].label for category in frame.category],
        "Counted as intervention": ["yes" if is_intervention(category) else "no" for category in frame.category],
        "Title": frame.title.to_list(),
        "Confidence": frame.confidence.to_list(),
    })


def compare_events(first: str = DEFAULT_COMPARISON[0], second: str = DEFAULT_COMPARISON[1],
                   history: pd.DataFrame | None = None, comparisons: pd.DataFrame | None = None) -> pd.DataFrame:
    """Two events side by side: one row per aspect, one column per event (titled by the event).

    Aspects come from ``history.csv`` (date, place, kind) and ``comparisons.csv`` (stated basis,
    forces, outcome, regional reaction); a missing aspect says so instead of staying blank. The last
    rows give the confidence and every source cited for the event.
    """
    history = load_history() if history is None else history
    comparisons = load_comparisons() if comparisons is None else comparisons
    missing = [event_id for event_id in (first, second) if event_id not in set(history.id)]
    if missing:
        raise KeyError(f"no event {missing[0]!r} in history.csv; ids look like H047")
    names = state_names()
    columns = {}
    for event_id in (first, second):
        row = history[history.id == event_id].iloc[0]
        aspects = comparisons[comparisons.event_id == event_id].set_index("aspect")
        cells = {
            "Date": date_words(row),
            "Place": f"{row.place} ({names.get(row.country_iso3, row.country_iso3)})",
            "Kind": HISTORY_CATEGORIES[row.category].label,
        }
        confidence = [row.confidence]
        sources = list(row.source_urls)
        for aspect in COMPARISON_ASPECTS:
            if aspect in aspects.index:
                cells[ASPECT_LABELS[aspect]] = aspects.loc[aspect, "text"]
                confidence.append(aspects.loc[aspect, "confidence"])
                sources += [url for url in aspects.loc[aspect, "source_urls"] if url not in sources]
            else:
                cells[ASPECT_LABELS[aspect]] = "Not recorded in comparisons.csv."
        cells["Confidence (weakest row)"] = _weakest(confidence)
        cells["Sources"] = tuple(sources)
        columns[f"{row.title} ({row.year})"] = cells
    table = pd.DataFrame(columns)
    table.index.name = "Aspect"
    return table


def _weakest(grades: Iterable[str]) -> str:
    order = ["low", "medium", "high"]
    return min(grades, key=order.index)


def labelled_comparisons() -> pd.DataFrame:
    """comparisons.csv with a ``label`` naming the event and aspect, for source lists."""
    titles = load_history().set_index("id").title
    frame = load_comparisons()
    frame["label"] = [f"{titles[row.event_id]}: {ASPECT_LABELS[row.aspect].lower()}" for row in frame.itertuples()]
    return frame
