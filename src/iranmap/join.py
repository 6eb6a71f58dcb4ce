"""Figures + places + polygons -> joined tables and a reconciliation. Nothing is lost unnamed.

Stage: :class:`iranmap.reports.Report` -> :class:`Joined`.

How a row lands:

* A prison row's name goes through :meth:`iranmap.geocode.Geocoder.place` (each distinct name
  once). A matched prison or city gives the point; ``lat``/``lon`` in the row, when given,
  place it instead (the report writer's own coordinates), and they alone place a name the
  gazetteer does not know. A name the gazetteer does not know and whose row has ``city``
  lands on that city (precision "city").
* Every point's province comes from point-in-polygon. It must agree with the province the
  gazetteer gives the place and with the row's own ``province``; a disagreement is a problem
  naming both.
* A province's figure is the sum of its prisons, or the report's own figure (provinces.csv)
  where given; a province figure below the sum of its prisons is a problem.
* A row that cannot be placed is an :class:`Unplaced` with the reason, and a problem: its
  executions count as not itemized.
* The number of prisons (provinces) report.toml says were involved bounds the different
  places the rows land on: two spellings of one prison are one prison.

:func:`check_report` reads a folder and joins it in one go, so that ``iranmap check`` shows
every problem of reading and of placing in one run; a report read with problems is joined
only to find more problems, never to give figures.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal, Protocol

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from iranmap.boundaries import load_provinces
from iranmap.errors import InputError, Problem
from iranmap.gazetteer import Gazetteer, load_gazetteer
from iranmap.geocode import Geocoder, Match
from iranmap.names import key as place_key
from iranmap.reports import (
    EVENTS_FILE,
    PROVINCES_FILE,
    REPORT_FILE,
    Figure,
    Report,
    read_report,
    total_problems,
)

#: How far (degrees, about 25 km) a place outside every polygon may be from the nearest one
#: and still count as in it: simplified coastlines cut off harbours and islands.
COAST_TOLERANCE = 0.25

PRISON_COLUMNS = (
    "place_id",
    "name_en",
    "name_fa",
    "city",
    "city_fa",
    "province_iso",
    "province_en",
    "province_fa",
    "executions",
    "share",
    "rank",
    "precision",
    "source",
    "geometry",
)
PROVINCE_COLUMNS = (
    "iso",
    "name_en",
    "name_fa",
    "population",
    "executions",
    "status",
    "share",
    "rank",
    "per_million",
    "source",
    "geometry",
)


class Resolver(Protocol):
    """What :func:`join` needs of a geocoder (:class:`iranmap.geocode.Geocoder` is one)."""

    def place(self, name: str) -> Match: ...

    def places(self, names: Iterable[str]) -> list[Match]: ...

    def province(self, name: str, iso_scheme: str = "2020") -> Match: ...


@dataclass(frozen=True)
class Unplaced:
    """An input row that did not land on the map, and why."""

    path: str
    line: int
    name: str
    executions: int
    reason: str


@dataclass(frozen=True)
class Reconciliation:
    """How the report's total splits into what the map shows and what it cannot.

    ``reported_total == itemized_by_province + not_itemized`` always holds.
    """

    report: str
    reported_total: int
    itemized_by_prison: int
    itemized_by_province: int
    not_itemized: int
    prisons_mapped: int
    provinces_with_figures: int
    unresolved: tuple[Unplaced, ...]
    problems: tuple[Problem, ...]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the shape of ``iranmap check --json``)."""
        return {
            "report": self.report,
            "reported_total": self.reported_total,
            "itemized_by_prison": self.itemized_by_prison,
            "itemized_by_province": self.itemized_by_province,
            "not_itemized": self.not_itemized,
            "prisons_mapped": self.prisons_mapped,
            "provinces_with_figures": self.provinces_with_figures,
            "unresolved": [asdict(u) for u in self.unresolved],
            "problems": [problem_dict(p) for p in self.problems],
        }

    def sentence(self, lang: Literal["en", "fa"] | str = "en") -> str:
        """The reconciliation in one sentence, for a caption under the map."""
        if lang == "en":
            return _sentence_en(self)
        if lang == "fa":
            return _sentence_fa(self)
        msg = f"no sentence in language {lang!r}; use 'en' or 'fa'"
        raise ValueError(msg)


