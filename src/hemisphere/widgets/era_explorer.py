"""Lesson 3's era explorer: choose an era or a range of years; the map, the detail card and the tables follow.

Built on the pack's shared map widgets (:mod:`hemisphere.widgets.map_frame`). The map page is drawn once
(every event, with counts up to 2026) and travels to the browser once, in a
:class:`~hemisphere.widgets.map_frame.MapFrame`; the event cards travel once too, in a
:class:`~hemisphere.widgets.map_frame.RecordPanel`. What each era shows (the ids, the shapes whose
fill and card change, the count labels, the caption, the summary and the counts table) is worked out
once and sent with the :class:`EraControls`, whose menu applies it in the browser and passes it to the
map and the panel through browser links (``jsdlink``): choosing an era needs no kernel, so it works in
the static site too. Typed years outside the eras are worked out by Python (in JupyterLab).
Previous / Next, a click on a marker or a table row, and the arrow keys on the step control are tied
in the browser (``jslink``) as well.
"""

from __future__ import annotations

import threading

import anywidget
import ipywidgets as widgets
import pandas as pd
import traitlets

from ..data.loaders import load_history
from ..data.eras import ERAS, FIRST_YEAR, LAST_YEAR
from ..topics.history import counts_table, events_between, history_table, interventions
from ..maps.history_map import caption_text, event_points, history_map, label_texts, shape_changes
from ..maps.offline import package_asset
from .map_frame import MapFrame, RecordPanel
from .table_display import table_html
from ..data.safe_html import escape

ALL = "all"
CUSTOM = "custom"
# The card beside the map holds every detail; the table beside it keeps what tells the rows apart.
RECORD_COLUMNS = ["Date", "Event", "Counted as intervention"]
NOTHING_SHOWN = "No events began in these years. Choose another era or widen the years."


def history_records(history: pd.DataFrame) -> dict[str, dict]:
    """For each event, the card the panel shows (the map popup's content) and its row of the table."""
    cards = {point["id"]: point["popup"] for point in event_points(history)}
    table = history_table(history)
    cells = table[["Date", "Title", "Counted as intervention"]].values.tolist()
    return {event_id: {"card": cards[event_id], "cells": row} for event_id, row in zip(table.Id, cells)}


def details_block(title: str, body: str) -> str:
    """A section that opens and closes with a click or the keyboard (Enter on its title)."""
    return f"<details><summary><strong>{escape(title)}</strong></summary>{body}</details>"


def counts_html(frame: pd.DataFrame) -> str:
    """The counts table in full, or a sentence when no state had a recorded intervention yet."""
    if frame.empty:
        return "<p>No state had a recorded intervention by then.</p>"
    return table_html(frame.reset_index(drop=True), sortable=False)  # shown in an HTML widget: no script runs


def era_view(first: int, last: int, selection: str, history: pd.DataFrame) -> dict:
    """What the explorer shows for the events that began in ``first``–``last`` (counts up to ``last``)."""
    shown = events_between((first, last), history)
    label_selection = {ALL: None, CUSTOM: (first, last)}.get(selection, selection)
    return {
        "first_year": first, "last_year": last, "ids": list(shown.id),
        "shape_changes": shape_changes(last, history), "label_texts": label_texts(last, history),
        "caption": caption_text(label_selection, last),
        "summary": (f"{len(shown)} events began in {first}–{last}; {len(interventions(shown))} of them are "
                    f"recorded US interventions. Shading: interventions recorded up to {last}."),
        "counts": details_block(f"Recorded interventions per state up to {last} (text alternative to the shading)",
                                counts_html(counts_table(last, history))),
    }


def era_views(history: pd.DataFrame) -> dict[str, dict]:
    """The view of the whole record and of every era, sent to the browser once."""
    views = {ALL: era_view(FIRST_YEAR, LAST_YEAR, ALL, history)}
    views.update({item.key: era_view(item.first_year, item.last_year, item.key, history) for item in ERAS})
    return views


def matching_selection(first: int, last: int) -> str:
    """The menu entry whose years are ``first``–``last``: the whole record, an era, or custom."""
    if (first, last) == (FIRST_YEAR, LAST_YEAR):
        return ALL
    return next((item.key for item in ERAS if (item.first_year, item.last_year) == (first, last)), CUSTOM)


def step_titles(history: pd.DataFrame) -> dict[str, str]:
    """Each event as the step control reads it out: its date and title."""
    table = history_table(history)
    return {event_id: f"{date}: {title}" for event_id, date, title in zip(table.Id, table.Date, table.Title)}


class EraControls(anywidget.AnyWidget):
    """The era menu, the year boxes, the summary and the step control, working in the browser.

    ``views`` holds each menu entry's view (:func:`era_view`); choosing one copies it into the
    traits below, which browser links pass to the map, the panel and the counts table. Typing years
    that are no era sets ``selection`` to custom and leaves the view to Python. ``step`` is the current
    event (linked to the map's); the step control moves it with the arrow keys, Home and End and
    announces it to screen readers.
    """

    _esm = "\n".join(package_asset(name) for name in ("hemisphere-text.js", "hemisphere-eracontrols.js"))
    _css = package_asset("hemisphere-widgets.css")

    menu = traitlets.List(traitlets.List(traitlets.Unicode())).tag(sync=True)
    views = traitlets.Dict().tag(sync=True)
    titles = traitlets.Dict().tag(sync=True)
    first_allowed = traitlets.Int(FIRST_YEAR).tag(sync=True)
    last_allowed = traitlets.Int(LAST_YEAR).tag(sync=True)
    selection = traitlets.Unicode(ALL).tag(sync=True)
    first_year = traitlets.Int(FIRST_YEAR).tag(sync=True)
    last_year = traitlets.Int(LAST_YEAR).tag(sync=True)
    ids = traitlets.List(traitlets.Unicode()).tag(sync=True)
    shape_changes = traitlets.Dict().tag(sync=True)
    label_texts = traitlets.Dict().tag(sync=True)
    caption = traitlets.Unicode("").tag(sync=True)
    summary = traitlets.Unicode("").tag(sync=True)
    counts = traitlets.Unicode("").tag(sync=True)
    step = traitlets.Int(-1).tag(sync=True, echo_update=False)


