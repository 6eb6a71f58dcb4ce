"""Small multiples: one small choropleth per time step, for print and social media.

``steps.svg`` is written here by hand (no plotting library): each province's outline is
defined once and drawn in every step by ``<use>``, filled with the step's class colour on the
one class scale shared by all steps, the none-reported white where a step's report itemizes
its whole total elsewhere, or the hatched not-itemized grey. Each map carries its
step's name and figure; one legend serves them all. ``steps.png`` is the same SVG rasterised
by resvg with the fonts iranmap bundles.
Same figures, same bytes.
"""

from __future__ import annotations

import math
from typing import Any, NamedTuple

import numpy as np
from shapely.affinity import affine_transform

from iranmap import i18n, raster
from iranmap.classify import Classes
from iranmap.i18n import Lang
from iranmap.render.choropleth import class_labels
from iranmap.render.html import esc
from iranmap.render.options import RenderOptions
from iranmap.render.static.compose import source_line, sources_line
from iranmap.render.static.geometry import hatch_data
from iranmap.render.static.text import width as text_width
from iranmap.render.static.text import wrap
from iranmap.render.timeline import text as tt
from iranmap.render.timeline._view import classes_of
from iranmap.steps import Timeline, none_matrix, province_matrix
from iranmap.style import (
    BACKGROUND,
    MUTED,
    NONE_REPORTED_FILL,
    NOT_ITEMIZED_FILL,
    NOT_ITEMIZED_HATCH,
    PAPER,
    PROVINCE_EDGE,
    TEXT,
)

CELL_W = 220.0  # px, one step's map
MAP_H = 190.0
LABEL_H = 40.0  # the step's name and figure under its map
GAP = 12.0
MARGIN = 20.0
HEAD_H = 58.0
LEGEND_H = 62.0
CREDIT_H = 16.0  # the credit line under the legend
SOURCE_H = 16.0  # a report's source line, above the credit
SOURCE_SIZE = 11.0
FONT = "Noto Sans, Noto Sans Arabic, DejaVu Sans, sans-serif"
SIMPLIFY = 0.02  # degrees: outlines at small-multiple size
HATCH_SPACING = 4.5  # px between the not-itemized stripes
LEGEND_STEP = 104.0  # px, the narrowest legend entry (swatch, label and the gap after it)
LEGEND_ROW = 20.0  # px between the legend's lines, where its entries need two


def multiples_name(lang: Lang, ext: str) -> str:
    """``steps.svg``, ``steps.fa.png``."""
    return i18n.file_name("steps", lang, ext)


def png_job(svg: bytes, zoom: float = 2.0) -> raster.Job:
    """How :func:`rasterise` draws ``svg``."""
    return raster.Job(svg.decode("utf-8"), zoom=zoom)


def multiples_svg(timeline: Timeline, options: RenderOptions) -> bytes:
    lang = options.lang
    isos, matrix = province_matrix(timeline)
    none = none_matrix(timeline)
    classes = classes_of(matrix, none, options)
    n = len(timeline.steps)
    cols = n if n <= 4 else 3 if n <= 6 else 4 if n <= 12 else 6
    rows = math.ceil(n / cols)
    width = 2 * MARGIN + cols * CELL_W + (cols - 1) * GAP
    source = _source(timeline, lang, width)
    credit_h = CREDIT_H + (SOURCE_H if source else 0.0)
    height = HEAD_H + rows * (MAP_H + LABEL_H) + (rows - 1) * GAP + LEGEND_H + MARGIN + credit_h
    outlines = _outlines(timeline)
    shapes = {iso: _path(shape) for iso, shape in outlines.items()}
    hatches = _Hatches(outlines)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'width="{_n(width)}" height="{_n(height)}" viewBox="0 0 {_n(width)} {_n(height)}" '
        f'font-family="{FONT}" direction="{i18n.DIRS[lang]}">',
        f"<title>{esc(tt.page_title(timeline, lang))}</title>",
        _defs(shapes),
        f'<rect width="100%" height="100%" fill="{PAPER}"/>',
        _heading(timeline, lang, width),
    ]
    for k in range(len(timeline.steps)):
        col, row = k % cols, k // cols
        if i18n.rtl(lang):
            col = cols - 1 - col
        x = MARGIN + col * (CELL_W + GAP)
        y = HEAD_H + row * (MAP_H + LABEL_H + GAP)
        cell = _Cell(isos, matrix[k], none[k])
        parts.append(_cell(timeline, k, x, y, cell, classes, lang, hatches))
    legend_y = height - LEGEND_H - MARGIN - credit_h + 14
    not_itemized = bool((matrix < 0).any())
    parts.append(_legend(classes, lang, width, legend_y, none=bool(none.any()), ni=not_itemized))
    parts.append(_credit(lang, width, height, source))
    parts.append("</svg>\n")
    return "\n".join(parts).encode("utf-8")


def _source(timeline: Timeline, lang: Lang, width: float) -> str:
    """The source line, on one line: a report's own (publisher, document, date), as its map
    images have it; for a series, its reports' publishers and documents' first and last
    dates."""
    if timeline.series is None and len(timeline.reports) == 1:
        line = source_line(timeline.base, lang)
    else:
        line = sources_line(timeline.reports, lang)
    return wrap(line, SOURCE_SIZE, width - 2 * MARGIN, lang, max_lines=1)[0]


