"""Safe-by-construction HTML: text is escaped unless it is already :class:`Html`.

Every string from a report or the gazetteer reaches the page through :func:`tag` (escaped as
text or attribute) or :func:`script_json` (escaped for a ``<script>`` element), never by
pasting it into markup. The script then puts it into the DOM with ``textContent`` only.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

from iranmap import i18n
from iranmap.i18n import Lang

Attr = str | int | bool | None


class Html(str):
    """Markup that is already safe to place in a page as is."""

    __slots__ = ()


def esc(text: object) -> Html:
    """Text as HTML: ``<``, ``>``, ``&`` and both quotes escaped."""
    return Html(html.escape(str(text), quote=True))


def _attrs(attrs: Mapping[str, Attr]) -> str:
    parts = []
    for name, value in attrs.items():
        if value is None or value is False:
            continue
        if value is True:
            parts.append(f" {name}")
        else:
            parts.append(f' {name}="{esc(value)}"')
    return "".join(parts)


def _children(children: Iterable[Any]) -> str:
    out = []
    for child in children:
        if child is None:
            continue
        if isinstance(child, Html):
            out.append(str(child))
        elif isinstance(child, str):
            out.append(esc(child))
        else:
            out.append(_children(child))
    return "".join(out)


_VOID = frozenset({"meta", "link", "br", "img", "input", "hr"})


def tag(name: str, attrs: Mapping[str, Attr] | None = None, *children: Any) -> Html:
    """``<name attrs>children</name>``; str children are escaped, Html children are not."""
    opening = f"<{name}{_attrs(attrs or {})}>"
    if name in _VOID:
        return Html(opening)
    return Html(f"{opening}{_children(children)}</{name}>")


def join(parts: Iterable[Any]) -> Html:
    """Several children as one piece of markup (str parts escaped)."""
    return Html(_children(parts))


def data_table(
    caption: str, head: Iterable[str], body: Iterable[Html], foot: Iterable[Html] = ()
) -> Html:
    """A table of figures as every page writes one: caption, a row of column headers,
    body rows and (when given) footer rows."""
    foot_rows = list(foot)
    return tag(
        "table",
        {"class": "im-data-table"},
        tag("caption", None, caption),
        tag("thead", None, tag("tr", None, *(tag("th", {"scope": "col"}, h) for h in head))),
        tag("tbody", None, *body),
        tag("tfoot", None, *foot_rows) if foot_rows else None,
    )


def lang_span(text: str, lang: Lang, page_lang: Lang) -> Html:
    """Text in a language other than the page's, marked with ``lang`` and ``dir``."""
    if lang == page_lang:
        return esc(text)
    return tag("span", {"lang": lang, "dir": i18n.DIRS[lang]}, text)


def auto_span(text: str) -> Html:
    """Report text of unknown language: isolated so its direction comes from its letters."""
    return tag("bdi", None, text)


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) URL, else None (never a ``javascript:`` link)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return url.strip()
    return None


_SCRIPT_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def script_json(value: Any) -> str:
    """``value`` as compact JSON that cannot end or confuse the ``<script>`` it sits in."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escape in _SCRIPT_ESCAPES.items():
        text = text.replace(char, escape)
    return text
