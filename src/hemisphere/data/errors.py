"""The pack's one error type: every problem in a data file, in one readable message.

A teacher who edits a CSV in a spreadsheet should see *all* that is wrong at once, each problem
naming the row as the spreadsheet shows it, the column, the value, what is allowed and a fix.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
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


@dataclass
class ProblemGroup:
    """Every problem with the same column and message: the first in full, the others counted by row."""

    first: Problem
    count: int = 1
    #: The other rows, as [first, last] runs of consecutive rows (at most MAX_RUNS kept), and the
    #: last row seen once more runs than that were found.
    runs: list[list[int]] = field(default_factory=list)
    last_row: int | None = None

    MAX_RUNS = 4

    def add(self, problem: Problem) -> None:
        self.count += 1
        if problem.row is None:
            return
        if self.runs and problem.row == self.runs[-1][1] + 1:
            self.runs[-1][1] = problem.row
        elif len(self.runs) < self.MAX_RUNS:
            self.runs.append([problem.row, problem.row])
        else:
            self.last_row = problem.row

    def others_line(self) -> str:
        others = self.count - 1
        where = f' of column "{self.first.column}"' if self.first.column else ""
        noun = "row" if others == 1 else "rows"
        more = "" if self.last_row is None else f", ... {self.last_row:,}"
        return f"the same problem in {others:,} more {noun}{where}: {_runs_text(self.runs)}{more}"


class ProblemLog:
    """Problems as they are found: the first MAX_KEPT_PROBLEMS kept whole, every one counted in its group."""

    def __init__(self, limit: int = MAX_KEPT_PROBLEMS):
        self.limit = limit
        self.kept: list[Problem] = []
        self.groups: dict[tuple, ProblemGroup] = {}
        self.total = 0

    def add(self, problem: Problem) -> None:
        self.total += 1
        if len(self.kept) < self.limit:
            self.kept.append(problem)
        key = (problem.column, problem.message)
        if key in self.groups:
            self.groups[key].add(problem)
        else:
            self.groups[key] = ProblemGroup(problem)

    def extend(self, problems) -> None:
        for problem in problems:
            self.add(problem)

    def __bool__(self) -> bool:
        return self.total > 0

    def raise_if_any(self, path: str | Path) -> None:
        if self.total:
            raise DataError(path, self.kept, log=self)


class DataError(ValueError):
    """A data file could not be used. ``problems`` lists what was found (the first
    MAX_KEPT_PROBLEMS of ``total``); the message groups them and stays short; :meth:`table`
    lists every problem kept."""

    def __init__(self, path: str | Path, problems: list[Problem], log: ProblemLog | None = None):
        self.path = Path(path)
        self.problems = sorted(problems, key=_problem_order)
        if log is None:
            log = ProblemLog(limit=0)
            log.extend(self.problems)
        self.total = log.total
        self._groups = sorted(log.groups.values(), key=lambda group: _problem_order(group.first))
        super().__init__(self.text())

    def headline(self) -> str:
        noun = "problem" if self.total == 1 else "problems"
        return f"{self.path.name}: {self.total:,} {noun} found"

    def summary_lines(self) -> list[str]:
        """What is wrong, grouped and cut to MAX_SHOWN_LINES lines."""
        lines = []
        for group in self._groups:
            if group.count <= GROUP_AFTER:
                key = (group.first.column, group.first.message)
                members = [p for p in self.problems if (p.column, p.message) == key]
                if len(members) == group.count:
                    lines += [problem.describe() for problem in members]
                    continue
            lines += [group.first.describe(), group.others_line()]
        if len(lines) > MAX_SHOWN_LINES:
            unlisted = "" if self.total == len(self.problems) else f" (the first {len(self.problems):,})"
            return lines[:MAX_SHOWN_LINES] + [f"... and more: error.table() lists every problem{unlisted}."]
        return lines

    def text(self) -> str:
        lines = [f"{self.headline()} (file: {self.path})"]
        lines += [f"  - {line}" for line in self.summary_lines()]
        lines.append("Nothing was changed. Fix the file and run the cell again.")
        return "\n".join(lines)

    def table(self) -> pd.DataFrame:
        """Every problem kept (the first MAX_KEPT_PROBLEMS), one per row, to sort and filter like any table."""
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


def _runs_text(runs: list[list[int]]) -> str:
    """``[[3, 5], [9, 9]]`` as "rows 3-5, 9"."""
    if not runs:
        return "rows not numbered"
    return "rows " + ", ".join(f"{first:,}" if first == last else f"{first:,}-{last:,}" for first, last in runs)


def _problem_order(problem: Problem) -> tuple:
    return (problem.row is not None, problem.row or 0, problem.column or "")


#: pandas' words when ``.dt`` meets a column that is not pandas dates, as the loaders' plain Python dates are.
NOT_PANDAS_DATES = "Can only use .dt accessor with datetimelike values"
PANDAS_DATES_HINT = (
    "`.dt` reaches inside pandas dates only. This column holds dates as Python dates or as text (the pack's "
    "load_ functions give Python dates; a CSV read without parse_dates gives text). Turn it into pandas dates "
    "first, for example: pd.to_datetime(operations.date).dt.year"
)


def hint_for(error: BaseException) -> str | None:
    """The hint a student gets instead of a traceback, for the mistakes the lessons know; else None."""
    if isinstance(error, AttributeError) and NOT_PANDAS_DATES in str(error):
        return PANDAS_DATES_HINT
    return None


def show_data_errors_as_boxes() -> None:
    """In IPython, show a DataError as its readable box, and ``.dt`` on a column that is not pandas dates as
    a one-line hint, instead of a traceback wall; every other error as IPython would."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is None:
        return

    def handler(shell, etype, evalue, tb, tb_offset=None):
        from IPython.display import display

        if isinstance(evalue, DataError):
            display(evalue)
        elif hint := hint_for(evalue):
            print(f"{etype.__name__}: {evalue}\nHint: {hint}", file=sys.stderr)
        else:
            shell.showtraceback((etype, evalue, tb), tb_offset=tb_offset)
        return None

    shell.set_custom_exc((DataError, AttributeError), handler)
