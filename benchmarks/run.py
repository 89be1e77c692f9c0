"""Speed and size of one step of the operations explorer, against the naive design, in one run.

Naive design (what most tutorials do): on every step, rebuild the whole folium map and show it
again in an HTML widget. The pack's design: the map page travels once; the Play-and-slider widget, the map
and the panel are tied by jslink in the browser. A step then reaches the kernel only as the
linked widgets reporting their new values, which the kernel mirrors (and echoes where ipywidgets
does so); nothing is rebuilt.

Measured here, in Python, with no browser: per step, the Python time the kernel spends and the
widget state exchanged (the JSON of every comm message's data, both directions, envelopes not
counted). Then the browser side, in the same run (benchmarks/browser.py): bytes on the kernel
websocket and milliseconds from a key press on the slider to the map showing the change, in
JupyterLab in Chromium with the network blocked, for the explorer, ipyleaflet and the naive design,
repeated ``--runs`` times. Prints a JSON object and writes benchmarks/results.json; exits 1 if the
Python goal is missed (under 1 ms and 1 KB per step, at least 100x faster and 500x smaller than naive);
the browser goals are reported one by one in ``browser.goal_met``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import ipywidgets as widgets

from hemisphere.maps.operations_map import event_records, operations_map
from hemisphere.widgets.operations_explorer import OperationsExplorer
from hemisphere.topics.operations import story

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from jupyterlab_driver import CHROMIUM  # noqa: E402
import scale  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results.json"
NAIVE_STEPS = 12
DESIGN_STEPS = 300
GOAL = {"step_ms": 1.0, "step_bytes": 1024, "time_ratio": 100, "bytes_ratio": 500}


def size(payload: dict) -> int:
    return len(json.dumps(payload, separators=(",", ":")).encode("utf-8"))


class Recorder:
    """Counts the bytes of every comm message a set of widgets sends to the browser."""

    def __init__(self, *recorded: widgets.Widget):
        self.sent = 0
        for widget in recorded:
            widget.comm.send = self._send

    def _send(self, data=None, metadata=None, buffers=None):  # noqa: ARG002 (same signature as Comm.send)
        self.sent += size(data) + sum(len(buffer) for buffer in buffers or [])


def browser_update(widget: widgets.Widget, state: dict) -> int:
    """Deliver an update as the browser sends it when a jslink moves a widget; returns its bytes."""
    data = {"method": "update", "state": state, "buffer_paths": []}
    widget._handle_msg({"content": {"data": data}, "buffers": []})
    return size(data)


def measure_design() -> dict:
    explorer = OperationsExplorer()
    linked = ((explorer.slider, "index"), (explorer.map, "step"), (explorer.panel, "step"))
    recorder = Recorder(*(widget for widget, _ in linked))
    count = len(explorer.visible_ids)
    times, sizes = [], []
    for number in range(DESIGN_STEPS):
        step = (number + 1) % count
        recorder.sent = 0
        received = 0
        started = time.perf_counter()
        for widget, name in linked:
            received += browser_update(widget, {name: step})
        times.append((time.perf_counter() - started) * 1000)
        sizes.append(received + recorder.sent)
        assert explorer.current_id == explorer.visible_ids[step], "the Python mirror lost track of the step"
    page_bytes = len(explorer.map.page.encode("utf-8"))
    explorer.close()
    return {"step_ms_median": statistics.median(times), "step_bytes": statistics.median(sizes),
            "map_html_bytes": page_bytes}


def measure_naive() -> dict:
    """Rebuild the map with the events up to the step and set it as an HTML widget's value."""
    events = story()
    shown = widgets.HTML()
    recorder = Recorder(shown)
    times, sizes = [], []
    for step in range(NAIVE_STEPS):
        recorder.sent = 0
        started = time.perf_counter()
        upto = events.iloc[: 20 + step]
        shown.value = operations_map(upto, records=event_records(upto))._repr_html_()
        times.append((time.perf_counter() - started) * 1000)
        sizes.append(recorder.sent)
    shown.close()
    return {"naive_step_ms_median": statistics.median(times), "naive_step_bytes": statistics.median(sizes)}


def browser_results(runs: int, designs: tuple[str, ...]) -> dict:
    """The same comparison in JupyterLab in Chromium (benchmarks/browser.py), when Chromium is here."""
    if not Path(CHROMIUM).exists():
        return {"skipped": f"{CHROMIUM} not found: sudo apt-get install -y chromium"}
    import browser

    return browser.run(runs, designs)


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="browser runs, in one JupyterLab session (default 5)")
    parser.add_argument("--designs", default="explorer,ipyleaflet,naive",
                        help="browser designs to run, comma-separated (default: all three)")
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write the results (JSON)")
    return parser.parse_args()


def main() -> int:
    options = arguments()
    design, naive = measure_design(), measure_naive()
    results = {**design, **naive}
    results["time_ratio"] = naive["naive_step_ms_median"] / design["step_ms_median"]
    results["bytes_ratio"] = naive["naive_step_bytes"] / design["step_bytes"]
    results["steps_measured"] = {"design": DESIGN_STEPS, "naive": NAIVE_STEPS}
    results["goal"] = GOAL
    results["goal_met"] = (
        results["step_ms_median"] < GOAL["step_ms"] and results["step_bytes"] < GOAL["step_bytes"]
        and results["time_ratio"] >= GOAL["time_ratio"] and results["bytes_ratio"] >= GOAL["bytes_ratio"]
    )
    results["browser"] = browser_results(options.runs, tuple(options.designs.split(",")))
    results["scaling"] = scale.run()  # 70, 1,000 and 10,000 events (benchmarks/scale.py)
    rounded = json.loads(json.dumps(results), parse_float=lambda text: round(float(text), 4))
    text = json.dumps(rounded, indent=2)
    print(text)
    options.output.write_text(text + "\n", encoding="utf-8")
    return 0 if results["goal_met"] else 1


if __name__ == "__main__":
    sys.exit(main())
