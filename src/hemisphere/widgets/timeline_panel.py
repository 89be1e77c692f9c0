"""The panel beside the operations explorer's map: where the story stands at the current step.

For the current event: a line announced to screen readers, the running counts of strikes and reported
deaths (who counted, as of when) with what changed since the previous event, the event's card, the
"voices of the moment" (quotations said within a week of it), and a table of the events shown that
draws only the rows on screen. All of it is drawn in the browser (``assets/hemisphere-timeline.js``)
from data sent once, so stepping needs no kernel, in JupyterLab and in the static site alike.

The data is compact: one list per field, each event's text once, categories and confidence grades
by key, counts and quotations once each and referred to by position; the events' columns travel as
gzip-compressed JSON (``events_gzip``; the browser's ``DecompressionStream`` reads it), which keeps
10,000 events under 5 MB.
"""

from __future__ import annotations

import gzip
import json

import anywidget
import pandas as pd
import traitlets

from ..data.dates import spell_date
from ..maps.operations_map import CONFIDENCE_WORDS, detail_card
from ..maps.offline import package_asset
from ..maps.palette import EVENT_CATEGORY_STYLES
from ..topics.operations import QUALIFIER_WORDS, counts_in_force
from ..topics.perspectives import voices_near

#: The fields of ``events`` the browser reads, one list each, in story order.
EVENT_FIELDS = ("id", "date_text", "category", "where", "summary", "headline", "country", "actors", "casualties",
                "confidence", "position_note", "added_from", "notes", "sources")


def _count_rows(tallies: pd.DataFrame) -> list[dict]:
    return [{
        "strikes": int(row.strikes),
        "deaths": int(row.deaths),
        "strikes_text": f"{QUALIFIER_WORDS[row.strikes_qualifier]}{row.strikes}",
        "deaths_text": f"{QUALIFIER_WORDS[row.deaths_qualifier]}{row.deaths}",
        "as_of": spell_date(row.as_of),
        "counted_by": row.counted_by,
        "source": row.source_urls[0],
    } for row in tallies.itertuples()]


def _voice_rows(quotes: pd.DataFrame) -> list[dict]:
    return [{
        "speaker": row.speaker,
        "role": row.speaker_role,
        "date": spell_date(row.date),
        "words": row.translation if isinstance(row.translation, str) and row.translation else row.quote,
        "translated": isinstance(row.translation, str) and bool(row.translation),
        "source": row.source_urls[0],
    } for row in quotes.itertuples()]


class TimelinePanel(anywidget.AnyWidget):
    """Counts, card, voices and a table for the current step (see the module docstring)."""

    _esm = "\n".join(package_asset(name) for name in ("hemisphere-steplink.js", "hemisphere-text.js",
                                                       "hemisphere-timeline.js"))
    _css = package_asset("hemisphere-widgets.css")

    #: {field: [value per event]} for :data:`EVENT_FIELDS`, plus ``count`` (position in ``counts``,
    #: -1 before the first) and ``voices`` (positions in ``voices_said``), as gzip-compressed JSON.
    events_gzip = traitlets.Bytes(b"").tag(sync=True)
    categories = traitlets.Dict().tag(sync=True)  # key -> label
    confidence_words = traitlets.Dict().tag(sync=True)
    counts = traitlets.List().tag(sync=True)
    voices_said = traitlets.List().tag(sync=True)
    ids = traitlets.List(traitlets.Unicode()).tag(sync=True)
    step = traitlets.Int(-1).tag(sync=True, echo_update=False)
    columns = traitlets.List(traitlets.Unicode()).tag(sync=True)
    caption = traitlets.Unicode("").tag(sync=True)
    empty_message = traitlets.Unicode("Nothing to show.").tag(sync=True)
    #: The step slider this panel follows in the browser only ("" for none); see ``map_frame.StepSlider``.
    link_key = traitlets.Unicode("").tag(sync=True)

    @classmethod
    def for_records(cls, records: list[dict], tallies: pd.DataFrame | None = None,
                    quotes: pd.DataFrame | None = None, **kwargs) -> TimelinePanel:
        """A panel over ``records`` (from :func:`~hemisphere.maps.operations_map.event_records`),
        with the counts from ``strike_tallies.csv`` and the quotations from ``quotes.csv``."""
        days = [pd.Timestamp(record["date"]).date() for record in records]
        counts, in_force = counts_in_force(days, tallies)
        said, near = voices_near(days, quotes)
        events = {field: [record[field] for record in records] for field in EVENT_FIELDS}
        events["count"] = in_force
        events["voices"] = near
        packed = gzip.compress(json.dumps(events, ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
                               compresslevel=6, mtime=0)
        panel = cls(
            events_gzip=packed,
            categories={key: style.label for key, style in EVENT_CATEGORY_STYLES.items()},
            confidence_words=CONFIDENCE_WORDS,
            counts=_count_rows(counts), voices_said=_voice_rows(said), **kwargs,
        )
        panel._records = {record["id"]: record for record in records}
        return panel

    def event_columns(self) -> dict[str, list]:
        """The events' columns as the browser reads them (``events_gzip`` unpacked)."""
        return json.loads(gzip.decompress(self.events_gzip)) if self.events_gzip else {}

    @property
    def current_id(self) -> str | None:
        return self.ids[self.step] if 0 <= self.step < len(self.ids) else None

    def text(self) -> str:
        """The current event's card as plain text (the browser draws the same from the same data)."""
        if not self.ids:
            return self.empty_message
        if self.current_id is None:
            return "Press Next or Play to begin."
        card = detail_card(self._records[self.current_id])
        lines = [card["title"]]
        lines += [f"{label}: {value}" for label, value in card["rows"] if value not in (None, "")]
        if card["sources"]:
            lines.append("Sources: " + " | ".join(card["sources"]))
        return "\n".join(lines)
