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
