"""Class breaks and colours for the choropleth.

Breaks (:mod:`iranmap.breaks`, equal to mapclassify's) are computed over itemized provinces
only: a province the report gives no figure for is *not itemized*, a state of its own with
its own swatch, never a value of zero. The palette is ColorBrewer's YlOrRd (sequential,
colour-blind safe); the not-itemized grey is hatched on the map and lies outside it.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from iranmap import style
from iranmap.errors import InputError, Problem

Scheme = Literal["natural_breaks", "quantiles", "equal_interval", "custom"]
SCHEMES: tuple[Scheme, ...] = ("natural_breaks", "quantiles", "equal_interval", "custom")
MAX_CLASSES = 9

# The palettes and fills live in iranmap.style; these names stay for the modules using them.
PALETTES = style.PALETTES
NOT_ITEMIZED_FILL = style.NOT_ITEMIZED_FILL
NOT_ITEMIZED_HATCH = style.NOT_ITEMIZED_HATCH
NO_POPULATION_FILL = style.NO_POPULATION_FILL


@dataclass(frozen=True)
class Classes:
    """Classes over a set of values: class ``i`` holds values in ``(bounds[i-1], bounds[i]]``.

    The first class starts at ``minimum`` (inclusive). ``counts`` says how many of the
    classified values fall in each class (a custom break can leave a class empty).
    ``distinct``: there were no more distinct values than classes, so each class holds one
    value (its bound) and a legend names that value rather than a range.
    """

    scheme: Scheme
    minimum: float
    bounds: tuple[float, ...]
    colors: tuple[str, ...]
    counts: tuple[int, ...]
    distinct: bool = False

    @property
    def k(self) -> int:
        """Number of classes (0 when nothing was classified)."""
        return len(self.bounds)

    def index(self, value: float) -> int:
        """The class of ``value``; values above the last bound go to the last class."""
        if not self.bounds:
            msg = "no classes: nothing was itemized"
            raise ValueError(msg)
        return min(bisect.bisect_left(self.bounds, value), len(self.bounds) - 1)

    def color(self, value: float) -> str:
        """The fill colour of ``value``."""
        return self.colors[self.index(value)]

    def ranges(self) -> tuple[tuple[float, float], ...]:
        """(low, high) of each class, as a legend shows them."""
        if not self.bounds:
            return ()
        lows = (self.minimum, *self.bounds[:-1])
        return tuple(zip(lows, self.bounds, strict=True))


def _option_error(setting: str, message: str) -> InputError:
    """An error in a setting, named as the library names it (the CLI names its flag)."""
    return InputError(Problem(setting, None, message))


def check_breaks(breaks: Sequence[float]) -> tuple[float, ...]:
    """Custom breaks as a strictly ascending tuple of finite numbers, or an InputError."""
    values = tuple(float(b) for b in breaks)
    if not values:
        msg = "custom classes need at least one break, found none; give e.g. 10,50,100"
        raise _option_error("breaks", msg)
    if len(values) > MAX_CLASSES:
        msg = f"at most {MAX_CLASSES} breaks are supported, found {len(values)}; give fewer breaks"
        raise _option_error("breaks", msg)
    bad = [b for b in values if not math.isfinite(b)]
    if bad:
        msg = f"breaks must be finite numbers, found {bad[0]!r}; give e.g. 10,50,100"
        raise _option_error("breaks", msg)
    if any(b >= c for b, c in itertools.pairwise(values)):
        msg = f"breaks must be strictly ascending, found {list(values)!r}; sort them"
        raise _option_error("breaks", msg)
    return values


def check_k(k: int) -> int:
    """The number of classes, 1 to 9, or an InputError."""
    if not 1 <= k <= MAX_CLASSES:
        msg = f"the number of classes must be between 1 and {MAX_CLASSES}, found {k!r}"
        raise _option_error("k", msg)
    return k


def _bins(values: list[float], scheme: Scheme, k: int, breaks: tuple[float, ...]) -> list[float]:
    # Imported here: numpy is slow to import, and the command line's options need this module.
    from iranmap import breaks as compute

    if scheme == "natural_breaks":
        # Fisher-Jenks is the exact, deterministic form of natural breaks.
        return compute.fisher_jenks(values, k)
    if scheme == "quantiles":
        return compute.quantiles(values, k)
    if scheme == "equal_interval":
        return compute.equal_interval(values, k)
    return compute.user_defined(values, breaks)


def classify(
    values: Sequence[float],
    scheme: Scheme = "natural_breaks",
    k: int = 5,
    breaks: Sequence[float] | None = None,
) -> Classes:
    """Classes for ``values`` (itemized figures only: no NaN, no not-itemized zeros).

    Fewer distinct values than ``k`` give as many classes as there are values; quantile
    breaks that coincide are merged. ``breaks`` (scheme "custom") are upper bounds; the
    largest value closes the last class when it lies above them.
    """
    if scheme not in SCHEMES:
        msg = f"the classification scheme must be one of {', '.join(SCHEMES)}, found {scheme!r}"
        raise _option_error("scheme", msg)
    check_k(k)
    custom = check_breaks(breaks or ()) if scheme == "custom" else ()
    data = sorted(float(v) for v in values)
    if not all(math.isfinite(v) for v in data):
        msg = f"cannot classify non-finite values: {data!r}"
        raise ValueError(msg)
    if not data:
        return Classes(scheme, 0.0, (), (), ())
    distinct = sorted(set(data))
    one_each = scheme != "custom" and len(distinct) <= k
    if one_each:
        bounds = tuple(distinct)
    else:
        bounds = tuple(sorted({round(b, 6) for b in _bins(data, scheme, k, custom)}))
    # Custom classes are the user's: the first one starts at zero, whatever the data.
    minimum = min(0.0, data[0]) if scheme == "custom" else data[0]
    colors = PALETTES[len(bounds)]
    return Classes(scheme, minimum, bounds, colors, _counts(data, bounds), one_each)


def _counts(data: list[float], bounds: tuple[float, ...]) -> tuple[int, ...]:
    counts = [0] * len(bounds)
    for value in data:
        counts[min(bisect.bisect_left(bounds, value), len(bounds) - 1)] += 1
    return tuple(counts)
