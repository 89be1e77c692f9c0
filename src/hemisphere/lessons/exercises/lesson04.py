"""Lesson 4, "Mapping power": checks for the exercises students write in geopandas themselves.

Each expected answer is computed from the pack's data; each typical mistake is recognised by
computing that mistake too (areas in square degrees, on Web Mercator, in m², ...) and comparing.
"""

from __future__ import annotations

import datetime as dt
import re

import geopandas as gpd
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from pyproj import CRS
from pyproj.exceptions import CRSError

from ..self_checks import Exercise
from ...topics.coalition import coalition_map_frame, group_totals
from ...data.vocabulary import USES_OF_FORCE
from ...data.loaders import load_coalition, load_countries, load_operations, load_seas
from ...topics.geo import (AMERICAS_EQUAL_AREA, DORAL, WEB_MERCATOR, WGS84, areas_km2, geodesic_km,
                   operation_points, square_degrees, strikes_by_sea)

#: Answers within this relative difference of the densified areas count as equal. Without densifying,
#: equal-area projections miss the USA by up to 2.4% (South America Albers, ESRI:102033; its long
#: straight border along 49°N bends), and every one of them must pass; Web Mercator misses Greenland
#: sixteenfold and a conformal projection such as UTM misses Mexico by over 20%, so neither does.
AREA_TOLERANCE = 0.03
OUTSIDE_STATUSES = ("excluded", "targeted")


def _series(answer: object) -> pd.Series:
    if not isinstance(answer, pd.Series):
        raise TypeError("not a Series")
    return answer


def _close(answer: object, expected: pd.Series, tolerance: float = AREA_TOLERANCE) -> bool:
    """Same labels and every value within ``tolerance`` of the expected one."""
    answer = _series(answer)
    if set(answer.index) != set(expected.index) or answer.index.has_duplicates:
        return False
    values = pd.to_numeric(answer.reindex(expected.index), errors="raise").to_numpy(dtype=float)
    return bool(np.allclose(values, expected.to_numpy(dtype=float), rtol=tolerance, atol=0))


# --- 04-join: join the shapes to the coalition table, keep two groups -------------------------------

def _outside_codes() -> set[str]:
    coalition = load_coalition()
    return set(coalition.loc[coalition.status.isin(OUTSIDE_STATUSES), "iso3"])


def _codes(answer: object) -> set[str]:
    """The states an answer kept, from its iso3 column or an index named iso3."""
    if isinstance(answer, pd.DataFrame) and "iso3" in answer:
        return set(answer["iso3"])
    if isinstance(answer, pd.DataFrame) and answer.index.name == "iso3":
        return set(answer.index)
    raise TypeError("not a table with an iso3 column")


def _is_geo_table_of(answer: object, expected: set[str]) -> bool:
    return (isinstance(answer, gpd.GeoDataFrame) and _codes(answer) == expected
            and answer.geometry.notna().all())


def _only_one_group(answer: object, _) -> bool:
    coalition = load_coalition()
    return any(_codes(answer) == set(coalition.loc[coalition.status == status, "iso3"]) for status in OUTSIDE_STATUSES)


JOIN = Exercise(
    key="04-join",
    expected=_outside_codes,
    same=_is_geo_table_of,
    mistakes=(
        (lambda answer, _: not isinstance(answer, pd.DataFrame),
         "Give the filtered table itself (a GeoDataFrame), not a list, a count or a name."),
        (lambda answer, _: "iso3" not in answer and answer.index.name != "iso3",
         "Your table has no iso3 column. Keep it: the check uses it to see which states you kept."),
        (lambda answer, _: len(answer) == 0,
         "Your table is empty. No state has two statuses at once, so a condition joined with & (and) "
         "matches nothing. Join the two conditions with | (or), or use status.isin([...])."),
        (lambda answer, expected: not isinstance(answer, gpd.GeoDataFrame) and _codes(answer) == expected,
         "The right states, but the table lost its shapes: coalition.merge(countries) gives a plain "
         "DataFrame. Start from the GeoDataFrame: countries.merge(coalition, on='iso3')."),
        (_only_one_group,
         "You kept only one of the two groups. Keep the rows whose status is in a list of two: "
         "status.isin([...])."),
        (lambda answer, expected: _codes(answer) > expected,
         "Your table has extra states. Keep only the statuses 'excluded' and 'targeted'."),
        (lambda answer, expected: _codes(answer) < expected,
         "Some of the left-out or targeted states are missing. Check that your condition names both "
         "statuses, spelt as in the table: 'excluded' and 'targeted'."),
    ),
    general_hint="Merge coalition into countries on iso3, then keep the rows whose status is "
                 "'excluded' or 'targeted'.",
)


