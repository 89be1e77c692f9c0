"""What each of the pack's tables holds: columns, meanings and allowed values.

data/README.md describes the same columns for people; tests/test_data_readme.py keeps the two in step.
"""

from __future__ import annotations

from .eras import ERA_KEYS, era, era_of_year
from .errors import Problem
from .palette import HISTORY_CATEGORY_ORDER, STATUS_ORDER
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


#: The box every history marker must fall inside: the Americas from Greenland to Cape Horn.
AMERICAS_LATITUDES = (-60.0, 84.0)
AMERICAS_LONGITUDES = (-180.0, -10.0)
LOCATION_BASES = ("site", "capital")


def _history_rules(record: dict) -> list[Problem]:
    problems = []
    start, end = record["start_date"], record["end_date"]
    year = start.year
    expected = era_of_year(year)
    if expected is None:
        problems.append(Problem(
            f"is {year}, outside the years the lesson covers.", column="start_date", value=str(start),
            fix="History rows start between 1823 and 2026.",
        ))
    elif record["era"] != expected.key:
        stated = era(record["era"])
        problems.append(Problem(
            f"is {stated.key} ({stated.years}), but the row starts in {year}, which belongs to "
            f"{expected.key} ({expected.years}).",
            column="era", value=record["era"], fix=f'Change the era to "{expected.key}" or correct the date.',
        ))
    if end is not None and end.last < start.first:
        problems.append(Problem(
            f"is before the start date {start}.", column="end_date", value=str(end),
            fix="Swap the two dates, or leave end_date empty for a one-day event.",
        ))
    lat, lon = record["lat"], record["lon"]
    if not (AMERICAS_LATITUDES[0] <= lat <= AMERICAS_LATITUDES[1]
            and AMERICAS_LONGITUDES[0] <= lon <= AMERICAS_LONGITUDES[1]):
        problems.append(Problem(
            f"puts the marker at {lat:g}, {lon:g}, outside the Americas.", column="lat",
            fix="For an event that took place outside the Americas, put the marker at the capital of the "
                "state it concerned, set location_basis to capital and name the real place in place.",
        ))
    return problems


def history_spec(codes: tuple[str, ...], code_by_name: dict[str, str]) -> TableSpec:
    """history.csv: one row per event of US policy in the Americas, 1823 to 2026."""
    return TableSpec(
        name="history.csv",
        key="id",
        fields=(
            Field("id", "a short unique id such as H001", max_chars=12),
            Field("start_date", "when it began: YYYY-MM-DD, or YYYY-MM or YYYY when that is all the sources give",
                  kind="partial_date"),
            Field("end_date", "when it ended, in the same form; empty for an event of one day or one moment",
                  kind="partial_date", required=False),
            Field("era", "the era its start date falls in: " + ", ".join(ERA_KEYS), kind="choice", allowed=ERA_KEYS),
            Field("country_iso3", "the code of the state or territory the event concerned (USA for policies "
                  "aimed at the whole hemisphere), as in countries.geojson",
                  kind="choice", allowed=codes, aliases=code_by_name),
            Field("place", "where it happened, in words", max_chars=120),
            Field("lat", "the marker's latitude (inside the Americas)", kind="number", low=-90, high=90),
            Field("lon", "the marker's longitude (inside the Americas)", kind="number", low=-180, high=180),
            Field("location_basis", "site (the marker is where it happened) or capital (it happened elsewhere; "
                  "the marker is at the capital of the state it concerned)", kind="choice", allowed=LOCATION_BASES),
            Field("category", "the kind of event: " + ", ".join(HISTORY_CATEGORY_ORDER),
                  kind="choice", allowed=HISTORY_CATEGORY_ORDER),
            Field("title", "a short title in the pack's words", max_chars=90),
            Field("summary", "what happened, in the pack's own words (about 80 words at most)", max_chars=700),
            SOURCES_FIELD,
            CONFIDENCE_FIELD,
        ),
        row_checks=(_history_rules,),
    )


MAX_DEFINITION_WORDS = 50


def _glossary_rules(record: dict) -> list[Problem]:
    words = len(record["definition"].split())
    if words > MAX_DEFINITION_WORDS:
        return [Problem(f"has {words} words; definitions are kept to {MAX_DEFINITION_WORDS} or fewer.",
                        column="definition", fix="Shorten it; the sources carry the detail.")]
    return []


GLOSSARY_SPEC = TableSpec(
    name="glossary.csv",
    key="term",
    fields=(
        Field("term", "the word or phrase, as students meet it", max_chars=80),
        Field("definition", f"what it means, in the pack's words ({MAX_DEFINITION_WORDS} words at most)", max_chars=500),
        SOURCES_FIELD,
        CONFIDENCE_FIELD,
    ),
    row_checks=(_glossary_rules,),
)

COMPARISON_ASPECTS = ("stated_basis", "forces", "outcome", "regional_reaction")


def comparisons_spec(event_ids: tuple[str, ...]) -> TableSpec:
    """comparisons.csv: for a few events, one row per aspect the comparison view shows."""
    return TableSpec(
        name="comparisons.csv",
        fields=(
            Field("event_id", "the id of the event in history.csv", kind="choice", allowed=event_ids, max_chars=12),
            Field("aspect", "which aspect the row describes: " + ", ".join(COMPARISON_ASPECTS),
                  kind="choice", allowed=COMPARISON_ASPECTS),
            Field("text", "what the sources say about that aspect, in the pack's words", max_chars=700),
            SOURCES_FIELD,
            CONFIDENCE_FIELD,
        ),
    )
