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


#: Events closer than this (degrees, north-south and east-west) count as one place on the explorer's map:
#: at the map's home zoom that is about a marker's width, so nearer ones would overlap.
SAME_PLACE_DEGREES = 3.0


def fan_positions(events: pd.DataFrame) -> dict[str, tuple[float, float, int | None]]:
    """For the explorer's map: each event's place and its number among the events there, in story order.

    Events within :data:`SAME_PLACE_DEGREES` of a place's first event share that place and are numbered
    0, 1, 2 … (the page fans them out by pixels, so they stay apart at any zoom); an event alone at
    its place gets None. Places are found through a grid of that size, so 10,000 events take no longer
    than a few hundred.
    """
    places: dict[tuple[int, int], list[tuple[float, float, list[str]]]] = {}
    found = []
    for event_id, lat, lon in zip(events.id, events.lat.tolist(), events.lon.tolist()):
        cell = (math.floor(lat / SAME_PLACE_DEGREES), math.floor(lon / SAME_PLACE_DEGREES))
        near = (place for row in (-1, 0, 1) for column in (-1, 0, 1)
                for place in places.get((cell[0] + row, cell[1] + column), ())
                if abs(place[0] - lat) < SAME_PLACE_DEGREES and abs(place[1] - lon) < SAME_PLACE_DEGREES)
        place = next(near, None)
        if place is None:
            place = (lat, lon, [])
            places.setdefault(cell, []).append(place)
        place[2].append(event_id)
        found.append((event_id, place))
    return {event_id: (place[0], place[1], place[2].index(event_id) if len(place[2]) > 1 else None)
            for event_id, place in found}
