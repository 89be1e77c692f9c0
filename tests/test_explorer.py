"""The operations map and explorer: driven from Python, they show what the data says, and hostile
text stays text everywhere it is rendered."""

import json
import re

import pytest

from hemisphere.maps.offline import external_references
from hemisphere.data.schemas import OUTSIDE_AMERICAS_CODES
from hemisphere.maps.operations_map import event_records, operations_map, popup_card
from hemisphere.maps.page import AMERICAS_BOUNDS, SANDBOX
from hemisphere.topics.operations import running_count, story
from hemisphere.widgets.map_frame import MapFrame
from hemisphere.widgets.operations_explorer import NOTHING_MATCHES, OperationsExplorer
from support import map_payload, rewrite_csv, scripts_balanced

HOSTILE = '</script><img src=x onerror="parent.alert(1)"> ${alert(2)} "onmouseover="alert(3)\' & <b>bold</b>'


def page_points(html: str) -> list[dict]:
    """The markers a page carries, as rows, whether listed as rows or in compact columns."""
    payload = map_payload(html, "points")["points"]
    if "points" in payload:
        return payload["points"]
    columns = {field: column if isinstance(column, list) else [column["values"][at] for at in column["at"]]
               for field, column in payload["columns"].items()}
    return [dict(zip(columns, values)) for values in zip(*columns.values())]


@pytest.fixture
def explorer():
    """A fresh explorer for each test, which may step and filter it as it likes."""
    widget = OperationsExplorer()
    yield widget
    widget.close()


def test_the_map_page_has_every_event_and_loads_nothing_from_the_network():
    html = operations_map().html()
    assert external_references(html) == []
    points = page_points(html)
    assert [point["id"] for point in points] == list(story().id)
    assert "Hemisphere.addStepControl" in html and "Hemisphere.listen()" in html


def test_markers_differ_by_shape_as_well_as_colour_and_sea_positions_are_marked_approximate():
    records = {record["id"]: record for record in event_records()}
    assert records["E011"]["shape"] != records["E038"]["shape"]
    assert records["E011"]["approximate"] and ["Map position", "approximate"] in popup_card(records["E011"])["rows"]
    assert not records["E038"]["approximate"]


def test_events_off_the_map_are_drawn_at_its_edge_with_an_arrow_and_a_label():
    (south, west), (north, east) = AMERICAS_BOUNDS
    far = [record for record in event_records() if record["country_iso3"] in OUTSIDE_AMERICAS_CODES]
    assert {record["country_iso3"] for record in far} == {"CHE", "IRN"}
    for record in far:
        assert south < record["lat"] < north and west < record["lon"] < east  # inside the view
        assert record["edge"].endswith("\u2192") and record["approximate"]
        assert record["position_note"].startswith("off this map")
    near = [record for record in event_records() if record["country_iso3"] not in OUTSIDE_AMERICAS_CODES]
    assert all(record["edge"] is None for record in near)


def test_events_sharing_a_point_are_spread_but_single_events_keep_their_place():
    records = {record["id"]: record for record in event_records()}
    washington = [records[event_id] for event_id in ("E001", "E005", "E009")]
    assert len({(record["lat"], record["lon"]) for record in washington}) == 3
    assert (records["E053"]["lat"], records["E053"]["lon"]) == (19.94, -103.76)  # Tapalpa, alone


def test_the_explorer_starts_on_the_first_event_with_everything_in_step(explorer):
    explorer.filter()
    explorer.go_to(0)
    assert explorer.current_id == "E001" and explorer.map.current_id == "E001"
    assert explorer.slider.index == explorer.map.step == explorer.panel.step == 0
    assert explorer.map.ids == explorer.visible_ids == list(story().id)


def test_setting_the_slider_moves_the_map_and_the_panel(explorer):
    explorer.filter()
    explorer.slider.index = explorer.visible_ids.index("E038")
    assert explorer.map.current_id == "E038" and explorer.panel.current_id == "E038"
    assert explorer.slider.label.startswith("3 Jan 2026")
    text = explorer.panel_text()
    assert text.startswith("3 January 2026: Raid on land") and "Fuerte Tiuna" in text
    assert "Sources: https://" in text and "Confidence: high" in text


def test_next_at_the_last_event_stays_there(explorer):
    explorer.filter()
    last = story().id.iloc[-1]
    explorer.go_to(last)
    explorer.next()
    assert explorer.current_id == last and explorer.step == len(story()) - 1
    explorer.go_to(0)
    explorer.previous()
    assert explorer.current_id == "E001"


def silenced(explorer) -> list:
    """Every message the explorer's linked widgets would send to the browser, caught instead."""
    sent = []
    for widget in (explorer.slider, explorer.map, explorer.panel):
        widget.comm.send = lambda *args, **kwargs: sent.append((args, kwargs))  # noqa: ARG005
    return sent


def test_a_step_reported_by_the_browser_is_mirrored_but_not_sent_back(explorer):
    explorer.filter()
    explorer.go_to(0)
    sent = silenced(explorer)
    explorer.map.set_state({"step": 5})  # as when a click on a marker moved the map in the browser
    # The slider and the panel moved with it in the browser; Python's copies follow, silently.
    assert explorer.slider.index == explorer.map.step == explorer.panel.step == 5 and sent == []
    assert explorer.current_id == explorer.visible_ids[5]


