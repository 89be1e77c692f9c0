"""The map of the sequence of operations: events as shaped markers over a muted coalition map.

:func:`event_records` turns events into the cards and table cells that the map, the explorer's
detail panel and its table all show, so the three never disagree. :func:`operations_map` builds
the offline map page; it carries its own step control, so a saved file steps through time with no
kernel and no network.
"""

from __future__ import annotations

from collections import namedtuple

import pandas as pd

from ..topics.coalition import coalition_map_frame
from ..data.loaders import PACK_EVENTS
from ..data.text import first_sentence
from .markers import fan_positions, spread_positions
from .page import AMERICAS_BOUNDS, MapDecorations, MapView, PointsLayer, ShapesLayer, StepControl, base_map, status_features, status_patterns
from .palette import EVENT_CATEGORY_STYLES
from ..topics.operations import story

HEADLINE_CHARS = 110
#: How far inside the home view's edge an event off the map is drawn (degrees).
EDGE_INSET_DEGREES = 2.0
MARKER_FIELDS = ("id", "lat", "lon", "category", "shape", "colour", "approximate", "label")
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


def _edge_position(lat: float, lon: float) -> tuple[float, float, str] | None:
    """A point off the map's home view (Geneva, Tehran), moved just inside its nearest edge, with an
    arrow pointing the way to the real place; None for a point inside the view."""
    (south, west), (north, east) = AMERICAS_BOUNDS
    inside = EDGE_INSET_DEGREES
    if lon > east:
        return min(max(lat, south + inside), north - inside), east - inside, "\u2192"
    if lon < west:
        return min(max(lat, south + inside), north - inside), west + inside, "\u2190"
    if lat > north:
        return north - inside, lon, "\u2191"
    if lat < south:
        return south + inside, lon, "\u2193"
    return None


def event_records(events: pd.DataFrame | None = None) -> list[dict]:
    """One record per event, in story order: where its marker goes and how it looks, and the text of
    its cards and table row (:func:`popup_card`, :func:`detail_card`, :func:`table_cells`). Every
    value is plain text; the page and the widgets insert it as text."""
    return story_records(story(events))


def story_records(ordered: pd.DataFrame) -> list[dict]:
    """:func:`event_records` of events already in story order (what :func:`~hemisphere.topics.operations.story` returns)."""
    positions = spread_positions(ordered)
    fans = fan_positions(ordered)
    records = []
    # Plain lists, not itertuples: a teacher's file may hold 10,000 events, and pandas boxes every cell.
    Row = namedtuple("Row", list(ordered.columns), rename=True)
    for row in map(Row._make, zip(*(ordered[column].tolist() for column in ordered.columns))):
        style = EVENT_CATEGORY_STYLES[row.category]
        title = f"{row.date_text}: {style.label}"
        approximate = row.location_approximate == "yes"
        where = row.place if row.country in row.place or row.country_iso3 in ("XXC", "XXP") \
            else f"{row.place} ({row.country})"
        short = headline(row.summary)
        lat, lon = positions[row.id]
        edge = _edge_position(lat, lon)
        *place, fan = fans[row.id]
        fan = None if edge else fan
        position_note = "approximate" if approximate else None
        if edge:
            lat, lon, arrow = edge
            position_note = f"off this map: shown at its edge, with an arrow ({arrow}) pointing the way"
        records.append({
            "id": row.id,
            "step": int(row.step),
            "date": row.date.isoformat(),
            "date_text": row.date_text,
            "category": row.category,
            "category_label": style.label,
            "country": row.country,
            "country_iso3": row.country_iso3,
            "lat": lat,
            "lon": lon,
            "point": place,
            "fan": fan,
            "edge": f"{row.place} {arrow}" if edge else None,
            "shape": style.shape,
            "colour": style.colour,
            "approximate": approximate or bool(edge),
            "where": where,
            "headline": short,
            "label": f"{title}. {short}",
            "title": title,
            "summary": row.summary,
            "actors": row.actors,
            "casualties": _text(row.casualties),
            "position_note": position_note,
            "added_from": _added_from(row),
            "notes": _text(row.notes),
            "sources": list(row.source_urls),
            "confidence": row.confidence,
        })
    return records


