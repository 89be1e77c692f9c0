"""What a table cell sorts by: a spelt date by its date, "at least 83" by 83, other text by itself.

Tables show text for people; a page that sorts them must not parse that text back. :class:`Keyed` is
text that carries its machine key, and :func:`column_sort` gives a column's kind with each cell's key,
which the table renderer writes into data attributes (ISO dates, plain numbers) for the page to read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from numbers import Real

import pandas as pd

NUMBER, DATE, TEXT = "number", "date", "text"


class Keyed(str):
    """Text as shown, with the date or number it sorts by in ``key``."""

    key: Real | dt.date

    def __new__(cls, text: str, key: Real | dt.date) -> Keyed:
        made = super().__new__(cls, text)
        made.key = key
        return made

    def __getnewargs__(self) -> tuple[str, Real | dt.date]:  # copy and pickle keep the key
        return str(self), self.key


def _is_empty(value: object) -> bool:
    return value is None or (not isinstance(value, (str, tuple, list)) and bool(pd.isna(value)))


def cell_key(value: object) -> tuple[str, str] | None:
    """A cell's kind and machine key: ``("date", "2026-03-07")``, ``("number", "83")``, ``("text", "")``.

    ``None`` for an empty cell. Text's key is empty: the page sorts text by what the cell shows.
    """
    if isinstance(value, Keyed):
        value = value.key
    if _is_empty(value):
        return None
    if isinstance(value, dt.date):  # datetimes and pandas' Timestamps too
        return DATE, value.isoformat()
    if isinstance(value, Real) and not isinstance(value, bool):
        return NUMBER, repr(int(value)) if float(value).is_integer() else repr(float(value))
    return TEXT, ""


def column_sort(values: Iterable[object]) -> tuple[str, list[str]]:
    """A column's kind (number or date when every filled cell is one, else text) and each cell's key."""
    keys = [cell_key(value) for value in values]
    kinds = {key[0] for key in keys if key is not None}
    if len(kinds) == 1 and kinds < {NUMBER, DATE}:
        return kinds.pop(), [key[1] if key is not None else "" for key in keys]
    return TEXT, [""] * len(keys)
