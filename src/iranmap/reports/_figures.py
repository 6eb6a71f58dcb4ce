"""Rows of prisons and provinces tables -> checked figures, each problem at its line or cell."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from iranmap.errors import Problem
from iranmap.reports._csv import Row, read_table
from iranmap.reports._grades import grade_problem, read_grade
from iranmap.reports._model import IRAN_LAT, IRAN_LON, Figure
from iranmap.reports._placeless import placeless
from iranmap.reports._values import name_key, parse_count

_DEGREES = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)")


def _parse_coordinates(row: Row, shown: str, problems: list[Problem]) -> tuple[float, float] | None:
    lat_text, lon_text = row.values.get("lat", ""), row.values.get("lon", "")
    if not lat_text and not lon_text:
        return None
    if not lat_text or not lon_text:
        given, missing = ("lat", "lon") if lat_text else ("lon", "lat")
        msg = f"{given} is given but {missing} is empty; give both lat and lon, or neither"
        problems.append(row.problem(shown, missing, msg))
        return None
    bad = [(n, v) for n, v in (("lat", lat_text), ("lon", lon_text)) if not _DEGREES.fullmatch(v)]
    for name, value in bad:
        msg = f"{name} {value!r} is not a number; write decimal degrees, e.g. lat 35.69, lon 51.39"
        problems.append(row.problem(shown, name, msg))
    if bad:
        return None
    lat, lon = float(lat_text), float(lon_text)
    if not _in_iran(lat, lon):
        problems.append(row.problem(shown, "lat", _outside_iran(lat, lon)))
        return None
    return lat, lon


def _in_iran(lat: float, lon: float) -> bool:
    return IRAN_LAT[0] <= lat <= IRAN_LAT[1] and IRAN_LON[0] <= lon <= IRAN_LON[1]


def _outside_iran(lat: float, lon: float) -> str:
    box = f"latitude {IRAN_LAT[0]}..{IRAN_LAT[1]}, longitude {IRAN_LON[0]}..{IRAN_LON[1]}"
    hint = (
        "lat and lon look swapped; swap them"
        if _in_iran(lon, lat)
        else "check the coordinates (decimal degrees, lat north, lon east)"
    )
    return f"lat {lat!r}, lon {lon!r} is outside Iran ({box}); {hint}"


def _figures_from_rows(
    shown: str, rows: Sequence[Row], place_column: str, problems: list[Problem]
) -> tuple[tuple[Figure, ...], tuple[Figure, ...], tuple[Figure, ...]]:
    """Checked figures of the rows of a prisons or provinces table; problems go to ``problems``.

    Also returns the rows whose count alone could not be read, with executions 0, so that
    their names are still checked (see Report.uncounted), and the rows that name no place
    ("Unknown", "Other prisons": see Report.placeless).
    """
    figures: list[Figure] = []
    uncounted: list[Figure] = []
    without_place: list[Figure] = []
    first_line: dict[str, int] = {}
    for row in rows:
        name = row.values[place_column]
        count, message = parse_count(row.values["executions"])
        if message:
            problems.append(row.problem(shown, "executions", message))
        if not name:
            msg = f"{place_column} is empty; write the {place_column}'s name as the report gives it"
            problems.append(row.problem(shown, place_column, msg))
            continue
        kind = placeless(name)
        if kind == "total":
            msg = (
                f"{place_column} {name!r} is a total, not a {place_column}; delete the row "
                "(report.toml's total = N states the report's total)"
            )
            problems.append(row.problem(shown, place_column, msg))
            continue
        where = row.values.get("province") or row.values.get("city")
        if kind == "unknown" and where:
            msg = (
                f"{place_column} {name!r} names no place, but the row gives {where!r}; give "
                f"that province's figure in provinces.csv (it counts this row and the "
                f"{place_column}s of the province), or empty the row's province and city to "
                "count it as not itemized"
            )
            problems.append(row.problem(shown, place_column, msg))
            continue
        key = name_key(name)
        if key in first_line:
            msg = (
                f"{place_column} {name!r} is listed twice, "
                f"on {'rows' if row.cells else 'lines'} {first_line[key]} and {row.line}; "
                "keep one row (add the counts up if the report gives two)"
            )
            problems.append(row.problem(shown, place_column, msg))
            continue
        first_line[key] = row.line
        found = len(problems)
        point = _parse_coordinates(row, shown, problems)
        if len(problems) > found:
            continue  # placing it by name alone would blame the name for its coordinates
        wrong_grade = grade_problem(row.values.get("grade", ""))
        if wrong_grade is not None:
            problems.append(row.problem(shown, "grade", wrong_grade))
            continue
        figure = Figure(
            name=name,
            executions=count or 0,
            path=shown,
            line=row.line,
            province=row.values.get("province") or None,
            city=row.values.get("city") or None,
            lat=point[0] if point else None,
            lon=point[1] if point else None,
            note=row.values.get("note") or None,
            cell=row.cells.get(place_column),
            place=row.values.get("place") or None,
            grade=read_grade(row.values.get("grade")),
        )
        if kind == "unknown":  # its count alone, if unreadable, is the problem: no name to check
            if count is not None:
                without_place.append(figure)
        elif count is None:
            uncounted.append(figure)
        else:
            figures.append(figure)
    return tuple(figures), tuple(uncounted), tuple(without_place)


def read_figures_file(
    path: Path,
    columns: tuple[tuple[str, ...], tuple[str, ...]],
    place_column: str,
    problems: list[Problem],
) -> tuple[tuple[Figure, ...], tuple[Figure, ...], tuple[Figure, ...]] | None:
    """The file's figures, its rows without a readable count and its rows that name no place;
    None when it cannot be read."""
    found = len(problems)
    table = read_table(path, columns, problems)
    if table is None:
        return None
    if not table.rows and len(problems) == found:
        what = "prison" if place_column == "prison" else "province"
        msg = f"has a header but no rows; the report itemizes no {what}"
        problems.append(table.header_problem(str(path), msg, severity="warning"))
    return _figures_from_rows(str(path), table.rows, place_column, problems)
