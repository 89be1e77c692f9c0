"""The operations explorer: Play and a date slider over the map, and beside it the filters, a "Show
all events" toggle, Previous / Next, the running counts, the current event's card, the "voices of the
moment" and a table, for watching the sequence of US operations unfold.

Time passes on the map: events up to the current one show (earlier ones muted, the current one
highlighted), later ones are hidden until the reader ticks "Show all events".

How it stays fast: the map page is rendered once and travels to the browser once, with markers only
(:class:`~hemisphere.widgets.map_frame.MapFrame`); each event's text travels once, in compact columns
(:class:`~hemisphere.widgets.timeline_panel.TimelinePanel`). The map and the panel follow the slider
(and Play) in the browser, through a channel keyed by the ``link_key`` the three share
(``assets/hemisphere-steplink.js``), and the toggle is tied to the map by ``jslink``, so a step costs no
Python and keeps working while the kernel is busy, or with no kernel at all in the static site. A step
sends the kernel one small message, the slider's report; the map and the panel send nothing.
Python keeps a mirror of the state (current event, visible ids) from the steps the slider reports,
so code and tests can read and drive the explorer; only changes made from Python are pushed back to
the browser. Filters run in Python (they change which events exist, not which
one is current).
"""

from __future__ import annotations

import threading
import uuid

import ipywidgets as widgets
import pandas as pd

from ..maps.operations_map import TABLE_COLUMNS, operations_map, story_records
from .map_frame import MapFrame, StepSlider
from .timeline_panel import TimelinePanel
from ..data.vocabulary import EVENT_CATEGORIES
from ..data.safe_html import escape
from ..topics.operations import filter_events, story
from ..data.dates import spell_date

ALL = "all"
PLAY_INTERVAL_MS = 1500
#: The map's share of the row it sits in, beside the panel (the map keeps at least 60% of the widget).
MAP_WIDTH = "68%"
NOTHING_MATCHES = "No events match these filters. Choose another kind of event or place, or pick \"All\"."


