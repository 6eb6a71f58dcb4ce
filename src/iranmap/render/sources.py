"""The page of a comparison: every source's total on one axis, their range, and a province map
of the range where sources itemize provinces.

One self-contained page in the shell every map shares (:func:`iranmap.render.page.shell`),
drawn by the same script. The chart is plain HTML (a list of bars whose widths are shares of
one axis), so that it reads without JavaScript, scales to a phone and a screen reader reads
it as a list. A total qualified "at least" is drawn as an open-ended bar: a bar and an arrow
past its end, since the true figure may lie anywhere beyond it.

The province map shades each province by the largest figure any source in the window gives
for it (the same YlOrRd classes as every map); its tooltip and table give the whole range and
how many sources give a figure. A province no source itemizes is hatched, never zero.
"""

from __future__ import annotations

from typing import Any

from iranmap import i18n, style
from iranmap.classify import Classes, classify
from iranmap.comparisons import Comparison, ProvinceRange, Source
from iranmap.i18n import Lang
from iranmap.render import _lang
from iranmap.render._notes import grades_text, revised_words
from iranmap.render.choropleth import NOT_ITEMIZED, class_labels
from iranmap.render.geo import latlng, polygon_json
from iranmap.render.html import Html, auto_span, data_table, join, safe_url, tag
from iranmap.render.options import Measure, page_url
from iranmap.render.page import script_frame, shell, source_credit, tables_box

MEASURE: Measure = "count"
#: The room a bar row keeps beside the longest bar for its arrow and figure ("at least 1,000").
LABEL_ROOM = "10em"
PAGE_NAMES = {lang: i18n.file_name("sources", lang) for lang in i18n.LANGS}
_SCRIPT_TEXTS = ("not_itemized", "provinces", "prisons", "zoom_in", "zoom_out", "map")
#: The chart's own layout; its colours are the style's, through the page's CSS variables.
CHART_CSS = (
    ".im-chart{list-style:none;margin:.5rem 0;padding:0;max-width:56rem}"
    ".im-chart li{margin:.35rem 0}"
    ".im-chart .im-who{display:block;overflow-wrap:anywhere}"
    ".im-chart .im-when{display:block;color:var(--im-muted);font-size:.85em;"
    "overflow-wrap:anywhere}"
    ".im-bar-row{display:flex;align-items:center;gap:.4rem;margin-top:.15rem}"
    ".im-bar{display:block;height:.9rem;background:var(--im-circle);flex:none;"
    "min-width:2px}"
    ".im-bar.im-open{border-inline-end:0}"
    ".im-arrow{color:var(--im-circle);flex:none}"
    ".im-val{flex:none;font-weight:bold;white-space:nowrap}"
    ".im-apart .im-bar{background:var(--im-rule-strong)}"
    ".im-range{font-size:1.15em;font-weight:bold;margin:.4rem 0}"
    ".im-flag{color:var(--im-text);font-size:.85em;display:block}"
)


def page_name(lang: Lang) -> str:
    return PAGE_NAMES[lang]


def at_least(source: Source, lang: Lang) -> str:
    """A source's total as it qualifies it: "at least 975" or "901" for an exact one."""
    n = i18n.fmt_int(source.report.total, lang)
    if source.report.total_qualifier == "exactly":
        return n
    return i18n.text(lang, "sources.at_least", n=n)


def headline(comparison: Comparison, lang: Lang) -> str:
    """ "Between 901 and at least 1,000 executions, 1 January - 31 December 2024, by 6
    sources": the smallest total as a number, the largest as its source qualifies it."""
    start, end = comparison.window
    calendar = comparison.high.report.calendar
    period = i18n.period(start, end, lang, calendar)
    n = len(comparison.in_window)
    high = at_least(comparison.high, lang)
    if n == 1:
        return i18n.text(lang, "sources.headline_one", high=high, period=period)
    if comparison.low.report.total == comparison.high.report.total:
        return i18n.text(
            lang, "sources.headline_same", high=high, period=period, n=i18n.fmt_int(n, lang)
        )
    low = i18n.fmt_int(comparison.low.report.total, lang)
    return i18n.text(
        lang, "sources.headline", low=low, high=high, period=period, n=i18n.fmt_int(n, lang)
    )


def title(comparison: Comparison, lang: Lang) -> str:
    spec = comparison.spec
    return _lang.own(lang, spec.title, spec.title_fa)[0]


# ---------------------------------------------------------------------------------------------
# the page


