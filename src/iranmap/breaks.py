"""Class breaks: Fisher-Jenks natural breaks, quantiles, equal intervals, user-defined.

Each function returns the upper bounds of the classes exactly as mapclassify 2.10 computes
them (``FisherJenks``, ``Quantiles``, ``EqualInterval``, ``UserDefined``), bit for bit, so
that the maps' classes stay what they were when mapclassify made them, without importing it
(and scipy and scikit-learn with it) on every build. ``tests/test_classify.py`` holds the
equality to mapclassify on random and real inputs; keep it passing when changing anything
here, floating-point order of operations included.

Only :mod:`iranmap.classify` imports this module, and only when it computes breaks: numpy
is slow to import and the command line's options need ``classify``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float64]


def fisher_jenks(values: Sequence[float], k: int) -> list[float]:
    """Natural breaks: the ``k`` classes of least within-class variance (Fisher's exact
    dynamic programme), deterministic.

    As mapclassify's, the sums run in single precision (float32) and, among partitions of
    equal variance, the one whose last class starts latest is chosen.
    ``values`` needs at least ``k`` distinct values.
    """
    data = np.sort(np.asarray(values, dtype=np.float64))
    if len(np.unique(data)) < k:
        msg = f"fewer distinct values ({len(np.unique(data))}) than classes ({k})"
        raise ValueError(msg)
    with np.errstate(all="ignore"):
        starts = _fisher_jenks_starts(data.astype(np.float32), k)
    return _fisher_jenks_bounds(data, starts, k)


def _fisher_jenks_starts(data: npt.NDArray[np.float32], k: int) -> npt.NDArray[np.int32]:
    """The table of where each optimal class starts (1-based), by last value and class count.

    ``starts[n, j]``: for the first ``n`` values cut into ``j`` classes, the position of the
    first value of the last class; ``cost[n, j]`` the variance sum of that partition.
    """
    n = len(data)
    starts = np.zeros((n + 1, k + 1), dtype=np.int32)
    cost = np.zeros((n + 1, k + 1), dtype=np.float32)
    starts[1, 1:] = 1
    cost[2:, 1:] = np.inf
    for last in range(2, n + 1):
        # The last class holding the m last values (m = 1..last): its variance sum, with
        # the sums accumulated one value at a time, in float32.
        tail = data[:last][::-1]
        sums = np.cumsum(tail, dtype=np.float32)
        squares = np.cumsum(tail * tail, dtype=np.float32)
        sizes = np.arange(1, last + 1, dtype=np.float32)
        variance = squares - (sums * sums) / sizes
        before = last - np.arange(1, last)  # values left for the other classes, m < last
        for j in range(2, k + 1):
            candidates = variance[: last - 1] + cost[before, j - 1]
            best = _last_minimum(candidates)
            if best is not None:
                cost[last, j] = candidates[best]
                starts[last, j] = last - best  # m = best + 1: the class starts at last - m + 1
        starts[last, 1] = 1
        cost[last, 1] = variance[-1]
    return starts


def _last_minimum(candidates: npt.NDArray[np.float32]) -> int | None:
    """Index of the last smallest candidate, NaN skipped (None when all are NaN).

    The scan keeps a candidate that is no worse than the best so far, so ties go to the last.
    """
    usable = ~np.isnan(candidates)
    if not usable.any():
        return None
    smallest = candidates[usable].min()
    return int(np.flatnonzero(candidates == smallest)[-1])


def _fisher_jenks_bounds(data: Floats, starts: npt.NDArray[np.int32], k: int) -> list[float]:
    bounds = np.zeros(k + 1, dtype=np.float64)
    bounds[k] = data[-1]
    bounds[0] = data[0]
    n = len(data)
    for count in range(k, 1, -1):
        start = int(starts[n, count])
        bounds[count - 1] = data[start - 2]  # the value before the class's first
        n = start - 1
    return [float(b) for b in bounds[1:]]


def quantiles(values: Sequence[float], k: int) -> list[float]:
    """Upper bounds at the 100/k, 200/k, ..., 100th percentiles, interpolated linearly
    between the two nearest ranks; bounds that coincide are merged."""
    data = np.sort(np.asarray(values, dtype=np.float64))
    step = 100.0 / k
    percents = np.arange(step, 100 + step, step)
    if percents[-1] > 100.0:
        percents[-1] = 100.0
    found = np.array([_percentile(data, float(p)) for p in percents])
    return [float(b) for b in np.unique(found)]


def _percentile(data: Floats, percent: float) -> float:
    position = percent / 100.0 * (len(data) - 1)
    below = int(position)
    if below == position:
        # Summed as a one-value array, as mapclassify's percentile does: -0.0 becomes 0.0.
        return float(np.add.reduce(data[below : below + 1]) / 1.0)
    above = below + 1
    weights = np.array([above - position, position - below], dtype=np.float64)
    total = np.add.reduce(data[below : above + 1] * weights)
    return float(total / weights.sum())


def equal_interval(values: Sequence[float], k: int) -> list[float]:
    """``k`` classes of equal width from the smallest to the largest value."""
    data = np.asarray(values, dtype=np.float64)
    low, high = data.min(), data.max()
    if low == high:
        msg = f"equal intervals need two distinct values, found only {float(low)!r}"
        raise ValueError(msg)
    width = (high - low) * 1.0 / k
    cuts = np.arange(low + width, high + width, width)
    if len(cuts) > k:
        cuts = cuts[:k]
    cuts[-1] = high
    return [float(b) for b in cuts]


def user_defined(values: Sequence[float], bounds: Sequence[float]) -> list[float]:
    """The user's upper bounds, closed by the largest value when it lies above the last."""
    largest = max(values)
    found = list(bounds)
    if found[-1] < largest:
        found.append(largest)
    return [float(b) for b in found]
