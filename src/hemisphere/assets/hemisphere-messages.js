/* Hemisphere map pages, part 3 of 3: messages from and to the notebook widget that drives the map from
 * outside its sandboxed frame, and the in-map step control for a page with no kernel. The step logic
 * itself is pure (HemisphereSteps) and tested with node --test. Loaded after hemisphere-points.js. */
var HemisphereSteps = (function () {
  "use strict";

  /* The step to show when asked for ``position`` among ``count`` steps: clamped to the first and last. */
  function clamp(position, count) {
    return Math.max(0, Math.min(count - 1, position));
  }

  /* Where Play starts from ``index``: the next step, or the first again once the last was reached. */
  function playFrom(index, count) {
    return index >= count - 1 ? 0 : index + 1;
  }

  /* Whether Play, now at ``index``, has shown the last step and stops. */
  function playEnded(index, count) {
    return index >= count - 1;
  }

  /* The status line under the control: "3 of 70: 2 September 2025". */
  function status(index, steps) {
    return index + 1 + " of " + steps.length + ": " + steps[index].label;
  }

  return { clamp: clamp, playFrom: playFrom, playEnded: playEnded, status: status };
})();

(function () {
  "use strict";
  var H = window.Hemisphere;
  var el = HemisphereText.el;
  var S = HemisphereSteps;

  /* ---- Messages: the notebook widget drives the map from outside the sandboxed frame --------- */

  /* Tell the page that holds this frame something. Messages carry only ids from the page's own
   * data, never anything secret: the sandboxed frame has no origin, so they go with target "*". */
  H.tell = function (message) {
    if (window.parent === window) return;
    window.parent.postMessage(Object.assign({ hemisphere: "map" }, message), "*");
  };

  function isIdList(value) {
    return Array.isArray(value) && value.every(function (item) { return typeof item === "string"; });
  }

  function isPlainObject(value) {
    return !!value && typeof value === "object" && !Array.isArray(value);
  }

  /* Accept commands only from the frame's own parent, and only in the expected shapes:
   * {hemisphere: "map", command: "drive" | "showOnly" | "focus" | "timeline", ids?: [string],
   * id?: string|null, on?: boolean} (timeline: let time pass, or show every event),
   * and for pages with shapes, labels or a caption to change (lesson 3's eras):
   * {command: "updateShapes", changes: {code: {style, tooltip, popup}}},
   * {command: "updateLabels", texts: {code: string}}, {command: "caption", text: string}. */
  H.listen = function () {
    window.addEventListener("message", function (event) {
      if (event.source !== window.parent || window.parent === window) return;
      var data = event.data;
      if (!data || typeof data !== "object" || data.hemisphere !== "map" || typeof data.command !== "string") return;
      if (data.command === "drive") {
        document.documentElement.classList.add("hem-driven");
      } else if (data.command === "showOnly" && (data.ids === null || isIdList(data.ids))) {
        H.showOnly(data.ids);
      } else if (data.command === "timeline" && typeof data.on === "boolean") {
        H.setTimeline(data.on);
      } else if (data.command === "focus" && (data.id === null || typeof data.id === "string")) {
        H.focus(data.id);
      } else if (data.command === "updateShapes" && isPlainObject(data.changes)) {
        H.updateShapes(data.changes);
      } else if (data.command === "updateLabels" && isPlainObject(data.texts)) {
        H.updateLabels(data.texts);
      } else if (data.command === "caption" && typeof data.text === "string") {
        H.setCaption(data.text);
      }
    });
    H.tell({ type: "ready" });
  };

  /* For a page whose widget shows the current event's card beside the map (lesson 3's explorer):
   * while a widget drives it, popups stay shut so no card covers the map; opened alone, its markers
   * still open their popups. */
  H.cardsBeside = function () {
    document.documentElement.classList.add("hem-cards-beside");
  };

  /* ---- The in-map step control: Previous, Play, Next and a range, for a page with no kernel --- */

  /* steps: [{id, label}] in story order. Hidden when a notebook widget drives the map. */
  H.addStepControl = function (map, steps, options) {
    options = options || {};
    var interval = options.interval || 1500;
    var control = L.control({ position: "topright" });
    var index = -1;
    var timer = null;
    control.onAdd = function () {
      var box = el("div", null, "hem-steps leaflet-bar");
      box.setAttribute("role", "group");
      box.setAttribute("aria-label", options.label || "Step through the events");
      var previous = el("button", "\u25C0 Previous", "hem-step-previous");
      var play = el("button", "\u25B6 Play", "hem-step-play");
      var next = el("button", "Next \u25B6", "hem-step-next");
      [previous, play, next].forEach(function (button) { button.type = "button"; });
      previous.setAttribute("aria-label", "Previous event");
      next.setAttribute("aria-label", "Next event");
      var range = el("input", null, "hem-step-range");
      range.type = "range";
      range.min = 0;
      range.max = Math.max(steps.length - 1, 0);
      range.value = 0;
      range.setAttribute("aria-label", "Event number");
      var status = el("div", steps.length ? "Press Next or Play to begin." : "No events.", "hem-step-status");
      status.setAttribute("aria-live", "polite");

      function show(position) {
        if (!steps.length) return;
        index = S.clamp(position, steps.length);
        range.value = index;
        range.setAttribute("aria-valuetext", steps[index].label);
        status.textContent = S.status(index, steps);
        H.focus(steps[index].id);
      }
      function stop() {
        if (timer) clearInterval(timer);
        timer = null;
        play.textContent = "\u25B6 Play";
        play.setAttribute("aria-pressed", "false");
      }
      function start() {
        play.textContent = "\u275A\u275A Pause";
        play.setAttribute("aria-pressed", "true");
        timer = setInterval(function () {
          if (S.playEnded(index, steps.length)) return stop();
          show(index + 1);
        }, interval);
        show(S.playFrom(index, steps.length));
      }
      previous.addEventListener("click", function () { stop(); show(index - 1); });
      next.addEventListener("click", function () { stop(); show(index + 1); });
      play.addEventListener("click", function () { if (timer) stop(); else start(); });
      range.addEventListener("input", function () { stop(); show(Number(range.value)); });
      var buttons = el("div", null, "hem-step-buttons");
      [previous, play, next].forEach(function (button) { buttons.appendChild(button); });
      box.appendChild(buttons);
      box.appendChild(range);
      box.appendChild(status);
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    control.addTo(map);
    return control;
  };
})();
