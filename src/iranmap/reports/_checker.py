"""Checks of the values of parsed TOML, each problem at the line of its key."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from iranmap.errors import Problem
from iranmap.reports._dates import DateError, parse_date
from iranmap.reports._model import FACT_KEYS, ISO_SCHEMES, Fact
from iranmap.reports._toml import Place
from iranmap.reports._values import did_you_mean


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

    def date(
        self, data: Mapping[str, Any], path: tuple[str | int, ...], calendar: str
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
        label = self.text(item, (*path, "label"))
        unit = self.text(item, (*path, "unit"), optional=True)
        quote = self.text(item, (*path, "quote"), optional=True)
        label_fa = self.text(item, (*path, "label_fa"), optional=True)
        unit_fa = self.text(item, (*path, "unit_fa"), optional=True)
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
        return Fact(label, value, unit, line, quote, label_fa or None, unit_fa or None)


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
