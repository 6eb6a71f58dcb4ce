"""The shipped gazetteer (``geodata/*.csv``) as plain frozen records.

Stage: geodata/ -> :class:`Gazetteer`. Reading only; name matching lives in
:mod:`iranmap.names` and :mod:`iranmap.geocode`. The files are built by ``make geodata`` (see
``geodata/README.md``); :func:`load_gazetteer` reads them with the csv module, checks every
column it needs and raises :class:`~iranmap.errors.GeodataError` with file and line otherwise.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Literal, TypeVar

from iranmap._kept import kept
from iranmap.errors import GeodataError, Problem
from iranmap.paths import geodata_dir

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
    # Provinces (ISO codes) that hold another GeoNames place of the same name: a prison
    # named only by this town's name could be in any of them.
    homonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Place:
    """A GeoNames place of 500 people or more (``geodata/places.csv``), town or village: a name
    that is known to be this place, so the geocoder never bends it into another by fuzzy score,
    and places a name that is this place's alone at its point (:mod:`iranmap.geocode._places`).
    """

    name: str  # GeoNames' primary name, without diacritics
    province_iso: str
    #: The GeoNames population of the place (0: unknown).
    population: int = 0
    geonameid: int = 0  # 0: unknown (a file of names only)
    #: GeoNames' other Latin spellings of it (without diacritics) and its Persian names.
    aliases: tuple[str, ...] = ()
    lat: float | None = None  # None: no point (a file of names only)
    lon: float | None = None


@dataclass(frozen=True)
class County:
    """One of Iran's counties (shahrestan, ``geodata/counties.csv``): a name that says only
    which province, never which town (a county's seat is a town the name does not give)."""

    name_en: str
    name_fa: str
    aliases: tuple[str, ...]  # its names: name_en and name_fa included
    province_iso: str


@dataclass(frozen=True)
class Gazetteer:
    """Everything a name can resolve to, in the file order (sorted by their keys)."""

    provinces: tuple[Province, ...]
    prisons: tuple[Prison, ...]
    cities: tuple[City, ...]
    places: tuple[Place, ...] = ()
    counties: tuple[County, ...] = ()

    def province(self, iso: str) -> Province | None:
        """The province with this 2020 ISO code ("IR-23"), or None."""
        return self._provinces.get(iso)

    def province_pre2020(self, code: str) -> Province | None:
        """The province that had this code before the 2020 renumbering ("IR-07" -> Tehran)."""
        return self._pre2020.get(code)

    def prison(self, prison_id: str) -> Prison | None:
        """The prison with this id ("evin"), or None."""
        return self._prisons.get(prison_id)

    def city(self, geonameid: int) -> City | None:
        """The city with this GeoNames id, or None."""
        return self._cities.get(geonameid)

    def prisons_in(self, iso: str) -> tuple[Prison, ...]:
        """The prisons of a province (2020 ISO code), in id order."""
        return tuple(p for p in self.prisons if p.province_iso == iso)

    @cached_property
    def _provinces(self) -> dict[str, Province]:
        return {p.iso: p for p in self.provinces}

    @cached_property
    def _pre2020(self) -> dict[str, Province]:
        return {p.iso_pre2020: p for p in self.provinces if p.iso_pre2020}

    @cached_property
    def _prisons(self) -> dict[str, Prison]:
        return {p.id: p for p in self.prisons}

    @cached_property
    def _cities(self) -> dict[int, City]:
        return {c.geonameid: c for c in self.cities}


PROVINCE_COLUMNS = (
    "iso",
    "iso_pre2020",
    "hasc",
    "name_en",
    "name_fa",
    "aliases",
    "capital",
    "population",
)
PRISON_COLUMNS = (
    "id",
    "name_en",
    "name_fa",
    "aliases",
    "ambiguous",
    "city",
    "province_iso",
    "lat",
    "lon",
    "precision",
    "source",
)
CITY_COLUMNS = (
    "geonameid",
    "name",
    "name_fa",
    "aliases",
    "province_iso",
    "lat",
    "lon",
    "population",
    "homonyms",
)
# Columns a file may lack (older files): read as empty.
_OPTIONAL = frozenset({"homonyms", "population"})
# Columns of places.csv an older file of names only lacks: its places have no point.
_PLACE_OPTIONAL = _OPTIONAL | {"geonameid", "aliases", "lat", "lon"}
PLACE_COLUMNS = ("geonameid", "name", "aliases", "province_iso", "lat", "lon", "population")
COUNTY_COLUMNS = ("name_en", "name_fa", "aliases", "province_iso")
_REBUILD = "rebuild it with `make geodata` or reinstall iranmap"

T = TypeVar("T")
Row = dict[str, str]


def load_gazetteer(folder: Path | None = None) -> Gazetteer:
    """Provinces, prisons, cities, places and counties from ``folder`` (default: ``geodata/``).

    The result is cached per folder and file state, so repeated calls are free; records are
    frozen, so sharing them is safe.
    """
    base = geodata_dir() if folder is None else Path(folder)
    paths = [base / "provinces.csv", base / "prisons.csv", base / "cities.csv"]
    stamps = tuple(_stamp(path) for path in paths)
    for optional in (base / "places.csv", base / "counties.csv"):
        stamps += (_stamp(optional) if optional.exists() else (0, 0),)
    return _load(base.resolve(), stamps)


def _stamp(path: Path) -> tuple[int, int]:
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise GeodataError(str(Problem(str(path), None, f"file not found; {_REBUILD}"))) from None
    return stat.st_size, stat.st_mtime_ns


@lru_cache(maxsize=4)
def _load(base: Path, stamps: tuple[tuple[int, int], ...]) -> Gazetteer:
    """The records of ``base``'s files, kept between runs (:mod:`iranmap._kept`) under the
    folder and ``stamps`` (sizes, times: edited files are read again)."""
    return kept("gazetteer", f"{base}\0{stamps!r}", Gazetteer, lambda: _read_files(base))


def _read_files(base: Path) -> Gazetteer:
    # Optional: without places.csv fuzzy matching has less to go on; without counties.csv a
    # county's name resolves to nothing.
    places, counties = base / "places.csv", base / "counties.csv"
    return Gazetteer(
        provinces=tuple(_read(base / "provinces.csv", PROVINCE_COLUMNS, _province)),
        prisons=tuple(_read(base / "prisons.csv", PRISON_COLUMNS, _prison)),
        cities=tuple(_read(base / "cities.csv", CITY_COLUMNS, _city)),
        places=tuple(_read(places, PLACE_COLUMNS, _place, _PLACE_OPTIONAL))
        if places.exists()
        else (),
        counties=tuple(_read(counties, COUNTY_COLUMNS, _county)) if counties.exists() else (),
    )


class _Field:
    """Typed access to one CSV row, raising GeodataError with file, line and column."""

    def __init__(self, path: Path, line: int, row: Row) -> None:
        self.path, self.line, self.row = path, line, row

    def fail(self, column: str, expected: str) -> GeodataError:
        value = self.row[column]
        message = f"column {column!r}: expected {expected}, found {value!r}; {_REBUILD}"
        return GeodataError(str(Problem(str(self.path), self.line, message)))

    def text(self, column: str) -> str:
        value = self.row[column].strip()
        if not value:
            raise self.fail(column, "a value")
        return value

    def optional(self, column: str) -> str:
        return (self.row.get(column) or "").strip()

    def names(self, column: str) -> tuple[str, ...]:
        cell = self.row.get(column) or ""
        return tuple(part.strip() for part in cell.split("|") if part.strip())

    def integer(self, column: str) -> int:
        try:
            return int(self.row[column])
        except ValueError:
            raise self.fail(column, "a whole number") from None

    def number(self, column: str) -> float:
        try:
            return float(self.row[column])
        except ValueError:
            raise self.fail(column, "a number") from None


def _read(
    path: Path,
    columns: tuple[str, ...],
    make: Callable[[_Field], T],
    optional: frozenset[str] = _OPTIONAL,
) -> Iterator[T]:
    try:
        handle = path.open(encoding="utf-8", newline="")
    except FileNotFoundError:
        raise GeodataError(str(Problem(str(path), None, f"file not found; {_REBUILD}"))) from None
    with handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames or []
        missing = [c for c in columns if c not in header and c not in optional]
        if missing:
            message = f"missing column {missing[0]!r} (found {list(header)!r}); {_REBUILD}"
            raise GeodataError(str(Problem(str(path), 1, message)))
        records = []
        for row in reader:
            extra = row.get(None) or []
            found = sum(value is not None for name, value in row.items() if name is not None)
            if extra or found < len(header):
                count = found + len(extra)
                message = f"expected {len(header)} fields, found {count}; {_REBUILD}"
                raise GeodataError(str(Problem(str(path), reader.line_num, message)))
            records.append(make(_Field(path, reader.line_num, row)))
    return iter(records)


def _province(field: _Field) -> Province:
    population = field.optional("population")
    return Province(
        iso=field.text("iso"),
        iso_pre2020=field.optional("iso_pre2020"),
        hasc=field.optional("hasc"),
        name_en=field.text("name_en"),
        name_fa=field.text("name_fa"),
        aliases=field.names("aliases"),
        capital=field.optional("capital"),
        population=field.integer("population") if population else None,
    )


def _prison(field: _Field) -> Prison:
    precision = field.text("precision")
    if precision not in ("facility", "city"):
        raise field.fail("precision", "'facility' or 'city'")
    return Prison(
        id=field.text("id"),
        name_en=field.text("name_en"),
        name_fa=field.optional("name_fa"),
        aliases=field.names("aliases"),
        ambiguous=field.names("ambiguous"),
        city=field.optional("city"),
        province_iso=field.text("province_iso"),
        lat=field.number("lat"),
        lon=field.number("lon"),
        precision="facility" if precision == "facility" else "city",
        source=field.optional("source"),
    )


def _place(field: _Field) -> Place:
    population = int(field.integer("population")) if field.optional("population") else 0
    point = field.optional("lat") and field.optional("lon")
    return Place(
        name=field.text("name"),
        province_iso=field.text("province_iso"),
        population=population,
        geonameid=field.integer("geonameid") if field.optional("geonameid") else 0,
        aliases=field.names("aliases"),
        lat=field.number("lat") if point else None,
        lon=field.number("lon") if point else None,
    )


def _county(field: _Field) -> County:
    return County(
        name_en=field.text("name_en"),
        name_fa=field.text("name_fa"),
        aliases=field.names("aliases"),
        province_iso=field.text("province_iso"),
    )


def _city(field: _Field) -> City:
    return City(
        geonameid=field.integer("geonameid"),
        name=field.text("name"),
        name_fa=field.optional("name_fa"),
        aliases=field.names("aliases"),
        province_iso=field.text("province_iso"),
        lat=field.number("lat"),
        lon=field.number("lon"),
        population=field.integer("population"),
        homonyms=field.names("homonyms"),
    )
