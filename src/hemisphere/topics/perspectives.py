"""Logic for lesson 5: who said what about the US campaign, and what the polls found.

Pure functions over the loaders' frames: stated positions by state, quotations in words, polls
with their method and date. Maps and widgets build on these; nothing here draws or stores anything.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable

import geopandas as gpd
import pandas as pd

from .coalition import SUMMIT_DATE, states_in_order
from ..data.loaders import load_countries, load_polls, load_positions, load_quotes
from ..data.vocabulary import NO_POSITION, POSITION_ORDER, POSITIONS
from ..data.dates import spell_date

NO_POSITION_SUMMARY = "Our research found no public statement by its government on the strikes, the raid or the coalition."
#: Positions a debate can be built on: a government that said something, not only signed or stayed silent.
DEBATE_POSITIONS = ("leads", "supports", "critical", "target")
#: The day lesson 5's map shows unless the reader picks another: the Doral summit.
POSITIONS_DATE = SUMMIT_DATE
LANGUAGE_NAMES = {"es": "Spanish", "pt": "Portuguese", "en": "English"}
#: "Voices of the moment": quotations said at most this many days before or after an event.
VOICES_WINDOW_DAYS = 7


def quote_line(quote) -> str:
    """One quotation as plain text: the English words (ours if translated), who said it and when."""
    if isinstance(quote.translation, str) and quote.translation:  # an empty cell reads as NaN
        words = f"“{quote.translation}” (our translation from {LANGUAGE_NAMES[quote.language]})"
    else:
        words = f"“{quote.quote}”"
    return f"{words} — {quote.speaker}, {spell_date(quote.date)}"


def as_date(value: dt.date | str) -> dt.date:
    """A date given as a date or as text written YYYY-MM-DD (for example "2026-01-05")."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValueError(f"{value!r} is not a date: write it YYYY-MM-DD, for example \"2026-01-05\".") from None


def voices_near(days: Iterable[dt.date], quotes: pd.DataFrame | None = None,
                window_days: int = VOICES_WINDOW_DAYS) -> tuple[pd.DataFrame, list[list[int]]]:
    """The quotations in date order, and for each day the positions among them of those said within
    ``window_days`` of it (before or after), earliest first."""
    quotes = load_quotes() if quotes is None else quotes
    ordered = quotes.sort_values(["date", "id"], kind="stable").reset_index(drop=True)
    said = list(ordered.date)
    window = dt.timedelta(days=window_days)
    near: dict[dt.date, list[int]] = {}
    for day in set(days):
        near[day] = list(range(bisect.bisect_left(said, day - window), bisect.bisect_right(said, day + window)))
    return ordered, [near[day] for day in days]


def positions_on(as_of: dt.date | str = POSITIONS_DATE, positions: pd.DataFrame | None = None) -> pd.DataFrame:
    """The rows of ``positions.csv`` that held on ``as_of``: at most one per state."""
    positions = load_positions() if positions is None else positions
    day = as_date(as_of)
    started = positions.from_date <= day
    not_ended = positions.to_date.map(lambda end: not isinstance(end, dt.date) or day <= end)
    return positions[started & not_ended]


def positions_frame(positions: pd.DataFrame | None = None, countries: gpd.GeoDataFrame | None = None,
                    quotes: pd.DataFrame | None = None, as_of: dt.date | str = POSITIONS_DATE) -> gpd.GeoDataFrame:
    """Every shape of the Americas with the stated position that held on ``as_of`` (the Doral summit by default).

    States with no position on that day get ``none`` ("no stated position found"), with no sources and
    no confidence grade; territories get ``territory``. ``quote_lines`` holds each row's quotations as
    text for popups; ``as_of`` is kept in the frame's ``attrs``.
    """
    positions = positions_on(as_of, positions)
    countries = load_countries() if countries is None else countries
    quotes = load_quotes() if quotes is None else quotes
    merged = countries.merge(positions.drop(columns="name_en"), on="iso3", how="left", validate="one_to_one")
    merged.attrs["as_of"] = as_date(as_of)
    is_state = merged.kind == "state"
    merged["position"] = merged.position.where(~is_state | merged.position.notna(), NO_POSITION)
    merged.loc[~is_state, "position"] = "territory"
    merged["summary"] = merged.summary.where(merged.summary.notna(), NO_POSITION_SUMMARY)
    for column in ("quote_ids", "source_urls"):
        merged[column] = merged[column].map(lambda value: value if isinstance(value, tuple) else ())
    merged["quote_lines"] = merged.quote_ids.map(lambda ids: tuple(quote_line(quotes.loc[i]) for i in ids))
    return merged


def positions_table(frame: gpd.GeoDataFrame | None = None) -> pd.DataFrame:
    """One row per state, grouped by position: the positions map in words."""
    frame = positions_frame() if frame is None else frame
    states = states_in_order(frame, "position", POSITION_ORDER)
    return pd.DataFrame({
        "State": states.name_en,
        "Position": states.position.map(lambda key: POSITIONS[key].label),
        "Since": states.from_date.map(lambda day: spell_date(day) if isinstance(day, dt.date) else ""),
        "In our words": states.summary,
        "Quotations": states.quote_ids.map(", ".join),
        "Confidence": states.confidence.fillna(""),
    }).reset_index(drop=True)


def states_by_position(frame: gpd.GeoDataFrame | None = None) -> dict[str, list[str]]:
    """State names for each position, in the palette's order, names sorted."""
    frame = positions_frame() if frame is None else frame
    states = frame[frame.kind == "state"]
    return {key: sorted(states.loc[states.position == key, "name_en"]) for key in POSITION_ORDER}


def debate_states(frame: gpd.GeoDataFrame | None = None) -> list[str]:
    """Codes of the states a debate can deal: those whose government took a public position."""
    frame = positions_frame() if frame is None else frame
    chosen = frame[frame.position.isin(DEBATE_POSITIONS)]
    return sorted(chosen.iso3)


def polls_table(polls: pd.DataFrame | None = None) -> pd.DataFrame:
    """The polls and votes in date order, each with who was asked, how, when, and what limits it."""
    polls = load_polls() if polls is None else polls
    polls = polls.sort_values(["published", "id"])

    def percent(value) -> str:
        return "" if pd.isna(value) else f"{value:g}%"

    def sample(value) -> str:
        return "not reported" if pd.isna(value) else f"{int(value):,}"

    return pd.DataFrame({
        "Poll": polls.id,
        "Who was asked": polls.population,
        "By": polls.pollster,
        "When": polls.fieldwork,
        "How": polls.method,
        "Sample": polls.sample_size.map(sample),
        "Question": polls.question,
        "For": polls.support_pct.map(percent),
        "Against": polls.oppose_pct.map(percent),
        "Unsure": polls.unsure_pct.map(percent),
        "Caveats": polls.caveats,
    }).reset_index(drop=True)
