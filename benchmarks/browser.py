"""Three designs side by side in one JupyterLab session in Chromium: the operations explorer, the same
events as ipyleaflet markers stepped by an ipywidgets slider and a Python observer (what a user would
build with the widget library), and the naive folium rebuild. ``run(runs)`` repeats the scenario and
reports medians over the runs.

For each design, a slider is moved one step with the keyboard (ArrowRight on it) and we
measure, per step:

- the bytes on the kernel websocket (frames both ways, from the key press until the traffic of the
  step has settled), which Playwright sees directly;
- the milliseconds from the key press until the map shows the change, timed inside the browser on
  one clock (``performance.timeOrigin + performance.now()`` in each document): from the keydown in
  the notebook to, for the explorer, the next event's marker becoming the current one in the map
  frame; for
  ipyleaflet, the current marker's new style in the map's SVG; for the naive design, the end of the
  rebuilt map frame's load (Leaflet draws while the page loads).

Also recorded: whether the map keeps the reader's zoom across a step; whether the explorer's Play
keeps stepping while the kernel is busy (a cell that first awaits, then blocks); whether the kernel
heard every one of the explorer's steps and Python's ``explorer.current_id`` is the event the page
shows after them (read by running a cell). Every request that does not go to 127.0.0.1 is blocked.
Goal (issue 16): under 30 ms and faster than ipyleaflet, under 2 KB per step, zoom kept, Play while busy.
"""

from __future__ import annotations

import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from jupyterlab_driver import CHROMIUM, CHROMIUM_ARGS, LabServer, OfflinePage, run_cell  # noqa: E402

EXPLORER_STEPS = 15
LEAFLET_STEPS = 15
NAIVE_STEPS = 6
SETTLE_S = 0.3
GOAL = {"step_bytes": 2 * 1024, "step_ms": 30}
AWAIT_SECONDS = BLOCK_SECONDS = 4

#: Each design gets its own notebook and page, measured one after the other in the same session.
EXPLORER_CELLS = [
    "from hemisphere import operations_explorer\nexplorer = operations_explorer()\nexplorer",
    # Busy both ways a kernel can be: awaiting (the event loop runs, comm messages are handled at
    # once) and blocked (they wait); Play is pressed meanwhile.
    f"import asyncio, time\nawait asyncio.sleep({AWAIT_SECONDS})\ntime.sleep({BLOCK_SECONDS})",
    "print(explorer.current_id)",
]
MIRROR_PROBE = 2
# ipyleaflet as its documentation shows it: a Map, one CircleMarker per event, an ipywidgets slider and
# a Python observer that restyles the previous and the current marker. No tile layer (offline): the
# countries come as a GeoJSON layer; Leaflet's files come with ipyleaflet's JupyterLab extension.
LEAFLET_CELLS = [
    "import ipywidgets as widgets\n"
    "from ipyleaflet import CircleMarker, GeoJSON, Map\n"
    "from hemisphere.data.loaders import load_countries\n"
    "from hemisphere.topics.operations import story\n"
    "events = story()\n"
    "leaflet_map = Map(center=(15, -75), zoom=3, layers=[], scroll_wheel_zoom=True, layout={'height': '480px'})\n"
    "leaflet_map.add(GeoJSON(data=load_countries().__geo_interface__, style={'color': '#888', 'weight': 1}))\n"
    "PAST, CURRENT = {'radius': 6, 'color': '#555'}, {'radius': 12, 'color': '#d62728'}\n"
    "markers = [CircleMarker(location=(row.lat, row.lon), **PAST) for row in events.itertuples()]\n"
    "for marker in markers:\n"
    "    leaflet_map.add(marker)\n"
    "leaflet_slider = widgets.IntSlider(value=0, min=0, max=len(markers) - 1, description='Leaflet step')\n"
    "def restyle(change):\n"
    "    for key, value in PAST.items():\n"
    "        setattr(markers[change.old], key, value)\n"
    "    for key, value in CURRENT.items():\n"
    "        setattr(markers[change.new], key, value)\n"
    "leaflet_slider.observe(restyle, 'value')\n"
    "widgets.VBox([leaflet_slider, leaflet_map])",
]
# The naive design every tutorial uses: rebuild the whole folium map on each step and show it again.
NAIVE_CELLS = [
    "import ipywidgets as widgets\n"
    "from hemisphere.maps.operations_map import event_records, operations_map\n"
    "from hemisphere.topics.operations import story\n"
    "events = story()\n"
    "naive_slider = widgets.IntSlider(value=20, min=1, max=len(events), description='Naive step')\n"
    "naive_map = widgets.HTML()\n"
    "def redraw(change=None):\n"
    "    shown = events.iloc[: naive_slider.value]\n"
    "    naive_map.value = operations_map(shown, records=event_records(shown))._repr_html_()\n"
    "naive_slider.observe(redraw, 'value')\n"
    "redraw()\n"
    "widgets.VBox([naive_slider, naive_map])",
]
FIND_MAP = "() => window[Object.keys(window).find(name => name.startsWith('map_'))]"  # folium's map variable


