"""Lesson 6, "Check the report": test a news report's claims against the pack's sourced data.

Each claim in ``data/report_claims.csv`` names a check below, the dataset and column it reads and
the value the report gives. A check computes, from the data as it is now, what the data says
(a finding in words and the rows that show it) and whether that agrees with the report. The
pack's verdict is stored with the claim; tests keep verdicts and data in step (a claim is
"accurate" exactly when its check agrees with the report).
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from .coalition import SUMMIT_DATE, signature_evidence
from ..data.loaders import load_coalition, load_countries, load_operations, load_quotes, load_report_claims
from ..data.vocabulary import EVENT_CATEGORIES, USES_OF_FORCE_IN_A_COUNTRY
from ..data.schemas import OUTSIDE_AMERICAS_CODES, SEA_CODES
from ..data.tables import parse_date
from ..data.text import first_sentence
from ..data.dates import spell_date


@dataclass(frozen=True)
class Evidence:
    """What the pack's data says about one claim."""

    finding: str  # in words, computed from the data
    table: pd.DataFrame  # the rows that show it
    agrees: bool  # whether the data agrees with the claim as the report words it


ClaimTest = Callable[[pd.Series], Evidence]
#: The tests a claim can name in its ``check`` column, by function name; filled by :func:`claim_test` below.
CLAIM_TESTS: dict[str, ClaimTest] = {}


def claim_test(function: ClaimTest) -> ClaimTest:
    """List a test of claims under its function name (the names ``report_claims.csv`` may use)."""
    CLAIM_TESTS[function.__name__] = function
    return function


def _codes(value: str) -> set[str]:
    return set(str(value).split())


def _partners(coalition: pd.DataFrame) -> pd.DataFrame:
    return coalition[coalition.status != "host"]


@claim_test
def state_name(claim: pd.Series) -> Evidence:
    """Is the name the report gives the name of a state of the Americas (in English or Spanish)?"""
    coalition = load_coalition()
    names = set(coalition.name_en) | set(coalition.name_es)
    given = claim.reported_value
    closest = difflib.get_close_matches(given, sorted(names), n=1, cutoff=0.6)
    rows = coalition[coalition.name_en.isin(closest) | coalition.name_es.isin(closest)]
    table = rows[["name_en", "name_es", "summit_attendee", "leader"]].reset_index(drop=True)
    if given in names:
        finding = f"'{given}' is the name of a state in the data."
    elif closest:
        finding = f"No state in the data is called '{given}', in English or Spanish. The closest name is '{closest[0]}'."
    else:
        finding = f"No state in the data is called '{given}', and no name is close to it."
    return Evidence(finding, table, given in names)


@claim_test
def summit_leaders(claim: pd.Series) -> Evidence:
    """Are the states the report lists exactly those whose leaders attended the summit?"""
    coalition = load_coalition()
    attended = _partners(coalition)
    attended = attended[attended.summit_attendee == "yes"]
    reported = _codes(claim.reported_value)
    actual = set(attended.iso3)
    table = attended[["name_en", "leader", "leader_title"]].sort_values("name_en").reset_index(drop=True)
    missing, extra = sorted(actual - reported), sorted(reported - actual)
    finding = f"The data lists {len(actual)} states whose leaders stood with the host at Doral"
    if not missing and not extra:
        finding += ", the same states as the report."
    else:
        finding += f"; the report leaves out {missing or 'none'} and adds {extra or 'none'}."
    return Evidence(finding, table, not missing and not extra)


@claim_test
def coalition_size(claim: pd.Series) -> Evidence:
    """Does the number the report gives for the coalition match the number of its reported members?"""
    coalition = load_coalition()
    evidence = signature_evidence(coalition)
    named = evidence[~evidence["Signed?"].str.startswith("unverified")]
    attended = int((_partners(coalition).summit_attendee == "yes").sum())
    reported = int(claim.reported_value)
    finding = (f"{attended} leaders attended the summit, but {len(named)} partner states are named as signers of "
               f"the coalition's declaration (a list rebuilt from press reports). The report says {reported}.")
    return Evidence(finding, named.reset_index(drop=True), reported == len(named))


@claim_test
def left_out(claim: pd.Series) -> Evidence:
    """Were the states the report names all left out of the summit?"""
    coalition = load_coalition()
    named = coalition.loc[sorted(_codes(claim.reported_value) & set(coalition.iso3))]
    excluded = coalition[coalition.status == "excluded"]
    agrees = len(named) == len(_codes(claim.reported_value)) and set(named.status) == {"excluded"}
    names = ", ".join(excluded.name_en)
    finding = (f"The data codes {len(excluded)} states as left out ({names}); "
               + ("every state the report names is among them." if agrees else "not every state the report names is."))
    table = excluded[["name_en", "summit_attendee", "leader", "notes"]].reset_index(drop=True)
    return Evidence(finding, table, agrees)


@claim_test
def quoted_words(claim: pd.Series) -> Evidence:
    """Do the words the report puts in a speaker's mouth appear in a checked quotation?

    The table adds the checked quotations that mention the names in those words (e.g. Cuba).
    """
    quotes = load_quotes()
    words = claim.reported_value
    found = quotes[quotes.quote.str.contains(words, case=False, regex=False)]
    names = [word for word in words.split() if word[:1].isupper()]
    mentions = quotes.quote + " " + quotes.setting
    related = quotes[mentions.map(lambda text: any(name in text for name in names))]
    table = pd.concat([found, related]).drop_duplicates("id")[["id", "speaker", "date", "setting", "quote"]]
    if len(found):
        finding = f"The words '{words}' appear in {len(found)} checked quotation(s)."
    else:
        about = f" The table shows the checked quotations that mention {', '.join(names)}." if names else ""
        finding = f"No checked quotation in the pack contains the words '{words}'.{about}"
    return Evidence(finding, table.reset_index(drop=True), bool(len(found)))


