"""The loaders' columns of plain Python dates answer .dt, as lesson 4 teaches it, instead of a raw error."""

import datetime as dt

import pandas as pd
import pytest

import hemisphere  # noqa: F401  (importing the pack lets .dt read plain dates)
from hemisphere import check, load_operations
from hemisphere.data.schemas import OUTSIDE_AMERICAS_CODES, SEA_CODES


def test_dt_reads_a_column_of_plain_python_dates():
    operations = load_operations()
    assert isinstance(operations.date.iloc[0], dt.date) and operations.date.dtype == object
    assert operations.date.dt.year.tolist() == [day.year for day in operations.date]
    assert operations.date.dt.to_period("M").iloc[0] == pd.Period(operations.date.iloc[0], "M")


def test_a_column_with_gaps_keeps_them():
    days = pd.Series([dt.date(2026, 3, 7), None])
    assert days.dt.day.iloc[0] == 7 and pd.isna(days.dt.day.iloc[1])


def test_pandas_dates_and_other_columns_behave_as_in_pandas():
    assert pd.Series(pd.to_datetime(["2026-03-07"])).dt.day.tolist() == [7]
    with pytest.raises(AttributeError, match="Can only use .dt accessor"):
        pd.Series(["7 March 2026"]).dt
    with pytest.raises(AttributeError, match="Can only use .dt accessor"):
        pd.Series([1, 2]).dt


def test_lesson_six_can_filter_a_year_with_dt_as_lesson_four_taught():
    operations = load_operations()
    force = operations[operations.category.isin(["air_strike", "raid", "joint_operation"])
                       & ~operations.country_iso3.isin([*SEA_CODES, *OUTSIDE_AMERICAS_CODES])]
    assert check("06-countries-2025", sorted(force[force.date.dt.year == 2025].country_iso3.unique()))