# --- 04-areas: project before measuring -------------------------------------------------------------

def _shapes() -> gpd.GeoDataFrame:
    return load_countries().set_index("iso3")


def _has_row_numbers_for_labels(answer: object, expected: pd.Series) -> bool:
    answer = _series(answer)
    return (len(answer) == len(expected) and not set(answer.index) & set(expected.index)
            and pd.api.types.is_integer_dtype(answer.index))


def _has_other_labels(answer: object, expected: pd.Series) -> bool:
    """One value per row, labelled by something other than the expected codes (names, places, ...)."""
    answer = _series(answer)
    return len(answer) == len(expected) and not set(answer.index) & set(expected.index)


AREAS = Exercise(
    key="04-areas",
    expected=lambda: areas_km2(_shapes()),
    same=_close,
    mistakes=(
        (lambda answer, _: not isinstance(answer, pd.Series),
         "Give a pandas Series: one area per shape, with iso3 as its index (for example the result of "
         "GeoDataFrame.area after set_index('iso3'))."),
        (_has_row_numbers_for_labels,
         "Your Series is labelled 0, 1, 2 ...: call set_index('iso3') on the shapes before measuring, "
         "so each area is labelled with its country code."),
        (_has_other_labels,
         "Your Series has one value per shape, but its labels are not the iso3 codes (names, perhaps). "
         "Label it by code: set_index('iso3') on the shapes before measuring."),
        (lambda answer, expected: set(_series(answer).index) < set(expected.index),
         "Some shapes are missing: measure every row of countries, territories included."),
        (lambda answer, _: _close(answer, square_degrees(_shapes())),
         "Your areas look like square degrees: did you project first? Degrees of longitude shrink "
         "towards the poles, so they are not a unit of area. Use .to_crs(...) before .area."),
        (lambda answer, _: _close(answer, areas_km2(_shapes(), WEB_MERCATOR)),
         "These are Web Mercator areas: Greenland comes out sixteen times too big. Web Mercator keeps "
         "shapes and angles, not areas; project to AMERICAS_EQUAL_AREA instead."),
        (lambda answer, _: _close(answer, areas_km2(_shapes(), WEB_MERCATOR) * 1e6),
         "These are Web Mercator areas in square metres: use the equal-area projection, and divide "
         "by 1,000,000 for km²."),
        (lambda answer, expected: _close(answer, expected * 1e6),
         "Right projection, wrong unit: .area gives square metres. Divide by 1,000,000 for km²."),
    ),
    general_hint="Set iso3 as the index, project with .to_crs(AMERICAS_EQUAL_AREA), take .area "
                 "and divide by 1,000,000.",
)


# --- 04-projection: choose an equal-area projection ------------------------------------------------

#: Words in pyproj's name of a projection method that mark it as equal-area (Albers Equal Area,
#: Lambert Azimuthal Equal Area, Lambert Cylindrical Equal Area, Equal Earth, Mollweide, ...).
EQUAL_AREA_METHODS = ("equal area", "equal earth", "mollweide", "sinusoidal", "eckert iv", "eckert vi",
                      "goode homolosine", "hammer", "bonne", "quartic authalic")


def _method(answer: object) -> str:
    """The lower-case name of the projection method of a CRS given as text, a pyproj CRS or a frame."""
    crs = getattr(answer, "crs", answer)
    if crs is None:
        raise ValueError("no CRS")
    try:
        crs = CRS.from_user_input(crs)
    except CRSError as error:
        raise ValueError("unknown CRS") from error
    if crs.is_geographic:
        return "geographic"
    operation = crs.coordinate_operation
    return (operation.method_name if operation else crs.name).lower()


