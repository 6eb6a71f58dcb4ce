"""report.toml -> checked metadata, each problem at the line of its key."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from iranmap.errors import Problem
from iranmap.reports._decode import read_text
from iranmap.reports._model import (
    FACT_KEYS,
    ISO_SCHEMES,
    PERIOD_KEYS,
    SOURCE_KEYS,
    TOP_KEYS,
    Fact,
)
from iranmap.reports._toml import Place, toml_problem
from iranmap.reports._values import did_you_mean


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
    source_date: date | None
    source_url: str | None
    total: int | None
    total_given: bool  # whether report.toml gives a total at all: valid, invalid or misspelt
    prisons: int | None
    provinces: int | None
    iso_scheme: str
    facts: tuple[Fact, ...]
    period: tuple[date, date] | None


def read_manifest(path: Path, problems: list[Problem]) -> Manifest | None:
    """report.toml -> checked metadata (partial when it has problems), None if unreadable."""
    shown = str(path)
    text = read_text(path, problems)
    if text is None:
        return None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        problems.append(toml_problem(shown, text, exc))
        return None
    place = Place(text)
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
    return Manifest(
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
        k not in TOP_KEYS and did_you_mean(k, TOP_KEYS) == f" (did you mean {key!r}?)" for k in data
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


class _TomlChecker:
    """Checks values of parsed TOML, each problem at the line of its key."""

    def __init__(self, shown: str, place: Place, problems: list[Problem]) -> None:
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
                hint = did_you_mean(key, allowed)
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
