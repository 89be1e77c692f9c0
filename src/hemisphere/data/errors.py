"""The pack's one error type: every problem in a data file, in one readable message.

A teacher who edits a CSV in a spreadsheet should see *all* that is wrong at once, each problem
naming the row as the spreadsheet shows it, the column, the value, what is allowed and a fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .safe_html import escape

#: Long cell values are cut in messages so one bad paragraph does not drown the rest.
VALUE_PREVIEW_CHARS = 60
#: A file with a problem on every row still gives a short message and a bounded memory: this many
#: problems are kept (``DataError.table()`` lists them), the rest only counted.
MAX_KEPT_PROBLEMS = 5_000
#: At most this many lines of problems are shown; more than GROUP_AFTER rows with the same problem
#: in the same column are shown as one problem and a line naming the other rows.
MAX_SHOWN_LINES = 40
GROUP_AFTER = 3


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


class ProblemLog:
    """Problems as they are found: the first MAX_KEPT_PROBLEMS kept, every one counted."""

    def __init__(self, limit: int = MAX_KEPT_PROBLEMS):
        self.limit = limit
        self.kept: list[Problem] = []
        self.total = 0

    def add(self, problem: Problem) -> None:
        self.total += 1
        if len(self.kept) < self.limit:
            self.kept.append(problem)

    def extend(self, problems) -> None:
        for problem in problems:
            self.add(problem)

    def __bool__(self) -> bool:
        return self.total > 0

    def raise_if_any(self, path: str | Path) -> None:
        if self.total:
            raise DataError(path, self.kept, self.total)


class DataError(ValueError):
    """A data file could not be used. ``problems`` lists what was found (the first
    MAX_KEPT_PROBLEMS of ``total``), shown grouped and shortened; :meth:`table` lists them all."""

    def __init__(self, path: str | Path, problems: list[Problem], total: int | None = None):
        self.path = Path(path)
        self.problems = sorted(problems, key=_problem_order)
        self.total = max(total or 0, len(self.problems))
        super().__init__(self.text())

    def headline(self) -> str:
        noun = "problem" if self.total == 1 else "problems"
        return f"{self.path.name}: {self.total:,} {noun} found"

    def summary_lines(self) -> list[str]:
        """What is wrong, grouped and cut to MAX_SHOWN_LINES lines."""
        lines = []
        for members in _grouped(self.problems):
            if len(members) <= GROUP_AFTER:
                lines += [problem.describe() for problem in members]
            else:
                lines.append(members[0].describe())
                lines.append(_same_problem_line(members[1:]))
        unlisted = self.total - len(self.problems)
        if len(lines) > MAX_SHOWN_LINES or unlisted:
            shown = lines[:MAX_SHOWN_LINES]
            more = "more problems" if len(lines) > MAX_SHOWN_LINES else "more rows with problems"
            kept = "" if not unlisted else f" (the first {len(self.problems):,} of {self.total:,})"
            shown.append(f"... and {more}: error.table() lists every problem found{kept}.")
            return shown
        return lines

    def text(self) -> str:
        lines = [f"{self.headline()} (file: {self.path})"]
        lines += [f"  - {line}" for line in self.summary_lines()]
        lines.append("Nothing was changed. Fix the file and run the cell again.")
        return "\n".join(lines)

    def table(self) -> pd.DataFrame:
        """Every problem kept, one per row, to sort and filter like any table."""
        return pd.DataFrame(
            [[p.row, p.column, None if p.value is None else str(p.value), p.message, p.fix] for p in self.problems],
            columns=["row", "column", "value", "problem", "fix"],
        )

    def _repr_html_(self) -> str:
        items = "".join(f"<li>{escape(line)}</li>" for line in self.summary_lines())
        return (
            '<div class="hemisphere-error" role="alert" style="border:2px solid #D55E00;'
            'border-left-width:8px;padding:0.6em 1em;background:#fff7f0;color:#222">'
            f"<strong>{escape(self.headline())}</strong>"
            f'<div style="font-size:90%">File: <code>{escape(str(self.path))}</code></div>'
            f"<ul>{items}</ul>"
            "<div>Nothing was changed. Fix the file and run the cell again.</div></div>"
        )


def _grouped(problems: list[Problem]) -> list[list[Problem]]:
    """Problems with the same column and message, in order of first appearance."""
    groups: dict[tuple, list[Problem]] = {}
    for problem in problems:
        groups.setdefault((problem.column, problem.message), []).append(problem)
    return list(groups.values())


def _same_problem_line(others: list[Problem]) -> str:
    rows = [problem.row for problem in others if problem.row is not None]
    where = f' of column "{others[0].column}"' if others[0].column else ""
    noun = "row" if len(others) == 1 else "rows"
    return f"the same problem in {len(others):,} more {noun}{where}: {row_ranges(rows)}"


def row_ranges(rows: list[int], most: int = 4) -> str:
    """``[3, 4, 5, 9]`` as "rows 3-5, 9"; after ``most`` ranges, the rest as "... 9,998"."""
    spans: list[list[int]] = []
    for row in sorted(set(rows)):
        if spans and row == spans[-1][1] + 1:
            spans[-1][1] = row
        else:
            spans.append([row, row])
    text = [f"{first:,}" if first == last else f"{first:,}-{last:,}" for first, last in spans]
    if len(text) > most:
        text = text[: most - 1] + [f"... {spans[-1][1]:,}"]
    return "rows " + ", ".join(text) if text else "rows not numbered"


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
