"""Calendars: the ones a report's dates may be written in, the steps time is cut into, and
the conversion between Gregorian and Solar Hijri (jalali) days.

The bottom floor: every other module takes its calendar type, its list and its conversion
from here, and imports nothing of iranmap's but the errors. ``jdatetime`` is imported only
when a Solar Hijri day is asked for, so that ``iranmap --help`` stays fast.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from iranmap.errors import InputError, Problem

Calendar = Literal["gregorian", "jalali"]
#: The calendars a report's dates can be written in (``calendar = "jalali"`` in report.toml).
CALENDARS: tuple[Calendar, ...] = ("gregorian", "jalali")
#: The steps a report's period can be cut into on its timeline.
StepKind = Literal["month", "week", "quarter", "year"]
STEP_KINDS: tuple[StepKind, ...] = ("month", "week", "quarter", "year")
#: A day as (year, month, day) in some calendar.
Ymd = tuple[int, int, int]


def check_calendar(value: object) -> Calendar:
    """``value`` as a Calendar, or a ValueError naming the calendars there are."""
    for known in CALENDARS:
        if value == known:
            return known
    msg = f"calendar {value!r} is not one of {', '.join(CALENDARS)}"
    raise ValueError(msg)


def check_kind(kind: object) -> StepKind:
    """``kind`` as a StepKind, or an InputError naming the ``step`` setting."""
    for known in STEP_KINDS:
        if kind == known:
            return known
    msg = f"expected one of {', '.join(STEP_KINDS)}, found {kind!r}"
    raise InputError(Problem("step", None, msg))


def jalali_ymd(day: date) -> Ymd:
    """The Solar Hijri (year, month, day) of a Gregorian day."""
    import jdatetime

    here = jdatetime.date.fromgregorian(date=day)
    return int(here.year), int(here.month), int(here.day)


def ymd(day: date, calendar: Calendar) -> Ymd:
    """(year, month, day) of a Gregorian day as ``calendar`` counts it."""
    if check_calendar(calendar) == "jalali":
        return jalali_ymd(day)
    return day.year, day.month, day.day


def from_jalali(year: int, month: int, day: int) -> date:
    """The Gregorian day of a Solar Hijri one; ValueError naming what is out of range."""
    import jdatetime

    found = jdatetime.date(year, month, day).togregorian()
    assert isinstance(found, date)
    return found


def first_day(year: int, month: int, calendar: Calendar) -> date:
    """The Gregorian day on which ``month`` of ``year`` of ``calendar`` starts."""
    if check_calendar(calendar) == "jalali":
        return from_jalali(year, month, 1)
    return date(year, month, 1)


def jalali_month_days(year: int, month: int) -> int:
    """How many days a Solar Hijri month has: 31, 30, or 29/30 for Esfand."""
    if month < 12:
        return 31 if month <= 6 else 30
    import jdatetime

    return 30 if jdatetime.date(year, 12, 1).isleap() else 29


def to_jalali(day: date) -> str:
    """A Gregorian day as the Solar Hijri calendar writes it (YYYY-MM-DD, Latin digits)."""
    import jdatetime

    return str(jdatetime.date.fromgregorian(date=day).isoformat())


def in_calendar(day: date, calendar: Calendar) -> str:
    """A Gregorian day as ``calendar`` writes it (YYYY-MM-DD, Latin digits)."""
    return to_jalali(day) if check_calendar(calendar) == "jalali" else day.isoformat()
