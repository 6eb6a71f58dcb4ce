"""The shipped geocoder on names as human-rights reports print them (tests/data/geocode/).

Each row of ``eval-names.csv`` is a prison or place name copied exactly from a published
execution report (Hengaw, HRANA, IHRNGO, KHRN, NCRI and others, Latin and Persian script), with
the province the prison is in and the page it was read on. The geocoder must place at least 97%
of the Latin and 95% of the Persian spellings in the right province, and none in a wrong one:
a name it cannot place is acceptable, a wrong place is not.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from iranmap.gazetteer import load_gazetteer
from iranmap.geocode import Geocoder

EVAL = Path(__file__).resolve().parent / "data" / "geocode" / "eval-names.csv"


def rows() -> list[dict[str, str]]:
    with EVAL.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


@pytest.fixture(scope="module")
def outcomes() -> dict[str, list[tuple[dict[str, str], str]]]:
    """Each row with its outcome ("right", "unplaced" or "wrong: ..."), by script."""
    geocoder = Geocoder(load_gazetteer())
    found: dict[str, list[tuple[dict[str, str], str]]] = {"latin": [], "persian": []}
    for row in rows():
        match = geocoder.place(row["name"])
        if match.status != "matched":
            outcome = "unplaced"
        elif match.province_iso != row["province_iso"]:
            outcome = f"wrong: {match.province_iso} ({match.prison or match.city})"
        elif row["prison_id"] and match.kind == "prison" and match.prison_id != row["prison_id"]:
            outcome = f"wrong: prison {match.prison_id}"
        else:
            outcome = "right"
        found[row["script"]].append((row, outcome))
    return found


def test_the_set_is_large_and_sourced() -> None:
    table = rows()
    assert len(table) >= 150
    assert sum(row["script"] == "persian" for row in table) >= 40
    assert all(row["url"].startswith("http") and row["organisation"] for row in table)
    assert {row["script"] for row in table} == {"latin", "persian"}


def test_no_name_lands_in_a_wrong_place(
    outcomes: dict[str, list[tuple[dict[str, str], str]]],
) -> None:
    wrong = [
        (row["name"], outcome)
        for found in outcomes.values()
        for row, outcome in found
        if outcome.startswith("wrong")
    ]
    assert wrong == []


@pytest.mark.parametrize(("script", "floor"), [("latin", 0.97), ("persian", 0.95)])
def test_most_names_land_in_the_right_province(
    outcomes: dict[str, list[tuple[dict[str, str], str]]], script: str, floor: float
) -> None:
    found = outcomes[script]
    right = sum(outcome == "right" for _, outcome in found)
    unplaced = [row["name"] for row, outcome in found if outcome == "unplaced"]
    assert right / len(found) >= floor, unplaced
