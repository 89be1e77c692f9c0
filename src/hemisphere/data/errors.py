"""The pack's one error type: every problem in a data file, in one readable message.

A teacher who edits a CSV in a spreadsheet should see *all* that is wrong at once, each problem
naming the row as the spreadsheet shows it, the column, the value, what is allowed and a fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .safe_html import escape

#: Long cell values are cut in messages so one bad paragraph does not drown the rest.
VALUE_PREVIEW_CHARS = 60


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file.

    ``row`` is the spreadsheet row (the header is row 1, the first data row is row 2), or None
    when the problem concerns the whole file or a whole column.
    """

    message: str
    row: int | None = None
    column: str | None = None
    value: object = None
    fix: str | None = None

    def describe(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f'column "{self.column}"')
        if self.value is not None and str(self.value) != "":
            where.append(f"value {preview(self.value)}")
        text = (", ".join(where) + ": " if where else "") + self.message
        if self.fix:
            text += f" {self.fix}"
        return text


def preview(value: object) -> str:
    """Quote a cell value for a message, cut to a readable length."""
    text = str(value).replace("\n", " ")
    if len(text) > VALUE_PREVIEW_CHARS:
        text = text[: VALUE_PREVIEW_CHARS - 1] + "…"
    return f'"{text}"'


class DataError(ValueError):
    """A data file could not be used. ``problems`` lists everything found, not just the first."""

    def __init__(self, path: str | Path, problems: list[Problem]):
        self.path = Path(path)
        self.problems = sorted(problems, key=_problem_order)
        super().__init__(self.text())

    def text(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"{self.path.name}: {count} {noun} found (file: {self.path})"]
        lines += [f"  - {problem.describe()}" for problem in self.problems]
        lines.append("Nothing was changed. Fix the file and run the cell again.")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        items = "".join(f"<li>{escape(problem.describe())}</li>" for problem in self.problems)
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        return (
            '<div class="hemisphere-error" role="alert" style="border:2px solid #D55E00;'
            'border-left-width:8px;padding:0.6em 1em;background:#fff7f0;color:#222">'
            f"<strong>{escape(self.path.name)}: {count} {noun} found</strong>"
            f'<div style="font-size:90%">File: <code>{escape(str(self.path))}</code></div>'
            f"<ul>{items}</ul>"
            "<div>Nothing was changed. Fix the file and run the cell again.</div></div>"
        )


def _problem_order(problem: Problem) -> tuple:
    return (problem.row is not None, problem.row or 0, problem.column or "")


def show_data_errors_as_boxes() -> None:
    """In IPython, show a DataError as its readable box instead of a traceback wall."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is None:
        return

    def handler(shell, etype, evalue, tb, tb_offset=None):
        from IPython.display import display

        display(evalue)
        return None

    shell.set_custom_exc((DataError,), handler)
