"""Shared fixtures. Browser tests use Debian's Chromium through Playwright, offline."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import iranmap.raster

REPO = Path(__file__).resolve().parents[1]
GEODATA = REPO / "geodata"
DATA = Path(__file__).resolve().parent / "data"

# The geocoder keeps each gazetteer's index in the user's cache folder (iranmap.paths.cache_dir);
# the tests, and the commands they run, keep theirs in a folder of their own, removed at the end.
TEST_CACHE = tempfile.mkdtemp(prefix="iranmap-test-cache-")
os.environ["IRANMAP_CACHE_DIR"] = TEST_CACHE
atexit.register(shutil.rmtree, TEST_CACHE, ignore_errors=True)

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def find_chromium() -> str | None:
    """Chromium's path: $IRANMAP_CHROMIUM, else `chromium` on PATH, else None."""
    override = os.environ.get("IRANMAP_CHROMIUM")
    if override:
        return override
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """A headless Chromium. Skips with an install hint when none is found, except in CI."""
    path = find_chromium()
    if path is None:
        hint = (
            "no Chromium found: install it (Debian: apt-get install chromium) "
            "or set IRANMAP_CHROMIUM"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but {hint}")
        pytest.skip(hint)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def tab(browser: Any) -> Iterator[Any]:
    """One browser page for a module's tests to open their maps in, one after another: making
    a page takes 0.3-0.5 s, longer than most checks. Use it through :func:`opening`."""
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def opening(tab: Any) -> Iterator[Callable[..., Any]]:
    """``opening(url, width, height, **listeners)``: ``tab`` at that viewport, with the mouse
    in its corner, listening with ``listeners`` (event name -> handler, removed after the test),
    navigated to ``url``. Nothing of the page before survives a navigation but the mouse."""
    attached: list[tuple[str, Callable[..., Any]]] = []

    def _open(url: str, width: int, height: int, **listeners: Callable[..., Any]) -> Any:
        for event, handler in attached:
            tab.remove_listener(event, handler)
        attached.clear()
        tab.set_viewport_size({"width": width, "height": height})
        tab.mouse.move(0, 0)  # where the last test left it, it could open a tooltip
        for event, handler in listeners.items():
            tab.on(event, handler)
            attached.append((event, handler))
        tab.goto(url)
        return tab

    yield _open
    for event, handler in attached:
        tab.remove_listener(event, handler)


@pytest.fixture(scope="session")
def geocoder() -> Any:
    """The shipped gazetteer's geocoder, one for the whole test process: the naming checks of
    several modules read every town of the gazetteer with it, and the towns each reads alone
    (``latin``, ``persian``) are read once. A module that needs another defines its own."""
    from iranmap.gazetteer import load_gazetteer
    from iranmap.geocode import Geocoder

    return Geocoder(load_gazetteer())


@pytest.fixture(scope="session")
def latin(geocoder: Any) -> list[tuple[str, str]]:
    """(Latin name, province) of every town and prison the geocoder places at home alone."""
    from townnames import latin_towns, placed_at_home

    return placed_at_home(geocoder, latin_towns())


@pytest.fixture(scope="session")
def persian(geocoder: Any) -> list[tuple[str, str]]:
    """(Persian name, province) of every town and prison the geocoder places at home alone."""
    from townnames import persian_towns, placed_at_home

    return placed_at_home(geocoder, persian_towns())


_DRAWN: OrderedDict[tuple[object, ...], bytes] = OrderedDict()
_DRAWN_MOST = 400  # PNGs kept, the last used (at most some 100 MB)
_DRAWN_LOCK = threading.Lock()
_PNG = iranmap.raster.png


def _png_drawn_once(job: iranmap.raster.Job) -> bytes:
    """raster.png, remembered for this test process: many tests build the same reports, and
    drawing their PNGs again was a third of the suite's time. resvg draws the same bytes for
    the same job (test_raster.py and test_render_static.py check that, unremembered)."""
    key = (job.svg, job.zoom, job.family, job.style_sheet, tuple(sorted(job.texts.items())))
    with _DRAWN_LOCK:  # builds draw in threads
        drawn = _DRAWN.get(key)
        if drawn is not None:
            _DRAWN.move_to_end(key)
            return drawn
    drawn = _PNG(job)
    with _DRAWN_LOCK:
        _DRAWN[key] = drawn
        if len(_DRAWN) > _DRAWN_MOST:
            _DRAWN.popitem(last=False)
    return drawn


@pytest.fixture(autouse=True, scope="session")
def _each_png_drawn_once() -> Iterator[None]:
    """Every test reuses the PNGs this process already drew (module fixtures too)..."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(iranmap.raster, "png", _png_drawn_once)
        yield


@pytest.fixture(autouse=True)
def _drawing_itself_unremembered(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """...except the tests of the drawing itself, which draw every time."""
    if request.node.path.name == "test_raster.py":
        monkeypatch.setattr(iranmap.raster, "png", _PNG)
