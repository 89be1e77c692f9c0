/* Hemisphere step link: ties a step slider to the map and the panel of one explorer in the browser
 * only, without telling the kernel. It replaces ipywidgets' jslink for the step: a jslink sets the
 * other models' step with save_changes(), so each step sent two more state updates to the kernel
 * (about 3 KB), which Python does not need (the slider already reports the step, once).
 *
 * A page-level channel: events on window, keyed by the link_key the Python side gives the widgets
 * of one explorer. The slider says "step" after each new index (the map and the panel follow with
 * model.set, no save); the map and the panel "ask" for a step (Next, a click on a row or a marker)
 * and the slider, the one that reports to the kernel, moves. It works wherever the models live in
 * one page: JupyterLab, and the static site, where they are made from the embedded state. Shared by
 * the widgets (prepended to their module code, a module-local name) and the node tests. */
var HemisphereStepLink = (function () {
  "use strict";

  var EVENT = "hemisphere-step-link";

  /* A message is {key, kind: "step" | "ask", step}: a non-empty key and a whole step of -1 or more. */
  function valid(detail, key) {
    return Boolean(detail) && typeof detail === "object" && typeof key === "string" && key !== "" &&
      detail.key === key && (detail.kind === "step" || detail.kind === "ask") &&
      Number.isInteger(detail.step) && detail.step >= -1;
  }

  /* The channel on target (window by default; the tests give their own EventTarget). */
  function channel(target) {
    var on = target || window;
    return {
      /* Say a step to the others of the same key; nothing for an empty key (not linked). */
      say: function (key, kind, step) {
        if (typeof key !== "string" || key === "") return;
        on.dispatchEvent(new CustomEvent(EVENT, { detail: { key: key, kind: kind, step: step } }));
      },
      /* Hear the messages of one kind for one key; returns the function that stops listening. */
      hear: function (key, kind, callback) {
        function handler(event) {
          var detail = event.detail;
          if (valid(detail, key) && detail.kind === kind) callback(detail.step);
        }
        if (typeof key !== "string" || key === "") return function () {};
        on.addEventListener(EVENT, handler);
        return function () { on.removeEventListener(EVENT, handler); };
      },
    };
  }

  return { EVENT: EVENT, valid: valid, channel: channel };
})();
