"""Saved map files draw every shape in a real browser with the network cut off."""

import pytest

from hemisphere import load_countries, status_map

pytestmark = pytest.mark.browser


def test_status_map_draws_every_shape_and_its_legend_offline(offline_page, tmp_path):
    path = status_map().save(tmp_path / "status.html")
    page = offline_page.page
    page.goto(path.as_uri())
    page.wait_for_selector(".leaflet-container path", state="attached")
    shapes = len(load_countries())
    assert page.locator(".leaflet-overlay-pane path").count() >= shapes
    assert page.locator(".hem-legend li").count() == 8
    assert offline_page.blocked == [] and offline_page.errors == []
    offline_page.screenshot("status-map")


def test_hovering_a_state_shows_its_card_and_clicking_lists_sources(offline_page, tmp_path):
    path = status_map().save(tmp_path / "status.html")
    page = offline_page.page
    page.goto(path.as_uri())
    brazil = page.locator("path.hem-iso-BRA")
    brazil.hover()
    page.wait_for_selector(".leaflet-tooltip .hem-card")
    assert "Brazil" in page.locator(".leaflet-tooltip").inner_text()
    brazil.click()
    page.wait_for_selector(".leaflet-popup .hem-sources a")
    hrefs = page.locator(".leaflet-popup .hem-sources a").evaluate_all("links => links.map(a => a.href)")
    assert hrefs and all(href.startswith("https://") for href in hrefs)


def test_a_map_drawn_before_its_frame_had_a_size_opens_on_the_americas(offline_page, tmp_path):
    """JupyterLab can run a map's scripts before it lays the output out; the map must not stay zoomed
    out on the whole world once it is shown."""
    holder = tmp_path / "hidden.html"
    holder.write_text(f'<div id="holder" style="display:none;width:800px">{status_map()._repr_html_()}</div>',
                      encoding="utf-8")
    page = offline_page.page
    page.goto(holder.as_uri())
    frame = page.locator("iframe.hemisphere-map").element_handle().content_frame()
    frame.wait_for_selector(".leaflet-overlay-pane path", state="attached")
    find_map = "window[Object.keys(window).find(name => name.startsWith('map_'))]"
    assert frame.evaluate(f"() => {find_map}.getSize().x") == 0  # the scripts ran with no box to measure
    page.evaluate("document.getElementById('holder').style.display = 'block'")
    frame.wait_for_function(f"() => {find_map}.getSize().x > 0", timeout=10_000)
    assert frame.evaluate(f"() => {find_map}.getZoom()") >= 2