def render_sources(
    comparison: Comparison,
    lang: Lang = "en",
    *,
    cdn: bool = False,
    base_url: str = "",
    folder: str = "",
) -> bytes:
    """The comparison's page as UTF-8 bytes; the same comparison always gives the same bytes.
    With ``base_url`` (where the maps will be published) and ``folder`` (the comparison's
    folder there) it names its card for link previews."""
    classes = range_classes(comparison)
    t = i18n.TEXTS[lang]
    page_title = f"{title(comparison, lang)}: {t['kind.sources']} ({headline(comparison, lang)})"
    return shell(
        lang=lang,
        body_class="im-sources",
        title=page_title,
        header=_header(comparison, lang),
        map_label=f"{t['map']}: {t['sources.legend']}",
        legend=_legend(comparison, classes, lang),
        tables=tables_box(
            [
                (t["sources.table_figures"], figures_table(comparison, lang)),
                (t["sources.table_provinces"], provinces_table(comparison, lang)),
            ],
            lang,
        ),
        footer=_footer(comparison, lang),
        data=_data(comparison, classes, lang),
        cdn=cdn,
        meta=join(
            [
                tag("style", None, Html(CHART_CSS)),
                _social(comparison, lang, page_title, base_url, folder),
            ]
        ),
    )


def _social(
    comparison: Comparison, lang: Lang, page_title: str, base_url: str, folder: str
) -> Html | None:
    """Open Graph and Twitter card tags naming the chart's card, as every map page does where
    the maps will be published; nothing without a base URL (a card needs an absolute URL)."""
    if not base_url or not folder:
        return None
    card = PAGE_NAMES[lang].removesuffix(".html") + ".card.png"
    values = [
        ("property", "og:type", "website"),
        ("property", "og:title", page_title),
        ("property", "og:description", headline(comparison, lang)),
        ("property", "og:url", page_url(base_url, folder, PAGE_NAMES[lang])),
        ("property", "og:image", page_url(base_url, folder, card)),
        ("property", "og:locale", i18n.LOCALES[lang]),
        ("name", "twitter:card", "summary_large_image"),
    ]
    return join(tag("meta", {attr: name, "content": value}) for attr, name, value in values)


def _header(comparison: Comparison, lang: Lang) -> Html:
    t = i18n.TEXTS[lang]
    spec = comparison.spec
    own, own_lang = _lang.own(lang, spec.title, spec.title_fa)
    notes, notes_lang = _lang.own(lang, spec.notes, spec.notes_fa)
    return tag(
        "header",
        {"class": "im-header"},
        tag("h1", None, _lang.isolated(own, own_lang, lang)),
        tag("p", {"class": "im-kind"}, t["kind.sources"]),
        tag("p", {"class": "im-range", "id": "im-range"}, headline(comparison, lang)),
        tag("p", {"class": "im-legend-title"}, t["sources.chart"]),
        chart(comparison, lang),
        tag("p", {"class": "im-rec"}, t["sources.open_ended"]),
        tag("p", {"class": "im-notes"}, _lang.isolated(notes, notes_lang, lang)) if notes else None,
    )


def chart(comparison: Comparison, lang: Lang) -> Html:
    """Every source's total on one axis, from zero to the largest total."""
    top = max(s.report.total for s in comparison.sources) or 1
    return tag(
        "ol", {"class": "im-chart"}, *(_bar(s, top, comparison, lang) for s in comparison.sources)
    )


def _bar(source: Source, top: int, comparison: Comparison, lang: Lang) -> Html:
    report = source.report
    width = 100.0 * report.total / top
    open_ended = report.total_qualifier != "exactly"
    arrow = "←" if i18n.rtl(lang) else "→"
    # One axis for every row: the row less a fixed room for the arrow and the figure.
    bar = tag(
        "span",
        {
            "class": "im-bar im-open" if open_ended else "im-bar",
            "style": f"width:calc((100% - {LABEL_ROOM}) * {width / 100:.4f})",
            "aria-hidden": "true",
        },
    )
    return tag(
        "li",
        {
            "class": "im-src-row" if source.in_window else "im-src-row im-apart",
            "data-id": report.id,
        },
        tag("span", {"class": "im-who"}, tag("b", None, _publisher(source, lang))),
        tag("span", {"class": "im-when"}, _when(source, lang)),
        tag(
            "span",
            {"class": "im-bar-row"},
            bar,
            tag("span", {"class": "im-arrow", "aria-hidden": "true"}, arrow)
            if open_ended
            else None,
            tag("span", {"class": "im-val"}, tag("bdi", None, at_least(source, lang))),
        ),
        *(tag("span", {"class": "im-flag"}, note) for note in _flags(source, comparison, lang)),
    )


