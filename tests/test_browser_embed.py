"""An article with a map's embed snippet, as a reader opens it in headless Chromium, offline.

The frame must grow to its content (no scrollbar inside it) and stay short: title, the whole
of Iran and a one-line legend, the rest behind "Details", which grows the frame when opened.
No map control may lie on a province, a circle or a label, and the wheel scrolls the article
rather than the map.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from browsercheck import Watch
from iranmap.i18n import Lang
from iranmap.join import join_folder
from iranmap.render import RenderOptions, render_report
from iranmap.render.embed import FALLBACK_HEIGHT

pytestmark = pytest.mark.browser

REPORT = Path(__file__).resolve().parents[1] / "geodata" / "reports" / "2024-ncri"
FILLER = "<p>" + "Words of the article around the map. " * 40 + "</p>"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 2024 report's maps in both languages, in one folder, with an article per width."""
    out = tmp_path_factory.mktemp("embed") / "2024-ncri"
    out.mkdir()
    joined = join_folder(REPORT)
    for lang in ("en", "fa"):
        for name, data in render_report(joined, RenderOptions(lang=lang)).items():
            (out / name).write_bytes(data)
    return out


def article(folder: Path, snippet: str, width: int) -> Path:
    path = folder / f"article-{snippet}-{width}.html"
    body = (folder / snippet).read_text(encoding="utf-8")
    path.write_text(
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>"
        "<meta name=viewport content='width=device-width, initial-scale=1'>"
        f"<style>body{{margin:0}}.col{{width:{width}px;margin:0 auto}}</style></head>"
        f"<body><div class=col><h1>An article</h1>{body}{FILLER}{FILLER}{FILLER}</div>"
        "</body></html>",
        encoding="utf-8",
    )
    return path


#: Resolves once the frame has kept one height for 6 frames in a row (some 100 ms): the
#: page inside has said its height, the article has set it, and the page has laid itself out
#: again at that height.
_FRAME_SETTLED = """() => new Promise(done => {
  const frame = document.querySelector('iframe');
  let last = -1, same = 0;
  const tick = () => {
    const height = frame.getBoundingClientRect().height;
    same = height === last ? same + 1 : 0;
    last = height;
    if (same >= 6) done(height); else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})"""

#: Resolves three frames after the map's script is done: its labels are placed two frames
#: after ``window.iranmap`` is set.
_LABELS_PLACED = """() => new Promise(done => {
  const frames = n => n ? requestAnimationFrame(() => frames(n - 1)) : done(true);
  frames(3);
})"""


def settled(page: Any, inner: Any) -> None:
    """Wait until the frame's page is whole (fonts, labels) and the frame's height holds."""
    inner.wait_for_function("window.iranmap !== undefined")
    inner.evaluate("document.fonts.ready.then(() => true)")
    inner.evaluate(_LABELS_PLACED)
    page.evaluate(_FRAME_SETTLED)


def drawn(page: Any) -> None:
    """Wait until a map page (no frame) is whole: fonts, circles and labels."""
    page.wait_for_function("window.iranmap !== undefined")
    page.evaluate("document.fonts.ready.then(() => true)")
    page.evaluate(_LABELS_PLACED)


@pytest.fixture
def opened(opening: Any) -> Any:
    """Each article is opened in the module's one page (``tab``), in turn."""

    def _open(path: Path, width: int) -> tuple[Any, Any, list[str]]:
        problems: list[str] = []
        page = opening(path.as_uri(), width, 900, **Watch(problems, problems, problems).listeners())
        page.wait_for_function(
            "() => { const f = document.querySelector('iframe');"
            f" return f && f.style.height !== '{FALLBACK_HEIGHT}px'; }}",
            timeout=15_000,
        )
        frame = page.frame_locator("iframe")
        inner = next(f for f in page.frames if f != page.main_frame)
        settled(page, inner)
        return page, (frame, inner), problems

    return _open


_STATE = """() => {
  const map = window.iranmap.map;
  return {
    scroll: document.documentElement.scrollHeight,
    inner: window.innerHeight,
    width: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    iran: map.getBounds().contains(window.iranmap.provinces.getBounds()),
    mapBottom: map.getContainer().getBoundingClientRect().bottom,
    zoom: map.getZoom(),
  };
}"""

