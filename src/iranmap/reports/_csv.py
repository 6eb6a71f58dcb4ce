"""Tables of a report -> rows of texts with their lines (or cells), and their headers checked.

A CSV's columns may be separated by commas, semicolons (as Excel writes CSV where the decimal
sign is a comma) or tabs: the header line tells which, as the one that splits it into the
column names expected. prisons and provinces tables may also be spreadsheets (see
:mod:`iranmap.reports._sheet`); a problem in one names its cell, ``Sheet1!B7``.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from iranmap.errors import Problem
from iranmap.reports._decode import read_text
from iranmap.reports._sheet import SHEET_SUFFIXES, Sheet, read_sheet, sheet_rows
from iranmap.reports._text import cell_problem, text_problem
from iranmap.reports._values import did_you_mean

#: The column separators a CSV may use, as a user would name them.
DELIMITERS = {",": "commas", ";": "semicolons", "\t": "tabs"}


def empty_problem(shown: str, columns: tuple[tuple[str, ...], tuple[str, ...]]) -> Problem:
    header = ",".join(columns[0])
    msg = f"the file is empty; write the header line {header!r} and one row per place below it"
    return Problem(shown, 1, msg)


def check_header(
    shown: str,
    line: int,
    names: Sequence[str],
    columns: tuple[tuple[str, ...], tuple[str, ...]],
    problems: list[Problem],
    cell: str | None = None,
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
        if wrong := text_problem(f"column {position} of the header", name):
            problems.append(Problem(shown, line, wrong, cell=cell))
        elif name == "" and cell is not None:  # a spreadsheet's column between two named ones
            msg = f"column {position} of the header has no name; name it, or delete the column"
            problems.append(Problem(shown, line, msg, cell=cell))
        elif name == "":
            msg = (
                f"column {position} of the header has no name; "
                "remove the extra comma or name the column"
            )
            problems.append(Problem(shown, line, msg, cell=cell))
        elif name in seen:
            problems.append(
                Problem(shown, line, f"column {name!r} appears twice; keep one", cell=cell)
            )
        elif name not in allowed:
            hint = did_you_mean(name, allowed)
            msg = f"unknown column {name!r}; the allowed columns are {', '.join(allowed)}{hint}"
            problems.append(Problem(shown, line, msg, cell=cell))
            meant.update(c for c in required if hint and hint == did_you_mean(name, (c,)))
        seen.add(name)
    missing = [c for c in required if c not in seen and c not in meant]
    if missing:
        listed = ", ".join(repr(c) for c in missing)
        msg = (
            f"missing column {listed}; "
            f"the header must name {' and '.join(required)} (found {list(names)!r})"
        )
        problems.append(Problem(shown, line, msg, cell=cell))
    return all(c in seen for c in required) and len(seen) == len(names)


# ---------------------------------------------------------------------------------------------
# rows of a table


@dataclass(frozen=True)
class Row:
    """A row of a table: its line (a spreadsheet's row) and its values by column."""

    line: int
    values: Mapping[str, str]
    cells: Mapping[str, str] = field(default_factory=dict)  # column -> "Sheet1!B7" in a sheet

    def problem(self, shown: str, column: str, message: str) -> Problem:
        """A problem with the value of ``column``: at its line, or its cell in a spreadsheet."""
        return Problem(shown, self.line, message, cell=self.cells.get(column))


@dataclass(frozen=True)
class Table:
    """The rows of a table and where its header is."""

    header_line: int
    header_cell: str | None  # "Sheet1!1:1" in a spreadsheet
    rows: list[Row]

    def header_problem(self, shown: str, message: str, severity: str = "error") -> Problem:
        return Problem(shown, self.header_line, message, severity, self.header_cell)


def read_table(
    path: Path, columns: tuple[tuple[str, ...], tuple[str, ...]], problems: list[Problem]
) -> Table | None:
    """The rows of a CSV or spreadsheet (by its suffix); None when no row can be read."""
    if path.suffix.lower() in SHEET_SUFFIXES:
        sheet = read_sheet(path, problems)
        return None if sheet is None else _sheet_table(str(path), sheet, columns, problems)
    return _read_small_csv(path, columns, problems)


def _sheet_table(
    shown: str,
    sheet: Sheet,
    columns: tuple[tuple[str, ...], tuple[str, ...]],
    problems: list[Problem],
) -> Table | None:
    if not sheet.rows:
        header = ", ".join(columns[0])
        msg = f"the sheet {sheet.name!r} is empty; write the header {header} in its first row"
        problems.append(Problem(shown, 1, msg))
        return None
    (line, cells), *_ = sheet.rows
    names = header_names(cells)
    where = f"{sheet.name}!{line}:{line}"
    if not check_header(shown, line, names, columns, problems, where):
        return None
    rows = []
    for number, fields in sheet_rows(sheet):
        if number == line:
            continue
        if len(fields) > len(names):
            problems.append(sheet.extra_cell(shown, number, len(names), fields[len(names)]))
            continue
        refs = {name: sheet.cell(number, i) for i, name in enumerate(names)}
        row = _row(shown, number, names, fields, problems, refs)
        if row is not None:
            rows.append(row)
    return Table(line, where, rows)


def header_names(cells: Sequence[str]) -> list[str]:
    """A sheet's header: its names, to the last one given (cells right of it are extra)."""
    names = [c.strip().lower() for c in cells]
    while names and not names[-1]:
        names.pop()
    return names


def _read_small_csv(
    path: Path, columns: tuple[tuple[str, ...], tuple[str, ...]], problems: list[Problem]
) -> Table | None:
    """The rows of a small CSV with their first lines; None when no row can be read.

    A row the CSV reader cannot make sense of ends the reading: the rows above it are kept.
    """
    shown = str(path)
    text = read_text(path, problems, table=True)
    if text is None:
        return None
    if not text.strip():
        problems.append(empty_problem(shown, columns))
        return None
    delimiter = sniff_delimiter(shown, text, columns, problems)
    if delimiter is None:
        return None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True, delimiter=delimiter)
    header: list[str] | None = None
    header_line = 1
    rows: list[Row] = []
    end = 0
    try:
        for fields in reader:
            start, end = end + 1, reader.line_num
            if not any(f.strip() for f in fields):
                continue
            if header is None:
                header, header_line = [f.strip().lower() for f in fields], start
                if not check_header(shown, start, header, columns, problems):
                    return None
                continue
            row = _row(shown, start, header, fields, problems, delimiter=delimiter)
            if row is not None:
                rows.append(row)
    except csv.Error as exc:
        problems.append(Problem(shown, end + 1, quote_message(str(exc))))
        return Table(header_line, None, rows) if header is not None else None
    return Table(header_line, None, rows)


