"""events.csv (large: pandas, vectorised, still with lines) -> checked, filtered rows."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from iranmap.errors import Problem
from iranmap.reports._csv import check_header, empty_problem, quote_message
from iranmap.reports._decode import read_text
from iranmap.reports._model import (
    EVENT_COLUMNS,
    MAX_SAME_PROBLEM,
    PUBLIC_VALUES,
    SEX_VALUES,
    Figure,
)
from iranmap.reports._values import name_key


def read_events(
    path: Path,
    problems: list[Problem],
    period: tuple[date, date] | None,
    start: date | None,
    end: date | None,
    where: tuple[tuple[str, str], ...],
) -> pd.DataFrame | None:
    """events.csv, checked and filtered, with a ``line`` column; None when it cannot be read.

    A row with a problem stays (it is still an execution in a named prison) unless it has no
    prison; a bad date leaves it out of a date filter. With problems, the frame is only for
    finding more of them.
    """
    shown = str(path)
    frame = _events_frame(path, problems)
    if frame is None:
        return None
    frame = _check_events(shown, frame, period, problems)
    return _filter_events(shown, frame, start, end, where, problems)


def _events_frame(path: Path, problems: list[Problem]) -> pd.DataFrame | None:
    """events.csv as text columns plus ``line``; blank rows and unknown columns dropped."""
    shown = str(path)
    text = read_text(path, problems)
    if text is None:
        return None
    if not text.strip():
        problems.append(empty_problem(shown, EVENT_COLUMNS))
        return None
    header_line, header = _first_record(text)
    names = [h.strip().lower() for h in header]
    if not check_header(shown, header_line, names, EVENT_COLUMNS, problems):
        return None
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            dtype=str,
            keep_default_na=False,
            skip_blank_lines=False,
            skiprows=header_line - 1,
            engine="c",
        )
    except pd.errors.ParserError as exc:
        problems.append(_parser_problem(shown, str(exc), header_line, names))
        return None
    frame.columns = pd.Index(names)
    frame["line"] = _event_lines(text, header_line, len(frame))
    known = {*EVENT_COLUMNS[0], *EVENT_COLUMNS[1]}  # an unknown column is set aside
    filled = pd.DataFrame({n: _per_value(frame[n], _strip) for n in names if n in known})
    blank = (filled == "").all(axis=1)
    filled["line"] = frame["line"]
    return filled.loc[~blank].reset_index(drop=True)


def _per_value(
    column: pd.Series[Any], convert: Callable[[pd.Series[Any]], pd.Series[Any]]
) -> pd.Series[Any]:
    """``convert`` of every value of ``column``, computed once per distinct value.

    Columns of events.csv repeat a few values (dates, prisons, charges) many times; this keeps
    the Python-level string work proportional to the distinct values, not the rows.
    """
    codes, uniques = pd.factorize(column, use_na_sentinel=False)
    converted = convert(pd.Series(uniques))
    out = converted.take(codes)
    out.index = column.index
    return out


def _strip(values: pd.Series[Any]) -> pd.Series[Any]:
    return values.astype("str").str.strip()


def _parser_problem(shown: str, error: str, header_line: int, names: Sequence[str]) -> Problem:
    """pandas' tokenizer error, as a problem at the line of the row it stopped at."""
    if eof := re.search(r"EOF inside string starting at row (\d+)", error):
        return Problem(shown, int(eof.group(1)) + header_line, quote_message(error))
    found = re.search(r"in line (\d+), saw (\d+)", error)
    line = int(found.group(1)) + header_line - 1 if found else None
    count = f"{found.group(2)} fields" if found else "more fields"
    msg = (
        f"this row has {count} but the header has {len(names)} ({','.join(names)}); "
        "put quotes around a value holding a comma, or remove the extra comma"
    )
    return Problem(shown, line, msg)


def _first_record(text: str) -> tuple[int, list[str]]:
    """The first non-blank record and its line (read from the head of the text only)."""
    head = text[: text.find("\n", 1 << 16) + 1] or text
    reader = csv.reader(io.StringIO(head, newline=""))
    end = 0
    for fields in reader:
        start, end = end + 1, reader.line_num
        if any(f.strip() for f in fields):
            return start, fields
    return 1, []  # pragma: no cover - the caller has checked the text is not blank


