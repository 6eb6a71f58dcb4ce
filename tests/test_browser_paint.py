"""What the browser does before the map's first paint, and what it leaves for later."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from iranmap.join import Joined
from iranmap.render import RenderOptions, render_map
from mapfixture import make_joined

pytestmark = pytest.mark.browser

#: At each frame until the page is ready: provinces drawn, whether the tables' content is
#: skipped by style and layout (a closed <details>), and whether provinces have tooltips yet.
WATCH = """
window.__frames = [];
window.__ready = false;
const shapes = () => document.querySelectorAll('.leaflet-overlay-pane svg > g > path').length;
const frame = () => {
  const tables = document.querySelector('.im-tables');
  const skipped = tables !== null && !tables.open &&
    getComputedStyle(tables, '::details-content').contentVisibility === 'hidden';
  window.__frames.push([shapes(), skipped]);
  if (!window.__ready) requestAnimationFrame(frame);
};
requestAnimationFrame(frame);
document.addEventListener('iranmap:ready', () => { window.__ready = true; });
"""


@pytest.fixture(scope="module")
def joined() -> Joined:
    return make_joined()


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_the_tables_wait_until_a_reader_opens_them(
    browser: Any, joined: Joined, tmp_path: Path, lang: str
) -> None:
    """The tables (most of the page's elements) are in a closed <details>, whose content the
    browser neither styles nor lays out: the map's first paint never waits for them."""
    path = tmp_path / "combined.html"
    path.write_bytes(render_map(joined, "combined", RenderOptions(lang=lang)))  # type: ignore[arg-type]
    context = browser.new_context(viewport={"width": 1100, "height": 800})
    context.add_init_script(WATCH)
    try:
        page = context.new_page()
        page.goto(path.as_uri())
        page.wait_for_function("window.__ready", timeout=10_000)
        frames = page.evaluate("window.__frames")
        painted = [skipped for shapes, skipped in frames if shapes == 31]
        assert painted and all(painted)
        page.locator(".im-tables > summary").click()
        cell = page.locator(".im-tables td").first
        cell.wait_for(state="visible", timeout=3000)
        assert cell.bounding_box()["height"] > 0
    finally:
        context.close()
