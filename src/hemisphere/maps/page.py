"""folium maps of the Americas that work offline, escape everything, and come with a table.

Every map builder returns a :class:`MapView`: it shows itself in a notebook inside a sandboxed
frame, saves as one self-contained HTML file, and gives the same content as a table
(:meth:`MapView.as_table`) for readers who cannot use the map.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import folium
import geopandas as gpd
import pandas as pd
from folium.template import Template

from ..data.dates import spell_date
from ..data.safe_html import escape
from ..data.text import first_sentence
from ..data.vocabulary import STATUS_ORDER
from ..topics.coalition import SIGNATORY_WORDS, coalition_map_frame, states_in_order
from ..topics.perspectives import POSITIONS_DATE, as_date, positions_frame, positions_table
from .offline import MapData, make_offline, page_html
from .palette import OUTLINE, POSITION_STYLES, STATUS_STYLES, TERRITORY_STYLE, UNCERTAIN_DASH, StatusStyle

#: The view every map opens on: Patagonia to southern Canada. Fixed, because the layer's own
#: bounds reach across the Pacific (see data/README.md).
AMERICAS_BOUNDS = ((-56.0, -128.0), (58.0, -32.0))
MAP_HEIGHT_PX = 540
#: States smaller than this (square degrees) also get a circle marker, so they can be seen and hovered.
SMALL_STATE_AREA = 1.5
#: An iframe with these permissions runs the map's scripts in an opaque origin: Leaflet works,
#: links open in new tabs, and nothing inside can read JupyterLab's token or cookies.
SANDBOX = "allow-scripts allow-popups allow-popups-to-escape-sandbox"
WEB_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
WEB_TILES_ATTRIBUTION = "&copy; OpenStreetMap contributors"
#: Outline width of an emphasised category (the United States), so it stands out without a colour.
EMPHASIS_WEIGHT = 2.5
#: ``describe(row) -> (tooltip, popup)``: the cards a state shows on hover and on click.
Describe = Callable[[object], tuple[dict, dict]]


class MapView:
    """A finished map: offline HTML, a sandboxed notebook display, and a table alternative."""

    def __init__(self, fmap: folium.Map, title: str, table: pd.DataFrame, height: int = MAP_HEIGHT_PX):
        self.folium_map = fmap
        self.title = title
        self.table = table
        self.height = height

    def html(self) -> str:
        """The whole map as one HTML page that needs no network."""
        return page_html(self.folium_map, self.title)

    def save(self, path: str | Path) -> Path:
        path = Path(path)
        path.write_text(self.html(), encoding="utf-8")
        return path

    def as_table(self) -> pd.DataFrame:
        """The map's content as a table, for screen readers, printouts and a second look."""
        return self.table.copy()

    def _repr_html_(self) -> str:
        return sandboxed_frame(self.html(), self.title, self.height)


def sandboxed_frame(page: str, title: str, height: int) -> str:
    """An iframe holding ``page`` with scripts allowed but no access to the notebook's origin."""
    return (
        f'<iframe class="hemisphere-map" title="{escape(title)}" sandbox="{SANDBOX}" '
        f'style="width:100%;height:{int(height)}px;border:1px solid #999;border-radius:4px" '
        f'srcdoc="{escape(page)}"></iframe>'
    )


class ShapesLayer(MapData):
    """Shapes with their styles, tooltips and popups, passed to the page as JSON.

    Used instead of ``folium.GeoJson``, whose tooltips and popups insert data as HTML.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = Hemisphere.addShapes({{ this._parent.get_name() }}, {{ this.data("shapes") }});
        {% endmacro %}
        """
    )

    def __init__(self, collection: dict):
        super().__init__("HemisphereShapes", shapes=collection)


class PointsLayer(MapData):
    """Points drawn as markers whose colour and shape show their category, passed to the page as JSON.

    ``points``: ``[{id, lat, lon, category, shape, colour, approximate, label, tooltip, popup}]``,
    where tooltip and popup are cards (``{title, rows, sources}``) that the page builds with
    ``textContent``. The page also listens for commands from a notebook widget (see
    :mod:`hemisphere.widgets.map_frame`): ``showOnly(ids)`` and ``focus(id)``.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = Hemisphere.addPoints({{ this._parent.get_name() }}, {{ this.data("points") }});
        Hemisphere.listen();
        {% endmacro %}
        """
    )

    def __init__(self, points: list[dict], compact: bool = False):
        """``compact``: for a page an explorer drives, points in columns, none drawn until the explorer says."""
        super().__init__("HemispherePoints",
                         points={**point_columns(points), "driven": True} if compact else {"points": points})


