"""Read a CSV as a spreadsheet writes it, and check every cell against a declared table.

The pack's own files and a teacher's file go through the same door: UTF-8 with or without a BOM,
comma or semicolon separators, and one :class:`~hemisphere.data.errors.DataError` listing every problem.
Nothing here writes to disk.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import difflib
import io
import os
import re
import stat
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from .encodings import decode_spreadsheet_bytes
from .errors import DataError, Problem, ProblemLog
from .safe_html import is_safe_url
from .dates import spell_date

URL_SEPARATOR = " | "
#: Bounds on what a file may make the reader do, checked while reading, not from what the file
#: system reports (a pipe or a device reports size 0): bytes read, columns, characters in a line.
MAX_FILE_BYTES = 20_000_000
MAX_COLUMNS = 100
MAX_LINE_CHARS = 100_000
SPREADSHEET_FIX = 'In your spreadsheet, choose "Save as" or "Download" and pick "CSV UTF-8".'


class CellError(ValueError):
    """A single cell could not be read; carries the fix to suggest."""

    def __init__(self, message: str, fix: str | None = None):
        super().__init__(message)
        self.message = message
        self.fix = fix


@dataclass(frozen=True)
class Field:
    """One column of a table: what it means and which values it accepts.

    kind is one of ``text``, ``choice``, ``date``, ``partial_date``, ``number``, ``integer`` or ``urls``.
    """

    name: str
    meaning: str
    kind: str = "text"
    required: bool = True
    allowed: tuple[str, ...] = ()
    aliases: Mapping[str, str] = field(default_factory=dict)
    low: float | None = None
    high: float | None = None
    max_chars: int = 1500
    flexible_dates: bool = False
    #: For flexible dates: how to read 02/01/2025 (True: day first), decided per file from its column.
    day_first: bool | None = None

    def parse(self, text: str | None):
        """The cell's value, or None for an empty optional cell; raises CellError."""
        if text is None:
            if self.required:
                raise CellError("is empty, but every row needs a value here.", self._expected())
            return None
        if len(text) > self.max_chars:
            raise CellError(
                f"is {len(text):,} characters long; at most {self.max_chars:,} are allowed.",
                "Shorten it, or move the detail to the notes.",
            )
        parser = _PARSERS[self.kind]
        return parser(self, text)

    @property
    def _bounded(self) -> bool:
        return self.low is not None and self.high is not None

    def _expected(self) -> str:
        if self.kind == "choice":
            return "Allowed: " + ", ".join(self.allowed) + "."
        if self.kind == "date":
            return "Write the date as YYYY-MM-DD, for example 2026-03-07."
        if self.kind == "partial_date":
            return PARTIAL_FIX
        if self.kind == "urls":
            return f'Give at least one http(s) link; separate several with "{URL_SEPARATOR.strip()}".'
        if self.kind in ("number", "integer"):
            return "Give a number" + (f" between {self.low:g} and {self.high:g}." if self._bounded else ".")
        return f"Describe: {self.meaning}"


@dataclass(frozen=True, eq=False)
class TableSpec:
    """A table the pack reads: its columns, its key and the checks that need a whole row."""

    name: str
    fields: tuple[Field, ...]
    key: str | None = None
    row_checks: tuple[Callable[[dict], list[Problem]], ...] = ()
    #: A teacher's file may leave out the columns of optional fields altogether.
    optional_columns_may_be_missing: bool = False

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]


def read_table(path: str | Path, spec: TableSpec) -> pd.DataFrame:
    """Read and check a CSV file; return a frame of parsed values or raise one DataError."""
    path = Path(path)
    problems, notes = ProblemLog(), []
    text = _decode(path, notes)
    header, rows = read_csv_rows(path, text, problems)
    problems.extend(_header_problems(header, spec))
    present = [_with_date_order(f, path, text, header, notes) if f.flexible_dates else f
               for f in spec.fields if f.name in header]
    complete = all(f.name in header for f in spec.fields if f.required or not spec.optional_columns_may_be_missing)
    records, row_numbers, keys, any_rows, memo = [], [], [], False, {}
    for row_number, cells in rows:
        any_rows = True
        record, row_problems = _parse_row(row_number, dict(zip(header, cells)), present, memo)
        record.update({f.name: None for f in spec.fields if f.name not in header})
        problems.extend(row_problems)
        if complete:
            problems.extend(_at_row(p, row_number) for p in _row_check_problems(spec, record, row_problems))
        if spec.key:
            keys.append((row_number, record.get(spec.key)))
        if not problems:  # once the file is refused, its rows need not be kept
            records.append(record)
            row_numbers.append(row_number)
    if spec.key and spec.key in header:
        problems.extend(_duplicate_problems(keys, spec.key))
    if not any_rows and not problems:
        problems.add(Problem("has a header but no data rows.", fix="Add at least one row below the header."))
    problems.raise_if_any(path)
    frame = pd.DataFrame(records, columns=spec.columns)
    frame.attrs["read_notes"] = notes  # how the file was read, for the reader to be told in a line each
    frame.attrs["spreadsheet_rows"] = row_numbers
    return frame


