"""A report folder -> a validated :class:`Report`.

A report is a folder ``geodata/reports/<id>/`` with ``report.toml`` and its figures:
``prisons.csv`` (``prison,executions[,province,city,lat,lon,note]``), optionally
``provinces.csv`` (``province,executions[,note]``) and, instead of ``prisons.csv``, an
``events.csv`` with one row per execution. :func:`load_report` returns a whole, valid report
or raises :class:`iranmap.errors.InputError` naming every problem; never a partial result.
:func:`read_report` returns what could be read with every problem, so that ``iranmap check``
can also show, in the same run, the problems only placing the names finds (an unknown
prison, two spellings of one): a report read with problems is partial and is never drawn.

Decisions a report writer should know (README and ``iranmap check --help`` repeat them):

* **A UTF-8 byte order mark is accepted** silently: Excel writes one when it saves "CSV UTF-8",
  and refusing it would only teach people to fight their tools. Other encodings are refused
  with the line of the first bad byte, because guessing one would garble Persian names.
* **Counts are whole numbers written with digits** (Latin or Persian digits). ``1,000`` and
  ``1.000`` are refused rather than guessed at.
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
"""

from __future__ import annotations

import codecs
import csv
import difflib
import io
import re
import tomllib
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from iranmap.errors import InputError, Problem

REPORT_FILE = "report.toml"
PRISONS_FILE = "prisons.csv"
PROVINCES_FILE = "provinces.csv"
EVENTS_FILE = "events.csv"

#: Required and optional columns of each CSV file, in the order the docs list them.
PRISON_COLUMNS = (("prison", "executions"), ("province", "city", "lat", "lon", "note"))
PROVINCE_COLUMNS = (("province", "executions"), ("note",))
EVENT_COLUMNS = (
    ("date", "prison"),
    ("province", "sex", "age", "charge", "ethnicity", "public", "name", "note"),
)

#: The keys report.toml may hold: top level, [source], [period], each [[facts]].
TOP_KEYS = (
    "title",
    "publisher",
    "total",
    "prisons",
    "provinces",
    "iso_scheme",
    "notes",
    "source",
    "period",
    "facts",
)
SOURCE_KEYS = ("title", "date", "url")
PERIOD_KEYS = ("start", "end")
FACT_KEYS = ("label", "value", "unit", "quote")
ISO_SCHEMES = ("2020", "pre-2020")

#: A box around Iran with a little margin (decimal degrees): mainland and islands fit inside.
IRAN_LAT = (24.8, 40.0)
IRAN_LON = (43.9, 63.5)

#: Values accepted in events.csv's ``sex`` and ``public`` columns (compared case-folded).
SEX_VALUES = {"male": "male", "m": "male", "مرد": "male", "female": "female", "f": "female"}
SEX_VALUES["زن"] = "female"
PUBLIC_VALUES = {"yes": True, "true": True, "1": True, "no": False, "false": False, "0": False}

#: How many rows with the same problem events.csv reports before summing up the rest.
MAX_SAME_PROBLEM = 5

_COUNT = re.compile(r"\d+")
_NEGATIVE = re.compile(r"-\s*\d+(?:[.,]\d*)?")
_DECIMAL = re.compile(r"\d*\.\d+|\d+\.\d*")
_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)")


@dataclass(frozen=True)
class Fact:
    """A labelled headline figure of a report ("Women: 34")."""

    label: str
    value: int | float
    unit: str | None  # e.g. "%" or "years"; None for a count
    line: int  # line of report.toml it was read from
    quote: str | None = None  # the source's own sentence the figure is taken from
    label_fa: str | None = None  # the label in Persian, when the report gives one
    unit_fa: str | None = None


@dataclass(frozen=True)
class Figure:
    """One count for one named place, with the place in the files it came from."""

    name: str  # the name as the report writes it
    executions: int
    path: str  # the file, as given by the user (e.g. "geodata/reports/2024-ncri/prisons.csv")
    line: int  # 1-based line of that file (header is line 1); for events, the first row
    rows: int = 1  # how many source rows were added up into this figure (events.csv)
    province: str | None = None
    city: str | None = None
    lat: float | None = None
    lon: float | None = None
    note: str | None = None

    @property
    def source(self) -> str:
        """Where the figure comes from, for a reader: "prisons.csv:3" or "events.csv: 5 rows"."""
        name = Path(self.path).name
        return f"{name}:{self.line}" if self.rows == 1 else f"{name}: {self.rows} rows"


