"""Single values of a report: counts, names, and the hints of messages about them."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

_COUNT = re.compile(r"\d+")
_NEGATIVE = re.compile(r"-\s*\d+(?:[.,]\d*)?")
_DECIMAL = re.compile(r"\d*\.\d+|\d+\.\d*")


def parse_count(value: str, column: str = "executions") -> tuple[int | None, str]:
    """A count from its text, or None and what is wrong with it and how to fix it."""
    if value == "":
        return (
            None,
            f"{column} is empty; write the number of executions (0 if the report says none)",
        )
    if _COUNT.fullmatch(value):
        return int(value), ""
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


def name_key(name: str) -> str:
    return " ".join(name.casefold().split())


def did_you_mean(word: str, allowed: Iterable[str]) -> str:
    close = difflib.get_close_matches(word.lower(), list(allowed), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""
