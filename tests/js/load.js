/* Loads the pack's classic front-end scripts into a fresh context, as a map page would, with a
 * document just big enough to record what they build (tag, text, class, attributes, children). */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const ASSETS = path.join(__dirname, "..", "..", "src", "hemisphere", "assets");

function fakeDocument() {
  return {
    createElement(tag) {
      return {
        tagName: tag.toUpperCase(),
        textContent: "",
        className: "",
        attributes: {},
        children: [],
        appendChild(child) {
          this.children.push(child);
          return child;
        },
        setAttribute(name, value) {
          this.attributes[name] = String(value);
        },
      };
    },
    createTextNode(text) {
      return { nodeType: 3, textContent: text };
    },
  };
}

/* The context after running the named asset files in order; their top-level names are its properties. */
function loadAssets(...names) {
  const context = vm.createContext({ URL, CustomEvent, document: fakeDocument(), window: {} });
  for (const name of names) {
    vm.runInContext(fs.readFileSync(path.join(ASSETS, name), "utf8"), context, { filename: name });
  }
  return context;
}

/* All the text a built node shows, as textContent would give it. */
function textOf(node) {
  return (node.textContent || "") + (node.children || []).map(textOf).join("");
}

module.exports = { loadAssets, textOf };
