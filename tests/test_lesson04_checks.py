"""Lesson 4's checks accept the reference solutions and answer each typical mistake with its hint."""

import geopandas as gpd
import matplotlib
import numpy as np
import pandas as pd
import pyproj
import pytest
import shapely
from pyproj import Geod

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after choosing the non-interactive backend)
from matplotlib.patches import Patch  # noqa: E402

from hemisphere import (AMERICAS_EQUAL_AREA, DORAL, WEB_MERCATOR, check, data_path, group_shares_chart,  # noqa: E402
                        group_totals, maritime_campaign, reach_map, strikes_by_sea)


@pytest.fixture(scope="module")
def countries():
    return gpd.read_file(data_path("countries.geojson"))


@pytest.fixture(scope="module")
def states(countries):
    coalition = pd.read_csv(data_path("coalition.csv"))
    return countries.merge(coalition[["iso3", "status", "confidence"]], on="iso3")


# --- 04-join -------------------------------------------------------------------------------------

def test_the_join_check_accepts_the_reference_solution_and_its_variants(states):
    assert check("04-join", states[states.status.isin(["excluded", "targeted"])])
    assert check("04-join", states[(states.status == "excluded") | (states.status == "targeted")])
    assert check("04-join", states.query("status in ['excluded', 'targeted']"))
    assert check("04-join", states[states.status.isin(["excluded", "targeted"])].set_index("iso3"))


@pytest.mark.parametrize(
    ("make_answer", "hint"),
    [
        (lambda states, coalition: coalition.merge(states[["iso3", "geometry"]], on="iso3")
         .query("status in ['excluded', 'targeted']"), "lost its shapes"),
        (lambda states, _: states[states.status == "excluded"], "only one of the two groups"),
        (lambda states, _: states[states.status != "member"], "extra states"),
        (lambda states, _: states[states.iso3.isin(["MEX", "BRA", "VEN"])], "targeted states are missing"),
        (lambda states, _: states[(states.status == "excluded") & (states.status == "targeted")],
         "Join the two conditions with | (or)"),
        (lambda states, _: len(states), "not a list, a count or a name"),
        (lambda states, _: states[["status", "geometry"]], "no iso3 column"),
    ],
)
def test_the_join_check_names_the_typical_mistakes(states, make_answer, hint):
    coalition = pd.DataFrame(states.drop(columns="geometry"))
    result = check("04-join", make_answer(states, coalition))
    assert not result and hint in result.message
    assert "merge keep every state" not in result.message


# --- 04-areas ------------------------------------------------------------------------------------

# --- 04-projection ------------------------------------------------------------------------------

@pytest.mark.parametrize("crs", [AMERICAS_EQUAL_AREA, "ESRI:102033", "ESRI:102008", "EPSG:6933", "EPSG:8857",
                                 "ESRI:54009", "EPSG:3573", pyproj.CRS("ESRI:102033")])
def test_the_projection_check_accepts_every_equal_area_projection(crs):
    assert check("04-projection", crs)


def test_the_projection_check_accepts_a_projected_frames_crs(countries):
    assert check("04-projection", countries.to_crs("ESRI:102033").crs)
    assert check("04-projection", countries.to_crs("ESRI:102033"))


@pytest.mark.parametrize(
    ("crs", "hint"),
    [
        ("EPSG:4326", "not a projection"),
        (WEB_MERCATOR, "Mercator projections"),
        ("EPSG:32618", "Mercator projections"),  # UTM zone 18N
        ("ESRI:102009", "conformal projection"),  # North America Lambert conformal conic
        ("ESRI:102010", "equidistant projection"),
        ("EPSG:999999", "pyproj does not know that CRS"),
    ],
)
def test_the_projection_check_says_what_a_wrong_projection_keeps(crs, hint):
    result = check("04-projection", crs)
    assert not result and hint in result.message


# --- 04-areas ------------------------------------------------------------------------------------

@pytest.mark.parametrize("crs", [AMERICAS_EQUAL_AREA, "ESRI:102008", "ESRI:102033", "EPSG:6933", "EPSG:8857",
                                 "EPSG:3573"])
