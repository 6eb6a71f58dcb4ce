"""Everything the commands print goes through here: escaped, and warnings as ``warning:`` lines.

Report files are written by others, and what a terminal shows can be forged with their text:
an escape sequence in a title can clear the screen or recolour a line, a right-to-left
override can reverse a figure. So every character that is not text (C0 and C1 controls,
DEL, the bidirectional embeddings, overrides and isolates) is printed as ``\\uXXXX``, the
same escape JSON uses, so that JSON output stays valid JSON. Persian text itself, and the
marks U+200C-U+200F it needs, pass unchanged.

A Python warning never reaches the terminal as Python prints it (with a source line): the
command group prints it as ``warning: message``, and the library's own warnings are caught
where they arise and printed the same way.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

import click

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_KEEPING_NEWLINES = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: str, *, multiline: bool = False) -> str:
    """``text`` with every control and bidirectional-override character escaped.

    ``multiline``: keep line feeds (for output of several lines, such as indented JSON).
    """
    pattern = _UNSAFE_KEEPING_NEWLINES if multiline else _UNSAFE
    return pattern.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def echo(text: str = "", *, err: bool = False, nl: bool = True, multiline: bool = False) -> None:
    """Print one line (or, with ``multiline``, several), escaped."""
    click.echo(clean(text, multiline=multiline), err=err, nl=nl)


def echo_warning(message: str) -> None:
    """``warning: message`` on standard error."""
    echo(f"warning: {message}", err=True)


def echo_error(message: str) -> None:
    """``error: message`` on standard error, one line per line of ``message``."""
    for line in message.splitlines() or [""]:
        echo(f"error: {line}", err=True)


@contextmanager
def caught_warnings() -> Iterator[list[str]]:
    """Collect the Python warnings raised inside, as their messages, in order."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        messages: list[str] = []
        yield messages
    messages.extend(str(w.message) for w in caught)


def show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    """A replacement for :func:`warnings.showwarning`: the message alone, no source line."""
    echo_warning(str(message))


@contextmanager
def warnings_as_lines() -> Iterator[None]:
    """Inside, a warning that escapes every ``caught_warnings`` prints as ``warning: ...``."""
    with warnings.catch_warnings():
        warnings.showwarning = show_warning
        yield
