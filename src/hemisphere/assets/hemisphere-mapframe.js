/* MapFrame: a map page rendered once, shown in a sandboxed frame, and driven by messages.
 *
 * Model traits: page (the whole HTML page, sent once), title, height, ids (the ids in step order;
 * only these markers are shown), step (the index in ids of the current one, -1 for none), and
 * selected (the id the reader last clicked in the map: selections come out). Optional, for maps whose
 * shading changes too (lesson 3's eras): shape_changes ({code: {style, tooltip, popup}}), label_texts
 * ({code: text}) and caption (a line of text over the map); empty values send nothing. time_passes
 * (events after the current one hidden, earlier ones muted) unless show_all, the reader's toggle.
 * link_key: the slider whose steps this map follows in the browser ("" for none: step is synced).
 * The frame has no allow-same-origin: its scripts run in an opaque origin and cannot reach the
 * notebook's token or cookies. Both sides check who sent a message and what shape it has. */
const SANDBOX = "allow-scripts allow-popups allow-popups-to-escape-sandbox";

/* With a link_key (the operations explorer), the step comes from the slider of the same key in the
 * browser (HemisphereStepLink, prepended to this module): set here without save_changes(), so the
 * kernel, which hears the slider, gets no second report. The view redraws on change:step as ever. */
function initialize({ model }) {
  return HemisphereStepLink.channel().hear(model.get("link_key"), "step", (step) => model.set("step", step));
}

function render({ model, el }) {
  const frame = document.createElement("iframe");
  frame.className = "hem-mapframe";
  frame.setAttribute("sandbox", SANDBOX);
  let ready = false;

  function send(message) {
    if (ready && frame.contentWindow) frame.contentWindow.postMessage(Object.assign({ hemisphere: "map" }, message), "*");
  }
  function currentId() {
    const ids = model.get("ids") || [];
    const step = model.get("step");
    return step >= 0 && step < ids.length ? ids[step] : null;
  }
  function showStep() {
    send({ command: "focus", id: currentId() });
  }
  function showTimeline() {
    send({ command: "timeline", on: Boolean(model.get("time_passes")) && !model.get("show_all") });
  }
  function showIds() {
    send({ command: "showOnly", ids: model.get("ids") || [] });
    showStep();
  }
  function isEmpty(value) {
    return value === null || value === undefined || value === "" || (typeof value === "object" && !Object.keys(value).length);
  }
  const extras = {
    shape_changes: (value) => ({ command: "updateShapes", changes: value }),
    label_texts: (value) => ({ command: "updateLabels", texts: value }),
    caption: (value) => ({ command: "caption", text: value }),
  };
  function sendExtra(name) {
    const value = model.get(name);
    if (!isEmpty(value)) send(extras[name](value));
  }
  const extraHandlers = Object.keys(extras).map((name) => [name, () => sendExtra(name)]);
  function load() {
    ready = false;
    frame.setAttribute("title", model.get("title") || "Map");
    frame.style.height = (model.get("height") || 540) + "px";
    frame.srcdoc = model.get("page") || "";
  }
  function onMessage(event) {
    if (event.source !== frame.contentWindow) return;
    const data = event.data;
    if (!data || typeof data !== "object" || data.hemisphere !== "map" || typeof data.type !== "string") return;
    if (data.type === "ready") {
      ready = true;
      send({ command: "drive" });
      showTimeline();
      Object.keys(extras).forEach(sendExtra);
      showIds();
    } else if (data.type === "select" && typeof data.id === "string") {
      model.set("selected", data.id);
      const position = (model.get("ids") || []).indexOf(data.id);
      const key = model.get("link_key");
      /* Linked: ask the slider, which moves, tells the kernel, and moves this map and the panel. */
      if (position >= 0 && key) HemisphereStepLink.channel().say(key, "ask", position);
      else if (position >= 0) model.set("step", position);
      model.save_changes();
    }
  }

  window.addEventListener("message", onMessage);
  model.on("change:step", showStep);
  model.on("change:ids", showIds);
  model.on("change:page", load);
  model.on("change:time_passes", showTimeline);
  model.on("change:show_all", showTimeline);
  model.on("change:height", () => { frame.style.height = (model.get("height") || 540) + "px"; });
  extraHandlers.forEach(([name, handler]) => model.on("change:" + name, handler));
  load();
  el.appendChild(frame);
  return () => {
    window.removeEventListener("message", onMessage);
    model.off("change:step", showStep);
    model.off("change:ids", showIds);
    model.off("change:page", load);
    model.off("change:time_passes", showTimeline);
    model.off("change:show_all", showTimeline);
    extraHandlers.forEach(([name, handler]) => model.off("change:" + name, handler));
  };
}

export default { initialize, render };
