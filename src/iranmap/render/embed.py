"""Embed snippets: the responsive ``<iframe>`` an editor pastes into an article.

The frame keeps a 4:3 shape (CSS ``aspect-ratio``) with a minimum height at which the map
still reads, loads lazily, and carries a ``title`` for screen readers. The map page itself
fills whatever box it is given and does not capture the page's scrolling.
"""

from __future__ import annotations

from iranmap.i18n import Lang
from iranmap.join import Joined
from iranmap.render.html import tag
from iranmap.render.options import Kind, RenderOptions, page_name
from iranmap.render.page import page_title

_BOX = "position:relative;width:100%;aspect-ratio:4/3;min-height:420px"
_FRAME = "position:absolute;inset:0;width:100%;height:100%;border:0"


def embed_name(kind: Kind, lang: Lang) -> str:
    """The snippet's file name beside the map: ``choropleth.embed.html``,
    ``choropleth.fa.embed.html``."""
    return page_name(kind, lang).removesuffix(".html") + ".embed.html"


def embed_snippet(joined: Joined, kind: Kind, options: RenderOptions) -> bytes:
    """The snippet for one map, as UTF-8 bytes (an HTML fragment, not a page)."""
    frame = tag(
        "iframe",
        {
            "src": options.base_url + page_name(kind, options.lang),
            "title": page_title(joined.report, kind, options.lang),
            "loading": "lazy",
            "style": _FRAME,
        },
    )
    box = tag("div", {"class": "iranmap-embed", "style": _BOX}, frame)
    return (box + "\n").encode("utf-8")
