"""Bytes of a report file -> text, refusing encodings other than UTF-8 with the bad line."""

from __future__ import annotations

import codecs
from pathlib import Path

from iranmap.errors import Problem
from iranmap.limits import MAX_FILE_BYTES, MAX_ROWS, MAX_TOML_BYTES, LimitError, check_size


def read_text(path: Path, problems: list[Problem], *, table: bool = False) -> str | None:
    """A file's text as UTF-8 (a BOM is dropped), or None with a problem naming the bad line.

    Refused unread when larger than :data:`iranmap.limits.MAX_FILE_BYTES`, or, for a
    ``table``, holding more lines than :data:`iranmap.limits.MAX_ROWS` rows and a header.
    """
    shown = str(path)
    try:
        check_file(path, MAX_TOML_BYTES if path.suffix == ".toml" else MAX_FILE_BYTES)
    except LimitError as exc:
        problems.append(exc.problem)
        return None
    data = path.read_bytes()
    if table and data.count(b"\n", 0, len(data) - 1) > MAX_ROWS:
        msg = (
            f"the file has more than {MAX_ROWS:,} lines, more rows than iranmap reads in one "
            "table; split the report into several (a series)"
        )
        problems.append(Problem(shown, None, msg))
        return None
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


def check_file(path: Path, limit: int = MAX_FILE_BYTES) -> None:
    """Refuse, before reading, a file of a report that is a symbolic link leading out of its
    folder (a report received could publish any file it links to), or that is no regular
    file (a pipe would never end), or larger than ``limit`` bytes."""
    if path.is_symlink():
        folder = path.parent.resolve()
        target = path.resolve()
        if folder not in target.parents:
            msg = (
                f"the file is a symbolic link to {str(target)!r}, outside the report folder; "
                "iranmap reads only files inside it: copy the file into the folder instead "
                "of linking it"
            )
            raise LimitError(str(path), msg)
    if path.exists() and not path.is_file():
        msg = "this is no regular file (a pipe or a device); put the file itself here"
        raise LimitError(str(path), msg)
    check_size(path, limit)