#: What lies under each map control: every point of its box (every 2 px) that falls on a
#: province, a circle or a label, by what the browser itself finds there.
_UNDER_CONTROLS = """() => {
  const map = window.iranmap.map.getContainer();
  const shapes = new Set(map.querySelectorAll('.leaflet-overlay-pane path'));
  const labels = [...map.querySelectorAll('.im-label')]
    .map(e => [e.textContent, e.getBoundingClientRect()]);
  const found = [];
  map.querySelectorAll('.leaflet-control').forEach(control => {
    const r = control.getBoundingClientRect();
    const name = control.className.split(' ').find(c => c !== 'leaflet-control');
    labels.forEach(([text, l]) => {
      if (l.left < r.right && r.left < l.right && l.top < r.bottom && r.top < l.bottom)
        found.push([name, 'label', text]);
    });
    for (let x = r.left; x <= r.right; x += 2) {
      for (let y = r.top; y <= r.bottom; y += 2) {
        const hit = document.elementsFromPoint(x, y).find(e => shapes.has(e));
        if (hit) { found.push([name, 'shape', x, y]); return; }
      }
    }
  });
  return found;
}"""


@pytest.mark.parametrize("lang", ["en", "fa"])
@pytest.mark.parametrize(("width", "tallest"), [(360, 760), (720, 820)])
def test_the_embed_is_compact_and_opens_its_details_on_demand(
    folder: Path, opened: Any, width: int, tallest: int, lang: Lang, tmp_path: Path
) -> None:
    """Title, map and a one-line legend; the rest behind "Details", which grows the frame."""
    snippet = "combined.embed.html" if lang == "en" else "combined.fa.embed.html"
    page, (frame, inner), problems = opened(article(folder, snippet, width), width + 40)
    state = inner.evaluate(_STATE)
    height = page.evaluate("document.querySelector('iframe').getBoundingClientRect().height")
    assert height <= tallest
    assert state["scroll"] <= state["inner"] + 1, "the frame scrolls inside"
    assert abs(height - state["inner"]) <= 1
    assert state["width"] <= state["innerWidth"]
    assert state["iran"], "part of Iran is outside the map"
    line = frame.locator(".im-legend-line")
    assert line.is_visible()
    assert line.bounding_box()["height"] <= 3 * 20, "the legend line takes more than 3 rows"
    summary = frame.locator(".im-details > summary")
    assert summary.inner_text() == ("Details" if lang == "en" else "جزئیات")
    for hidden in (".im-legend", ".im-facts", ".im-footer"):
        assert not frame.locator(hidden).is_visible(), hidden
    page.screenshot(path=str(tmp_path / f"article-{lang}-{width}.png"), full_page=True)

    summary.click()
    page.wait_for_function(
        f"document.querySelector('iframe').getBoundingClientRect().height > {height + 100}"
    )
    page.evaluate(_FRAME_SETTLED)
    for shown in (".im-legend", ".im-facts", ".im-downloads"):
        assert frame.locator(shown).is_visible(), shown
    opened_state = inner.evaluate(_STATE)
    assert opened_state["scroll"] <= opened_state["inner"] + 1, "the open frame scrolls inside"
    page.screenshot(path=str(tmp_path / f"article-{lang}-{width}-open.png"), full_page=True)
    assert problems == []


@pytest.mark.parametrize("lang", ["en", "fa"])
@pytest.mark.parametrize("width", [320, 360, 720])
@pytest.mark.parametrize("kind", ["combined", "choropleth", "points"])
def test_no_control_covers_a_province_a_circle_or_a_label(
    folder: Path, opened: Any, width: int, lang: Lang, kind: str
) -> None:
    snippet = f"{kind}.embed.html" if lang == "en" else f"{kind}.fa.embed.html"
    _, (_, inner), problems = opened(article(folder, snippet, width), width + 40)
    assert inner.evaluate(_UNDER_CONTROLS) == []
    assert problems == []


@pytest.mark.parametrize("lang", ["en", "fa"])
@pytest.mark.parametrize("width", [320, 1280])
def test_on_the_page_itself_no_control_covers_the_map_either(
    folder: Path, opening: Any, width: int, lang: Lang
) -> None:
    name = "combined.html" if lang == "en" else "combined.fa.html"
    page = opening((folder / name).as_uri(), width, 800)
    drawn(page)
    assert page.evaluate(_UNDER_CONTROLS) == []
    # Wide, the credits are shown whole; narrow, behind their button.
    credits = page.locator(".leaflet-control-attribution")
    assert credits.is_visible() == (width >= 720)


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_the_credits_fold_behind_a_button_in_the_page_language(
    folder: Path, opened: Any, lang: Lang
) -> None:
    snippet = "combined.embed.html" if lang == "en" else "combined.fa.embed.html"
    _, (frame, _), problems = opened(article(folder, snippet, 360), 400)
    text = frame.locator(".leaflet-control-attribution")
    assert not text.is_visible()
    frame.locator(".im-credit-button").click()
    assert text.is_visible()
    words = text.inner_text()
    if lang == "en":
        assert "Leaflet" in words and "© OpenStreetMap contributors (ODbL)" in words
    else:
        assert "لیفلت" in words and "مشارکت‌کنندگان" in words and "Leaflet" not in words
        assert text.get_attribute("dir") == "rtl"
    assert problems == []


