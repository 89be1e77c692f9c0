/* Hemisphere map helpers: everything from data enters the page through textContent, never as HTML.
 * Loaded inline in every map page after Leaflet. */
(function () {
  "use strict";
  var H = (window.Hemisphere = window.Hemisphere || {});
  var SVG_NS = "http://www.w3.org/2000/svg";

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }
  H.el = el;

  /* A link target only for absolute http(s) URLs; anything else (javascript:, data:, relative) gives null. */
  H.safeHref = function (url) {
    if (typeof url !== "string") return null;
    var parsed;
    try {
      parsed = new URL(url);
    } catch (error) {
      return null;
    }
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  };

  H.sourceList = function (urls) {
    var list = el("ul", null, "hem-sources");
    (urls || []).forEach(function (url) {
      var href = H.safeHref(url);
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
  };

  /* info: {title, rows: [[label, value], ...], sources: [url, ...]} */
  H.card = function (info, withSources) {
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
      box.appendChild(H.sourceList(info.sources));
    }
    return box;
  };

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
    var shapes = L.geoJSON(collection, {
      style: function (feature) {
        /* A class per feature code lets tests and style sheets find a shape. */
        return Object.assign({ className: "hem-shape hem-iso-" + feature.properties.iso3 }, feature.properties.style);
      },
      onEachFeature: function (feature, shape) {
        H.bindInfo(feature, shape);
        hoverOutline(shape, function () {
          shapes.resetStyle(shape);
        });
        var spot = feature.properties.marker;
        if (spot) {
          var style = Object.assign({ radius: 6 }, feature.properties.style);
          var circle = L.circleMarker(spot, style);
          H.bindInfo(feature, circle);
          hoverOutline(circle, function () {
            circle.setStyle(style);
          });
          group.addLayer(circle);
        }
      },
    });
    group.addLayer(shapes);
    shapes.bringToBack();
    return group.addTo(map);
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
    var box = svg("svg", { width: 26, height: 16, "aria-hidden": "true", focusable: "false" });
    var attributes = { x: 1, y: 1, width: 24, height: 14, fill: item.fill, stroke: "#444", "stroke-width": item.weight || 1 };
    if (item.dash) attributes["stroke-dasharray"] = item.dash;
    box.appendChild(svg("rect", attributes));
    return box;
  }

  /* legend: {title, items: [{label, meaning, fill, weight, dash}], notes: [text]} */
  H.addLegend = function (map, legend) {
    var control = L.control({ position: "bottomleft" });
    control.onAdd = function () {
      var box = el("div", null, "hem-legend");
      box.setAttribute("role", "group");
      box.setAttribute("aria-label", "Map legend");
      box.appendChild(el("div", legend.title, "hem-legend-title"));
      var list = el("ul");
      legend.items.forEach(function (item) {
        var row = el("li");
        row.appendChild(swatch(item));
        row.appendChild(el("span", item.label));
        if (item.meaning) row.title = item.meaning;
        list.appendChild(row);
      });
      box.appendChild(list);
      (legend.notes || []).forEach(function (note) {
        box.appendChild(el("div", note, "hem-legend-note"));
      });
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    control.addTo(map);
    return control;
  };

  /* Name the map for screen readers; the table beside it carries the same content. */
  H.describeMap = function (map, label) {
    var container = map.getContainer();
    container.setAttribute("role", "region");
    container.setAttribute("aria-label", label);
  };
})();
