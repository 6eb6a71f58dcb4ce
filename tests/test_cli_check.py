"""``iranmap check``: the reconciliation, every problem as FILE:LINE, exit codes, --json."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import iranmap.join
from fake_world import GAZETTEER, polygons, write_report
from iranmap.cli import main

DATA = Path(__file__).resolve().parent / "data" / "reports"


@pytest.fixture(autouse=True)
def fake_world(monkeypatch: pytest.MonkeyPatch) -> None:
    """Join against the made-up world of fake_world.py instead of the shipped geodata."""
    monkeypatch.setattr(iranmap.join, "_default_gazetteer", lambda: GAZETTEER)
    monkeypatch.setattr(iranmap.join, "_default_provinces", polygons)


def check(folder: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["check", str(folder), *args])


def lines(result: Result, folder: Path) -> list[str]:
    return result.stdout.replace(str(folder), "R").splitlines()


#: A line of the placements to confirm: ``FILE:LINE  'name' -> place [how]``.
PLACED = re.compile(r"R\S*:\d+  '")


def problem_lines(result: Result, folder: Path) -> list[str]:
    return [x for x in lines(result, folder) if x.startswith("R") and not PLACED.match(x)]


def test_clean_report_prints_aligned_reconciliation_and_exits_0() -> None:
    result = check(DATA / "good")
    assert result.exit_code == 0
    assert lines(result, DATA / "good") == [
        "report        good",
        "reported      100  executions the report states",
        "by prison      31  in 6 prisons",
        "by province    34  in 3 provinces",
        "not itemized   66  in no prison or province figure",
        "31 of at least 100 executions itemized by prison, in 6 prisons; 34 itemized by province, "
        "in 3 provinces; 66 not itemized.",
        "placed by a near spelling or another name (confirm):",
        "R/prisons.csv:2  'Qezelhessar' -> Ghezel Hesar Prison, Karaj, Alborz (IR-30) [alias]",
        "R/prisons.csv:3  'Central Karaj' -> Karaj Central Prison, Karaj, Alborz (IR-30) [alias]",
        "R/prisons.csv:4  'Shiraz' -> Shiraz, Fars (IR-07) [city]; likely Adelabad Prison: "
        "confirm with a place column",
        "R/prisons.csv:5  'Evin' -> Evin Prison, Tehran, Tehran (IR-23) [alias]",
        "R/prisons.csv:6  'Marvdasht' -> Marvdasht, Fars (IR-07) [city]",
        "R/prisons.csv:7  'New Camp' -> New Camp, Tehran (IR-23) [latlon]",
    ]
    # The only warning: what the Persian maps would show in English.
    assert result.stderr.startswith("warning: ") and result.stderr.count("\n") == 1
    assert "has no title_fa, publisher_fa" in result.stderr


def test_json_is_one_object_with_the_reconciliation() -> None:
    result = check(DATA / "good", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["sentence"]["en"].startswith("31 of at least 100 executions")
    del data["sentence"]
    assert data["placements"][0] == {
        "path": str(DATA / "good" / "prisons.csv"),
        "line": 2,
        "as_reported": "Qezelhessar",
        "place_id": "ghezel-hesar",
        "name_en": "Ghezel Hesar Prison",
        "match": "alias",
        "score": 100.0,
        "precision": "facility",
        "province_iso": "IR-30",
        "likely": None,
        "read_as": None,
        "reading": None,
    }
    assert [(p["line"], p["match"], p["score"]) for p in data["placements"]] == [
        (2, "alias", 100.0),
        (3, "alias", 100.0),
        (4, "city", 100.0),
        (5, "alias", 100.0),
        (6, "city", 100.0),
        (7, "latlon", None),
        (2, "exact", 100.0),  # provinces.csv's Fars
    ]
    assert data["placements"][-1]["precision"] == "province"
    del data["placements"]
    assert data == {
        "report": "good",
        "period": {
            "start": "2024-01-01",
            "end": "2024-12-31",
            "calendar": "gregorian",
            "original": {"start": "2024-01-01", "end": "2024-12-31"},
        },
        "source_date": {"date": "2025-01-02", "calendar": "gregorian", "original": "2025-01-02"},
        "reported_total": 100,
        "itemized_by_prison": 31,
        "itemized_by_province": 34,
        "not_itemized": 66,
        "prisons_mapped": 6,
        "provinces_with_figures": 3,
        "provinces_none_reported": 0,
        "grades": {},
        "unresolved": [],
        "placeless": [],
        "problems": [],
    }


def test_filters_select_events_rows() -> None:
    result = check(DATA / "events", "--where", "charge=drug", "--from", "2024-02-01")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[5] == (
        "3 of at least 3 executions itemized by prison, in 3 prisons across 2 provinces; "
        "0 not itemized."
    )


def test_a_bad_filter_is_a_usage_error() -> None:
    result = check(DATA / "events", "--where", "charge")
    assert result.exit_code == 2
    assert (
        "Invalid value for '--where': expected COLUMN=VALUE, e.g. charge=drug; found 'charge'"
        in (result.stderr)
    )


def test_unplaced_rows_are_listed_and_no_figure_is_printed(tmp_path: Path) -> None:
    # Figures with a row left out would be a partial report's: only the problem is shown.
    folder = write_report(tmp_path / "r", "prison,executions\nEvin,3\nAtlantis,4\n")
    result = check(folder)
    assert result.exit_code == 1
    assert lines(result, folder) == [
        "R/prisons.csv:3: prison 'Atlantis' is not a prison or city the gazetteer knows; fix "
        "the spelling, or add lat and lon to place it",
    ]
    assert result.stderr == "1 problem; the report is not ready\n"
    data = json.loads(check(folder, "--json").stdout)
    assert (data["reported_total"], data["not_itemized"], data["sentence"]) == (None, None, None)
    assert len(data["problems"]) == 1
    assert data["problems"][0]["line"] == 3


def test_a_folder_that_cannot_load_prints_only_problems(tmp_path: Path) -> None:
    folder = write_report(tmp_path / "r", "prison,executions\nEvin,-3\nQarchak,x\n")
    result = check(folder)
    assert result.exit_code == 1
    assert lines(result, folder) == [
        "R/prisons.csv:2: executions '-3' is negative; a count of executions is 0 or more",
        "R/prisons.csv:3: executions 'x' is not a number; write the count with digits only, "
        "without separators or words, e.g. 1000",
    ]
    assert result.stderr == "2 problems; the report is not ready\n"
    result = check(folder, "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["report"] == "r"
    assert data["reported_total"] is None and data["not_itemized"] is None
    assert [p["line"] for p in data["problems"]] == [2, 3]
    assert data["problems"][0]["text"].endswith(
        ":2: executions '-3' is negative; a count of executions is 0 or more"
    )


def test_warnings_go_to_stderr(tmp_path: Path) -> None:
    folder = write_report(tmp_path / "r", "prison,executions\n")
    result = check(folder)
    assert result.exit_code == 0
    assert result.stderr == (
        f"warning: {folder}/prisons.csv:1: has a header but no rows; "
        "the report itemizes no prison\n" + persian_warning(folder)
    )


def test_a_province_report_lists_its_placements_and_no_prison(tmp_path: Path) -> None:
    folder = write_report(
        tmp_path / "r", None, provinces="province,executions\nFars,4\nIR-30,2\nTehrn Province,1\n"
    )
    data = json.loads(check(folder, "--json").stdout)
    placed = [(p["line"], p["as_reported"], p["place_id"], p["match"]) for p in data["placements"]]
    assert placed == [
        (2, "Fars", "IR-07", "exact"),
        (3, "IR-30", "IR-30", "exact"),
        (4, "Tehrn Province", "IR-23", "fuzzy"),
    ]
    assert {p["precision"] for p in data["placements"]} == {"province"}
    said = lines(check(folder), folder)
    assert said[2] == "by prison       0  the report itemizes no prison"
    assert "0 prisons" not in "\n".join(said)
    assert said[-2:] == [
        "placed by a near spelling or another name (confirm):",
        "R/provinces.csv:4  'Tehrn Province' -> Tehran (IR-23) [fuzzy 91]",
    ]


def test_an_unknown_province_is_offered_the_closest_names(tmp_path: Path) -> None:
    folder = write_report(tmp_path / "r", None, provinces="province,executions\nTahraun,4\n")
    assert problem_lines(check(folder), folder) == [
        "R/provinces.csv:2: province 'Tahraun' is not a province of Iran (closest: Tehran); "
        "write the province's name (e.g. Tehran) or its ISO code in the 2020 scheme (e.g. IR-23)"
    ]


def test_an_unknown_prison_is_offered_the_closest_names(tmp_path: Path) -> None:
    folder = write_report(tmp_path / "r", "prison,executions\nAdelabaad Prizon,4\n")
    assert problem_lines(check(folder), folder) == [
        "R/prisons.csv:2: prison 'Adelabaad Prizon' is not a prison or city the gazetteer knows "
        "(closest: Adelabad Prison); fix the spelling, or add lat and lon to place it"
    ]


def persian_warning(folder: Path, line: int = 1) -> str:
    return (
        f"warning: {folder}/report.toml:{line}: the Persian maps will show English where "
        "report.toml has no title_fa, publisher_fa, title_fa under [source]; add each with its "
        'text in Persian (or build in English only: languages = ["en"] in iranmap.toml)\n'
    )


def test_check_names_each_missing_persian_text_when_persian_maps_will_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_report(tmp_path / "r", "prison,executions\nEvin,3\n")
    report = folder / "report.toml"
    english = report.read_text(encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    monkeypatch.chdir(project)
    assert check(folder).stderr == persian_warning(folder)
    report.write_text(
        'notes = "Counted twice."\n'
        + english
        + '[[facts]]\nlabel = "Women"\nvalue = 3\n'
        + '[[facts]]\nlabel = "Share"\nlabel_fa = "سهم"\nvalue = 1\nunit = "%"\n'
        + '[[facts]]\nlabel = "Age"\nlabel_fa = "سن"\nvalue = 30\nunit = "years"\n',
        encoding="utf-8",
    )
    said = check(folder).stderr
    assert said.startswith(f"warning: {folder}/report.toml:2: ")  # the title's line
    assert (
        "no title_fa, publisher_fa, title_fa under [source], notes_fa, label_fa in [[facts]] 1, "
        "unit_fa in [[facts]] 3; add each" in said
    )
    # In English only (iranmap.toml), or with every text in Persian, nothing to say.
    (project / "iranmap.toml").write_text('languages = ["en"]\n', encoding="utf-8")
    assert check(folder).stderr == ""
    (project / "iranmap.toml").unlink()
    persian = english.replace('title = "A test"', 'title = "A test"\ntitle_fa = "آزمون"')
    persian = 'title_fa = "گزارش"\npublisher_fa = "ناشر"\n' + persian
    report.write_text(persian, encoding="utf-8")
    assert check(folder).stderr == ""


def test_warnings_come_with_the_errors_of_the_same_run(tmp_path: Path) -> None:
    folder = write_report(
        tmp_path / "r", "prison,executions\n", provinces="province,executions\nFars,x\n"
    )
    result = check(folder)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"warning: {folder}/prisons.csv:1: has a header but no rows; the report itemizes no prison",
        "1 problem; the report is not ready",
    ]
    assert result.stdout.replace(str(folder), "R").splitlines() == [
        "R/provinces.csv:2: executions 'x' is not a number; write the count with digits only, "
        "without separators or words, e.g. 1000"
    ]


# Every bad input of the issue, through the command: (prisons.csv, provinces.csv, the
# report.toml edit, the one problem expected).
BAD_INPUTS = [
    pytest.param("prison\nEvin\n", None, None,
                 "R/prisons.csv:1: missing column 'executions'; the header must name prison "
                 "and executions (found ['prison'])", id="missing-column"),
    pytest.param("prison,executions,remark\nEvin,3,x\n", None, None,
                 "R/prisons.csv:1: unknown column 'remark'; the allowed columns are prison, "
                 "executions, province, city, place, lat, lon, note, grade", id="unknown-column"),
    pytest.param("", None, None,
                 "R/prisons.csv:1: the file is empty; write the header line "
                 "'prison,executions' and one row per place below it", id="empty-file"),
    pytest.param(b"prison,executions\nEvin,3\nQarchak,\xff\n", None, None,
                 "R/prisons.csv:3: byte b'\\xff' is not UTF-8 text; save the file as UTF-8 "
                 "(in Excel: CSV UTF-8)", id="non-utf8"),
    pytest.param("prison,executions\nEvin,-3\n", None, None,
                 "R/prisons.csv:2: executions '-3' is negative; a count of executions is 0 "
                 "or more", id="negative"),
    pytest.param("prison,executions\nEvin,3.5\n", None, None,
                 "R/prisons.csv:2: executions '3.5' is not a whole number; write the count "
                 "with digits only, e.g. 12", id="fractional"),
    pytest.param("prison,executions\nEvin,three\n", None, None,
                 "R/prisons.csv:2: executions 'three' is not a number; write the count with "
                 "digits only, without separators or words, e.g. 1000", id="non-numeric"),
    pytest.param("prison,executions\nEvin,3\nEVIN,4\n", None, None,
                 "R/prisons.csv:3: prison 'EVIN' is listed twice, on lines 2 and 3; keep one "
                 "row (add the counts up if the report gives two)", id="duplicate-name"),
    pytest.param("prison,executions\nEvin,3\nEvin Prison,4\n", None, None,
                 "R/prisons.csv:3: prison 'Evin Prison' is the same place as 'Evin' on line 2 "
                 "(Evin Prison); keep one row (add the counts up if the report gives two)",
                 id="duplicate-place"),
    pytest.param("prison,executions\nEvin,90\nQarchak,20\n", None, None,
                 "R/report.toml:3: prisons.csv itemizes 110 executions, more than total = "
                 "100; fix the counts in prisons.csv or raise the total", id="above-total"),
    pytest.param("prison,executions\nEvin,9\n", "province,executions\nTehran,5\n", None,
                 "R/provinces.csv:2: province 'Tehran' has 5 executions, fewer than the 9 its "
                 "prisons add up to (prisons.csv:2); fix the province's figure or the "
                 "prisons' counts", id="province-below-prisons"),
    pytest.param("prison,executions\nAtlantis,3\n", None, None,
                 "R/prisons.csv:2: prison 'Atlantis' is not a prison or city the gazetteer "
                 "knows; fix the spelling, or add lat and lon to place it", id="unknown-name"),
    pytest.param("prison,executions\nTehran Prison,3\n", None, None,
                 "R/prisons.csv:2: prison 'Tehran Prison' is ambiguous: it could be Evin "
                 "Prison, Qarchak Prison; write the prison's full name, give the row's city or "
                 "province, or add lat and lon",
                 id="ambiguous-name"),
    pytest.param("prison,executions,lat,lon\nCamp,3,41.0,69.2\n", None, None,
                 "R/prisons.csv:2: lat 41.0, lon 69.2 is outside Iran (latitude 24.8..40.0, "
                 "longitude 43.9..63.5); check the coordinates (decimal degrees, lat north, "
                 "lon east)", id="outside-iran"),
    pytest.param("prison,executions\nEvin,3\n", None, ("total = 100", "total = 100\ntotal = 1"),
                 "R/report.toml:4: report.toml is not valid TOML (Cannot overwrite a value "
                 "at column 10); fix the TOML syntax: text in quotes, dates as 2025-01-02, one "
                 "key = value per line", id="malformed-toml"),
    pytest.param("prison,executions\nEvin,3\n", None, ("total =", "totl ="),
                 "R/report.toml:3: unknown key 'totl'; the allowed keys are title, title_fa, "
                 "publisher, publisher_fa, total, total_qualifier, quote, prisons, provinces, "
                 "iso_scheme, calendar, series, complete, revises, grade, notes, notes_fa, "
                 "source, period, facts (did you mean 'total'?)", id="unknown-toml-key"),
]  # fmt: skip


@pytest.mark.parametrize(("prisons", "provinces", "edit", "expected"), BAD_INPUTS)
def test_bad_input_exits_1_with_the_exact_message(
    tmp_path: Path,
    prisons: str | bytes,
    provinces: str | None,
    edit: tuple[str, str] | None,
    expected: str,
) -> None:
    folder = write_report(tmp_path / "r", None, provinces=provinces)
    target = folder / "prisons.csv"
    if isinstance(prisons, bytes):
        target.write_bytes(prisons)
    else:
        target.write_text(prisons, encoding="utf-8")
    if edit is not None:
        toml = folder / "report.toml"
        toml.write_text(toml.read_text().replace(*edit, 1))
    result = check(folder)
    assert result.exit_code == 1
    assert problem_lines(result, folder) == [expected]
    assert "Traceback" not in result.output


# -- every problem in one run: those of reading the files and those of placing the names ---------

SHIPPED = Path(__file__).resolve().parents[1] / "geodata" / "reports"

#: The example of the task: a bad count, an unknown prison, a negative count, and a second
#: spelling of a prison, in the shipped 1 January 2025 report (report.toml says prisons = 4).
MIXED_PRISONS = (
    "prison,executions\nQezelhessar,5\nBandar Abas,x\nAtlantis,2\nYasuj,-1\nGhezel Hesar,3\n"
)
MIXED_EXPECTED = [
    "R/prisons.csv:3: executions 'x' is not a number; write the count with digits only, "
    "without separators or words, e.g. 1000",
    "R/prisons.csv:4: prison 'Atlantis' is not a prison or city the gazetteer knows; fix the "
    "spelling, or add lat and lon to place it",
    "R/prisons.csv:5: executions '-1' is negative; a count of executions is 0 or more",
    "R/prisons.csv:6: prison 'Ghezel Hesar' is the same place as 'Qezelhessar' on line 2 "
    "(Ghezel Hesar Prison); keep one row (add the counts up if the report gives two)",
]


def test_problems_of_reading_and_of_placing_come_in_one_run(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.undo()  # the real gazetteer and provinces, not the made-up world
    folder = tmp_path / "r"
    shutil.copytree(SHIPPED / "2025-01-01-ncri", folder)
    (folder / "prisons.csv").write_text(MIXED_PRISONS, encoding="utf-8")
    result = check(folder)
    assert result.exit_code == 1
    # no figures of a report read with problems; prisons = 4 is no problem: 5 rows, 3 prisons
    assert lines(result, folder) == MIXED_EXPECTED
    assert result.stderr == "4 problems; the report is not ready\n"
    result = check(folder, "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout.replace(str(folder), "R"))
    assert data == {
        "report": "r",
        "period": None,
        "source_date": None,
        "reported_total": None,
        "itemized_by_prison": None,
        "itemized_by_province": None,
        "not_itemized": None,
        "prisons_mapped": None,
        "provinces_with_figures": None,
        "provinces_none_reported": None,
        "grades": None,
        "unresolved": [],
        "placeless": [],
        "placements": [],
        "problems": [
            {
                "path": "R/prisons.csv",
                "line": int(text.split(":")[1]),
                "message": text.split(": ", 1)[1],
                "text": text,
            }
            for text in MIXED_EXPECTED
        ],
        "sentence": None,
    }


def test_a_header_a_toml_key_a_count_and_names_wrong_at_once(tmp_path: Path) -> None:
    folder = write_report(
        tmp_path / "r",
        "prison,executions,remark\nEvin,3,\nTehran Prison,x,\nEvin Prison,1,\nQarchak,2,\n",
        provinces="province,executions\nAtlantis,1\n",
    )
    toml = folder / "report.toml"
    toml.write_text(toml.read_text().replace("total = 100", "total = 100\nprisons = 1\nsrc = 1"))
    result = check(folder)
    assert result.exit_code == 1
    expected = [
        "R/prisons.csv:1: unknown column 'remark'; the allowed columns are prison, executions, "
        "province, city, place, lat, lon, note, grade",
        "R/prisons.csv:3: executions 'x' is not a number; write the count with digits only, "
        "without separators or words, e.g. 1000",
        "R/prisons.csv:3: prison 'Tehran Prison' is ambiguous: it could be Evin Prison, "
        "Qarchak Prison; write the prison's full name, give the row's city or province, "
        "or add lat and lon",
        "R/prisons.csv:4: prison 'Evin Prison' is the same place as 'Evin' on line 2 (Evin "
        "Prison); keep one row (add the counts up if the report gives two)",
        "R/provinces.csv:2: province 'Atlantis' is not a province of Iran; write the "
        "province's name (e.g. Tehran) or its ISO code in the 2020 scheme (e.g. IR-23)",
        "R/report.toml:4: prisons = 1 but prisons.csv names 2 prisons; raise prisons to at "
        "least 2, or check prisons.csv for extra rows",
        "R/report.toml:5: unknown key 'src'; the allowed keys are title, title_fa, publisher, "
        "publisher_fa, total, total_qualifier, quote, prisons, provinces, iso_scheme, calendar, "
        "series, complete, revises, grade, notes, notes_fa, source, period, facts (did you mean "
        "'source'?)",
    ]
    assert lines(result, folder) == expected
    data = json.loads(check(folder, "--json").stdout.replace(str(folder), "R"))
    assert [p["text"] for p in data["problems"]] == expected
    assert data["not_itemized"] is None


def test_a_report_read_whole_prints_only_the_joins_problems(tmp_path: Path) -> None:
    manifest_edit = ("total = 100", "total = 100\nprisons = 2")
    folder = write_report(
        tmp_path / "r", "prison,executions\nQezelhessar,5\nEvin,1\nGhezel Hesar Prison,2\n"
    )
    toml = folder / "report.toml"
    toml.write_text(toml.read_text().replace(*manifest_edit))
    result = check(folder)
    assert result.exit_code == 1
    # three rows but two prisons: the second spelling is the problem, not prisons = 2
    assert lines(result, folder) == [
        "R/prisons.csv:4: prison 'Ghezel Hesar Prison' is the same place as 'Qezelhessar' on "
        "line 2 (Ghezel Hesar Prison); keep one row (add the counts up if the report gives two)",
    ]


def test_a_bom_is_accepted() -> None:
    result = check(DATA / "excel-bom")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[2] == "by prison      13  in 2 prisons"


def test_a_missing_folder(tmp_path: Path) -> None:
    result = check(tmp_path / "nope")
    assert result.exit_code == 1
    assert lines(result, tmp_path) == [
        "R/nope: no such folder; give the path of a report folder, the one holding report.toml"
    ]


def test_help_documents_the_options() -> None:
    result = CliRunner().invoke(main, ["check", "--help"])
    assert result.exit_code == 0
    for option in ("--json", "--from YYYY-MM-DD", "--to YYYY-MM-DD", "--where COLUMN=VALUE"):
        assert option in result.output


@pytest.mark.parametrize(
    ("report", "expected"),
    [
        (
            "2024-ncri",
            [
                "report        2024-ncri",
                "reported      1,000  executions the report states",
                "by prison       526  in 8 prisons",
                "by province     526  in 7 provinces",
                "not itemized    474  in no prison or province figure",
                "526 of at least 1,000 executions itemized by prison, in 8 prisons across "
                "7 provinces; 474 not itemized.",
            ],
        ),
        (
            "2025-01-01-ncri",
            [
                "report        2025-01-01-ncri",
                "reported      12  executions the report states",
                "by prison     12  in 4 prisons",
                "by province   12  in 4 provinces; none reported in the other 27",
                "not itemized   0  in no prison or province figure",
                "12 of at least 12 executions itemized by prison, in 4 prisons across 4 provinces; "
                "0 not itemized.",
            ],
        ),
    ],
)
def test_shipped_reports_on_the_shipped_geodata(
    monkeypatch: pytest.MonkeyPatch, report: str, expected: list[str]
) -> None:
    monkeypatch.undo()  # the real gazetteer and provinces, not the made-up world
    folder = Path(__file__).resolve().parents[1] / "geodata" / "reports" / report
    result = check(folder)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:6] == expected
    assert result.stdout.splitlines()[6] == "placed by a near spelling or another name (confirm):"
    data = json.loads(check(folder, "--json").stdout)
    assert {k: data[k] for k in ("report", "reported_total", "not_itemized")} == {
        "report": report,
        "reported_total": int(expected[1].split()[1].replace(",", "")),
        "not_itemized": int(expected[4].split()[2]),
    }
    assert (data["unresolved"], data["problems"]) == ([], [])


def test_control_characters_of_names_are_escaped(tmp_path: Path) -> None:
    folder = write_report(tmp_path / "r", "prison,executions\nEvil\x1b[2J\u202eName,3\n")
    result = check(folder)
    assert result.exit_code == 1
    assert "Evil\\x1b[2J\\u202eName" in result.stdout
    assert not any(c in result.output for c in "\x1b\u202e")


def test_a_count_too_large_for_any_integer_type_gives_no_traceback(tmp_path: Path) -> None:
    folder = write_report(tmp_path / "r", f"prison,executions\nShiraz,{10**30}\n", total=10**31)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    result = check(folder)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.stderr.startswith("error: ") or "prisons.csv:2:" in result.stdout
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


#: Every way a name can land other than by its exact name, on the shipped gazetteer:
#: Ghezel Hesar is an alias of Ghezel Hesar Prison, Qarchack a near spelling of Qarchak, the
#: detention centre a place the gazetteer lacks, put on its city; the camp has coordinates.
PLACED_PRISONS = (
    "prison,executions,city,lat,lon\n"
    "Evin Prison,1,,,\n"
    "Ghezel Hesar,1,,,\n"
    "Qarchack,1,,,\n"
    "Hamadan Detention Centre,1,Hamadan,,\n"
    "A camp,1,,35.7,51.4\n"
)


def test_names_not_matched_exactly_are_listed_to_confirm(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.undo()  # the real gazetteer and provinces, not the made-up world
    folder = write_report(tmp_path / "r", PLACED_PRISONS, total=5)
    result = check(folder)
    assert result.exit_code == 0, result.output
    assert lines(result, folder)[6:] == [
        "placed by a near spelling or another name (confirm):",
        "R/prisons.csv:3  'Ghezel Hesar' -> Ghezel Hesar Prison, Karaj, Alborz (IR-30) [alias]",
        "R/prisons.csv:4  'Qarchack' -> Qarchack, Qarchak, Tehran (IR-23) [city]; likely Qarchak "
        "Women's Prison: confirm with a place column",
        "R/prisons.csv:5  'Hamadan Detention Centre' -> Hamadan Detention Centre, Hamadān, "
        "Hamadan (IR-13) [city]",
        "R/prisons.csv:6  'A camp' -> A camp, Tehran (IR-23) [latlon]",
    ]
    data = json.loads(check(folder, "--json").stdout)
    assert [(p["line"], p["as_reported"], p["match"], p["score"]) for p in data["placements"]] == [
        (2, "Evin Prison", "exact", 100.0),
        (3, "Ghezel Hesar", "alias", 100.0),
        (4, "Qarchack", "city", 93.3),
        (5, "Hamadan Detention Centre", "city", 100.0),
        (6, "A camp", "latlon", None),
    ]


def test_every_name_exact_lists_nothing_to_confirm(tmp_path: Path) -> None:
    folder = write_report(tmp_path / "r", "prison,executions\nEvin Prison,3\n")
    result = check(folder)
    assert result.exit_code == 0
    assert "confirm" not in result.stdout
    assert len(json.loads(check(folder, "--json").stdout)["placements"]) == 1


#: A report in the Solar Hijri calendar: the year 1403, its events dated in Persian digits.
JALALI_MANIFEST = """title = "A year in the Solar Hijri calendar"
publisher = "iranmap tests"
calendar = "jalali"

