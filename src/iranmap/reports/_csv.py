"""prisons.csv and provinces.csv (small: the csv module, for exact lines) -> figures."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from iranmap.errors import Problem
from iranmap.reports._decode import read_text
from iranmap.reports._model import (
    IRAN_LAT,
    IRAN_LON,
    Figure,
)
from iranmap.reports._values import did_you_mean, name_key, parse_count

_DEGREES = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)")


def empty_problem(shown: str, columns: tuple[tuple[str, ...], tuple[str, ...]]) -> Problem:
    header = ",".join(columns[0])
    msg = f"the file is empty; write the header line {header!r} and one row per place below it"
    return Problem(shown, 1, msg)


def check_header(
    shown: str,
    line: int,
    names: Sequence[str],
    columns: tuple[tuple[str, ...], tuple[str, ...]],
    problems: list[Problem],
) -> bool:
    """Report what is wrong with a header; whether its rows can still be read.

    They can when the header names each required column and no column twice: an unknown or
    unnamed column is a problem, but its values are only set aside, so the rows' own problems
    are found in the same run.
    """
    required, optional = columns
    allowed = (*required, *optional)
    seen: set[str] = set()
    meant: set[str] = set()  # required columns an unknown one is a misspelling of
    for position, name in enumerate(names, 1):
        if name == "":
            msg = (
                f"column {position} of the header has no name; "
                "remove the extra comma or name the column"
            )
            problems.append(Problem(shown, line, msg))
        elif name in seen:
            problems.append(Problem(shown, line, f"column {name!r} appears twice; keep one"))
        elif name not in allowed:
            hint = did_you_mean(name, allowed)
            msg = f"unknown column {name!r}; the allowed columns are {', '.join(allowed)}{hint}"
            problems.append(Problem(shown, line, msg))
            meant.update(c for c in required if hint == did_you_mean(name, (c,)))
        seen.add(name)
    missing = [c for c in required if c not in seen and c not in meant]
    if missing:
        listed = ", ".join(repr(c) for c in missing)
        msg = (
            f"missing column {listed}; "
            f"the header must name {' and '.join(required)} (found {list(names)!r})"
        )
        problems.append(Problem(shown, line, msg))
    return all(c in seen for c in required) and len(seen) == len(names)


# ---------------------------------------------------------------------------------------------
# prisons.csv and provinces.csv (small: the csv module, for exact lines)


@dataclass(frozen=True)
class _Row:
    line: int
    values: Mapping[str, str]


def _read_small_csv(
    path: Path, columns: tuple[tuple[str, ...], tuple[str, ...]], problems: list[Problem]
) -> tuple[int, list[_Row]] | None:
    """The header's line and the rows of a small CSV with their first lines; None when no row
    can be read.

    A row the CSV reader cannot make sense of ends the reading: the rows above it are kept.
    """
    shown = str(path)
    text = read_text(path, problems)
    if text is None:
        return None
    if not text.strip():
        problems.append(empty_problem(shown, columns))
        return None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header: list[str] | None = None
    header_line = 1
    rows: list[_Row] = []
    end = 0
    try:
        for fields in reader:
            start, end = end + 1, reader.line_num
            if not any(f.strip() for f in fields):
                continue
            if header is None:
                header, header_line = [f.strip().lower() for f in fields], start
                if not check_header(shown, start, header, columns, problems):
                    return None
                continue
            row = _row(shown, start, header, fields, problems)
            if row is not None:
                rows.append(row)
    except csv.Error as exc:
        problems.append(Problem(shown, end + 1, quote_message(str(exc))))
        return (header_line, rows) if header is not None else None
    return header_line, rows


def quote_message(error: str) -> str:
    if "end of data" in error or "EOF inside string" in error:
        return (
            "a quote opened on this line is never closed, so the rest of the file would be one "
            'value; close the quote, or write a quote inside a value twice ("")'
        )
    return (
        f"the CSV cannot be read here ({error}); put a value holding quotes inside quotes "
        'and write each quote in it twice ("")'
    )


def _row(
    shown: str, line: int, header: Sequence[str], fields: Sequence[str], problems: list[Problem]
) -> _Row | None:
    if len(fields) > len(header):
        msg = (
            f"this row has {len(fields)} fields but the header has {len(header)} "
            f"({','.join(header)}); "
            "put quotes around a value holding a comma, or remove the extra comma"
        )
        problems.append(Problem(shown, line, msg))
        return None
    padded = [*fields, *[""] * (len(header) - len(fields))]
    return _Row(line, {name: value.strip() for name, value in zip(header, padded, strict=True)})


def _parse_coordinates(
    row: _Row, shown: str, problems: list[Problem]
) -> tuple[float, float] | None:
    lat_text, lon_text = row.values.get("lat", ""), row.values.get("lon", "")
    if not lat_text and not lon_text:
        return None
    if not lat_text or not lon_text:
        given, missing = ("lat", "lon") if lat_text else ("lon", "lat")
        msg = f"{given} is given but {missing} is empty; give both lat and lon, or neither"
        problems.append(Problem(shown, row.line, msg))
        return None
    bad = [(n, v) for n, v in (("lat", lat_text), ("lon", lon_text)) if not _DEGREES.fullmatch(v)]
    for name, value in bad:
        msg = f"{name} {value!r} is not a number; write decimal degrees, e.g. lat 35.69, lon 51.39"
        problems.append(Problem(shown, row.line, msg))
    if bad:
        return None
    lat, lon = float(lat_text), float(lon_text)
    if not _in_iran(lat, lon):
        problems.append(Problem(shown, row.line, _outside_iran(lat, lon)))
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
    shown: str, rows: Sequence[_Row], place_column: str, problems: list[Problem]
) -> tuple[tuple[Figure, ...], tuple[Figure, ...]]:
    """Checked figures of prisons.csv / provinces.csv rows; problems go to ``problems``.

    Also returns the rows whose count alone could not be read, with executions 0, so that
    their names are still checked (see Report.uncounted).
    """
    figures: list[Figure] = []
    uncounted: list[Figure] = []
    first_line: dict[str, int] = {}
    for row in rows:
        name = row.values[place_column]
        count, message = parse_count(row.values["executions"])
        if message:
            problems.append(Problem(shown, row.line, message))
        if not name:
            msg = f"{place_column} is empty; write the {place_column}'s name as the report gives it"
            problems.append(Problem(shown, row.line, msg))
            continue
        key = name_key(name)
        if key in first_line:
            msg = (
                f"{place_column} {name!r} is listed twice, "
                f"on lines {first_line[key]} and {row.line}; "
                "keep one row (add the counts up if the report gives two)"
            )
            problems.append(Problem(shown, row.line, msg))
            continue
        first_line[key] = row.line
        found = len(problems)
        point = _parse_coordinates(row, shown, problems)
        if len(problems) > found:
            continue  # placing it by name alone would blame the name for its coordinates
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
        )
        (uncounted if count is None else figures).append(figure)
    return tuple(figures), tuple(uncounted)


def read_figures_file(
    path: Path,
    columns: tuple[tuple[str, ...], tuple[str, ...]],
    place_column: str,
    problems: list[Problem],
) -> tuple[tuple[Figure, ...], tuple[Figure, ...]] | None:
    """The file's figures and its rows without a readable count; None when it cannot be read."""
    found = len(problems)
    table = _read_small_csv(path, columns, problems)
    if table is None:
        return None
    header_line, rows = table
    if not rows and len(problems) == found:
        what = "prison" if place_column == "prison" else "province"
        msg = f"has a header but no rows; the report itemizes no {what}"
        problems.append(Problem(str(path), header_line, msg, severity="warning"))
    return _figures_from_rows(str(path), rows, place_column, problems)
