"""Lesson 3's era explorer: choose an era or a range of years; the map, a detail card and a table follow.

The map is drawn once (every event, with the counts up to 2026) and then driven through
:class:`~hemisphere.framed_map.FramedMap`: a step sends the ids to show, the shapes whose count
changed and a caption, a few kilobytes, instead of a new 600 KB page.
"""

from __future__ import annotations

import threading

import ipywidgets as widgets
import pandas as pd

from .data import load_history
from .eras import ERAS, FIRST_YEAR, LAST_YEAR, era
from .framed_map import FramedMap
from .history import (
    counts_table,
    date_words,
    events_between,
    events_table,
    interventions,
    is_intervention,
    state_names,
)
from .history_maps import caption_text, history_map, label_texts, shape_changes
from .palette import HISTORY_CATEGORY_STYLES
from .safe_html import escape, link_list

ALL = "all"
CUSTOM = "custom"


def detail_html(row, names: dict[str, str]) -> str:
    """An event's card for the detail panel: every value escaped, sources as safe links."""
    style = HISTORY_CATEGORY_STYLES[row.category]
    counted = "yes" if is_intervention(row.category) else "no"
    where = row.place + ("" if row.location_basis == "site" else " (the map marker is at the capital of the state concerned)")
    lines = [
        ("When", date_words(row)),
        ("Where", where),
        ("Concerns", names.get(row.country_iso3, row.country_iso3)),
        ("Kind", style.label),
        ("Counted as a recorded intervention", counted),
        ("Confidence", row.confidence),
    ]
    facts = "".join(f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>" for label, value in lines)
    return (
        f'<div class="hemisphere-detail" style="border-left:6px solid {escape(style.colour)};padding:0 10px">'
        f"<h4 style='margin:4px 0'>{escape(row.title)}</h4><dl style='margin:0'>{facts}</dl>"
        f"<p>{escape(row.summary)}</p><strong>Sources</strong>{link_list(row.source_urls)}</div>"
    )


def folded(title: str, body: str) -> str:
    """A section that opens and closes with a click or the keyboard (Enter on its title)."""
    return f"<details><summary><strong>{escape(title)}</strong></summary>{body}</details>"


def table_html(frame: pd.DataFrame) -> str:
    """A DataFrame as an escaped HTML table that scrolls inside the page."""
    if frame.empty:
        return "<p>No events in these years.</p>"
    table = frame.to_html(index=False, escape=True, border=0, classes="hemisphere-table")
    return f'<div style="max-height:320px;overflow:auto">{table}</div>'


class EraExplorer(widgets.VBox):
    """Era and year controls, the framed map, a list of the events shown, their detail card and a table."""

    def __init__(self, history: pd.DataFrame | None = None):
        self.history = load_history() if history is None else history
        self.names = state_names()
        self._lock = threading.Lock()
        self._syncing = False
        self.era = widgets.Dropdown(
            options=[("Every era, 1823–2026", ALL)] + [(item.heading, item.key) for item in ERAS]
            + [("Custom years (use the slider)", CUSTOM)],
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
        self.map = FramedMap.showing(history_map(history=self.history, all_events=True))
        self.events = widgets.Select(description="Events:", rows=8, layout=widgets.Layout(width="98%"))
        self.detail = widgets.HTML("<p>Choose an event in the list to read its card and sources.</p>")
        self.table = widgets.HTML()
        self.counts = widgets.HTML()
        self.era.observe(self._on_era, names="value")
        self.first_year.observe(self._on_years, names="value")
        self.last_year.observe(self._on_years, names="value")
        self.events.observe(self._on_event, names="value")
        super().__init__([
            widgets.HTML("<strong>Era explorer.</strong> Choose an era, or type the first and last year. The "
                         "shading counts recorded US interventions up to the last year; markers show the events "
                         "that began in those years. Pick an event in the list (arrow keys work) to open its card."),
            widgets.HBox([self.era, self.first_year, self.last_year]),
            self.summary,
            self.map,
            widgets.HBox([self.events, self.detail],
                         layout=widgets.Layout(align_items="flex-start")),
            self.table,
            self.counts,
        ])
        self.events.layout.width = "45%"
        self.detail.layout.width = "55%"
        self.show(FIRST_YEAR, LAST_YEAR, ALL)

    # -- what a step changes -------------------------------------------------------------------

    def show(self, first: int, last: int, selection: str = CUSTOM) -> None:
        """Show the events that began between ``first`` and ``last``, counting interventions up to ``last``."""
        with self._lock:
            label_selection = {ALL: None, CUSTOM: (first, last)}.get(selection, selection)
            shown = events_between((first, last), self.history)
            self.map.shape_changes = shape_changes(last, self.history)
            self.map.label_texts = label_texts(last, self.history)
            self.map.caption = caption_text(label_selection, last)
            self.map.focus = ""
            self.map.show_only(list(shown.id))
            self.events.options = [(f"{row.year} · {row.title}", row.id) for row in shown.itertuples()]
            self.events.value = None
            counted = interventions(shown)
            self.summary.value = (
                f"<p><b>{len(shown)}</b> events began in {first}–{last}; <b>{len(counted)}</b> of them are "
                f"recorded US interventions. Shading: interventions recorded up to {last}.</p>"
            )
            self.table.value = folded("Table of the events shown (text alternative to the map)",
                                      table_html(events_table(shown)))
            self.counts.value = folded(f"Recorded interventions per state up to {last} (text alternative to the "
                                       "shading)", table_html(counts_table(last, self.history)))

    @property
    def years(self) -> tuple[int, int]:
        return self.first_year.value, self.last_year.value

    def set_years(self, first: int, last: int) -> None:
        """Set both year boxes at once (the explorer then shows those years)."""
        self._syncing = True
        try:
            self.first_year.value, self.last_year.value = first, last
        finally:
            self._syncing = False
        self._on_years(None)

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

    def _on_event(self, change) -> None:
        event_id = change["new"]
        if not event_id:
            return
        row = self.history[self.history.id == event_id].iloc[0]
        self.detail.value = detail_html(row, self.names)
        self.map.focus = ""
        self.map.focus = event_id


def era_explorer(history: pd.DataFrame | None = None) -> EraExplorer:
    """The era explorer widget for lesson 3."""
    return EraExplorer(history)