class WireCounter:
    """Bytes on the kernel's websocket, both directions, and the messages the page sent."""

    def __init__(self, page):
        self.bytes = 0
        self.sent = 0
        page.on("websocket", self._watch)

    def _watch(self, socket):
        if "/api/kernels/" not in socket.url:
            return
        socket.on("framesent", self._count_sent)
        socket.on("framereceived", self._count)

    def _count_sent(self, payload):
        self.sent += 1
        self._count(payload)

    def _count(self, payload):
        self.bytes += len(payload.encode("utf-8") if isinstance(payload, str) else payload)


def write_notebook(root: Path, name: str, cells: list[str]) -> str:
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source) for source in cells])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, root / name)
    return name


def open_and_run(browser, server: LabServer, notebook: str, ready: str):
    """A fresh offline page on the notebook, every cell started, ``ready`` on screen."""
    offline = OfflinePage(browser.new_context(viewport={"width": 1200, "height": 900}).new_page())
    page = offline.page
    wire = WireCounter(page)
    page.goto(server.notebook_url(notebook))
    page.wait_for_selector(".jp-StatusBar-Widget:has-text('| Idle')", timeout=60_000)
    page.click(".lm-MenuBar-itemLabel:text-is('Run')")
    page.click(".lm-Menu-itemLabel:text-is('Run All Cells')")
    page.wait_for_selector(ready, timeout=120_000)
    page.evaluate(KEY_CLOCK)
    return offline, wire


def wait_until(condition, timeout_s: float = 30, poll_s: float = 0.002) -> float:
    """Poll until ``condition()`` is true; the time it became true (perf_counter)."""
    deadline = time.perf_counter() + timeout_s
    while time.perf_counter() < deadline:
        if condition():
            return time.perf_counter()
        time.sleep(poll_s)
    raise TimeoutError("the page did not change in time")


KEY_CLOCK = """() => {
    window.hemKeyTimes = [];
    document.addEventListener('keydown', () => window.hemKeyTimes.push(performance.timeOrigin + performance.now()), true);
}"""
CURRENT_CLOCK = """() => {
    // A marker becomes the current one (class hem-current): the step is on the map. The explorer's
    // map opens no popup (its card is in the panel beside it), so a popup cannot be the signal.
    window.hemChanges = [];
    new MutationObserver(records => {
        if (records.some(record => record.target.classList.contains('hem-current')
                && !(record.oldValue || '').split(' ').includes('hem-current'))) {
            window.hemChanges.push(performance.timeOrigin + performance.now());
        }
    }).observe(document.querySelector('.leaflet-marker-pane'),
               {attributes: true, attributeFilter: ['class'], attributeOldValue: true, subtree: true});
}"""
LOADED_AT = "() => performance.timeOrigin + performance.getEntriesByType('navigation')[0].loadEventEnd"


def last_key_time(page) -> float:
    return page.evaluate("() => window.hemKeyTimes[window.hemKeyTimes.length - 1]")


def frame_of(element) -> object:
    return element.element_handle().content_frame()


def page_current_id(page) -> str:
    """The event the explorer shows: its slider reads out "date · id"."""
    return page.locator(".hem-stepslider-value").first.inner_text().rsplit("·", 1)[1].strip()


def measure_explorer(page, wire: WireCounter) -> dict:
    frame = frame_of(page.locator("iframe.hem-mapframe").first)
    frame.evaluate(CURRENT_CLOCK)
    frame.evaluate(f"() => ({FIND_MAP})().setZoom(5)")
    zoom_before = frame.evaluate(f"() => ({FIND_MAP})().getZoom()")
    handle = page.locator(".hem-stepslider input[type=range]").first
    times, sizes, messages = [], [], []
    for _ in range(EXPLORER_STEPS):
        time.sleep(SETTLE_S)
        seen, before, sent = frame.evaluate("() => window.hemChanges.length"), wire.bytes, wire.sent
        handle.press("ArrowRight")
        wait_until(lambda seen=seen: frame.evaluate("() => window.hemChanges.length") > seen)
        times.append(frame.evaluate("() => window.hemChanges[window.hemChanges.length - 1]") - last_key_time(page))
        time.sleep(SETTLE_S)
        sizes.append(wire.bytes - before)
        messages.append(wire.sent - sent)
    zoom_after = frame.evaluate(f"() => ({FIND_MAP})().getZoom()")
    shown, python = page_current_id(page), run_cell(page, MIRROR_PROBE)
    return {"step_ms_median": statistics.median(times), "step_bytes_median": statistics.median(sizes),
            "messages_to_kernel_per_step_median": statistics.median(messages),
            "zoom_kept": zoom_after == zoom_before, "steps": EXPLORER_STEPS,
            "kernel_heard_every_step": all(count > 0 for count in messages),
            "python_current_id": python, "page_current_id": shown, "python_matches_page": python == shown}


