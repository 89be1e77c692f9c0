"""The glossary look-up finds terms loosely and shows definitions safely."""

import pandas as pd

from hemisphere import glossary, glossary_lookup, load_glossary
from hemisphere.widgets.glossary import find_terms, glossary_html


def test_a_term_is_found_by_part_of_its_name_without_case_or_accents():
    assert list(find_terms("merida").term) == ["Mérida Initiative"]
    assert set(find_terms("COROLLARY").term) == {"Roosevelt Corollary", "Trump Corollary"}
    assert len(find_terms("")) == len(load_glossary())


def test_when_no_term_matches_definitions_are_searched_then_a_hint_is_given():
    found = find_terms("Guantánamo")
    assert "Platt Amendment" in set(found.term)
    assert "No term matches" in glossary("zzzz").data


def test_definitions_and_queries_are_escaped():
    frame = pd.DataFrame({"term": ["<b>x</b>"], "definition": ["<script>alert(1)</script>"],
                          "source_urls": [("javascript:alert(1)",)], "confidence": ["high"]})
    html = glossary_html(frame)
    assert "<script>" not in html and "<b>x</b>" not in html and "javascript:" not in html
    assert "<img" not in glossary_html(frame.iloc[0:0], "<img src=x>")


def test_the_look_up_box_shows_the_matching_definition():
    box = glossary_lookup()
    entry, result = box.children
    entry.value = "Ker"
    assert "Frisbie" in result.value
