"""Placing: each prison row's name -> a point -> the province the point lies in.

A name goes through the geocoder once; the row's own ``lat``/``lon`` place it instead when
given; an unknown name whose row has ``city`` lands on that city. Every point's province then
comes from point-in-polygon, and must agree with the gazetteer's and the row's own province.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shapely

from iranmap.boundaries import Shape, shapes_of
from iranmap.errors import Problem
from iranmap.gazetteer import Gazetteer
from iranmap.geocode import Match, contradicts, only_province, read_name, ruled_out
from iranmap.geocode.index import km
from iranmap.join._model import COAST_TOLERANCE, MatchKind, Placement, Resolver, Unplaced
from iranmap.names import fold, parse_place
from iranmap.reports import PROVINCES_FILE, Figure, Report


@dataclass(frozen=True)
class Place:
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
    how: MatchKind  # how the row's name found the place (:data:`MATCH_KINDS`)
    score: float | None  # the geocoder's score for the name; None when placed by lat/lon
    likely: str | None = None  # for a name of a town only: the prison it most likely means
    read_as: str | None = None  # for a near spelling ("Tarbiz"): the name it was read as
    reading: str | None = None  # how a geocoder rule read the name (Match.reading)


@dataclass(frozen=True)
class Located:
    """A placed figure with the province its point lies in."""

    place: Place
    province_iso: str | None


def place_prisons(
    report: Report,
    resolver: Resolver,
    gazetteer: Gazetteer,
    problems: list[Problem],
    unplaced: list[Unplaced],
) -> list[Place]:
    own_names = {p.id: {fold(p.name_en), fold(p.name_fa)} for p in gazetteer.prisons}
    uncounted = {id(f) for f in report.uncounted}
    rows = sorted(
        (*report.prison_figures, *(f for f in report.uncounted if not of_provinces(f))),
        key=lambda f: f.line,
    )
    names = dict.fromkeys(f.name for f in rows)
    names.update(dict.fromkeys(f.city for f in rows if f.city))
    answers = dict(zip(names, resolver.places(names), strict=True))

    def resolve(name: str, city: str = "", province: str = "") -> Match:
        # A row's own city and province columns constrain its name: "Asadabad Prison" of a
        # row in Isfahan is never Asadabad of Hamadan.
        # A name the columns leave nowhere is resolved alone, so that the check of the row's
        # province names both places rather than calling the name unknown.
        if city or province:
            answer = resolver.place(name, city=city, province=province)
            if answer.status == "matched":
                return answer
        if name not in answers:
            answers[name] = resolver.place(name)
        return answers[name]

    places: list[Place] = []
    for figure in rows:
        place = _place_one(figure, resolve, own_names)
        if isinstance(place, Place):
            places.append(place)
            continue
        if id(figure) not in uncounted:  # a row without a count is in no figure
            unplaced.append(
                Unplaced(figure.path, figure.line, figure.name, figure.executions, place)
            )
        problems.append(Problem(figure.path, figure.line, place))
    return places


def placements(located: Sequence[Located]) -> tuple[Placement, ...]:
    """How each placed row found its place, in file and line order."""
    ordered = sorted(located, key=lambda item: (item.place.figure.path, item.place.figure.line))
    return tuple(
        Placement(
            path=item.place.figure.path,
            line=item.place.figure.line,
            as_reported=item.place.figure.name,
            place_id=item.place.place_id,
            name_en=item.place.name_en,
            match=item.place.how,
            score=item.place.score,
            precision=item.place.precision,
            province_iso=item.province_iso,
            likely=item.place.likely,
            read_as=item.place.read_as,
            reading=item.place.reading,
        )
        for item in ordered
    )


def of_provinces(figure: Figure) -> bool:
    # provinces.csv, .xlsx or .ods: the file's stem names the table
    return Path(figure.path).stem == Path(PROVINCES_FILE).stem


def _place_one(
    figure: Figure, resolve: Callable[..., Match], own_names: Mapping[str, set[str]]
) -> Place | str:
    """The place a figure lands on, or the reason it lands nowhere."""
    match = resolve(figure.name, figure.city or "", figure.province or "")
    matched = match.status == "matched" and match.lat is not None and match.lon is not None
    if figure.place:
        return _confirmed(figure, match if matched else None, resolve)
    if figure.lat is not None and figure.lon is not None:
        if matched:
            how = _how(figure, match, own_names)
            return _from_match(figure, match, (figure.lat, figure.lon), "facility", how)
        place_id = f"point:{figure.lat:.5f},{figure.lon:.5f}"
        city = figure.city or ""
        return Place(
            figure,
            place_id,
            figure.name,
            city,
            figure.lat,
            figure.lon,
            "facility",
            None,
            None,
            "latlon",
            None,
        )
    if matched:
        return _from_match(figure, match, None, None, _how(figure, match, own_names))
    if (match.status == "unmatched" or match.kind == "province") and figure.city:
        # a county's row names its town: the town of that name in the county's province
        town = resolve(figure.city, "", match.province or "")
        if town.status == "matched" and town.lat is not None and town.lon is not None:
            return _on_city(figure, town)
    return _reason(figure, match)


def _how(figure: Figure, match: Match, own_names: Mapping[str, set[str]]) -> MatchKind:
    """How a matched name found its place: the prison's own name (up to case, accents and
    spacing), another of its names (an alias, or a spelling the geocoder takes for one), a
    near spelling, or a city's name (the place is the city)."""
    if match.kind != "prison" or not match.prison_id:
        return "city"
    if match.score < 100:
        return "fuzzy"
    return "exact" if fold(figure.name) in own_names.get(match.prison_id, ()) else "alias"


