"""The timeline page as a reader uses it, in headless Chromium, offline."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from PIL import Image

from iranmap.cli import main
from iranmap.i18n import Lang
from iranmap.join import join
from iranmap.render import RenderOptions
from iranmap.render.timeline import render_timeline_page
from iranmap.reports import load_report
from iranmap.steps import Timeline, events_timeline, province_matrix
from test_steps import write_events

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def year_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_events(tmp_path_factory.mktemp("b") / "year")


@pytest.fixture(scope="module")
def year(year_folder: Path) -> Timeline:
    return events_timeline(join(load_report(year_folder)))


class Opened:
    def __init__(self, page: Any, requests: list[str], errors: list[str]) -> None:
        self.page = page
        self.requests = requests
        self.errors = errors

    def go(self, k: int) -> None:
        """Set the slider as a keyboard or a script would, and tell the page."""
        self.page.evaluate(
            """k => {
                const r = document.getElementById("tl-range");
                r.value = String(k);
                r.dispatchEvent(new Event("input", { bubbles: true }));
            }""",
            k,
        )

    def status(self) -> str:
        return str(self.page.locator("#tl-status").inner_text())

    def fills(self) -> dict[str, str | None]:
        result: dict[str, str | None] = self.page.evaluate("window.iranmap.timeline.fills()")
        return result


@pytest.fixture
def open_timeline(browser: Any, tmp_path: Path) -> Iterator[Any]:
    contexts: list[Any] = []

    def _open(timeline: Timeline, lang: Lang = "en") -> Opened:
        path = tmp_path / f"timeline-{len(contexts)}.html"
        path.write_bytes(render_timeline_page(timeline, RenderOptions(lang=lang)))
        context = browser.new_context(viewport={"width": 1100, "height": 900})
        contexts.append(context)
        page = context.new_page()
        requests: list[str] = []
        errors: list[str] = []
        page.on("request", lambda r: None if r.url.startswith("file:") else requests.append(r.url))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(path.as_uri())
        page.wait_for_function("window.iranmap && window.iranmap.timeline", timeout=15_000)
        return Opened(page, requests, errors)

    yield _open
    for context in contexts:
        context.close()


def check_count(folder: Path, start: str, end: str) -> int:
    result = CliRunner().invoke(
        main, ["check", str(folder), "--from", start, "--to", end, "--json"]
    )
    assert result.exit_code == 0, result.output
    count: int = json.loads(result.stdout)["reported_total"]
    return count


def test_each_step_shows_what_check_counts(
    open_timeline: Any, year: Timeline, year_folder: Path
) -> None:
    opened = open_timeline(year)
    for k in (0, 2, 3, 10):
        step = year.steps[k]
        opened.go(k)
        n = check_count(year_folder, step.start.isoformat(), step.end.isoformat())
        running = sum(s.reported for s in year.steps[: k + 1])
        noun = "execution" if n == 1 else "executions"
        assert opened.status() == (
            f"{step.start.strftime('%B %Y')}: {n} {noun} ({running} since 1 January 2024)"
        )
        assert opened.page.locator("#tl-step").inner_text() == step.start.strftime("%B %Y")
        assert opened.page.evaluate("window.iranmap.timeline.step()") == k
    assert opened.requests == []
    assert opened.errors == []


def test_shapes_change_colour_with_the_step(open_timeline: Any, year: Timeline) -> None:
    opened = open_timeline(year)
    isos, matrix = province_matrix(year)
    data = opened.page.evaluate("JSON.parse(document.getElementById('im-data').textContent)")
    colors = data["tl"]
    for k in (2, 3):
        opened.go(k)
        fills = opened.fills()
        expected = {
            iso: None
            if matrix[k, c] < 0
            else data["colors"]["step"][colors["classes"]["step"][k][c]]
            for c, iso in enumerate(isos)
        }
        assert fills == expected
    opened.go(2)
    march = opened.fills()
    opened.go(3)
    april = opened.fills()
    assert march["IR-07"] is not None and april["IR-07"] is None  # Fars: Shiraz in March only
    assert march["IR-23"] is not None and april["IR-23"] is None  # Tehran: Evin
    # April has one prison (Qezelhessar) with a figure: one circle on the map.
    assert opened.page.evaluate("window.iranmap.timeline.circles()") == 1


def test_a_bar_click_and_the_mode_switch(open_timeline: Any, year: Timeline) -> None:
    opened = open_timeline(year)
    opened.page.locator('button.tl-bar[data-step="1"]').click()
    assert opened.status() == "February 2024: 3 executions (5 since 1 January 2024)"
    assert opened.page.locator("#tl-range").input_value() == "1"
    assert (
        opened.page.locator('button.tl-bar[data-step="1"]').get_attribute("aria-current") == "step"
    )
    before = opened.fills()
    opened.page.locator("input[name=tl-mode][value=cum]").check()
    assert opened.page.evaluate("window.iranmap.timeline.mode()") == "cum"
    after = opened.fills()
    assert before != after
    assert opened.page.locator('.im-legend .tl-legend[data-mode="cum"]').is_visible()
    assert not opened.page.locator('.im-legend .tl-legend[data-mode="step"]').is_visible()


def test_keyboard_moves_the_slider(open_timeline: Any, year: Timeline) -> None:
    opened = open_timeline(year)
    opened.page.locator("#tl-range").focus()
    opened.page.keyboard.press("Home")
    assert opened.page.evaluate("window.iranmap.timeline.step()") == 0
    opened.page.keyboard.press("ArrowRight")
    assert opened.status().startswith("February 2024: 3 executions")


def test_play_runs_to_the_end_and_pauses(open_timeline: Any, year: Timeline) -> None:
    opened = open_timeline(year)
    opened.go(9)
    play = opened.page.locator("#tl-play")
    play.click()
    assert play.get_attribute("aria-pressed") == "true"
    opened.page.wait_for_function("window.iranmap.timeline.step() === 11", timeout=10_000)
    opened.page.wait_for_function(
        "document.getElementById('tl-play').getAttribute('aria-pressed') === 'false'",
        timeout=5_000,
    )
    assert play.inner_text() == "Play"


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_axe_finds_no_serious_violation(open_timeline: Any, year: Timeline, lang: Lang) -> None:
    from axe_playwright_python.sync_playwright import Axe

    opened = open_timeline(year, lang)
    opened.page.locator("details.im-tables summary").click()
    results = Axe().run(opened.page)
    serious = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
    assert opened.requests == []


def test_provinces_without_a_figure_are_hatched_not_black(
    open_timeline: Any, year: Timeline
) -> None:
    """What the reader sees of a step's not-itemized provinces: the page's hatch pattern,
    on whichever renderer the map uses (a canvas pattern on an SVG path draws black)."""
    opened = open_timeline(year)
    opened.go(3)  # April: one province with a figure, thirty hatched
    fills = opened.page.evaluate(
        """Array.from(document.querySelectorAll('.leaflet-overlay-pane svg > g > path'))
             .map(p => p.getAttribute('fill'))"""
    )
    assert len(fills) >= 31
    hatched = [f for f in fills if f.startswith("url(")]
    assert len(hatched) == 30
    assert all(f.startswith(("url(#im-pattern-", "#")) for f in fills), set(fills)
    shot = Image.open(io.BytesIO(opened.page.locator("#im-map").screenshot())).convert("RGB")
    data = shot.tobytes()
    dark = sum(1 for i in range(0, len(data), 3) if max(data[i : i + 3]) < 40)
    assert dark / (len(data) // 3) < 0.02