def problem_dict(problem: Problem) -> dict[str, Any]:
    """A problem as JSON: its parts, and the line a user reads."""
    return {
        "path": problem.path,
        "line": problem.line,
        "message": problem.message,
        "text": str(problem),
    }


@dataclass(frozen=True)
class Joined:
    """A report joined to the map.

    ``prisons``: one row per mapped place, largest first (ties by name), EPSG:4326 points,
    columns ``place_id, name_en, name_fa, city, city_fa, province_iso, province_en,
    province_fa, executions, share, rank, precision, source, geometry``.

    ``city`` is the place's city in English (a row placed by its coordinates alone has the
    row's own ``city``, or ""); ``city_fa`` is that city's Persian name from
    ``geodata/cities.csv`` (found by any of its names in the place's province), or "" where
    the gazetteer gives none: a page in Persian then shows ``city``, marked as English.

    ``provinces``: all 31 provinces sorted by ``iso``, columns ``iso, name_en, name_fa,
    population, executions`` (pandas ``Int64``; ``<NA>`` means *not itemized*, never 0),
    ``status`` ("itemized" / "not itemized"), ``share, rank, per_million, source, geometry``.

    ``share`` is a fraction (0..1) of the reported total; ``rank`` is 1 for the largest figure
    (equal figures share a rank); ``source`` names the lines a figure comes from
    ("prisons.csv:3", or "prisons.csv:2 + prisons.csv:6" for a province summed from prisons).
    A place the gazetteer does not know has ``place_id`` "city:<province>:<city>" (placed on
    its city) or "point:<lat>,<lon>" (placed by the row's coordinates).
    """

    report: Report
    prisons: gpd.GeoDataFrame
    provinces: gpd.GeoDataFrame
    reconciliation: Reconciliation


# ---------------------------------------------------------------------------------------------
# join


def join(
    report: Report,
    gazetteer: Gazetteer | None = None,
    provinces: gpd.GeoDataFrame | None = None,
    *,
    strict: bool = True,
    geocoder: Resolver | None = None,
) -> Joined:
    """Place every figure of ``report`` and reconcile the totals.

    ``strict``: raise :class:`InputError` listing every problem; otherwise return the joined
    tables with the problems and unplaced rows in the reconciliation (``iranmap check``).
    ``geocoder`` overrides the one built from ``gazetteer`` (tests, or a caller that holds one).
    """
    gazetteer = gazetteer if gazetteer is not None else _default_gazetteer()
    polygons = provinces if provinces is not None else _default_provinces()
    resolver = geocoder if geocoder is not None else _geocoder_for(gazetteer)
    problems: list[Problem] = []
    unplaced: list[Unplaced] = []
    places = _place_prisons(report, resolver, problems, unplaced)
    located = _locate(places, polygons, gazetteer, problems)
    _check_provinces_of_rows(report, located, resolver, problems, gazetteer)
    _check_duplicates(report, located, problems)
    uncounted = {id(f) for f in report.uncounted}
    counted = [item for item in located if id(item.place.figure) not in uncounted]
    prison_table = _prison_table(counted, gazetteer, report.total)
    given, named = _province_figures(report, resolver, problems, unplaced)
    _check_stated_counts(report, located, named, problems)
    province_table = _province_table(polygons, gazetteer, counted, given, report, problems)
    reconciliation = _reconcile(report, prison_table, province_table, unplaced, problems)
    if strict and reconciliation.problems:
        raise InputError(reconciliation.problems)
    return Joined(report, prison_table, province_table, reconciliation)


def check_report(
    folder: Path,
    *,
    start: date | None = None,
    end: date | None = None,
    where: Sequence[tuple[str, str]] = (),
    gazetteer: Gazetteer | None = None,
    provinces: gpd.GeoDataFrame | None = None,
) -> tuple[Joined | None, tuple[Problem, ...]]:
    """Every problem of a report folder, reading's and placing's, by file and line, each once.

    The joined report comes back only when the folder was read without a problem (its
    reconciliation may still list problems of the join). A report read with problems is
    partial (:func:`iranmap.reports.read_report`): it is joined only to find the problems
    placing its names shows, so that a user fixes them all in one pass.
    """
    report, problems = read_report(folder, start=start, end=end, where=where)
    if report is None:
        return None, problems
    joined = join(report, gazetteer, provinces, strict=False)
    found = tuple(sorted(dict.fromkeys((*problems, *joined.reconciliation.problems)), key=_order))
    return (None if problems else joined), found


