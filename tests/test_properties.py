"""Property-based tests: whatever a file holds, the loaders return checked rows or one DataError.

Never another exception, never a message without text, never a changed file.
"""

import csv
import io
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hemisphere import DataError
from hemisphere.data.loaders import load_operations, load_quotes
from support import DATA

OPERATIONS_TEXT = (DATA / "operations.csv").read_text(encoding="utf-8")
OPERATIONS_ROWS = list(csv.reader(io.StringIO(OPERATIONS_TEXT)))
# Python 3.10's csv writer cannot write a NUL character without an escape character (3.11 quotes it).
WRITER_OPTIONS = {"escapechar": "\\"}
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

cell_text = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", " ", "2026-02-30", "31/12/2025", "03/04/2026", "javascript:alert(1)", "<script>",
                     "-91", "181", "1e9", "NaN", "XXC", "xxp", "Mexico", "high", "yes", '"', "\n", ";", ","]),
)


def loads_or_explains(load, path) -> None:
    before = path.read_bytes()
    try:
        frame = load(path)
    except DataError as error:
        assert error.problems, "a DataError must list at least one problem"
        assert all(problem.describe().strip() for problem in error.problems)
        assert str(error).startswith(path.name)
    else:
        assert len(frame) >= 1
    assert path.read_bytes() == before


@SETTINGS
@given(content=st.binary(max_size=400))
def test_any_bytes_load_or_explain(tmp_path_factory, content):
    path = tmp_path_factory.mktemp("bytes") / "events.csv"
    path.write_bytes(content)
    loads_or_explains(load_operations, path)


@SETTINGS
@given(rows=st.lists(st.lists(cell_text, min_size=0, max_size=20), max_size=6),
       delimiter=st.sampled_from([",", ";", "\t"]), bom=st.booleans())
def test_any_table_under_the_real_header_loads_or_explains(tmp_path_factory, rows, delimiter, bom):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, **WRITER_OPTIONS)
    writer.writerow(OPERATIONS_ROWS[0])
    writer.writerows(rows)
    path = tmp_path_factory.mktemp("table") / "events.csv"
    path.write_text(("\ufeff" if bom else "") + buffer.getvalue(), encoding="utf-8")
    loads_or_explains(load_operations, path)


def with_cells_edited(rows: list[list[str]], cells, data, folder: Path, name: str) -> Path:
    """A copy of a real file, with one to four of its cells (never the header) replaced by drawn text."""
    rows = [list(row) for row in rows]
    for _ in range(data.draw(st.integers(min_value=1, max_value=4))):
        row = data.draw(st.integers(min_value=1, max_value=len(rows) - 1))
        column = data.draw(st.integers(min_value=0, max_value=len(rows[0]) - 1))
        rows[row][column] = data.draw(cells)
    buffer = io.StringIO()
    csv.writer(buffer, **WRITER_OPTIONS).writerows(rows)
    path = folder / name
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


@SETTINGS
@given(data=st.data())
def test_single_cell_edits_of_the_real_file_load_or_explain(tmp_path_factory, data):
    path = with_cells_edited(OPERATIONS_ROWS, cell_text, data, tmp_path_factory.mktemp("edit"), "operations.csv")
    loads_or_explains(load_operations, path)


@SETTINGS
@given(quote=st.text(min_size=1, max_size=300), language=st.sampled_from(["en", "es", "pt", "fr", ""]))
def test_quotes_of_any_text_load_or_explain(tmp_path_factory, quote, language):
    buffer = io.StringIO()
    writer = csv.writer(buffer, **WRITER_OPTIONS)
    writer.writerow(["id", "speaker", "speaker_role", "date", "setting", "quote", "language", "translation",
                     "perspective", "source_urls", "confidence"])
    writer.writerow(["Q1", "A Speaker", "Minister", "2026-03-07", "Speech", quote, language, "",
                     "other", "https://example.org/a", "high"])
    path = tmp_path_factory.mktemp("quote") / "quotes.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    loads_or_explains(load_quotes, path)


HISTORY_ROWS = list(csv.reader(io.StringIO((DATA / "history.csv").read_text(encoding="utf-8"))))
history_cell = st.one_of(cell_text, st.sampled_from(["0000", "1905-02", "1865", "1823-12-02", "2030", "capital",
                                                      "site", "imperial", "2025_26", "52.08", "-200"]))


@SETTINGS
@given(data=st.data())
def test_single_cell_edits_of_the_history_file_load_or_explain(tmp_path_factory, data):
    from hemisphere.data.loaders import load_history

    path = with_cells_edited(HISTORY_ROWS, history_cell, data, tmp_path_factory.mktemp("edit"), "history.csv")
    loads_or_explains(load_history, path)
