"""Class breaks and colours: deterministic, over itemized values only, with clear errors."""

from __future__ import annotations

import re
import struct
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from iranmap import breaks
from iranmap.classify import (
    NO_POPULATION_FILL,
    NOT_ITEMIZED_FILL,
    PALETTES,
    Classes,
    check_breaks,
    classify,
)
from iranmap.errors import InputError

# Province figures of the 2024 seed: Alborz 165 + 44, Fars, Isfahan, East Azerbaijan,
# Qazvin, Razavi Khorasan, South Khorasan.
SEED = [209, 97, 61, 59, 38, 33, 29]


def test_natural_breaks_are_fisher_jenks_and_stable() -> None:
    first = classify(SEED)
    assert first.bounds == (33.0, 38.0, 61.0, 97.0, 209.0)
    assert first.minimum == 29.0
    assert first.counts == (2, 1, 2, 1, 1)
    assert first.colors == PALETTES[5]
    assert all(classify(SEED) == first for _ in range(3))


def test_quantiles_and_equal_interval() -> None:
    quantiles = classify(SEED, "quantiles")
    assert quantiles.bounds == (34.0, 46.4, 60.2, 89.8, 209.0)
    assert sum(quantiles.counts) == len(SEED)
    equal = classify(SEED, "equal_interval")
    assert equal.bounds == (65.0, 101.0, 137.0, 173.0, 209.0)
    assert equal.counts == (5, 1, 0, 0, 1)


def test_custom_breaks_close_with_the_largest_value_and_start_at_zero() -> None:
    classes = classify(SEED, "custom", breaks=[50, 100])
    assert classes.bounds == (50.0, 100.0, 209.0)
    assert classes.minimum == 0.0
    assert classes.counts == (3, 3, 1)
    above = classify(SEED, "custom", breaks=[50, 100, 500])
    assert above.bounds == (50.0, 100.0, 500.0)


def test_fewer_distinct_values_than_classes_gives_one_class_each() -> None:
    classes = classify([5, 5, 7], k=5)
    assert classes.bounds == (5.0, 7.0)
    assert classes.distinct
    assert not classify(SEED).distinct
    assert classify([5, 5, 5]).colors == PALETTES[1]


def test_nothing_itemized_gives_no_classes() -> None:
    classes = classify([])
    assert classes == Classes("natural_breaks", 0.0, (), (), ())
    with pytest.raises(ValueError, match="no classes"):
        classes.index(3)


def test_index_and_colour_follow_upper_bounds() -> None:
    classes = classify(SEED)
    assert [classes.index(v) for v in (29, 33, 34, 38, 39, 97, 98, 209)] == [0, 0, 1, 1, 2, 3, 4, 4]
    assert classes.color(209) == "#bd0026"
    assert classes.ranges()[0] == (29.0, 33.0)


def test_not_itemized_colours_are_outside_every_palette() -> None:
    for k, colors in PALETTES.items():
        assert len(colors) == k == len(set(colors))
        assert NOT_ITEMIZED_FILL not in colors
        assert NO_POPULATION_FILL not in colors


@pytest.mark.parametrize(
    ("breaks", "message"),
    [
        (
            [],
            "breaks: custom classes need at least one break, found none; give e.g. 10,50,100",
        ),
        ([10, 5], "breaks: breaks must be strictly ascending, found [10.0, 5.0]; sort them"),
        (
            [1, float("nan")],
            "breaks: breaks must be finite numbers, found nan; give e.g. 10,50,100",
        ),
        (list(range(10)), "breaks: at most 9 breaks are supported, found 10; give fewer breaks"),
    ],
)
def test_bad_breaks_are_input_errors(breaks: list[float], message: str) -> None:
    with pytest.raises(InputError, match=f"^{re.escape(message)}$"):
        check_breaks(breaks)


def test_bad_scheme_and_k_are_input_errors() -> None:
    with pytest.raises(
        InputError,
        match=re.escape(
            "scheme: the classification scheme must be one of natural_breaks, quantiles, "
            "equal_interval, custom, found 'jenks'"
        ),
    ):
        classify(SEED, "jenks")  # type: ignore[arg-type]
    with pytest.raises(
        InputError,
        match=re.escape("k: the number of classes must be between 1 and 9, found 12"),
    ):
        classify(SEED, k=12)


# ---------------------------------------------------------------------------------------------
# The breaks are mapclassify's, bit for bit (mapclassify is only a test dependency).


