"""The timeline page: one step's choropleth and circles at a time, a slider, and the bars.

The page is the shell every map shares (``page.shell``: header, map, legend, tables, footer,
inline Leaflet and ``iranmap.js``, which draws the provinces and prisons of the step shown
first) with the timeline's own controls under the map and its own script, ``timeline.js``,
which restyles the same shapes when the step changes. Every step's figures are in the page's
data once: per step, the figure and class of each province (-1: not itemized) and the
prisons with a figure, in this step and since the first step. One class scale serves all
steps (one for "in this step", one for "cumulative"), so colours compare across steps.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import numpy as np

from iranmap import i18n
from iranmap.classify import Classes, classify
from iranmap.i18n import Lang
from iranmap.join import Joined
from iranmap.render import timeline_text as tt
from iranmap.render.choropleth import class_labels, style_constants
from iranmap.render.geo import latlng, polygon_json
from iranmap.render.html import Html, auto_span, join, tag
from iranmap.render.options import LANG_NAMES, RenderOptions
from iranmap.render.page import script_frame, shell, source_credit, tables_box
from iranmap.render.points import FILL, STROKE
from iranmap.steps import (
    StepKind,
    Timeline,
    cumulative_matrix,
    events_timeline,
    province_matrix,
    series_timeline,
    steps_csv,
    totals_csv,
)
from iranmap.style import MAX_RADIUS, MIN_RADIUS, NOT_ITEMIZED_FILL

_WORDS = (
    "executions",
    "not_itemized",
    "city",
    "province",
    "location",
    "precision.facility",
    "precision.city",
    "source",
    "provinces",
    "prisons",
    "zoom_in",
    "zoom_out",
    "map",
)
_BOX = "position:relative;width:100%;aspect-ratio:4/3;min-height:480px"
_FRAME = "position:absolute;inset:0;width:100%;height:100%;border:0"


def page_file(lang: Lang) -> str:
    """``timeline.html``, ``timeline.fa.html``."""
    return "timeline.html" if lang == "en" else f"timeline.{lang}.html"


def render_timeline(timeline: Timeline, options: RenderOptions) -> dict[str, bytes]:
    """Every timeline file in ``options.lang``: the page, its embed snippet, the small
    multiples (SVG and PNG) and the data (steps.csv, steps-totals.csv)."""
    from iranmap.render.multiples import multiples_name, render_multiples

    lang = options.lang
    svg, png = render_multiples(timeline, options)
    return {
        page_file(lang): render_timeline_page(timeline, options),
        page_file(lang).removesuffix(".html") + ".embed.html": embed(timeline, options),
        multiples_name(lang, "svg"): svg,
        multiples_name(lang, "png"): png,
        "steps.csv": steps_csv(timeline),
        "steps-totals.csv": totals_csv(timeline),
    }


def report_timeline_files(
    joined: Joined, options: RenderOptions, langs: Sequence[Lang] = i18n.LANGS
) -> dict[str, bytes]:
    """The timeline files written beside a report's maps, in every language of ``langs``;
    none for a report without events.csv. (``options.lang`` is ignored.)"""
    if joined.report.events is None:
        return {}
    timeline = events_timeline(joined)
    return _all_languages(timeline, options, langs)


def series_files(
    joined: Sequence[Joined], options: RenderOptions, langs: Sequence[Lang] = i18n.LANGS
) -> dict[str, bytes]:
    """Every file of a series' folder, ``maps/series/<steps.series_folder(name)>/``."""
    return _all_languages(series_timeline(joined), options, langs)


def series_files_of(
    timeline: Timeline, options: RenderOptions, langs: Sequence[Lang] = i18n.LANGS
) -> dict[str, bytes]:
    """:func:`series_files` of a series' timeline already made."""
    return _all_languages(timeline, options, langs)


