"""Python keeps track of the browser: after the reader steps the operations explorer in JupyterLab, by
keyboard, by the slider and by Play, also while a cell awaits, Python's ``explorer.current_id`` (what
``check()`` and a teacher's code read) is the event the page shows, every time.

Why while a cell awaits: ipykernel 7 handles a comm message that arrives then without saying "idle"
for it, and ipywidgets holds back a model's further updates until it hears that "idle". Before the
slider reported its steps as custom messages, one step during an awaiting cell left Python deaf to
every later step (the benchmark's ``kernel_heard_steps: false``).
"""

import time

import nbformat
import pytest

from jupyterlab_driver import run_all_cells, run_cell, start_cell, wait_for_cell

pytestmark = pytest.mark.browser

AWAIT_SECONDS = 6
CELLS = [
    "from hemisphere import operations_explorer\nexplorer = operations_explorer()\nexplorer",
    "print(explorer.current_id)",
    f"import asyncio\nawait asyncio.sleep({AWAIT_SECONDS})  # the kernel awaits while the reader steps",
]
PROBE, AWAITING = 1, 2
SLIDER = ".hem-stepslider input[type=range]"
READOUT = ".hem-stepslider-value"


def write_notebook(root) -> str:
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source) for source in CELLS])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, root / "explorer_mirror.ipynb")
    return "explorer_mirror.ipynb"


def python_current_id(page) -> str:
    """What Python's mirror says, read through the kernel by running the probe cell."""
    return run_cell(page, PROBE)


def page_current_id(page) -> str:
    """The event the page shows: the slider reads out "date · id"."""
    return page.locator(READOUT).first.inner_text().rsplit("·", 1)[1].strip()


def wait_for_readout_change(page, before: str, timeout: int = 10_000) -> None:
    page.wait_for_function("([el, text]) => el.textContent !== text",
                           arg=[page.locator(READOUT).first.element_handle(), before], timeout=timeout)


def press_right(page, times: int) -> None:
    slider = page.locator(SLIDER).first
    for _ in range(times):
        before = page.locator(READOUT).first.inner_text()
        slider.press("ArrowRight")
        wait_for_readout_change(page, before)


class KernelWire:
    """Messages the page sends on the kernel's websocket, and bytes both ways (as benchmarks/browser.py counts)."""

    def __init__(self, page):
        self.sent = self.bytes = 0
        page.on("websocket", self._watch)

    def _watch(self, socket):
        if "/api/kernels/" in socket.url:
            socket.on("framesent", self._sent)
            socket.on("framereceived", self._count)

    def _sent(self, payload):
        self.sent += 1
        self._count(payload)

    def _count(self, payload):
        self.bytes += len(payload.encode("utf-8") if isinstance(payload, str) else payload)


def test_python_sees_the_event_the_page_shows_after_keyboard_slider_and_play(lab, offline_page):
    page = offline_page.page
    wire = KernelWire(page)
    page.goto(lab.notebook_url(write_notebook(lab.root)))
    run_all_cells(page, timeout_s=240)
    assert python_current_id(page) == page_current_id(page) == "E001"
    seen = []

    # A keyboard step puts one small message on the kernel's websocket: the slider's report. The map
    # and the panel follow in the browser only (link_key), and nothing is echoed back but the kernel's
    # busy and idle. Issue 16: one message, under 2 KB.
    time.sleep(1)
    sent, size = wire.sent, wire.bytes
    press_right(page, 1)
    time.sleep(1)
    assert (wire.sent - sent, wire.bytes - size < 2048) == (1, True), wire.bytes - size
    seen.append(("one keyboard step", page_current_id(page), python_current_id(page)))

    # Keyboard steps while a cell awaits, then after it has finished.
    awaiting = start_cell(page, AWAITING)
    page.wait_for_function("prompt => prompt.textContent.includes('*')", timeout=10_000,
                           arg=page.locator(".jp-CodeCell").nth(AWAITING).locator(".jp-InputPrompt").element_handle())
    press_right(page, 3)
    wait_for_cell(page, AWAITING, awaiting, timeout_s=AWAIT_SECONDS + 30)
    seen.append(("keyboard while awaiting", page_current_id(page), python_current_id(page)))
    press_right(page, 2)
    seen.append(("keyboard", page_current_id(page), python_current_id(page)))

    # The slider, clicked at about three fifths of its width.
    page.locator(SLIDER).first.scroll_into_view_if_needed()
    slider = page.locator(SLIDER).first.bounding_box()
    before = page.locator(READOUT).first.inner_text()
    page.mouse.click(slider["x"] + slider["width"] * 0.6, slider["y"] + slider["height"] / 2)
    wait_for_readout_change(page, before)
    seen.append(("slider", page_current_id(page), python_current_id(page)))

    # Play for two steps, then Pause.
    play = page.locator(".hem-stepslider-play").first
    play.click()
    for _ in range(2):
        before = page.locator(READOUT).first.inner_text()
        wait_for_readout_change(page, before)
    play.click()
    seen.append(("Play", page_current_id(page), python_current_id(page)))

    assert [(how, shown) for how, shown, _ in seen] == [(how, python) for how, _, python in seen]
    assert len({shown for _, shown, _ in seen}) == len(seen)  # every check saw a different event
    assert offline_page.errors == []
