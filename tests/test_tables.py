"""Reading CSV files as spreadsheets write them, and the messages when that fails."""

import datetime as dt

import pytest

from support import write_csv
from hemisphere.data.errors import DataError
from hemisphere.data.tables import CellError, Field, TableSpec, parse_date, read_table

SPEC = TableSpec(
    name="demo.csv",
    key="id",
    fields=(
        Field("id", "a unique id"),
        Field("date", "a date", kind="date"),
        Field("kind", "a kind", kind="choice", allowed=("boat", "raid")),
        Field("lat", "latitude", kind="number", low=-90, high=90),
        Field("source_urls", "links", kind="urls"),
    ),
)
GOOD = "id,date,kind,lat,source_urls\nA1,2026-03-07,boat,12.5,https://example.org/a\n"


def problems_of(path) -> list[str]:
    with pytest.raises(DataError) as caught:
        read_table(path, SPEC)
    return [problem.describe() for problem in caught.value.problems]


def test_reads_a_good_file(tmp_path):
    frame = read_table(write_csv(tmp_path / "ok.csv", GOOD), SPEC)
    assert frame.loc[0, "date"] == dt.date(2026, 3, 7)
    assert frame.loc[0, "lat"] == 12.5
    assert frame.loc[0, "source_urls"] == ("https://example.org/a",)


def test_accepts_a_byte_order_mark_and_semicolons(tmp_path):
    text = "\ufeffid;date;kind;lat;source_urls\nA1;2026-03-07;boat;12,5;https://example.org/a\n"
    frame = read_table(write_csv(tmp_path / "excel.csv", text), SPEC)
    assert list(frame.columns) == SPEC.columns
    assert frame.loc[0, "lat"] == 12.5


def test_header_names_are_matched_loosely(tmp_path):
    text = "ID , Date,KIND,Lat,Source URLs\nA1,2026-03-07,boat,1,https://example.org/a\n"
    text = text.replace("Source URLs", "source_urls")
    assert len(read_table(write_csv(tmp_path / "case.csv", text), SPEC)) == 1


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "is empty"),
        (b"PK\x03\x04rest-of-a-zip", "spreadsheet workbook"),
        (b"id,date\x00,kind", "binary data"),
        (b"<html><body>hello</body></html>", "looks like HTML"),
        (b'{"type": "FeatureCollection"}', "looks like JSON"),
        (b"just one column\nno separators here\n", "only one column"),
    ],
)
def test_files_that_are_not_csv_get_one_clear_problem(tmp_path, content, expected):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    found = problems_of(path)
    assert len(found) == 1 and expected in found[0]


def test_every_problem_is_reported_with_row_column_value_and_fix(tmp_path):
    text = (
        "id,date,kind,lat,source_urls,colour\n"
        "A1,2026-02-30,boot,95,javascript:alert(1),red\n"
        "A1,2026-03-07,raid,10,https://example.org/a,blue\n"
        ",07/03/2026,raid,abc,,green\n"
    )
    found = problems_of(write_csv(tmp_path / "many.csv", text))
    joined = "\n".join(found)
    assert 'column "colour"' in joined and "is not a column" in joined
    assert 'row 2, column "date", value "2026-02-30": is not a real date: February 2026 has 28 days.' in joined
    assert 'Did you mean "boat"?' in joined
    assert "outside the range -90 to 90" in joined
    assert "not an http(s) address" in joined
    assert "row 3" in joined and "repeats the id already used on row 2" in joined
    assert 'row 4, column "id": is empty' in joined
    assert 'row 4, column "date", value "07/03/2026": is not a date in the form YYYY-MM-DD' in joined
    assert 'row 4, column "lat", value "abc": is not a number' in joined
    assert 'row 4, column "source_urls": is empty' in joined


