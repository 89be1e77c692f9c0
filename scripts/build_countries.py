"""Build data/countries.geojson from Natural Earth 1:50m (the cut in scripts/sources/).

Re-runnable and deterministic: the same input gives the same bytes. Run it with
``make data`` or ``python scripts/build_countries.py [SOURCE] [OUTPUT]``.

Processing, in order (data/README.md explains why):
1. clip every feature to longitudes -180..-10, which drops the Aleutian islands west of 180°;
2. simplify all borders together with ``simplify_coverage`` so neighbours keep sharing edges;
3. simplify Arctic islands that touch no other feature a little more (they never share a border);
4. round coordinates to 3 decimals (about 100 m) and keep only the attributes the pack uses.
"""

from __future__ import annotations

import sys
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import MultiPolygon, mapping

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the shared writer next to this script
from feature_collection import write_feature_collection  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "scripts" / "sources" / "ne_50m_admin_0_americas.geojson"
OUTPUT = ROOT / "data" / "countries.geojson"

COVERAGE_TOLERANCE = 0.03  # degrees; borders stay gap-free, small Caribbean islands keep their shape
ARCTIC_ISLAND_TOLERANCE = 0.1  # degrees; only for islands north of 60°N that share no border
ARCTIC_LATITUDE = 60
DECIMALS = 3
WEST, EAST = -180, -10

# The two features the source adds for France's and the Netherlands' Caribbean parts: their
# population and GDP are the whole European country's, so they are dropped (see data/README.md).
CLIPPED_PARTS = {
    "FRA": ("French Guiana, Guadeloupe and Martinique", "Guayana Francesa, Guadalupe y Martinica"),
    "NLD": ("Bonaire, Sint Eustatius and Saba", "Bonaire, San Eustaquio y Saba"),
}
# Natural Earth draws de facto borders; disputed areas are named for both sides.
NAMES = {
    "FLK": ("Falkland Islands (Islas Malvinas)", "Islas Malvinas (Falkland Islands)"),
    "BHS": ("Bahamas", "Bahamas"),
    "USA": ("United States", "Estados Unidos"),
}
NOTES = {
    "FLK": "Administered by the United Kingdom; claimed by Argentina.",
    "GUY": "Natural Earth draws the Essequibo region, which Venezuela claims, inside Guyana, which administers it.",
    "VEN": "Venezuela claims the Essequibo region, which Guyana administers; the map follows the de facto border.",
    "BLZ": "Guatemala claims part of Belize; the case is before the International Court of Justice.",
    "SGS": "Administered by the United Kingdom; claimed by Argentina.",
    "USA": "Alaska's Aleutian islands west of 180° are cut off so the map does not wrap around the globe.",
}


def is_state(row) -> bool:
    return row.TYPE in ("Sovereign country", "Sovereignty") or row.ADM0_A3 == "USA"


def simplified_geometries(frame: gpd.GeoDataFrame) -> list:
    clipped = frame.geometry.clip_by_rect(WEST, -90, EAST, 90)
    covered = list(clipped.simplify_coverage(COVERAGE_TOLERANCE).values)
    return [_simplify_lonely_arctic_islands(i, covered) for i in range(len(covered))]


def _simplify_lonely_arctic_islands(index: int, geometries: list):
    others = [g for j, g in enumerate(geometries) if j != index]
    parts = []
    for part in shapely.get_parts(geometries[index]):
        lonely = not any(part.intersects(other) for other in others)
        if lonely and part.bounds[1] > ARCTIC_LATITUDE:
            part = part.simplify(ARCTIC_ISLAND_TOLERANCE)
        if not part.is_empty:
            parts.append(part)
    geometry = MultiPolygon(parts) if len(parts) > 1 else parts[0]
    rounded = shapely.transform(geometry, lambda xy: np.round(xy, DECIMALS))
    return shapely.make_valid(rounded) if not rounded.is_valid else rounded


def properties(row, geometry) -> dict:
    code = row.ADM0_A3
    name_en, name_es = CLIPPED_PARTS.get(code) or NAMES.get(code) or (row.NAME_EN, row.NAME_ES)
    whole_country_figures = code in CLIPPED_PARTS
    label = geometry.representative_point() if whole_country_figures else None
    return {
        "iso3": code,
        "name_en": name_en,
        "name_es": name_es,
        "kind": "state" if is_state(row) else "territory",
        "sovereign": "" if is_state(row) else row.SOVEREIGNT,
        "pop_est": None if whole_country_figures else int(row.POP_EST),
        "pop_year": None if whole_country_figures else int(row.POP_YEAR),
        "gdp_musd": None if whole_country_figures else int(row.GDP_MD),
        "gdp_year": None if whole_country_figures else int(row.GDP_YEAR),
        "label_lon": round(label.x if label else float(row.LABEL_X), DECIMALS),
        "label_lat": round(label.y if label else float(row.LABEL_Y), DECIMALS),
        "note": NOTES.get(code, ""),
    }


def build(source: Path = SOURCE, output: Path = OUTPUT) -> Path:
    frame = gpd.read_file(source)
    geometries = simplified_geometries(frame)
    features = [
        {"type": "Feature", "properties": properties(row, geometry), "geometry": mapping(geometry)}
        for row, geometry in zip(frame.itertuples(), geometries)
    ]
    features.sort(key=lambda feature: feature["properties"]["iso3"])
    return write_feature_collection(features, output, DECIMALS)


if __name__ == "__main__":
    arguments = [Path(arg) for arg in sys.argv[1:]]
    written = build(*arguments)
    print(f"wrote {written} ({written.stat().st_size:,} bytes)")
