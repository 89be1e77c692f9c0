"""Measuring on a round Earth: projections, areas and distances (lesson 4's logic).

A map is flat and the Earth is not, so every map projection distorts something. Lesson 4 compares
three ways to measure area: in the degrees the data is stored in (EPSG:4326), on the web map's
projection (Web Mercator, EPSG:3857) and on an equal-area projection of the Americas. Distances are
measured along the Earth's surface (geodesic, on the WGS84 ellipsoid) with :class:`pyproj.Geod`.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import Geod

from ..data.loaders import load_countries, load_operations, load_seas
from ..data.vocabulary import EVENT_CATEGORIES, USES_OF_FORCE

#: Longitude and latitude in degrees: how the pack's files store positions.
WGS84 = "EPSG:4326"
#: The projection of web maps (Leaflet, OpenStreetMap, Google Maps): keeps angles, inflates areas
#: away from the equator (by 1/cos² of the latitude: four times at 60°).
WEB_MERCATOR = "EPSG:3857"
#: Lambert azimuthal equal-area centred on 15°N 80°W, in the western Caribbean, halfway along the
#: hemisphere from the Arctic to Cape Horn. Like every equal-area projection it keeps areas true
#: everywhere; centred here it also keeps shapes fair from Alaska to Tierra del Fuego, which a
#: projection made for one continent (such as North America Albers, ESRI:102008) does not.
AMERICAS_EQUAL_AREA = "+proj=laea +lat_0=15 +lon_0=-80 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"
#: The projections lesson 4 compares, with the words its tables and plots use.
PROJECTIONS = {
    WGS84: "Longitude/latitude (EPSG:4326)",
    WEB_MERCATOR: "Web Mercator (EPSG:3857)",
    AMERICAS_EQUAL_AREA: "Equal-area, centred on the Americas",
}
SQUARE_METRES_PER_KM2 = 1_000_000
#: The WGS84 ellipsoid: the shape of the Earth that GPS, the pack's data and these measures use.
GEOD = Geod(ellps="WGS84")


@dataclass(frozen=True)
class Place:
    name: str
    lon: float
    lat: float


#: US Southern Command headquarters, Doral, Florida: host of the 4-5 March 2026 conference, a few
#: kilometres from the summit venue (the pack's events research gives 25.81°N, 80.35°W).
DORAL = Place("US Southern Command headquarters, Doral, Florida", -80.35, 25.81)


#: Outlines get a vertex at least every degree before projecting. A long straight edge in longitude
#: and latitude (the USA-Canada border along 49°N) bends on most projections, so without the extra
#: vertices equal-area projections disagree by up to 2.4% on the USA; with them, by under 0.1%.
DENSIFY_DEGREES = 1.0


def densified(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The shapes with extra vertices along long edges (in longitude and latitude), ready to project."""
    return frame.set_geometry(frame.geometry.segmentize(DENSIFY_DEGREES))


def areas_km2(frame: gpd.GeoDataFrame, crs: str = AMERICAS_EQUAL_AREA) -> pd.Series:
    """Each shape's area in square kilometres, measured on ``crs`` (an equal-area projection by default)
    after densifying the outlines, so any equal-area projection gives the same areas."""
    return densified(frame).to_crs(crs).area / SQUARE_METRES_PER_KM2


def square_degrees(frame: gpd.GeoDataFrame) -> pd.Series:
    """Each shape's 'area' in squared longitude/latitude degrees: the wrong measure lesson 4 warns about.

    Computed with shapely directly, which (unlike geopandas) does not warn, so the lesson can show it.
    """
    return pd.Series(shapely.area(frame.geometry.values), index=frame.index)


#: The shapes lesson 4's area table compares: far north, middle and near the equator.
AREA_EXAMPLES = ("GRL", "CAN", "USA", "MEX", "VEN", "BRA", "ARG")


