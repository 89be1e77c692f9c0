"""Lesson 3's maps: recorded interventions per state (choropleth) with the events of an era on top.

Each builder returns a :class:`~hemisphere.maps.page.MapView` (offline page, sandboxed display, table).
The functions that make map data (:func:`shape_changes`, :func:`label_texts`, :func:`caption_text`)
are also what the era explorer sends to a map already on screen, so the two cannot drift apart.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from ..data.loaders import load_countries, load_history
from ..data.eras import ERAS, era
from ..topics.history import (
    INTERVENTION_CATEGORIES,
    compare_events,
    date_words,
    events_between,
    history_table,
    intervention_counts,
    is_intervention,
    state_names,
    years_of,
)
from .markers import spread_positions
from .page import SMALL_STATE_AREA, HemisphereCall, MapView, PointsLayer, ShapesLayer, base_map
from .palette import HISTORY_CATEGORY_STYLES, INTERVENTION_COUNT_BINS, OUTLINE, TERRITORY_GREY, count_bin
from ..data.safe_html import escape, link_list

COUNT_NOTE = ("Counts wars, invasions, occupations, other armed interventions, covert action and backing "
              "for coups (see data/README.md). Numbers on the map repeat the counts.")


def selection_label(selection) -> str:
    """Words for what a map shows: an era's heading, a year range, or the whole record."""
    if isinstance(selection, str):
        return era(selection).heading
    first, last = years_of(selection)
    return "1823–2026, every era" if selection is None else f"{first}–{last}"


def caption_text(selection, up_to: int) -> str:
    return f"Events: {selection_label(selection)} · Shading: recorded US interventions up to {up_to}"


def _state_card(name: str, count: int, titles: list[str], up_to: int) -> tuple[dict, dict]:
    noun = "intervention" if count == 1 else "interventions"
    tooltip = {"title": name, "rows": [[f"Recorded by {up_to}", f"{count} {noun}"]]}
    popup = {"title": name, "rows": [[f"Recorded US {noun} by {up_to}", str(count)],
                                     ["Which", "; ".join(titles) if titles else "none in the pack's data"]]}
    return tooltip, popup


def _count_style(count: int, is_territory: bool) -> dict:
    colour = TERRITORY_GREY if is_territory and count == 0 else count_bin(count).colour
    return {"fillColor": colour, "fillOpacity": 1, "color": OUTLINE, "weight": 0.7}


def shape_changes(up_to: int, history: pd.DataFrame | None = None,
                  countries: gpd.GeoDataFrame | None = None) -> dict[str, dict]:
    """For every shape: its fill, tooltip and popup when counting interventions that began by ``up_to``."""
    history = load_history() if history is None else history
    countries = load_countries() if countries is None else countries
    counted = history[history.category.isin(INTERVENTION_CATEGORIES) & (history.year <= up_to)]
    titles: dict[str, list[str]] = {}
    for code, year, title in zip(counted.country_iso3, counted.year, counted.title):
        titles.setdefault(code, []).append(f"{year} {title}")
    changes = {}
    for code, name, kind in zip(countries.iso3, countries.name_en, countries.kind):
        listed = titles.get(code, [])
        tooltip, popup = _state_card(name, len(listed), listed, up_to)
        changes[code] = {"style": _count_style(len(listed), kind == "territory"), "tooltip": tooltip, "popup": popup}
    return changes


def label_texts(up_to: int, history: pd.DataFrame | None = None,
                countries: gpd.GeoDataFrame | None = None) -> dict[str, str]:
    """The number shown on each shape (empty where the count is 0)."""
    countries = load_countries() if countries is None else countries
    counts = intervention_counts(up_to, history)
    return {code: (str(int(counts.get(code, 0))) if counts.get(code, 0) else "") for code in countries.iso3}


def _count_features(changes: dict[str, dict], countries: gpd.GeoDataFrame) -> dict:
    features = []
    for row in countries.itertuples():
        small = row.kind == "state" and row.geometry.area < SMALL_STATE_AREA
        features.append({
            "type": "Feature",
            "geometry": row.geometry.__geo_interface__,
            "properties": {"iso3": row.iso3, **changes[row.iso3],
                           "marker": [row.label_lat, row.label_lon] if small else None},
        })
    return {"type": "FeatureCollection", "features": features}


def event_points(frame: pd.DataFrame) -> list[dict]:
    """Markers for events: shape and colour by category, a short card on hover, the full card on click."""
    names = state_names()
    positions = spread_positions(frame)
    points = []
    for row in frame.itertuples():
        style = HISTORY_CATEGORY_STYLES[row.category]
        where = row.place + ("" if row.location_basis == "site" else " (marker at the capital of the state concerned)")
        points.append({
            "id": row.id,
            "category": row.category,
            "lat": positions[row.id][0],
            "lon": positions[row.id][1],
            "shape": style.shape,
            "colour": style.colour,
            "label": f"{row.year}: {row.title} ({style.label})",
            "tooltip": {"title": row.title, "rows": [["When", date_words(row)], ["Kind", style.label]]},
            "popup": {
                "title": row.title,
                "rows": [
                    ["When", date_words(row)],
                    ["Where", where],
                    ["Concerns", names.get(row.country_iso3, row.country_iso3)],
                    ["Kind", style.label + (" (counted as an intervention)" if is_intervention(row.category) else "")],
                    ["What happened", row.summary],
                    ["Confidence", row.confidence],
                ],
                "sources": list(row.source_urls),
            },
        })
    return points


