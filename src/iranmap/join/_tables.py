"""The joined tables: one row per mapped place, one row per province, with their sources."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shapely

from iranmap.boundaries import Shapes
from iranmap.errors import Problem
from iranmap.gazetteer import City, Gazetteer
from iranmap.geocode import Match
from iranmap.join._model import PRISON_COLUMNS, Placement, Resolver, Row, Unplaced
from iranmap.join._place import Located, Place, of_provinces, unknown_province
from iranmap.names import key as place_key
from iranmap.names import parse_place
from iranmap.reports import EVENTS_FILE, REPORT_FILE, Figure, Report


def prison_table(located: Sequence[Located], gazetteer: Gazetteer, total: int) -> tuple[Row, ...]:
    """One row per place, largest first (ties by name); rows of one place (events) are added
    up. ``share`` is NaN when the report's total is 0."""
    prisons_fa = {p.id: p.name_fa for p in gazetteer.prisons}
    cities_fa = _CitiesFa(gazetteer)
    provinces = {p.iso: p for p in gazetteer.provinces}
    grouped: dict[str, list[Located]] = {}
    for item in located:
        grouped.setdefault(item.place.place_id, []).append(item)
    rows = [_prison_record(items, prisons_fa, cities_fa, provinces) for items in grouped.values()]
    ranks = _ranks([row["executions"] for row in rows])
    for row, rank in zip(rows, ranks, strict=True):
        row["share"] = row["executions"] / total if total > 0 else math.nan
        row["rank"] = rank
    rows.sort(key=lambda row: (-row["executions"], row["name_en"]))
    points = shapely.points([row.pop("lon") for row in rows], [row.pop("lat") for row in rows])
    return tuple(
        {**{c: row[c] for c in PRISON_COLUMNS[:-1]}, "geometry": point}
        for row, point in zip(rows, points, strict=True)
    )


def _ranks(values: Sequence[int | None]) -> list[int | None]:
    """Each value's rank, 1 for the largest; equal values share the smallest rank ("1, 2, 2,
    4"); None has none."""
    given = sorted((v for v in values if v is not None), reverse=True)
    first: dict[int, int] = {}
    for position, value in enumerate(given, start=1):
        first.setdefault(value, position)
    return [None if v is None else first[v] for v in values]


def _prison_record(
    items: Sequence[Located],
    prisons_fa: Mapping[str, str],
    cities_fa: _CitiesFa,
    provinces: Mapping[str, Any],
) -> dict[str, Any]:
    place = items[0].place
    iso = items[0].province_iso or ""
    province = provinces.get(iso)
    city_fa = cities_fa.get(place_key(place.city), place.expected_iso or iso)
    if place.prison_id:
        name_fa = prisons_fa.get(place.prison_id, "")
    elif place.place_id.startswith("city:") and place.how == "city":
        name_fa = _town_claim_fa(place.figure.name, city_fa)
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
        **_provenance([i.place for i in items]),
        "grade": "; ".join(dict.fromkeys(g for i in items if (g := i.place.figure.grade))),
        "source": sources([i.place.figure for i in items]),
        "lon": place.lon,
        "lat": place.lat,
    }


def _town_claim_fa(written: str, city_fa: str) -> str:
    """The Persian label of a row that names only a town: the name itself when it is written
    in Persian, else the town's Persian name ("زندان اصفهان" when the name says "prison")."""
    if any("\u0600" <= char <= "\u06ff" for char in written):
        return written
    if not city_fa:
        return ""
    return f"زندان {city_fa}" if parse_place(written).says_prison else city_fa


def _provenance(places: Sequence[Place]) -> dict[str, Any]:
    """The names the rows of one place were written with, how they matched, the weakest score.

    One row gives its own; rows of events.csv that spell one prison several ways give each
    spelling and each way once, in the order the file first has them ("Evin; Evin Prison").
    """
    scores = [p.score for p in places if p.score is not None]
    return {
        "as_reported": "; ".join(dict.fromkeys(p.figure.name for p in places)),
        "match": "; ".join(dict.fromkeys(p.how for p in places)),
        "score": min(scores) if scores else math.nan,
        # The report's own words about the row (a quote of the source), where it has some.
        "note": "; ".join(dict.fromkeys(p.figure.note for p in places if p.figure.note)),
    }


