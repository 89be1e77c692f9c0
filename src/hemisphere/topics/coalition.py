"""Logic for lesson 1: who is in, who is out, and how large each group is."""

from __future__ import annotations

import datetime as dt

import geopandas as gpd
import pandas as pd

from ..data.loaders import load_coalition, load_countries
from .geo import areas_km2
from ..data.vocabulary import COALITION_STATUSES, STATUS_ORDER

#: The Shield of the Americas summit at Doral, where the coalition was launched.
SUMMIT_DATE = dt.date(2026, 3, 7)
#: What each value of ``coalition_signatory`` means, in the words tables and maps show.
SIGNATORY_WORDS = {
    "yes": "yes (confirmed by its government or national press)",
    "reported": "reported (named only in press lists)",
    "disputed": "disputed (sources disagree)",
    "unverified": "unverified (named by one weak source only)",
    "no": "no",
}


def coalition_map_frame(
    coalition: pd.DataFrame | None = None, countries: gpd.GeoDataFrame | None = None
) -> gpd.GeoDataFrame:
    """Every shape of the Americas with its coalition row; territories get status ``territory``."""
    coalition = load_coalition() if coalition is None else coalition
    countries = load_countries() if countries is None else countries
    merged = countries.merge(coalition, on="iso3", how="left", validate="one_to_one", suffixes=("_shape", ""))
    for column in ("name_en", "name_es"):
        merged[column] = merged[column].fillna(merged.pop(f"{column}_shape"))
    is_territory = merged.kind == "territory"
    merged.loc[is_territory, "status"] = "territory"
    merged["status"] = merged["status"].fillna("other")
    return merged


def states_in_order(frame: pd.DataFrame, column: str, order: tuple[str, ...]) -> pd.DataFrame:
    """The frame's states (not territories), sorted by ``column`` in legend ``order``, then by name."""
    states = frame[frame.kind == "state"].copy()
    states["order"] = states[column].map({key: i for i, key in enumerate(order)})
    return states.sort_values(["order", "name_en"])


def states_by_status(coalition: pd.DataFrame | None = None) -> dict[str, list[str]]:
    """State names for each status, in the palette's order, names sorted."""
    coalition = load_coalition() if coalition is None else coalition
    return {
        status: sorted(coalition.loc[coalition.status == status, "name_en"])
        for status in STATUS_ORDER
    }


def group_totals(frame: gpd.GeoDataFrame | None = None, area: bool = False) -> pd.DataFrame:
    """States, population and GDP for each status group, with each group's share of the 35 states' total.

    With ``area=True`` also the area in km² (land and lakes, as Natural Earth draws them), measured on
    an equal-area projection, and its share.
    Natural Earth's estimates are for the year in ``pop_year`` / ``gdp_year`` (mostly 2019);
    :func:`figures_years` says which states differ.
    """
    frame = coalition_map_frame() if frame is None else frame
    states = frame[frame.kind == "state"]
    if area:
        states = states.assign(area_km2=areas_km2(states))
    measures = {"population": "pop_est", "gdp_musd": "gdp_musd"} | ({"area_km2": "area_km2"} if area else {})
    grouped = states.groupby("status").agg(
        states=("iso3", "size"), **{name: (column, "sum") for name, column in measures.items()}
    )
    grouped = grouped.reindex(list(STATUS_ORDER), fill_value=0)
    for name in measures:
        share = name.split("_")[0] + "_share"
        grouped[share] = grouped[name] / grouped[name].sum()
    grouped.insert(0, "group", [COALITION_STATUSES[status].label for status in grouped.index])
    grouped.index.name = "status"
    return grouped


def figures_years(frame: gpd.GeoDataFrame | None = None) -> str:
    """One sentence naming the year of Natural Earth's figures and the states whose year differs."""
    frame = coalition_map_frame() if frame is None else frame
    states = frame[frame.kind == "state"]
    parts = []
    for column, what in (("pop_year", "population"), ("gdp_year", "GDP")):
        usual = int(states[column].mode().iloc[0])
        odd = states[states[column] != usual]
        exceptions = ", ".join(f"{row.name_en} {int(getattr(row, column))}" for row in odd.itertuples())
        parts.append(f"{what} estimates for {usual}" + (f" (except {exceptions})" if exceptions else ""))
    return "Natural Earth " + " and ".join(parts) + "."


SIGNATURE_ORDER = ("yes", "reported", "disputed", "unverified")


def signature_evidence(coalition: pd.DataFrame | None = None) -> pd.DataFrame:
    """The partner states named as signers of the 5 March declaration, strongest evidence first.

    There is no official list: the "17" is reconstructed from press lists, and the table shows how
    good the evidence for each name is. The host (United States) is left out, as in the count of 17.
    """
    coalition = load_coalition() if coalition is None else coalition
    named = coalition[coalition.coalition_signatory.isin(SIGNATURE_ORDER) & (coalition.status != "host")].copy()
    named["order"] = named.coalition_signatory.map({value: i for i, value in enumerate(SIGNATURE_ORDER)})
    named = named.sort_values(["order", "name_en"])
    return pd.DataFrame({
        "State": named.name_en,
        "Signed?": named.coalition_signatory.map(SIGNATORY_WORDS),
        "Evidence for the signature": named.signature_grade,
        "What the sources say": named.signature_note,
        "Signature sources": named.signature_sources.map(" | ".join),
        "Leader at the summit": named.summit_attendee,
    }).reset_index(drop=True)