def join_folder(
    folder: Path,
    *,
    start: date | None = None,
    end: date | None = None,
    where: Sequence[tuple[str, str]] = (),
    gazetteer: Gazetteer | None = None,
    provinces: gpd.GeoDataFrame | None = None,
) -> Joined:
    """``join(load_report(folder))``, but a failure lists the join's problems too.

    Costs the same as the two calls when the report is clean.
    """
    joined, problems = check_report(
        folder, start=start, end=end, where=where, gazetteer=gazetteer, provinces=provinces
    )
    if joined is None or problems:
        raise InputError(problems)
    return joined


def _default_gazetteer() -> Gazetteer:
    return load_gazetteer()


def _default_provinces() -> gpd.GeoDataFrame:
    return load_provinces()


_GEOCODERS: dict[int, tuple[Gazetteer, Resolver]] = {}


def _geocoder_for(gazetteer: Gazetteer) -> Resolver:
    """One geocoder per gazetteer (building its indexes is the slow part; answers are cached)."""
    held = _GEOCODERS.get(id(gazetteer))
    if held is not None and held[0] is gazetteer:
        return held[1]
    resolver: Resolver = Geocoder(gazetteer)
    if len(_GEOCODERS) >= 4:
        _GEOCODERS.clear()
    _GEOCODERS[id(gazetteer)] = (gazetteer, resolver)
    return resolver


# ---------------------------------------------------------------------------------------------
# prisons -> points


@dataclass(frozen=True)
class _Place:
    """A figure with the place it landed on (before point-in-polygon)."""

    figure: Figure
    place_id: str
    name_en: str
    city: str
    lat: float
    lon: float
    precision: str
    prison_id: str | None  # the gazetteer prison, when the name matched one
    expected_iso: str | None  # the province the gazetteer gives the place


@dataclass(frozen=True)
class _Located:
    """A placed figure with the province its point lies in."""

    place: _Place
    province_iso: str | None


def _place_prisons(
    report: Report, resolver: Resolver, problems: list[Problem], unplaced: list[Unplaced]
) -> list[_Place]:
    uncounted = {id(f) for f in report.uncounted}
    rows = sorted(
        (*report.prison_figures, *(f for f in report.uncounted if not _of_provinces(f))),
        key=lambda f: f.line,
    )
    names = dict.fromkeys(f.name for f in rows)
    names.update(dict.fromkeys(f.city for f in rows if f.city))
    answers = dict(zip(names, resolver.places(names), strict=True))

    def resolve(name: str) -> Match:
        if name not in answers:
            answers[name] = resolver.place(name)
        return answers[name]

    places: list[_Place] = []
    for figure in rows:
        place = _place_one(figure, resolve)
        if isinstance(place, _Place):
            places.append(place)
            continue
        if id(figure) not in uncounted:  # a row without a count is in no figure
            unplaced.append(
                Unplaced(figure.path, figure.line, figure.name, figure.executions, place)
            )
        problems.append(Problem(figure.path, figure.line, place))
    return places


def _of_provinces(figure: Figure) -> bool:
    return Path(figure.path).name == PROVINCES_FILE


def _place_one(figure: Figure, resolve: Callable[[str], Match]) -> _Place | str:
    """The place a figure lands on, or the reason it lands nowhere."""
    match = resolve(figure.name)
    matched = match.status == "matched" and match.lat is not None and match.lon is not None
    if figure.lat is not None and figure.lon is not None:
        if matched:
            return _from_match(figure, match, (figure.lat, figure.lon), "facility")
        place_id = f"point:{figure.lat:.5f},{figure.lon:.5f}"
        city = figure.city or ""
        return _Place(
            figure, place_id, figure.name, city, figure.lat, figure.lon, "facility", None, None
        )
    if matched:
        return _from_match(figure, match, None, None)
    if match.status == "unmatched" and figure.city:
        town = resolve(figure.city)
        if town.status == "matched" and town.lat is not None and town.lon is not None:
            return _on_city(figure, town)
    return _reason(figure, match)


