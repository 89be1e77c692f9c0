"""Lesson 6 as lateral reading: two independent sources a claim, who is behind each, a verdict and a reply."""

import pandas as pd
import pytest

from hemisphere import DataError, check_the_report, load_report_claims, report_sources
from hemisphere.data.loaders import load_outlets
from hemisphere.data.grades import REPUTABLE_KINDS, host_of
from hemisphere.topics import lateral
from hemisphere.topics.lateral import WHO_IS_BEHIND, sources_table, sources_to_open, who_is_behind_feedback


@pytest.mark.parametrize("claim_id", list(load_report_claims().index))
def test_each_claim_has_two_independent_reputable_sources_from_its_own_record(claim_id):
    first, second = sources_to_open(claim_id)
    outlets = load_outlets()
    assert first.owner != second.owner
    for source in (first, second):
        assert source.url in load_report_claims().loc[claim_id, "source_urls"]
        assert outlets.loc[host_of(source.url), "kind"] in REPUTABLE_KINDS | {"official"}


def test_a_copying_site_is_not_a_second_source(monkeypatch):
    claims = load_report_claims().copy()
    claims.at["C03", "source_urls"] = (
        "https://dpi.gov.gy/president-ali-joins-president-trump-for-shield-of-the-americas-summit/",
        "https://www.etvbharat.com/en/international/trump-encourages-latin-american-leaders",  # an aggregator
        "https://www.elheraldo.hn/honduras/estados-unidos-honduras",
    )
    monkeypatch.setattr(lateral, "load_report_claims", lambda: claims)
    assert [source.outlet for source in sources_to_open("C03")] == [
        "Guyana Department of Public Information", "El Heraldo (Honduras)"]


def test_a_claim_without_two_owners_names_its_row_column_and_fix(monkeypatch):
    claims = load_report_claims().copy()
    claims.at["C02", "source_urls"] = ("https://dpi.gov.gy/a", "https://dpi.gov.gy/b")
    monkeypatch.setattr(lateral, "load_report_claims", lambda: claims)
    with pytest.raises(DataError) as error:
        sources_to_open("C02")
    text = str(error.value)
    assert "report_claims.csv" in text and "row 3" in text and "source_urls" in text and "add a link" in text


def test_the_answer_about_a_source_is_its_kind_in_outlets_csv_and_a_wrong_one_gets_a_method():
    source = sources_to_open("C05")[0]
    assert source.kind == "official" and source.who == WHO_IS_BEHIND["official"]
    right = who_is_behind_feedback(source.who, source)
    assert source.outlet in right and "United States government" in right
    wrong = who_is_behind_feedback(WHO_IS_BEHIND["blog"], source)
    assert source.outlet not in wrong and "search" in wrong.lower()


def test_the_key_table_lists_two_sources_for_every_claim():
    table = sources_table()
    assert isinstance(table, pd.DataFrame)
    assert table.groupby("Claim").Source.count().eq(2).all()
    assert set(table.Claim) == set(load_report_claims().index)


def test_worked_example_links_open_in_a_new_tab_and_say_who_is_behind_them():
    html = report_sources("C01").data
    assert html.count('target="_blank"') == 2 and 'href="https://dpi.gov.gy/' in html
    assert "a government or a public body" in html


def test_each_claim_card_opens_two_sources_asks_who_is_behind_them_then_a_verdict_and_a_reply():
    card = check_the_report().children[1]
    html = "".join(child.value for child in card.children if hasattr(child, "value") and isinstance(child.value, str))
    for source in card.sources:
        assert f'href="{source.url}"' in html
    first = card.who[0]
    right = next(option for option in first.question.options if option.correct)
    assert right.text == card.sources[0].who
    assert "Not yet" in first.check(next(option.text for option in first.question.options if not option.correct))
    feedback = first.check(right.text)
    assert "✔ Right." in feedback
    assert "Right." not in feedback.replace("✔ Right.", "", 1)  # said once, not "Right. Right."
    assert "Right of reply" in card.reply.placeholder and card.reply.value == ""
    assert "evidence" in card.evidence_notes.placeholder.lower()
