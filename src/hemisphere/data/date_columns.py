"""Columns of plain Python dates answer ``.dt`` as pandas dates do.

The pack's loaders give dates as ``datetime.date`` values (comparable with ``dt.date(2026, 1, 1)``);
pandas keeps such a column as plain objects, and its ``.dt`` accessor, which lesson 4 teaches on a
table read with ``parse_dates``, would fail there with "Can only use .dt accessor with datetimelike
values". Once the pack is imported, ``.dt`` on a column that holds only dates (and gaps) reads it as
pandas dates first; every other column behaves as pandas decides.
"""

from __future__ import annotations

import datetime as dt
import warnings

import pandas as pd
from pandas.core.indexes.accessors import CombinedDatetimelikeProperties


def _holds_only_dates(series: pd.Series) -> bool:
    values = series.dropna()
    return series.dtype == object and len(values) > 0 and all(isinstance(value, dt.date) for value in values)


def _dates_too(series: pd.Series) -> CombinedDatetimelikeProperties:
    """pandas' own ``.dt``, on the column read as pandas dates when it holds plain Python dates."""
    if _holds_only_dates(series):
        series = pd.Series(pd.to_datetime(series), index=series.index, name=series.name)
    return CombinedDatetimelikeProperties(series)


def accept_plain_dates_in_dt() -> None:
    """Let ``.dt`` read columns of plain Python dates (pandas warns that ``dt`` is replaced: it is, on purpose)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        pd.api.extensions.register_series_accessor("dt")(_dates_too)
