"""The timeline page, its small multiples and its data files (iranmap.render.timeline)."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from lxml import etree

from iranmap.join import join
from iranmap.render import BuildOptions, RenderOptions
from iranmap.render.multiples import multiples_svg
from iranmap.render.timeline import render_series, render_timeline, render_timeline_page
from iranmap.render.timeline.text import fmt_day, step_label
from iranmap.reports import load_report
from iranmap.steps import Timeline, events_timeline, series_timeline
from test_steps import PARTIAL, ROWS, joined_of, write_events, write_figures

HOSTILE = '<script>alert(1)</script> & "quotes"'


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory) -> Timeline:
    folder = write_events(tmp_path_factory.mktemp("t") / "year", extra=PARTIAL)
    return events_timeline(join(load_report(folder)))


SVG_NS = "http://www.w3.org/2000/svg"
#: Direction marks and isolates around words, dropped to compare text as a reader sees it.
MARKS = dict.fromkeys(map(ord, "\u202b\u202c\u2066\u2067\u2068\u2069"))


def svg_texts(root: Any) -> list[str]:
    """Each <text> of an SVG, without its direction marks."""
    return [(t.text or "").translate(MARKS) for t in root.iter(f"{{{SVG_NS}}}text")]


def soup(page: bytes) -> BeautifulSoup:
    return BeautifulSoup(page.decode("utf-8"), "html.parser")


def data_of(page: BeautifulSoup) -> dict[str, Any]:
    script = page.find("script", id="im-data")
    assert script is not None
    result: dict[str, Any] = json.loads(script.string or "")
    return result


def test_the_page_has_every_step_once(year: Timeline) -> None:
    page = soup(render_timeline_page(year, RenderOptions()))
    tl = data_of(page)["tl"]
    assert tl["labels"] == [
        "January 2024",
        "February 2024",
        "March 2024",
        "April 2024",
        "May 2024",
        "June 2024",
        "July 2024",
        "August 2024",
        "September 2024",
        "October 2024",
        "November 2024",
        "December 2024",
    ]
    assert tl["totals"] == [2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4, 1]
    assert tl["running"][-1] == len(ROWS)
    assert len(tl["classes"]["step"]) == len(tl["classes"]["cum"]) == 12
    assert all(len(row) == 31 for row in tl["values"]["step"])


def test_slider_status_and_bars(year: Timeline) -> None:
    page = soup(render_timeline_page(year, RenderOptions()))
    slider = page.find("input", id="tl-range")
    assert slider is not None
    assert (slider["type"], slider["min"], slider["max"], slider["value"]) == (
        "range",
        "0",
        "11",
        "11",
    )
    assert slider["aria-valuetext"] == "December 2024"
    label = page.find("label", attrs={"for": "tl-range"})
    assert label is not None and label.get_text() == "Time step"
    status = page.find(id="tl-status")
    assert status is not None
    assert status.get_text() == "December 2024: at least 1 execution (30 since 1 January 2024)"
    assert status["aria-live"] == "polite"
    bars = page.select("button.tl-bar")
    assert [b["data-step"] for b in bars] == [str(k) for k in range(12)]
    assert bars[2]["aria-label"] == "March 2024: at least 4 executions (9 since 1 January 2024)"
    assert [b.get("aria-current") for b in bars].count("step") == 1
    play = page.find("button", id="tl-play")
    assert play is not None and play["aria-pressed"] == "false"
    modes = page.select("input[name=tl-mode]")
    assert [(m["value"], m.has_attr("checked")) for m in modes] == [("step", True), ("cum", False)]


def test_the_persian_page_names_steps_in_persian(year: Timeline) -> None:
    page = soup(render_timeline_page(year, RenderOptions(lang="fa")))
    html = page.find("html")
    assert html is not None and (html["lang"], html["dir"]) == ("fa", "rtl")
    status = page.find(id="tl-status")
    assert status is not None
    assert status.get_text() == "دسامبر ۲۰۲۴: دست‌کم ۱ اعدام (۳۰ از ۱ ژانویه ۲۰۲۴)"


def test_jalali_steps_are_named_in_the_jalali_calendar(tmp_path: Path) -> None:
    report = replace(load_report(write_events(tmp_path / "r")), calendar="jalali")
    timeline = events_timeline(join(report))
    assert [s.id for s in timeline.steps][:2] == ["1402-10", "1402-11"]
    assert step_label(timeline.steps[1], timeline, "en") == "Bahman 1402"
    assert step_label(timeline.steps[1], timeline, "fa") == "بهمن ۱۴۰۲"
    assert fmt_day(timeline.steps[0].start, "jalali", "en") == "11 Dey 1402"


def test_one_class_scale_serves_every_step(year: Timeline) -> None:
    data = data_of(soup(render_timeline_page(year, RenderOptions())))
    tl = data["tl"]
    colors = data["colors"]["step"]  # iranmap.js colours the provinces, mode by mode
    seen = {}
    for values, classes in zip(tl["values"]["step"], tl["classes"]["step"], strict=True):
        for value, index in zip(values, classes, strict=True):
            assert (value < 0) == (index < 0)  # not itemized has no class
            if value >= 0:
                assert seen.setdefault(value, index) == index  # one value, one colour
    assert len(colors) == len(set(seen.values()))


def test_report_text_is_escaped(tmp_path: Path) -> None:
    report = replace(load_report(write_events(tmp_path / "r")), title=HOSTILE)
    timeline = events_timeline(join(report))
    page = render_timeline_page(timeline, RenderOptions())
    assert b"<script>alert(1)" not in page
    h1 = soup(page).find("h1")
    assert h1 is not None and h1.get_text() == HOSTILE
    svg = multiples_svg(timeline, RenderOptions())
    root = etree.fromstring(svg)
    assert HOSTILE in "".join(root.itertext())


def test_same_figures_same_bytes(year: Timeline) -> None:
    options = RenderOptions(lang="fa", alternates=("en", "fa"))
    assert render_timeline_page(year, options) == render_timeline_page(year, options)
    assert multiples_svg(year, options) == multiples_svg(year, options)


def test_files_of_a_timeline(year: Timeline) -> None:
    files = render_timeline(year, RenderOptions(lang="fa", base_url="https://example.org/m/"))
    assert sorted(files) == [
        "steps-totals.csv",
        "steps.csv",
        "steps.fa.png",
        "steps.fa.svg",
        "timeline.fa.embed.html",
        "timeline.fa.html",
    ]
    assert files["steps.fa.png"].startswith(b"\x89PNG\r\n\x1a\n")
    frame = soup(files["timeline.fa.embed.html"]).find("iframe")
    assert frame is not None and frame["src"] == "https://example.org/m/year/timeline.fa.html?embed"


def test_small_multiples_have_a_map_and_a_figure_per_step(year: Timeline) -> None:
    root = etree.fromstring(multiples_svg(year, RenderOptions()))
    ns = {"s": "http://www.w3.org/2000/svg"}
    maps = root.findall("s:g", ns)
    assert len(maps) == 12
    assert all(len(g.findall(".//s:use[@fill]", ns)) == 31 for g in maps)
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "March 2024" in texts and "at least 4 executions" in texts
    assert "at least 1 execution" in texts  # the report's qualifier, on every step
    assert "Not itemized" in texts
    assert "None reported" not in texts


def test_a_reports_small_multiples_carry_its_source_as_its_maps_do(year: Timeline) -> None:
    """The image travels alone: it says whose figures they are, from which document and day."""
    for lang, line in (
        ("en", "Source: iranmap tests, “Made-up rows”, 2 January 2025"),
        ("fa", "منبع: iranmap tests، «Made-up rows»، ۱۳ دی ۱۴۰۳ (۲ ژانویه ۲۰۲۵)"),
    ):
        root = etree.fromstring(multiples_svg(year, RenderOptions(lang=lang)))
        texts = svg_texts(root)
        assert line in texts, texts[-3:]


def test_a_series_small_multiples_carry_its_sources(tmp_path: Path) -> None:
    jan = write_figures(tmp_path / "jan", "2025-01-01", "2025-01-31", 10, "Fars,4\n", "m")
    feb = write_figures(tmp_path / "feb", "2025-02-01", "2025-02-28", 7, "Fars,7\n", "m")
    timeline = series_timeline([joined_of(jan, "m"), joined_of(feb, "m")])
    for lang, line in (
        ("en", "Sources: iranmap tests, 2 reports published 2 January 2025"),
        ("fa", "منابع: iranmap tests، ۲ گزارش منتشرشده در ۱۳ دی ۱۴۰۳ (۲ ژانویه ۲۰۲۵)"),
    ):
        root = etree.fromstring(multiples_svg(timeline, RenderOptions(lang=lang)))
        texts = svg_texts(root)
        assert line in texts, texts[-3:]


def test_the_legend_of_a_whole_tally_explains_none_reported_only(tmp_path: Path) -> None:
    """The legend lists what the maps show: a tally whose rows are the whole report has no
    not-itemized province in any step, so no such entry."""
    whole = events_timeline(join(load_report(write_events(tmp_path / "whole"))))
    root = etree.fromstring(multiples_svg(whole, RenderOptions()))
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "None reported" in texts
    assert "Not itemized" not in texts


def test_a_series_page_reconciles_each_step(tmp_path: Path) -> None:
    jan = write_figures(tmp_path / "jan", "2025-01-01", "2025-01-31", 10, "Fars,4\nTehran,2\n")
    feb = write_figures(tmp_path / "feb", "2025-02-01", "2025-02-28", 7, "Fars,7\n")
    joined = [joined_of(jan, "monthly"), joined_of(feb, "monthly")]
    files = render_series(joined, RenderOptions())
    page = soup(files["timeline.html"])
    tl = data_of(page)["tl"]
    assert (tl["labels"], tl["totals"], tl["ni"]) == (
        ["January 2025", "February 2025"],
        [10, 7],
        [4, 0],
    )
    kind = page.find("p", class_="im-kind")
    assert kind is not None and kind.get_text() == "Executions month by month"
    rec = page.find("p", class_="im-rec")
    assert rec is not None
    assert rec.get_text() == (
        "17 executions in 2 reports of the series; 13 in province figures, 4 not itemized."
    )
    timeline = series_timeline(joined)
    assert timeline.steps[0].report == "jan"
    # The step shown first is the latest; its not-itemized line is hidden when it has none.
    ni = page.find(id="tl-ni")
    assert ni is not None and ni.has_attr("hidden")


def test_the_shipped_tally_gets_a_weekly_timeline_and_a_figures_report_none() -> None:
    from iranmap.join import join_folder
    from iranmap.render.timeline import report_timeline_files

    shipped = Path(__file__).resolve().parents[1] / "geodata" / "reports"
    tally = join_folder(shipped / "2025-01-ncri-tally")
    files = report_timeline_files(tally, BuildOptions(langs=("en", "fa")))
    assert sorted(n for n in files if n.endswith(".html")) == [
        "timeline.embed.html",
        "timeline.fa.embed.html",
        "timeline.fa.html",
        "timeline.html",
    ]
    tl = data_of(soup(files["timeline.html"]))["tl"]
    assert tl["labels"][0] == "1–7 January 2025"
    assert tl["totals"] == [12, 0, 0, 0, 0]
    assert report_timeline_files(join_folder(shipped / "2024-ncri"), BuildOptions()) == {}


def test_every_timeline_word_is_in_both_languages() -> None:
    from iranmap.i18n import TEXTS

    words = [key for key in TEXTS["en"] if key.startswith("timeline.")]
    assert words and sorted(words) == sorted(k for k in TEXTS["fa"] if k.startswith("timeline."))
    for key in words:
        template = TEXTS["en"][key]
        english = set(re.findall(r"\{(\w+)\}", template))
        persian = set(re.findall(r"\{(\w+)\}", TEXTS["fa"][key]))
        assert english <= persian, key  # Persian writes "1" as a number: {n} in both forms


@pytest.fixture(scope="module")
def hengaw() -> dict[str, bytes]:
    """The shipped series of six monthly reports by province (no prison), in both languages."""
    from iranmap.join import join_folder

    shipped = Path(__file__).resolve().parents[1] / "geodata" / "reports"
    joined = [join_folder(shipped / f"2024-0{m}-hengaw") for m in range(1, 7)]
    files = render_series(joined, RenderOptions(lang="fa"))
    files.update(render_series(joined, RenderOptions()))
    return files


def test_a_persian_series_is_titled_in_persian(hengaw: dict[str, bytes]) -> None:
    page = soup(hengaw["timeline.fa.html"])
    heading = page.find("h1")
    assert heading is not None
    assert heading.get_text().startswith("سازمان حقوق بشری هه‌نگاو: ۶ گزارش")
    assert "Hengaw" not in page.select_one(".im-source").get_text()
    svg = etree.fromstring(hengaw["steps.fa.svg"])
    said = " ".join(t for t in svg.itertext())
    assert "سازمان حقوق بشری هه‌نگاو" in said and "Hengaw" not in said
    english = soup(hengaw["timeline.html"]).find("h1")
    assert english is not None and english.get_text().startswith("Hengaw")


def test_persian_timeline_words_are_natural_persian(hengaw: dict[str, bytes]) -> None:
    from iranmap._texts import TEXTS

    timeline = {k: w for k, w in TEXTS["fa"].items() if k.startswith("timeline.")}
    assert timeline and [key for key, words in timeline.items() if "گام" in words] == []
    assert "گام" not in soup(hengaw["timeline.fa.html"]).get_text()


@pytest.mark.parametrize("name", ["timeline.html", "timeline.fa.html"])
def test_the_legend_explains_circles_only_where_there_are_some(
    hengaw: dict[str, bytes], year: Timeline, name: str
) -> None:
    legend = soup(hengaw[name]).select_one(".im-legend")
    assert legend is not None and legend.select(".tl-circle") == []
    lang = "fa" if ".fa." in name else "en"
    with_prisons = soup(render_timeline_page(year, RenderOptions(lang=lang)))
    assert len(with_prisons.select(".im-legend .tl-circle")) == 1
    # The legend in one line (an article's frame) says the same: each mode, and the circles.
    line = soup(hengaw[name]).select_one("main > p.im-legend-line")
    assert line is not None and line.select(".tl-circle") == []
    assert [b["data-mode"] for b in line.select(".tl-legend")] == ["step", "cum"]
    assert [b.has_attr("hidden") for b in line.select(".tl-legend")] == [False, True]
    assert len(with_prisons.select("main > p.im-legend-line .tl-circle")) == 1


def test_the_page_inlines_iranmap_js_once_before_timeline_js(year: Timeline) -> None:
    """timeline.js draws with what iranmap.js exposes: the page carries both, the shared one
    first, each once."""
    page = render_timeline_page(year, RenderOptions()).decode()
    shared = page.count("window.iranmap = {")
    own = page.count("iranmap timeline: moves the map")
    assert (shared, own) == (1, 1)
    assert page.index("window.iranmap = {") < page.index("iranmap timeline: moves the map")
