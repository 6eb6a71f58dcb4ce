"""The indexes a :class:`~iranmap.geocode.Geocoder` answers from, built once per gazetteer.

Every exact key of a place name maps to one answer (a place, or an ambiguous set), in the
order a reader would weigh them: a prison's own names and aliases, names several prisons
share on purpose, a city's own names, a city's aliases, and last the city a prison stands in.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property
from typing import TypeVar

from iranmap.gazetteer import City, Gazetteer, Place, Prison
from iranmap.geocode._arabic import arabic_forms, one_place
from iranmap.geocode._town_keys import name_parts, prison_town_keys, spelling_key, town_names
from iranmap.geocode.match import Match, Method
from iranmap.names import key, parse_place, skeleton

_T = TypeVar("_T")
# How a province is written after a place's name: "Evin, Tehran Province", "Ostan-e Tehran".
_PROVINCE_FORMS = ("{}", "{} Province", "Ostan-e {}", "استان {}")
# Two GeoNames records of one name closer than this are the same town recorded twice.
SAME_TOWN_KM = 10.0
# A transliteration skeleton shorter than this says too little to match on.
MIN_SKELETON = 4


@dataclass(frozen=True)
class Town:
    """A city a name can resolve to: a GeoNames city, or the city of a gazetteer prison."""

    name: str
    province_iso: str
    lat: float
    lon: float
    population: int


@dataclass(frozen=True)
class Entry:
    """An exact key's answer, the places behind it, and how the key names them."""

    answer: Match
    places: tuple[Match, ...]
    method: Method


