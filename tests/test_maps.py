"""The status map: offline, small, sandboxed, complete, and safe with hostile text."""

import csv
import json
import re

import folium

from hemisphere import coalition_map_frame, status_map
from hemisphere.maps.offline import LEAFLET_VERSION, external_references, folium_leaflet_version
from hemisphere.maps.page import SANDBOX
from support import map_payload, scripts_balanced

MAX_PAGE_BYTES = 600_000
HOSTILE = '</script><img src=x onerror="parent.alert(1)"> ${alert(2)} "onmouseover="alert(3)'


def map_data(html: str) -> dict:
    """The feature collection the page passes to Hemisphere.addShapes."""
    return map_payload(html, "shapes")["shapes"]


def test_folium_and_the_inlined_leaflet_are_the_same_release():
    assert folium_leaflet_version() == LEAFLET_VERSION


def test_the_page_loads_nothing_from_the_network():
    html = status_map().html()
    assert external_references(html) == []
    assert "cdn.jsdelivr" not in html and "code.jquery.com" not in html


def test_the_external_reference_finder_does_find_cdn_links():
    fmap = folium.Map(tiles=None)
    assert len(external_references(fmap.get_root().render())) >= 4


def test_the_whole_offline_page_stays_under_600_kb():
    assert len(status_map().html().encode("utf-8")) < MAX_PAGE_BYTES


def test_every_shape_and_state_is_on_the_map_with_its_status():
    features = map_data(status_map().html())["features"]
    assert len(features) == 54
    statuses = {feature["properties"]["iso3"]: feature["properties"]["status"] for feature in features}
    assert statuses["USA"] == "host" and statuses["MEX"] == "excluded" and statuses["PRI"] == "territory"


def test_legend_tooltip_and_popup_data_are_present():
    html = status_map().html()
    assert "Hemisphere.addLegend" in html and "Summit member (12)" in html
    colombia = next(f for f in map_data(html)["features"] if f["properties"]["iso3"] == "COL")
    assert colombia["properties"]["tooltip"]["title"] == "Colombia"
    assert colombia["properties"]["popup"]["sources"][0].startswith("https://")


def test_weakly_sourced_states_have_dashed_outlines():
    features = {f["properties"]["iso3"]: f["properties"] for f in map_data(status_map().html())["features"]}
    assert features["JAM"]["style"]["dashArray"] and not features["GUY"]["style"]["dashArray"]


def test_the_notebook_display_is_a_sandboxed_frame_without_same_origin():
    frame = status_map()._repr_html_()
    assert frame.startswith("<iframe")
    assert f'sandbox="{SANDBOX}"' in frame and "allow-same-origin" not in SANDBOX
    assert "<script" not in frame.split('srcdoc="', 1)[1].split('"', 1)[0]


def test_the_table_alternative_has_one_row_per_state():
    table = status_map().as_table()
    states = coalition_map_frame()
    assert len(table) == (states.status != "territory").sum() and table.State.is_unique
    assert list(table.columns[:2]) == ["State", "Status"]


def test_optional_web_tiles_are_off_unless_asked_for():
    assert "tile.openstreetmap.org" not in status_map().html()
    assert "tile.openstreetmap.org" in status_map(web_tiles=True).html()


def test_hostile_text_in_the_data_stays_text(data_copy):
    path = data_copy / "coalition.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows[0]["notes"] = HOSTILE
    rows[0]["leader"] = "<b>bold</b>"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    html = status_map().html()
    assert "<img src=x" not in html and "<b>bold</b>" not in html
    assert scripts_balanced(html)
    notes = [f["properties"]["popup"]["rows"] for f in map_data(html)["features"]]
    assert any(["Notes", HOSTILE] in rows for rows in notes)
