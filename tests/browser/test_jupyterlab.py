"""Every lesson in JupyterLab, in Chromium, offline, as a student uses it.

One run of each notebook (Restart Kernel and Run All), then the checks every lesson shares (no error
output, every map draws all its shapes and its legend, nothing fetched from outside) and, in the same
run, what that lesson's widgets must do when clicked: the quiz answers, the explorers step, play and
filter, the debate deals a card, a claim's evidence opens.
"""

import re

import pytest

from hemisphere import load_countries, load_operations, status_map
from hemisphere.lessons.contents import LESSONS
from browser.sorting import check_events_table_sorts_by_keyboard
from jupyterlab_driver import run_all_cells

pytestmark = pytest.mark.browser

ERROR_OUTPUTS = (".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr'], "
                 ".jp-RenderedText[data-mime-type='application/vnd.jupyter.error']")


MAP_FRAMES = "iframe.hemisphere-map, iframe.hem-mapframe"
FOLIUM_MAP = "window[Object.keys(window).find(name => name.startsWith('map_'))]"
# A map frame scrolled into view paints in its own next frames (Chromium pauses frames out of view).
NEXT_PAINTS = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def drawn_map_frames(page, selector: str = "iframe.hemisphere-map", drawn: str = ".leaflet-overlay-pane path"):
    """The content frame of each map of this kind in the notebook, once Leaflet has drawn in it."""
    frames = []
    for element in page.locator(selector).element_handles():
        frame = element.content_frame()
        frame.wait_for_selector(drawn, state="attached", timeout=30_000)
        frames.append(frame)
    return frames


def visible_markers(frame) -> int:
    return frame.evaluate("() => [...document.querySelectorAll('.leaflet-marker-icon')]"
                          ".filter(m => m.offsetParent !== null && getComputedStyle(m).display !== 'none').length")


def wait_for_new_text(page, locator, before: str, timeout: int = 10_000) -> None:
    page.wait_for_function("([el, text]) => el.innerText !== text", arg=[locator.element_handle(), before],
                           timeout=timeout)


def lesson_one(page, offline_page):
    """The map's table alternative has every state; a quiz answer gets feedback."""
    table_rows = page.locator(".jp-RenderedHTMLCommon table:has(:text-is('Status')):has(:text-is('Leader')) tbody tr")
    assert table_rows.count() == len(status_map().as_table())
    page.locator(".hem-quiz-options").first.locator("input").first.check()
    page.locator("button:has-text('Check answer')").first.click()
    page.wait_for_selector("[role=status]:has-text('Right'), [role=status]:has-text('Not yet')")


def lesson_two(page, offline_page):
    """The operations explorer: Next shows the event beside the map and lets time pass on it, Play moves
    on, "Show all events" brings the rest back, a filter narrows both; the full events table sorts by keyboard."""
    panel = page.locator(".hem-records").first
    panel.scroll_into_view_if_needed()
    frame = drawn_map_frames(page, "iframe.hem-mapframe", ".leaflet-marker-icon")[0]

    detail = panel.locator(".hem-records-detail")
    before = detail.inner_text()
    panel.locator(".hem-records-next").click()
    wait_for_new_text(page, detail, before)
    title = frame.locator(".hem-marker.hem-current").get_attribute("title")
    assert title and title.split(":")[0] in detail.inner_text()
    frame.wait_for_function("() => document.querySelectorAll('.hem-marker.hem-past').length === 1")
    assert visible_markers(frame) == 2  # the first event, muted, and the current one; the rest have not happened yet
    assert frame.locator(".leaflet-popup").count() == 0  # the card is beside the map, not over it
    offline_page.screenshot("lab-explorer-next")

    position = panel.locator(".hem-records-position")
    start = position.inner_text()
    page.locator(".hem-stepslider-play").first.click()
    wait_for_new_text(page, position, start)
    page.locator(".hem-stepslider-play").first.click()

    operations = load_operations()
    page.locator(".hem-explorer-side input[type=checkbox]").first.check()
    frame.wait_for_function(
        "n => [...document.querySelectorAll('.leaflet-marker-icon')].filter(m => m.offsetParent !== null).length === n",
        arg=len(operations))
    page.locator(".widget-dropdown:has(label:text-is('Kind of event')) select").first.select_option(
        label="Strike on a boat")
    strikes = int((operations.category == "maritime_strike").sum())
    expect_position = f"of {strikes}"
    page.wait_for_function("([el, text]) => el.innerText.endsWith(text)", arg=[position.element_handle(), expect_position])
    frame.wait_for_function(
        "n => [...document.querySelectorAll('.leaflet-marker-icon')].filter(m => m.offsetParent !== null).length === n",
        arg=strikes)
    assert re.search(r"\d", position.inner_text())
    check_events_table_sorts_by_keyboard(page)


