"""report.toml as text: where each key is, and what a TOML syntax error means."""

from __future__ import annotations

import re
import tomllib

from iranmap.errors import Problem


class Place:
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


def toml_problem(shown: str, text: str, exc: tomllib.TOMLDecodeError) -> Problem:
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
