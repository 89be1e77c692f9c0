"""The map of the sequence of operations: events as shaped markers over a muted coalition map.

:func:`event_records` turns events into the cards and table cells that the map, the explorer's
detail panel and its table all show, so the three never disagree. :func:`operations_map` builds
the offline map page; it carries its own step control, so a saved file steps through time with no
kernel and no network.
"""

from __future__ import annotations

import pandas as pd

from ..topics.coalition import coalition_map_frame
from ..data.loaders import PACK_EVENTS
from ..data.text import first_sentence
from .markers import spread_positions
from .page import MapDecorations, MapView, PointsLayer, ShapesLayer, StepControl, base_map, status_features, status_patterns
from .palette import EVENT_CATEGORY_STYLES
from ..topics.operations import story

HEADLINE_CHARS = 110
CONFIDENCE_WORDS = {
    "high": "high (an official source, or reputable outlets of two different owners)",
    "medium": "medium (one reputable outlet, or a copy of a wire story)",
    "low": "low (a single report nobody else has confirmed)",
}


def headline(summary: str) -> str:
    """The summary's first sentence, cut to a table-friendly length."""
    text = first_sentence(summary)
    return text if len(text) <= HEADLINE_CHARS else text[: HEADLINE_CHARS - 1].rstrip() + "…"


def _text(value) -> str | None:
    return value if isinstance(value, str) and value else None


def _added_from(row) -> str | None:
    """The teacher's file an event came from; None for the pack's own events."""
    origin = getattr(row, "origin", None)
    return origin if isinstance(origin, str) and origin != PACK_EVENTS else None


def event_records(events: pd.DataFrame | None = None) -> list[dict]:
    """One record per event, in story order: the map marker, its tooltip and popup, the detail card
    and the table cells. Every value is plain text; the page and the widget insert it as text."""
    ordered = story(events)
    positions = spread_positions(ordered)
    records = []
    for row in ordered.itertuples():
        style = EVENT_CATEGORY_STYLES[row.category]
        title = f"{row.date_text}: {style.label}"
        approximate = row.location_approximate == "yes"
        where = row.place if row.country in row.place or row.country_iso3 in ("XXC", "XXP") \
            else f"{row.place} ({row.country})"
        confidence = CONFIDENCE_WORDS[row.confidence]
        popup_rows = [
            ["Where", where],
            ["What happened", row.summary],
            ["Who", row.actors],
            ["Casualties", _text(row.casualties)],
            ["Confidence", confidence],
            ["Map position", "approximate" if approximate else None],
        ]
        if _added_from(row):
            popup_rows.append(["Added from", _added_from(row)])
        lat, lon = positions[row.id]
        records.append({
            "id": row.id,
            "step": int(row.step),
            "date": row.date.isoformat(),
            "date_text": row.date_text,
            "category": row.category,
            "category_label": style.label,
            "country_iso3": row.country_iso3,
            "lat": lat,
            "lon": lon,
            "shape": style.shape,
            "colour": style.colour,
            "approximate": approximate,
            "headline": headline(row.summary),
            "label": f"{title}. {headline(row.summary)}",
            "tooltip": {"title": title, "rows": [["Where", where], ["In short", headline(row.summary)]]},
            "popup": {"title": title, "rows": popup_rows, "sources": list(row.source_urls)},
            "card": {
                "title": title,
                "rows": [*popup_rows, ["Notes", _text(row.notes)], ["Event", row.id]],
                "sources": list(row.source_urls),
            },
            "cells": [row.date_text, headline(row.summary), row.country, style.label, row.confidence],
        })
    return records


TABLE_COLUMNS = ["Date", "What happened", "Where", "Kind of event", "Confidence"]


def events_table(events: pd.DataFrame | None = None, records: list[dict] | None = None) -> pd.DataFrame:
    """The events in story order as a table, the map's text alternative: whole summaries and every source link.

    (The explorer's own table keeps the short headlines; this one is the full list.)
    """
    records = event_records(events) if records is None else records
    table = pd.DataFrame([record["cells"] for record in records], columns=TABLE_COLUMNS)
    table["What happened"] = [dict(record["popup"]["rows"])["What happened"] for record in records]
    table.insert(0, "Event", [record["id"] for record in records])
    table["Sources"] = [tuple(record["card"]["sources"]) for record in records]
    return table


def event_legend(records: list[dict]) -> dict:
    present = {record["category"] for record in records}
    items = [
        {"label": style.label, "shape": style.shape, "colour": style.colour}
        for category, style in EVENT_CATEGORY_STYLES.items()
        if category in present
    ]
    items.append({"label": "Dashed outline: position approximate", "shape": "circle", "colour": "#FFFFFF",
                  "approximate": True})
    return {
        "title": "US operations and related events, 2025–2026",
        "collapsible": True,  # open at first; a reader can fold it to see the map behind
        "items": items,
        "notes": [
            "Countries are shaded, faintly, by their part in the Doral summit (lesson 1).",
            "Events at the same place are spread around it. Click a marker for sources.",
        ],
    }


def operations_map(events: pd.DataFrame | None = None, web_tiles: bool = False,
                   records: list[dict] | None = None) -> MapView:
    """Every event as a marker (colour and shape by category) over a muted coalition map, with an
    in-map Previous / Play / Next control that works in a saved file with no kernel or network.

    ``records`` (from :func:`event_records`) can be passed in when the caller already has them."""
    records = event_records(events) if records is None else records
    fmap = base_map(web_tiles)
    ShapesLayer(status_features(coalition_map_frame(), muted=True)).add_to(fmap)
    marker_fields = ("id", "lat", "lon", "category", "shape", "colour", "approximate", "label", "tooltip", "popup")
    PointsLayer([{key: record[key] for key in marker_fields} for record in records]).add_to(fmap)
    steps = [{"id": record["id"], "label": f'{record["date_text"]}: {record["headline"]}'} for record in records]
    StepControl(steps, "Step through the events in date order").add_to(fmap)
    title = "Map: US operations and related events in the Americas, January 2025 to April 2026"
    MapDecorations(status_patterns(), event_legend(records), title).add_to(fmap)
    return MapView(fmap, title, events_table(events, records))
