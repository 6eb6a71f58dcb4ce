"""The legend column of a map image: classes or circle sizes, the hatched "not itemized"
swatch, the totals that reconcile, and notes; laid out top down, mirrored in Persian."""

from __future__ import annotations

from collections.abc import Sequence

from shapely.geometry import box as shapely_box

from iranmap import i18n, style
from iranmap.i18n import Lang
from iranmap.join import Joined
from iranmap.render.choropleth import NO_POPULATION, Choropleth, class_labels
from iranmap.render.points import Points, key_values
from iranmap.render.static import text as tx
from iranmap.render.static.geometry import hatch_data
from iranmap.render.static.svg import Anchor, Svg
from iranmap.render.static.words import word

MAX_LABELS = 10  # the largest figures are named on the map; the rest are in the data files
CIRCLE_SCALE = 1.5  # image px per page px: the image's map is wider and print wants bolder
SWATCH = (46.0, 30.0)
HATCH_SPACING = 11.0  # px, as on the map


def circle_radius(points: Points, executions: int) -> float:
    """A circle's radius in image px: the page's radius, at this image's scale."""
    return points.radius(executions) * CIRCLE_SCALE


class Column:
    """Legend entries from ``top`` down between ``left`` and ``right`` (px)."""

    def __init__(self, svg: Svg, left: float, right: float, top: float) -> None:
        self.svg = svg
        self.lang: Lang = svg.lang
        self.left = left
        self.right = right
        self.y = top
        self.rtl = i18n.rtl(svg.lang)

    @property
    def start(self) -> float:
        return self.right if self.rtl else self.left

    def inward(self, x: float, by: float) -> float:
        """``by`` px from ``x`` in the reading direction."""
        return x - by if self.rtl else x + by

    @property
    def near(self) -> Anchor:
        return "right" if self.rtl else "left"

    def heading(self, text: str) -> None:
        lines = tx.wrap(text, 26, self.right - self.left, self.lang, bold=True, max_lines=2)
        self.y = self.svg.lines(
            self.start, self.y + 26, lines, 26, fill=style.TEXT, bold=True, anchor=self.near
        )
        self.y += 18

    def swatch(
        self, label: str, fill: str, note: str | None = None, *, hatched: bool = False
    ) -> None:
        w, h = SWATCH
        x = self.right - w if self.rtl else self.left
        self.svg.rect(x, self.y, w, h, fill, style.PROVINCE_EDGE)
        if hatched:
            stripes = hatch_data([shapely_box(x, self.y, x + w, self.y + h)], HATCH_SPACING)
            self.svg.add(
                f'<path d="{stripes}" fill="none" stroke="{style.NOT_ITEMIZED_HATCH}" '
                'stroke-width="1.6"/>'
            )
        text_x = self.inward(self.start, w + 14)
        limit = self.right - self.left - w - 14
        middle = self.y + h / 2
        if note is None:
            self.svg.text(
                text_x,
                middle + 8,
                tx.truncate(label, 22, limit, self.lang),
                22,
                fill=style.TEXT,
                anchor=self.near,
            )
            self.y += h + 10
            return
        self.svg.text(
            text_x,
            middle + 2,
            tx.truncate(label, 22, limit, self.lang),
            22,
            fill=style.TEXT,
            anchor=self.near,
        )
        lines = tx.wrap(note, 18, limit, self.lang, max_lines=2)
        last = self.svg.lines(text_x, middle + 26, lines, 18, fill=style.MUTED, anchor=self.near)
        self.y = max(self.y + h, last + 6) + 10

    def circle(self, label: str, radius: float, largest: float) -> None:
        """A key circle, its centre in line with the largest one's."""
        height = max(2 * radius, 24.0)
        cx = self.inward(self.start, largest)
        cy = self.y + height / 2
        self._circle(cx, cy, radius)
        self.svg.text(
            self.inward(cx, largest + 14), cy + 8, label, 22, fill=style.TEXT, anchor=self.near
        )
        self.y += height + 10

    def _circle(self, cx: float, cy: float, radius: float, dash: str | None = None) -> None:
        """A key circle in the style of the map's circles (dashed: at its city's centre)."""
        self.svg.circle(
            cx,
            cy,
            radius,
            style.CIRCLE_FILL,
            style.CIRCLE_OPACITY,
            style.CIRCLE_STROKE,
            style.CIRCLE_STROKE_WIDTH,
            dash,
        )

    def ring(self, label: str, *, dashed: bool) -> None:
        """A small key circle, solid (a prison's site) or dashed (its city's centre)."""
        radius = 10.0
        cx = self.inward(self.start, radius + 2)
        cy = self.y + radius + 2
        self._circle(cx, cy, radius, style.CITY_DASH if dashed else None)
        limit = self.right - self.left - 2 * radius - 16
        lines = tx.wrap(label, 18, limit, self.lang, max_lines=2)
        text_x = self.inward(self.start, 2 * radius + 14)
        last = self.svg.lines(text_x, cy + 6, lines, 18, fill=style.TEXT, anchor=self.near)
        self.y = max(cy + radius, last + 4) + 10

    def note(self, text: str, size: float = 18) -> None:
        lines = tx.wrap(text, size, self.right - self.left, self.lang, max_lines=4)
        self.y = self.svg.lines(
            self.start, self.y + size, lines, size, fill=style.MUTED, anchor=self.near
        )
        self.y += 12

    def gap(self, space: float = 16.0) -> None:
        self.y += space

    def totals(self, rows: Sequence[tuple[str, int]]) -> None:
        """Label on the reading side, figure on the other, one row each."""
        far: Anchor = "left" if self.rtl else "right"
        end = self.left if self.rtl else self.right
        for label, value in rows:
            self.y += 28
            self.svg.text(
                self.start,
                self.y,
                tx.truncate(label, 21, self.right - self.left - 90, self.lang),
                21,
                fill=style.TEXT,
                anchor=self.near,
            )
            self.svg.text(
                end,
                self.y,
                i18n.fmt_int(value, self.lang),
                21,
                fill=style.TEXT,
                anchor=far,
                bold=True,
            )
            self.y += 8


