"""`iranmap build`: only changed files rewritten, atomic writes, isolation, --check, --watch."""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

import iranmap._stamp
import iranmap.build
import iranmap.raster
import iranmap.series
from iranmap.build import (
    STAMP_NAME,
    OutputError,
    build,
    stale_files,
    sync_file,
    write_atomic,
)
from iranmap.cli import main
from iranmap.output import TEMP_PREFIX
from iranmap.render import BuildOptions

REPO = Path(__file__).resolve().parents[1]
SHIPPED = REPO / "geodata" / "reports"
OPTIONS = BuildOptions()


def copy_reports(tmp_path: Path, *names: str) -> list[Path]:
    """Copies of shipped reports, to edit freely."""
    root = tmp_path / "reports"
    root.mkdir(exist_ok=True)
    return [Path(shutil.copytree(SHIPPED / name, root / name)) for name in names]


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (relative name -> bytes), hidden ones included."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def copy_built(out: Path, reports: list[Path], tmp_path: Path) -> tuple[Path, list[Path]]:
    """A copy of a build a module fixture made once, in ``tmp_path``: its reports and its
    output folder, as current as the original (nothing a build stamps names a folder), to
    edit freely. Building the same reports again took seconds per test."""
    copied = [Path(shutil.copytree(r, tmp_path / "reports" / r.name)) for r in reports]
    return Path(shutil.copytree(out, tmp_path / "maps")), copied


def visible(files: dict[str, bytes]) -> dict[str, bytes]:
    return {k: v for k, v in files.items() if not Path(k).name.startswith(".")}


def set_count(report: Path, prison: str, count: int) -> None:
    path = report / "prisons.csv"
    text = path.read_text(encoding="utf-8")
    new, n = re.subn(rf"^{re.escape(prison)},\d+,", f"{prison},{count},", text, flags=re.M)
    assert n == 1, f"{prison} not found in {path}"
    path.write_text(new, encoding="utf-8")


# --- writing files -----------------------------------------------------------------------


def test_sync_file_leaves_identical_content_untouched(tmp_path: Path) -> None:
    path = tmp_path / "a" / "map.html"
    assert sync_file(path, b"one").status == "created"
    os.utime(path, (1_000_000, 1_000_000))
    assert sync_file(path, b"one").status == "unchanged"
    assert path.stat().st_mtime == 1_000_000
    assert sync_file(path, b"two").status == "updated"
    assert path.read_bytes() == b"two"


def test_write_atomic_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "map.html"
    write_atomic(path, b"x" * 100_000)
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]


