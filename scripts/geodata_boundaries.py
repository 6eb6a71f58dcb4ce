"""Province polygons for ``geodata/provinces.geojson``: OpenStreetMap borders, clipped to land.

OpenStreetMap's ``admin_level=4`` boundaries of Iran (``geodata/sources/``) carry the current
borders (Tabas county in South Khorasan since 2013, Fardis in Alborz), but like every OSM
admin boundary on a coast they run out to sea over territorial waters. The build clips them to
Natural Earth's 1:10m land outline of the region (Iran and its neighbours, so that land
borders are left as OSM draws them), simplifies the shared arcs once with ``topojson`` so that
neighbours keep identical borders, rounds the coordinates and checks the result.

The land outline is itself kept in ``geodata/sources/`` so that a rebuild needs no network;
``--refresh-land`` makes it again from the npm package ``world-atlas`` (pinned version and
file hash).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pycountry
import shapely
import shapely.ops
from shapely.geometry import Point, box, mapping, shape

from geodata_common import DATA_SOURCES, IRAN_AEA, IRAN_LCC, BuildError

OSM_FILE = DATA_SOURCES / "osm-provinces-iran.geojson.gz"
LAND_FILE = DATA_SOURCES / "land-natural-earth-10m.geojson"

WORLD_ATLAS_SPEC = "world-atlas@2.0.2"
LAND_MEMBER = "package/land-10m.json"
LAND_SHA256 = "9b9f584709c119d63fbadf484ce425260497697b7166be7a2fe360e8c0b171a8"
# The part of the world kept from the land outline: Iran and a margin of its neighbours.
REGION = (43.0, 24.0, 64.5, 40.5)

# The credit line a map drawn from the boundaries must carry, and their licence (ODbL 1.0).
ATTRIBUTION = "© OpenStreetMap contributors"
LICENSE = "ODbL-1.0"

# Douglas-Peucker tolerance on shared arcs (degrees; 0.012 deg is about 1.3 km north-south).
TOLERANCE_DEG = 0.012
# Coordinates are rounded to this many decimals (0.001 deg is about 110 m).
DECIMALS = 3
# The build fails if any border moves further than this from the clipped OSM line.
MAX_SHIFT_KM = 1.5
# Islands and clipping leftovers smaller than this are dropped (km2).
MIN_PART_KM2 = 1.0
# The shipped file must stay small enough to embed in every page.
MAX_BYTES = 80_000
# A prison on a coastal city's point that falls in the sea is moved this far inside its
# province, if that means moving it at most MAX_MOVE_KM.
COAST_INSET_M = 300.0
MAX_MOVE_KM = 3.0


# --------------------------------------------------------------------------- land outline


def refresh_land() -> None:
    """Write LAND_FILE from world-atlas' land-10m.json (Natural Earth 1:10m land)."""
    npm = shutil.which("npm")
    if npm is None:
        msg = "npm was not found; install Node.js and npm (Debian: apt-get install npm)"
        raise BuildError(msg)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [npm, "pack", WORLD_ATLAS_SPEC, "--silent", "--pack-destination", tmp],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        (tarball,) = Path(tmp).glob("*.tgz")
        with tarfile.open(tarball) as archive:
            member = archive.extractfile(LAND_MEMBER)
            if member is None:
                msg = f"{WORLD_ATLAS_SPEC} has no {LAND_MEMBER}"
                raise BuildError(msg)
            raw = member.read()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != LAND_SHA256:
        msg = (
            f"land-10m.json from {WORLD_ATLAS_SPEC} has SHA-256 {digest}, expected "
            f"{LAND_SHA256}; the package changed: review it, then update LAND_SHA256"
        )
        raise BuildError(msg)
    land = regional_land(json.loads(raw))
    collection = {
        "type": "FeatureCollection",
        "source": f"Natural Earth 1:10m land (public domain), from {WORLD_ATLAS_SPEC} "
        f"{LAND_MEMBER.removeprefix('package/')}, cut to lon/lat box {list(REGION)}",
        "features": [
            {"type": "Feature", "properties": {}, "geometry": round_mapping(mapping(land), 6)}
        ],
    }
    text = json.dumps(collection, separators=(",", ":")) + "\n"
    LAND_FILE.write_text(text, encoding="utf-8")


