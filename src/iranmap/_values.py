"""Reading cells of the joined tables, where pandas' missing values mean "no figure".

Below both diff and render, which read the same cells.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd


def opt_int(value: Any) -> int | None:
    """An integer cell, or None for ``<NA>``/NaN/None."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    return int(value)


def opt_float(value: Any) -> float | None:
    """A finite float cell, or None for ``<NA>``/NaN/None/inf."""
    if value is None or value is pd.NA:
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def opt_str(value: Any) -> str | None:
    """A text cell, or None for a missing or empty one."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    text = str(value)
    return text or None
