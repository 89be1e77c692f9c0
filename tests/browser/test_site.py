"""The static site (make site): every page works from disk with the network blocked, and is accessible."""

import shutil
from pathlib import Path

import pytest

from build_site import NODE_MODULES, build
from hemisphere import load_countries, status_map
from hemisphere.lessons import LESSONS

pytestmark = pytest.mark.browser

AXE = NODE_MODULES / "axe-core" / "axe.min.js"
SERIOUS = ("critical", "serious")


@pytest.fixture(scope="session")
def site(executed_notebooks, tmp_path_factory, browser):
    if shutil.which("npm") is None and not AXE.exists():
        pytest.skip("make site needs Node.js and npm: sudo apt-get install -y nodejs npm")
    return build(tmp_path_factory.mktemp("site") / "site",
                 executed={item.file: executed_notebooks(item.file) for item in LESSONS})


def axe_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [
        {"id": item["id"], "impact": item["impact"], "nodes": [node["target"] for node in item["nodes"]][:5]}
        for item in result if item["impact"] in SERIOUS
    ]


def test_the_index_links_every_lesson(site, offline_page):
    page = offline_page.page
    page.goto((site / "index.html").as_uri())
    hrefs = page.locator("main a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    for item in LESSONS:
        assert f"{item.file.removesuffix('.ipynb')}.html" in hrefs
        assert (site / f"{item.file.removesuffix('.ipynb')}.html").exists()
    assert axe_violations(page) == []


@pytest.mark.parametrize("file", [item.file for item in LESSONS])
def test_each_page_draws_its_maps_and_widgets_offline(site, offline_page, file):
    page = offline_page.page
    page.goto((site / f"{file.removesuffix('.ipynb')}.html").as_uri())
    page.wait_for_load_state("load")
    shapes = len(load_countries())
    for element in page.locator("iframe.hemisphere-map").element_handles():
        frame = element.content_frame()
        frame.wait_for_selector(".leaflet-overlay-pane path", state="attached", timeout=30_000)
        assert frame.locator(".leaflet-overlay-pane path").count() >= shapes
    if 'application/vnd.jupyter.widget-state+json' in page.content():
        page.wait_for_selector(".jupyter-widgets", state="attached", timeout=30_000)
    assert not page.locator("a[href$='.ipynb']").count(), "links between lessons must point at .html pages"
    assert offline_page.blocked == [] and offline_page.errors == []
    offline_page.screenshot(f"site-{file.removesuffix('.ipynb')}")


@pytest.mark.parametrize("file", [item.file for item in LESSONS])
def test_each_page_has_no_serious_accessibility_violations(site, offline_page, file):
    page = offline_page.page
    page.goto((site / f"{file.removesuffix('.ipynb')}.html").as_uri())
    page.wait_for_load_state("load")
    assert axe_violations(page) == []


def test_the_map_page_the_pack_writes_is_accessible(offline_page, tmp_path):
    if not AXE.exists():
        pytest.skip("axe-core is installed by make site (npm)")
    page = offline_page.page
    page.goto(status_map().save(tmp_path / "status.html").as_uri())
    page.wait_for_selector(".leaflet-overlay-pane path", state="attached")
    assert axe_violations(page) == []