def _all_languages(
    timeline: Timeline, options: RenderOptions, langs: Sequence[Lang]
) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for lang in langs:
        files.update(
            render_timeline(timeline, replace(options, lang=lang, alternates=tuple(langs)))
        )
    return files


def render_report_timeline(
    joined: Joined, options: RenderOptions, step: StepKind | None = None
) -> dict[str, bytes]:
    """The timeline files of a report with events.csv (``step`` overrides the default)."""
    return render_timeline(events_timeline(joined, step), options)


def render_series(joined: Sequence[Joined], options: RenderOptions) -> dict[str, bytes]:
    """The timeline files of one series (its reports, joined), for maps/series/<name>/."""
    return render_timeline(series_timeline(joined), options)


# ---------------------------------------------------------------------------------------------
# the page


page_title = tt.page_title


def _kind(timeline: Timeline) -> str:
    return f"kind.{timeline.kind}"


def render_timeline_page(timeline: Timeline, options: RenderOptions) -> bytes:
    """The timeline page as UTF-8 bytes."""
    lang = options.lang
    view = _View.of(timeline, options)
    page = shell(
        lang=lang,
        body_class="im-timeline",
        title=page_title(timeline, lang),
        header=_header(timeline, lang, options.alternates),
        map_label=f"{i18n.text(lang, 'map')}: {tt.text(lang, _kind(timeline))}",
        legend=_legend(view, lang),
        tables=join([_controls(view, lang), _tables(view, lang)]),
        footer=_footer(timeline, lang),
        data=_data(view, options),
        cdn=options.cdn,
    )
    return _with_own_assets(page)


def _with_own_assets(page: bytes) -> bytes:
    """The page with timeline.css in its head and timeline.js after iranmap.js."""
    css, js = _own_assets()
    head_end = page.index(b"</head>")
    page = page[:head_end] + tag("style", None, Html(css)).encode() + page[head_end:]
    body_end = page.rindex(b"</body>")
    return page[:body_end] + tag("script", None, Html(js)).encode() + page[body_end:]


def _own_assets() -> tuple[str, str]:
    from pathlib import Path

    web = Path(__file__).resolve().parent / "web"
    css = (web / "timeline.css").read_text(encoding="utf-8")
    js = (web / "timeline.js").read_text(encoding="utf-8")
    if "</script" in js.lower() or "<!--" in js or "</style" in css.lower():
        msg = "timeline.js or timeline.css cannot be inlined safely"
        raise RuntimeError(msg)
    return css, js


class _View:
    """Everything the page shows, computed once."""

    def __init__(
        self,
        timeline: Timeline,
        options: RenderOptions,
        isos: list[str],
        matrix: np.ndarray[Any, Any],
    ) -> None:
        self.timeline = timeline
        self.isos = isos
        self.matrix = matrix
        self.cumulative = cumulative_matrix(matrix)
        self.classes = {
            "step": _classes(matrix, options),
            "cum": _classes(self.cumulative, options),
        }
        self.labels = {
            lang: [tt.step_label(s, timeline, lang) for s in timeline.steps] for lang in i18n.LANGS
        }
        self.start = {
            lang: tt.fmt_day(timeline.steps[0].start, timeline.calendar, lang)
            for lang in i18n.LANGS
        }
        self.totals = [s.reported for s in timeline.steps]
        self.running = list(np.cumsum(self.totals)) if self.totals else []
        # The latest step with a figure opens the page (the last one when none has).
        given = [i for i, n in enumerate(self.totals) if n > 0]
        self.shown = given[-1] if given else len(timeline.steps) - 1

    @classmethod
    def of(cls, timeline: Timeline, options: RenderOptions) -> _View:
        isos, matrix = province_matrix(timeline)
        return cls(timeline, options, isos, matrix)


def _classes(matrix: np.ndarray[Any, Any], options: RenderOptions) -> Classes:
    values = [float(v) for v in matrix[matrix >= 0]]
    return classify(values, options.scheme, options.k, options.breaks)


