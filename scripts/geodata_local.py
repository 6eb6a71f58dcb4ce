"""Local and historical names of cities and provinces: ``geodata-sources/local-names.csv``.

Kurdish, Azeri, Baluchi and Turkish names (Sorani "تاران" for Tehran, Baluchi "دزاپ" for
Zahedan, Turkish "Kerec" for Karaj), former names (Tabarestan for Mazandaran) and the names a
community gives a prison (Ahwazi "الهويرة" for Sepidar) that reports print. Each row gives the
city (by GeoNames id), province (by ISO code) or prison (by its id in prisons.csv) it names and
where the name is written so; the build adds the name to that place's aliases. A name whose matching
key is another place's name in another province is refused: it would take a report's row
away from that place.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from geodata_cities import CityRow
from geodata_common import SOURCES, BuildError, read_curated, unique
from iranmap.geocode.index import name_key_of as match_key

LOCAL_FILE = SOURCES / "local-names.csv"
_PROVINCE = re.compile(r"IR-\d\d")
_PRISON = re.compile(r"[a-z][a-z0-9-]*")


@dataclass(frozen=True)
class LocalNames:
    """The names of local-names.csv by the city (GeoNames id), province (ISO code) or prison
    (its id) they name."""

    cities: dict[int, tuple[str, ...]]
    provinces: dict[str, tuple[str, ...]]
    prisons: dict[str, tuple[str, ...]]


def read_local_names() -> LocalNames:
    """local-names.csv, checked row by row (a name, a place, a kind and a source on each)."""
    cities: dict[int, list[str]] = defaultdict(list)
    provinces: dict[str, list[str]] = defaultdict(list)
    prisons: dict[str, list[str]] = defaultdict(list)
    problems = []
    for number, row in enumerate(read_curated(LOCAL_FILE), start=2):
        name, place = row["name"].strip(), row["place"].strip()
        if not (name and row["kind"].strip() and row["source"].strip()):
            problems.append(f"row {number}: a name, its kind and its source are all needed")
        elif place.isdigit():
            cities[int(place)].append(name)
        elif _PROVINCE.fullmatch(place):
            provinces[place].append(name)
        elif _PRISON.fullmatch(place):
            prisons[place].append(name)
        else:
            problems.append(
                f"row {number}: place {place!r} is neither a GeoNames id, IR-NN nor a prison id"
            )
    if problems:
        raise BuildError("local-names.csv:\n  " + "\n  ".join(problems))
    return LocalNames(
        {gid: tuple(names) for gid, names in cities.items()},
        {iso: tuple(names) for iso, names in provinces.items()},
        {pid: tuple(names) for pid, names in prisons.items()},
    )


def add_city_names(
    cities: dict[int, CityRow], local: LocalNames, places: Iterable[tuple[str, str]]
) -> None:
    """Add each local name to its city's aliases, after refusing names of other places.

    ``places`` are (name, province) pairs of every GeoNames place (places.csv).
    """
    elsewhere: dict[str, set[str]] = defaultdict(set)
    for name, iso in places:
        elsewhere[match_key(name)].add(iso)
    for city in cities.values():
        for name in (city.name, city.name_fa, *city.aliases):
            elsewhere[match_key(name)].add(city.province_iso)
    problems = []
    for gid, names in sorted(local.cities.items()):
        city = cities.get(gid)
        if city is None:
            problems.append(f"GeoNames {gid} ({', '.join(names)}) is not a city of cities.csv")
            continue
        for name in names:
            others = elsewhere.get(match_key(name), set()) - {city.province_iso}
            if others:
                problems.append(f"{name!r} of {city.name} is also a place in {sorted(others)}")
        new = [n for n in unique([*city.aliases, *names]) if n != city.name]
        cities[gid] = replace(city, aliases=tuple(new))
    if problems:
        raise BuildError("local-names.csv:\n  " + "\n  ".join(problems))


def check_provinces(local: LocalNames, isos: Iterable[str]) -> None:
    unknown = sorted(set(local.provinces) - set(isos))
    if unknown:
        raise BuildError(f"local-names.csv: no such province: {unknown}")


def check_prisons(
    local: LocalNames, prisons: Iterable[dict[str, str]], places: Iterable[tuple[str, str]]
) -> None:
    """Refuse a prison that prisons.csv lacks, and a prison's local name whose matching key is
    the name of a place (places.csv) in another province."""
    province = {row["id"]: row["province_iso"] for row in prisons}
    problems = [f"no such prison: {pid}" for pid in sorted(set(local.prisons) - set(province))]
    elsewhere: dict[str, set[str]] = defaultdict(set)
    for name, iso in places:
        elsewhere[match_key(name)].add(iso)
    for pid, names in sorted(local.prisons.items()):
        for name in names:
            others = elsewhere.get(match_key(name), set()) - {province.get(pid, "")}
            if others:
                problems.append(f"{name!r} of prison {pid} is also a place in {sorted(others)}")
    if problems:
        raise BuildError("local-names.csv:\n  " + "\n  ".join(problems))