class PlaceIndex:
    """Exact keys, their answers and methods; qualifiers of each place; skeletons; homonyms."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.provinces = {p.iso: p for p in gazetteer.provinces}
        self.entries: dict[str, Entry] = {}
        for tier in (
            self._prison_entries(gazetteer.prisons, gazetteer.cities),
            self._town_entries(_city_names(gazetteer.cities, own=True), "exact"),
            self._town_entries(_city_names(gazetteer.cities, own=False), "alias"),
            self._town_entries(_prison_towns(gazetteer), "exact"),
        ):
            for name_key, entry in tier.items():
                self.entries.setdefault(name_key, entry)
        arabic = arabic_keys(self.entries, _other_keys(gazetteer))
        entries = {**self.entries, **_arabic_entries(self.entries, arabic)}
        self.entries = dict(sorted(entries.items()))  # one order whatever the hash seed
        self.keys = list(self.entries)
        self.prison_keys = [k for k, e in self.entries.items() if _names_a_prison(e)]
        self.qualifiers = _qualifiers(gazetteer, self.entries)
        self.town_keys = prison_town_keys(gazetteer)
        self.name_parts = name_parts(gazetteer)  # "gaz" of Bandar-e Gaz: no name of a place
        # A prison's own names: those that are not its town's, nor a town's name with "central"
        # or "women's" (whose key, "varamin", would be the bare town's).
        self.own_keys = {
            p.id: frozenset(
                name_key_of(n)
                for n in (p.name_en, p.name_fa, *p.aliases)
                if not parse_place(n).says_which
            )
            - self.town_keys[p.id]
            - {""}
            for p in gazetteer.prisons
        }
        self.own_names = {
            p.id: frozenset({name_key_of(p.name_en), name_key_of(p.name_fa)} - {""})
            - self.town_keys[p.id]
            for p in gazetteer.prisons
        }
        self.skeletons = _skeletons(self.entries)
        self.prison_provinces = {p.name_en: p.province_iso for p in gazetteer.prisons}
        self.place_words = frozenset(w for words in self.qualifiers.values() for w in words)
        self.towns: dict[str, tuple[Match, ...]] = {}
        for towns in (
            _city_names(gazetteer.cities, own=True),
            _city_names(gazetteer.cities, own=False),
            _prison_towns(gazetteer),
        ):
            for name_key, found in towns.items():
                matches = tuple(self.town_match(t) for t in distinct_towns(found))
                self.towns.setdefault(name_key, matches)
        for form, sources in arabic.items():
            matches = tuple(dict.fromkeys(t for k in sources for t in self.towns.get(k, ())))
            if matches:
                self.towns.setdefault(form, matches)
        self._places = gazetteer.places
        self.homonyms = {
            (key(c.name), c.province_iso): frozenset(c.homonyms) for c in gazetteer.cities
        }

    def complete(self) -> PlaceIndex:
        """This index with what it otherwise builds on first use built now (before keeping it)."""
        tables = ("_province_words", "province_names", "known_places", "place_provinces")
        for table in (*tables, "other_places", "populations"):
            getattr(self, table)
        return self

    @cached_property
    def _province_words(self) -> dict[str, frozenset[str]]:
        found: dict[str, set[str]] = defaultdict(set)
        for province in self.provinces.values():
            for name in (province.name_en, province.name_fa, *province.aliases):
                for form in _PROVINCE_FORMS:
                    found[key(form.format(name))].add(province.iso)
        return {word: frozenset(isos) for word, isos in found.items()}

    @cached_property
    def province_names(self) -> dict[str, frozenset[str]]:
        """The key of each province's own names and aliases, with the provinces it names."""
        found: dict[str, set[str]] = defaultdict(set)
        for p in self.provinces.values():
            for name in (p.name_en, p.name_fa, *p.aliases):
                found[key(name)].add(p.iso)
        return {name_key: frozenset(isos) for name_key, isos in found.items()}

    def context_provinces(self, context: Iterable[str]) -> frozenset[str]:
        """The provinces the qualifier keys ``context`` name, as towns or provinces."""
        isos: set[str] = set()
        for word in context:
            isos |= self._province_words.get(word, frozenset())
            isos |= {t.province_iso for t in self.towns.get(word, ()) if t.province_iso}
        return frozenset(isos)

    @cached_property
    def known_places(self) -> dict[str, tuple[Place, ...]]:
        """The places known by name (``places.csv``: towns and villages) by the key of each of
        their names (GeoNames' primary name, other spellings and Persian names)."""
        found: dict[str, list[Place]] = defaultdict(list)
        for place in self._places:
            keys = (name_key_of(place.name), *(spelling_key(a) for a in place.aliases))
            for place_key in dict.fromkeys(keys):
                if place_key:
                    found[place_key].append(place)
        return {place_key: tuple(places) for place_key, places in found.items()}

    @cached_property
    def place_provinces(self) -> dict[str, frozenset[str]]:
        """The provinces of the places known by name, by the key of each of their names."""
        return {k: frozenset(p.province_iso for p in ps) for k, ps in self.known_places.items()}

    @cached_property
    def other_places(self) -> dict[str, frozenset[str]]:
        """The keys of the places' primary names (not their other spellings, which only place a
        name exactly, :mod:`._places`) with their provinces: never bent into another place."""
        found: dict[str, frozenset[str]] = {}
        for place in self._places:
            place_key = name_key_of(place.name)
            found[place_key] = found.get(place_key, frozenset()) | {place.province_iso}
        return found

    @cached_property
    def populations(self) -> dict[tuple[str, str], int]:
        """The largest population of a place by (key of its name, province); 0 when unknown."""
        found: dict[tuple[str, str], int] = {}
        for place in self._places:
            at = (name_key_of(place.name), place.province_iso)
            found[at] = max(found.get(at, 0), place.population)
        return found

    # -- answers ----------------------------------------------------------------------------

    def province_name(self, iso: str) -> str | None:
        province = self.provinces.get(iso)
        return province.name_en if province else None

    def prison_match(self, prison: Prison) -> Match:
        return Match(
            query="",
            status="matched",
            score=100.0,
            kind="prison",
            prison_id=prison.id,
            prison=prison.name_en,
            city=prison.city or None,
            province_iso=prison.province_iso,
            province=self.province_name(prison.province_iso),
            lat=prison.lat,
            lon=prison.lon,
            precision=prison.precision,
        )

    def town_match(self, town: Town) -> Match:
        return Match(
            query="",
            status="matched",
            score=100.0,
            kind="city",
            city=town.name,
            province_iso=town.province_iso,
            province=self.province_name(town.province_iso),
            lat=town.lat,
            lon=town.lon,
            precision="city",
        )

    # -- tiers ------------------------------------------------------------------------------

    def _prison_entries(
        self, prisons: tuple[Prison, ...], cities: tuple[City, ...]
    ) -> dict[str, Entry]:
        own: dict[str, set[Prison]] = defaultdict(set)
        shared: dict[str, set[Prison]] = defaultdict(set)
        exact: set[str] = set()
        spellings = _town_spellings(cities)
        for prison in prisons:
            for name in (prison.name_en, prison.name_fa, *prison.aliases):
                add_key(own, name_key_of(name), prison)
            exact |= {name_key_of(prison.name_en), name_key_of(prison.name_fa)}
            for name in prison.ambiguous:
                # A name two prisons share is shared in every spelling of the town it is:
                # Qom's prison, locally "Langarud", is as much "Langeroud" as Gilan's town.
                for name_key in {name_key_of(name), *spellings.get(name_key_of(name), ())}:
                    add_key(shared, name_key, prison)
        entries: dict[str, Entry] = {}
        for name_key in own.keys() | shared.keys():
            found = sorted(own.get(name_key, set()) | shared.get(name_key, set()), key=_by_id)
            places = tuple(self.prison_match(prison) for prison in found)
            method: Method = "exact" if name_key in exact else "alias"
            if name_key in shared or len(found) > 1:
                labels = dedupe(sorted(p.name_en for p in found))
                entries[name_key] = Entry(ambiguous(labels, 100.0), places, method)
            else:
                entries[name_key] = Entry(places[0], places, method)
        return entries

    def _town_entries(self, towns: dict[str, list[Town]], method: Method) -> dict[str, Entry]:
        entries: dict[str, Entry] = {}
        for name_key, found in towns.items():
            places = tuple(self.town_match(town) for town in distinct_towns(found))
            if len(places) == 1:
                entries[name_key] = Entry(places[0], places, method)
            else:
                entries[name_key] = Entry(ambiguous(town_labels(places), 100.0), places, method)
        return entries


