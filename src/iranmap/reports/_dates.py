"""Dates as a report writes them, in its calendar (Gregorian or Solar Hijri) -> Gregorian dates.

A report says which calendar its dates are in with ``calendar = "jalali"`` in report.toml
(Gregorian by default). Every date of it, in report.toml and in events.csv, is then read in
that calendar, in Latin, Persian (۱۴۰۳) or Arabic-Indic (١٤٠٣) digits, as ``YYYY-MM-DD`` (or
``YYYY/MM/DD``), and converted to a Gregorian :class:`datetime.date`; the conversion is the
``jdatetime`` package's. A year before 1700 in a Gregorian report is taken for what it most
likely is, a Solar Hijri year, and refused with the Gregorian date it would be; a Solar Hijri
year of 1700 or later is likewise a Gregorian date written in a jalali report.
"""

from __future__ import annotations

import re
from datetime import date

from iranmap.calendars import Calendar, check_calendar, from_jalali, to_jalali

#: Gregorian years before this, and Solar Hijri years from it on, are in the other calendar.
SPLIT_YEAR = 1700
#: The last Gregorian year a report may name (the dates of events are pandas timestamps).
LAST_YEAR = 2200
#: The first Solar Hijri year whose days are Gregorian days from SPLIT_YEAR on.
FIRST_JALALI_YEAR = 1079

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_YMD = re.compile(r"(\d{1,4})([-/])(\d{1,2})\2(\d{1,2})")
_EXAMPLES = {"gregorian": "2024-03-21", "jalali": "1403-01-01"}


class DateError(ValueError):
    """A text that is not a date of the report's calendar; ``str()`` is the whole message.

    ``malformed`` is true when the text is not of the form YYYY-MM-DD at all (a caller may
    word that case its own way); false when it has that form but names no valid day, or a day
    that is most likely in the other calendar.
    """

    def __init__(self, message: str, *, malformed: bool) -> None:
        super().__init__(message)
        self.malformed = malformed


def latin_digits(text: str) -> str:
    """``text`` with Persian and Arabic-Indic digits written as Latin ones."""
    return text.translate(_DIGITS)


def parse_date(text: str, calendar: Calendar = "gregorian", *, name: str = "date") -> date:
    """The Gregorian day that ``text`` names in ``calendar`` ("gregorian" or "jalali").

    ``text`` is ``YYYY-MM-DD`` or ``YYYY/MM/DD`` in any digits. Raises :class:`DateError`
    whose message starts with ``name`` (the key or column the text was given as) and says
    what to write instead. For ``--from``/``--to`` filters, give the report's calendar.
    """
    check_calendar(calendar)
    shown = text.strip()
    found = _YMD.fullmatch(latin_digits(shown))
    if found is None:
        if calendar == "gregorian":
            try:
                return _gregorian(shown, date.fromisoformat(latin_digits(shown)), name)
            except ValueError:
                pass
        example = _EXAMPLES[calendar]
        msg = f"{name} {text!r} is not a date; write it as YYYY-MM-DD, e.g. {example}"
        raise DateError(msg, malformed=True)
    year, month, day = int(found.group(1)), int(found.group(3)), int(found.group(4))
    if calendar == "jalali":
        return _from_jalali(shown, (year, month, day), name)
    try:
        day_of = date(year, month, day)
    except ValueError:
        if year < SPLIT_YEAR:
            raise _looks_jalali(shown, (year, month, day), name) from None
        msg = f"{name} {text!r} is not a date; write it as YYYY-MM-DD, e.g. 2024-03-21"
        raise DateError(msg, malformed=True) from None
    return _gregorian(shown, day_of, name)


def _gregorian(shown: str, day: date, name: str) -> date:
    if day.year < SPLIT_YEAR:
        raise _looks_jalali(shown, (day.year, day.month, day.day), name)
    if day.year > LAST_YEAR:
        msg = f"{name} {shown} is after the year {LAST_YEAR}; check the year"
        raise DateError(msg, malformed=False)
    return day


def _looks_jalali(shown: str, ymd: tuple[int, int, int], name: str) -> DateError:
    try:
        gregorian = from_jalali(*ymd) if ymd[0] >= FIRST_JALALI_YEAR else None
    except ValueError:
        gregorian = None
    if gregorian is None:
        msg = (
            f"{name} {shown} is before the year {SPLIT_YEAR}; write the Gregorian date as "
            'YYYY-MM-DD, or add calendar = "jalali" to report.toml for Solar Hijri dates'
        )
        return DateError(msg, malformed=False)
    msg = (
        f"{name} {shown} looks like a Solar Hijri date (= {gregorian.isoformat()}); "
        'add calendar = "jalali" to report.toml, or write the Gregorian date'
    )
    return DateError(msg, malformed=False)


def _from_jalali(shown: str, ymd: tuple[int, int, int], name: str) -> date:
    if ymd[0] >= SPLIT_YEAR:
        try:
            as_jalali = f" (= {to_jalali(date(*ymd))} in the Solar Hijri calendar)"
        except ValueError:
            as_jalali = ""
        msg = (
            f"{name} {shown} looks like a Gregorian date{as_jalali}, but the report's "
            'calendar is "jalali"; write the Solar Hijri date, or remove calendar = "jalali" '
            "from report.toml"
        )
        raise DateError(msg, malformed=False)
    if ymd[0] < FIRST_JALALI_YEAR:
        msg = (
            f"{name} {shown} is before the Solar Hijri year {FIRST_JALALI_YEAR} "
            f"(the Gregorian year {SPLIT_YEAR}); check the year"
        )
        raise DateError(msg, malformed=False)
    try:
        return from_jalali(*ymd)
    except ValueError as exc:
        msg = (
            f"{name} {shown} is not a day of the Solar Hijri calendar ({exc}); "
            "write it as YYYY-MM-DD with a month of 1..12 and a day that month has "
            "(months 1-6 have 31 days, 7-11 have 30, 12 has 29, or 30 in a leap year)"
        )
        raise DateError(msg, malformed=False) from None
