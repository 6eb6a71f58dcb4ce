"""Local copies of the CDN files the peers' pages link, to time the peers as if online.

Only exact, well-known correspondences are used, never a guess:

* Leaflet 1.9.3 from the ``xstatic-leaflet`` package already installed (the same release
  folium links);
* ``https://cdn.jsdelivr.net/npm/NAME@VERSION/PATH``: that URL *is* an npm package spec, so
  the file comes from ``npm pack NAME@VERSION``;
* jQuery's and d3's own URLs, whose files are in the npm packages of the same versions.

Anything else (folium's rotate CSS on a git CDN, Leaflet.awesome-markers, the Bootstrap 3
glyphicons CSS, map tiles) stays aborted; RESULTS.md lists what was served and what was not.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from npmpack import NpmUnavailable, unpack

_JSDELIVR_NPM = re.compile(r"^https://cdn\.jsdelivr\.net/npm/((?:@[^/@]+/)?[^/@]+)@([^/]+)/(.+)$")
_KNOWN = {
    re.compile(r"^https://code\.jquery\.com/jquery-(\d+\.\d+\.\d+)\.min\.js$"): (
        "jquery",
        "dist/jquery.min.js",
    ),
    re.compile(r"^https://cdnjs\.cloudflare\.com/ajax/libs/d3/(\d+\.\d+\.\d+)/d3\.min\.js$"): (
        "d3",
        "d3.min.js",
    ),
}


def _xstatic_leaflet(version: str, path: str) -> Path | None:
    try:
        from xstatic.pkg import leaflet
    except ImportError:
        return None
    if version != leaflet.VERSION or not path.startswith("dist/"):
        return None
    candidate = Path(leaflet.BASE_DIR) / path.removeprefix("dist/")
    return candidate if candidate.is_file() else None


def resolver(work: Path) -> tuple[Callable[[str], bytes | None], dict[str, str]]:
    """A function URL -> local bytes (or None), and a record URL -> where its bytes came from."""
    origin: dict[str, str] = {}
    cache: dict[str, bytes | None] = {}

    def locate(url: str) -> tuple[Path, str] | None:
        clean = url.split("?", 1)[0].split("#", 1)[0]
        match = _JSDELIVR_NPM.match(clean)
        if match:
            name, version, path = match.groups()
            if name == "leaflet":
                local = _xstatic_leaflet(version, path)
                if local is not None:
                    return local, "pip xstatic-leaflet"
            return unpack(f"{name}@{version}", work) / path, f"npm {name}@{version}"
        for pattern, (name, path) in _KNOWN.items():
            match = pattern.match(clean)
            if match:
                version = match.group(1)
                return unpack(f"{name}@{version}", work) / path, f"npm {name}@{version}"
        return None

    def assets(url: str) -> bytes | None:
        if url not in cache:
            try:
                found = locate(url)
            except NpmUnavailable:
                found = None
            if found is not None and found[0].is_file():
                cache[url] = found[0].read_bytes()
                origin[url] = found[1]
            else:
                cache[url] = None
        return cache[url]

    return assets, origin
