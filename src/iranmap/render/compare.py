"""The change map: provinces shaded by the difference B - A between two reports.

One self-contained page in the shell every map shares (:func:`iranmap.render.page.shell`),
drawn by the same script. What is new here is the province layer's meaning:

* where both reports give a figure, the difference ``B - A`` on ColorBrewer's RdBu, a
  diverging, colour-blind-safe palette: falls in blue, rises in red, no change in its neutral
  middle grey. Both sides share the classes of ``|B - A|``, so one shade means one size of
  change up or down;
* where only one report gives a figure, a pattern rather than a colour: dots for *newly
  itemized* (a figure in B only), stripes for *no longer itemized* (in A only). Neither is a
  difference from zero;
* where neither does, the hatched grey of *not itemized* of every other map.

Caveats of the comparison (periods of different lengths, ...) are printed under the title.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from iranmap import i18n, style
from iranmap.classify import Classes, classify
from iranmap.diff import Caveat, Change, Diff, TotalChange
from iranmap.i18n import Lang
from iranmap.join import Joined
from iranmap.render import _lang
from iranmap.render.choropleth import NOT_ITEMIZED
from iranmap.render.geo import latlng, polygon_json
from iranmap.render.html import Html, auto_span, data_table, join, lang_span, tag
from iranmap.render.page import script_frame, shell, source_credit, tables_box

#: ColorBrewer RdBu for 1, 2 and 3 classes on each side (see :mod:`iranmap.style`).
DIVERGING = style.DIVERGING
SIDE_CLASSES = 3  # classes of |B - A| on each side of zero, at most
MEASURE = "change"  # the one measure of the change map, for the script

NEWLY_ITEMIZED = -3  # class index of a province with a figure in B only
NO_LONGER_ITEMIZED = -4  # ... in A only
PATTERN_FG = style.PATTERN_FG
PATTERN_BG = style.PATTERN_BG
PATTERNS = (
    {"c": NEWLY_ITEMIZED, "shape": "dots", "bg": PATTERN_BG, "fg": PATTERN_FG},
    {"c": NO_LONGER_ITEMIZED, "shape": "lines", "bg": PATTERN_BG, "fg": PATTERN_FG},
)
#: The legend's swatches of the patterns, drawn like the script draws them.
SWATCH_STYLES = {
    NEWLY_ITEMIZED: (
        f"background:{PATTERN_BG} radial-gradient(circle,{PATTERN_FG} 1.3px,transparent 1.7px)"
        " 0 0/6px 6px"
    ),
    NO_LONGER_ITEMIZED: (
        f"background:{PATTERN_BG} "
        f"repeating-linear-gradient(0deg,{PATTERN_FG} 0 1px,transparent 1px 6px)"
    ),
}
#: Texts the script itself needs (tooltips come as lines; see ``_tip``).
_SCRIPT_TEXTS = ("not_itemized", "provinces", "prisons", "zoom_in", "zoom_out", "map")


@dataclass(frozen=True)
class ChangeClasses:
    """Classes of ``B - A``: ``sizes`` are classes of ``|B - A|`` over the provinces that
    changed; class ``k - 1 - i`` is a fall of size class ``i``, ``k`` is no change and
    ``k + 1 + i`` a rise (``k`` = the number of size classes)."""

    sizes: Classes
    colors: tuple[str, ...]

    @property
    def k(self) -> int:
        return self.sizes.k

    def index(self, difference: int) -> int:
        if difference == 0:
            return self.k
        size = self.sizes.index(abs(difference))
        return self.k + 1 + size if difference > 0 else self.k - 1 - size

    def labels(self, lang: Lang) -> tuple[str, ...]:
        """One label per colour: "−204 to −98", ..., "0", ..., "+98 to +204"."""
        ranges = _whole_ranges(self.sizes)
        falls = [_range_label(-high, -low, lang) for low, high in reversed(ranges)]
        rises = [_range_label(low, high, lang) for low, high in ranges]
        return (*falls, i18n.fmt_int(0, lang), *rises)


def change_classes(changes: Sequence[Change]) -> ChangeClasses:
    """Classes of the differences of provinces itemized in both reports."""
    sizes = [abs(d) for c in changes if (d := c.difference)]
    found = classify(sizes, "natural_breaks", min(SIDE_CLASSES, max(1, len(set(sizes)))))
    colors = DIVERGING[found.k] if found.k else (DIVERGING[1][1],)
    return ChangeClasses(found, colors)


def class_of(change: Change, classes: ChangeClasses) -> int:
    """The class index of a province: a colour, or a pattern where there is no difference."""
    status = change.status
    if status == "newly_itemized":
        return NEWLY_ITEMIZED
    if status == "no_longer_itemized":
        return NO_LONGER_ITEMIZED
    if change.difference is None:
        return NOT_ITEMIZED
    return classes.index(change.difference)


def _whole_ranges(sizes: Classes) -> list[tuple[int, int]]:
    """(lowest, highest) whole number of each class; both equal for a one-value class."""
    ranges = []
    for i, (low, high) in enumerate(sizes.ranges()):
        top = math.floor(high + 1e-9)
        bottom = math.ceil(low - 1e-9) if i == 0 else math.floor(low + 1e-9) + 1
        ranges.append((top, top) if sizes.distinct or bottom >= top else (bottom, top))
    return ranges


def signed(value: int, lang: Lang) -> str:
    """A difference with its sign: "+12", "−204" (a true minus), "0"; Persian digits in fa."""
    text = f"{value:+,}" if value else "0"
    return i18n.digits(text, lang).replace("-", "−")


def _range_label(low: int, high: int, lang: Lang) -> str:
    if low == high:
        return signed(low, lang)
    return i18n.text(lang, "compare.range", low=signed(low, lang), high=signed(high, lang))


# ---------------------------------------------------------------------------------------------
# the page


def render_compare(diff: Diff, lang: Lang = "en", *, cdn: bool = False) -> bytes:
    """The change map of ``diff`` as UTF-8 bytes; the same diff always gives the same bytes."""
    classes = change_classes(diff.provinces)
    titles = {}
    for side, joined in (("a", diff.a), ("b", diff.b)):
        text, text_lang = _lang.report_text(joined.report, "title", lang)
        # Each title isolated in plain text too, so that "A → B" keeps its order.
        titles[side] = i18n.isolate(text) if text_lang != lang else text
    title = i18n.text(lang, "compare.title", **titles)
    return shell(
        lang=lang,
        body_class="im-compare",
        title=f"{title}: {i18n.text(lang, 'kind.compare')}",
        header=_header(diff, lang),
        map_label=f"{i18n.text(lang, 'map')}: {i18n.text(lang, 'kind.compare')}",
        legend=legend(classes, lang),
        tables=tables_box(
            [
                (i18n.text(lang, "table.compare_provinces"), _province_table(diff, lang)),
                (i18n.text(lang, "table.compare_prisons"), _prison_table(diff, lang)),
            ],
            lang,
        ),
        footer=tag(
            "footer",
            {"class": "im-footer"},
            tag("p", {"class": "im-downloads"}, i18n.text(lang, "made_with")),
        ),
        data=_data(diff, classes, lang),
        cdn=cdn,
    )


def _title(joined: Joined, lang: Lang) -> Html:
    """A report's title in the page's language where it has one, isolated either way."""
    text, text_lang = _lang.report_text(joined.report, "title", lang)
    return _lang.isolated(text, text_lang, lang)


def _fill(template: str, **parts: Html) -> Html:
    """``template``'s ``{name}`` placeholders replaced by markup, the rest escaped as text."""
    pieces = re.split(r"\{(\w+)\}", template)
    return join(parts[p] if i % 2 else p for i, p in enumerate(pieces))