def _equal_area(answer: object, _=None) -> bool:
    return any(word in _method(answer) for word in EQUAL_AREA_METHODS)


def _unknown_crs(answer: object, _) -> bool:
    try:
        _method(answer)
    except ValueError:
        return True
    return False


PROJECTION = Exercise(
    key="04-projection",
    expected=lambda: "any equal-area projection",
    same=_equal_area,
    mistakes=(
        (_unknown_crs,
         "pyproj does not know that CRS. Write it as an authority and a number, for example "
         "'ESRI:102033', or as a proj string that starts with '+proj='."),
        (lambda answer, _: _method(answer) == "geographic",
         "That is longitude and latitude, not a projection: its units are degrees, which are not a unit "
         "of area. Choose a projected CRS whose name says 'equal area'."),
        (lambda answer, _: "mercator" in _method(answer),
         "Mercator projections (Web Mercator, UTM's Transverse Mercator) keep angles and local shapes, "
         "not areas. Choose one whose method is equal-area, such as Albers or Lambert azimuthal."),
        (lambda answer, _: "conformal" in _method(answer) or "stereographic" in _method(answer),
         "A conformal projection keeps angles and local shapes, not areas. Choose one whose method is "
         "equal-area, such as Albers Equal Area or Lambert Azimuthal Equal Area."),
        (lambda answer, _: "equidistant" in _method(answer),
         "An equidistant projection keeps distances from a point or along lines, not areas. Choose an "
         "equal-area one."),
    ),
    general_hint="Give a CRS whose projection method is equal-area, for example 'ESRI:102008' "
                 "(North America Albers) or 'ESRI:102033' (South America Albers); CRS('...').name tells you.",
)


# --- 04-area-shares: dissolve each group, measure on an equal-area projection --------------------

def _states() -> gpd.GeoDataFrame:
    frame = coalition_map_frame()
    return frame[frame.kind == "state"]


def _shares(measure: pd.Series, statuses: pd.Series) -> pd.Series:
    by_group = measure.groupby(statuses.to_numpy()).sum()
    return by_group / by_group.sum()


def _degree_shares() -> pd.Series:
    states = _states()
    return _shares(square_degrees(states), states.status)


def _mercator_shares() -> pd.Series:
    states = _states()
    return _shares(areas_km2(states, WEB_MERCATOR), states.status)


def _shares_of_every_shape() -> pd.Series:
    """Each group's area divided by the area of all 54 shapes, territories included."""
    states, everything = _states(), load_countries()
    return areas_km2(states).groupby(states.status.to_numpy()).sum() / areas_km2(everything).sum()


def _expected_area_shares() -> pd.Series:
    shares = group_totals(area=True).area_share
    return shares[shares > 0]


AREA_SHARES = Exercise(
    key="04-area-shares",
    expected=_expected_area_shares,
    same=_close,
    mistakes=(
        (lambda answer, _: isinstance(answer, pd.DataFrame),
         "Give one column, a Series, not the whole table: for example group_areas / group_areas.sum()."),
        (lambda answer, _: not isinstance(answer, pd.Series),
         "Give a pandas Series with one share per status group, labelled by status."),
        (lambda answer, expected: len(_series(answer)) > len(expected) + 1,
         "One value per status group, not per state: dissolve(by='status') first, then measure."),
        (lambda answer, expected: _close(answer / 100, expected),
         "Right numbers, but as percentages: give shares as fractions between 0 and 1."),
        (lambda answer, _: _close(answer, _degree_shares()),
         "Your areas look like square degrees: did you project first? Project the dissolved groups "
         "with .to_crs(AMERICAS_EQUAL_AREA) before .area."),
        (lambda answer, _: _close(answer, _mercator_shares()),
         "These shares come from Web Mercator areas, which inflate the north: the groups of the "
         "United States (host) and Canada (no reported role) grow. Use the equal-area projection."),
        (lambda answer, _: _close(answer, _shares_of_every_shape()),
         "Your shares add up to less than 1: you divided by the area of every shape, territories "
         "such as Greenland included. Divide by the total of the 35 states."),
        (lambda answer, _: "territory" in _series(answer).index,
         "Territories are not states and belong to no group: keep only the 35 states "
         "(an inner merge with coalition does that)."),
    ),
    general_hint="Dissolve the states by status, project to AMERICAS_EQUAL_AREA, take .area, "
                 "then divide each group's area by the sum.",
)


