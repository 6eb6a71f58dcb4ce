"""Geometry to compact, stable GeoJSON: rounded coordinates, no repeated points.

Rounding is what keeps the province layer small and the bytes stable. Neighbouring provinces
share their border vertices, and a shared vertex rounds the same way on both sides, so
rounding opens no gaps between them.
"""

from __future__ import annotations

from typing import Any

from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

PLACES = 3  # about 100 m: finer than a province border drawn at country scale
Ring = list[list[float]]


def _ring(coords: Any, places: int) -> Ring | None:
    out: Ring = []
    for x, y, *_ in coords:
        point = [round(float(x), places), round(float(y), places)]
        if not out or out[-1] != point:
            out.append(point)
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out if len(out) >= 4 else None


def _polygon(polygon: Polygon, places: int) -> list[Ring] | None:
    exterior = _ring(polygon.exterior.coords, places)
    if exterior is None:
        return None
    holes = [_ring(hole.coords, places) for hole in polygon.interiors]
    return [exterior, *(h for h in holes if h is not None)]


#: Results by the identity of the shape (and the places): a build puts the same 31 shapes
#: into every page. Each entry holds its shape, so that identity cannot be reused meanwhile.
_DONE: dict[tuple[int, int], tuple[BaseGeometry, dict[str, Any] | None]] = {}
_DONE_LIMIT = 512


def polygon_json(geometry: BaseGeometry, places: int = PLACES) -> dict[str, Any] | None:
    """A (Multi)Polygon as a GeoJSON geometry dict, or None when nothing survives rounding.

    The dict returned is shared between callers: it must not be changed.
    """
    known = _DONE.get((id(geometry), places))
    if known is not None and known[0] is geometry:
        return known[1]
    found = _polygon_json(geometry, places)
    if len(_DONE) >= _DONE_LIMIT:
        _DONE.clear()
    _DONE[(id(geometry), places)] = (geometry, found)
    return found


def _polygon_json(geometry: BaseGeometry, places: int) -> dict[str, Any] | None:
    if isinstance(geometry, Polygon):
        parts = [geometry]
    elif isinstance(geometry, MultiPolygon):
        parts = list(geometry.geoms)
    else:
        msg = f"a province must be a Polygon or MultiPolygon, found {geometry.geom_type!r}"
        raise ValueError(msg)
    polygons = [p for p in (_polygon(part, places) for part in parts) if p is not None]
    if not polygons:
        return None
    if len(polygons) == 1:
        return {"type": "Polygon", "coordinates": polygons[0]}
    return {"type": "MultiPolygon", "coordinates": polygons}


def latlng(x: float, y: float, places: int = 4) -> list[float]:
    """A point as Leaflet's ``[lat, lon]``, rounded (4 places: about 10 m)."""
    return [round(float(y), places), round(float(x), places)]


def bounds(total_bounds: Any, pad: float = 0.0) -> list[list[float]]:
    """``[[south, west], [north, east]]`` from geopandas ``total_bounds``, padded in degrees."""
    west, south, east, north = (float(v) for v in total_bounds)
    return [
        [round(south - pad, 2), round(west - pad, 2)],
        [round(north + pad, 2), round(east + pad, 2)],
    ]
