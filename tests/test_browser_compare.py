"""The change map as a reader sees it, in headless Chromium, offline.

The page is opened from disk with every request recorded: anything but ``file:`` fails the
test, as does a console error, an uncaught exception or a dialog.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from browsercheck import Watch, serious_violations
from comparefixture import make_diff
from iranmap.diff import Diff
from iranmap.i18n import Lang
from iranmap.render.compare import DIVERGING, render_compare

pytestmark = pytest.mark.browser

PAYLOAD = (
    "<img src=x onerror=\"window.__xss='img';alert(1)\">"
    "</script><script>window.__xss='script'</script>"
)


@dataclass
class Opened(Watch):
    page: Any = None

    def hover(self, iso: str) -> str:
        """Move the mouse onto a province (its inside point) and return the tooltip's text."""
        x, y = self.page.evaluate(
            """(iso) => {
                const map = window.iranmap.map;
                const layer = window.iranmap.provinces.getLayers()
                    .find((l) => l.feature.properties.iso === iso);
                const p = map.latLngToContainerPoint(layer.feature.properties.pt);
                const r = map.getContainer().getBoundingClientRect();
                return [r.left + p.x, r.top + p.y];
            }""",
            iso,
        )
        self.page.mouse.move(x - 3, y - 3)
        self.page.mouse.move(x, y, steps=2)
        tooltip = self.page.locator(".leaflet-tooltip-pane .leaflet-tooltip").last
        tooltip.wait_for(state="visible", timeout=3000)
        return " ".join(tooltip.inner_text().split())

    def clean(self) -> None:
        assert self.requests == []
        assert self.errors == []
        assert self.dialogs == []


Opener = Callable[..., Opened]


@pytest.fixture
def open_compare(opening: Callable[..., Any], tmp_path: Path) -> Opener:
    """Each page is opened in the module's one page (``tab``), in turn."""
    count = itertools.count()

    def _open(diff: Diff, lang: Lang = "en", width: int = 1100, height: int = 800) -> Opened:
        path = tmp_path / f"change-{next(count)}.html"
        path.write_bytes(render_compare(diff, lang))
        opened = Opened()
        opened.page = opening(path.as_uri(), width, height, **opened.listeners())
        opened.page.wait_for_function("window.iranmap !== undefined", timeout=10_000)
        return opened

    return _open


@pytest.fixture(scope="module")
def diff() -> Diff:
    return make_diff()


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_change_map_draws_every_province_offline(
    open_compare: Opener, diff: Diff, lang: Lang
) -> None:
    opened = open_compare(diff, lang)
    page = opened.page
    assert page.evaluate("window.iranmap.counts") == {"provinces": 31, "prisons": 0}
    assert page.locator("h1").is_visible()
    assert page.locator(".im-legend-block[data-measure=change]").is_visible()
    assert page.locator(".im-source").count() == 2
    assert page.evaluate("document.documentElement.dir") == ("rtl" if lang == "fa" else "ltr")
    opened.clean()


def test_fills_are_the_diverging_colours_and_patterns(open_compare: Opener, diff: Diff) -> None:
    opened = open_compare(diff)
    fills = opened.page.evaluate(
        """Object.fromEntries(window.iranmap.provinces.getLayers().map((l) => {
            const f = l.options.fillColor;
            return [l.feature.properties.iso, typeof f === "string" ? f : f.constructor.name];
        }))"""
    )
    red, blue, neutral = DIVERGING[3][6], DIVERGING[3][0], DIVERGING[3][3]
    assert (fills["IR-30"], fills["IR-10"]) == (red, blue)  # +25 and -21
    assert fills["IR-07"] == fills["IR-29"] == neutral  # no change
    # Patterns: SVG <pattern>s of the SVG renderer (a few shapes), one per kind of pattern.
    assert all(fills[iso].startswith("url(#im-pattern-") for iso in ("IR-22", "IR-26", "IR-23"))
    distinct = opened.page.evaluate(
        """(() => {
            const fill = (iso) => window.iranmap.provinces.getLayers()
                .find((l) => l.feature.properties.iso === iso).options.fillColor;
            const newly = fill("IR-22"), gone = fill("IR-26"), neither = fill("IR-23");
            return [newly !== gone, gone !== neither, newly !== neither,
                    fill("IR-00") === neither];
        })()"""
    )
    assert distinct == [True, True, True, True]
    opened.clean()


