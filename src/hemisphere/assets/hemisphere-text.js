/* Hemisphere text helpers: the one way text from data enters a page, as text (textContent), with
 * links only to http(s) addresses. Shared by the map pages (inlined as a classic script, where it
 * defines the global HemisphereText) and the notebook widgets (prepended to their module code,
 * where it stays a module-local name). */
var HemisphereText = (function () {
  "use strict";

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  /* A link target only for absolute http(s) URLs; anything else (javascript:, data:, relative) gives null. */
  function safeHref(url) {
    if (typeof url !== "string") return null;
    var parsed;
    try {
      parsed = new URL(url);
    } catch (error) {
      return null;
    }
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  }

  function sourceList(urls) {
    var list = el("ul", null, "hem-sources");
    (urls || []).forEach(function (url) {
      var href = safeHref(url);
      if (!href) return;
      var link = el("a", new URL(href).hostname.replace(/^www\./, ""));
      link.href = href;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      var item = el("li");
      item.appendChild(link);
      list.appendChild(item);
    });
    return list;
  }

  /* info: {title, rows: [[label, value], ...], sources: [url, ...]}; rows with no value are left out. */
  function card(info, withSources) {
    var box = el("div", null, "hem-card");
    box.appendChild(el("strong", info.title, "hem-card-title"));
    (info.rows || []).forEach(function (pair) {
      if (pair[1] === null || pair[1] === undefined || pair[1] === "") return;
      var line = el("div");
      line.appendChild(el("span", pair[0] + ": ", "hem-label"));
      line.appendChild(document.createTextNode(String(pair[1])));
      box.appendChild(line);
    });
    if (withSources && info.sources && info.sources.length) {
      box.appendChild(el("div", "Sources:", "hem-label"));
      box.appendChild(sourceList(info.sources));
    }
    return box;
  }

  return { el: el, safeHref: safeHref, sourceList: sourceList, card: card };
})();