def test_write_atomic_stopped_as_it_makes_its_temporary_file_leaves_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C the moment the temporary file exists (before its maker returns its name): the
    old file stays, and no temporary file is left beside it."""
    path = tmp_path / "map.html"
    path.write_bytes(b"old")
    real_open = os.open

    def made_then_interrupted(*args: Any, **kwargs: Any) -> int:
        os.close(real_open(*args, **kwargs))
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "open", made_then_interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(path, b"new")
    monkeypatch.undo()
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]
    assert path.read_bytes() == b"old"


def test_write_atomic_failure_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "map.html"
    path.write_bytes(b"old")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    message = (
        f"cannot write {path}: no space is left on the device; free some space and build again"
    )
    with pytest.raises(OutputError, match=f"^{re.escape(message)}$"):
        write_atomic(path, b"new")
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]


# --- building reports --------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path], dict[str, bytes]]:
    """The two NCRI reports built once: (out folder, report copies, files)."""
    tmp = tmp_path_factory.mktemp("built")
    reports = copy_reports(tmp, "2024-ncri", "2025-01-01-ncri")
    out = tmp / "maps"
    result = build(reports, out, OPTIONS)
    assert not result.failed
    return out, reports, snapshot(out)


def test_build_writes_every_file_of_every_report(
    built: tuple[Path, list[Path], dict[str, bytes]],
) -> None:
    _, _, files = built
    for report in ("2024-ncri", "2025-01-01-ncri"):
        for kind in ("choropleth", "points", "combined"):
            for suffix in (".html", ".fa.html", ".embed.html", ".fa.embed.html"):
                assert f"{report}/{kind}{suffix}" in files
        for name in ("provinces.csv", "prisons.csv", "provinces.geojson", "prisons.geojson"):
            assert f"{report}/{name}" in files
        for name in ("choropleth.png", "choropleth.svg", "points.png", "points.svg"):
            assert f"{report}/{name}" in files
    assert "index.html" in files


def test_the_gallery_is_written_in_each_language(
    built: tuple[Path, list[Path], dict[str, bytes]],
) -> None:
    _, _, files = built
    pages = {
        name: BeautifulSoup(files[name], "html.parser") for name in ("index.html", "index.fa.html")
    }
    for name, lang, direction in (("index.html", "en", "ltr"), ("index.fa.html", "fa", "rtl")):
        root = pages[name].find("html")
        assert root is not None
        assert (root["lang"], root["dir"]) == (lang, direction)
        ids = {li["id"] for li in pages[name].select("li.report")}
        assert ids == {"2024-ncri", "2025-01-01-ncri"}
    assert pages["index.html"].select_one("title") != pages["index.fa.html"].select_one("title")


def test_a_build_in_one_language_writes_only_its_gallery_and_check_covers_it(
    tmp_path: Path,
) -> None:
    (report,) = copy_reports(tmp_path, "2025-01-01-ncri")
    out = tmp_path / "maps"
    result = build([report], out, BuildOptions(langs=("fa",)))
    assert [(f.path.name, f.status) for f in result.galleries] == [("index.fa.html", "created")]
    assert not (out / "index.html").exists()
    assert stale_files([report], out, BuildOptions(langs=("fa",))) == ([], [])
    (out / "index.fa.html").write_bytes(b"old")
    assert stale_files([report], out, BuildOptions(langs=("fa",))) == (
        [str(out / "index.fa.html")],
        [],
    )


def test_each_page_links_its_other_language_version(
    built: tuple[Path, list[Path], dict[str, bytes]],
) -> None:
    _, _, files = built
    en = BeautifulSoup(files["2024-ncri/points.html"], "html.parser")
    fa = BeautifulSoup(files["2024-ncri/points.fa.html"], "html.parser")
    assert [(a["href"], a["lang"], a.text) for a in en.select("nav.im-langs a")] == [
        ("points.fa.html", "fa", "فارسی")
    ]
    assert [(a["href"], a["lang"], a.text) for a in fa.select("nav.im-langs a")] == [
        ("points.html", "en", "English")
    ]


def test_a_rebuild_changes_nothing(
    built: tuple[Path, list[Path], dict[str, bytes]], tmp_path: Path
) -> None:
    out, reports, files = built
    result = build(reports, out, OPTIONS)
    assert [f for r in result.reports for f in r.changed] == []
    assert [(f.path.name, f.status) for f in result.galleries] == [
        ("index.html", "unchanged"),
        ("index.fa.html", "unchanged"),
    ]
    assert snapshot(out) == files


def test_same_figures_give_the_same_bytes_in_a_fresh_folder(
    built: tuple[Path, list[Path], dict[str, bytes]], tmp_path: Path
) -> None:
    _, reports, files = built
    build(reports, tmp_path / "again", OPTIONS)
    assert visible(snapshot(tmp_path / "again")) == visible(files)


def test_editing_one_count_rewrites_only_that_reports_files(
    built: tuple[Path, list[Path], dict[str, bytes]], tmp_path: Path
) -> None:
    out, reports = copy_built(*built[:2], tmp_path)
    before = snapshot(out)
    assert before == built[2]

    set_count(reports[0], "Shiraz", 98)
    result = build(reports, out, OPTIONS)

    changed = {f.path.relative_to(out).as_posix() for r in result.reports for f in r.changed}
    assert changed, "the edited count changed no file"
    assert all(name.startswith("2024-ncri/") for name in changed)
    assert result.reports[1].changed == ()
    after = snapshot(out)
    galleries = {"index.html", "index.fa.html", STAMP_NAME}  # the gallery's stamp lists them
    untouched = [n for n in before if not n.startswith("2024-ncri/") and n not in galleries]
    assert all(after[n] == before[n] for n in untouched)
    # The figure is in the data download, on its source line.
    rows = after["2024-ncri/prisons.csv"].decode().splitlines()
    assert any(",98," in row and "prisons.csv:3" in row for row in rows)
    assert not any(",97," in row for row in rows)


def test_a_failing_report_keeps_its_old_maps_while_others_build(
    built: tuple[Path, list[Path], dict[str, bytes]], tmp_path: Path
) -> None:
    out, (bad, good) = copy_built(*built[:2], tmp_path)
    assert (bad.name, good.name) == ("2024-ncri", "2025-01-01-ncri")
    old_bad = snapshot(out / "2024-ncri")

    set_count(good, "Yasuj", 2)
    (good / "report.toml").write_text(
        (good / "report.toml").read_text(encoding="utf-8").replace("total = 12", "total = 13"),
        encoding="utf-8",
    )
    (bad / "prisons.csv").write_text("prison,executions\nShiraz,-3\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(good), str(bad), "--out", str(out)])

    assert result.exit_code == 1
    assert snapshot(out / "2024-ncri") == old_bad
    assert "updated " + str(out / "2025-01-01-ncri" / "prisons.csv") in result.output
    assert f"error: 2024-ncri: {bad / 'prisons.csv'}:2: " in result.stderr
    assert "1 failed, their previous maps were left in place" in result.output
    # The gallery still lists the failed report, from its previous summary.
    index = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert {li["id"] for li in index.select("li.report")} == {"2024-ncri", "2025-01-01-ncri"}


def test_build_command_reports_what_it_wrote(tmp_path: Path) -> None:
    (report,) = copy_reports(tmp_path, "2025-01-01-ncri")
    out = tmp_path / "maps"
    first = CliRunner().invoke(main, ["build", str(report), "--out", str(out)])
    assert first.exit_code == 0, first.output
    assert f"created {out / '2025-01-01-ncri' / 'combined.html'}\n" in first.output
    assert first.output.endswith(f"1 of 1 reports built into {out}\n")
    second = CliRunner().invoke(main, ["build", str(report), "--out", str(out)])
    assert second.exit_code == 0
    assert second.output == f"2025-01-01-ncri: up to date\n1 of 1 reports built into {out}\n"


@pytest.fixture(scope="module")
def one_built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    """One report built alone, once: (out folder, [report copy]); tests edit a copy_built."""
    tmp = tmp_path_factory.mktemp("one")
    reports = copy_reports(tmp, "2025-01-01-ncri")
    out = tmp / "maps"
    assert not build(reports, out, OPTIONS).failed
    return out, reports


def test_a_tampered_output_is_rewritten_even_when_inputs_are_unchanged(
    one_built: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    out, (report,) = copy_built(*one_built, tmp_path)
    target = out / "2025-01-01-ncri" / "points.html"
    good = target.read_bytes()
    target.write_bytes(b"broken")
    result = build([report], out, OPTIONS)
    assert [(f.path, f.status) for f in result.reports[0].changed] == [(target, "updated")]
    assert target.read_bytes() == good
    assert (out / "2025-01-01-ncri" / STAMP_NAME).is_file()


def test_only_the_languages_asked_for(tmp_path: Path) -> None:
    (report,) = copy_reports(tmp_path, "2025-01-01-ncri")
    out = tmp_path / "maps"
    result = CliRunner().invoke(main, ["build", str(report), "--out", str(out), "--lang", "fa"])
    assert result.exit_code == 0, result.output
    names = {p.name for p in (out / "2025-01-01-ncri").iterdir()}
    assert "combined.fa.html" in names
    assert "combined.html" not in names
    page = BeautifulSoup((out / "2025-01-01-ncri" / "combined.fa.html").read_bytes(), "html.parser")
    assert page.select("nav.im-langs") == [], "a link to a page that was not built"


def test_a_build_in_one_language_writes_only_that_languages_images(tmp_path: Path) -> None:
    from iranmap.export import image_names

    (report,) = copy_reports(tmp_path, "2025-01-01-ncri")
    out = tmp_path / "maps"
    result = CliRunner().invoke(main, ["build", str(report), "--out", str(out), "--lang", "en"])
    assert result.exit_code == 0, result.output
    images = {p.name for p in (out / "2025-01-01-ncri").iterdir() if p.suffix in {".png", ".svg"}}
    assert images == set(image_names(("en",)))
    assert "choropleth.png" in images
    assert not {name for name in images if ".fa." in name}
    summary = (out / "2025-01-01-ncri" / "summary.json").read_text(encoding="utf-8")
    assert ".fa." not in summary


# --- --check -----------------------------------------------------------------------------


def test_check_passes_when_maps_are_current_and_names_what_differs(
    one_built: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    out, reports = copy_built(*one_built, tmp_path)
    runner = CliRunner()
    ok = runner.invoke(main, ["build", "--check", str(reports[0]), "--out", str(out)])
    assert ok.exit_code == 0, ok.output
    assert ok.output == f"{out} is up to date with 1 report(s)\n"

    (out / "2025-01-01-ncri" / "leftover.html").write_text("old", encoding="utf-8")
    stamp_path = out / "2025-01-01-ncri" / STAMP_NAME  # as if an earlier build had made it
    stamp = json.loads(stamp_path.read_text(encoding="utf-8"))
    stamp["files"]["leftover.html"] = "0" * 64
    stamp_path.write_text(json.dumps(stamp), encoding="utf-8")
    (out / "2025-01-01-ncri" / "notes.html").write_text("mine", encoding="utf-8")
    set_count(reports[0], "Bandar Abbas", 4)
    set_count(reports[0], "Malayer", 2)
    before = snapshot(out)
    stale = runner.invoke(main, ["build", "--check", str(reports[0]), "--out", str(out)])
    assert stale.exit_code == 1
    assert f"out of date: {out / '2025-01-01-ncri' / 'prisons.csv'}\n" in stale.stderr
    assert f"out of date: {out / '2025-01-01-ncri' / 'leftover.html'}\n" in stale.stderr
    assert "notes.html" not in stale.stderr, "a file of the user's own is no output"
    assert "run `iranmap build` (or `make maps`) and commit the result" in stale.stderr
    assert snapshot(out) == before, "--check wrote something"


def test_a_clone_without_stamps_loses_the_files_its_summary_lists_and_no_build_makes(
    one_built: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    """A project's committed maps have no stamps (git ignores them): the summary.json the last
    build wrote says what it made, so an image a report no longer gets is removed, and a file
    of the user's own stays."""
    out, (report,) = copy_built(*one_built, tmp_path)
    folder = out / "2025-01-01-ncri"
    (folder / STAMP_NAME).unlink()  # as in a fresh clone
    summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    summary["files"].append("points.old.png")
    (folder / "summary.json").write_text(json.dumps(summary), encoding="utf-8")
    (folder / "points.old.png").write_bytes(b"made by an older iranmap")
    (folder / "notes.html").write_text("mine", encoding="utf-8")
    (report / "report.toml").write_text(
        (report / "report.toml")
        .read_text(encoding="utf-8")
        .replace("Iran, 1 January", "Iran on 1 January"),
        encoding="utf-8",
    )
    result = build([report], out, OPTIONS)
    assert not result.failed
    assert not (folder / "points.old.png").exists()
    assert (folder / "notes.html").read_text(encoding="utf-8") == "mine"
    assert "points.old.png" not in (folder / "summary.json").read_text(encoding="utf-8")


