"""Every lesson in JupyterLab, in Chromium, offline: runs without errors, maps draw, tables and legends show."""

import pytest

from hemisphere import load_countries
from hemisphere.lessons import LESSONS

from jupyterlab_driver import run_all_cells

pytestmark = pytest.mark.browser

ERROR_OUTPUTS = ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"


def drawn_map_frames(page):
    """The content frame of each pack map shown in the notebook, once Leaflet has drawn in it."""
    frames = []
    for element in page.locator("iframe.hemisphere-map").element_handles():
        frame = element.content_frame()
        frame.wait_for_selector(".leaflet-overlay-pane path", state="attached", timeout=30_000)
        frames.append(frame)
    return frames


@pytest.mark.parametrize("file", [item.file for item in LESSONS])
def test_lesson_runs_and_its_maps_draw_offline(lab, offline_page, file):
    page = offline_page.page
    page.goto(lab.notebook_url(file))
    run_all_cells(page)
    assert page.locator(".jp-OutputArea-output.jp-OutputArea-executeResult, .jp-OutputArea-output").count() > 0
    errors = page.locator(f"{ERROR_OUTPUTS}, .jp-RenderedText[data-mime-type='application/vnd.jupyter.error']")
    assert errors.count() == 0, errors.all_inner_texts()
    assert page.locator("text=Make this Notebook Trusted").count() == 0
    shapes = len(load_countries())
    for frame in drawn_map_frames(page):
        assert frame.locator(".leaflet-overlay-pane path").count() >= shapes
        assert frame.locator(".hem-legend li").count() >= 2
    assert offline_page.blocked == []
    assert offline_page.errors == []
    first_map = page.locator("iframe.hemisphere-map").first
    if first_map.count():
        first_map.scroll_into_view_if_needed()
    offline_page.screenshot(f"lab-{file.removesuffix('.ipynb')}")


def test_lesson_one_shows_its_map_table_and_quiz(lab, offline_page):
    page = offline_page.page
    page.goto(lab.notebook_url("01_who_is_in.ipynb"))
    run_all_cells(page)
    assert len(drawn_map_frames(page)) == 1
    table_rows = page.locator(".jp-RenderedHTMLCommon table:has(th:text-is('Status')):has(th:text-is('Leader')) tbody tr")
    assert table_rows.count() == 35
    first_question = page.locator(".widget-radio-box").first
    first_question.locator("input").first.check()
    page.locator("button:has-text('Check answer')").first.click()
    page.wait_for_selector("[role=status]:has-text('Right'), [role=status]:has-text('Not yet')")
