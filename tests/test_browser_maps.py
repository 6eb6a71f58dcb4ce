"""The maps as a reader sees them, in headless Chromium, offline.

Each page is opened from disk with every request recorded: anything but ``file:`` fails the
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
from iranmap.i18n import Lang
from iranmap.join import Joined
from iranmap.render import KINDS, RenderOptions, render_map
from mapfixture import CITIES_FA, PRISONS, make_joined, with_tables

pytestmark = pytest.mark.browser

LANGS: tuple[Lang, ...] = ("en", "fa")
#: What a tooltip cites: the fixture report's document, in each language.
CITE_EN = "Source: NCRI Secretariat, “Iran: a new record in executions”, 2 January 2025"
CITE_FA = "منبع: NCRI Secretariat، «Iran: a new record in executions»، ۱۳ دی ۱۴۰۳ (۲ ژانویه ۲۰۲۵)"
PAYLOAD = (
    "<img src=x onerror=\"window.__xss='img';alert(1)\">"
    "</script><script>window.__xss='script'</script>"
    "\"'><svg onload=\"window.__xss='svg'\">`${window.__xss='tpl'}`"
)


@dataclass
class Opened:
    page: Any
    log: Watch

    def counts(self) -> dict[str, int]:
        result: dict[str, int] = self.page.evaluate("window.iranmap.counts")
        return result

    def hover(self, lat: float, lon: float) -> str:
        """Move the mouse to a place and return the tooltip's text."""
        x, y = self.page.evaluate(
            """([lat, lon]) => {
                const map = window.iranmap.map;
                const p = map.latLngToContainerPoint([lat, lon]);
                const r = map.getContainer().getBoundingClientRect();
                return [r.left + p.x, r.top + p.y];
            }""",
            [lat, lon],
        )
        self.page.mouse.move(x - 3, y - 3)
        self.page.mouse.move(x, y, steps=2)
        tooltip = self.page.locator(".leaflet-tooltip-pane .leaflet-tooltip").last
        tooltip.wait_for(state="visible", timeout=3000)
        text: str = tooltip.inner_text()
        return " ".join(text.split())


Opener = Callable[..., Opened]


@pytest.fixture
def open_map(opening: Callable[..., Any], tmp_path: Path) -> Opener:
    """Each map is opened in the module's one page (``tab``), in turn."""
    opened = itertools.count()

    def _open(
        joined: Joined,
        kind: str,
        options: RenderOptions | None = None,
        width: int = 1100,
        height: int = 800,
    ) -> Opened:
        path = tmp_path / f"{kind}-{next(opened)}.html"
        path.write_bytes(render_map(joined, kind, options or RenderOptions()))  # type: ignore[arg-type]
        log = Watch()
        page = opening(path.as_uri(), width, height, **log.listeners())
        page.wait_for_function("window.iranmap !== undefined", timeout=10_000)
        return Opened(page, log)

    return _open


@pytest.fixture(scope="module")
def joined() -> Joined:
    return make_joined()


def _province(joined: Joined, iso: str) -> tuple[float, float]:
    row = joined.provinces.set_index("iso").loc[iso]
    point = row["geometry"].representative_point()
    return point.y, point.x


def _prison(joined: Joined, place_id: str) -> tuple[float, float]:
    row = joined.prisons.set_index("place_id").loc[place_id]
    return row["geometry"].y, row["geometry"].x


def _clean(opened: Opened) -> None:
    assert opened.log.requests == []
    assert opened.log.errors == []
    assert opened.log.dialogs == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_map_draws_every_shape_offline_and_axe_finds_no_serious_violation(
    open_map: Opener, joined: Joined, kind: str, lang: Lang
) -> None:
    opened = open_map(joined, kind, RenderOptions(lang=lang))
    page = opened.page
    assert opened.counts() == {
        "provinces": 31,
        "prisons": 0 if kind == "choropleth" else len(PRISONS),
    }
    assert page.locator(".im-legend").is_visible()
    assert page.locator(".im-source").is_visible()
    assert page.locator("h1").is_visible()
    assert page.locator(".leaflet-control-zoom-in").is_visible()
    assert page.evaluate("document.documentElement.dir") == ("rtl" if lang == "fa" else "ltr")
    # The same page, its tables open, to axe.
    page.locator("details.im-tables summary").click()
    assert serious_violations(page) == []
    _clean(opened)


