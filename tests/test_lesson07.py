"""Lesson 7, "What should happen next?": its exercises judge the task, its options cite records, its
position is graded on reasoning."""

import nbformat
import numpy as np
import pytest

from support import NOTEBOOKS
from hemisphere import load_coalition, load_strike_tallies
from hemisphere.lessons.citations import cited
from hemisphere.lessons.contents import lesson
from hemisphere.lessons.exercises import check


def test_right_answers_and_their_valid_forms_pass():
    tallies = load_strike_tallies()
    coalition = load_coalition()
    latest = tallies.loc[tallies.as_of.idxmax(), "deaths"]
    for answer in (latest, int(latest), float(latest), np.int64(latest)):
        assert check("07-latest-deaths", answer)
    left_out = (coalition.status == "excluded").sum()
    for answer in (left_out, int(left_out), len(coalition[coalition.status == "excluded"])):
        assert check("07-left-out", answer)


@pytest.mark.parametrize(
    ("key", "answer", "hint"),
    [
        ("07-latest-deaths", 45, "number of strikes"),
        ("07-latest-deaths", 150, "earlier count"),
        ("07-latest-deaths", 11, "earlier count"),
        ("07-latest-deaths", "157", "whole number"),
        ("07-latest-deaths", True, "whole number"),
        ("07-left-out", 3, "one more state"),
        ("07-left-out", 2, "'targeted'"),
        ("07-left-out", "four", "whole number"),
    ],
)
def test_common_wrong_answers_get_the_hint_about_their_mistake(key, answer, hint):
    result = check(key, answer)
    assert not result and hint in result.message


def test_each_option_cites_records_for_its_risks_and_shows_its_supporters_words():
    notebook = nbformat.read(NOTEBOOKS / lesson("07").file, as_version=4)
    sources = [cell.source for cell in notebook.cells]
    for number in range(1, 4):
        start = next(i for i, text in enumerate(sources) if f"### Option {number}:" in text)
        quotes_cell, risks_cell = sources[start + 1], sources[start + 2]
        assert quotes_cell.startswith("show_quotes(")
        assert risks_cell.startswith("**Risks and trade-offs.**") and len(cited(risks_cell)) >= 3
    shown_quotes = {quote for text in sources if text.startswith("show_quotes(")
                    for quote in text.split('"')[1::2]}
    assert shown_quotes == set(lesson("07").quotes)


def test_the_written_position_is_graded_on_reasoning_not_side():
    notebook = nbformat.read(NOTEBOOKS / lesson("07").file, as_version=4)
    position = next(cell.source for cell in notebook.cells if cell.source.startswith("## Your position"))
    assert "not on the side you take" in position and "strongest objection" in position
