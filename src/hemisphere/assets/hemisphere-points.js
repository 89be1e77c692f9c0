/* Hemisphere map pages, part 2 of 3: events as markers whose colour AND shape show their category,
 * and short text labels pinned to places. Loaded after hemisphere-shapes.js. */
(function () {
  "use strict";
  var H = window.Hemisphere;
  var T = HemisphereText;
  var el = T.el;
  var svg = H.svg;

  /* The labels a framing widget may change (lesson 3's counts). */
  var labelGroup = null;

  /* Short text labels pinned to places, e.g. counts on states: labels = [{code, lat, lon, text}]. */
  H.addLabels = function (map, labels) {
    var group = L.featureGroup();
    group.byCode = {};
    labels.forEach(function (label) {
      var box = el("div", label.text, "hem-map-label");
      box.setAttribute("aria-hidden", "true");
      var marker = L.marker([label.lat, label.lon], {
        icon: L.divIcon({ html: box, className: "hem-map-label-icon", iconSize: null }),
        interactive: false,
        keyboard: false,
      });
      marker.labelBox = box;
      group.byCode[label.code] = marker;
      if (label.text) group.addLayer(marker);
    });
    labelGroup = group;
    return group.addTo(map);
  };

  /* New label texts: texts = {code: text}; an empty text hides the label. */
  H.updateLabels = function (texts) {
    var group = labelGroup;
    if (!group) return;
    Object.keys(texts).forEach(function (code) {
      var marker = group.byCode[code];
      if (!marker) return;
      marker.labelBox.textContent = String(texts[code]);
      if (texts[code] && !group.hasLayer(marker)) group.addLayer(marker);
      if (!texts[code] && group.hasLayer(marker)) group.removeLayer(marker);
    });
  };

  /* ---- Points: events as markers whose colour AND shape show their category ------------------ */

  /* Outlines of the marker shapes on a 20 x 20 box, centred on (10, 10). */
  var SHAPES = {
    circle: function () { return svg("circle", { cx: 10, cy: 10, r: 7 }); },
    square: function () { return svg("rect", { x: 3.5, y: 3.5, width: 13, height: 13 }); },
    triangle: function () { return svg("polygon", { points: "10,2 18.5,17 1.5,17" }); },
    triangle_down: function () { return svg("polygon", { points: "1.5,3 18.5,3 10,18" }); },
    diamond: function () { return svg("polygon", { points: "10,1.5 18.5,10 10,18.5 1.5,10" }); },
    star: function () {
      return svg("polygon", { points: "10,1 12.6,7.2 19.3,7.6 14.2,11.9 15.8,18.4 10,14.8 4.2,18.4 5.8,11.9 0.7,7.6 7.4,7.2" });
    },
    cross: function () { return svg("polygon", { points: "7,2 13,2 13,7 18,7 18,13 13,13 13,18 7,18 7,13 2,13 2,7 7,7" }); },
  };

  /* An inline SVG marker. style: {shape, colour, approximate}; approximate draws a dashed outline. */
  H.markerSvg = function (style, size) {
    var box = svg("svg", { width: size, height: size, viewBox: "0 0 20 20", "aria-hidden": "true", focusable: "false" });
    var make = SHAPES[style.shape] || SHAPES.circle;
    var shape = make();
    shape.setAttribute("fill", style.colour || "#000");
    shape.setAttribute("stroke", "#111");
    shape.setAttribute("stroke-width", style.approximate ? 1.6 : 1.2);
    if (style.approximate) shape.setAttribute("stroke-dasharray", "2.5 1.5");
    shape.setAttribute("class", "hem-marker-shape");
    box.appendChild(shape);
    return box;
  };

  var MARKER_SIZE = 22;
  /* Events that share a point fan out from it on a sunflower spiral: the n-th sits FAN_PX * sqrt(n)
   * pixels away at n golden angles, so neighbours stay about a marker apart however many there are,
   * and at any zoom (the offset is in pixels). */
  var FAN_PX = 15;
  var GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

  function anchorOf(fan) {
    var half = MARKER_SIZE / 2;
    if (typeof fan !== "number" || fan <= 0) return [half, half];
    var radius = FAN_PX * Math.sqrt(fan);
    return [half - radius * Math.cos(fan * GOLDEN_ANGLE), half - radius * Math.sin(fan * GOLDEN_ANGLE)];
  }
  /* shown: the ids shown, in step order (all of them until showOnly says otherwise); position: id ->
   * its place in shown. With time passing on (a notebook explorer asks for it), the events before the
   * current one are muted, the later ones hidden; only markers whose state changes are touched, so a
   * step costs the same with 70 events or 10,000. */
  var points = { byId: {}, layer: null, map: null, order: [], shown: null, position: {}, current: null,
                 timeline: false, now: -1 };

  /* The value of a column at a row: a plain list, or {values, at} where a few values repeat. */
  function cell(column, row) {
    if (Array.isArray(column)) return column[row];
    return column && Array.isArray(column.at) && Array.isArray(column.values) ? column.values[column.at[row]] : undefined;
  }

  /* Rows back from columns: {field: column} -> [{field: value}], leaving out empty values. */
  function rowsOf(columns) {
    var fields = Object.keys(columns);
    var first = columns[fields[0]];
    var count = fields.length ? (Array.isArray(first) ? first.length : first.at.length) : 0;
    var rows = [];
    for (var row = 0; row < count; row += 1) {
      var item = {};
      fields.forEach(function (field) {
        var value = cell(columns[field], row);
        if (value !== null && value !== undefined) item[field] = value;
      });
      rows.push(item);
    }
    return rows;
  }

  /* collection: {points: [{id, lat, lon, shape, colour, approximate, label, tooltip?, popup?, edge?, fan?}]}.
   * tooltip and popup are cards ({title, rows, sources}) built with textContent; edge labels an event
   * drawn at the map's edge because it lies off the map; fan is an event's place among those sharing its point. Or the same as {columns: {field: column}}; driven: true
   * shows nothing until told (showOnly, focus). */
  H.addPoints = function (map, collection) {
    points.map = map;
    points.layer = L.layerGroup().addTo(map);
    (collection.columns ? rowsOf(collection.columns) : collection.points || []).forEach(function (point) {
      var icon = L.divIcon({
        html: H.markerSvg(point, MARKER_SIZE),
        className: "hem-marker hem-cat-" + point.category,
        iconSize: [MARKER_SIZE, MARKER_SIZE],
        iconAnchor: anchorOf(point.fan),
        popupAnchor: [0, -MARKER_SIZE / 2],
      });
      var marker = L.marker([point.lat, point.lon], { icon: icon, title: point.label, alt: point.label, keyboard: true });
      /* Tooltip and popup only where the page carries them (the explorer shows a card beside the map). */
      if (point.tooltip) marker.bindTooltip(function () { return T.card(point.tooltip, false); }, { direction: "top", offset: [0, -8] });
      if (point.popup) marker.bindPopup(function () { return T.card(point.popup, true); }, { maxWidth: 340, maxHeight: 280, autoPanPadding: [30, 30] });
      /* A reader's choice (click, or Enter on a focused marker) goes out as a selection. */
      marker.on("click", function () { H.tell({ type: "select", id: point.id }); });
      marker.on("keypress", function (event) {
        if (event.originalEvent.keyCode === 13) H.tell({ type: "select", id: point.id });
      });
      if (point.edge) {
        /* An event off the map (Geneva, Tehran): drawn at the edge, labelled on the open-sea side, with an arrow its way. */
        var west = point.edge.indexOf("\u2190") >= 0;
        marker.unbindTooltip();
        marker.bindTooltip(el("span", point.edge), { permanent: true, direction: west ? "left" : "right",
                                                     offset: [west ? -10 : 10, 0], className: "hem-edge-label" });
      }
      marker.hemId = point.id;
      points.byId[point.id] = marker;
      points.order.push(point.id);
    });
    /* A page that a notebook explorer drives waits to be told what to show. */
    if (!collection.driven) H.showOnly(null);
    return points.layer;
  };

  /* Where an event stands at step ``now``: "hidden" (not among the ids shown, or, while time passes,
   * later than now or before any step), "past" (earlier, muted), or "shown" (the current one, or any
   * with time off). */
  function stateAt(id) {
    var position = points.position[id];
    if (position === undefined) return "hidden";
    if (!points.timeline) return "shown";
    if (points.now < 0 || position > points.now) return "hidden";  /* nothing has happened yet, or not yet */
    return position < points.now ? "past" : "shown";
  }

  /* While time passes, a marker enters the map the first time it is shown and then stays, hidden by
   * a class when it should not show: adding and removing Leaflet markers costs far more than a class,
   * and a page of 10,000 events then draws only those the story has reached. Otherwise (a filter on a
   * page where time does not pass) a hidden marker leaves the map. */
  function place(id) {
    var marker = points.byId[id];
    var state = stateAt(id);
    if (!points.layer.hasLayer(marker)) {
      if (state === "hidden") return;
      points.layer.addLayer(marker);
    } else if (state === "hidden" && !points.timeline) {
      points.layer.removeLayer(marker);
      return;
    }
    var node = marker.getElement();
    node.classList.toggle("hem-hidden", state === "hidden");
    node.classList.toggle("hem-past", state === "past");
  }

  function isShown(marker) {
    return points.layer.hasLayer(marker) && !marker.getElement().classList.contains("hem-hidden");
  }

  /* Let time pass on the map (on) or show every event (off: the reader's "Show all events"). */
  H.setTimeline = function (on) {
    points.timeline = Boolean(on);
    if (!points.layer) return;
    points.order.forEach(place);
  };

  /* Show only these ids (null or undefined: all of them). Unknown ids are ignored. */
  H.showOnly = function (ids) {
    if (!points.layer) return;
    points.shown = (Array.isArray(ids) ? ids : points.order).filter(function (id) { return points.byId[id]; });
    points.position = {};
    points.shown.forEach(function (id, position) { points.position[id] = position; });
    points.now = points.current && points.position[points.current] !== undefined ? points.position[points.current] : -1;
    points.order.forEach(place);
    if (points.current && !isShown(points.byId[points.current])) H.focus(null);
  };

  /* Move time to the step of ``id`` (-1 for none), re-placing only the markers between the old step and the new. */
  function moveTime(id) {
    var before = points.now;
    points.now = id && points.position[id] !== undefined ? points.position[id] : -1;
    if (!points.timeline) return;
    if (before < 0 || points.now < 0) {
      points.order.forEach(place);
      return;
    }
    var low = Math.min(before, points.now);
    var high = Math.max(before, points.now);
    for (var position = low; position <= high; position += 1) place(points.shown[position]);
  }

  function markCurrent(marker, on) {
    var node = marker.getElement();
    if (node) {
      node.classList.toggle("hem-current", on);
      if (on) node.setAttribute("aria-current", "true");
      else node.removeAttribute("aria-current");
    }
    marker.setZIndexOffset(on ? 1000 : 0);
  }

  /* Highlight one event, bring it into view without changing the zoom, and open its popup.
   * focus(null) clears the highlight. Returns false for an unknown or hidden id. */
  H.focus = function (id) {
    if (points.current && points.byId[points.current]) {
      markCurrent(points.byId[points.current], false);
      points.byId[points.current].closePopup();
    }
    points.current = null;
    moveTime(id);
    var marker = id ? points.byId[id] : null;
    if (!marker || !isShown(marker)) return false;
    points.current = id;
    markCurrent(marker, true);
    var where = marker.getLatLng();
    if (!points.map.getBounds().pad(-0.1).contains(where)) points.map.panTo(where, { animate: true });
    if (marker.getPopup()) marker.openPopup();
    return true;
  };
})();
