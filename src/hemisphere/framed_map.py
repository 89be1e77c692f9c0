"""A map page shown once in a sandboxed frame and then driven by messages: the explorer's map part.

The page (a :class:`~hemisphere.maps.MapView`'s HTML, with ``Hemisphere.listen`` in it) travels to
the browser once. After that, changing a trait sends a short ``postMessage`` to the frame: show only
some markers, open one, restyle or relabel some shapes, change the caption. Nothing is re-rendered,
pan and zoom are kept, and the frame stays in an opaque origin (``sandbox`` without
``allow-same-origin``), so text from data can never reach JupyterLab's token.

This is deliberately one small piece with a small interface, so it can be swapped for the pack's
shared map widget without touching the explorer's logic.
"""

from __future__ import annotations

import anywidget
import traitlets

from .maps import MAP_HEIGHT_PX, SANDBOX, MapView

_ESM = """
function render({ model, el }) {
  const frame = document.createElement("iframe");
  frame.className = "hemisphere-map";
  frame.title = model.get("title");
  frame.setAttribute("sandbox", model.get("sandbox"));
  frame.style.cssText = "width:100%;border:1px solid #999;border-radius:4px;height:" + model.get("height") + "px";
  let ready = false;
  const post = (message) => {
    if (ready && frame.contentWindow) frame.contentWindow.postMessage(Object.assign({ hemisphere: "map" }, message), "*");
  };
  const messages = {
    visible: () => ({ action: "showOnly", ids: model.get("visible") }),
    shape_changes: () => ({ action: "updateShapes", changes: model.get("shape_changes") }),
    label_texts: () => ({ action: "updateLabels", texts: model.get("label_texts") }),
    caption: () => ({ action: "caption", text: model.get("caption") }),
    focus: () => ({ action: "focus", id: model.get("focus") }),
  };
  const send = (name) => {
    const value = model.get(name);
    const empty = value === null || value === "" || (typeof value === "object" && !Array.isArray(value) && !Object.keys(value).length);
    if (empty && name !== "visible") return;  // visible = null means "show all", so it is always sent
    post(messages[name]());
  };
  const onMessage = (event) => {
    if (event.source !== frame.contentWindow || !event.data || event.data.hemisphere !== "map-ready") return;
    ready = true;
    Object.keys(messages).forEach(send);
  };
  window.addEventListener("message", onMessage);
  Object.keys(messages).forEach((name) => model.on("change:" + name, () => send(name)));
  frame.srcdoc = model.get("page");
  el.appendChild(frame);
  return () => window.removeEventListener("message", onMessage);
}
export default { render };
"""


class FramedMap(anywidget.AnyWidget):
    """A map page in a sandboxed iframe; set the traits to drive it without re-rendering."""

    _esm = _ESM
    page = traitlets.Unicode("").tag(sync=True)
    title = traitlets.Unicode("Map").tag(sync=True)
    height = traitlets.Int(MAP_HEIGHT_PX).tag(sync=True)
    sandbox = traitlets.Unicode(SANDBOX, read_only=True).tag(sync=True)
    #: Marker ids to show; None shows them all.
    visible = traitlets.List(traitlets.Unicode(), allow_none=True, default_value=None).tag(sync=True)
    #: The marker whose card to open.
    focus = traitlets.Unicode("").tag(sync=True)
    #: {code: {style, tooltip, popup}} merged into the shapes' properties.
    shape_changes = traitlets.Dict().tag(sync=True)
    #: {code: text} for the labels pinned on shapes; "" hides one.
    label_texts = traitlets.Dict().tag(sync=True)
    caption = traitlets.Unicode("").tag(sync=True)

    @classmethod
    def showing(cls, view: MapView, **traits) -> FramedMap:
        """Frame a finished map."""
        return cls(page=view.html(), title=view.title, height=view.height, **traits)

    def show_only(self, ids) -> None:
        self.visible = None if ids is None else [str(item) for item in ids]
