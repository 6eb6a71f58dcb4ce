"""The timeline page as a reader uses it, in headless Chromium, offline."""

from __future__ import annotations

import io
import itertools
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from lxml import etree
from PIL import Image

from browsercheck import Watch, serious_violations
from iranmap import style
from iranmap.cli import main
from iranmap.i18n import Lang, fmt_int
from iranmap.join import join
from iranmap.render import RenderOptions
from iranmap.render.multiples import multiples_svg
from iranmap.render.points import circle_radius
from iranmap.render.timeline import render_timeline_page
from iranmap.reports import load_report
from iranmap.steps import Timeline, events_timeline, province_matrix, series_timeline
from test_steps import PARTIAL, write_events

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def year_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_events(tmp_path_factory.mktemp("b") / "year", extra=PARTIAL)


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
def open_timeline(opening: Any, tmp_path: Path) -> Any:
    """Each timeline is opened in the module's one page (``tab``), in turn."""
    opened = itertools.count()

    def _open(timeline: Timeline, lang: Lang = "en") -> Opened:
        path = tmp_path / f"timeline-{next(opened)}.html"
        path.write_bytes(render_timeline_page(timeline, RenderOptions(lang=lang)))
        watch = Watch()
        page = opening(path.as_uri(), 1100, 900, **watch.listeners())
        page.wait_for_function("window.iranmap && window.iranmap.timeline", timeout=15_000)
        return Opened(page, watch.requests, watch.errors)

    return _open


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
            f"{step.start.strftime('%B %Y')}: at least {n} {noun} ({running} since 1 January 2024)"
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
    assert opened.status() == "February 2024: at least 3 executions (5 since 1 January 2024)"
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
    assert opened.status().startswith("February 2024: at least 3 executions")


def test_play_runs_to_the_end_and_pauses(browser: Any, year: Timeline, tmp_path: Path) -> None:
    """A step every 1.2 s, on the page's clock (played forward here, not waited for), until the
    last step, where playing stops."""
    path = tmp_path / "timeline.html"
    path.write_bytes(render_timeline_page(year, RenderOptions()))
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    try:
        page = context.new_page()
        page.clock.install()  # its own page: the clock stays installed in its context
        page.goto(path.as_uri())
        page.wait_for_function("window.iranmap && window.iranmap.timeline", timeout=15_000)
        page.clock.pause_at(page.evaluate("Date.now()") + 1000)  # time moves only as told
        opened = Opened(page, [], [])
        opened.go(9)
        play = page.locator("#tl-play")
        play.click()
        assert play.get_attribute("aria-pressed") == "true"
        page.clock.run_for(1199)
        assert page.evaluate("window.iranmap.timeline.step()") == 9
        page.clock.run_for(1)
        assert page.evaluate("window.iranmap.timeline.step()") == 10
        page.clock.run_for(1200)
        assert page.evaluate("window.iranmap.timeline.step()") == 11
        assert play.get_attribute("aria-pressed") == "true"
        page.clock.run_for(1200)
        assert play.get_attribute("aria-pressed") == "false"
        assert page.evaluate("window.iranmap.timeline.step()") == 11
        assert play.inner_text() == "Play"
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_axe_finds_no_serious_violation(open_timeline: Any, year: Timeline, lang: Lang) -> None:
    opened = open_timeline(year, lang)
    opened.page.locator("details.im-tables summary").click()
    assert serious_violations(opened.page) == []
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


# -- what iranmap.js draws for the timeline, and complete steps --------------------------------


def hover(opened: Opened, lat: float, lon: float) -> str:
    """Move the mouse to a place and return the tooltip's text."""
    x, y = opened.page.evaluate(
        """([lat, lon]) => {
            const map = window.iranmap.map;
            const p = map.latLngToContainerPoint([lat, lon]);
            const r = map.getContainer().getBoundingClientRect();
            return [r.left + p.x, r.top + p.y];
        }""",
        [lat, lon],
    )
    opened.page.mouse.move(x - 3, y - 3)
    opened.page.mouse.move(x, y, steps=2)
    tooltip = opened.page.locator(".leaflet-tooltip-pane .leaflet-tooltip").last
    tooltip.wait_for(state="visible", timeout=3000)
    return " ".join(tooltip.inner_text().split())


def point_of(opened: Opened, iso: str) -> list[float]:
    point: list[float] = opened.page.evaluate(
        """iso => JSON.parse(document.getElementById('im-data').textContent)
            .provinces.features.find(f => f.properties.iso === iso).properties.pt""",
        iso,
    )
    return point


def legend_keys(opened: Opened) -> dict[str, bool]:
    """Which of "none reported" and "not itemized" the legend shows a reader."""
    block = opened.page.locator('.im-legend .tl-legend[data-mode="step"]')
    return {key: block.locator(f'[data-key="{key}"]').is_visible() for key in ("none", "ni")}


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Timeline:
    """January itemizes 6 of 10 (partial), February all 7 (complete), March all 3 but says
    its table is a selection."""
    from test_steps import three_months

    return series_timeline(three_months(tmp_path_factory.mktemp("mixed")))