def test_the_area_check_accepts_any_equal_area_projection_densified_or_not(countries, crs):
    shapes = countries.set_index("iso3")
    assert check("04-areas", shapes.to_crs(crs).area / 1e6), crs
    assert check("04-areas", shapes.segmentize(1).to_crs(crs).area / 1e6), crs


@pytest.mark.parametrize(
    ("make_answer", "hint"),
    [
        (lambda shapes: pd.Series(shapely.area(shapes.geometry.values), index=shapes.index),
         "look like square degrees: did you project first?"),
        (lambda shapes: shapes.to_crs(WEB_MERCATOR).area / 1e6, "Web Mercator areas"),
        (lambda shapes: shapes.to_crs(WEB_MERCATOR).area, "Web Mercator areas in square metres"),
        (lambda shapes: shapes.to_crs(AMERICAS_EQUAL_AREA).area, "Divide by 1,000,000"),
        (lambda shapes: shapes.reset_index().to_crs(AMERICAS_EQUAL_AREA).area / 1e6, "labelled 0, 1, 2"),
        (lambda shapes: shapes.set_index("name_en").to_crs(AMERICAS_EQUAL_AREA).area / 1e6,
         "labels are not the iso3 codes"),
        (lambda shapes: shapes.to_crs("EPSG:32618").area / 1e6, "Set iso3 as the index"),  # UTM: general hint
        (lambda shapes: shapes[shapes.kind == "state"].to_crs(AMERICAS_EQUAL_AREA).area / 1e6,
         "Some shapes are missing"),
        (lambda shapes: shapes.to_crs(AMERICAS_EQUAL_AREA), "Give a pandas Series"),
    ],
)
def test_the_area_check_names_the_typical_mistakes(countries, make_answer, hint):
    result = check("04-areas", make_answer(countries.set_index("iso3")))
    assert not result and hint in result.message
    if hint == "labels are not the iso3 codes":
        assert "0, 1, 2" not in result.message


# --- 04-area-shares ------------------------------------------------------------------------------

def group_areas(states, crs=AMERICAS_EQUAL_AREA):
    return states.dissolve(by="status").to_crs(crs).area


def test_the_share_check_accepts_the_reference_solution_and_the_package_table(states):
    areas = group_areas(states)
    assert check("04-area-shares", areas / areas.sum())
    assert check("04-area-shares", group_totals(area=True).area_share)
    for crs in ("ESRI:102033", "EPSG:6933"):
        areas = group_areas(states, crs)
        assert check("04-area-shares", areas / areas.sum()), crs


@pytest.mark.parametrize(
    ("make_answer", "hint"),
    [
        (lambda states, countries: group_areas(states) / group_areas(states).sum() * 100, "as percentages"),
        (lambda states, countries: group_areas(states, WEB_MERCATOR) / group_areas(states, WEB_MERCATOR).sum(),
         "Web Mercator"),
        (lambda states, countries: (lambda degrees: degrees / degrees.sum())(
            states.dissolve(by="status").geometry.map(lambda shape: shape.area)), "square degrees"),
        (lambda states, countries: group_areas(states) / countries.to_crs(AMERICAS_EQUAL_AREA).area.sum(),
         "territories such as Greenland included"),
        (lambda states, countries: (lambda areas: areas / areas.sum())(states.set_index("iso3").to_crs(
            AMERICAS_EQUAL_AREA).area), "One value per status group"),
        (lambda states, countries: pd.DataFrame({"share": group_areas(states) / group_areas(states).sum()}),
         "one column, a Series"),
    ],
)
def test_the_share_check_names_the_typical_mistakes(states, countries, make_answer, hint):
    result = check("04-area-shares", make_answer(states, countries))
    assert not result and hint in result.message


def test_no_hint_reveals_a_share_or_an_area(states):
    expected = group_totals(area=True).area_share
    for answer in (group_areas(states), group_areas(states, WEB_MERCATOR) / 1e6, pd.Series([0.5], index=["host"])):
        message = check("04-area-shares", answer).message
        assert not any(f"{share:.2f}"[1:] in message or f"{share * 100:.0f}%" in message for share in expected)


