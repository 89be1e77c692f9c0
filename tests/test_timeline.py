"""Lesson 2 logic: the story's order, filters, and the running counts with their dates and sources."""

import datetime as dt

import pytest

from hemisphere.data.vocabulary import EVENT_CATEGORIES
from hemisphere.data.loaders import load_operations, load_strike_tallies
from hemisphere.topics.operations import (STORYLINE, category_counts, date_label, filter_events, running_count, story,
                                 storyline_table, strikes_before, tally_table)


def test_the_story_is_in_date_order_with_ties_broken_by_id():
    ordered = story()
    assert list(ordered.step) == list(range(len(load_operations())))
    keys = list(zip(ordered.date, ordered.id))
    assert keys == sorted(keys)


def test_dates_read_as_words_for_days_ranges_and_approximate_days():
    ordered = story()
    assert ordered.loc["E011", "date_text"] == "2 September 2025"
    assert ordered.loc["E057", "date_text"] == "4–5 March 2026"
    assert ordered.loc["E016", "date_text"] == "8 October 2025 – 14 January 2026"
    assert ordered.loc["E022", "date_text"] == "24 October – 16 November 2025"
    assert ordered.loc["E036", "date_text"] == "about 24 December 2025"
    assert date_label(ordered.loc["E001"]) == "20 January 2025"


def test_filters_combine_date_window_category_and_country():
    events = story()
    strikes_2025 = filter_events(events, "2025-01-01", "2025-12-31", categories="maritime_strike")
    assert list(strikes_2025.id) == ["E011", "E019", "E021", "E024", "E026", "E034", "E037"]
    pacific = filter_events(events, categories=["maritime_strike"], countries=["XXP"])
    assert set(pacific.country_iso3) == {"XXP"} and "E021" in set(pacific.id)
    assert filter_events(events, countries="MEX", categories="raid").empty


def test_an_event_spanning_days_is_kept_when_any_of_its_days_is_in_the_window():
    window = filter_events(story(), "2026-01-10", "2026-01-12")
    assert "E016" in set(window.id)  # Senate votes, 8 October 2025 to 14 January 2026
    assert "E045" not in set(window.id)  # 4 to 9 January 2026


def test_unknown_filter_values_are_errors_not_empty_results():
    with pytest.raises(ValueError, match="unknown categories"):
        filter_events(story(), categories="boat_strike")
    with pytest.raises(ValueError, match="unknown country codes"):
        filter_events(story(), countries="Venezuela")
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        filter_events(story(), start="3 January")


def test_category_counts_cover_every_category_in_vocabulary_order():
    counts = category_counts(load_operations())
    assert list(counts.category) == list(EVENT_CATEGORIES)
    assert counts.events.sum() == len(load_operations())
    assert counts.set_index("category").loc["raid", "events"] == 1


def test_the_running_count_before_the_raid_is_the_year_end_tally():
    count = running_count("2026-01-03", before=True)
    assert (count.as_of, count.strikes, count.deaths) == (dt.date(2025, 12, 31), 35, 115)
    assert count.source_url.startswith("https://") and "as of 31 December 2025" in count.text()
    assert strikes_before("2026-01-03") == 35


def test_a_count_on_its_own_day_is_included_unless_asked_for_before():
    assert running_count("2025-09-02").strikes == 1
    assert running_count("2025-09-02", before=True) is None
    assert strikes_before(dt.date(2025, 9, 1)) == 0


def test_counts_follow_the_data_a_teacher_edits():
    tallies = load_strike_tallies().copy()
    tallies.loc[tallies.as_of == dt.date(2025, 12, 31), "strikes"] = 36
    assert strikes_before("2026-01-03", tallies) == 36


def test_the_tally_table_says_how_exact_each_number_is():
    table = tally_table()
    assert list(table.columns) == ["As of", "Strikes", "Reported deaths", "Counted by", "Confidence"]
    assert table.iloc[-1]["Reported deaths"] == "at least 157"
    assert "about 35" in set(table.Strikes)


def test_the_storyline_names_existing_events_in_order():
    table = storyline_table()
    assert list(table.Event) == [event_id for event_id, _ in STORYLINE]
    assert table.Date.iloc[5] == "3 January 2026"


def test_the_count_in_force_at_each_event_is_the_running_count_of_its_day():
    from hemisphere.topics.operations import counts_in_force

    events = story()
    counts, in_force = counts_in_force(events.date)
    for day, position in zip(events.date, in_force):
        expected = running_count(day)
        if expected is None:
            assert position == -1
        else:
            assert (counts.as_of.iloc[position], counts.strikes.iloc[position]) == (expected.as_of, expected.strikes)