LEAFLET_VIEW = """container => {
    const svg = container.querySelector('.leaflet-overlay-pane svg');
    return [svg.style.transform, svg.getAttribute('viewBox'), container.querySelector('.leaflet-overlay-pane path').getAttribute('d')];
}"""
LEAFLET_CLOCK = """container => {
    // A marker restyled in the map's SVG: the step is on screen.
    window.hemChanges = [];
    new MutationObserver(() => window.hemChanges.push(performance.timeOrigin + performance.now()))
        .observe(container.querySelector('.leaflet-overlay-pane'), {attributes: true, subtree: true});
}"""


def measure_ipyleaflet(page, wire: WireCounter) -> dict:
    container = page.locator(".widget-vbox:has(.widget-label:text-is('Leaflet step'))").first
    leaflet = container.locator(".leaflet-container").first
    leaflet.scroll_into_view_if_needed()
    container.locator(".leaflet-control-zoom-in").click()  # the reader zooms in
    time.sleep(1)
    view_before = leaflet.evaluate(LEAFLET_VIEW)
    leaflet.evaluate(LEAFLET_CLOCK)
    handle = container.locator(".noUi-handle").first
    times, sizes, messages = [], [], []
    for _ in range(LEAFLET_STEPS):
        time.sleep(SETTLE_S)
        seen, before, sent = page.evaluate("() => window.hemChanges.length"), wire.bytes, wire.sent
        handle.press("ArrowRight")
        wait_until(lambda seen=seen: page.evaluate("() => window.hemChanges.length") > seen)
        times.append(page.evaluate("() => window.hemChanges[window.hemChanges.length - 1]") - last_key_time(page))
        time.sleep(SETTLE_S)
        sizes.append(wire.bytes - before)
        messages.append(wire.sent - sent)
    return {"step_ms_median": statistics.median(times), "step_bytes_median": statistics.median(sizes),
            "messages_to_kernel_per_step_median": statistics.median(messages),
            "zoom_kept": leaflet.evaluate(LEAFLET_VIEW) == view_before, "steps": LEAFLET_STEPS}


def measure_naive(page, wire: WireCounter) -> dict:
    container = page.locator(".widget-vbox:has(.widget-label:text-is('Naive step'))").first
    handle = container.locator(".noUi-handle").first
    times, sizes, messages, zooms_kept = [], [], [], []
    for _ in range(NAIVE_STEPS):
        time.sleep(SETTLE_S)
        old = frame_of(container.locator("iframe.hemisphere-map"))
        old.evaluate(f"() => ({FIND_MAP})().setZoom(5)")
        markers, before, sent = old.locator(".leaflet-marker-icon").count(), wire.bytes, wire.sent
        handle.press("ArrowRight")

        def redrawn(old=old, markers=markers):
            frames = container.locator("iframe.hemisphere-map")
            current = frame_of(frames) if frames.count() else None
            return (current is not None and current != old
                    and current.evaluate("() => document.readyState") == "complete"
                    and current.locator(".leaflet-marker-icon").count() > markers)

        wait_until(redrawn)
        current = frame_of(container.locator("iframe.hemisphere-map"))
        times.append(current.evaluate(LOADED_AT) - last_key_time(page))
        time.sleep(SETTLE_S)
        sizes.append(wire.bytes - before)
        messages.append(wire.sent - sent)
        zooms_kept.append(current.evaluate(f"() => ({FIND_MAP})().getZoom()") == 5)
    return {"step_ms_median": statistics.median(times), "step_bytes_median": statistics.median(sizes),
            "messages_to_kernel_per_step_median": statistics.median(messages),
            "zoom_kept": all(zooms_kept), "steps": NAIVE_STEPS}


def play_while_busy(page) -> bool:
    """Press Play while the last cell keeps the kernel asleep; the explorer must still move on."""
    position = page.locator(".hem-stepslider-value").first
    start = position.inner_text()
    page.locator(".hem-stepslider-play").first.click()
    try:
        wait_until(lambda: position.inner_text() != start, timeout_s=8)
        moved = True
    except TimeoutError:
        moved = False
    busy = page.locator(".jp-Notebook-ExecutionIndicator[data-status='busy']").count() > 0
    page.locator(".hem-stepslider-play").first.click()
    return moved and busy


def median_of(results: list[dict], key: str) -> float:
    return statistics.median(result[key] for result in results)


