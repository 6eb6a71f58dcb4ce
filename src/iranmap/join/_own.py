"""A monitor's own places: ``places.csv`` beside a project's ``reports/`` folder.

A project may add prisons the gazetteer lacks, or the sites of prisons the gazetteer places at
their city's centre, each with the source that gives it::

    name,name_fa,aliases,city,province,lat,lon,source
    Foo Detention Centre,بازداشتگاه فو,Foo Camp,Karaj,Alborz,35.84,50.97,"HRANA, 2 May 2024"

Every row is checked before it is used: its province is a province, its point lies inside that
province and within :data:`OWN_CITY_KM` of its city, a source is given, and its names collide
with no other place (a name of a gazetteer prison of the same province makes the row that
prison's site). A row that fails is refused with ``places.csv:LINE: ...``. The places are used
at precision ``facility``; their ids start with :data:`OWN_PREFIX`, and ``iranmap check`` lists
them as the project's own.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from iranmap.boundaries import Shape
from iranmap.errors import Problem
from iranmap.gazetteer import Gazetteer, Prison
from iranmap.geocode import Geocoder
from iranmap.geocode.index import km, name_key_of
from iranmap.join._place import points_in_provinces
from iranmap.reports._csv import Row, read_table

OWN_FILE = "places.csv"
OWN_COLUMNS = (
    ("name", "city", "province", "lat", "lon", "source"),
    ("name_fa", "aliases"),
)
#: The farthest (km) a project's place may lie from the point of the city it is filed under.
OWN_CITY_KM = 40.0
#: The id prefix of a project's own places.
OWN_PREFIX = "own:"


def own_places_file(report_folder: Path) -> Path | None:
    """The ``places.csv`` beside the folder holding ``report_folder``, if there is one.

    The gazetteer's own ``places.csv`` (GeoNames names, beside the shipped reports) is not a
    project's: it is never read as one.
    """
    from iranmap.paths import geodata_dir

    path = report_folder.resolve().parent.parent / OWN_FILE
    if not path.is_file() or path.resolve() == (geodata_dir() / OWN_FILE).resolve():
        return None
    return path


def with_own_places(
    path: Path,
    gazetteer: Gazetteer,
    polygons: Sequence[Shape],
    problems: list[Problem],
) -> Gazetteer:
    """``gazetteer`` with the checked rows of ``path`` added (or set as a prison's site)."""
    table = read_table(path, OWN_COLUMNS, problems)
    if table is None:
        return gazetteer
    geocoder = Geocoder(gazetteer)
    shown = str(path)
    prisons = {p.id: p for p in gazetteer.prisons}
    taken: dict[str, int] = {}
    for row in table.rows:
        found = len(problems)
        prison = _own_prison(row, shown, geocoder, gazetteer, polygons, problems)
        written = [row.values.get("name", ""), row.values.get("name_fa", "")]
        written += [a.strip() for a in row.values.get("aliases", "").split("|")]
        for name in dict.fromkeys(n for n in written if n):
            name_key = name_key_of(name)
            if name_key in taken and taken[name_key] != row.line:
                msg = (
                    f"name {name!r} is already on line {taken[name_key]}; give each place "
                    "its own names"
                )
                problems.append(row.problem(shown, "name", msg))
            taken.setdefault(name_key, row.line)
        if prison is None or len(problems) > found:
            continue
        prisons.pop(prison.id.removeprefix(OWN_PREFIX), None)  # its site, given here
        prisons[prison.id] = prison
    ordered = tuple(sorted(prisons.values(), key=lambda p: p.id))
    return replace(gazetteer, prisons=ordered)


def _own_prison(
    row: Row,
    shown: str,
    geocoder: Geocoder,
    gazetteer: Gazetteer,
    polygons: Sequence[Shape],
    problems: list[Problem],
) -> Prison | None:
    values = row.values
    name, source = values.get("name", ""), values.get("source", "")
    if not source:
        msg = "source is empty; write where the place's coordinates come from (a page, a dataset)"
        problems.append(row.problem(shown, "source", msg))
    province = geocoder.province(values.get("province", ""))
    if province.status != "matched" or not province.province_iso:
        msg = f"province {values.get('province', '')!r} is not a province of Iran; write its name"
        problems.append(row.problem(shown, "province", msg))
        return None
    iso = province.province_iso
    point = _point(row, shown, problems)
    if point is None:
        return None
    lat, lon = point
    inside = points_in_provinces([lon], [lat], polygons)[0]
    if inside != iso:
        there = geocoder.province(inside).province if inside else None
        msg = (
            f"lat {lat!r}, lon {lon!r} lies in {there or 'no province'}, not in "
            f"{province.province}; check lat and lon"
        )
        problems.append(row.problem(shown, "lat", msg))
    city = values.get("city", "")
    town = geocoder.place(city, province=values.get("province", ""))
    if town.status != "matched" or town.lat is None or town.lon is None:
        msg = f"city {city!r} is not a town of {province.province} the gazetteer knows; fix it"
        problems.append(row.problem(shown, "city", msg))
    elif (far := km(lat, lon, town.lat, town.lon)) > OWN_CITY_KM:
        msg = (
            f"lat {lat!r}, lon {lon!r} lies {far:.0f} km from {town.city}, more than "
            f"{OWN_CITY_KM:.0f} km; check lat and lon, or the city"
        )
        problems.append(row.problem(shown, "lat", msg))
    aliases = tuple(a.strip() for a in values.get("aliases", "").split("|") if a.strip())
    names = (name, values.get("name_fa", ""), *aliases)
    site_of = ""
    for other in (n for n in names if n):
        if geocoder.known(other) is None:
            continue
        clash = geocoder.place(other)  # a town's name stays the town's (claim precision)
        if clash.kind == "prison" and clash.province_iso == iso and clash.prison_id:
            site_of = clash.prison_id  # the site of a gazetteer prison
        else:
            where = clash.prison or clash.city or ", ".join(clash.candidates)
            msg = (
                f"name {other!r} is already {where} ({clash.province or 'several places'}); "
                "give the place a name of its own"
            )
            problems.append(row.problem(shown, "name", msg))
    known = gazetteer.prison(site_of)
    return Prison(
        id=f"{OWN_PREFIX}{site_of or _slug(name)}",
        name_en=known.name_en if known else name,
        name_fa=(known.name_fa if known else "") or values.get("name_fa", ""),
        aliases=tuple(dict.fromkeys((*(known.aliases if known else ()), *names[1:], name))),
        ambiguous=known.ambiguous if known else (),
        city=town.city or city,
        province_iso=iso,
        lat=lat,
        lon=lon,
        precision="facility",
        source=f"{Path(shown).name}:{row.line}: {source}",
    )


def _point(row: Row, shown: str, problems: list[Problem]) -> tuple[float, float] | None:
    found: list[float] = []
    for column in ("lat", "lon"):
        text = row.values.get(column, "")
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            msg = f"{column} {text!r} is not a number; write decimal degrees, e.g. 35.84"
            problems.append(row.problem(shown, column, msg))
            return None
        found.append(value)
    return found[0], found[1]


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "place"
