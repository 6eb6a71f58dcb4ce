"""Hostile input, second pass: iranmap writes only what it owns, no file stops another, every
input is bounded before it is parsed, links and hidden sheets are refused.

Each class of input is a table of cases with the exact message a user sees. The limits are
lowered with monkeypatch where reaching them for real would take long (``bench/limits.py``
measures the real ones).
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import zipfile
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st

import iranmap.limits
import iranmap.output
import iranmap.reports._assemble
import iranmap.reports._decode
from iranmap.build import build, plan, report_id
from iranmap.calendars import Calendar
from iranmap.cli import main
from iranmap.errors import InputError
from iranmap.limits import (
    MAX_SHEET_CELLS,
    MAX_STEPS,
    MAX_TOML_DEPTH,
    LimitError,
    check_toml_depth,
)
from iranmap.output import OutputError, remove_leftovers
from iranmap.project import load_project
from iranmap.render import BuildOptions
from iranmap.reports import load_report, read_report
from iranmap.steps import StepKind, step_bounds
from iranmap.steps._periods import step_count

REPO = Path(__file__).resolve().parents[1]
SHIPPED = REPO / "geodata" / "reports"


def copy_report(tmp_path: Path, name: str = "2025-01-01-ncri", as_name: str | None = None) -> Path:
    target = tmp_path / "reports" / (as_name or name)
    shutil.copytree(SHIPPED / name, target)
    return target


def run(*args: str | Path, input: bytes | None = None) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


def errors_of(folder: Path) -> list[str]:
    return [str(p) for p in read_report(folder)[1]]


def as_xlsx(report: Path, rows: list[list[object]], *, hidden: bool = False) -> Path:
    """Replace the report's prisons.csv by prisons.xlsx holding ``rows``; with ``hidden``,
    the sheet named prisons is hidden behind a visible one named Sheet2."""
    (report / "prisons.csv").unlink()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "prisons"
    for row in rows:
        sheet.append(row)
    if hidden:
        other = book.create_sheet("Sheet2")
        other.append(["prison", "executions"])
        other.append(["Evin", 1])
        sheet.sheet_state = "hidden"
    book.save(report / "prisons.xlsx")
    return report / "prisons.xlsx"


def rewrite_zip(path: Path, change: dict[str, bytes]) -> None:
    """Replace parts of a zip archive (a spreadsheet) in place."""
    with zipfile.ZipFile(path) as source:
        parts = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w") as out:
        for info, data in parts:
            out.writestr(info, change.get(info.filename, data))
        for name in change.keys() - {info.filename for info, _ in parts}:
            out.writestr(name, change[name])


def ods(path: Path, rows_xml: str) -> None:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="prisons">'
        f"{rows_xml}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)


def ods_cell(text: str, repeat: int = 1) -> str:
    return (
        f'<table:table-cell office:value-type="string" table:number-columns-repeated="{repeat}">'
        f"<text:p>{text}</text:p></table:table-cell>"
    )


# ---------------------------------------------------------------------------------------------
# 1. ownership of outputs


@pytest.mark.slow
def test_a_build_into_a_folder_of_unrelated_files_leaves_every_one_byte_identical(
    tmp_path: Path,
) -> None:
    report = copy_report(tmp_path)
    out = tmp_path / "site"
    theirs = {
        "index.html": b"<h1>my own site</h1>\n",
        ".gitignore": b"*.log\n",
        "notes.tmp": b"a draft\n",
        ".draft.123.abc.tmp": b"another draft\n",
        "2025-01-01-ncri/choropleth.html": b"<p>my page</p>\n",
        "2025-01-01-ncri/notes.txt": b"keep me\n",
        "series/mine/index.html": b"mine\n",
        "other/data.csv": b"a,b\n",
    }
    for name, data in theirs.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(data)
    result = run("build", report, "--out", out, "--lang", "en")
    assert result.exit_code == 1, result.output
    assert {name: (out / name).read_bytes() for name in theirs} == theirs
    blocked = out / "2025-01-01-ncri" / "choropleth.html"
    assert (
        f"error: 2025-01-01-ncri: {blocked}: a file iranmap did not write stands where the "
        "build writes choropleth.html of report 2025-01-01-ncri; it was left as it is, and "
        f"nothing of {blocked.parent} was written: move it away, or build again with --force "
        "to replace it, or give --out another folder\n"
    ) in result.stderr
    assert (
        f"warning: {out / 'index.html'}: a file iranmap did not write stands where the build "
        "writes index.html of the gallery"
    ) in result.stderr
    assert not (out / "2025-01-01-ncri" / "points.html").exists()  # nothing of the folder

    forced = run("build", report, "--out", out, "--lang", "en", "--force")
    assert forced.exit_code == 0, forced.output
    assert (out / "2025-01-01-ncri" / "choropleth.html").read_bytes() != theirs[
        "2025-01-01-ncri/choropleth.html"
    ]
    kept = {n: d for n, d in theirs.items() if n not in ("index.html", blocked_name(out, blocked))}
    assert {name: (out / name).read_bytes() for name in kept} == kept


def blocked_name(out: Path, path: Path) -> str:
    return path.relative_to(out).as_posix()


@pytest.mark.slow
def test_the_build_stamp_never_shows_in_a_projects_git_status(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    copy_report(project)
    monkeypatch.chdir(project)
    git = ["git", "-c", "user.email=a@b", "-c", "user.name=a"]
    subprocess.run([*git, "init", "-q"], check=True)
    result = run("build", "--lang", "en")
    assert result.exit_code == 0, result.output
    status = subprocess.run(
        [*git, "status", "--porcelain", "--untracked-files=all"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "maps/2025-01-01-ncri/choropleth.html" in status  # the maps are there to commit
    assert ".iranmap" not in status
    assert (project / "maps" / ".gitignore").read_text(encoding="utf-8") == (
        "# Written by iranmap: what its builds keep for themselves, not for publishing.\n"
        ".gitignore\n.iranmap-build.json\n.iranmap.lock\n.iranmap-tmp-*\n"
    )


COMPARE_CASES = [
    (
        "change.toml",
        None,
        "a change map is an HTML page, and 'change.toml' does not end in .html; give a file "
        "name ending in .html, e.g. change.html",
    ),
    (
        "reports/2025-01-01-ncri/change.html",
        None,
        "{root}/reports/2025-01-01-ncri is a report folder (it holds report.toml), and a "
        "change map is never written inside one; give a path outside every report folder",
    ),
    (
        "mine.html",
        b"<h1>mine</h1>",
        "this file is not a change map iranmap wrote, and iranmap replaces no other file; "
        "give the path of a new file, or move this one away",
    ),
]


@pytest.mark.parametrize(("name", "content", "message"), COMPARE_CASES)
def test_diff_compare_writes_only_a_new_html_file_or_its_own(
    tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    a = copy_report(tmp_path, "2024-ncri")
    b = copy_report(tmp_path)
    target = tmp_path / name
    if content is not None:
        target.write_bytes(content)
    before = snapshot(tmp_path)
    result = run("diff", a, b, "--compare", target)
    assert result.exit_code == 2
    root = tmp_path.resolve()
    assert result.stderr == f"error: {target}: {message.format(root=root)}\n"
    assert snapshot(tmp_path) == before


def test_diff_compare_refuses_a_link_and_replaces_its_own_change_map(tmp_path: Path) -> None:
    a = copy_report(tmp_path, "2024-ncri")
    b = copy_report(tmp_path)
    (tmp_path / "real.html").write_bytes(b"<!DOCTYPE html>\n")
    (tmp_path / "link.html").symlink_to(tmp_path / "real.html")
    linked = run("diff", a, b, "--compare", tmp_path / "link.html")
    assert linked.exit_code == 2
    assert linked.stderr == (
        f"error: {tmp_path / 'link.html'}: this is a symbolic link; give the path of a new "
        "file, or of a change map\n"
    )
    target = tmp_path / "change.html"
    assert run("diff", a, b, "--compare", target).exit_code == 1
    first = target.read_bytes()
    assert run("diff", b, a, "--compare", target).exit_code == 1  # its own: replaced
    assert target.read_bytes() != first


@pytest.mark.parametrize("out", ["../elsewhere", "ABSOLUTE", "link/maps", "."])
def test_out_in_iranmap_toml_lies_inside_the_project(tmp_path: Path, out: str) -> None:
    project = tmp_path / "project"
    project.mkdir()
    if out == "ABSOLUTE":  # an absolute path elsewhere on the machine
        out = str(tmp_path / "elsewhere")
    (tmp_path / "outside").mkdir()
    (project / "link").symlink_to(tmp_path / "outside")
    (project / "iranmap.toml").write_text(f'out = "{out}"\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_project(project)
    where = (project / out).resolve()
    if out == ".":
        expected = (
            "out = '.' is the project folder itself, and the maps must go in a folder of "
            'their own; write e.g. out = "maps"'
        )
    else:
        expected = (
            f"out = {out!r} lies outside the project folder ({where}); iranmap.toml may only "
            'name a folder inside the project, e.g. out = "maps" (a folder given on the '
            "command line may be anywhere)"
        )
    assert str(caught.value) == f"{project / 'iranmap.toml'}:1: {expected}"


def test_a_stale_temporary_file_that_cannot_be_removed_is_named_with_a_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stale = tmp_path / ".iranmap-tmp-999999999-abc"
    stale.write_bytes(b"half")
    mine = tmp_path / ".notes.999999999.abc.tmp"
    mine.write_bytes(b"mine")

    def refuse(self: Path, missing_ok: bool = False) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "unlink", refuse)
    with pytest.raises(OutputError) as caught:
        remove_leftovers(tmp_path)
    assert str(caught.value) == (
        f"cannot remove the stale temporary file {stale}: permission denied; choose an output "
        "folder you can write to, or change its permissions"
    )
    assert mine.read_bytes() == b"mine"


# ---------------------------------------------------------------------------------------------
# 2. isolation


def test_a_series_that_fails_unexpectedly_is_its_own_error_in_check_and_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import iranmap.steps
    from iranmap.build import stale_files

    months = [copy_report(tmp_path, f"2024-0{m}-hengaw") for m in (1, 2)]

    def series_timeline(*args: object, **kwargs: object) -> object:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(iranmap.steps, "series_timeline", series_timeline)
    options = BuildOptions(langs=("en",))
    message = (
        f"{months[0].parent}: unexpected RecursionError: maximum recursion depth exceeded; this "
        "is a bug in iranmap (nothing else was stopped by it): report it, with this file if you "
        "can"
    )
    result = build(months, tmp_path / "maps", options)
    assert [(s.id, str(s.error)) for s in result.failed_series] == [
        ("series/hengaw-monthly", message)
    ]
    assert all(r.ok for r in result.reports)
    _, failed = stale_files(months, tmp_path / "maps", options)
    assert [str(f.error) for f in failed] == [message]


@pytest.mark.slow
def test_a_hostile_neighbour_does_not_stop_a_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = copy_report(tmp_path)
    deep = tmp_path / "reports" / "deep"
    deep.mkdir()
    (deep / "report.toml").write_text("series = " + "[" * 100_000 + "\n", encoding="utf-8")
    (deep / "prisons.csv").write_text("prison,executions\nEvin,1\n", encoding="utf-8")
    entities = copy_report(tmp_path, "2024-ncri", as_name="entities")
    xlsx = as_xlsx(entities, [["prison", "executions"], ["Evin", 1]])
    rewrite_zip(xlsx, {"xl/workbook.xml": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>'})
    copy_report(tmp_path, "2024-ncri", as_name="crash")
    import iranmap.join

    real = iranmap.join.join_folder

    def join_folder(folder: Path, **kwargs: object) -> object:
        if Path(folder).name == "crash":
            raise RecursionError("maximum recursion depth exceeded")
        return real(folder, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(iranmap.join, "join_folder", join_folder)
    monkeypatch.chdir(tmp_path)
    result = run("build", "--lang", "en")
    assert result.exit_code == 1
    assert (tmp_path / "maps" / good.name / "choropleth.html").is_file()
    assert (tmp_path / "maps" / "index.html").is_file()
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [
        "error: crash: reports/crash: unexpected RecursionError: maximum recursion depth "
        "exceeded; this is a bug in iranmap (nothing else was stopped by it): report it, with "
        "this file if you can",
        f"error: deep: reports/deep/report.toml:1: arrays or tables nest more than "
        f"{MAX_TOML_DEPTH} deep here, and iranmap reads no TOML that deep (its own keys nest "
        "at most 3 deep); close the brackets, or write the values as the README's examples do",
        "error: entities: reports/entities/prisons.xlsx: the spreadsheet's part "
        "xl/workbook.xml declares a DOCTYPE, which no spreadsheet program writes and iranmap "
        "does not read (its entities can expand without bound); open the file in Excel or "
        "LibreOffice and save it again, or save the sheet as CSV UTF-8",
    ]


@pytest.mark.parametrize("kind", ["deep", "entities", "crash"])
def test_check_json_always_prints_a_json_document_with_the_problems(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    report = copy_report(tmp_path)
    if kind == "deep":
        (report / "report.toml").write_text("title = " + "{a = " * 5_000 + "\n")
    elif kind == "entities":
        xlsx = as_xlsx(report, [["prison", "executions"], ["Evin", 1]])
        rewrite_zip(xlsx, {"xl/workbook.xml": b"<!DOCTYPE x>"})
    else:
        import iranmap.join

        def boom(*args: object, **kwargs: object) -> None:
            raise KeyError("boom")

        monkeypatch.setattr(iranmap.join, "check_report", boom)
    result = run("check", report, "--json")
    assert result.exit_code == 1
    problems = json.loads(result.stdout)["problems"]
    assert problems, result.stdout
    assert all(p["path"].startswith(str(report)) for p in problems)


def test_watch_reports_a_failed_rebuild_and_keeps_watching(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import iranmap.build
    from iranmap.cli import build as cli_build

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(iranmap.build, "build", broken)
    cli_build._rebuild([tmp_path], [tmp_path], tmp_path, BuildOptions(langs=("en",)), False)
    assert capsys.readouterr().err == (
        "error: unexpected ZeroDivisionError: division by zero; this is a bug in iranmap, "
        "report it\n"
    )


# ---------------------------------------------------------------------------------------------
# 3. bounds, before parsing


@given(depth=st.integers(min_value=1, max_value=3 * MAX_TOML_DEPTH), quoted=st.booleans())
@settings(max_examples=60, deadline=None)
def test_toml_nesting_is_refused_past_the_limit_and_only_there(depth: int, quoted: bool) -> None:
    text = 'note = "[[[{{{ not nesting"\n' if quoted else ""
    text += "# [[[[[[ a comment\nx = " + "[" * depth + "1" + "]" * depth + "\n"
    if depth <= MAX_TOML_DEPTH:
        check_toml_depth("report.toml", text)
        return
    with pytest.raises(LimitError) as caught:
        check_toml_depth("report.toml", text)
    assert str(caught.value).startswith(
        f"report.toml:{3 if quoted else 2}: arrays or tables nest more than {MAX_TOML_DEPTH} deep"
    )


def big_csv(report: Path) -> None:
    (report / "prisons.csv").write_text("prison,executions\n" + "Evin,1\n" * 40, encoding="utf-8")


def unknown_names(report: Path) -> None:
    rows = "".join(f"Place {i},1\n" for i in range(5))
    (report / "prisons.csv").write_text("prison,executions\n" + rows, encoding="utf-8")


def ods_bomb(report: Path) -> None:
    (report / "prisons.csv").unlink()
    header = f"<table:table-row>{ods_cell('prison')}{ods_cell('executions')}</table:table-row>"
    ods(
        report / "prisons.ods",
        header + f'<table:table-row table:number-rows-repeated="100000">{ods_cell("1", 1000)}'
        "</table:table-row>",
    )


def xlsx_last_column(report: Path) -> None:
    xlsx = as_xlsx(report, [["prison", "executions"], ["Evin", 1]])
    cells = "".join(f'<row r="{r}"><c r="XFD{r}"><v>1</v></c></row>' for r in range(3, 400))
    with zipfile.ZipFile(xlsx) as source:
        sheet = source.read("xl/worksheets/sheet1.xml")
    rewrite_zip(
        xlsx,
        {
            "xl/worksheets/sheet1.xml": sheet.replace(
                b"</sheetData>", cells.encode() + b"</sheetData>"
            )
        },
    )


def xlsx_utf16_doctype(report: Path) -> None:
    xlsx = as_xlsx(report, [["prison", "executions"], ["Evin", 1]])
    text = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]><x/>'
    rewrite_zip(xlsx, {"xl/sharedStrings.xml": text.encode("utf-16-le")})


BOUND_CASES = [
    (
        "a file past MAX_FILE_BYTES",
        big_csv,
        {"MAX_FILE_BYTES": 100},
        "{r}/prisons.csv: the file is 298 bytes, more than iranmap reads (100 bytes); split the "
        "report into several (a series), or leave out what the maps do not need",
    ),
    (
        "more lines than MAX_ROWS",
        big_csv,
        {"MAX_ROWS": 30},
        "{r}/prisons.csv: the file has more than 30 lines, more rows than iranmap reads in one "
        "table; split the report into several (a series)",
    ),
    (
        "more names than MAX_NAMES",
        unknown_names,
        {"MAX_NAMES": 4},
        "{r}/prisons.csv: the file names 5 places, more than iranmap places in one report "
        "(4); split the report into several (a series)",
    ),
    (
        "an .ods repeating one cell",
        ods_bomb,
        {},
        "{r}/prisons.ods: a sheet of this spreadsheet (content.xml, table 1) reaches row "
        f"100,001 and column 1,000: 100,001,000 cells, more than iranmap reads "
        f"({MAX_SHEET_CELLS:,}); clear the cells far right or below the table (or repeated "
        "ones), or save the sheet as CSV UTF-8",
    ),
    (
        "an .xlsx with cells in its last column",
        xlsx_last_column,
        {},
        "{r}/prisons.xlsx: a sheet of this spreadsheet (xl/worksheets/sheet1.xml, table 1) "
        f"reaches row 399 and column 16,384: 6,537,216 cells, more than iranmap reads "
        f"({MAX_SHEET_CELLS:,}); clear the cells far right or below the table (or repeated "
        "ones), or save the sheet as CSV UTF-8",
    ),
    (
        "a DOCTYPE in UTF-16",
        xlsx_utf16_doctype,
        {},
        "{r}/prisons.xlsx: the spreadsheet's part xl/sharedStrings.xml declares a DOCTYPE, "
        "which no spreadsheet program writes and iranmap does not read (its entities can "
        "expand without bound); open the file in Excel or LibreOffice and save it again, or "
        "save the sheet as CSV UTF-8",
    ),
]


@pytest.mark.parametrize(
    ("make", "limits", "message"),
    [case[1:] for case in BOUND_CASES],
    ids=[case[0] for case in BOUND_CASES],
)
def test_an_input_past_a_limit_is_refused_before_it_is_parsed(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make: object,
    limits: dict[str, int],
    message: str,
) -> None:
    report = copy_report(tmp_path)
    for name, value in limits.items():
        for module in (iranmap.limits, iranmap.reports._decode, iranmap.reports._assemble):
            if hasattr(module, name):
                monkeypatch.setattr(module, name, value)
    make(report)  # type: ignore[operator]
    assert message.format(r=report) in errors_of(report)


def test_a_period_cut_into_more_steps_than_a_timeline_has_is_refused(tmp_path: Path) -> None:
    from iranmap.join import join
    from iranmap.steps import events_timeline

    report = copy_report(tmp_path, "2025-01-ncri-tally")
    toml = (report / "report.toml").read_text(encoding="utf-8")
    toml = toml.replace("start = 2025-01-01", "start = 1700-01-01")
    (report / "report.toml").write_text(toml.replace("end = 2025-01-31", "end = 2100-12-31"))
    (report / "events.csv").write_text("date,prison\n1700-01-02,Evin\n2100-12-30,Evin\n")
    with pytest.raises(InputError) as caught:
        events_timeline(join(load_report(report)))
    assert str(caught.value) == (
        f"{report / 'report.toml'}:20: the events span 1700-01-01 to 2100-12-31, "
        f"4,812 months, more steps than a timeline has ({MAX_STEPS:,}); check the period and "
        "the events' dates, or cut the timeline into longer steps"
    )


def test_geocode_bounds_a_line_and_an_endless_stream(monkeypatch: pytest.MonkeyPatch) -> None:
    long_line = run("geocode", input=b"Evin\n" + b"x" * 1_001 + b"\n")
    assert long_line.exit_code == 1
    assert long_line.stderr == (
        "error: <stdin>:2: the line is 1,001 characters long, more than a name may be (1,000); "
        "give one name per line\n"
    )
    monkeypatch.setattr(iranmap.limits, "MAX_GEOCODE_BYTES", 1024 * 1024)
    endless = run("geocode", input=b"Evin\n" * 300_000)
    assert endless.exit_code == 1
    assert endless.stderr == (
        "error: <stdin>: the input is longer than 1 MB, more names than iranmap geocodes at "
        "once; split the list into smaller files\n"
    )


# ---------------------------------------------------------------------------------------------
# 4. links and hidden sheets


def test_a_figures_file_linking_out_of_its_folder_is_refused_naming_the_link(
    tmp_path: Path,
) -> None:
    report = copy_report(tmp_path)
    secret = tmp_path / "secret.csv"
    secret.write_text("prison,executions\nEvin,1\n", encoding="utf-8")
    (report / "prisons.csv").unlink()
    (report / "prisons.csv").symlink_to(secret)
    assert errors_of(report) == [
        f"{report / 'prisons.csv'}: the file is a symbolic link to {str(secret)!r}, outside "
        "the report folder; iranmap reads only files inside it: copy the file into the folder "
        "instead of linking it"
    ]
    inside = report / "figures.csv"
    secret.rename(inside)
    (report / "prisons.csv").unlink()
    (report / "prisons.csv").symlink_to("figures.csv")  # a link within the folder is read
    assert "symbolic link" not in " ".join(errors_of(report))


def test_a_report_folder_that_is_a_link_is_refused_naming_it(tmp_path: Path) -> None:
    real = copy_report(tmp_path)
    link = tmp_path / "reports" / "other-name"
    link.symlink_to(real)
    placed, refused = plan([real, link], tmp_path / "out")
    assert [folder for folder, _ in placed] == [real]
    assert [str(r.error) for r in refused] == [
        f"{link}: the report folder is a symbolic link (to {str(real)!r}), and a report's id is "
        "its folder's own name; iranmap builds only report folders that are not links: move "
        "or copy the folder here instead of linking it"
    ]


def test_a_hidden_sheet_is_never_read(tmp_path: Path) -> None:
    report = copy_report(tmp_path)
    as_xlsx(report, [["prison", "executions"], ["Evin", 99]], hidden=True)
    assert errors_of(report) == [
        f"{report / 'prisons.xlsx'}: the sheet 'prisons' is hidden, and iranmap reads no hidden "
        "sheet (a reader of the file would not see what is mapped); unhide it in Excel or "
        "LibreOffice, or delete it and keep the figures in a visible sheet"
    ]


@pytest.mark.slow
def test_a_series_folder_that_is_a_link_is_not_written_through(tmp_path: Path) -> None:
    reports = [copy_report(tmp_path, f"2024-0{m}-hengaw") for m in (1, 2)]
    out = tmp_path / "out"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (out / "series").mkdir(parents=True)
    (out / "series" / "hengaw-monthly").symlink_to(elsewhere)
    result = build(reports, out, BuildOptions(langs=("en",)))
    assert list(elsewhere.iterdir()) == []
    assert [str(s.error) for s in result.failed_series] == [
        f"{out / 'series' / 'hengaw-monthly'}: {out / 'series' / 'hengaw-monthly'} is a "
        "symbolic link, and iranmap writes only inside the output folder; remove the link, or "
        "choose another output folder"
    ]


# ---------------------------------------------------------------------------------------------
# 5. the last "unexpected" errors, and messages that name the file as written


@pytest.mark.parametrize("name", ["report\n", "report\r", "a/..\n"])
def test_an_id_is_matched_whole(tmp_path: Path, name: str) -> None:
    with pytest.raises(InputError, match="cannot be one"):
        report_id(tmp_path / name)


def test_a_name_too_long_is_an_os_error_naming_the_path(tmp_path: Path) -> None:
    name = tmp_path / ("r" * 300 + ".html")
    result = run("diff", tmp_path, tmp_path, "--compare", name)
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {name}: file name too long; give a shorter name (each part of a path at most "
        "255 bytes)\n"
    )


def test_messages_about_a_spreadsheet_name_it_and_its_cells(tmp_path: Path) -> None:
    from iranmap.join import check_report

    report = copy_report(tmp_path)
    toml = (report / "report.toml").read_text(encoding="utf-8")
    lines = [line for line in toml.splitlines() if not line.startswith("total")]
    (report / "report.toml").write_text("total = 3\n" + "\n".join(lines) + "\n")
    as_xlsx(report, [["prison", "executions"], ["Evin", 1], ["Nowhere At All Prison", 5]])
    _, problems = check_report(report)
    texts = [str(p) for p in problems]
    assert any(
        "prisons.xlsx itemizes 6 executions, more than total = 3; fix the counts in "
        "prisons.xlsx or raise the total" in t
        for t in texts
    ), texts
    assert any(t.startswith(f"{report / 'prisons.xlsx'}:prisons!A3: ") for t in texts), texts
    assert not any("prisons.csv" in t for t in texts), texts


def test_os_error_hints_cover_what_a_user_can_fix() -> None:
    from iranmap.cli._app import os_message

    error = OSError(errno.ENAMETOOLONG, os.strerror(errno.ENAMETOOLONG), "x" * 5)
    assert os_message(error) == (
        "xxxxx: file name too long; give a shorter name (each part of a path at most 255 bytes)"
    )
    assert iranmap.output.TEMP_PREFIX == ".iranmap-tmp-"


@given(
    start=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)),
    days=st.integers(min_value=0, max_value=3_000),
    kind=st.sampled_from(["week", "month", "quarter", "year"]),
    calendar=st.sampled_from(["gregorian", "jalali"]),
)
@settings(max_examples=80, deadline=None)
def test_steps_are_counted_before_they_are_cut(
    start: date, days: int, kind: StepKind, calendar: Calendar
) -> None:
    end = start + timedelta(days=days)
    assert step_count(start, end, kind, calendar) == len(step_bounds(start, end, kind, calendar))


@pytest.mark.parametrize("name", ["index.html\n", "a\rb", ".hidden", "../up", "a/b", ""])
def test_a_stamp_names_only_plain_files_matched_whole(name: str) -> None:
    from iranmap._stamp import PLAIN_NAME

    assert PLAIN_NAME.fullmatch(name) is None
    assert PLAIN_NAME.fullmatch("index.fa.html") is not None


def test_check_places_a_spreadsheets_rows_at_their_cells(tmp_path: Path) -> None:
    report = copy_report(tmp_path)
    toml = (report / "report.toml").read_text(encoding="utf-8")
    lines = [line for line in toml.splitlines() if not line.startswith("total")]
    (report / "report.toml").write_text("total = 9\n" + "\n".join(lines) + "\n")
    as_xlsx(report, [["prison", "executions"], ["Evin", 1], ["Ghezelhessar", 5]])
    result = run("check", report)
    assert f"{report / 'prisons.xlsx'}:prisons!A3  'Ghezelhessar' -> " in result.stdout


def test_a_hidden_ods_table_is_never_read(tmp_path: Path) -> None:
    report = copy_report(tmp_path)
    (report / "prisons.csv").unlink()
    styles = (
        '<office:automatic-styles><style:style style:name="ta2" style:family="table">'
        '<style:table-properties table:display="false"/></style:style>'
        "</office:automatic-styles>"
    )
    rows = f"<table:table-row>{ods_cell('prison')}{ods_cell('executions')}</table:table-row>"
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.2">'
        f'{styles}<office:body><office:spreadsheet><table:table table:name="prisons" '
        f'table:style-name="ta2">{rows}</table:table><table:table table:name="Sheet2">{rows}'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(report / "prisons.ods", "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", manifest)
    assert errors_of(report) == [
        f"{report / 'prisons.ods'}: the sheet 'prisons' is hidden, and iranmap reads no hidden "
        "sheet (a reader of the file would not see what is mapped); unhide it in Excel or "
        "LibreOffice, or delete it and keep the figures in a visible sheet"
    ]


def test_a_lock_file_that_is_a_link_is_never_followed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / ".iranmap.lock").symlink_to(tmp_path / "victim")
    result = run("build", copy_report(tmp_path), "--out", out, "--lang", "en")
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: --out: cannot write {out / '.iranmap.lock'}: a symbolic link stands where "
        "iranmap writes, or leads round in a loop; remove the link, or choose another output "
        "folder\n"
    )
    assert not (tmp_path / "victim").exists()
