"""Comparing two joined reports: figures, "not itemized" kept apart from 0, totals, caveats."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from fake_world import GAZETTEER, MANIFEST, polygons, write_report
from iranmap.diff import Change, Diff, compare, period_days
from iranmap.join import Joined, join
from iranmap.reports import load_report

A_PRISONS = "prison,executions\nQezelhessar,20\nCentral Karaj,5\nShiraz,7\nEvin,3\n"
B_PRISONS = "prison,executions\nGhezel Hesar,26\nCentral Karaj,5\nQarchak,0\n"


def joined(folder: Path) -> Joined:
    return join(load_report(folder), GAZETTEER, polygons())


def manifest(start: str, end: str, total: int = 100) -> str:
    text = MANIFEST.format(total=total)
    return text.replace("start = 2024-01-01", f"start = {start}").replace(
        "end = 2024-12-31", f"end = {end}"
    )


@pytest.fixture
def pair(tmp_path: Path) -> Diff:
    a = joined(write_report(tmp_path / "a", A_PRISONS, total=50))
    b = joined(write_report(tmp_path / "b", B_PRISONS, total=40))
    return compare(a, b)


def by_key(changes: tuple[Change, ...]) -> dict[str, Change]:
    return {c.key: c for c in changes}


def test_every_province_is_compared_in_iso_order(pair: Diff) -> None:
    assert [c.key for c in pair.provinces] == ["IR-07", "IR-23", "IR-30"]
    assert [(c.key, c.a, c.b, c.difference, c.status) for c in pair.provinces] == [
        ("IR-07", 7, None, None, "no_longer_itemized"),
        ("IR-23", 3, 0, -3, "changed"),
        ("IR-30", 25, 31, 6, "changed"),
    ]


def test_prisons_are_matched_by_place_across_spellings(pair: Diff) -> None:
    ghezel = by_key(pair.prisons)["ghezel-hesar"]
    assert (ghezel.name_en, ghezel.a, ghezel.b, ghezel.difference) == (
        "Ghezel Hesar Prison",
        20,
        26,
        6,
    )
    assert (ghezel.source_a, ghezel.source_b) == ("prisons.csv:2", "prisons.csv:2")


def test_prisons_are_sorted_by_province_then_name(pair: Diff) -> None:
    assert [(c.province_iso, c.name_en) for c in pair.prisons] == [
        ("IR-07", "Shiraz"),  # the report names the town (issue 20)
        ("IR-23", "Evin Prison"),
        ("IR-23", "Qarchak Prison"),
        ("IR-30", "Ghezel Hesar Prison"),
        ("IR-30", "Karaj Central Prison"),
    ]


def test_a_figure_in_one_report_only_is_newly_or_no_longer_itemized_not_a_difference(
    pair: Diff,
) -> None:
    prisons = by_key(pair.prisons)
    # Qarchak: not named in A, 0 in B. Zero is a figure; "not named" is not zero.
    assert prisons["qarchak"].a is None
    assert prisons["qarchak"].b == 0
    assert prisons["qarchak"].difference is None
    assert prisons["qarchak"].status == "newly_itemized"
    assert prisons["qarchak"].differs
    assert prisons["evin"].status == "no_longer_itemized"
    assert prisons["evin"].source_a == "prisons.csv:5"
    assert prisons["evin"].source_b == ""


def test_unchanged_rows_are_not_among_the_changes(pair: Diff) -> None:
    karaj = by_key(pair.prisons)["karaj-central"]
    assert karaj.status == "unchanged"
    assert karaj.difference == 0
    assert not karaj.differs
    assert [c.key for c in pair.changed_prisons] == [
        "city:IR-07:shiraz",
        "evin",
        "qarchak",
        "ghezel-hesar",
    ]


def test_a_province_in_neither_report_is_not_itemized_and_does_not_differ(
    tmp_path: Path,
) -> None:
    a = joined(write_report(tmp_path / "a", "prison,executions\nShiraz,7\n"))
    b = joined(write_report(tmp_path / "b", "prison,executions\nShiraz,9\n"))
    tehran = by_key(compare(a, b).provinces)["IR-23"]
    assert (tehran.a, tehran.b, tehran.difference, tehran.status) == (
        None,
        None,
        None,
        "not_itemized",
    )
    assert not tehran.differs


def test_totals_compare_both_reconciliations(pair: Diff) -> None:
    assert [(t.name, t.a, t.b, t.difference) for t in pair.totals] == [
        ("reported_total", 50, 40, -10),
        ("itemized_by_prison", 35, 31, -4),
        ("itemized_by_province", 35, 31, -4),
        ("not_itemized", 15, 9, -6),
    ]
    for side in (pair.a, pair.b):
        rec = side.reconciliation
        assert rec.reported_total == rec.itemized_by_province + rec.not_itemized
    assert not pair.same


def test_the_same_figures_are_the_same_even_when_titles_differ(tmp_path: Path) -> None:
    a = joined(write_report(tmp_path / "a", A_PRISONS, total=50))
    other = MANIFEST.format(total=50).replace("Test report", "Another title")
    b = joined(write_report(tmp_path / "b", A_PRISONS, manifest=other))
    result = compare(a, b)
    assert result.same
    assert result.changed_provinces == ()
    assert result.changed_prisons == ()
    assert result.changed_totals == ()


def test_a_change_of_total_alone_is_a_difference(tmp_path: Path) -> None:
    a = joined(write_report(tmp_path / "a", A_PRISONS, total=50))
    b = joined(write_report(tmp_path / "b", A_PRISONS, total=60))
    result = compare(a, b)
    assert result.changed_provinces == ()
    assert [t.name for t in result.changed_totals] == ["reported_total", "not_itemized"]
    assert not result.same


def test_province_figures_of_provinces_csv_are_compared(tmp_path: Path) -> None:
    a = joined(write_report(tmp_path / "a", "prison,executions\nShiraz,7\n"))
    b = joined(
        write_report(
            tmp_path / "b",
            "prison,executions\nShiraz,7\n",
            provinces="province,executions\nFars,12\n",
        )
    )
    fars = by_key(compare(a, b).provinces)["IR-07"]
    assert (fars.a, fars.b, fars.difference) == (7, 12, 5)
    assert (fars.source_a, fars.source_b) == ("prisons.csv:2", "provinces.csv:2")


def test_to_dict_is_json_with_only_the_rows_that_differ(pair: Diff) -> None:
    data = json.loads(json.dumps(pair.to_dict()))
    assert data["same"] is False
    assert data["a"]["report"] == "a"
    assert data["a"]["period_start"] == "2024-01-01"
    assert data["a"]["reconciliation"]["not_itemized"] == 15
    assert data["totals"]["reported_total"] == {"a": 50, "b": 40, "difference": -10}
    assert data["provinces"][0] == {
        "iso": "IR-07",
        "name_en": "Fars",
        "name_fa": "فارس",
        "a": 7,
        "b": None,
        "difference": None,
        "status": "no_longer_itemized",
        "source_a": "prisons.csv:4",
        "source_b": "",
    }
    assert [p["place_id"] for p in data["prisons"]] == [
        "city:IR-07:shiraz",
        "evin",
        "qarchak",
        "ghezel-hesar",
    ]
    assert data["prisons"][2]["province_iso"] == "IR-23"
    assert data["caveats"] == []


# ---------------------------------------------------------------------------------------------
# caveats: warnings, not errors


def test_periods_of_different_lengths_warn(tmp_path: Path) -> None:
    a = joined(
        write_report(tmp_path / "a", A_PRISONS, manifest=manifest("2024-01-01", "2024-12-31"))
    )
    b = joined(
        write_report(tmp_path / "b", A_PRISONS, manifest=manifest("2025-01-01", "2025-01-07"))
    )
    message = (
        "A covers 366 days (2024-01-01..2024-12-31) and B 7 days (2025-01-01..2025-01-07): "
        "a difference between periods of different lengths is not a change over time; "
        "compare reports of periods of the same length"
    )
    result = compare(a, b)  # and no Python warning: pytest would turn it into an error
    assert [(c.code, c.message) for c in result.caveats] == [("period_length", message)]
    assert (period_days(a), period_days(b)) == (366, 7)


def test_months_of_28_and_31_days_are_the_same_kind(tmp_path: Path) -> None:
    a = joined(
        write_report(tmp_path / "a", A_PRISONS, manifest=manifest("2025-01-01", "2025-01-31"))
    )
    b = joined(
        write_report(tmp_path / "b", A_PRISONS, manifest=manifest("2025-02-01", "2025-02-28"))
    )
    assert compare(a, b).caveats == ()  # and no warning (pytest turns warnings into errors)


def test_b_older_than_a_warns(tmp_path: Path) -> None:
    a = joined(
        write_report(tmp_path / "a", A_PRISONS, manifest=manifest("2025-01-01", "2025-12-31"))
    )
    b = joined(
        write_report(tmp_path / "b", A_PRISONS, manifest=manifest("2024-01-01", "2024-12-31"))
    )
    result = compare(a, b)
    assert [c.code for c in result.caveats] == ["period_order"]
    assert result.caveats[0].message.startswith("B's period (2024-01-01..2024-12-31) ends before")


def test_a_report_without_prisons_warns(tmp_path: Path) -> None:
    a = joined(write_report(tmp_path / "a", A_PRISONS, total=50))
    b = joined(
        write_report(tmp_path / "b", None, total=50, provinces="province,executions\nFars,9\n")
    )
    result = compare(a, b)
    assert [c.message for c in result.caveats] == [
        "B itemizes no prison, so every prison of A shows as no longer itemized; "
        "compare the provinces"
    ]
    assert [(c.code, c.which) for c in result.caveats] == [("no_prisons", "b")]
    assert {c.status for c in result.prisons} == {"no_longer_itemized"}
    assert (
        compare(b, a)
        .caveats[0]
        .message.startswith("A itemizes no prison, so every prison of B shows as newly")
    )


# ---------------------------------------------------------------------------------------------
# the shipped reports


def test_shipped_reports_2024_against_1_january_2025() -> None:
    from iranmap.api import load
    from iranmap.paths import reports_dir

    a, b = load(reports_dir() / "2024-ncri"), load(reports_dir() / "2025-01-01-ncri")
    result = compare(a, b)
    assert re.match(r"^A covers 366 days .* and B 1 day \(2025-01-01\)", result.caveats[0].message)
    # B itemizes its whole total (12 of 12): every province it does not list had none
    # reported, a figure of 0 (issue 20), so A's provinces are compared with it.
    changed = {c.key: (c.a, c.b, c.status) for c in result.changed_provinces}
    assert len(changed) == 31
    assert changed["IR-07"] == (97, 0, "changed")
    assert changed["IR-10"] == (61, 0, "changed")
    assert changed["IR-13"] == (None, 1, "newly_itemized")
    assert changed["IR-22"] == (None, 5, "newly_itemized")
    assert changed["IR-23"] == (None, 0, "newly_itemized")
    assert changed["IR-30"] == (209, 5, "changed")
    alborz = by_key(result.provinces)["IR-30"]
    assert alborz.difference == -204
    assert alborz.source_a == "prisons.csv:2, 6"
    assert len(result.provinces) == 31
    assert sum(1 for c in result.provinces if c.status == "not_itemized") == 0
    assert [(t.a, t.b) for t in result.totals] == [(1000, 12), (526, 12), (526, 12), (474, 0)]