def _from_match(
    figure: Figure, match: Match, point: tuple[float, float] | None, precision: str | None
) -> _Place:
    lat, lon = point if point is not None else (match.lat, match.lon)
    assert lat is not None and lon is not None  # checked by the caller
    if match.kind == "prison" and match.prison_id:
        place_id, name = match.prison_id, match.prison or figure.name
    else:
        place_id, name = _city_id(match), match.city or figure.name
    return _Place(
        figure,
        place_id,
        name,
        match.city or "",
        lat,
        lon,
        precision or match.precision or "city",
        match.prison_id if match.kind == "prison" else None,
        match.province_iso,
    )


def _on_city(figure: Figure, town: Match) -> _Place:
    """A prison the gazetteer does not know, placed on the city its row names."""
    assert town.lat is not None and town.lon is not None  # checked by the caller
    place_id = f"{_city_id(town)}:{_slug(figure.name)}"
    city = town.city or figure.city or ""
    return _Place(
        figure, place_id, figure.name, city, town.lat, town.lon, "city", None, town.province_iso
    )


def _city_id(match: Match) -> str:
    return f"city:{match.province_iso or 'IR'}:{_slug(match.city or match.query)}"


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or re.sub(r"\s+", "-", text.strip())


def _reason(figure: Figure, match: Match) -> str:
    """Why a name lands nowhere, and what the writer can do about it."""
    name = figure.name
    if match.status == "ambiguous":
        options = ", ".join(match.candidates) or "several places"
        return (
            f"prison {name!r} is ambiguous: it could be {options}; "
            "write the prison's full name, or add lat and lon"
        )
    hint = f" (near: {', '.join(match.suggestions)})" if match.suggestions else ""
    return (
        f"prison {name!r} is not a prison or city the gazetteer knows{hint}; "
        "fix the spelling, or add lat and lon to place it"
    )


# ---------------------------------------------------------------------------------------------
# points -> provinces


def _locate(
    places: Sequence[_Place],
    polygons: gpd.GeoDataFrame,
    gazetteer: Gazetteer,
    problems: list[Problem],
) -> list[_Located]:
    """Each place with the province its point lies in (all points at once)."""
    if not places:
        return []
    isos = points_in_provinces(
        np.array([p.lon for p in places]), np.array([p.lat for p in places]), polygons
    )
    names = _province_names(gazetteer, polygons)
    located: list[_Located] = []
    for place, iso in zip(places, isos, strict=True):
        found = iso if isinstance(iso, str) else None
        if found is None:
            problems.append(_nowhere(place))
        elif place.expected_iso and place.expected_iso != found:
            problems.append(_disagreement(place, found, place.expected_iso, names))
        located.append(_Located(place, found or place.expected_iso))
    return located


def points_in_provinces(
    lon: np.ndarray[Any, Any], lat: np.ndarray[Any, Any], polygons: gpd.GeoDataFrame
) -> list[str | None]:
    """The ISO code of the province each point lies in (vectorised), None for none.

    A point on a border between two provinces takes the first by ``iso``; a point just off
    the simplified coast takes the nearest province within :data:`COAST_TOLERANCE`.
    """
    ordered = polygons.sort_values("iso")
    geoms = np.asarray(ordered.geometry.values)
    codes = ordered["iso"].to_numpy()
    points = shapely.points(lon, lat)
    tree = shapely.STRtree(geoms)
    point_idx, poly_idx = tree.query(points, predicate="intersects")
    found: list[str | None] = [None] * len(points)
    for p, g in sorted(zip(point_idx.tolist(), poly_idx.tolist(), strict=True), reverse=True):
        found[p] = str(codes[g])
    missing = [i for i, code in enumerate(found) if code is None]
    if missing:
        near_p, near_g = tree.query_nearest(
            points[missing], max_distance=COAST_TOLERANCE, all_matches=False
        )
        for p, g in zip(near_p.tolist(), near_g.tolist(), strict=True):
            found[missing[p]] = str(codes[g])
    return found


