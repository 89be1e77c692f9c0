"""Paths and small helpers shared by the tests (fixtures live in conftest.py)."""

from __future__ import annotations

import csv
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
NOTEBOOKS = ROOT / "notebooks"


def write_csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def rewrite_csv(path: Path, edit: Callable[[list[dict]], list[dict] | None]) -> None:
    """Read a CSV as dicts, let ``edit`` change the rows (in place or by returning new ones), write it back."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    fieldnames = list(rows[0].keys())
    rows = edit(rows) or rows
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fieldnames, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


from hemisphere.maps.offline import page_data  # noqa: E402


def map_payload(html: str, element: str) -> dict:
    """The data a map page hands one of its elements, e.g. ``"shapes"``, ``"points"`` or ``"add_labels"``."""
    return next(value for name, value in page_data(html).items() if name.startswith(f"hemisphere_{element}_"))


def scripts_balanced(html: str) -> bool:
    """Every <script> element the page opens is closed: no text from data opened or closed one."""
    return len(re.findall(r"<script\b", html)) == html.count("</script>")


from hemisphere.lessons.guide import CHECK_KEY, SOLUTION_BLOCK  # noqa: E402 (the tests share the guide's reading)


def hidden_solution(cells, exercise_position: int) -> str | None:
    """The Python code in the first <details> block after an exercise cell (before the next code cell)."""
    for cell in cells[exercise_position + 1:]:
        if cell.cell_type == "code":
            return None
        match = SOLUTION_BLOCK.search(cell.source)
        if match:
            return match.group(1)
    return None


def node_or_skip() -> str:
    """Node.js for the front-end tests; without it the test is skipped, or fails under CI."""
    node = shutil.which("node")
    if node is None:
        import pytest

        message = "the front-end tests need Node.js: sudo apt-get install -y nodejs (make test does it as root)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return node
