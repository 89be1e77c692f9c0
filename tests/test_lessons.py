"""Generated lesson parts: navigation, contents, 'as of' lines and source lists."""

import re

import nbformat

from support import NOTEBOOKS
from hemisphere.data.dates import spell_date
from hemisphere.data.loaders import data_as_of, load_positions
from hemisphere.lessons.contents import LESSONS, as_of_markdown, contents_markdown, navigation_markdown
from hemisphere.lessons.citations import authored_markdown, sources_markdown
from hemisphere.lessons.contents import lesson
from hemisphere.widgets.activities import CARACAS_RAID_QUOTES


def test_navigation_links_previous_contents_and_next():
    first, second = LESSONS[0], LESSONS[1]
    assert f"({second.file})" in navigation_markdown(first.file)
    middle = navigation_markdown(second.file)
    assert f"({first.file})" in middle and "Contents" in middle


def test_contents_lists_every_lesson_after_the_start():
    text = contents_markdown()
    for item in LESSONS[1:]:
        assert f"[{item.heading}]({item.file})" in text


def test_as_of_comes_from_the_dataset_register():
    lesson_one = LESSONS[1]
    assert spell_date(data_as_of(*lesson_one.datasets)) in as_of_markdown(lesson_one.number)


def sources_of(number: str) -> str:
    return sources_markdown(lesson(number), authored_markdown(nbformat.read(NOTEBOOKS / lesson(number).file, as_version=4)))


def test_sources_are_generated_from_the_rows_the_lesson_uses():
    text = sources_of("01")
    assert "Natural Earth" in text and "(https://dpi.gov.gy/" in text


def test_a_lesson_lists_only_the_quotations_it_shows():
    """Lesson 01's Sources name the six quotations it shows, not the Monroe-era or Senate ones; lesson 05's
    also name those its map, debate cards and "Whose lens?" can show."""
    by_widgets = {"05": {quote_id for ids in load_positions().quote_ids for quote_id in ids} | set(CARACAS_RAID_QUOTES)}
    for item in LESSONS:
        if item.quotes is None:
            continue
        code = "\n".join(cell.source for cell in nbformat.read(NOTEBOOKS / item.file, as_version=4).cells
                         if cell.cell_type == "code")
        shown = {quote_id for call in re.findall(r"show_quotes\(([^)]*)\)", code)
                 for quote_id in re.findall(r'"(Q\d+)"', call)}
        assert sorted(item.quotes) == sorted(shown | by_widgets.get(item.number, set())), item.file
    text = sources_of("01")
    assert "riceonhistory" not in text and "tippinsights" not in text  # Q301 (Roosevelt 1904), Q025 (Rand Paul)
    assert "anews.com.tr" in text  # Q007, which lesson 01 shows