[source]
title = "A made-up list"
date = "۱۴۰۴-۰۱-۱۰"

[period]
start = "1403-01-01"
end = "1403-12-30"
"""
JALALI_EVENTS = (
    "date,prison\n"
    "۱۴۰۳-۰۱-۱۵,Evin\n"  # 1403-01-15: 2024-04-03
    "۱۴۰۳-۰۶-۳۱,Evin Prison\n"  # the last day of Shahrivar: 2024-09-21
    "۱۴۰۳-۰۷-۰۱,Qezelhessar\n"  # the first day of Mehr: 2024-09-22
    "۱۴۰۳-۱۲-۳۰,Adelabad Prison\n"  # the last day of 1403: 2025-03-20
)


def jalali_report(tmp_path: Path) -> Path:
    return write_report(tmp_path / "r", None, events=JALALI_EVENTS, manifest=JALALI_MANIFEST)


def test_a_jalali_report_checks_clean_with_gregorian_dates_in_json(tmp_path: Path) -> None:
    folder = jalali_report(tmp_path)
    result = check(folder)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1] == "reported      4  executions the report states"
    data = json.loads(check(folder, "--json").stdout)
    assert (data["period"], data["source_date"]) == (
        {
            "start": "2024-03-20",
            "end": "2025-03-20",
            "calendar": "jalali",
            "original": {"start": "1403-01-01", "end": "1403-12-30"},
        },
        {"date": "2025-03-30", "calendar": "jalali", "original": "۱۴۰۴-۰۱-۱۰"},
    )


@pytest.mark.parametrize(
    ("args", "total"),
    [
        (("--from", "1403-07-01"), 2),
        (("--from", "۱۴۰۳-۰۷-۰۱"), 2),
        (("--to", "1403-06-31"), 2),
        (("--from", "1403-06-31", "--to", "1403-07-01"), 2),
        (("--from", "1403-12-30"), 1),
    ],
)
def test_from_and_to_are_in_the_reports_calendar(
    tmp_path: Path, args: tuple[str, ...], total: int
) -> None:
    result = check(jalali_report(tmp_path), *args)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1] == f"reported      {total}  executions the report states"


def test_a_gregorian_date_given_to_a_jalali_report_is_a_clear_error(tmp_path: Path) -> None:
    folder = jalali_report(tmp_path)
    result = check(folder, "--from", "2024-09-22")
    assert result.exit_code == 1
    assert lines(result, folder) == [
        "R: from 2024-09-22 looks like a Gregorian date (= 1403-07-01 in the Solar Hijri "
        'calendar), but the report\'s calendar is "jalali"; write the Solar Hijri date, or '
        'remove calendar = "jalali" from report.toml (in the report\'s calendar, jalali)'
    ]
    assert "Traceback" not in result.output


def test_a_date_that_is_no_date_is_a_clear_error(tmp_path: Path) -> None:
    folder = write_report(tmp_path / "r", None, events="date,prison\n2024-01-05,Evin\n")
    result = check(folder, "--to", "2024-13-01")
    assert result.exit_code == 1
    assert lines(result, folder) == [
        "R: to '2024-13-01' is not a date; write it as YYYY-MM-DD, e.g. 2024-03-21 (in the "
        "report's calendar, gregorian)"
    ]


# -- issue 20: a project's own places ---------------------------------------------------------

OWN_HEADER = "name,name_fa,aliases,city,province,lat,lon,source\n"


def own_project(tmp_path: Path, places: str, prisons: str) -> Path:
    """A project folder: places.csv beside reports/, and one report in reports/r."""
    (tmp_path / "places.csv").write_text(OWN_HEADER + places, encoding="utf-8")
    return write_report(tmp_path / "reports" / "r", prisons, total=5)


def test_a_projects_own_places_are_used_at_their_site_and_listed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.undo()  # the real gazetteer and provinces, not the made-up world
    folder = own_project(
        tmp_path,
        'Foo Detention Centre,,Foo Camp,Karaj,Alborz,35.84,50.97,"HRANA, 2 May 2024"\n'
        "Vakilabad Prison,,,Mashhad,Razavi Khorasan,36.28,59.50,a dataset row\n",
        "prison,executions\nFoo Camp,2\nVakilabad,3\n",
    )
    result = check(folder)
    assert result.exit_code == 0, result.output
    assert lines(result, folder)[-2:] == [
        "R/prisons.csv:2  'Foo Camp' -> Foo Detention Centre, Karaj, Alborz (IR-30) [alias; the "
        "project's own place (places.csv)]",
        "R/prisons.csv:3  'Vakilabad' -> Vakilabad Prison, Mashhad, Razavi Khorasan (IR-09) "
        "[alias; the project's own place (places.csv)]",
    ]
    data = json.loads(check(folder, "--json").stdout)
    assert [(p["place_id"], p["precision"]) for p in data["placements"]] == [
        ("own:foo-detention-centre", "facility"),
        ("own:vakilabad", "facility"),
    ]


def test_bad_rows_of_places_csv_are_refused_with_their_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.undo()
    folder = own_project(
        tmp_path,
        "Bar Camp,,,Karaj,Alborz,29.6,52.5,a page\n"
        "Baz Camp,,,Karaj,Alborz,35.9,50.9,\n"
        "Shiraz,,,Shiraz,Fars,29.6,52.5,a page\n"
        "Qux,,,Karaj,Atlantis,35.8,51,a page\n"
        "Grault,,,Karaj,Alborz,abc,51,a page\n"
        "Corge,,Baz Camp,Karaj,Alborz,35.9,50.9,a page\n",
        "prison,executions\nEvin,5\n",
    )
    result = check(folder)
    assert result.exit_code == 1
    own = str(tmp_path / "places.csv")
    said = [x.replace(own, "places.csv") for x in result.output.splitlines()]
    assert [x for x in said if x.startswith("places.csv")] == [
        "places.csv:2: lat 29.6, lon 52.5 lies in Fars, not in Alborz; check lat and lon",
        "places.csv:2: lat 29.6, lon 52.5 lies 707 km from Karaj, more than 40 km; check lat "
        "and lon, or the city",
        "places.csv:3: source is empty; write where the place's coordinates come from (a page, "
        "a dataset)",
        "places.csv:4: name 'Shiraz' is already Shiraz (Fars); give the place a name of its own",
        "places.csv:5: province 'Atlantis' is not a province of Iran; write its name",
        "places.csv:6: lat 'abc' is not a number; write decimal degrees, e.g. 35.84",
        "places.csv:7: name 'Baz Camp' is already on line 3; give each place its own names",
    ]


def test_the_gazetteers_own_places_csv_is_no_projects(monkeypatch: pytest.MonkeyPatch) -> None:
    from iranmap.join._own import own_places_file
    from iranmap.paths import reports_dir

    monkeypatch.undo()
    assert own_places_file(reports_dir() / "2024-ncri") is None  # geodata/places.csv: GeoNames
