"""What each of the pack's tables holds: columns, meanings and allowed values.

data/README.md describes the same columns for people; tests/test_data_readme.py keeps the two in step.
"""

from __future__ import annotations

from .eras import ERA_KEYS, era, era_of_year
from .errors import Problem
from .vocabulary import EVENT_CATEGORIES, HISTORY_CATEGORY_ORDER, NO_POSITION, POSITION_ORDER, STATUS_ORDER
from .tables import Field, TableSpec

CONFIDENCE = ("high", "medium", "low")
YES_NO = ("yes", "no")
SIGNATORY = ("yes", "reported", "disputed", "unverified", "no")

CONFIDENCE_FIELD = Field(
    "confidence",
    "how sure the pack is: high (an official source, or reputable outlets of two different owners), "
    "medium (one reputable outlet or a syndicated copy), low (a single uncorroborated report)",
    kind="choice",
    allowed=CONFIDENCE,
)
SOURCES_FIELD = Field(
    "source_urls",
    'one or more http(s) links, best first, separated by " | "',
    kind="urls",
)


def state_code_field(state_codes: tuple[str, ...], code_by_name: dict[str, str]) -> Field:
    """The iso3 column of a table with one row per state; a state's name gets its code suggested."""
    return Field("iso3", "the state's ISO 3166 alpha-3 code, as in countries.geojson",
                 kind="choice", allowed=state_codes, aliases=code_by_name)


def coalition_spec(state_codes: tuple[str, ...], code_by_name: dict[str, str]) -> TableSpec:
    """coalition.csv: one row per independent state of the Americas."""
    return TableSpec(
        name="coalition.csv",
        key="iso3",
        fields=(
            state_code_field(state_codes, code_by_name),
            Field("name_en", "the state's short name in English", max_chars=60),
            Field("name_es", "the state's short name in Spanish", max_chars=60),
            Field("summit_attendee", "yes if its leader attended the Doral summit on 7 March 2026",
                  kind="choice", allowed=YES_NO),
            Field("coalition_signatory",
                  "whether it signed the 5 March 2026 joint security declaration: yes (confirmed by its "
                  "government or national press), reported (named only in press lists), disputed, "
                  "unverified (named only by a weak source) or no",
                  kind="choice", allowed=SIGNATORY),
            Field("signature_grade", "how strong the evidence is that it signed: high, medium or low (empty when "
                  "coalition_signatory is no)", kind="choice", allowed=CONFIDENCE, required=False),
            Field("signature_sources", 'the links that name it as a signer or dispute it, best first, separated by " | " '
                  "(empty when coalition_signatory is no)", kind="urls", required=False),
            Field("signature_note", "what those sources say about its signature, in the pack's own words (empty when "
                  "coalition_signatory is no)", required=False, max_chars=400),
            Field("status", "the map category: " + ", ".join(STATUS_ORDER), kind="choice", allowed=STATUS_ORDER),
            Field("leader", "the head of state or government named in the row's sources (empty if none)",
                  required=False, max_chars=80),
            Field("leader_title", "the leader's title at the time", required=False, max_chars=80),
            Field("notes", "what the sources say about its role, in the pack's own words", max_chars=800),
            SOURCES_FIELD,
            CONFIDENCE_FIELD,
        ),
        row_checks=(_signature_rules,),
    )


SIGNATURE_EVIDENCE = ("signature_grade", "signature_sources", "signature_note")


def _signature_rules(record: dict) -> list[Problem]:
    """A state named as a signer carries its own signature evidence; a non-signer carries none."""
    named = record["coalition_signatory"] not in (None, "no")
    return [
        Problem("is empty, but the state is named as a signer.", column=column,
                fix="Give the grade, links and note of the evidence for its signature.") if named else
        Problem("is filled, but coalition_signatory is no.", column=column,
                fix="Empty it, or change coalition_signatory to what the sources say.")
        for column in SIGNATURE_EVIDENCE
        if (record[column] is None) == named
    ]


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
    "us_administration", "us_congress", "supportive_government", "critic_government", "targeted_government",
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
    """Era matches the start year, the end is not before the start, the marker is in the Americas.

    A cell that could not be read is None here; the checks that need it wait until it is fixed.
    """
    problems = []
    start, end = record["start_date"], record["end_date"]
    if start is not None:
        year = start.year
        expected = era_of_year(year)
        if expected is None:
            problems.append(Problem(
                f"is {year}, outside the years the lesson covers.", column="start_date", value=str(start),
                fix="History rows start between 1823 and 2026.",
            ))
        elif record["era"] is not None and record["era"] != expected.key:
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
    if lat is not None and lon is not None and not (
        AMERICAS_LATITUDES[0] <= lat <= AMERICAS_LATITUDES[1] and AMERICAS_LONGITUDES[0] <= lon <= AMERICAS_LONGITUDES[1]
    ):
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
    if record["definition"] is None:
        return []
    problems = []
    words = len(record["definition"].split())
    if words > MAX_DEFINITION_WORDS:
        problems.append(Problem(f"has {words} words; definitions are kept to {MAX_DEFINITION_WORDS} or fewer.",
                                column="definition", fix="Shorten it; the sources carry the detail."))
    if bool(record.get("short_form")) != bool(record.get("written_out")):
        filled, empty = ("short_form", "written_out") if record.get("short_form") else ("written_out", "short_form")
        problems.append(Problem(f"has a {filled} but no {empty}.", column=empty,
                                fix="Fill both (the short form and the words that explain it at first use) or neither."))
    return problems


