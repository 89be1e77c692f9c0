"""Write GeoJSON the same way every time: one feature a line, no spaces, floats rounded.

Shared by the build scripts, so a rebuild from the same input gives the same bytes (tests compare them).
"""

from __future__ import annotations

import json
from pathlib import Path


def write_feature_collection(features: list[dict], output: Path, decimals: int) -> Path:
    lines = [json.dumps(_plain(feature, decimals), ensure_ascii=False, separators=(",", ":")) for feature in features]
    output.write_text('{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n", encoding="utf-8")
    return output


def _plain(value, decimals: int):
    """Tuples to lists and floats rounded, so the JSON is the same whatever shapely returns."""
    if isinstance(value, dict):
        return {key: _plain(item, decimals) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item, decimals) for item in value]
    if isinstance(value, float):
        return round(value, decimals)
    return value
