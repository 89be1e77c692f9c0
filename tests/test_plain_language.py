"""Plain language in every lesson: acronyms and opaque names written out where they first appear (from
data/glossary.csv), a median Flesch-Kincaid grade of 8 or below over the prose paragraphs, and no sentence
that packs ten or more dated events together.

"Prose paragraph" is defined in hemisphere.lessons.plain_language. The grades come from textstat 0.7.4,
which counts syllables offline with pyphen (a test below proves it opens no connection). The per-lesson
medians are printed at the end of every run that includes this file (tests/conftest.py).
"""

import importlib
import socket
import statistics
import warnings

import nbformat
import pytest

from support import NOTEBOOKS
from hemisphere import load_glossary
from hemisphere.lessons.citations import authored_markdown
from hemisphere.lessons.contents import LESSONS
from hemisphere.lessons.plain_language import crowded_sentences, prose_paragraphs, unexplained_terms

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # textstat 0.7.4 imports pkg_resources, which warns that it is deprecated
    import textstat

MAX_MEDIAN_GRADE = 8


def lesson_markdown(item) -> str:
    return authored_markdown(nbformat.read(NOTEBOOKS / item.file, as_version=4))


def paragraph_grades(item) -> list[tuple[float, str]]:
    """Each prose paragraph of the lesson with its Flesch-Kincaid grade."""
    return [(textstat.flesch_kincaid_grade(text), text) for text in prose_paragraphs(lesson_markdown(item))]


@pytest.mark.parametrize("item", LESSONS, ids=[item.number for item in LESSONS])
def test_every_acronym_is_written_out_where_the_lesson_first_uses_it(item):
    assert unexplained_terms(lesson_markdown(item), load_glossary()) == []


@pytest.mark.parametrize("item", LESSONS, ids=[item.number for item in LESSONS])
def test_the_median_reading_grade_of_the_prose_is_8_or_below(item):
    grades = sorted(paragraph_grades(item), reverse=True)
    median = statistics.median(grade for grade, _ in grades)
    hardest = "\n".join(f"  {grade:5.1f}  {text[:110]}" for grade, text in grades[:5])
    assert median <= MAX_MEDIAN_GRADE, (f"lesson {item.number}: median grade {median:.1f} over {len(grades)} prose "
                                        f"paragraphs (at most {MAX_MEDIAN_GRADE}); the hardest:\n{hardest}")


@pytest.mark.parametrize("item", LESSONS, ids=[item.number for item in LESSONS])
def test_no_sentence_packs_ten_or_more_events(item):
    assert crowded_sentences(prose_paragraphs(lesson_markdown(item))) == []


GLOSSARY = load_glossary()


def test_an_acronym_passes_written_out_before_or_after_and_fails_bare():
    assert unexplained_terms("Regional bodies such as the Organization of American States (OAS) met.", GLOSSARY) == []
    assert unexplained_terms("The OAS (Organization of American States) met.", GLOSSARY) == []
    [problem] = unexplained_terms("The OAS met.\n\nThe Organization of American States (OAS) met again.", GLOSSARY)
    assert problem.startswith("OAS: first used without \"Organization of American States\"")
    assert unexplained_terms("On 8 March AP counted 157 dead.", GLOSSARY)[0].startswith("AP:")
    assert unexplained_terms("On 8 March the Associated Press (AP) counted 157 dead; AP's count rose.", GLOSSARY) == []


def test_short_forms_match_whole_words_with_their_capitals_and_plurals():
    assert unexplained_terms("A map of the region; an appeal; unapologetic.", GLOSSARY) == []
    assert unexplained_terms("Eight groups were listed as FTOs.", GLOSSARY)[0].startswith("FTO:")
    assert unexplained_terms("A group of FARC-EP fighters.", GLOSSARY) == []  # another name, not FARC itself


def test_headings_tables_code_and_hidden_solutions_are_not_prose():
    markdown = ("## The OAS\n\n| OAS | x |\n| --- | --- |\n\n```python\nOAS = 1\n```\n\n"
                "<details><summary>Show</summary>The OAS.</details>")
    assert unexplained_terms(markdown, GLOSSARY) == []
    assert prose_paragraphs(markdown) == []


def test_a_prose_paragraph_leaves_out_markup_links_quotations_and_short_lines():
    markdown = ("Run this cell first.\n\n"
                "- [01 · Who is in](01_who_is_in.ipynb) · [02 · The sequence of operations](02_x.ipynb) · [Contents](00.ipynb)\n\n"
                "\"We were not invited, but we did not need to be invited because we already have an agreement.\"\n\n"
                "> **Claim or fact?** That cartels can only be beaten by armies is the administration's argument "
                "[[Q001]](#src-Q001), not a fact; see `quotes.csv`.")
    assert prose_paragraphs(markdown) == [
        "Claim or fact? That cartels can only be beaten by armies is the administration's argument, not a fact; "
        "see code."]


def test_a_sentence_listing_ten_dated_events_is_caught_and_nine_or_an_undated_list_is_not():
    cold_war = ("In the Cold War came the Rio Treaty in 1947, a coup in Guatemala in 1954, the Bay of Pigs in 1961, "
                "the Alliance for Progress in 1961, a coup in Brazil in 1964, the Dominican Republic in 1965, "
                "Chile in 1973, Operation Condor in 1975, Grenada in 1983 and Panama in 1989.")
    assert crowded_sentences([cold_war]) == [cold_war]
    nine = cold_war.replace(" and Panama in 1989", "")
    assert crowded_sentences([nine]) == []
    countries = "Leaders of " + ", ".join(["Argentina", "Bolivia", "Ecuador", "Guyana", "Honduras", "Panama",
                                             "Paraguay", "Peru", "Chile", "Uruguay"]) + " came."
    assert crowded_sentences([countries]) == []  # ten names, but no events


def test_textstat_grades_offline_without_opening_a_connection(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("the network is off in this test")

    for name in ("connect", "connect_ex"):
        monkeypatch.setattr(socket.socket, name, refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fresh = importlib.reload(importlib.import_module("textstat.textstat"))
    grade = fresh.textstat.flesch_kincaid_grade("The summit was held near Miami. Twelve leaders came to it.")
    assert 0 < grade < 8
    assert fresh.textstat.syllable_count("organisation") == 5
