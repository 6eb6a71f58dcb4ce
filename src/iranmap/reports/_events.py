"""events.csv (large: pandas, vectorised, still with lines) -> checked, filtered rows."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from iranmap.calendars import Calendar, in_calendar
from iranmap.errors import Problem
from iranmap.reports._dates import DateError, parse_date
from iranmap.reports._events_frame import events_frame, per_value
from iranmap.reports._model import (
    EVENT_COLUMNS,
    GRADES,
    MAX_SAME_PROBLEM,
    PUBLIC_VALUES,
    SEX_VALUES,
    Figure,
)
from iranmap.reports._placeless import placeless
from iranmap.reports._text import cell_problem
from iranmap.reports._values import name_key, shown_value


def read_events(
    path: Path,
    problems: list[Problem],
    period: tuple[date, date] | None,
    start: date | None,
    end: date | None,
    where: tuple[tuple[str, str], ...],
    calendar: Calendar = "gregorian",
) -> pd.DataFrame | None:
    """events.csv, checked and filtered, with a ``line`` column; None when it cannot be read.

    A row with a problem stays (it is still an execution in a named prison) unless it has no
    prison; a bad date leaves it out of a date filter. With problems, the frame is only for
    finding more of them.
    """
    shown = str(path)
    frame = events_frame(path, problems)
    if frame is None:
        return None
    frame = _check_events(shown, frame, period, calendar, problems)
    return _filter_events(shown, frame, start, end, where, problems)


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
    sheet, letters = frame.attrs.get("sheet", ("", {}))
    for line, value in rows.head(MAX_SAME_PROBLEM).itertuples(index=False):
        cell = f"{sheet}!{letters[column]}{line}" if column in letters else None
        problems.append(Problem(shown, int(line), message(str(value)), cell=cell))
    rest = len(rows) - MAX_SAME_PROBLEM
    if rest > 0:
        line = int(rows["line"].iloc[MAX_SAME_PROBLEM])
        msg = (
            f"{rest} more rows from here on have the same problem in column {column!r}; "
            "fix them the same way"
        )
        problems.append(Problem(shown, line, msg))


def _check_events(
    shown: str,
    frame: pd.DataFrame,
    period: tuple[date, date] | None,
    calendar: Calendar,
    problems: list[Problem],
) -> pd.DataFrame:
    """Parse and check every column at once; bad rows become problems with their lines.

    Rows without a prison, or whose prison names no place ("Unknown"), are dropped (after
    their problem): they cannot be placed.
    """
    report = _bind(shown, frame, problems)
    _check_texts(frame, report)
    no_prison = frame["prison"] == ""
    report(
        no_prison,
        "prison",
        lambda v: "prison is empty; write the prison's name (or its city)",
    )
    unknown = frame["prison"].isin({v for v in frame["prison"].unique() if placeless(str(v))})
    report(
        unknown,
        "prison",
        lambda v: (
            f"prison {v!r} names no place, and each row of events.csv is placed by its "
            "prison; write the prison's name (or its city), or leave the row out and count it "
            "in report.toml's total (executions beyond the rows are not itemized)"
        ),
    )
    dates, why = _dates(frame["date"], calendar)
    report(dates.isna(), "date", lambda v: why[v])
    if period is not None:
        first, last = pd.Timestamp(period[0]), pd.Timestamp(period[1])
        outside = dates.notna() & ((dates < first) | (dates > last))
        span = f"{in_calendar(period[0], calendar)}..{in_calendar(period[1], calendar)}"
        named = "Solar Hijri" if calendar == "jalali" else "Gregorian"
        report(
            outside,
            "date",
            lambda v: (
                f"date {v!r} is outside the report's period {span}; "
                f"fix the date ({named}, YYYY-MM-DD) or the period in report.toml"
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
    if "grade" in frame:
        grades = {g: g for g in GRADES}
        out["grade"] = _check_choice(frame, "grade", grades, report).astype("string")
    unplaceable = no_prison | unknown
    return out.loc[~unplaceable].reset_index(drop=True) if unplaceable.any() else out


def _check_texts(
    frame: pd.DataFrame, report: Callable[[pd.Series[bool], str, Callable[[str], str]], None]
) -> None:
    """Characters no text may hold, and names too long to lay out (see reports._text)."""
    for column in (str(c) for c in frame.columns if c != "line"):
        why = {
            str(value): wrong
            for value in frame[column].unique()
            if (wrong := cell_problem(column, str(value)))
        }
        if why:
            report(frame[column].isin(list(why)), column, why.__getitem__)


def _dates(column: pd.Series[Any], calendar: Calendar) -> tuple[pd.Series[Any], dict[str, str]]:
    """The Gregorian timestamps of a column of dates in ``calendar``, NaT where a value is not
    one, and the message for each such value."""
    why: dict[str, str] = {}

    def convert(uniques: pd.Series[Any]) -> pd.Series[Any]:
        days: list[str | None] = []
        for text in uniques:
            try:
                days.append(parse_date(str(text), calendar).isoformat())
            except DateError as exc:
                why[str(text)] = str(exc)
                days.append(None)
        return pd.to_datetime(pd.Series(days, dtype=object), format="%Y-%m-%d", errors="coerce")

    return per_value(column, convert), why


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
    numbers = per_value(
        text, lambda u: pd.to_numeric(u.where(u.str.fullmatch(r"\d+"), None), errors="coerce")
    )
    bad = (text != "") & (numbers.isna() | (numbers > 120))
    report(
        bad,
        "age",
        lambda v: (
            f"age {shown_value(v)} is not a whole number of years from 0 to 120; "
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
    folded = per_value(frame[column], lambda u: u.str.casefold())
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
                f"cannot filter on {column!r}: {Path(shown).name} has no such column; "
                f"filter on one of {known}"
            )
            problems.append(Problem(shown, 1, msg))
            continue
        cells = per_value(frame[column].astype("string"), lambda u: u.str.casefold())
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
    sheet, letters = events.attrs.get("sheet", (None, {}))
    grades = _event_grades(events)
    figures = [
        Figure(
            name=str(name),
            executions=int(counts[name]),
            path=shown,
            line=int(first[name]),
            rows=int(counts[name]),
            province=provinces.get(str(name)),
            cell=f"{sheet}!{letters['prison']}{int(first[name])}" if sheet else None,
            grade=grades.get(str(name)),
        )
        for name in counts.index
    ]
    return tuple(sorted(figures, key=lambda f: f.line))


def _event_grades(events: pd.DataFrame) -> dict[str, str]:
    """Each prison's grades, in the order of GRADES ("official; reported"), where its rows
    give any."""
    if "grade" not in events:
        return {}
    given = events.loc[events["grade"].notna(), ["prison", "grade"]]
    return {
        str(prison): "; ".join(g for g in GRADES if g in set(rows["grade"]))
        for prison, rows in given.groupby("prison", sort=False)
    }


def _event_provinces(shown: str, events: pd.DataFrame, problems: list[Problem]) -> dict[str, str]:
    """The province each prison's rows give; two different ones for one prison is a problem."""
    if "province" not in events:
        return {}
    given = events.loc[events["province"] != "", ["prison", "province", "line"]]
    if given.empty:
        return {}
    folded = given.assign(key=per_value(given["province"], lambda v: v.map(name_key)))
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
