"""A report folder -> a validated :class:`Report`.

A report is a folder ``geodata/reports/<id>/`` with ``report.toml`` and its figures:
``prisons.csv`` (``prison,executions[,province,city,place,lat,lon,note]``), optionally
``provinces.csv`` (``province,executions[,note]``) and, instead of ``prisons.csv``, an
``events.csv`` with one row per execution. Each table may instead be a spreadsheet of the same
name (``prisons.xlsx``, ``prisons.ods``), but only one file per table. :func:`load_report`
returns a whole, valid report or raises :class:`iranmap.errors.InputError` naming every
problem; never a partial result.
:func:`read_report` returns what could be read with every problem, so that ``iranmap check``
can also show, in the same run, the problems only placing the names finds (an unknown
prison, two spellings of one): a report read with problems is partial and is never drawn.

Decisions a report writer should know (README and ``iranmap check --help`` repeat them):

* **A UTF-8 byte order mark is accepted** silently: Excel writes one when it saves "CSV UTF-8",
  and refusing it would only teach people to fight their tools. Other encodings are refused
  with the line of the first bad byte, because guessing one would garble Persian names.
* **Counts are whole numbers written with digits** (Latin or Persian digits), at most
  10,000,000. ``1,000``, ``1.000``, ``۱٬۰۰۰`` and ``1 000`` are refused rather than guessed
  at, with the message saying what to write (``write 1000``).
* **CSV columns are separated by commas, semicolons or tabs**, whichever splits the header
  into the expected column names.
* **Dates are in the report's calendar** (``calendar = "jalali"`` for Solar Hijri) and are
  kept as Gregorian ``date`` objects, with the texts as written beside them.
* **Texts are checked** for control, bidirectional-override and zero-width characters, and
  for lengths the maps can lay out (see :mod:`iranmap.reports._text`).
* **The total of a report with events.csv**: ``total`` in report.toml may be left out; then it
  is the number of events. When given, it must be at least the number of events (a report
  often states more executions than it can list). When the events are filtered (``start``,
  ``end``, ``where``), the total is the number of events selected: a stated total cannot be
  split by date or charge.
* **Filters**: ``where`` pairs on the same column are alternatives (``charge=drug`` or
  ``charge=murder``); pairs on different columns must all hold. Values compare without regard
  to case or surrounding spaces.

The names in the figures are kept as the report writes them; turning them into places is
:mod:`iranmap.join`'s work.

Problems in a spreadsheet carry its cell (``Problem.cell``, ``Sheet1!B7``); a warning
(``Problem.severity == "warning"``) is in ``Report.warnings`` and never stops a build.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from iranmap.calendars import CALENDARS, Calendar
from iranmap.errors import InputError, Problem
from iranmap.reports._dates import DateError, parse_date
from iranmap.reports._manifest import read_manifest
from iranmap.reports._model import (
    EVENT_COLUMNS,
    EVENTS_FILE,
    FACT_KEYS,
    IRAN_LAT,
    IRAN_LON,
    ISO_SCHEMES,
    MAX_SAME_PROBLEM,
    PERIOD_KEYS,
    PRISON_COLUMNS,
    PRISONS_FILE,
    PROVINCE_COLUMNS,
    PROVINCES_FILE,
    PUBLIC_VALUES,
    REPORT_FILE,
    SEX_VALUES,
    SOURCE_KEYS,
    TOP_KEYS,
    Fact,
    Figure,
    Report,
)
from iranmap.reports._persian import missing_persian

__all__ = [
    "CALENDARS",
    "EVENTS_FILE",
    "EVENT_COLUMNS",
    "FACT_KEYS",
    "IRAN_LAT",
    "IRAN_LON",
    "ISO_SCHEMES",
    "MAX_SAME_PROBLEM",
    "PERIOD_KEYS",
    "PRISONS_FILE",
    "PRISON_COLUMNS",
    "PROVINCES_FILE",
    "PROVINCE_COLUMNS",
    "PUBLIC_VALUES",
    "REPORT_FILE",
    "SEX_VALUES",
    "SOURCE_KEYS",
    "TOP_KEYS",
    "DateError",
    "Fact",
    "Figure",
    "Report",
    "find_reports",
    "load_report",
    "missing_persian",
    "parse_date",
    "read_report",
    "report_series",
    "total_problems",
]

# ---------------------------------------------------------------------------------------------
# public functions


def find_reports(root: Path) -> list[Path]:
    """The report folders directly under ``root`` (those holding a report.toml), sorted."""
    if not root.is_dir():
        msg = (
            "no such folder of reports; give a folder holding one sub-folder per report, "
            f"found {str(root)!r}"
        )
        raise InputError.at(str(root), None, msg)
    return sorted(p for p in root.iterdir() if (p / REPORT_FILE).is_file())


def report_series(folder: Path) -> str | None:
    """The series a report folder's report.toml names, without reading its figures; None
    when it names none, or when report.toml cannot be read or has a problem (reading the
    report says which)."""
    problems: list[Problem] = []
    try:
        meta = read_manifest(Path(folder) / REPORT_FILE, problems)
    except Exception:  # a neighbour's report.toml must never stop another report's build
        return None
    return None if meta is None or problems else meta.series


def load_report(
    folder: Path,
    *,
    start: date | str | None = None,
    end: date | str | None = None,
    where: Sequence[tuple[str, str]] = (),
) -> Report:
    """Read and check a report folder; raise InputError listing every problem found.

    ``start``, ``end`` (inclusive) and ``where`` select rows of events.csv; they are an error
    for a report without one, since a prison's count cannot be split by date or charge. A
    ``start`` or ``end`` given as text (``"1403-10-01"``, in any digits) is a date in the
    report's own calendar (see :func:`parse_date`); a ``date`` is a Gregorian day.
    """
    report, problems = read_report(folder, start=start, end=end, where=where)
    if report is None or problems:
        raise InputError(problems)
    return report


def read_report(
    folder: Path,
    *,
    start: date | str | None = None,
    end: date | str | None = None,
    where: Sequence[tuple[str, str]] = (),
) -> tuple[Report | None, tuple[Problem, ...]]:
    """Read what can be read of a report folder: the report and every problem, by file and line.

    With no problem the report is whole (what :func:`load_report` returns). With problems it
    is partial, only for :func:`iranmap.join.join` to find the problems placing its names
    shows in the same run; it must never be drawn. In a partial report a row with any problem
    but a bad count is left out; a row whose count could not be read is in
    ``Report.uncounted``, not in the figures; a file that could not be read gives no figures;
    what report.toml does not give validly is a stand-in ("" for texts, the widest dates, a
    total no file exceeds, iso_scheme "2020"). None when the folder gives nothing to join.

    The problems returned are errors only. Warnings (``Problem.severity == "warning"``, e.g. a
    figures file with a header and no rows) never make a report partial: they are in
    ``Report.warnings``, sorted by file and line, for a program to show as
    ``warning: FILE:LINE: message``; :func:`load_report` returns a report with warnings.
    """
    # Imported here: what reads the figures needs pandas, what reads report.toml alone does not
    # (a build with nothing to do, a series asking its steps' names).
    from iranmap.reports._assemble import (
        assemble,
        no_report_message,
        problem_order,
        read_figures,
        settle_total,
    )

    folder = Path(folder)
    if not (folder / REPORT_FILE).is_file():
        return None, (Problem(str(folder), None, no_report_message(folder)),)
    problems: list[Problem] = []
    meta = read_manifest(folder / REPORT_FILE, problems)
    calendar = meta.calendar if meta is not None else "gregorian"
    first = _filter_day(folder, start, "from", calendar, problems)
    last = _filter_day(folder, end, "to", calendar, problems)
    figures = read_figures(folder, problems, meta, first, last, tuple(where))
    report: Report | None = None
    if figures is not None:
        total = settle_total(meta, figures, problems)
        found = sorted(dict.fromkeys(p for p in problems if p.is_warning), key=problem_order)
        report = assemble(folder, meta, figures, total, tuple(found))
        if total is not None:
            problems.extend(total_problems(report))
    errors = (p for p in problems if not p.is_warning)
    return report, tuple(sorted(dict.fromkeys(errors), key=problem_order))


def _filter_day(
    folder: Path, day: date | str | None, name: str, calendar: Calendar, problems: list[Problem]
) -> date | None:
    """A filter's day: a date as it is, a text read in the report's calendar."""
    if not isinstance(day, str):
        return day
    try:
        return parse_date(day, calendar, name=name)
    except DateError as exc:
        problems.append(Problem(str(folder), None, f"{exc} (in the report's calendar, {calendar})"))
        return None


def _written(figures: Sequence[Figure], default: str) -> str:
    """The name of the file the figures come from as the user wrote it (``prisons.xlsx``)."""
    return Path(figures[0].path).name if figures else default


def total_problems(report: Report) -> list[Problem]:
    """Files whose figures alone add up to more than the report's total.

    :func:`read_report` finds these; :func:`iranmap.join.join` asks again (a report may be
    made by other code) and, when one is found, does not also blame prisons and provinces
    together for it. Each problem is at the line of ``total`` in report.toml.
    """
    path = str(report.folder / REPORT_FILE)
    line = report.manifest_lines.get("total")
    problems: list[Problem] = []
    files = [(report.province_figures, _written(report.province_figures, PROVINCES_FILE))]
    if report.events is not None:
        counted = sum(f.executions for f in report.prison_figures)
        if report.total < counted:
            events = _written(report.prison_figures, EVENTS_FILE)
            msg = (
                f"total = {report.total:,} but {events} lists {counted:,} executions; "
                f"raise total to at least {counted:,}, or remove it to use the number of events"
            )
            problems.append(Problem(path, line, msg))
    else:
        files.insert(0, (report.prison_figures, _written(report.prison_figures, PRISONS_FILE)))
    for figures, what in files:
        itemized = sum(f.executions for f in figures)
        unknown = sum(
            f.executions for f in report.placeless if Path(f.path).stem == Path(what).stem
        )
        if itemized + unknown > report.total:
            also = f" and gives {unknown:,} without a place" if unknown else ""
            msg = (
                f"{what} itemizes {itemized:,} executions{also}, more than total = "
                f"{report.total:,}; fix the counts in {what} or raise the total"
            )
            problems.append(Problem(path, line, msg))
    return problems
