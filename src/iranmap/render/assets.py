"""Leaflet and its gesture-handling plugin, from the xstatic packages, ready to inline or link.

Inlined, the page needs no network at all. The vendor files are trimmed of what would make a
request or is never used: source-map comments, the CSS images (the layer control's icon is
turned into a data URI; the marker icons are dropped, the maps draw no markers) and the
plugin's table of 40 languages (the page passes its own English or Persian texts).
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import xstatic.pkg.leaflet as xleaflet
import xstatic.pkg.leaflet_gesturehandling as xgesture

from iranmap import style
from iranmap.render.html import Html, tag

_LEAFLET = Path(xleaflet.BASE_DIR)
_GESTURE = Path(xgesture.BASE_DIR)
_WEB = Path(__file__).resolve().parent / "web"
CDN_BASE = "https://unpkg.com/leaflet@{version}/dist/"


@dataclass(frozen=True)
class Assets:
    """The CSS and JS a page needs, as text: vendor and iranmap's own."""

    leaflet_css: str
    leaflet_js: str
    gesture_css: str
    gesture_js: str
    own_css: str
    own_js: str


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _strip_source_map(js: str) -> str:
    return re.sub(r"\n?//# sourceMappingURL=\S+\s*$", "", js)


def _data_uri(path: Path) -> str:
    return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def _leaflet_css() -> str:
    css = _read(_LEAFLET / "leaflet.css")
    for name in ("layers.png", "layers-2x.png"):
        css = css.replace(f"url(images/{name})", f"url({_data_uri(_LEAFLET / 'images' / name)})")
    # The default marker icon's probe rule: unused, and it would point at a missing file.
    css = re.sub(r"\.leaflet-default-icon-path\s*\{[^}]*\}", "", css)
    if "url(images/" in css:
        msg = "leaflet.css refers to an image iranmap does not inline; update render/assets.py"
        raise RuntimeError(msg)
    return css


_LANGUAGE_TABLE = re.compile(r"var o=\{ar:\{.*?\}\};(?=L\.Map\.mergeOptions)", re.S)


def _gesture_js() -> str:
    js = _strip_source_map(_read(_GESTURE / "leaflet-gesture-handling.min.js"))
    # The texts come from the page; keep an English fallback in place of the 40 languages.
    fallback = (
        'var o={en:{touch:"Use two fingers to move the map",'
        'scroll:"Use ctrl + scroll to zoom the map",'
        'scrollMac:"Use \\u2318 + scroll to zoom the map"}};'
    )
    trimmed, found = _LANGUAGE_TABLE.subn(lambda _: fallback, js)
    return trimmed if found == 1 else js


@cache
def load_assets() -> Assets:
    """Every asset, read once per process."""
    assets = Assets(
        leaflet_css=_leaflet_css(),
        leaflet_js=_strip_source_map(_read(_LEAFLET / "leaflet.js")),
        gesture_css=_read(_GESTURE / "leaflet-gesture-handling.min.css"),
        gesture_js=_gesture_js(),
        own_css=_read(_WEB / "iranmap.css"),
        own_js=_read(_WEB / "iranmap.js"),
    )
    for name in ("leaflet_js", "gesture_js", "own_js"):
        if re.search(r"</script|<!--", getattr(assets, name), re.I):
            msg = f"{name} contains '</script' or '<!--' and cannot be inlined safely"
            raise RuntimeError(msg)
    return assets


def _sri(path: Path) -> str:
    digest = hashlib.sha256(path.read_bytes()).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def leaflet_version() -> str:
    """The version of the Leaflet build that is inlined or linked."""
    return str(xleaflet.VERSION)


def head_assets(*, cdn: bool) -> Html:
    """The ``<style>``/``<link>`` elements of the page head."""
    assets = load_assets()
    if cdn:
        base = CDN_BASE.format(version=leaflet_version())
        leaflet: Html = tag(
            "link",
            {
                "rel": "stylesheet",
                "href": base + "leaflet.css",
                "integrity": _sri(_LEAFLET / "leaflet.css"),
                "crossorigin": "",
            },
        )
    else:
        leaflet = tag("style", None, Html(assets.leaflet_css))
    css = assets.gesture_css + "\n" + style.css_variables() + "\n" + assets.own_css
    return Html(leaflet + tag("style", None, Html(css)))


def body_scripts(data_json: str, *, cdn: bool) -> Html:
    """The scripts at the end of the body: Leaflet, gesture handling, the data, iranmap.js.

    With ``cdn`` Leaflet is linked (with a Subresource Integrity hash computed from the very
    file that is otherwise inlined); the small plugin stays inline.
    """
    assets = load_assets()
    if cdn:
        base = CDN_BASE.format(version=leaflet_version())
        leaflet = tag(
            "script",
            {
                "src": base + "leaflet.js",
                "integrity": _sri(_LEAFLET / "leaflet.js"),
                "crossorigin": "",
            },
        )
    else:
        leaflet = tag("script", None, Html(assets.leaflet_js))
    return Html(
        leaflet
        + tag("script", None, Html(assets.gesture_js))
        + tag("script", {"type": "application/json", "id": "im-data"}, Html(data_json))
        + tag("script", None, Html(assets.own_js))
    )
