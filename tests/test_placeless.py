"""Rows that name no place ("Unknown", "Other prisons", "نامعلوم") and total rows, as real
published tables print them: kept in the report's total as not itemized and listed by check,
never placed, never taken for a misspelt place; a total row is refused at its line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from fake_world import write_report
from iranmap.cli import main
from iranmap.gazetteer import load_gazetteer
from iranmap.join import join
from iranmap.reports import load_report
from iranmap.reports._placeless import placeless


def write(folder: Path, rows: str) -> Path:
    """A report of total 100 whose prisons.csv has ``rows``."""
    return write_report(folder, "prison,executions\n" + rows)


@pytest.mark.parametrize(
    "name",
    [
        *("Unknown", "unknown prison", "Unknown prisons", "Prison unknown", "Not known"),
        *("Other prisons", "Others", "N/A", "Unidentified prison", "Other provinces"),
        *("نامعلوم", "زندان نامعلوم", "نامشخص", "سایر زندان‌ها", "زندان‌های دیگر", "مشخص نیست"),
        *("Carcere sconosciuto", "Altre carceri", "Gefängnis unbekannt", "Prison inconnue"),
        *("Cárcel desconocida", "Bilinmeyen cezaevi", "Diğer cezaevleri", "Onbekend"),
    ],
)
def test_a_name_for_no_place_is_read_as_such(name: str) -> None:
    assert placeless(name) == "unknown"


@pytest.mark.parametrize(
    "name", ["Total", "TOTAL", "Grand total", "Totale", "Insgesamt", "Toplam", "جمع کل", "مجموع"]
)
def test_a_total_row_is_read_as_a_total(name: str) -> None:
    assert placeless(name) == "total"


@pytest.mark.parametrize(
    "name",
    ["Unknown, Shiraz", "Qezelhessar", "Other Qezelhessar", "Jam", "زندان جم", "Sari", "Kol"],
)
def test_a_name_that_may_be_a_place_is_left_to_the_geocoder(name: str) -> None:
    assert placeless(name) is None


def test_no_place_of_the_gazetteer_is_taken_for_no_place() -> None:
    """Every name and alias of every prison, city, province and GeoNames place the geocoder
    knows stays a place: the lists can never swallow a real row."""
    gazetteer = load_gazetteer()
    names: set[str] = set()
    for prison in gazetteer.prisons:
        names.update((prison.name_en, prison.name_fa, prison.city, *prison.aliases))
    for city in gazetteer.cities:
        names.update((city.name, city.name_fa, *city.aliases))
    for province in gazetteer.provinces:
        names.update((province.name_en, province.name_fa, *province.aliases))
    for county in gazetteer.counties:
        names.update((county.name_en, county.name_fa, *county.aliases))
    names.update(place.name for place in gazetteer.places)
    assert len(names) > 3000
    assert sorted(n for n in names if n and placeless(n)) == []


def test_rows_without_a_place_are_in_the_total_and_not_itemized(tmp_path: Path) -> None:
    folder = write(tmp_path / "r", "Qezelhessar,60\nUnknown prison,25\nسایر زندان‌ها,5\n")
    report = load_report(folder)
    assert [f.name for f in report.prison_figures] == ["Qezelhessar"]
    assert [(f.name, f.line, f.executions) for f in report.placeless] == [
        ("Unknown prison", 3, 25),
        ("سایر زندان‌ها", 4, 5),
    ]
    r = join(report).reconciliation
    assert (r.reported_total, r.itemized_by_province, r.not_itemized) == (100, 60, 40)
    assert [(u.name, u.executions) for u in r.placeless] == [
        ("Unknown prison", 25),
        ("سایر زندان‌ها", 5),
    ]
    assert r.unresolved == ()
    assert r.sentence("en") == (
        "60 of at least 100 executions itemized by prison, in 1 prison across 1 province; "
        "40 not itemized (30 of them in rows giving no place)."
    )
    assert r.sentence("fa").endswith(
        "۴۰ مورد بدون تفکیک است (که محل ۳۰ مورد از آن‌ها در گزارش نیامده است)."
    )


def test_a_table_whose_rows_add_up_but_one_has_no_place_leaves_provinces_not_itemized(
    tmp_path: Path,
) -> None:
    """The rows add up to the total, but 5 executions have no place: a province the table
    does not list may hold them, so it is not itemized, never "none reported"."""
    folder = write(tmp_path / "r", "Qezelhessar,95\nUnknown,5\n")
    joined = join(load_report(folder))
    status = dict(zip(joined.provinces["iso"], joined.provinces["status"], strict=True))
    assert status["IR-30"] == "itemized"
    assert status["IR-07"] == "not itemized"
    assert joined.reconciliation.provinces_none_reported == 0


def test_check_lists_each_row_without_a_place_at_its_line(tmp_path: Path) -> None:
    folder = write(tmp_path / "r", "Qezelhessar,60\nUnknown prison,25\nنامعلوم,5\n")
    result = CliRunner().invoke(main, ["check", str(folder)])
    assert result.exit_code == 0, result.output
    out = result.stdout.replace(str(folder), "R")
    assert (
        "not itemized   40  in no prison or province figure; "
        "30 of them in rows without a place (see below)\n"
    ) in out
    assert out.endswith(
        "given without a place (counted as not itemized):\n"
        "R/prisons.csv:3  'Unknown prison' 25\n"
        "R/prisons.csv:4  'نامعلوم' 5\n"
    )
    data = json.loads(CliRunner().invoke(main, ["check", str(folder), "--json"]).stdout)
    assert [(u["line"], u["executions"]) for u in data["placeless"]] == [(3, 25), (4, 5)]


def test_a_total_row_is_refused_at_its_line(tmp_path: Path) -> None:
    folder = write(tmp_path / "r", "Qezelhessar,60\nTotal,60\n")
    result = CliRunner().invoke(main, ["check", str(folder)])
    assert result.exit_code == 1
    assert result.stdout.replace(str(folder), "R") == (
        "R/prisons.csv:3: prison 'Total' is a total, not a prison; delete the row "
        "(report.toml's total = N states the report's total)\n"
    )


def test_rows_without_a_place_count_against_the_total(tmp_path: Path) -> None:
    folder = write(tmp_path / "r", "Qezelhessar,60\nUnknown,50\n")
    result = CliRunner().invoke(main, ["check", str(folder)])
    assert result.exit_code == 1
    assert result.stdout.replace(str(folder), "R") == (
        "R/report.toml:3: prisons.csv itemizes 60 executions and gives 50 without a place, "
        "more than total = 100; fix the counts in prisons.csv or raise the total\n"
    )


def test_an_events_row_naming_no_prison_is_refused_at_its_line(tmp_path: Path) -> None:
    """events.csv places each execution by its row's prison: a row saying "Unknown" is
    refused once, at its line, with how to count it (not taken for a misspelt prison)."""
    events = "date,prison\n2024-02-01,Qezelhessar\n2024-03-01,Unknown prison\n"
    folder = write_report(tmp_path / "e", None, total=3, events=events)
    result = CliRunner().invoke(main, ["check", str(folder)])
    assert result.exit_code == 1
    assert result.stdout.replace(str(folder), "R") == (
        "R/events.csv:3: prison 'Unknown prison' names no place, and each row of events.csv "
        "is placed by its prison; write the prison's name (or its city), or leave the row "
        "out and count it in report.toml's total (executions beyond the rows are not "
        "itemized)\n"
    )


def test_a_row_without_a_place_that_gives_its_province_asks_for_the_provinces_figure(
    tmp_path: Path,
) -> None:
    """ "Unknown prison" of Fars is itemized by province: the row cannot say it alone, so check
    asks for Fars's figure in provinces.csv rather than drop the province."""
    folder = write_report(
        tmp_path / "r",
        "prison,executions,province\nQezelhessar,60,\nUnknown prison,5,Fars\nOther,x,\n",
    )
    result = CliRunner().invoke(main, ["check", str(folder)])
    assert result.exit_code == 1
    assert result.stdout.replace(str(folder), "R").splitlines() == [
        "R/prisons.csv:3: prison 'Unknown prison' names no place, but the row gives 'Fars'; "
        "give that province's figure in provinces.csv (it counts this row and the prisons of "
        "the province), or empty the row's province and city to count it as not itemized",
        "R/prisons.csv:4: executions 'x' is not a number; write the count with digits only, "
        "without separators or words, e.g. 1000",
    ]
