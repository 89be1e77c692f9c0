"""The static site (make site): every page works from disk with the network blocked, and is accessible."""

import os
import re
import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from browser.sorting import check_events_table_sorts_by_keyboard
from build_site import CELL_TIMEOUT_S, HTML_MANAGER, NODE_MODULES, build, copy_static, ensure_npm_assets, export
from hemisphere import load_countries, load_history, status_map
from hemisphere.data.eras import ERAS
from hemisphere.lessons.contents import LESSONS
from hemisphere.widgets.era_explorer import era_views, step_titles
from hemisphere.widgets.quiz import all_quizzes
from jupyterlab_driver import OfflinePage

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
    # The map and the panel follow the slider through the page's step channel (link_key), made here
    # from the embedded state: Next moved the slider, and a key on the slider moves all three.
    readout = page.locator(".hem-stepslider-value").first
    assert readout.inner_text().endswith("E002")
    page.locator(".hem-stepslider input[type=range]").first.press("ArrowRight")
    frame.wait_for_function("() => document.querySelectorAll('.hem-marker.hem-past').length === 2", timeout=10_000)
    assert readout.inner_text().endswith("E003")
    page.wait_for_function("el => el.innerText.startsWith('Event 3 of')",
                           arg=panel.locator(".hem-records-position").element_handle())


def site_lesson_two(page):
    site_explorer_steps(page)
    check_events_table_sorts_by_keyboard(page)
    assert axe_violations(page) == []  # with a column sorted (aria-sort set) too


SITE_INTERACTIONS = {"02": site_lesson_two}


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


# --- no kernel: quizzes, the era menu, the keyboard and the era explorer's layout -------------------

def lesson_page(site, page, item):
    page.goto((site / f"{item.file.removesuffix('.ipynb')}.html").as_uri())
    page.wait_for_load_state("load")


def quiz_question(prompt: str):
    """The quiz question whose numbered prompt the page shows ("2. Which ..."), or None (an activity's)."""
    text = prompt.split(". ", 1)[1]
    return next((question for questions in all_quizzes().values() for question in questions
                 if question.prompt == text), None)


def feedback_line(right: bool, text: str) -> str:
    return f"{'✔ Right.' if right else '✘ Not yet.'} {text}"


@pytest.mark.parametrize("item", [item for item in LESSONS if item.number in all_quizzes()],
                         ids=[item.file for item in LESSONS if item.number in all_quizzes()])
def test_every_quiz_gives_its_feedback_in_the_site_with_no_kernel(site, offline_page, item):
    """Each question, wrong then right, shows the feedback Python's marking gives (as in JupyterLab)."""
    page = offline_page.page
    lesson_page(site, page, item)
    questions = page.locator(".hem-quiz")
    questions.first.wait_for(state="attached", timeout=30_000)
    quiz_count = 0
    for index in range(questions.count()):
        box = questions.nth(index)
        question = quiz_question(box.locator(".hem-quiz-prompt").inner_text())
        if question is None:
            continue
        quiz_count += 1
        feedback = box.locator("[role=status]")
        box.scroll_into_view_if_needed()
        if question.is_choice:
            wrong = next(option.text for option in question.options if not option.correct)
            right = next(option.text for option in question.options if option.correct)
            for response in (wrong, right):
                box.get_by_label(response, exact=True).check()
                box.get_by_role("button", name=re.compile("Check answer")).click()
                assert feedback.inner_text() == feedback_line(*question.mark(response))
        else:
            for response in ("not the answer", f" {question.answers[0].upper()}. "):
                box.get_by_role("textbox").fill(response)
                box.get_by_role("button", name=re.compile("Check answer")).click()
                assert feedback.inner_text() == feedback_line(*question.mark(response))
    assert quiz_count == len(all_quizzes()[item.number])
    assert axe_violations(page) == []
    assert offline_page.blocked == [] and offline_page.errors == []


def test_quizzes_answer_to_the_keyboard_alone_in_the_site(site, offline_page):
    """Tab to an option, arrow keys to choose, Tab and Enter to check; a typed answer is checked by Enter."""
    page = offline_page.page
    lessons = {item.number: item for item in LESSONS}
    lesson_page(site, page, lessons["01"])
    box = page.locator(".hem-quiz").first
    box.wait_for(state="attached", timeout=30_000)
    question = quiz_question(box.locator(".hem-quiz-prompt").inner_text())
    box.locator("input[type=radio]").first.focus()
    page.keyboard.press("ArrowDown")  # moves to the second option and chooses it
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert box.locator("[role=status]").inner_text() == feedback_line(*question.mark(question.options[1].text))

    typed = next(item for item in all_quizzes()["05"] if not item.is_choice)
    lesson_page(site, page, lessons["05"])
    box = page.locator(".hem-quiz", has=page.get_by_text(typed.prompt, exact=False)).first
    box.get_by_role("textbox").focus()
    page.keyboard.type(typed.answers[0])
    page.keyboard.press("Enter")
    assert box.locator("[role=status]").inner_text() == feedback_line(True, typed.feedback_right)
    assert offline_page.errors == []


def visible_marker_count(frame) -> int:
    """Event markers shown (the count labels on states are marker icons too, without .hem-marker)."""
    return frame.evaluate("() => [...document.querySelectorAll('.leaflet-marker-icon.hem-marker')]"
                          ".filter(m => m.offsetParent !== null && getComputedStyle(m).display !== 'none').length")