@dataclass(frozen=True)
class Report:
    """A report's metadata and its figures, validated."""

    id: str  # the folder's name
    folder: Path
    title: str
    publisher: str
    source_title: str
    source_date: date
    source_url: str | None
    period_start: date
    period_end: date
    total: int  # executions the report states ("at least")
    prisons_count: int | None  # how many prisons the report says were involved
    provinces_count: int | None
    facts: tuple[Fact, ...]
    notes: str | None
    iso_scheme: str  # "2020" or "pre-2020"
    prison_figures: tuple[Figure, ...]
    province_figures: tuple[Figure, ...]
    events: pd.DataFrame | None  # events.csv after filters, or None
    #: The line of report.toml each top-level key is on, for problems the join finds there.
    manifest_lines: Mapping[str, int] = field(default_factory=dict)
    #: Only in a partial report (see read_report): rows of prisons.csv and provinces.csv whose
    #: name could be read but not their count. Their ``executions`` is 0 and means nothing:
    #: the join checks their names and adds them to no figure.
    uncounted: tuple[Figure, ...] = ()
    #: Persian texts of the report, when it gives them (``title_fa`` ... in report.toml).
    title_fa: str | None = None
    publisher_fa: str | None = None
    notes_fa: str | None = None
    source_title_fa: str | None = None
    #: The calendar the report's dates were written in: "gregorian" or "jalali" (Solar
    #: Hijri). Dates above are always converted to Gregorian ``date`` objects.
    calendar: str = "gregorian"
    #: How the source qualifies its total: "at least" (the NGO default) or "exactly".
    total_qualifier: str = "at least"
    #: The series (e.g. one monitor's monthly reports) this report is a step of, if any.
    series: str | None = None


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


def load_report(
    folder: Path,
    *,
    start: date | None = None,
    end: date | None = None,
    where: Sequence[tuple[str, str]] = (),
) -> Report:
    """Read and check a report folder; raise InputError listing every problem found.

    ``start``, ``end`` (inclusive) and ``where`` select rows of events.csv; they are an error
    for a report without one, since a prison's count cannot be split by date or charge.
    """
    report, problems = read_report(folder, start=start, end=end, where=where)
    if report is None or problems:
        raise InputError(problems)
    return report