def _header(diff: Diff, lang: Lang) -> Html:
    t = i18n.TEXTS[lang]
    title = _fill(t["compare.title"], a=_title(diff.a, lang), b=_title(diff.b, lang))
    return tag(
        "header",
        {"class": "im-header"},
        tag("h1", None, title),
        tag("p", {"class": "im-kind"}, t["kind.compare"]),
        _side(diff.a, t["compare.a"], lang),
        _side(diff.b, t["compare.b"], lang),
        *(_caveat(caveat, diff, lang) for caveat in diff.caveats),
    )


def _side(joined: Joined, letter: str, lang: Lang) -> Html:
    """One report: its letter, period, source and reconciliation."""
    report = joined.report
    t = i18n.TEXTS[lang]
    period = i18n.period(report.period_start, report.period_end, lang, report.calendar)
    return join(
        [
            tag(
                "p",
                {"class": "im-meta"},
                tag("b", None, letter),
                ": ",
                tag("span", {"class": "im-period"}, f"{t['period']}: ", period),
                " ",
                tag(
                    "span", {"class": "im-source"}, f"{t['source']}: ", source_credit(report, lang)
                ),
            ),
            tag("p", {"class": "im-rec"}, joined.reconciliation.sentence(lang)),
        ]
    )


def _caveat(caveat: Caveat, diff: Diff, lang: Lang) -> Html:
    """A caveat in the page's language (the Diff's message is the English of the CLI)."""
    t = i18n.TEXTS[lang]
    if caveat.code == "period_length":
        a, b = (
            i18n.period(j.report.period_start, j.report.period_end, lang, j.report.calendar)
            for j in (diff.a, diff.b)
        )
        text = i18n.text(lang, "compare.period_length", a=a, b=b)
    elif caveat.code == "no_prisons":
        which = t["compare.a" if caveat.which == "a" else "compare.b"]
        text = i18n.text(lang, "compare.no_prisons", which=which)
    else:
        text = t[f"compare.{caveat.code}"]
    return tag(
        "p",
        {"class": "im-rec im-caveat", "role": "note"},
        tag("b", None, t["compare.caveat"]),
        ": ",
        text,
    )


