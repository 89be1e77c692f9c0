/* Hemisphere table sorting: a button in each column header of a long table sorts its rows by that
 * column, ascending, then descending, then back to the table's own order. The header shows the state
 * in aria-sort. Rows are only moved, never rebuilt: their text stays as the server escaped it, and a
 * header's text moves into its button as textContent. Dates and numbers sort by the machine key in
 * each cell's data-sort attribute (an ISO date, a number); text by what the cell shows.
 * Runs after hemisphere-text.js, whose el() it uses. */
var HemisphereTableSort = (function () {
  "use strict";

  var NEXT = { none: "ascending", ascending: "descending", descending: "none" };
  var TEXT_ORDER = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

  /* The direction after a press, from the header's aria-sort (absent means the table's own order). */
  function nextDirection(current) {
    return NEXT[current] || "ascending";
  }

  /* Two non-empty keys of one kind compared: numbers by value, ISO dates as text, text as a reader would. */
  function compareKeys(kind, a, b) {
    if (kind === "number") return Number(a) - Number(b);
    if (kind === "date") return a < b ? -1 : a > b ? 1 : 0;
    return TEXT_ORDER.compare(a, b);
  }

  /* The row positions in their new order. Empty cells go last in either direction; rows with equal
   * keys keep the table's own order (the sort is stable). */
  function order(keys, kind, direction) {
    var positions = keys.map(function (_, i) { return i; });
    if (direction !== "ascending" && direction !== "descending") return positions;
    var sign = direction === "ascending" ? 1 : -1;
    return positions.sort(function (i, j) {
      var a = keys[i], b = keys[j];
      var aEmpty = a === null || a === undefined || a === "";
      var bEmpty = b === null || b === undefined || b === "";
      if (aEmpty || bEmpty) return aEmpty === bEmpty ? i - j : aEmpty ? 1 : -1;
      return sign * compareKeys(kind, a, b) || i - j;
    });
  }

  function cellKey(cell, kind) {
    if (!cell) return "";
    if (kind === "text") return cell.textContent.trim();
    return cell.getAttribute("data-sort") || "";
  }

  /* Gives each header marked with data-sort-kind a sort button. Safe to call twice on one table. */
  function enhance(table) {
    if (!table || !table.tHead || !table.tBodies.length || table.getAttribute("data-sort-ready")) return;
    table.setAttribute("data-sort-ready", "true");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    headers.forEach(function (header, column) {
      var kind = header.getAttribute("data-sort-kind");
      if (!kind) return;
      var button = HemisphereText.el("button", header.textContent, "hemisphere-sort-button");
      button.type = "button";
      header.textContent = "";
      header.appendChild(button);
      button.addEventListener("click", function () {
        var direction = nextDirection(header.getAttribute("aria-sort"));
        var keys = rows.map(function (row) { return cellKey(row.cells[column], kind); });
        order(keys, kind, direction).forEach(function (i) { body.appendChild(rows[i]); });
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        if (direction !== "none") header.setAttribute("aria-sort", direction);
      });
    });
  }

  return { nextDirection: nextDirection, compareKeys: compareKeys, order: order, enhance: enhance };
})();
