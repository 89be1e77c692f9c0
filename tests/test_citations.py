"""A lesson with a generated Sources cell: every marker resolves, the list is exactly what the lesson
cites or shows, and no factual paragraph goes without a marker.

"Factual" (hemisphere.lessons.citations.FACTUAL): a paragraph or list item that gives a year (1800-2099) or a
day of a month. It passes with a marker such as [[E039]](#src-E039), or by naming the dataset it rests
on (`countries.geojson`).
"""

import re

import nbformat
import pytest

from support import NOTEBOOKS
from hemisphere.lessons.citations import (BARE_MARKER, MARKER, authored_markdown, cited, records, shown,
                                         uncited_factual_units)
from hemisphere.lessons.contents import LESSONS


def notebook(item):
    return nbformat.read(NOTEBOOKS / item.file, as_version=4)


def lesson_markdown(item) -> str:
    return authored_markdown(notebook(item))


def sources_cell(item) -> str | None:
    cells = [cell.source for cell in notebook(item).cells if "sources" in cell.metadata.get("tags", [])]
    return cells[0] if cells else None


CITING = [item for item in LESSONS if sources_cell(item) is not None]


def test_the_converted_lessons_list_their_sources_in_a_generated_cell():
    assert {"00", "01", "02", "03", "04", "05", "06"} <= {item.number for item in CITING}


@pytest.mark.parametrize("item", CITING, ids=[item.number for item in CITING])
def test_every_marker_resolves_and_links_to_its_own_entry(item):
    markdown = lesson_markdown(item)
    known = records(item)
    for match in MARKER.finditer(markdown):
        shown_id, target = match.groups()
        assert shown_id == target, f"{match.group(0)} links to another record"
        assert shown_id in known, f"{match.group(0)} names no record of the lesson's datasets"
    assert [match.group(0) for match in BARE_MARKER.finditer(markdown)] == [], "a marker without its link"


@pytest.mark.parametrize("item", CITING, ids=[item.number for item in CITING])
def test_the_sources_list_exactly_the_records_cited_or_shown(item):
    listed = re.findall(r'<a id="src-([A-Za-z0-9]+)"></a>', sources_cell(item))
    assert len(listed) == len(set(listed))
    assert set(listed) == set(cited(lesson_markdown(item))) | set(shown(item))
    for line in sources_cell(item).splitlines():
        if line.startswith("- <a id="):
            assert re.search(r"\]\(https?://", line), f"an entry without a full link: {line}"


@pytest.mark.parametrize("item", CITING, ids=[item.number for item in CITING])
def test_no_factual_paragraph_goes_without_a_marker(item):
    assert uncited_factual_units(lesson_markdown(item)) == []


def test_the_rules_catch_an_uncited_date_and_a_marker_without_its_link():
    text = "Twelve leaders met on 7 March 2026.\n\n- Cuba was named [CUB].\n- Guyana signed [[GUY]](#src-GUY)."
    assert uncited_factual_units(text) == ["Twelve leaders met on 7 March 2026."]
    assert [match.group(1) for match in BARE_MARKER.finditer(text)] == ["CUB"]
