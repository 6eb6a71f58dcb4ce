"""Series among report folders, their maps folder and their gallery entry (iranmap.series)."""

from __future__ import annotations

import csv
import io
import itertools
import json
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from lxml import etree

from iranmap import style
from iranmap._galleries import series_folder
from iranmap.errors import InputError
from iranmap.i18n import Lang
from iranmap.render import BuildOptions, RenderOptions
from iranmap.render.gallery import render_gallery
from iranmap.series import series_outputs
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


# -- complete and partial steps ---------------------------------------------------------------

KERMAN, FARS = "IR-08", "IR-07"


def mixed(tmp_path: Path) -> list[Path]:
    """January itemizes 6 of its 10 (partial), February all 7 (complete), March all 3 but
    says its table is a selection (complete = false)."""
    return [
        write_figures(
            tmp_path / "jan", "2025-01-01", "2025-01-31", 10, "Fars,4\nTehran,2\n", SERIES
        ),
        write_figures(
            tmp_path / "feb", "2025-02-01", "2025-02-28", 7, "Fars,5\nTehran,2\n", SERIES
        ),
        write_figures(
            tmp_path / "mar",
            "2025-03-01",
            "2025-03-31",
            3,
            "Fars,3\n",
            SERIES,
            toml="complete = false\n",
        ),
    ]


def mixed_files(tmp_path: Path) -> dict[str, bytes]:
    outputs = series_outputs(mixed(tmp_path), BuildOptions(langs=("en", "fa")))
    files = outputs[f"series/{SERIES}"]
    assert isinstance(files, dict)
    return files


def page_data(page: BeautifulSoup) -> dict[str, Any]:
    script = page.find("script", id="im-data")
    assert script is not None
    data: dict[str, Any] = json.loads(script.string or "")
    return data


def test_a_complete_step_of_a_series_has_none_reported_a_partial_one_not_itemized(
    tmp_path: Path,
) -> None:
    files = mixed_files(tmp_path)
    rows = list(csv.DictReader(io.StringIO(files["steps.csv"].decode())))
    status = {(r["step"], r["province"]): (r["executions"], r["status"]) for r in rows}
    assert status["jan", KERMAN] == ("", "not itemized")
    assert status["feb", KERMAN] == ("0", "none reported")
    assert status["mar", KERMAN] == ("", "not itemized")
    assert status["feb", FARS] == ("5", "itemized")
    assert {s for (step, _), (_, s) in status.items() if step == "feb"} == {
        "itemized",
        "none reported",
    }
    for name, none_word, ni_word in (
        ("timeline.html", "None reported", "Not itemized"),
        ("timeline.fa.html", "موردی گزارش نشده", "بدون رقم تفکیکی"),
    ):
        page = BeautifulSoup(files[name].decode(), "html.parser")
        data = page_data(page)
        isos = [f["properties"]["iso"] for f in data["provinces"]["features"]]
        k = isos.index(KERMAN)
        tl = data["tl"]
        # The classes iranmap.js colours a report's map with: -3 none reported, -1 not itemized.
        assert [tl["classes"]["step"][s][k] for s in range(3)] == [-1, -3, -1]
        assert [tl["values"]["step"][s][k] for s in range(3)] == [-1, 0, -1]
        # Since January: none reported so far once February says so.
        assert [tl["classes"]["cum"][s][k] for s in range(3)] == [-1, -3, -3]
        assert tl["marks"]["step"] == [[0, 1], [1, 0], [0, 1]]
        # March opens the page: its legend explains not itemized and not none reported.
        block = page.select_one('.im-legend .tl-legend[data-mode="step"]')
        assert block is not None
        none = block.select_one('[data-key="none"]')
        ni = block.select_one('[data-key="ni"]')
        assert none is not None and ni is not None
        assert none.has_attr("hidden") and not ni.has_attr("hidden")
        assert "im-none" in none["class"] and none.get_text(" ", strip=True).startswith(none_word)
        assert ni.get_text(" ", strip=True).startswith(ni_word)
        # The table of every step: February's Kerman cell says none reported, as a report's does.
        grid = page.select("table.im-data-table")[-1]
        kerman = next(
            tr
            for tr in grid.select("tbody tr")
            if tr.th and tr.th.get_text() in ("Kerman", "کرمان")
        )
        cells = kerman.select("td")
        assert [c.get("class") for c in cells] == [["im-ni"], ["im-none"], ["im-ni"]]
        assert cells[1].get_text() == none_word


def test_the_small_multiples_draw_none_reported_white_and_explain_it(tmp_path: Path) -> None:
    files = mixed_files(tmp_path)
    svg = files["steps.svg"].decode()
    ns = {"s": "http://www.w3.org/2000/svg"}
    root = etree.fromstring(svg.encode())
    maps = root.findall("s:g", ns)
    fills = [
        {
            u.get("{http://www.w3.org/1999/xlink}href"): u.get("fill")
            for u in g.iter(f"{{{ns['s']}}}use")
            if u.get("fill")
        }
        for g in maps
    ]
    assert [f[f"#p-{KERMAN}"] for f in fills] == [
        style.NOT_ITEMIZED_FILL,
        style.NONE_REPORTED_FILL,
        style.NOT_ITEMIZED_FILL,
    ]
    texts = [t.text for t in root.iter(f"{{{ns['s']}}}text")]
    assert "None reported" in texts and "Not itemized" in texts
    assert "موردی گزارش نشده" in files["steps.fa.svg"].decode()


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_the_small_multiples_legend_keeps_every_entry_whole(tmp_path: Path, lang: Lang) -> None:
    """The classes, none reported and not itemized under two maps: each label inside the
    image and clear of the next swatch, on a second line where needed."""
    from iranmap.render.multiples import MARGIN, multiples_svg
    from iranmap.render.static.text import width as text_width
    from iranmap.steps import series_timeline
    from test_steps import joined_of

    # January and February: a narrow image of two maps.
    timeline = series_timeline([joined_of(f, SERIES) for f in mixed(tmp_path)[:2]])
    svg = multiples_svg(timeline, RenderOptions(lang=lang, k=5))
    root = etree.fromstring(svg)
    s = "{http://www.w3.org/2000/svg}"
    image_width = float(root.get("width"))
    swatches = [r for r in root.iter(f"{s}rect") if r.get("width") == "22"]
    assert len(swatches) >= 3
    boxes = []
    for text in root.iter(f"{s}text"):
        if text.get("font-size") != "11.5":
            continue
        label = (text.text or "").strip("\u202b\u202c")
        w = text_width(label, 11.5, lang)
        x = float(text.get("x"))
        left, right = (x - w, x) if text.get("text-anchor") == "end" else (x, x + w)
        boxes.append((float(text.get("y")), left, right))
    for rect in swatches:
        x = float(rect.get("x"))
        boxes.append((float(rect.get("y")) + 11, x, x + 22))
    assert all(
        left >= MARGIN - 0.5 and right <= image_width - MARGIN + 0.5 for _, left, right in boxes
    )
    for y in {b[0] for b in boxes}:
        line = sorted((left, right) for yy, left, right in boxes if yy == y)
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(line)), line
