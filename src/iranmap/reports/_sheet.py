"""Spreadsheets (.xlsx with openpyxl, .ods with python-calamine) -> rows of texts with cells.

The sheet read is the one named as the file (``prisons`` for prisons.xlsx), else the first;
a hidden sheet (or table) is never read, and when the only one named as the file is hidden,
that is a problem. Before a reader opens the file, :func:`iranmap.limits.check_spreadsheet`
bounds what it may cost.
Each cell becomes the text a CSV would hold: a whole number stored as a float (``165.0``) is
written ``165``, a date ``2025-01-02``, an empty cell ``""``. A formula cell gives the value
the spreadsheet saved with it; a formula saved without one (as programs other than Excel and
LibreOffice write them) cannot be read, and is a problem at its cell.
"""

from __future__ import annotations

import math
import warnings
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from iranmap.errors import Problem
from iranmap.limits import MAX_ROWS, LimitError, check_spreadsheet
from iranmap.reports._decode import check_file

#: The spreadsheet formats read, by suffix.
SHEET_SUFFIXES = (".xlsx", ".ods")


@dataclass(frozen=True)
class Sheet:
    """The non-empty rows of a sheet, each with its row number, as texts.

    Columns empty from top to bottom (a margin left of the table, a gap) are left out; the
    positions of the texts in a row are those of the columns kept, and :meth:`cell` names a
    position's cell as the spreadsheet does.
    """

    name: str
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    unreadable: frozenset[int]  # rows with a cell that could not be read (a problem each)
    columns: tuple[int, ...] = ()  # the 0-based column of each position kept

    def letter(self, position: int) -> str:
        """The letters of the column at ``position`` (``B``)."""
        if position < len(self.columns):
            return column_letter(self.columns[position])
        last = self.columns[-1] if self.columns else -1
        return column_letter(last + 1 + position - len(self.columns))

    def cell(self, row: int, position: int) -> str:
        """``Sheet1!B7``: the cell at a row (1-based) and a position of its texts (0-based)."""
        return f"{self.name}!{self.letter(position)}{row}"

    def extra_cell(self, shown: str, row: int, position: int, value: str) -> Problem:
        """A value right of the last column the header names."""
        msg = (
            f"this cell holds {value!r} but its column has no name in the header; "
            "name the column in the header, or clear the cell"
        )
        return Problem(shown, row, msg, cell=self.cell(row, position))


def _sheet(
    name: str, rows: list[tuple[int, tuple[str, ...]]], unreadable: set[int] | frozenset[int]
) -> Sheet:
    """A sheet of the rows read, without the columns no row has a value in."""
    used = sorted({i for _, cells in rows for i, text in enumerate(cells) if text.strip()})
    kept = tuple(
        (number, _trimmed([cells[i] for i in used if i < len(cells)])) for number, cells in rows
    )
    return Sheet(name, kept, frozenset(unreadable), tuple(used))


def _trimmed(texts: Sequence[str]) -> tuple[str, ...]:
    """The texts of a row without the blank ones at its end."""
    end = len(texts)
    while end and not texts[end - 1].strip():
        end -= 1
    return tuple(texts[:end])


def column_letter(column: int) -> str:
    """``A`` for 0, ``Z`` for 25, ``AA`` for 26: a column as spreadsheets name it."""
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def read_sheet(path: Path, problems: list[Problem]) -> Sheet | None:
    """The rows of the sheet of a spreadsheet file; None with a problem when it cannot be read."""
    try:
        check_file(path)
        check_spreadsheet(path)
        xlsx = path.suffix.lower() == ".xlsx"
        sheet = _read_xlsx(path, problems) if xlsx else _read_ods(path)
    except LimitError as exc:
        problems.append(exc.problem)
    except _Hidden as exc:
        problems.append(Problem(str(path), None, str(exc)))
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:
        problems.append(_unreadable(path, exc))
    else:
        if len(sheet.rows) <= MAX_ROWS:
            return sheet
        msg = (
            f"the sheet {sheet.name!r} has {len(sheet.rows):,} rows, more than iranmap reads "
            f"in one table ({MAX_ROWS:,}); split the report into several (a series)"
        )
        problems.append(Problem(str(path), None, msg))
    return None


class _Hidden(Exception):
    """The only sheet named as the file is hidden."""


def _unreadable(path: Path, exc: Exception) -> Problem:
    kind = (
        "an Excel workbook (.xlsx)"
        if path.suffix.lower() == ".xlsx"
        else "an OpenDocument spreadsheet (.ods)"
    )
    msg = (
        f"the file cannot be read as {kind} ({type(exc).__name__}: {exc}); open it in Excel "
        "or LibreOffice and save it again, or save the sheet as CSV UTF-8 instead"
    )
    return Problem(str(path), None, msg)