class EraExplorer(widgets.VBox):
    """The era controls above; the shared map frame with the record panel beside it; the counts table below."""

    def __init__(self, history: pd.DataFrame | None = None):
        self.history = load_history() if history is None else history
        self._lock = threading.RLock()
        self._applying = False
        self.views = era_views(self.history)
        all_ids = list(self.history.id)
        self.controls = EraControls(
            menu=[[ALL, "Every era, 1823–2026"]] + [[item.key, item.heading] for item in ERAS]
            + [[CUSTOM, "Custom years (type them)"]],
            views=self.views, titles=step_titles(self.history),
        )
        self.map = MapFrame.from_view(history_map(history=self.history, all_events=True), all_ids, step=-1,
                                      layout=widgets.Layout(flex="4 1 600px", min_width="0"))
        self.panel = RecordPanel(records=history_records(self.history), ids=all_ids, step=-1,
                                 columns=RECORD_COLUMNS, empty_message=NOTHING_SHOWN,
                                 caption="Events shown, by date (click a row to go to it)",
                                 layout=widgets.Layout(flex="1 1 250px", min_width="0", margin="0 0 0 10px"))
        self.panel.add_class("hem-era-panel")
        self.counts = widgets.HTML()
        self._links = [
            widgets.jslink((self.controls, "step"), (self.map, "step")),
            widgets.jslink((self.map, "step"), (self.panel, "step")),
            *(widgets.jsdlink((self.controls, name), (self.map, name))
              for name in ("ids", "shape_changes", "label_texts", "caption")),
            widgets.jsdlink((self.controls, "ids"), (self.panel, "ids")),
            widgets.jsdlink((self.controls, "counts"), (self.counts, "value")),
        ]
        self.controls.observe(self._on_choice, names=["selection", "first_year", "last_year"])
        # No heading line of its own: the lesson's text says how to use it, and the map keeps the room.
        super().__init__([
            self.controls,
            widgets.HBox([self.map, self.panel], layout=widgets.Layout(flex_flow="row wrap", align_items="flex-start")),
            self.counts,
        ])
        self._apply(self.views[ALL], ALL)

    # --- the mirror: what the browser shows, readable from Python ---------------------------------

    @property
    def years(self) -> tuple[int, int]:
        return self.controls.first_year, self.controls.last_year

    @property
    def selection(self) -> str:
        """The menu entry shown: ``"all"``, an era's key or ``"custom"``."""
        return self.controls.selection

    @property
    def summary(self) -> str:
        return self.controls.summary

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

    def choose(self, selection: str) -> None:
        """Choose a menu entry (``"all"`` or an era's key), as a reader would."""
        self.controls.selection = selection

    def set_years(self, first: int, last: int) -> None:
        """Set both year boxes at once, as a reader typing them would."""
        with self.controls.hold_trait_notifications():
            self.controls.first_year, self.controls.last_year = first, last
            self.controls.selection = matching_selection(first, last)

    def show(self, first: int, last: int, selection: str = CUSTOM) -> None:
        """Show the events that began between ``first`` and ``last``, counting interventions up to ``last``."""
        self._apply(era_view(first, last, selection, self.history), selection)

    def go_to(self, event_id: str) -> None:
        """Open an event shown on the map: its marker is highlighted and its card shown."""
        step = self.visible_ids.index(event_id)
        with self._lock:
            self.controls.step = self.map.step = self.panel.step = step

    # --- wiring ----------------------------------------------------------------------------------

    def _apply(self, view: dict, selection: str) -> None:
        """Put a view on every widget. After a choice in the browser most values are already there and
        send nothing; from Python (tests, a teacher's code) this is what moves the map and the panel."""
        with self._lock:
            self._applying = True
            try:
                self._put(view, selection)
            finally:
                self._applying = False

    def _put(self, view: dict, selection: str) -> None:
        controls = self.controls
        with controls.hold_sync(), self.map.hold_sync(), self.panel.hold_sync():
            controls.selection = selection
            for name in ("first_year", "last_year", "ids", "shape_changes", "label_texts", "caption",
                         "summary", "counts"):
                setattr(controls, name, view[name])
            for name in ("ids", "shape_changes", "label_texts", "caption"):
                setattr(self.map, name, view[name])
            self.panel.ids = view["ids"]
            controls.step = self.map.step = self.panel.step = -1
        self.counts.value = view["counts"]

    def _on_choice(self, _change) -> None:
        if self._applying:  # our own _apply setting the controls
            return
        first, last, selection = self.controls.first_year, self.controls.last_year, self.controls.selection
        if selection in self.views:
            self._apply(self.views[selection], selection)
        elif first > last:
            self.controls.summary = f"The first year ({first}) is after the last ({last}): change one of them."
        else:
            self._apply(era_view(first, last, CUSTOM, self.history), CUSTOM)


def era_explorer(history: pd.DataFrame | None = None) -> EraExplorer:
    """The era explorer widget for lesson 3."""
    return EraExplorer(history)