def _event_lines(text: str, header_line: int, rows: int) -> np.ndarray[Any, np.dtype[np.int64]]:
    """The first line of each data row: a simple count unless a quoted value spans lines."""
    physical = text.count("\n") + (0 if text.endswith("\n") else 1)
    if physical == header_line + rows:
        return np.arange(header_line + 1, header_line + 1 + rows, dtype=np.int64)
    starts: list[int] = []
    reader = csv.reader(io.StringIO(text, newline=""))
    end = 0
    for _ in reader:
        starts.append(end + 1)
        end = reader.line_num
    data = [s for s in starts if s > header_line][:rows]
    data += [data[-1] if data else header_line + 1] * (rows - len(data))
    return np.asarray(data, dtype=np.int64)


def _report_rows(
    shown: str,
    frame: pd.DataFrame,
    bad: pd.Series[bool],
    message: Callable[[str], str],
    column: str,
    problems: list[Problem],
) -> None:
    """One problem per bad row, up to MAX_SAME_PROBLEM, then one line for the rest."""
    if not bad.any():
        return
    rows = frame.loc[bad, ["line", column]]
    for line, value in rows.head(MAX_SAME_PROBLEM).itertuples(index=False):
        problems.append(Problem(shown, int(line), message(str(value))))
    rest = len(rows) - MAX_SAME_PROBLEM
    if rest > 0:
        line = int(rows["line"].iloc[MAX_SAME_PROBLEM])
        msg = (
            f"{rest} more rows from here on have the same problem in column {column!r}; "
            "fix them the same way"
        )
        problems.append(Problem(shown, line, msg))


def _check_events(
    shown: str, frame: pd.DataFrame, period: tuple[date, date] | None, problems: list[Problem]
) -> pd.DataFrame:
    """Parse and check every column at once; bad rows become problems with their lines.

    Rows without a prison are dropped (after their problem): they cannot be placed.
    """
    report = _bind(shown, frame, problems)
    no_prison = frame["prison"] == ""
    report(
        no_prison,
        "prison",
        lambda v: "prison is empty; write the prison's name (or its city)",
    )
    dates = _per_value(
        frame["date"], lambda u: pd.to_datetime(u, format="%Y-%m-%d", errors="coerce")
    )
    report(
        dates.isna(),
        "date",
        lambda v: f"date {v!r} is not a date; write it as YYYY-MM-DD, e.g. 2024-03-21",
    )
    if period is not None:
        first, last = pd.Timestamp(period[0]), pd.Timestamp(period[1])
        outside = dates.notna() & ((dates < first) | (dates > last))
        span = f"{period[0].isoformat()}..{period[1].isoformat()}"
        report(
            outside,
            "date",
            lambda v: (
                f"date {v!r} is outside the report's period {span}; "
                "fix the date (Gregorian, YYYY-MM-DD) or the period in report.toml"
            ),
        )
    out = frame.copy()
    out["date"] = dates
    if "age" in frame:
        out["age"] = _check_age(frame, report)
    if "sex" in frame:
        out["sex"] = _check_choice(frame, "sex", SEX_VALUES, report).astype("string")
    if "public" in frame:
        out["public"] = _check_choice(frame, "public", PUBLIC_VALUES, report).astype("boolean")
    return out.loc[~no_prison].reset_index(drop=True) if no_prison.any() else out


def _bind(
    shown: str, frame: pd.DataFrame, problems: list[Problem]
) -> Callable[[pd.Series[bool], str, Callable[[str], str]], None]:
    def report(bad: pd.Series[bool], column: str, message: Callable[[str], str]) -> None:
        _report_rows(shown, frame, bad, message, column, problems)

    return report


def _check_age(
    frame: pd.DataFrame, report: Callable[[pd.Series[bool], str, Callable[[str], str]], None]
) -> pd.Series[Any]:
    text = frame["age"]
    numbers = _per_value(
        text, lambda u: pd.to_numeric(u.where(u.str.fullmatch(r"\d+"), None), errors="coerce")
    )
    bad = (text != "") & (numbers.isna() | (numbers > 120))
    report(
        bad,
        "age",
        lambda v: (
            f"age {v!r} is not a whole number of years from 0 to 120; "
            "write the age in years, or leave it empty"
        ),
    )
    return numbers.astype("Int64")


