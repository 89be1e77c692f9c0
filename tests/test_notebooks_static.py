"""Notebooks are stored clean, registered, up to date, and follow the lesson template."""

import ast
import re
import subprocess
import sys

import nbformat
import pytest

from support import CHECK_KEY, NOTEBOOKS, ROOT, hidden_solution
from hemisphere.lessons.contents import LESSONS

LESSON_FILES = [item.file for item in LESSONS]
#: The parts every lesson (not the start page) must have, in this order (the template in README.md, "The lessons").
LESSON_PARTS = ["## At a glance", "**Objectives.**", "## Set-up", "## Try it", "<details>",
                "## Discuss", "## Quick check", "## Key points"]


def read(file: str) -> nbformat.NotebookNode:
    return nbformat.read(NOTEBOOKS / file, as_version=4)


def test_every_notebook_is_a_registered_lesson_and_every_lesson_exists():
    on_disk = sorted(path.name for path in NOTEBOOKS.glob("*.ipynb"))
    assert on_disk == sorted(LESSON_FILES)


@pytest.mark.parametrize("file", LESSON_FILES)
def test_notebook_is_stored_without_outputs(file):
    notebook = read(file)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{file}: clear the outputs"
    assert "widgets" not in notebook.metadata


def test_generated_cells_are_up_to_date():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "update_notebooks.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + "\nRun: python scripts/update_notebooks.py"


@pytest.mark.parametrize("file", LESSON_FILES[1:])
def test_lesson_follows_the_template(file):
    notebook = read(file)
    number = file[:2]
    markdown = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    assert notebook.cells[0].source.startswith(f"# {number} · ")
    positions = [markdown.find(part) for part in LESSON_PARTS]
    assert -1 not in positions, f"{file} lacks {LESSON_PARTS[positions.index(-1)]}"
    assert positions == sorted(positions), f"{file}: template parts out of order"
    tags = [tag for cell in notebook.cells for tag in cell.metadata.get("tags", [])]
    assert {"as-of", "nav-top", "nav-bottom"} <= set(tags)
    code = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")
    assert f'quiz("{number}")' in code
    assert "sources" in tags, f"{file}: list the lesson's sources in the generated Sources cell"
    assert "Time:" in markdown and "minutes" in markdown


#: Cells a student writes or studies line by line (lesson 4 teaches geopandas by having students
#: write it): a worked example shows a whole technique, an exercise leaves room for the student's steps.
TEACHING_TAGS = {"exercise", "worked-example"}
MAX_TEACHING_CELL_LINES = 12
#: Libraries a set-up cell may import besides the package, for lessons where students write the code.
STUDENT_LIBRARIES = {"geopandas", "pandas", "pyproj", "matplotlib.pyplot", "matplotlib.patches", "numpy", "shapely"}


@pytest.mark.parametrize("file", LESSON_FILES)
def test_code_cells_stay_short(file):
    """Logic lives in the package: a lesson's code cell is a line or two (exercise cells up to four).

    The set-up cell may hold as many imports from the package as the lesson needs. Cells tagged
    ``exercise`` or ``worked-example`` may be longer: there the code is the lesson, not plumbing.
    """
    for cell in read(file).cells:
        if cell.cell_type != "code" or _is_import_cell(cell.source):
            continue
        lines = [line for line in cell.source.splitlines() if line.strip() and not line.startswith("#")]
        limit = MAX_TEACHING_CELL_LINES if TEACHING_TAGS & set(cell.metadata.get("tags", [])) else 4
        assert len(lines) <= limit, f"{file}: move this cell's logic into the package:\n{cell.source}"


def _is_import_cell(source: str) -> bool:
    statements = ast.parse(source).body
    return bool(statements) and all(_imports_package_or_student_library(node) for node in statements)


def _imports_package_or_student_library(node: ast.stmt) -> bool:
    if isinstance(node, ast.ImportFrom):
        return (node.module or "").startswith("hemisphere") or node.module in STUDENT_LIBRARIES
    return isinstance(node, ast.Import) and all(alias.name in STUDENT_LIBRARIES for alias in node.names)


@pytest.mark.parametrize("file", LESSON_FILES)
def test_every_exercise_has_a_check_and_a_hidden_solution_that_uses_it(file):
    """An ``exercise`` cell calls check(key, ...); the next <details> block solves it and checks the same key."""
    cells = read(file).cells
    for position, cell in enumerate(cells):
        if "exercise" not in cell.metadata.get("tags", []):
            continue
        keys = CHECK_KEY.findall(cell.source)
        assert len(keys) == 1, f"{file}: an exercise cell calls check() once:\n{cell.source}"
        solution = hidden_solution(cells, position)
        assert solution and CHECK_KEY.findall(solution) == keys, f"{file}: no hidden solution for {keys[0]}"
        assert "..." in cell.source, f"{file}: the exercise {keys[0]} should leave ... for the student"


@pytest.mark.parametrize("file", LESSON_FILES)
def test_every_notebook_ends_with_its_generated_sources_then_the_navigation(file):
    cells = read(file).cells
    assert "nav-bottom" in cells[-1].metadata.get("tags", []), f"{file}: end with the navigation cell"
    generated = cells[-2].cell_type == "markdown" and "sources" in cells[-2].metadata.get("tags", [])
    assert generated, f"{file}: the cell before the navigation must be the generated Sources"


@pytest.mark.parametrize("file", LESSON_FILES)
def test_sources_come_from_the_data_not_from_links_typed_in_the_text(file):
    """A source a lesson's text relies on goes in data/ (readings.csv if nothing else fits), so the
    generated Sources list it, its link is checked, and it is shown underlined like every other link."""
    markdown = "\n".join(cell.source for cell in read(file).cells
                         if cell.cell_type == "markdown" and "sources" not in cell.metadata.get("tags", []))
    assert not re.search(r"\]\(https?://|href=[\"']https?://", markdown), f"{file}: move the link into data/"
