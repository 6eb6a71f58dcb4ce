"""Province polygons (``geodata/provinces.geojson``): load them, and find the province of a point.

Stage: geodata/ -> the provinces as :class:`Shape` rows (what the join and the maps read, made
without pandas), or a pandas DataFrame whose ``geometry`` column holds shapely polygons (read
with json and shapely: no geopandas, whose import alone costs more than the parse). The file is
built by ``make geodata`` (OpenStreetMap's provinces, clipped to Natural Earth's land and
simplified with shared borders kept identical, see ``geodata/README.md``); this module only
reads and checks it. Parsing costs tens of milliseconds and every map needs it, so the parse
is cached per file (path, size and modification time) and callers get copies they may change.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shapely
from shapely.geometry import Point, shape
from shapely.geometry.base import BaseGeometry

if TYPE_CHECKING:
    import pandas as pd

from iranmap.errors import GeodataError, Problem
from iranmap.paths import geodata_dir

PROVINCES_FILE = "provinces.geojson"
#: Who drew the borders, as every map drawn from them must say (the ODbL's attribution; the
#: file carries the same text as its top-level "attribution").
CREDIT = "© OpenStreetMap contributors"
LICENCE = "ODbL"
PROPERTIES = ("iso", "name_en", "name_fa")
_REBUILD = "rebuild it with `make geodata` or reinstall iranmap"


@dataclass(frozen=True)
class Shape:
    """One province: its ISO code, names and (Multi)Polygon in longitude/latitude."""

    iso: str
    name_en: str
    name_fa: str
    geometry: BaseGeometry


#: The provinces, sorted by ISO code.
Shapes = tuple[Shape, ...]


def load_provinces(folder: Path | None = None) -> pd.DataFrame:
    """The 31 provinces: columns iso, name_en, name_fa, geometry; sorted by iso.

    ``geometry`` holds shapely (Multi)Polygons in longitude/latitude (EPSG:4326); a GeoDataFrame
    is ``geopandas.GeoDataFrame(frame, geometry="geometry", crs="EPSG:4326")``.

    ``folder`` defaults to :func:`iranmap.paths.geodata_dir`. Raises
    :class:`~iranmap.errors.GeodataError` if the file is missing or malformed.
    """
    import pandas as pd

    shapes = province_shapes(folder)
    columns = {name: [getattr(s, name) for s in shapes] for name in PROPERTIES}
    return pd.DataFrame({**columns, "geometry": [s.geometry for s in shapes]})


def province_shapes(folder: Path | None = None) -> Shapes:
    """The 31 provinces as :class:`Shape` rows, sorted by iso (:func:`load_provinces`'s rows)."""
    return _parsed(_provinces_file(folder)).shapes


def shapes_of(provinces: pd.DataFrame | Sequence[Shape]) -> Shapes:
    """Provinces given as :class:`Shape` rows or as a DataFrame with :func:`load_provinces`'s
    columns, as :class:`Shape` rows sorted by iso."""
    if isinstance(provinces, tuple | list):
        rows = list(provinces)
    else:
        frame: Any = provinces
        rows = [
            Shape(str(iso), str(en), str(fa), geometry)
            for iso, en, fa, geometry in zip(
                frame["iso"],
                frame["name_en"],
                frame["name_fa"],
                frame["geometry"],
                strict=True,
            )
        ]
    return tuple(sorted(rows, key=lambda s: s.iso))


def province_at(lon: float, lat: float, folder: Path | None = None) -> str | None:
    """The ISO code of the province holding the point, or ``None`` outside Iran.

    A point exactly on a shared border belongs to both polygons; the smaller ISO code wins so
    that the answer never depends on the order of the file.
    """
    if not (math.isfinite(lon) and math.isfinite(lat)):
        return None
    index = _parsed(_provinces_file(folder))
    point = Point(lon, lat)
    hits = index.tree.query(point, predicate="intersects")
    codes = sorted(index.codes[i] for i in hits)
    return codes[0] if codes else None


@dataclass(frozen=True)
class _Parsed:
    """One parse of the file: the provinces and a spatial index over them."""

    shapes: Shapes
    tree: shapely.STRtree
    codes: tuple[str, ...]


def _provinces_file(folder: Path | None) -> Path:
    return (geodata_dir() if folder is None else Path(folder)) / PROVINCES_FILE


def _parsed(path: Path) -> _Parsed:
    try:
        stat = path.stat()
    except FileNotFoundError:
        msg = str(Problem(str(path), None, f"file not found; {_REBUILD}"))
        raise GeodataError(msg) from None
    return _parse(path.resolve(), stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=4)
def _parse(path: Path, size: int, mtime_ns: int) -> _Parsed:
    """Parse and check the file; ``size`` and ``mtime_ns`` make an edited file parse again."""
    del size, mtime_ns  # only part of the cache key
    text = path.read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        message = f"not valid JSON ({error.msg}, column {error.colno}); {_REBUILD}"
        raise GeodataError(str(Problem(str(path), error.lineno, message))) from None
    features = _features(path, data)
    rows = [_row(path, number, feature) for number, feature in enumerate(features, start=1)]
    _check_unique(path, [row[0] for row in rows])
    shapes = tuple(sorted((Shape(*row) for row in rows), key=lambda s: s.iso))
    geometries = [s.geometry for s in shapes]
    return _Parsed(shapes, shapely.STRtree(geometries), tuple(s.iso for s in shapes))


def _features(path: Path, data: Any) -> list[Any]:
    kind = data.get("type") if isinstance(data, dict) else type(data).__name__
    if kind != "FeatureCollection" or not isinstance(data.get("features"), list):
        message = f"expected a GeoJSON FeatureCollection, found {kind!r}; {_REBUILD}"
        raise GeodataError(str(Problem(str(path), None, message)))
    features: list[Any] = data["features"]
    if not features:
        raise GeodataError(str(Problem(str(path), None, f"no provinces in the file; {_REBUILD}")))
    return features


def _row(path: Path, number: int, feature: Any) -> tuple[str, str, str, Any]:
    """(iso, name_en, name_fa, geometry) of one feature, or a GeodataError naming it."""
    where = f"feature {number}"
    properties = feature.get("properties") if isinstance(feature, dict) else None
    if not isinstance(properties, dict):
        message = f"{where} has no properties; {_REBUILD}"
        raise GeodataError(str(Problem(str(path), None, message)))
    values = []
    for name in PROPERTIES:
        value = properties.get(name)
        if not isinstance(value, str) or not value:
            message = (
                f"{where} has no text property {name!r} (found {value!r}; "
                f"properties {sorted(properties)!r}); {_REBUILD}"
            )
            raise GeodataError(str(Problem(str(path), None, message)))
        values.append(value)
    where = f"{where} ({values[0]})"
    try:
        geometry = shape(feature["geometry"])
    except (KeyError, TypeError, AttributeError, ValueError, shapely.errors.GEOSException):
        message = f"{where} has no readable geometry; {_REBUILD}"
        raise GeodataError(str(Problem(str(path), None, message))) from None
    if geometry.geom_type not in ("Polygon", "MultiPolygon") or geometry.is_empty:
        message = f"{where}: expected a Polygon or MultiPolygon, found {geometry.geom_type!r}"
        raise GeodataError(str(Problem(str(path), None, f"{message}; {_REBUILD}")))
    return values[0], values[1], values[2], geometry


def _check_unique(path: Path, codes: list[str]) -> None:
    repeated = sorted({code for code in codes if codes.count(code) > 1})
    if repeated:
        message = f"province codes repeated: {repeated!r}; {_REBUILD}"
        raise GeodataError(str(Problem(str(path), None, message)))
