"""The page shell every map shares: head, header, map, legend, tables, data and scripts.

A page is one self-contained HTML file. What a reader needs without JavaScript (title,
period, source, reconciliation, facts, legend, every figure in a table) is plain HTML,
escaped as it is written; the map itself is drawn by ``web/iranmap.js`` from one JSON
``<script>`` whose text is escaped for that context. There are no random ids, no dates of
the build and no unordered iteration, so the same figures give the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from iranmap import boundaries, i18n, style
from iranmap.i18n import Lang
from iranmap.join import Joined
from iranmap.render import _lang, choropleth, points
from iranmap.render._notes import facts_box, grades_note, revision_note
from iranmap.render.assets import body_scripts, head_assets
from iranmap.render.geo import bounds
from iranmap.render.html import Html, auto_span, data_table, join, safe_url, script_json, tag
from iranmap.render.options import (
    LANG_NAMES,
    Kind,
    RenderOptions,
    page_name,
    page_url,
    tile_layer,
)
from iranmap.reports import Report

# Words the script puts into tooltips and controls.
_SCRIPT_TEXTS = (
    *points.TIP_WORDS,
    "per_million_short",
    "not_itemized",
    "not_itemized_note",
    "none_reported_note",
    "share",
    "rank",
    "provinces",
    "prisons",
    "zoom_in",
    "zoom_out",
    "map",
)
#: The data downloads written beside the maps (by :func:`iranmap.export.data_files`), in the
#: order the pages' footers link them.
DOWNLOADS = ("provinces.csv", "prisons.csv", "provinces.geojson", "prisons.geojson")


def total_phrase(report: Report, lang: Lang) -> str:
    """The report's total with its qualifier: "at least 1,000 executions reported"."""
    qualifier = report.total_qualifier if report.total_qualifier == "exactly" else "at least"
    return i18n.text(lang, f"total.{qualifier}", n=i18n.fmt_int(report.total, lang))


def page_title(report: Report, kind: Kind, lang: Lang) -> str:
    """The ``<title>`` (and iframe title): the report's title, what the map shows, and the
    total as the report qualifies it. A title in the other language than the page's (an
    English title on a Persian page that has no ``title_fa``) is a bidi isolate, so that it
    cannot reorder the words around it; a title in the page's language is left bare (some
    readers show the marks as boxes)."""
    text, text_lang = _lang.report_text(report, "title", lang)
    title = i18n.text(
        lang,
        "embed_title",
        title=text if text_lang == lang else i18n.isolate(text),
        kind=i18n.text(lang, f"kind.{kind}"),
    )
    return f"{title} ({total_phrase(report, lang)})"


def render_page(joined: Joined, kind: Kind, options: RenderOptions) -> bytes:
    """One map page as UTF-8 bytes."""
    lang = options.lang
    ch = choropleth.build_choropleth(joined, options)
    pts = points.build_points(joined) if kind != "choropleth" else None
    shaded = kind != "points"
    data = _data(joined, kind, options, ch, pts)
    legend = _legend(kind, ch, pts, lang)
    tables: list[tuple[str, Html]] = []
    if shaded:
        tables.append((i18n.text(lang, "table.provinces"), choropleth.table(ch, joined, lang)))
    if pts is not None:
        tables.append((i18n.text(lang, "table.prisons"), points.table(pts, lang)))
    return shell(
        lang=lang,
        body_class=f"im-{kind}",
        title=page_title(joined.report, kind, lang),
        header=_header(joined, kind, lang, options.alternates),
        map_label=_map_label(kind, lang),
        legend=legend,
        legend_line=_legend_line(kind, ch, pts, lang),
        tables=_tables(tables, joined, lang),
        footer=_footer(joined, lang),
        data=data,
        cdn=options.cdn,
        meta=_social_meta(joined, kind, options),
    )


