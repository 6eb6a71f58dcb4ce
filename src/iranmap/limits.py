"""What one input may cost, checked before it is parsed.

A report folder or a project may come from anyone. Each limit below bounds what a file can
make iranmap do (read, unpack, expand, cut into steps), so that a report within them always
finishes in bounded time and memory (README, "Safety", says how long and how much the
largest one takes: ``bench/limits.py``). A file past a limit is refused with a message that
names the file and the limit; nothing of it is read.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from iranmap.errors import IranmapError, Problem

#: Bytes of one file of a report (report.toml, a figures CSV or spreadsheet).
MAX_FILE_BYTES = 128 * 1024 * 1024
#: Bytes of a TOML file (report.toml, iranmap.toml).
MAX_TOML_BYTES = 1024 * 1024
#: How deep arrays, inline tables and tables may nest in a TOML file.
MAX_TOML_DEPTH = 16
#: Bytes of one part of a spreadsheet once unpacked (a sheet's XML), and of all its parts.
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
#: Cells a sheet may expand to: its rows times its columns, repeated rows and columns of an
#: OpenDocument sheet counted as the program reading it counts them (an .xlsx's by the cells
#: it holds, not the dimension it claims). Reading a sheet costs far more per cell than a
#: CSV (2,000,000 cells took minutes): a larger table belongs in a CSV.
MAX_SHEET_CELLS = 250_000
#: Rows of one table (a figures CSV or sheet, events.csv).
MAX_ROWS = 1_000_000
#: Distinct place names in one report (each is matched against the gazetteer).
MAX_NAMES = 10_000
#: Steps a report's period may be cut into (months, weeks... of its timeline): the small
#: multiples draw every step in one image, whose area (and memory) grows with them.
MAX_STEPS = 240
#: Characters of one line given to ``iranmap geocode``, and bytes of all its input.
MAX_NAME_CHARS = 1_000
MAX_GEOCODE_BYTES = 1024 * 1024


class LimitError(IranmapError):
    """An input past one of the limits above; nothing of it was read."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.problem = Problem(path, line, message)
        super().__init__(str(self.problem))


def _size(count: int) -> str:
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if count >= scale:
            return f"{count / scale:,.1f} {unit}".replace(".0 ", " ")
    return f"{count:,} bytes"


def check_size(path: Path, limit: int = MAX_FILE_BYTES) -> None:
    """Refuse a file larger than ``limit`` bytes, before reading it."""
    size = path.stat().st_size
    if size > limit:
        msg = (
            f"the file is {_size(size)}, more than iranmap reads ({_size(limit)}); split the "
            "report into several (a series), or leave out what the maps do not need"
        )
        raise LimitError(str(path), msg)


def bounded_toml(path: Path) -> str:
    """A TOML file's text (UTF-8, BOM dropped) within :data:`MAX_TOML_BYTES`, its nesting
    within :data:`MAX_TOML_DEPTH` (:func:`check_toml_depth`)."""
    check_size(path, MAX_TOML_BYTES)
    text = path.read_bytes().decode("utf-8-sig")
    check_toml_depth(str(path), text)
    return text


def check_toml_depth(shown: str, text: str) -> None:
    """Refuse TOML text whose arrays and inline tables nest deeper than
    :data:`MAX_TOML_DEPTH` (a parser recurses once a level), at the line where it does."""
    depth, line = 0, 1
    i, end = 0, len(text)
    while i < end:
        char = text[i]
        if char == "\n":
            line += 1
        elif char == "#":
            i = text.find("\n", i)
            if i < 0:
                break
            continue
        elif char in "\"'":
            close = _string_end(text, i)
            line += text.count("\n", i, close)
            i = close
            continue
        elif char in "[{":
            depth += 1
            if depth > MAX_TOML_DEPTH:
                msg = (
                    f"arrays or tables nest more than {MAX_TOML_DEPTH} deep here, and iranmap "
                    "reads no TOML that deep (its own keys nest at most 3 deep); close the "
                    "brackets, or write the values as the README's examples do"
                )
                raise LimitError(shown, msg, line)
        elif char in "]}":
            depth = max(0, depth - 1)
        i += 1


def _string_end(text: str, start: int) -> int:
    """The index just past the TOML string starting at ``start`` (or the text's end)."""
    quote = text[start]
    delimiter = quote * 3 if text.startswith(quote * 3, start) else quote
    i = start + len(delimiter)
    while i < len(text):
        if quote == '"' and text[i] == "\\":
            i += 2
            continue
        if text.startswith(delimiter, i):
            i += len(delimiter)
            while len(delimiter) == 3 and i < len(text) and text[i] == quote:
                i += 1  # up to two quotes may end a multi-line string's text
            return i
        if len(delimiter) == 1 and text[i] == "\n":
            return i  # an unterminated string: the parser says so
        i += 1
    return i


# ---------------------------------------------------------------------------------------------
# spreadsheets

_DOCTYPES = tuple(b"<!DOCTYPE".decode().encode(c) for c in ("utf-8", "utf-16-le", "utf-16-be"))
_CHUNK = 1 << 22


