"""An events table (events.csv, .xlsx or .ods) -> a frame of its texts with their lines."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from iranmap.errors import Problem
from iranmap.reports._csv import (
    check_header,
    empty_problem,
    header_names,
    quote_message,
    sniff_delimiter,
)
from iranmap.reports._decode import read_text
from iranmap.reports._model import EVENT_COLUMNS
from iranmap.reports._sheet import SHEET_SUFFIXES, read_sheet, sheet_rows


def events_frame(path: Path, problems: list[Problem]) -> pd.DataFrame | None:
    """The events table as text columns plus ``line``; blank rows and unknown columns dropped.

    From a spreadsheet, the frame's ``attrs["sheet"]`` is the sheet's name and each column's
    letter, so that problems name cells.
    """
    if path.suffix.lower() in SHEET_SUFFIXES:
        return _sheet_frame(path, problems)
    shown = str(path)
    text = read_text(path, problems, table=True)
    if text is None:
        return None
    if not text.strip():
        problems.append(empty_problem(shown, EVENT_COLUMNS))
        return None
    delimiter = sniff_delimiter(shown, text, EVENT_COLUMNS, problems)
    if delimiter is None:
        return None
    header_line, header = _first_record(text, delimiter)
    names = [h.strip().lower() for h in header]
    if not check_header(shown, header_line, names, EVENT_COLUMNS, problems):
        return None
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
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
    frame["line"] = _event_lines(text, header_line, len(frame), delimiter)
    return _known_filled(frame, names)


def _known_filled(frame: pd.DataFrame, names: Sequence[str]) -> pd.DataFrame:
    known = {*EVENT_COLUMNS[0], *EVENT_COLUMNS[1]}  # an unknown column is set aside
    filled = pd.DataFrame({n: per_value(frame[n], _strip) for n in names if n in known})
    blank = (filled == "").all(axis=1)
    filled["line"] = frame["line"]
    return filled.loc[~blank].reset_index(drop=True)


def _sheet_frame(path: Path, problems: list[Problem]) -> pd.DataFrame | None:
    shown = str(path)
    sheet = read_sheet(path, problems)
    if sheet is None:
        return None
    if not sheet.rows:
        header = ", ".join(EVENT_COLUMNS[0])
        msg = f"the sheet {sheet.name!r} is empty; write the header {header} in its first row"
        problems.append(Problem(shown, 1, msg))
        return None
    (line, cells), *_ = sheet.rows
    names = header_names(cells)
    if not check_header(shown, line, names, EVENT_COLUMNS, problems, f"{sheet.name}!{line}:{line}"):
        return None
    records: list[tuple[str, ...]] = []
    lines: list[int] = []
    for number, fields in sheet_rows(sheet):
        if number == line:
            continue
        if len(fields) > len(names):
            problems.append(sheet.extra_cell(shown, number, len(names), fields[len(names)]))
        records.append((*fields[: len(names)], *[""] * (len(names) - len(fields))))
        lines.append(number)
    frame = pd.DataFrame(records, columns=list(range(len(names))), dtype=str)
    frame.columns = pd.Index(names)
    frame["line"] = np.asarray(lines, dtype=np.int64)
    filled = _known_filled(frame, names)
    filled.attrs["sheet"] = (sheet.name, {n: sheet.letter(i) for i, n in enumerate(names)})
    return filled


def per_value(
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
        return Problem(shown, int(eof.group(1)) + header_line, quote_message(error))
    found = re.search(r"in line (\d+), saw (\d+)", error)
    line = int(found.group(1)) + header_line - 1 if found else None
    count = f"{found.group(2)} fields" if found else "more fields"
    msg = (
        f"this row has {count} but the header has {len(names)} ({','.join(names)}); "
        "put quotes around a value holding a comma, or remove the extra comma"
    )
    return Problem(shown, line, msg)


def _first_record(text: str, delimiter: str) -> tuple[int, list[str]]:
    """The first non-blank record and its line (read from the head of the text only)."""
    head = text[: text.find("\n", 1 << 16) + 1] or text
    reader = csv.reader(io.StringIO(head, newline=""), delimiter=delimiter)
    end = 0
    for fields in reader:
        start, end = end + 1, reader.line_num
        if any(f.strip() for f in fields):
            return start, fields
    return 1, []  # pragma: no cover - the caller has checked the text is not blank


def _event_lines(
    text: str, header_line: int, rows: int, delimiter: str
) -> np.ndarray[Any, np.dtype[np.int64]]:
    """The first line of each data row: a simple count unless a quoted value spans lines."""
    physical = text.count("\n") + (0 if text.endswith("\n") else 1)
    if physical == header_line + rows:
        return np.arange(header_line + 1, header_line + 1 + rows, dtype=np.int64)
    starts: list[int] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    end = 0
    for _ in reader:
        starts.append(end + 1)
        end = reader.line_num
    data = [s for s in starts if s > header_line][:rows]
    data += [data[-1] if data else header_line + 1] * (rows - len(data))
    return np.asarray(data, dtype=np.int64)