def read_report(
    folder: Path,
    *,
    start: date | None = None,
    end: date | None = None,
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
    """
    folder = Path(folder)
    if not (folder / REPORT_FILE).is_file():
        return None, (Problem(str(folder), None, _no_report_message(folder)),)
    problems: list[Problem] = []
    meta = _read_manifest(folder / REPORT_FILE, problems)
    figures = _read_figures(folder, problems, meta, start, end, tuple(where))
    report: Report | None = None
    if figures is not None:
        total = _settle_total(meta, figures, problems)
        report = _assemble(folder, meta, figures, total)
        if total is not None:
            problems.extend(total_problems(report))
    return report, tuple(sorted(dict.fromkeys(problems), key=_problem_order))


def total_problems(report: Report) -> list[Problem]:
    """Files whose figures alone add up to more than the report's total.

    :func:`read_report` finds these; :func:`iranmap.join.join` asks again (a report may be
    made by other code) and, when one is found, does not also blame prisons and provinces
    together for it. Each problem is at the line of ``total`` in report.toml.
    """
    path = str(report.folder / REPORT_FILE)
    line = report.manifest_lines.get("total")
    problems: list[Problem] = []
    files = [(report.province_figures, PROVINCES_FILE)]
    if report.events is not None:
        counted = sum(f.executions for f in report.prison_figures)
        if report.total < counted:
            msg = (
                f"total = {report.total:,} but events.csv lists {counted:,} executions; "
                f"raise total to at least {counted:,}, or remove it to use the number of events"
            )
            problems.append(Problem(path, line, msg))
    else:
        files.insert(0, (report.prison_figures, PRISONS_FILE))
    for figures, what in files:
        itemized = sum(f.executions for f in figures)
        if itemized > report.total:
            msg = (
                f"{what} itemizes {itemized:,} executions, more than total = {report.total:,}; "
                f"fix the counts in {what} or raise the total"
            )
            problems.append(Problem(path, line, msg))
    return problems


# ---------------------------------------------------------------------------------------------
# report.toml


@dataclass(frozen=True)
class _Manifest:
    """report.toml, checked: each value None where it is missing or has a problem."""

    path: str
    place: _Place
    lines: Mapping[str, int]  # the line of each top-level key
    title: str | None
    publisher: str | None
    notes: str | None
    source_title: str | None
    source_date: date | None
    source_url: str | None
    total: int | None
    total_given: bool  # whether report.toml gives a total at all: valid, invalid or misspelt
    prisons: int | None
    provinces: int | None
    iso_scheme: str
    facts: tuple[Fact, ...]
    period: tuple[date, date] | None


class _Place:
    """Finds the line of a key in TOML text (tomllib does not report where values are)."""

    _TABLE = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\](?!\])")
    _ARRAY = re.compile(r"^\s*\[\[\s*([^\[\]]+?)\s*\]\]")
    _KEY = re.compile(r"^\s*([A-Za-z0-9_\-\"'. ]+?)\s*=")

    def __init__(self, text: str) -> None:
        self.lines: dict[tuple[str | int, ...], int] = {}
        table: tuple[str | int, ...] = ()
        seen: dict[str, int] = {}
        in_string = False
        for number, raw in enumerate(text.splitlines(), 1):
            quotes = raw.count('"""') + raw.count("'''")
            if in_string:
                in_string = quotes % 2 == 0
                continue
            if m := self._ARRAY.match(raw):
                name = _unquote(m.group(1))
                seen[name] = seen.get(name, -1) + 1
                table = (name, seen[name])
                self.lines.setdefault(table, number)
            elif m := self._TABLE.match(raw):
                table = tuple(_unquote(p) for p in m.group(1).split("."))
                self.lines.setdefault(table, number)
            elif m := self._KEY.match(raw):
                parts = tuple(_unquote(p) for p in m.group(1).split("."))
                self.lines.setdefault((*table, *parts), number)
            in_string = in_string or quotes % 2 == 1

    def line(self, *path: str | int) -> int | None:
        """The line of ``path``, else of its nearest enclosing table, else None."""
        for end in range(len(path), 0, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return None


def _unquote(part: str) -> str:
    return part.strip().strip("\"'")


def _read_manifest(path: Path, problems: list[Problem]) -> _Manifest | None:
    """report.toml -> checked metadata (partial when it has problems), None if unreadable."""
    shown = str(path)
    text = _read_text(path, problems)
    if text is None:
        return None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        problems.append(_toml_problem(shown, text, exc))
        return None
    place = _Place(text)
    check = _TomlChecker(shown, place, problems)
    check.keys(data, (), TOP_KEYS)
    check.required(data, (), ("title", "publisher", "source", "period"))
    title = check.text(data, ("title",))
    publisher = check.text(data, ("publisher",))
    notes = check.text(data, ("notes",), optional=True)
    total = check.count(data, ("total",), optional=True)
    prisons = check.count(data, ("prisons",), optional=True)
    provinces = check.count(data, ("provinces",), optional=True)
    if provinces is not None and provinces > 31:
        check.add(("provinces",), f"provinces = {provinces!r} but Iran has 31 provinces; fix it")
    iso_scheme = check.scheme(data)
    source = check.table(data, "source", SOURCE_KEYS, ("title", "date"))
    source_title = source_date = source_url = None
    if source is not None:
        source_title = check.text(source, ("source", "title"))
        source_date = check.date(source, ("source", "date"))
        source_url = check.text(source, ("source", "url"), optional=True)
    period = _check_period(check, data)
    facts = check.facts(data)
    lines = {str(key): line for key in data if (line := place.line(key)) is not None}
    return _Manifest(
        path=shown,
        place=place,
        lines=lines,
        title=title,
        publisher=publisher,
        notes=notes,
        source_title=source_title,
        source_date=source_date,
        source_url=source_url,
        total=total,
        total_given="total" in data or _misspelt(data, "total"),
        prisons=prisons,
        provinces=provinces,
        iso_scheme=iso_scheme,
        facts=facts,
        period=period,
    )


def _misspelt(data: Mapping[str, Any], key: str) -> bool:
    """Whether an unknown key is a misspelling of ``key`` (its problem already says so)."""
    return any(
        k not in TOP_KEYS and _did_you_mean(k, TOP_KEYS) == f" (did you mean {key!r}?)"
        for k in data
    )


def _check_period(check: _TomlChecker, data: Mapping[str, Any]) -> tuple[date, date] | None:
    period = check.table(data, "period", PERIOD_KEYS, PERIOD_KEYS)
    if period is None:
        return None
    start = check.date(period, ("period", "start"))
    end = check.date(period, ("period", "end"))
    if start is None or end is None:
        return None
    if end < start:
        msg = (
            f"the period ends ({end.isoformat()}) before it starts ({start.isoformat()}); "
            "swap start and end"
        )
        check.add(("period", "end"), msg)
        return None
    return start, end


def _toml_problem(shown: str, text: str, exc: tomllib.TOMLDecodeError) -> Problem:
    """tomllib's message, with its line moved to the front where a user looks for it."""
    message = str(exc)
    line: int | None = None
    if m := re.search(r"\s*\(at line (\d+), column (\d+)\)$", message):
        line = int(m.group(1))
        message = f"{message[: m.start()]} at column {m.group(2)}"
    elif m := re.search(r"\s*\(at end of document\)$", message):
        line = max(1, len(text.splitlines()))
        message = f"{message[: m.start()]} at the end of the file"
    hint = "fix the TOML syntax: text in quotes, dates as 2025-01-02, one key = value per line"
    return Problem(shown, line, f"report.toml is not valid TOML ({message}); {hint}")


class _TomlChecker:
    """Checks values of parsed TOML, each problem at the line of its key."""

    def __init__(self, shown: str, place: _Place, problems: list[Problem]) -> None:
        self.shown = shown
        self.place = place
        self.problems = problems

    def add(self, path: tuple[str | int, ...], message: str) -> None:
        self.problems.append(Problem(self.shown, self.place.line(*path), message))

    def keys(
        self, data: Mapping[str, Any], path: tuple[str | int, ...], allowed: Sequence[str]
    ) -> None:
        where = f" in [{_table_name(path)}]" if path else ""
        for key in data:
            if key not in allowed:
                hint = _did_you_mean(key, allowed)
                msg = f"unknown key {key!r}{where}; the allowed keys are {', '.join(allowed)}{hint}"
                self.add((*path, key), msg)

    def required(
        self, data: Mapping[str, Any], path: tuple[str | int, ...], keys: Sequence[str]
    ) -> None:
        where = f"[{_table_name(path)}]" if path else "report.toml"
        for key in keys:
            if key not in data:
                self.add(path, f"{where} has no {key!r}; add {_example(key)}")

    def _value(self, data: Mapping[str, Any], path: tuple[str | int, ...]) -> Any:
        return data.get(str(path[-1]))

    def text(
        self, data: Mapping[str, Any], path: tuple[str | int, ...], *, optional: bool = False
    ) -> str | None:
        value = self._value(data, path)
        if value is None:
            return None
        if not isinstance(value, str) or (not value.strip() and not optional):
            msg = f"{path[-1]} = {value!r} is not a text; write {_example(str(path[-1]))}"
            self.add(path, msg)
            return None
        return value

    def count(
        self, data: Mapping[str, Any], path: tuple[str | int, ...], *, optional: bool = False
    ) -> int | None:
        value = self._value(data, path)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            msg = (
                f"{path[-1]} = {value!r} is not a count; "
                "write a whole number of 0 or more, without quotes"
            )
            self.add(path, msg)
            return None
        return value

    def date(self, data: Mapping[str, Any], path: tuple[str | int, ...]) -> date | None:
        value = self._value(data, path)
        if value is None:  # a missing date is reported by required()
            return None
        if isinstance(value, date) and not isinstance(value, datetime):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        msg = (
            f"{path[-1]} = {value!r} is not a date; "
            f"write it as YYYY-MM-DD without quotes, e.g. {path[-1]} = 2025-01-02"
        )
        self.add(path, msg)
        return None

    def scheme(self, data: Mapping[str, Any]) -> str:
        value = data.get("iso_scheme", "2020")
        if value not in ISO_SCHEMES:
            msg = (
                f'iso_scheme = {value!r} is not one of "2020", "pre-2020"; '
                'write iso_scheme = "2020" (current ISO 3166-2:IR codes) or "pre-2020"'
            )
            self.add(("iso_scheme",), msg)
            return "2020"
        return str(value)

    def table(
        self, data: Mapping[str, Any], name: str, allowed: Sequence[str], required: Sequence[str]
    ) -> Mapping[str, Any] | None:
        value = data.get(name)
        if value is None:
            return None
        if not isinstance(value, dict):
            msg = (
                f"{name} = {value!r} is not a table; "
                f"write a [{name}] section with {', '.join(required)} under it"
            )
            self.add((name,), msg)
            return None
        self.keys(value, (name,), allowed)
        self.required(value, (name,), required)
        return value

    def facts(self, data: Mapping[str, Any]) -> tuple[Fact, ...]:
        value = data.get("facts", [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            msg = (
                "facts is not a list of tables; "
                "write each fact as [[facts]] with label and value under it"
            )
            self.add(("facts",), msg)
            return ()
        facts = [self.fact(item, index) for index, item in enumerate(value)]
        return tuple(f for f in facts if f is not None)

    def fact(self, item: Mapping[str, Any], index: int) -> Fact | None:
        path: tuple[str | int, ...] = ("facts", index)
        found = len(self.problems)
        self.keys(item, path, FACT_KEYS)
        self.required(item, path, ("label", "value"))
        label = self.text(item, (*path, "label"))
        unit = self.text(item, (*path, "unit"), optional=True)
        quote = self.text(item, (*path, "quote"), optional=True)
        value = item.get("value")
        if "value" in item and (isinstance(value, bool) or not isinstance(value, int | float)):
            msg = (
                f"value = {value!r} is not a number; "
                "write the figure without quotes, e.g. value = 34"
            )
            self.add((*path, "value"), msg)
        if len(self.problems) > found or label is None or not isinstance(value, int | float):
            return None
        line = self.place.line(*path, "value") or 1
        return Fact(label, value, unit, line, quote)


def _table_name(path: tuple[str | int, ...]) -> str:
    return "[facts]" if path and path[0] == "facts" else str(path[0])


_EXAMPLES = {
    "title": 'title = "Executions in Iran, 2024"',
    "publisher": 'publisher = "NCRI Secretariat"',
    "notes": 'notes = "Secret executions are not counted."',
    "url": 'url = "https://example.org/report"',
    "source": "a [source] section with title and date",
    "period": "a [period] section with start and end",
    "date": "date = 2025-01-02",
    "start": "start = 2024-01-01",
    "end": "end = 2024-12-31",
    "label": 'label = "Women"',
    "value": "value = 34",
    "unit": 'unit = "%"',
    "quote": 'quote = "the sentence of the source"',
    "total": "total = 1000",
}


def _example(key: str) -> str:
    return _EXAMPLES.get(key, f"{key} = ...")


def _did_you_mean(word: str, allowed: Iterable[str]) -> str:
    close = difflib.get_close_matches(word.lower(), list(allowed), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


# ---------------------------------------------------------------------------------------------
# reading text files


def _read_text(path: Path, problems: list[Problem]) -> str | None:
    """A file's text as UTF-8 (a BOM is dropped), or None with a problem naming the bad line."""
    shown = str(path)
    data = path.read_bytes()
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        msg = "the file is saved as UTF-16; save the file as UTF-8 (in Excel: CSV UTF-8)"
        problems.append(Problem(shown, 1, msg))
        return None
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        bad = data[exc.start : exc.end]
        msg = f"byte {bad!r} is not UTF-8 text; save the file as UTF-8 (in Excel: CSV UTF-8)"
        problems.append(Problem(shown, line, msg))
        return None


def _empty_problem(shown: str, columns: tuple[tuple[str, ...], tuple[str, ...]]) -> Problem:
    header = ",".join(columns[0])
    msg = f"the file is empty; write the header line {header!r} and one row per place below it"
    return Problem(shown, 1, msg)


def _check_header(
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
            hint = _did_you_mean(name, allowed)
            msg = f"unknown column {name!r}; the allowed columns are {', '.join(allowed)}{hint}"
            problems.append(Problem(shown, line, msg))
            meant.update(c for c in required if hint == _did_you_mean(name, (c,)))
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
) -> list[_Row] | None:
    """Rows of a small CSV with their first lines; None when no row can be read.

    A row the CSV reader cannot make sense of ends the reading: the rows above it are kept.
    """
    shown = str(path)
    text = _read_text(path, problems)
    if text is None:
        return None
    if not text.strip():
        problems.append(_empty_problem(shown, columns))
        return None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header: list[str] | None = None
    rows: list[_Row] = []
    end = 0
    try:
        for fields in reader:
            start, end = end + 1, reader.line_num
            if not any(f.strip() for f in fields):
                continue
            if header is None:
                header = [f.strip().lower() for f in fields]
                if not _check_header(shown, start, header, columns, problems):
                    return None
                continue
            row = _row(shown, start, header, fields, problems)
            if row is not None:
                rows.append(row)
    except csv.Error as exc:
        problems.append(Problem(shown, end + 1, _quote_message(str(exc))))
        return rows if header is not None else None
    return rows


def _quote_message(error: str) -> str:
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


def _parse_count(value: str, column: str = "executions") -> tuple[int | None, str]:
    """A count from its text, or None and what is wrong with it and how to fix it."""
    if value == "":
        return (
            None,
            f"{column} is empty; write the number of executions (0 if the report says none)",
        )
    if _COUNT.fullmatch(value):
        return int(value), ""
    if _NEGATIVE.fullmatch(value):
        return None, f"{column} {value!r} is negative; a count of executions is 0 or more"
    if _DECIMAL.fullmatch(value):
        return (
            None,
            f"{column} {value!r} is not a whole number; write the count with digits only, e.g. 12",
        )
    return (
        None,
        f"{column} {value!r} is not a number; "
        "write the count with digits only, without separators or words, e.g. 1000",
    )


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
    bad = [(n, v) for n, v in (("lat", lat_text), ("lon", lon_text)) if not _NUMBER.fullmatch(v)]
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


def _name_key(name: str) -> str:
    return " ".join(name.casefold().split())


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
        count, message = _parse_count(row.values["executions"])
        if message:
            problems.append(Problem(shown, row.line, message))
        if not name:
            msg = f"{place_column} is empty; write the {place_column}'s name as the report gives it"
            problems.append(Problem(shown, row.line, msg))
            continue
        key = _name_key(name)
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


def _read_figures_file(
    path: Path,
    columns: tuple[tuple[str, ...], tuple[str, ...]],
    place_column: str,
    problems: list[Problem],
) -> tuple[tuple[Figure, ...], tuple[Figure, ...]] | None:
    """The file's figures and its rows without a readable count; None when it cannot be read."""
    found = len(problems)
    rows = _read_small_csv(path, columns, problems)
    if rows is None:
        return None
    if not rows and len(problems) == found:
        what = "prison" if place_column == "prison" else "province"
        warnings.warn(
            f"{path}: has a header but no rows; the report itemizes no {what}", stacklevel=5
        )
    return _figures_from_rows(str(path), rows, place_column, problems)


# ---------------------------------------------------------------------------------------------
# events.csv (large: pandas, vectorised, still with lines)


@dataclass(frozen=True)
class _Figures:
    """The figures of a folder, before the total is settled."""

    prisons: tuple[Figure, ...]  # () when the file could not be read
    provinces: tuple[Figure, ...]
    uncounted: tuple[Figure, ...]  # rows of either file whose count could not be read
    events: pd.DataFrame | None  # None when events.csv is missing or could not be read
    from_events: bool  # whether the prison figures come from events.csv
    filtered: bool


def _read_events(
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
    text = _read_text(path, problems)
    if text is None:
        return None
    if not text.strip():
        problems.append(_empty_problem(shown, EVENT_COLUMNS))
        return None
    header_line, header = _first_record(text)
    names = [h.strip().lower() for h in header]
    if not _check_header(shown, header_line, names, EVENT_COLUMNS, problems):
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
        return Problem(shown, int(eof.group(1)) + header_line, _quote_message(error))
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


def _event_figures(shown: str, events: pd.DataFrame, problems: list[Problem]) -> tuple[Figure, ...]:
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
    folded = given.assign(key=_per_value(given["province"], lambda v: v.map(_name_key)))
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


# ---------------------------------------------------------------------------------------------
# putting a folder together


def _read_figures(
    folder: Path,
    problems: list[Problem],
    meta: _Manifest | None,
    start: date | None,
    end: date | None,
    where: tuple[tuple[str, str], ...],
) -> _Figures | None:
    prisons_path, events_path = folder / PRISONS_FILE, folder / EVENTS_FILE
    provinces_path = folder / PROVINCES_FILE
    has_prisons, has_events = prisons_path.is_file(), events_path.is_file()
    found = len(problems)
    filtered = start is not None or end is not None or bool(where)
    if has_prisons and has_events:
        msg = (
            "both prisons.csv and events.csv give prison figures; keep one of them "
            "(events.csv to count rows, prisons.csv for counts)"
        )
        problems.append(Problem(str(prisons_path), None, msg))
    elif not (has_prisons or has_events or provinces_path.is_file()):
        msg = "no figures in the folder; add prisons.csv with the columns prison,executions"
        problems.append(Problem(str(folder), None, msg))
    elif filtered and not has_events:
        msg = (
            "filters (from, to, where) select rows of events.csv, and this report has none; "
            "drop the filters"
        )
        problems.append(Problem(str(folder), None, msg))
    if len(problems) > found:
        return None
    prisons: tuple[Figure, ...] = ()
    uncounted: tuple[Figure, ...] = ()
    events: pd.DataFrame | None = None
    if has_prisons:
        read = _read_figures_file(prisons_path, PRISON_COLUMNS, "prison", problems)
        prisons, uncounted = read if read is not None else ((), ())
    elif has_events:
        period = meta.period if meta is not None else None
        events = _read_events(events_path, problems, period, start, end, where)
        if events is not None:
            prisons = _event_figures(str(events_path), events, problems)
    provinces: tuple[Figure, ...] = ()
    if provinces_path.is_file():
        read = _read_figures_file(provinces_path, PROVINCE_COLUMNS, "province", problems)
        if read is not None:
            provinces, unread = read
            uncounted += unread
    return _Figures(prisons, provinces, uncounted, events, has_events, filtered)


def _settle_total(meta: _Manifest | None, figures: _Figures, problems: list[Problem]) -> int | None:
    """The report's total (see the module's docstring); None when it cannot be known."""
    if figures.from_events:
        if figures.events is None:
            return None
        counted = len(figures.events)
        if figures.filtered:
            return counted
        if meta is None or (meta.total_given and meta.total is None):
            return None
        return counted if meta.total is None else meta.total
    if meta is not None and not meta.total_given:
        msg = "report.toml has no 'total'; add total = N, the executions the report states"
        problems.append(Problem(meta.path, None, msg))
    return meta.total if meta is not None else None


def _assemble(folder: Path, meta: _Manifest | None, figures: _Figures, total: int | None) -> Report:
    """The report; stand-ins where report.toml does not say (see read_report)."""
    if total is None:  # no file's figures exceed it, nor all of them together
        total = sum(f.executions for f in (*figures.prisons, *figures.provinces))
    if meta is None:
        meta = _Manifest(
            path=str(folder / REPORT_FILE),
            place=_Place(""),
            lines={},
            title=None,
            publisher=None,
            notes=None,
            source_title=None,
            source_date=None,
            source_url=None,
            total=None,
            total_given=False,
            prisons=None,
            provinces=None,
            iso_scheme="2020",
            facts=(),
            period=None,
        )
    period = meta.period or (date.min, date.max)
    return Report(
        id=folder.resolve().name,
        folder=folder,
        title=meta.title or "",
        publisher=meta.publisher or "",
        source_title=meta.source_title or "",
        source_date=meta.source_date or period[1],
        source_url=meta.source_url,
        period_start=period[0],
        period_end=period[1],
        total=total,
        prisons_count=meta.prisons,
        provinces_count=meta.provinces,
        facts=meta.facts,
        notes=meta.notes,
        iso_scheme=meta.iso_scheme,
        prison_figures=figures.prisons,
        province_figures=figures.provinces,
        events=figures.events,
        manifest_lines=meta.lines,
        uncounted=figures.uncounted,
    )


def _no_report_message(folder: Path) -> str:
    if not folder.exists():
        return "no such folder; give the path of a report folder, e.g. geodata/reports/2024-ncri"
    if not folder.is_dir():
        return "not a folder; give the path of a report folder (the folder holding report.toml)"
    return "the folder has no report.toml; a report folder needs report.toml and prisons.csv"


def _problem_order(problem: Problem) -> tuple[str, int]:
    """By file and line; problems of one line keep the order they were found in."""
    return (problem.path, problem.line or 0)
