/* iranmap timeline: moves the map drawn by iranmap.js from one time step to another.
   Reads the same JSON (#im-data, its "tl" part); restyles the provinces and resizes the
   prisons in place, so switching steps draws no new shapes. Text goes in with textContent. */
(function () {
  "use strict";
  /* iranmap.js sets window.iranmap once the whole map is drawn, a frame after the
     provinces, and then says so with an "iranmap:ready" event. */
  if (window.iranmap) start();
  else document.addEventListener("iranmap:ready", start, { once: true });

  function start() {
    var api = window.iranmap;
    var D = JSON.parse(document.getElementById("im-data").textContent);
    var TL = D.tl;
    var T = D.t;
    var RTL = D.lang === "fa";
    var range = document.getElementById("tl-range");
    var output = document.getElementById("tl-step");
    var status = document.getElementById("tl-status");
    var niLine = document.getElementById("tl-ni");
    var play = document.getElementById("tl-play");
    var bars = document.querySelectorAll(".tl-bar");
    var legends = document.querySelectorAll(".tl-legend");
    var markers = api.prisons ? api.prisons.getLayers() : [];
    var places = D.prisons || [];
    var mode = "step";
    var k = TL.shown;
    var timer = null;

    /* A count as the page writes it: 1,234 or ۱٬۲۳۴. */
    function fmt(n) {
      var s = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
      if (!RTL) return s;
      return s.replace(/[0-9,]/g, function (c) {
        return c === "," ? "\u066c" : String.fromCharCode(0x06f0 + Number(c));
      });
    }

    function fill(template, values) {
      return template.replace(/\{(\w+)\}/g, function (all, key) {
        return key in values ? values[key] : all;
      });
    }

    /* The not-itemized fill iranmap.js made for its renderer: an SVG pattern, or a canvas
       one when the circles are many. */
    var hatch = api.notItemized || D.style.ni;

    /* The class of province i at the step shown; -1: not itemized. */
    function classOf(i) {
      return TL.classes[mode][k][i];
    }

    function colorOf(i) {
      var c = classOf(i);
      return c < 0 ? null : TL.colors[mode][c];
    }

    function provinceStyle(feature) {
      var color = colorOf(feature.properties.i);
      return {
        color: D.style.edge,
        weight: D.style.edgeWidth,
        fillColor: color === null ? hatch : color,
        fillOpacity: D.style.provinceOpacity
      };
    }

    function provinceLines(p) {
      var v = TL.values[mode][k][p.i];
      p.v = v < 0 ? null : fmt(v);
      p.tip = v < 0 ? [[null, T.not_itemized]] : [[T.executions, p.v]];
    }

    function radius(n) {
      var largest = TL.largest[mode];
      if (largest <= 0) return TL.radius[0];
      var r = TL.radius[1] * Math.sqrt(n / largest);
      return Math.round(Math.max(TL.radius[0], r) * 10) / 10;
    }

    function prisonTip(i, n) {
      var r = places[i];
      var box = document.createElement("div");
      box.className = "im-tip";
      box.lang = D.lang;
      box.dir = RTL ? "rtl" : "ltr";
      var name = document.createElement("strong");
      name.textContent = RTL ? r[5] || r[4] : r[4];
      name.dir = "auto";
      box.appendChild(name);
      [
        [T.province, RTL ? r[9] || r[8] : r[8]],
        [T.executions, fmt(n)]
      ].forEach(function (l) {
        var row = document.createElement("div");
        row.className = "im-tip-line";
        var label = document.createElement("span");
        label.className = "im-tip-label";
        label.textContent = l[0] + ": ";
        var value = document.createElement("bdi");
        value.textContent = l[1];
        row.appendChild(label);
        row.appendChild(value);
        box.appendChild(row);
      });
      return box;
    }

    function showPrisons() {
      if (!api.prisons) return;
      var row = TL.prisons[mode][k];
      var figures = {};
      for (var j = 0; j < row.length; j += 2) figures[row[j]] = row[j + 1];
      var shown = [];
      markers.forEach(function (m, i) {
        var n = figures[i];
        if (n === undefined) {
          api.prisons.removeLayer(m);
          return;
        }
        m.setRadius(radius(n));
        m.unbindTooltip();
        m.bindTooltip(prisonTip(i, n), {
          direction: "top",
          offset: [0, -radius(n)],
          className: "im-tooltip"
        });
        if (!api.prisons.hasLayer(m)) api.prisons.addLayer(m);
        shown.push(m);
      });
      /* Largest first, so that small circles stay on top. */
      shown.sort(function (a, b) {
        return b.getRadius() - a.getRadius();
      });
      shown.forEach(function (m) {
        m.bringToFront();
      });
    }

    function showText() {
      var n = TL.totals[k];
      var label = TL.labels[k];
      status.textContent = fill(TL.texts[n === 1 ? "status.one" : "status.many"], {
        step: label,
        n: fmt(n),
        m: fmt(TL.running[k]),
        start: TL.start
      });
      niLine.textContent = fill(TL.texts.ni, { n: fmt(TL.ni[k]) });
      niLine.hidden = TL.ni[k] === 0;
      output.textContent = label;
      range.setAttribute("aria-valuetext", label);
      for (var i = 0; i < bars.length; i++) {
        if (Number(bars[i].getAttribute("data-step")) === k) {
          bars[i].setAttribute("aria-current", "step");
        } else {
          bars[i].removeAttribute("aria-current");
        }
      }
    }

    function draw() {
      api.provinces.eachLayer(function (layer) {
        provinceLines(layer.feature.properties);
      });
      api.provinces.options.style = provinceStyle;
      api.provinces.setStyle(provinceStyle);
      showPrisons();
      showText();
    }

    function go(step) {
      k = Math.max(0, Math.min(TL.totals.length - 1, step));
      if (Number(range.value) !== k) range.value = String(k);
      draw();
    }

    function stop() {
      if (timer === null) return;
      window.clearInterval(timer);
      timer = null;
      play.textContent = TL.texts.play;
      play.setAttribute("aria-pressed", "false");
    }

    function start() {
      if (k >= TL.totals.length - 1) go(0);
      play.textContent = TL.texts.pause;
      play.setAttribute("aria-pressed", "true");
      timer = window.setInterval(function () {
        if (k >= TL.totals.length - 1) stop();
        else go(k + 1);
      }, 1200);
    }

    range.addEventListener("input", function () {
      go(Number(range.value));
    });
    play.addEventListener("click", function () {
      if (timer === null) start();
      else stop();
    });
    for (var b = 0; b < bars.length; b++) {
      bars[b].addEventListener("click", function (e) {
        stop();
        go(Number(e.currentTarget.getAttribute("data-step")));
      });
    }
    document.querySelector(".tl-mode").addEventListener("change", function (e) {
      if (e.target.name !== "tl-mode") return;
      mode = e.target.value;
      for (var i = 0; i < legends.length; i++) {
        legends[i].hidden = legends[i].getAttribute("data-mode") !== mode;
      }
      draw();
    });

    draw();
    api.timeline = {
      go: go,
      step: function () {
        return k;
      },
      mode: function () {
        return mode;
      },
      /* The fill of each province at the step shown (null: not itemized), for tests. */
      fills: function () {
        var out = {};
        api.provinces.eachLayer(function (layer) {
          out[layer.feature.properties.iso] = colorOf(layer.feature.properties.i);
        });
        return out;
      },
      circles: function () {
        return api.prisons ? api.prisons.getLayers().length : 0;
      }
    };
  }
})();