def regional_land(topology: dict[str, Any]) -> Any:
    """The polygons of a quantized TopoJSON land object that meet REGION, cut to it."""
    scale, translate = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        points = np.cumsum(np.array(arc, dtype=float), axis=0)
        arcs.append(points * np.array(scale) + np.array(translate))
    region = box(*REGION)
    parts = []
    for geometry in topology["objects"]["land"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for rings in polygons:
            polygon = shapely.Polygon(_ring(arcs, rings[0]), [_ring(arcs, r) for r in rings[1:]])
            if polygon.intersects(region):
                parts.append(polygon.intersection(region))
    return shapely.union_all(parts)


def _ring(arcs: list[Any], indexes: list[int]) -> Any:
    """One ring of a TopoJSON polygon: its arcs joined (a negative index runs backwards)."""
    pieces = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        pieces.append(points if not pieces else points[1:])
    return np.concatenate(pieces)


def load_land() -> Any:
    data = json.loads(LAND_FILE.read_text(encoding="utf-8"))
    return shapely.union_all([shape(f["geometry"]) for f in data["features"]])


# --------------------------------------------------------------------------- OSM provinces


def osm_provinces() -> gpd.GeoDataFrame:
    """OSM's 31 provinces (iso, geometry), checked against pycountry's codes, sorted by iso."""
    with gzip.open(OSM_FILE, "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    codes = [feature["properties"].get("ISO3166-2") for feature in data["features"]]
    expected = sorted(s.code for s in pycountry.subdivisions.get(country_code="IR"))
    if sorted(str(code) for code in codes) != expected:
        msg = f"{OSM_FILE.name}: codes {sorted(map(str, codes))} differ from pycountry's"
        raise BuildError(msg)
    frame = gpd.GeoDataFrame(
        {"iso": codes},
        geometry=[shape(feature["geometry"]) for feature in data["features"]],
        crs="EPSG:4326",
    )
    return frame.sort_values("iso").reset_index(drop=True)


@dataclass(frozen=True)
class Clipped:
    polygons: gpd.GeoDataFrame  # iso, geometry: OSM clipped to land, small parts dropped
    notes: list[str]


def clip_to_land(provinces: gpd.GeoDataFrame, land: Any) -> Clipped:
    """Each province minus the sea; parts under MIN_PART_KM2 are dropped (and counted)."""
    geometries, notes = [], []
    for iso, geometry in zip(provinces["iso"], provinces.geometry, strict=True):
        kept, dropped = [], 0
        for part in _polygons(shapely.make_valid(geometry.intersection(land))):
            if _area_km2(part) >= MIN_PART_KM2:
                kept.append(part)
            else:
                dropped += 1
        if dropped:
            notes.append(f"{iso}: dropped {dropped} parts under {MIN_PART_KM2} km2 after clipping")
        geometries.append(shapely.MultiPolygon(kept))
    frame = gpd.GeoDataFrame({"iso": list(provinces["iso"])}, geometry=geometries, crs="EPSG:4326")
    return Clipped(frame, notes)


def _polygons(geometry: Any) -> list[Any]:
    if geometry.geom_type == "Polygon":
        return [geometry]
    if geometry.geom_type in ("MultiPolygon", "GeometryCollection"):
        return [p for part in geometry.geoms for p in _polygons(part)]
    return []


def _area_km2(geometry: Any) -> float:
    return float(gpd.GeoSeries([geometry], crs="EPSG:4326").to_crs(IRAN_AEA).area.iloc[0]) / 1e6


def areas_km2(polygons: gpd.GeoDataFrame) -> dict[str, float]:
    """Each province's area in km2, in an equal-area projection centred on Iran."""
    metric = polygons.to_crs(IRAN_AEA)
    return {iso: area / 1e6 for iso, area in zip(polygons["iso"], metric.area, strict=True)}


# --------------------------------------------------------------------------- simplification


def simplify(polygons: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Simplify shared arcs once (so neighbours keep identical borders) and round coordinates.

    Douglas-Peucker simplifies each arc alone, so two arcs that run close together near a
    junction can cross after it, leaving a bow-tie or a sliver two provinces both claim. Where
    that happens the provinces are rebuilt from the faces of their noded borders, each face
    going to the province that held it before simplification (see :func:`_faces`).
    """
    import topojson  # only here: the rest of the module serves the city and local-name checks

    topology = topojson.Topology(polygons, toposimplify=TOLERANCE_DEG, prequantize=False)
    simplified = topology.to_gdf()
    geometries = [_rounded(g) for g in simplified.geometry]
    if not all(g.is_valid for g in geometries) or _overlapping(geometries):
        originals = dict(zip(polygons["iso"], polygons.geometry, strict=True))
        before = [originals[iso] for iso in simplified["iso"]]
        geometries = [_rounded(g) for g in _faces(geometries, before)]
    frame = gpd.GeoDataFrame(
        {"iso": list(simplified["iso"])},
        geometry=[shapely.orient_polygons(g) for g in geometries],
    )
    frame = frame.set_crs("EPSG:4326").sort_values("iso").reset_index(drop=True)
    if list(frame["iso"]) != list(polygons["iso"]):
        msg = "simplification lost or reordered provinces"
        raise BuildError(msg)
    return frame


def _rounded(geometry: Any) -> Any:
    rounded = shapely.transform(geometry, lambda xy: np.round(xy, DECIMALS))
    return shapely.remove_repeated_points(rounded)


def _overlapping(geometries: list[Any]) -> bool:
    tree = shapely.STRtree(geometries)
    pairs = zip(*tree.query(geometries, predicate="overlaps"), strict=True)
    return any(i < j for i, j in pairs)


def _faces(simplified: list[Any], originals: list[Any]) -> list[Any]:
    """Provinces rebuilt from the faces of all simplified borders, noded where they cross.

    A face inside one simplified province is that province's; a face two of them claim (or
    that a bow-tie turned inside out) goes to the claimant whose original polygon covers most
    of it. Crossing points become vertices of both neighbours, so borders stay shared.
    """
    lines = shapely.union_all([g.boundary for g in simplified])
    faces = list(shapely.get_parts(shapely.polygonize(shapely.get_parts(lines))))
    tree = shapely.STRtree(simplified)
    owned: list[list[Any]] = [[] for _ in simplified]
    for face in faces:
        inside = face.representative_point()
        claims = [int(i) for i in tree.query(inside, predicate="covered_by")]
        if not claims:
            continue  # a hole of the country (none expected) or outside it
        claims = sorted(claims, key=lambda i: -originals[i].intersection(face).area)
        owned[claims[0]].append(face)
    return [shapely.MultiPolygon(_polygons(shapely.union_all(parts))) for parts in owned]


def border_shift_km(original: gpd.GeoDataFrame, simplified: gpd.GeoDataFrame) -> dict[str, float]:
    """Hausdorff distance between each province's original and shipped boundary, in km."""
    before = original.to_crs(IRAN_LCC).geometry
    after = simplified.to_crs(IRAN_LCC).geometry
    return {
        iso: shapely.hausdorff_distance(a.boundary, b.boundary) / 1000
        for iso, a, b in zip(original["iso"], before, after, strict=True)
    }


def check_polygons(polygons: gpd.GeoDataFrame) -> None:
    """Valid, non-empty, no overlaps, no holes between neighbours; raise otherwise.

    Overlaps and holes are found in longitude/latitude, where the file's straight edges are
    straight, and measured in square metres.
    """
    invalid = [iso for iso, ok in zip(polygons["iso"], polygons.is_valid, strict=True) if not ok]
    if invalid:
        msg = f"invalid geometry after simplification: {invalid}"
        raise BuildError(msg)
    geometries = polygons.geometry.values
    tree = shapely.STRtree(geometries)
    for i, j in zip(*tree.query(geometries, predicate="intersects"), strict=True):
        if i < j:
            area = _area_km2(geometries[i].intersection(geometries[j])) * 1e6
            if area > 1.0:
                msg = f"{polygons['iso'][i]} and {polygons['iso'][j]} overlap by {area:.0f} m2"
                raise BuildError(msg)
    union = shapely.union_all(geometries)
    holes = [
        _area_km2(shapely.Polygon(ring)) * 1e6
        for part in getattr(union, "geoms", [union])
        for ring in part.interiors
    ]
    if sum(holes) > 1.0:
        msg = f"gaps between provinces: {len(holes)} holes, {sum(holes):.0f} m2"
        raise BuildError(msg)


def geojson_text(polygons: gpd.GeoDataFrame, provinces: dict[str, dict[str, str]]) -> str:
    """Compact GeoJSON (RFC 7946 winding, no whitespace), one feature per province by iso.

    The credit line and licence ride along as top-level members ``attribution`` and
    ``license``, for any renderer that draws the file.
    """
    features = []
    for iso, geometry in zip(polygons["iso"], polygons.geometry, strict=True):
        row = provinces[iso]
        features.append(
            {
                "type": "Feature",
                "properties": {"iso": iso, "name_en": row["name_en"], "name_fa": row["name_fa"]},
                "geometry": round_mapping(mapping(geometry), DECIMALS),
            }
        )
    collection = {
        "type": "FeatureCollection",
        "attribution": ATTRIBUTION,
        "license": LICENSE,
        "features": features,
    }
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n"
    if len(text.encode("utf-8")) > MAX_BYTES:
        msg = f"provinces.geojson is {len(text.encode())} bytes > {MAX_BYTES}; raise TOLERANCE_DEG"
        raise BuildError(msg)
    return text


def round_mapping(geometry: dict[str, Any], decimals: int) -> dict[str, Any]:
    def walk(value: Any) -> Any:
        if isinstance(value, (list, tuple)):
            if value and isinstance(value[0], float | int):
                return [round(float(v), decimals) for v in value]
            return [walk(v) for v in value]
        return value

    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


# --------------------------------------------------------------------------- point lookups


class ProvinceLocator:
    """Which shipped polygon holds a point; the same rule as iranmap.boundaries.province_at."""

    def __init__(self, polygons: gpd.GeoDataFrame) -> None:
        self.isos = list(polygons["iso"])
        self.geometries = list(polygons.geometry)
        self.metric = list(polygons.to_crs(IRAN_LCC).geometry)

    def at(self, lon: float, lat: float) -> str | None:
        point = Point(lon, lat)
        for iso, geometry in zip(self.isos, self.geometries, strict=True):
            if geometry.covers(point):
                return iso
        return None

    def onto_land(self, lon: float, lat: float, iso: str) -> tuple[float, float, float]:
        """Move a point just off the coast to ``COAST_INSET_M`` inside province ``iso``.

        Returns the new lon, lat and how far it moved in km; refuses moves over MAX_MOVE_KM.
        """
        metric = self.metric[self.isos.index(iso)]
        point = gpd.GeoSeries([Point(lon, lat)], crs="EPSG:4326").to_crs(IRAN_LCC).iloc[0]
        inner = metric.buffer(-COAST_INSET_M)
        target = shapely.ops.nearest_points(inner, point)[0]
        km = float(point.distance(target)) / 1000
        if km > MAX_MOVE_KM:
            msg = f"({lat}, {lon}) is {km:.1f} km outside {iso}; fix the prison's city or province"
            raise BuildError(msg)
        moved = gpd.GeoSeries([target], crs=IRAN_LCC).to_crs("EPSG:4326").iloc[0]
        return round(moved.x, 5), round(moved.y, 5), km

    def nearest(self, lon: float, lat: float) -> tuple[str, float]:
        """The closest province and its distance in km (for points just off the coast)."""
        point = gpd.GeoSeries([Point(lon, lat)], crs="EPSG:4326").to_crs(IRAN_LCC).iloc[0]
        distances = [
            (g.distance(point) / 1000, iso) for iso, g in zip(self.isos, self.metric, strict=True)
        ]
        km, iso = min(distances)
        return iso, km


# --------------------------------------------------------------------------- all together


@dataclass(frozen=True)
class Boundaries:
    polygons: gpd.GeoDataFrame  # shipped: simplified and rounded, sorted by iso
    shift_km: dict[str, float]
    areas_km2: dict[str, float]
    notes: list[str]


def build_boundaries() -> Boundaries:
    """Clip, simplify and check the provinces; raise BuildError on any broken promise."""
    clipped = clip_to_land(osm_provinces(), load_land())
    polygons = simplify(clipped.polygons)
    check_polygons(polygons)
    shift = border_shift_km(clipped.polygons, polygons)
    worst = max(shift, key=lambda iso: shift[iso])
    if shift[worst] > MAX_SHIFT_KM:
        msg = f"{worst}'s border moved {shift[worst]:.2f} km > {MAX_SHIFT_KM}; lower TOLERANCE_DEG"
        raise BuildError(msg)
    return Boundaries(polygons, shift, areas_km2(polygons), clipped.notes)
