"""The pack's history, comparisons and glossary: valid dates and eras, sourced rows, markers in the Americas."""

import shapely

from support import DATA
from hemisphere import load_comparisons, load_countries, load_glossary, load_history, load_quotes
from hemisphere.data.eras import ERAS, era_of_year
from hemisphere.topics.history import DEFAULT_COMPARISON
from hemisphere.data.schemas import AMERICAS_LATITUDES, AMERICAS_LONGITUDES, COMPARISON_ASPECTS, MAX_DEFINITION_WORDS

#: How far (degrees) a marker may stand from the shape of the state it concerns: small islands and
#: coastal cities sit on simplified outlines.
NEAR_SHAPE = 0.6


def test_every_row_has_a_valid_date_an_era_that_matches_it_and_an_order():
    history = load_history()
    assert history.id.is_unique
    for row in history.itertuples():
        assert era_of_year(row.year).key == row.era, row.id
        assert row.end >= row.start, row.id
    assert list(history.start) == sorted(history.start)


def test_the_record_runs_from_monroe_to_2026_with_every_era_represented():
    history = load_history()
    assert history.iloc[0].id == "H001" and str(history.iloc[0].start_date) == "1823-12-02"
    assert {era.key for era in ERAS} == set(history.era)
    recent = history[history.era == "2025_26"]
    assert {"H062", "H063"} <= set(recent.id)
    assert str(history.set_index("id").loc["H063", "start_date"]) == "2026-01-03"


def test_every_row_is_sourced_with_links_and_a_grade():
    for frame in (load_history(), load_comparisons(), load_glossary()):
        assert frame.source_urls.map(len).min() >= 1
        assert frame.source_urls.map(lambda urls: all(url.startswith(("https://", "http://")) for url in urls)).all()
        assert set(frame.confidence) <= {"high", "medium", "low"}


def test_no_row_relies_on_the_aggregators_and_mirrors_the_check_removed():
    weak = ("wikimili", "memim.com", "encyclopediahub", "docslib", "piglix", "liquisearch", "academickids",
            "en-academic", "worldhistoryproject", "americasbesthistory", "nation.com.pk", "eir.news")
    for name in ("history.csv", "glossary.csv", "comparisons.csv"):
        text = (DATA / name).read_text(encoding="utf-8")
        assert not [site for site in weak if site in text], name


def test_markers_are_inside_the_americas_and_near_the_state_they_concern():
    history = load_history()
    shapes = load_countries().set_index("iso3").geometry
    for row in history.itertuples():
        assert AMERICAS_LATITUDES[0] <= row.lat <= AMERICAS_LATITUDES[1], row.id
        assert AMERICAS_LONGITUDES[0] <= row.lon <= AMERICAS_LONGITUDES[1], row.id
        distance = shapes[row.country_iso3].distance(shapely.Point(row.lon, row.lat))
        assert distance < NEAR_SHAPE, f"{row.id}: marker {distance:.2f} degrees from {row.country_iso3}"


def test_events_that_happened_elsewhere_are_flagged_and_say_where():
    history = load_history().set_index("id")
    hague = history.loc["H044"]
    assert hague.location_basis == "capital" and "Hague" in hague.place and hague.country_iso3 == "NIC"
    assert history.loc["H047"].location_basis == "site"


def test_glossary_terms_are_unique_and_each_has_a_short_definition():
    glossary = load_glossary()
    assert glossary.term.is_unique and len(glossary) >= 40
    assert glossary.term.str.casefold().is_unique
    words = glossary.definition.str.split().map(len)
    assert words.min() >= 8 and words.max() <= MAX_DEFINITION_WORDS
    for term in ("Monroe Doctrine", "Roosevelt Corollary", "Trump Corollary", "Operation Just Cause",
                 "Operation Absolute Resolve", "Non-intervention"):
        assert term in set(glossary.term)


def test_the_default_comparison_has_every_aspect_for_both_events():
    comparisons = load_comparisons()
    for event_id in DEFAULT_COMPARISON:
        assert set(comparisons[comparisons.event_id == event_id].aspect) == set(COMPARISON_ASPECTS)
    assert not comparisons.duplicated(["event_id", "aspect"]).any()


def test_the_lessons_quotations_exist_and_are_attributed():
    quotes = load_quotes()
    ids = ["Q301", "Q302", "Q303", "Q010", "Q011", "Q012", "Q208", "Q018", "Q014"]
    assert set(ids) <= set(quotes.index)
    assert set(quotes.loc[ids, "perspective"]) >= {"us_administration", "critic_government", "supportive_government",
                                                  "international_organisation"}


def test_no_quotation_is_stored_twice_under_two_ids():
    quotes = load_quotes()
    assert not quotes.duplicated(["speaker", "quote"]).any()