#: What a reader sees of Kerman (IR-08) and Fars (IR-07) in each step of ``mixed``.
WORDS = {
    "en": {
        "none": "None reported: the report places its whole total elsewhere",
        "ni": "Not itemized: the report gives no figure here; not zero",
        "fars": "Fars",
        "five": "5",
    },
    "fa": {
        "none": "موردی گزارش نشده: گزارش همهٔ آمار خود را در جای دیگری آورده است",
        "ni": "بدون رقم تفکیکی",
        "fars": "فارس",
        "five": "۵",
    },
}


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_moving_the_timeline_between_a_complete_and_a_partial_step(
    open_timeline: Any, mixed: Timeline, lang: Lang
) -> None:
    words = WORDS[lang]
    opened = open_timeline(mixed, lang)
    kerman, fars = point_of(opened, "IR-08"), point_of(opened, "IR-07")
    colors = opened.page.evaluate(
        "JSON.parse(document.getElementById('im-data').textContent).colors.step"
    )
    opened.go(1)  # February: its whole total in Fars and Tehran
    assert legend_keys(opened) == {"none": True, "ni": False}
    fills = opened.fills()
    assert fills["IR-08"] == style.NONE_REPORTED_FILL
    assert fills["IR-07"] in colors
    assert words["none"] in hover(opened, *kerman)
    tip = hover(opened, *fars)
    assert words["fars"] in tip and words["five"] in tip
    opened.go(0)  # January: 4 of its 10 in no province
    assert legend_keys(opened) == {"none": False, "ni": True}
    assert opened.fills()["IR-08"] is None  # the hatch pattern, not a colour
    hatch = opened.page.evaluate(
        """() => { let f = null; window.iranmap.provinces.eachLayer(l => {
              if (l.feature.properties.iso === 'IR-08') f = l.options.fillColor; });
            return String(f); }"""
    )
    assert hatch.startswith("url(#im-pattern-")
    assert words["ni"] in hover(opened, *kerman)
    opened.go(2)  # March: adds up, but says its table is a selection
    assert legend_keys(opened) == {"none": False, "ni": True}
    assert opened.fills()["IR-08"] is None
    opened.page.locator("input[name=tl-mode][value=cum]").check()
    cum = opened.page.locator('.im-legend .tl-legend[data-mode="cum"]')
    assert cum.locator('[data-key="none"]').is_visible()  # none reported since January
    assert opened.fills()["IR-08"] == style.NONE_REPORTED_FILL
    assert opened.errors == [] and opened.requests == []


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_the_timeline_counts_and_sizes_as_the_python_side(
    open_timeline: Any, year: Timeline, lang: Lang
) -> None:
    """Digits and circle sizes are iranmap.js' (window.iranmap), the same as i18n and
    points, which write the first step."""
    opened = open_timeline(year, lang)
    numbers = [0, 7, 999, 1000, 1234567]
    assert opened.page.evaluate("ns => ns.map(n => window.iranmap.fmt(n))", numbers) == [
        fmt_int(n, lang) for n in numbers
    ]
    pairs = [(1, 10), (3, 10), (10, 10), (0, 0), (5, 165)]
    assert opened.page.evaluate("ps => ps.map(p => window.iranmap.radius(p[0], p[1]))", pairs) == [
        circle_radius(n, largest) for n, largest in pairs
    ]


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_a_prison_tooltip_follows_the_step(open_timeline: Any, year: Timeline, lang: Lang) -> None:
    opened = open_timeline(year, lang)
    opened.go(3)  # April: Qezelhessar alone, with one execution
    lat, lon = opened.page.evaluate(
        "(() => { const m = window.iranmap.prisons.getLayers()[0].getLatLng(); "
        "return [m.lat, m.lng]; })()"
    )
    radius = opened.page.evaluate("window.iranmap.prisons.getLayers()[0].getRadius()")
    tip = hover(opened, lat, lon)
    executions = "Executions: 1" if lang == "en" else "اعدام‌ها: ۱"
    assert executions in tip, tip
    assert ("Alborz" if lang == "en" else "البرز") in tip
    largest = int(year.prisons["executions"].max())
    assert radius == circle_radius(1, largest)


def test_a_tally_whose_rows_are_the_whole_report_shows_none_reported(
    open_timeline: Any, tmp_path: Path
) -> None:
    """Every execution a dated, placed row: a month's provinces without a row had none
    reported (white, its legend entry), never the not-itemized hatch."""
    whole = events_timeline(join(load_report(write_events(tmp_path / "whole"))))
    opened = open_timeline(whole)
    opened.go(3)  # April: Qezelhessar alone
    assert legend_keys(opened) == {"none": True, "ni": False}
    fills = opened.fills()
    assert fills["IR-30"] not in (None, style.NONE_REPORTED_FILL)
    assert sorted(iso for iso, f in fills.items() if f != style.NONE_REPORTED_FILL) == ["IR-30"]
    assert opened.errors == [] and opened.requests == []


