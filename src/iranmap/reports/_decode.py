"""Bytes of a report file -> text, refusing encodings other than UTF-8 with the bad line."""

from __future__ import annotations

import codecs
from pathlib import Path

from iranmap.errors import Problem


def read_text(path: Path, problems: list[Problem]) -> str | None:
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
