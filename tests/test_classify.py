"""Class breaks and colours: deterministic, over itemized values only, with clear errors."""

from __future__ import annotations

import re

import pytest

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
            "--breaks: custom classes need at least one break, found none; "
            "give e.g. --breaks 10,50,100",
        ),
        ([10, 5], "--breaks: breaks must be strictly ascending, found [10.0, 5.0]; sort them"),
        (
            [1, float("nan")],
            "--breaks: breaks must be finite numbers, found nan; give e.g. --breaks 10,50,100",
        ),
        (list(range(10)), "--breaks: at most 9 breaks are supported, found 10; give fewer breaks"),
    ],
)
def test_bad_breaks_are_input_errors(breaks: list[float], message: str) -> None:
    with pytest.raises(InputError, match=f"^{re.escape(message)}$"):
        check_breaks(breaks)


def test_bad_scheme_and_k_are_input_errors() -> None:
    with pytest.raises(
        InputError,
        match=re.escape(
            "--scheme: the classification scheme must be one of natural_breaks, quantiles, "
            "equal_interval, custom, found 'jenks'"
        ),
    ):
        classify(SEED, "jenks")  # type: ignore[arg-type]
    with pytest.raises(
        InputError,
        match=re.escape("--classes: the number of classes must be between 1 and 9, found 12"),
    ):
        classify(SEED, k=12)
