"""Lesson 3's map in a real browser, offline: it draws, and a framing page can drive it by messages."""

import html

import pytest

from hemisphere import history_map, load_history
from hemisphere.maps.page import SANDBOX

pytestmark = pytest.mark.browser

OUTER = """<!doctype html><html><body>
<iframe id="map" sandbox="{sandbox}" style="width:1000px;height:600px" srcdoc="{page}"></iframe>
<script>
window.ready = false;
window.addEventListener("message", function (event) {{
  var frame = document.getElementById("map").contentWindow;
  if (event.source === frame && event.data && event.data.hemisphere === "map" && event.data.type === "ready") window.ready = true;
}});
window.send = function (message) {{
  document.getElementById("map").contentWindow.postMessage(Object.assign({{ hemisphere: "map" }}, message), "*");
}};
</script></body></html>"""


@pytest.fixture
def framed(offline_page, tmp_path):
    """The explorer's map page inside a sandboxed frame, as the notebook shows it, ready for messages."""
    page = history_map(all_events=True).html()
    path = tmp_path / "outer.html"
    path.write_text(OUTER.format(sandbox=SANDBOX, page=html.escape(page)), encoding="utf-8")
    offline_page.page.goto(path.as_uri())
    offline_page.page.wait_for_function("window.ready === true")
    return offline_page, offline_page.page.frames[1]


def test_the_era_map_draws_shapes_markers_and_keys_offline(offline_page, tmp_path):
    path = history_map("imperial").save(tmp_path / "imperial.html")
    page = offline_page.page
    page.goto(path.as_uri())
    page.wait_for_selector(".hem-marker")
    history = load_history()
    assert page.locator(".hem-marker").count() == int((history.era == "imperial").sum())
    assert page.locator(".leaflet-overlay-pane path").count() >= 54
    assert page.locator(".hem-legend").count() == 2 and page.locator(".hem-map-label").count() >= 5
    page.locator(".hem-marker").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(".leaflet-popup .hem-sources a")
    assert offline_page.blocked == [] and offline_page.errors == []
    offline_page.screenshot("history-map-imperial")


def test_messages_from_the_parent_show_only_some_markers_and_restyle_states(framed):
    offline_page, frame = framed
    page = offline_page.page
    assert frame.locator(".hem-marker").count() == len(load_history())
    page.evaluate("send({command: 'showOnly', ids: ['H047', 'H063']})")
    page.evaluate("send({command: 'caption', text: 'Two events'})")
    page.evaluate("send({command: 'updateLabels', texts: {VEN: '7', MEX: ''}})")
    page.evaluate("send({command: 'updateShapes', changes: {ARG: {style: {fillColor: '#123456', fillOpacity: 1}}}})")
    frame.wait_for_function("document.querySelector('.hem-caption').textContent === 'Two events'")
    assert frame.locator(".hem-marker").count() == 2
    assert "7" in frame.locator(".hem-map-label").all_inner_texts()
    assert frame.locator("path.hem-iso-ARG").get_attribute("fill") == "#123456"
    page.evaluate("send({command: 'focus', id: 'H063'})")
    frame.wait_for_selector(".leaflet-popup .hem-card-title")
    assert "Absolute Resolve" in frame.locator(".leaflet-popup .hem-card-title").inner_text()
    page.evaluate("send({command: 'showOnly', ids: null})")
    frame.wait_for_function(f"document.querySelectorAll('.hem-marker').length === {len(load_history())}")
    assert offline_page.blocked == [] and offline_page.errors == []


def test_messages_not_from_the_parent_or_of_another_shape_are_ignored(framed):
    offline_page, frame = framed
    frame.evaluate("window.postMessage({hemisphere: 'map', command: 'caption', text: 'from inside'}, '*')")
    offline_page.page.evaluate("send({command: 'eval', text: 'x'})")
    offline_page.page.evaluate("send({command: 'caption', text: 42})")
    offline_page.page.evaluate("document.getElementById('map').contentWindow.postMessage("
                               "{command: 'caption', text: 'no marker'}, '*')")
    offline_page.page.wait_for_timeout(300)
    assert frame.locator(".hem-caption").inner_text().startswith("Events: 1823–2026")
    assert offline_page.errors == []


def test_hostile_text_sent_in_a_message_stays_text(framed):
    offline_page, frame = framed
    offline_page.page.evaluate(
        "send({command: 'caption', text: '<img src=x onerror=\"window.hacked=1\">'})")
    frame.wait_for_function("document.querySelector('.hem-caption').textContent.startsWith('<img')")
    assert frame.locator(".hem-caption img").count() == 0
    assert frame.evaluate("window.hacked === undefined")
