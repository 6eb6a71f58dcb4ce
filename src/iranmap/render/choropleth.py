"""The province layer: classes and colours per measure, the GeoJSON the page draws, its legend
and its table.

A province without a figure is *not itemized*: hatched grey, labelled so in the legend, the
tooltip and the table, and left out of the class breaks. Where population is known there is a
second measure, executions per million inhabitants, with classes of its own.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from iranmap import i18n, style
from iranmap._values import opt_float, opt_int, opt_str
from iranmap.classify import (
    NO_POPULATION_FILL,
    NOT_ITEMIZED_FILL,
    Classes,
    classify,
)
from iranmap.i18n import Lang
from iranmap.join import Joined
from iranmap.render import _lang
from iranmap.render.geo import latlng, polygon_json
from iranmap.render.html import Attr, Html, data_table, join, lang_span, tag
from iranmap.render.options import Measure, RenderOptions

NOT_ITEMIZED = -1  # class index of a province with no figure
NO_POPULATION = -2  # class index, per million, of an itemized province of unknown population
NONE_REPORTED = -3  # class index of a province with none reported (a fully itemized report)
RATE_STEP = 0.1  # rates are shown, and classified, to one decimal


@dataclass(frozen=True)
class ProvinceRow:
    """One province as every part of the page shows it."""

    iso: str
    name_en: str
    name_fa: str
    executions: int | None  # None: not itemized
    per_million: float | None
    share: float | None
    rank: int | None
    source: str | None
    point: list[float]  # [lat, lon] inside the province (tooltip anchor, tests)
    geometry: dict[str, Any] | None
    #: The report itemizes its whole total and none of it here: 0, a class of its own.
    none_reported: bool = False


@dataclass(frozen=True)
class Choropleth:
    """Everything the province layer needs, computed once for page and notebook alike."""

    rows: tuple[ProvinceRow, ...]  # sorted by iso, as in Joined
    classes: dict[Measure, Classes]  # "count", and "per_million" when population is known
    measure: Measure  # the one shown first
    itemized: int  # provinces with a figure

    def class_of(self, row: ProvinceRow, measure: Measure) -> int:
        """Class index of ``row``; NOT_ITEMIZED or NO_POPULATION when it has none."""
        if row.executions is None:
            return NOT_ITEMIZED
        if row.none_reported:
            return NONE_REPORTED
        if measure == "count":
            return self.classes["count"].index(row.executions)
        if row.per_million is None:
            return NO_POPULATION
        return self.classes["per_million"].index(round(row.per_million, 1))

    def fill(self, row: ProvinceRow, measure: Measure) -> str:
        """The fill colour (not-itemized grey without its hatch)."""
        index = self.class_of(row, measure)
        if index == NOT_ITEMIZED:
            return NOT_ITEMIZED_FILL
        if index == NO_POPULATION:
            return NO_POPULATION_FILL
        if index == NONE_REPORTED:
            return style.NONE_REPORTED_FILL
        return self.classes[measure].colors[index]


def build_choropleth(joined: Joined, options: RenderOptions) -> Choropleth:
    """Classes and rows for ``joined``'s provinces."""
    rows = tuple(_row(record) for record in joined.province_rows)
    counts = [r.executions for r in rows if r.executions is not None and not r.none_reported]
    classes: dict[Measure, Classes] = {
        "count": classify(counts, options.scheme, options.k, options.breaks)
    }
    rates = [
        round(r.per_million, 1)  # classes of the values a reader sees
        for r in rows
        if r.executions is not None and r.per_million is not None and not r.none_reported
    ]
    if rates:
        # Custom breaks are given in executions; rates get natural breaks of their own.
        scheme = "natural_breaks" if options.scheme == "custom" else options.scheme
        classes["per_million"] = classify(rates, scheme, options.k)
    measure: Measure = options.measure if options.measure in classes else "count"
    return Choropleth(rows, classes, measure, len(counts))


def _row(record: Mapping[str, Any]) -> ProvinceRow:
    geometry = record["geometry"]
    inside = geometry.representative_point()
    executions = opt_int(record.get("executions"))
    none = record.get("status") == "none reported"
    return ProvinceRow(
        iso=str(record["iso"]),
        name_en=str(record["name_en"]),
        name_fa=str(record["name_fa"]),
        executions=executions,
        per_million=opt_float(record.get("per_million")) if executions is not None else None,
        share=opt_float(record.get("share")) if executions is not None else None,
        rank=opt_int(record.get("rank")) if executions is not None and not none else None,
        source=opt_str(record.get("source")),
        point=latlng(inside.x, inside.y, 3),
        geometry=polygon_json(geometry),
        none_reported=none,
    )