def spreadsheet_rows(frame: pd.DataFrame) -> list[int]:
    """Each row's number as a spreadsheet shows the file (header row 1), blank rows skipped included, so a
    check made after reading names the same row the reader sees."""
    return frame.attrs["spreadsheet_rows"]


def read_csv_rows(path: Path, text: str, problems: ProblemLog):
    """The header (normalised names) and an iterator over the data rows, numbered as a spreadsheet
    shows them; rows that cannot be split into the header's columns go to ``problems``.

    Raises DataError at once when the file as a whole cannot be read as CSV.
    """
    delimiter = _delimiter(path, text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header = [_normalise(name) for name in _next_line(path, reader)]
    if len(header) > MAX_COLUMNS:
        raise DataError(path, [Problem(
            f"has {len(header):,} columns in its header; the pack's tables have at most {MAX_COLUMNS}.",
            fix="Keep only the columns of the template (data/templates/my_events.csv).",
        )])

    def rows():
        row_number = 1  # the spreadsheet's numbering: the header is row 1
        while True:
            cells = _next_line(path, reader)
            if cells is None:
                return
            row_number += 1
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) > len(header):
                problems.add(Problem(
                    f"has {len(cells)} values but the header has {len(header)} columns.",
                    row=row_number,
                    fix=f'A value probably contains a "{delimiter}"; put that value in double quotes.',
                ))
                continue
            cells = cells + [""] * (len(header) - len(cells))
            yield row_number, [_clean(cell) for cell in cells]

    return header, rows()