def _from_match(
    figure: Figure,
    match: Match,
    point: tuple[float, float] | None,
    precision: str | None,
    how: MatchKind,
) -> Place:
    lat, lon = point if point is not None else (match.lat, match.lon)
    assert lat is not None and lon is not None  # checked by the caller
    if match.kind == "prison" and match.prison_id:
        place_id, name = match.prison_id, match.prison or figure.name
    else:  # a prison of a town, the town named and the prison not: the name as written
        place_id, name = _city_id(match), figure.name
        if match.own_place:  # a place of the town the gazetteer lacks: one of its own
            place_id = f"{place_id}:{_slug(figure.name)}"
        elif parse_place(figure.name).says_prison:
            # "Prison of Bandar Abbas" claims a prison of the town; "Bandar Abbas" (a public
            # hanging there, say) claims only the town: two places, drawn at its one point.
            place_id = f"{place_id}:prison"
    return Place(
        figure,
        place_id,
        name,
        match.city or "",
        lat,
        lon,
        precision or match.precision or "city",
        match.prison_id if match.kind == "prison" else None,
        match.province_iso,
        how,
        match.score,
        match.likely,
        read_name(match),
        match.reading,
    )


#: How far (km) a prison a row's ``place`` column names may lie from the town its name gives.
CONFIRM_KM = 40.0


def _confirmed(figure: Figure, named: Match | None, resolve: Callable[..., Match]) -> Place | str:
    """A row whose ``place`` column names the prison its name means: the monitor's word.

    The place must be one prison, in the town (within :data:`CONFIRM_KM`) or province the
    row's name gives, and the same prison if the name gives a prison of its own.
    """
    place = figure.place or ""
    found = resolve(place, figure.city or "", figure.province or "")
    if found.status != "matched" or found.kind != "prison" or found.lat is None:
        what = "names a town, not a prison" if found.kind == "city" else _unknown(found)
        return (
            f"place {place!r} {what}; write the name of a prison of the gazetteer (or of the "
            "project's places.csv), or leave place empty"
        )
    assert found.lon is not None  # a matched prison has both coordinates
    if named is not None and not _agrees(named, found):
        where = named.prison or named.city or named.province or ""
        return (
            f"place {place!r} is {found.prison} in {found.province}, but prison "
            f"{figure.name!r} names {where} in {named.province}; write in place a prison "
            "of that town, or fix the name"
        )
    return _from_match(figure, found, None, None, "place")


def _agrees(named: Match, found: Match) -> bool:
    if named.kind == "prison":
        return named.prison_id == found.prison_id
    if named.province_iso != found.province_iso:
        return False
    if named.kind != "city" or named.lat is None or named.lon is None:
        return True
    assert found.lat is not None and found.lon is not None  # checked by the caller
    return km(named.lat, named.lon, found.lat, found.lon) <= CONFIRM_KM


def _unknown(found: Match) -> str:
    if found.status == "ambiguous":
        return f"could be {', '.join(found.candidates)}"
    return "is not a prison the gazetteer knows"


def _on_city(figure: Figure, town: Match) -> Place:
    """A prison the gazetteer does not know, placed on the city its row names."""
    assert town.lat is not None and town.lon is not None  # checked by the caller
    place_id = f"{_city_id(town)}:{_slug(figure.name)}"
    city = town.city or figure.city or ""
    return Place(
        figure,
        place_id,
        figure.name,
        city,
        town.lat,
        town.lon,
        "city",
        None,
        town.province_iso,
        "city",
        town.score,
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
            "write the prison's full name, give the row's city or province, or add lat and lon"
        )
    if match.status == "matched" and match.kind == "province" and only_province(match):
        return (
            f"prison {name!r} names only a province, {match.province} ({match.province_iso}), "
            "not a prison or town; give its figure in provinces.csv, or give the row's city, "
            "or add lat and lon"
        )
    if match.status == "matched" and match.kind == "province" and match.reading:
        return (  # "Beyram, Provinsi Fars": a village of Fars, or a place nobody knows there
            f"prison {name!r} names {match.reading}, not a prison or town, so it has no point "
            "on the map; give the row's city (or lat and lon) where the source names one, or "
            f"count the row in provinces.csv under {match.province}"
        )
    if match.status == "matched" and match.kind == "province":  # a county: no point
        return (
            f"prison {name!r} names a county of {match.province} ({match.province_iso}), not a "
            "prison or town, so it has no point on the map; give the row's city (or lat and "
            f"lon) where the source names one, or count the row in provinces.csv under "
            f"{match.province}"
        )
    if contradicts(match) or ruled_out(match):
        return (
            f"prison {name!r} is placed nowhere: {match.note}; write the prison or the town the "
            "source means, give the row's city or province, or add lat and lon"
        )
    hint = f" (closest: {'; '.join(match.suggestions)})" if match.suggestions else ""
    return (
        f"prison {name!r} is not a prison or city the gazetteer knows{hint}; "
        "fix the spelling, or add lat and lon to place it"
    )


