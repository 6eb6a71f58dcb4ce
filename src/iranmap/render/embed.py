"""Embed snippets: the ``<iframe>`` an editor pastes into an article, and a few lines of script
that let the frame take the height of its content.

The frame loads the map page with ``?embed``: the page then lays itself out compactly (map
first, title and facts short, legend below the map on narrow screens) and posts its content
height to the article as ``{"iranmap": "height", "frame": <frame name>, "height": <px>}``.
The snippet's inline script (no network, no third-party code) listens for that message from
its own frame only and sets the frame's height, so the reader never scrolls inside it.
Without script the frame keeps a fixed height at which the map and legend read, and the page
scrolls inside it. The map never captures the article's scrolling: the wheel zooms only with
Ctrl (or ⌘), touch pans only with two fingers.
"""

from __future__ import annotations

import json
import re

from iranmap.i18n import Lang
from iranmap.join import Joined
from iranmap.render.html import Html, tag
from iranmap.render.options import Kind, RenderOptions, page_name, page_url
from iranmap.render.page import page_title

#: The frame's height where the article runs no script (or before the page has said its own).
FALLBACK_HEIGHT = 720
_FRAME = f"display:block;width:100%;height:{FALLBACK_HEIGHT}px;border:0"
#: Largest height the snippet accepts from the page; anything else is ignored.
MAX_HEIGHT = 10_000

_LISTENER = (
    "(function(){var f=document.getElementById(%(id)s);if(!f)return;"
    'window.addEventListener("message",function(e){var d=e.data;'
    'if(e.source!==f.contentWindow||!d||d.iranmap!=="height"||d.frame!==f.name)return;'
    "var h=Math.ceil(Number(d.height));"
    'if(h>0&&h<%(max)d)f.style.height=h+"px";});})();'
)


def embed_name(kind: Kind, lang: Lang) -> str:
    """The snippet's file name beside the map: ``choropleth.embed.html``,
    ``choropleth.fa.embed.html``."""
    return page_name(kind, lang).removesuffix(".html") + ".embed.html"


def frame_name(report_id: str, kind: str, lang: Lang) -> str:
    """The frame's id and name, unique per map on an article: ``iranmap-2024-ncri-combined-fa``."""
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", report_id).strip("-") or "report"
    return f"iranmap-{slug}-{kind}-{lang}"


def embed_snippet(joined: Joined, kind: Kind, options: RenderOptions) -> bytes:
    """The snippet for one map, as UTF-8 bytes (an HTML fragment, not a page)."""
    report = joined.report
    return frame_snippet(
        frame_name(report.id, kind, options.lang),
        page_url(options.base_url, report.id, page_name(kind, options.lang)),
        page_title(report, kind, options.lang),
    )


def frame_snippet(name: str, url: str, title: str) -> bytes:
    """The snippet of any iranmap page at ``url``: the frame named ``name`` and its listener."""
    frame = tag(
        "iframe",
        {
            "id": name,
            "name": name,
            "src": url + "?embed",
            "title": title,
            "loading": "lazy",
            "style": _FRAME,
        },
    )
    script = tag("script", None, Html(_LISTENER % {"id": json.dumps(name), "max": MAX_HEIGHT}))
    box = tag("div", {"class": "iranmap-embed"}, frame, script)
    return (box + "\n").encode("utf-8")