class _CitiesFa:
    """Persian city names by (key of any of the city's names, province).

    A prison's ``city`` in prisons.csv is written plainly ("Amol") where cities.csv has the
    GeoNames spelling ("Āmol") with the plain one among its aliases, so names are compared by
    :func:`iranmap.names.key`. Should two cities of a province share a name, a city's own name
    wins over another's alias, then the larger city: the same order the geocoder reads them in.
    A province's names are keyed when a row of that province first asks (a report names a few
    provinces; keying every name of the gazetteer's 3,000 cities costs more than its table).
    """

    def __init__(self, gazetteer: Gazetteer) -> None:
        self._cities: dict[str, list[City]] = {}
        for city in sorted(gazetteer.cities, key=lambda c: (-c.population, c.geonameid)):
            self._cities.setdefault(city.province_iso, []).append(city)
        self._found: dict[str, dict[str, str]] = {}

    def _province(self, iso: str) -> dict[str, str]:
        found = self._found.get(iso)
        if found is None:
            found = {}
            ranked = self._cities.get(iso, [])
            for own in (True, False):
                for city in ranked:
                    for name in (city.name, city.name_fa) if own else city.aliases:
                        name_key = place_key(name)
                        if name_key:
                            found.setdefault(name_key, city.name_fa)
            self._found[iso] = found
        return found

    def get(self, name_key: str, iso: str) -> str:
        """The Persian name of the city of ``iso`` whose names have the key ``name_key``;
        "" when none has."""
        return self._province(iso).get(name_key, "")


#: The longest list of line ranges a source names; beyond it, the rows are counted instead
#: (a spreadsheet cell holds 32,767 characters, and a reader filters the file anyway).
SOURCE_LIMIT = 1_000


def sources(figures: Sequence[Figure]) -> str:
    """Where a sum comes from: "prisons.csv:2, 6", "prisons.csv:2-5, 9, 12-14", or
    "events.csv: 40 rows"; several files are joined by " + ".

    Lines that follow each other collapse to a range; a list of ranges longer than
    :data:`SOURCE_LIMIT` characters becomes "prisons.csv: 50000 rows, lines 2-100001".
    """
    parts: list[str] = []
    by_file: dict[str, list[Figure]] = {}
    for figure in figures:
        by_file.setdefault(figure.path, []).append(figure)
    for path, group in by_file.items():
        name = Path(path).name
        if len(group) == 1:
            parts.append(group[0].source)
        elif Path(name).stem == Path(EVENTS_FILE).stem:  # events.csv, .xlsx or .ods
            parts.append(f"{name}: {sum(f.rows for f in group)} rows")
        else:
            lines = sorted({f.line for f in group})
            listed = line_ranges(lines)
            if len(listed) > SOURCE_LIMIT:
                listed = f" {len(lines)} rows, lines {lines[0]}-{lines[-1]}"
            parts.append(f"{name}:{listed}")
    return " + ".join(parts)


def line_ranges(lines: Sequence[int]) -> str:
    """Sorted line numbers as ranges: [2, 3, 4, 5, 9, 12, 13, 14] -> "2-5, 9, 12-14"."""
    ranges: list[str] = []
    start = previous = lines[0]
    for line in (*lines[1:], None):
        if line is not None and line == previous + 1:
            previous = line
            continue
        ranges.append(str(start) if start == previous else f"{start}-{previous}")
        if line is not None:
            start = previous = line
    return ", ".join(ranges)


@dataclass(frozen=True)
class _Given:
    """A province figure of provinces.csv, resolved."""

    figure: Figure
    iso: str
    match: Match


def province_figures(
    report: Report, resolver: Resolver, problems: list[Problem], unplaced: list[Unplaced]
) -> tuple[dict[str, _Given], dict[str, Figure]]:
    """The province figures by ISO code, and the first row naming each province.

    Rows without a count (a partial report) are resolved and compared like the others, so
    an unknown or repeated province among them is found too; they give no figure.
    """
    uncounted = [f for f in report.uncounted if of_provinces(f)]
    rows = sorted((*report.province_figures, *uncounted), key=lambda f: f.line)
    without_count = {id(f) for f in uncounted}
    given: dict[str, _Given] = {}
    named: dict[str, Figure] = {}
    for figure in rows:
        match = resolver.province(figure.name, report.iso_scheme)
        if match.status != "matched" or not match.province_iso:
            problem = unknown_province(figure, figure.name, match, report.iso_scheme)
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
            given[match.province_iso] = _Given(figure, match.province_iso, match)
    return given, named


