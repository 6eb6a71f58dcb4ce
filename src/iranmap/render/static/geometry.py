"""Provinces and places projected onto the image: Web Mercator, as the pages draw them,
scaled into the map's frame with north up."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import shapely
from shapely.geometry import MultiPolygon, Polygon, shape
from shapely.ops import polylabel, unary_union

from iranmap.render.choropleth import ProvinceRow
from iranmap.render.static.svg import num

#: Iran's extent, used when no province has a shape (lon, lat).
IRAN = ((44.0, 25.0), (63.5, 40.0))
LINESTRING = shapely.GeometryType.LINESTRING


def mercator(lat: float) -> float:
    """Latitude to Web Mercator's y, in degree units, so the shapes match the pages'."""
    return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))


Ring = list[tuple[float, float]]


#: Projected rings and path data by the identity of the shape they came from. A build draws
#: the same 31 shapes into eight images, so each is projected once. The cache holds the shape
#: itself, so its identity cannot pass to another object while the entry lives.
_PROJECTED: dict[int, tuple[dict[str, Any], list[list[Ring]]]] = {}
_PATHS: dict[tuple[int, Frame], tuple[dict[str, Any], str]] = {}
_HATCHES: dict[tuple[tuple[int, ...], Frame, float], tuple[tuple[dict[str, Any], ...], str]] = {}
_CACHE_LIMIT = 512


def _remember(cache: dict[Any, Any], key: Any, value: Any) -> None:
    if len(cache) >= _CACHE_LIMIT:
        cache.clear()
    cache[key] = value


def _rings(geometry: dict[str, Any]) -> list[list[Ring]]:
    """A GeoJSON (Multi)Polygon as polygons of rings, in (lon, Mercator y). Callers must not
    change the lists returned: they are shared."""
    known = _PROJECTED.get(id(geometry))
    if known is not None and known[0] is geometry:
        return known[1]
    polygons = (
        geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    )
    rings = [
        [[(float(x), mercator(float(y))) for x, y, *_ in ring] for ring in polygon]
        for polygon in polygons
    ]
    _remember(_PROJECTED, id(geometry), (geometry, rings))
    return rings


@dataclass(frozen=True)
class Frame:
    """Map coordinates (lon, Mercator y) to image pixels inside a box, aspect kept."""

    scale: float
    x0: float  # image x of lon 0 ... see :meth:`point`
    y0: float
    box: tuple[float, float, float, float]  # left, top, right, bottom of the fitted map

    def point(self, lon: float, y: float) -> tuple[float, float]:
        return self.x0 + lon * self.scale, self.y0 - y * self.scale

    def lonlat(self, lon: float, lat: float) -> tuple[float, float]:
        return self.point(lon, mercator(lat))


def fit(rows: Sequence[ProvinceRow], left: float, top: float, width: float, height: float) -> Frame:
    """The frame that fits every province's shape into the box, centred, padded a little."""
    xs: list[float] = []
    ys: list[float] = []
    for row in rows:
        if row.geometry is None:
            continue
        for polygon in _rings(row.geometry):
            xs += [x for x, _ in polygon[0]]
            ys += [y for _, y in polygon[0]]
    if not xs:
        (w, s), (e, n) = IRAN
        xs, ys = [w, e], [mercator(s), mercator(n)]
    span_x, span_y = max(xs) - min(xs), max(ys) - min(ys)
    pad = 0.01 * max(span_x, span_y)
    span_x, span_y = span_x + 2 * pad, span_y + 2 * pad
    scale = min(width / span_x, height / span_y)
    used_w, used_h = span_x * scale, span_y * scale
    left += (width - used_w) / 2
    x0 = left - (min(xs) - pad) * scale
    y0 = top + (max(ys) + pad) * scale
    return Frame(scale, x0, y0, (left, top, left + used_w, top + used_h))


def path_data(geometry: dict[str, Any], frame: Frame) -> str:
    """SVG path data of a province; points that round to the same pixel are merged.

    Neighbours share their border vertices and round them alike, so no gap opens.
    """
    known = _PATHS.get((id(geometry), frame))
    if known is not None and known[0] is geometry:
        return known[1]
    parts: list[str] = []
    for polygon in _rings(geometry):
        for ring in polygon:
            points: list[str] = []
            for x, y in ring:
                px, py = frame.point(x, y)
                point = f"{num(px)} {num(py)}"
                if not points or points[-1] != point:
                    points.append(point)
            if len(points) >= 3:
                parts.append("M" + "L".join(points) + "Z")
    data = "".join(parts)
    _remember(_PATHS, (id(geometry), frame), (geometry, data))
    return data


def label_point(row: ProvinceRow) -> tuple[float, float]:
    """A point well inside the province's largest part (lon, Mercator y)."""
    assert row.geometry is not None
    geometry = shape(row.geometry)
    parts: Iterable[Polygon] = geometry.geoms if isinstance(geometry, MultiPolygon) else [geometry]
    largest = max(parts, key=lambda p: p.area)
    inside = polylabel(largest, tolerance=0.02)
    return float(inside.x), mercator(float(inside.y))


def pixel_polygon(row: ProvinceRow, frame: Frame) -> Any:
    """The province as a shapely geometry in image pixels, for label placement."""
    assert row.geometry is not None
    polygons = [
        Polygon(
            [frame.point(x, y) for x, y in rings[0]],
            [[frame.point(x, y) for x, y in h] for h in rings[1:]],
        )
        for rings in _rings(row.geometry)
    ]
    return polygons[0] if len(polygons) == 1 else MultiPolygon(polygons)


def provinces_hatch(rows: Sequence[ProvinceRow], frame: Frame, spacing: float) -> str:
    """:func:`hatch_data` over the provinces of ``rows`` as drawn in ``frame``. The image of
    each language draws the same provinces in the same frame, so they are cut once."""
    shapes = tuple(row.geometry for row in rows if row.geometry is not None)
    at = (tuple(id(shape) for shape in shapes), frame, spacing)
    known = _HATCHES.get(at)
    if known is not None and all(a is b for a, b in zip(known[0], shapes, strict=True)):
        return known[1]
    pixels = [pixel_polygon(row, frame) for row in rows if row.geometry is not None]
    data = hatch_data(pixels, spacing)
    _remember(_HATCHES, at, (shapes, data))
    return data


def hatch_data(shapes: Sequence[Any], spacing: float) -> str:
    """SVG path data of diagonal stripes (up to the right, ``spacing`` px apart) over the
    union of ``shapes``, cut at their edges."""
    area = unary_union(list(shapes))
    if area.is_empty:
        return ""
    left, top, right, bottom = area.bounds
    height = bottom - top
    start = math.floor((left - height) / spacing) * spacing
    stripes = []
    x = start
    while x <= right:
        stripes.append([(x, bottom), (x + height, top)])
        x += spacing
    # Made and cut as arrays: a shapely object per stripe costs more than the cut itself.
    cut = area.intersection(shapely.multilinestrings(shapely.linestrings(stripes)))
    parts = shapely.get_parts(cut)
    lines = parts[(shapely.get_type_id(parts) == LINESTRING) & ~shapely.is_empty(parts)]
    if len(lines) == 0:
        return ""
    starts = shapely.get_coordinates(shapely.get_point(lines, 0)).tolist()
    ends = shapely.get_coordinates(shapely.get_point(lines, -1)).tolist()
    return "".join(
        f"M{num(x1)} {num(y1)}L{num(x2)} {num(y2)}"
        for (x1, y1), (x2, y2) in zip(starts, ends, strict=True)
    )