def count_legend(up_to: int | None = None) -> dict:
    """The shading's key; without ``up_to`` (a map whose year changes) it points at the caption."""
    title = "Recorded US interventions " + (f"up to {up_to}" if up_to else "(up to the year in the caption)")
    return {
        "title": title,
        "position": "bottomright",  # over the Atlantic, clear of Mexico and Central America
        "collapsible": True,
        "items": [{"label": step.label, "fill": step.colour} for step in INTERVENTION_COUNT_BINS],
        "notes": [COUNT_NOTE],
    }


def category_legend(categories) -> dict:
    shown = [key for key in HISTORY_CATEGORY_STYLES if key in set(categories)]
    return {
        "title": "Events (shape and colour = kind)",
        "position": "topright",
        "collapsible": True,
        "items": [{"label": HISTORY_CATEGORY_STYLES[key].label, "colour": HISTORY_CATEGORY_STYLES[key].colour,
                   "shape": HISTORY_CATEGORY_STYLES[key].shape} for key in shown],
        "notes": ["Hover a marker for its date; click or press Enter for the full card and sources."],
    }


def history_map(selection=None, up_to: int | None = None, history: pd.DataFrame | None = None,
                all_events: bool = False, web_tiles: bool = False) -> MapView:
    """Recorded US interventions per state up to a year, with one era's (or range's) events as markers.

    ``selection`` is an era key such as ``"cold_war"``, a ``(first, last)`` year range, or None for
    the whole record; ``up_to`` defaults to the selection's last year. With ``all_events`` every
    event gets a marker (the explorer then shows or hides them). The table lists the events shown.
    """
    history = load_history() if history is None else history
    countries = load_countries()
    up_to = years_of(selection)[1] if up_to is None else int(up_to)
    shown = events_between(selection, history)
    drawn = history if all_events else shown
    fmap = base_map(web_tiles)
    ShapesLayer(_count_features(shape_changes(up_to, history, countries), countries)).add_to(fmap)
    texts = label_texts(up_to, history, countries)
    HemisphereCall("addLabels", [
        {"code": row.iso3, "lat": row.label_lat, "lon": row.label_lon, "text": texts[row.iso3]}
        for row in countries[["iso3", "label_lat", "label_lon"]].itertuples()
    ]).add_to(fmap)
    HemisphereCall("addLegend", count_legend(None if all_events else up_to)).add_to(fmap)
    HemisphereCall("addLegend", category_legend(drawn.category)).add_to(fmap)
    if all_events:  # the explorer's map: its widget shows the card beside the map
        HemisphereCall("cardsBeside").add_to(fmap)
    title = f"Map: US policy in the Americas, {selection_label(selection)}, with recorded interventions up to {up_to}"
    HemisphereCall("addCaption", caption_text(selection, up_to)).add_to(fmap)
    HemisphereCall("describeMap", title).add_to(fmap)
    PointsLayer(event_points(drawn)).add_to(fmap)  # last: it also starts listening to a framing widget
    return MapView(fmap, title, history_table(shown))


def era_overview(history: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each era with its years, its number of events and of recorded interventions, and a one-line summary."""
    history = load_history() if history is None else history
    rows = []
    for item in ERAS:
        events = history[history.era == item.key]
        rows.append((item.label, item.years, len(events), int(events.category.isin(INTERVENTION_CATEGORIES).sum()),
                     item.summary))
    return pd.DataFrame(rows, columns=["Era", "Years", "Events", "Recorded interventions", "In one line"])


def comparison_map(first: str, second: str, history: pd.DataFrame | None = None) -> MapView:
    """Both events of a comparison as markers, over the counts of interventions up to the later one."""
    history = load_history() if history is None else history
    pair = history[history.id.isin([first, second])]
    up_to = int(pair.year.max())
    countries = load_countries()
    fmap = base_map()
    ShapesLayer(_count_features(shape_changes(up_to, history, countries), countries)).add_to(fmap)
    PointsLayer(event_points(pair)).add_to(fmap)
    HemisphereCall("addLegend", count_legend(up_to)).add_to(fmap)
    HemisphereCall("addLegend", category_legend(pair.category)).add_to(fmap)
    title = f"Map: {' and '.join(pair.title)}"
    HemisphereCall("addCaption", " · ".join(f"{row.year}: {row.title}" for row in pair.itertuples())).add_to(fmap)
    HemisphereCall("describeMap", title).add_to(fmap)
    return MapView(fmap, title, history_table(pair), height=460)


#: JupyterLab right-aligns table cells; prose and source lists read better from the left, top.
CELL_STYLE = "text-align:left;vertical-align:top"


class Comparison:
    """Two events side by side: a two-column table (escaped, with links) and a map with both."""

    def __init__(self, first: str, second: str):
        self.table = compare_events(first, second)
        self.map = comparison_map(first, second)

    def as_table(self) -> pd.DataFrame:
        return self.table.copy()

    def _repr_html_(self) -> str:
        head = "".join(f'<th scope="col" style="{CELL_STYLE}">{escape(column)}</th>' for column in self.table.columns)
        body = []
        for aspect, cells in self.table.iterrows():
            values = [link_list(value) if aspect == "Sources" else escape(value) for value in cells]
            body.append(f'<tr><th scope="row" style="{CELL_STYLE}">{escape(aspect)}</th>'
                        + "".join(f'<td style="{CELL_STYLE}">{value}</td>' for value in values) + "</tr>")
        return (
            '<table class="hemisphere-comparison" style="table-layout:fixed;width:100%;text-align:left">'
            f'<caption>Two events compared (sources below each column)</caption>'
            f'<colgroup><col style="width:16%"><col style="width:42%"><col style="width:42%"></colgroup>'
            f'<thead><tr><th scope="col">Aspect</th>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'
            + self.map._repr_html_()
        )


def compare(first: str = "H047", second: str = "H063") -> Comparison:
    """Compare two events of ``history.csv`` by id (default: Panama 1989 and Caracas 2026)."""
    return Comparison(first, second)
