"""``maps/index.html``: a gallery of every report and its maps, self-contained like the maps.

Built from the ``summary.json`` each report's build writes beside its maps, so a report that
failed to rebuild keeps its entry (and its previous maps). Every text from a report is escaped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from iranmap import i18n
from iranmap.render.html import Html, join, safe_url, tag
from iranmap.render.options import KINDS, LANG_NAMES, RenderOptions, page_name

_MAPS = {"en": "Maps", "fa": "نقشه‌ها"}

_CSS = """
:root{color-scheme:light;--ink:#1f2328;--muted:#57606a;--line:#d0d7de;--accent:#9a1c1c}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",
"Noto Sans Arabic",Tahoma,sans-serif;color:var(--ink);background:#fff}
main{max-width:72rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;margin:.5rem 0 1rem}
ul.reports{list-style:none;margin:0;padding:0;display:grid;gap:1rem;
grid-template-columns:repeat(auto-fill,minmax(min(100%,20rem),1fr))}
li.report{border:1px solid var(--line);border-radius:.5rem;padding:1rem;overflow-wrap:anywhere}
li.report h2{font-size:1.15rem;margin:0 0 .25rem}
li.report img{display:block;width:100%;height:auto;border:1px solid var(--line);margin:.5rem 0}
.meta,.source{color:var(--muted);font-size:.9rem;margin:.25rem 0}
.maps a{display:inline-block;margin:.15rem .6rem .15rem 0}
a{color:#0b57a4}
a:focus-visible{outline:3px solid #0b57a4;outline-offset:2px}
footer{color:var(--muted);font-size:.85rem;border-top:1px solid var(--line);margin-top:2rem;
padding-top:.5rem}
""".strip()


def render_gallery(summaries: Sequence[Mapping[str, Any]], options: RenderOptions) -> bytes:
    """The gallery page as UTF-8 bytes; ``summaries`` in the order they are listed."""
    items = [_item(summary) for summary in summaries]
    body = tag(
        "body",
        None,
        tag(
            "main",
            None,
            tag("h1", None, "Executions in Iran: maps of published figures"),
            tag("ul", {"class": "reports"}, *items)
            if items
            else tag("p", None, "No report has been built yet."),
            tag(
                "footer",
                None,
                "Made with iranmap. Every map opens offline: nothing is loaded from another "
                "server. Each figure links back to the line of the report it comes from.",
            ),
        ),
    )
    head = tag(
        "head",
        None,
        Html('<meta charset="utf-8">'),
        Html('<meta name="viewport" content="width=device-width, initial-scale=1">'),
        tag("title", None, "iranmap: maps of executions in Iran"),
        tag("style", None, Html(_CSS)),
    )
    page = Html("<!DOCTYPE html>\n") + tag("html", {"lang": "en", "dir": "ltr"}, head, body)
    return (page + "\n").encode("utf-8")


def _item(summary: Mapping[str, Any]) -> Html:
    report_id = str(summary["id"])
    files = set(summary.get("files", ()))
    period = summary["period"]
    source = summary["source"]
    maps = []
    for lang in i18n.LANGS:
        links = [
            tag(
                "a",
                {"href": f"{report_id}/{page_name(kind, lang)}"},
                i18n.text(lang, f"kind.{kind}"),
            )
            for kind in KINDS
            if page_name(kind, lang) in files
        ]
        links += _timeline_link(report_id, files, lang)
        if links:
            maps.append(
                tag(
                    "p",
                    {"class": "maps", "lang": lang, "dir": "rtl" if lang == "fa" else "ltr"},
                    f"{_MAPS[lang]} ({LANG_NAMES[lang]}): ",
                    join(links),
                )
            )
    downloads = [
        tag("a", {"href": f"{report_id}/{name}"}, name)
        for name in sorted(files)
        if name.endswith((".csv", ".geojson", ".png", ".svg"))
    ]
    still = "choropleth.png" if "choropleth.png" in files else "steps.png"
    image = (
        tag(
            "img",
            {
                "src": f"{report_id}/{still}",
                "alt": f"Choropleth map of {summary['title']}"
                if still == "choropleth.png"
                else f"One small map per time step of {summary['title']}",
                "width": 1200 if still == "choropleth.png" else None,
                "height": 900 if still == "choropleth.png" else None,
                "loading": "lazy",
            },
        )
        if still in files
        else None
    )
    url = safe_url(source.get("url"))
    source_title: Html = (
        tag("a", {"href": url}, source["title"]) if url else tag("cite", None, source["title"])
    )
    return tag(
        "li",
        {"class": "report", "id": report_id},
        tag("h2", None, tag("bdi", None, summary["title"])),
        tag("p", {"class": "meta"}, f"{period['start']} to {period['end']}"),
        tag("p", None, summary["sentence"]["en"]),
        image,
        join(maps),
        tag("p", {"class": "maps"}, "Data and images: ", join(downloads)),
        tag(
            "p",
            {"class": "source"},
            "Source: ",
            tag("bdi", None, summary["publisher"]),
            ", ",
            source_title,
            f", {source['date']}",
        ),
    )


def _timeline_link(report_id: str, files: set[str], lang: i18n.Lang) -> list[Html]:
    """The timeline page of a report with events.csv, or of a series (its only page)."""
    from iranmap.render.timeline import page_file
    from iranmap.render.timeline_text import text

    name = page_file(lang)
    if name not in files:
        return []
    return [tag("a", {"href": f"{report_id}/{name}"}, text(lang, "gallery"))]
