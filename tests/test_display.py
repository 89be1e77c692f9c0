"""Every table a lesson shows is whole: all rows, all characters, links that open, text kept as text."""

import datetime as dt
import re

import pandas as pd

from hemisphere import events_table, signature_evidence
from hemisphere.data.dates import spell_date
from hemisphere.data.sort_keys import Keyed
from hemisphere.widgets.table_display import SCROLL_AFTER_ROWS, SORT_AFTER_ROWS, table_html


def table_part(html: str) -> str:
    """The table's own markup, without the sorting script that follows a long table."""
    return html.split("<script>", 1)[0]


def test_long_text_and_every_row_are_kept():
    long_note = "word " * 60
    frame = pd.DataFrame({"note": [long_note.strip()] * 70})
    html = table_html(frame)
    assert html.count("<tr>") == 71  # the header and all 70 rows
    assert long_note.strip() in html and "..." not in table_part(html)
    assert "overflow:auto" in html  # a long table scrolls inside a box


def test_a_short_table_does_not_scroll_and_shows_a_labelled_index():
    frame = pd.DataFrame({"share": [0.137070]}, index=pd.Index(["member"], name="status"))
    html = table_html(frame)
    assert len(frame) <= SCROLL_AFTER_ROWS and "overflow:auto" not in html
    assert '<th scope="row">member</th>' in html and "0.13707" in html


def test_links_open_and_text_stays_text():
    frame = pd.DataFrame({"sources": ["https://apnews.com/a | https://www.latimes.com/b"],
                          "note": ["<script>alert(1)</script>"], "urls": [("https://dpi.gov.gy/x",)]})
    html = table_html(frame)
    assert html.count("<a ") == 3 and 'href="https://apnews.com/a"' in html
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_the_signature_table_shows_its_evidence_whole():
    evidence = signature_evidence()
    html = table_html(evidence)
    for note in evidence["What the sources say"]:
        assert note in html.replace("&#x27;", "'")


def test_a_long_table_gets_sort_keys_by_kind_and_the_sorting_script():
    days = [dt.date(2026, 3, day) for day in (7, 1, 20, 3, 15, 9)]
    frame = pd.DataFrame({
        "Date": [spell_date(day) for day in days],
        "Strikes": [Keyed(f"at least {n}", n) for n in (83, 9, 120, 14, 2, 40)],
        "Deaths": [3, 11, None, 2.5, 0, 7],
        "Place": ["Caracas", "<img src=x onerror=alert(1)>", "Doral", "{{ 7*7 }}", "</script>", "Quito"],
    })
    html = table_html(frame)
    assert len(frame) > SORT_AFTER_ROWS
    kinds = re.findall(r'<th scope="col" data-sort-kind="(\w+)">', html)
    assert kinds == ["date", "number", "number", "text"]
    assert '<td data-sort="2026-03-07">7 March 2026</td>' in html
    assert '<td data-sort="83">at least 83</td>' in html
    assert '<td data-sort="2.5">2.5</td>' in html and "<td></td>" in html  # an empty cell has no key
    assert "<td>&lt;img src=x onerror=alert(1)&gt;</td>" in html and "<td>&lt;/script&gt;</td>" in html
    # One script, after the table, holding code only: none of the table's text reaches it.
    script = html.split("<script>", 1)[1]
    assert html.count("<script>") == 1 and script.count("</script>") == 1 and script.endswith("</script>")
    assert "HemisphereTableSort.enhance(document.currentScript.previousElementSibling)" in script
    assert not any(text in script for text in ("Caracas", "onerror", "{{", "at least"))


def test_a_short_table_is_not_sortable():
    frame = pd.DataFrame({"Date": [spell_date(dt.date(2026, 3, day)) for day in range(1, SORT_AFTER_ROWS + 1)]})
    html = table_html(frame)
    assert "<script" not in html and "data-sort" not in html


def test_lesson_two_events_sort_by_date_and_by_kind_of_event():
    """The events table keeps each date's key through the topics and maps layers."""
    table = events_table()
    html = table_html(table)
    headers = re.findall(r'<th scope="col" data-sort-kind="(\w+)">([^<]*)</th>', html)
    kinds = {name: kind for kind, name in headers}
    assert kinds["Date"] == "date" and kinds["Kind of event"] == "text"
    keys = re.findall(r'<tr><td>[^<]*</td><td data-sort="([\d-]+)">', html)
    assert len(keys) == len(table) and keys == sorted(keys)  # the story's order is by date


def test_html_for_a_widget_holds_no_script_however_long():
    frame = pd.DataFrame({"Date": [spell_date(dt.date(2026, 3, day)) for day in range(1, 21)]})
    html = table_html(frame, sortable=False)
    assert "<script" not in html and "data-sort" not in html and html.count("<tr>") == 21
