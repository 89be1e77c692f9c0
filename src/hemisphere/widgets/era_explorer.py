"""Lesson 3's era explorer: choose an era or a range of years; the map, the detail card and the tables follow.

Built on the pack's shared map widgets (:mod:`hemisphere.widgets.map_frame`). The map page is drawn once
(every event, with counts up to 2026) and travels to the browser once, in a
:class:`~hemisphere.widgets.map_frame.MapFrame`; the event cards travel once too, in a
:class:`~hemisphere.widgets.map_frame.RecordPanel`. Choosing an era sends only the ids to show, the shapes
whose fill and card change, the count labels and a caption: a few kilobytes, not a new 600 KB page.
Within an era, Previous / Next, a click on a marker and a click on a table row are tied in the
browser (``jslink``), so they need no Python.
"""

from __future__ import annotations

import threading

import ipywidgets as widgets
import pandas as pd

from ..data.loaders import load_history
from ..data.eras import ERAS, FIRST_YEAR, LAST_YEAR, era
from ..topics.history import counts_table, events_between, history_table, interventions
from ..maps.history_map import caption_text, event_points, history_map, label_texts, shape_changes
from .map_frame import MapFrame, RecordPanel
from .table_display import table_html
from ..data.safe_html import escape

ALL = "all"
CUSTOM = "custom"
RECORD_COLUMNS = ["Date", "Event", "Concerns", "Kind", "Counted as intervention", "Confidence"]
NOTHING_SHOWN = "No events began in these years. Choose another era or widen the years."


def history_records(history: pd.DataFrame) -> dict[str, dict]:
    """For each event, the card the panel shows (the map popup's content) and its row of the table."""
    cards = {point["id"]: point["popup"] for point in event_points(history)}
    table = history_table(history)
    cells = table[["Date", "Title", "Concerns", "Kind", "Counted as intervention", "Confidence"]].values.tolist()
    return {event_id: {"card": cards[event_id], "cells": row} for event_id, row in zip(table.Id, cells)}


def details_block(title: str, body: str) -> str:
    """A section that opens and closes with a click or the keyboard (Enter on its title)."""
    return f"<details><summary><strong>{escape(title)}</strong></summary>{body}</details>"


def counts_html(frame: pd.DataFrame) -> str:
    """The counts table in full, or a sentence when no state had a recorded intervention yet."""
    if frame.empty:
        return "<p>No state had a recorded intervention by then.</p>"
    return table_html(frame.reset_index(drop=True), sortable=False)  # shown in an HTML widget: no script runs


