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
    group.shapes = shapes;
    return group.addTo(map);
  };

  /* Change some shapes' properties in place: changes = {code: {style, tooltip, popup}}.
   * Tooltips and popups are built when opened, so they show the new text. */
  H.updateShapes = function (group, changes) {
    Object.keys(changes || {}).forEach(function (code) {
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

  /* A marker shape as an SVG element: circle, square, triangle, triangle_down, diamond, star, cross. */
  var SHAPE_POINTS = {
    triangle: "8,1 15,14 1,14",
    triangle_down: "1,2 15,2 8,15",
    diamond: "8,0.5 15.5,8 8,15.5 0.5,8",
    star: "8,0.5 10.2,5.6 15.6,6 11.4,9.6 12.8,15 8,12 3.2,15 4.6,9.6 0.4,6 5.8,5.6",
    cross: "5.5,0.5 10.5,0.5 10.5,5.5 15.5,5.5 15.5,10.5 10.5,10.5 10.5,15.5 5.5,15.5 5.5,10.5 0.5,10.5 0.5,5.5 5.5,5.5",
  };
  H.shapeIcon = function (shape, colour, size) {
    var box = svg("svg", { width: size, height: size, viewBox: "0 0 16 16", "aria-hidden": "true", focusable: "false" });
    var ink = { fill: colour, stroke: "#fff", "stroke-width": 1.2, "paint-order": "stroke" };
    var mark;
    if (shape === "circle") mark = svg("circle", Object.assign({ cx: 8, cy: 8, r: 6.5 }, ink));
    else if (shape === "square") mark = svg("rect", Object.assign({ x: 2, y: 2, width: 12, height: 12 }, ink));
    else mark = svg("polygon", Object.assign({ points: SHAPE_POINTS[shape] || SHAPE_POINTS.diamond }, ink));
    box.appendChild(mark);
    return box;
  };

  function swatch(item) {
    if (item.shape) return H.shapeIcon(item.shape, item.fill, 16);
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

  /* Event markers drawn as shapes: points = [{id, lat, lon, shape, colour, label, tooltip, popup}].
   * Markers are focusable (Tab) and open their card with Enter, like a click. */
  H.addPoints = function (map, points) {
    var group = L.featureGroup();
    group.byId = {};
    points.forEach(function (point) {
      var holder = el("div", null, "hem-point");
      holder.appendChild(H.shapeIcon(point.shape, point.colour, 18));
      var marker = L.marker([point.lat, point.lon], {
        icon: L.divIcon({ html: holder, className: "hem-point-icon", iconSize: [18, 18], iconAnchor: [9, 9] }),
        title: point.label,
        alt: point.label,
        riseOnHover: true,
      });
      H.bindInfo({ properties: point }, marker);
      marker.pointId = point.id;
      group.byId[point.id] = marker;
      group.addLayer(marker);
    });
    return group.addTo(map);
  };

  /* Show only the markers whose ids are listed (null or undefined: show all). */
  H.showOnly = function (group, ids) {
    var wanted = ids ? new Set(ids) : null;
    Object.keys(group.byId).forEach(function (id) {
      var marker = group.byId[id];
      var show = !wanted || wanted.has(id);
      if (show && !group.hasLayer(marker)) group.addLayer(marker);
      if (!show && group.hasLayer(marker)) group.removeLayer(marker);
    });
  };

  /* Pan to a marker and open its card with sources. */
  H.focus = function (map, group, id) {
    var marker = group.byId[id];
    if (!marker) return;
    if (!group.hasLayer(marker)) group.addLayer(marker);
    map.panTo(marker.getLatLng());
    marker.openPopup();
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
    return group.addTo(map);
  };

  /* New label texts: texts = {code: text}; an empty text hides the label. */
  H.updateLabels = function (group, texts) {
    Object.keys(texts || {}).forEach(function (code) {
      var marker = group.byCode[code];
      if (!marker) return;
      marker.labelBox.textContent = texts[code];
      if (texts[code] && !group.hasLayer(marker)) group.addLayer(marker);
      if (!texts[code] && group.hasLayer(marker)) group.removeLayer(marker);
    });
  };

  /* A line of text above the map saying what it shows; announced to screen readers when it changes. */
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
    return control;
  };

  /* Let the page that frames this map drive it with postMessage. Only the parent window is heard,
   * and only messages of the expected shape: {hemisphere: "map", action, ...}. Nothing secret is
   * sent back: the map only says it is ready. */
  H.listen = function (map, layers) {
    var actions = {
      showOnly: function (message) {
        if (layers.points) H.showOnly(layers.points, message.ids);
      },
      focus: function (message) {
        if (layers.points) H.focus(map, layers.points, String(message.id));
      },
      updateShapes: function (message) {
        if (layers.shapes) H.updateShapes(layers.shapes, message.changes);
      },
      updateLabels: function (message) {
        if (layers.labels) H.updateLabels(layers.labels, message.texts);
      },
      caption: function (message) {
        if (layers.caption) layers.caption.setText(String(message.text));
      },
    };
    window.addEventListener("message", function (event) {
      var message = event.data;
      if (event.source !== window.parent || !message || message.hemisphere !== "map") return;
      if (!Object.prototype.hasOwnProperty.call(actions, message.action)) return;
      actions[message.action](message);
    });
    if (window.parent !== window) window.parent.postMessage({ hemisphere: "map-ready" }, "*");
  };

  /* Name the map for screen readers; the table beside it carries the same content. */
  H.describeMap = function (map, label) {
    var container = map.getContainer();
    container.setAttribute("role", "region");
    container.setAttribute("aria-label", label);
  };
})();