def legend(classes: ChangeClasses, lang: Lang) -> Html:
    """The colours of B - A, then the patterns of figures in one report or neither."""
    t = i18n.TEXTS[lang]
    items = [
        tag("li", None, _swatch(f"background:{color}"), " ", tag("bdi", None, label))
        for color, label in zip(classes.colors, classes.labels(lang), strict=True)
    ]
    items += [
        tag("li", None, _swatch(SWATCH_STYLES[NEWLY_ITEMIZED]), " ", t["compare.newly_long"]),
        tag("li", None, _swatch(SWATCH_STYLES[NO_LONGER_ITEMIZED]), " ", t["compare.gone_long"]),
        tag(
            "li",
            None,
            tag("span", {"class": "im-sw im-sw-ni", "aria-hidden": "true"}),
            " ",
            t["compare.neither"],
        ),
    ]
    return tag(
        "div",
        {"class": "im-legend-block", "data-measure": MEASURE},
        tag("p", {"class": "im-legend-title"}, t["compare.legend"]),
        tag("ul", {"class": "im-classes"}, *items),
    )


def _swatch(style: str) -> Html:
    return tag("span", {"class": "im-sw", "style": style, "aria-hidden": "true"})


# ---------------------------------------------------------------------------------------------
# what a cell, a tooltip and the table say


def figure_text(value: int | None, lang: Lang) -> str:
    return i18n.text(lang, "not_itemized") if value is None else i18n.fmt_int(value, lang)


def change_text(change: Change, lang: Lang) -> str:
    """B - A with its sign, or what happened where there is no difference to take."""
    if change.difference is not None:
        return signed(change.difference, lang)
    words = {
        "newly_itemized": "compare.newly",
        "no_longer_itemized": "compare.gone",
        "not_itemized": "compare.neither",
    }
    return i18n.text(lang, words[change.status])


def _tip(change: Change, lang: Lang) -> list[list[str | None]]:
    t = i18n.TEXTS[lang]
    a, b = t["compare.a"], t["compare.b"]
    return [
        [a, figure_text(change.a, lang)],
        [b, figure_text(change.b, lang)],
        [t["compare.change"], change_text(change, lang)],
        [i18n.text(lang, "compare.source_of", which=a), change.source_a or None],
        [i18n.text(lang, "compare.source_of", which=b), change.source_b or None],
    ]


def _data(diff: Diff, classes: ChangeClasses, lang: Lang) -> dict[str, Any]:
    """What the script reads: as for the other maps, with one measure and given tooltips."""
    changes = {c.key: c for c in diff.provinces}
    features = []
    for i, record in enumerate(diff.b.province_rows):
        change = changes[str(record["iso"])]
        geometry = polygon_json(record["geometry"])
        if geometry is None:
            continue
        inside = record["geometry"].representative_point()
        props = {
            "i": i,
            "iso": change.key,
            "en": change.name_en,
            "fa": change.name_fa,
            "c": {MEASURE: class_of(change, classes)},
            "tip": _tip(change, lang),
            "pt": latlng(inside.x, inside.y, 3),
        }
        features.append({"type": "Feature", "properties": props, "geometry": geometry})
    return {
        **script_frame("compare", lang, diff.b.bounds, _SCRIPT_TEXTS, None),
        "provinces": {"type": "FeatureCollection", "features": features},
        "shaded": True,
        "colors": {MEASURE: list(classes.colors)},
        "measure": MEASURE,
        "style": {**style.script_style(), "patterns": list(PATTERNS)},
        "prisons": None,
    }


