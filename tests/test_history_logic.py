"""Lesson 3's logic on a small fixture: partial dates, eras, counts per state up to a year, comparisons."""

import pandas as pd
import pytest

from history_fixture import COMPARISON_ROWS, HISTORY_ROWS, write_comparisons, write_history
from hemisphere import DataError, load_comparisons, load_history
from hemisphere.topics.history import (
    compare_events,
    counts_by_era,
    events_between,
    intervention_counts,
    interventions_per_decade,
    most_intervened,
    years_of,
)
from hemisphere.data.tables import CellError, parse_partial_date


@pytest.fixture
def history(tmp_path):
    return load_history(write_history(tmp_path))


@pytest.fixture
def comparisons(tmp_path):
    write_history(tmp_path)
    return load_comparisons(write_comparisons(tmp_path), tmp_path / "history.csv")


def test_partial_dates_know_their_precision_and_span():
    month = parse_partial_date("1905-02")
    assert (month.precision, str(month.first), str(month.last), month.spelled()) == (
        "month", "1905-02-01", "1905-02-28", "February 1905")
    year = parse_partial_date("1865")
    assert (year.precision, str(year.last), year.spelled()) == ("year", "1865-12-31", "1865")
    assert parse_partial_date("1823-12-02").spelled() == "2 December 1823"


@pytest.mark.parametrize(("text", "words"), [("1905-13", "months run from 1 to 12"),
                                             ("1905-02-30", "February 1905 has 28 days"),
                                             ("Feb 1905", "YYYY-MM-DD, YYYY-MM or YYYY")])
def test_impossible_partial_dates_are_refused_with_a_reason(text, words):
    with pytest.raises(CellError) as caught:
        parse_partial_date(text)
    assert words in caught.value.message


def test_the_loader_adds_first_and_last_days_and_sorts_by_date(history):
    row = history.loc["F2"]
    assert str(row.start) == "1906-09-29" and str(row.end) == "1909-12-31" and row.year == 1906
    assert str(history.loc["F3"].end) == "1914-04-30"
    assert list(history.id) == [row.split(",")[0] for row in HISTORY_ROWS]


def test_counts_include_only_intervention_categories_up_to_the_year(history):
    assert intervention_counts(1932, history).to_dict() == {"MEX": 2, "CUB": 1, "PAN": 0, "USA": 0, "VEN": 0}
    assert intervention_counts(None, history)[["CUB", "MEX", "PAN", "VEN", "USA"]].to_list() == [2, 2, 1, 1, 0]
    assert intervention_counts(1846, history)["MEX"] == 1  # an event counts from the year it began
    assert intervention_counts(1845, history).sum() == 0


def test_the_most_intervened_state_can_change_and_ties_are_kept(history):
    assert most_intervened(1932, history) == ["MEX"]
    assert most_intervened(None, history) == ["CUB", "MEX"]
    assert most_intervened(1800, history) == []


def test_counts_by_era_and_per_decade(history):
    table = counts_by_era(history)
    assert table.loc["CUB", "imperial"] == 1 and table.loc["CUB", "cold_war"] == 1 and table.loc["CUB", "total"] == 2
    assert "USA" not in table.index  # doctrines are not interventions
    rates = interventions_per_decade(history)
    assert rates.loc["cold_war", "interventions"] == 2 and rates.loc["cold_war", "years"] == 44
    assert rates.loc["cold_war", "per_decade"] == round(20 / 44, 2)
    assert rates.loc["good_neighbor", "interventions"] == 0


def test_events_between_an_era_or_a_year_range(history):
    assert list(events_between("imperial", history).id) == ["F2", "F3"]
    assert list(events_between((1914, 1961), history).id) == ["F3", "F4", "F5"]
    assert len(events_between(None, history)) == len(history)
    with pytest.raises(ValueError, match="backwards"):
        years_of((1990, 1980))
    with pytest.raises(KeyError, match="eras:"):
        years_of("roman_empire")


def test_the_comparison_puts_aspects_side_by_side_and_says_what_is_missing(history, comparisons):
    table = compare_events("F7", "F8", history, comparisons)
    assert list(table.columns) == ["Invasion G (1989)", "Raid H (2026)"]
    assert table.loc["Date", "Invasion G (1989)"] == "20 December 1989"
    assert table.loc["Stated legal basis or justification", "Raid H (2026)"] == "Basis of H."
    assert table.loc["Outcome", "Invasion G (1989)"] == "Not recorded in comparisons.csv."
    assert table.loc["Forces and means", "Raid H (2026)"] == "Not recorded in comparisons.csv."
    assert table.loc["Confidence (weakest row)", "Invasion G (1989)"] == "medium"
    assert table.loc["Confidence (weakest row)", "Raid H (2026)"] == "low"
    assert table.loc["Sources", "Invasion G (1989)"] == (
        "https://example.org/g", "https://example.org/g2", "https://example.org/g3", "https://example.org/g4")


def test_comparing_an_unknown_event_names_the_id_form(history, comparisons):
    with pytest.raises(KeyError, match="H047"):
        compare_events("F7", "Z9", history, comparisons)


def test_a_comparison_row_for_an_unknown_event_or_a_repeated_aspect_is_refused(tmp_path):
    write_history(tmp_path)
    bad = write_comparisons(tmp_path, COMPARISON_ROWS + ["Z9,outcome,Text.,https://example.org/z,high",
                                                         "F7,forces,Again.,https://example.org/x,high"])
    with pytest.raises(DataError) as caught:
        load_comparisons(bad, tmp_path / "history.csv")
    assert "event_id" in caught.value.text()
    fixed = write_comparisons(tmp_path, COMPARISON_ROWS + ["F7,forces,Again.,https://example.org/x,high"])
    with pytest.raises(DataError) as caught:
        load_comparisons(fixed, tmp_path / "history.csv")
    assert "repeats aspect forces for event F7" in caught.value.text() and "row 6" in caught.value.text()


@pytest.mark.parametrize(
    ("edit", "words"),
    [
        (lambda row: row.replace(",monroe,", ",imperial,"), 'Change the era to "monroe"'),
        (lambda row: row.replace("19.43,-99.13", "52.08,4.31"), "set location_basis to capital"),
        (lambda row: row.replace("1848-02-02", "1840-01-01"), "is before the start date"),
        (lambda row: row.replace("1846-05-13", "1846-13"), "months run from 1 to 12"),
        (lambda row: row.replace(",war,", ",skirmish,"), "not an allowed value"),
        (lambda row: row.replace(",MEX,", ",Mexico,"), 'Did you mean "MEX"?'),
    ],
)
def test_a_bad_history_row_is_named_with_a_fix(tmp_path, edit, words):
    rows = [edit(HISTORY_ROWS[0])] + HISTORY_ROWS[1:]
    with pytest.raises(DataError) as caught:
        load_history(write_history(tmp_path, rows))
    text = caught.value.text()
    assert "row 2" in text and words in text


def test_a_repeated_glossary_term_is_refused(tmp_path):
    from hemisphere import load_glossary
    from support import write_csv

    path = write_csv(tmp_path / "glossary.csv", "term,definition,source_urls,confidence\n"
                     "Sovereignty,A state's authority over its territory.,https://example.org/s,high\n"
                     "Sovereignty,Again.,https://example.org/s,high\n")
    with pytest.raises(DataError, match="repeats the term already used on row 2"):
        load_glossary(path)
    assert isinstance(load_glossary(), pd.DataFrame)
