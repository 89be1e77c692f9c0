"""Lesson 6: the report's claims, their checks against the data, the verdicts and the widget."""

import itertools

import pytest

from hemisphere import DataError, check_the_report, claims_to_check, load_report_claims
from hemisphere.data.grades import independent_sources
from hemisphere.topics.claims import CLAIM_TESTS, VERDICT_LABELS, evidence_for_claim, verdict_feedback
from hemisphere.data.schemas import CLAIM_TEST_NAMES, CLAIM_VERDICTS
from support import rewrite_csv as rewrite

#: The verdicts the pack's research reached on the founding report, which the data must keep giving.
EXPECTED_VERDICTS = {
    "C01": "inaccurate",  # 'Guayana'
    "C03": "imprecise",  # 'a dozen' against 17
    "C05": "imprecise",  # announced on Tuesday 3 March; the strike on a 'supply complex' was announced on 6 March
    "C06": "imprecise",  # 'seven countries' counts 2025 only
}


def test_every_named_check_exists_and_every_check_is_named():
    assert set(CLAIM_TESTS) == set(CLAIM_TEST_NAMES)
    assert set(VERDICT_LABELS) == set(CLAIM_VERDICTS)


@pytest.mark.parametrize("claim_id", list(load_report_claims().index))
def test_a_claim_is_accurate_exactly_when_the_data_agrees_with_it(claim_id):
    claim = load_report_claims().loc[claim_id]
    evidence = evidence_for_claim(claim_id)
    assert evidence.finding and len(evidence.table) > 0
    assert evidence.agrees == (claim.verdict == "accurate"), (
        f"{claim_id}: the data {'agrees' if evidence.agrees else 'disagrees'} but the verdict is {claim.verdict}")


def test_the_research_findings_on_the_founding_report_are_kept():
    claims = load_report_claims()
    for claim_id, verdict in EXPECTED_VERDICTS.items():
        assert claims.loc[claim_id, "verdict"] == verdict
    assert "unverifiable" in set(claims.verdict), "keep one claim that the data cannot settle"


def test_an_inaccurate_verdict_rests_on_two_independent_sources():
    claims = load_report_claims()
    for claim in claims[claims.verdict == "inaccurate"].itertuples():
        assert len(independent_sources(claim.source_urls)) >= 2, claim.id


def test_one_source_or_two_copies_of_one_owner_are_not_independent():
    assert len(independent_sources(["https://dpi.gov.gy/a"])) == 1
    assert len(independent_sources(["https://www.ksat.com/a", "https://www.wsls.com/b"])) == 1  # Graham Media Group
    assert len(independent_sources(["https://www.theblaze.com/a", "https://riceonhistory.wordpress.com/b"])) == 0


def test_claims_judged_not_accurate_quote_the_report_in_25_words_or_fewer(data_copy):
    claims = load_report_claims()
    judged = claims[claims.verdict != "accurate"]
    assert judged.reported_wording.map(lambda words: isinstance(words, str) and len(words.split()) <= 25).all()
    assert "soon be coming to Cuba" in claims.loc["C09", "claim"], "the paraphrase keeps the words being checked"

    def break_it(rows):
        rows[0]["reported_wording"] = ""

    rewrite(data_copy / "report_claims.csv", break_it)
    with pytest.raises(DataError) as caught:
        load_report_claims()
    assert 'column "reported_wording": is empty, but the verdict is inaccurate' in str(caught.value)


def test_the_verdicts_follow_the_data_when_the_data_changes(data_copy):
    """Edit the data and the checks change their findings: nothing is hard-coded."""
    def ecuador_on_tuesday(rows):
        next(row for row in rows if row["id"] == "E060")["date"] = "2026-03-03"

    assert not evidence_for_claim("C05").agrees
    rewrite(data_copy / "operations.csv", ecuador_on_tuesday)
    assert evidence_for_claim("C05").agrees

    def misspell_guyana(rows):
        next(row for row in rows if row["iso3"] == "GUY")["name_en"] = "Guayana"

    rewrite(data_copy / "coalition.csv", misspell_guyana)
    assert evidence_for_claim("C01").agrees


def test_a_claim_naming_an_unregistered_dataset_is_refused(data_copy):
    def break_it(rows):
        rows[0]["dataset"] = "newspaper"

    rewrite(data_copy / "report_claims.csv", break_it)
    with pytest.raises(DataError) as caught:
        load_report_claims()
    assert 'row 2, column "dataset", value "newspaper": names a dataset that datasets.csv does not register' \
        in str(caught.value)


def test_an_unknown_claim_is_named_in_the_error():
    with pytest.raises(KeyError, match="no claim 'C99'"):
        evidence_for_claim("C99")


def test_the_claims_list_shows_no_verdicts():
    table = claims_to_check()
    text = table.to_string().lower()
    assert "verdict" not in text and "inaccurate" not in text
    assert len(table) == len(load_report_claims())


def test_wrong_verdict_feedback_points_without_giving_the_answer():
    for chosen, correct in itertools.permutations(CLAIM_VERDICTS, 2):
        feedback = verdict_feedback(chosen, correct)
        assert feedback and feedback != "Right."
        assert VERDICT_LABELS[correct] not in feedback


def test_the_widget_shows_evidence_then_judges_the_verdict():
    widget = check_the_report()
    first = widget.children[1]
    assert first.evidence.value == ""
    first.evidence_button.click()
    assert "<table" in first.evidence.value and "coalition.csv" in first.evidence.value
    assert "Reported wording" in first.children[0].value and "could not be checked" in first.children[0].value
    question = first.verdict.question
    right = next(option for option in question.options if option.correct)
    feedback = first.verdict.check(right.text)
    assert "Right" in feedback and first.claim.explanation[:40] in feedback
