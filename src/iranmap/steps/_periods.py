"""Cutting a period into weeks, or into months, quarters or years of a calendar."""

from __future__ import annotations

from datetime import date, timedelta

from iranmap.calendars import Calendar, StepKind, check_calendar, first_day, jalali_ymd
from iranmap.reports import Report
from iranmap.steps._model import WEEKS_UP_TO_DAYS


def default_kind(report: Report) -> StepKind:
    """Months, or weeks when the report's period is 92 days or less."""
    days = (report.period_end - report.period_start).days + 1
    return "week" if days <= WEEKS_UP_TO_DAYS else "month"


def step_bounds(
    start: date, end: date, kind: StepKind, calendar: Calendar = "gregorian"
) -> list[tuple[str, date, date]]:
    """(id, first day, last day) of each step covering ``start``..``end``, clipped to it.

    Weeks are seven days from ``start``; months, quarters and years are those of
    ``calendar`` ("gregorian", or "jalali": Farvardin to Esfand, the year from Nowruz).
    """
    if end < start:
        msg = f"a period cannot end before it starts: {start}..{end}"
        raise ValueError(msg)
    if kind == "week":
        firsts = [start + timedelta(days=7 * i) for i in range((end - start).days // 7 + 1)]
        ids = [d.isoformat() for d in firsts]
    else:
        ids, firsts = _calendar_firsts(start, end, kind, calendar)
        firsts[0] = start
    lasts = [d - timedelta(days=1) for d in firsts[1:]] + [end]
    return list(zip(ids, firsts, lasts, strict=True))


def step_count(start: date, end: date, kind: StepKind, calendar: Calendar = "gregorian") -> int:
    """How many steps :func:`step_bounds` cuts ``start``..``end`` into, without cutting."""
    if kind == "week":
        return (end - start).days // 7 + 1
    ends = [(d.year, d.month) for d in (start, end)]
    if check_calendar(calendar) == "jalali":
        ends = [jalali_ymd(d)[:2] for d in (start, end)]
    months = {"month": 1, "quarter": 3, "year": 12}[kind]
    at = [(year * 12 + month - 1) // months for year, month in ends]
    return at[1] - at[0] + 1


def _calendar_firsts(
    start: date, end: date, kind: StepKind, calendar: Calendar
) -> tuple[list[str], list[date]]:
    months = {"month": 1, "quarter": 3, "year": 12}[kind]
    if check_calendar(calendar) == "jalali":
        year, month, _ = jalali_ymd(start)
    else:
        year, month = start.year, start.month
    month -= (month - 1) % months
    ids: list[str] = []
    firsts: list[date] = []
    while True:
        first = first_day(year, month, calendar)
        if first > end:
            return ids, firsts
        ids.append(_step_id(year, month, kind))
        firsts.append(first)
        month += months
        if month > 12:
            year, month = year + 1, month - 12


def _step_id(year: int, month: int, kind: StepKind) -> str:
    if kind == "year":
        return f"{year:04d}"
    if kind == "quarter":
        return f"{year:04d}-Q{(month - 1) // 3 + 1}"
    return f"{year:04d}-{month:02d}"
