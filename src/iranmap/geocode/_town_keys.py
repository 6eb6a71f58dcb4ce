"""The keys of a town's names, of the town each prison stands in, of the parts of the names of
towns and prisons, and of the other spellings of places known by name (for the place index)."""

from __future__ import annotations

import re
from collections import defaultdict

from iranmap.gazetteer import Gazetteer
from iranmap.name_words import CITY_WORDS, COUNTY_NOISE, DESCRIPTORS, PROVINCE_WORDS, TOWN_WORDS
from iranmap.names import key, parse_place

# A place's other spelling shorter than this (a key's letters) says too little to be its name.
MIN_SPELLING = 3
# Words that say what a place is, or where, in any language the names use: no place's name.
_WORD_KEYS = frozenset(
    key(w)
    for words in (PROVINCE_WORDS, COUNTY_NOISE, CITY_WORDS, TOWN_WORDS, DESCRIPTORS)
    for w in words
)


def town_names(gazetteer: Gazetteer) -> dict[tuple[str, str], set[str]]:
    """Every key of a city's names, by (one of its keys, province): all names of one town."""
    town_keys: dict[tuple[str, str], set[str]] = defaultdict(set)
    for city in gazetteer.cities:
        names = {key(name) for name in (city.name, city.name_fa, *city.aliases)} - {""}
        for name_key in names:
            town_keys[(name_key, city.province_iso)] |= names
    return town_keys


def prison_town_keys(gazetteer: Gazetteer) -> dict[str, frozenset[str]]:
    """For each prison (by id), the keys of its town's names: a name that is only one of
    these names the town, not the prison."""
    town_keys = town_names(gazetteer)
    found: dict[str, frozenset[str]] = {}
    for prison in gazetteer.prisons:
        town = key(prison.city)
        names = {town, _name_key(prison.city)} | town_keys.get((town, prison.province_iso), set())
        found[prison.id] = frozenset(names | {_name_key(n) for n in names} - {""})
    return found


def name_parts(gazetteer: Gazetteer) -> dict[str, frozenset[str]]:
    """The key of every run of words (split at spaces and hyphens) short of a whole name of a
    town or prison, with the provinces of the places it is part of: "gaz" of "Bandar-i-Jaz",
    "hisar" of "Ghezel Hesar", "شاهاباد" of "شاه‌آباد غرب"."""
    names = [(n, c.province_iso) for c in gazetteer.cities for n in (c.name, c.name_fa, *c.aliases)]
    names += [
        (n, p.province_iso) for p in gazetteer.prisons for n in (p.name_en, p.name_fa, *p.aliases)
    ]
    found: dict[str, set[str]] = defaultdict(set)
    for name, iso in names:
        words = [w for w in _APART.split(name) if w]
        for start in range(len(words)):
            for end in range(start + 1, len(words) + 1):
                part = key(" ".join(words[start:end])) if end - start < len(words) else ""
                if part:
                    found[part].add(iso)
    return {part: frozenset(isos) for part, isos in found.items()}


_APART = re.compile(r"[\s\-]+")


def _name_key(name: str) -> str:
    """The key a place's name is indexed under (:func:`iranmap.geocode.index.name_key_of`)."""
    return parse_place(name).core


def spelling_key(name: str) -> str:
    """The key of another spelling of a place, or "" for one that says more than a name
    ("Provincia de Kermanshah") or less (a key of two letters: "Do" for Jahrom), or only what a
    place is ("Velayat", "شهرستان")."""
    parsed = parse_place(name)
    if parsed.context or parsed.near or len(parsed.core) < MIN_SPELLING:
        return ""
    return "" if parsed.core in _WORD_KEYS else parsed.core