def test_a_steps_figure_keeps_its_reports_qualifier(open_timeline: Any, tmp_path: Path) -> None:
    """A report whose total is exact ("exactly") reads without "at least", in the page and
    its image; the default (an NGO's floor) reads "at least" (the other tests)."""
    folder = write_events(tmp_path / "exact", extra='total_qualifier = "exactly"')
    exact = events_timeline(join(load_report(folder)))
    opened = open_timeline(exact)
    opened.go(1)
    assert opened.status() == "February 2024: 3 executions (5 since 1 January 2024)"
    opened = open_timeline(exact, "fa")
    opened.go(1)
    assert opened.status().startswith("فوریه ۲۰۲۴: ۳ اعدام")
    texts = "".join(etree.fromstring(multiples_svg(exact, RenderOptions())).itertext())
    assert "3 executions" in texts and "at least" not in texts


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_the_timeline_legend_says_what_solid_and_dashed_circles_mean(
    open_timeline: Any, year: Timeline, lang: Lang
) -> None:
    """As on the report's own pages: the timeline draws prisons at a city's centre dashed,
    and its legend says what each kind of circle means."""
    kinds = {"facility" if str(p) == "facility" else "city" for p in year.places["precision"]}
    opened = open_timeline(year, lang)
    items = opened.page.locator(".im-legend .im-precision li")
    shown = [items.nth(i).get_attribute("data-precision") for i in range(items.count())]
    assert shown == [k for k in ("site", "city") if {"site": "facility"}.get(k, k) in kinds]
    assert "city" in shown  # Shiraz: the town, no prison named
    city = items.nth(shown.index("city"))
    assert city.is_visible()
    words = "Dashed circle: at the city's centre" if lang == "en" else "دایرهٔ خط‌چین"
    assert words in city.inner_text()


def _prisons_report(folder: Path, month: int, rows: str, title: str) -> Path:
    """A month's report of a series "monthly", by prison."""
    from test_steps import TOML

    folder.mkdir(parents=True)
    end = f"2024-{month:02d}-{28:02d}"
    extra = 'total = 20\nseries = "monthly"'
    toml = TOML.format(start=f"2024-{month:02d}-01", end=end, extra=extra)
    toml = toml.replace('title = "Made-up rows"', f'title = "{title}"')
    toml = toml.replace("date = 2025-01-02", f"date = 2024-{month + 1:02d}-02")
    (folder / "report.toml").write_text(toml, encoding="utf-8")
    (folder / "prisons.csv").write_text("prison,executions\n" + rows, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def monthly(tmp_path_factory: pytest.TempPathFactory) -> Timeline:
    """January names Ghezel Hesar as "Qezelhessar" and the city of Karaj (one point: both
    are placed at Karaj's centre); February "Ghezel Hesar" alone."""
    root = tmp_path_factory.mktemp("monthly")
    january = _prisons_report(root / "jan", 1, "Qezelhessar,5\nKaraj,2\n", "January tally")
    february = _prisons_report(root / "feb", 2, "Ghezel Hesar,3\n", "February tally")
    return series_timeline([join(load_report(january)), join(load_report(february))])


def at_karaj(opened: Opened) -> str:
    """The tooltip at Karaj's centre: of its smallest circle, drawn on top."""
    lat, lon = opened.page.evaluate(
        "(() => { const m = window.iranmap.prisons.getLayers()[0].getLatLng(); "
        "return [m.lat, m.lng]; })()"
    )
    return hover(opened, lat, lon)


def test_a_prison_tooltip_on_a_timeline_says_what_the_report_page_says(
    open_timeline: Any, monthly: Timeline
) -> None:
    """The name as each report printed it, the places drawn at the same point with the step's
    figures, and the source of the step's own report (of every report so far, for the
    running total): what a report's page says of the same prison."""
    opened = open_timeline(monthly)
    opened.go(0)
    tip = at_karaj(opened)
    assert tip.startswith("Karaj") and "Executions: 2" in tip, tip
    assert "At the same point: Ghezel Hesar Prison (5)" in tip
    assert tip.endswith("Source: iranmap tests, “January tally”, 2 February 2024"), tip
    opened.go(1)
    tip = at_karaj(opened)
    assert tip.startswith("Ghezel Hesar Prison") and "Executions: 3" in tip, tip
    assert "As reported: Qezelhessar; Ghezel Hesar" in tip
    assert "At the same point" not in tip  # Karaj: no figure in February
    assert tip.endswith("Source: iranmap tests, “February tally”, 2 March 2024"), tip
    opened.page.locator('input[name="tl-mode"][value="cum"]').check()
    tip = at_karaj(opened)
    assert tip.startswith("Karaj") and "At the same point: Ghezel Hesar Prison (8)" in tip, tip
    assert tip.endswith(
        "Source: iranmap tests, “January tally”, 2 February 2024 · "
        "iranmap tests, “February tally”, 2 March 2024"
    ), tip
    opened = open_timeline(monthly, "fa")
    opened.go(1)
    tip = at_karaj(opened)
    assert "به نوشتهٔ گزارش: Qezelhessar; Ghezel Hesar" in tip, tip
    assert "«February tally»" in tip
    assert opened.errors == [] and opened.requests == []
