"""Single values of a report: counts, names, and the hints of messages about them."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from iranmap.reports._dates import latin_digits
from iranmap.reports._model import MAX_COUNT

_COUNT = re.compile(r"\d+")
_NEGATIVE = re.compile(r"-\s*\d+(?:[.,]\d*)?")
_DECIMAL = re.compile(r"\d*\.\d+|\d+\.\d*")


_THOUSANDS = re.compile(r"\d{1,3}([,.\u066c\u060c '\u2019\u00a0\u202f])\d{3}(?:\1\d{3})*")


def thousands(text: str) -> str | None:
    """The digits of a number written with a thousands separator (``1,000``, ``1.000``,
    ``۱٬۰۰۰``, ``1 000``), Latin, without it; None when ``text`` is not such a number."""
    latin = latin_digits(text.strip())
    if not _THOUSANDS.fullmatch(latin):
        return None
    return "".join(c for c in latin if c.isdigit())


def parse_count(value: str, column: str = "executions") -> tuple[int | None, str]:
    """A count from its text, or None and what is wrong with it and how to fix it."""
    if value == "":
        return (
            None,
            f"{column} is empty; write the number of executions (0 if the report says none)",
        )
    if _COUNT.fullmatch(value):
        # int() of thousands of digits raises; no count has more digits than MAX_COUNT
        digits = latin_digits(value).lstrip("0") or "0"
        if len(digits) > len(str(MAX_COUNT)) or int(digits) > MAX_COUNT:
            return None, too_many(column, value)
        return int(digits), ""
    if grouped := thousands(value):
        return None, f"{column} {value!r} is written with a thousands separator; write {grouped}"
    if _NEGATIVE.fullmatch(value):
        return None, f"{column} {value!r} is negative; a count of executions is 0 or more"
    if _DECIMAL.fullmatch(value):
        return (
            None,
            f"{column} {value!r} is not a whole number; write the count with digits only, e.g. 12",
        )
    return (
        None,
        f"{column} {value!r} is not a number; "
        "write the count with digits only, without separators or words, e.g. 1000",
    )


def too_many(what: str, value: object) -> str:
    """The message for a count above MAX_COUNT (``value`` as the file gives it)."""
    return (
        f"{what} {shown_value(value)} is more than {MAX_COUNT:,}, the most a report can count; "
        "write the count the report gives (a digit too many?)"
    )


def shown_value(value: object) -> str:
    """``repr(value)`` for a message, with the middle of a very long value left out.

    (Numbers come from tomllib, which refuses integers longer than ``int()`` takes.)
    """
    shown = repr(value)
    if len(shown) <= 60:
        return shown
    return f"{shown[:30]}...{shown[-10:]} ({len(shown):,} characters)"


def name_key(name: str) -> str:
    return " ".join(name.casefold().split())


def did_you_mean(word: str, allowed: Iterable[str]) -> str:
    close = difflib.get_close_matches(word.lower(), list(allowed), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""
