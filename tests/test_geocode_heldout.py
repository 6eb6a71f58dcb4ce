"""The shipped geocoder on names nobody writing its rules had read (tests/data/geocode/).

``heldout-names.csv`` was gathered from published execution and prison reports (Latin script in
eight languages, and Persian) before the naming rules of issue 20 were written; its header keeps
the score the geocoder had on it then. Each row is a prison or city cell (read with
:meth:`Geocoder.place`) or a province cell (:meth:`Geocoder.province`), name alone, with the
province it truly lies in. A wrong province is never acceptable; an unresolved name is. The
issue's target is 97% of Latin and 95% of Persian spellings in the right province.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from iranmap.gazetteer import load_gazetteer
from iranmap.geocode import Geocoder

HELDOUT = Path(__file__).resolve().parent / "data" / "geocode" / "heldout-names.csv"


def rows() -> list[dict[str, str]]:
    with HELDOUT.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


@pytest.fixture(scope="module")
def outcomes() -> dict[str, list[tuple[dict[str, str], str]]]:
    """Each row with its outcome ("right", "unresolved" or "wrong: ..."), by script."""
    geocoder = Geocoder(load_gazetteer())
    found: dict[str, list[tuple[dict[str, str], str]]] = {"latin": [], "persian": []}
    for row in rows():
        if row["column"] == "province":
            match = geocoder.province(row["name"])
        else:
            match = geocoder.place(row["name"])
        if match.status != "matched":
            outcome = "unresolved"
        elif match.province_iso != row["province_iso"]:
            outcome = f"wrong: {match.province_iso} ({match.prison or match.city})"
        else:
            outcome = "right"
        found[row["script"]].append((row, outcome))
    return found


def test_the_set_is_large_sourced_and_new() -> None:
    table = rows()
    assert len(table) >= 150
    assert sum(row["script"] == "persian" for row in table) >= 50
    assert {row["column"] for row in table} == {"place", "province"}
    assert all(row["url"].startswith("http") and row["organisation"] for row in table)
    eval_names = HELDOUT.with_name("eval-names.csv").read_text(encoding="utf-8")
    lines = [line for line in eval_names.splitlines() if not line.startswith("#")]
    old = {row["name"] for row in csv.DictReader(lines)}
    assert not {row["name"] for row in table} & old


def test_no_name_lands_in_a_wrong_province(
    outcomes: dict[str, list[tuple[dict[str, str], str]]],
) -> None:
    wrong = [
        (row["name"], outcome)
        for found in outcomes.values()
        for row, outcome in found
        if outcome.startswith("wrong")
    ]
    assert wrong == []


def share_right(found: list[tuple[dict[str, str], str]]) -> float:
    return sum(outcome == "right" for _, outcome in found) / len(found)


def test_persian_names_reach_the_target(
    outcomes: dict[str, list[tuple[dict[str, str], str]]],
) -> None:
    unresolved = [row["name"] for row, outcome in outcomes["persian"] if outcome != "right"]
    assert share_right(outcomes["persian"]) >= 0.95, unresolved


def test_latin_names_keep_their_measured_floor(
    outcomes: dict[str, list[tuple[dict[str, str], str]]],
) -> None:
    """94.7% (124 of 131) after this round's rules; before them 86.3%. What is left unresolved:
    county names (Mamasani, Delfan, Eyvan-e Gharb: the gazetteer has no counties, and placing
    a county at its seat would claim a town the report did not name), misspellings (Tarbiz,
    Yasui, Dizel-Amab) and a Turkish exonym (Senendej). None is guessed."""
    unresolved = [row["name"] for row, outcome in outcomes["latin"] if outcome != "right"]
    assert share_right(outcomes["latin"]) >= 0.94, unresolved


@pytest.mark.xfail(strict=True, reason="issue 20's target; 94.7% of Latin names so far")
def test_latin_names_reach_the_target(
    outcomes: dict[str, list[tuple[dict[str, str], str]]],
) -> None:
    assert share_right(outcomes["latin"]) >= 0.97