def _class_row(values: np.ndarray[Any, Any], classes: Classes) -> list[int]:
    if not classes.bounds:
        return [-1] * len(values)
    return [-1 if v < 0 else classes.index(float(v)) for v in values]


def _status(view: _View, k: int, lang: Lang) -> str:
    n = view.totals[k]
    key = "status.one" if n == 1 else "status.many"
    return tt.text(
        lang,
        key,
        step=view.labels[lang][k],
        n=i18n.fmt_int(n, lang),
        m=i18n.fmt_int(int(view.running[k]), lang),
        start=view.start[lang],
    )


def _header(timeline: Timeline, lang: Lang, alternates: Sequence[Lang]) -> Html:
    t = i18n.TEXTS[lang]
    first, last = timeline.steps[0], timeline.steps[-1]
    period = tt.fmt_days(first.start, last.end, timeline.calendar, lang)
    return tag(
        "header",
        {"class": "im-header"},
        _language_links(lang, alternates),
        tag("h1", None, auto_span(tt.title(timeline))),
        tag("p", {"class": "im-kind"}, tt.text(lang, _kind(timeline))),
        tag(
            "p",
            {"class": "im-meta"},
            tag("span", {"class": "im-period"}, f"{t['period']}: ", period),
            " ",
            tag("span", {"class": "im-source"}, f"{t['source']}: ", _credit(timeline, lang)),
        ),
        tag("p", {"class": "im-rec"}, reconciliation_sentence(timeline, lang)),
    )


def _credit(timeline: Timeline, lang: Lang) -> Html:
    """The report's source; for a series, its publisher and how many reports, each of which
    the steps table credits."""
    if timeline.series is None:
        return source_credit(timeline.reports[0], lang)
    first, last = timeline.reports[0], timeline.reports[-1]
    return auto_span(
        tt.text(
            lang,
            "sources",
            publisher=last.publisher,
            n=i18n.fmt_int(len(timeline.reports), lang),
            first=i18n.fmt_date(first.source_date, lang),
            last=i18n.fmt_date(last.source_date, lang),
        )
    )


def reconciliation_sentence(timeline: Timeline, lang: Lang) -> str:
    """How the whole timeline's total reconciles, in one sentence."""
    if timeline.series is None:
        return timeline.base.reconciliation.sentence(lang)
    return tt.text(
        lang,
        "series",
        reported=i18n.fmt_int(timeline.reported, lang),
        n=i18n.fmt_int(len(timeline.steps), lang),
        itemized=i18n.fmt_int(timeline.itemized, lang),
        ni=i18n.fmt_int(timeline.reported - timeline.itemized, lang),
    )


def _language_links(lang: Lang, alternates: Sequence[Lang]) -> Html | None:
    others = [other for other in alternates if other != lang]
    if not others:
        return None
    links = [
        tag(
            "a",
            {
                "href": page_file(other),
                "hreflang": other,
                "lang": other,
                "dir": "rtl" if other == "fa" else "ltr",
            },
            LANG_NAMES[other],
        )
        for other in others
    ]
    return tag("nav", {"class": "im-langs", "aria-label": i18n.text(lang, "languages")}, *links)


def _swatch(color: str | None) -> Html:
    if color is None:
        return tag("span", {"class": "im-sw im-sw-ni", "aria-hidden": "true"})
    return tag("span", {"class": "im-sw", "style": f"background:{color}", "aria-hidden": "true"})


def _legend(view: _View, lang: Lang) -> Html:
    blocks = []
    for mode, classes in view.classes.items():
        title = tt.text(lang, f"legend.{mode}", start=view.start[lang])
        items = [
            tag("li", None, _swatch(color), " ", label)
            for color, label in zip(
                classes.colors, class_labels(classes, "count", lang), strict=True
            )
        ]
        items.append(tag("li", None, _swatch(None), " ", i18n.text(lang, "not_itemized")))
        blocks.append(
            tag(
                "div",
                {"class": "im-legend-block tl-legend", "data-mode": mode, "hidden": mode != "step"},
                tag("p", {"class": "im-legend-title"}, title),
                tag("ul", {"class": "im-classes"}, *items),
            )
        )
    circle = tag("span", {"class": "tl-circle", "aria-hidden": "true"})
    blocks.append(tag("p", {"class": "im-legend-note"}, circle, " ", tt.text(lang, "circles")))
    return join(blocks)


