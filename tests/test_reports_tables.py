"""Tables as people save them: spreadsheets (.xlsx, .ods), CSVs separated by semicolons or
tabs, and counts written with thousands separators."""

from __future__ import annotations

import re
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import openpyxl
import pandas as pd
import pytest

from fake_world import MANIFEST, write_report
from iranmap.errors import InputError
from iranmap.reports import load_report, read_report

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "iranmap" / "reports"


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(InputError) as info:
        load_report(folder)
    return [str(p).replace(str(folder), "R") for p in info.value.problems]


def write_xlsx(
    path: Path, sheets: dict[str, list[list[Any]]], cached: dict[str, str] | None = None
) -> Path:
    """A workbook; ``cached`` gives formula cells (B4: "168") the value Excel saves with them
    (openpyxl saves formulas without one, as a file no spreadsheet program has opened)."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    if cached:
        _cache_values(path, cached)
    return path


def _cache_values(path: Path, cached: dict[str, str]) -> None:
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    for cell, value in cached.items():
        xml, count = re.subn(
            rf'(<c r="{cell}"[^>]*>.*?</f>)<v\s*/?>(?:</v>)?', rf"\1<v>{value}</v>", xml
        )
        if count == 0:  # a number cell: its value as a float, as some programs write them
            xml, count = re.subn(rf'(<c r="{cell}"[^>]*><v>)[^<]*(</v>)', rf"\g<1>{value}\2", xml)
        assert count == 1, cell
    parts["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def _ods_cell(value: Any) -> str:
    """A cell of content.xml; ("formula", value) is a formula with its saved value."""
    if value == "":
        return "<table:table-cell/>"
    attrs = ' office:value-type="string"'
    if isinstance(value, tuple):
        formula, value = value
        attrs = f' table:formula="of:={escape(formula)}" office:value-type="float"'
        attrs += f' office:value="{value}"'
    elif isinstance(value, int | float):
        attrs = f' office:value-type="float" office:value="{value}"'
    return f"<table:table-cell{attrs}><text:p>{escape(str(value))}</text:p></table:table-cell>"


_OFFICE = "urn:oasis:names:tc:opendocument:xmlns"
_ODS_TYPE = "application/vnd.oasis.opendocument.spreadsheet"
_ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    f'<manifest:manifest xmlns:manifest="{_OFFICE}:manifest:1.0" manifest:version="1.2">'
    f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{_ODS_TYPE}"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def write_ods(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    """A minimal OpenDocument spreadsheet, as LibreOffice would save its values."""
    tables = "".join(
        f'<table:table table:name="{escape(name)}">'
        + "".join(
            "<table:table-row>" + "".join(map(_ods_cell, row)) + "</table:table-row>"
            for row in rows
        )
        + "</table:table>"
        for name, rows in sheets.items()
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        f'xmlns:office="{_OFFICE}:office:1.0" xmlns:table="{_OFFICE}:table:1.0" '
        f'xmlns:text="{_OFFICE}:text:1.0" office:version="1.2"><office:body>'
        f"<office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), _ODS_TYPE)  # first and stored, as ODF says
        archive.writestr("META-INF/manifest.xml", _ODS_MANIFEST, zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path


def sheet_report(tmp_path: Path, total: int = 500) -> Path:
    return write_report(tmp_path / "r", None, manifest=MANIFEST.format(total=total))


# -- spreadsheets -------------------------------------------------------------------------------


def test_prisons_xlsx_is_read_with_saved_formula_values(tmp_path: Path) -> None:
    folder = sheet_report(tmp_path)
    rows = [
        ["Prison", "Executions", "note"],
        ["Evin", 3, None],
        ["Qarchak", 165.0, "a note"],  # a whole number stored as a float
        [None, None, None],
        ["Lakan", "=B2+B3", None],
    ]
    write_xlsx(folder / "prisons.xlsx", {"Sheet1": rows}, cached={"B5": "168"})
    report = load_report(folder)
    assert [(f.name, f.executions, f.note, f.source) for f in report.prison_figures] == [
        ("Evin", 3, None, "prisons.xlsx:2"),
        ("Qarchak", 165, "a note", "prisons.xlsx:3"),
        ("Lakan", 168, None, "prisons.xlsx:5"),
    ]


def test_the_sheet_named_as_the_file_is_read_before_the_first(tmp_path: Path) -> None:
    folder = sheet_report(tmp_path)
    sheets = {"Notes": [["Written by hand"]], "Prisons": [["prison", "executions"], ["Evin", 4]]}
    write_xlsx(folder / "prisons.xlsx", sheets)
    assert [(f.name, f.executions) for f in load_report(folder).prison_figures] == [("Evin", 4)]


def test_problems_in_a_workbook_name_their_cells(tmp_path: Path) -> None:
    folder = sheet_report(tmp_path)
    rows = [
        ["prison", "executions"],
        ["Evin", 3],
        ["Qarchak", 165.5],
        ["Lakan", "=B2*2"],
        ["Vakilabad", "1,000"],
        ["Evin", 2],
        ["Dizelabad", "x", "stray"],
    ]
    write_xlsx(folder / "prisons.xlsx", {"Sheet1": rows})
    assert problems_of(folder) == [
        "R/prisons.xlsx:Sheet1!B3: executions '165.5' is not a whole number; write the count with "
        "digits only, e.g. 12",
        "R/prisons.xlsx:Sheet1!B4: the cell holds the formula '=B2*2' but no value saved with it; "
        "open the file in Excel (or LibreOffice) and save it, so that the value is saved too, or "
        "write the value",
        "R/prisons.xlsx:Sheet1!B5: executions '1,000' is written with a thousands separator; "
        "write 1000",
        "R/prisons.xlsx:Sheet1!A6: prison 'Evin' is listed twice, on rows 2 and 6; keep one row "
        "(add the counts up if the report gives two)",
        "R/prisons.xlsx:Sheet1!C7: this cell holds 'stray' but its column has no name in the "
        "header; name the column in the header, or clear the cell",
    ]


def test_a_workbook_header_problem_names_its_row(tmp_path: Path) -> None:
    folder = sheet_report(tmp_path)
    write_xlsx(folder / "prisons.xlsx", {"Sheet1": [[], ["prison", "count"], ["Evin", 3]]})
    assert problems_of(folder) == [
        "R/prisons.xlsx:Sheet1!2:2: unknown column 'count'; the allowed columns are prison, "
        "executions, province, city, place, lat, lon, note, grade",
        "R/prisons.xlsx:Sheet1!2:2: missing column 'executions'; the header must name prison "
        "and executions (found ['prison', 'count'])",
    ]


def test_a_file_that_is_not_a_workbook(tmp_path: Path) -> None:
    folder = sheet_report(tmp_path)
    (folder / "prisons.xlsx").write_text("prison,executions\nEvin,3\n", encoding="utf-8")
    assert problems_of(folder) == [
        "R/prisons.xlsx: the file cannot be read as an Excel workbook (.xlsx) (BadZipFile: File "
        "is not a zip file); open it in Excel or LibreOffice and save it again, or save the "
        "sheet as CSV UTF-8 instead"
    ]


def test_events_xlsx_with_date_cells(tmp_path: Path) -> None:
    folder = write_report(tmp_path / "r", None, manifest=MANIFEST.format(total=3))
    rows = [
        ["date", "prison", "age"],
        [datetime(2024, 3, 1), "Evin", 30.0],
        ["2024-03-02", "Evin", None],
        [datetime(2024, 3, 3), "Qarchak", None],
    ]
    write_xlsx(folder / "events.xlsx", {"events": rows})
    report = load_report(folder)
    assert [(f.name, f.executions, f.source) for f in report.prison_figures] == [
        ("Evin", 2, "events.xlsx: 2 rows"),
        ("Qarchak", 1, "events.xlsx:4"),
    ]
    assert report.events is not None
    assert [None if pd.isna(a) else a for a in report.events["age"]] == [30, None, None]
    rows[2] = ["2024-13-01", "Evin", "old"]
    write_xlsx(folder / "events.xlsx", {"events": rows})
    assert problems_of(folder) == [
        "R/events.xlsx:events!A3: date '2024-13-01' is not a date; write it as YYYY-MM-DD, e.g. "
        "2024-03-21",
        "R/events.xlsx:events!C3: age 'old' is not a whole number of years from 0 to 120; write "
        "the age in years, or leave it empty",
    ]


def test_provinces_and_prisons_ods(tmp_path: Path) -> None:
    folder = sheet_report(tmp_path)
    write_ods(
        folder / "provinces.ods",
        {"provinces": [["province", "executions"], ["Fars", 4], ["Tehran", ("SUM([.B2])", 4)]]},
    )
    write_ods(
        folder / "prisons.ods",
        {"Sheet1": [["prison", "executions"], ["Evin", 3.0], ["", ""], ["Lakan", 2.5]]},
    )
    assert problems_of(folder) == [
        "R/prisons.ods:Sheet1!B4: executions '2.5' is not a whole number; write the count with "
        "digits only, e.g. 12"
    ]
    write_ods(folder / "prisons.ods", {"Sheet1": [["prison", "executions"], ["Evin", 3.0]]})
    report = load_report(folder)
    assert [(f.name, f.executions) for f in report.prison_figures] == [("Evin", 3)]
    assert [(f.name, f.executions, f.source) for f in report.province_figures] == [
        ("Fars", 4, "provinces.ods:2"),
        ("Tehran", 4, "provinces.ods:3"),
    ]  # fmt: skip


def test_two_files_for_the_same_figures(tmp_path: Path) -> None:
    folder = write_report(tmp_path / "r", "prison,executions\nEvin,3\n")
    write_xlsx(folder / "prisons.xlsx", {"Sheet1": [["prison", "executions"], ["Evin", 3]]})
    assert problems_of(folder) == [
        "R/prisons.xlsx: prisons.csv and prisons.xlsx both give the prisons figures; keep one of "
        "them and move the other out of the folder"
    ]


def test_an_empty_header_only_workbook_warns(tmp_path: Path) -> None:
    folder = sheet_report(tmp_path)
    write_xlsx(folder / "prisons.xlsx", {"Sheet1": [["prison", "executions"]]})
    report, problems = read_report(folder)
    assert problems == () and report is not None
    assert [str(w).replace(str(folder), "R") for w in report.warnings] == [
        "R/prisons.xlsx:Sheet1!1:1: has a header but no rows; the report itemizes no prison"
    ]


# -- CSV delimiters -----------------------------------------------------------------------------


def test_semicolons_and_tabs_separate_columns_too(tmp_path: Path) -> None:
    prisons = "prison;executions;note\nEvin;3;a, b\nQarchak;2;\n"
    report = load_report(write_report(tmp_path / "r", prisons))
    assert [(f.name, f.executions, f.note) for f in report.prison_figures] == [
        ("Evin", 3, "a, b"),
        ("Qarchak", 2, None),
    ]
    events = "date\tprison\tnote\n2024-03-01\tEvin\tx, y\n2024-03-02\tEvin\t\n"
    report = load_report(write_report(tmp_path / "e", None, events=events))
    assert [(f.name, f.executions) for f in report.prison_figures] == [("Evin", 2)]


def test_a_header_with_another_separator(tmp_path: Path) -> None:
    folder = write_report(tmp_path / "r", "prison|executions\nEvin|3\n")
    assert problems_of(folder) == [
        "R/prisons.csv:1: the header 'prison|executions' separates its columns with '|'; "
        "separate them with commas, semicolons or tabs, e.g. prison,executions (in Excel: save "
        "as CSV UTF-8)"
    ]


def test_a_header_that_splits_two_ways(tmp_path: Path) -> None:
    folder = write_report(tmp_path / "r", "prison;executions;x,prison,executions\nEvin;3\n")
    assert problems_of(folder) == [
        "R/prisons.csv:1: the header 'prison;executions;x,prison,executions' names the columns "
        "whether it is split at commas and semicolons, so the rows cannot be read for sure; "
        "separate the columns with one of them only, e.g. prison,executions"
    ]


# -- thousands separators -----------------------------------------------------------------------


def test_counts_with_thousands_separators_say_what_to_write(tmp_path: Path) -> None:
    prisons = "prison,executions\nEvin,1 000\nQarchak,۱٬۰۰۰\nLakan,12.345.678\nVakilabad,1,000\n"
    folder = write_report(tmp_path / "r", prisons)
    assert problems_of(folder) == [
        "R/prisons.csv:2: executions '1 000' is written with a thousands separator; write 1000",
        "R/prisons.csv:3: executions '۱٬۰۰۰' is written with a thousands separator; write 1000",
        "R/prisons.csv:4: executions '12.345.678' is written with a thousands separator; write "
        "12345678",
        "R/prisons.csv:5: this row has 3 fields but the header has 2 (prison,executions); put "
        "quotes around a value holding a comma, or remove the extra comma (if 1,000 is one "
        "count, write 1000)",
    ]


@pytest.mark.parametrize(
    ("written", "what"),
    [
        ("1,000", "total = 1,000"),
        ("1 000", "total = 1 000"),
        ("۱٬۰۰۰", "total = ۱٬۰۰۰"),
        ("1.000", "total = 1.000"),  # TOML reads it as the float 1.0
        ('"1,000"', 'total = "1,000"'),
    ],
)
def test_a_total_with_a_thousands_separator(tmp_path: Path, written: str, what: str) -> None:
    manifest = MANIFEST.replace("total = {total}", f"total = {written}")
    folder = write_report(tmp_path / "r", "prison,executions\nEvin,3\n", manifest=manifest)
    assert problems_of(folder) == [
        f"R/report.toml:3: {what} is written with a thousands separator; write total = 1000"
    ]


# -- hints ----------------------------------------------------------------------------------------


def test_hints_take_no_example_from_the_shipped_reports() -> None:
    shipped = re.compile(r"NCRI|ncri|Qezel|Khamenei|Shiraz|Executions in Iran, 2024")
    for module in sorted(PACKAGE.glob("*.py")):
        found = shipped.findall(module.read_text(encoding="utf-8"))
        assert not found, (module.name, found)


def test_a_file_that_is_not_an_ods(tmp_path: Path) -> None:
    folder = sheet_report(tmp_path)
    (folder / "provinces.ods").write_bytes(b"province,executions\n")
    (folder / "prisons.csv").write_text("prison,executions\nEvin,3\n", encoding="utf-8")
    [problem] = problems_of(folder)
    assert problem.startswith("R/provinces.ods: the file cannot be read as an OpenDocument ")
    assert problem.endswith(
        "; open it in Excel or LibreOffice and save it again, or save the sheet as CSV UTF-8 "
        "instead"
    )


def test_empty_columns_of_a_sheet_are_margins(tmp_path: Path) -> None:
    folder = sheet_report(tmp_path)
    rows = [
        [],
        [None, "prison", None, "executions"],
        [None, "Evin", None, 3],
        [None, "Lakan", None, "y"],
    ]
    write_xlsx(folder / "prisons.xlsx", {"Sheet1": rows})
    assert problems_of(folder) == [
        "R/prisons.xlsx:Sheet1!D4: executions 'y' is not a number; write the count with digits "
        "only, without separators or words, e.g. 1000"
    ]
    rows[3] = [None, "Lakan", None, 2]
    write_xlsx(folder / "prisons.xlsx", {"Sheet1": rows})
    assert [(f.name, f.executions) for f in load_report(folder).prison_figures] == [
        ("Evin", 3),
        ("Lakan", 2),
    ]


def test_a_sheet_column_without_a_name_between_two_named_ones(tmp_path: Path) -> None:
    folder = sheet_report(tmp_path)
    rows = [["prison", None, "executions"], ["Evin", "x", 3]]
    write_xlsx(folder / "prisons.xlsx", {"Sheet1": rows})
    assert problems_of(folder) == [
        "R/prisons.xlsx:Sheet1!1:1: column 2 of the header has no name; name it, or delete "
        "the column"
    ]
