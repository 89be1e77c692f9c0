/* The map page's step logic (HemisphereSteps in hemisphere-messages.js): Previous, Next, Play and the range. */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { loadAssets } = require("./load.js");

const context = loadAssets("hemisphere-text.js", "hemisphere-shapes.js", "hemisphere-points.js", "hemisphere-messages.js");
const S = context.HemisphereSteps;

test("a step is clamped to the first and the last", () => {
  assert.equal(S.clamp(-1, 5), 0);
  assert.equal(S.clamp(0, 5), 0);
  assert.equal(S.clamp(3, 5), 3);
  assert.equal(S.clamp(5, 5), 4);
  assert.equal(S.clamp(99, 1), 0);
});

test("Play starts on the first step before any, goes on from the current, and starts again after the last", () => {
  assert.equal(S.playFrom(-1, 5), 0);
  assert.equal(S.playFrom(2, 5), 3);
  assert.equal(S.playFrom(4, 5), 0);
});

test("Play ends once the last step is shown", () => {
  assert.equal(S.playEnded(3, 5), false);
  assert.equal(S.playEnded(4, 5), true);
});

test("the status line counts from one and names the step", () => {
  const steps = [{ id: "E001", label: "20 January 2025" }, { id: "E002", label: "2 September 2025" }];
  assert.equal(S.status(1, steps), "2 of 2: 2 September 2025");
});

test("the three map scripts fill one Hemisphere namespace, with no leftover re-exports", () => {
  const names = Object.keys(context.window.Hemisphere).sort();
  assert.deepEqual(names, ["addCaption", "addLabels", "addLegend", "addPatterns", "addPoints", "addShapes",
    "addStepControl", "bindInfo", "cardsBeside", "data", "describeMap", "focus", "keepHomeView", "listen", "markerSvg",
    "setCaption", "setTimeline", "showOnly", "svg", "tell", "updateLabels", "updateShapes"]);
});
