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

from collections.abc import Sequence
from typing import TYPE_CHECKING

from iranmap import i18n, raster, style
from iranmap.i18n import Lang
from iranmap.join import Joined
from iranmap.render.choropleth import (
    class_labels,
    none_reported_item,
    none_swatch,
    not_itemized_item,
    swatch,
)
from iranmap.render.embed import frame_name, frame_snippet
from iranmap.render.html import Html, auto_span, join, tag
from iranmap.render.options import BuildOptions, RenderOptions, page_url
from iranmap.render.page import Heading, footer, header, shell, source_credit
from iranmap.render.points import precision_key
from iranmap.render.timeline import PAGE_STEM, page_file
from iranmap.render.timeline import text as tt
from iranmap.render.timeline._controls import controls, tables
from iranmap.render.timeline._data import script_data
from iranmap.render.timeline._view import View

if TYPE_CHECKING:
    import pandas as pd

from iranmap.steps import (
    Timeline,
    events_timeline,
    series_timeline,
    steps_csv,
    totals_csv,
)


def render_timeline(timeline: Timeline, options: RenderOptions) -> dict[str, bytes]:
    """Every timeline file in ``options.lang``: the page, its embed snippet, the small
    multiples (SVG and PNG) and the data (steps.csv, steps-totals.csv)."""
    files, drawn = _files_to_draw(timeline, options)
    files.update((name, raster.png(job)) for name, job in drawn.items())
    return files


def _files_to_draw(
    timeline: Timeline, options: RenderOptions
) -> tuple[dict[str, bytes], dict[str, raster.Job]]:
    """:func:`render_timeline`'s files, but the PNG: how to draw it, by its name."""
    from iranmap.render.multiples import multiples_name, multiples_svg, png_job

    lang = options.lang
    svg = multiples_svg(timeline, options)
    files = {
        page_file(lang): render_timeline_page(timeline, options),
        page_file(lang).removesuffix(".html") + ".embed.html": embed(timeline, options),
        multiples_name(lang, "svg"): svg,
        "steps.csv": steps_csv(timeline),
        "steps-totals.csv": totals_csv(timeline),
    }
    return files, {multiples_name(lang, "png"): png_job(svg)}


def report_timeline_files(joined: Joined, options: BuildOptions) -> dict[str, bytes]:
    """The timeline files written beside a report's maps, in every language of the build,
    cut into its ``step`` (default: months, or weeks for a short period); none for a report
    without events.csv."""
    if joined.report.events is None:
        return {}
    timeline = events_timeline(joined, options.step)
    return series_files_of(timeline, options)


def series_files(joined: Sequence[Joined], options: BuildOptions) -> dict[str, bytes]:
    """Every file of a series' folder, ``maps/series/<_galleries.series_folder(name)>/``."""
    return series_files_of(series_timeline(joined), options)


def series_files_of(timeline: Timeline, options: BuildOptions) -> dict[str, bytes]:
    """Every timeline file of ``timeline`` in every language of the build."""
    files, drawn = timeline_to_draw(timeline, options)
    # The small multiples are the largest images: both languages' are drawn at once.
    files.update(zip(drawn, raster.pngs(list(drawn.values())), strict=True))
    return files


def timeline_to_draw(
    timeline: Timeline, options: BuildOptions
) -> tuple[dict[str, bytes], dict[str, raster.Job]]:
    """Every timeline file in each language of the build but the PNGs, and how to draw each
    PNG, by its name."""
    files: dict[str, bytes] = {}
    drawn: dict[str, raster.Job] = {}
    for page in options.pages():
        made, to_draw = _files_to_draw(timeline, page)
        files.update(made)
        drawn.update(to_draw)
    return files, drawn


def render_series(joined: Sequence[Joined], options: RenderOptions) -> dict[str, bytes]:
    """The timeline files of one series (its reports, joined), for maps/series/<name>/."""
    return render_timeline(series_timeline(joined), options)


# ---------------------------------------------------------------------------------------------
# the page


page_title = tt.page_title


def _kind(timeline: Timeline) -> str:
    return tt.kind_key(timeline)


