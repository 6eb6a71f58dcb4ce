/* iranmap timeline: moves the map drawn by iranmap.js from one time step to another.
   Reads the same JSON (#im-data, its "tl" part); sets each province's class and figure for
   the step and lets iranmap.js restyle the same shapes, and resizes the prisons in place, so
   switching steps draws no new shapes. Digits, circle sizes, colours and tooltips are
   iranmap.js' own (window.iranmap), never written again here. Text goes in with
   textContent. */
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
    /* Counts, circle sizes, province colours and tooltips are iranmap.js' (window.iranmap):
       this script only says which step is shown. */
    var fmt = api.fmt;

    /* A sentence of the page's words with its {placeholders} filled in. */
    function fillIn(template, values) {
      return template.replace(/\{(\w+)\}/g, function (all, key) {
        return key in values ? values[key] : all;
      });
    }

    /* Province i at the step shown, as a report page's province: its class in each mode
       (c; -1 not itemized, -3 none reported), its figure (v) and none reported (nr). */
    function setProvince(p) {
      var c = {};
      for (var m in TL.classes) c[m] = TL.classes[m][k][p.i];
      p.c = c;
      var v = TL.values[mode][k][p.i];
      p.v = v < 0 ? null : fmt(v);
      p.nr = c[mode] === -3;
    }

    /* A place's name in the page's language (points.data's name_en, name_fa). */
    function nameOf(r) {
      return D.lang === "fa" ? r[5] || r[4] : r[4];
    }

    function showPrisons() {
      if (!api.prisons) return;
      var row = TL.prisons[mode][k];
      var figures = {};
      var at = {}; /* places at one point, largest first: one group there */
      for (var j = 0; j < row.length; j += 2) figures[row[j]] = row[j + 1];
      Object.keys(figures)
        .map(Number)
        .sort(function (a, b) {
          return figures[b] - figures[a];
        })
        .forEach(function (i) {
          var key = places[i][0] + "," + places[i][1];
          (at[key] = at[key] || []).push(i);
        });
      var shown = [];
      markers.forEach(function (m, i) {
        var n = figures[i];
        if (n === undefined) {
          api.prisons.removeLayer(m);
          return;
        }
        var r = places[i].slice();
        r[2] = api.radius(n, TL.largest[mode]);
        r[3] = fmt(n);
        var others = at[r[0] + "," + r[1]].filter(function (o) {
          return o !== i;
        });
        r[12] = others.length
          ? others.map(function (o) {
              return [nameOf(places[o]), fmt(figures[o])];
            })
          : null;
        m.setRadius(r[2]);
        api.bindPrisonTip(m, r);
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

    /* The legend explains "none reported" and "not itemized" where the step shown has
       such a province (the report page's rule, decided for each step in View.marks). */
    function showMarks() {
      var marks = TL.marks[mode][k];
      for (var i = 0; i < legends.length; i++) {
        legends[i].hidden = legends[i].getAttribute("data-mode") !== mode;
        var none = legends[i].querySelectorAll('[data-key="none"]');
        var ni = legends[i].querySelectorAll('[data-key="ni"]');
        for (var j = 0; j < none.length; j++) none[j].hidden = !marks[0];
        for (j = 0; j < ni.length; j++) ni[j].hidden = !marks[1];
      }
    }

    function showText() {
      var n = TL.totals[k];
      var label = TL.labels[k];
      var key = "status." + (TL.least[k] ? "least." : "") + (n === 1 ? "one" : "many");
      status.textContent = fillIn(TL.texts[key], {
        step: label,
        n: fmt(n),
        m: fmt(TL.running[k]),
        start: TL.start
      });
      niLine.textContent = fillIn(TL.texts.ni, { n: fmt(TL.ni[k]) });
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

    /* Tooltips cite the step's own report (every report so far, for the running total). */
    function cite() {
      return TL.citeOf[mode][k]
        .map(function (i) {
          return TL.cites[i];
        })
        .join(TL.citeSep);
    }

    function draw() {
      api.cite(cite());
      api.provinces.eachLayer(function (layer) {
        setProvince(layer.feature.properties);
      });
      api.restyle(mode);
      showPrisons();
      showMarks();
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
      /* The fill of each province at the step shown (null: not itemized, a pattern), for
         tests. */
      fills: function () {
        var out = {};
        api.provinces.eachLayer(function (layer) {
          var f = layer.options.fillColor;
          out[layer.feature.properties.iso] = typeof f === "string" && f[0] === "#" ? f : null;
        });
        return out;
      },
      circles: function () {
        return api.prisons ? api.prisons.getLayers().length : 0;
      }
    };
  }
})();
