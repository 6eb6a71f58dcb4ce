"""``maps/index.html`` and ``maps/index.fa.html``: a gallery of every report and its maps, in
English and in Persian, self-contained like the maps.

Built from the ``summary.json`` each report's build writes beside its maps, so a report that
failed to rebuild keeps its entry (and its previous maps). Every text from a report is escaped
and isolated (``<bdi>``); every part of a URL is URL-encoded, and a link is written only when
its URL is a relative path or http(s) (:func:`checked_url`), so no report id or source can
make a ``javascript:`` link or break one with ``#`` or ``?``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any
from urllib.parse import quote, urlsplit

from iranmap import i18n, style
from iranmap.calendars import Calendar
from iranmap.i18n import Lang
from iranmap.render import _lang
from iranmap.render.html import Html, join, safe_url, tag
from iranmap.render.options import KINDS, LANG_NAMES, RenderOptions, folder_path, page_name

_CSS = style.fill_in(
    """
:root{color-scheme:light;--ink:${GALLERY_INK};--muted:${GALLERY_MUTED};--line:${GALLERY_LINE};\
--accent:${GALLERY_ACCENT}}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",
"Noto Sans Arabic",Tahoma,sans-serif;color:var(--ink);background:${PAPER}}
main{max-width:72rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;margin:.5rem 0 1rem}
ul.reports{list-style:none;margin:0;padding:0;display:grid;gap:1rem;
grid-template-columns:repeat(auto-fill,minmax(min(100%,20rem),1fr))}
li.report{border:1px solid var(--line);border-radius:.5rem;padding:1rem;overflow-wrap:anywhere}
li.report h2{font-size:1.15rem;margin:0 0 .25rem}
li.report img{display:block;width:100%;height:auto;border:1px solid var(--line);margin:.5rem 0}
.meta,.source{color:var(--muted);font-size:.9rem;margin:.25rem 0}
.maps a{display:inline-block;margin:.15rem .6rem .15rem 0}
a{color:${GALLERY_LINK}}
a:focus-visible{outline:3px solid ${GALLERY_LINK};outline-offset:2px}
footer{color:var(--muted);font-size:.85rem;border-top:1px solid var(--line);margin-top:2rem;
padding-top:.5rem}
""".strip()
)


def gallery_name(lang: Lang) -> str:
    """The gallery's file name: ``index.html`` in English, ``index.fa.html`` in Persian."""
    return i18n.file_name("index", lang)


def checked_url(url: str) -> str | None:
    """``url`` when a link may point there: an http(s) URL with a host, or a relative path
    (no scheme, not ``//host``); None for anything else (``javascript:``, ``data:`` ...)."""
    parts = urlsplit(url)
    if parts.scheme:
        return url if safe_url(url) == url else None
    if url.startswith(("/", "\\")) or parts.netloc:
        return None
    return url


def report_href(report_id: str, name: str = "") -> str:
    """A relative link to a file of a report's folder, each part URL-encoded."""
    return f"{folder_path(report_id)}/{quote(name)}"


def _link(href: str, *children: Any, **attrs: str) -> Html:
    url = checked_url(href)
    if url is None:
        return join(children)
    return tag("a", {"href": url, **attrs}, *children)


def render_gallery(summaries: Sequence[Mapping[str, Any]], options: RenderOptions) -> bytes:
    """The gallery page in ``options.lang`` as UTF-8 bytes; ``summaries`` in the order they
    are listed. It links the other language's gallery, written beside it as
    :func:`gallery_name`."""
    lang = options.lang
    other = _lang.other(lang)
    items = [_item(summary, lang) for summary in summaries]
    body = tag(
        "body",
        None,
        tag(
            "main",
            None,
            tag(
                "nav",
                {"class": "langs"},
                _link(
                    gallery_name(other),
                    i18n.text(lang, "gallery.other"),
                    hreflang=other,
                ),
            ),
            tag("h1", None, i18n.text(lang, "gallery.heading")),
            tag("ul", {"class": "reports"}, *items)
            if items
            else tag("p", None, i18n.text(lang, "gallery.empty")),
            tag("footer", None, i18n.text(lang, "gallery.footer")),
        ),
    )
    head = tag(
        "head",
        None,
        Html('<meta charset="utf-8">'),
        Html('<meta name="viewport" content="width=device-width, initial-scale=1">'),
        tag("title", None, i18n.text(lang, "gallery.title")),
        tag("style", None, Html(_CSS)),
    )
    document = tag("html", {"lang": lang, "dir": _lang.direction(lang)}, head, body)
    return (Html("<!DOCTYPE html>\n") + document + "\n").encode("utf-8")


