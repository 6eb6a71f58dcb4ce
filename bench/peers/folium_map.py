"""Peer: the map a user writes with folium directly (Choropleth + CircleMarker).

Usage: folium_map.py GEOMETRY PROVINCES_CSV PRISONS_CSV OUT_HTML

Written the way folium's own documentation shows it, with folium's defaults (its default
tile layer included), so that the benchmark measures what a user of folium gets.
"""

from __future__ import annotations

import math
import sys

import folium
import pandas as pd


def main(geometry: str, provinces_csv: str, prisons_csv: str, out: str) -> None:
    provinces = pd.read_csv(provinces_csv)
    prisons = pd.read_csv(prisons_csv)
    m = folium.Map(location=[32.5, 54.0], zoom_start=5)
    folium.Choropleth(
        geo_data=geometry,
        data=provinces,
        columns=["hasc", "executions"],
        key_on="feature.properties.hasc",
        fill_color="YlOrRd",
        nan_fill_color="white",
        legend_name="Executions",
        name="Provinces",
    ).add_to(m)
    points = folium.FeatureGroup(name="Prisons")
    largest = prisons["executions"].max()
    for row in prisons.sort_values("executions", ascending=False).itertuples():
        folium.CircleMarker(
            location=[row.lat, row.lon],
            radius=25 * math.sqrt(row.executions / largest),
            tooltip=f"{row.name}: {row.executions}",
            fill=True,
            fill_opacity=0.6,
        ).add_to(points)
    points.add_to(m)
    folium.LayerControl().add_to(m)
    m.save(out)


if __name__ == "__main__":
    main(*sys.argv[1:5])