@pytest.mark.parametrize("width", [360, 720])
def test_the_wheel_scrolls_the_article_not_the_map(folder: Path, opened: Any, width: int) -> None:
    page, (_, inner), problems = opened(article(folder, "combined.embed.html", width), width + 40)
    zoom = inner.evaluate("window.iranmap.map.getZoom()")
    box = page.locator("iframe").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + min(box["height"] / 2, 300)
    before = page.evaluate("window.scrollY")
    page.mouse.move(x, y)
    page.mouse.wheel(0, 400)
    page.wait_for_timeout(400)
    assert page.evaluate("window.scrollY") > before, "the wheel did not scroll the article"
    assert inner.evaluate("window.iranmap.map.getZoom()") == zoom
    assert problems == []


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return (int(hex_colour[1:3], 16), int(hex_colour[3:5], 16), int(hex_colour[5:7], 16))


@pytest.mark.parametrize("width", [1280, 360])
def test_2024_map_hides_nothing(folder: Path, opening: Any, width: int, tmp_path: Path) -> None:
    """Alborz's class colour shows under its circles, both Karaj prisons are one group at
    Karaj's centre (issue 20: no invented offsets), and the size key starts at the largest
    figure rounded (165 reads 170)."""
    from io import BytesIO

    from PIL import Image

    from iranmap import style

    page = opening((folder / "combined.html").as_uri(), width, 800)
    drawn(page)
    found = page.evaluate(
        """() => {
          const map = window.iranmap.map, box = map.getContainer().getBoundingClientRect();
          let alborz = null;
          window.iranmap.provinces.eachLayer(l => {
            if (l.feature.properties.iso === 'IR-30') alborz = l;
          });
          const p = alborz.feature.properties;
          const at = map.latLngToContainerPoint(p.pt);
          const rows = JSON.parse(document.getElementById('im-data').textContent).prisons;
          const karaj = [];
          window.iranmap.prisons.getLayers().forEach((m, i) => {
            if (rows[i][6] !== 'Karaj') return;
            const c = map.latLngToContainerPoint(m.getLatLng());
            karaj.push([c.x, c.y, m.getRadius(), rows[i][4]]);
          });
          return {x: box.left + at.x, y: box.top + at.y, fill: alborz.options.fillColor,
                  circles: karaj};
        }"""
    )
    shot = Image.open(BytesIO(page.screenshot())).convert("RGB")
    seen = shot.getpixel((round(found["x"]), round(found["y"])))
    expected = _rgb(found["fill"])
    blue = _rgb(style.CIRCLE_FILL)
    under = tuple(
        round((1 - style.CIRCLE_OPACITY) * e + style.CIRCLE_OPACITY * b)
        for e, b in zip(expected, blue, strict=True)
    )
    twice = tuple(  # under both nested circles of the group
        round((1 - style.CIRCLE_OPACITY) * u + style.CIRCLE_OPACITY * b)
        for u, b in zip(under, blue, strict=True)
    )
    assert (
        min(
            sum(abs(a - b) for a, b in zip(seen, ref, strict=True))
            for ref in (expected, under, twice)
        )
        < 40
    ), (seen, expected)
    # Both Karaj prisons (placed at the city's centre) are one group at that very point.
    circles = found["circles"]
    assert sorted(c[3] for c in circles) == ["Ghezel Hesar Prison", "Karaj Central Prison"]
    assert abs(circles[0][0] - circles[1][0]) < 1 and abs(circles[0][1] - circles[1][1]) < 1
    key = [" ".join(s.split()) for s in page.locator(".im-sizes li span").all_inner_texts()]
    assert key[0] == "170"  # 165, the largest figure, to two digits
    page.screenshot(path=str(tmp_path / f"combined-{width}.png"))
