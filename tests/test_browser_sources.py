"""The shipped comparison of 2024 as a reader sees it, in headless Chromium, offline: the range,
every source named with its bar, nothing overlapping on a phone or a screen, in English and
Persian, and no serious accessibility violation."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from browsercheck import Watch, serious_violations
from iranmap.comparisons import Comparison, load_comparison
from iranmap.i18n import Lang
from iranmap.render.sources import headline, render_sources

pytestmark = [pytest.mark.browser, pytest.mark.slow]

GEODATA = Path(__file__).resolve().parent.parent / "geodata"


@pytest.fixture(scope="module")
def shipped() -> Comparison:
    return load_comparison(GEODATA / "comparisons" / "2024", GEODATA / "reports")


@pytest.fixture
def open_page(opening: Callable[..., Any], tmp_path: Path) -> Callable[..., tuple[Any, list[str]]]:
    """Each page is opened in the module's one page (``tab``), in turn."""
    count = itertools.count()

    def _open(made: Comparison, lang: Lang, width: int) -> tuple[Any, list[str]]:
        path = tmp_path / f"sources-{next(count)}.html"
        path.write_bytes(render_sources(made, lang))
        trouble: list[str] = []
        page = opening(path.as_uri(), width, 900, **Watch(trouble, trouble, trouble).listeners())
        page.wait_for_function("window.iranmap !== undefined", timeout=10_000)
        return page, trouble

    return _open


#: The boxes of a chart's parts, per row, as the reader's browser lays them out.
BOXES = """() => [...document.querySelectorAll('ol.im-chart > li')].map((li) => ({
    id: li.dataset.id,
    row: li.getBoundingClientRect().toJSON(),
    parts: [...li.querySelectorAll('.im-who, .im-when, .im-bar, .im-arrow, .im-val, .im-flag')]
        .map((e) => e.getBoundingClientRect().toJSON()),
    text: li.innerText,
}))"""


def _overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return (
        min(a["right"], b["right"]) - max(a["left"], b["left"]) > 0.5
        and min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > 0.5
    )


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("lang", ["en", "fa"])
def test_the_range_and_every_source_are_shown_and_nothing_overlaps(
    open_page: Callable[..., tuple[Any, list[str]]], shipped: Comparison, lang: Lang, width: int
) -> None:
    page, trouble = open_page(shipped, lang, width)
    shown = page.locator("#im-range")
    assert shown.is_visible()
    assert " ".join(shown.inner_text().split()) == " ".join(headline(shipped, lang).split())
    if lang == "fa":
        assert "۹۰۱" in shown.inner_text() and "دی ۱۴۰۳" in shown.inner_text()
    else:
        assert shown.inner_text().startswith("Between 901 and at least 1,000 executions")
    rows = page.evaluate(BOXES)
    assert [r["id"] for r in rows] == [s.report.id for s in shipped.sources]
    assert len({s.report.publisher for s in shipped.sources}) >= 5
    for row, source in zip(rows, shipped.sources, strict=True):
        report = source.report
        publisher = (
            report.publisher_fa if lang == "fa" and report.publisher_fa else report.publisher
        )
        assert publisher in row["text"]
        parts = row["parts"]
        assert all(p["width"] > 0 for p in parts), row["id"]
        for i, a in enumerate(parts):
            for b in parts[i + 1 :]:
                assert not _overlap(a, b), (row["id"], a, b)
            assert a["left"] >= -0.5 and a["right"] <= width + 0.5, (row["id"], a)
    for upper, lower in pairwise(rows):
        assert upper["row"]["bottom"] <= lower["row"]["top"] + 0.5
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.evaluate("window.iranmap.counts.provinces") == 31
    assert trouble == []


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_a_province_tells_its_range_and_how_many_sources_give_one(
    open_page: Callable[..., tuple[Any, list[str]]], shipped: Comparison, lang: Lang
) -> None:
    page, trouble = open_page(shipped, lang, 1280)
    fars = next(p for p in shipped.provinces if p.iso == "IR-07")
    assert fars.sources == 1 and fars.low == fars.high == 97
    features = page.evaluate(
        "window.iranmap.provinces.getLayers().map((l) => l.feature.properties)"
    )
    tip = next(f["tip"] for f in features if f["iso"] == "IR-07")
    words = {"en": ("97", "1 of 5"), "fa": ("۹۷", "۱ از ۵")}[lang]
    assert [line[1] for line in tip[:2]] == list(words)
    assert trouble == []


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_axe_finds_no_serious_violation(
    open_page: Callable[..., tuple[Any, list[str]]], shipped: Comparison, lang: Lang
) -> None:
    page, trouble = open_page(shipped, lang, 1280)
    page.locator("details.im-tables summary").click()
    assert serious_violations(page) == []
    assert trouble == []