def _credit(lang: Lang, width: float, height: float, source: str) -> str:
    """The source line, if any; who drew the borders (the ODbL asks every map to say so) and
    what drew the map."""
    x = width - MARGIN if i18n.rtl(lang) else MARGIN
    credit = (
        f'<text x="{_n(x)}" y="{_n(height - 8)}" font-size="11" fill="{MUTED}" '
        f'text-anchor="{_anchor(lang)}">{_text(i18n.text(lang, "made_with"), lang)}</text>'
    )
    if not source:
        return credit
    return (
        f'<text x="{_n(x)}" y="{_n(height - 8 - SOURCE_H)}" font-size="{_n(SOURCE_SIZE)}" '
        f'fill="{MUTED}" text-anchor="{_anchor(lang)}">{_text(source, lang)}</text>{credit}'
    )


def _n(value: float) -> str:
    text = f"{value:.1f}"
    return text.removesuffix(".0")


def _outlines(timeline: Timeline) -> dict[str, Any]:
    """Each province's shape in map pixels (north up, longitudes shrunk by the cosine of the
    middle latitude), simplified to small-multiple size."""
    provinces = timeline.base.provinces
    minx, miny, maxx, maxy = timeline.base.bounds
    shrink = math.cos(math.radians((miny + maxy) / 2))
    scale = min((CELL_W - 8) / ((maxx - minx) * shrink), (MAP_H - 8) / (maxy - miny))
    to_pixels = [shrink * scale, 0.0, 0.0, -scale, 4 - minx * shrink * scale, 4 + maxy * scale]
    shapes: dict[str, Any] = {}
    for iso, geometry in zip(provinces["iso"], provinces["geometry"], strict=True):
        if geometry is None or geometry.is_empty:
            continue
        simple = geometry.simplify(SIMPLIFY, preserve_topology=True)
        shapes[str(iso)] = affine_transform(simple, to_pixels)
    return shapes


def _path(geometry: Any) -> str:
    out: list[str] = []
    for polygon in getattr(geometry, "geoms", [geometry]):
        for ring in (polygon.exterior, *polygon.interiors):
            points = [f"{_n(a)},{_n(b)}" for a, b in ring.coords]
            out.append("M" + "L".join(points) + "Z")
    return "".join(out)


class _Hatches:
    """The not-itemized stripes of a map, by the provinces that have no figure: drawn as
    lines cut to those provinces' outlines, which a rasteriser draws fast (a clip path or a
    pattern fill per map costs it a whole-image mask each). Maps often share the same
    provinces without a figure, so each set is cut once."""

    def __init__(self, outlines: dict[str, Any]) -> None:
        self.outlines = outlines
        self.done: dict[tuple[str, ...], str] = {}

    def path(self, isos: tuple[str, ...]) -> str:
        if isos not in self.done:
            shapes = [self.outlines[iso] for iso in isos if iso in self.outlines]
            data = hatch_data(shapes, HATCH_SPACING) if shapes else ""
            self.done[isos] = (
                f'<path d="{data}" fill="none" stroke="{NOT_ITEMIZED_HATCH}" stroke-width="0.7"/>'
                if data
                else ""
            )
        return self.done[isos]


def _defs(shapes: dict[str, str]) -> str:
    paths = "".join(f'<path id="p-{esc(iso)}" d="{d}"/>' for iso, d in shapes.items())
    # The legend's swatch (one small rectangle: a pattern costs little there).
    hatch = (
        '<pattern id="ni" width="5" height="5" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)">'
        f'<rect width="5" height="5" fill="{NOT_ITEMIZED_FILL}"/>'
        f'<rect width="1" height="5" fill="{NOT_ITEMIZED_HATCH}"/>'
        "</pattern>"
    )
    return f"<defs>{hatch}{paths}</defs>"


def _text(value: str, lang: Lang) -> str:
    """Escaped text; in Persian inside a right-to-left embedding, so that numbers and words
    keep their order whatever base direction the renderer assumes."""
    persian = i18n.rtl(lang) and any("\u0600" <= c <= "\u06ff" for c in value)
    return esc(f"\u202b{value}\u202c" if persian else value)


def _anchor(lang: Lang) -> str:
    return "end" if i18n.rtl(lang) else "start"


def _heading(timeline: Timeline, lang: Lang, width: float) -> str:
    """The report's title, or a series' publisher, over what the maps step through and when
    (each line in one direction: a Latin publisher never shares a line with Persian words)."""
    x = width - MARGIN if i18n.rtl(lang) else MARGIN
    publisher, rest = tt.title_parts(timeline, lang)
    first, last = timeline.steps[0], timeline.steps[-1]
    when = (
        rest
        if publisher is not None
        else tt.fmt_days(first.start, last.end, timeline.calendar, lang)
    )
    separator = i18n.text(lang, "sep")
    sub = f"{tt.text(lang, tt.kind_key(timeline))}{separator}{when}"
    heading = rest if publisher is None else publisher
    return (
        f'<text x="{_n(x)}" y="26" font-size="18" font-weight="700" fill="{TEXT}" '
        f'text-anchor="{_anchor(lang)}">{_text(heading, lang)}</text>'
        f'<text x="{_n(x)}" y="46" font-size="13" fill="{MUTED}" '
        f'text-anchor="{_anchor(lang)}">{_text(sub, lang)}</text>'
    )


