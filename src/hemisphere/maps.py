"""folium maps of the Americas that work offline, escape everything, and come with a table.

Every map builder returns a :class:`MapView`: it shows itself in a notebook inside a sandboxed
frame, saves as one self-contained HTML file, and gives the same content as a table
(:meth:`MapView.as_table`) for readers who cannot use the map.
"""

from __future__ import annotations

import re
from pathlib import Path

import folium
import geopandas as gpd
import pandas as pd
from branca.element import MacroElement
from folium.template import Template

from .coalition import SIGNATORY_WORDS, coalition_map_frame
from .offline import make_offline, page_html
from .palette import OUTLINE, STATUS_ORDER, STATUS_STYLES, TERRITORY_STYLE, UNCERTAIN_DASH, status_style
from .safe_html import escape, json_for_script

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


class ShapesLayer(MacroElement):
    """Shapes with their styles, tooltips and popups, embedded as escaped JSON.

    Used instead of ``folium.GeoJson``, whose tooltips and popups insert data as HTML.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = Hemisphere.addShapes({{ this._parent.get_name() }}, {{ this.data }});
        {% endmacro %}
        """
    )

    def __init__(self, collection: dict):
        super().__init__()
        self._name = "HemisphereShapes"
        self.data = json_for_script(collection)


class PointsLayer(MacroElement):
    """Points drawn as markers whose colour and shape show their category, embedded as escaped JSON.

    ``points``: ``[{id, lat, lon, category, shape, colour, approximate, label, tooltip, popup}]``,
    where tooltip and popup are cards (``{title, rows, sources}``) that the page builds with
    ``textContent``. The page also listens for commands from a notebook widget (see
    :mod:`hemisphere.mapwidget`): ``showOnly(ids)`` and ``focus(id)``.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = Hemisphere.addPoints({{ this._parent.get_name() }}, {{ this.data }});
        Hemisphere.listen();
        {% endmacro %}
        """
    )

    def __init__(self, points: list[dict]):
        super().__init__()
        self._name = "HemispherePoints"
        self.data = json_for_script({"points": points})


class StepControl(MacroElement):
    """An in-map control (Previous, Play, Next and a range) that steps through points by id.

    It makes a saved map or an exported lesson steppable with no kernel and no network; it hides
    itself when a notebook widget drives the map. ``steps``: ``[{id, label}]`` in order.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        Hemisphere.addStepControl({{ this._parent.get_name() }}, {{ this.steps }}, {{ this.options }});
        {% endmacro %}
        """
    )

    def __init__(self, steps: list[dict], label: str, interval_ms: int = 1500):
        super().__init__()
        self._name = "HemisphereSteps"
        self.steps = json_for_script(steps)
        self.options = json_for_script({"label": label, "interval": interval_ms})


class HemisphereCall(MacroElement):
    """One call to the page's map code, ``var <name> = Hemisphere.<function>(map, <args as JSON>)``.

    For example ``"addLabels"`` pins short labels (counts on states), ``"addLegend"`` adds a key,
    ``"addCaption"`` a caption that a framing widget can change. Arguments travel as escaped JSON,
    never as markup.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = Hemisphere.{{ this.function }}({{ this._parent.get_name() }}
        {%- for argument in this.arguments %}, {{ argument }}{% endfor %});
        {% endmacro %}
        """
    )

    def __init__(self, function: str, *arguments: object):
        super().__init__()
        if not re.fullmatch(r"[A-Za-z]+", function):
            raise ValueError(f"not a Hemisphere map function: {function!r}")
        self._name = f"Hemisphere_{function}"
        self.function = function
        self.arguments = [json_for_script(argument) for argument in arguments]


class MapDecorations(MacroElement):
    """Patterns, legend and an accessible name, passed to the page's script as escaped JSON."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        Hemisphere.addPatterns({{ this.patterns }});
        Hemisphere.addLegend({{ this._parent.get_name() }}, {{ this.legend }});
        Hemisphere.describeMap({{ this._parent.get_name() }}, {{ this.label }});
        {% endmacro %}
        """
    )

    def __init__(self, patterns: list[dict], legend: dict, label: str):
        super().__init__()
        self._name = "HemisphereDecorations"
        self.patterns = json_for_script(patterns)
        self.legend = json_for_script(legend)
        self.label = json_for_script(label)


def base_map(web_tiles: bool = False) -> folium.Map:
    """An empty offline map of the Americas; ``web_tiles`` adds an optional street layer, off by default."""
    fmap = folium.Map(tiles=None, control_scale=True, zoom_snap=0.5, min_zoom=2, max_zoom=9)
    fmap.fit_bounds([list(AMERICAS_BOUNDS[0]), list(AMERICAS_BOUNDS[1])])
    if web_tiles:
        folium.TileLayer(WEB_TILES, attr=WEB_TILES_ATTRIBUTION, name="Web map (needs internet)",
                         show=False, overlay=True).add_to(fmap)
    return make_offline(fmap)