# --- group totals and their chart with area -------------------------------------------------------

def test_group_totals_with_area_adds_up_to_the_states_measured_one_by_one(states):
    totals = group_totals(area=True)
    assert totals.area_share.sum() == pytest.approx(1)
    assert totals.area_km2.sum() == pytest.approx((states.segmentize(1).to_crs(AMERICAS_EQUAL_AREA).area / 1e6).sum())
    assert "area_share" not in group_totals()


def test_the_share_chart_draws_one_panel_per_share_column():
    assert len(group_shares_chart(group_totals(area=True)).axes) == 3
    assert len(group_shares_chart(group_totals()).axes) == 2
    plt.close("all")


# --- 04-own-map ----------------------------------------------------------------------------------

def own_map(states, title=True, legend=True, hatch="///", projected=True):
    """A small map (four states keep the test quick) answering a question, or missing a part: colours
    with hatching in the shapes and in the legend, on the equal-area projection."""
    shapes = states.iloc[:4].to_crs(AMERICAS_EQUAL_AREA) if projected else states.iloc[:4]
    ax = shapes.plot(color=["#E69F00", "#56B4E9", "#E69F00", "#56B4E9"], hatch=hatch, edgecolor="black")
    if legend:
        ax.legend(handles=[Patch(facecolor="#E69F00", hatch=hatch, label="Member"),
                           Patch(facecolor="#56B4E9", label="Other")])
    if title:
        ax.set_title("Who joined?")
    return ax


def colour_only_map(states, projected=False):
    """geopandas' own categorical legend: coloured dots and nothing else."""
    shapes = states.iloc[:4].to_crs(AMERICAS_EQUAL_AREA) if projected else states.iloc[:4]
    ax = shapes.plot(column="status", categorical=True, legend=True)
    ax.set_title("Who joined?")
    return ax


def test_the_own_map_check_accepts_a_titled_map_with_a_legend_and_a_table(states):
    table = states.status.value_counts()
    assert check("04-own-map", (own_map(states), table))
    assert check("04-own-map", (own_map(states).figure, table.to_frame()))
    plt.close("all")


def test_labels_or_marker_shapes_are_a_second_cue_too(states):
    table = states.status.value_counts()
    labelled = colour_only_map(states, projected=True)
    for shape, name in zip(states.iloc[:4].to_crs(AMERICAS_EQUAL_AREA).geometry, states.iloc[:4].name_en):
        labelled.annotate(name, (shape.centroid.x, shape.centroid.y))
    assert check("04-own-map", (labelled, table))
    points = states.iloc[:4].to_crs(AMERICAS_EQUAL_AREA).centroid
    shapes = states.iloc[:4].to_crs(AMERICAS_EQUAL_AREA).plot(color="#DDDDDD")
    shapes.scatter(points.x[:2], points.y[:2], marker="o", label="Member")
    shapes.scatter(points.x[2:], points.y[2:], marker="^", label="Other")
    shapes.legend()
    shapes.set_title("Who joined?")
    assert check("04-own-map", (shapes, table))
    plt.close("all")


@pytest.mark.parametrize(
    ("projected", "hint"),
    [(False, "colour alone"), (True, "colour alone")],
)
def test_a_colour_only_legend_fails_projected_or_not(states, projected, hint):
    result = check("04-own-map", (colour_only_map(states, projected), states.status.value_counts()))
    plt.close("all")
    assert not result and hint in result.message


def test_an_unprojected_map_fails_even_with_hatching(states):
    result = check("04-own-map", (own_map(states, projected=False), states.status.value_counts()))
    plt.close("all")
    assert not result and "raw longitude and latitude" in result.message