def area_comparison(countries: gpd.GeoDataFrame | None = None, codes: tuple[str, ...] = AREA_EXAMPLES) -> pd.DataFrame:
    """The same shapes measured three ways, with how many times Web Mercator inflates each."""
    countries = (load_countries() if countries is None else countries).set_index("iso3").loc[list(codes)]
    table = pd.DataFrame({
        "name": countries.name_en,
        "square_degrees": square_degrees(countries).round(1),
        "web_mercator_km2": areas_km2(countries, WEB_MERCATOR).round(-3).astype(int),
        "equal_area_km2": areas_km2(countries).round(-3).astype(int),
    })
    table["mercator_inflation"] = (table.web_mercator_km2 / table.equal_area_km2).round(1)
    table.index.name = "iso3"
    return table


def densifying_compared(projections: tuple[str, ...], code: str = "USA",
                        countries: gpd.GeoDataFrame | None = None) -> pd.DataFrame:
    """One shape's area on each projection, from its outline as stored and from the densified outline:
    what lesson 4 lets students discover about straight edges that bend."""
    shape = (load_countries() if countries is None else countries).set_index("iso3").loc[[code]]
    table = pd.DataFrame({
        "projection": [PROJECTIONS.get(crs, crs) for crs in projections],
        "as_stored_km2": [round(shape.to_crs(crs).area.iloc[0] / SQUARE_METRES_PER_KM2, -3) for crs in projections],
        "densified_km2": [round(areas_km2(shape, crs).iloc[0], -3) for crs in projections],
    }).astype({"as_stored_km2": int, "densified_km2": int})
    return table.set_index("projection")


def geodesic_km(lons, lats, origin: Place = DORAL) -> np.ndarray:
    """Distances in km along the Earth's surface (WGS84 ellipsoid) from ``origin`` to each point."""
    lons, lats = np.asarray(lons, dtype=float), np.asarray(lats, dtype=float)
    _, _, metres = GEOD.inv(np.full(lons.shape, origin.lon), np.full(lats.shape, origin.lat), lons, lats)
    return metres / 1000


def operation_points(operations: pd.DataFrame | None = None) -> gpd.GeoDataFrame:
    """The operations as points (longitude, latitude) in a GeoDataFrame, keyed by ``id``."""
    operations = load_operations() if operations is None else operations
    return gpd.GeoDataFrame(operations, geometry=gpd.points_from_xy(operations.lon, operations.lat), crs=WGS84)


def distances_from_doral(operations: pd.DataFrame | None = None,
                         categories: tuple[str, ...] = USES_OF_FORCE) -> pd.DataFrame:
    """The operations of the given categories, farthest from Doral first, with geodesic distances in km.

    ``position`` says whether the point is where it happened or only stands for a sea, a country or
    an undisclosed site (most strikes at sea): a distance to a nominal point is nominal too.
    """
    operations = load_operations() if operations is None else operations
    chosen = operations[operations.category.isin(categories)]
    table = pd.DataFrame({
        "date": chosen.date,
        "category": chosen.category.map(lambda category: EVENT_CATEGORIES[category].label),
        "place": chosen.place,
        "position": chosen.location_approximate.map({"yes": "nominal", "no": "reported"}),
        "distance_km": geodesic_km(chosen.lon, chosen.lat).round().astype(int),
    }, index=chosen.index)
    table.index.name = "id"
    return table.sort_values("distance_km", ascending=False, kind="stable")


def strikes_by_sea(operations: pd.DataFrame | None = None, seas: gpd.GeoDataFrame | None = None) -> pd.DataFrame:
    """Rows of boat strikes in each sea, month by month: a spatial join of their points to the seas.

    Counts rows of ``operations.csv`` (a first strike in a sea, a notable strike, or a report with
    the campaign's running tally), not every strike; the points are nominal (see data/README.md).
    """
    strikes = operation_points(operations).query("category == 'maritime_strike'")
    seas = load_seas() if seas is None else seas
    joined = gpd.sjoin(strikes, seas[["sea", "name_en", "geometry"]], predicate="within")
    months = pd.to_datetime(joined.date).dt.to_period("M").rename("month")
    counts = pd.crosstab(months, joined.name_en.rename("sea"))
    every_month = pd.period_range(counts.index.min(), counts.index.max(), freq="M", name="month")
    return counts.reindex(index=every_month, columns=list(seas.name_en), fill_value=0)