def point_columns(points: list[dict]) -> dict:
    """Points as one list per field (``{"columns": {field: column}}``), a field that takes few values
    (shape, colour, category) listed once and referred to by position: the compact form a page of
    thousands of events carries (``Hemisphere.addPoints`` reads both)."""
    fields = list(dict.fromkeys(key for point in points for key in point))
    return {"columns": {field: compact_column([point.get(field) for point in points]) for field in fields}}


def compact_column(values: list) -> list | dict:
    """``values`` as they are, or, when they repeat a lot, as ``{"values": [distinct], "at": [position]}``."""
    keys = [tuple(value) if isinstance(value, list) else value for value in values]
    first = dict(zip(reversed(keys), reversed(values)))  # each distinct key's value, as given
    if len(first) * 2 > len(values):
        return values
    position = {key: number for number, key in enumerate(dict.fromkeys(keys))}
    return {"values": [first[key] for key in position], "at": [position[key] for key in keys]}


class StepControl(MapData):
    """An in-map control (Previous, Play, Next and a range) that steps through points by id.

    It makes a saved map or an exported lesson steppable with no kernel and no network; it hides
    itself when a notebook widget drives the map. ``steps``: ``[{id, label}]`` in order.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        Hemisphere.addStepControl({{ this._parent.get_name() }}, {{ this.data("steps") }}, {{ this.data("options") }});
        {% endmacro %}
        """
    )

    def __init__(self, steps: list[dict], label: str, interval_ms: int = 1500):
        super().__init__("HemisphereSteps", steps=steps, options={"label": label, "interval": interval_ms})


class HemisphereCall(MapData):
    """One call to the page's map code, ``var <name> = Hemisphere.<function>(map, ...arguments)``.

    For example ``"addLabels"`` pins short labels (counts on states), ``"addLegend"`` adds a key,
    ``"addCaption"`` a caption that a framing widget can change. Arguments travel as JSON, never
    as markup or template text.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = Hemisphere.{{ this.function }}.apply(null,
            [{{ this._parent.get_name() }}].concat({{ this.data("arguments") }}));
        {% endmacro %}
        """
    )

    def __init__(self, function: str, *arguments: object):
        if not (function.isascii() and function.isalpha()):
            raise ValueError(f"not a Hemisphere map function: {function!r}")
        super().__init__(f"Hemisphere_{function}", arguments=list(arguments))
        self.function = function


class MapDecorations(MapData):
    """Patterns, legend and an accessible name, passed to the page's script as JSON."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        Hemisphere.addPatterns({{ this.data("patterns") }});
        Hemisphere.addLegend({{ this._parent.get_name() }}, {{ this.data("legend") }});
        Hemisphere.describeMap({{ this._parent.get_name() }}, {{ this.data("label") }});
        {% endmacro %}
        """
    )

    def __init__(self, patterns: list[dict], legend: dict, label: str):
        super().__init__("HemisphereDecorations", patterns=patterns, legend=legend, label=label)


def base_map(web_tiles: bool = False) -> folium.Map:
    """An empty offline map of the Americas; ``web_tiles`` adds an optional street layer, off by default."""
    fmap = folium.Map(tiles=None, control_scale=True, zoom_snap=0.5, min_zoom=2, max_zoom=9)
    home = [list(AMERICAS_BOUNDS[0]), list(AMERICAS_BOUNDS[1])]
    fmap.fit_bounds(home)
    HemisphereCall("keepHomeView", home).add_to(fmap)
    if web_tiles:
        folium.TileLayer(WEB_TILES, attr=WEB_TILES_ATTRIBUTION, name="Web map (needs internet)",
                         show=False, overlay=True).add_to(fmap)
    return make_offline(fmap)


@dataclass(frozen=True)
class Categories:
    """What a categorical map (a choropleth) fills each state by: a column of the frame and its styles."""

    column: str  # the frame's column holding each state's category key
    styles: Mapping[str, StatusStyle]  # category key -> look, in legend order
    legend_title: str
    notes: tuple[str, ...] = ("Numbers count states. Hover a state for details; click it for sources.",)


