"""Notebook widgets that drive a map rendered once, instead of re-rendering it on every step.

Two small anywidgets, generic so that any lesson's explorer can reuse them:

:class:`MapFrame`
    shows a finished map page (a :class:`~hemisphere.maps.page.MapView`'s HTML, sent once) in a
    sandboxed frame (scripts allowed, no same-origin: the page cannot reach the notebook's token).
    Commands go in as trait changes and travel to the page by ``postMessage``: ``ids`` (the markers
    to show, in step order) and ``step`` (the index in ``ids`` to highlight, bring into view and
    open; -1 for none). Selections come out: a click on a marker sets ``selected`` (and ``step``,
    if the id is in ``ids``). The page side is ``Hemisphere.listen`` / ``showOnly`` / ``focus`` in
    ``assets/hemisphere-messages.js``; both sides check the sender and the message's shape.

:class:`RecordPanel`
    Previous / Next buttons, a detail card for the current record and a table of the records
    shown, drawn in the browser from ``records`` (sent once) and ``ids``; ``step`` picks the
    current one. Text goes in with ``textContent``; links only to http(s) addresses.

Both have a ``step`` trait, so ``ipywidgets.jslink`` can tie them to a ``Play`` and a slider: the
browser then steps the map, the card and the table with no Python at all, even while the kernel
is busy. ``step`` is not echoed back by the kernel (``echo_update=False``), which keeps each step
to a few dozen bytes. A jslink still reports each widget's step to the kernel, though; a shared
``link_key`` instead (the operations explorer) moves maps and panels after a :class:`StepSlider` in the
browser only, so the slider's own report is the one message a step sends.
"""

from __future__ import annotations

from functools import lru_cache

import anywidget
import traitlets

from ..maps.page import MAP_HEIGHT_PX, MapView
from ..maps.offline import package_asset


@lru_cache(maxsize=None)
def _module(*assets: str) -> str:
    return "\n".join(package_asset(name) for name in assets)


class MapFrame(anywidget.AnyWidget):
    """A map page in a sandboxed frame, stepped by messages (see the module docstring)."""

    _esm = _module("hemisphere-steplink.js", "hemisphere-mapframe.js")
    _css = _module("hemisphere-widgets.css")

    page = traitlets.Unicode("").tag(sync=True)
    title = traitlets.Unicode("Map").tag(sync=True)
    height = traitlets.Int(MAP_HEIGHT_PX).tag(sync=True)
    ids = traitlets.List(traitlets.Unicode()).tag(sync=True)
    step = traitlets.Int(-1).tag(sync=True, echo_update=False)
    selected = traitlets.Unicode("").tag(sync=True, echo_update=False)
    #: Optional, for pages whose shading changes too (lesson 3): properties merged into shapes by
    #: code ({code: {style, tooltip, popup}}), texts of the labels pinned on shapes ({code: text},
    #: "" hides one), and the caption over the map. Empty values send nothing.
    shape_changes = traitlets.Dict().tag(sync=True)
    label_texts = traitlets.Dict().tag(sync=True)
    caption = traitlets.Unicode("").tag(sync=True)
    #: Time passes (the operations explorer): events after the current step are hidden and earlier ones
    #: muted, unless ``show_all`` (a reader's toggle, linked in the browser) brings them all back.
    time_passes = traitlets.Bool(False).tag(sync=True)
    show_all = traitlets.Bool(False).tag(sync=True)
    #: The :class:`StepSlider` whose steps this map follows in the browser only ("" for none); see
    #: ``assets/hemisphere-steplink.js``.
    link_key = traitlets.Unicode("").tag(sync=True)

    @classmethod
    def from_view(cls, view: MapView, ids: list[str], **kwargs) -> MapFrame:
        """A frame showing ``view``'s page, with ``ids`` in step order."""
        return cls(page=view.html(), title=view.title, height=view.height, ids=list(ids), **kwargs)

    @property
    def current_id(self) -> str | None:
        return self.ids[self.step] if 0 <= self.step < len(self.ids) else None


class RecordPanel(anywidget.AnyWidget):
    """Previous / Next, a detail card and a table of records, drawn in the browser (see the module docstring)."""

    _esm = _module("hemisphere-text.js", "hemisphere-records.js")
    _css = _module("hemisphere-widgets.css")

    records = traitlets.Dict().tag(sync=True)
    ids = traitlets.List(traitlets.Unicode()).tag(sync=True)
    step = traitlets.Int(-1).tag(sync=True, echo_update=False)
    columns = traitlets.List(traitlets.Unicode()).tag(sync=True)
    caption = traitlets.Unicode("").tag(sync=True)
    empty_message = traitlets.Unicode("Nothing to show.").tag(sync=True)

    @property
    def current_id(self) -> str | None:
        return self.ids[self.step] if 0 <= self.step < len(self.ids) else None

    def text(self) -> str:
        """What the detail area shows, as plain text (the browser draws the same from the same data)."""
        if not self.ids:
            return self.empty_message
        if self.current_id is None:
            return "Press Next or Play to begin."
        card = self.records[self.current_id]["card"]
        lines = [card["title"]]
        lines += [f"{label}: {value}" for label, value in card.get("rows", []) if value not in (None, "")]
        if card.get("sources"):
            lines.append("Sources: " + " | ".join(card["sources"]))
        return "\n".join(lines)


class StepSlider(anywidget.AnyWidget):
    """Play / Pause and a labelled slider over a list of steps, for ``jslink`` with maps and panels.

    Used instead of ipywidgets' Play and SelectionSlider, whose buttons and handle have no accessible
    names (axe-core: button-name, aria-input-field-name). Here the slider is a native range input with
    a <label> that reads out each step's label (``aria-valuetext``), the button says "Play" or "Pause",
    and playing runs in the browser, so it goes on while the kernel is busy. ``index`` is not echoed
    back by the kernel, like ``step``; the browser reports it as a custom message, which ipywidgets
    never holds back, so Python hears every step.
    """

    _esm = _module("hemisphere-steplink.js", "hemisphere-stepslider.js")
    _css = _module("hemisphere-widgets.css")

    index = traitlets.Int(0).tag(sync=True, echo_update=False)
    options = traitlets.List(traitlets.Unicode()).tag(sync=True)
    description = traitlets.Unicode("Step").tag(sync=True)
    disabled = traitlets.Bool(False).tag(sync=True)
    interval = traitlets.Int(1500).tag(sync=True)
    #: Maps and panels given the same key follow this slider's steps in the browser, sending the kernel
    #: nothing (``assets/hemisphere-steplink.js``): a step is then one message, this slider's report.
    link_key = traitlets.Unicode("").tag(sync=True)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.on_msg(self._heard)

    def _heard(self, _widget, content, _buffers) -> None:
        """The browser reports each new index as a custom message (see hemisphere-stepslider.js for
        why); it is taken as if the browser had synced it, so nothing is sent back."""
        index = content.get("index") if isinstance(content, dict) else None
        if isinstance(index, int) and not isinstance(index, bool) and 0 <= index < max(len(self.options), 1):
            self.set_state({"index": index})

    @property
    def label(self) -> str | None:
        """The current step's label."""
        return self.options[self.index] if 0 <= self.index < len(self.options) else None