# --- 04-own-map: an open question, answered with a map, a legend and a table --------------------------

OWN_MAP_PARTS = ("a matplotlib figure on a projection", "a title", "a legend or colour bar",
                 "a second cue besides colour (hatching, marker shapes or labels)", "a table with at least one row")


def _figure_of(item: object) -> Figure | None:
    figure = getattr(item, "figure", item)  # an Axes knows its figure
    return figure if isinstance(figure, Figure) else None


def _own_map_parts(answer: object) -> tuple[Figure, object]:
    if not isinstance(answer, tuple) or len(answer) != 2 or _figure_of(answer[0]) is None:
        raise TypeError("not a (figure, table) pair")
    return _figure_of(answer[0]), answer[1]


def _has_title(answer: object) -> bool:
    figure, _ = _own_map_parts(answer)
    return bool(figure._suptitle and figure._suptitle.get_text()) or any(axis.get_title() for axis in figure.axes)


def _has_legend(answer: object) -> bool:
    figure, _ = _own_map_parts(answer)
    return bool(figure.legends) or any(
        axis.get_legend() is not None or hasattr(axis, "_colorbar") for axis in figure.axes
    )


def _legend_handles(figure: Figure) -> list:
    legends = list(figure.legends) + [axis.get_legend() for axis in figure.axes if axis.get_legend()]
    return [handle for legend in legends for handle in legend.legend_handles]


def _marker_shape(handle: object) -> object:
    """A legend entry's marker shape (plot() lines name it, scatter() collections draw it), or None."""
    if hasattr(handle, "get_marker"):
        marker = handle.get_marker()
        return None if marker in ("None", "", " ", None) else str(marker)
    if hasattr(handle, "get_paths") and handle.get_paths():
        return handle.get_paths()[0].vertices.round(3).tobytes()
    return None


def _has_second_cue(answer: object) -> bool:
    """Whether readers can decode the map without telling colours apart: hatching (on the map or in
    the legend), two or more marker shapes in the legend, or text labels on the map."""
    figure, _ = _own_map_parts(answer)
    handles = _legend_handles(figure)
    hatched = any(getattr(handle, "get_hatch", lambda: None)() for handle in handles) or any(
        getattr(artist, "get_hatch", lambda: None)() for axis in figure.axes
        for artist in [*axis.collections, *axis.patches])
    markers = {_marker_shape(handle) for handle in handles} - {None}
    labelled = any(axis.texts for axis in figure.axes)
    return hatched or len(markers) > 1 or labelled


def _in_degrees(answer: object) -> bool:
    """Whether every map panel is drawn in raw longitude and latitude (limits inside ±180, ±90)."""
    figure, _ = _own_map_parts(answer)
    panels = [axis for axis in figure.axes if axis.collections or axis.patches]
    return bool(panels) and all(
        max(map(abs, axis.get_xlim())) <= 180 and max(map(abs, axis.get_ylim())) <= 90 for axis in panels)


def _has_table(answer: object) -> bool:
    _, table = _own_map_parts(answer)
    return isinstance(table, (pd.DataFrame, pd.Series)) and len(table) > 0


OWN_MAP = Exercise(
    key="04-own-map",
    expected=lambda: OWN_MAP_PARTS,
    same=lambda answer, _: (_has_title(answer) and _has_legend(answer) and _has_second_cue(answer)
                            and not _in_degrees(answer) and _has_table(answer)),
    mistakes=(
        (lambda answer, _: not isinstance(answer, tuple) or len(answer) != 2,
         "Give two things in brackets: (figure, table), for example (ax.figure, my_table)."),
        (lambda answer, _: _figure_of(answer[0]) is None,
         "The first item should be your map's figure or axes (ax or ax.figure)."),
        (lambda answer, _: not _has_title(answer),
         "Your map has no title. Say what question it answers: ax.set_title('...')."),
        (lambda answer, _: not _has_legend(answer),
         "Your map has no legend, so readers cannot decode it: plot with legend=True, or call "
         "ax.legend(handles=...) with a label for each colour or pattern."),
        (lambda answer, _: not _has_second_cue(answer),
         "Your legend tells the groups apart by colour alone, which some readers cannot see. Add a "
         "second cue: hatching (hatch='///') on the shapes and in the legend, marker shapes, or labels."),
        (lambda answer, _: _in_degrees(answer),
         "Your map is drawn in raw longitude and latitude, which stretches the north. Project it first, "
         "for example states.to_crs(AMERICAS_EQUAL_AREA).plot(...), or the projection you chose."),
        (lambda answer, _: not _has_table(answer),
         "Add a table with the map's numbers (a DataFrame with at least one row): it is the text "
         "alternative for readers who cannot see the map."),
    ),
    general_hint="Give (figure, table): a projected map with a title, a legend with a second cue besides "
                 "colour, and a table of its numbers.",
)