class EraExplorer(widgets.VBox):
    """Era and year controls, the shared map frame, the shared record panel and the counts table."""

    def __init__(self, history: pd.DataFrame | None = None):
        self.history = load_history() if history is None else history
        self._lock = threading.RLock()
        self._syncing = False
        all_ids = list(self.history.id)
        self.era = widgets.Dropdown(
            options=[("Every era, 1823–2026", ALL)] + [(item.heading, item.key) for item in ERAS]
            + [("Custom years (type them)", CUSTOM)],
            value=ALL, description="Era:", layout=widgets.Layout(width="420px"),
        )
        # Two labelled number boxes rather than a range slider: the slider's two handles have no
        # accessible names (axe flags them), while a box can be typed in or stepped with the arrow keys.
        self.first_year = widgets.BoundedIntText(value=FIRST_YEAR, min=FIRST_YEAR, max=LAST_YEAR, step=1,
                                                 description="From year:", continuous_update=False,
                                                 layout=widgets.Layout(width="190px"))
        self.last_year = widgets.BoundedIntText(value=LAST_YEAR, min=FIRST_YEAR, max=LAST_YEAR, step=1,
                                                description="to year:", continuous_update=False,
                                                layout=widgets.Layout(width="190px"))
        self.summary = widgets.HTML()
        self.map = MapFrame.from_view(history_map(history=self.history, all_events=True), all_ids, step=-1)
        self.panel = RecordPanel(records=history_records(self.history), ids=all_ids, step=-1,
                                 columns=RECORD_COLUMNS, empty_message=NOTHING_SHOWN,
                                 caption="Events shown, by date (click a row to go to it)")
        self.counts = widgets.HTML()
        self._links = [widgets.jslink((self.map, "step"), (self.panel, "step"))]
        self.era.observe(self._on_era, names="value")
        self.first_year.observe(self._on_years, names="value")
        self.last_year.observe(self._on_years, names="value")
        super().__init__([
            widgets.HTML("<strong>Era explorer.</strong> Choose an era, or type the first and last year. The "
                         "shading counts recorded US interventions up to the last year; markers show the events "
                         "that began in those years. Use Previous and Next, click a marker or click a row of the "
                         "table to open an event's card with its sources."),
            widgets.HBox([self.era, self.first_year, self.last_year], layout=widgets.Layout(flex_flow="row wrap")),
            self.summary,
            self.map,
            self.panel,
            self.counts,
        ])
        self.show(FIRST_YEAR, LAST_YEAR, ALL)

    # --- the mirror: what the browser shows, readable from Python ---------------------------------

    @property
    def years(self) -> tuple[int, int]:
        return self.first_year.value, self.last_year.value

    @property
    def visible_ids(self) -> list[str]:
        return list(self.panel.ids)

    @property
    def current_id(self) -> str | None:
        return self.panel.current_id

    def panel_text(self) -> str:
        """The detail card's text, as the browser draws it."""
        return self.panel.text()

    # --- driving from Python -------------------------------------------------------------------

    def show(self, first: int, last: int, selection: str = CUSTOM) -> None:
        """Show the events that began between ``first`` and ``last``, counting interventions up to ``last``."""
        with self._lock:
            label_selection = {ALL: None, CUSTOM: (first, last)}.get(selection, selection)
            shown = events_between((first, last), self.history)
            ids = list(shown.id)
            with self.map.hold_sync(), self.panel.hold_sync():
                self.map.shape_changes = shape_changes(last, self.history)
                self.map.label_texts = label_texts(last, self.history)
                self.map.caption = caption_text(label_selection, last)
                self.map.ids, self.map.step = ids, -1
                self.panel.ids, self.panel.step = ids, -1
            self.summary.value = (
                f"<p><b>{len(shown)}</b> events began in {first}–{last}; <b>{len(interventions(shown))}</b> of "
                f"them are recorded US interventions. Shading: interventions recorded up to {last}.</p>"
            )
            self.counts.value = details_block(f"Recorded interventions per state up to {last} (text alternative to the "
                                       "shading)", counts_html(counts_table(last, self.history)))

    def set_years(self, first: int, last: int) -> None:
        """Set both year boxes at once, as a reader typing them would."""
        self._syncing = True
        try:
            self.first_year.value, self.last_year.value = first, last
        finally:
            self._syncing = False
        self._on_years(None)

    def go_to(self, event_id: str) -> None:
        """Open an event shown on the map: its marker is highlighted and its card shown."""
        step = self.visible_ids.index(event_id)
        with self._lock:
            self.map.step = self.panel.step = step

    # --- wiring ----------------------------------------------------------------------------------

    def _on_era(self, change) -> None:
        if self._syncing or change["new"] == CUSTOM:
            return
        chosen = None if change["new"] == ALL else era(change["new"])
        first, last = (FIRST_YEAR, LAST_YEAR) if chosen is None else (chosen.first_year, chosen.last_year)
        self._syncing = True
        try:
            self.first_year.value, self.last_year.value = first, last
        finally:
            self._syncing = False
        self.show(first, last, change["new"])

    def _on_years(self, _change) -> None:
        if self._syncing:
            return
        first, last = self.years
        if first > last:
            self.summary.value = (f"<p role='alert'>The first year ({first}) is after the last ({last}): "
                                  "change one of them.</p>")
            return
        match = next((item.key for item in ERAS if (item.first_year, item.last_year) == (first, last)), None)
        if (first, last) == (FIRST_YEAR, LAST_YEAR):
            match = ALL
        self._syncing = True
        try:
            self.era.value = match or CUSTOM
        finally:
            self._syncing = False
        self.show(first, last, match or CUSTOM)


def era_explorer(history: pd.DataFrame | None = None) -> EraExplorer:
    """The era explorer widget for lesson 3."""
    return EraExplorer(history)
