"""The static site (make site): every page works from disk with the network blocked, and is accessible."""

import os
import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from build_site import CELL_TIMEOUT_S, HTML_MANAGER, NODE_MODULES, build, copy_static, ensure_npm_assets, export
from hemisphere import load_countries, status_map
from hemisphere.lessons.contents import LESSONS

pytestmark = pytest.mark.browser

AXE = NODE_MODULES / "axe-core" / "axe.min.js"
SERIOUS = ("critical", "serious")


@pytest.fixture(scope="session")
def site(executed_notebooks, tmp_path_factory, browser):
    if shutil.which("npm") is None and not AXE.exists():
        message = "make site needs Node.js and npm: sudo apt-get install -y nodejs npm"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
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


WIDGET_ERRORS = "text=/Error displaying widget|Failed to load model class|Could not (create|load)/"


def site_explorer_steps(page):
    """In the site the explorer's own buttons, the linked map and the counts beside it work with no kernel."""
    panel = page.locator(".hem-records").first
    detail = panel.locator(".hem-records-detail")
    before = detail.inner_text()
    panel.locator(".hem-records-next").click()
    page.wait_for_function("([el, text]) => el.innerText !== text", arg=[detail.element_handle(), before])
    frame = page.locator("iframe.hem-mapframe").first.element_handle().content_frame()
    frame.wait_for_function("() => document.querySelectorAll('.hem-marker.hem-past').length === 1", timeout=10_000)
    assert frame.locator(".hem-marker.hem-current").count() == 1  # time passes with no kernel
    assert "strike" in panel.locator(".hem-timeline-counts").inner_text()


SITE_INTERACTIONS = {"02": site_explorer_steps}


@pytest.mark.parametrize("item", LESSONS, ids=[item.file for item in LESSONS])
def test_each_page_works_offline_and_is_accessible(site, offline_page, item):
    """Maps draw, widgets render (no error widget), links point at pages, no serious axe finding."""
    page = offline_page.page
    page.goto((site / f"{item.file.removesuffix('.ipynb')}.html").as_uri())
    page.wait_for_load_state("load")
    shapes = len(load_countries())
    for element in page.locator("iframe.hemisphere-map").element_handles():
        frame = element.content_frame()
        frame.wait_for_selector(".leaflet-overlay-pane path", state="attached", timeout=30_000)
        assert frame.locator(".leaflet-overlay-pane path").count() >= shapes
    if "application/vnd.jupyter.widget-state+json" in page.content():
        page.wait_for_selector(".jupyter-widgets", state="attached", timeout=30_000)
        page.wait_for_timeout(500)  # let every widget view finish loading its module
        assert page.locator(WIDGET_ERRORS).count() == 0, page.locator(WIDGET_ERRORS).all_inner_texts()
    assert not page.locator("a[href$='.ipynb']").count(), "links between lessons must point at .html pages"
    offline_page.screenshot(f"site-{item.file.removesuffix('.ipynb')}")
    assert axe_violations(page) == []
    if item.number in SITE_INTERACTIONS:
        SITE_INTERACTIONS[item.number](page)
    assert offline_page.blocked == [] and offline_page.errors == []


def test_the_map_page_the_pack_writes_is_accessible(site, offline_page, tmp_path):
    page = offline_page.page
    page.goto(status_map().save(tmp_path / "status.html").as_uri())
    page.wait_for_selector(".leaflet-overlay-pane path", state="attached")
    assert axe_violations(page) == []


HOSTILE_SUMMARY = "A meeting <!--<script> {{cycler.__init__.__globals__.os.system('touch${IFS}pwned')}} {% if 1 %}"


def test_text_that_would_open_a_script_in_the_widget_state_leaves_every_widget_showing(offline_page, tmp_path,
                                                                                      monkeypatch):
    """Widget state sits in a <script> element: "<!--<script>" from data must not swallow the page."""
    if shutil.which("npm") is None and not HTML_MANAGER.exists():
        pytest.fail("the site test needs Node.js and npm: sudo apt-get install -y nodejs npm")
    monkeypatch.chdir(tmp_path)
    events = tmp_path / "mine.csv"
    events.write_text("date,country_iso3,place,category,summary,source_urls,confidence\n"
                      f'2026-04-20,MEX,Mexico City <!--<script>,diplomatic,"{HOSTILE_SUMMARY}",'
                      "https://example.org/a,medium\n", encoding="utf-8")
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        f"import hemisphere as h\nh.operations_explorer(h.combine_events(h.load_events({str(events)!r})))")])
    NotebookClient(notebook, timeout=CELL_TIMEOUT_S, kernel_name="python3", store_widget_state=True,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    ensure_npm_assets()
    site = tmp_path / "site"
    copy_static(site)
    (site / "hostile.html").write_text(export(notebook, "Hostile text"), encoding="utf-8")
    assert not (tmp_path / "pwned").exists()

    page = offline_page.page
    page.goto((site / "hostile.html").as_uri())
    panel = page.locator(".hem-records").first
    panel.wait_for(state="attached", timeout=30_000)
    page.locator(".hem-stepslider").first.wait_for(state="attached", timeout=30_000)
    assert page.locator(WIDGET_ERRORS).count() == 0
    panel.locator(".hem-records-next").focus()
    page.keyboard.press("End")  # the teacher's event is the last in date order
    panel.locator(".hem-timeline-fold summary").click()  # the table, folded at first, draws the rows in view
    panel.locator(".hem-records-table").get_by_text("<!--<script>", exact=False).first.wait_for(state="attached")
    assert "<!--<script>" in panel.locator(".hem-records-detail").inner_text()
    frame = page.locator("iframe.hem-mapframe").first.element_handle().content_frame()
    frame.wait_for_selector(".leaflet-marker-pane > *", state="attached", timeout=30_000)
    assert offline_page.blocked == [] and offline_page.errors == []