def shell(
    *,
    lang: Lang,
    body_class: str,
    title: str,
    header: Html,
    map_label: str,
    legend: Html,
    tables: Html,
    footer: Html,
    data: dict[str, Any],
    cdn: bool,
    meta: Html | None = None,
    legend_line: Html | None = None,
) -> bytes:
    """The document around a map's own parts, shared by every page (the change map too).

    ``legend_line`` is the legend in one line: in an article's frame the page shows it under
    the map and folds the facts, the full legend, the notes and the downloads behind one
    "Details" control (see ``web/iranmap.js``); a page without one keeps its legend open."""
    body = tag(
        "body",
        {"class": body_class},
        tag(
            "div",
            {"class": "im-page"},
            header,
            tag(
                "main",
                {"class": "im-main"},
                tag(
                    "div",
                    {
                        "id": "im-map",
                        "class": "im-map",
                        "role": "region",
                        "aria-label": map_label,
                        "dir": "ltr",
                    },
                    tag(
                        "noscript",
                        None,
                        tag("p", {"class": "im-noscript"}, i18n.text(lang, "noscript")),
                    ),
                ),
                tag(
                    "details",
                    {"class": "im-legend", "open": True},
                    tag("summary", {"class": "im-legend-h"}, i18n.text(lang, "legend")),
                    legend,
                ),
                None if legend_line is None else tag("p", {"class": "im-legend-line"}, legend_line),
            ),
            tables,
            footer,
        ),
        body_scripts(script_json(data), cdn=cdn),
    )
    head = tag(
        "head",
        None,
        tag("meta", {"charset": "utf-8"}),
        tag("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
        tag("title", None, title),
        meta,
        head_assets(cdn=cdn),
    )
    document = tag("html", {"lang": lang, "dir": _lang.direction(lang)}, head, body)
    return ("<!DOCTYPE html>\n" + document + "\n").encode("utf-8")


#: The kind whose social-media card a page names (the images have no combined card).
_CARD_KIND: dict[Kind, Kind] = {
    "choropleth": "choropleth",
    "points": "points",
    "combined": "choropleth",
}


def _social_meta(joined: Joined, kind: Kind, options: RenderOptions) -> Html | None:
    """Open Graph and Twitter card tags naming the page's card image, where the maps will be
    published (``--base-url``); nothing without a base URL (a card needs an absolute URL)."""
    if not options.base_url:
        return None
    report, lang = joined.report, options.lang
    card = page_name(_CARD_KIND[kind], lang).removesuffix(".html") + ".card.png"
    values = [
        ("property", "og:type", "website"),
        ("property", "og:title", page_title(report, kind, lang)),
        ("property", "og:description", joined.reconciliation.sentence(lang)),
        ("property", "og:url", page_url(options.base_url, report.id, page_name(kind, lang))),
        ("property", "og:image", page_url(options.base_url, report.id, card)),
        ("property", "og:locale", i18n.LOCALES[lang]),
        ("name", "twitter:card", "summary_large_image"),
    ]
    return join(tag("meta", {attr: name, "content": value}) for attr, name, value in values)


def _map_label(kind: Kind, lang: Lang) -> str:
    return f"{i18n.text(lang, 'map')}: {i18n.text(lang, f'kind.{kind}')}"


def _header(joined: Joined, kind: Kind, lang: Lang, alternates: Sequence[Lang]) -> Html:
    report = joined.report
    t = i18n.TEXTS[lang]
    return header(
        Heading(
            stem=kind,
            title=_report_text(report, "title", lang),
            kind=(t[f"kind.{kind}"], t["sep"], total_phrase(report, lang)),
            period=i18n.period(report.period_start, report.period_end, lang, report.calendar),
            source=_source(report, lang),
            sentence=joined.reconciliation.sentence(lang),
            facts=join(
                [revision_note(report, lang), grades_note(report, lang), facts_box(report, lang)]
            ),
        ),
        lang,
        alternates,
    )


@dataclass(frozen=True)
class Heading:
    """What a page's header says: ``stem`` names the page's file in each language
    (:func:`iranmap.i18n.file_name`), which the language links point to."""

    stem: str
    title: Html | str
    kind: tuple[Html | str, ...]
    period: str
    source: Html | str
    sentence: str
    facts: Html | None = None


def header(heading: Heading, lang: Lang, alternates: Sequence[Lang]) -> Html:
    """The header every map page shares: the links to its other languages, its title, what
    it shows, its period and source, how its total reconciles, and its facts."""
    t = i18n.TEXTS[lang]
    return tag(
        "header",
        {"class": "im-header"},
        _language_links(heading.stem, lang, alternates),
        tag("h1", None, heading.title),
        tag("p", {"class": "im-kind"}, *heading.kind),
        tag(
            "p",
            {"class": "im-meta"},
            tag("span", {"class": "im-period"}, f"{t['period']}: ", heading.period),
            " ",
            tag("span", {"class": "im-source"}, f"{t['source']}: ", heading.source),
        ),
        tag("p", {"class": "im-rec"}, heading.sentence),
        heading.facts,
    )


def _language_links(stem: str, lang: Lang, alternates: Sequence[Lang]) -> Html | None:
    """Links to this page in the other languages written beside it, each in its own script."""
    others = [other for other in alternates if other != lang]
    if not others:
        return None
    links = [
        tag(
            "a",
            {
                "href": i18n.file_name(stem, other),
                "hreflang": other,
                "lang": other,
                "dir": _lang.direction(other),
            },
            LANG_NAMES[other],
        )
        for other in others
    ]
    return tag("nav", {"class": "im-langs", "aria-label": i18n.text(lang, "languages")}, *links)


def _report_text(report: Report, name: str, lang: Lang) -> Html:
    text, text_lang = _lang.report_text(report, name, lang)
    return _lang.isolated(text, text_lang, lang)


def source_credit(report: Report, lang: Lang) -> Html:
    """A report's source as the header shows it (the change map shows two)."""
    return _source(report, lang)


def _source(report: Report, lang: Lang) -> Html:
    """ "Publisher, “Title”, date", the title linked when the report gives an http(s) URL."""
    title = _report_text(report, "source_title", lang)
    url = safe_url(report.source_url)
    if url is not None:
        title = tag("a", {"href": url, "rel": "noopener noreferrer"}, title)
    sep = i18n.text(lang, "list_sep")
    quote_open, quote_close = i18n.text(lang, "quoted").split("{text}")
    return join(
        [
            _report_text(report, "publisher", lang),
            sep,
            quote_open,
            title,
            quote_close,
            sep,
            i18n.day(report.source_date, lang, report.calendar),
        ]
    )


def _legend(kind: Kind, ch: choropleth.Choropleth, pts: points.Points | None, lang: Lang) -> Html:
    parts: list[Html] = []
    if kind != "points":
        parts.append(choropleth.legend(ch, lang))
    if pts is not None:
        parts.append(points.legend(pts, lang))
    if (kind == "choropleth" and ch.itemized == 0) or (kind == "points" and pts and not pts.rows):
        parts.append(tag("p", {"class": "im-legend-note"}, i18n.text(lang, "no_figures")))
    return join(parts)


def _legend_line(
    kind: Kind, ch: choropleth.Choropleth, pts: points.Points | None, lang: Lang
) -> Html:
    parts: list[Html] = []
    if kind != "points":
        parts.append(choropleth.legend_line(ch, lang))
    if pts is not None:
        parts.append(points.legend_line(lang))
    return join(parts)


def _tables(tables: list[tuple[str, Html]], joined: Joined, lang: Lang) -> Html:
    """The report's tables, and the one of rows not on the map when there are any."""
    if joined.reconciliation.unresolved:
        tables.append((i18n.text(lang, "table.unplaced"), _unplaced_table(joined, lang)))
    return tables_box(tables, lang)


def tables_box(tables: list[tuple[str, Html]], lang: Lang) -> Html:
    """Labelled tables in a ``<details>``, each in a region that scrolls sideways on its own."""
    wrapped = [
        tag(
            "div",
            {"class": "im-table-wrap", "tabindex": "0", "role": "region", "aria-label": label},
            table,
        )
        for label, table in tables
    ]
    return tag(
        "details",
        {"class": "im-tables"},
        tag("summary", None, i18n.text(lang, "table")),
        *wrapped,
    )


def _unplaced_table(joined: Joined, lang: Lang) -> Html:
    t = i18n.TEXTS[lang]
    head = [t["prison"], t["executions"], t["reason"], t["source_line"]]
    rows = [
        tag(
            "tr",
            None,
            tag("th", {"scope": "row"}, auto_span(u.name)),
            tag("td", {"class": "im-num"}, i18n.fmt_int(u.executions, lang)),
            tag("td", None, auto_span(u.reason)),
            tag("td", {"class": "im-src"}, tag("bdi", None, f"{u.path}:{u.line}")),
        )
        for u in joined.reconciliation.unresolved
    ]
    return data_table(t["table.unplaced"], head, rows)


def _footer(joined: Joined, lang: Lang) -> Html:
    report = joined.report
    notes = (
        tag(
            "p",
            {"class": "im-notes"},
            tag("b", None, i18n.text(lang, "notes")),
            ": ",
            _report_text(report, "notes", lang),
        )
        if report.notes
        else None
    )
    return footer(DOWNLOADS, lang, notes)


def footer(downloads: Sequence[str], lang: Lang, notes: Html | None = None) -> Html:
    """A page's footer: its notes, then a link to each of the files beside it, then what
    made the page."""
    links = join(
        [
            Html(i18n.text(lang, "sep")) if i else Html(""),
            tag("a", {"href": name, "dir": "ltr"}, name),
        ]
        for i, name in enumerate(downloads)
    )
    return tag(
        "footer",
        {"class": "im-footer"},
        notes,
        tag(
            "p",
            {"class": "im-downloads"},
            links,
            i18n.text(lang, "sep"),
            i18n.text(lang, "made_with"),
        ),
    )


def script_frame(
    kind: str, lang: Lang, area: Sequence[float], words: Sequence[str], tiles: str | None
) -> dict[str, Any]:
    """The start of every map's script data: its kind and language, the words the script
    shows, the gesture texts, the view's bounds and the base layer."""
    t = i18n.TEXTS[lang]
    return {
        "kind": kind,
        "lang": lang,
        "t": {key: t[key] for key in (*words, "details")},  # "details": see shell()
        "gesture": {
            "touch": t["gesture.touch"],
            "scroll": t["gesture.scroll"],
            "scrollMac": t["gesture.scroll_mac"],
        },
        "bounds": bounds(area),
        "maxBounds": bounds(area, pad=8.0),
        "tiles": tile_layer(tiles, lang),
        "credit": f"{t['osm_credit']} ({boundaries.LICENCE})",
        "credits": {"title": t["credit"], "leaflet": t["leaflet"]},
    }


def _data(
    joined: Joined,
    kind: Kind,
    options: RenderOptions,
    ch: choropleth.Choropleth,
    pts: points.Points | None,
) -> dict[str, Any]:
    lang = options.lang
    return {
        **script_frame(kind, lang, joined.bounds, _SCRIPT_TEXTS, options.tiles),
        "provinces": choropleth.geojson(ch, lang),
        "shaded": kind != "points",
        "colors": {m: list(c.colors) for m, c in ch.classes.items()},
        "measure": ch.measure,
        "style": style.script_style(),
        "prisons": None if pts is None else points.data(pts, lang),
        "cite": source_text(joined.report, lang),
    }


def source_text(report: Report, lang: Lang) -> str:
    """The report's source as plain text ("Publisher, “Title”, date"), what tooltips cite."""
    sep = i18n.text(lang, "list_sep")
    title = _lang.report_text(report, "source_title", lang)[0]
    publisher = _lang.report_text(report, "publisher", lang)[0]
    quoted = i18n.text(lang, "quoted", text=title)
    return sep.join([publisher, quoted, i18n.day(report.source_date, lang, report.calendar)])