def test_missing_columns_are_named_with_what_they_hold(tmp_path):
    found = problems_of(write_csv(tmp_path / "cols.csv", "id,date,kind\nA1,2026-03-07,boat\n"))
    assert any('column "lat": is missing from the header. Add this column (latitude).' in item for item in found)
    assert any('column "source_urls": is missing' in item for item in found)


def test_a_row_with_too_many_values_points_at_quoting(tmp_path):
    text = GOOD + "A2,2026-03-08,boat,1,https://example.org/b,extra\n"
    found = problems_of(write_csv(tmp_path / "wide.csv", text))
    assert found == ['row 3: has 6 values but the header has 5 columns. A value probably contains a ","; '
                     "put that value in double quotes."]


def test_an_unclosed_quote_is_explained(tmp_path):
    text = 'id,date,kind,lat,source_urls\nA1,2026-03-07,boat,1,"https://example.org/a\n'
    assert "closing double quote" in problems_of(write_csv(tmp_path / "quote.csv", text))[0]


def test_header_only_file_is_reported(tmp_path):
    found = problems_of(write_csv(tmp_path / "header.csv", "id,date,kind,lat,source_urls\n"))
    assert found == ["has a header but no data rows. Add at least one row below the header."]


def test_very_long_text_is_refused_with_its_length(tmp_path):
    spec = TableSpec("t.csv", (Field("id", "an id"), Field("note", "a note", max_chars=50)))
    path = write_csv(tmp_path / "long.csv", "id,note\n1," + "x" * 80 + "\n")
    with pytest.raises(DataError) as caught:
        read_table(path, spec)
    assert "is 80 characters long; at most 50 are allowed." in str(caught.value)


def test_the_message_names_the_file_and_says_nothing_was_changed(tmp_path):
    path = write_csv(tmp_path / "named.csv", "id,date,kind,lat,source_urls\nA1,x,boat,1,https://e.org\n")
    before = path.read_bytes()
    with pytest.raises(DataError) as caught:
        read_table(path, SPEC)
    text = str(caught.value)
    assert text.startswith("named.csv: 1 problem found")
    assert "Nothing was changed" in text
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-07", dt.date(2026, 3, 7)),
        ("2026/03/07", dt.date(2026, 3, 7)),
        ("25/12/2025", dt.date(2025, 12, 25)),
        ("12/25/2025", dt.date(2025, 12, 25)),
        ("07.03.2026", dt.date(2026, 3, 7)),
        ("7 March 2026", dt.date(2026, 3, 7)),
        ("7 Mar 2026", dt.date(2026, 3, 7)),
        ("March 7, 2026", dt.date(2026, 3, 7)),
        ("Sept 2, 2025", dt.date(2025, 9, 2)),
        ("46088", dt.date(2026, 3, 7)),
        ("05/05/2026", dt.date(2026, 5, 5)),
    ],
)
def test_flexible_dates_accept_what_spreadsheets_write(text, expected):
    assert parse_date(text, flexible=True) == expected


def test_ambiguous_dates_are_refused_with_both_readings():
    with pytest.raises(CellError) as caught:
        parse_date("03/04/2026", flexible=True)
    assert "3 April 2026 or 4 March 2026" in caught.value.message
    assert "2026-04-03 or 2026-03-04" in caught.value.fix


@pytest.mark.parametrize("text", ["2026-13-01", "31/02/2026", "yesterday", "2026-3"])
def test_impossible_or_unreadable_dates_are_refused(text):
    with pytest.raises(CellError):
        parse_date(text, flexible=True)


@pytest.mark.parametrize(("text", "message"), [("inf", "not a finite number"), ("NaN", "not a finite number")])
def test_numbers_must_be_finite_even_without_bounds(tmp_path, text, message):
    spec = TableSpec("n.csv", (Field("id", "an id"), Field("value", "any number", kind="number")))
    with pytest.raises(DataError) as caught:
        read_table(write_csv(tmp_path / "n.csv", f"id,value\n1,{text}\n"), spec)
    assert message in str(caught.value) and "Give a number." in str(caught.value)
