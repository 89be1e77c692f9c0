"""Dates as the pack spells them, "7 March 2026", the same on every operating system.

strftime's flag for a day with no leading zero (a dash after the percent sign) works on Linux and
macOS but raises on Windows, where many teachers work (Windows spells it with a hash); so the day and the year are written from the date's numbers, and strftime is
asked only for the names of months and weekdays, which every platform knows.
"""

from __future__ import annotations

import datetime as dt

from .sort_keys import Keyed


def strftime(day: dt.date, pattern: str) -> str:
    """The one call to strftime for words in dates (a test swaps in Windows' stricter one)."""
    return day.strftime(pattern)


def spell_date(day: dt.date, *, year: bool = True, short_month: bool = False, weekday: bool = False) -> Keyed:
    """"7 March 2026"; "7 Mar 2026" with ``short_month``, "7 March" without the ``year``, "Saturday 7 March 2026"
    with the ``weekday``. Takes dates, datetimes and pandas timestamps. The text sorts by its date."""
    text = f"{day.day} {strftime(day, '%b' if short_month else '%B')}"
    if year:
        text += f" {day.year}"
    return Keyed(f"{strftime(day, '%A')} {text}" if weekday else text, dt.date(day.year, day.month, day.day))
