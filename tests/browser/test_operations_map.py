"""The operations map in a real browser with the network cut off: the saved page steps through the
events on its own, and the notebook widgets' browser code drives it and draws the panel as text."""

import json

import pytest
from playwright.sync_api import expect

from hemisphere.maps.operations_map import detail_card, event_records, operations_map, table_cells
from hemisphere.widgets.map_frame import MapFrame, RecordPanel
from hemisphere.data.safe_html import json_for_script
from hemisphere.data.vocabulary import EVENT_CATEGORIES
from hemisphere.topics.operations import story
from support import rewrite_csv

pytestmark = pytest.mark.browser
HOSTILE = '</script><img src=x onerror="document.title=\'pwned\'"> ${document.title="pwned"} & "quotes"'
#: The events in story order, as the map steps through them; the Caracas raid is a landmark the tests go to.
EVENTS = story()
TOTAL = len(EVENTS)
FIRST = EVENTS.iloc[0]
RAID_STEP = list(EVENTS.id).index("E038")


def open_saved_map(offline_page, tmp_path):
    path = operations_map().save(tmp_path / "operations.html")
    page = offline_page.page
    page.goto(path.as_uri())
    page.wait_for_selector(".hem-marker", state="attached")
    return page


def status(page) -> str:
    return page.locator(".hem-step-status").inner_text()


def test_the_saved_map_draws_every_event_and_steps_with_no_kernel_and_no_network(offline_page, tmp_path):
    page = open_saved_map(offline_page, tmp_path)
    assert page.locator(".hem-marker").count() == TOTAL
    page.click(".hem-step-next")
    assert status(page).startswith(f"1 of {TOTAL}: {FIRST.date_text}")
    page.click(".hem-step-next")
    assert status(page).startswith(f"2 of {TOTAL}:")
    assert page.locator(".hem-marker.hem-current").count() == 1
    page.wait_for_selector(".leaflet-popup .hem-sources a")
    page.click(".hem-step-previous")
    assert status(page).startswith(f"1 of {TOTAL}:")
    page.locator(".hem-step-range").fill(str(RAID_STEP))
    assert status(page).startswith(f"{RAID_STEP + 1} of {TOTAL}: {EVENTS.loc['E038', 'date_text']}")
    assert offline_page.blocked == [] and offline_page.errors == []
    offline_page.screenshot("operations-map")


def test_play_advances_on_its_own_and_pauses(offline_page, tmp_path):
    page = open_saved_map(offline_page, tmp_path)
    page.click(".hem-step-play")
    assert status(page).startswith(f"1 of {TOTAL}")
    page.wait_for_function(f"document.querySelector('.hem-step-status').textContent.startsWith('2 of {TOTAL}')",
                           timeout=5000)
    page.click(".hem-step-play")  # pause
    paused = status(page)
    page.wait_for_timeout(1800)
    assert status(page) == paused
    assert page.locator(".hem-step-play").get_attribute("aria-pressed") == "false"


def test_zoom_is_kept_while_stepping(offline_page, tmp_path):
    page = open_saved_map(offline_page, tmp_path)
    page.click(".leaflet-control-zoom-in")
    page.wait_for_timeout(400)
    zoom = page.evaluate("() => { for (const k in window) if (k.startsWith('map_') && window[k].getZoom) return window[k].getZoom(); }")
    for _ in range(3):
        page.click(".hem-step-next")
    page.wait_for_timeout(400)
    after = page.evaluate("() => { for (const k in window) if (k.startsWith('map_') && window[k].getZoom) return window[k].getZoom(); }")
    assert after == zoom


def test_hostile_event_text_shows_as_text_in_the_popup(offline_page, tmp_path, data_copy):
    def poison(rows):
        rows[0]["summary"] = HOSTILE

    rewrite_csv(data_copy / "operations.csv", poison)
    page = open_saved_map(offline_page, tmp_path)
    page.click(".hem-step-next")
    page.wait_for_selector(".leaflet-popup .hem-card")
    assert HOSTILE in page.locator(".leaflet-popup .hem-card").last.text_content()
    assert page.locator(".leaflet-popup img").count() == 0
    assert page.title() != "pwned" and offline_page.errors == []


HARNESS = """<!doctype html><html><head><meta charset="utf-8"><title>widget harness</title></head><body>
<div id="map"></div><div id="panel"></div>
<script type="module">
function fakeModel(state) {
  const handlers = {};
  return {
    saved: 0,
    get(key) { return state[key]; },
    set(key, value) { state[key] = value; (handlers["change:" + key] || []).forEach((f) => f()); },
    on(event, handler) { (handlers[event] = handlers[event] || []).push(handler); },
    off(event, handler) { handlers[event] = (handlers[event] || []).filter((f) => f !== handler); },
    save_changes() { this.saved += 1; },
  };
}
async function load(source) {
  return (await import(URL.createObjectURL(new Blob([source], { type: "text/javascript" })))).default;
}
const data = JSON.parse(document.getElementById("data").textContent);
const mapFrame = await load(data.mapEsm);
const panel = await load(data.panelEsm);
window.mapModel = fakeModel(data.mapState);
window.panelModel = fakeModel(data.panelState);
mapFrame.render({ model: window.mapModel, el: document.getElementById("map") });
panel.render({ model: window.panelModel, el: document.getElementById("panel") });
window.harnessReady = true;
</script>
<script type="application/json" id="data">DATA</script>
</body></html>"""