def _next_line(path: Path, reader) -> list[str] | None:
    try:
        return next(reader)
    except StopIteration:
        return None
    except csv.Error as exc:
        raise DataError(path, [Problem(
            f"cannot be read as CSV near line {reader.line_num}: {exc}.",
            fix="A quoted value is probably missing its closing double quote.",
        )]) from None


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, from a regular file only, never more than MAX_FILE_BYTES + 1 read."""
    if not path.exists():
        raise DataError(path, [Problem("does not exist.", fix="Check the file name and folder.")])
    if path.is_dir():
        raise DataError(path, [Problem("is a folder, not a file.", fix="Give the path of a .csv file.")])
    try:
        # Non-blocking, so opening a pipe with no writer returns at once; it is refused below.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise DataError(path, [Problem(f"cannot be opened ({exc.strerror}).",
                                       fix="Check that the file exists and that you may read it.")]) from None
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise DataError(path, [Problem("is not a regular file (it is a device, a pipe or a socket).",
                                           fix="Give the path of a .csv file saved from a spreadsheet.")])
        try:
            raw = handle.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise DataError(path, [Problem(f"cannot be read ({exc.strerror}).",
                                           fix="Give the path of a .csv file saved from a spreadsheet.")]) from None
    if len(raw) > MAX_FILE_BYTES:
        raise DataError(path, [Problem(
            f"is larger than {MAX_FILE_BYTES / 1e6:.0f} MB, the most the pack reads from a CSV file.",
            fix="Split it or keep only the rows you need.",
        )])
    return raw


def _decode(path: Path, notes: list[str]) -> str:
    raw = _read_bytes(path)
    if raw.startswith(b"PK\x03\x04"):
        raise DataError(path, [Problem("is a spreadsheet workbook (for example .xlsx), not a CSV file.",
                                       fix=SPREADSHEET_FIX)])
    try:
        text, encoding = decode_spreadsheet_bytes(raw)
    except UnicodeDecodeError:
        text, encoding = "\x00", None
    if "\x00" in text:
        raise DataError(path, [Problem("contains binary data, not text.", fix=SPREADSHEET_FIX)])
    if encoding:
        notes.append(f"{path.name} is not UTF-8; it was read as {encoding}. If accented letters look wrong, "
                     'save it as "CSV UTF-8".')
    if not text.strip():
        raise DataError(path, [Problem("is empty.", fix="The first line must be the header row.")])
    first = text.lstrip()[:1]
    if first in "<{[":
        kind = "HTML or XML" if first == "<" else "JSON"
        raise DataError(path, [Problem(f"looks like {kind}, not CSV.", fix=SPREADSHEET_FIX)])
    too_long = re.search(rf"[^\n]{{{MAX_LINE_CHARS + 1}}}", text)
    if too_long:
        line = text.count("\n", 0, too_long.start()) + 1
        raise DataError(path, [Problem(
            f"has a line (line {line:,}) longer than {MAX_LINE_CHARS:,} characters.",
            fix="A row that long is not a row of events; check the file is the CSV you meant.",
        )])
    return text


def _delimiter(path: Path, text: str) -> str:
    header_line = text.splitlines()[0]
    counts = {sep: header_line.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=counts.get)
    if counts[best] == 0:
        raise DataError(path, [Problem(
            "has only one column: no comma, semicolon or tab separates the header names.",
            fix="Save the file as CSV; the first line should look like id,date,country_iso3,...",
        )])
    return best


def _normalise(name: str) -> str:
    return re.sub(r"\s+", "_", name.strip().lower())


def _clean(cell: str) -> str | None:
    cell = cell.strip()
    return cell or None


def _header_problems(header: list[str], spec: TableSpec) -> list[Problem]:
    problems = []
    known = spec.columns
    for name in header:
        if name not in known:
            close = difflib.get_close_matches(name, known, n=1)
            hint = f'Did you mean "{close[0]}"?' if close else "Remove it, or rename it to one of: " + ", ".join(known) + "."
            problems.append(Problem("is not a column of this table.", column=name or "(blank header)", fix=hint))
    seen = set()
    for name in header:
        if name in seen and name in known:
            problems.append(Problem("appears twice in the header.", column=name, fix="Keep one of the two."))
        seen.add(name)
    for spec_field in spec.fields:
        may_be_missing = spec.optional_columns_may_be_missing and not spec_field.required
        if spec_field.name not in header and not may_be_missing:
            problems.append(Problem(
                "is missing from the header.",
                column=spec_field.name,
                fix=f"Add this column ({spec_field.meaning}).",
            ))
    return problems


#: Short cells (codes, dates, grades, numbers) repeat down a column; each distinct one is parsed once.
MEMO_MAX_CHARS = 64


def _parse_row(row_number: int, cells: dict, present: list[Field], memo: dict) -> tuple[dict, list[Problem]]:
    record, problems = {}, []
    for spec_field in present:
        text = cells.get(spec_field.name)
        key = (spec_field.name, text)
        outcome = memo.get(key)
        if outcome is None:
            try:
                outcome = (spec_field.parse(text), None)
            except CellError as exc:
                outcome = (None, exc)
            if text is None or len(text) <= MEMO_MAX_CHARS:
                memo[key] = outcome
        record[spec_field.name], error = outcome
        if error is not None:
            problems.append(Problem(error.message, row=row_number, column=spec_field.name, value=text, fix=error.fix))
    return record, problems


def _row_check_problems(spec: TableSpec, record: dict, cell_problems: list[Problem]) -> list[Problem]:
    """Whole-row checks, also on rows with bad cells, so one message lists everything.

    A bad cell reads as None; a check that needs that value cannot run on this row and is skipped
    (it runs again once the cell is fixed). On a row without bad cells every check must run.
    """
    found = []
    for check in spec.row_checks:
        try:
            found += check(record)
        except (TypeError, AttributeError):
            if not cell_problems:
                raise
    return found


def _at_row(problem: Problem, row_number: int) -> Problem:
    return Problem(problem.message, row=row_number, column=problem.column, value=problem.value, fix=problem.fix)


def _duplicate_problems(keys: list[tuple[int, object]], key: str) -> list[Problem]:
    first_seen: dict[object, int] = {}
    problems = []
    for row_number, value in keys:
        if value is None:
            continue
        if value in first_seen:
            problems.append(Problem(
                f"repeats the {key} already used on row {first_seen[value]}.",
                row=row_number, column=key, value=value,
                fix=f"Each row needs its own {key}; change one of them.",
            ))
        else:
            first_seen[value] = row_number
    return problems


def _with_date_order(spec_field: Field, path: Path, text: str, header: list[str], notes: list[str]) -> Field:
    """The field, told whether its column writes 02/01/2025 day first, when the column's own
    unambiguous dates decide it (a note says so); unchanged when nothing in the column does."""
    cells = _column_cells(text, _delimiter(path, text), header.index(spec_field.name))
    day_first, example = date_order(cells)
    if day_first is None or not any(_is_ambiguous(cell) for cell in cells):
        return spec_field
    order = "day first (02/01/2025 is 2 January 2025)" if day_first else "month first (02/01/2025 is 1 February 2025)"
    notes.append(f'Dates in column "{spec_field.name}" were read {order}, as {example} in the same column shows.')
    return replace(spec_field, day_first=day_first)


def _column_cells(text: str, delimiter: str, index: int) -> set[str]:
    """The distinct values of one column (problems with the file are reported by the main pass)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    next(reader, None)
    cells = set()
    try:
        for row in reader:
            if index < len(row) and row[index].strip():
                cells.add(row[index].strip())
    except csv.Error:
        pass
    return cells


