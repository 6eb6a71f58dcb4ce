"""`iranmap new` and the project folder: `iranmap build` with no report named."""

from __future__ import annotations

import re
import shutil
import tomllib
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner, Result

from iranmap.cli import main
from iranmap.reports import FACT_KEYS, PERIOD_KEYS, SOURCE_KEYS, TOP_KEYS

REPO = Path(__file__).resolve().parents[1]
SHIPPED = REPO / "geodata" / "reports"


def run(*args: str | Path, stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], input=stdin)


def files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def fill(report: Path, *, total: bool = True) -> None:
    """Fill in a new report.toml's required values, as a user would, and two prisons."""
    text = (report / "report.toml").read_text(encoding="utf-8")
    for key, value in (
        ("title", '"My report"'),
        ("publisher", '"Me"'),
        ("date", "2025-01-02"),
        ("start", "2025-01-01"),
        ("end", "2025-12-31"),
    ):
        text = re.sub(rf"^# {key} = .*$", f"{key} = {value}", text, count=1, flags=re.M)
    if total:
        text = text.replace("# total = 1000", "total = 10")
    text = text.replace("[source]\n", '[source]\ntitle = "A statement"\n')
    (report / "report.toml").write_text(text, encoding="utf-8")
    with (report / "prisons.csv").open("a", encoding="utf-8") as csv:
        csv.write("Evin,3\nShiraz,2\n")


# ---------------------------------------------------------------------------------------------
# iranmap new


def test_new_writes_a_commented_report_toml_and_an_empty_prisons_csv(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("new", "reports/my-report")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "created reports/my-report/report.toml",
        "created reports/my-report/prisons.csv",
        "next: fill in the values report.toml marks required, and the rows of prisons.csv; "
        "then run `iranmap check reports/my-report`",
    ]
    report = tmp_path / "reports" / "my-report"
    assert files(report) == ["prisons.csv", "report.toml"]
    assert (report / "prisons.csv").read_text(encoding="utf-8") == "prison,executions\n"
    text = (report / "report.toml").read_text(encoding="utf-8")
    assert tomllib.loads(text) == {"source": {}, "period": {}}  # required values left to fill


@pytest.mark.parametrize("lang", ["en", "fa"])
@pytest.mark.parametrize("kind", ["prisons", "provinces", "events"])
def test_the_template_explains_every_key_the_reports_read(
    tmp_path: Path, lang: str, kind: str
) -> None:
    report = tmp_path / "r"
    assert run("new", report, "--lang", lang, "--kind", kind).exit_code == 0
    text = (report / "report.toml").read_text(encoding="utf-8")
    written = set(re.findall(r"^#? ?([a-z_]+) = ", text, re.M))
    assert {*TOP_KEYS, *SOURCE_KEYS, *PERIOD_KEYS, *FACT_KEYS} - {"source", "period", "facts"} <= (
        written
    )
    assert "[source]" in text and "[period]" in text and "# [[facts]]" in text
    required = [line for line in text.splitlines() if "required" in line.lower()]
    assert len(required) >= (5 if kind != "events" else 4)
    header = {"prisons": "prison,executions", "provinces": "province,executions"}
    name, columns = {
        "prisons": ("prisons.csv", header["prisons"]),
        "provinces": ("provinces.csv", header["provinces"]),
        "events": ("events.csv", "date,prison"),
    }[kind]
    assert (report / name).read_text(encoding="utf-8") == columns + "\n"
    assert tomllib.loads(text) == {"source": {}, "period": {}}
    if lang == "fa":
        assert "لازم (required)" in text


def test_check_names_every_value_a_new_report_still_needs(tmp_path: Path) -> None:
    report = tmp_path / "r"
    run("new", report)
    result = run("check", report)
    assert result.exit_code == 1
    toml = f"{report}/report.toml"
    assert result.stdout.splitlines() == [
        f"{toml}: report.toml has no 'title'; add title = \"Executions recorded in 2025\"",
        f"{toml}: report.toml has no 'publisher'; add publisher = \"Name of the organisation "
        'that published the figures"',
        f"{toml}: report.toml has no 'total'; add total = N, the executions the report states",
        f"{toml}:59: [source] has no 'title'; add title = \"Title of the statement or article\"",
        f"{toml}:59: [source] has no 'date'; add date = 2025-01-02",
        f"{toml}:69: [period] has no 'start'; add start = 2024-01-01",
        f"{toml}:69: [period] has no 'end'; add end = 2024-12-31",
    ]