def test_province_tooltip_in_english(open_map: Opener, joined: Joined) -> None:
    opened = open_map(joined, "choropleth")
    assert opened.hover(*_province(joined, "IR-30")) == (
        "Alborz البرز Executions: 209 Per million inhabitants: 77.1 Share of total: 20.9% "
        "Rank: 1 of 7 " + CITE_EN  # the document, not a file's line
    )
    assert (
        opened.hover(*_province(joined, "IR-23"))
        == "Tehran تهران Not itemized: the report gives no figure here; not zero"
    )
    persian = opened.page.locator(".leaflet-tooltip .im-tip-alt").last
    assert persian.get_attribute("lang") == "fa"
    assert persian.get_attribute("dir") == "rtl"
    _clean(opened)


def test_province_tooltip_in_persian(open_map: Opener, joined: Joined) -> None:
    opened = open_map(joined, "choropleth", RenderOptions(lang="fa"))
    assert opened.hover(*_province(joined, "IR-30")) == (
        "البرز Alborz اعدام‌ها: ۲۰۹ در هر یک میلیون نفر: ۷۷٫۱ سهم از کل: ٪۲۰٫۹ "
        "رتبه: ۱ از ۷ " + CITE_FA
    )
    assert (
        opened.hover(*_province(joined, "IR-23"))
        == "تهران Tehran بدون رقم تفکیکی: گزارش برای این‌جا رقمی نمی‌دهد؛ به معنای صفر نیست"
    )
    _clean(opened)


@pytest.mark.parametrize("kind", ["points", "combined"])
def test_prison_tooltip(open_map: Opener, joined: Joined, kind: str) -> None:
    opened = open_map(joined, kind)
    assert opened.hover(*_prison(joined, "birjand-central")) == (
        "Birjand Central Prison زندان مرکزی بیرجند As reported: Birjand City: Birjand "
        "Province: South Khorasan Executions: 29 Location: city centre (approximate) " + CITE_EN
    )
    assert opened.hover(*_prison(joined, "karaj-central")).startswith(
        "Karaj Central Prison زندان مرکزی کرج As reported: Central Karaj City: Karaj "
        "Province: Alborz Executions: 44 Location: prison site"
    )
    _clean(opened)


def test_prison_tooltip_in_persian(open_map: Opener, joined: Joined) -> None:
    opened = open_map(joined, "points", RenderOptions(lang="fa"))
    assert opened.hover(*_prison(joined, "adelabad")) == (
        "زندان عادل‌آباد Adelabad Prison به نوشتهٔ گزارش: Shiraz شهر: شیراز استان: فارس "
        "اعدام‌ها: ۹۷ موقعیت: محل زندان " + CITE_FA
    )
    city = opened.page.locator(".leaflet-tooltip").last.locator(".im-tip-line bdi").nth(1)
    assert city.inner_text() == "شیراز"
    assert city.get_attribute("lang") is None  # Persian, as the page: nothing to mark
    _clean(opened)


def test_prison_tooltip_in_persian_without_a_persian_city_name(open_map: Opener) -> None:
    joined = make_joined(cities_fa={k: v for k, v in CITIES_FA.items() if k != "Birjand"})
    opened = open_map(joined, "points", RenderOptions(lang="fa"))
    assert opened.hover(*_prison(joined, "birjand-central")).startswith(
        "زندان مرکزی بیرجند Birjand Central Prison به نوشتهٔ گزارش: Birjand شهر: Birjand "
        "استان: خراسان جنوبی"
    )
    city = opened.page.locator(".leaflet-tooltip").last.locator(".im-tip-line bdi").nth(1)
    assert city.inner_text() == "Birjand"
    assert (city.get_attribute("lang"), city.get_attribute("dir")) == ("en", "ltr")
    _clean(opened)


def test_measure_switch_works_from_the_keyboard(open_map: Opener, joined: Joined) -> None:
    opened = open_map(joined, "choropleth")
    page = opened.page
    count = page.locator(".im-legend .im-legend-block[data-measure=count]")
    rate = page.locator(".im-legend .im-legend-block[data-measure=per_million]")
    assert count.is_visible()
    assert not rate.is_visible()
    page.locator("input[value=count]").focus()
    page.keyboard.press("ArrowDown")  # radio buttons move with the arrow keys
    assert page.evaluate("window.iranmap.measure()") == "per_million"
    assert rate.is_visible()
    assert not count.is_visible()
    fills = page.evaluate(
        "Object.fromEntries(window.iranmap.provinces.getLayers()"
        ".map(l => [l.feature.properties.iso, l.options.fillColor]))"
    )
    # Alborz: 209 among 2.7 million, the highest rate; South Khorasan: 37.7, the class below.
    assert fills["IR-30"] == "#bd0026"
    assert fills["IR-29"] == "#f03b20"
    _clean(opened)


