"""Two reports of the render fixture (tests/mapfixture.py) for the change map's tests.

A is the seed's 2024 figures. B revises them: Ghezel Hesar +25 (Alborz 209 -> 234), Dastgerd
-21 (Isfahan), Tabriz +11 (East Azerbaijan), Vakilabad -2 (Razavi Khorasan), Adelabad and
Birjand unchanged (Fars, South Khorasan: 0), Qazvin no longer named, Bandar Abbas newly named
(Hormozgan), a total of 1,010. Periods are the same, so no caveat.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from iranmap.diff import Diff, compare
from iranmap.join import Joined
from mapfixture import PRISONS, make_joined

CHANGED = {"ghezel-hesar": 190, "dastgerd": 40, "tabriz-central": 70, "vakilabad": 31}
BANDAR_ABBAS = (
    "bandar-abbas-central",
    "Bandar Abbas Central Prison",
    "زندان مرکزی بندرعباس",
    "Bandar Abbas",
    "IR-22",
    12,
    "city",
)


def _identity(text: str) -> str:
    return text


def make_pair(taint: Callable[[str], str] = _identity) -> tuple[Joined, Joined]:
    a = make_joined(taint=taint)
    revised = [(*p[:5], CHANGED.get(p[0], p[5]), p[6]) for p in PRISONS if p[0] != "qazvin-central"]
    b = make_joined(prisons=[*revised, BANDAR_ABBAS], total=1010, taint=taint)
    report = dataclasses.replace(
        b.report, id="test-2024-revised", title=taint("Executions in Iran, 2024 (revised)")
    )
    return a, dataclasses.replace(b, report=report)


def make_diff(taint: Callable[[str], str] = _identity) -> Diff:
    a, b = make_pair(taint)
    result = compare(a, b)
    assert result.caveats == ()  # the pair is of one kind
    return result
