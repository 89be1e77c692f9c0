"""operations.csv and strike_tallies.csv: they load, follow their coding rules, and keep the key facts."""

import datetime as dt

import pytest
import shapely

from hemisphere import DataError
from hemisphere.data.loaders import load_countries, load_operations, load_strike_tallies
from hemisphere.maps.palette import EVENT_CATEGORY_STYLES
from hemisphere.data.schemas import OUTSIDE_AMERICAS_CODES, SEA_CODES
from support import rewrite_csv as rewrite

#: Dates every account of the campaign agrees on (each row cites them), pinned so an edit cannot move them.
KEY_EVENTS = {
    "E011": ("2025-09-02", "maritime_strike", "XXC"),  # the first boat strike
    "E021": ("2025-10-21", "maritime_strike", "XXP"),  # the first strike in the eastern Pacific
    "E027": ("2025-11-13", "deployment", "USA"),  # Operation Southern Spear named
    "E032": ("2025-12-04", "diplomatic", "USA"),  # the National Security Strategy
    "E038": ("2026-01-03", "raid", "VEN"),  # Operation Absolute Resolve
    "E053": ("2026-02-22", "intelligence_support", "MEX"),  # El Mencho
    "E060": ("2026-03-06", "joint_operation", "ECU"),  # the Sucumbíos camp
    "E061": ("2026-03-07", "diplomatic", "USA"),  # the Doral summit
}
#: How far (degrees) a point may lie from its country's shape: coasts, airspace and islands.
NEAR_COUNTRY_DEGREES = 1.0


def test_all_seventy_events_load_with_unique_ids_and_sources():
    events = load_operations()
    assert len(events) == 70 and events.id.is_unique
    assert events.source_urls.map(len).min() >= 1 and events.source_urls.map(len).max() <= 3


def test_the_key_events_keep_their_dates_categories_and_places():
    events = load_operations()
    for event_id, (date, category, country) in KEY_EVENTS.items():
        row = events.loc[event_id]
        assert (row.date.isoformat(), row.category, row.country_iso3) == (date, category, country), event_id


def test_every_category_has_a_map_style():
    assert set(load_operations().category) <= set(EVENT_CATEGORY_STYLES)


def test_points_lie_in_or_near_their_country_or_at_sea():
    events = load_operations()
    shapes = load_countries().set_index("iso3").geometry
    for row in events.itertuples():
        point = shapely.Point(row.lon, row.lat)
        if row.country_iso3 in SEA_CODES:
            assert row.location_approximate == "yes"
            assert not shapes.intersects(point).any(), f"{row.id} is coded to a sea but lies on land"
        elif row.country_iso3 in OUTSIDE_AMERICAS_CODES:
            assert row.lon > -30, f"{row.id} is coded outside the Americas but placed in them"
        else:
            distance = shapes[row.country_iso3].distance(point)
            assert distance <= NEAR_COUNTRY_DEGREES, f"{row.id} lies {distance:.1f}° from {row.country_iso3}"


def test_ranges_have_an_end_and_single_days_do_not():
    events = load_operations()
    ranges = events[events.date_precision == "range"]
    assert len(ranges) >= 5 and (ranges.end_date > ranges.date).all()
    assert events.loc[events.date_precision == "day", "end_date"].isna().all()


def test_tally_rows_are_boat_strikes_and_the_tallies_grow():
    events = load_operations()
    assert set(events.loc[events.tally == "yes", "id"]) == {"E026", "E034", "E037", "E050", "E052", "E065"}
    tallies = load_strike_tallies().sort_values("as_of")
    assert tallies.as_of.is_monotonic_increasing and tallies.strikes.is_monotonic_increasing
    assert tallies.deaths.is_monotonic_increasing
    assert tallies.iloc[0].as_of == dt.date(2025, 9, 2) and tallies.iloc[-1].deaths == 157


def test_every_tally_points_to_an_existing_event():
    events, tallies = load_operations(), load_strike_tallies()
    linked = tallies.event_id.dropna()
    assert set(linked) <= set(events.index)


def test_a_misspelt_country_gets_a_suggestion_and_a_strike_far_inland_is_refused(data_copy):
    path = data_copy / "operations.csv"

    def break_it(rows):
        rows[0]["country_iso3"] = "Venezuela"
        strike = next(row for row in rows if row["id"] == "E011")
        strike["lat"], strike["lon"] = "4.71", "-74.07"  # Bogotá, far from the Caribbean
        ranged = next(row for row in rows if row["id"] == "E016")
        ranged["end_date"] = ""

    rewrite(path, break_it)
    with pytest.raises(DataError) as caught:
        load_operations()
    message = str(caught.value)
    assert message.startswith("operations.csv: 3 problems found")
    assert 'value "Venezuela": is not an allowed value. Did you mean "VEN"?' in message
    assert "puts an event coded XXC outside the Caribbean Sea" in message
    assert 'column "end_date": is empty, but a date range needs an end date' in message


def test_a_tally_naming_an_unknown_event_is_refused(data_copy):
    rewrite(data_copy / "strike_tallies.csv", lambda rows: rows[0].update(event_id="E999"))
    with pytest.raises(DataError) as caught:
        load_strike_tallies()
    assert 'row 2, column "event_id", value "E999": names no row of operations.csv' in str(caught.value)