class _Cell(NamedTuple):
    """One step's provinces: figures (-1: not itemized) and where none was reported."""

    isos: list[str]
    values: np.ndarray[Any, Any]
    none: np.ndarray[Any, Any]


def _cell(
    timeline: Timeline,
    k: int,
    x: float,
    y: float,
    cell: _Cell,
    classes: Classes,
    lang: Lang,
    hatches: _Hatches,
) -> str:
    uses = []
    hatched = []
    without: list[str] = []
    for iso, value, none in zip(cell.isos, cell.values, cell.none, strict=True):
        if value < 0:
            fill = NOT_ITEMIZED_FILL
        elif none:
            fill = NONE_REPORTED_FILL
        else:
            fill = classes.color(float(value))
        uses.append(f'<use xlink:href="#p-{esc(iso)}" fill="{fill}"/>')
        if value < 0:
            hatched.append(f'<use xlink:href="#p-{esc(iso)}"/>')
            without.append(iso)
    hatch = hatches.path(tuple(without))
    step = timeline.steps[k]
    figure = tt.figure(step.reported, lang, at_least=timeline.at_least(k))
    if step.not_itemized:
        ni = tt.text(lang, "ni.short", n=i18n.fmt_int(step.not_itemized, lang))
        figure = f"{figure}{i18n.comma(lang)}{ni}"
    label = tt.step_label(step, timeline, lang)
    centre = x + CELL_W / 2
    return (
        f'<g transform="translate({_n(x)},{_n(y)})">'
        f'<rect width="{_n(CELL_W)}" height="{_n(MAP_H)}" fill="{BACKGROUND}"/>'
        f'<g stroke="{PROVINCE_EDGE}" stroke-width="0.5" stroke-linejoin="round">'
        + "".join(uses)
        + "</g>"
        + hatch
        + f'<g fill="none" stroke="{PROVINCE_EDGE}" stroke-width="0.5" stroke-linejoin="round">'
        + "".join(hatched)
        + "</g></g>"
        f'<text x="{_n(centre)}" y="{_n(y + MAP_H + 16)}" font-size="13" font-weight="700" '
        f'fill="{TEXT}" text-anchor="middle">{_text(label, lang)}</text>'
        f'<text x="{_n(centre)}" y="{_n(y + MAP_H + 32)}" font-size="12" fill="{MUTED}" '
        f'text-anchor="middle">{_text(figure, lang)}</text>'
    )


def _legend(classes: Classes, lang: Lang, width: float, y: float, *, none: bool, ni: bool) -> str:
    """The one legend: the classes, then "none reported" and "not itemized" where a step has
    such a province."""
    items: list[tuple[str, str]] = list(
        zip(classes.colors, class_labels(classes, "count", lang), strict=True)
    )
    if none:
        items.append((NONE_REPORTED_FILL, i18n.text(lang, "none_reported")))
    if ni:
        items.append(("url(#ni)", i18n.text(lang, "not_itemized")))
    title = tt.text(lang, "legend.step")
    parts = []
    x = width - MARGIN if i18n.rtl(lang) else MARGIN
    parts.append(
        f'<text x="{_n(x)}" y="{_n(y)}" font-size="12" font-weight="700" fill="{TEXT}" '
        f'text-anchor="{_anchor(lang)}">{_text(title, lang)}</text>'
    )
    offset, row = MARGIN, 0.0
    for fill, label in items:
        # Each entry as wide as its label needs (at least LEGEND_STEP); a second line where
        # the first is full.
        step = max(LEGEND_STEP, 27 + text_width(label, 11.5, lang) + 14)
        if offset > MARGIN and offset + step - 14 > width - MARGIN:
            offset, row = MARGIN, row + LEGEND_ROW
        sx = width - offset - 22 if i18n.rtl(lang) else offset
        parts.append(
            f'<rect x="{_n(sx)}" y="{_n(y + 10 + row)}" width="22" height="13" fill="{fill}" '
            f'stroke="{PROVINCE_EDGE}" stroke-width="0.6"/>'
        )
        tx = sx - 5 if i18n.rtl(lang) else sx + 27
        parts.append(
            f'<text x="{_n(tx)}" y="{_n(y + 21 + row)}" font-size="11.5" fill="{TEXT}" '
            f'text-anchor="{_anchor(lang)}">{_text(label, lang)}</text>'
        )
        offset += step
    return "".join(parts)


def rasterise(svg: bytes, zoom: float = 2.0) -> bytes:
    """The SVG as PNG, at ``zoom`` times its size, drawn with the fonts iranmap bundles only
    (those of the other images), so that the same SVG gives the same pixels anywhere."""
    return raster.png(png_job(svg, zoom))
