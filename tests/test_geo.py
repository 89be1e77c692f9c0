"""Projections and distances agree with known values, so what lesson 4 teaches is true."""

import geopandas as gpd
import numpy as np
import pytest
import shapely
from pyproj import Geod

from hemisphere import load_countries, load_operations, load_seas
from hemisphere.data.vocabulary import USES_OF_FORCE
from hemisphere.topics.geo import (AMERICAS_EQUAL_AREA, DORAL, WEB_MERCATOR, Place, area_comparison,
                            areas_km2, distances_from_doral, geodesic_km, square_degrees, strikes_by_sea)

# Official total areas, km²: Brazil's statistics office, IBGE, 2023 (measured on an Albers equal-area
# projection), https://ibge.gov.br/geociencias/organizacao-do-territorio/estrutura-territorial/15761-areas-dos-municipios.html;
# Statistics Greenland, https://stat.gl/publ/en/SA/201002/content/Geography.htm
KNOWN_AREAS_KM2 = {"BRA": 8_510_418, "GRL": 2_166_086}


@pytest.fixture(scope="module")
def countries():
    return load_countries().set_index("iso3")


@pytest.mark.parametrize(("code", "known"), KNOWN_AREAS_KM2.items())
def test_equal_area_areas_match_the_official_ones(countries, code, known):
    """Within 1%: the boundaries are simplified (0.03°) and leave out some coastal water."""
    assert areas_km2(countries).loc[code] == pytest.approx(known, rel=0.01)


def test_the_equal_area_projection_agrees_with_areas_measured_on_the_ellipsoid(countries):
    geod = Geod(ellps="WGS84")
    for code in ("BRA", "GRL", "MEX", "ARG", "VEN", "CUB", "JAM"):
        shape = shapely.orient_polygons(countries.geometry[code])  # pyproj sums signed areas of the parts
        ellipsoid_km2 = abs(geod.geometry_area_perimeter(shape)[0]) / 1e6
        assert areas_km2(countries).loc[code] == pytest.approx(ellipsoid_km2, rel=0.002), code


@pytest.mark.parametrize("crs", ["ESRI:102008", "ESRI:102033", "EPSG:6933", "EPSG:8857", "EPSG:3573"])
def test_any_equal_area_projection_gives_the_same_areas_once_outlines_are_densified(countries, crs):
    """What lesson 4 lets students discover: North and South America Albers, EASE-Grid, Equal Earth and
    a polar Lambert projection all measure the USA at about 9.45 million km² after segmentize."""
    ours, theirs = areas_km2(countries), areas_km2(countries, crs)
    assert np.allclose(ours, theirs, rtol=0.002), crs
    assert theirs["USA"] == pytest.approx(9.45e6, rel=0.001)


def test_without_densifying_equal_area_projections_disagree_on_the_usa(countries):
    """The lesson's figures: about 1% more on AMERICAS_EQUAL_AREA, 2.4% less on South America Albers."""
    truth = areas_km2(countries)["USA"]
    raw = {crs: countries.to_crs(crs).area["USA"] / 1e6 for crs in (AMERICAS_EQUAL_AREA, "ESRI:102033")}
    assert raw[AMERICAS_EQUAL_AREA] / truth == pytest.approx(1.0097, abs=0.001)
    assert raw["ESRI:102033"] / truth == pytest.approx(0.976, abs=0.001)


def test_web_mercator_inflates_area_by_one_over_cos_squared_of_latitude():
    cells = gpd.GeoDataFrame(geometry=[shapely.box(-60.1, lat - 0.1, -59.9, lat + 0.1) for lat in (0, 45, 60)],
                             crs="EPSG:4326")
    inflation = (areas_km2(cells, WEB_MERCATOR) / areas_km2(cells)).to_numpy()
    assert inflation == pytest.approx([1.0, 2.0, 4.0], rel=0.01)


def test_the_area_table_shows_greenland_inflated_most_and_brazil_least():
    table = area_comparison()
    assert table.mercator_inflation.idxmax() == "GRL" and table.mercator_inflation["GRL"] > 10
    assert table.mercator_inflation["BRA"] < 1.2
    assert table.loc["GRL", "equal_area_km2"] < table.loc["BRA", "equal_area_km2"] / 3