def status_patterns() -> list[dict]:
    return [
        {"id": f"hem-{style.status}", "colour": style.colour, "kind": style.pattern}
        for style in STATUS_STYLES.values()
        if style.pattern not in ("solid", "plain")
    ]


def status_legend(counts: dict[str, int]) -> dict:
    items = [
        {
            "label": f"{style.label} ({counts.get(status, 0)})",
            "meaning": style.meaning,
            "fill": style.fill,
            "weight": 2.5 if status == "host" else 1,
        }
        for status, style in STATUS_STYLES.items()
    ]
    items.append({"label": "Territory (not a state)", "meaning": TERRITORY_STYLE.meaning, "fill": TERRITORY_STYLE.fill})
    items.append({"label": "Weakly sourced (one report)", "fill": "#FFFFFF", "dash": UNCERTAIN_DASH, "weight": 2})
    return {
        "title": "Shield of the Americas, 7 March 2026",
        "items": items,
        "notes": ["Numbers count states. Hover a state for details; click it for sources."],
    }


def first_sentence(text: str) -> str:
    match = re.match(r"(.+?[.!?])(\s|$)", text or "")
    return match.group(1) if match else (text or "")


def _country_info(row) -> tuple[dict, dict]:
    if row.status == "territory":
        title = row.name_en
        sovereign = f"Territory of {row.sovereign}" if row.sovereign else "Territory"
        rows = [["Status", sovereign], ["Note", row.note]]
        return {"title": title, "rows": rows}, {"title": title, "rows": rows, "sources": []}
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
            ["Signed the 5 March declaration", SIGNATORY_WORDS[row.coalition_signatory]],
            ["Confidence", row.confidence],
            ["Notes", row.notes],
            ["Map note", row.note],
        ],
        "sources": list(row.source_urls),
    }
    return tooltip, popup


def status_features(frame: gpd.GeoDataFrame, muted: bool = False) -> dict:
    """The states and territories as a feature collection for :class:`ShapesLayer`.

    ``muted`` draws them pale and thin, as a quiet base under other layers (events, eras).
    """
    features = []
    for row in frame.itertuples():
        tooltip, popup = _country_info(row)
        weak = row.status != "territory" and row.confidence == "low"
        small = row.kind == "state" and row.geometry.area < SMALL_STATE_AREA
        features.append({
            "type": "Feature",
            "geometry": row.geometry.__geo_interface__,
            "properties": {
                "iso3": row.iso3,
                "status": row.status,
                "style": _status_style(row.status, weak, muted),
                "tooltip": tooltip,
                "popup": popup,
                "marker": [row.label_lat, row.label_lon] if small else None,
            },
        })
    return {"type": "FeatureCollection", "features": features}


#: How a muted base differs from the full status map.
MUTED_STYLE = {"fillOpacity": 0.35, "color": "#8A8A8A", "weight": 0.5, "dashArray": None}


def _status_style(status: str, weak: bool, muted: bool = False) -> dict:
    style = status_style(status)
    if muted:
        return {"fillColor": style.fill, **MUTED_STYLE}
    return {
        "fillColor": style.fill,
        "fillOpacity": 0.8 if status == "territory" else 1,
        "color": OUTLINE,
        "weight": 2.5 if status == "host" else (2 if weak else 0.7),
        "dashArray": UNCERTAIN_DASH if weak else None,
    }


def status_table(frame: gpd.GeoDataFrame) -> pd.DataFrame:
    """One row per state: the map's content in words."""
    states = frame[frame.kind == "state"].copy()
    states["order"] = states.status.map({status: i for i, status in enumerate(STATUS_ORDER)})
    states = states.sort_values(["order", "name_en"])
    return pd.DataFrame({
        "State": states.name_en,
        "Status": states.status.map(lambda status: STATUS_STYLES[status].label),
        "At the summit": states.summit_attendee,
        "Signed the declaration": states.coalition_signatory.map(SIGNATORY_WORDS),
        "Leader": states.leader.fillna(""),
        "Confidence": states.confidence,
        "In short": states.notes.map(first_sentence),
    }).reset_index(drop=True)


def status_map(frame: gpd.GeoDataFrame | None = None, web_tiles: bool = False) -> MapView:
    """Every state of the Americas coloured and patterned by its part in the Shield of the Americas."""
    frame = coalition_map_frame() if frame is None else frame
    fmap = base_map(web_tiles)
    ShapesLayer(status_features(frame)).add_to(fmap)
    counts = frame[frame.kind == "state"].status.value_counts().to_dict()
    title = "Map: the states of the Americas by their part in the Shield of the Americas summit"
    MapDecorations(status_patterns(), status_legend(counts), title).add_to(fmap)
    if web_tiles:
        folium.LayerControl(collapsed=False).add_to(fmap)
    return MapView(fmap, title, status_table(frame))