def _province_names(gazetteer: Gazetteer, polygons: gpd.GeoDataFrame) -> dict[str, str]:
    names = {p.iso: p.name_en for p in gazetteer.provinces}
    for iso, name in zip(polygons["iso"], polygons["name_en"], strict=True):
        names.setdefault(str(iso), str(name))
    return names


def _nowhere(place: _Place) -> Problem:
    figure = place.figure
    msg = (
        f"prison {figure.name!r} at lat {place.lat!r}, lon {place.lon!r} lies in no province; "
        "check lat and lon"
    )
    return Problem(figure.path, figure.line, msg)


def _disagreement(place: _Place, found: str, expected: str, names: Mapping[str, str]) -> Problem:
    figure = place.figure
    where = f"lat {place.lat!r}, lon {place.lon!r}"
    by_row = figure.lat is not None
    fix = (
        "check lat and lon in the row"
        if by_row
        else "the gazetteer's coordinates or province are wrong: fix geodata/prisons.csv"
    )
    msg = (
        f"prison {figure.name!r} is placed at {where}, which lies in "
        f"{names.get(found, found)} ({found}), but the gazetteer puts {place.name_en!r} in "
        f"{names.get(expected, expected)} ({expected}); {fix}"
    )
    return Problem(figure.path, figure.line, msg)


def _check_provinces_of_rows(
    report: Report,
    located: Sequence[_Located],
    resolver: Resolver,
    problems: list[Problem],
    gazetteer: Gazetteer,
) -> None:
    """A row's own ``province`` must name the province its point lies in."""
    names = {p.iso: p.name_en for p in gazetteer.provinces}
    answers: dict[str, Match] = {}
    for item in located:
        figure = item.place.figure
        if not figure.province:
            continue
        if figure.province not in answers:
            answers[figure.province] = resolver.province(figure.province, report.iso_scheme)
        match = answers[figure.province]
        if match.status != "matched" or not match.province_iso:
            problems.append(_unknown_province(figure, figure.province, match, report.iso_scheme))
        elif item.province_iso and match.province_iso != item.province_iso:
            lies_in = names.get(item.province_iso, item.province_iso)
            msg = (
                f"prison {figure.name!r} lies in {lies_in} ({item.province_iso}) by its "
                f"coordinates, but its province column says {figure.province!r}, which is "
                f"{match.province or match.province_iso} ({match.province_iso}); fix the "
                "province column (or lat and lon)"
            )
            problems.append(Problem(figure.path, figure.line, msg))


def _unknown_province(figure: Figure, value: str, match: Match, scheme: str) -> Problem:
    if match.status == "ambiguous":
        what = f"could be {', '.join(match.candidates)}"
    else:
        what = "is not a province of Iran"
    msg = (
        f"province {value!r} {what}; write the province's name (e.g. Tehran) "
        f"or its ISO code in the {scheme} scheme (e.g. IR-23)"
    )
    return Problem(figure.path, figure.line, msg)


def _check_duplicates(report: Report, located: Sequence[_Located], problems: list[Problem]) -> None:
    """Two rows of prisons.csv for one place are a problem (events.csv rows are summed)."""
    if report.events is not None:
        return
    first: dict[str, Figure] = {}
    for item in located:
        figure = item.place.figure
        earlier = first.setdefault(item.place.place_id, figure)
        if earlier is figure:
            continue
        msg = (
            f"prison {figure.name!r} is the same place as {earlier.name!r} on line "
            f"{earlier.line} ({item.place.name_en}); keep one row (add the counts up if "
            "the report gives two)"
        )
        problems.append(Problem(figure.path, figure.line, msg))


# ---------------------------------------------------------------------------------------------
# tables


