"""The operations explorer in JupyterLab, offline: Next, Play and a filter change the panel and the map."""

import re

import pytest

from hemisphere import load_operations

from jupyterlab_driver import run_all_cells

pytestmark = pytest.mark.browser


def visible_markers(frame) -> int:
    return frame.evaluate("() => [...document.querySelectorAll('.leaflet-marker-icon')]"
                          ".filter(m => m.offsetParent !== null && getComputedStyle(m).display !== 'none').length")


@pytest.fixture
def explorer(lab, offline_page):
    page = offline_page.page
    page.goto(lab.notebook_url("02_sequence_of_operations.ipynb"))
    run_all_cells(page)
    panel = page.locator(".hem-records").first
    panel.scroll_into_view_if_needed()
    frame = page.locator("iframe.hem-mapframe").first.element_handle().content_frame()
    frame.wait_for_selector(".leaflet-marker-icon", state="attached", timeout=30_000)
    return page, panel, frame


def test_next_play_and_a_filter_change_the_panel_and_the_map(explorer, offline_page):
    """One notebook run, three interactions in the order a student meets them."""
    page, panel, frame = explorer

    # Next: the detail card changes and the map opens the same event.
    detail = panel.locator(".hem-records-detail")
    before = detail.inner_text()
    panel.locator(".hem-records-next").click()
    page.wait_for_function("([el, text]) => el.innerText !== text", arg=[detail.element_handle(), before])
    frame.wait_for_selector(".leaflet-popup", timeout=10_000)
    title = frame.locator(".leaflet-popup .hem-card-title").inner_text()
    assert title and title.split()[0] in detail.inner_text()
    offline_page.screenshot("lab-explorer-next")

    # Play: the position moves on its own; then pause.
    position = panel.locator(".hem-records-position")
    start = position.inner_text()
    page.locator(".widget-play button").first.click()
    page.wait_for_function("([el, text]) => el.innerText !== text", arg=[position.element_handle(), start],
                           timeout=10_000)
    page.locator(".widget-play button").nth(1).click()

    # A filter: fewer rows in the table, only the matching markers on the map.
    assert visible_markers(frame) == len(load_operations())
    rows_before = panel.locator(".hem-records-table tbody tr").count()
    select = page.locator(".widget-dropdown:has(label:text-is('Kind of event')) select").first
    select.select_option(label="Strike on a boat")
    strikes = int((load_operations().category == "maritime_strike").sum())
    page.wait_for_function("([panel, n]) => panel.querySelectorAll('.hem-records-table tbody tr').length === n",
                           arg=[panel.element_handle(), strikes])
    assert strikes < rows_before
    frame.wait_for_function(
        "n => [...document.querySelectorAll('.leaflet-marker-icon')].filter(m => m.offsetParent !== null).length === n",
        arg=strikes)
    assert re.search(r"\d", position.inner_text())
    assert offline_page.blocked == [] and offline_page.errors == []