def _read_xlsx(path: Path, problems: list[Problem]) -> Sheet:
    import openpyxl  # imported here: only reports given as spreadsheets need it
    from openpyxl.utils.exceptions import InvalidFileException

    with warnings.catch_warnings():
        # openpyxl warns of what it does not read (styles, data validation): not the values
        warnings.simplefilter("ignore")
        try:
            values = openpyxl.load_workbook(path, read_only=True, data_only=True)
            formulas = openpyxl.load_workbook(path, read_only=True, data_only=False)
        except InvalidFileException as exc:
            raise ValueError(str(exc)) from None
        try:
            return _xlsx_sheet(path, values, formulas, problems)
        finally:
            values.close()
            formulas.close()


def _xlsx_sheet(path: Path, values: Any, formulas: Any, problems: list[Problem]) -> Sheet:
    """The rows of a workbook opened twice: for the values saved, and for the formulas."""
    hidden = {ws.title for ws in values.worksheets if ws.sheet_state != "visible"}
    name = _pick(values.sheetnames, path.stem, hidden)
    value_sheet, formula_sheet = values[name], formulas[name]
    value_sheet.reset_dimensions()
    formula_sheet.reset_dimensions()
    rows: list[tuple[int, tuple[str, ...]]] = []
    unreadable: set[int] = set()
    pairs = zip(
        value_sheet.iter_rows(values_only=True),
        formula_sheet.iter_rows(values_only=True),
        strict=False,
    )
    for number, (cells, written) in enumerate(pairs, 1):
        for column, (cell, formula) in enumerate(zip(cells, written, strict=False)):
            if cell is None and isinstance(formula, str) and formula.startswith("="):
                at = f"{name}!{column_letter(column)}{number}"
                problems.append(_no_value(str(path), number, at, formula))
                unreadable.add(number)
        _keep(rows, number, cells)
    return _sheet(name, rows, unreadable)


def _read_ods(path: Path) -> Sheet:
    import python_calamine  # imported here: only reports given as spreadsheets need it

    try:
        with python_calamine.CalamineWorkbook.from_path(str(path)) as book:
            hidden = {
                s.name
                for s in book.sheets_metadata
                if s.visible != python_calamine.SheetVisibleEnum.Visible
            }
            name = _pick(book.sheet_names, path.stem, hidden)
            data = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
    except python_calamine.CalamineError as exc:
        raise ValueError(str(exc)) from None
    except (_Hidden, ValueError):
        raise
    except BaseException as exc:  # a panic of the reader's Rust code is a BaseException
        if isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit):
            raise
        raise ValueError(f"{type(exc).__name__}: {exc}") from None
    rows: list[tuple[int, tuple[str, ...]]] = []
    for number, cells in enumerate(data, 1):
        _keep(rows, number, cells)
    return _sheet(name, rows, frozenset())


def _pick(names: Sequence[str], stem: str, hidden: set[str] | frozenset[str] = frozenset()) -> str:
    """The visible sheet named as the file (case and spaces aside), else the first visible
    one; hidden sheets are never read."""
    visible = [n for n in names if n not in hidden]
    for name in visible:
        if name.strip().casefold() == stem.casefold():
            return name
    if any(name.strip().casefold() == stem.casefold() for name in hidden):
        msg = (
            f"the sheet {stem!r} is hidden, and iranmap reads no hidden sheet (a reader of the "
            "file would not see what is mapped); unhide it in Excel or LibreOffice, or delete "
            "it and keep the figures in a visible sheet"
        )
        raise _Hidden(msg)
    if not visible:
        msg = "the workbook has no visible sheet" if names else "the workbook has no sheet"
        raise ValueError(msg)
    return visible[0]


def _keep(rows: list[tuple[int, tuple[str, ...]]], number: int, cells: Iterable[Any]) -> None:
    if texts := _trimmed([_text(c) for c in cells]):
        rows.append((number, texts))


def _no_value(shown: str, row: int, cell: str, formula: str) -> Problem:
    """A formula cell without the value it computes (a file no spreadsheet program saved)."""
    msg = (
        f"the cell holds the formula {formula!r} but no value saved with it; open the file in "
        "Excel (or LibreOffice) and save it, so that the value is saved too, or write the value"
    )
    return Problem(shown, row, msg, cell=cell)


def _text(value: Any) -> str:
    """A cell's value as the text a CSV would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    return str(value)


def sheet_rows(sheet: Sheet) -> Iterator[tuple[int, tuple[str, ...]]]:
    """The sheet's rows but those with a cell that could not be read."""
    return ((n, cells) for n, cells in sheet.rows if n not in sheet.unreadable)