def _prison_table(
    located: Sequence[_Located], gazetteer: Gazetteer, total: int
) -> gpd.GeoDataFrame:
    """One row per place, largest first; rows of one place (events) are added up."""
    prisons_fa = {p.id: p.name_fa for p in gazetteer.prisons}
    cities_fa = _cities_fa(gazetteer)
    provinces = {p.iso: p for p in gazetteer.provinces}
    grouped: dict[str, list[_Located]] = {}
    for item in located:
        grouped.setdefault(item.place.place_id, []).append(item)
    records = [
        _prison_record(items, prisons_fa, cities_fa, provinces) for items in grouped.values()
    ]
    frame = pd.DataFrame.from_records(records, columns=[*PRISON_COLUMNS[:-1], "lon", "lat"])
    frame["executions"] = frame["executions"].astype("int64")
    frame["share"] = _share(frame["executions"], total)
    frame["rank"] = frame["executions"].rank(method="min", ascending=False).astype("int64")
    frame = frame.sort_values(["executions", "name_en"], ascending=[False, True], kind="stable")
    geometry = gpd.points_from_xy(frame.pop("lon"), frame.pop("lat"), crs="EPSG:4326")
    return gpd.GeoDataFrame(frame.reset_index(drop=True), geometry=geometry, crs="EPSG:4326")


def _prison_record(
    items: Sequence[_Located],
    prisons_fa: Mapping[str, str],
    cities_fa: Mapping[tuple[str, str], str],
    provinces: Mapping[str, Any],
) -> dict[str, Any]:
    place = items[0].place
    iso = items[0].province_iso or ""
    province = provinces.get(iso)
    city_fa = cities_fa.get((place_key(place.city), place.expected_iso or iso), "")
    if place.prison_id:
        name_fa = prisons_fa.get(place.prison_id, "")
    elif place.place_id.startswith("city:") and place.name_en == place.city:
        name_fa = city_fa
    else:
        name_fa = ""
    return {
        "place_id": place.place_id,
        "name_en": place.name_en,
        "name_fa": name_fa,
        "city": place.city,
        "city_fa": city_fa,
        "province_iso": iso,
        "province_en": province.name_en if province else "",
        "province_fa": province.name_fa if province else "",
        "executions": sum(i.place.figure.executions for i in items),
        "share": math.nan,
        "rank": 0,
        "precision": place.precision,
        "source": _sources([i.place.figure for i in items]),
        "lon": place.lon,
        "lat": place.lat,
    }


def _cities_fa(gazetteer: Gazetteer) -> dict[tuple[str, str], str]:
    """Persian city names by (key of any of the city's names, province).

    A prison's ``city`` in prisons.csv is written plainly ("Amol") where cities.csv has the
    GeoNames spelling ("Āmol") with the plain one among its aliases, so names are compared by
    :func:`iranmap.names.key`. Should two cities of a province share a name, a city's own name
    wins over another's alias, then the larger city: the same order the geocoder reads them in.
    """
    ranked = sorted(gazetteer.cities, key=lambda c: (-c.population, c.geonameid))
    found: dict[tuple[str, str], str] = {}
    for own in (True, False):
        for city in ranked:
            names = (city.name, city.name_fa) if own else city.aliases
            for name in names:
                name_key = place_key(name)
                if name_key:
                    found.setdefault((name_key, city.province_iso), city.name_fa)
    return found


def _sources(figures: Sequence[Figure]) -> str:
    """Where a sum comes from: "prisons.csv:2 + prisons.csv:6", or "events.csv: 40 rows"."""
    parts: list[str] = []
    by_file: dict[str, list[Figure]] = {}
    for figure in figures:
        by_file.setdefault(figure.path, []).append(figure)
    for path, group in by_file.items():
        if len(group) == 1:
            parts.append(group[0].source)
        elif Path(path).name == EVENTS_FILE:
            parts.append(f"{EVENTS_FILE}: {sum(f.rows for f in group)} rows")
        else:
            parts.extend(f.source for f in sorted(group, key=lambda f: f.line))
    return " + ".join(parts)


def _share(executions: pd.Series[Any], total: int) -> pd.Series[Any]:
    if total <= 0:
        return pd.Series(math.nan, index=executions.index, dtype="float64")
    return executions / total


@dataclass(frozen=True)
class _Given:
    """A province figure of provinces.csv, resolved."""

    figure: Figure
    iso: str