def test_layer_control_toggles_layers_and_their_legends(open_map: Opener, joined: Joined) -> None:
    opened = open_map(joined, "combined")
    page = opened.page
    boxes = page.locator(".leaflet-control-layers input[type=checkbox]")
    assert boxes.count() == 2
    assert page.locator(".leaflet-control-layers label").all_inner_texts() == [
        " Provinces",
        " Prisons",
    ]
    sizes = page.locator(".im-legend .im-legend-block[data-layer=prisons]")
    assert sizes.is_visible()
    boxes.nth(1).focus()
    page.keyboard.press("Space")
    assert page.evaluate("window.iranmap.map.hasLayer(window.iranmap.prisons)") is False
    assert not sizes.is_visible()
    boxes.nth(1).focus()
    page.keyboard.press("Space")
    assert sizes.is_visible()
    _clean(opened)


@pytest.mark.parametrize("lang", LANGS)
def test_map_does_not_capture_page_scrolling(open_map: Opener, joined: Joined, lang: Lang) -> None:
    opened = open_map(joined, "choropleth", RenderOptions(lang=lang))
    page = opened.page
    zoom = page.evaluate("window.iranmap.map.getZoom()")
    box = page.locator("#im-map").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.wheel(0, 300)
    page.wait_for_timeout(300)
    assert page.evaluate("window.iranmap.map.getZoom()") == zoom
    message = page.locator("#im-map").get_attribute("data-gesture-handling-scroll-content")
    assert message == (
        "Use ctrl + scroll to zoom the map"
        if lang == "en"
        else "برای بزرگ‌نمایی نقشه، کلید ctrl را نگه دارید و بچرخانید"
    )
    _clean(opened)


def _taint(value: str) -> str:
    return value + PAYLOAD


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_script_in_any_text_field_runs_nothing(open_map: Opener, kind: str, lang: Lang) -> None:
    joined = make_joined(taint=_taint, source_url="javascript:window.__xss='url'")
    opened = open_map(joined, kind, RenderOptions(lang=lang))
    page = opened.page
    if kind != "points":
        tip = opened.hover(*_province(joined, "IR-30"))
        assert PAYLOAD in tip
    if kind != "choropleth":
        tip = opened.hover(*_prison(joined, "vakilabad"))
        assert " ".join(_taint("Vakilabad Prison").split()) in tip
    page.locator("details.im-tables summary").click()
    page.locator(".im-source").click()
    page.wait_for_timeout(200)
    assert page.evaluate("window.__xss") is None
    assert page.locator("h1").inner_text() == _taint("Executions in Iran, 2024")
    assert page.locator("img, iframe, svg[onload]").count() == 0
    _clean(opened)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_reads_at_320_px_without_horizontal_overflow(
    open_map: Opener, joined: Joined, kind: str, lang: Lang, tmp_path: Path
) -> None:
    opened = open_map(joined, kind, RenderOptions(lang=lang), width=320, height=640)
    page = opened.page
    page.locator("details.im-tables summary").click()
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 320
    map_box = page.locator("#im-map").bounding_box()
    assert map_box["width"] == 320
    assert map_box["height"] >= 300
    assert page.locator(".im-legend").is_visible()
    page.screenshot(path=str(tmp_path / f"{kind}-{lang}-320.png"), full_page=True)
    _clean(opened)


@pytest.mark.slow
def test_ten_thousand_places_all_draw(open_map: Opener) -> None:
    places = []
    for i in range(10_000):
        iso = f"IR-{i % 31:02d}"
        places.append((f"p{i}", f"Place {i}", f"مکان {i}", f"City {i}", iso, 1 + i % 97, "city"))
    joined = make_joined(prisons=places, total=10_000 * 97)
    opened = open_map(joined, "points")
    # How fast they draw is measured by `make bench` (bench/RESULTS.md), not asserted here.
    assert opened.counts()["prisons"] == 10_000
    _clean(opened)


@pytest.fixture(scope="module")
def shipped() -> Joined:
    """The 2024 report as shipped, read once for both languages."""
    from iranmap.api import load
    from iranmap.paths import reports_dir

    return load(reports_dir() / "2024-ncri")