def geojson(ch: Choropleth, lang: Lang) -> dict[str, Any]:
    """The FeatureCollection the page draws: geometry plus what a tooltip shows, as text.

    Numbers are formatted here, in the page's language, so the script only places text.
    """
    features = []
    for i, row in enumerate(ch.rows):
        if row.geometry is None:
            continue
        props: dict[str, Any] = {
            "i": i,
            "iso": row.iso,
            "en": row.name_en,
            "fa": row.name_fa,
            "c": {m: ch.class_of(row, m) for m in ch.classes},
            "v": None if row.executions is None else i18n.fmt_int(row.executions, lang),
            "n": row.executions,
            "pm": None if row.per_million is None else i18n.fmt_dec(row.per_million, lang),
            "sh": None if row.share is None else i18n.fmt_share(row.share, lang),
            "rk": _rank(row.rank, ch.itemized, lang),
            "src": row.source,
            "pt": row.point,
            "nr": row.none_reported,
        }
        features.append({"type": "Feature", "properties": props, "geometry": row.geometry})
    return {"type": "FeatureCollection", "features": features}


def _rank(rank: int | None, of: int, lang: Lang) -> str | None:
    if rank is None:
        return None
    return i18n.text(lang, "rank_of", rank=i18n.fmt_int(rank, lang), n=i18n.fmt_int(of, lang))


def class_labels(classes: Classes, measure: Measure, lang: Lang) -> tuple[str, ...]:
    """Legend labels. Counts are whole numbers and rates are shown to 0.1, so the class
    (33, 38] of counts reads "34–38" and the class (5.1, 20.0] of rates reads "5.2–20.0"."""
    step = 1.0 if measure == "count" else RATE_STEP

    def show(units: int) -> str:
        if measure == "count":
            return i18n.fmt_int(units, lang)
        return i18n.fmt_dec(units * step, lang)

    labels = []
    for i, (low, high) in enumerate(classes.ranges()):
        hi = math.floor(high / step + 1e-9)
        lo = math.ceil(low / step - 1e-9) if i == 0 else math.floor(low / step + 1e-9) + 1
        single = classes.distinct or lo >= hi
        labels.append(show(hi) if single else f"{show(lo)}–{show(hi)}")
    return tuple(labels)


def none_swatch() -> Html:
    fill = f"background:{style.NONE_REPORTED_FILL}"
    return tag("span", {"class": "im-sw im-sw-none", "style": fill, "aria-hidden": "true"})


def swatch(color: str | None) -> Html:
    if color is None:
        return tag("span", {"class": "im-sw im-sw-ni", "aria-hidden": "true"})
    return tag("span", {"class": "im-sw", "style": f"background:{color}", "aria-hidden": "true"})


def legend_marks(*, none: bool, not_itemized: bool) -> tuple[bool, bool]:
    """Which of "none reported" and "not itemized" a legend explains, given whether some
    province is either: each where there is one; "not itemized" also where no province is
    none reported (a reader of a map without figures everywhere is told what grey means)."""
    return none, not_itemized or not none


def none_reported_item(lang: Lang, attrs: Mapping[str, Attr] | None = None) -> Html:
    """The legend's entry for a province with none reported."""
    note = i18n.text(lang, "none_reported_note")
    return tag("li", {"class": "im-none", **(attrs or {})}, none_swatch(), " ", note)


def not_itemized_item(lang: Lang, attrs: Mapping[str, Attr] | None = None) -> Html:
    """The legend's entry for a province that is not itemized (hatched)."""
    note = i18n.text(lang, "not_itemized_note")
    return tag("li", attrs, swatch(None), " ", note)


def legend(ch: Choropleth, lang: Lang, *, switch: bool = True) -> Html:
    """The legend blocks, one per measure (the one not shown first is ``hidden``), and the
    measure switch (shown by the script, useless without it)."""
    blocks = []
    has_no_population = any(r.executions is not None and r.per_million is None for r in ch.rows)
    for measure, classes in ch.classes.items():
        title = i18n.text(lang, "executions" if measure == "count" else "per_million")
        items = [
            tag("li", None, swatch(color), " ", label)
            for color, label in zip(
                classes.colors, class_labels(classes, measure, lang), strict=True
            )
        ]
        if measure == "per_million" and has_no_population:
            items.append(
                tag(
                    "li",
                    None,
                    tag("span", {"class": "im-sw", "style": f"background:{NO_POPULATION_FILL}"}),
                    " ",
                    i18n.text(lang, "no_population"),
                )
            )
        none, ni = legend_marks(
            none=any(r.none_reported for r in ch.rows),
            not_itemized=any(r.executions is None for r in ch.rows),
        )
        if none:
            items.append(none_reported_item(lang))
        if ni:
            items.append(not_itemized_item(lang))
        blocks.append(
            tag(
                "div",
                {
                    "class": "im-legend-block",
                    "data-measure": measure,
                    "hidden": measure != ch.measure,
                },
                tag("p", {"class": "im-legend-title"}, title),
                tag("ul", {"class": "im-classes"}, *items),
            )
        )
    return join([_switch(ch, lang) if switch else None, *blocks])