def _province_figures(
    report: Report, resolver: Resolver, problems: list[Problem], unplaced: list[Unplaced]
) -> tuple[dict[str, _Given], dict[str, Figure]]:
    """The province figures by ISO code, and the first row naming each province.

    Rows without a count (a partial report) are resolved and compared like the others, so
    an unknown or repeated province among them is found too; they give no figure.
    """
    uncounted = [f for f in report.uncounted if _of_provinces(f)]
    rows = sorted((*report.province_figures, *uncounted), key=lambda f: f.line)
    without_count = {id(f) for f in uncounted}
    given: dict[str, _Given] = {}
    named: dict[str, Figure] = {}
    for figure in rows:
        match = resolver.province(figure.name, report.iso_scheme)
        if match.status != "matched" or not match.province_iso:
            problem = _unknown_province(figure, figure.name, match, report.iso_scheme)
            problems.append(problem)
            if id(figure) not in without_count:
                unplaced.append(
                    Unplaced(
                        figure.path, figure.line, figure.name, figure.executions, problem.message
                    )
                )
            continue
        earlier = named.get(match.province_iso)
        if earlier is not None:
            msg = (
                f"province {figure.name!r} is the same province as {earlier.name!r} on "
                f"line {earlier.line} ({match.province_iso}); keep one row"
            )
            problems.append(Problem(figure.path, figure.line, msg))
            continue
        named[match.province_iso] = figure
        if id(figure) not in without_count:
            given[match.province_iso] = _Given(figure, match.province_iso)
    return given, named


def _check_stated_counts(
    report: Report,
    located: Sequence[_Located],
    named: Mapping[str, Figure],
    problems: list[Problem],
) -> None:
    """``prisons = N`` / ``provinces = N`` of report.toml bound the different places named.

    Counted after placing, so that two spellings of one prison count once (and are a problem
    of their own), and an unplaced row is left to its own problem rather than counted.
    Reports with events.csv are not bounded: their rows are executions, not places.
    """
    if report.events is not None:
        return
    checks = (
        ("prisons", report.prisons_count, len({item.place.place_id for item in located})),
        ("provinces", report.provinces_count, len(named)),
    )
    for key, stated, found in checks:
        if stated is not None and found > stated:
            msg = (
                f"{key} = {stated} but {key}.csv names {found} {key}; "
                f"raise {key} to at least {found}, or check {key}.csv for extra rows"
            )
            line = report.manifest_lines.get(key)
            problems.append(Problem(str(report.folder / REPORT_FILE), line, msg))


def _province_table(
    polygons: gpd.GeoDataFrame,
    gazetteer: Gazetteer,
    located: Sequence[_Located],
    given: Mapping[str, _Given],
    report: Report,
    problems: list[Problem],
) -> gpd.GeoDataFrame:
    """All provinces by ``iso``; ``executions`` is <NA> where the report gives no figure."""
    frame = polygons[["iso", "name_en", "name_fa", "geometry"]].sort_values("iso")
    frame = frame.reset_index(drop=True)
    population = {p.iso: p.population for p in gazetteer.provinces}
    by_province: dict[str, list[Figure]] = {}
    for item in located:
        if item.province_iso:
            by_province.setdefault(item.province_iso, []).append(item.place.figure)
    sums = {iso: sum(f.executions for f in figures) for iso, figures in by_province.items()}
    sources = {iso: _sources(figures) for iso, figures in by_province.items()}
    executions: list[int | None] = []
    origin: list[str] = []
    for iso in frame["iso"]:
        from_prisons = sums.get(iso)
        if iso in given:
            figure = given[iso].figure
            if from_prisons is not None and figure.executions < from_prisons:
                problems.append(_below_prisons(figure, int(from_prisons), sources[iso]))
            executions.append(figure.executions)
            origin.append(figure.source)
        elif from_prisons is not None:
            executions.append(int(from_prisons))
            origin.append(sources[iso])
        else:
            executions.append(None)
            origin.append("")
    frame["population"] = pd.array([population.get(i) for i in frame["iso"]], dtype="Int64")
    counts = pd.array(executions, dtype="Int64")
    frame["executions"] = counts
    frame["status"] = np.where(pd.isna(counts), "not itemized", "itemized")
    frame["share"] = (
        frame["executions"].astype("Float64") / report.total
        if report.total > 0
        else pd.array([None] * len(frame), dtype="Float64")
    )
    frame["rank"] = frame["executions"].rank(method="min", ascending=False).astype("Int64")
    frame["per_million"] = (
        frame["executions"].astype("Float64")
        / frame["population"].astype("Float64").replace(0, pd.NA)
        * 1_000_000
    )
    frame["source"] = origin
    ordered = frame[list(PROVINCE_COLUMNS)]
    return gpd.GeoDataFrame(ordered, geometry="geometry", crs="EPSG:4326")