def _text(summary: Mapping[str, Any], key: str, lang: Lang, within: Mapping[str, Any]) -> Html:
    """A report's text from its summary in the gallery's language where the summary has it
    (``title_fa`` ...), else in English, marked as such; isolated either way."""
    text, text_lang = _lang.own(lang, str(within.get(key) or ""), within.get(f"{key}_fa"))
    return _lang.isolated(text, text_lang, lang)


def _maps(report_id: str, files: set[str]) -> list[Html]:
    maps = []
    for map_lang in i18n.LANGS:
        links = [
            _link(
                report_href(report_id, page_name(kind, map_lang)),
                i18n.text(map_lang, f"kind.{kind}"),
            )
            for kind in KINDS
            if page_name(kind, map_lang) in files
        ]
        links += _timeline_link(report_id, files, map_lang)
        if links:
            maps.append(
                tag(
                    "p",
                    {"class": "maps", "lang": map_lang, "dir": _lang.direction(map_lang)},
                    f"{i18n.text(map_lang, 'gallery.maps')} ({LANG_NAMES[map_lang]}): ",
                    join(links),
                )
            )
    return maps


def _item(summary: Mapping[str, Any], lang: Lang) -> Html:
    if summary.get("kind") == "comparison":
        from iranmap.render.sources_gallery import gallery_item

        return gallery_item(summary, lang)
    report_id = str(summary["id"])
    files = set(summary.get("files", ()))
    period = summary["period"]
    source = summary["source"]
    downloads = [
        tag("bdi", {"dir": "ltr"}, _link(report_href(report_id, name), name))
        for name in sorted(files)
        if name.endswith((".csv", ".geojson", ".png", ".svg"))
    ]
    image_name = i18n.file_name("choropleth", lang, "png")
    if image_name not in files:
        image_name = "choropleth.png" if "choropleth.png" in files else "steps.png"
    title_text, title_lang = _lang.own(lang, str(summary["title"]), summary.get("title_fa"))
    if title_lang != lang:  # an English title in Persian words keeps its own order
        title_text = i18n.isolate(title_text)
    image = (
        tag(
            "img",
            {
                "src": report_href(report_id, image_name),
                "alt": i18n.text(lang, "gallery.image_alt", title=title_text),
                "width": 1200 if image_name != "steps.png" else None,
                "height": 900 if image_name != "steps.png" else None,
                "loading": "lazy",
            },
        )
        if image_name in files
        else None
    )
    url = safe_url(source.get("url"))
    source_title = _text(summary, "title", lang, source)
    sep = i18n.text(lang, "list_sep")
    sentence = summary["sentence"]
    # A summary is read back from the maps folder: an unknown calendar is read as Gregorian.
    calendar: Calendar = "jalali" if summary.get("calendar") == "jalali" else "gregorian"
    return tag(
        "li",
        {"class": "report", "id": report_id},
        tag("h2", None, _text(summary, "title", lang, summary)),
        tag("p", {"class": "meta"}, _period(period, lang, calendar)),
        *revision_marks(summary, lang),
        tag("p", None, tag("bdi", None, sentence.get(lang) or sentence["en"])),
        image,
        join(_maps(report_id, files)),
        tag("p", {"class": "maps"}, f"{i18n.text(lang, 'gallery.downloads')}: ", join(downloads)),
        tag(
            "p",
            {"class": "source"},
            f"{i18n.text(lang, 'source')}: ",
            _text(summary, "publisher", lang, summary),
            sep,
            tag("a", {"href": url, "rel": "noopener noreferrer"}, source_title)
            if url
            else tag("cite", None, source_title),
            sep,
            i18n.day(date.fromisoformat(source["date"]), lang, calendar),
        ),
    )


def revision_marks(summary: Mapping[str, Any], lang: Lang) -> list[Html]:
    """ "Revised by <id>" on an earlier report of a chain, "Revises <id>" on the later."""
    marks = []
    for key, words in (("revised_by", "gallery.revised_by"), ("revises", "gallery.revises")):
        other = summary.get(key)
        if other:
            link = _link(f"#{quote(str(other))}", tag("bdi", None, str(other)))
            text = i18n.text(lang, words, id="{id}")
            before, _, after = text.partition("{id}")
            marks.append(tag("p", {"class": f"meta {key}"}, before, link, after))
    return marks


def _period(period: Mapping[str, str], lang: Lang, calendar: Calendar) -> str:
    start, end = date.fromisoformat(period["start"]), date.fromisoformat(period["end"])
    return i18n.period(start, end, lang, calendar)


def _timeline_link(report_id: str, files: set[str], lang: Lang) -> list[Html]:
    """The timeline page of a report with events.csv, or of a series (its only page)."""
    from iranmap.render.timeline import page_file
    from iranmap.render.timeline.text import text

    name = page_file(lang)
    if name not in files:
        return []
    return [_link(report_href(report_id, name), text(lang, "gallery"))]
