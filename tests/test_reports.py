"""Report folders: report.toml, prisons.csv, provinces.csv and events.csv, read and checked."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from fake_world import MANIFEST, write_report
from iranmap.errors import InputError
from iranmap.reports import Fact, find_reports, load_report, read_report, total_problems

DATA = Path(__file__).resolve().parent / "data" / "reports"
REPO = Path(__file__).resolve().parents[1]
SHIPPED = REPO / "geodata" / "reports"


def problems_of(folder: Path, **filters: object) -> list[str]:
    """Every problem load_report finds, with the folder written as R."""
    with pytest.raises(InputError) as info:
        load_report(folder, **filters)  # type: ignore[arg-type]
    return [str(p).replace(str(folder), "R") for p in info.value.problems]


# -- the shipped reports ----------------------------------------------------------------------


def test_shipped_2024_report_has_the_source_figures() -> None:
    report = load_report(SHIPPED / "2024-ncri")
    assert (report.id, report.total, report.prisons_count, report.provinces_count) == (
        "2024-ncri",
        1000,
        86,
        31,
    )
    assert report.publisher == "NCRI Secretariat"
    assert report.source_title == "Iran: Khamenei's New Record in Executions and Crimes"
    assert report.source_date == date(2025, 1, 2)
    assert (report.period_start, report.period_end) == (date(2024, 1, 1), date(2024, 12, 31))
    assert report.iso_scheme == "2020"
    assert [(f.name, f.executions, f.source) for f in report.prison_figures] == [
        ("Qezelhessar", 165, "prisons.csv:2"),
        ("Shiraz", 97, "prisons.csv:3"),
        ("Isfahan", 61, "prisons.csv:4"),
        ("Tabriz", 59, "prisons.csv:5"),
        ("Central Karaj", 44, "prisons.csv:6"),
        ("Qazvin", 38, "prisons.csv:7"),
        ("Mashhad", 33, "prisons.csv:8"),
        ("Birjand", 29, "prisons.csv:9"),
    ]
    assert sum(f.executions for f in report.prison_figures) == 526
    facts = {(f.label, f.value, f.unit) for f in report.facts}
    assert facts == {
        ("Women", 34, None),
        ("Juvenile offenders (under 18 at the time of the alleged crime)", 7, None),
        ("Baluch", 119, None),
        ("Public hangings", 4, None),
        ("Drug-related charges", 502, None),
        ("Ages documented", 491, None),
        ("Average age (of the 491 whose ages were documented)", 36, "years"),
        ("First quarter", 11, "%"),
        ("Second quarter", 17, "%"),
        ("Third quarter", 25, "%"),
        ("Fourth quarter", 47, "%"),
        ("After late July (under the presidency of Massoud Pezeshkian)", 695, None),
    }
    assert report.province_figures == ()
    assert report.events is None


def test_every_quote_of_the_shipped_reports_is_in_the_seed_text() -> None:
    seed_words = _SEED_SENTENCES
    for folder in find_reports(SHIPPED):
        if (
            load_report(folder).source_title
            != "Iran: Khamenei's New Record in Executions and Crimes"
        ):
            continue  # quoted from its own page (see the next test)
        for fact in load_report(folder).facts:
            assert fact.quote, f"{folder.name}: {fact.label} has no quote"
            assert fact.quote.replace("’", "'") in seed_words, fact.quote
            assert (
                str(fact.value) in fact.quote
                or fact.label.startswith(("First", "Third"))
                or (fact.label == "Public hangings")
            )


def test_a_shipped_report_from_a_page_quotes_its_total_and_names_the_page() -> None:
    """Reports transcribed from a web page (the comparisons' sources) give its address, the
    sentence giving the total, and a quote for each headline figure."""
    compared = SHIPPED.parent / "comparisons"
    listed = {
        rid
        for toml in compared.glob("*/comparison.toml")
        for rid in tomllib.loads(toml.read_text(encoding="utf-8"))["reports"]
    }
    from_pages = [load_report(f) for f in find_reports(SHIPPED)]
    from_pages = [r for r in from_pages if r.id in listed or r.revises in listed]
    assert len(from_pages) >= 11
    for report in from_pages:
        assert report.source_url is not None and report.source_url.startswith("https://")
        assert report.quote is not None, report.id
        assert str(report.total) in report.quote or f"{report.total:,}" in report.quote
        assert all(fact.quote for fact in report.facts), report.id


# The sentences of the seed statement the shipped facts quote (apostrophes made plain).
_SEED_SENTENCES = " ".join(
    [
        "The executed included 34 women and 7 individuals who were under 18 at the time of "
        "their alleged crimes.",
        "Among the executed were 119 Baluch citizens, highlighting the disproportionate "
        "targeting of this marginalized and oppressed ethnic group.",
        "Four executions were carried out in public in an especially horrifying manner.",
        "Over half of the victims (502 prisoners) were executed on drug-related charges",
        "The average age of 491 victims whose ages were documented was 36 years.",
        "Eleven percent of executions occurred in the first quarter, and 17% in the second quarter",
        "Twenty-five percent of executions took place in the third quarter.",
        "In the fourth quarter, as the regime faced severe defeats in the region and mounting "
        "economic and social crises, executions surged dramatically, with nearly 47% of "
        "prisoners hanged during this period.",
        "695 executions, accounting for nearly 70% of the total, occurred after late July, "
        "under the presidency of Massoud Pezeshkian.",
        "Meanwhile, the regime began 2025 with a new wave of executions, registering 12 "
        "hangings on the first day of the year (January 1, 2025).",
    ]
)


def test_shipped_first_day_of_2025_report() -> None:
    report = load_report(SHIPPED / "2025-01-01-ncri")
    assert report.total == 12
    assert (report.period_start, report.period_end) == (date(2025, 1, 1), date(2025, 1, 1))
    assert [(f.name, f.executions) for f in report.prison_figures] == [
        ("Qezelhessar", 5),
        ("Bandar Abbas", 5),
        ("Yasuj", 1),
        ("Malayer", 1),
    ]


def test_find_reports_lists_folders_with_a_report_toml(tmp_path: Path) -> None:
    write_report(tmp_path / "b")
    write_report(tmp_path / "a")
    (tmp_path / "not-a-report").mkdir()
    (tmp_path / "file.txt").write_text("x")
    assert find_reports(tmp_path) == [tmp_path / "a", tmp_path / "b"]
    assert [p.name for p in find_reports(SHIPPED)] == [
        "2023-amnesty",
        "2023-hengaw",
        "2023-hrana",
        "2023-ihrngo",
        "2023-ncri",
        "2023-ncri-revised",
        "2024-01-hengaw",
        "2024-02-hengaw",
        "2024-03-hengaw",
        "2024-04-hengaw",
        "2024-05-hengaw",
        "2024-06-hengaw",
        "2024-amnesty",
        "2024-hengaw",
        "2024-ihrngo",
        "2024-ncri",
        "2024-ohchr",
        "2025-01-01-ncri",
        "2025-01-ncri-tally",
    ]


def test_find_reports_of_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        find_reports(tmp_path / "nope")
    assert str(info.value) == (
        f"{tmp_path}/nope: no such folder of reports; give a folder holding one sub-folder "
        f"per report, found '{tmp_path}/nope'"
    )


# -- a good report ------------------------------------------------------------------------------


def test_good_fixture_reads_every_column() -> None:
    report = load_report(DATA / "good")
    assert report.source_url == "https://example.org/statement"
    assert report.notes is not None and report.notes.startswith("Made up")
    assert report.facts == (
        Fact("Women", 3, None, 19, "The executed included 3 women."),
        Fact("Fourth quarter", 47.5, "%", 24),
    )
    shiraz = report.prison_figures[2]
    assert (shiraz.name, shiraz.province, shiraz.note, shiraz.line) == (
        "Shiraz",
        "Fars",
        'written "Shiraz: 7"',
        4,
    )
    camp = report.prison_figures[-1]
    assert (camp.lat, camp.lon, camp.city, camp.province) == (35.9, 52.1, None, "Tehran")
    assert [(f.name, f.executions, f.source) for f in report.province_figures] == [
        ("Fars", 12, "provinces.csv:2")
    ]


def test_figure_paths_are_as_the_user_gave_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_report(tmp_path / "r", "prison,executions\nEvin,3\n")
    monkeypatch.chdir(tmp_path)
    report = load_report(Path("r"))
    assert report.prison_figures[0].path == "r/prisons.csv"
    assert report.id == "r"


def test_an_excel_bom_and_crlf_are_accepted() -> None:
    report = load_report(DATA / "excel-bom")
    assert [(f.name, f.executions, f.line) for f in report.prison_figures] == [
        ("Qezelhessar", 10, 2),
        ("Evin", 3, 3),
    ]


def test_a_bom_in_report_toml_is_accepted(tmp_path: Path) -> None:
    folder = write_report(tmp_path / "r", "prison,executions\nEvin,3\n")
    toml = folder / "report.toml"
    toml.write_bytes(b"\xef\xbb\xbf" + toml.read_bytes())
    assert load_report(folder).title == "Test report"


def test_persian_digits_blank_lines_short_rows_and_spaces_are_accepted(tmp_path: Path) -> None:
    text = "Prison , Executions,note\n\n Evin ,۱۶۵\nQarchak, 2 ,x\n\n"
    report = load_report(write_report(tmp_path / "r", text, total=200))
    assert [(f.name, f.executions, f.line, f.note) for f in report.prison_figures] == [
        ("Evin", 165, 3, None),
        ("Qarchak", 2, 4, "x"),
    ]


def test_a_header_without_rows_warns(tmp_path: Path) -> None:
    folder = write_report(
        tmp_path / "r", "\nprison,executions\n", provinces="province,executions\n"
    )
    report = load_report(folder)  # a warning does not stop the report (nor raise one)
    assert report.prison_figures == () and report.province_figures == ()
    assert [(str(w).replace(str(folder), "R"), w.severity) for w in report.warnings] == [
        ("R/prisons.csv:2: has a header but no rows; the report itemizes no prison", "warning"),
        ("R/provinces.csv:1: has a header but no rows; the report itemizes no province", "warning"),
    ]
    assert read_report(folder)[1] == ()


def test_a_warning_stays_with_a_partial_report(tmp_path: Path) -> None:
    folder = write_report(
        tmp_path / "r", "prison,executions\nEvin,x\n", provinces="province,executions\n"
    )
    report, problems = read_report(folder)
    assert report is not None and [p.line for p in problems] == [2]
    assert all(not p.is_warning for p in problems)
    assert [w.path for w in report.warnings] == [str(folder / "provinces.csv")]


def test_a_report_with_only_province_figures(tmp_path: Path) -> None:
    folder = write_report(tmp_path / "r", None, provinces="province,executions\nFars,4\n")
    report = load_report(folder)
    assert report.prison_figures == ()
    assert report.province_figures[0].executions == 4


# -- bad input: the folder and its files --------------------------------------------------------


def test_missing_folder(tmp_path: Path) -> None:
    assert problems_of(tmp_path / "nope") == [
        "R: no such folder; give the path of a report folder, the one holding report.toml"
    ] or problems_of(tmp_path / "nope") == [
        f"{tmp_path}/nope: no such folder; give the path of a report folder, "
        "the one holding report.toml"
    ]


def test_folder_without_report_toml(tmp_path: Path) -> None:
    folder = tmp_path / "r"
    folder.mkdir()
    assert problems_of(folder) == [
        "R: the folder has no report.toml; a report folder needs report.toml and prisons.csv"
    ]


def test_folder_without_figures_nor_total(tmp_path: Path) -> None:
    manifest = MANIFEST.format(total=1).replace("total = 1\n", "")
    assert problems_of(write_report(tmp_path / "r", None, manifest=manifest)) == [
        "R: no figures in the folder; add prisons.csv with the columns prison,executions, "
        "or give total = N in report.toml for a report that gives only its total"
    ]


def test_a_total_alone_is_a_report(tmp_path: Path) -> None:
    report = load_report(write_report(tmp_path / "r", None, total=901))
    assert report.totals_only
    assert (report.total, report.prison_figures, report.province_figures) == (901, (), ())
    assert not load_report(write_report(tmp_path / "p", "prison,executions\nEvin,3\n")).totals_only


def test_both_prisons_and_events(tmp_path: Path) -> None:
    folder = write_report(tmp_path / "r", events="date,prison\n2024-01-01,Evin\n")
    assert problems_of(folder) == [
        "R/prisons.csv: both prisons.csv and events.csv give prison figures; keep one of them "
        "(events.csv to count rows, prisons.csv for counts)"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "",
            "R/prisons.csv:1: the file is empty; write the header line 'prison,executions' "
            "and one row per place below it",
            id="empty",
        ),
        pytest.param(
            " \n\n",
            "R/prisons.csv:1: the file is empty; write the header line 'prison,executions' "
            "and one row per place below it",
            id="blank",
        ),
        pytest.param(
            "prison\nEvin\n",
            "R/prisons.csv:1: missing column 'executions'; the header must name prison and "
            "executions (found ['prison'])",
            id="missing-column",
        ),
        pytest.param(
            "prison,execution\nEvin,3\n",
            "R/prisons.csv:1: unknown column 'execution'; the allowed columns are prison, "
            "executions, province, city, place, lat, lon, note, grade (did you mean 'executions'?)",
            id="unknown-column",
        ),
        pytest.param(
            "prison,executions,count\nEvin,3,3\n",
            "R/prisons.csv:1: unknown column 'count'; the allowed columns are prison, "
            "executions, province, city, place, lat, lon, note, grade",
            id="unknown-column-no-guess",
        ),
        pytest.param(
            "prison,executions,\nEvin,3,\n",
            "R/prisons.csv:1: column 3 of the header has no name; remove the extra comma or "
            "name the column",
            id="empty-column-name",
        ),
        pytest.param(
            "prison,executions,prison\nEvin,3,Evin\n",
            "R/prisons.csv:1: column 'prison' appears twice; keep one",
            id="duplicate-column",
        ),
        pytest.param(
            "prison,executions\nEvin,3,4\n",
            "R/prisons.csv:2: this row has 3 fields but the header has 2 (prison,executions); "
            "put quotes around a value holding a comma, or remove the extra comma",
            id="too-many-fields",
        ),
        pytest.param(
            "prison,executions\nEvin,-3\n",
            "R/prisons.csv:2: executions '-3' is negative; a count of executions is 0 or more",
            id="negative",
        ),
        pytest.param(
            "prison,executions\nEvin,2.5\n",
            "R/prisons.csv:2: executions '2.5' is not a whole number; write the count with "
            "digits only, e.g. 12",
            id="fractional",
        ),
        pytest.param(
            "prison,executions\nEvin,1.000\n",
            "R/prisons.csv:2: executions '1.000' is written with a thousands separator; write 1000",
            id="european-thousands",
        ),
        pytest.param(
            "prison,executions\nEvin,twelve\n",
            "R/prisons.csv:2: executions 'twelve' is not a number; write the count with digits "
            "only, without separators or words, e.g. 1000",
            id="non-numeric",
        ),
        pytest.param(
            'prison,executions\nEvin,"1,000"\n',
            "R/prisons.csv:2: executions '1,000' is written with a thousands separator; write 1000",
            id="thousands-separator",
        ),
        pytest.param(
            "prison,executions\nEvin,\n",
            "R/prisons.csv:2: executions is empty; write the number of executions "
            "(0 if the report says none)",
            id="empty-count",
        ),
        pytest.param(
            "prison,executions\n,3\n",
            "R/prisons.csv:2: prison is empty; write the prison's name as the report gives it",
            id="empty-name",
        ),
        pytest.param(
            "prison,executions\nEvin,3\nQarchak,1\n evin ,2\n",
            "R/prisons.csv:4: prison 'evin' is listed twice, on lines 2 and 4; keep one row "
            "(add the counts up if the report gives two)",
            id="duplicate-prison",
        ),
        pytest.param(
            "prison,executions,lat,lon\nCamp,3,51.4,35.7\n",
            "R/prisons.csv:2: lat 51.4, lon 35.7 is outside Iran (latitude 24.8..40.0, "
            "longitude 43.9..63.5); lat and lon look swapped; swap them",
            id="latlon-swapped",
        ),
        pytest.param(
            "prison,executions,lat,lon\nCamp,3,48.85,2.35\n",
            "R/prisons.csv:2: lat 48.85, lon 2.35 is outside Iran (latitude 24.8..40.0, "
            "longitude 43.9..63.5); check the coordinates (decimal degrees, lat north, lon east)",
            id="latlon-outside",
        ),
        pytest.param(
            "prison,executions,lat,lon\nCamp,3,35.7,\n",
            "R/prisons.csv:2: lat is given but lon is empty; give both lat and lon, or neither",
            id="lat-without-lon",
        ),
        pytest.param(
            "prison,executions,lat,lon\nCamp,3,35°42′,51.4\n",
            "R/prisons.csv:2: lat '35°42′' is not a number; write decimal degrees, "
            "e.g. lat 35.69, lon 51.39",
            id="lat-not-decimal",
        ),
        pytest.param(
            'prison,executions,note\nEvin,3,"unclosed\nQarchak,5,\n',
            "R/prisons.csv:2: a quote opened on this line is never closed, so the rest of the "
            'file would be one value; close the quote, or write a quote inside a value twice ("")',
            id="unclosed-quote",
        ),
        pytest.param(
            'prison,executions,note\nEvin,3,"said "no""\n',
            "R/prisons.csv:2: the CSV cannot be read here (',' expected after '\"'); put a value "
            'holding quotes inside quotes and write each quote in it twice ("")',
            id="stray-quote",
        ),
    ],
)
def test_bad_prisons_csv(tmp_path: Path, text: str, expected: str) -> None:
    folder = write_report(tmp_path / "r", text)
    assert problems_of(folder) == [expected]


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    folder = write_report(
        tmp_path / "r",
        "prison,executions\nEvin,-1\nQarchak,x\n",
        provinces="province,executions\nFars,1.5\n",
    )
    assert problems_of(folder) == [
        "R/prisons.csv:2: executions '-1' is negative; a count of executions is 0 or more",
        "R/prisons.csv:3: executions 'x' is not a number; write the count with digits only, "
        "without separators or words, e.g. 1000",
        "R/provinces.csv:2: executions '1.5' is not a whole number; write the count with "
        "digits only, e.g. 12",
    ]


def test_non_utf8_bytes_name_the_line() -> None:
    assert problems_of(DATA / "latin1") == [
        "R/prisons.csv:3: byte b'\\xe9' is not UTF-8 text; save the file as UTF-8 "
        "(in Excel: CSV UTF-8)"
    ]


def test_utf16_is_refused() -> None:
    assert problems_of(DATA / "utf16") == [
        "R/prisons.csv:1: the file is saved as UTF-16; save the file as UTF-8 (in Excel: CSV UTF-8)"
    ]


def test_itemized_above_the_total(tmp_path: Path) -> None:
    folder = write_report(
        tmp_path / "r",
        "prison,executions\nEvin,60\nQarchak,50\n",
        total=100,
        provinces="province,executions\nTehran,101\n",
    )
    assert problems_of(folder) == [
        "R/report.toml:3: prisons.csv itemizes 110 executions, more than total = 100; "
        "fix the counts in prisons.csv or raise the total",
        "R/report.toml:3: provinces.csv itemizes 101 executions, more than total = 100; "
        "fix the counts in provinces.csv or raise the total",
    ]


def test_provinces_csv_problems(tmp_path: Path) -> None:
    folder = write_report(
        tmp_path / "r",
        "prison,executions\nEvin,1\n",
        provinces="province,executions,population\nFars,1,2\n",
    )
    assert problems_of(folder) == [
        "R/provinces.csv:1: unknown column 'population'; the allowed columns are province, "
        "executions, note, grade"
    ]


# -- bad input: report.toml ---------------------------------------------------------------------


def test_a_count_with_a_thousands_separator_in_toml_says_what_to_write() -> None:
    assert problems_of(DATA / "broken-toml") == [
        "R/report.toml:3: total = 1,000 is written with a thousands separator; write total = 1000"
    ]


def test_malformed_toml_gives_tomllib_message_and_line(tmp_path: Path) -> None:
    manifest = MANIFEST.format(total="10 executions")
    assert _toml_problems(tmp_path, manifest) == [
        "R/report.toml:3: report.toml is not valid TOML (Expected newline or end of document "
        "after a statement at column 12); fix the TOML syntax: text in quotes, dates as "
        "2025-01-02, one key = value per line"
    ]


def _toml_problems(tmp_path: Path, manifest: str) -> list[str]:
    folder = write_report(tmp_path / "r", "prison,executions\nEvin,1\n", manifest=manifest)
    return problems_of(folder)


def test_unknown_keys_are_named_with_the_allowed_ones(tmp_path: Path) -> None:
    manifest = MANIFEST.format(total=10).replace("publisher =", "publsher =")
    manifest = manifest.replace("date = 2025", 'url = "https://example.org/x"\nday = 2025')
    manifest += '\n[[facts]]\nlabel = "Women"\nvalue = 3\nunits = "%"\n'
    assert _toml_problems(tmp_path, manifest) == [
        "R/report.toml: report.toml has no 'publisher'; add publisher = \"Name of the "
        'organisation that published the figures"',
        "R/report.toml:2: unknown key 'publsher'; the allowed keys are title, title_fa, "
        "publisher, publisher_fa, total, total_qualifier, quote, prisons, provinces, iso_scheme, "
        "calendar, series, complete, revises, grade, notes, notes_fa, source, period, facts "
        "(did you mean 'publisher'?)",
        "R/report.toml:5: [source] has no 'date'; add date = 2025-01-02",
        "R/report.toml:8: unknown key 'day' in [source]; the allowed keys are title, title_fa, "
        "date, url",
        "R/report.toml:17: unknown key 'units' in [[facts]]; the allowed keys are label, "
        "label_fa, value, unit, unit_fa, quote (did you mean 'unit'?)",
    ]


def test_wrong_types_in_toml(tmp_path: Path) -> None:
    manifest = (
        MANIFEST.format(total='"1000"')
        .replace("start = 2024-01-01", "start = 2024-12-31")
        .replace("end = 2024-12-31", "end = 2024-01-01")
        .replace("date = 2025-01-02", 'date = "2 January 2025"')
    )
    manifest = manifest.replace('title = "Test report"', "title = 3\niso_scheme = 2020")
    manifest += '\n[[facts]]\nlabel = "Women"\nvalue = "34"\n'
    assert _toml_problems(tmp_path, manifest) == [
        'R/report.toml:1: title = 3 is not a text; write title = "Executions recorded in 2025"',
        'R/report.toml:2: iso_scheme = 2020 is not one of "2020", "pre-2020"; write '
        'iso_scheme = "2020" (current ISO 3166-2:IR codes) or "pre-2020"',
        "R/report.toml:4: total = '1000' is not a count; write a whole number of 0 or more, "
        "without quotes",
        "R/report.toml:8: date = '2 January 2025' is not a date; write it as YYYY-MM-DD "
        "without quotes, e.g. date = 2025-01-02",
        "R/report.toml:12: the period ends (2024-01-01) before it starts (2024-12-31); "
        "swap start and end",
        "R/report.toml:16: value = '34' is not a number; write the figure without quotes, "
        "e.g. value = 34",
    ]


def test_missing_tables_and_total(tmp_path: Path) -> None:
    manifest = 'title = "T"\npublisher = "P"\nsource = "a statement"\n'
    assert _toml_problems(tmp_path, manifest) == [
        "R/report.toml: report.toml has no 'period'; add a [period] section with start and end",
        "R/report.toml: report.toml has no 'total'; add total = N, the executions the report "
        "states",
        "R/report.toml:3: source = 'a statement' is not a table; write a [source] section "
        "with title, date under it",
    ]
    manifest = MANIFEST.format(total=1).replace("total = 1\n", "")
    assert _toml_problems(tmp_path, manifest) == [
        "R/report.toml: report.toml has no 'total'; add total = N, the executions the report states"
    ]


def test_a_string_date_in_iso_form_is_read(tmp_path: Path) -> None:
    manifest = MANIFEST.format(total=5).replace("date = 2025-01-02", 'date = "2025-01-02"')
    folder = write_report(tmp_path / "r", "prison,executions\nEvin,1\n", manifest=manifest)
    assert load_report(folder).source_date == date(2025, 1, 2)


def test_more_provinces_than_iran_has(tmp_path: Path) -> None:
    manifest = MANIFEST.format(total=5).replace("total = 5\n", "total = 5\nprovinces = 32\n")
    assert _toml_problems(tmp_path, manifest) == [
        "R/report.toml:4: provinces = 32 but Iran has 31 provinces; fix it"
    ]


def test_a_key_inside_a_multiline_string_is_not_taken_for_a_key(tmp_path: Path) -> None:
    manifest = MANIFEST.format(total=5).replace(
        'publisher = "Test publisher"\n',
        'publisher = "Test publisher"\nnotes = """\ntotal = 3\n"""\nprisons = -1\n',
    )
    assert _toml_problems(tmp_path, manifest) == [
        "R/report.toml:6: prisons = -1 is not a count; write a whole number of 0 or more, "
        "without quotes"
    ]


# -- reading what can be read: read_report ------------------------------------------------------


def read_problems(folder: Path, **filters: object) -> list[str]:
    """The problems read_report returns, with the folder written as R."""
    _, problems = read_report(folder, **filters)  # type: ignore[arg-type]
    return [str(p).replace(str(folder), "R") for p in problems]


def test_a_clean_folder_reads_whole_with_no_problem() -> None:
    report, problems = read_report(DATA / "good")
    assert problems == ()
    assert report is not None
    assert report.prison_figures == load_report(DATA / "good").prison_figures
    assert report.uncounted == ()
    assert {k: report.manifest_lines[k] for k in ("total", "prisons", "provinces")} == {
        "total": 3,
        "prisons": 4,
        "provinces": 5,
    }


def test_a_partial_report_sets_rows_with_a_bad_count_apart(tmp_path: Path) -> None:
    text = (
        "prison,executions,lat,lon\n"
        "Evin,3,,\n"
        "Qarchak,x,,\n"
        "Camp,2,48.85,2.35\n"
        ",4,,\n"
        "EVIN,1,,\n"
        "Shiraz,-1,29.6,52.5\n"
    )
    folder = write_report(tmp_path / "r", text)
    report, _ = read_report(folder)
    expected = [
        "R/prisons.csv:3: executions 'x' is not a number; write the count with digits only, "
        "without separators or words, e.g. 1000",
        "R/prisons.csv:4: lat 48.85, lon 2.35 is outside Iran (latitude 24.8..40.0, "
        "longitude 43.9..63.5); check the coordinates (decimal degrees, lat north, lon east)",
        "R/prisons.csv:5: prison is empty; write the prison's name as the report gives it",
        "R/prisons.csv:6: prison 'EVIN' is listed twice, on lines 2 and 6; keep one row (add "
        "the counts up if the report gives two)",
        "R/prisons.csv:7: executions '-1' is negative; a count of executions is 0 or more",
    ]
    assert read_problems(folder) == expected
    assert problems_of(folder) == expected  # load_report: the same problems, raised
    assert report is not None
    # only rows with no problem give figures; a bad count alone keeps the name for the join
    assert [(f.name, f.executions, f.line) for f in report.prison_figures] == [("Evin", 3, 2)]
    assert [(f.name, f.line, f.lat, f.lon) for f in report.uncounted] == [
        ("Qarchak", 3, None, None),
        ("Shiraz", 7, 29.6, 52.5),
    ]


def test_a_header_problem_still_reads_rows_when_the_required_columns_are_there(
    tmp_path: Path,
) -> None:
    folder = write_report(tmp_path / "r", "prison,executions,remark\nEvin,x,1\nQarchak,2,\n")
    assert read_problems(folder) == [
        "R/prisons.csv:1: unknown column 'remark'; the allowed columns are prison, executions, "
        "province, city, place, lat, lon, note, grade",
        "R/prisons.csv:2: executions 'x' is not a number; write the count with digits only, "
        "without separators or words, e.g. 1000",
    ]
    report, _ = read_report(folder)
    assert report is not None
    assert [(f.name, f.executions) for f in report.prison_figures] == [("Qarchak", 2)]
    # a required column misspelt, or any column twice: the rows cannot be read
    for name, header in (("s", "prison,execution"), ("t", "prison,executions,prison")):
        folder = write_report(tmp_path / name, f"{header}\nEvin,x,1\n")
        report, problems = read_report(folder)
        assert [p.line for p in problems] == [1]
        assert report is not None and report.prison_figures == report.uncounted == ()


def test_report_toml_problems_and_row_problems_come_together(tmp_path: Path) -> None:
    manifest = MANIFEST.format(total='"12"').replace("publisher =", "publsher =")
    manifest = manifest.replace('title = "Test report"\n', 'title = "Test report"\nprisons = 1\n')
    folder = write_report(
        tmp_path / "r",
        "prison,executions\nEvin,7\nQarchak,x\n",
        manifest=manifest,
        provinces="province,executions\nFars,2\n",
    )
    assert read_problems(folder) == [
        "R/prisons.csv:3: executions 'x' is not a number; write the count with digits only, "
        "without separators or words, e.g. 1000",
        "R/report.toml: report.toml has no 'publisher'; add publisher = \"Name of the "
        'organisation that published the figures"',
        "R/report.toml:3: unknown key 'publsher'; the allowed keys are title, title_fa, "
        "publisher, publisher_fa, total, total_qualifier, quote, prisons, provinces, iso_scheme, "
        "calendar, series, complete, revises, grade, notes, notes_fa, source, period, facts "
        "(did you mean 'publisher'?)",
        "R/report.toml:4: total = '12' is not a count; write a whole number of 0 or more, "
        "without quotes",
    ]
    report, _ = read_report(folder)
    assert report is not None
    # what report.toml does not give validly is a stand-in: a total no file exceeds
    assert (report.title, report.publisher, report.total, report.prisons_count) == (
        "Test report",
        "",
        9,
        1,
    )


def test_a_report_toml_that_is_not_toml_still_lets_the_figures_be_read(tmp_path: Path) -> None:
    folder = write_report(
        tmp_path / "r", "prison,executions\nEvin,1\nQarchak,x\n", manifest='title = "T\n'
    )
    problems = read_problems(folder)
    assert [p.split(": ")[0] for p in problems] == ["R/prisons.csv:3", "R/report.toml:1"]
    report, _ = read_report(folder)
    assert report is not None
    assert (report.title, report.total, report.iso_scheme, dict(report.manifest_lines)) == (
        "",
        1,
        "2020",
        {},
    )
    assert [f.name for f in report.prison_figures] == ["Evin"]


def test_rows_above_a_csv_error_are_kept(tmp_path: Path) -> None:
    text = 'prison,executions,note\nEvin,3,\nQarchak,2,"said "no""\nShiraz,1,\n'
    report, problems = read_report(write_report(tmp_path / "r", text))
    assert [p.line for p in problems] == [3]
    assert report is not None
    assert [f.name for f in report.prison_figures] == ["Evin"]


def test_events_rows_with_problems_are_still_read_unless_they_have_no_prison(
    tmp_path: Path,
) -> None:
    events = (
        "date,prison,age,remark\n"
        "2024-13-01,Atlantis,,x\n"
        "2024-01-02,Evin,200,\n"
        "2024-01-03,,,\n"
        "2024-01-04,Evin,,\n"
    )
    folder = write_report(tmp_path / "r", None, events=events)
    assert read_problems(folder) == [
        "R/events.csv:1: unknown column 'remark'; the allowed columns are date, prison, "
        "province, sex, age, charge, ethnicity, public, name, note, grade",
        "R/events.csv:2: date '2024-13-01' is not a date; write it as YYYY-MM-DD, e.g. 2024-03-21",
        "R/events.csv:3: age '200' is not a whole number of years from 0 to 120; write the "
        "age in years, or leave it empty",
        "R/events.csv:4: prison is empty; write the prison's name (or its city)",
    ]
    report, _ = read_report(folder)
    assert report is not None and report.events is not None
    assert [(f.name, f.executions, f.line) for f in report.prison_figures] == [
        ("Atlantis", 1, 2),
        ("Evin", 2, 3),
    ]
    assert report.events["line"].tolist() == [2, 3, 5]
    assert "remark" not in report.events.columns
    # a row with a bad date is left out by a date filter
    report, _ = read_report(folder, start=date(2024, 1, 1))
    assert report is not None
    assert [(f.name, f.executions) for f in report.prison_figures] == [("Evin", 2)]


def test_total_problems_name_the_file_and_the_line_of_total() -> None:
    report = load_report(DATA / "good")
    assert total_problems(report) == []
    found = [str(p) for p in total_problems(replace(report, total=20))]
    assert [p.replace(str(DATA / "good"), "R") for p in found] == [
        "R/report.toml:3: prisons.csv itemizes 31 executions, more than total = 20; fix the "
        "counts in prisons.csv or raise the total"
    ]


# -- events.csv ---------------------------------------------------------------------------------


def test_events_are_counted_per_prison_in_order_of_first_row() -> None:
    report = load_report(DATA / "events")
    assert report.total == 6  # no total in report.toml: the number of events
    assert [(f.name, f.executions, f.line, f.rows, f.province) for f in report.prison_figures] == [
        ("Qezelhessar", 2, 2, 2, "Alborz"),
        ("Ghezel Hesar", 1, 3, 1, None),
        ("Evin", 1, 5, 1, "Tehran"),
        ("Shiraz", 1, 6, 1, None),
        ("Marvdasht", 1, 8, 1, None),
    ]
    assert report.prison_figures[0].source == "events.csv: 2 rows"
    events = report.events
    assert events is not None
    assert events["line"].tolist() == [2, 3, 5, 6, 7, 8]
    assert events["sex"].tolist()[:6] == ["male", "male", "female", "male", "female", pd.NA]
    assert events["age"].tolist()[:3] == [31, pd.NA, 40]
    assert events["public"].tolist()[:2] == [False, pd.NA]
    assert events["public"].iloc[3]
    assert events["date"].iloc[0] == pd.Timestamp("2024-01-05")
    assert events["note"].iloc[3] == "hanged in public, in the morning"


@pytest.mark.parametrize(
    ("filters", "counts"),
    [
        (
            {"where": [("charge", "drug")]},
            {"Qezelhessar": 1, "Ghezel Hesar": 1, "Shiraz": 1, "Marvdasht": 1},
        ),
        (
            {"where": [("charge", "DRUG"), ("sex", "m")]},
            {"Qezelhessar": 1, "Ghezel Hesar": 1, "Shiraz": 1},
        ),
        ({"where": [("charge", "murder"), ("charge", "drug"), ("public", "yes")]}, {"Shiraz": 1}),
        ({"start": date(2024, 7, 1)}, {"Shiraz": 1, "Qezelhessar": 1, "Marvdasht": 1}),
        ({"start": date(2024, 3, 1), "end": date(2024, 3, 1)}, {"Evin": 1}),
        ({"where": [("ethnicity", "baluch")]}, {"Ghezel Hesar": 1}),
        ({"where": [("charge", "espionage")]}, {}),
    ],
)
def test_events_filters(filters: dict[str, object], counts: dict[str, int]) -> None:
    report = load_report(DATA / "events", **filters)  # type: ignore[arg-type]
    assert {f.name: f.executions for f in report.prison_figures} == counts
    assert report.total == sum(counts.values())


def test_events_total_from_report_toml(tmp_path: Path) -> None:
    events = "date,prison\n2024-01-01,Evin\n2024-02-01,Evin\n"
    folder = write_report(tmp_path / "r", None, events=events, total=10)
    assert load_report(folder).total == 10
    assert load_report(folder, where=[("prison", "evin")]).total == 2  # filtered: the selection
    folder = write_report(tmp_path / "s", None, events=events, total=1)
    assert problems_of(folder) == [
        "R/report.toml:3: total = 1 but events.csv lists 2 executions; raise total to at least "
        "2, or remove it to use the number of events"
    ]


def test_province_figures_of_an_events_report_are_bounded_by_its_total(tmp_path: Path) -> None:
    manifest = MANIFEST.format(total=0).replace("total = 0\n", "")
    events = "date,prison\n2024-01-01,Evin\n2024-02-01,Evin\n"
    provinces = "province,executions\nTehran,5\n"
    folder = write_report(
        tmp_path / "r", None, events=events, provinces=provinces, manifest=manifest
    )
    assert problems_of(folder) == [
        "R/report.toml: provinces.csv itemizes 5 executions, more than total = 2; fix the "
        "counts in provinces.csv or raise the total"
    ]


def test_filters_need_events(tmp_path: Path) -> None:
    folder = write_report(tmp_path / "r", "prison,executions\nEvin,1\n")
    assert problems_of(folder, start=date(2024, 1, 1)) == [
        "R: filters (from, to, where) select rows of events.csv, and this report has none; "
        "drop the filters"
    ]


def test_filter_on_a_missing_column(tmp_path: Path) -> None:
    folder = write_report(tmp_path / "r", None, events="date,prison\n2024-01-01,Evin\n")
    assert problems_of(folder, where=[("charge", "drug")]) == [
        "R/events.csv:1: cannot filter on 'charge': events.csv has no such column; filter on "
        "one of prison"
    ]


def test_bad_events_rows_each_with_its_line(tmp_path: Path) -> None:
    events = (
        "date,prison,sex,age,public\n"
        "2024-01-01,Evin,male,30,no\n"
        "2024-13-01,Evin,,,\n"
        "2023-12-31,Evin,,,\n"
        ",Evin,,,\n"
        "2024-01-02,,,,\n"
        "2024-01-03,Evin,man?,,\n"
        "2024-01-04,Evin,,30.5,\n"
        "2024-01-05,Evin,,-3,\n"
        "2024-01-06,Evin,,200,\n"
        "2024-01-07,Evin,,,maybe\n"
    )
    folder = write_report(tmp_path / "r", None, events=events)
    assert problems_of(folder) == [
        "R/events.csv:3: date '2024-13-01' is not a date; write it as YYYY-MM-DD, e.g. 2024-03-21",
        "R/events.csv:4: date '2023-12-31' is outside the report's period "
        "2024-01-01..2024-12-31; fix the date (Gregorian, YYYY-MM-DD) or the period in "
        "report.toml",
        "R/events.csv:5: date '' is not a date; write it as YYYY-MM-DD, e.g. 2024-03-21",
        "R/events.csv:6: prison is empty; write the prison's name (or its city)",
        "R/events.csv:7: sex 'man?' is not one of male, m, female, f; write one of them, "
        "or leave it empty",
        "R/events.csv:8: age '30.5' is not a whole number of years from 0 to 120; write the "
        "age in years, or leave it empty",
        "R/events.csv:9: age '-3' is not a whole number of years from 0 to 120; write the "
        "age in years, or leave it empty",
        "R/events.csv:10: age '200' is not a whole number of years from 0 to 120; write the "
        "age in years, or leave it empty",
        "R/events.csv:11: public 'maybe' is not one of yes, true, 1, no, false, 0; write one "
        "of them, or leave it empty",
    ]


def test_many_bad_events_rows_are_summed_up(tmp_path: Path) -> None:
    rows = "".join(f"2024-01-{day:02d},Evin,{day}x\n" for day in range(1, 9))
    folder = write_report(tmp_path / "r", None, events="date,prison,age\n" + rows)
    found = problems_of(folder)
    assert len(found) == 6
    assert found[0] == (
        "R/events.csv:2: age '1x' is not a whole number of years from 0 to 120; write the age "
        "in years, or leave it empty"
    )
    assert found[-1] == (
        "R/events.csv:7: 3 more rows from here on have the same problem in column 'age'; "
        "fix them the same way"
    )


def test_events_header_and_shape_problems(tmp_path: Path) -> None:
    folder = write_report(tmp_path / "r", None, events="date,prisn\n2024-01-01,Evin\n")
    assert problems_of(folder) == [
        "R/events.csv:1: unknown column 'prisn'; the allowed columns are date, prison, "
        "province, sex, age, charge, ethnicity, public, name, note, grade (did you mean 'prison'?)",
    ]
    folder = write_report(
        tmp_path / "s", None, events="date,prison\n2024-01-01,Evin\n\n2024-01-02,Evin,x\n"
    )
    assert problems_of(folder) == [
        "R/events.csv:4: this row has 3 fields but the header has 2 (date,prison); put quotes "
        "around a value holding a comma, or remove the extra comma"
    ]
    folder = write_report(
        tmp_path / "u", None, events='date,prison,note\n2024-01-01,Evin,"open\n2024-01-02,Evin,\n'
    )
    assert problems_of(folder) == [
        "R/events.csv:2: a quote opened on this line is never closed, so the rest of the file "
        'would be one value; close the quote, or write a quote inside a value twice ("")'
    ]
    folder = write_report(tmp_path / "t", None, events="")
    assert problems_of(folder) == [
        "R/events.csv:1: the file is empty; write the header line 'date,prison' and one row "
        "per place below it"
    ]


def test_a_prison_in_two_provinces(tmp_path: Path) -> None:
    events = (
        "date,prison,province\n2024-01-01,Evin,Tehran\n2024-01-02,Evin,\n2024-01-03,Evin,Alborz\n"
    )
    folder = write_report(tmp_path / "r", None, events=events)
    assert problems_of(folder) == [
        "R/events.csv:4: prison 'Evin' is in province 'Tehran' on line 2 but 'Alborz' here; "
        "give each prison one province (or leave the column empty)"
    ]


def test_events_lines_survive_a_quoted_newline(tmp_path: Path) -> None:
    events = (
        'date,prison,note\n2024-01-01,Evin,"two\nlines"\n2024-01-02,Qarchak,\n2024-01-0x,Evin,\n'
    )
    folder = write_report(tmp_path / "r", None, events=events)
    assert problems_of(folder) == [
        "R/events.csv:5: date '2024-01-0x' is not a date; write it as YYYY-MM-DD, e.g. 2024-03-21"
    ]


def test_large_events_file_is_read_quickly(tmp_path: Path) -> None:
    rows = 200_000
    prisons = [f"Prison {i}" for i in range(2_000)]
    frame = pd.DataFrame(
        {
            "date": pd.date_range("2024-01-01", periods=366, freq="D").strftime("%Y-%m-%d")[
                [i % 366 for i in range(rows)]
            ],
            "prison": [prisons[i % len(prisons)] for i in range(rows)],
            "sex": ["male", "female"] * (rows // 2),
            "age": [str(20 + i % 50) for i in range(rows)],
            "charge": ["drug", "murder", ""] * (rows // 3) + [""] * (rows % 3),
        }
    )
    folder = write_report(tmp_path / "r", None, events="")
    frame.to_csv(folder / "events.csv", index=False)
    report = load_report(folder, where=[("charge", "drug")])
    assert report.total == int((frame["charge"] == "drug").sum())
    assert len(report.prison_figures) == len(prisons)
    assert report.prison_figures[0].line == 2
