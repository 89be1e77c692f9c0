"""Lesson 4's pandas warm-up: each check accepts every way the warm-up teaches and names each slip."""

import pandas as pd
import pytest

from hemisphere import check, load_countries
from hemisphere.data.loaders import load_coalition, load_operations


@pytest.fixture(scope="module")
def coalition():
    return load_coalition()


@pytest.fixture(scope="module")
def countries():
    return load_countries()


@pytest.fixture(scope="module")
def operations():
    return load_operations()


def test_the_filter_check_accepts_brackets_query_and_loc(coalition):
    assert check("04-pandas-filter", coalition[coalition.summit_attendee == "yes"][["name_en", "status"]])
    assert check("04-pandas-filter", coalition.query("summit_attendee == 'yes'")[["name_en", "status"]])
    assert check("04-pandas-filter", coalition.loc[coalition.summit_attendee == "yes", ["name_en", "status"]])


@pytest.mark.parametrize(
    ("make_answer", "hint"),
    [
        (lambda c: c[c.summit_attendee == "no"][["name_en", "status"]], "did not attend"),
        (lambda c: c[["name_en", "status"]], "the filter is missing"),
        (lambda c: c[c.summit_attendee == "yes"], "only the two columns"),
        (lambda c: c[c.summit_attendee == "yes"].name_en, "one column (a Series)"),
        (lambda c: c[c.summit_attendee == "yes"][["status"]], "no name_en column"),
        (lambda c: c[(c.summit_attendee == "yes") & (c.status == "member")][["name_en", "status"]],
         "missing or extra"),
        (lambda c: len(c[c.summit_attendee == "yes"]), "not a count"),
    ],
)
def test_the_filter_check_names_each_slip(coalition, make_answer, hint):
    result = check("04-pandas-filter", make_answer(coalition))
    assert not result and hint in result.message


def test_the_top_check_accepts_codes_names_and_any_container(countries):
    top = countries.sort_values("pop_est", ascending=False).head(3)
    assert check("04-pandas-top", top["iso3"].tolist())
    assert check("04-pandas-top", top["iso3"])
    assert check("04-pandas-top", countries.nlargest(3, "pop_est").name_en.tolist())
    assert check("04-pandas-top", [code.lower() for code in top.iso3][::-1])


@pytest.mark.parametrize(
    ("make_answer", "hint"),
    [
        (lambda c: c.sort_values("pop_est").head(3)["iso3"].tolist(), "three smallest"),
        (lambda c: c.head(3)["iso3"].tolist(), "first three rows of the file"),
        (lambda c: c.sort_values("pop_est", ascending=False).head(3), "That is a table"),
        (lambda c: c.sort_values("pop_est", ascending=False).head(4)["iso3"].tolist(), "exactly three"),
        (lambda c: "USA", "not a single value"),
    ],
)
def test_the_top_check_names_each_slip(countries, make_answer, hint):
    result = check("04-pandas-top", make_answer(countries))
    assert not result and hint in result.message


def test_the_count_check_accepts_value_counts_groupby_and_a_one_column_table(operations):
    assert check("04-pandas-count", operations.category.value_counts())
    assert check("04-pandas-count", operations.groupby("category").size())
    assert check("04-pandas-count", operations.groupby("category").id.count())
    assert check("04-pandas-count", operations.category.value_counts().to_frame())


@pytest.mark.parametrize(
    ("make_answer", "hint"),
    [
        (lambda o: len(o), "one number for the whole table"),
        (lambda o: o.count(), "filled cells in each column"),
        (lambda o: o.country_iso3.value_counts(), "not categories"),
        (lambda o: o[o.date.astype(str) > "2026"].category.value_counts(), "did you filter the table first"),
        (lambda o: o.category.value_counts().tolist(), "Give a pandas Series"),
    ],
)
def test_the_count_check_names_each_slip(operations, make_answer, hint):
    result = check("04-pandas-count", make_answer(operations))
    assert not result and hint in result.message
