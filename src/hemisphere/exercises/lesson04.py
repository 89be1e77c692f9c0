"""Lesson 4, "Mapping power": checks for the exercises students write in geopandas themselves.

Each expected answer is computed from the pack's data; each typical mistake is recognised by
computing that mistake too (areas in square degrees, on Web Mercator, in m², ...) and comparing.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..checks import Exercise, register
from ..coalition import coalition_map_frame, group_totals
from ..data import load_coalition, load_countries
from ..geo import WEB_MERCATOR, areas_km2, square_degrees

#: Answers within this relative difference count as equal: any true equal-area projection passes
#: (they differ by up to 1% on shapes with long straight edges, such as Canada's), no distorted one does.
AREA_TOLERANCE = 0.02
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
    if not isinstance(answer, pd.DataFrame) or "iso3" not in answer:
        raise TypeError("not a table with an iso3 column")
    return set(answer["iso3"])


def _is_geo_table_of(answer: object, expected: set[str]) -> bool:
    return (isinstance(answer, gpd.GeoDataFrame) and _codes(answer) == expected
            and answer.geometry.notna().all())


def _only_one_group(answer: object, _) -> bool:
    coalition = load_coalition()
    return any(_codes(answer) == set(coalition.loc[coalition.status == status, "iso3"]) for status in OUTSIDE_STATUSES)


register(Exercise(
    key="04-join",
    expected=_outside_codes,
    same=_is_geo_table_of,
    mistakes=(
        (lambda answer, _: not isinstance(answer, pd.DataFrame),
         "Give the filtered table itself (a GeoDataFrame), not a list, a count or a name."),
        (lambda answer, _: "iso3" not in answer,
         "Your table has no iso3 column. Keep it: the check uses it to see which states you kept."),
        (lambda answer, expected: not isinstance(answer, gpd.GeoDataFrame) and _codes(answer) == expected,
         "The right states, but the table lost its shapes: coalition.merge(countries) gives a plain "
         "DataFrame. Start from the GeoDataFrame: countries.merge(coalition, on='iso3')."),
        (_only_one_group,
         "You kept only one of the two groups. Keep the rows whose status is in a list of two: "
         "status.isin([...])."),
        (lambda answer, expected: _codes(answer) > expected,
         "Your table has extra states. Keep only the statuses 'excluded' and 'targeted'."),
        (lambda answer, expected: _codes(answer) < expected,
         "Some states are missing. Did the merge keep every state? Check len(states) first."),
    ),
    general_hint="Merge coalition into countries on iso3, then keep the rows whose status is "
                 "'excluded' or 'targeted'.",
))


# --- 04-areas: project before measuring -------------------------------------------------------------

def _shapes() -> gpd.GeoDataFrame:
    return load_countries().set_index("iso3")


def _has_row_numbers_for_labels(answer: object, expected: pd.Series) -> bool:
    answer = _series(answer)
    return len(answer) == len(expected) and not set(answer.index) & set(expected.index)


register(Exercise(
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
))


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


register(Exercise(
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
))


# --- 04-own-map: an open question, answered with a map, a legend and a table --------------------------

OWN_MAP_PARTS = ("a matplotlib figure", "a title", "a legend or colour bar", "a table with at least one row")


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


def _has_table(answer: object) -> bool:
    _, table = _own_map_parts(answer)
    return isinstance(table, (pd.DataFrame, pd.Series)) and len(table) > 0


register(Exercise(
    key="04-own-map",
    expected=lambda: OWN_MAP_PARTS,
    same=lambda answer, _: _has_title(answer) and _has_legend(answer) and _has_table(answer),
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
        (lambda answer, _: not _has_table(answer),
         "Add a table with the map's numbers (a DataFrame with at least one row): it is the text "
         "alternative for readers who cannot see the map."),
    ),
    general_hint="Give (figure, table): a map with a title and a legend, and a table of its numbers.",
))
