"""Build data/seas.geojson: the two seas of the maritime campaign, from Natural Earth's marine polygons.

Re-runnable and deterministic: the same input gives the same bytes. Run it with ``make data`` or
``python scripts/build_seas.py [SOURCE] [OUTPUT]``.

Natural Earth has a Caribbean Sea polygon but no "eastern Pacific" one, so (data/README.md says why):
1. each sea is the union of the Natural Earth polygons named below (the Gulf of Honduras is part of the
   Caribbean; the Gulf of Panama part of the eastern Pacific);
2. the eastern Pacific is cut to a box: east of 120°W, between 10°S and 25°N;
3. shapes are simplified (0.05°, about 5 km) and coordinates rounded to 3 decimals (about 100 m).
"""

from __future__ import annotations

import sys
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import mapping

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the shared writer next to this script
from feature_collection import write_feature_collection  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "scripts" / "sources" / "ne_50m_geography_marine_polys_americas.geojson"
OUTPUT = ROOT / "data" / "seas.geojson"

TOLERANCE = 0.05  # degrees; a sea's outline, not a coastline anyone navigates by
DECIMALS = 3
EASTERN_PACIFIC_BOX = (-120, -10, -60, 25)  # west, south, east, north; the coast closes it in the east

SEAS = (
    {
        "sea": "caribbean",
        "name_en": "Caribbean Sea",
        "name_es": "Mar Caribe",
        "parts": ("Caribbean Sea", "Gulf of Honduras"),
        "box": None,
        "note": "Natural Earth's Caribbean Sea with the Gulf of Honduras, which Natural Earth draws apart.",
    },
    {
        "sea": "eastern_pacific",
        "name_en": "Eastern Pacific",
        "name_es": "Pacífico oriental",
        "parts": ("NORTH PACIFIC OCEAN", "SOUTH PACIFIC OCEAN", "Golfo de Panamá"),
        "box": EASTERN_PACIFIC_BOX,
        "note": "The pack's own cut: Natural Earth's North and South Pacific and the Gulf of Panama, east of "
                "120°W between 10°S and 25°N. No official boundary exists; the box holds every position "
                "the pack gives a Pacific strike.",
    },
)


def sea_geometry(marine: gpd.GeoDataFrame, parts: tuple[str, ...], box: tuple | None):
    found = marine[marine.name.isin(parts)]
    missing = set(parts) - set(found.name)
    if missing:
        raise ValueError(f"{SOURCE.name} has no polygon named {sorted(missing)}")
    geometry = shapely.union_all(found.geometry.values)
    if box:
        geometry = geometry.intersection(shapely.box(*box))
    geometry = geometry.simplify(TOLERANCE, preserve_topology=True)
    rounded = shapely.transform(geometry, lambda xy: np.round(xy, DECIMALS))
    return rounded if rounded.is_valid else shapely.make_valid(rounded)


def build(source: Path = SOURCE, output: Path = OUTPUT) -> Path:
    marine = gpd.read_file(source)
    features = []
    for sea in SEAS:
        geometry = sea_geometry(marine, sea["parts"], sea["box"])
        properties = {key: sea[key] for key in ("sea", "name_en", "name_es", "note")}
        properties["natural_earth_names"] = " | ".join(sea["parts"])
        features.append({"type": "Feature", "properties": properties, "geometry": mapping(geometry)})
    return write_feature_collection(features, output, DECIMALS)


if __name__ == "__main__":
    written = build(*[Path(arg) for arg in sys.argv[1:]])
    print(f"wrote {written} ({written.stat().st_size:,} bytes)")