def legend_line(ch: Choropleth, lang: Lang) -> Html:
    """The legend in one line, as an article's frame shows it under the map: each measure's
    classes (the one not shown ``hidden``, as in :func:`legend`) and the not-itemized swatch;
    the full legend, with its titles and notes, is one tap away."""
    blocks = []
    for measure, classes in ch.classes.items():
        items = [
            tag("span", {"class": "im-li"}, swatch(color), label)
            for color, label in zip(
                classes.colors, class_labels(classes, measure, lang), strict=True
            )
        ]
        items.append(tag("span", {"class": "im-li"}, swatch(None), i18n.text(lang, "not_itemized")))
        blocks.append(
            tag(
                "span",
                {
                    "class": "im-legend-block",
                    "data-measure": measure,
                    "hidden": measure != ch.measure,
                    "title": i18n.text(lang, "executions" if measure == "count" else "per_million"),
                },
                *items,
            )
        )
    return join(blocks)


def _switch(ch: Choropleth, lang: Lang) -> Html | None:
    if len(ch.classes) < 2:
        return None
    choices = [
        tag(
            "label",
            None,
            tag(
                "input",
                {"type": "radio", "name": "im-measure", "value": m, "checked": m == ch.measure},
            ),
            " ",
            i18n.text(lang, "executions" if m == "count" else "per_million_short"),
        )
        for m in ch.classes
    ]
    return tag(
        "fieldset",
        {"class": "im-measure", "hidden": True},
        tag("legend", None, i18n.text(lang, "measure")),
        *choices,
    )


def _sorted_rows(ch: Choropleth, lang: Lang) -> list[ProvinceRow]:
    def name(row: ProvinceRow) -> str:
        return _lang.both(lang, row.name_en, row.name_fa)[0]

    itemized = sorted(
        (r for r in ch.rows if r.executions is not None),
        key=lambda r: (-(r.executions or 0), name(r), r.iso),
    )
    others = sorted((r for r in ch.rows if r.executions is None), key=lambda r: (name(r), r.iso))
    return itemized + others


def table(ch: Choropleth, joined: Joined, lang: Lang) -> Html:
    """The provinces' figures as a table that reads without JavaScript."""
    t = i18n.TEXTS[lang]
    other = _lang.other(lang)
    rates = "per_million" in ch.classes
    head = [t["province"], t[f"name_{other}"], t["executions"]]
    if rates:
        head.append(t["per_million_short"])
    head += [t["share"], t["rank"], t["source_line"]]
    body = []
    for row in _sorted_rows(ch, lang):
        own, foreign = _lang.both(lang, row.name_en, row.name_fa)
        cells: list[Html] = [
            tag("th", {"scope": "row"}, tag("bdi", None, own)),
            tag("td", None, lang_span(foreign, other, lang)),
        ]
        if row.executions is None:
            cells.append(tag("td", {"class": "im-ni"}, t["not_itemized"]))
        elif row.none_reported:
            cells.append(tag("td", {"class": "im-none"}, t["none_reported"]))
        else:
            cells.append(tag("td", {"class": "im-num"}, i18n.fmt_int(row.executions, lang)))
        if rates:
            pm = "" if row.per_million is None else i18n.fmt_dec(row.per_million, lang)
            cells.append(tag("td", {"class": "im-num"}, pm))
        share = "" if row.share is None else i18n.fmt_share(row.share, lang)
        rank = "" if row.rank is None else i18n.fmt_int(row.rank, lang)
        cells += [
            tag("td", {"class": "im-num"}, share),
            tag("td", {"class": "im-num"}, rank),
            tag("td", {"class": "im-src"}, tag("bdi", None, row.source or "")),
        ]
        body.append(tag("tr", None, *cells))
    rec = joined.reconciliation
    foot = [
        (t["itemized_by_province"], rec.itemized_by_province),
        (t["not_itemized_total"], rec.not_itemized),
        (t["reported_total"], rec.reported_total),
    ]
    span = len(head) - 1
    foot_rows = [
        tag(
            "tr",
            None,
            tag("th", {"scope": "row"}, label),
            tag("td", {"colspan": span}, i18n.fmt_int(value, lang)),
        )
        for label, value in foot
    ]
    return data_table(t["table.provinces"], head, body, foot_rows)
