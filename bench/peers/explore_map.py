"""Peer: the map a user gets from geopandas' ``GeoDataFrame.explore()``.

Usage: explore_map.py GEOMETRY PROVINCES_CSV PRISONS_CSV OUT_HTML

Provinces shaded by executions, prisons as circle markers sized by executions, both as
layers of one map; explore()'s defaults otherwise (its default tile layer included).
"""

from __future__ import annotations

import math
import sys
from typing import Any

import folium
import geopandas as gpd
import pandas as pd


def main(geometry: str, provinces_csv: str, prisons_csv: str, out: str) -> None:
    shapes = gpd.read_file(geometry)
    provinces = shapes.merge(pd.read_csv(provinces_csv)[["hasc", "executions"]], "left", "hasc")
    m = provinces.explore(column="executions", cmap="YlOrRd", name="Provinces")
    table = pd.read_csv(prisons_csv).sort_values("executions", ascending=False)
    prisons = gpd.GeoDataFrame(
        table, geometry=gpd.points_from_xy(table["lon"], table["lat"]), crs="EPSG:4326"
    )
    largest = float(prisons["executions"].max())

    def size(feature: dict[str, Any]) -> dict[str, Any]:
        return {"radius": 25 * math.sqrt(feature["properties"]["executions"] / largest)}

    prisons.explore(
        m=m,
        name="Prisons",
        marker_type="circle_marker",
        style_kwds={"style_function": size, "fillOpacity": 0.6},
    )
    folium.LayerControl().add_to(m)
    m.save(out)


if __name__ == "__main__":
    main(*sys.argv[1:5])