STATUS_CATEGORIES = Categories("status", STATUS_STYLES, "Shield of the Americas, 7 March 2026")
POSITION_CATEGORIES = Categories("position", POSITION_STYLES, "Stated positions, 2025 to March 2026")


def pattern_specs(styles: Mapping[str, StatusStyle]) -> list[dict]:
    """The SVG fill patterns a map's legend and shapes refer to."""
    return [
        {"id": f"hem-{style.status}", "colour": style.colour, "kind": style.pattern}
        for style in styles.values()
        if style.pattern not in ("solid", "plain")
    ]


def legend_spec(categories: Categories, counts: Mapping[str, int]) -> dict:
    """The legend: one swatch per category with its count, then territories and weak evidence."""
    items = [
        {
            "label": f"{style.label} ({counts.get(key, 0)})",
            "meaning": style.meaning,
            "fill": style.fill,
            "weight": EMPHASIS_WEIGHT if style.emphasised else 1,
        }
        for key, style in categories.styles.items()
    ]
    items.append({"label": "Territory (not a state)", "meaning": TERRITORY_STYLE.meaning, "fill": TERRITORY_STYLE.fill})
    items.append({"label": "Weakly sourced (one report)", "fill": "#FFFFFF", "dash": UNCERTAIN_DASH, "weight": 2})
    return {"title": categories.legend_title, "items": items, "notes": list(categories.notes)}


def territory_info(row) -> tuple[dict, dict]:
    """Tooltip and popup of a territory: not a state, so not in any category."""
    sovereign = f"Territory of {row.sovereign}" if row.sovereign else "Territory"
    rows = [["Status", sovereign], ["Note", row.note]]
    return {"title": row.name_en, "rows": rows}, {"title": row.name_en, "rows": rows, "sources": []}


def _signature_words(row) -> str:
    """What the sources say about a state's signature, with the grade of that evidence (not of attendance)."""
    words = SIGNATORY_WORDS[row.coalition_signatory]
    grade = getattr(row, "signature_grade", None)
    return f"{words}; evidence {grade}" if isinstance(grade, str) else words


def _country_info(row) -> tuple[dict, dict]:
    style = STATUS_STYLES[row.status]
    leader = f"{row.leader} ({row.leader_title})" if isinstance(row.leader, str) and row.leader else None
    tooltip = {
        "title": row.name_en,
        "rows": [["Status", style.label], ["Leader", leader], ["In short", first_sentence(row.notes)]],
    }
    popup = {
        "title": f"{row.name_en} / {row.name_es}" if row.name_es != row.name_en else row.name_en,
        "rows": [
            ["Status", f"{style.label}: {style.meaning}"],
            ["Leader at the summit" if row.summit_attendee == "yes" else "Leader", leader],
            ["Signed the 5 March declaration", _signature_words(row)],
            ["Confidence in the status", row.confidence],
            ["Notes", row.notes],
            ["Map note", row.note],
        ],
        "sources": list(row.source_urls),
    }
    return tooltip, popup


def shape_features(frame: gpd.GeoDataFrame, categories: Categories, describe: Describe, muted: bool = False) -> dict:
    """Every shape with its style, tooltip and popup, as the GeoJSON the page's script draws.

    ``muted`` draws them pale and thin, as a quiet base under other layers (events, eras).
    """
    features = []
    for row in frame.itertuples():
        state = row.kind == "state"
        if state:
            style = categories.styles[getattr(row, categories.column)]
            tooltip, popup = describe(row)
        else:
            style = TERRITORY_STYLE
            tooltip, popup = territory_info(row)
        weak = state and getattr(row, "confidence", None) == "low"
        small = state and row.geometry.area < SMALL_STATE_AREA
        features.append({
            "type": "Feature",
            "geometry": row.geometry.__geo_interface__,
            "properties": {
                "iso3": row.iso3,
                "status": style.status,  # the category key (a status or a position)
                "style": shape_style(style, weak, muted),
                "tooltip": tooltip,
                "popup": popup,
                "marker": [row.label_lat, row.label_lon] if small else None,
            },
        })
    return {"type": "FeatureCollection", "features": features}


#: How a muted base differs from the full map.
MUTED_STYLE = {"fillOpacity": 0.35, "color": "#8A8A8A", "weight": 0.5, "dashArray": None}