_NUMERIC_DATE = re.compile(r"(\d{1,2})([/-])(\d{1,2})\2(\d{4})")


def date_order(cells) -> tuple[bool | None, str | None]:
    """Whether a column writes numeric dates day first (True) or month first (False), and a date that
    shows it; (None, None) when no date decides it or the column's dates disagree."""
    day_first, month_first = [], []
    for cell in cells:
        match = _NUMERIC_DATE.fullmatch(cell)
        if match:
            first, second = int(match.group(1)), int(match.group(3))
            if first > 12 >= second:
                day_first.append(cell)
            elif second > 12 >= first:
                month_first.append(cell)
    if day_first and not month_first:
        return True, min(day_first)
    if month_first and not day_first:
        return False, min(month_first)
    return None, None


def _is_ambiguous(cell: str) -> bool:
    match = _NUMERIC_DATE.fullmatch(cell)
    if not match:
        return False
    first, second = int(match.group(1)), int(match.group(3))
    return first <= 12 and second <= 12 and first != second


# --- cell parsers -------------------------------------------------------------------------------

def _parse_text(spec_field: Field, text: str) -> str:
    return text


def _parse_choice(spec_field: Field, text: str) -> str:
    if text in spec_field.allowed:
        return text
    for candidate in (text.strip().lower(), text.strip().upper()):
        if candidate in spec_field.allowed:
            return candidate
    alias = spec_field.aliases.get(text.strip().lower())
    if alias:
        raise CellError("is not an allowed value.", f'Did you mean "{alias}"? Allowed values are codes like that one.')
    close = difflib.get_close_matches(text, spec_field.allowed, n=1, cutoff=0.6)
    hint = f'Did you mean "{close[0]}"? ' if close else ""
    if len(spec_field.allowed) <= 12:
        return _raise(CellError("is not an allowed value.", hint + "Allowed: " + ", ".join(spec_field.allowed) + "."))
    return _raise(CellError("is not an allowed value.", hint + f"See the list of {spec_field.name} values in data/README.md."))


def _parse_number(spec_field: Field, text: str) -> float:
    try:
        value = float(text.replace(",", ".")) if text.count(",") == 1 and "." not in text else float(text)
    except ValueError:
        raise CellError("is not a number.", spec_field._expected()) from None
    if value != value or value in (float("inf"), float("-inf")):
        raise CellError("is not a finite number.", spec_field._expected())
    if spec_field._bounded and not spec_field.low <= value <= spec_field.high:
        raise CellError(f"is outside the range {spec_field.low:g} to {spec_field.high:g}.", spec_field._expected())
    return value


def _parse_integer(spec_field: Field, text: str) -> int:
    value = _parse_number(spec_field, text)
    if value != int(value):
        raise CellError("is not a whole number.", spec_field._expected())
    return int(value)


def _parse_urls(spec_field: Field, text: str) -> tuple[str, ...]:
    urls = tuple(part.strip() for part in re.split(r"\s*\|\s*", text) if part.strip())
    bad = [url for url in urls if not is_safe_url(url)]
    if bad:
        raise CellError(
            f"contains a link that is not an http(s) address: {bad[0][:80]!r}.",
            "Only links starting with http:// or https:// are accepted; separate several with \" | \".",
        )
    if not urls:
        raise CellError("has no link.", spec_field._expected())
    return urls


def _parse_date(spec_field: Field, text: str) -> dt.date:
    return parse_date(text, flexible=spec_field.flexible_dates, day_first=spec_field.day_first)


def _parse_partial_date(spec_field: Field, text: str) -> PartialDate:
    return parse_partial_date(text)


def _raise(error: CellError):
    raise error


_PARSERS = {
    "text": _parse_text,
    "choice": _parse_choice,
    "number": _parse_number,
    "integer": _parse_integer,
    "urls": _parse_urls,
    "date": _parse_date,
    "partial_date": _parse_partial_date,
}