def lesson_three(page, offline_page):
    """The era explorer: choosing an era changes what the map and the table show."""
    frame = drawn_map_frames(page, "iframe.hem-mapframe", ".leaflet-overlay-pane path")[0]
    panel = page.locator(".hem-records").first
    rows_before = panel.locator(".hem-records-table tbody tr").count()
    markers_before = visible_markers(frame)
    era = page.locator(".hem-era select").first
    era.select_option(index=1)
    page.wait_for_function("([panel, n]) => panel.querySelectorAll('.hem-records-table tbody tr').length !== n",
                           arg=[panel.element_handle(), rows_before], timeout=30_000)
    frame.wait_for_function(
        "n => [...document.querySelectorAll('.leaflet-marker-icon')].filter(m => m.offsetParent !== null).length !== n",
        arg=markers_before, timeout=30_000)

    # Keyboard alone: the step control's arrow keys and End move the card; typed years go to Python.
    stepper = page.locator(".hem-era [role=slider]").first
    stepper.focus()
    position = panel.locator(".hem-records-position")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("el => el.innerText.startsWith('Event 1 of ')", arg=position.element_handle())
    page.keyboard.press("End")
    page.wait_for_function("el => { const [, n, total] = el.innerText.match(/Event (\\d+) of (\\d+)/) || [];"
                           " return n && n === total; }", arg=position.element_handle())
    assert stepper.get_attribute("aria-valuetext").startswith(position.inner_text())
    years = page.locator(".hem-era input[type=number]")
    years.nth(0).fill("1900")
    years.nth(0).press("Tab")
    years.nth(1).fill("1950")
    years.nth(1).press("Tab")
    frame.wait_for_function("() => document.querySelector('.hem-caption').textContent.includes('1900–1950')",
                            timeout=30_000)


def lesson_five(page, offline_page):
    """The debate dealer deals a card; a typed quiz answer is checked with Enter alone."""
    page.locator("button:has-text('Deal a state')").click()
    card = page.locator(".hemisphere-debate-card")
    card.wait_for(timeout=30_000)
    assert "You speak for" in card.inner_text()
    assert card.locator("img[alt*='Map of the Americas']").count() == 1
    assert card.locator("a[href^='https://']").count() >= 1
    card.scroll_into_view_if_needed()
    offline_page.screenshot("lab-05-debate-card")
    box = page.locator(".hem-quiz input[placeholder*='press Enter']").last
    box.fill("President")
    box.press("Enter")
    page.wait_for_selector("[role=status]:has-text('commands the armed forces')", timeout=30_000)


def lesson_six(page, offline_page):
    """A claim's two sources are links to new tabs; who is behind one and the verdict get feedback; the data opens."""
    source = page.locator("a[target='_blank']:has-text('Guyana Department of Public Information')").last
    assert source.get_attribute("href").startswith("https://dpi.gov.gy/")
    page.locator("button:has-text(\"Show the pack's data\")").first.click()
    page.wait_for_function("document.querySelectorAll('table.hemisphere-evidence').length >= 2", timeout=30_000)
    assert "Guyana" in page.locator("table.hemisphere-evidence").last.inner_text()
    # The first card's radio groups: who is behind source 1, then source 2, then the verdict.
    page.locator(".hem-quiz-options").nth(0).locator("label:has-text('A government or a public body')").click()
    page.locator("button:has-text('Check answer')").nth(0).click()
    page.locator(".hem-quiz-options").nth(2).locator("label:has-text('Inaccurate')").click()
    page.locator("button:has-text('Check answer')").nth(2).click()
    page.wait_for_function("[...document.querySelectorAll('[role=status]')].filter(s => s.textContent.includes("
                           "'Right')).length >= 2", timeout=30_000)


def lesson_seven(page, offline_page):
    """Each option shows its supporters' words with their sources; the quiz judges an answer."""
    assert page.locator("blockquote").count() >= 9
    assert page.locator("blockquote a[href^='https://']").count() >= 9
    page.locator(".hem-quiz-options").nth(0).locator("label:has-text('Reasons backed by')").click()
    page.locator("button:has-text('Check answer')").nth(0).click()
    page.wait_for_selector("[role=status]:has-text('not the side you take')", timeout=30_000)


INTERACTIONS = {
    "01": lesson_one,
    "02": lesson_two,
    "03": lesson_three,
    "05": lesson_five,
    "06": lesson_six,
    "07": lesson_seven,
}


@pytest.mark.parametrize("item", LESSONS, ids=[item.file for item in LESSONS])
def test_lesson_runs_draws_and_responds_offline(lab, offline_page, item):
    page = offline_page.page
    page.goto(lab.notebook_url(item.file))
    run_all_cells(page)
    errors = page.locator(ERROR_OUTPUTS)
    assert errors.count() == 0, errors.all_inner_texts()
    assert page.locator("text=Make this Notebook Trusted").count() == 0
    shapes = len(load_countries())
    # Folium maps and the explorers' map widgets alike, each seen as a reader scrolling to it sees it.
    for frame in drawn_map_frames(page, MAP_FRAMES):
        assert frame.locator(".leaflet-overlay-pane path").count() >= shapes
        assert frame.locator(".hem-legend li").count() >= 2
        frame.frame_element().scroll_into_view_if_needed()
        frame.wait_for_function(f"() => {FOLIUM_MAP}.getSize().x > 0 && {FOLIUM_MAP}.getZoom() >= 1",
                                polling=100, timeout=10_000)  # not zoomed out on the whole world
    first_map = page.locator(MAP_FRAMES).first
    if first_map.count():
        first_map.scroll_into_view_if_needed()
        first_map.element_handle().content_frame().evaluate(NEXT_PAINTS)
    offline_page.screenshot(f"lab-{item.file.removesuffix('.ipynb')}")
    if item.number in INTERACTIONS:
        INTERACTIONS[item.number](page, offline_page)
    assert offline_page.blocked == []
    assert offline_page.errors == []
