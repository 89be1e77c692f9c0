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

from .coalition import states_in_order
from ..data.loaders import load_countries, load_polls, load_positions, load_quotes
from ..data.vocabulary import NO_POSITION, POSITION_ORDER, POSITIONS
from ..data.dates import spell_date

NO_POSITION_SUMMARY = "Our research found no public statement by its government on the strikes, the raid or the coalition."
#: Positions a debate can be built on: a government that said something, not only signed or stayed silent.
DEBATE_POSITIONS = ("leads", "supports", "changed", "critical", "target")
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


def positions_frame(positions: pd.DataFrame | None = None, countries: gpd.GeoDataFrame | None = None,
                    quotes: pd.DataFrame | None = None) -> gpd.GeoDataFrame:
    """Every shape of the Americas with its stated position.

    States that ``positions.csv`` does not list get ``none`` ("no stated position found"), with no
    sources and no confidence grade; territories get ``territory``. ``quote_lines`` holds each row's
    quotations as text for popups.
    """
    positions = load_positions() if positions is None else positions
    countries = load_countries() if countries is None else countries
    quotes = load_quotes() if quotes is None else quotes
    merged = countries.merge(positions.drop(columns="name_en"), on="iso3", how="left", validate="one_to_one")
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
