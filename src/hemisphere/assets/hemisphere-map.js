/* Hemisphere map helpers: everything from data enters the page through textContent, never as HTML.
 * Loaded inline in every map page after Leaflet and hemisphere-text.js. */
(function () {
  "use strict";
  var H = (window.Hemisphere = window.Hemisphere || {});
  var SVG_NS = "http://www.w3.org/2000/svg";

  var T = HemisphereText;
  var el = T.el;
  H.el = T.el;
  H.safeHref = T.safeHref;
  H.sourceList = T.sourceList;
  H.card = T.card;

  /* The page's data, written by Python as one JSON element after the templates rendered (never as
   * script or template text): H.data(element, key) gives one payload. */
  var store = null;
  H.data = function (element, key) {
    if (store === null) store = JSON.parse(document.getElementById("hemisphere-data").textContent);
    return store[element][key];
  };

  /* The layers a framing widget may change besides the points: shapes, labels and the caption. */
  var drivable = { shapes: null, labels: null, caption: null };

  /* A short card on hover, the full card with sources on click. */
  H.bindInfo = function (feature, layer) {
    var props = feature.properties || {};
    if (!props.tooltip) return;
    layer.bindTooltip(function () {
      return H.card(props.tooltip, false);
    }, { sticky: true });
    layer.bindPopup(function () {
      return H.card(props.popup, true);
    }, { maxWidth: 340 });
  };

  function hoverOutline(shape, reset) {
    shape.on("mouseover", function () {
      shape.setStyle({ weight: 3, color: "#000" });
    });
    shape.on("mouseout", reset);
  }

  /* Shapes whose properties carry {style, tooltip, popup}. A feature with a "marker" [lat, lon]
   * also gets a circle there, so a state too small to see at this scale can still be found. */
  H.addShapes = function (map, collection) {
    var group = L.featureGroup();
    group.byCode = {};
    function remember(code, layer) {
      (group.byCode[code] = group.byCode[code] || []).push(layer);
    }
    var shapes = L.geoJSON(collection, {
      style: function (feature) {
        /* A class per feature code lets tests and style sheets find a shape. */
        return Object.assign({ className: "hem-shape hem-iso-" + feature.properties.iso3 }, feature.properties.style);
      },
      onEachFeature: function (feature, shape) {
        remember(feature.properties.iso3, shape);
        H.bindInfo(feature, shape);
        hoverOutline(shape, function () {
          shapes.resetStyle(shape);
        });
        var spot = feature.properties.marker;
        if (spot) {
          var circle = L.circleMarker(spot, Object.assign({ radius: 6 }, feature.properties.style));
          circle.feature = feature;
          remember(feature.properties.iso3, circle);
          H.bindInfo(feature, circle);
          hoverOutline(circle, function () {
            circle.setStyle(feature.properties.style);
          });
          group.addLayer(circle);
        }
      },
    });
    group.addLayer(shapes);
    shapes.bringToBack();
    drivable.shapes = group;
    return group.addTo(map);
  };

  /* Change some shapes' properties in place: changes = {code: {style, tooltip, popup}}.
   * Tooltips and popups are built when opened, so they show the new text. */
  H.updateShapes = function (changes) {
    var group = drivable.shapes;
    if (!group) return;
    Object.keys(changes).forEach(function (code) {
      (group.byCode[code] || []).forEach(function (layer) {
        Object.assign(layer.feature.properties, changes[code]);
        layer.setStyle(layer.feature.properties.style);
      });
    });
  };

  function svg(tag, attributes) {
    var node = document.createElementNS(SVG_NS, tag);
    Object.keys(attributes).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    return node;
  }

  /* Fill patterns, the second cue besides colour. patterns: [{id, colour, kind}] */
  H.addPatterns = function (patterns) {
    var holder = svg("svg", { width: 0, height: 0, "aria-hidden": "true", focusable: "false" });
    holder.style.position = "absolute";
    var defs = svg("defs", {});
    patterns.forEach(function (spec) {
      var pattern = svg("pattern", { id: spec.id, patternUnits: "userSpaceOnUse", width: 8, height: 8 });
      pattern.appendChild(svg("rect", { width: 8, height: 8, fill: spec.colour, "fill-opacity": 0.4 }));
      var ink = { fill: spec.colour };
      if (spec.kind === "stripes") {
        pattern.setAttribute("patternTransform", "rotate(45)");
        pattern.appendChild(svg("rect", Object.assign({ width: 4, height: 8 }, ink)));
      } else if (spec.kind === "dots") {
        pattern.appendChild(svg("circle", Object.assign({ cx: 4, cy: 4, r: 2.2 }, ink)));
      } else if (spec.kind === "lines") {
        pattern.appendChild(svg("rect", Object.assign({ width: 8, height: 3.5 }, ink)));
      } else if (spec.kind === "checks") {
        pattern.appendChild(svg("rect", Object.assign({ width: 4, height: 4 }, ink)));
        pattern.appendChild(svg("rect", Object.assign({ x: 4, y: 4, width: 4, height: 4 }, ink)));
      } else if (spec.kind === "crosshatch") {
        pattern.setAttribute("patternTransform", "rotate(45)");
        pattern.appendChild(svg("rect", Object.assign({ width: 3, height: 8 }, ink)));
        pattern.appendChild(svg("rect", Object.assign({ width: 8, height: 3 }, ink)));
      }
      defs.appendChild(pattern);
    });
    holder.appendChild(defs);
    document.body.appendChild(holder);
  };

  function swatch(item) {
    if (item.shape) return H.markerSvg(item, 18);
    var box = svg("svg", { width: 26, height: 16, "aria-hidden": "true", focusable: "false" });
    var attributes = { x: 1, y: 1, width: 24, height: 14, fill: item.fill, stroke: "#444", "stroke-width": item.weight || 1 };
    if (item.dash) attributes["stroke-dasharray"] = item.dash;
    box.appendChild(svg("rect", attributes));
    return box;
  }

  /* legend: {title, items: [{label, meaning, fill, weight, dash}], notes: [text]} */
  H.addLegend = function (map, legend) {
    var control = L.control({ position: legend.position || "bottomleft" });
    control.onAdd = function () {
      var box = el("div", null, "hem-legend");
      box.setAttribute("role", "group");
      box.setAttribute("aria-label", "Map legend: " + legend.title);
      var body = box;
      if (legend.collapsible) {
        /* A <details> box: opened and closed with a click or the keyboard, so a long key can make room. */
        body = el("details");
        body.open = !legend.collapsed;
        body.appendChild(el("summary", legend.title, "hem-legend-title"));
        box.appendChild(body);
      } else {
        box.appendChild(el("div", legend.title, "hem-legend-title"));
      }
      var list = el("ul");
      legend.items.forEach(function (item) {
        var row = el("li");
        row.appendChild(swatch(item));
        row.appendChild(el("span", item.label));
        if (item.meaning) row.title = item.meaning;
        list.appendChild(row);
      });
      body.appendChild(list);
      (legend.notes || []).forEach(function (note) {
        body.appendChild(el("div", note, "hem-legend-note"));
      });
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    control.addTo(map);
    return control;
  };

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
    drivable.labels = group;
    return group.addTo(map);
  };

  /* New label texts: texts = {code: text}; an empty text hides the label. */
  H.updateLabels = function (texts) {
    var group = drivable.labels;
    if (!group) return;
    Object.keys(texts).forEach(function (code) {
      var marker = group.byCode[code];
      if (!marker) return;
      marker.labelBox.textContent = String(texts[code]);
      if (texts[code] && !group.hasLayer(marker)) group.addLayer(marker);
      if (!texts[code] && group.hasLayer(marker)) group.removeLayer(marker);
    });
  };

  /* A line of text over the map saying what it shows; announced to screen readers when it changes. */
  H.addCaption = function (map, text) {
    var control = L.control({ position: "topleft" });
    control.onAdd = function () {
      var box = el("div", text, "hem-caption");
      box.setAttribute("role", "status");
      control.box = box;
      return box;
    };
    control.setText = function (value) {
      control.box.textContent = value;
    };
    control.addTo(map);
    drivable.caption = control;
    return control;
  };

  /* A map page whose scripts ran before its frame was laid out (an output JupyterLab had not drawn
   * yet, a hidden tab) fitted its bounds to a 0 by 0 box and stays zoomed out on the whole world:
   * Leaflet refits nothing when the frame is drawn later. So, the first time the map's box is drawn
   * with a size, if the view is further out than the home bounds need, measure again and fit them.
   * Nobody can have zoomed a map that was never drawn, so no reader's view is lost. */
  H.keepHomeView = function (map, bounds) {
    if (typeof ResizeObserver === "undefined") return;
    var container = map.getContainer();
    var observer = new ResizeObserver(function () {
      if (!container.clientWidth || !container.clientHeight) return;
      observer.disconnect();
      map.invalidateSize(false);
      if (map.getZoom() < map.getBoundsZoom(bounds)) map.fitBounds(bounds, { animate: false });
    });
    observer.observe(container);
  };

  /* Name the map for screen readers; the table beside it carries the same content. */
  H.describeMap = function (map, label) {
    var container = map.getContainer();
    container.setAttribute("role", "region");
    container.setAttribute("aria-label", label);
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
  var points = { byId: {}, layer: null, map: null, order: [], current: null };

  /* collection: {points: [{id, lat, lon, shape, colour, approximate, label, tooltip, popup}]}.
   * tooltip and popup are cards ({title, rows, sources}) built with textContent. */
  H.addPoints = function (map, collection) {
    points.map = map;
    points.layer = L.layerGroup().addTo(map);
    (collection.points || []).forEach(function (point) {
      var icon = L.divIcon({
        html: H.markerSvg(point, MARKER_SIZE),
        className: "hem-marker hem-cat-" + point.category,
        iconSize: [MARKER_SIZE, MARKER_SIZE],
        iconAnchor: [MARKER_SIZE / 2, MARKER_SIZE / 2],
        popupAnchor: [0, -MARKER_SIZE / 2],
      });
      var marker = L.marker([point.lat, point.lon], { icon: icon, title: point.label, alt: point.label, keyboard: true });
      marker.bindTooltip(function () { return H.card(point.tooltip, false); }, { direction: "top", offset: [0, -8] });
      marker.bindPopup(function () { return H.card(point.popup, true); }, { maxWidth: 340, maxHeight: 280, autoPanPadding: [30, 30] });
      /* A reader's choice (click, or Enter on a focused marker) goes out as a selection. */
      marker.on("click", function () { H.tell({ type: "select", id: point.id }); });
      marker.on("keypress", function (event) {
        if (event.originalEvent.keyCode === 13) H.tell({ type: "select", id: point.id });
      });
      marker.hemId = point.id;
      points.byId[point.id] = marker;
      points.order.push(point.id);
      marker.addTo(points.layer);
    });
    return points.layer;
  };

  /* Show only these ids (null or undefined: all of them). Unknown ids are ignored. */
  H.showOnly = function (ids) {
    if (!points.layer) return;
    var keep = null;
    if (Array.isArray(ids)) {
      keep = {};
      ids.forEach(function (id) { keep[id] = true; });
    }
    points.order.forEach(function (id) {
      var marker = points.byId[id];
      var wanted = keep === null || keep[id] === true;
      if (wanted && !points.layer.hasLayer(marker)) points.layer.addLayer(marker);
      if (!wanted && points.layer.hasLayer(marker)) points.layer.removeLayer(marker);
    });
    if (points.current && !points.layer.hasLayer(points.byId[points.current])) H.focus(null);
  };

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
    var marker = id ? points.byId[id] : null;
    if (!marker || !points.layer.hasLayer(marker)) return false;
    points.current = id;
    markCurrent(marker, true);
    var where = marker.getLatLng();
    if (!points.map.getBounds().pad(-0.1).contains(where)) points.map.panTo(where, { animate: true });
    marker.openPopup();
    return true;
  };

  /* ---- Messages: the notebook widget drives the map from outside the sandboxed frame --------- */

  var driven = false;
  H.isDriven = function () { return driven; };

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
   * {hemisphere: "map", command: "drive" | "showOnly" | "focus", ids?: [string], id?: string|null},
   * and for pages with shapes, labels or a caption to change (lesson 3's eras):
   * {command: "updateShapes", changes: {code: {style, tooltip, popup}}},
   * {command: "updateLabels", texts: {code: string}}, {command: "caption", text: string}. */
  H.listen = function () {
    window.addEventListener("message", function (event) {
      if (event.source !== window.parent || window.parent === window) return;
      var data = event.data;
      if (!data || typeof data !== "object" || data.hemisphere !== "map" || typeof data.command !== "string") return;
      if (data.command === "drive") {
        driven = true;
        document.documentElement.classList.add("hem-driven");
      } else if (data.command === "showOnly" && (data.ids === null || isIdList(data.ids))) {
        H.showOnly(data.ids);
      } else if (data.command === "focus" && (data.id === null || typeof data.id === "string")) {
        H.focus(data.id);
      } else if (data.command === "updateShapes" && isPlainObject(data.changes)) {
        H.updateShapes(data.changes);
      } else if (data.command === "updateLabels" && isPlainObject(data.texts)) {
        H.updateLabels(data.texts);
      } else if (data.command === "caption" && typeof data.text === "string" && drivable.caption) {
        drivable.caption.setText(data.text);
      }
    });
    H.tell({ type: "ready" });
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
        index = Math.max(0, Math.min(steps.length - 1, position));
        range.value = index;
        range.setAttribute("aria-valuetext", steps[index].label);
        status.textContent = (index + 1) + " of " + steps.length + ": " + steps[index].label;
        H.focus(steps[index].id);
      }
      function stop() {
        if (timer) clearInterval(timer);
        timer = null;
        play.textContent = "\u25B6 Play";
        play.setAttribute("aria-pressed", "false");
      }
      function start() {
        if (index >= steps.length - 1) show(-1);
        play.textContent = "\u275A\u275A Pause";
        play.setAttribute("aria-pressed", "true");
        timer = setInterval(function () {
          if (index >= steps.length - 1) return stop();
          show(index + 1);
        }, interval);
        show(index + 1);
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
