/* iranmap: draws one map page from the JSON in #im-data.
   Text from reports and the gazetteer goes into the page with textContent only. */
(function () {
  "use strict";
  var mark = function (name) {
    if (window.performance && performance.mark) performance.mark("im:" + name);
  };
  mark("start");
  var D = JSON.parse(document.getElementById("im-data").textContent);
  mark("data");
  var T = D.t;
  var S = D.style; /* colours, strokes and opacities: iranmap.style */
  var RTL = D.lang === "fa";

  function el(tag, cls, text, parent) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== null && text !== undefined) e.textContent = text;
    if (parent) parent.appendChild(e);
    return e;
  }

  /* A count as the page writes it (i18n.fmt_int): 1,234 or ۱٬۲۳۴. */
  function fmt(n) {
    var s = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    if (!RTL) return s;
    return s.replace(/[0-9,]/g, function (c) {
      return c === "," ? "\u066c" : String.fromCharCode(0x06f0 + Number(c));
    });
  }

  /* A circle's radius in pixels, its area to scale with the largest figure it is drawn
     beside (points.circle_radius). */
  function radius(n, largest) {
    if (largest <= 0) return S.minRadius;
    var r = S.maxRadius * Math.sqrt(n / largest);
    return Math.round(Math.max(S.minRadius, r) * 10) / 10;
  }

  function tipBox() {
    var box = el("div", "im-tip");
    box.lang = D.lang;
    box.dir = RTL ? "rtl" : "ltr";
    return box;
  }

  /* The name in the page's language first, then the other one marked with its own lang/dir. */
  function names(box, en, fa) {
    var own = RTL ? fa || en : en;
    var other = RTL ? en : fa;
    var head = el("div", "im-tip-names", null, box);
    el("strong", null, own, head).dir = "auto";
    if (other && other !== own) {
      head.appendChild(document.createTextNode(" "));
      var alt = el("span", "im-tip-alt", other, head);
      alt.lang = RTL ? "en" : "fa";
      alt.dir = RTL ? "ltr" : "rtl";
    }
  }

  /* lang: the value's language where it is not the page's (it is then marked with it). */
  function line(box, label, value, lang) {
    if (value === null || value === undefined || value === "") return;
    var row = el("div", "im-tip-line", null, box);
    el("span", "im-tip-label", label + ": ", row);
    var v = el("bdi", null, value, row);
    if (lang && lang !== D.lang) {
      v.lang = lang;
      v.dir = lang === "fa" ? "rtl" : "ltr";
    }
  }

  /* What tooltips cite: the report's document; a timeline sets its step's (api.cite). */
  var cite = D.cite;

  function provinceTip(p) {
    var box = tipBox();
    names(box, p.en, p.fa);
    if (p.tip) {
      /* A page may give the lines itself: [label, value], or [null, note]. */
      p.tip.forEach(function (l) {
        if (l[0] === null) el("div", "im-tip-ni", l[1], box);
        else line(box, l[0], l[1]);
      });
      return box;
    }
    if (p.v === null) {
      el("div", "im-tip-ni", T.not_itemized_note, box);
      return box;
    }
    if (p.nr) {
      el("div", "im-tip-ni", T.none_reported_note, box);
      line(box, T.source, cite);
      return box;
    }
    line(box, T.executions, p.v);
    line(box, T.per_million_short, p.pm);
    line(box, T.share, p.sh);
    line(box, T.rank, p.rk);
    line(box, T.source, cite);
    return box;
  }

  /* r: [lat, lon, radius, figure, name_en, name_fa, city, city_fa, province_en, province_fa,
         precision (1 site, 0 city centre), source line, together, as reported, identified,
         the report's note (its quote of the source, where it has one)];
         a city without a Persian name shows in English on a Persian page, marked as such.
         The source a tooltip cites is the report's document (cite), not a file's line. */
  function prisonTip(r) {
    var box = tipBox();
    names(box, r[4], r[5]);
    if (r[13] && r[13] !== r[4] && r[13] !== r[5]) line(box, T.as_reported, r[13]);
    if (RTL && r[7]) line(box, T.city, r[7]);
    else line(box, T.city, r[6], "en");
    line(box, T.province, RTL ? r[9] || r[8] : r[8]);
    line(box, T.executions, r[3]);
    var where = r[10] ? T["precision.facility"] : T["precision.city"];
    line(box, T.location, r[14] ? where + T.list_sep + T.identified : where);
    if (r[12]) {
      line(box, T.same_point, r[12].map(function (o) {
        return o[0] + " (" + o[1] + ")";
      }).join(T.list_sep));
    }
    line(box, T.source, cite);
    line(box, T.note, r[15]);
    line(box, T.grade, r[16]);
    return box;
  }

  /* In an article's frame (?embed, or a frame the snippet named): the compact layout, sized
     by its content (see embed.py). */
  var EMBED =
    /[?&]embed(?:[=&]|$)/.test(location.search) || /^iranmap-/.test(window.name || "");
  if (EMBED) document.documentElement.className += " im-embed";
  var narrow = window.matchMedia("(max-width: 560px)").matches;
  var facts = document.querySelector(".im-facts-box");
  var legendLine = document.querySelector(".im-legend-line");
  if (EMBED && legendLine) {
    /* Title, map and the legend in one line; the facts, the full legend, the notes and the
       downloads behind one "Details" control, opened on demand (the frame grows with it). */
    var details = el("details", "im-details");
    el("summary", "im-details-h", T.details, details);
    [facts, document.querySelector(".im-legend"), document.querySelector(".im-footer")]
      .forEach(function (part) {
        if (part) details.appendChild(part);
      });
    document.querySelector(".im-page").appendChild(details);
  } else if (facts && (narrow || EMBED)) {
    facts.open = false; /* the header collapses */
  }

  var map = L.map("im-map", {
    zoomControl: false,
    attributionControl: false,
    zoomSnap: 0.25,
    zoomDelta: 0.5,
    minZoom: 3,
    maxZoom: D.tiles ? D.tiles.maxZoom : 11,
    maxBounds: D.maxBounds,
    maxBoundsViscosity: 0.8,
    gestureHandling: true,
    gestureHandlingOptions: { text: D.gesture, duration: 1500 }
  });
  var zoomControl = L.control
    .zoom({
      position: RTL ? "topright" : "topleft",
      zoomInTitle: T.zoom_in,
      zoomOutTitle: T.zoom_out
    })
    .addTo(map);

  /* The credits in the page's language. Where the map is small they fold behind a button, so
     that two lines of text never lie on the south coast. */
  var Credit = L.Control.Attribution.extend({
    onAdd: function (m) {
      this._text = null;
      var text = L.Control.Attribution.prototype.onAdd.call(this, m);
      this._text = text;
      text.lang = D.lang;
      text.dir = RTL ? "rtl" : "ltr";
      var box = L.DomUtil.create("div", "im-credit leaflet-control");
      if (this.options.compact) L.DomUtil.addClass(box, "im-credit-compact");
      var button = el("button", "im-credit-button", "i", box);
      button.type = "button";
      button.title = D.credits.title;
      button.setAttribute("aria-label", D.credits.title);
      button.setAttribute("aria-expanded", "false");
      L.DomEvent.on(button, "click", function () {
        var open = !L.DomUtil.hasClass(box, "im-credit-open");
        if (open) L.DomUtil.addClass(box, "im-credit-open");
        else L.DomUtil.removeClass(box, "im-credit-open");
        button.setAttribute("aria-expanded", open ? "true" : "false");
      });
      box.appendChild(text);
      L.DomEvent.disableClickPropagation(box);
      return box;
    },
    _update: function () {
      var box = this._container;
      this._container = this._text || box;
      L.Control.Attribution.prototype._update.call(this);
      this._container = box;
    }
  });
  var leafletLink = el("a", null, D.credits.leaflet);
  leafletLink.href = "https://leafletjs.com";
  var compact = EMBED || map.getSize().x < 720;
  var attribution = new Credit({
    position: RTL ? "bottomleft" : "bottomright",
    prefix: leafletLink.outerHTML,
    compact: compact
  });
  /* The borders' credit, as text: the control takes HTML, so it is escaped first. */
  var creditBox = document.createElement("span");
  creditBox.textContent = D.credit;
  attribution.addAttribution(creditBox.innerHTML).addTo(map);
  /* Keep Iran clear of the legend where the legend floats over the map. */
  var legendBox = document.querySelector(".im-legend");
  var side = 6;
  if (legendBox && window.getComputedStyle(legendBox).position === "absolute") {
    side = Math.min(legendBox.offsetWidth + 12, map.getSize().x / 3);
  }
  /* Room kept clear on each side of Iran: the floating legend's, and a control's (below). */
  var pads = { left: RTL ? 6 : side, right: RTL ? side : 6 };
  function fit() {
    map.fitBounds(D.bounds, {
      paddingTopLeft: [pads.left, 6],
      paddingBottomRight: [pads.right, 6],
      animate: false
    });
  }
  fit();

  mark("map");
  if (D.tiles) {
    L.tileLayer(D.tiles.url, {
      attribution: D.tiles.attribution,
      maxZoom: D.tiles.maxZoom,
      subdomains: D.tiles.subdomains
    }).addTo(map);
  }

  /* Provinces and prisons share one renderer, so that hit-testing finds the topmost shape of
     either layer. SVG draws a few hundred shapes soonest (each is drawn as it is added, and
     nothing is read back); past that, one canvas draws ten thousand circles fast. */
  var many = D.prisons && D.prisons.length > 500;
  var canvas = many ? L.canvas({ padding: 0.5, tolerance: 2 }) : L.svg({ padding: 0.1 });
  var measure = D.measure;

  /* Patterned fills: not itemized is hatched; a page may define more, as
     {c, shape: "dots"|"lines", bg, fg}. A pattern is a <pattern> of the SVG renderer, or a
     CanvasPattern of the canvas one. */
  var shapes = [{ c: -1, shape: "hatch", bg: S.ni, fg: S.hatch }].concat(
    S.patterns || []
  );
  var patterns = {};
  var SVGNS = "http://www.w3.org/2000/svg";

  function svgChild(parent, name, attrs) {
    var e = document.createElementNS(SVGNS, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    parent.appendChild(e);
    return e;
  }

  function svgPatterns() {
    map.addLayer(canvas); /* creates the renderer's <svg> */
    var root = map.getPane("overlayPane").querySelector("svg");
    var defs = svgChild(root, "defs", {});
    shapes.forEach(function (s, i) {
      var n = s.shape === "hatch" ? 8 : 6;
      var id = "im-pattern-" + i;
      var p = svgChild(defs, "pattern", {
        id: id,
        width: n,
        height: n,
        patternUnits: "userSpaceOnUse"
      });
      svgChild(p, "rect", { width: n, height: n, fill: s.bg });
      if (s.shape === "hatch") {
        svgChild(p, "path", {
          d: "M0 8L8 0M-1 1L1 -1M7 9L9 7",
          stroke: s.fg,
          "stroke-width": 1.25
        });
      } else if (s.shape === "dots") {
        svgChild(p, "circle", { cx: 3, cy: 3, r: 1.3, fill: s.fg });
      } else {
        svgChild(p, "rect", { y: 2.5, width: 6, height: 1, fill: s.fg });
      }
      patterns[s.c] = "url(#" + id + ")";
    });
  }

  function canvasPatterns() {
    shapes.forEach(function (s) {
      var n = s.shape === "hatch" ? 8 : 6;
      var tile = document.createElement("canvas");
      tile.width = tile.height = n;
      var c = tile.getContext("2d");
      c.fillStyle = s.bg;
      c.fillRect(0, 0, n, n);
      if (s.shape === "hatch") {
        c.strokeStyle = s.fg;
        c.lineWidth = 1.25;
        c.beginPath();
        c.moveTo(0, 8);
        c.lineTo(8, 0);
        c.moveTo(-1, 1);
        c.lineTo(1, -1);
        c.moveTo(7, 9);
        c.lineTo(9, 7);
        c.stroke();
      } else {
        c.fillStyle = s.fg;
        c.beginPath();
        if (s.shape === "dots") c.arc(3, 3, 1.3, 0, 2 * Math.PI);
        else c.rect(0, 2.5, 6, 1);
        c.fill();
      }
      patterns[s.c] = c.createPattern(tile, "repeat");
    });
  }

  if (D.shaded) {
    if (many) canvasPatterns();
    else svgPatterns();
  }

  function fill(p) {
    var c = p.c[measure];
    if (patterns[c]) return patterns[c];
    if (c === -2) return S.nopop;
    if (c === -3) return S.none;
    return D.colors[measure][c];
  }

  /* A province's look from its class in the measure shown (p.c[measure]): a page that
     changes p.c restyles with window.iranmap.restyle. */
  function provinceStyle(feature) {
    if (!D.shaded) {
      return { color: S.baseEdge, weight: S.edgeWidth, fillColor: S.baseFill, fillOpacity: S.provinceOpacity };
    }
    return {
      color: S.edge,
      weight: S.edgeWidth,
      fillColor: fill(feature.properties),
      fillOpacity: S.provinceOpacity
    };
  }

  var provinces = L.geoJSON(D.provinces, {
    renderer: canvas,
    interactive: D.shaded,
    style: provinceStyle
  }).addTo(map);

  /* Tooltips and hover: not needed to paint, so bound with the rest, before iranmap:ready. */
  function bindProvinces() {
    if (!D.shaded) return;
    provinces.eachLayer(function (layer) {
      layer.bindTooltip(
        function () {
          return provinceTip(layer.feature.properties);
        },
        { sticky: true, direction: "top", className: "im-tooltip" }
      );
      layer.on("mouseover", function () {
        layer.setStyle({ weight: S.hoverWidth, color: S.hoverEdge });
      });
      layer.on("mouseout", function () {
        provinces.resetStyle(layer);
      });
    });
  }

  /* A circle's tooltip, for the row r it draws (as in prisonTip), above the circle. */
  function bindPrisonTip(marker, r) {
    marker.unbindTooltip();
    marker.bindTooltip(
      function () {
        return prisonTip(r);
      },
      { direction: "top", offset: [0, -r[2]], className: "im-tooltip" }
    );
  }

  mark("provinces");
  var prisons = null;
  var circles = 0;

  /* Controls stand where they hide the least of the map: each goes to the corner whose
     box covers the fewest points of a province or a circle (its usual corner on a tie). */
  var CORNERS = ["topleft", "topright", "bottomleft", "bottomright"];

  function controlBox(control) {
    var r = control.getContainer().getBoundingClientRect();
    var m = map.getContainer().getBoundingClientRect();
    return [r.left - m.left, r.top - m.top, r.right - m.left, r.bottom - m.top];
  }

  function rings(latlngs, out) {
    if (latlngs.length && latlngs[0] instanceof L.LatLng) out.push(latlngs);
    else latlngs.forEach(function (x) {
      rings(x, out);
    });
    return out;
  }

  function drawnShapes() {
    var polygons = [];
    provinces.eachLayer(function (layer) {
      var box = L.bounds([]);
      var pixels = rings(layer.getLatLngs(), []).map(function (ring) {
        return ring.map(function (ll) {
          var p = map.latLngToContainerPoint(ll);
          box.extend(p);
          return p;
        });
      });
      polygons.push([box, pixels]);
    });
    var dots = [];
    if (prisons && map.hasLayer(prisons)) {
      prisons.eachLayer(function (m) {
        dots.push([map.latLngToContainerPoint(m.getLatLng()), m.getRadius() + 2]);
      });
    }
    return { polygons: polygons, dots: dots };
  }

  function inside(p, pixels) {
    var odd = false;
    pixels.forEach(function (ring) {
      for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        var a = ring[i];
        var b = ring[j];
        if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) {
          odd = !odd;
        }
      }
    });
    return odd;
  }

  function covered(box, drawn) {
    var n = 0;
    for (var x = box[0]; x <= box[2]; x += 3) {
      for (var y = box[1]; y <= box[3]; y += 3) {
        var p = L.point(x, y);
        var hit = drawn.dots.some(function (d) {
          return p.distanceTo(d[0]) <= d[1];
        });
        if (hit) {
          n += 4; /* a circle is a figure: worse to hide than a province's edge */
          continue;
        }
        for (var i = 0; i < drawn.polygons.length; i++) {
          if (drawn.polygons[i][0].contains(p) && inside(p, drawn.polygons[i][1])) {
            n += 1;
            break;
          }
        }
      }
    }
    return n;
  }

  /* Where no corner is clear, Iran moves aside: the side of each control that still covers
     something keeps room for it (at most a quarter of the map), and the controls are placed
     again. */
  function placeControls(list) {
    var crowded = placeEach(list);
    if (!crowded.length) return;
    var size = map.getSize();
    crowded.forEach(function (control) {
      var box = controlBox(control);
      var left = /left$/.test(control.getPosition());
      var need = (left ? box[2] : size.x - box[0]) + 4;
      var key = left ? "left" : "right";
      pads[key] = Math.max(pads[key], Math.min(need, size.x / 4));
    });
    fit();
    placeEach(list);
  }

  function placeEach(list) {
    var drawn = drawnShapes();
    var crowded = [];
    list.forEach(function (control) {
      var usual = control.options.imUsual || control.getPosition();
      control.options.imUsual = usual;
      var order = [usual].concat(
        CORNERS.filter(function (c) {
          return c !== usual;
        })
      );
      var best = null;
      order.forEach(function (corner) {
        if (best && best[1] === 0) return;
        control.setPosition(corner);
        var score = covered(controlBox(control), drawn);
        if (!best || score < best[1]) best = [corner, score];
      });
      control.setPosition(best[0]);
      if (best[1] > 0) crowded.push(control);
    });
    return crowded;
  }

  /* The provinces are on screen once this script returns: everything else (circles, layer
     switch, labels, the embed's height) comes right after the browser has painted them, or
     after 50 ms where a hidden frame gets no paint. */
  var finished = false;
  function finish() {
    if (finished) return;
    finished = true;
    rest();
  }
  window.requestAnimationFrame(function () {
    window.setTimeout(finish, 0);
  });
  window.setTimeout(finish, 50);

  function rest() {
    bindProvinces();
    /* Places at one point (prisons at one city's centre) are one group there: nested, the
       smallest on top, each tooltip naming the others; never moved to invented positions. */
    if (D.prisons) {
      prisons = L.layerGroup();
      /* Largest first, as the data comes: small circles end up on top. */
      D.prisons.forEach(function (r) {
        var marker = L.circleMarker([r[0], r[1]], {
          renderer: canvas,
          radius: r[2],
          color: S.circleStroke,
          weight: S.circleWidth,
          fillColor: S.circleFill,
          fillOpacity: S.circleOpacity,
          dashArray: r[10] ? null : S.cityDash,
          className: r[10] ? "im-site" : "im-city"
        });
        bindPrisonTip(marker, r);
        prisons.addLayer(marker);
        circles += 1;
      });
      prisons.addTo(map);
    }

    function showLegend() {
      var blocks = document.querySelectorAll(".im-legend-block");
      for (var i = 0; i < blocks.length; i++) {
        var b = blocks[i];
        if (b.getAttribute("data-measure")) {
          b.hidden = b.getAttribute("data-measure") !== measure || !map.hasLayer(provinces);
        } else if (b.getAttribute("data-layer") === "prisons") {
          b.hidden = !prisons || !map.hasLayer(prisons);
        }
      }
    }

    var sw = document.querySelector(".im-measure");
    if (sw && D.shaded) {
      sw.hidden = false;
      sw.addEventListener("change", function (e) {
        if (e.target.name !== "im-measure") return;
        measure = e.target.value;
        provinces.setStyle(provinceStyle);
        showLegend();
      });
    }

    var controls = [zoomControl, attribution];
    if (D.kind === "combined" && prisons) {
      var overlays = {};
      overlays[T.provinces] = provinces;
      overlays[T.prisons] = prisons;
      controls.unshift(
        L.control
          .layers(null, overlays, { collapsed: compact, position: RTL ? "topleft" : "topright" })
          .addTo(map)
      );
      map.on("overlayadd overlayremove", function (e) {
        if (e.layer === provinces && map.hasLayer(prisons)) {
          /* Re-added provinces go to the end of the canvas' drawing order: lift the prisons. */
          prisons.eachLayer(function (m) {
            m.bringToFront();
          });
        }
        showLegend();
      });
    }

    placeControls(controls);
    map.on("resize", function () {
      placeControls(controls);
    });

    if (EMBED && window.parent !== window) {
      /* Tell the article how tall the page is, whenever that changes. */
      var content = document.querySelector(".im-page");
      var posted = 0;
      var postHeight = function () {
        var h = Math.ceil(content.getBoundingClientRect().height);
        if (h === posted) return;
        posted = h;
        window.parent.postMessage({ iranmap: "height", frame: window.name, height: h }, "*");
      };
      if (window.ResizeObserver) new ResizeObserver(postHeight).observe(content);
      window.addEventListener("load", postHeight);
      postHeight();
    }

    /* Labels: the largest prisons' names beside their circles, then province names (with their
       figures) wherever they fit inside the province; none on another. Redrawn after each zoom,
       a frame after the map, so they never delay it. */
    var labelPane = map.createPane("im-labels");
    labelPane.style.zIndex = 620;
    labelPane.style.pointerEvents = "none";
    var PRISON_LABELS = 5;
    var CIRCLES_KEPT_CLEAR = 50;
    var measureCtx = document.createElement("canvas").getContext("2d");

    function textWidth(text, font) {
      measureCtx.font = font;
      return measureCtx.measureText(text).width;
    }

    function placeLabels() {
      labelPane.textContent = "";
      /* No label under a control: each control's box is taken before any label. */
      var taken = controls.map(function (c) {
        var r = controlBox(c);
        var a = map.containerPointToLayerPoint(L.point(r[0], r[1]));
        var b = map.containerPointToLayerPoint(L.point(r[2], r[3]));
        return [a.x, a.y, b.x, b.y];
      });
      var font = "600 12px " + window.getComputedStyle(document.body).fontFamily;
      function free(r) {
        for (var i = 0; i < taken.length; i++) {
          var t = taken[i];
          if (r[0] < t[2] && t[0] < r[2] && r[1] < t[3] && t[1] < r[3]) return false;
        }
        return true;
      }
      function put(text, x, y, anchor, cls) {
        var w = textWidth(text, font) + 6;
        var h = 16;
        var left = anchor === "middle" ? x - w / 2 : anchor === "end" ? x - w : x;
        var r = [left, y - h / 2, left + w, y + h / 2];
        /* Whole labels only: one cut by the map's edge would misname a place. */
        var tl = map.layerPointToContainerPoint(L.point(r[0], r[1]));
        var size = map.getSize();
        if (tl.x < 0 || tl.y < 0 || tl.x + w > size.x || tl.y + h > size.y) return false;
        if (!free(r)) return false;
        taken.push(r);
        var e = el("div", "im-label " + cls, text, labelPane);
        e.dir = "auto";
        L.DomUtil.setPosition(e, L.point(left, y - h / 2));
        return true;
      }
      if (prisons && map.hasLayer(prisons)) {
        var largest = prisons.getLayers().slice(0, CIRCLES_KEPT_CLEAR);
        /* Labels keep off the largest circles (all of them would be slow with thousands),
           every one of them, so that no label lies on a neighbour's circle. */
        largest.forEach(function (m) {
          var c = map.latLngToLayerPoint(m.getLatLng());
          var rr = m.getRadius();
          taken.push([c.x - rr, c.y - rr, c.x + rr, c.y + rr]);
        });
        largest.slice(0, PRISON_LABELS).forEach(function (m, i) {
          var r = D.prisons[i];
          var p = map.latLngToLayerPoint(m.getLatLng());
          var gap = m.getRadius() + 3;
          var name = RTL ? r[5] || r[4] : r[4];
          if (!put(name, p.x + (RTL ? -gap : gap), p.y, RTL ? "end" : "start", "im-label-prison")) {
            put(name, p.x + (RTL ? gap : -gap), p.y, RTL ? "start" : "end", "im-label-prison");
          }
        });
      }
      if (!D.shaded || !map.hasLayer(provinces)) return;
      var layers = provinces.getLayers().slice();
      layers.sort(function (a, b) {
        return (b.feature.properties.n || 0) - (a.feature.properties.n || 0);
      });
      layers.forEach(function (layer) {
        var p = layer.feature.properties;
        var text = (RTL ? p.fa : p.en) + (p.v === null || p.v === undefined ? "" : " " + p.v);
        var b = layer.getBounds();
        var width = map.latLngToLayerPoint(b.getNorthEast()).x - map.latLngToLayerPoint(b.getSouthWest()).x;
        if (textWidth(text, font) + 10 > width * 0.8) return;
        var at = map.latLngToLayerPoint(p.pt);
        /* At its point, else just above or below (a circle may stand on the point). */
        [0, 18, -18, 30, -30].some(function (dy) {
          return put(text, at.x, at.y + dy, "middle", "im-label-province");
        });
      });
    }

    map.on("zoomend overlayadd overlayremove", placeLabels);
    window.requestAnimationFrame(function () {
      window.requestAnimationFrame(placeLabels);
    });

    mark("end");
    /* For tests and for readers' own scripts: the map and its layers. The rest is what
       timeline.js draws with, so that every page has one owner of each rule:
       fmt(n)                  a count in the page's digits (i18n.fmt_int);
       radius(n, largest)      a circle's radius (points.circle_radius);
       restyle(measure)        fills, edges and labels again, after a page changed the classes
                               (p.c) and figures (p.v, p.nr) of its provinces;
       prisonTip(r), bindPrisonTip(marker, r)   a circle's tooltip for its row r.
       A province's tooltip reads its properties when it opens. */
    window.iranmap = {
      map: map,
      provinces: provinces,
      prisons: prisons,
      counts: { provinces: provinces.getLayers().length, prisons: circles },
      notItemized: patterns[-1],
      measure: function () {
        return measure;
      },
      fmt: fmt,
      radius: radius,
      cite: function (text) {
        cite = text;
      },
      restyle: function (m) {
        if (m) measure = m;
        provinces.setStyle(provinceStyle);
        placeLabels(); /* a province's label carries its figure */
      },
      prisonTip: prisonTip,
      bindPrisonTip: bindPrisonTip
    };
    document.dispatchEvent(new Event("iranmap:ready"));
  }
})();