GLOSSARY_SPEC = TableSpec(
    name="glossary.csv",
    key="term",
    fields=(
        Field("term", "the word or phrase, as students meet it", max_chars=80),
        Field("definition", f"what it means, in the pack's words ({MAX_DEFINITION_WORDS} words at most)", max_chars=500),
        SOURCES_FIELD,
        CONFIDENCE_FIELD,
        Field("short_form", "for an acronym or a name a reader cannot work out, the form lessons use (OAS, "
              "Rio Treaty); lessons must explain it where it first appears", required=False, max_chars=40),
        Field("written_out", "the words that must stand beside the short form's first use in a lesson: the full "
              "name, or the key words of a plain definition", required=False, max_chars=80),
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


ID_SEPARATOR = "|"
STATED_POSITIONS = tuple(key for key in POSITION_ORDER if key != NO_POSITION)


def id_list(text: object) -> tuple[str, ...]:
    """Ids written in one cell, separated by " | " (an empty cell, read as None or NaN: none)."""
    cell = text if isinstance(text, str) else ""
    return tuple(part.strip() for part in cell.split(ID_SEPARATOR) if part.strip())


def positions_spec(state_codes: tuple[str, ...], code_by_name: dict[str, str], quote_ids: frozenset[str]) -> TableSpec:
    """positions.csv: the stated position of each state whose position the research documents."""

    def known_quotes(record: dict) -> list[Problem]:
        unknown = [quote_id for quote_id in id_list(record["quote_ids"]) if quote_id not in quote_ids]
        return [Problem(
            f"names quotation {quote_id}, which is not in quotes.csv.", column="quote_ids", value=quote_id,
            fix="Add the quotation to quotes.csv first, or correct the id.",
        ) for quote_id in unknown]

    def dated(record: dict) -> list[Problem]:
        start, end = record["from_date"], record["to_date"]
        if start is not None and end is not None and end < start:
            return [Problem(f"is before from_date {start.isoformat()}.", column="to_date", value=end.isoformat(),
                            fix="Swap the two dates, or leave to_date empty if the position still holds.")]
        return []

    return TableSpec(
        name="positions.csv",
        fields=(
            state_code_field(state_codes, code_by_name),
            Field("name_en", "the state's short name in English (for people editing the file)", max_chars=60),
            Field("from_date", "the first day the row's sources document the position (its government's first "
                  "dated statement or act)", kind="date"),
            Field("to_date", "the last day it held, when a new government or a new stance replaced it (empty: it "
                  "still held at the data's as-of date)", kind="date", required=False),
            Field("position", "its stated position: " + ", ".join(STATED_POSITIONS)
                  + " (a state with no row for a date has no stated position found on that date)",
                  kind="choice", allowed=STATED_POSITIONS),
            Field("summary", "the position in one or two sentences, in the pack's own words", max_chars=500),
            Field("quote_ids", 'ids of quotations in quotes.csv that show the position, separated by " | "',
                  required=False, max_chars=120),
            SOURCES_FIELD,
            CONFIDENCE_FIELD,
        ),
        row_checks=(known_quotes, dated),
    )


POLL_KINDS = ("poll", "referendum")
PERCENT = {"kind": "number", "required": False, "low": 0, "high": 100}

POLLS_SPEC = TableSpec(
    name="polls.csv",
    key="id",
    fields=(
        Field("id", "a short unique id such as PL01", max_chars=20),
        Field("kind", "poll (a sample of people) or referendum (a vote)", kind="choice", allowed=POLL_KINDS),
        Field("population", "who was asked, e.g. US adults", max_chars=120),
        Field("pollster", "who asked, and for whom", max_chars=120),
        Field("fieldwork", "when people were asked, in words (exact days if known)", max_chars=120),
        Field("published", "when the results were published or first reported", kind="date"),
        Field("method", "how people were reached (online panel, text messages, ballot ...)", max_chars=200),
        Field("sample_size", "how many people answered (empty if not reported)",
              kind="integer", required=False, low=1, high=100_000_000),
        Field("question", "what the headline figures are about, in the pack's words", max_chars=200),
        Field("support_pct", "percentage in favour (empty if not reported)", **PERCENT),
        Field("oppose_pct", "percentage against (empty if not reported)", **PERCENT),
        Field("unsure_pct", "percentage unsure or without an answer (empty if not reported)", **PERCENT),
        Field("other_findings", "other results worth knowing, in the pack's words", required=False, max_chars=500),
        Field("caveats", "what limits the figures: sample, wording, timing", max_chars=500),
        SOURCES_FIELD,
        CONFIDENCE_FIELD,
    ),
)


#: Verdicts on a news report's claim, from the best to the worst, then "cannot be checked".
CLAIM_VERDICTS = ("accurate", "imprecise", "inaccurate", "unverifiable")
#: The named checks in hemisphere.topics.claims that test a claim against a dataset (tests keep the two in step).
CLAIM_TEST_NAMES = ("state_name", "summit_leaders", "coalition_size", "left_out", "quoted_words",
                "event_date", "event_category", "countries_struck")

def _claim_rules(record: dict) -> list[Problem]:
    """A claim judged anything but accurate shows the report's own words, 25 words or fewer."""
    wording, verdict = record["reported_wording"], record["verdict"]
    if wording is None:
        if verdict in (None, "accurate"):
            return []
        return [Problem(f"is empty, but the verdict is {verdict}: readers need the words being judged.",
                        column="reported_wording", fix="Quote the report's words for the claim (25 words or fewer).")]
    words = len(wording.split())
    if words > MAX_QUOTE_WORDS:
        return [Problem(f"has {words} words; the report is quoted in {MAX_QUOTE_WORDS} words or fewer.",
                        column="reported_wording", fix="Quote only the words the verdict is about; mark cuts with …")]
    return []


REPORT_CLAIMS_SPEC = TableSpec(
    name="report_claims.csv",
    key="id",
    fields=(
        Field("id", "a short unique id such as C01", max_chars=12),
        Field("short", "a few words that name the claim", max_chars=60),
        Field("claim", "what the report says, in the pack's own words", max_chars=400),
        Field("reported_wording", f"the report's own words for the claim, {MAX_QUOTE_WORDS} words or fewer, as the "
              "research notes and other sources give them (unchecked: the original text could not be seen); required "
              "unless the verdict is accurate", required=False, max_chars=200),
        Field("dataset", "the pack's dataset that tests the claim, as named in datasets.csv", max_chars=40),
        Field("column", "the dataset's column or columns that test it", max_chars=80),
        Field("check", "the test: " + ", ".join(CLAIM_TEST_NAMES), kind="choice", allowed=CLAIM_TEST_NAMES),
        Field("reported_value", "the value the report gives, in the form the check compares", max_chars=120),
        Field("row_ids", 'for event checks, the dataset rows the claim is about, the main one first, separated by " | "',
              required=False, max_chars=80),
        Field("verdict", "the pack's verdict: " + ", ".join(CLAIM_VERDICTS), kind="choice", allowed=CLAIM_VERDICTS),
        Field("explanation", "why, in the pack's own words", max_chars=800),
        SOURCES_FIELD,
        CONFIDENCE_FIELD,
    ),
    row_checks=(_claim_rules,),
)


#: Kinds of outlet, from the strongest evidence to the weakest (data/README.md, "outlets.csv").
OUTLET_KINDS = ("official", "wire", "national_press", "regional_press", "research", "aggregator", "partisan", "blog")

OUTLETS_SPEC = TableSpec(
    name="outlets.csv",
    key="host",
    fields=(
        Field("host", "the web address's host without www., e.g. apnews.com", max_chars=80),
        Field("outlet", "the outlet's name", max_chars=120),
        Field("kind", "what kind of outlet it is: " + ", ".join(OUTLET_KINDS), kind="choice", allowed=OUTLET_KINDS),
        Field("owner", "who owns or runs it; outlets with the same owner count as one", max_chars=120),
    ),
)


READINGS_SPEC = TableSpec(
    name="readings.csv",
    key="id",
    fields=(
        Field("id", "a short unique id such as R09", max_chars=12),
        Field("lesson", "the lesson whose text relies on it, e.g. 05", max_chars=2),
        Field("title", "what the source is and what the lesson takes from it, in the pack's words", max_chars=200),
        SOURCES_FIELD,
        CONFIDENCE_FIELD,
    ),
)


# --- operations.csv and strike_tallies.csv (lesson 2) ---------------------------------------------

#: Codes for events outside any state's territory: international waters, placed at sea.
SEA_CODES = {"XXC": "Caribbean Sea (international waters)", "XXP": "eastern Pacific (international waters)"}
#: The few places outside the Americas that the events involve.
OUTSIDE_AMERICAS_CODES = {"CHE": "Switzerland", "IRN": "Iran"}
#: Rough boxes (south, west, north, east) that a point coded to a sea must fall in.
SEA_BOXES = {"XXC": (9.0, -89.0, 22.5, -59.0), "XXP": (-5.0, -120.0, 20.0, -77.0)}
EVENT_CATEGORY_KEYS = tuple(EVENT_CATEGORIES)
DATE_PRECISIONS = ("day", "range", "approximate")


#: How far (degrees) a point may lie outside its country's bounding box: coasts, islands, rounding.
BOUNDS_MARGIN = 1.5


def _dates_problems(record: dict) -> list[Problem]:
    problems = []
    start, end, precision = record["date"], record["end_date"], record["date_precision"]
    if precision == "range" and end is None:
        problems.append(Problem("is empty, but a date range needs an end date.", column="end_date",
                                fix="Give the last day of the range, or set date_precision to day."))
    if end is not None and end <= start:
        problems.append(Problem("is not after the start date.", column="end_date", value=end.isoformat(),
                                fix="The end date must come after the date column."))
    if precision == "day" and end is not None:
        problems.append(Problem("is filled, but date_precision is day.", column="end_date", value=end.isoformat(),
                                fix="Set date_precision to range, or empty end_date."))
    return problems


def _position_problems(record: dict, bounds: dict[str, tuple[float, float, float, float]]) -> list[Problem]:
    """A point must lie in the sea or country it is coded to; swapped lat/lon are named as such."""
    code, lat, lon = record["country_iso3"], record["lat"], record["lon"]
    if lat is None or lon is None:
        return []
    if code in SEA_BOXES:
        south, west, north, east = SEA_BOXES[code]
        problems = []
        if not (south <= lat <= north and west <= lon <= east):
            problems.append(Problem(
                f"puts an event coded {code} outside the {SEA_CODES[code]}.", column="lat, lon", value=f"{lat}, {lon}",
                fix=f"Place it at sea between latitudes {south:g} and {north:g} and longitudes {west:g} and {east:g}.",
            ))
        if record["location_approximate"] == "no":
            problems.append(Problem("must be yes for events at sea: their positions were not released.",
                                    column="location_approximate", value="no"))
        return problems
    if code not in bounds:
        return [] if -90 <= lat <= 90 else [_latitude_problem(lat, lon)]
    west, south, east, north = bounds[code]

    def inside(y: float, x: float) -> bool:
        return (south - BOUNDS_MARGIN <= y <= north + BOUNDS_MARGIN
                and west - BOUNDS_MARGIN <= x <= east + BOUNDS_MARGIN)

    if inside(lat, lon) and -90 <= lat <= 90:
        return []
    if inside(lon, lat):
        return [Problem(f"look swapped: the point lies in the country coded {code} only when the two are exchanged.",
                        column="lat, lon", value=f"{lat}, {lon}", fix=f"Swap them: lat {lon}, lon {lat}.")]
    if not -90 <= lat <= 90:
        return [_latitude_problem(lat, lon)]
    return [Problem(f"puts the point outside the country coded {code}.", column="lat, lon", value=f"{lat}, {lon}",
                    fix="Check the coordinates (latitude first, west is negative) or the country code.")]


def _latitude_problem(lat: float, lon: float) -> Problem:
    return Problem("has a latitude outside -90 to 90.", column="lat, lon", value=f"{lat}, {lon}",
                   fix="Latitude comes first and runs from -90 (south pole) to 90 (north pole).")


def _operation_rules(bounds: dict[str, tuple[float, float, float, float]]):
    def rules(record: dict) -> list[Problem]:
        problems = _dates_problems(record) + _position_problems(record, bounds)
        if record["tally"] == "yes" and record["category"] != "maritime_strike":
            problems.append(Problem("is yes, but only boat-strike rows carry the campaign's running tally.",
                                    column="tally", fix="Set tally to no, or category to maritime_strike."))
        return problems

    return rules


def operations_spec(
    country_codes: tuple[str, ...],
    code_by_name: dict[str, str],
    bounds: dict[str, tuple[float, float, float, float]],
    for_teachers: bool = False,
) -> TableSpec:
    """operations.csv: one row per dated US action or related event, 2025-2026.

    ``for_teachers`` relaxes it for a teacher's own file: dates as spreadsheets write them, and
    only what a reader needs is required (an id, the map point and the minor columns may be left
    out; :func:`hemisphere.data.loaders.load_events` fills them in).
    """
    optional = for_teachers
    return TableSpec(
        name="your events" if for_teachers else "operations.csv",
        key="id",
        optional_columns_may_be_missing=for_teachers,
        fields=(
            Field("id", "a short unique id such as E071", max_chars=12, required=not optional),
            Field("date", "the day it happened, or the first day of a range", kind="date",
                  flexible_dates=for_teachers),
            Field("end_date", "the last day, for a range (empty otherwise)", kind="date", required=False,
                  flexible_dates=for_teachers),
            Field("date_precision", "day (known to the day), range (from date to end_date) or approximate "
                  "(about that day)", kind="choice", allowed=DATE_PRECISIONS, required=not optional),
            Field("country_iso3", "where it happened or whom it targeted: a code from countries.geojson, "
                  "XXC (Caribbean Sea) or XXP (eastern Pacific) for international waters, CHE or IRN",
                  kind="choice", allowed=country_codes, aliases=code_by_name),
            Field("place", "the place in words, with where it was announced if elsewhere", max_chars=200),
            Field("lat", "latitude of the map point, in degrees (-90 to 90)", kind="number", low=-180, high=180,
                  required=not optional),
            Field("lon", "longitude of the map point, in degrees", kind="number", low=-180, high=180,
                  required=not optional),
            Field("location_approximate", "yes when the point only stands for a sea, a country or an "
                  "undisclosed site", kind="choice", allowed=YES_NO, required=not optional),
            Field("category", "what kind of event: " + ", ".join(EVENT_CATEGORY_KEYS), kind="choice",
                  allowed=EVENT_CATEGORY_KEYS),
            Field("actors", "who acted or was acted on, separated by ;", max_chars=400, required=not optional),
            Field("summary", "what happened, in the pack's own words", max_chars=700),
            Field("casualties", "deaths and injuries as reported, with who reported them (empty if none)",
                  required=False, max_chars=300),
            Field("tally", "yes when the row also gives the boat-strike campaign's running total",
                  kind="choice", allowed=YES_NO, required=not optional),
            SOURCES_FIELD,
            CONFIDENCE_FIELD,
            Field("notes", "dates, disputed points and which outlet each link carries", required=False,
                  max_chars=1000),
        ),
        row_checks=(_operation_rules(bounds),),
    )


QUALIFIERS = ("exact", "about", "at least")


def _tally_rules(record: dict) -> list[Problem]:
    if record["deaths"] < record["strikes"] and record["strikes"] > 1:
        return [Problem("is smaller than the number of strikes; check that the columns are not swapped.",
                        column="deaths", value=str(record["deaths"]))]
    return []


STRIKE_TALLIES_SPEC = TableSpec(
    name="strike_tallies.csv",
    key="id",
    fields=(
        Field("id", "a short unique id such as T15", max_chars=12),
        Field("as_of", "the date the count refers to", kind="date"),
        Field("strikes", "strikes on boats counted since 2 September 2025", kind="integer", low=0, high=10_000),
        Field("strikes_qualifier", "exact, about or at least", kind="choice", allowed=QUALIFIERS),
        Field("deaths", "people reported killed in those strikes", kind="integer", low=0, high=100_000),
        Field("deaths_qualifier", "exact, about or at least", kind="choice", allowed=QUALIFIERS),
        Field("counted_by", "whose count it is (news agency, monitor or government)", max_chars=160),
        Field("event_id", "the operations.csv row that reports the same count (empty if none)",
              required=False, max_chars=12),
        SOURCES_FIELD,
        CONFIDENCE_FIELD,
        Field("notes", "how the count was made and how others differ", required=False, max_chars=500),
    ),
    row_checks=(_tally_rules,),
)
