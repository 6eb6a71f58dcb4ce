"""Checks of the values of parsed TOML, each problem at the line of its key."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from iranmap.calendars import Calendar
from iranmap.errors import Problem
from iranmap.reports._dates import DateError, parse_date
from iranmap.reports._model import FACT_KEYS, ISO_SCHEMES, MAX_COUNT, Fact
from iranmap.reports._text import MAX_LABEL, length_problem, text_problem
from iranmap.reports._toml import Place, thousands_message, written
from iranmap.reports._values import did_you_mean, shown_value, thousands, too_many

_LABEL = (MAX_LABEL, "beside its figure")


class TomlChecker:
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
                self.add(path, f"{where} has no {key!r}; add {_example(key, path)}")

    def _value(self, data: Mapping[str, Any], path: tuple[str | int, ...]) -> Any:
        return data.get(str(path[-1]))

    def text(
        self,
        data: Mapping[str, Any],
        path: tuple[str | int, ...],
        *,
        optional: bool = False,
        notes: bool = False,
        limit: tuple[int, str] | None = None,
    ) -> str | None:
        """A text; ``notes`` lets it run over lines, ``limit`` is its longest and where it is
        shown (see :mod:`iranmap.reports._text`)."""
        value = self._value(data, path)
        if value is None:
            return None
        key = str(path[-1])
        if not isinstance(value, str) or (not value.strip() and not optional):
            msg = f"{key} = {value!r} is not a text; write {_example(key, path[:-1])}"
            self.add(path, msg)
            return None
        wrong = text_problem(key, value, notes=notes)
        if wrong is None and limit is not None:
            wrong = length_problem(key, value.strip(), *limit)
        if wrong is not None:
            self.add(path, wrong)
            return None
        return value

    def url(self, data: Mapping[str, Any], path: tuple[str | int, ...]) -> str | None:
        """A link for readers to follow: http or https, to a host."""
        value = self.text(data, path, optional=True)
        if value is None or not value.strip():
            return None  # url = "" is a link not given
        key = str(path[-1])
        try:
            parts = urlsplit(value.strip())
        except ValueError as exc:
            msg = f"{key} = {value!r} is not a web address ({exc}); write it as {_example(key)}"
            self.add(path, msg)
            return None
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            msg = (
                f"{key} = {value!r} is not an http or https address; write the address of the "
                f"source as a reader's browser shows it, e.g. {_example(key)}"
            )
            self.add(path, msg)
            return None
        return value.strip()

    def count(
        self, data: Mapping[str, Any], path: tuple[str | int, ...], *, optional: bool = False
    ) -> int | None:
        value = self._value(data, path)
        if value is None:
            return None
        key = str(path[-1])
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raw = written(self.place, *path)
            digits = thousands(raw.strip("\"'")) if raw else None
            if raw and digits:
                msg = thousands_message(key, raw, digits)
            else:
                msg = (
                    f"{key} = {shown_value(value)} is not a count; "
                    "write a whole number of 0 or more, without quotes"
                )
            self.add(path, msg)
            return None
        if value > MAX_COUNT:
            self.add(path, too_many(f"{key} =", value))
            return None
        return value

    def date(
        self, data: Mapping[str, Any], path: tuple[str | int, ...], calendar: Calendar
    ) -> tuple[date, str] | None:
        """The Gregorian day of a date in ``calendar`` and its text as written."""
        value = self._value(data, path)
        if value is None:  # a missing date is reported by required()
            return None
        key = str(path[-1])
        if isinstance(value, date) and not isinstance(value, datetime):
            value = value.isoformat()
        if isinstance(value, str):
            try:
                return parse_date(value, calendar, name=key), value.strip()
            except DateError as exc:
                if not exc.malformed:
                    self.add(path, str(exc))
                    return None
        example = f'{key} = "1403-10-12"' if calendar == "jalali" else f"{key} = 2025-01-02"
        quotes = "in quotes" if calendar == "jalali" else "without quotes"
        msg = f"{key} = {value!r} is not a date; write it as YYYY-MM-DD {quotes}, e.g. {example}"
        self.add(path, msg)
        return None

    def choice(
        self, data: Mapping[str, Any], path: tuple[str | int, ...], choices: Sequence[str]
    ) -> str:
        """One of ``choices`` (the first when the key is missing or its value is not one)."""
        key = str(path[-1])
        value = data.get(key, choices[0])
        if value not in choices:
            listed = ", ".join(f'"{c}"' for c in choices)
            msg = (
                f"{key} = {value!r} is not one of {listed}; "
                f'write {key} = "{choices[0]}" (the default) or another of them'
            )
            self.add(path, msg)
            return choices[0]
        return str(value)

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
        label = self.text(item, (*path, "label"), limit=_LABEL)
        unit = self.text(item, (*path, "unit"), optional=True)
        quote = self.text(item, (*path, "quote"), optional=True, notes=True)
        label_fa = self.text(item, (*path, "label_fa"), optional=True, limit=_LABEL)
        unit_fa = self.text(item, (*path, "unit_fa"), optional=True)
        value = item.get("value")
        if "value" in item and (isinstance(value, bool) or not isinstance(value, int | float)):
            msg = (
                f"value = {shown_value(value)} is not a number; "
                "write the figure without quotes, e.g. value = 34"
            )
            self.add((*path, "value"), msg)
        elif isinstance(value, int | float) and not abs(value) <= MAX_COUNT:
            msg = (
                f"value = {shown_value(value)} is not a figure a report gives (at most "
                f"{MAX_COUNT:,}, a number); write the figure the source gives"
            )
            self.add((*path, "value"), msg)
        if len(self.problems) > found or label is None or not isinstance(value, int | float):
            return None
        line = self.place.line(*path, "value") or 1
        return Fact(label, value, unit, line, quote, label_fa or None, unit_fa or None)


def _table_name(path: tuple[str | int, ...]) -> str:
    return "[facts]" if path and path[0] == "facts" else str(path[0])


#: The examples of hints: a neutral template, never a real report's values.
_EXAMPLES = {
    "title": 'title = "Executions recorded in 2025"',
    "publisher": 'publisher = "Name of the organisation that published the figures"',
    "notes": 'notes = "What a reader should know about the figures."',
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


def _example(key: str, table: tuple[str | int, ...] = ()) -> str:
    """The example of a key's value, as a hint; ``table`` is the path of the key's table."""
    if table[:1] == ("source",) and key == "title":
        return 'title = "Title of the statement or article"'
    return _EXAMPLES.get(key, f"{key} = ...")