def test_check_fails_on_a_broken_report(one_built: tuple[Path, list[Path]], tmp_path: Path) -> None:
    out, (report,) = copy_built(*one_built, tmp_path)
    (report / "prisons.csv").write_text("prison,executions\nYasuj,1.5\n", encoding="utf-8")
    differ, failed = stale_files([report], out, OPTIONS)
    assert differ == []
    assert [r.report_dir for r in failed] == [report]
    result = CliRunner().invoke(main, ["build", "--check", str(report), "--out", str(out)])
    assert result.exit_code == 1
    assert f"error: 2025-01-01-ncri: {report / 'prisons.csv'}:2: " in result.stderr


# --- killed builds -----------------------------------------------------------------------


#: The killed builds make one language: the same writes, half the images to wait for.
ENGLISH = BuildOptions(langs=("en",))


def _run_build(reports: list[Path], out: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            *(sys.executable, "-m", "iranmap", "build", *map(str, reports)),
            *("--out", str(out), "--lang", "en"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _inodes(folder: Path) -> dict[Path, int]:
    return {path: path.stat().st_ino for path in folder.rglob("*") if path.is_file()}


def _replaced(folder: Path, before: dict[Path, int]) -> int:
    """How many of the files in ``before`` have been replaced by another file since."""
    count = 0
    for path, inode in before.items():
        try:
            count += path.stat().st_ino != inode
        except FileNotFoundError:
            count += 1
    return count


@pytest.mark.slow
def test_a_build_killed_at_any_moment_leaves_every_file_whole(tmp_path: Path) -> None:
    reports = copy_reports(tmp_path, "2024-ncri", "2025-01-01-ncri")
    old_out = tmp_path / "old"
    build(reports, old_out, ENGLISH)
    old = visible(snapshot(old_out))
    set_count(reports[0], "Shiraz", 98)
    set_count(reports[1], "Bandar Abbas", 4)
    (reports[1] / "report.toml").write_text(
        (reports[1] / "report.toml")
        .read_text(encoding="utf-8")
        .replace("total = 12", "total = 11"),
        encoding="utf-8",
    )
    new_out = tmp_path / "new"
    build(reports, new_out, ENGLISH)
    new = visible(snapshot(new_out))
    assert set(old) == set(new)
    assert sum(old[n] != new[n] for n in old) > 10

    # One build, frozen (SIGSTOP) once it has replaced some of the files it changes: after the
    # first, a quarter, a half, then killed at three quarters of them (polled, so each moment
    # lands on files whatever the machine's load). A frozen build has left on disk exactly what
    # a build killed at that moment leaves: what it wrote is the kernel's either way.
    changes = sum(old[n] != new[n] for n in old)
    out = tmp_path / "maps"
    shutil.copytree(old_out, out)
    before = _inodes(out)
    process = _run_build(reports, out)
    saw_mix = False
    targets = sorted({1, changes // 4, changes // 2, 3 * changes // 4})
    try:
        for step, target in enumerate(targets):
            while process.poll() is None and _replaced(out, before) < target:
                time.sleep(0.001)
            last = step == len(targets) - 1
            process.send_signal(signal.SIGKILL if last else signal.SIGSTOP)
            if last:
                process.wait()
            now = visible(snapshot(out))
            assert set(now) == set(old), f"files appeared or vanished at kill point {step}"
            for name, data in now.items():
                assert data in (old[name], new[name]), f"{name} is neither old nor new at {step}"
            changed = sum(now[n] != old[n] for n in now)
            saw_mix = saw_mix or 0 < changed < len(now)
            if not last:
                process.send_signal(signal.SIGCONT)
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
    assert saw_mix, "no kill landed in the middle of writing files; the test proves nothing"

    # A build after the kill finishes the job and removes what the killed one left behind.
    build(reports, out, ENGLISH)
    assert visible(snapshot(out)) == new
    assert not list(out.rglob(f"{TEMP_PREFIX}*"))


# --- --watch -----------------------------------------------------------------------------


@pytest.mark.slow
def test_watch_rebuilds_a_report_when_a_row_is_appended(tmp_path: Path) -> None:
    (report,) = copy_reports(tmp_path, "2025-01-ncri-tally")
    out = tmp_path / "maps"
    process = subprocess.Popen(  # in English alone: the same watching, half the drawing
        [
            *(sys.executable, "-m", "iranmap", "build", str(report)),
            *("--out", str(out), "--lang", "en", "--watch"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert process.stdout is not None
        lines = []
        for line in process.stdout:
            lines.append(line)
            if line.startswith("watching "):
                break
        assert lines[-1] == "watching 1 report folder(s); press Ctrl+C to stop\n", lines
        csv = out / "2025-01-ncri-tally" / "prisons.csv"
        assert ",5," in csv.read_text(encoding="utf-8")
        with (report / "events.csv").open("a", encoding="utf-8") as handle:
            handle.write("2025-01-02,Evin,appended\n")
        summary = out / "2025-01-ncri-tally" / "summary.json"
        deadline = time.monotonic() + 30
        while '"reported_total": 13' not in summary.read_text(encoding="utf-8"):
            assert time.monotonic() < deadline, "the watched build did not rebuild in 30 s"
            time.sleep(0.02)
        assert "evin,Evin Prison" in csv.read_text(encoding="utf-8")
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--tiles", "Nope.Nothing"],
            "error: --tiles: no tile provider is named 'Nope.Nothing'; "
            "give an xyzservices name such as 'OpenStreetMap.Mapnik'\n",
        ),
        (
            ["--scheme", "custom"],
            "error: --breaks: the custom scheme needs breaks, found none; give e.g. 10,50,100\n",
        ),
        (
            ["--scheme", "custom", "--breaks", "50,10"],
            "error: --breaks: breaks must be strictly ascending, found [50.0, 10.0]; sort them\n",
        ),
        (
            ["--breaks", "10,50"],
            "error: --breaks: breaks are only used with the custom scheme, found scheme "
            "'natural_breaks'\n",
        ),
        (
            ["--classes", "12"],
            "error: --classes: the number of classes must be between 1 and 9, found 12\n",
        ),
        (
            ["--base-url", "javascript:alert(1)"],
            "error: --base-url: expected an http(s) URL such as 'https://example.org/maps', "
            "found 'javascript:alert(1)'; give the address the maps folder will be published at\n",
        ),
        (
            ["--step", "fortnight"],
            "error: --step: expected one of month, week, quarter, year, found 'fortnight'\n",
        ),
        (
            ["--scheme", "custom", "--breaks", "10,x"],
            "error: --breaks: expected numbers separated by commas, e.g. 10,50,100; found '10,x'\n",
        ),
    ],
)
def test_a_bad_map_option_stops_before_anything_is_built(
    tmp_path: Path, args: list[str], message: str
) -> None:
    (report,) = copy_reports(tmp_path, "2025-01-01-ncri")
    out = tmp_path / "maps"
    result = CliRunner().invoke(main, ["build", str(report), "--out", str(out), *args])
    assert result.exit_code == 1
    assert result.stderr == message
    assert not out.exists()


def test_a_failed_build_names_reading_and_placing_problems_together(tmp_path: Path) -> None:
    (report,) = copy_reports(tmp_path, "2025-01-01-ncri")
    (report / "prisons.csv").write_text(
        "prison,executions\nQezelhessar,5\nBandar Abbas,x\nAtlantis,2\n", encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["build", str(report), "--out", str(tmp_path / "maps")])
    assert result.exit_code == 1
    shown = report / "prisons.csv"
    assert result.stderr == (
        f"error: 2025-01-01-ncri: {shown}:3: executions 'x' is not a number; write the count "
        "with digits only, without separators or words, e.g. 1000\n"
        f"error: 2025-01-01-ncri: {shown}:4: prison 'Atlantis' is not a prison or city the "
        "gazetteer knows; fix the spelling, or add lat and lon to place it\n"
    )
    assert not (tmp_path / "maps" / "2025-01-01-ncri").exists()


# --- series ------------------------------------------------------------------------------

HENGAW = tuple(f"2024-0{month}-hengaw" for month in range(1, 7))


@pytest.fixture(scope="module")
def series_built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path], str]:
    """Three Hengaw monthly reports built once with the command line: (out, reports,
    what it printed)."""
    tmp = tmp_path_factory.mktemp("series")
    reports = copy_reports(tmp, *HENGAW[:3])
    out = tmp / "maps"
    result = CliRunner().invoke(main, ["build", *map(str, reports), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out, reports, result.output


@pytest.mark.slow
def test_build_writes_the_series_of_the_reports(
    series_built: tuple[Path, list[Path], str],
) -> None:
    out, _, printed = series_built
    folder = out / "series" / "hengaw-monthly"
    names = sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))
    assert "timeline.html" in names and "timeline.fa.html" in names
    assert "summary.json" in names
    assert f"series/hengaw-monthly: {len(names)} files written\n" in printed
    page = BeautifulSoup((folder / "timeline.html").read_bytes(), "html.parser")
    assert page.find("html") is not None
    index = BeautifulSoup((out / "index.html").read_bytes(), "html.parser")
    assert "series/hengaw-monthly" in {li["id"] for li in index.select("li.report")}


@pytest.mark.slow
def test_a_series_rebuild_is_up_to_date_and_check_sees_a_changed_series_file(
    series_built: tuple[Path, list[Path], str],
) -> None:
    out, reports, _ = series_built
    again = CliRunner().invoke(main, ["build", *map(str, reports), "--out", str(out)])
    assert again.exit_code == 0, again.output
    assert "series/hengaw-monthly: up to date\n" in again.output
    target = out / "series" / "hengaw-monthly" / "steps.csv"
    good = target.read_bytes()
    target.write_bytes(b"edited")
    try:  # one --check (a whole build in memory) says both: this file, and only this one
        check = CliRunner().invoke(
            main, ["build", "--check", *map(str, reports), "--out", str(out)]
        )
        assert check.exit_code == 1
        stale = [line for line in check.stderr.splitlines() if line.startswith("out of date")]
        assert stale == [f"out of date: {target}"]
    finally:
        target.write_bytes(good)


@pytest.mark.slow
def test_an_unchanged_series_is_not_drawn_again_and_a_changed_step_redraws_it(
    series_built: tuple[Path, list[Path], str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, reports = copy_built(*series_built[:2], tmp_path)
    drawn: list[list[Path]] = []
    real = iranmap.series.series_files

    def counted(members: list[Path], *args: object, **kwargs: object) -> object:
        drawn.append(list(members))
        return real(members, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(iranmap.series, "series_files", counted)
    again = CliRunner().invoke(main, ["build", *map(str, reports), "--out", str(out)])
    assert "series/hengaw-monthly: up to date\n" in again.output
    assert drawn == []
    figures = reports[1] / "provinces.csv"
    figures.write_text(
        figures.read_text(encoding="utf-8").replace("Ardabil,1,", "Ardabil,2,"), encoding="utf-8"
    )
    changed = CliRunner().invoke(main, ["build", *map(str, reports), "--out", str(out)])
    assert changed.exit_code == 0, changed.output
    assert drawn == [reports]
    assert "series/hengaw-monthly: 9 files written\n" in changed.output


@pytest.mark.slow
def test_a_series_that_cannot_be_made_is_an_error_and_keeps_its_files(
    series_built: tuple[Path, list[Path], str], tmp_path: Path
) -> None:
    out, reports = copy_built(*series_built[:2], tmp_path)
    before = snapshot(out / "series")
    toml = reports[1] / "report.toml"
    text = toml.read_text(encoding="utf-8").replace("start = 2024-02-01", "start = 2024-01-31")
    toml.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", *map(str, reports), "--out", str(out)])
    assert result.exit_code == 1
    assert f"error: series/hengaw-monthly: {toml}:" in result.stderr
    assert "overlaps 2024-01-01..2024-01-31 of '2024-01-hengaw'" in result.stderr
    assert result.output.endswith("; 1 series failed, their previous files were left in place\n")
    assert snapshot(out / "series") == before


def test_a_report_may_not_be_named_like_the_series_folder(tmp_path: Path) -> None:
    (report,) = copy_reports(tmp_path, "2025-01-01-ncri")
    named = report.rename(report.parent / "series")
    result = CliRunner().invoke(main, ["build", str(named), "--out", str(tmp_path / "maps")])
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {named}: the report's id is its folder's name, and 'series' names the folder "
        "of the series in the output folder; rename the report's folder, e.g. to 'series-report'\n"
    )


# --- what a rebuild depends on -----------------------------------------------------------


def package_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of iranmap's own files, which the build fingerprint then reads instead."""
    source = Path(iranmap._stamp.__file__).resolve().parent
    copy = Path(
        shutil.copytree(source, tmp_path / "iranmap", ignore=shutil.ignore_patterns("__pycache__"))
    )
    monkeypatch.setattr(iranmap._stamp, "PACKAGE", copy)
    return copy


@pytest.mark.parametrize(
    "name",
    ["render/fonts/metrics.json", "render/fonts/NotoSans-Regular.ttf", "render/web/timeline.js"],
)
def test_a_changed_font_or_web_asset_changes_the_fingerprint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    copy = package_copy(tmp_path, monkeypatch)
    report = SHIPPED / "2025-01-01-ncri"
    before = iranmap._stamp.fingerprint(report, BuildOptions(langs=("en",))).value
    cache = copy / "render" / "__pycache__"
    cache.mkdir()
    (cache / "fonts.cpython-312.pyc").write_bytes(b"compiled")
    assert iranmap._stamp.fingerprint(report, BuildOptions(langs=("en",))).value == before, (
        "a cache counted"
    )
    with (copy / name).open("ab") as handle:
        handle.write(b" ")
    assert iranmap._stamp.fingerprint(report, BuildOptions(langs=("en",))).value != before


def test_a_first_build_reads_what_the_run_is_only_after_its_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The versions of packages and iranmap's own files are read for the stamp, written after
    the pages; an empty folder has no stamp to compare them with before."""
    (report,) = copy_reports(tmp_path, "2025-01-01-ncri")
    out = tmp_path / "maps"
    read: list[str] = []
    real = iranmap._stamp.version

    def noted(package: str) -> str:
        pages = out / report.name / "combined.html"
        read.append("after the pages" if pages.exists() else "before the pages")
        return real(package)

    monkeypatch.setattr(iranmap._stamp, "version", noted)
    made = iranmap._stamp.fingerprint(report, BuildOptions(langs=("en",)))
    assert read == []  # the report's files are read; what the run is, not yet
    assert iranmap._stamp.unchanged_outputs(out, made) is None
    assert read == []
    build([report], out, BuildOptions(langs=("en",)))
    assert read and set(read) == {"after the pages"}
    read.clear()
    result = build([report], out, BuildOptions(langs=("en",)))  # compares them with the stamp
    assert read
    assert {f.status for f in result.reports[0].files} == {"unchanged"}


def test_a_changed_font_metrics_file_renders_the_report_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (report,) = copy_reports(tmp_path, "2025-01-01-ncri")
    out = tmp_path / "maps"
    build([report], out, BuildOptions(langs=("en",)))
    copy = package_copy(tmp_path, monkeypatch)
    build([report], out, BuildOptions(langs=("en",)))  # the copy's fingerprint is stamped
    rendered: list[Path] = []
    real = iranmap.build.report_batches

    def counted(report_dir: Path, *args: Any) -> Any:
        rendered.append(report_dir)
        return real(report_dir, *args)

    monkeypatch.setattr(iranmap.build, "report_batches", counted)
    build([report], out, BuildOptions(langs=("en",)))
    assert rendered == []
    metrics = copy / "render" / "fonts" / "metrics.json"
    metrics.write_text(metrics.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    build([report], out, BuildOptions(langs=("en",)))
    assert rendered == [report]


def test_the_dependencies_that_change_outputs_are_installed_packages() -> None:
    """A misspelt name would always read as version '-', and never change the fingerprint."""
    import importlib.metadata

    missing = []
    for package in iranmap._stamp.DEPENDENCIES:
        try:
            assert importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            missing.append(package)
    # svg2png-py is installed only where it has a wheel; resvg-py, by the tests, everywhere.
    assert set(missing) <= {"svg2png-py"}
    assert {*iranmap.raster.BACKENDS, "jdatetime", "python-calamine", "xstatic-leaflet"} <= set(
        iranmap._stamp.DEPENDENCIES
    )


@pytest.mark.slow  # the series built once (series_built) takes seconds
def test_a_failed_report_leaves_every_series_as_it_was(
    series_built: tuple[Path, list[Path], str], tmp_path: Path
) -> None:
    out, reports = copy_built(*series_built[:2], tmp_path)
    before = snapshot(out / "series")
    (reports[1] / "report.toml").write_text("title = \n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", *map(str, reports), "--out", str(out)])
    assert result.exit_code == 1
    assert f"error: 2024-02-hengaw: {reports[1] / 'report.toml'}:" in result.stderr
    assert (
        "warning: the series were not built again, since a report failed and may be a step of "
        "one: their previous files were left in place; fix the report and build again\n"
    ) in result.stderr
    assert "series/hengaw-monthly" not in result.output
    assert snapshot(out / "series") == before
    assert [r.id for r in stale_files(reports, out, OPTIONS)[1]] == ["2024-02-hengaw"]


@pytest.mark.slow  # the series built once (series_built) takes seconds
def test_building_one_step_keeps_the_whole_series(
    series_built: tuple[Path, list[Path], str], tmp_path: Path
) -> None:
    """Asked for (--series), the series is every report beside the one built that names it,
    not just that one."""
    out, reports = copy_built(*series_built[:2], tmp_path)
    figures = reports[0] / "provinces.csv"
    text = figures.read_text(encoding="utf-8")
    figures.write_text(text.replace("Alborz,32,", "Alborz,33,", 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(reports[0]), "--out", str(out), "--series"])
    assert result.exit_code == 0, result.output
    assert "series/hengaw-monthly: " in result.output
    summary = json.loads((out / "series" / "hengaw-monthly" / "summary.json").read_bytes())
    assert summary["series"] == list(HENGAW[:3])
    totals = (out / "series" / "hengaw-monthly" / "steps-totals.csv").read_text(encoding="utf-8")
    assert len(totals.splitlines()) == 5  # the header, three months and all of them
    assert stale_files([reports[0]], out, OPTIONS) == ([], [])


@pytest.mark.slow  # the series built once (series_built) takes seconds
def test_a_step_beside_with_a_problem_stops_its_series(
    series_built: tuple[Path, list[Path], str], tmp_path: Path
) -> None:
    out, reports = copy_built(*series_built[:2], tmp_path)
    before = snapshot(out / "series")
    figures = reports[2] / "provinces.csv"
    lines = figures.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].split(",")[0] + ",many,"
    figures.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(reports[0]), "--out", str(out), "--series"])
    assert result.exit_code == 1
    assert f"error: series/hengaw-monthly: {figures}:2: executions 'many' is not a number" in (
        result.stderr
    )
    assert snapshot(out / "series") == before


def test_a_folder_that_cannot_be_listed_gives_no_series_steps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import iranmap.project

    (report,) = copy_reports(tmp_path, HENGAW[0])
    copy_reports(tmp_path, HENGAW[1])

    def unlistable(folder: Path) -> list[Path]:
        raise PermissionError(13, "Permission denied", str(folder))

    assert iranmap.project.series_candidates([report]) == [report, report.parent / HENGAW[1]]
    monkeypatch.setattr(iranmap.project, "report_folders", unlistable)
    assert iranmap.project.series_candidates([report]) == [report]