# --- 04-distances: geodesic distances from Doral ------------------------------------------------------

#: Geodesic (ellipsoid) and great-circle (sphere) distances differ by up to 0.5%: both pass. Flat-map
#: distances are off by 2% (equal-area) to 20% (Web Mercator) for these points and do not.
DISTANCE_TOLERANCE = 0.006
NEAR_ZERO_KM = 1.0


def _operations() -> pd.DataFrame:
    return load_operations()


def _expected_distances() -> pd.Series:
    operations = _operations()
    return pd.Series(geodesic_km(operations.lon, operations.lat), index=operations.id.to_numpy())


def _close_km(answer: object, expected: pd.Series) -> bool:
    answer = _series(answer)
    if set(answer.index) != set(expected.index) or answer.index.has_duplicates:
        return False
    values = pd.to_numeric(answer.reindex(expected.index), errors="raise").to_numpy(dtype=float)
    return bool(np.allclose(values, expected.to_numpy(dtype=float), rtol=DISTANCE_TOLERANCE, atol=NEAR_ZERO_KM))


def _flat_distances(crs: str) -> pd.Series:
    """Straight-line distances in km measured on a flat map in ``crs``."""
    points = operation_points(_operations()).set_index("id").to_crs(crs)
    doral = gpd.GeoSeries(gpd.points_from_xy([DORAL.lon], [DORAL.lat]), crs=WGS84).to_crs(crs).iloc[0]
    return points.distance(doral) / 1000


def _degree_distances() -> pd.Series:
    operations = _operations()
    return pd.Series(np.hypot(operations.lon - DORAL.lon, operations.lat - DORAL.lat).to_numpy(),
                     index=operations.id.to_numpy())


DISTANCES = Exercise(
    key="04-distances",
    expected=_expected_distances,
    same=_close_km,
    mistakes=(
        (lambda answer, _: not isinstance(answer, pd.Series),
         "Give a pandas Series of distances in km, labelled by the operations' id."),
        (_has_row_numbers_for_labels,
         "Your Series is labelled 0, 1, 2 ...: label it with the operations' ids, for example "
         "pd.Series(values, index=operations.id)."),
        (_has_other_labels,
         "Your Series has one distance per row, but its labels are not the operations' ids (places or "
         "dates, perhaps). Label it by id: pd.Series(values, index=operations.id)."),
        (lambda answer, _: _series(answer).isna().any(),
         "Some distances are missing (NaN). Geod.inv takes longitudes first: inv(lon1, lat1, lon2, lat2). "
         "Swapped, a longitude such as -105 becomes an impossible latitude."),
        (lambda answer, _: _close_km(answer, _degree_distances()),
         "These look like degrees: Pythagoras on longitude and latitude. Degrees are not distances "
         "(a degree of longitude shrinks towards the poles). Use Geod(ellps='WGS84').inv(...)."),
        (lambda answer, _: _close_km(answer, _degree_distances() * 111.32),
         "Multiplying degrees by 111 km is right only for north-south steps: east-west degrees are "
         "shorter away from the equator. Use Geod(ellps='WGS84').inv(...)."),
        (lambda answer, expected: _close_km(answer, expected * 1000),
         "Right method, wrong unit: Geod.inv gives metres. Divide by 1,000 for km."),
        (lambda answer, _: _close_km(answer, _flat_distances(WEB_MERCATOR)),
         "These are straight lines on a flat map (Web Mercator), which stretches distances away from "
         "the equator. Measure along the Earth's surface with Geod(ellps='WGS84').inv(...)."),
        (lambda answer, _: _close_km(answer, _flat_distances(AMERICAS_EQUAL_AREA)),
         "These are straight lines on a flat map (the equal-area projection keeps areas, not "
         "distances). Measure along the Earth's surface with Geod(ellps='WGS84').inv(...)."),
    ),
    general_hint="Call geod.inv with Doral's longitude and latitude repeated once per operation and the "
                 "operations' lon and lat columns; divide the metres by 1,000; label by id.",
)