def check_spreadsheet(path: Path) -> None:
    """Refuse a spreadsheet before a reader opens it: too large (:data:`MAX_FILE_BYTES`),
    unpacking to more than :data:`MAX_UNPACKED_BYTES`, holding XML with a DOCTYPE (whose
    entities could expand without bound), or a sheet expanding to more than
    :data:`MAX_SHEET_CELLS` cells. A file that is no zip archive is left to the reader."""
    check_size(path)
    shown = str(path)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        return
    with archive:
        parts = archive.infolist()
        total = sum(p.file_size for p in parts)
        if total > MAX_UNPACKED_BYTES:
            msg = (
                f"the spreadsheet unpacks to {_size(total)}, more than iranmap reads "
                f"({_size(MAX_UNPACKED_BYTES)}); save the sheet alone, or as CSV UTF-8"
            )
            raise LimitError(shown, msg)
        for part in parts:
            if part.filename.endswith((".xml", ".rels")):
                _check_part(shown, archive, part)


def _check_part(shown: str, archive: zipfile.ZipFile, part: zipfile.ZipInfo) -> None:
    counter = _Cells(part.filename) if _is_sheet(part.filename) else None
    tail = b""
    with archive.open(part) as stream:
        for chunk in iter(lambda: stream.read(_CHUNK), b""):
            data = tail + chunk
            if any(d in data for d in _DOCTYPES):
                msg = (
                    f"the spreadsheet's part {part.filename} declares a DOCTYPE, which no "
                    "spreadsheet program writes and iranmap does not read (its entities can "
                    "expand without bound); open the file in Excel or LibreOffice and save it "
                    "again, or save the sheet as CSV UTF-8"
                )
                raise LimitError(shown, msg)
            cut = data.rfind(b"<")
            cut = len(data) if cut < 0 else cut
            if counter is not None:
                counter.feed(data[:cut])
                counter.check(shown)
            tail = data[cut:]
    if counter is not None:
        counter.feed(tail)
        counter.check(shown)


def _is_sheet(name: str) -> bool:
    return name == "content.xml" or (
        name.startswith("xl/worksheets/") and name.endswith(".xml") and "/_rels/" not in name
    )


_TAG = re.compile(
    rb"<(?P<close>/?)(?:[\w.-]+:)?(?P<name>row|c|table-row|table-cell|covered-table-cell|table)"
    rb"(?P<attrs>(?:\s[^>]*?)?)(?P<empty>/?)>"
)
_ATTR = re.compile(rb"(?:[\w.-]+:)?(?P<key>[\w-]+)\s*=\s*\"(?P<value>[^\"]*)\"")
_REF = re.compile(rb"([A-Z]{1,3})([0-9]{1,7})")


class _Cells:
    """Counts, across chunks of a sheet's XML, the rows and columns it expands to."""

    def __init__(self, part: str) -> None:
        self.part = part
        self.table = 0
        self.row = 0  # rows so far (1-based index of the current row)
        self.row_span = 1  # how many times the current row repeats
        self.col = 0  # columns so far in the current row
        self.rows = self.cols = 0  # the extent with a cell that holds something

    def feed(self, data: bytes) -> None:
        for tag in _TAG.finditer(data):
            name, attrs = tag["name"], self._attrs(tag["attrs"])
            if tag["close"]:
                continue
            if name == b"table":
                self.table += 1
                self.row = self.col = self.rows = self.cols = 0
                self.row_span = 1
            elif name in (b"row", b"table-row"):
                self._row(attrs)
            else:
                self._cell(name, attrs, bool(tag["empty"]))

    @staticmethod
    def _attrs(raw: bytes) -> dict[bytes, bytes]:
        return {m["key"]: m["value"] for m in _ATTR.finditer(raw)} if raw else {}

    def _row(self, attrs: dict[bytes, bytes]) -> None:
        number = attrs.get(b"r")
        self.row = int(number) if number and number.isdigit() else self.row + self.row_span
        self.row_span = _count(attrs.get(b"number-rows-repeated"))
        self.col = 0

    def _cell(self, name: bytes, attrs: dict[bytes, bytes], empty: bool) -> None:
        span = _count(attrs.get(b"number-columns-repeated"))
        ref = _REF.fullmatch(attrs.get(b"r", b""))
        if ref is not None:
            self.col = _column(ref[1])
            self.row = max(self.row, int(ref[2]))
        else:
            self.col += span
        filled = name == b"c" or not empty or b"value-type" in attrs
        if filled:
            self.cols = max(self.cols, self.col)
            self.rows = max(self.rows, self.row + self.row_span - 1)

    def check(self, shown: str) -> None:
        cells = self.rows * self.cols
        if cells > MAX_SHEET_CELLS:
            msg = (
                f"a sheet of this spreadsheet ({self.part}, table {max(self.table, 1)}) reaches "
                f"row {self.rows:,} and column {self.cols:,}: {cells:,} cells, more than "
                f"iranmap reads ({MAX_SHEET_CELLS:,}); clear the cells far right or below the "
                "table (or repeated ones), or save the sheet as CSV UTF-8"
            )
            raise LimitError(shown, msg)


def _count(value: bytes | None) -> int:
    return int(value) if value and value.isdigit() and len(value) < 12 else 1


def _column(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number