class OperationsExplorer(widgets.VBox):
    """Step through the operations on a map; see the module docstring for how it is wired."""

    def __init__(self, events: pd.DataFrame | None = None, map_height: int = 480):
        self._lock = threading.RLock()
        self._pushing = False
        self.events = story(events)
        records = story_records(self.events)
        short_dates = {day: spell_date(day, short_month=True) for day in set(self.events.date)}
        self._labels = {event_id: f"{short_dates[day]} · {event_id}" for event_id, day in zip(self.events.id, self.events.date)}
        view = operations_map(self.events, records=records, standalone=False)
        view.height = map_height
        all_ids = list(self.events.id)

        self.category = widgets.Dropdown(
            options=[("All kinds of event", ALL)] + [
                (kind.label, key) for key, kind in EVENT_CATEGORIES.items()
                if key in set(self.events.category)
            ],
            value=ALL, description="Kind of event", style={"description_width": "initial"},
        )
        countries = self.events.drop_duplicates("country_iso3").sort_values("country")
        self.country = widgets.Dropdown(
            options=[("All places", ALL)] + list(zip(countries.country, countries.country_iso3)),
            value=ALL, description="Place", style={"description_width": "initial"},
        )
        # One key per explorer: the map and the panel follow this slider in the browser, not another
        # explorer's on the same page.
        link_key = f"hemisphere-explorer-{uuid.uuid4().hex}"
        self.slider = StepSlider(options=[self._labels[event_id] for event_id in all_ids], index=0,
                                 description="Date", interval=PLAY_INTERVAL_MS, link_key=link_key,
                                 layout=widgets.Layout(width="100%"))
        self.status = widgets.HTML()
        self.show_all = widgets.Checkbox(value=False, description="Show all events (not only those so far)",
                                         indent=False, layout=widgets.Layout(width="auto"))
        self.map = MapFrame.from_view(view, all_ids, step=0, time_passes=True, link_key=link_key,
                                      layout=widgets.Layout(flex=f"1 1 {MAP_WIDTH}", min_width="0"))
        self.panel = TimelinePanel.for_records(
            records, ids=all_ids, step=0, columns=TABLE_COLUMNS, empty_message=NOTHING_MATCHES, link_key=link_key,
            caption="Events shown, in date order (click a row to go to it)",
        )
        # No jslink for the step: a jslink saves each model's step to the kernel (two more messages a
        # step, about 3 KB); link_key moves the map and the panel in the browser only.
        self._links = [widgets.jslink((self.show_all, "value"), (self.map, "show_all"))]
        self.slider.observe(self._stepped, "index")
        self.map.observe(self._stepped, "step")
        self.panel.observe(self._stepped, "step")
        self.category.observe(self._filtered, "value")
        self.country.observe(self._filtered, "value")
        self._show_status()
        for menu in (self.category, self.country):
            menu.layout = widgets.Layout(width="100%")
        side = widgets.VBox(
            [self.category, self.country, self.show_all, self.status, self.panel],
            layout=widgets.Layout(flex="0 1 32%", min_width="0", height=f"{map_height}px", overflow="auto",
                                  margin="0 0 0 8px"),
        )
        side.add_class("hem-explorer-side")
        self._side = side
        super().__init__([self.slider, widgets.HBox([self.map, side], layout=widgets.Layout(width="100%"))])

    # --- the mirror: what the browser shows, readable from Python ---------------------------------

    @property
    def visible_ids(self) -> list[str]:
        return list(self.panel.ids)

    @property
    def step(self) -> int:
        return self.panel.step

    @property
    def current_id(self) -> str | None:
        return self.panel.current_id

    def panel_text(self) -> str:
        """The detail card's text, as the browser draws it."""
        return self.panel.text()

    # --- driving from Python -------------------------------------------------------------------

    def go_to(self, step_or_id: int | str) -> None:
        """Show an event: by its position among the events shown, or by its id."""
        with self._lock:
            ids = self.visible_ids
            if not ids:
                return
            step = ids.index(step_or_id) if isinstance(step_or_id, str) else int(step_or_id)
            self._push_step(max(0, min(len(ids) - 1, step)))

    def next(self) -> None:
        """The Next button: one event later (stays on the last one)."""
        self.go_to(self.step + 1)

    def previous(self) -> None:
        """The Previous button: one event earlier (stays on the first one)."""
        self.go_to(self.step - 1)

    def filter(self, category: str = ALL, country: str = ALL) -> None:
        """Set both filters, as a reader would with the two menus."""
        with self.hold_trait_notifications():
            self.category.value, self.country.value = category, country

    # --- wiring ----------------------------------------------------------------------------------

    def _stepped(self, change) -> None:
        """A step changed on one of the linked widgets. From the browser (the slider's report, or a
        click on a marker, which the map reports), the others have already moved there, so Python's
        copies follow and nothing is sent back; from Python, move them all."""
        if self._pushing:
            return
        name = "index" if change.owner is self.slider else "step"
        with self._lock:
            if name in change.owner._property_lock:
                self._mirror_step(change.new)
            else:
                self._push_step(change.new)

    def _mirror_step(self, step: int) -> None:
        """The browser moved the slider and, through ``link_key``, the map and the panel with it; only
        the slider reports, so Python's copies of the others follow at once, sending nothing back."""
        self._pushing = True
        try:
            for widget, name in ((self.slider, "index"), (self.map, "step"), (self.panel, "step")):
                if getattr(widget, name) != step:
                    widget.set_state({name: step})
        finally:
            self._pushing = False

    def _push_step(self, step: int) -> None:
        self._pushing = True
        try:
            for widget, name in ((self.slider, "index"), (self.map, "step"), (self.panel, "step")):
                if getattr(widget, name) != step:
                    setattr(widget, name, step)
        finally:
            self._pushing = False

    def _filtered(self, _change=None) -> None:
        with self._lock:
            current = self.current_id
            chosen = filter_events(
                self.events,
                categories=None if self.category.value == ALL else self.category.value,
                countries=None if self.country.value == ALL else self.country.value,
            )
            ids = list(chosen.id)
            step = ids.index(current) if current in ids else 0
            self._pushing = True
            try:
                with self.slider.hold_sync(), self.map.hold_sync(), self.panel.hold_sync():
                    self.slider.options = [self._labels[event_id] for event_id in ids] or ["No events"]
                    self.slider.disabled = not ids
                    self.map.ids = ids
                    self.panel.ids = ids
                    for widget, name in ((self.slider, "index"), (self.map, "step"),
                                         (self.panel, "step")):
                        setattr(widget, name, step)
            finally:
                self._pushing = False
            self._show_status()

    def _show_status(self) -> None:
        shown, total = len(self.panel.ids), len(self.events)
        if shown:
            text = f"Showing {shown} of {total} events. Press Play, move the slider, or use Previous and Next."
        else:
            text = NOTHING_MATCHES
        self.status.value = f'<p role="status" style="margin:2px 0">{escape(text)}</p>'

    def close(self) -> None:
        """Close every widget of the explorer (a re-run cell otherwise leaves them alive)."""
        for link in self._links:
            link.close()
        for widget in (self.category, self.country, self.show_all, self.slider, self.status, self.map, self.panel,
                       self._side):
            widget.close()
        super().close()


def operations_explorer(events: pd.DataFrame | None = None) -> OperationsExplorer:
    """The explorer for lesson 2: every event from ``data/operations.csv``, in date order."""
    return OperationsExplorer(events)