def browser_reports_index(explorer, index) -> None:
    """The custom message the slider's front end sends for each new index (hemisphere-stepslider.js)."""
    explorer.slider._handle_msg({"content": {"data": {"method": "custom", "content": {"index": index}}},
                                 "buffers": []})


def test_the_slider_reports_each_step_as_a_custom_message_that_python_mirrors(explorer):
    explorer.filter()
    explorer.go_to(0)
    sent = silenced(explorer)
    browser_reports_index(explorer, 7)
    assert explorer.current_id == explorer.visible_ids[7] and explorer.panel.step == explorer.map.step == 7
    for nonsense in (-1, len(explorer.visible_ids), "3", True, None):
        browser_reports_index(explorer, nonsense)
        assert explorer.step == 7, nonsense
    assert sent == []


def test_a_filter_keeps_the_current_event_when_it_still_matches(explorer):
    explorer.filter()
    explorer.go_to("E024")
    explorer.filter(category="maritime_strike", country="XXP")
    assert explorer.current_id == "E024"
    events = story()
    assert explorer.visible_ids == list(events.id[(events.category == "maritime_strike") & (events.country_iso3 == "XXP")])
    assert explorer.map.ids == explorer.visible_ids and len(explorer.slider.options) == len(explorer.visible_ids)


def test_a_filter_that_matches_nothing_shows_a_plain_message(explorer):
    explorer.filter(category="raid", country="MEX")
    assert explorer.visible_ids == [] and explorer.map.ids == [] and explorer.current_id is None
    assert explorer.panel_text() == NOTHING_MATCHES and NOTHING_MATCHES.split(".")[0] in explorer.status.value
    assert explorer.slider.disabled
    explorer.next()  # does nothing rather than fail
    explorer.filter()
    assert explorer.visible_ids == list(story().id) and not explorer.slider.disabled


def test_the_map_frame_is_sandboxed_without_same_origin():
    source = str(MapFrame._esm)  # anywidget holds the file's contents
    assert re.search(r'const SANDBOX = "([^"]*)";', source).group(1) == SANDBOX
    assert "allow-same-origin" not in SANDBOX
    assert "event.source !== frame.contentWindow" in source


def test_hostile_text_in_the_events_stays_text(data_copy):
    def poison(rows):
        for row in rows[:3]:
            row["summary"] = row["place"] = row["actors"] = row["notes"] = HOSTILE

    rewrite_csv(data_copy / "operations.csv", poison)
    view = operations_map()
    html = view.html()
    assert "<img src=x" not in html and "<b>bold</b>" not in html
    assert scripts_balanced(html)
    assert any(point["popup"]["rows"][1][1] == HOSTILE for point in page_points(html))
    assert "<img" not in view._repr_html_().split('srcdoc="', 1)[1].split('"', 1)[0]
    explorer = OperationsExplorer()
    try:
        assert "<img src=x" not in explorer.map.page and scripts_balanced(explorer.map.page)
        columns = explorer.panel.event_columns()
        assert columns["summary"][columns["id"].index("E001")] == HOSTILE  # data, drawn with textContent
        assert "<img" not in explorer.status.value
    finally:
        explorer.close()


def test_time_passes_on_the_explorers_map_and_show_all_is_linked_in_the_browser(explorer):
    assert explorer.map.time_passes and not explorer.map.show_all
    links = {(link.source[0], link.target[0]) for link in explorer._links}
    assert (explorer.show_all, explorer.map) in links  # the toggle works with no kernel
    assert "tooltip" not in page_points(explorer.map.page)[0]  # the card beside the map tells the rest
    assert "Hemisphere.addStepControl" not in explorer.map.page


def test_the_map_and_the_panel_follow_the_slider_in_the_browser_only(explorer):
    """No jslink on the step (it would report the map's and the panel's step to the kernel too): the
    three share a link_key, the browser's channel for this explorer alone (hemisphere-steplink.js)."""
    key = explorer.slider.link_key
    assert key and explorer.map.link_key == explorer.panel.link_key == key
    assert all("step" not in (link.source[1], link.target[1]) and "index" not in (link.source[1], link.target[1])
               for link in explorer._links)
    assert "HemisphereStepLink" in explorer.slider._esm and "HemisphereStepLink" in explorer.map._esm
    assert "HemisphereStepLink" in explorer.panel._esm
    other = OperationsExplorer()
    try:
        assert other.slider.link_key != key
    finally:
        other.close()


def test_the_panel_carries_the_count_and_the_voices_at_each_event(explorer):
    columns = explorer.panel.event_columns()
    at = columns["id"].index("E061")  # the Doral summit, 7 March 2026
    count = explorer.panel.counts[columns["count"][at]]
    expected = running_count("2026-03-07")
    assert (count["strikes"], count["deaths"], count["counted_by"]) == (expected.strikes, expected.deaths, expected.counted_by)
    speakers = {explorer.panel.voices_said[position]["speaker"] for position in columns["voices"][at]}
    assert "Donald Trump" in speakers
    assert columns["count"][columns["id"].index("E001")] == -1  # before the first strike


def test_each_event_s_text_reaches_the_browser_once(explorer):
    summary = story().set_index("id").loc["E038", "summary"]
    assert summary not in explorer.map.page
    assert explorer.panel.event_columns()["summary"].count(summary) == 1