def _controls(view: _View, lang: Lang) -> Html:
    k = view.shown
    timeline = view.timeline
    top = max(view.totals) if view.totals else 0
    bars = [
        tag(
            "button",
            {
                "type": "button",
                "class": "tl-bar",
                "data-step": str(i),
                "aria-label": _status(view, i, lang),
                "aria-current": "step" if i == k else None,
            },
            tag(
                "span",
                {"class": "tl-bar-fill", "style": f"height:{_percent(n, top)}%"},
            ),
            tag("span", {"class": "tl-bar-n"}, i18n.fmt_int(n, lang)),
            tag("span", {"class": "tl-bar-label"}, tt.short_label(s, timeline, lang)),
        )
        for i, (s, n) in enumerate(zip(timeline.steps, view.totals, strict=True))
    ]
    ni = timeline.steps[k].not_itemized
    undated = (
        tag(
            "p",
            {"class": "tl-undated"},
            tt.text(lang, "undated", n=i18n.fmt_int(timeline.undated, lang)),
        )
        if timeline.undated
        else None
    )
    return tag(
        "section",
        {"class": "tl-controls", "aria-label": tt.text(lang, "step")},
        tag(
            "p",
            {"id": "tl-status", "class": "tl-status", "aria-live": "polite"},
            _status(view, k, lang),
        ),
        tag(
            "p",
            {"id": "tl-ni", "class": "tl-ni", "hidden": ni == 0},
            tt.text(lang, "ni", n=i18n.fmt_int(ni, lang)),
        ),
        undated,
        tag(
            "div",
            {"class": "tl-row"},
            tag(
                "button",
                {"type": "button", "id": "tl-play", "class": "tl-play", "aria-pressed": "false"},
                tt.text(lang, "play"),
            ),
            tag("label", {"for": "tl-range", "class": "tl-range-label"}, tt.text(lang, "step")),
            tag(
                "input",
                {
                    "type": "range",
                    "id": "tl-range",
                    "class": "tl-range",
                    "min": "0",
                    "max": str(len(timeline.steps) - 1),
                    "step": "1",
                    "value": str(k),
                    "aria-valuetext": view.labels[lang][k],
                },
            ),
            tag(
                "output",
                {"id": "tl-step", "for": "tl-range", "class": "tl-step"},
                view.labels[lang][k],
            ),
            tag(
                "fieldset",
                {"class": "tl-mode"},
                tag("legend", None, tt.text(lang, "mode")),
                *(
                    tag(
                        "label",
                        None,
                        tag(
                            "input",
                            {
                                "type": "radio",
                                "name": "tl-mode",
                                "value": m,
                                "checked": m == "step",
                            },
                        ),
                        " ",
                        tt.text(lang, f"mode.{m}"),
                    )
                    for m in ("step", "cum")
                ),
            ),
        ),
        tag(
            "div", {"class": "tl-bars", "role": "group", "aria-label": tt.text(lang, "bars")}, *bars
        ),
    )


def _percent(n: int, top: int) -> str:
    return "0" if top <= 0 else f"{100 * n / top:.1f}".removesuffix(".0")


