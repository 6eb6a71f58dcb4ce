"""report.toml as text: where each key is, and what a TOML syntax error means."""

from __future__ import annotations

import re
import tomllib

from iranmap.errors import Problem
from iranmap.reports._dates import SPLIT_YEAR, latin_digits
from iranmap.reports._model import MAX_COUNT
from iranmap.reports._values import thousands


class Place:
    """Finds the line of a key in TOML text (tomllib does not report where values are)."""

    _TABLE = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\](?!\])")
    _ARRAY = re.compile(r"^\s*\[\[\s*([^\[\]]+?)\s*\]\]")
    _KEY = re.compile(r"^\s*([A-Za-z0-9_\-\"'. ]+?)\s*=")

    def __init__(self, text: str) -> None:
        self.text_lines = text.splitlines()
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


def toml_problem(shown: str, text: str, exc: ValueError) -> Problem:
    """tomllib's message, with its line moved to the front where a user looks for it.

    Where the line holds a mistake TOML's own message does not explain (a date TOML cannot
    read, a number too long to be one), the message says that instead.
    """
    message = str(exc)
    line: int | None = None
    if not isinstance(exc, tomllib.TOMLDecodeError):  # a number past int()'s digit limit
        line, message = _long_number(text)
        return Problem(shown, line, message)
    if m := re.search(r"\s*\(at line (\d+), column (\d+)\)$", message):
        line = int(m.group(1))
        message = f"{message[: m.start()]} at column {m.group(2)}"
        if explained := explain_line(text.splitlines()[line - 1]):
            return Problem(shown, line, explained)
    elif m := re.search(r"\s*\(at end of document\)$", message):
        line = max(1, len(text.splitlines()))
        message = f"{message[: m.start()]} at the end of the file"
    hint = "fix the TOML syntax: text in quotes, dates as 2025-01-02, one key = value per line"
    return Problem(shown, line, f"report.toml is not valid TOML ({message}); {hint}")


_ASSIGNED = re.compile(r"\s*([A-Za-z0-9_-]+)\s*=\s*(.*?)\s*(?:#.*)?")
_DATE_LIKE = re.compile(r"(\d{1,4})([-/])(\d{1,2})\2(\d{1,2})")


def explain_line(raw: str) -> str | None:
    """What is wrong with a line tomllib refused, when it is a mistake people make often."""
    assigned = _ASSIGNED.fullmatch(raw)
    if assigned is None:
        return None
    key, value = assigned.groups()
    if digits := thousands(value):
        return thousands_message(key, value, digits)
    if date_like := _DATE_LIKE.fullmatch(latin_digits(value)):
        return _date_message(key, value, date_like)
    return None


def thousands_message(key: str, value: str, digits: str) -> str:
    return f"{key} = {value} is written with a thousands separator; write {key} = {digits}"


def written(place: Place, *path: str | int) -> str | None:
    """The value of a key as report.toml writes it (on the key's line), or None."""
    line = place.line(*path)
    if line is None or line > len(place.text_lines):
        return None
    assigned = _ASSIGNED.fullmatch(place.text_lines[line - 1])
    return assigned.group(2) if assigned and assigned.group(1) == path[-1] else None


def _date_message(key: str, value: str, found: re.Match[str]) -> str:
    year = int(found.group(1))
    if value.isascii() and found.group(2) == "-" and year >= SPLIT_YEAR:
        return (
            f"{key} = {value} is not a day of the Gregorian calendar; "
            "write a day that exists as YYYY-MM-DD"
        )
    return (
        f"{key} = {value} is not a date TOML can read (TOML dates are Gregorian, "
        f'in Latin digits, with hyphens); write it in quotes: {key} = "{value}"'
    )


def _long_number(text: str) -> tuple[int | None, str]:
    for number, raw in enumerate(text.splitlines(), 1):
        if digits := re.search(r"[0-9_]{4000,}", raw):
            assigned = _ASSIGNED.fullmatch(raw)
            key = assigned.group(1) if assigned else "a value"
            count = len(digits.group().replace("_", ""))
            msg = (
                f"{key} is a number of {count:,} digits, more than any count can be "
                f"(at most {MAX_COUNT:,}); write the figure the report gives"
            )
            return number, msg
    msg = f"a number in report.toml is too long to be read; write counts of at most {MAX_COUNT:,}"
    return None, msg
