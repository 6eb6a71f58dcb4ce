"""report.toml -> checked metadata, each problem at the line of its key."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from iranmap.calendars import CALENDARS, Calendar, check_calendar, in_calendar
from iranmap.errors import Problem
from iranmap.limits import LimitError, check_toml_depth
from iranmap.reports._checker import TomlChecker
from iranmap.reports._decode import read_text
from iranmap.reports._grades import grade_problem, read_grade
from iranmap.reports._model import (
    PERIOD_KEYS,
    SOURCE_KEYS,
    TOP_KEYS,
    TOTAL_QUALIFIERS,
    Fact,
)
from iranmap.reports._text import MAX_TITLE
from iranmap.reports._toml import Place, toml_problem
from iranmap.reports._values import did_you_mean

_TITLE = (MAX_TITLE, "as the heading of the page")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_SLUG_ID = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]*")


@dataclass(frozen=True)
class Manifest:
    """report.toml, checked: each value None where it is missing or has a problem."""

    path: str
    place: Place
    lines: Mapping[str, int]  # the line of each top-level key
    title: str | None
    publisher: str | None
    notes: str | None
    source_title: str | None
    source_date: tuple[date, str] | None  # the Gregorian day and the text report.toml gives
    source_url: str | None
    total: int | None
    total_given: bool  # whether report.toml gives a total at all: valid, invalid or misspelt
    prisons: int | None
    provinces: int | None
    iso_scheme: str
    facts: tuple[Fact, ...]
    period: tuple[date, date] | None
    period_original: tuple[str, str] | None = None
    calendar: Calendar = "gregorian"
    total_qualifier: str = "at least"
    series: str | None = None
    complete: bool = True
    revises: str | None = None
    quote: str | None = None
    grade: str | None = None
    title_fa: str | None = None
    publisher_fa: str | None = None
    notes_fa: str | None = None
    source_title_fa: str | None = None


def read_manifest(path: Path, problems: list[Problem]) -> Manifest | None:
    """report.toml -> checked metadata (partial when it has problems), None if unreadable."""
    shown = str(path)
    text = read_text(path, problems)
    if text is None:
        return None
    try:
        check_toml_depth(shown, text)
        data = tomllib.loads(text)
    except LimitError as exc:
        problems.append(exc.problem)
        return None
    except (tomllib.TOMLDecodeError, ValueError) as exc:
        problems.append(toml_problem(shown, text, exc))
        return None
    place = Place(text)
    check = TomlChecker(shown, place, problems)
    check.keys(data, (), TOP_KEYS)
    check.required(data, (), ("title", "publisher", "source", "period"))
    calendar = check_calendar(check.choice(data, ("calendar",), CALENDARS))
    provinces = check.count(data, ("provinces",), optional=True)
    if provinces is not None and provinces > 31:
        check.add(("provinces",), f"provinces = {provinces!r} but Iran has 31 provinces; fix it")
    source = check.table(data, "source", SOURCE_KEYS, ("title", "date"))
    source_title = source_date = source_url = source_title_fa = None
    if source is not None:
        source_title = check.text(source, ("source", "title"))
        source_title_fa = check.text(source, ("source", "title_fa"), optional=True)
        source_date = check.date(source, ("source", "date"), calendar)
        source_url = check.url(source, ("source", "url"))
    period = _check_period(check, data, calendar)
    lines = {str(key): line for key in data if (line := place.line(key)) is not None}
    return Manifest(
        path=shown,
        place=place,
        lines=lines,
        title=check.text(data, ("title",), limit=_TITLE),
        publisher=check.text(data, ("publisher",), limit=_TITLE),
        notes=check.text(data, ("notes",), optional=True, notes=True),
        source_title=source_title,
        source_date=source_date,
        source_url=source_url,
        total=check.count(data, ("total",), optional=True),
        total_given="total" in data or _misspelt(data, "total"),
        prisons=check.count(data, ("prisons",), optional=True),
        provinces=provinces,
        iso_scheme=check.scheme(data),
        facts=check.facts(data),
        period=None if period is None else (period[0][0], period[1][0]),
        period_original=None if period is None else (period[0][1], period[1][1]),
        calendar=calendar,
        total_qualifier=check.choice(data, ("total_qualifier",), TOTAL_QUALIFIERS),
        series=_series(check, data),
        complete=_complete(check, data),
        revises=_revises(check, data, path),
        quote=check.text(data, ("quote",), optional=True, notes=True) or None,
        grade=_grade(check, data),
        title_fa=check.text(data, ("title_fa",), optional=True, limit=_TITLE) or None,
        publisher_fa=check.text(data, ("publisher_fa",), optional=True, limit=_TITLE) or None,
        notes_fa=check.text(data, ("notes_fa",), optional=True, notes=True) or None,
        source_title_fa=source_title_fa or None,
    )


def _misspelt(data: Mapping[str, Any], key: str) -> bool:
    """Whether an unknown key is a misspelling of ``key`` (its problem already says so)."""
    return any(
        k not in TOP_KEYS and did_you_mean(k, TOP_KEYS) == f" (did you mean {key!r}?)" for k in data
    )


def _complete(check: TomlChecker, data: Mapping[str, Any]) -> bool:
    """``complete = false``: the table is a selection even where its numbers add up."""
    value = data.get("complete", True)
    if isinstance(value, bool):
        return value
    check.add(("complete",), f"complete = {value!r} is not true or false; write complete = false")
    return True


def _series(check: TomlChecker, data: Mapping[str, Any]) -> str | None:
    value = check.text(data, ("series",), optional=True)
    if value is None or _SLUG.fullmatch(value):
        return value
    msg = (
        f"series = {value!r} is not a slug; write lower-case Latin letters, digits and hyphens, "
        'e.g. series = "monthly-tally"'
    )
    check.add(("series",), msg)
    return None


def _grade(check: TomlChecker, data: Mapping[str, Any]) -> str | None:
    value = check.text(data, ("grade",), optional=True)
    if value is None:
        return None
    wrong = grade_problem(value if value.strip() else "''")
    if wrong is not None:
        check.add(("grade",), wrong.replace(f"grade {value!r}", f"grade = {value!r}", 1))
        return None
    return read_grade(value)


def _revises(check: TomlChecker, data: Mapping[str, Any], path: Path) -> str | None:
    """The id of the report this one revises: a report folder beside this one."""
    value = check.text(data, ("revises",), optional=True)
    if not value:
        return None
    folder = path.parent
    beside = folder.parent
    if value == folder.name:
        check.add(
            ("revises",), f"revises = {value!r} names this report itself; name the earlier one"
        )
        return None
    if not _SLUG_ID.fullmatch(value) or not (beside / value / "report.toml").is_file():
        known = (
            sorted(
                p.name
                for p in beside.iterdir()
                if (p / "report.toml").is_file() and p.name != folder.name
            )
            if beside.is_dir()
            else []
        )
        hint = did_you_mean(value, known) if known else ""
        msg = (
            f"revises = {value!r} but no report folder beside this one has that name{hint}; "
            "give the id (the folder's name) of the report this one revises"
        )
        check.add(("revises",), msg)
        return None
    return value


def _check_period(
    check: TomlChecker, data: Mapping[str, Any], calendar: Calendar
) -> tuple[tuple[date, str], tuple[date, str]] | None:
    period = check.table(data, "period", PERIOD_KEYS, PERIOD_KEYS)
    if period is None:
        return None
    start = check.date(period, ("period", "start"), calendar)
    end = check.date(period, ("period", "end"), calendar)
    if start is None or end is None:
        return None
    if end[0] < start[0]:
        first, last = in_calendar(start[0], calendar), in_calendar(end[0], calendar)
        msg = f"the period ends ({last}) before it starts ({first}); swap start and end"
        check.add(("period", "end"), msg)
        return None
    return start, end
