/* hemisphere-text.js: text from data stays text, and links go only to http(s) addresses. */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { loadAssets, textOf } = require("./load.js");

const { HemisphereText: T } = loadAssets("hemisphere-text.js");
const HOSTILE = '</script><img src=x onerror="alert(1)"> ${alert(2)} & <b>bold</b>';

test("safeHref keeps absolute http and https addresses", () => {
  assert.equal(T.safeHref("https://example.org/a?b=1"), "https://example.org/a?b=1");
  assert.equal(T.safeHref("http://example.org"), "http://example.org/");
});

test("safeHref refuses every other kind of address", () => {
  for (const url of ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<b>x</b>", "vbscript:x",
    "/relative/path", "example.org", "file:///etc/passwd", "", null, undefined, 42, { toString: () => "https://x.org" }]) {
    assert.equal(T.safeHref(url), null, String(url));
  }
});

test("el puts text in as textContent, and leaves a node with no text empty", () => {
  const node = T.el("p", HOSTILE, "hem-x");
  assert.equal(node.tagName, "P");
  assert.equal(node.textContent, HOSTILE);
  assert.equal(node.className, "hem-x");
  assert.equal(T.el("div", null).textContent, "");
  assert.equal(T.el("div", 0).textContent, "0");
});

test("sourceList links only safe addresses, named by host, opened apart from the page", () => {
  const list = T.sourceList(["https://www.example.org/story", "javascript:alert(1)", "https://news.example.com/x"]);
  assert.equal(list.className, "hem-sources");
  const links = list.children.map((item) => item.children[0]);
  assert.deepEqual(links.map((link) => link.textContent), ["example.org", "news.example.com"]);
  assert.deepEqual(links.map((link) => link.href), ["https://www.example.org/story", "https://news.example.com/x"]);
  for (const link of links) {
    assert.equal(link.target, "_blank");
    assert.equal(link.rel, "noopener noreferrer");
  }
  assert.equal(T.sourceList(undefined).children.length, 0);
});

test("card shows hostile text as text, leaves out empty rows, and lists sources only when asked", () => {
  const info = { title: HOSTILE, rows: [["Where", HOSTILE], ["Empty", ""], ["None", null], ["Count", 0]],
    sources: ["https://example.org/a"] };
  const short = T.card(info, false);
  assert.equal(short.children[0].textContent, HOSTILE);
  assert.equal(short.children.length, 3); // the title, "Where" and "Count"
  assert.ok(textOf(short).includes("Where: " + HOSTILE));
  assert.ok(textOf(short).includes("Count: 0"));
  assert.ok(!textOf(short).includes("example.org"));
  const full = T.card(info, true);
  assert.ok(textOf(full).includes("Sources:") && textOf(full).includes("example.org"));
});