@pytest.mark.parametrize("lang", LANGS)
def test_shipped_report_in_the_browser(open_map: Opener, shipped: Joined, lang: Lang) -> None:
    joined = shipped
    opened = open_map(joined, "combined", RenderOptions(lang=lang))
    assert opened.counts() == {"provinces": 31, "prisons": len(joined.prisons)}
    khuzestan = opened.hover(*_province(joined, "IR-06"))
    shiraz = opened.hover(*_prison(joined, "city:IR-07:shiraz"))  # the statement's "Shiraz"
    if lang == "en":
        assert (
            khuzestan == "Khuzestan خوزستان Not itemized: the report gives no figure here; not zero"
        )
        assert shiraz.startswith("Shiraz شیراز City: Shiraz Province: Fars")
    else:
        assert (
            khuzestan
            == "خوزستان Khuzestan بدون رقم تفکیکی: گزارش برای این‌جا رقمی نمی‌دهد؛ به معنای صفر نیست"
        )
        assert shiraz.startswith("شیراز Shiraz شهر: شیراز استان: فارس")
    _clean(opened)


def test_cdn_page_works_when_the_cdn_serves_leaflet(browser: Any, tmp_path: Path) -> None:
    """The CDN is played by a route serving the packaged files: the SRI hashes must match."""
    from iranmap.render.assets import _LEAFLET

    path = tmp_path / "cdn.html"
    path.write_bytes(render_map(make_joined(), "combined", RenderOptions(cdn=True)))
    context = browser.new_context()
    page = context.new_page()
    served: list[str] = []
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    def serve(route: Any) -> None:
        name = route.request.url.rsplit("/", 1)[-1]
        served.append(route.request.url)
        kind = "text/css" if name.endswith(".css") else "application/javascript"
        route.fulfill(
            body=(_LEAFLET / name).read_bytes(),
            content_type=kind,
            headers={"Access-Control-Allow-Origin": "*"},
        )

    page.route("https://unpkg.com/leaflet@1.9.3/dist/*", serve)
    page.goto(path.as_uri())
    page.wait_for_function("window.iranmap !== undefined", timeout=10_000)
    assert sorted(served) == [
        "https://unpkg.com/leaflet@1.9.3/dist/leaflet.css",
        "https://unpkg.com/leaflet@1.9.3/dist/leaflet.js",
    ]
    assert page.evaluate("window.iranmap.counts") == {"provinces": 31, "prisons": len(PRISONS)}
    assert errors == []
    context.close()


def test_the_provinces_are_painted_before_the_rest_of_the_map(
    browser: Any, joined: Joined, tmp_path: Path
) -> None:
    """The reader sees the provinces one frame sooner: circles, layer switch and labels come
    after a paint, then ``window.iranmap`` and the "iranmap:ready" event for scripts."""
    path = tmp_path / "combined.html"
    path.write_bytes(render_map(joined, "combined", RenderOptions()))
    context = browser.new_context(viewport={"width": 1100, "height": 800})
    context.add_init_script(
        """
        window.__frames = [];
        window.__ready = null;
        const shapes = () =>
          document.querySelectorAll('.leaflet-overlay-pane svg > g > path').length;
        const frame = () => {
          window.__frames.push([shapes(), window.iranmap !== undefined]);
          if (window.__ready === null) requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
        document.addEventListener('iranmap:ready', () => {
          window.__ready = [shapes(), window.iranmap !== undefined, window.__frames.length];
        });
        """
    )
    try:
        page = context.new_page()
        page.goto(path.as_uri())
        page.wait_for_function("window.__ready !== null", timeout=10_000)
        frames, ready = page.evaluate("[window.__frames, window.__ready]")
    finally:
        context.close()
    assert [31, False] in frames[: ready[2]]  # provinces painted, nothing else yet
    assert ready[:2] == [31 + len(PRISONS), True]