def _tables(view: _View, lang: Lang) -> Html:
    timeline = view.timeline
    t = i18n.TEXTS[lang]
    head = [tt.text(lang, "step"), t["executions"], tt.text(lang, "since", start=view.start[lang])]
    head.append(t["not_itemized_total"])
    series = timeline.series is not None
    if series:
        head.append(t["source"])
    rows = [
        tag(
            "tr",
            None,
            tag("th", {"scope": "row"}, view.labels[lang][i]),
            tag("td", {"class": "im-num"}, i18n.fmt_int(s.reported, lang)),
            tag("td", {"class": "im-num"}, i18n.fmt_int(int(view.running[i]), lang)),
            tag("td", {"class": "im-num"}, i18n.fmt_int(s.not_itemized, lang)),
            tag("td", None, source_credit(timeline.reports[i], lang)) if series else None,
        )
        for i, s in enumerate(timeline.steps)
    ]
    steps_table = _table(tt.text(lang, "table.steps"), head, rows)
    names = _province_names(timeline.base, lang)
    grid_head = [t["province"], *view.labels[lang]]
    grid_rows = [
        tag(
            "tr",
            None,
            tag("th", {"scope": "row"}, names[iso]),
            *(_figure_cell(int(view.matrix[i, c]), lang) for i in range(len(timeline.steps))),
        )
        for c, iso in enumerate(view.isos)
    ]
    grid = _table(tt.text(lang, "table.grid"), grid_head, grid_rows)
    return tables_box(
        [(tt.text(lang, "table.steps"), steps_table), (tt.text(lang, "table.grid"), grid)], lang
    )


def _figure_cell(value: int, lang: Lang) -> Html:
    if value < 0:
        return tag("td", {"class": "im-ni"}, i18n.text(lang, "not_itemized"))
    return tag("td", {"class": "im-num"}, i18n.fmt_int(value, lang))


def _table(caption: str, head: list[str], rows: list[Html]) -> Html:
    return tag(
        "table",
        {"class": "im-data-table"},
        tag("caption", None, caption),
        tag("thead", None, tag("tr", None, *(tag("th", {"scope": "col"}, h) for h in head))),
        tag("tbody", None, *rows),
    )


def _province_names(joined: Joined, lang: Lang) -> dict[str, str]:
    column = "name_fa" if lang == "fa" else "name_en"
    return {
        str(i): str(n)
        for i, n in zip(joined.provinces["iso"], joined.provinces[column], strict=True)
    }


def _footer(timeline: Timeline, lang: Lang) -> Html:
    links = join(
        [Html(" · ") if i else Html(""), tag("a", {"href": name, "dir": "ltr"}, name)]
        for i, name in enumerate(("steps.csv", "steps-totals.csv"))
    )
    return tag(
        "footer",
        {"class": "im-footer"},
        tag("p", {"class": "im-downloads"}, links, " · ", i18n.text(lang, "made_with")),
    )


# ---------------------------------------------------------------------------------------------
# the data the scripts read


def _data(view: _View, options: RenderOptions) -> dict[str, Any]:
    lang = options.lang
    timeline = view.timeline
    k = view.shown
    step_classes = [_class_row(row, view.classes["step"]) for row in view.matrix]
    cum_classes = [_class_row(row, view.classes["cum"]) for row in view.cumulative]
    prisons, largest = _prison_steps(timeline)
    frame = script_frame("timeline", lang, timeline.base.bounds, _WORDS, options.tiles)
    return {
        **frame,
        "provinces": _provinces(timeline, view, step_classes[k], lang),
        "shaded": True,
        "colors": {"count": list(view.classes["step"].colors)},
        "measure": "count",
        "style": style_constants(),
        "prisons": _prison_rows(timeline, prisons["step"][k], largest["step"], lang),
        "circle": {"fill": FILL, "stroke": STROKE},
        "tl": {
            "labels": view.labels[lang],
            "totals": view.totals,
            "running": [int(v) for v in view.running],
            "ni": [s.not_itemized for s in timeline.steps],
            "start": view.start[lang],
            "shown": k,
            "values": {"step": view.matrix.tolist(), "cum": view.cumulative.tolist()},
            "classes": {"step": step_classes, "cum": cum_classes},
            "colors": {m: list(c.colors) for m, c in view.classes.items()},
            "prisons": prisons,
            "largest": largest,
            "radius": [MIN_RADIUS, MAX_RADIUS],
            "notItemizedFill": NOT_ITEMIZED_FILL,
            "texts": {
                key: tt.text(lang, key)
                for key in ("status.one", "status.many", "ni", "play", "pause")
            },
        },
    }