def test_tooltip_shows_a_b_and_the_difference(open_compare: Opener, diff: Diff) -> None:
    opened = open_compare(diff)
    assert opened.hover("IR-30") == (
        "Alborz البرز A: 209 B: 234 Change (B − A): +25 "
        "Source (A): prisons.csv:2, prisons.csv:6 Source (B): prisons.csv:2, prisons.csv:6"
    )
    assert opened.hover("IR-22") == (
        "Hormozgan هرمزگان A: Not itemized B: 12 Change (B − A): Newly itemized "
        "Source (B): prisons.csv:9"
    )
    assert opened.hover("IR-26") == (
        "Qazvin قزوین A: 38 B: Not itemized Change (B − A): No longer itemized "
        "Source (A): prisons.csv:7"
    )
    assert opened.hover("IR-23") == (
        "Tehran تهران A: Not itemized B: Not itemized Change (B − A): Not itemized in either report"
    )
    opened.clean()


def test_tooltip_in_persian(open_compare: Opener, diff: Diff) -> None:
    opened = open_compare(diff, "fa")
    assert opened.hover("IR-10") == (
        "اصفهان Isfahan الف: ۶۱ ب: ۴۰ تغییر (ب − الف): −۲۱ "
        "منبع (الف): prisons.csv:4 منبع (ب): prisons.csv:4"
    )
    opened.clean()


def test_script_in_any_text_runs_nothing(open_compare: Opener) -> None:
    opened = open_compare(make_diff(lambda value: value + PAYLOAD))
    page = opened.page
    assert PAYLOAD in opened.hover("IR-30")
    page.locator("details.im-tables summary").click()
    page.wait_for_timeout(200)
    assert page.evaluate("window.__xss") is None
    assert page.locator("img, iframe").count() == 0
    assert PAYLOAD in page.locator("h1").inner_text()
    opened.clean()


def test_reads_at_320_px(open_compare: Opener, diff: Diff, tmp_path: Path) -> None:
    opened = open_compare(diff, width=320, height=640)
    page = opened.page
    page.locator("details.im-tables summary").click()
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 320
    assert page.locator(".im-legend").is_visible()
    page.screenshot(path=str(tmp_path / "change-320.png"), full_page=True)
    opened.clean()


def test_shipped_reports_in_the_browser(open_compare: Opener) -> None:
    from iranmap.api import load
    from iranmap.diff import compare
    from iranmap.paths import reports_dir

    a, b = load(reports_dir() / "2024-ncri"), load(reports_dir() / "2025-01-01-ncri")
    result = compare(a, b)
    assert result.caveats[0].message.startswith("A covers 366 days")
    opened = open_compare(result)
    assert opened.hover("IR-30") == (
        "Alborz البرز A: 209 B: 5 Change (B − A): −204 "
        "Source (A): prisons.csv:2, 6 Source (B): prisons.csv:2"
    )
    assert opened.hover("IR-22").startswith("Hormozgan هرمزگان A: Not itemized B: 5 ")
    caveat = opened.page.locator(".im-caveat")
    assert caveat.is_visible()
    assert caveat.inner_text().startswith("Caution: A covers 1 January – 31 December 2024")
    opened.clean()


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_axe_finds_no_serious_violation(open_compare: Opener, diff: Diff, lang: Lang) -> None:
    opened = open_compare(diff, lang)
    opened.page.locator("details.im-tables summary").click()
    assert serious_violations(opened.page) == []
    opened.clean()
