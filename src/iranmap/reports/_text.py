"""Texts of a report: the characters they may not hold, and how long they may be.

Refused, wherever a report gives text (report.toml's values, every cell of its tables):

* control characters (C0, DEL, C1; NUL among them), except tab and line breaks in notes:
  they are invisible, and some end a string early in the programs that read the downloads;
* bidirectional embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069): they
  reorder what a reader sees, so a name or a number could read as another;
* the zero-width space U+200B and the zero-width no-break space U+FEFF (a byte order mark
  inside a text): invisible, they make two equal names differ.

The zero-width non-joiner U+200C (and joiner U+200D) and the left-to-right and right-to-left
marks (U+200E, U+200F) are part of how Persian is written, and are accepted.
"""

from __future__ import annotations

import re
import unicodedata

#: The longest texts the maps lay out in their places (in characters).
MAX_TITLE = 200
MAX_LABEL = 80
MAX_NAME = 120

#: Columns of names (laid out in tooltips and tables) and of notes (which may run over lines).
NAME_COLUMNS = frozenset({"prison", "province", "city", "place", "name"})
NOTE_COLUMNS = frozenset({"note"})

_BIDI = "\u202a-\u202e\u2066-\u2069"
_ZERO_WIDTH = "\u200b\ufeff"
_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
_LINE_CONTROL = "\t\n\r"
#: Any character refused in a one-line text (names, titles, labels, counts).
REFUSED = re.compile(f"[{_CONTROL}{_LINE_CONTROL}{_BIDI}{_ZERO_WIDTH}]")
#: Any character refused in a text that may run over lines (notes, quotes).
REFUSED_IN_NOTES = re.compile(f"[{_CONTROL}{_BIDI}{_ZERO_WIDTH}]")

_NAMES = {
    0x00: "NULL",
    0x09: "CHARACTER TABULATION",
    0x0A: "LINE FEED",
    0x0D: "CARRIAGE RETURN",
    0x1B: "ESCAPE",
    0x7F: "DELETE",
    0x85: "NEXT LINE",
}


def character_name(char: str) -> str:
    """``U+202E RIGHT-TO-LEFT OVERRIDE``: a character as a user can look it up."""
    code = ord(char)
    name = unicodedata.name(char, "") or _NAMES.get(code, "CONTROL CHARACTER")
    return f"U+{code:04X} {name}"


def text_problem(what: str, value: str, *, notes: bool = False) -> str | None:
    """What is wrong with the characters of ``value`` (given as ``what``), or None."""
    found = (REFUSED_IN_NOTES if notes else REFUSED).search(value)
    if found is None:
        return None
    char = found.group()
    if char in "\t\n\r":
        why = "a text here is one line; write it on one line, without tabs"
    elif re.fullmatch(f"[{_BIDI}]", char):
        why = "it changes the order in which the text is shown; remove it"
    elif char in _ZERO_WIDTH:
        why = "it is invisible and makes equal texts differ; remove it"
    else:
        why = "a control character has no place in a text; remove it"
    return (
        f"{what} contains {character_name(char)} at character {found.start() + 1} "
        f"(in {shorten(value)!r}); {why}"
    )


def cell_problem(column: str, value: str) -> str | None:
    """What is wrong with the text of a table's cell in ``column``, or None."""
    wrong = text_problem(column, value, notes=column in NOTE_COLUMNS)
    if wrong is None and column in NAME_COLUMNS:
        wrong = length_problem(column, value, MAX_NAME, "in tooltips and tables")
    return wrong


def length_problem(what: str, value: str, limit: int, where: str) -> str | None:
    """A text longer than ``limit`` characters, with where the maps show it; or None."""
    if len(value) <= limit:
        return None
    return (
        f"{what} is {len(value):,} characters long, more than {limit}; "
        f"shorten it (the maps show it {where})"
    )


def shorten(value: str, keep: int = 40) -> str:
    """``value``, or its head and a count of what is left out when it is long."""
    if len(value) <= keep:
        return value
    return f"{value[:keep]}... ({len(value):,} characters)"