def open_harness(offline_page, tmp_path, records=None):
    records = records or event_records()
    ids = [record["id"] for record in records]
    view = operations_map(records=records)
    data = {
        "mapEsm": str(MapFrame._esm),
        "panelEsm": RecordPanel._esm + "\n",
        "mapState": {"page": view.html(), "title": view.title, "height": 400, "ids": ids, "step": 0, "selected": ""},
        "panelState": {"records": {r["id"]: {"card": detail_card(r), "cells": table_cells(r)} for r in records},
                       "ids": ids, "step": 0, "columns": ["Date", "What", "Where", "Kind", "Confidence"],
                       "caption": "Events", "empty_message": "No events match."},
    }
    path = tmp_path / "harness.html"
    path.write_text(HARNESS.replace("DATA", json_for_script(data)), encoding="utf-8")
    page = offline_page.page
    page.goto(path.as_uri())
    page.wait_for_function("window.harnessReady === true")
    frame = page.frame_locator("iframe.hem-mapframe")
    frame.locator(".hem-marker.hem-current").wait_for(state="attached")
    return page, frame


def current_marker_title(frame) -> str:
    return frame.locator(".hem-marker.hem-current").get_attribute("title")


def test_the_widget_drives_the_sandboxed_map_and_hides_its_own_control(offline_page, tmp_path):
    page, frame = open_harness(offline_page, tmp_path)
    assert "allow-same-origin" not in page.locator("iframe.hem-mapframe").get_attribute("sandbox")
    assert current_marker_title(frame).startswith(FIRST.date_text)
    assert frame.locator(".hem-steps").is_hidden()
    page.evaluate(f"window.mapModel.set('step', {RAID_STEP})")
    frame.locator(f".hem-marker.hem-current[title^='{EVENTS.loc['E038', 'date_text']}: Raid']").wait_for(state="attached")
    page.evaluate("window.mapModel.set('ids', ['E011', 'E021'])")
    page.evaluate("window.mapModel.set('step', 1)")
    frame.locator(f".hem-marker.hem-current[title^='{EVENTS.loc['E021', 'date_text']}']").wait_for(state="attached")
    assert frame.locator(".hem-marker").count() == 2
    assert offline_page.blocked == [] and offline_page.errors == []


def test_choosing_a_marker_from_the_keyboard_comes_out_as_a_selection(offline_page, tmp_path):
    page, frame = open_harness(offline_page, tmp_path)
    frame.locator(f".hem-marker[title^='{EVENTS.loc['E053', 'date_text']}']").press("Enter")
    page.wait_for_function("window.mapModel.get('selected') === 'E053'")
    assert page.evaluate("window.mapModel.get('ids')[window.mapModel.get('step')]") == "E053"


def test_messages_of_the_wrong_shape_are_ignored(offline_page, tmp_path):
    page, frame = open_harness(offline_page, tmp_path)
    page.evaluate("""() => {
        const target = document.querySelector('iframe.hem-mapframe').contentWindow;
        target.postMessage({hemisphere: 'map', command: 'focus', id: {toString: 1}}, '*');
        target.postMessage({hemisphere: 'map', command: 'showOnly', ids: [1, 2]}, '*');
        target.postMessage('focus E070', '*');
        window.postMessage({hemisphere: 'map', type: 'select', id: 'E070'}, '*');
    }""")
    page.wait_for_timeout(300)
    assert frame.locator(".hem-marker").count() == TOTAL
    assert current_marker_title(frame).startswith(FIRST.date_text)
    assert page.evaluate("window.mapModel.get('selected')") == ""


def test_the_panel_steps_in_the_browser_and_stops_at_the_last_event(offline_page, tmp_path):
    page, _ = open_harness(offline_page, tmp_path)
    detail = page.locator(".hem-records-detail")
    assert detail.inner_text().startswith(f"{FIRST.date_text}: {EVENT_CATEGORIES[FIRST.category].label}")
    page.click(".hem-records-next")
    assert page.evaluate("window.panelModel.get('step')") == 1
    # The panel draws a step on the next animation frame: wait for it, do not read at once.
    expect(page.locator(".hem-records-position")).to_contain_text(f"Event 2 of {TOTAL}")
    page.evaluate(f"window.panelModel.set('step', {TOTAL - 1})")
    expect(page.locator(".hem-records-next")).to_be_disabled()
    page.locator(".hem-records-table tbody tr").nth(10).press("Enter")
    assert page.evaluate("window.panelModel.get('step')") == 10
    expect(page.locator("tr.hem-records-current")).to_have_count(1)
    page.evaluate("window.panelModel.set('ids', [])")
    assert detail.inner_text() == "No events match." and page.locator(".hem-records-table").is_hidden()


def test_hostile_text_in_the_panel_and_table_stays_text(offline_page, tmp_path):
    records = event_records()
    records[0]["summary"] = records[0]["headline"] = HOSTILE
    records[0]["sources"] = ["javascript:alert(1)", "https://example.org/a"]
    page, _ = open_harness(offline_page, tmp_path, records)
    assert HOSTILE in page.locator(".hem-records-detail").text_content()
    assert HOSTILE in page.locator(".hem-records-table tbody tr").first.text_content()
    assert page.locator("#panel img").count() == 0
    hrefs = page.locator(".hem-records-detail a").evaluate_all("links => links.map(a => a.href)")
    assert hrefs == ["https://example.org/a"]
    assert page.title() == "widget harness" and offline_page.errors == []
    json.dumps(hrefs)