def sniff_delimiter(
    shown: str,
    text: str,
    columns: tuple[tuple[str, ...], tuple[str, ...]],
    problems: list[Problem],
) -> str | None:
    """The column separator of a CSV: the one that splits the header into the required
    columns. A comma when none does (the header's problems then say what is missing); None,
    with a problem, when more than one does."""
    line, header = _header_line(text)
    fits = [d for d in DELIMITERS if _splits_into(header, d, columns[0])]
    if len(fits) == 1:
        return fits[0]
    if not fits:
        if other := _other_delimiter(header, columns[0]):
            msg = (
                f"the header {header!r} separates its columns with {other!r}; separate them "
                f"with commas, semicolons or tabs, e.g. {','.join(columns[0])} (in Excel: save "
                "as CSV UTF-8)"
            )
            problems.append(Problem(shown, line, msg))
            return None
        present = [d for d in DELIMITERS if d in header]
        return present[0] if len(present) == 1 else ","
    named = " and ".join(DELIMITERS[d] for d in fits)
    msg = (
        f"the header {header!r} names the columns whether it is split at {named}, so the "
        f"rows cannot be read for sure; separate the columns with one of them only, e.g. "
        f"{','.join(columns[0])}"
    )
    problems.append(Problem(shown, line, msg))
    return None


def _other_delimiter(header: str, required: Sequence[str]) -> str | None:
    """A character other than those read that splits the header into the required columns."""
    for char in dict.fromkeys(c for c in header if not c.isalnum() and c not in "_ \"'"):
        if char not in DELIMITERS and _splits_into(header, char, required):
            return char
    return None


def _header_line(text: str) -> tuple[int, str]:
    for number, raw in enumerate(text.splitlines(), 1):
        if raw.strip():
            return number, raw
    return 1, ""  # pragma: no cover - the callers have checked the text is not blank


def _splits_into(header: str, delimiter: str, required: Iterable[str]) -> bool:
    fields = next(csv.reader([header], delimiter=delimiter), [])
    names = {f.strip().lower() for f in fields}
    return all(c in names for c in required)


def quote_message(error: str) -> str:
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
    shown: str,
    line: int,
    header: Sequence[str],
    fields: Sequence[str],
    problems: list[Problem],
    cells: Mapping[str, str] | None = None,
    delimiter: str = ",",
) -> Row | None:
    if len(fields) > len(header):
        problems.append(_extra_fields(shown, line, header, fields, delimiter))
        return None
    padded = [*fields, *[""] * (len(header) - len(fields))]
    values = {name: value.strip() for name, value in zip(header, padded, strict=True)}
    row = Row(line, values, cells or {})
    wrong = [(name, m) for name, value in values.items() if (m := cell_problem(name, value))]
    problems.extend(row.problem(shown, name, message) for name, message in wrong)
    return None if wrong else row


def _extra_fields(
    shown: str, line: int, header: Sequence[str], fields: Sequence[str], delimiter: str
) -> Problem:
    word = {",": "comma", ";": "semicolon", "\t": "tab"}[delimiter]
    msg = (
        f"this row has {len(fields)} fields but the header has {len(header)} "
        f"({','.join(header)}); "
        f"put quotes around a value holding a {word}, or remove the extra {word}"
        f"{_split_count(fields, delimiter)}"
    )
    return Problem(shown, line, msg)


def _split_count(fields: Sequence[str], delimiter: str) -> str:
    """A hint when a count written with a thousands separator was split in two (1,000)."""
    for first, second in itertools.pairwise(fields):
        if re.fullmatch(r"\d{1,3}", first.strip()) and re.fullmatch(r"\d{3}", second.strip()):
            return (
                f" (if {first.strip()}{delimiter}{second.strip()} is one count, "
                f"write {first.strip()}{second.strip()})"
            )
    return ""