@pytest.mark.parametrize(
    ("options", "table", "hint"),
    [
        ({"title": False}, "table", "no title"),
        ({"legend": False}, "table", "no legend"),
        ({}, "empty", "Add a table"),
        ({}, None, "Add a table"),
    ],
)
def test_the_own_map_check_names_what_is_missing(states, options, table, hint):
    tables = {"table": states.status.value_counts(), "empty": states.status.value_counts().iloc[:0], None: None}
    result = check("04-own-map", (own_map(states, **options), tables[table]))
    plt.close("all")
    assert not result and hint in result.message


def test_the_own_map_check_explains_the_shape_of_the_answer(states):
    assert "(figure, table)" in check("04-own-map", own_map(states)).message
    assert "figure or axes" in check("04-own-map", ("my map", states)).message
    plt.close("all")


# --- 04-distances and 04-farthest ------------------------------------------------------------------

@pytest.fixture(scope="module")
def operations():
    return pd.read_csv(data_path("operations.csv"), parse_dates=["date"])


def geodesic(operations, swap=False):
    count, geod = len(operations), Geod(ellps="WGS84")
    lons, lats = [DORAL.lon] * count, [DORAL.lat] * count
    if swap:
        _, _, metres = geod.inv(lats, lons, operations.lat, operations.lon)
    else:
        _, _, metres = geod.inv(lons, lats, operations.lon, operations.lat)
    return pd.Series(metres, index=operations.id)


def flat(operations, crs):
    points = gpd.GeoSeries(gpd.points_from_xy(operations.lon, operations.lat), crs="EPSG:4326", index=operations.id)
    doral = gpd.GeoSeries(gpd.points_from_xy([DORAL.lon], [DORAL.lat]), crs="EPSG:4326").to_crs(crs).iloc[0]
    return points.to_crs(crs).distance(doral) / 1000


def haversine_km(operations):
    lat1, lon1 = np.radians(DORAL.lat), np.radians(DORAL.lon)
    lat2, lon2 = np.radians(operations.lat.to_numpy()), np.radians(operations.lon.to_numpy())
    chord = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return pd.Series(2 * 6371.0 * np.arcsin(np.sqrt(chord)), index=operations.id)


def test_the_distance_check_accepts_the_ellipsoid_and_the_sphere(operations):
    assert check("04-distances", geodesic(operations) / 1000)
    assert check("04-distances", haversine_km(operations))


@pytest.mark.parametrize(
    ("make_answer", "hint"),
    [
        (lambda ops: geodesic(ops), "Divide by 1,000"),
        (lambda ops: geodesic(ops, swap=True) / 1000, "longitudes first"),
        (lambda ops: pd.Series(np.hypot(ops.lon - DORAL.lon, ops.lat - DORAL.lat).to_numpy(), index=ops.id),
         "These look like degrees"),
        (lambda ops: pd.Series(111.32 * np.hypot(ops.lon - DORAL.lon, ops.lat - DORAL.lat).to_numpy(), index=ops.id),
         "only for north-south steps"),
        (lambda ops: flat(ops, WEB_MERCATOR), "flat map (Web Mercator)"),
        (lambda ops: flat(ops, AMERICAS_EQUAL_AREA), "keeps areas, not distances"),
        (lambda ops: geodesic(ops).reset_index(drop=True) / 1000, "labelled 0, 1, 2"),
        (lambda ops: (geodesic(ops) / 1000).to_numpy(), "Give a pandas Series"),
    ],
)
def test_the_distance_check_names_the_typical_mistakes(operations, make_answer, hint):
    result = check("04-distances", make_answer(operations))
    assert not result and hint in result.message


FORCE = ["maritime_strike", "air_strike", "raid", "joint_operation"]


def test_the_farthest_check_accepts_the_reference_solution_in_any_order(operations):
    distances = geodesic(operations)
    force = operations[operations.category.isin(FORCE)]
    farthest = distances[force.id].sort_values(ascending=False).index[:3].tolist()
    assert farthest == ["E024", "E056", "E060"]  # the pack's data as of April 2026
    assert check("04-farthest", farthest[::-1])
    assert check("04-farthest", tuple(name.lower() for name in farthest))