def _publisher(source: Source, lang: Lang) -> Html:
    text, text_lang = _lang.report_text(source.report, "publisher", lang)
    return _lang.isolated(text, text_lang, lang)


def _when(source: Source, lang: Lang) -> str:
    report = source.report
    published = i18n.day(report.source_date, lang, report.calendar)
    window = i18n.period(report.period_start, report.period_end, lang, report.calendar)
    sep = " · "
    parts = [
        i18n.text(lang, "sources.published", date=published),
        i18n.text(lang, "sources.window", period=window),
    ]
    if source.itemized == 0:
        parts.append(i18n.text(lang, "sources.totals_only"))
    return sep.join(parts)


def _flags(source: Source, comparison: Comparison, lang: Lang) -> list[str | Html]:
    """What a reader must know beside a bar: a window that differs, a revision."""
    notes: list[str | Html] = []
    if not source.in_window:
        start, end = comparison.window
        period = i18n.period(start, end, lang, source.report.calendar)
        notes.append(i18n.text(lang, "sources.window_differs", period=period))
    if source.revision is not None:
        notes.append(revised_text(source, lang))
    graded = grades_text(source.report, lang)
    if graded is not None:
        notes.append(graded)
    if source.listed.replaces is not None:
        before, _, after = i18n.text(lang, "sources.replaces", id="{id}").partition("{id}")
        replaced = tag("bdi", {"dir": "ltr"}, source.listed.replaces)
        notes.append(join([before, replaced, after]))
    return notes


def revised_text(source: Source, lang: Lang) -> str:
    """ "revised from at least 834, published 12 January 2024"."""
    assert source.revision is not None
    return revised_words(source.revision, lang)


# ---------------------------------------------------------------------------------------------
# the map


def range_classes(comparison: Comparison) -> Classes | None:
    """Classes of the largest figure of each province some source itemizes; None if none."""
    highs = [p.high for p in comparison.provinces if p.high is not None]
    if not highs:
        return None
    return classify(highs, "natural_breaks", min(5, len(set(highs))))


def range_text(p: ProvinceRange, lang: Lang) -> str:
    if p.low is None or p.high is None:
        return i18n.text(lang, "sources.no_source")
    if p.low == p.high:
        return i18n.fmt_int(p.low, lang)
    return i18n.text(
        lang, "sources.range_value", low=i18n.fmt_int(p.low, lang), high=i18n.fmt_int(p.high, lang)
    )


def _count_text(p: ProvinceRange, comparison: Comparison, lang: Lang) -> str:
    return i18n.text(
        lang,
        "sources.count_of",
        n=i18n.fmt_int(p.sources, lang),
        of=i18n.fmt_int(len(comparison.in_window), lang),
    )


def _tip(p: ProvinceRange, comparison: Comparison, lang: Lang) -> list[list[str | None]]:
    t = i18n.TEXTS[lang]
    lines: list[list[str | None]] = [
        [t["sources.range"], range_text(p, lang)],
        [t["sources.count"], _count_text(p, comparison, lang)],
    ]
    for source, figure in zip(comparison.sources, p.figures, strict=True):
        if figure is not None and source.in_window:
            name = _lang.report_text(source.report, "publisher", lang)[0]
            lines.append([name, i18n.fmt_int(figure, lang)])
    return lines


def _data(comparison: Comparison, classes: Classes | None, lang: Lang) -> dict[str, Any]:
    by_iso = {p.iso: p for p in comparison.provinces}
    features = []
    for i, record in enumerate(comparison.sources[0].joined.province_rows):
        p = by_iso[str(record["iso"])]
        geometry = polygon_json(record["geometry"])
        if geometry is None:
            continue
        inside = record["geometry"].representative_point()
        index = NOT_ITEMIZED if p.high is None or classes is None else classes.index(p.high)
        props = {
            "i": i,
            "iso": p.iso,
            "en": p.name_en,
            "fa": p.name_fa,
            "c": {MEASURE: index},
            "tip": _tip(p, comparison, lang),
            "pt": latlng(inside.x, inside.y, 3),
        }
        features.append({"type": "Feature", "properties": props, "geometry": geometry})
    return {
        **script_frame("sources", lang, comparison.sources[0].joined.bounds, _SCRIPT_TEXTS, None),
        "provinces": {"type": "FeatureCollection", "features": features},
        "shaded": True,
        "colors": {MEASURE: list(classes.colors) if classes is not None else []},
        "measure": MEASURE,
        "style": style.script_style(),
        "prisons": None,
    }