def shape_style(style: StatusStyle, weak: bool, muted: bool = False) -> dict:
    """Leaflet path options: the category's fill, a thick outline if emphasised, a dashed one if weak."""
    if muted:
        return {"fillColor": style.fill, **MUTED_STYLE}
    return {
        "fillColor": style.fill,
        "fillOpacity": 0.8 if style is TERRITORY_STYLE else 1,
        "color": OUTLINE,
        "weight": EMPHASIS_WEIGHT if style.emphasised else (2 if weak else 0.7),
        "dashArray": UNCERTAIN_DASH if weak else None,
    }


def status_features(frame: gpd.GeoDataFrame, muted: bool = False) -> dict:
    """The states by coalition status, as a feature collection for :class:`ShapesLayer` (``muted``: a pale base)."""
    return shape_features(frame, STATUS_CATEGORIES, _country_info, muted)


def status_patterns() -> list[dict]:
    """The fill patterns of the coalition statuses."""
    return pattern_specs(STATUS_STYLES)


def categorical_map(frame: gpd.GeoDataFrame, categories: Categories, describe: Describe, table: pd.DataFrame,
                    title: str, web_tiles: bool = False) -> MapView:
    """A choropleth of the Americas: each state filled by its category (colour and pattern), territories
    in pale grey, weakly sourced states outlined with dashes, a legend with counts, and ``table`` as the
    text alternative. ``describe(row)`` gives a state's tooltip and popup."""
    fmap = base_map(web_tiles)
    ShapesLayer(shape_features(frame, categories, describe)).add_to(fmap)
    counts = frame[frame.kind == "state"][categories.column].value_counts().to_dict()
    MapDecorations(pattern_specs(categories.styles), legend_spec(categories, counts), title).add_to(fmap)
    if web_tiles:
        folium.LayerControl(collapsed=False).add_to(fmap)
    return MapView(fmap, title, table)


def status_table(frame: gpd.GeoDataFrame) -> pd.DataFrame:
    """One row per state: the map's content in words."""
    states = states_in_order(frame, "status", STATUS_ORDER)
    return pd.DataFrame({
        "State": states.name_en,
        "Status": states.status.map(lambda status: STATUS_STYLES[status].label),
        "At the summit": states.summit_attendee,
        "Signed the declaration": states.coalition_signatory.map(SIGNATORY_WORDS),
        "Evidence for the signature": states.signature_grade.fillna(""),
        "Leader": states.leader.fillna(""),
        "Confidence in the status": states.confidence,
        "In short": states.notes.map(first_sentence),
    }).reset_index(drop=True)


def status_map(frame: gpd.GeoDataFrame | None = None, web_tiles: bool = False) -> MapView:
    """Every state of the Americas coloured and patterned by its part in the Shield of the Americas."""
    frame = coalition_map_frame() if frame is None else frame
    title = "Map: the states of the Americas by their part in the Shield of the Americas summit"
    return categorical_map(frame, STATUS_CATEGORIES, _country_info, status_table(frame), title, web_tiles)


def _position_info(row) -> tuple[dict, dict]:
    style = POSITION_STYLES[row.position]
    tooltip = {"title": row.name_en, "rows": [["Position", style.label], ["In short", first_sentence(row.summary)]]}
    quotations = [[f"Quotation {number}", line] for number, line in enumerate(row.quote_lines, start=1)]
    popup = {
        "title": row.name_en,
        "rows": [
            ["Position", f"{style.label}: {style.meaning}"],
            ["Since", spell_date(row.from_date) if isinstance(row.from_date, dt.date) else None],
            ["In our words", row.summary],
            *quotations,
            ["Confidence", row.confidence if isinstance(row.confidence, str) else None],
        ],
        "sources": list(row.source_urls),
    }
    return tooltip, popup


def positions_map(as_of: dt.date | str = POSITIONS_DATE, frame: gpd.GeoDataFrame | None = None,
                  web_tiles: bool = False) -> MapView:
    """Every state of the Americas coloured and patterned by the position it had stated by ``as_of``.

    ``as_of`` is a date (or text such as "2026-01-05"); the default is the Doral summit, 7 March 2026.
    """
    frame = positions_frame(as_of=as_of) if frame is None else frame
    day = frame.attrs.get("as_of", as_date(as_of))
    title = f"Map: the states of the Americas by their stated position on the US military campaign, as of {spell_date(day)}"
    return categorical_map(frame, POSITION_CATEGORIES, _position_info, positions_table(frame), title, web_tiles)
