/* The step link (HemisphereStepLink in hemisphere-steplink.js): the explorer's map and panel follow its
 * slider in the browser only, on a channel keyed by the explorer's link_key. */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { loadAssets } = require("./load.js");

const L = loadAssets("hemisphere-steplink.js").HemisphereStepLink;

test("a step said on a key is heard on that key only, by kind", () => {
  const target = new EventTarget();
  const link = L.channel(target);
  const heard = [];
  const stop = link.hear("a", "step", (step) => heard.push(["a", step]));
  link.hear("b", "step", (step) => heard.push(["b", step]));
  link.hear("a", "ask", (step) => heard.push(["ask", step]));
  link.say("a", "step", 3);
  link.say("b", "ask", 4);
  link.say("a", "ask", 5);
  stop();
  link.say("a", "step", 6);
  assert.deepEqual(heard, [["a", 3], ["ask", 5]]);
});

test("no key, no link; only whole steps of -1 or more get through", () => {
  const target = new EventTarget();
  const link = L.channel(target);
  const heard = [];
  link.hear("", "step", (step) => heard.push(step));
  link.say("", "step", 1);
  link.hear("k", "step", (step) => heard.push(step));
  for (const nonsense of ["2", 1.5, -2, null, true, NaN]) link.say("k", "step", nonsense);
  link.say("k", "step", -1);
  assert.deepEqual(heard, [-1]);
  assert.equal(L.valid({ key: "k", kind: "other", step: 1 }, "k"), false);
  assert.equal(L.valid(null, "k"), false);
});