def explorer_run(browser, server: LabServer, number: int) -> dict:
    offline, wire = open_and_run(browser, server, write_notebook(server.root, f"explorer-{number}.ipynb", EXPLORER_CELLS),
                                 "iframe.hem-mapframe")
    page = offline.page
    frame_of(page.locator("iframe.hem-mapframe").first).wait_for_selector(".leaflet-marker-icon", state="attached")
    busy_ok = play_while_busy(page)
    page.wait_for_selector(".jp-StatusBar-Widget:has-text('| Idle')", timeout=(AWAIT_SECONDS + BLOCK_SECONDS + 30) * 1000)
    result = measure_explorer(page, wire)
    result["play_while_kernel_busy"] = busy_ok
    result["requests_blocked"] = len(offline.blocked)
    page.context.close()
    return result


def other_run(browser, server: LabServer, name: str, cells: list[str], ready: str, measure) -> dict:
    offline, wire = open_and_run(browser, server, write_notebook(server.root, name, cells), ready)
    result = measure(offline.page, wire)
    result["requests_blocked"] = len(offline.blocked)
    offline.page.context.close()
    return result


def summary(results: list[dict]) -> dict:
    """Medians over the runs of each run's median, and each run's figures."""
    keys = ("step_ms_median", "step_bytes_median", "messages_to_kernel_per_step_median")
    return {**{key: median_of(results, key) for key in keys},
            "zoom_kept": all(result["zoom_kept"] for result in results),
            "requests_blocked": sum(result["requests_blocked"] for result in results),
            "runs": results}


def run(runs: int = 5, designs: tuple[str, ...] = ("explorer", "ipyleaflet", "naive")) -> dict:
    """The scenario ``runs`` times in one JupyterLab session, each design in a fresh notebook and kernel."""
    from playwright.sync_api import sync_playwright

    scratch = Path(tempfile.mkdtemp(prefix="hemisphere-bench-"))
    root = scratch / "notebooks"
    root.mkdir()
    server = LabServer(root)
    measured = {design: [] for design in designs}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for number in range(runs):
                if "explorer" in designs:
                    measured["explorer"].append(explorer_run(browser, server, number))
                if "ipyleaflet" in designs:
                    measured["ipyleaflet"].append(other_run(browser, server, f"ipyleaflet-{number}.ipynb", LEAFLET_CELLS,
                                                            ".widget-label:text-is('Leaflet step')", measure_ipyleaflet))
                if "naive" in designs:
                    measured["naive"].append(other_run(browser, server, f"naive-{number}.ipynb", NAIVE_CELLS,
                                                       ".widget-label:text-is('Naive step')", measure_naive))
                server.shut_down_kernels()
                print(f"browser run {number + 1} of {runs}: " + json.dumps(
                    {design: results[-1] for design, results in measured.items()}), file=sys.stderr, flush=True)
            browser.close()
    finally:
        server.stop()
        shutil.rmtree(scratch, ignore_errors=True)
    results = {design: summary(design_results) for design, design_results in measured.items()}
    results["runs"] = runs
    if "explorer" in results:
        explorer, runs_of = results["explorer"], measured["explorer"]
        explorer["kernel_heard_every_step_in_every_run"] = all(run["kernel_heard_every_step"] for run in runs_of)
        explorer["python_matched_page_in_every_run"] = all(run["python_matches_page"] for run in runs_of)
        explorer["play_while_kernel_busy_in_every_run"] = all(run["play_while_kernel_busy"] for run in runs_of)
        for other in ("ipyleaflet", "naive"):
            if other in results:
                results[f"{other}_over_explorer"] = {
                    "time_ratio": results[other]["step_ms_median"] / explorer["step_ms_median"],
                    "bytes_ratio": results[other]["step_bytes_median"] / max(explorer["step_bytes_median"], 1),
                }
        results["goal"] = GOAL
        results["goal_met"] = {
            "step_ms": explorer["step_ms_median"] < GOAL["step_ms"],
            # None when ipyleaflet was not run: not measured is not missed.
            "faster_than_ipyleaflet": (explorer["step_ms_median"] < results["ipyleaflet"]["step_ms_median"]
                                       if "ipyleaflet" in results else None),
            "step_bytes": 0 < explorer["step_bytes_median"] < GOAL["step_bytes"],
            "one_message_per_step": explorer["messages_to_kernel_per_step_median"] == 1,
            "zoom_kept": explorer["zoom_kept"],
            "play_while_kernel_busy": explorer["play_while_kernel_busy_in_every_run"],
            "kernel_heard_every_step": explorer["kernel_heard_every_step_in_every_run"],
            "python_matches_page": explorer["python_matched_page_in_every_run"],
            "offline": explorer["requests_blocked"] == 0,
        }
    return results
