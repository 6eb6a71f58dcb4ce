"""``iranmap diff``: the rows that differ, exit codes as diff(1), --json, --compare."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner, Result

import iranmap.join
from fake_world import GAZETTEER, MANIFEST, polygons, write_report
from iranmap.cli import main

A_PRISONS = "prison,executions\nQezelhessar,20\nCentral Karaj,5\nShiraz,7\nEvin,3\n"
B_PRISONS = "prison,executions\nGhezel Hesar,26\nCentral Karaj,5\nQarchak,0\n"


@pytest.fixture(autouse=True)
def fake_world(monkeypatch: pytest.MonkeyPatch) -> None:
    """Join against the made-up world of fake_world.py instead of the shipped geodata."""
    monkeypatch.setattr(iranmap.join, "_default_gazetteer", lambda: GAZETTEER)
    monkeypatch.setattr(iranmap.join, "_default_provinces", polygons)


@pytest.fixture
def a(tmp_path: Path) -> Path:
    return write_report(tmp_path / "a", A_PRISONS, total=50)


@pytest.fixture
def b(tmp_path: Path) -> Path:
    return write_report(tmp_path / "b", B_PRISONS, total=40)


def diff(*args: object) -> Result:
    return CliRunner().invoke(main, ["diff", *(str(a) for a in args)])


def test_prints_the_rows_that_differ_and_the_totals_and_exits_1(a: Path, b: Path) -> None:
    result = diff(a, b)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "A  a: Test report",
        "B  b: Test report",
        "province                               A             B  B - A",
        "IR-07  Fars                            7  not itemized  no longer itemized",
        "IR-23  Tehran                          3             0  -3",
        "IR-30  Alborz                         25            31  +6",
        "prison                                 A             B  B - A",
        "IR-07  Shiraz                          7  not itemized  no longer itemized",
        "IR-23  Evin Prison                     3  not itemized  no longer itemized",
        "IR-23  Qarchak Prison       not itemized             0  newly itemized",
        "IR-30  Ghezel Hesar Prison            20            26  +6",
        "total                                  A             B  B - A",
        "reported                              50            40  -10",
        "by prison                             35            31  -4",
        "by province                           35            31  -4",
        "not itemized                          15             9  -6",
    ]
    assert result.stderr == ""


def test_same_figures_exit_0_with_the_totals_only(a: Path, tmp_path: Path) -> None:
    other = write_report(tmp_path / "same", A_PRISONS, total=50)
    result = diff(a, other)
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "A  a: Test report",
        "B  same: Test report",
        "no province or prison figure differs",
        "total          A   B  B - A",
        "reported      50  50  0",
        "by prison     35  35  0",
        "by province   35  35  0",
        "not itemized  15  15  0",
    ]


def test_a_changed_total_alone_exits_1(a: Path, tmp_path: Path) -> None:
    other = write_report(tmp_path / "more", A_PRISONS, total=55)
    result = diff(a, other)
    assert result.exit_code == 1
    assert "no province or prison figure differs" in result.stdout
    assert "reported      50  55  +5" in result.stdout.splitlines()


def test_invalid_reports_exit_2_naming_every_problem_of_both(tmp_path: Path) -> None:
    bad = write_report(tmp_path / "bad", "prison,executions\nShiraz,many\n")
    missing = tmp_path / "missing"
    result = diff(bad, missing)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"error: {bad / 'prisons.csv'}:2: executions 'many' is not a number; write the count "
        "with digits only, without separators or words, e.g. 1000",
        f"error: {missing}: no such folder; give the path of a report folder, "
        "the one holding report.toml",
    ]


def test_a_name_that_lands_nowhere_exits_2(a: Path, tmp_path: Path) -> None:
    lost = write_report(tmp_path / "lost", "prison,executions\nAtlantis Prison,4\n")
    result = diff(a, lost)
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"error: {lost / 'prisons.csv'}:2: prison 'Atlantis Prison' is not a prison or city "
        "the gazetteer knows"
    )


def test_usage_errors_exit_2_too(a: Path) -> None:
    result = diff(a)
    assert result.exit_code == 2
    assert "Missing argument 'REPORT_B'" in result.stderr


def test_json_is_one_object_with_the_rows_that_differ(a: Path, b: Path) -> None:
    result = diff(a, b, "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert list(data) == ["a", "b", "same", "totals", "provinces", "prisons", "caveats"]
    assert data["same"] is False
    assert data["a"]["report"] == "a"
    assert data["b"]["reconciliation"]["reported_total"] == 40
    assert data["totals"]["not_itemized"] == {"a": 15, "b": 9, "difference": -6}
    assert [(p["iso"], p["a"], p["b"], p["status"]) for p in data["provinces"]] == [
        ("IR-07", 7, None, "no_longer_itemized"),
        ("IR-23", 3, 0, "changed"),
        ("IR-30", 25, 31, "changed"),
    ]
    assert data["prisons"][2] == {
        "place_id": "qarchak",
        "province_iso": "IR-23",
        "name_en": "Qarchak Prison",
        "name_fa": "",
        "a": None,
        "b": 0,
        "difference": None,
        "status": "newly_itemized",
        "source_a": "",
        "source_b": "prisons.csv:4",
    }


def test_caveats_warn_on_stderr_without_changing_the_exit_code(a: Path, tmp_path: Path) -> None:
    week = MANIFEST.format(total=50).replace("2024-12-31", "2024-01-07")
    other = write_report(tmp_path / "week", A_PRISONS, manifest=week)
    result = diff(a, other)
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "warning: A covers 366 days (2024-01-01..2024-12-31) and B 7 days "
        "(2024-01-01..2024-01-07): a difference between periods of different lengths is not "
        "a change over time; compare reports of periods of the same length"
    ]
    data = json.loads(diff(a, other, "--json").stdout)
    assert [c["code"] for c in data["caveats"]] == ["period_length"]


def test_compare_writes_a_change_map_atomically_and_the_same_bytes_twice(
    a: Path, b: Path, tmp_path: Path
) -> None:
    out = tmp_path / "maps" / "change.html"
    result = diff(a, b, "--compare", out)
    assert result.exit_code == 1
    assert result.stderr == f"wrote {out}\n"
    assert result.stdout.startswith("A  a: Test report\n")
    first = out.read_bytes()
    page = BeautifulSoup(first.decode("utf-8"), "lxml")
    assert page.h1 is not None
    assert page.h1.get_text() == "Test report → Test report"
    assert sorted(p.name for p in out.parent.iterdir()) == ["change.html"]  # no temporary left
    assert diff(a, b, "--compare", out).exit_code == 1
    assert out.read_bytes() == first


def test_compare_in_persian(a: Path, b: Path, tmp_path: Path) -> None:
    out = tmp_path / "change.fa.html"
    assert diff(a, b, "--compare", out, "--lang", "fa").exit_code == 1
    page = BeautifulSoup(out.read_text(encoding="utf-8"), "lxml")
    assert page.html is not None
    assert (page.html["lang"], page.html["dir"]) == ("fa", "rtl")


def test_compare_that_cannot_be_written_exits_2(a: Path, b: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = diff(a, b, "--compare", blocker / "change.html")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"error: {blocker / 'change.html'}: cannot write the change map (File exists); "
        "give a writable path"
    )


def test_compare_is_not_written_when_a_report_is_invalid(a: Path, tmp_path: Path) -> None:
    bad = write_report(tmp_path / "bad", "prison,executions\nShiraz,-1\n")
    out = tmp_path / "change.html"
    assert diff(a, bad, "--compare", out).exit_code == 2
    assert not out.exists()


def test_help_documents_the_exit_codes() -> None:
    result = CliRunner().invoke(main, ["diff", "--help"])
    assert result.exit_code == 0
    flat = " ".join(result.stdout.split())
    assert "Exit status, as diff(1): 0 when no figure or total differs, 1 when some do, 2 on" in (
        flat
    )
    for option in ("--json", "--compare FILE.html", "--lang [en|fa]"):
        assert option in flat


def test_a_title_with_control_characters_is_refused_in_one_escaped_line(
    a: Path, tmp_path: Path
) -> None:
    hostile = MANIFEST.format(total=50).replace(
        'title = "Test report"', 'title = "Evil \\u001b[2J Title"'
    )
    other = write_report(tmp_path / "evil", A_PRISONS, manifest=hostile)
    before = {p.name: p.read_bytes() for p in other.iterdir()}
    result = diff(a, other)
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {other}/report.toml:1: title contains U+001B ESCAPE at character 6 "
        "(in 'Evil \\x1b[2J Title'); a control character has no place in a text; remove it\n"
    )
    assert "\x1b" not in result.output
    assert {p.name: p.read_bytes() for p in other.iterdir()} == before


def test_control_characters_of_titles_and_names_are_escaped(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """What the reports layer lets through (or a report made by other code) is still escaped."""
    import iranmap.cli.diff as cli_diff
    from comparefixture import make_diff

    hostile = make_diff(lambda text: f"Evil\x1b[2J\u202e{text}\x85")
    monkeypatch.setattr(cli_diff, "_diff", lambda a, b: hostile)
    result = diff(tmp_path / "a", tmp_path / "b")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[1] == (
        "B  test-2024-revised: Evil\\u001b[2J\\u202eExecutions in Iran, 2024 (revised)\\u0085"
    )
    assert not any(c in result.output for c in "\x1b\u202e\x85")
    data = json.loads(diff(tmp_path / "a", tmp_path / "b", "--json").stdout)
    assert data["b"]["title"] == "Evil\x1b[2J\u202eExecutions in Iran, 2024 (revised)\x85"


def test_a_count_too_large_for_any_integer_type_is_trouble_not_a_traceback(
    a: Path, tmp_path: Path
) -> None:
    huge = write_report(tmp_path / "huge", f"prison,executions\nShiraz,{10**30}\n", total=10**31)
    before = {p.name: p.read_bytes() for p in huge.iterdir()}
    for args in ((a, huge), (huge, a)):
        result = diff(*args)
        assert result.exit_code == 2
        assert "Traceback" not in result.output
        assert result.stdout == ""
        lines = result.stderr.splitlines()
        assert lines and all(line.startswith("error: ") for line in lines)
    assert {p.name: p.read_bytes() for p in huge.iterdir()} == before