def test_a_filled_in_new_report_checks_clean(tmp_path: Path) -> None:
    report = tmp_path / "my-report"
    run("new", report)
    fill(report)
    result = run("check", report)
    assert result.exit_code == 0, result.output
    assert (
        "5 of at least 10 executions itemized by prison, in 2 prisons across 2 provinces; "
        "5 not itemized."
    ) in result.stdout.splitlines()


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_new_writes_the_title_and_publisher_it_is_given(tmp_path: Path, lang: str) -> None:
    report = tmp_path / "r"
    title = 'Executions "recorded" in 2025'
    result = run(
        "new", report, "--lang", lang, "--title", title, "--publisher", " Hengaw ",
        "--publisher-fa", "هه‌نگاو",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    manifest = tomllib.loads((report / "report.toml").read_text(encoding="utf-8"))
    assert (manifest["title"], manifest["publisher"], manifest["publisher_fa"]) == (
        title,
        "Hengaw",
        "هه‌نگاو",
    )
    assert "title_fa" not in manifest and "title" not in manifest.get("source", {})
    missing = run("check", report).stdout
    assert "report.toml has no 'title'" not in missing and "has no 'publisher'" not in missing
    assert "has no 'total'" in missing


def test_new_refuses_an_empty_title(tmp_path: Path) -> None:
    result = run("new", tmp_path / "r", "--title", "  ")
    assert result.exit_code == 2
    assert (
        "Invalid value for --title: expected some text, found '  '; give e.g. "
        "--title 'Executions in Iran, 2025'"
    ) in result.stderr
    assert not (tmp_path / "r").exists()


def test_new_refuses_a_folder_with_files_and_a_name_that_is_no_id(tmp_path: Path) -> None:
    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "notes.txt").write_text("mine\n", encoding="utf-8")
    result = run("new", taken)
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {taken}: already holds files, and iranmap new writes only into a new or empty "
        "folder; give another folder\n"
    )
    assert files(taken) == ["notes.txt"]
    bad = tmp_path / "My Report"
    result = run("new", bad)
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {bad}: 'My Report' cannot name a report, whose id is its folder's name: use "
        "only lowercase letters a-z, digits 0-9, '-', '_' and '.' (not first); "
        "choose e.g. 'my-report'\n"
    )
    assert not bad.exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run("new", empty).exit_code == 0


# ---------------------------------------------------------------------------------------------
# a project is a folder


def test_build_with_nothing_to_build_says_where_it_looked_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("build")
    assert result.exit_code == 1
    assert result.stderr == (
        "error: reports: there is no such folder, so there is no report to build; create a "
        "report with `iranmap new reports/my-report`, or name report folders: "
        "iranmap build REPORT_DIR ...\n"
    )
    (tmp_path / "reports").mkdir()
    result = run("build")
    assert result.stderr == (
        "error: reports: no folder in it holds a report.toml, so there is no report to build; "
        "create a report with `iranmap new reports/my-report`, or name report folders: "
        "iranmap build REPORT_DIR ...\n"
    )
    assert files(tmp_path) == []  # no maps/index.html


def test_build_builds_the_reports_folder_into_maps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    run("new", "reports/my-report")
    fill(tmp_path / "reports" / "my-report")
    result = run("build", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == "1 of 1 reports built into maps"
    assert "my-report/combined.html" in files(tmp_path / "maps")
    assert (tmp_path / "maps" / "index.html").is_file()


def test_iranmap_toml_names_the_folders_the_base_url_and_the_languages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SHIPPED / "2025-01-01-ncri", tmp_path / "figures" / "2025-01-01-ncri")
    (tmp_path / "iranmap.toml").write_text(
        'reports = "figures"\nout = "site"\nbase_url = "https://example.org/m/"\n'
        'languages = ["en"]\n',
        encoding="utf-8",
    )
    result = run("build")
    assert result.exit_code == 0, result.output
    built = files(tmp_path / "site" / "2025-01-01-ncri")
    assert "combined.html" in built and "combined.fa.html" not in built
    embed = (tmp_path / "site" / "2025-01-01-ncri" / "combined.embed.html").read_text("utf-8")
    iframe = BeautifulSoup(embed, "lxml").iframe
    assert iframe is not None
    assert str(iframe["src"]).startswith("https://example.org/m/")
    override = run("build", "--lang", "fa", "--out", "other", "--base-url", "https://x.org/")
    assert override.exit_code == 0, override.output
    built = files(tmp_path / "other" / "2025-01-01-ncri")
    assert "combined.fa.html" in built and "combined.html" not in built


