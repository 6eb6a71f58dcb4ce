"""Peer: the page a user writes by hand, with Leaflet inlined and the raw provinces.

Usage: bare_page.py GEOMETRY PROVINCES_CSV PRISONS_CSV OUT_HTML

No Python mapping library: one HTML file with Leaflet's CSS and JS pasted in (the same
Leaflet release iranmap inlines, from the ``xstatic-leaflet`` package), the Natural Earth
provinces as they come (the peers' geometry, unsimplified), and a dozen lines of script, as
Leaflet's own choropleth tutorial writes them: ``L.geoJSON`` with a ``style`` function on the
default (SVG) renderer, ``L.circleMarker`` for the prisons, a tooltip on each. No tiles, so
it draws offline, like iranmap's page. It is the floor to measure iranmap's page against:
everything iranmap's page does beyond it (legend, tables, hatching, gestures, labels) costs
time that this page does not pay.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import pandas as pd
import xstatic.pkg.leaflet as xleaflet

# ColorBrewer YlOrRd, 5 classes, and upper bounds chosen by hand, as a user would.
_SCRIPT = """
var data = %(data)s;
var figures = %(figures)s;
var prisons = %(prisons)s;
function color(v) {
  return v === undefined ? "#d4d4d4" : v > 150 ? "#bd0026" : v > 60 ? "#f03b20"
    : v > 40 ? "#fd8d3c" : v > 30 ? "#fecc5c" : "#ffffb2";
}
var map = L.map("map");
map.fitBounds([[25.06, 44.03], [39.78, 63.33]]);
L.geoJSON(data, {
  style: function (f) {
    return {color: "#595959", weight: 0.8, fillColor: color(figures[f.properties.hasc]),
            fillOpacity: 1};
  },
  onEachFeature: function (f, layer) {
    var v = figures[f.properties.hasc];
    layer.bindTooltip(f.properties.name + ": " + (v === undefined ? "no figure" : v));
  }
}).addTo(map);
prisons.forEach(function (p) {
  L.circleMarker([p[0], p[1]], {radius: p[2], color: "#fff", weight: 1, fillColor: "#2166ac",
                                fillOpacity: 0.7})
    .bindTooltip(p[3] + ": " + p[4]).addTo(map);
});
"""

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Executions in Iran</title>
<style>%(leaflet_css)s</style>
<style>html, body, #map { height: 100%%; margin: 0; }</style>
</head>
<body>
<div id="map"></div>
<script>%(leaflet_js)s</script>
<script>%(script)s</script>
</body>
</html>
"""


def main(geometry: str, provinces_csv: str, prisons_csv: str, out: str) -> None:
    provinces = pd.read_csv(provinces_csv)
    prisons = pd.read_csv(prisons_csv).sort_values("executions", ascending=False)
    largest = prisons["executions"].max()
    rows = [
        [r.lat, r.lon, round(25 * math.sqrt(r.executions / largest), 1), r.name, r.executions]
        for r in prisons.itertuples()
    ]
    figures = {
        str(k): int(v) for k, v in zip(provinces["hasc"], provinces["executions"], strict=False)
    }
    base = Path(xleaflet.BASE_DIR)
    script = _SCRIPT % {
        "data": Path(geometry).read_text(encoding="utf-8"),
        "figures": json.dumps(figures),
        "prisons": json.dumps(rows, ensure_ascii=False),
    }
    page = _PAGE % {
        "leaflet_css": (base / "leaflet.css").read_text(encoding="utf-8"),
        "leaflet_js": (base / "leaflet.js").read_text(encoding="utf-8"),
        "script": script,
    }
    Path(out).write_text(page, encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:5])
