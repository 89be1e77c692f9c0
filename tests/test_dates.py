"""Dates are spelt one way, "7 March 2026", by one helper that works on every operating system."""

from __future__ import annotations

import datetime as dt
import re
import subprocess

import nbformat
import pandas as pd

from hemisphere.data import dates
from hemisphere.data.dates import spell_date
from hemisphere.data.loaders import data_as_of
from hemisphere.lessons.citations import sources_markdown
from hemisphere.lessons.contents import lesson
from support import NOTEBOOKS, ROOT
from hemisphere.lessons.citations import authored_markdown

#: strftime flags that only some platforms know: a dash (Linux, macOS) or a hash (Windows) after the percent.
PLATFORM_FLAGS = re.compile(r"%[-#][A-Za-z]")


def test_the_helper_spells_a_day_without_a_leading_zero():
    day = dt.date(2026, 3, 7)
    assert spell_date(day) == "7 March 2026"
    assert spell_date(pd.Timestamp(day)) == "7 March 2026"
    assert spell_date(dt.datetime(2026, 3, 7, 12, 0)) == "7 March 2026"
    assert spell_date(day, short_month=True) == "7 Mar 2026"
    assert spell_date(day, year=False) == "7 March"
    assert spell_date(day, weekday=True) == "Saturday 7 March 2026"
    assert spell_date(dt.date(2025, 12, 25)) == "25 December 2025"


def test_no_file_in_the_repository_uses_a_platform_specific_strftime_flag():
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True)
    offenders = []
    for name in filter(None, tracked.stdout.split("\0")):
        path = ROOT / name
        if not path.is_file():
            continue  # deleted in the working tree
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # images and other binary files
        offenders += [f"{name}:{number}" for number, line in enumerate(text.splitlines(), 1) if PLATFORM_FLAGS.search(line)]
    assert not offenders, "use hemisphere.data.dates.spell_date instead: " + ", ".join(offenders)


def windows_strftime(day, pattern: str) -> str:
    """strftime as on Windows, which raises for the day flag Linux and macOS accept."""
    if PLATFORM_FLAGS.search(pattern.replace("%#", "")):
        raise ValueError("Invalid format string")
    return day.strftime(pattern.replace("%#", "%"))


def test_a_generated_sources_cell_is_written_as_on_windows(monkeypatch):
    monkeypatch.setattr(dates, "strftime", windows_strftime)
    notebook = nbformat.read(NOTEBOOKS / lesson("02").file, as_version=4)
    text = sources_markdown(lesson("02"), authored_markdown(notebook))
    assert spell_date(data_as_of("operations")) in text