def _below_prisons(figure: Figure, from_prisons: int, sources: str) -> Problem:
    msg = (
        f"province {figure.name!r} has {figure.executions:,} executions, fewer than the "
        f"{from_prisons:,} its prisons add up to ({sources}); fix the province's figure "
        "or the prisons' counts"
    )
    return Problem(figure.path, figure.line, msg)


# ---------------------------------------------------------------------------------------------
# reconciliation


def _reconcile(
    report: Report,
    prisons: gpd.GeoDataFrame,
    provinces: gpd.GeoDataFrame,
    unplaced: Sequence[Unplaced],
    problems: list[Problem],
) -> Reconciliation:
    by_prison = int(prisons["executions"].sum())
    by_province = int(provinces["executions"].sum(skipna=True))
    one_file = total_problems(report)  # reading names these; said once, not twice
    problems.extend(one_file)
    if by_province > report.total and not one_file:
        msg = (
            f"prisons and provinces together itemize {by_province:,} executions, more than "
            f"total = {report.total:,}; fix the counts, or raise the total"
        )
        problems.append(Problem(str(report.folder / "report.toml"), None, msg))
    ordered = tuple(sorted(dict.fromkeys(problems), key=_order))
    return Reconciliation(
        report=report.id,
        reported_total=report.total,
        itemized_by_prison=by_prison,
        itemized_by_province=by_province,
        not_itemized=report.total - by_province,
        prisons_mapped=len(prisons),
        provinces_with_figures=int(provinces["executions"].notna().sum()),
        unresolved=tuple(sorted(unplaced, key=lambda u: (u.path, u.line))),
        problems=ordered,
    )


def _order(problem: Problem) -> tuple[str, int]:
    return (problem.path, problem.line or 0)


# ---------------------------------------------------------------------------------------------
# sentences


def _plural(count: int, one: str, many: str) -> str:
    return f"{count:,} {one if count == 1 else many}"


def _sentence_en(r: Reconciliation) -> str:
    executions = "execution" if r.reported_total == 1 else "executions"
    text = (
        f"{r.itemized_by_prison:,} of {r.reported_total:,} {executions} itemized by prison, "
        f"in {_plural(r.prisons_mapped, 'prison', 'prisons')}"
    )
    provinces = _plural(r.provinces_with_figures, "province", "provinces")
    if r.itemized_by_province == r.itemized_by_prison:
        text += f" across {provinces}"
    else:
        text += f"; {r.itemized_by_province:,} itemized by province, in {provinces}"
    text += f"; {r.not_itemized:,} not itemized."
    if r.unresolved:
        rows = _plural(len(r.unresolved), "row", "rows")
        text += f" {rows} could not be placed."
    return text


_PERSIAN_DIGITS = str.maketrans("0123456789,-", "۰۱۲۳۴۵۶۷۸۹٬−")


def persian_number(value: int) -> str:
    """A whole number in Persian digits with the Persian thousands separator (۱٬۰۰۰)."""
    return f"{value:,}".translate(_PERSIAN_DIGITS)


def _sentence_fa(r: Reconciliation) -> str:
    n = persian_number
    text = (
        f"از {n(r.reported_total)} اعدام، {n(r.itemized_by_prison)} مورد به تفکیک زندان "
        f"در {n(r.prisons_mapped)} زندان"
    )
    if r.itemized_by_province == r.itemized_by_prison:
        text += f" و {n(r.provinces_with_figures)} استان"
    else:
        text += (
            f" و {n(r.itemized_by_province)} مورد به تفکیک استان "
            f"در {n(r.provinces_with_figures)} استان"
        )
    text += f" ثبت شده است؛ {n(r.not_itemized)} مورد بدون تفکیک است."
    if r.unresolved:
        text += f" {n(len(r.unresolved))} ردیف روی نقشه جای نگرفت."
    return text
