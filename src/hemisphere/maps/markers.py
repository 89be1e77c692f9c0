"""Where event markers go on a map: events that share a point are spread on a ring, so each can be seen."""

from __future__ import annotations

import math

import pandas as pd

#: Markers at the same point are spread on a small ring (degrees) so each can be seen and clicked.
RING_BASE_DEGREES = 0.6
RING_STEP_DEGREES = 0.25
RING_MAX_DEGREES = 3.0

def spread_positions(events: pd.DataFrame) -> dict[str, tuple[float, float]]:
    """Display positions: events sharing a point are placed on a ring around it, in story order."""
    positions = {}
    for (lat, lon), group in events.groupby(["lat", "lon"], sort=False):
        count = len(group)
        if count == 1:
            positions[group.id.iloc[0]] = (lat, lon)
            continue
        radius = min(RING_BASE_DEGREES + RING_STEP_DEGREES * count, RING_MAX_DEGREES)
        for position, event_id in enumerate(group.id):
            angle = 2 * math.pi * position / count
            positions[event_id] = (
                round(lat + radius * math.sin(angle), 4),
                round(lon + radius * math.cos(angle) / max(math.cos(math.radians(lat)), 0.2), 4),
            )
    return positions
