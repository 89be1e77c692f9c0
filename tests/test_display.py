"""Every table a lesson shows is whole: all rows, all characters, links that open, text kept as text."""

import pandas as pd

from hemisphere import signature_evidence
from hemisphere.widgets.table_display import SCROLL_AFTER_ROWS, table_html


def test_long_text_and_every_row_are_kept():
    long_note = "word " * 60
    frame = pd.DataFrame({"note": [long_note.strip()] * 70})
    html = table_html(frame)
    assert html.count("<tr>") == 71  # the header and all 70 rows
    assert long_note.strip() in html and "..." not in html
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