def _event_rows(claim: pd.Series) -> pd.DataFrame:
    operations = load_operations()
    missing = [row_id for row_id in claim.row_ids if row_id not in operations.index]
    if missing or not claim.row_ids:
        raise KeyError(f"claim {claim.id} names rows {missing or '(none)'} that operations.csv does not have")
    rows = operations.loc[list(claim.row_ids)]
    return pd.DataFrame({
        "id": rows.id,
        "date": rows.date,
        "weekday": rows.date.map(lambda day: f"{day:%A}"),
        "category": rows.category.map(lambda key: EVENT_CATEGORIES[key].label),
        "place": rows.place,
        "summary": rows.summary,
    }).reset_index(drop=True)


@claim_test
def event_date(claim: pd.Series) -> Evidence:
    """Did the event the claim describes (the first of ``row_ids``) happen on the date the report gives?"""
    table = _event_rows(claim)
    main = table.iloc[0]
    reported = parse_date(claim.reported_value)
    finding = (f"The data puts the event the claim describes ({main.id}: {first_sentence(main.summary)}) on "
               f"{spell_date(main.date, weekday=True)}; the report's date is {spell_date(reported, weekday=True)}.")
    if len(table) > 1:
        others = "; ".join(f"{row.id}, {spell_date(row.date, year=False, weekday=True)}" for row in table.iloc[1:].itertuples())
        finding += f" Related rows: {others}."
    return Evidence(finding, table, main.date == reported)


@claim_test
def event_category(claim: pd.Series) -> Evidence:
    """Is the event (the first of ``row_ids``) of the kind the report says (e.g. intelligence support only)?"""
    table = _event_rows(claim)
    main = table.iloc[0]
    reported = EVENT_CATEGORIES[claim.reported_value].label
    finding = (f"The data codes {main.id} ({spell_date(main.date)}, {main.place}) as '{main.category}'; "
               f"the report describes '{reported}'.")
    return Evidence(finding, table, main.category == reported)


@claim_test
def countries_struck(claim: pd.Series) -> Evidence:
    """In how many countries did US forces strike, raid or join operations up to the summit?

    The pack's data covers the Americas (plus two background events elsewhere, left out here), so a
    worldwide count cannot be confirmed from it.
    """
    operations = load_operations()
    outside = set(SEA_CODES) | set(OUTSIDE_AMERICAS_CODES)
    force = operations[operations.category.isin(USES_OF_FORCE_IN_A_COUNTRY) & ~operations.country_iso3.isin(outside)
                       & (operations.date <= SUMMIT_DATE)]
    names = load_countries().set_index("iso3").name_en
    table = force.groupby("country_iso3").agg(first=("date", "min"), rows=("id", ", ".join)).reset_index()
    table.insert(0, "country", table.country_iso3.map(names))
    in_2025 = table[table["first"] < dt.date(2026, 1, 1)]
    reported = int(claim.reported_value)
    finding = (f"In the pack's data, which covers the Americas, US forces struck, raided or joined operations inside "
               f"{len(table)} countries by {spell_date(SUMMIT_DATE)} ({', '.join(table.country)}); in 2025, "
               f"{len(in_2025)} ({', '.join(in_2025.country) or 'none'}). Strikes on boats at sea are not inside any "
               f"country. The data does not cover the rest of the world, so it cannot confirm the report's {reported}.")
    return Evidence(finding, table.drop(columns="country_iso3"), len(table) == reported)


def evidence_for_claim(claim_id: str) -> Evidence:
    """What the data says about one claim, as it is now: the claim's own test, run."""
    claims = load_report_claims()
    if claim_id not in claims.index:
        raise KeyError(f"no claim {claim_id!r}; claims: {list(claims.index)}")
    claim = claims.loc[claim_id]
    return CLAIM_TESTS[claim.check](claim)


#: How each verdict reads to students.
VERDICT_LABELS = {
    "accurate": "Accurate: the data agrees",
    "imprecise": "Imprecise: right in substance, loose in a detail",
    "inaccurate": "Inaccurate: a detail is wrong",
    "unverifiable": "Cannot be checked with the pack's data",
}


def verdict_feedback(chosen: str, correct: str) -> str:
    """Feedback for choosing ``chosen`` when the pack's verdict is ``correct``: a pointer, not the answer."""
    if chosen == correct:
        return "That is the pack's verdict."
    if correct == "unverifiable":
        return "Look for the report's exact words in the evidence: does the pack hold them in a checked source?"
    if chosen == "unverifiable":
        return "The pack's data does test this claim: open the evidence and compare."
    if chosen == "accurate":
        return "Compare each detail with the evidence: at least one does not match the data."
    if correct == "accurate":
        return "Look again: every detail of the claim, as worded, matches the evidence."
    if chosen == "inaccurate":
        return "Close, but the claim is right in substance; only a detail or its framing is loose."
    return "A detail is not just loose but wrong: check it against the evidence."


def claims_to_check() -> pd.DataFrame:
    """The report's claims with the data that tests each, without the pack's verdicts (no spoilers)."""
    claims = load_report_claims()
    return pd.DataFrame({
        "Claim": claims.id,
        "In short": claims.short,
        "What the report says (our words)": claims.claim,
        "Reported wording (unchecked)": claims.reported_wording.fillna(""),
        "Tested against": claims.dataset + ": " + claims.column,
    }).reset_index(drop=True)