def _check_choice(
    frame: pd.DataFrame,
    column: str,
    choices: Mapping[str, Any],
    report: Callable[[pd.Series[bool], str, Callable[[str], str]], None],
) -> pd.Series[Any]:
    folded = _per_value(frame[column], lambda u: u.str.casefold())
    known = folded.isin(list(choices))
    allowed = ", ".join(dict.fromkeys(k for k in choices if k.isascii()))
    report(
        (folded != "") & ~known,
        column,
        lambda v: f"{column} {v!r} is not one of {allowed}; write one of them, or leave it empty",
    )
    return folded.map(choices).astype(object).where(known, None)


def _filter_events(
    shown: str,
    frame: pd.DataFrame,
    start: date | None,
    end: date | None,
    where: tuple[tuple[str, str], ...],
    problems: list[Problem],
) -> pd.DataFrame | None:
    found = len(problems)
    keep = pd.Series(True, index=frame.index)
    if start is not None:
        keep &= frame["date"] >= pd.Timestamp(start)
    if end is not None:
        keep &= frame["date"] <= pd.Timestamp(end)
    allowed = [c for c in (*EVENT_COLUMNS[0], *EVENT_COLUMNS[1]) if c != "date"]
    by_column: dict[str, list[str]] = {}
    for column, value in where:
        by_column.setdefault(column.strip().lower(), []).append(value.strip().casefold())
    for column, values in by_column.items():
        if column not in frame:
            known = ", ".join(c for c in allowed if c in frame)
            msg = (
                f"cannot filter on {column!r}: events.csv has no such column; "
                f"filter on one of {known}"
            )
            problems.append(Problem(shown, 1, msg))
            continue
        cells = _per_value(frame[column].astype("string"), lambda u: u.str.casefold())
        if column == "sex":
            values = [SEX_VALUES.get(v, v) for v in values]
        elif column == "public":
            cells = frame[column].map({True: "yes", False: "no"}).astype("string")
            values = [_yes_no(v) for v in values]
        keep &= cells.isin(values).fillna(False).astype(bool)
    if len(problems) > found:
        return None
    return frame.loc[keep].reset_index(drop=True)


def _yes_no(value: str) -> str:
    if value not in PUBLIC_VALUES:
        return value
    return "yes" if PUBLIC_VALUES[value] else "no"


def event_figures(shown: str, events: pd.DataFrame, problems: list[Problem]) -> tuple[Figure, ...]:
    """One figure per prison name, in the order of first appearance."""
    groups = events.groupby("prison", sort=False)["line"]
    counts = groups.size()
    first = groups.min()
    provinces = _event_provinces(shown, events, problems)
    figures = [
        Figure(
            name=str(name),
            executions=int(counts[name]),
            path=shown,
            line=int(first[name]),
            rows=int(counts[name]),
            province=provinces.get(str(name)),
        )
        for name in counts.index
    ]
    return tuple(sorted(figures, key=lambda f: f.line))


def _event_provinces(shown: str, events: pd.DataFrame, problems: list[Problem]) -> dict[str, str]:
    """The province each prison's rows give; two different ones for one prison is a problem."""
    if "province" not in events:
        return {}
    given = events.loc[events["province"] != "", ["prison", "province", "line"]]
    if given.empty:
        return {}
    folded = given.assign(key=_per_value(given["province"], lambda v: v.map(name_key)))
    firsts = folded.drop_duplicates(["prison", "key"])
    clash = firsts[firsts.duplicated("prison", keep=False)]
    for prison, rows in clash.groupby("prison", sort=False):
        (l1, p1), (l2, p2) = list(zip(rows["line"], rows["province"], strict=True))[:2]
        msg = (
            f"prison {prison!r} is in province {p1!r} on line {l1} but {p2!r} here; "
            "give each prison one province (or leave the column empty)"
        )
        problems.append(Problem(shown, int(l2), msg))
    single = firsts.drop_duplicates("prison")
    return dict(zip(single["prison"].astype(str), single["province"].astype(str), strict=True))