@pytest.mark.parametrize(("kind", "width"), [("points", 1100), ("combined", 1100), ("points", 360)])
def test_no_prison_label_lies_on_a_circle(
    open_map: Opener, joined: Joined, kind: str, width: int
) -> None:
    """A name over a neighbour's circle reads as that circle's name (the two Karaj prisons
    stand side by side)."""
    opened = open_map(joined, kind, width=width)
    page = opened.page
    page.wait_for_function("document.querySelectorAll('.im-label-prison').length > 0")
    hits = page.evaluate(
        """() => {
          const map = window.iranmap.map;
          const box = map.getContainer().getBoundingClientRect();
          const circles = window.iranmap.prisons.getLayers().map(l => {
            const c = map.latLngToContainerPoint(l.getLatLng()), r = l.getRadius();
            return [box.left + c.x - r, box.top + c.y - r, box.left + c.x + r, box.top + c.y + r];
          });
          const hits = [];
          for (const e of document.querySelectorAll('.im-label-prison')) {
            const b = e.getBoundingClientRect();
            const [l, t, r, btm] = [b.left + 2, b.top + 2, b.right - 2, b.bottom - 2];
            circles.forEach((c, i) => {
              if (l < c[2] && c[0] < r && t < c[3] && c[1] < btm) hits.push([e.textContent, i]);
            });
          }
          return hits;
        }"""
    )
    assert hits == []


# -- issue 20: how precisely each place is known --------------------------------------------


def _karaj_together(joined: Joined) -> Joined:
    """The fixture with Karaj Central Prison at Ghezel Hesar's point, both at Karaj's centre."""
    prisons = joined.prisons.copy()
    at = prisons.index[prisons["place_id"] == "ghezel-hesar"][0]
    central = prisons.index[prisons["place_id"] == "karaj-central"][0]
    prisons.loc[central, "geometry"] = prisons.loc[at, "geometry"]
    prisons.loc[[at, central], "precision"] = "city"
    return with_tables(joined, prisons=prisons)


@pytest.mark.parametrize("width", [360, 1280])
def test_the_legend_says_what_solid_and_dashed_circles_mean(
    open_map: Opener, joined: Joined, width: int
) -> None:
    opened = open_map(joined, "points", width=width, height=760)
    page = opened.page
    items = page.locator(".im-precision li")
    assert items.count() == 2
    assert items.nth(0).get_attribute("data-precision") == "site"
    assert "Solid circle: at the prison's published site" in items.nth(0).inner_text()
    assert "Dashed circle: at the city's centre" in items.nth(1).inner_text()
    dashes = [items.nth(i).locator("circle").get_attribute("stroke-dasharray") for i in range(2)]
    assert dashes[0] is None and dashes[1]
    # On the map: a circle at its city's centre is dashed, one at its site is not.
    drawn = page.evaluate(
        """() => window.iranmap.map._layers && Object.values(window.iranmap.map._layers)
            .filter(l => l.options && l.options.radius && l.getLatLng)
            .map(l => [l.options.className, l.options.dashArray || null])"""
    )
    assert sorted(set(map(tuple, drawn))) == [("im-city", "4 3"), ("im-site", None)]
    _clean(opened)


@pytest.mark.parametrize("width", [360, 1280])
def test_prisons_at_one_city_centre_are_one_group_at_that_point(
    open_map: Opener, joined: Joined, width: int
) -> None:
    together = _karaj_together(joined)
    opened = open_map(together, "points", width=width, height=760)
    centres = opened.page.evaluate(
        """() => Object.values(window.iranmap.map._layers)
            .filter(l => l.options && l.options.radius && l.getLatLng)
            .map(l => { const p = window.iranmap.map.latLngToContainerPoint(l.getLatLng());
                return [Math.round(l.options.radius), Math.round(p.x), Math.round(p.y)]; })"""
    )
    radii = {r for r, _, _ in centres}
    assert len(centres) == len(PRISONS)
    big = next(c for c in centres if c[0] == max(radii))  # Ghezel Hesar, 165
    same = [c for c in centres if (c[1], c[2]) == (big[1], big[2])]
    assert len(same) == 2  # both drawn at the very point: no invented offset
    # The smaller circle, on top, names the other one of its group.
    text = opened.hover(*_prison(together, "karaj-central"))
    assert "At the same point: Ghezel Hesar Prison (165)" in text
    assert "Location: city centre (approximate)" in text
    _clean(opened)


def test_a_prison_tooltip_quotes_the_reports_note(open_map: Opener, joined: Joined) -> None:
    prisons = joined.prisons.copy()
    prisons["note"] = ""
    prisons.loc[prisons["place_id"] == "birjand-central", "note"] = 'written "Birjand: 29"'
    opened = open_map(with_tables(joined, prisons=prisons), "points")
    text = opened.hover(*_prison(joined, "birjand-central"))
    assert text.endswith(CITE_EN + ' The report\'s note: written "Birjand: 29"')
    _clean(opened)