def card_rows(record: dict) -> list[list]:
    """The rows of an event's popup, labelled; rows with no value are left out when drawn."""
    return [
        ["Where", record["where"]],
        ["What happened", record["summary"]],
        ["Who", record["actors"]],
        ["Casualties", record["casualties"]],
        ["Confidence", CONFIDENCE_WORDS[record["confidence"]]],
        ["Map position", record["position_note"]],
        ["Added from", record["added_from"]],
    ]


def popup_card(record: dict) -> dict:
    """The card a marker's popup shows on the saved map (the explorer shows its own beside the map)."""
    return {"title": record["title"], "rows": card_rows(record), "sources": record["sources"]}


def detail_card(record: dict) -> dict:
    """The card of the current event beside the explorer's map: the popup's rows, the notes and the event's id."""
    return {"title": record["title"], "rows": [*card_rows(record), ["Notes", record["notes"]], ["Event", record["id"]]],
            "sources": record["sources"]}


def table_cells(record: dict) -> list[str]:
    """The event's row in the events table, in the order of :data:`TABLE_COLUMNS`."""
    return [record["date_text"], record["headline"], record["country"], record["category_label"], record["confidence"]]


TABLE_COLUMNS = ["Date", "What happened", "Where", "Kind of event", "Confidence"]


def events_table(events: pd.DataFrame | None = None, records: list[dict] | None = None) -> pd.DataFrame:
    """The events in story order as a table, the map's text alternative: whole summaries and every source link.

    (The explorer's own table keeps the short headlines; this one is the full list.)
    """
    records = event_records(events) if records is None else records
    table = pd.DataFrame([table_cells(record) for record in records], columns=TABLE_COLUMNS)
    table["What happened"] = [dict(card_rows(record))["What happened"] for record in records]
    table.insert(0, "Event", [record["id"] for record in records])
    table["Sources"] = [tuple(record["sources"]) for record in records]
    return table


def event_legend(records: list[dict], folded: bool = False) -> dict:
    """The key to the markers; ``folded`` starts it closed (a reader opens it), so it leaves the map clear."""
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
        "collapsible": True,  # a reader can fold it to see the map behind
        "collapsed": folded,
        "items": items,
        "notes": [
            "Countries are shaded, faintly, by their part in the Doral summit (lesson 1).",
            "Events at the same place are spread around it. Click a marker for "
            + ("its card and sources beside the map." if folded else "sources."),
        ],
    }


def marker(record: dict, standalone: bool = True) -> dict:
    """What the map page needs to draw one event; for a page an explorer drives (not ``standalone``),
    no tooltip or popup and a short label (the explorer's card beside the map tells the rest)."""
    point = {key: record[key] for key in MARKER_FIELDS}
    if not standalone:
        point["label"] = record["title"]
        if record["fan"] is not None:  # fanned out around the shared point by the page, in pixels
            point["lat"], point["lon"] = record["point"]
            point["fan"] = record["fan"]
    if record["edge"]:
        point["edge"] = record["edge"]
    if standalone:
        point["tooltip"] = {"title": record["title"], "rows": [["Where", record["where"]], ["In short", record["headline"]]]}
        point["popup"] = popup_card(record)
    return point


def operations_map(events: pd.DataFrame | None = None, web_tiles: bool = False,
                   records: list[dict] | None = None, standalone: bool = True) -> MapView:
    """Every event as a marker (colour and shape by category) over a muted coalition map, with an
    in-map Previous / Play / Next control that works in a saved file with no kernel or network.

    ``records`` (from :func:`event_records`) can be passed in when the caller already has them;
    ``standalone=False`` makes the page an explorer drives: markers in compact columns, no tooltips,
    popups or step control (the explorer has its own card and controls), so each event's text
    reaches the browser once."""
    records = event_records(events) if records is None else records
    fmap = base_map(web_tiles)
    ShapesLayer(status_features(coalition_map_frame(), muted=True)).add_to(fmap)
    PointsLayer([marker(record, standalone) for record in records], compact=not standalone).add_to(fmap)
    if standalone:
        steps = [{"id": record["id"], "label": f'{record["date_text"]}: {record["headline"]}'} for record in records]
        StepControl(steps, "Step through the events in date order").add_to(fmap)
    title = "Map: US operations and related events in the Americas, January 2025 to April 2026"
    MapDecorations(status_patterns(), event_legend(records, folded=not standalone), title).add_to(fmap)
    return MapView(fmap, title, events_table(events, records))