# --- dates --------------------------------------------------------------------------------------

_MONTHS = {name: number for number in range(1, 13)
           for name in (dt.date(2000, number, 1).strftime("%B").lower(), dt.date(2000, number, 1).strftime("%b").lower())}
_MONTHS["sept"] = 9
ISO_FIX = "Write it as YYYY-MM-DD, for example 2026-03-07."
EXCEL_EPOCH = dt.date(1899, 12, 30)


def parse_date(text: str, flexible: bool = False, day_first: bool | None = None) -> dt.date:
    """A calendar date from ISO text; with ``flexible``, also the forms spreadsheets write, when they are
    unambiguous or ``day_first`` says how the file's column writes them."""
    text = text.strip()
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if match:
        return _checked_date(*map(int, match.groups()))
    if not flexible:
        raise CellError("is not a date in the form YYYY-MM-DD.", ISO_FIX)
    match = re.fullmatch(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})", text)
    if match:
        return _checked_date(*map(int, match.groups()))
    match = re.fullmatch(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})", text)
    if match:
        first, separator, second, year = match.groups()
        first, second, year = int(first), int(second), int(year)
        if separator == "." or first > 12 >= second:
            return _checked_date(year, second, first)
        if second > 12 >= first:
            return _checked_date(year, first, second)
        if first == second or day_first is False:
            return _checked_date(year, first, second)
        if day_first:
            return _checked_date(year, second, first)
        raise CellError(
            f"is ambiguous: it could be {_spell(year, second, first)} or {_spell(year, first, second)}.",
            f"Write it as {year}-{second:02d}-{first:02d} or {year}-{first:02d}-{second:02d}.",
        )
    match = re.fullmatch(r"(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})", text)
    if match and match.group(2).lower() in _MONTHS:
        return _checked_date(int(match.group(3)), _MONTHS[match.group(2).lower()], int(match.group(1)))
    match = re.fullmatch(r"([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})", text)
    if match and match.group(1).lower() in _MONTHS:
        return _checked_date(int(match.group(3)), _MONTHS[match.group(1).lower()], int(match.group(2)))
    if re.fullmatch(r"\d{5}", text) and 20000 <= int(text) <= 80000:
        return EXCEL_EPOCH + dt.timedelta(days=int(text))
    raise CellError("is not a date the pack can read.", ISO_FIX)


PARTIAL_FIX = "Write YYYY-MM-DD, or YYYY-MM when only the month is known, or YYYY when only the year is, e.g. 1905-02."


@dataclass(frozen=True)
class PartialDate:
    """A date known to the day, the month or only the year, as historians record them."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def first(self) -> dt.date:
        """The first day the date can mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last(self) -> dt.date:
        """The last day the date can mean (31 December for a bare year)."""
        if self.day:
            return self.first
        if self.month:
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return dt.date(self.year, 12, 31)

    def spelled(self) -> str:
        """For readers: "2 December 1823", "February 1905" or "1865"."""
        if self.day:
            return _spell(self.year, self.month, self.day)
        if self.month:
            return self.first.strftime("%B %Y")
        return str(self.year)

    def __str__(self) -> str:
        return "-".join([f"{self.year:04d}"] + [f"{part:02d}" for part in (self.month, self.day) if part])


def parse_partial_date(text: str) -> PartialDate:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, each part checked."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", text.strip())
    if not match:
        raise CellError("is not a date in the form YYYY-MM-DD, YYYY-MM or YYYY.", PARTIAL_FIX)
    year, month, day = (int(part) if part else None for part in match.groups())
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise CellError(f"has year {year}; years run from {dt.MINYEAR} to {dt.MAXYEAR}.", PARTIAL_FIX)
    if month is not None:
        _checked_date(year, month, day or 1)
    return PartialDate(year, month, day)


def _checked_date(year: int, month: int, day: int) -> dt.date:
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise CellError(f"has year {year}; years run from {dt.MINYEAR} to {dt.MAXYEAR}.", ISO_FIX)
    if not 1 <= month <= 12:
        raise CellError(f"has month {month}, but months run from 1 to 12.", ISO_FIX)
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise CellError(f"is not a real date: {calendar.month_name[month]} {year} has {last} days.", ISO_FIX)
    return dt.date(year, month, day)


def _spell(year: int, month: int, day: int) -> str:
    try:
        return spell_date(dt.date(year, month, day))
    except ValueError:
        return f"{year}-{month:02d}-{day:02d}"
