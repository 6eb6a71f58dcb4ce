"""Peer: plotly's ``choropleth_map`` with a scatter layer (only run when plotly is installed).

Usage: plotly_map.py GEOMETRY PROVINCES_CSV PRISONS_CSV OUT_HTML

``include_plotlyjs`` is left at its default (plotly.js inlined), as a user would save it.
"""

from __future__ import annotations

import json
import sys

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go


def main(geometry: str, provinces_csv: str, prisons_csv: str, out: str) -> None:
    with open(geometry, encoding="utf-8") as handle:
        shapes = json.load(handle)
    provinces = pd.read_csv(provinces_csv)
    prisons = pd.read_csv(prisons_csv)
    fig = px.choropleth_map(
        provinces,
        geojson=shapes,
        locations="hasc",
        featureidkey="properties.hasc",
        color="executions",
        color_continuous_scale="YlOrRd",
        center={"lat": 32.5, "lon": 54.0},
        zoom=4,
    )
    fig.add_trace(
        go.Scattermap(
            lat=prisons["lat"],
            lon=prisons["lon"],
            text=prisons["name"],
            marker={"size": (prisons["executions"] ** 0.5) * 3},
            name="Prisons",
        )
    )
    fig.write_html(out)


if __name__ == "__main__":
    main(*sys.argv[1:5])