def test_the_era_menu_and_the_step_keys_change_the_map_in_the_site_with_no_kernel(site, offline_page):
    """Keyboard only: the menu changes era (map markers, caption, table); arrow keys, Home and End step."""
    page = offline_page.page
    lesson_page(site, page, next(item for item in LESSONS if item.number == "03"))
    controls = page.locator(".hem-era").first
    controls.wait_for(state="attached", timeout=30_000)
    frame = page.locator("iframe.hem-mapframe").first.element_handle().content_frame()
    frame.wait_for_selector(".leaflet-marker-icon", state="attached", timeout=30_000)
    history = load_history()
    assert visible_marker_count(frame) == len(history)

    first_era = ERAS[0]
    controls.locator("select").focus()
    page.keyboard.press("ArrowDown")  # the next entry: the first era
    shown = history[history.era == first_era.key]
    panel = page.locator(".hem-records").first
    page.wait_for_function("([panel, n]) => panel.querySelectorAll('.hem-records-table tbody tr').length === n",
                           arg=[panel.element_handle(), len(shown)], timeout=10_000)
    frame.wait_for_function("([n, heading]) => [...document.querySelectorAll('.leaflet-marker-icon.hem-marker')]"
                            ".filter(m => m.offsetParent !== null).length === n"
                            " && document.querySelector('.hem-caption').textContent.includes(heading)",
                            arg=[len(shown), first_era.heading], timeout=10_000)
    assert controls.locator("input").first.input_value() == str(first_era.first_year)
    assert str(len(shown)) in controls.locator(".hem-era-summary").inner_text()

    stepper = controls.get_by_role("slider")
    ids = era_views(history)[first_era.key]["ids"]
    step_texts, titles = step_titles(history), history.set_index("id").title
    stepper.focus()
    for key, position in (("ArrowRight", 0), ("ArrowRight", 1), ("End", len(ids) - 1), ("ArrowLeft", len(ids) - 2),
                          ("Home", 0)):
        page.keyboard.press(key)
        expected = f"Event {position + 1} of {len(ids)}: {step_texts[ids[position]]}"
        page.wait_for_function("([el, text]) => el.getAttribute('aria-valuetext') === text",
                               arg=[stepper.element_handle(), expected], timeout=10_000)
        page.wait_for_function("([el, text]) => el.innerText.startsWith(text)",
                               arg=[panel.locator(".hem-records-detail").element_handle(), titles[ids[position]]],
                               timeout=10_000)
    assert controls.locator("[role=status]").inner_text() == expected  # read out by screen readers
    # The card is beside the map, so the map highlights the current marker and opens no popup over itself.
    frame.wait_for_selector(".hem-marker.hem-current[aria-current=true]", timeout=10_000)
    assert frame.locator(".hem-marker.hem-current").count() == 1
    assert not frame.locator(".leaflet-popup").first.is_visible()
    assert axe_violations(page) == []
    assert offline_page.blocked == [] and offline_page.errors == []


def box_of(handle) -> dict:
    return handle.evaluate("el => { const r = el.getBoundingClientRect();"
                           " return {x: r.x, y: r.y, width: r.width, height: r.height}; }")


def area(box: dict) -> float:
    return box["width"] * box["height"]


def overlap(one: dict, other: dict) -> float:
    width = min(one["x"] + one["width"], other["x"] + other["width"]) - max(one["x"], other["x"])
    height = min(one["y"] + one["height"], other["y"] + other["height"]) - max(one["y"], other["y"])
    return max(0.0, width) * max(0.0, height)


@pytest.mark.parametrize("size", [(1280, 720), (1366, 768)], ids=["1280x720", "1366x768"])
def test_the_era_explorer_keeps_the_map_clear_at_classroom_sizes(site, browser, size):
    """Measured from element boxes: the map takes at least 60% of the whole explorer (controls, map, card
    and counts) and fits the screen; the card sits beside or below it; no legend covers the caption or
    more than 40% of the map."""
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    try:
        page = OfflinePage(context.new_page()).page
        lesson_page(site, page, next(item for item in LESSONS if item.number == "03"))
        frame_element = page.locator("iframe.hem-mapframe").first
        frame_element.wait_for(state="attached", timeout=30_000)
        frame_element.scroll_into_view_if_needed()
        frame = frame_element.element_handle().content_frame()
        frame.wait_for_selector(".hem-caption", timeout=30_000)
        map_box = box_of(frame_element.element_handle())
        card_box = box_of(page.locator(".hem-era-panel").first.element_handle())
        explorer_box = box_of(frame_element.element_handle().evaluate_handle(
            "el => el.closest('.widget-hbox').parentElement"))
        assert area(map_box) >= 0.6 * area(explorer_box), (map_box, explorer_box)
        assert map_box["height"] <= size[1] and map_box["width"] >= 0.55 * size[0]
        assert overlap(map_box, card_box) == 0
        inside = {"width": map_box["width"], "height": map_box["height"], "x": 0, "y": 0}
        caption = box_of(frame.locator(".hem-caption").element_handle())
        legends = [box_of(handle) for handle in frame.locator(".hem-legend").element_handles()]
        assert len(legends) == 2
        for legend in legends:
            assert overlap(caption, legend) == 0
            assert overlap(legend, inside) <= 0.4 * area(inside)
        assert sum(overlap(legend, inside) for legend in legends) <= 0.4 * area(inside)
        assert frame.locator(".hem-legend details").count() == 2  # both fold
    finally:
        context.close()