def _reference(values: list[float], scheme: str, k: int, bounds: list[float]) -> list[float]:
    """What mapclassify 2.10 gives for the same values (its warnings silenced)."""
    mapclassify = pytest.importorskip("mapclassify")
    data = np.asarray(values, dtype=float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if scheme == "natural_breaks":
            found = mapclassify.FisherJenks(data, k=k)
        elif scheme == "quantiles":
            found = mapclassify.Quantiles(data, k=k)
        elif scheme == "equal_interval":
            found = mapclassify.EqualInterval(data, k=k)
        else:
            found = mapclassify.UserDefined(data, bins=list(bounds))
    return [float(b) for b in found.bins]


def _ours(values: list[float], scheme: str, k: int, bounds: list[float]) -> list[float]:
    if scheme == "natural_breaks":
        return breaks.fisher_jenks(values, k)
    if scheme == "quantiles":
        return breaks.quantiles(values, k)
    if scheme == "equal_interval":
        return breaks.equal_interval(values, k)
    return breaks.user_defined(values, bounds)


def _same_bits(ours: list[float], theirs: list[float]) -> bool:
    """Equal as floats and in sign (0.0 and -0.0 print differently)."""
    return [struct.pack("<d", v) for v in ours] == [struct.pack("<d", v) for v in theirs]


_counts = st.integers(min_value=0, max_value=10**7).map(float)
_rates = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
_tied = st.sampled_from([0.0, 1.0, 2.0, 3.0, 5.0, 7.5, 12.0, 12.25, 40.0, 0.1, 0.2, 0.3, 1e3])
_values = st.one_of(
    st.lists(_counts, min_size=1, max_size=200),
    st.lists(_rates, min_size=1, max_size=200),
    st.lists(_tied, min_size=1, max_size=200),
    st.lists(st.integers(min_value=0, max_value=12).map(float), min_size=1, max_size=200),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=_values, k=st.integers(min_value=1, max_value=9))
@example(values=[-1.0, -0.0, 1.0], k=2)  # a percentile on -0.0 is 0.0, as mapclassify has it
def test_quantiles_and_equal_intervals_equal_mapclassify(values: list[float], k: int) -> None:
    assert _same_bits(breaks.quantiles(values, k), _reference(values, "quantiles", k, []))
    assume(min(values) != max(values))
    ours = breaks.equal_interval(values, k)
    assert _same_bits(ours, _reference(values, "equal_interval", k, []))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    values=st.one_of(
        st.lists(_counts, min_size=1, max_size=60),
        st.lists(_rates, min_size=1, max_size=60),
        st.lists(_tied, min_size=1, max_size=60),
        st.lists(st.integers(min_value=0, max_value=12).map(float), min_size=1, max_size=200),
    ),
    k=st.integers(min_value=1, max_value=9),
)
def test_fisher_jenks_equals_mapclassify(values: list[float], k: int) -> None:
    assume(len(set(values)) >= k)
    ours = breaks.fisher_jenks(values, k)
    assert _same_bits(ours, _reference(values, "natural_breaks", k, []))


@settings(max_examples=5, deadline=None)
@given(
    values=st.lists(_counts, min_size=150, max_size=200), k=st.integers(min_value=2, max_value=9)
)
def test_fisher_jenks_equals_mapclassify_on_long_inputs(values: list[float], k: int) -> None:
    assume(len(set(values)) >= k)
    assert _same_bits(breaks.fisher_jenks(values, k), _reference(values, "natural_breaks", k, []))


@settings(max_examples=150, deadline=None)
@given(
    values=_values,
    bounds=st.lists(st.one_of(_counts, _rates), min_size=1, max_size=9, unique=True).map(sorted),
)
def test_user_defined_equals_mapclassify(values: list[float], bounds: list[float]) -> None:
    ours = breaks.user_defined(values, bounds)
    assert _same_bits(ours, _reference(values, "custom", 0, bounds))


def test_fisher_jenks_needs_as_many_distinct_values_as_classes() -> None:
    with pytest.raises(ValueError, match=r"^fewer distinct values \(2\) than classes \(3\)$"):
        breaks.fisher_jenks([1, 1, 2], 3)


def _shipped_figures() -> list[list[float]]:
    """The counts and rates the shipped reports' choropleths classify, and their prisons'."""
    from iranmap.join import join_folder
    from iranmap.paths import reports_dir
    from iranmap.reports import find_reports

    found = []
    for folder in find_reports(reports_dir()):
        joined = join_folder(folder)
        if joined.report.totals_only:  # a total alone draws no map, so classifies nothing
            continue
        provinces = joined.provinces.to_dict("records")
        itemized = [p for p in provinces if not pd.isna(p["executions"])]
        found.append([float(p["executions"]) for p in itemized])
        found.append([round(float(p["per_million"]), 1) for p in itemized])
        found.append([float(v) for v in joined.prisons["executions"].dropna()])
    return found


def test_shipped_reports_get_mapclassify_breaks_for_every_scheme_and_k() -> None:
    figures = _shipped_figures()
    assert len(figures) == 27  # 9 shipped reports with maps: counts, rates, prisons
    for values in figures:
        if not values:  # a report of province figures only has no prison to classify
            continue
        for k in range(1, 10):
            for scheme in ("natural_breaks", "quantiles", "equal_interval"):
                if scheme == "natural_breaks" and len(set(values)) < k:
                    continue
                if scheme == "equal_interval" and len(set(values)) < 2:
                    continue
                theirs = _reference(values, scheme, k, [])
                assert _same_bits(_ours(values, scheme, k, []), theirs), (values, scheme, k)
            custom = [10.0 * k, 50.0 * k]
            assert _ours(values, "custom", k, custom) == _reference(values, "custom", k, custom)
