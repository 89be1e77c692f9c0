"""A broken coalition.csv gives one message that lists every problem; the file is left as it was."""

import pytest

from hemisphere import DataError, load_coalition
from support import rewrite_csv as rewrite
from hemisphere.data.loaders import load_seas


def row_of(rows, code):
    return next(i for i, row in enumerate(rows) if row["iso3"] == code)


def test_a_malformed_coalition_file_lists_every_problem_at_once(data_copy):
    path = data_copy / "coalition.csv"
    spreadsheet_rows = {}

    def break_it(rows):
        mexico = row_of(rows, "MEX")
        rows[mexico]["status"] = "exclded"
        spreadsheet_rows["status"] = mexico + 2
        peru = row_of(rows, "PER")
        rows[peru]["source_urls"] = ""
        spreadsheet_rows["sources"] = peru + 2
        chile = row_of(rows, "CHL")
        rows[chile]["iso3"] = "Brasil"
        spreadsheet_rows["code"] = chile + 2
        rows.append(dict(rows[row_of(rows, "ARG")]))
        spreadsheet_rows["duplicate"] = len(rows) + 1

    rewrite(path, break_it)
    before = path.read_bytes()
    with pytest.raises(DataError) as caught:
        load_coalition()
    message = str(caught.value)
    assert message.startswith("coalition.csv: 4 problems found")
    assert f'row {spreadsheet_rows["status"]}, column "status", value "exclded": is not an allowed value. ' \
           'Did you mean "excluded"?' in message
    assert f'row {spreadsheet_rows["sources"]}, column "source_urls": is empty' in message
    assert f'row {spreadsheet_rows["code"]}, column "iso3", value "Brasil": is not an allowed value. ' \
           'Did you mean "BRA"?' in message
    assert f'row {spreadsheet_rows["duplicate"]}, column "iso3", value "ARG": repeats the iso3' in message
    assert path.read_bytes() == before
    assert "Traceback" not in caught.value._repr_html_()


def test_a_missing_column_is_named(data_copy):
    path = data_copy / "coalition.csv"
    text = path.read_text(encoding="utf-8").replace(",confidence\n", "\n", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_coalition()
    problems = [problem for problem in caught.value.problems if problem.column == "confidence"]
    assert problems and "missing from the header" in problems[0].message


def test_a_coalition_file_that_is_not_csv_is_refused_plainly(data_copy):
    (data_copy / "coalition.csv").write_bytes(b"PK\x03\x04 an xlsx saved with the wrong name")
    with pytest.raises(DataError) as caught:
        load_coalition()
    assert len(caught.value.problems) == 1
    assert "spreadsheet workbook" in caught.value.problems[0].message


def test_the_error_shows_as_a_readable_box_with_escaped_text(data_copy):
    def hostile(rows):
        rows[0]["status"] = "<script>alert(1)</script>"

    rewrite(data_copy / "coalition.csv", hostile)
    with pytest.raises(DataError) as caught:
        load_coalition()
    box = caught.value._repr_html_()
    assert 'role="alert"' in box
    assert "<script>" not in box and "&lt;script&gt;" in box


def test_an_edited_file_is_read_again(data_copy):
    assert load_coalition().loc["NIC", "status"] == "excluded"

    def edit(rows):
        rows[row_of(rows, "NIC")]["status"] = "other"

    rewrite(data_copy / "coalition.csv", edit)
    assert load_coalition().loc["NIC", "status"] == "other"


def test_a_broken_seas_file_names_the_missing_property_and_the_fix(data_copy):
    path = data_copy / "seas.geojson"
    path.write_text(path.read_text(encoding="utf-8").replace('"natural_earth_names"', '"ne_names"'), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_seas()
    problem = caught.value.problems[0]
    assert problem.column == "natural_earth_names" and "make data" in problem.fix


def test_signature_evidence_belongs_to_signers_only(data_copy):
    path = data_copy / "coalition.csv"
    spreadsheet_rows = {}

    def break_it(rows):
        salvador = row_of(rows, "SLV")
        rows[salvador]["signature_grade"] = ""
        spreadsheet_rows["missing"] = salvador + 2
        mexico = row_of(rows, "MEX")
        rows[mexico]["signature_note"] = "Signed, says a blog."
        spreadsheet_rows["extra"] = mexico + 2

    rewrite(path, break_it)
    with pytest.raises(DataError) as caught:
        load_coalition()
    message = str(caught.value)
    assert f'row {spreadsheet_rows["missing"]}, column "signature_grade": is empty, but the state is named as a signer.' in message
    assert f'row {spreadsheet_rows["extra"]}, column "signature_note": is filled, but coalition_signatory is no.' in message
