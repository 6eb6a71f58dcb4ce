"""Reading cells of the joined tables, where a missing value (None, NaN, or pandas' ``<NA>``
in a DataFrame's rows) means "no figure".

Below both diff and render, which read the same cells. The joined tables' rows are made
without pandas, so pandas is not imported here: a value can be pandas' ``<NA>`` only where
pandas was imported already.
"""

from __future__ import annotations

import math
import sys
from typing import Any


def opt_missing(value: Any) -> bool:
    """Whether a cell holds no value: None, NaN, or pandas' ``<NA>``."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    pandas = sys.modules.get("pandas")
    return pandas is not None and value is getattr(pandas, "NA", None)


def opt_int(value: Any) -> int | None:
    """An integer cell, or None for ``<NA>``/NaN/None."""
    return None if opt_missing(value) else int(value)


def opt_float(value: Any) -> float | None:
    """A finite float cell, or None for ``<NA>``/NaN/None/inf."""
    if opt_missing(value):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def opt_str(value: Any) -> str | None:
    """A text cell, or None for a missing or empty one."""
    if opt_missing(value):
        return None
    text = str(value)
    return text or None
