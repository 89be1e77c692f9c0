"""How the operations explorer's cost grows with the events it holds: 70 (the pack), 1,000 and 10,000
(generated teacher's files, see scripts/generated_events.py).

For each size: the Python time to build the explorer (median of a few builds, loading the file not
counted), as processor time (``build_cpu_s``, what the goal reads: on a machine shared with other work
the wall-clock time, ``build_s``, also counts the waits for a core), the bytes it sends to the browser (every widget's state as JSON, binary buffers counted as
their bytes), and the Python time of one step reported by the browser. Goals for 10,000 events:
under 1 s to build and under 5 MB sent. Run alone (``python benchmarks/scale.py``) or from run.py.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from ipywidgets.widgets.widget import _remove_buffers

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from generated_events import write_generated_events  # noqa: E402

from hemisphere import combine_events, load_events  # noqa: E402
from hemisphere.widgets.operations_explorer import OperationsExplorer  # noqa: E402

SIZES = (70, 1_000, 10_000)
BUILDS = 3
STEPS = 50
GOAL = {"build_cpu_s": 1.0, "sent_bytes": 5_000_000}


def _parts(widget) -> list:
    """A widget, its layout and style, and the same for every widget inside it."""
    found = [widget, *(getattr(widget, name) for name in ("layout", "style") if getattr(widget, name, None) is not None)]
    for child in getattr(widget, "children", ()):
        found += _parts(child)
    return found


def sent_bytes(explorer: OperationsExplorer) -> int:
    """What showing the explorer sends to the browser: each widget's state as JSON, plus binary buffers."""
    total = 0
    for part in _parts(explorer):
        state, _paths, buffers = _remove_buffers(part.get_state())
        total += len(json.dumps(state, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))
        total += sum(len(buffer) for buffer in buffers)
    return total


def measure(count: int, folder: Path) -> dict:
    events = None
    if count != 70:
        events = combine_events(load_events(write_generated_events(folder / f"events-{count}.csv", count - 70)))
    builds, processor = [], []
    for _ in range(BUILDS):
        started, started_cpu = time.perf_counter(), time.process_time()
        explorer = OperationsExplorer(events)
        builds.append(time.perf_counter() - started)
        processor.append(time.process_time() - started_cpu)
        if len(builds) < BUILDS:
            explorer.close()
    steps = []
    for number in range(STEPS):
        step = (number * 7919) % len(explorer.visible_ids)  # jumps across the whole story
        started = time.perf_counter()
        for widget, name in ((explorer.slider, "index"), (explorer.map, "step"), (explorer.panel, "step")):
            widget.set_state({name: step})  # as the browser reports a step: each linked widget's new value
        steps.append((time.perf_counter() - started) * 1000)
    assert explorer.current_id == explorer.visible_ids[step], "the Python mirror lost track of the step"
    result = {"events": len(explorer.visible_ids), "build_cpu_s": statistics.median(processor),
              "build_s": statistics.median(builds),
              "sent_bytes": sent_bytes(explorer), "step_ms": statistics.median(steps)}
    explorer.close()
    return result


def run() -> dict:
    """The scaling rows, and whether 10,000 events meet the goals."""
    with tempfile.TemporaryDirectory() as folder:
        rows = [measure(count, Path(folder)) for count in SIZES]
    largest = rows[-1]
    return {"rows": rows, "goal": GOAL,
            "goal_met": largest["build_cpu_s"] < GOAL["build_cpu_s"] and largest["sent_bytes"] < GOAL["sent_bytes"]}


if __name__ == "__main__":
    results = run()
    print(json.dumps(results, indent=2))
    sys.exit(0 if results["goal_met"] else 1)
