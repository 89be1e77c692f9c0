/* Hemisphere map pages, part 1 of 3: the page's data, shapes with their patterns, the legend, the caption.
 * Everything from data enters the page through textContent, never as HTML. Loaded inline in every map
 * page after Leaflet and hemisphere-text.js, before hemisphere-points.js and hemisphere-messages.js. */
(function () {
  "use strict";
  var H = (window.Hemisphere = window.Hemisphere || {});
  var SVG_NS = "http://www.w3.org/2000/svg";
  var T = HemisphereText;
  var el = T.el;

  /* The page's data, written by Python as one JSON element after the templates rendered (never as
   * script or template text): H.data(element, key) gives one payload. */
  var store = null;
  H.data = function (element, key) {
    if (store === null) store = JSON.parse(document.getElementById("hemisphere-data").textContent);
    return store[element][key];
  };

  /* The shapes and the caption a framing widget may change (the labels are hemisphere-points.js's). */
  var drivable = { shapes: null, caption: null };

  /* An SVG element with these attributes (patterns, swatches, marker shapes). */
  var svg = (H.svg = function (tag, attributes) {
    var node = document.createElementNS(SVG_NS, tag);
    Object.keys(attributes).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    return node;
  });

  /* A short card on hover, the full card with sources on click. */
  H.bindInfo = function (feature, layer) {
    var props = feature.properties || {};
    if (!props.tooltip) return;
    layer.bindTooltip(function () {
      return T.card(props.tooltip, false);
    }, { sticky: true });
    layer.bindPopup(function () {
      return T.card(props.popup, true);
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

  /* A line of text over the map saying what it shows; announced to screen readers when it changes. */
  H.addCaption = function (map, text) {
    var control = L.control({ position: "topleft" });
    control.onAdd = function () {
      var box = el("div", text, "hem-caption");
      box.setAttribute("role", "status");
      control.box = box;
      return box;
    };
    control.addTo(map);
    drivable.caption = control;
    return control;
  };

  /* New caption text, from the widget that drives the map (nothing happens on a page with no caption). */
  H.setCaption = function (text) {
    if (drivable.caption) drivable.caption.box.textContent = text;
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
})();
