/* hemisphere-tablesort.js: the order a sort button gives, by the kind of the column. */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { loadAssets } = require("./load.js");

const { HemisphereTableSort: S } = loadAssets("hemisphere-text.js", "hemisphere-tablesort.js");
const sorted = (keys, kind, direction) => Array.from(S.order(keys, kind, direction), (i) => keys[i]);

test("a press goes ascending, then descending, then back to the table's own order", () => {
  assert.equal(S.nextDirection(null), "ascending");
  assert.equal(S.nextDirection("ascending"), "descending");
  assert.equal(S.nextDirection("descending"), "none");
  assert.equal(S.nextDirection("none"), "ascending");
  assert.deepEqual(Array.from(S.order(["b", "a", "c"], "text", "none")), [0, 1, 2]);
});

test("numbers sort by value, not as text", () => {
  assert.deepEqual(sorted(["10", "9", "-2", "2.5", "100"], "number", "ascending"), ["-2", "2.5", "9", "10", "100"]);
  assert.deepEqual(sorted(["10", "9", "100"], "number", "descending"), ["100", "10", "9"]);
});

test("ISO dates sort in time order, days and date-times alike", () => {
  const keys = ["2026-03-07", "2025-12-31", "1823-12-02", "2026-03-07T10:30:00", "2026-01-03"];
  assert.deepEqual(sorted(keys, "date", "ascending"),
    ["1823-12-02", "2025-12-31", "2026-01-03", "2026-03-07", "2026-03-07T10:30:00"]);
});

test("text sorts as a reader expects: case and accents aside, numbers inside text by value", () => {
  assert.deepEqual(sorted(["venezuela", "Ecuador", "Éire", "Colombia"], "text", "ascending"),
    ["Colombia", "Ecuador", "Éire", "venezuela"]);
  assert.deepEqual(sorted(["E10", "E9", "E100"], "text", "ascending"), ["E9", "E10", "E100"]);
});

test("empty cells go last in both directions, and equal keys keep the table's order", () => {
  assert.deepEqual(sorted(["3", "", "1", null], "number", "ascending"), ["1", "3", "", null]);
  assert.deepEqual(sorted(["3", "", "1", null], "number", "descending"), ["3", "1", "", null]);
  const keys = ["b", "a", "B", "a"];
  assert.deepEqual(Array.from(S.order(keys, "text", "ascending")), [1, 3, 0, 2]);
  assert.deepEqual(Array.from(S.order(keys, "text", "descending")), [0, 2, 1, 3]);
});
