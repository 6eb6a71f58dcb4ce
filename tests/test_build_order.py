"""What a build writes first, and which series it remakes."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

import iranmap._stamp
import iranmap.build
import iranmap.raster
import iranmap.steps
from iranmap._owned import BlockedError
from iranmap.build import build, stale_files
from iranmap.errors import InputError, Problem
from iranmap.render import BuildOptions

SHIPPED = Path(__file__).resolve().parents[1] / "geodata" / "reports"
OPTIONS = BuildOptions()
ENGLISH = BuildOptions(langs=("en",))
FAKE_PNG = b"not drawn in this test"


def copy_reports(tmp_path: Path, *names: str) -> list[Path]:
    root = tmp_path / "reports"
    root.mkdir(exist_ok=True)
    return [Path(shutil.copytree(SHIPPED / name, root / name)) for name in names]


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[list[str]]:
    """Instead of drawing, the first image to be drawn notes the files that were already on
    disk under the test's folder (the reports' and the build's) then."""
    seen: list[list[str]] = []
    lock = threading.Lock()

    def png(job: iranmap.raster.Job) -> bytes:
        with lock:
            if not seen:
                seen.append(sorted(p.name for p in tmp_path.rglob("*") if p.is_file()))
        return FAKE_PNG

    monkeypatch.setattr(iranmap.raster, "png", png)
    return seen


def test_a_reports_pages_are_written_before_its_images_are_drawn(
    tmp_path: Path, drawn: list[list[str]]
) -> None:
    (report,) = copy_reports(tmp_path, "2025-01-ncri-tally")
    out = tmp_path / "maps"
    result = build([report], out, OPTIONS)
    assert result.reports[0].ok
    (before,) = drawn
    pages = {"combined.html", "combined.fa.html", "timeline.html", "timeline.fa.html"}
    assert pages <= set(before)
    assert not any(name.endswith(".png") for name in before)
    assert "summary.json" not in before  # it lists every file, so comes last
    written = sorted(p.name for p in (out / report.name).iterdir() if not p.name.startswith("."))
    assert [f.path.name for f in result.reports[0].files if f.status == "created"] == written
    assert (out / report.name / "steps.png").read_bytes() == FAKE_PNG


def test_a_report_whose_timeline_cannot_be_cut_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, drawn: list[list[str]]
) -> None:
    """The problems that stop a report are all met before its first page is written."""
    (report,) = copy_reports(tmp_path, "2025-01-ncri-tally")
    problem = Problem(str(report / "events.csv"), 3, "two steps overlap")

    def cannot(*args: object, **kwargs: object) -> None:
        raise InputError(problem)

    monkeypatch.setattr(iranmap.steps, "events_timeline", cannot)
    out = tmp_path / "maps"
    result = build([report], out, OPTIONS)
    (failed,) = result.failed
    assert isinstance(failed.error, InputError)
    assert failed.error.problems == (problem,)
    assert not (out / report.name).exists()
    assert drawn == []


@pytest.mark.slow
def test_building_a_report_leaves_alone_a_series_it_is_not_part_of(
    tmp_path: Path, drawn: list[list[str]]
) -> None:
    ncri, hengaw = copy_reports(tmp_path, "2024-ncri", "2024-01-hengaw")
    out = tmp_path / "maps"
    result = build([ncri], out, ENGLISH)
    assert result.series == ()
    assert not (out / "series").exists()
    assert stale_files([ncri], out, ENGLISH) == ([], [])
    result = build([hengaw], out, ENGLISH)
    assert [s.id for s in result.series] == ["series/hengaw-monthly"]
    assert (out / "series" / "hengaw-monthly" / "timeline.html").is_file()
    # ... and --check of the report alone does not look at the series, even when it differs
    (out / "series" / "hengaw-monthly" / "timeline.html").write_text("edited", encoding="utf-8")
    assert stale_files([ncri], out, ENGLISH) == ([], [])
    differ, _ = stale_files([hengaw], out, ENGLISH)
    assert differ == [str(out / "series" / "hengaw-monthly" / "timeline.html")]


def test_a_file_of_the_readers_where_an_image_goes_is_never_written_over(
    tmp_path: Path, drawn: list[list[str]]
) -> None:
    (report,) = copy_reports(tmp_path, "2024-ncri")
    out = tmp_path / "maps"
    (out / report.name).mkdir(parents=True)
    mine = out / report.name / "choropleth.png"
    mine.write_bytes(b"my own picture")
    result = build([report], out, ENGLISH)
    (failed,) = result.failed
    assert isinstance(failed.error, BlockedError)
    assert [path for path, _ in failed.error.blocked] == [mine]
    assert mine.read_bytes() == b"my own picture"
    assert not (out / report.name / "summary.json").exists()


def test_the_stamp_is_worked_out_while_the_images_are_drawn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The versions and code digest of the build's stamp are read once the images are handed
    to their threads and before any PNG is written: the build waits for them meanwhile."""
    (report,) = copy_reports(tmp_path, "2024-ncri")
    out = tmp_path / "maps" / report.name
    real = iranmap._stamp.version
    seen: list[tuple[bool, bool]] = []

    def noted(package: str) -> str:
        names = [p.name for p in out.iterdir()] if out.is_dir() else []
        seen.append(
            (any(n.endswith(".svg") for n in names), any(n.endswith(".png") for n in names))
        )
        return real(package)

    monkeypatch.setattr(iranmap._stamp, "version", noted)
    assert build([report], tmp_path / "maps", ENGLISH).reports[0].ok
    assert seen and set(seen) == {(True, False)}  # the SVGs are written, no PNG yet


def test_which_comparisons_to_write_is_read_while_the_images_are_drawn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Which comparisons the build writes is read once, while the report's images are drawn;
    an error reading it is raised where the build asks for it, after the report, as before."""
    (report,) = copy_reports(tmp_path, "2024-ncri")
    out = tmp_path / "maps" / report.name
    seen: list[tuple[bool, bool]] = []

    def noted(*args: object, **kwargs: object) -> tuple[list[Path], list[str]]:
        kinds = {p.suffix for p in out.iterdir()} if out.is_dir() else set()
        seen.append((".svg" in kinds, ".png" in kinds))
        return [], []

    monkeypatch.setattr(iranmap.build, "comparisons_of", noted)
    assert build([report], tmp_path / "maps", ENGLISH).reports[0].ok
    assert seen == [(True, False)]

    def broken(*args: object, **kwargs: object) -> tuple[list[Path], list[str]]:
        raise InputError(Problem("comparison.toml", 1, "unreadable"))

    monkeypatch.setattr(iranmap.build, "comparisons_of", broken)
    shutil.rmtree(tmp_path / "maps")
    with pytest.raises(InputError, match="unreadable"):
        build([report], tmp_path / "maps", ENGLISH)
    assert (out / "combined.html").is_file() and (out / "choropleth.png").is_file()
