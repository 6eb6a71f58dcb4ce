"""The shipped gazetteer (``geodata/*.csv``) as plain frozen records.

Stage: geodata/ -> :class:`Gazetteer`. Reading only; name matching lives in
:mod:`iranmap.names` and :mod:`iranmap.geocode`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Precision = Literal["facility", "city"]


@dataclass(frozen=True)
class Province:
    """One of Iran's 31 provinces (``geodata/provinces.csv``)."""

    iso: str  # ISO 3166-2:IR, 2020 revision: "IR-00" (Markazi) .. "IR-30" (Alborz)
    iso_pre2020: str  # the code before the November 2020 renumbering
    hasc: str
    name_en: str
    name_fa: str
    aliases: tuple[str, ...]  # Latin spellings and Persian forms, name_en and name_fa included
    capital: str
    population: int | None  # 2016 census


@dataclass(frozen=True)
class Prison:
    """A prison of the gazetteer (``geodata/prisons.csv``)."""

    id: str  # slug, e.g. "ghezel-hesar"
    name_en: str
    name_fa: str
    aliases: tuple[str, ...]  # names that mean this prison and no other
    ambiguous: tuple[str, ...]  # names this prison shares with others on purpose
    city: str
    province_iso: str
    lat: float
    lon: float
    precision: Precision  # "facility": the prison's own site; "city": its city's centre
    source: str  # where the coordinates and names come from


@dataclass(frozen=True)
class City:
    """An Iranian city from GeoNames (``geodata/cities.csv``)."""

    geonameid: int
    name: str
    name_fa: str
    aliases: tuple[str, ...]
    province_iso: str
    lat: float
    lon: float
    population: int


@dataclass(frozen=True)
class Gazetteer:
    """Everything a name can resolve to, in the file order (sorted by their keys)."""

    provinces: tuple[Province, ...]
    prisons: tuple[Prison, ...]
    cities: tuple[City, ...]