@pytest.mark.parametrize(
    ("make_answer", "hint"),
    [
        (lambda ops, d, force: d.sort_values(ascending=False).index[:3].tolist(), "statements and meetings"),
        (lambda ops, d, force: d[force.id].sort_values().index[:3].tolist(), "Those are the nearest"),
        (lambda ops, d, force: d[force.id].sort_values(ascending=False).index[:4].tolist(), "exactly three"),
        (lambda ops, d, force: "E024", "not a single string"),
        (lambda ops, d, force: ["E024", "E056", "E021"], "Two of your three are right"),
    ],
)
def test_the_farthest_check_names_the_typical_mistakes(operations, make_answer, hint):
    distances = geodesic(operations)
    result = check("04-farthest", make_answer(operations, distances, operations[operations.category.isin(FORCE)]))
    assert not result and hint in result.message


# --- 04-sea-counts -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def points(operations):
    return gpd.GeoDataFrame(operations, geometry=gpd.points_from_xy(operations.lon, operations.lat), crs="EPSG:4326")


def joined(points, predicate="within", categories=("maritime_strike",)):
    seas = gpd.read_file(data_path("seas.geojson"))
    chosen = points if categories is None else points[points.category.isin(categories)]
    return gpd.sjoin(chosen, seas[["sea", "name_en", "geometry"]], predicate=predicate)


def test_the_sea_check_accepts_tables_by_month_in_either_layout(points):
    rows = joined(points)
    assert check("04-sea-counts", pd.crosstab(rows.date.dt.to_period("M"), rows.sea))
    assert check("04-sea-counts", pd.crosstab(rows.name_en, rows.date.dt.strftime("%Y-%m")))
    assert check("04-sea-counts", rows.groupby(["sea", rows.date.dt.to_period("M")]).size())
    assert check("04-sea-counts", strikes_by_sea())
    assert check("04-sea-counts", pd.crosstab(rows.date.dt.to_period("M").dt.to_timestamp(), rows.sea))
    assert check("04-sea-counts", rows.groupby(["sea", pd.Grouper(key="date", freq="MS")]).size())


@pytest.mark.parametrize(
    ("make_answer", "hint"),
    [
        # By month as text: pandas 2 cannot cross-tabulate an empty column of Periods.
        (lambda p: (lambda r: pd.crosstab(r.date.dt.strftime("%Y-%m"), r.sea))(joined(p, predicate="contains")),
         "predicate='within'"),
        (lambda p: (lambda r: pd.crosstab(r.date.dt.to_period("M"), r.sea))(joined(p, categories=None)),
         "deployments and a tanker seizure"),
        (lambda p: (lambda r: pd.crosstab(r.date.dt.to_period("M"), r.sea))(
            joined(p, categories=("maritime_strike", "deployment"))),
         "more than the strikes on boats"),
        (lambda p: joined(p).sea.value_counts(), "month by month"),
        (lambda p: (lambda r: pd.crosstab(r.date.dt.year, r.sea))(joined(p)), "not year by year"),
        (lambda p: (lambda r: pd.crosstab(r.date, r.sea))(joined(p)), "counts day by day"),
        (lambda p: (lambda r: pd.crosstab(r.date.dt.strftime("%Y-%m-%d"), r.sea))(joined(p)), "counts day by day"),
        (lambda p: len(joined(p)), "a table of counts"),
    ],
)
def test_the_sea_check_names_the_typical_mistakes(points, make_answer, hint):
    result = check("04-sea-counts", make_answer(points))
    assert not result and hint in result.message


def test_the_reach_and_sea_figures_name_every_symbol_in_a_legend():
    reach = reach_map()
    labels = [text.get_text() for text in reach.axes[0].get_legend().get_texts()]
    assert any(label.startswith("Strike on a boat") for label in labels) and any("Doral" in label for label in labels)
    sea_figure = maritime_campaign()
    map_labels = [text.get_text() for text in sea_figure.axes[0].get_legend().get_texts()]
    assert {"Caribbean Sea", "Eastern Pacific"} <= set(map_labels)
    plt.close("all")
