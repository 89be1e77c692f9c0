"""Every record's confidence grade is no higher than its sources allow (the rule in data/README.md)."""

import pandas as pd
import pytest

from hemisphere.data import loaders as data
from hemisphere.data.grades import allowed_grade, cited_hosts, graded_above_sources, unknown_hosts

GRADED_TABLES = {
    "coalition.csv": data.load_coalition,
    "quotes.csv": data.load_quotes,
    "positions.csv": data.load_positions,
    "polls.csv": data.load_polls,
    "history.csv": data.load_history,
    "comparisons.csv": data.load_comparisons,
    "glossary.csv": data.load_glossary,
    "report_claims.csv": data.load_report_claims,
    "readings.csv": data.load_readings,
    "operations.csv": data.load_operations,
    "strike_tallies.csv": data.load_strike_tallies,
}


def records(file: str) -> pd.DataFrame:
    frame = GRADED_TABLES[file]()
    if file == "comparisons.csv":
        frame.index = frame.event_id + " " + frame.aspect
    return frame


@pytest.mark.parametrize("file", sorted(GRADED_TABLES))
def test_every_cited_host_is_classified_in_outlets_csv(file):
    assert unknown_hosts(records(file)) == set()


def test_outlets_csv_lists_exactly_the_hosts_the_data_cites():
    cited = set().union(*(cited_hosts(records(file)) for file in GRADED_TABLES))
    assert set(data.load_outlets().index) == cited


@pytest.mark.parametrize("file", sorted(GRADED_TABLES))
def test_no_record_is_graded_above_what_its_sources_allow(file):
    assert graded_above_sources(records(file)) == []


def test_no_signature_is_graded_above_what_its_sources_allow():
    assert graded_above_sources(records("coalition.csv"), grade="signature_grade", sources="signature_sources") == []


def test_a_high_row_with_one_blog_source_fails():
    quotes = data.load_quotes().head(1).copy()
    quotes["confidence"] = "high"
    quotes["source_urls"] = [("https://riceonhistory.wordpress.com/2011/12/07/a-post/",)]
    assert graded_above_sources(quotes) == [f"{quotes.index[0]}: confidence high, but its sources allow low"]


@pytest.mark.parametrize(
    ("urls", "grade"),
    [
        (["https://history.state.gov/milestones"], "high"),
        (["https://apnews.com/a", "https://www.latimes.com/b"], "high"),
        (["https://www.ksat.com/a", "https://www.wsls.com/b"], "medium"),  # one owner (Graham Media Group)
        (["https://apnews.com/a"], "medium"),
        (["https://www.devdiscourse.com/a"], "medium"),
        (["https://www.theblaze.com/a"], "low"),
        (["https://unlisted.example.net/a"], "low"),
    ],
)
def test_the_rule_counts_officials_reputable_owners_and_copies(urls, grade):
    assert allowed_grade(urls) == grade
