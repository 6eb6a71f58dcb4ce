"""Series among report folders, their maps folder and their gallery entry (iranmap.series)."""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup

from iranmap.errors import InputError
from iranmap.render import BuildOptions, RenderOptions
from iranmap.render.gallery import render_gallery
from iranmap.series import series_outputs
from iranmap.steps import series_folder
from test_steps import write_figures

SERIES = "monthly-test"


def test_series_folder_names() -> None:
    assert series_folder("Hengaw monthly execution statistics") == (
        "hengaw-monthly-execution-statistics"
    )
    assert series_folder("  IHR / 2025 ") == "ihr-2025"
    assert series_folder("***") == "series"


def test_a_series_gets_its_folder_files_and_summary(tmp_path: Path) -> None:
    folders = [
        write_figures(tmp_path / "feb", "2025-02-01", "2025-02-28", 7, "Fars,7\n", SERIES),
        write_figures(
            tmp_path / "jan", "2025-01-01", "2025-01-31", 10, "Fars,4\nTehran,2\n", SERIES
        ),
        write_figures(tmp_path / "lone", "2024-01-01", "2024-12-31", 3, "Fars,3\n"),
    ]
    outputs = series_outputs(folders, BuildOptions(langs=("en",)))
    assert list(outputs) == ["series/monthly-test"]
    files = outputs["series/monthly-test"]
    assert isinstance(files, dict)
    assert sorted(files) == [
        "steps-totals.csv",
        "steps.csv",
        "steps.png",
        "steps.svg",
        "summary.json",
        "timeline.embed.html",
        "timeline.html",
    ]
    summary = json.loads(files["summary.json"])
    assert (summary["id"], summary["title"], summary["series"]) == (
        "series/monthly-test",
        "iranmap tests: 2 reports, 1 January – 28 February 2025",
        ["jan", "feb"],
    )
    assert summary["sentence"]["en"] == (
        "17 executions in 2 reports of the series; 13 in province figures, 4 not itemized."
    )
    gallery = BeautifulSoup(render_gallery([summary], RenderOptions()).decode(), "html.parser")
    link = gallery.find("a", href="series/monthly-test/timeline.html")
    assert link is not None
    image = gallery.find("img")
    assert image is not None and image["src"] == "series/monthly-test/steps.png"


def test_an_overlap_stops_the_series_not_the_others(tmp_path: Path) -> None:
    folders = [
        write_figures(tmp_path / "jan", "2025-01-01", "2025-01-31", 10, "Fars,4\n", SERIES),
        write_figures(tmp_path / "late", "2025-01-20", "2025-02-28", 7, "Fars,7\n", SERIES),
    ]
    outputs = series_outputs(folders, BuildOptions(langs=("en",)))
    error = outputs["series/monthly-test"]
    assert isinstance(error, InputError)
    assert str(error).startswith(f"{tmp_path / 'late' / 'report.toml'}:10: period 2025-01-20")