def render_timeline_page(timeline: Timeline, options: RenderOptions) -> bytes:
    """The timeline page as UTF-8 bytes."""
    lang = options.lang
    view = View.of(timeline, options)
    page = shell(
        lang=lang,
        body_class="im-timeline",
        title=page_title(timeline, lang),
        header=_header(timeline, lang, options.alternates),
        map_label=f"{i18n.text(lang, 'map')}: {tt.text(lang, _kind(timeline))}",
        legend=_legend(view, lang, circles=not timeline.places.empty, places=timeline.places),
        legend_line=_legend_line(view, lang, circles=not timeline.places.empty),
        tables=join([controls(view, lang), tables(view, lang)]),
        footer=_footer(timeline, lang),
        data=script_data(view, options),
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

    web = Path(__file__).resolve().parents[1] / "web"
    css = style.fill_in((web / "timeline.css").read_text(encoding="utf-8"))
    js = (web / "timeline.js").read_text(encoding="utf-8")
    if "</script" in js.lower() or "<!--" in js or "</style" in css.lower():
        msg = "timeline.js or timeline.css cannot be inlined safely"
        raise RuntimeError(msg)
    return css, js


def _header(timeline: Timeline, lang: Lang, alternates: Sequence[Lang]) -> Html:
    first, last = timeline.steps[0], timeline.steps[-1]
    heading = Heading(
        stem=PAGE_STEM,
        title=_title(timeline, lang),
        kind=(tt.text(lang, _kind(timeline)),),
        period=i18n.period(first.start, last.end, lang, timeline.calendar),
        source=_credit(timeline, lang),
        sentence=reconciliation_sentence(timeline, lang),
    )
    return header(heading, lang, alternates)


def _title(timeline: Timeline, lang: Lang) -> Html:
    publisher, rest = tt.title_parts(timeline, lang)
    if publisher is None:
        return auto_span(rest)
    return join([auto_span(publisher), ": ", rest])


def _credit(timeline: Timeline, lang: Lang) -> Html:
    """The report's source; for a series, its publisher and how many reports, each of which
    the steps table credits."""
    if timeline.series is None:
        return source_credit(timeline.reports[0], lang)
    first, last = timeline.reports[0], timeline.reports[-1]
    reports = tt.text(
        lang,
        "sources",
        n=i18n.fmt_int(len(timeline.reports), lang),
        first=i18n.day(first.source_date, lang, timeline.calendar),
        last=i18n.day(last.source_date, lang, timeline.calendar),
    )
    return join([auto_span(tt.publisher(timeline, lang)), i18n.comma(lang), reports])


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


def _legend(view: View, lang: Lang, *, circles: bool, places: pd.DataFrame) -> Html:
    """The classes of each mode, what "none reported" and "not itemized" mean where the step
    shown has such a province (timeline.js shows each as the reader moves, see
    View.marks), and what a circle is where some step has one."""
    blocks = []
    for mode, classes in view.classes.items():
        title = tt.text(lang, f"legend.{mode}", start=view.start[lang])
        none, ni = view.marks(mode)[view.shown]
        items = [
            tag("li", None, swatch(color), " ", label)
            for color, label in zip(
                classes.colors, class_labels(classes, "count", lang), strict=True
            )
        ]
        items.append(none_reported_item(lang, {"data-key": "none", "hidden": not none}))
        items.append(not_itemized_item(lang, {"data-key": "ni", "hidden": not ni}))
        blocks.append(
            tag(
                "div",
                {"class": "im-legend-block tl-legend", "data-mode": mode, "hidden": mode != "step"},
                tag("p", {"class": "im-legend-title"}, title),
                tag("ul", {"class": "im-classes"}, *items),
            )
        )
    if circles:
        circle = tag("span", {"class": "tl-circle", "aria-hidden": "true"})
        note = tag("p", {"class": "im-legend-note"}, circle, " ", tt.text(lang, "circles"))
        blocks.append(note)
        # What a solid and a dashed circle mean, as on the report's own pages.
        at_site = {str(p) == "facility" for p in places["precision"]}
        key = precision_key(at_site, lang)
        if key is not None:
            blocks.append(key)
    return join(blocks)


def _legend_line(view: View, lang: Lang, *, circles: bool) -> Html:
    """The legend in one line, as an article's frame shows it under the map (each mode's
    classes, the one not shown hidden, as in :func:`_legend`)."""
    blocks = []
    for mode, classes in view.classes.items():
        labels = class_labels(classes, "count", lang)
        none, ni = view.marks(mode)[view.shown]
        items = [
            tag("span", {"class": "im-li"}, swatch(color), label)
            for color, label in zip(classes.colors, labels, strict=True)
        ]
        items.append(
            tag(
                "span",
                {"class": "im-li im-none", "data-key": "none", "hidden": not none},
                none_swatch(),
                i18n.text(lang, "none_reported"),
            )
        )
        items.append(
            tag(
                "span",
                {"class": "im-li", "data-key": "ni", "hidden": not ni},
                swatch(None),
                i18n.text(lang, "not_itemized"),
            )
        )
        title = tt.text(lang, f"legend.{mode}", start=view.start[lang])
        attrs: dict[str, str | bool] = {
            "class": "im-legend-block tl-legend",
            "data-mode": mode,
            "hidden": mode != "step",
            "title": title,
        }
        blocks.append(tag("span", attrs, *items))
    if circles:
        circle = tag("span", {"class": "tl-circle", "aria-hidden": "true"})
        blocks.append(tag("span", {"class": "im-li"}, circle, tt.text(lang, "circles")))
    return join(blocks)


def _footer(timeline: Timeline, lang: Lang) -> Html:
    return footer(("steps.csv", "steps-totals.csv"), lang)


def embed(timeline: Timeline, options: RenderOptions) -> bytes:
    """The self-sizing ``<iframe>`` snippet for the timeline page, as for every map."""
    folder = (
        f"series/{timeline.series}"
        if timeline.kind == "report" and timeline.series
        else (timeline.name)
    )
    page = page_file(options.lang)
    return frame_snippet(
        frame_name(folder, "timeline", options.lang),
        page_url(options.base_url, folder, page),
        page_title(timeline, options.lang),
    )