def _legend(comparison: Comparison, classes: Classes | None, lang: Lang) -> Html:
    t = i18n.TEXTS[lang]
    items = []
    if classes is not None:
        items = [
            tag("li", None, _swatch(color), " ", tag("bdi", None, label))
            for color, label in zip(
                classes.colors, class_labels(classes, MEASURE, lang), strict=True
            )
        ]
    items.append(
        tag(
            "li",
            None,
            tag("span", {"class": "im-sw im-sw-ni", "aria-hidden": "true"}),
            " ",
            t["sources.no_source"],
        )
    )
    note = (
        None
        if classes is not None
        else tag("p", {"class": "im-legend-note"}, t["sources.no_provinces"])
    )
    return tag(
        "div",
        {"class": "im-legend-block", "data-measure": MEASURE},
        tag("p", {"class": "im-legend-title"}, t["sources.legend"]),
        tag("ul", {"class": "im-classes"}, *items),
        note,
    )


def _swatch(color: str) -> Html:
    return tag("span", {"class": "im-sw", "style": f"background:{color}", "aria-hidden": "true"})


# ---------------------------------------------------------------------------------------------
# the tables and the footer


def figures_table(comparison: Comparison, lang: Lang) -> Html:
    """Every figure of every source (its total, then its headline figures) with the quote."""
    t = i18n.TEXTS[lang]
    head = [
        t["sources.publisher"],
        t["sources.figure"],
        t["sources.value"],
        t["source"],
        t["sources.quote"],
    ]
    rows = []
    for source in comparison.sources:
        report = source.report
        credit = source_credit(report, lang)
        who = tag("th", {"scope": "row"}, _publisher(source, lang))
        rows.append(
            tag(
                "tr",
                {"data-id": report.id},
                who,
                tag("td", None, t["sources.total"]),
                tag("td", {"class": "im-num"}, tag("bdi", None, at_least(source, lang))),
                tag("td", {"class": "im-src"}, credit),
                tag("td", None, auto_span(report.quote or "")),
            )
        )
        for fact in report.facts:
            label = _lang.own(lang, fact.label, fact.label_fa)[0]
            rows.append(
                tag(
                    "tr",
                    {"data-id": report.id},
                    tag("th", {"scope": "row"}, _publisher(source, lang)),
                    tag("td", None, auto_span(label)),
                    tag(
                        "td",
                        {"class": "im-num"},
                        tag("bdi", None, i18n.fmt_number(fact.value, lang)),
                    ),
                    tag("td", {"class": "im-src"}, credit),
                    tag("td", None, auto_span(fact.quote or "")),
                )
            )
    return data_table(t["sources.table_figures"], head, rows)


def provinces_table(comparison: Comparison, lang: Lang) -> Html:
    t = i18n.TEXTS[lang]
    names = [_lang.report_text(s.report, "publisher", lang)[0] for s in comparison.sources]
    head = [t["province"], t["sources.min"], t["sources.max"], t["sources.count"], *names]
    rows = []
    ordered = sorted(comparison.provinces, key=lambda p: (p.high is None, -(p.high or 0), p.iso))
    for p in ordered:
        own = _lang.own(lang, p.name_en, p.name_fa)[0]
        cells = [
            tag("th", {"scope": "row"}, own),
            _num(p.low, lang),
            _num(p.high, lang),
            tag("td", {"class": "im-num"}, tag("bdi", None, _count_text(p, comparison, lang))),
            *(_num(f, lang) for f in p.figures),
        ]
        rows.append(tag("tr", {"data-iso": p.iso}, *cells))
    return data_table(t["sources.table_provinces"], head, rows)


def _num(value: int | None, lang: Lang) -> Html:
    if value is None:
        return tag("td", {"class": "im-ni"}, i18n.text(lang, "not_itemized"))
    return tag("td", {"class": "im-num"}, i18n.fmt_int(value, lang))


DOWNLOADS = ("sources.csv", "provinces.csv")


def _footer(comparison: Comparison, lang: Lang) -> Html:
    links = join(
        [Html(" · ") if i else Html(""), tag("a", {"href": name, "dir": "ltr"}, name)]
        for i, name in enumerate(DOWNLOADS)
    )
    urls = [
        tag("li", None, tag("a", {"href": url, "rel": "noopener noreferrer", "dir": "ltr"}, url))
        for s in comparison.sources
        if (url := safe_url(s.report.source_url)) is not None
    ]
    return tag(
        "footer",
        {"class": "im-footer"},
        tag("ul", {"class": "im-notes"}, *urls) if urls else None,
        tag("p", {"class": "im-downloads"}, links, " · ", i18n.text(lang, "made_with")),
    )