def choropleth_legend(svg: Svg, column: Column, ch: Choropleth, joined: Joined) -> None:
    lang = svg.lang
    t = i18n.TEXTS[lang]
    column.heading(t["executions" if ch.measure == "count" else "per_million"])
    classes = ch.classes[ch.measure]
    for colour, label in zip(classes.colors, class_labels(classes, ch.measure, lang), strict=True):
        column.swatch(label, colour)
    if any(ch.class_of(r, ch.measure) == NO_POPULATION for r in ch.rows):
        column.swatch(t["no_population"], style.NO_POPULATION_FILL)
    none = any(r.none_reported for r in ch.rows)
    if none:
        column.swatch(t["none_reported"], style.NONE_REPORTED_FILL, note=word(lang, "none_note"))
    if not none or any(r.executions is None for r in ch.rows):
        column.swatch(
            t["not_itemized"],
            style.NOT_ITEMIZED_FILL,
            note=word(lang, "not_itemized_note"),
            hatched=True,
        )
    if ch.itemized == 0:
        column.note(t["no_figures"])
    column.gap()
    rec = joined.reconciliation
    column.totals(
        [
            (t["reported_total"], rec.reported_total),
            (t["itemized_by_province"], rec.itemized_by_province),
            (t["not_itemized_total"], rec.not_itemized),
        ]
    )
    if ch.itemized > MAX_LABELS:
        column.gap()
        column.note(word(lang, "labels_note"))


def points_legend(svg: Svg, column: Column, pts: Points, joined: Joined) -> None:
    lang = svg.lang
    t = i18n.TEXTS[lang]
    column.heading(t["executions"])
    values = key_values(pts.largest)
    largest = max((circle_radius(pts, v) for v in values), default=0.0)
    for value in values:
        column.circle(i18n.fmt_int(value, lang), circle_radius(pts, value), largest)
    column.note(t["size_key"] if values else t["no_figures"])
    approximate = sum(1 for r in pts.rows if not r.at_site)
    if approximate and approximate == len(pts.rows):
        column.note(word(lang, "all_approximate"))
    elif approximate:
        n, total = i18n.fmt_int(approximate, lang), i18n.fmt_int(len(pts.rows), lang)
        column.note(word(lang, "approximate", n=n, total=total))
    for at_site in (True, False):
        if any(r.at_site == at_site for r in pts.rows):
            column.ring(word(lang, "site" if at_site else "city_centre"), dashed=not at_site)
    column.gap()
    rec = joined.reconciliation
    column.totals(
        [
            (t["reported_total"], rec.reported_total),
            (t["itemized_by_prison"], rec.itemized_by_prison),
            (word(lang, "prisons_mapped"), rec.prisons_mapped),
        ]
    )
    if len(pts.rows) > MAX_LABELS:
        column.gap()
        column.note(word(lang, "labels_note"))
