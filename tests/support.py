"""Paths and small helpers shared by the tests (fixtures live in conftest.py)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
NOTEBOOKS = ROOT / "notebooks"


def write_csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


#: The exercise key in a check("key", ...) call.
CHECK_KEY = re.compile(r"""check\(\s*["']([\w-]+)["']""")
SOLUTION_BLOCK = re.compile(r"<details>.*?```python\n(.*?)```", re.S)


def hidden_solution(cells, exercise_position: int) -> str | None:
    """The Python code in the first <details> block after an exercise cell (before the next code cell)."""
    for cell in cells[exercise_position + 1:]:
        if cell.cell_type == "code":
            return None
        match = SOLUTION_BLOCK.search(cell.source)
        if match:
            return match.group(1)
    return None