def province_placements(given: Mapping[str, _Given]) -> tuple[Placement, ...]:
    """How each row of provinces.csv found its province (what ``check`` lists to confirm)."""
    return tuple(
        Placement(
            path=g.figure.path,
            line=g.figure.line,
            as_reported=g.figure.name,
            place_id=g.iso,
            name_en=g.match.province or g.iso,
            match=g.match.method if g.match.method in ("exact", "alias", "fuzzy") else "alias",
            score=g.match.score,
            precision="province",
            province_iso=g.iso,
        )
        for g in given.values()
    )


def check_stated_counts(
    report: Report,
    located: Sequence[Located],
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
        figures = report.prison_figures if key == "prisons" else report.province_figures
        file = Path(figures[0].path).name if figures else f"{key}.csv"  # as the user wrote it
        if stated is not None and found > stated:
            msg = (
                f"{key} = {stated} but {file} names {found} {key}; "
                f"raise {key} to at least {found}, or check {file} for extra rows"
            )
            line = report.manifest_lines.get(key)
            problems.append(Problem(str(report.folder / REPORT_FILE), line, msg))


def province_table(
    polygons: Shapes,
    gazetteer: Gazetteer,
    located: Sequence[Located],
    given: Mapping[str, _Given],
    report: Report,
    problems: list[Problem],
) -> tuple[Row, ...]:
    """All provinces by ``iso``; ``executions`` is None where the report gives no figure."""
    population = {p.iso: p.population for p in gazetteer.provinces}
    by_province: dict[str, list[Figure]] = {}
    for item in located:
        if item.province_iso:
            by_province.setdefault(item.province_iso, []).append(item.place.figure)
    sums = {iso: sum(f.executions for f in figures) for iso, figures in by_province.items()}
    cited = {iso: sources(figures) for iso, figures in by_province.items()}
    executions: list[int | None] = []
    origin: list[str] = []
    for shape in polygons:
        from_prisons = sums.get(shape.iso)
        if shape.iso in given:
            figure = given[shape.iso].figure
            if from_prisons is not None and figure.executions < from_prisons:
                problems.append(_below_prisons(figure, int(from_prisons), cited[shape.iso]))
            executions.append(figure.executions)
            origin.append(figure.source)
        elif from_prisons is not None:
            executions.append(int(from_prisons))
            origin.append(cited[shape.iso])
        else:
            executions.append(None)
            origin.append("")
    status = ["not itemized" if value is None else "itemized" for value in executions]
    if fully_itemized(report, executions):
        # The report places its whole total: a province it does not list had none reported.
        status = [
            "none reported" if value is None else s
            for value, s in zip(executions, status, strict=True)
        ]
        executions = [0 if value is None else value for value in executions]
    ranks = _ranks(executions)
    rows: list[Row] = []
    for i, shape in enumerate(polygons):
        count = executions[i]
        inhabitants = population.get(shape.iso)
        rows.append(
            {
                "iso": shape.iso,
                "name_en": shape.name_en,
                "name_fa": shape.name_fa,
                "population": inhabitants,
                "executions": count,
                "status": status[i],
                "share": None if count is None or report.total <= 0 else count / report.total,
                "rank": ranks[i],
                # No rate for an unknown population.
                "per_million": (
                    None if count is None or not inhabitants else count / inhabitants * 1_000_000
                ),
                "source": origin[i],
                "geometry": shape.geometry,
            }
        )
    return tuple(rows)


def fully_itemized(report: Report, executions: Sequence[int | None]) -> bool:
    """Whether the provinces' figures account for the report's whole total (and report.toml
    does not say its table is a selection): then an unlisted province had none reported."""
    given = sum(value for value in executions if value is not None)
    return report.complete and report.total > 0 and given == report.total


def _below_prisons(figure: Figure, from_prisons: int, cited: str) -> Problem:
    msg = (
        f"province {figure.name!r} has {figure.executions:,} executions, fewer than the "
        f"{from_prisons:,} its prisons add up to ({cited}); fix the province's figure "
        "or the prisons' counts"
    )
    return Problem(figure.path, figure.line, msg)