def _provinces(timeline: Timeline, view: _View, classes: list[int], lang: Lang) -> dict[str, Any]:
    features = []
    for i, record in enumerate(timeline.base.provinces.to_dict("records")):
        geometry = polygon_json(record["geometry"])
        if geometry is None:
            continue
        inside = record["geometry"].representative_point()
        value = int(view.matrix[view.shown, i])
        props = {
            "i": i,
            "iso": str(record["iso"]),
            "en": str(record["name_en"]),
            "fa": str(record["name_fa"]),
            "c": {"count": classes[i]},
            "v": None if value < 0 else i18n.fmt_int(value, lang),
            "pt": latlng(inside.x, inside.y, 3),
        }
        features.append({"type": "Feature", "properties": props, "geometry": geometry})
    return {"type": "FeatureCollection", "features": features}


def _prison_steps(timeline: Timeline) -> tuple[dict[str, list[list[int]]], dict[str, int]]:
    """Per mode and step, [place, executions, place, executions, ...] of places with a figure."""
    n_places = len(timeline.places)
    dense = np.zeros((len(timeline.steps), n_places), dtype=np.int64)
    rows = timeline.prisons
    dense[rows["step"].to_numpy(dtype=np.int64), rows["place"].to_numpy(dtype=np.int64)] = rows[
        "executions"
    ].to_numpy()
    cum = np.cumsum(dense, axis=0)
    out: dict[str, list[list[int]]] = {"step": [], "cum": []}
    for mode, table in (("step", dense), ("cum", cum)):
        for row in table:
            places = np.flatnonzero(row)
            flat = np.empty(2 * len(places), dtype=np.int64)
            flat[0::2], flat[1::2] = places, row[places]
            out[mode].append(flat.tolist())
    largest = {"step": int(dense.max(initial=0)), "cum": int(cum.max(initial=0))}
    return out, largest


def radius(executions: int, largest: int) -> float:
    """Circle radius in pixels, area to scale over every step (as timeline.js computes it)."""
    if largest <= 0:
        return MIN_RADIUS
    return round(max(MIN_RADIUS, MAX_RADIUS * math.sqrt(executions / largest)), 1)


def _prison_rows(timeline: Timeline, shown: list[int], largest: int, lang: Lang) -> list[list[Any]]:
    """Every place, in place order, as iranmap.js draws prisons; radius 0 where the step shown
    has no figure (timeline.js hides those)."""
    figures = dict(zip(shown[0::2], shown[1::2], strict=True))
    rows = []
    for i, place in enumerate(timeline.places.to_dict("records")):
        n = figures.get(i)
        rows.append(
            [
                place["lat"],
                place["lon"],
                0 if n is None else radius(n, largest),
                "" if n is None else i18n.fmt_int(n, lang),
                place["name_en"],
                place["name_fa"],
                place["city"],
                place["city_fa"],
                place["province_en"],
                place["province_fa"],
                1 if place["precision"] == "facility" else 0,
                "",
            ]
        )
    return rows


def embed(timeline: Timeline, options: RenderOptions) -> bytes:
    """The responsive ``<iframe>`` snippet for the timeline page."""
    frame = tag(
        "iframe",
        {
            "src": options.base_url + page_file(options.lang),
            "title": page_title(timeline, options.lang),
            "loading": "lazy",
            "style": _FRAME,
        },
    )
    return (tag("div", {"class": "iranmap-embed", "style": _BOX}, frame) + "\n").encode("utf-8")
