"""What a reader's browser does with a map page: requests it makes and when the map appears.

Pages are opened from disk (``file:``) in headless Chromium through Playwright. Every request
whose URL is not ``file:``, ``data:`` or ``blob:`` is counted; offline, each is aborted, as it
would fail on a machine without network. Optionally (``assets``) the requests for a peer's
CDN files are answered from local copies of the same files, to time the peer as it would draw
online without measuring anybody's network.

"Drawn" is the time, from navigation start, of the first animation frame in which the page's
map holds what is being waited for: at least N SVG shapes (folium and explore() draw each
province and circle as one), or a painted canvas in the map (iranmap draws provinces and
circles on one canvas, all in the same frame), or, for ``POINTS``, marker-cluster icons. It
is measured inside the page with a MutationObserver and a requestAnimationFrame loop installed
before any of the page's scripts run, so it includes parsing the page and running its scripts.
"""

from __future__ import annotations

import contextlib
import re
import statistics
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")

#: JavaScript counting what is drawn; the result is compared with the threshold.
PROVINCES = "Math.max(svgShapes(), paintedCanvas() ? 1e9 : 0)"
POINTS = "Math.max(svgShapes(), paintedCanvas() ? 1e9 : 0, clusterIcons() ? 1e9 : 0)"

_INIT = """
(() => {
  const bench = window.__bench = {drawn: null, seen: 0, frames: 0};
  const svgShapes = () =>
    document.querySelectorAll('.leaflet-map-pane svg path, .leaflet-map-pane svg circle').length;
  const clusterIcons = () => document.querySelectorAll('.marker-cluster').length;
  const paintedCanvas = () => {
    for (const canvas of document.querySelectorAll('.leaflet-map-pane canvas')) {
      if (!canvas.width || !canvas.height) continue;
      const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
    }
    return false;
  };
  const count = () => %(count)s;
  let ready = false;
  const check = () => {
    if (!ready) { bench.seen = count(); ready = bench.seen >= %(threshold)d; }
  };
  const frame = (now) => {
    bench.frames += 1;
    check();
    if (ready) { bench.drawn = performance.now(); return; }
    requestAnimationFrame(frame);
  };
  new MutationObserver(check).observe(document, {childList: true, subtree: true});
  requestAnimationFrame(frame);
})();
"""


@dataclass(frozen=True)
class Visit:
    """One load of one page."""

    drawn_ms: float | None  # None: not drawn within the wait
    load_ms: float | None
    external: tuple[str, ...]  # every non-local URL the page asked for, in order
    served: tuple[str, ...]  # those answered from a local copy
    console_errors: int
    seen: int  # what the count reached (shapes, or 1e9 for a painted canvas)


@dataclass(frozen=True)
class PageSummary:
    """Several loads of the same page."""

    visits: tuple[Visit, ...] = field(default_factory=tuple)

    @property
    def drawn_ms(self) -> float | None:
        times = [v.drawn_ms for v in self.visits if v.drawn_ms is not None]
        if len(times) < len(self.visits) or not times:
            return None
        return statistics.median(times)

    def to_dict(self) -> dict[str, Any]:
        first = self.visits[0]
        hosts = sorted({_host(url) for url in first.external})
        return {
            "drawn_ms": None if self.drawn_ms is None else round(self.drawn_ms, 1),
            "drawn_runs_ms": [
                None if v.drawn_ms is None else round(v.drawn_ms, 1) for v in self.visits
            ],
            "load_ms": _median_or_none([v.load_ms for v in self.visits]),
            "external_requests": len(first.external),
            "tile_requests": sum(1 for url in first.external if _is_tile(url)),
            "external_hosts": hosts,
            "served_locally": len(first.served),
            "external_urls": list(first.external),
            "console_errors": first.console_errors,
            "shapes_seen": first.seen if first.seen < 1e9 else "canvas or clusters",
        }


def _median_or_none(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return round(statistics.median(known), 1) if known else None


_TILE = re.compile(r"/\d+/\d+/\d+(@2x)?\.(png|jpe?g|webp|pbf)(\?|$)")


def _is_tile(url: str) -> bool:
    """A map tile: how many a page asks for depends on timing, so they are counted apart."""
    return bool(_TILE.search(url))


def _host(url: str) -> str:
    rest = url.split("://", 1)[-1]
    return rest.split("/", 1)[0]


@contextmanager
def chromium() -> Iterator[Any]:
    """One headless Chromium for the whole run; each visit gets a fresh context."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def visit(
    browser: Any,
    path: Path,
    *,
    count: str,
    threshold: int,
    assets: Callable[[str], bytes | None] | None = None,
    wait_ms: int = 8000,
) -> Visit:
    """Open ``path`` once; wait up to ``wait_ms`` after load for the map to be drawn."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    context = browser.new_context(viewport={"width": 1280, "height": 800}, service_workers="block")
    external: list[str] = []
    served: list[str] = []
    errors: list[str] = []

    def route(r: Any) -> None:
        url = r.request.url
        if url.startswith(LOCAL_SCHEMES):
            r.continue_()
            return
        external.append(url)
        body = assets(url) if assets is not None else None
        if body is None:
            r.abort("internetdisconnected")
            return
        served.append(url)
        r.fulfill(status=200, body=body, content_type=_content_type(url))

    context.route("**/*", route)
    context.add_init_script(_INIT % {"count": count, "threshold": threshold})
    page = context.new_page()
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        page.goto(path.resolve().as_uri(), wait_until="load", timeout=60_000)
        # A page that never draws is a result, not an error.
        with contextlib.suppress(PlaywrightTimeout):
            page.wait_for_function("window.__bench.drawn !== null", timeout=wait_ms)
        state = page.evaluate(
            """() => ({
                drawn: window.__bench.drawn,
                seen: window.__bench.seen,
                load: performance.getEntriesByType('navigation')[0]?.loadEventEnd ?? null,
            })"""
        )
    finally:
        context.close()
    return Visit(
        drawn_ms=state["drawn"],
        load_ms=state["load"],
        external=tuple(external),
        served=tuple(served),
        console_errors=len(errors),
        seen=int(state["seen"]),
    )


def measure(
    browser: Any,
    path: Path,
    *,
    count: str,
    threshold: int,
    runs: int,
    assets: Callable[[str], bytes | None] | None = None,
    wait_ms: int = 8000,
) -> PageSummary:
    """``runs`` fresh visits of ``path``, after one uncounted warm-up visit.

    The warm-up fills Chromium's code caches and fetches any local CDN copies, the same for
    every page. A page that never draws is visited once only: waiting again tells nothing.
    """

    def once() -> Visit:
        return visit(
            browser, path, count=count, threshold=threshold, assets=assets, wait_ms=wait_ms
        )

    first = once()
    if first.drawn_ms is None:
        return PageSummary((first,))
    return PageSummary(tuple(once() for _ in range(runs)))


_TYPES: Mapping[str, str] = {
    ".js": "application/javascript",
    ".css": "text/css",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".ttf": "font/ttf",
}


def _content_type(url: str) -> str:
    name = url.split("?", 1)[0].split("#", 1)[0]
    for suffix, kind in _TYPES.items():
        if name.endswith(suffix):
            return kind
    return "application/octet-stream"