# --- 04-farthest: the uses of force farthest from Doral ---------------------------------------------

FARTHEST_COUNT = 3


def _farthest(operations: pd.DataFrame, ascending: bool = False) -> set[str]:
    distances = pd.Series(geodesic_km(operations.lon, operations.lat), index=operations.id.to_numpy())
    return set(distances.sort_values(ascending=ascending).index[:FARTHEST_COUNT])


def _force_rows() -> pd.DataFrame:
    operations = _operations()
    return operations[operations.category.isin(USES_OF_FORCE)]


def _ids(answer: object) -> set[str]:
    if isinstance(answer, str) or not hasattr(answer, "__iter__"):
        raise TypeError("not a list")
    return {str(item).strip().upper() for item in answer}


FARTHEST = Exercise(
    key="04-farthest",
    expected=lambda: _farthest(_force_rows()),
    same=lambda answer, expected: _ids(answer) == expected,
    mistakes=(
        (lambda answer, _: isinstance(answer, str),
         "Give a list of three ids, for example ['E001', 'E002', 'E003'], not a single string."),
        (lambda answer, _: len(_ids(answer)) != FARTHEST_COUNT,
         "Give exactly three ids: the three farthest uses of force."),
        (lambda answer, _: _ids(answer) == _farthest(_operations()),
         "Those are the farthest rows of the whole table, statements and meetings included. Keep only "
         "the uses of force first: category in maritime_strike, air_strike, raid, joint_operation."),
        (lambda answer, _: _ids(answer) == _farthest(_force_rows(), ascending=True),
         "Those are the nearest. Sort the distances in descending order (ascending=False)."),
        (lambda answer, expected: len(_ids(answer) & expected) == 2,
         "Two of your three are right. Check the filter on category, and that you sorted the distances "
         "of the filtered rows."),
    ),
    general_hint="Keep the rows whose category is a use of force, look up their distances, sort them "
                 "in descending order and take the first three ids.",
)


# --- 04-sea-counts: a spatial join of the strikes to the seas -----------------------------------------

def _sea_names() -> dict[str, str]:
    """Every way an answer may name a sea (its key or its English name), to the sea's key."""
    seas = load_seas()
    names = {key.lower(): key for key in seas.sea}
    names.update({name.lower(): key for name, key in zip(seas.name_en, seas.sea)})
    return names


MONTH_TEXT = re.compile(r"^\d{4}-\d{2}$")


def _is_month(label: object) -> bool:
    """Whether a row or column label names a whole month: a monthly Period, "2025-09", or a date on
    the first or last day of its month (what to_timestamp() and monthly resampling give)."""
    if isinstance(label, pd.Period):
        return label.freqstr.startswith("M")
    if isinstance(label, str):
        return bool(MONTH_TEXT.match(label.strip()))
    if isinstance(label, (dt.date, np.datetime64)):
        stamp = pd.Timestamp(label)
        return stamp == stamp.normalize() and (stamp.day == 1 or stamp.is_month_end)
    return False


def _month(label: object) -> str:
    if not _is_month(label):
        raise ValueError(f"not a month: {label}")
    return pd.Timestamp(str(label)).strftime("%Y-%m")


