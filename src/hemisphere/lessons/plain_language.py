"""Plain language in a lesson's own text: acronyms explained where they first appear, prose paragraphs a
reading-grade formula can score, and no sentence that packs ten or more dated events together.

"Prose paragraph" (what tests/test_plain_language.py scores): a paragraph or list item of a lesson's
authored Markdown cells (generated cells left out) that is not a heading, a table row, code (fenced, or a
hidden solution in ``<details>``), a quotation (mostly inside quotation marks), or a list of links, and
that has at least :data:`MIN_PROSE_WORDS` words once its Markdown is removed. Callouts written with ``>``
are the pack's own words, so they count.
"""

from __future__ import annotations

import re

import pandas as pd

from ..data.text import folded
from .citations import FACTUAL, text_units

#: Fewer words than this give a reading grade that means nothing ("Run this cell first.").
MIN_PROSE_WORDS = 10
#: A sentence that lists this many dated events or more is a catalogue, not an explanation.
MAX_EVENTS = 10

LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
MARKER_LINK = re.compile(r"\[\[[^\]]*\]\]\([^)]*\)")
CODE_SPAN = re.compile(r"`[^`]*`")
QUOTED = re.compile(r"[\"“][^\"”]*[\"”]")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“(*])")
LIST_SEPARATOR = re.compile(r",|;|\band\b|\bor\b")


def plain_text(unit: str) -> str:
    """A unit of Markdown as a reader hears it: markers, link targets, emphasis and list marks removed;
    an inline code span counts as one short word."""
    text = MARKER_LINK.sub("", unit)
    text = LINK.sub(r"\1", text)
    text = CODE_SPAN.sub("code", text)
    text = re.sub(r"^\s*(>\s*)?(- |\d+\. )?", "", text, flags=re.M)
    text = re.sub(r"[*_]{1,2}([^*_]+)[*_]{1,2}", r"\1", text)
    return re.sub(r"\s+([.,;:!?])", r"\1", re.sub(r"\s+", " ", text)).strip()


def _is_link_list(unit: str) -> bool:
    linked = sum(len(text.split()) for text in LINK.findall(MARKER_LINK.sub("", unit)))
    return linked * 2 >= len(plain_text(unit).split())


def _is_quotation(text: str) -> bool:
    return sum(len(match) for match in QUOTED.findall(text)) * 2 >= len(text)


def prose_paragraphs(markdown: str) -> list[str]:
    """The prose paragraphs of authored Markdown (see the module's docstring), as plain text."""
    markdown = re.sub(r"```.*?```", "", markdown, flags=re.S)
    paragraphs = []
    for unit in text_units(markdown):
        text = plain_text(unit)
        if len(text.split()) < MIN_PROSE_WORDS or _is_link_list(unit) or _is_quotation(text):
            continue
        paragraphs.append(text)
    return paragraphs


def sentences(text: str) -> list[str]:
    return [part for part in SENTENCE_END.split(text) if part.strip()]


def crowded_sentences(paragraphs: list[str], limit: int = MAX_EVENTS) -> list[str]:
    """Sentences that pack ``limit`` or more events together. An event, here, is a dated item: a part of
    the sentence between commas, semicolons, "and" or "or" that gives a year or a day of a month
    ("Guatemala (1954)", "the invasion of Panama in 1989")."""
    return [sentence for paragraph in paragraphs for sentence in sentences(paragraph)
            if sum(bool(FACTUAL.search(part)) for part in LIST_SEPARATOR.split(sentence)) >= limit]


def _short_form_pattern(short_form: str) -> re.Pattern:
    # Whole word with its capitals, so "AP" is not found in "APPEAL" or "map"; "FTOs" and "AP's" count.
    return re.compile(rf"(?<![\w-]){re.escape(short_form)}(?:s|'s|’s)?(?![\w-])")


def _normalised(text: str) -> str:
    return re.sub(r"\s+", " ", folded(text).replace("&", "and"))


def unexplained_terms(markdown: str, glossary: pd.DataFrame) -> list[str]:
    """One line for each glossary short form whose first use in the prose lacks its written-out words.

    The first use is the first paragraph or list item (headings, tables and hidden solutions left out)
    whose plain text contains the short form; it must also contain ``written_out``, before or after.
    """
    units = [plain_text(unit) for unit in text_units(re.sub(r"```.*?```", "", markdown, flags=re.S))]
    problems = []
    for term in glossary.itertuples():
        if not isinstance(term.short_form, str) or not term.short_form:
            continue
        pattern = _short_form_pattern(term.short_form)
        first = next((unit for unit in units if pattern.search(unit)), None)
        if first is not None and _normalised(term.written_out) not in _normalised(first):
            problems.append(f"{term.short_form}: first used without \"{term.written_out}\" in: "
                            f"{first[:160]}{'…' if len(first) > 160 else ''} "
                            f"(write it out there, e.g. \"{term.written_out} ({term.short_form})\")")
    return problems
