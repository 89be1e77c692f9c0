"""Write the generated parts of the lessons: notebook navigation, contents and "data as of", and the
teacher's guide's answer key and data dates.

A generated cell is a Markdown cell with one of the tags below; its text comes from
``hemisphere.lessons.contents`` (and a lesson's Sources from ``hemisphere.lessons.citations``: the records
its text cites and its cells show) so it cannot drift from the list of lessons or the data register. The
guide's generated sections come from ``hemisphere.lessons.guide`` (quizzes, exercises, activities' data).
Run ``python scripts/update_notebooks.py`` after adding a lesson, a quiz question or an exercise, or
changing data/; ``--check`` only reports (tests/test_notebooks_static.py uses it).
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

from hemisphere.lessons.citations import authored_markdown, sources_markdown
from hemisphere.lessons.contents import LESSONS, as_of_markdown, contents_markdown, lesson, navigation_markdown
from hemisphere.lessons.guide import GUIDE_FILE, hidden_solutions, refresh

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def generated_text(tag: str, file: str, notebook: nbformat.NotebookNode) -> str | None:
    if tag == "sources":
        return sources_markdown(lesson(file), authored_markdown(notebook))
    if tag in ("nav-top", "nav-bottom"):
        return navigation_markdown(file)
    if tag == "contents":
        return contents_markdown()
    if tag == "as-of":
        return as_of_markdown(file)
    return None


def stale_cells(path: Path, write: bool) -> list[str]:
    """Tags of the generated cells that differ from what they should say (rewritten if ``write``)."""
    notebook = nbformat.read(path, as_version=4)
    stale = []
    for cell in notebook.cells:
        for tag in cell.metadata.get("tags", []):
            text = generated_text(tag, path.name, notebook)
            if text is not None and cell.source != text:
                stale.append(tag)
                cell.source = text
    if stale and write:
        nbformat.write(notebook, path)
    return stale


def all_hidden_solutions() -> dict[str, str]:
    """Every lesson's hidden exercise solutions, by exercise key: the answer key shows these."""
    solutions = {}
    for item in LESSONS:
        solutions.update(hidden_solutions(nbformat.read(NOTEBOOKS / item.file, as_version=4)))
    return solutions


def stale_guide_sections(path: Path, write: bool) -> list[str]:
    """Names of the guide's generated sections that differ from what they should say (rewritten if ``write``)."""
    text, stale = refresh(path.read_text(encoding="utf-8"), all_hidden_solutions())
    if stale and write:
        path.write_text(text, encoding="utf-8")
    return stale


def main(check_only: bool) -> int:
    problems = 0
    verb = "is out of date" if check_only else "updated"
    for item in LESSONS:
        stale = stale_cells(NOTEBOOKS / item.file, write=not check_only)
        if stale:
            problems += 1
            print(f"{item.file}: {', '.join(stale)} {verb}")
    stale = stale_guide_sections(NOTEBOOKS / GUIDE_FILE, write=not check_only)
    if stale:
        problems += 1
        print(f"{GUIDE_FILE}: {', '.join(stale)} {verb}")
    return 1 if (problems and check_only) else 0


if __name__ == "__main__":
    sys.exit(main(check_only="--check" in sys.argv[1:]))