def _counts(answer: object) -> dict[tuple[str, str], int]:
    """(sea, "YYYY-MM") -> count, from a months x seas table or a two-level Series; zeros dropped."""
    if isinstance(answer, pd.DataFrame):
        answer = answer.stack()
    if not isinstance(answer, pd.Series) or answer.index.nlevels != 2:
        raise TypeError("not a table of months and seas")
    names = _sea_names()
    counts = {}
    for (first, second), count in answer.items():
        sea, month = (first, second) if str(first).lower() in names else (second, first)
        if str(sea).lower() not in names:
            raise ValueError(f"not a sea: {sea}")
        if count:
            key = (names[str(sea).lower()], _month(month))
            counts[key] = counts.get(key, 0) + int(count)
    return counts


def _expected_sea_counts() -> dict[tuple[str, str], int]:
    return _counts(strikes_by_sea())


def _every_event_at_sea() -> dict[tuple[str, str], int]:
    operations = _operations()
    at_sea = gpd.sjoin(operation_points(operations), load_seas()[["sea", "geometry"]], predicate="within")
    months = pd.to_datetime(at_sea.date).dt.strftime("%Y-%m")
    return {key: int(count) for key, count in at_sea.groupby([at_sea.sea, months]).size().items()}


def _time_labels(answer: object) -> list:
    """The labels of a table of seas that are not seas: its times."""
    table = answer.stack() if isinstance(answer, pd.DataFrame) else answer
    names = _sea_names()
    return [label for pair in table.index for label in pair if str(label).lower() not in names]


def _counted_by_year(answer: object) -> bool:
    times = _time_labels(answer)
    return bool(times) and all(str(label).isdigit() and len(str(label)) == 4 for label in times)


def _counted_by_day(answer: object) -> bool:
    times = _time_labels(answer)
    return bool(times) and any(not _is_month(label) and not pd.isna(pd.to_datetime(str(label), errors="coerce"))
                               for label in times)


def _more_than_strikes(answer: object, expected: dict) -> bool:
    counts = _counts(answer)
    return sum(counts.values()) > sum(expected.values()) and all(
        counts.get(key, 0) >= count for key, count in expected.items())


def _per_sea_only(answer: object, expected: dict) -> bool:
    if not isinstance(answer, pd.Series) or answer.index.nlevels != 1:
        return False
    names = _sea_names()
    totals = {names.get(str(sea).lower()): int(count) for sea, count in answer.items() if count}
    by_sea: dict[str, int] = {}
    for (sea, _), count in expected.items():
        by_sea[sea] = by_sea.get(sea, 0) + count
    return totals == by_sea


SEA_COUNTS = Exercise(
    key="04-sea-counts",
    expected=_expected_sea_counts,
    same=lambda answer, expected: _counts(answer) == expected,
    mistakes=(
        (lambda answer, _: isinstance(answer, (pd.DataFrame, pd.Series)) and len(answer) == 0,
         "Your join found nothing. With the points on the left, use predicate='within' (a point lies "
         "within a sea); 'contains' asks whether a point contains a whole sea, which never happens."),
        (_per_sea_only,
         "Right totals per sea, but the exercise asks for each sea month by month: group by sea and "
         "month, or use pd.crosstab(month, sea)."),
        (lambda answer, _: not isinstance(answer, (pd.DataFrame, pd.Series)),
         "Give a table of counts: months as rows and seas as columns (pd.crosstab gives one)."),
        (lambda answer, _: _counted_by_year(answer),
         "Count month by month, not year by year: take the month of each date, for example "
         "date.dt.to_period('M')."),
        (lambda answer, _: _counted_by_day(answer),
         "Your table counts day by day, but the exercise asks for months. Turn each date into its month "
         "first, for example date.dt.to_period('M'), then count."),
        (lambda answer, _: _counts(answer) == _every_event_at_sea(),
         "You counted every event at sea, deployments and a tanker seizure included. Keep only the "
         "rows whose category is maritime_strike before the join."),
        (_more_than_strikes,
         "You counted more than the strikes on boats: keep only the rows whose category is "
         "maritime_strike before the join."),
    ),
    general_hint="Make points from lon and lat, keep category 'maritime_strike', join them to the seas "
                 "with gpd.sjoin(..., predicate='within'), then count rows by month and sea.",
)

#: This lesson's exercises, in the order the notebook asks them.
EXERCISES = (JOIN, PROJECTION, AREAS, AREA_SHARES, OWN_MAP, DISTANCES, FARTHEST, SEA_COUNTS)