# ---------------------------------------------------------------------------------------------
# points -> provinces


def locate(
    places: Sequence[Place],
    polygons: Sequence[Shape],
    gazetteer: Gazetteer,
    problems: list[Problem],
) -> list[Located]:
    """Each place with the province its point lies in (all points at once)."""
    if not places:
        return []
    isos = points_in_provinces([p.lon for p in places], [p.lat for p in places], polygons)
    names = _province_names(gazetteer, polygons)
    located: list[Located] = []
    for place, iso in zip(places, isos, strict=True):
        found = iso if isinstance(iso, str) else None
        if found is None:
            problems.append(_nowhere(place))
        elif place.expected_iso and place.expected_iso != found:
            problems.append(_disagreement(place, found, place.expected_iso, names))
        located.append(Located(place, found or place.expected_iso))
    return located


def points_in_provinces(
    lon: Sequence[float] | Any, lat: Sequence[float] | Any, polygons: Any
) -> list[str | None]:
    """The ISO code of the province each point lies in (vectorised), None for none.

    ``polygons`` are :class:`iranmap.boundaries.Shape` rows or a DataFrame of
    :func:`iranmap.boundaries.load_provinces`'s columns. A point on a border between two
    provinces takes the first by ``iso``; a point just off the simplified coast takes the
    nearest province within :data:`COAST_TOLERANCE`.
    """
    ordered = shapes_of(polygons)
    geoms = [shape.geometry for shape in ordered]
    codes = [shape.iso for shape in ordered]
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


def _province_names(gazetteer: Gazetteer, polygons: Sequence[Shape]) -> dict[str, str]:
    names = {p.iso: p.name_en for p in gazetteer.provinces}
    for shape in polygons:
        names.setdefault(shape.iso, shape.name_en)
    return names


def _nowhere(place: Place) -> Problem:
    figure = place.figure
    msg = (
        f"prison {figure.name!r} at lat {place.lat!r}, lon {place.lon!r} lies in no province; "
        "check lat and lon"
    )
    return Problem(figure.path, figure.line, msg)


def _disagreement(place: Place, found: str, expected: str, names: Mapping[str, str]) -> Problem:
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


def check_provinces_of_rows(
    report: Report,
    located: Sequence[Located],
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
            problems.append(unknown_province(figure, figure.province, match, report.iso_scheme))
        elif item.province_iso and match.province_iso != item.province_iso:
            lies_in = names.get(item.province_iso, item.province_iso)
            msg = (
                f"prison {figure.name!r} lies in {lies_in} ({item.province_iso}) by its "
                f"coordinates, but its province column says {figure.province!r}, which is "
                f"{match.province or match.province_iso} ({match.province_iso}); fix the "
                "province column (or lat and lon)"
            )
            problems.append(Problem(figure.path, figure.line, msg))


def unknown_province(figure: Figure, value: str, match: Match, scheme: str) -> Problem:
    if match.status == "ambiguous":
        what = f"could be {', '.join(match.candidates)}"
    elif match.suggestions:
        what = f"is not a province of Iran (closest: {'; '.join(match.suggestions)})"
    else:
        what = "is not a province of Iran"
    msg = (
        f"province {value!r} {what}; write the province's name (e.g. Tehran) "
        f"or its ISO code in the {scheme} scheme (e.g. IR-23)"
    )
    return Problem(figure.path, figure.line, msg)


def check_duplicates(report: Report, located: Sequence[Located], problems: list[Problem]) -> None:
    """Two rows of prisons.csv for one place are a problem (events.csv rows are summed)."""
    if report.events is not None:
        return
    first: dict[str, Figure] = {}
    for item in located:
        figure = item.place.figure
        earlier = first.setdefault(item.place.place_id, figure)
        if earlier is figure:
            continue
        place = item.place
        what = place.name_en if place.prison_id or not place.city else place.city
        if not place.prison_id and place.place_id.endswith(":prison"):
            what = f"a prison of {place.city}"
        msg = (
            f"prison {figure.name!r} is the same place as {earlier.name!r} on line "
            f"{earlier.line} ({what}); keep one row (add the counts up if "
            "the report gives two)"
        )
        problems.append(Problem(figure.path, figure.line, msg))
