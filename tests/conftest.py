"""Shared fixtures: copies of the pack's data that a test may break without harm."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import DATA


#: Tests sharing an expensive session fixture run in one worker under pytest-xdist (``-n 2``), so the
#: lessons are executed once and JupyterLab starts once, while the rest of the suite runs beside them.
SHARED_FIXTURE_GROUPS = {"lab": "jupyterlab", "executed_notebooks": "executed-notebooks"}


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups
def pytest_collection_modifyitems(items):
    for item in items:
        for fixture, group in SHARED_FIXTURE_GROUPS.items():
            if fixture in getattr(item, "fixturenames", ()):
                item.add_marker(pytest.mark.xdist_group(group))
                break


@pytest.fixture
def data_copy(tmp_path, monkeypatch) -> Path:
    """A private copy of data/, made the pack's data folder for this test."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    monkeypatch.setenv("HEMISPHERE_DATA", str(target))
    return target


@pytest.fixture(scope="session")
def executed_notebooks():
    """Each lesson run once per test session in a fresh kernel, shared by the notebook and site tests."""
    from build_site import execute

    cache: dict = {}

    def run(file: str):
        if file not in cache:
            cache[file] = execute(file)
        return cache[file]

    return run


def pytest_terminal_summary(terminalreporter):
    """After a run that included the reading-grade test, print each lesson's median grade (it runs in the
    controller, so the table shows under pytest-xdist too)."""
    ran = any("test_plain_language.py::test_the_median_reading_grade" in getattr(report, "nodeid", "")
              for outcome in ("passed", "failed") for report in terminalreporter.stats.get(outcome, ()))
    if not ran:
        return
    import statistics

    from test_plain_language import MAX_MEDIAN_GRADE, paragraph_grades
    from hemisphere.lessons.contents import LESSONS

    terminalreporter.section(f"reading grade: median Flesch-Kincaid grade of prose paragraphs (at most {MAX_MEDIAN_GRADE})")
    for item in LESSONS:
        grades = [grade for grade, _ in paragraph_grades(item)]
        median = statistics.median(grades)
        verdict = "ok" if median <= MAX_MEDIAN_GRADE else "ABOVE"
        terminalreporter.line(f"lesson {item.number}: {median:4.1f} over {len(grades):3d} paragraphs "
                              f"(highest {max(grades):4.1f})  {verdict}")