def test_a_bad_iranmap_toml_names_every_problem_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "iranmap.toml").write_text(
        'reports = 3\nlanguages = ["de"]\nbase_url = 1\nouts = "x"\n', encoding="utf-8"
    )
    result = run("build")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        'error: iranmap.toml:1: reports = 3 is not a folder; write e.g. reports = "reports"',
        "error: iranmap.toml:3: base_url = 1 is not a text; write e.g. "
        'base_url = "https://example.org/maps/"',
        "error: iranmap.toml:2: languages = ['de'] is not a list of languages; write e.g. "
        'languages = ["en", "fa"] (known: en, fa)',
        "error: iranmap.toml:4: unknown key 'outs'; iranmap.toml may hold reports, out, "
        "base_url, languages",
    ]
    (tmp_path / "iranmap.toml").write_text("reports = [\n", encoding="utf-8")
    broken = run("build")
    assert broken.exit_code == 1
    assert broken.stderr.startswith("error: iranmap.toml: cannot be read as TOML (")
    assert broken.stderr.endswith("); fix it, or remove it to use the defaults\n")


def test_a_folder_of_report_folders_builds_them_all(tmp_path: Path) -> None:
    shutil.copytree(SHIPPED / "2025-01-01-ncri", tmp_path / "many" / "first")
    shutil.copytree(SHIPPED / "2025-01-01-ncri", tmp_path / "many" / "second")
    (tmp_path / "many" / "notes").mkdir()
    result = run("build", tmp_path / "many", "--out", tmp_path / "out", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == f"2 of 2 reports built into {tmp_path / 'out'}"
    empty = tmp_path / "nothing"
    empty.mkdir()
    result = run("build", empty, "--out", tmp_path / "out2")
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {empty}: no report.toml in this folder or in its sub-folders, so no report "
        f"to build; name a report folder, or create one with `iranmap new {empty}/my-report`\n"
    )
    assert not (tmp_path / "out2").exists()


def test_the_repository_is_a_project_of_its_shipped_reports(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from iranmap.project import load_project, project_reports

    monkeypatch.chdir(REPO)
    project = load_project(Path("."))
    assert (project.reports, project.out) == (Path("geodata/reports"), Path("maps"))
    assert [p.name for p in project_reports(project)] == sorted(
        p.name for p in SHIPPED.iterdir() if (p / "report.toml").is_file()
    )


def test_build_help_says_what_really_happens() -> None:
    text = run("build", "--help").stdout
    assert "repository" not in text
    assert "reports/ in the current folder" in text and "iranmap.toml" in text


def test_open_shows_the_gallery_or_a_map_in_the_browser(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import webbrowser

    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url: opened.append(url) or True)
    monkeypatch.chdir(tmp_path)
    maps = tmp_path / "maps"
    (maps / "r").mkdir(parents=True)
    for name in ("index.html", "r/choropleth.html", "r/choropleth.fa.html"):
        (maps / name).write_text("<!DOCTYPE html>", encoding="utf-8")
    assert run("open").stdout == "opening maps/index.html\n"
    assert run("open", "reports/r", "--lang", "fa").stdout == "opening maps/r/choropleth.fa.html\n"
    assert opened == [
        (maps / "index.html").as_uri(),
        (maps / "r" / "choropleth.fa.html").as_uri(),
    ]
    missing = run("open", "nope")
    assert missing.exit_code == 1
    assert missing.stderr == (
        "error: maps/nope: has no map of 'nope' in en; run `iranmap build` first (with --lang en)\n"
    )
    gone = run("open", "--out", tmp_path / "elsewhere")
    assert gone.stderr.endswith(
        "elsewhere: has no gallery in en; run `iranmap build` first (with --lang en)\n"
    )