def test_square_degrees_are_not_areas(countries):
    degrees = square_degrees(countries)
    assert degrees["GRL"] < degrees["BRA"] and degrees["CAN"] > 2 * degrees["BRA"]


def test_geodesic_distances_match_known_values():
    equator = Place("0°N 0°E", 0.0, 0.0)
    # WGS84: one degree of longitude at the equator is 2πa/360; a quarter meridian is 10,001.966 km.
    assert geodesic_km([1.0], [0.0], equator)[0] == pytest.approx(111.319491, abs=1e-6)
    assert geodesic_km([0.0], [90.0], equator)[0] == pytest.approx(10_001.966, abs=1e-3)
    # Published Vincenty distance, Miami (MIA) to Fort-de-France (FDF): 2,362.017 km (airmilescalculator.com);
    # its coordinates are rounded to the arcsecond, about 30 m.
    miami = Place("Miami International Airport", -(80 + 17 / 60 + 26 / 3600), 25 + 47 / 60 + 35 / 3600)
    assert geodesic_km([-(61 + 11 / 3600)], [14 + 35 / 60 + 27 / 3600], miami)[0] == pytest.approx(2362.017, abs=0.1)
    # Miami to Caracas is about 2,200 km by any great-circle calculator.
    assert 2150 < geodesic_km([-66.9036], [10.4806], miami)[0] < 2250


def test_doral_is_southern_command_headquarters_in_florida():
    assert (DORAL.lat, DORAL.lon) == (25.81, -80.35)
    united_states = load_countries().set_index("iso3").geometry["USA"]
    assert united_states.contains(shapely.Point(DORAL.lon, DORAL.lat))


def test_every_row_coded_to_a_sea_lies_in_that_sea_of_seas_geojson():
    """The two layers agree: the spatial join gives the same sea as the row's code (XXC, XXP)."""
    operations = load_operations()
    at_sea = operations[operations.country_iso3.isin(["XXC", "XXP"])]
    seas = load_seas().set_index("sea").geometry
    for row in at_sea.itertuples():
        sea = {"XXC": "caribbean", "XXP": "eastern_pacific"}[row.country_iso3]
        assert seas[sea].contains(shapely.Point(row.lon, row.lat)), row.id


def test_strikes_by_sea_counts_every_boat_strike_row_once_and_fills_empty_months():
    counts = strikes_by_sea()
    strikes = load_operations().query("category == 'maritime_strike'")
    assert counts.to_numpy().sum() == len(strikes)
    assert list(counts.columns) == ["Caribbean Sea", "Eastern Pacific"]
    assert counts.index.is_monotonic_increasing and len(counts) == counts.index[-1].ordinal - counts.index[0].ordinal + 1


def test_distances_from_doral_are_geodesic_sorted_and_mark_nominal_positions():
    table = distances_from_doral()
    assert table.distance_km.is_monotonic_decreasing
    assert set(table.position) == {"nominal", "reported"}
    operations = load_operations().set_index("id")
    assert set(operations.loc[table.index, "category"]) <= set(USES_OF_FORCE)
    caracas = operations.loc["E038"]
    assert table.loc["E038", "distance_km"] == round(geodesic_km([caracas.lon], [caracas.lat])[0])
    # Doral to Caracas: a little farther than Miami to Caracas (about 2,200 km)
    assert 2150 < table.loc["E038", "distance_km"] < 2300


def test_quiz_04_1_states_the_ratios_the_lessons_area_table_gives():
    """Greenland on the web map against Brazil, and Brazil against Greenland on the equal-area map."""
    from hemisphere.widgets.quiz import all_quizzes

    words = {3: "three", 4: "four", 5: "five"}
    table = area_comparison()
    on_web_map = round(table.web_mercator_km2["GRL"] / table.web_mercator_km2["BRA"])
    true_ratio = round(table.equal_area_km2["BRA"] / table.equal_area_km2["GRL"])
    prompt = next(question.prompt for question in all_quizzes()["04"] if question.id == "04-1")
    assert f"Greenland looks about {words[on_web_map]} times as large as Brazil" in prompt
    assert f"Brazil is about {words[true_ratio]} times larger" in prompt