def arabic_keys(keys: Iterable[str], taken: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """Each Arabic form of a Perso-Arabic key (geocode._arabic) that no key of ``keys`` or
    ``taken`` is written as, with the keys it is a form of."""
    known = set(keys)
    sources: dict[str, list[str]] = defaultdict(list)
    for name_key in known:
        for form in arabic_forms(name_key):
            if form not in known and form not in taken:
                sources[form].append(name_key)
    return {form: tuple(sorted(found)) for form, found in sources.items()}


def _arabic_entries(
    entries: dict[str, Entry], forms: dict[str, tuple[str, ...]]
) -> dict[str, Entry]:
    """Each Arabic form's entry: that of the key it is a form of (:func:`one_place`), or, where
    the forms of two keys naming different places meet, ambiguous between them."""
    found: dict[str, Entry] = {}
    for form, sources in forms.items():
        first = one_place(sources, lambda k: entries[k].answer, prison_and_its_town)
        if first is not None:
            found[form] = replace(entries[first], method="alias")
            continue
        places = tuple(dict.fromkeys(p for k in sources for p in entries[k].places))
        found[form] = Entry(ambiguous(town_labels(places), 100.0), places, "alias")
    return found


def _other_keys(gazetteer: Gazetteer) -> frozenset[str]:
    """The keys of every province's and county's names: no Arabic form may stand for them."""
    names = [n for p in gazetteer.provinces for n in (p.name_en, p.name_fa, *p.aliases)]
    names += [n for c in gazetteer.counties for n in (c.name_en, c.name_fa, *c.aliases)]
    return frozenset(name_key_of(n) for n in names if n)


def _town_spellings(cities: tuple[City, ...]) -> dict[str, frozenset[str]]:
    """For each key of a town's names, the keys of all that town's names."""
    found: dict[str, frozenset[str]] = {}
    for city in cities:
        keys = frozenset(name_key_of(n) for n in (city.name, city.name_fa, *city.aliases) if n)
        for name_key in keys:
            found[name_key] = found.get(name_key, frozenset()) | keys
    return found


def place_of(match: Match) -> Match:
    """``match`` as the bare place it names (no method, note or score): an index key."""
    return match.as_place()


def name_key_of(name: str) -> str:
    """The key a place's name is indexed under: the same as a query's core."""
    return parse_place(name).core


def _names_a_prison(entry: Entry) -> bool:
    return any(place.kind == "prison" for place in entry.places)


def _skeletons(entries: dict[str, Entry]) -> dict[str, str]:
    """Skeleton -> the one key it stands for, where every key of that skeleton is one place."""
    owners: dict[str, set[str]] = defaultdict(set)
    for name_key in entries:
        bare = skeleton(name_key)
        if len(bare) >= MIN_SKELETON:
            owners[bare].add(name_key)
    unique: dict[str, str] = {}
    for bare, keys in owners.items():
        answers = {entries[k].answer for k in keys}
        if len(answers) == 1:
            unique[bare] = min(keys)
    return unique


def _by_id(prison: Prison) -> str:
    return prison.id


def dedupe(labels: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(labels))


def ambiguous(candidates: tuple[str, ...], score: float) -> Match:
    return Match(query="", status="ambiguous", score=score, candidates=candidates)


def labels(answer: Match) -> tuple[str, ...]:
    """How a reader tells the places of an answer apart: prison, "City (Province)", province."""
    if answer.status == "ambiguous":
        return answer.candidates
    if answer.kind == "prison" and answer.prison:
        return (answer.prison,)
    if answer.kind == "city" and answer.city:
        return (f"{answer.city} ({answer.province or answer.province_iso})",)
    return (answer.province or "",)


def town_labels(places: tuple[Match, ...]) -> tuple[str, ...]:
    """ "Town (Province)" for each town; with the coordinates where that does not tell apart."""
    found = [labels(place)[0] for place in places]
    return tuple(
        sorted(
            f"{label} at {place.lat:.2f}, {place.lon:.2f}" if found.count(label) > 1 else label
            for label, place in zip(found, places, strict=True)
        )
    )


def _qualifiers(gazetteer: Gazetteer, entries: dict[str, Entry]) -> dict[Match, frozenset[str]]:
    """For each place, the keys that may qualify its name: its province's, its province's
    counties' ("Nurabad Mamasani": the Nurabad of Fars), and its town's.

    A prison's town is its ``city`` and every name of the city-list entry of that name in the
    same province (so the Persian name of the town qualifies, too).
    """
    counties = _county_words(gazetteer, entries)
    province_keys = {
        p.iso: frozenset(
            key(form.format(name))
            for name in (p.name_en, p.name_fa, *p.aliases)
            for form in _PROVINCE_FORMS
        )
        | counties.get(p.iso, frozenset())
        for p in gazetteer.provinces
    }
    town_keys = town_names(gazetteer)
    prisons = {p.id: p for p in gazetteer.prisons}
    qualifiers: dict[Match, frozenset[str]] = {}
    for entry in entries.values():
        for place in entry.places:
            keys = set(province_keys.get(place.province_iso or "", ()))
            prison = prisons.get(place.prison_id or "")
            town = key(prison.city) if prison is not None else key(place.city or "")
            keys |= {town} | town_keys.get((town, place.province_iso or ""), set())
            qualifiers[place] = frozenset(keys - {""})
    return qualifiers


def _county_words(gazetteer: Gazetteer, entries: dict[str, Entry]) -> dict[str, frozenset[str]]:
    """By province, the keys of its counties' names that name no town or prison (a county
    named like its seat, "Varamin", qualifies only the seat's places, as a town) and nothing
    in another province: no county or other place there is written so."""
    county_keys: set[str] = set()
    provinces: dict[str, set[str]] = defaultdict(set)
    for county in gazetteer.counties:
        for name in (county.name_en, county.name_fa, *county.aliases):
            county_keys.add(key(name))
            add_key(provinces, key(name), county.province_iso)
    for place in gazetteer.places:
        if name_key_of(place.name) in county_keys:
            provinces[name_key_of(place.name)].add(place.province_iso)
    found: dict[str, set[str]] = defaultdict(set)
    for name_key in county_keys - entries.keys() - {""}:
        if len(provinces[name_key]) == 1:
            found[next(iter(provinces[name_key]))].add(name_key)
    return {iso: frozenset(keys) for iso, keys in found.items()}


def add_key(index: dict[str, set[_T]], name_key: str, value: _T) -> None:
    """Index ``value`` under ``name_key``; an empty key (a name of punctuation) indexes nothing."""
    if name_key:
        index[name_key].add(value)


def _city_names(cities: tuple[City, ...], *, own: bool) -> dict[str, list[Town]]:
    """Cities by the keys of their own names (``own``) or of their aliases."""
    towns: dict[str, list[Town]] = defaultdict(list)
    for city in cities:
        town = Town(city.name, city.province_iso, city.lat, city.lon, city.population)
        names = (city.name, city.name_fa) if own else city.aliases
        for name_key in dict.fromkeys(name_key_of(name) for name in names):
            if name_key:
                towns[name_key].append(town)
    return towns


def _prison_towns(gazetteer: Gazetteer) -> dict[str, list[Town]]:
    """The cities prisons lie in, for those the city list does not have.

    Placed at the mean of their prisons' points: a town with a prison is small enough that the
    prison stands for it at city precision.
    """
    points: dict[tuple[str, str], list[Prison]] = defaultdict(list)
    for prison in gazetteer.prisons:
        if key(prison.city):
            points[(key(prison.city), prison.province_iso)].append(prison)
    towns: dict[str, list[Town]] = defaultdict(list)
    for (name_key, iso), prisons in points.items():
        lat = sum(p.lat for p in prisons) / len(prisons)
        lon = sum(p.lon for p in prisons) / len(prisons)
        towns[name_key].append(Town(prisons[0].city, iso, round(lat, 5), round(lon, 5), 0))
    return towns


def distinct_towns(towns: list[Town]) -> list[Town]:
    """``towns`` without repeats: one GeoNames town recorded twice counts once (the larger)."""
    kept: list[Town] = []
    for town in sorted(towns, key=lambda t: (-t.population, t.name, t.lat, t.lon)):
        if not any(km(town.lat, town.lon, o.lat, o.lon) < SAME_TOWN_KM for o in kept):
            kept.append(town)
    return kept


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance in km, flat-earth: good to a few percent over the few km it is used for."""
    dlon = (lon1 - lon2) * math.cos(math.radians((lat1 + lat2) / 2))
    return 111.2 * math.hypot(lat1 - lat2, dlon)


def near_town(town: Match, place: Match) -> bool:
    """Whether ``place`` stands within a town's reach of ``town``."""
    if town.lat is None or town.lon is None or place.lat is None or place.lon is None:
        return False
    return km(town.lat, town.lon, place.lat, place.lon) < 3 * SAME_TOWN_KM


def prison_and_its_town(one: Match, other: Match) -> bool:
    """Whether one answer is a prison and the other the town it stands in.

    Such a pair is no real choice (one point on the map either way), so it does not make a
    fuzzy answer ambiguous: the better scoring of the two is the answer.
    """
    if {one.kind, other.kind} != {"prison", "city"} or one.province_iso != other.province_iso:
        return False
    if one.lat is None or one.lon is None or other.lat is None or other.lon is None:
        return False
    return km(one.lat, one.lon, other.lat, other.lon) < SAME_TOWN_KM