def _province_table(diff: Diff, lang: Lang) -> Html:
    t = i18n.TEXTS[lang]
    other = _lang.other(lang)
    head = [t["province"], t[f"name_{other}"]]
    body = []
    # Provinces with a figure in either report first, as the other maps' tables do.
    for change in sorted(diff.provinces, key=lambda c: (c.status == "not_itemized", c.key)):
        own, foreign = _lang.both(lang, change.name_en, change.name_fa)
        first = [tag("th", {"scope": "row"}, own), tag("td", None, lang_span(foreign, other, lang))]
        body.append(tag("tr", {"data-iso": change.key}, *first, *_figure_cells(change, lang)))
    totals = [tt for tt in diff.totals if tt.name != "itemized_by_prison"]
    return _table(
        t["table.compare_provinces"], head, body, _total_rows(totals, len(head), lang), lang
    )


def _prison_table(diff: Diff, lang: Lang) -> Html:
    t = i18n.TEXTS[lang]
    names = {c.key: _lang.both(lang, c.name_en, c.name_fa)[0] for c in diff.provinces}
    head = [t["prison"], t["province"]]
    body = []
    for change in diff.prisons:
        own = _lang.own(lang, change.name_en, change.name_fa)[0]
        first = [
            tag("th", {"scope": "row"}, auto_span(own)),
            tag("td", None, names.get(change.province_iso, change.province_iso)),
        ]
        body.append(tag("tr", {"data-id": change.key}, *first, *_figure_cells(change, lang)))
    totals = [tt for tt in diff.totals if tt.name == "itemized_by_prison"]
    return _table(
        t["table.compare_prisons"], head, body, _total_rows(totals, len(head), lang), lang
    )


def _figure_cells(change: Change, lang: Lang) -> list[Html]:
    def figure(value: int | None) -> Html:
        if value is None:
            return tag("td", {"class": "im-ni"}, i18n.text(lang, "not_itemized"))
        return tag("td", {"class": "im-num"}, i18n.fmt_int(value, lang))

    kind = "im-num" if change.difference is not None else "im-ni"
    return [
        figure(change.a),
        figure(change.b),
        tag("td", {"class": kind}, tag("bdi", None, change_text(change, lang))),
        tag("td", {"class": "im-src"}, tag("bdi", None, change.source_a)),
        tag("td", {"class": "im-src"}, tag("bdi", None, change.source_b)),
    ]


_TOTAL_KEYS = {
    "reported_total": "reported_total",
    "itemized_by_prison": "itemized_by_prison",
    "itemized_by_province": "itemized_by_province",
    "not_itemized": "not_itemized_total",
}


def _total_rows(totals: Sequence[TotalChange], span: int, lang: Lang) -> list[Html]:
    """The totals under a table: label across the name columns, then A, B and B - A."""
    return [
        tag(
            "tr",
            None,
            tag("th", {"scope": "row", "colspan": span}, i18n.text(lang, _TOTAL_KEYS[total.name])),
            tag("td", {"class": "im-num"}, i18n.fmt_int(total.a, lang)),
            tag("td", {"class": "im-num"}, i18n.fmt_int(total.b, lang)),
            tag("td", {"class": "im-num"}, tag("bdi", None, signed(total.difference, lang))),
            tag("td", {"colspan": 2}),
        )
        for total in totals
    ]


def _table(caption: str, head: list[str], body: list[Html], foot: list[Html], lang: Lang) -> Html:
    t = i18n.TEXTS[lang]
    a, b = t["compare.a"], t["compare.b"]
    columns = [
        *head,
        a,
        b,
        t["compare.change"],
        i18n.text(lang, "compare.source_of", which=a),
        i18n.text(lang, "compare.source_of", which=b),
    ]
    return data_table(caption, columns, body, foot)
