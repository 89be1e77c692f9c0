"""What each of the pack's tables holds: columns, meanings and allowed values.

data/README.md describes the same columns for people; tests/test_data_readme.py keeps the two in step.
"""

from __future__ import annotations

from .errors import Problem
from .palette import STATUS_ORDER
from .tables import Field, TableSpec

CONFIDENCE = ("high", "medium", "low")
YES_NO = ("yes", "no")
SIGNATORY = ("yes", "reported", "disputed", "unverified", "no")

CONFIDENCE_FIELD = Field(
    "confidence",
    "how sure the pack is: high (an official source, or two or more reputable outlets agree), "
    "medium (one reputable outlet or a syndicated copy), low (a single uncorroborated report)",
    kind="choice",
    allowed=CONFIDENCE,
)
SOURCES_FIELD = Field(
    "source_urls",
    'one or more http(s) links, best first, separated by " | "',
    kind="urls",
)


def coalition_spec(state_codes: tuple[str, ...], code_by_name: dict[str, str]) -> TableSpec:
    """coalition.csv: one row per independent state of the Americas."""
    return TableSpec(
        name="coalition.csv",
        key="iso3",
        fields=(
            Field("iso3", "the state's ISO 3166 alpha-3 code, as in countries.geojson",
                  kind="choice", allowed=state_codes, aliases=code_by_name),
            Field("name_en", "the state's short name in English", max_chars=60),
            Field("name_es", "the state's short name in Spanish", max_chars=60),
            Field("summit_attendee", "yes if its leader attended the Doral summit on 7 March 2026",
                  kind="choice", allowed=YES_NO),
            Field("coalition_signatory",
                  "whether it signed the 5 March 2026 joint security declaration: yes (confirmed by its "
                  "government or national press), reported (named only in press lists), disputed, "
                  "unverified (named only by a weak source) or no",
                  kind="choice", allowed=SIGNATORY),
            Field("status", "the map category: " + ", ".join(STATUS_ORDER), kind="choice", allowed=STATUS_ORDER),
            Field("leader", "the head of state or government named in the row's sources (empty if none)",
                  required=False, max_chars=80),
            Field("leader_title", "the leader's title at the time", required=False, max_chars=80),
            Field("notes", "what the sources say about its role, in the pack's own words", max_chars=800),
            SOURCES_FIELD,
            CONFIDENCE_FIELD,
        ),
    )


DATASETS_SPEC = TableSpec(
    name="datasets.csv",
    key="dataset",
    fields=(
        Field("dataset", "the short name lessons use for the dataset", max_chars=40),
        Field("file", "the file in data/", max_chars=80),
        Field("title", "what the dataset holds, in a few words", max_chars=120),
        Field("as_of", "the date up to which its sources were checked", kind="date"),
        Field("licence", "the licence of the file", max_chars=80),
        Field("provenance", "where it comes from, in one line", max_chars=300),
    ),
)

MAX_QUOTE_WORDS = 25
PERSPECTIVES = (
    "us_administration", "us_congress", "supportive_government", "critic_government",
    "international_organisation", "rights_group", "analyst", "other",
)


def _quote_rules(record: dict) -> list[Problem]:
    problems = []
    words = len(record["quote"].split())
    if words > MAX_QUOTE_WORDS:
        problems.append(Problem(
            f"has {words} words; quotations are kept to {MAX_QUOTE_WORDS} words or fewer.",
            column="quote", fix="Shorten the quotation (mark cuts with …) or paraphrase it.",
        ))
    if record["language"] != "en" and not record["translation"]:
        problems.append(Problem(
            "is empty, but the quotation is not in English.",
            column="translation", fix="Add an English translation and say it is the pack's own.",
        ))
    return problems


QUOTES_SPEC = TableSpec(
    name="quotes.csv",
    key="id",
    fields=(
        Field("id", "a short unique id such as Q001", max_chars=20),
        Field("speaker", "who said or wrote it", max_chars=80),
        Field("speaker_role", "the speaker's office or role at the time", max_chars=120),
        Field("date", "when it was said or posted", kind="date"),
        Field("setting", "where or in what it was said (speech, post, interview)", max_chars=200),
        Field("quote", f"the exact words, {MAX_QUOTE_WORDS} words or fewer, in the original language", max_chars=400),
        Field("language", "the language of the quotation: en, es or pt", kind="choice", allowed=("en", "es", "pt")),
        Field("translation", "the pack's English translation when the quotation is not in English",
              required=False, max_chars=400),
        Field("perspective", "whose view it represents: " + ", ".join(PERSPECTIVES), kind="choice", allowed=PERSPECTIVES),
        SOURCES_FIELD,
        CONFIDENCE_FIELD,
    ),
    row_checks=(_quote_rules,),
)
