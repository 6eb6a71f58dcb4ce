"""One image laid out: header, map, legend column and footer (1600 x 1200 px), or the social
card (1200 x 630 px: the map, the title and the headline figure)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from iranmap import i18n, style
from iranmap.i18n import Lang
from iranmap.join import Joined
from iranmap.render import _lang
from iranmap.render.choropleth import NOT_ITEMIZED, Choropleth, ProvinceRow
from iranmap.render.points import Points
from iranmap.render.static import geometry as geo
from iranmap.render.static import labels as lb
from iranmap.render.static import legend as lg
from iranmap.render.static import text as tx
from iranmap.render.static.svg import Svg
from iranmap.render.static.words import CREDIT, word
from iranmap.reports import Report

ImageKind = Literal["choropleth", "points"]
KINDS: tuple[ImageKind, ...] = ("choropleth", "points")
MAP_SIZE = (1600, 1200)
CARD_SIZE = (1200, 630)
MARGIN = 48.0
EDGE_WIDTH = 1.0
HATCH_SPACING = 11.0  # px between the not-itemized stripes on a map image


@dataclass(frozen=True)
class Layers:
    """What both image kinds draw from, computed once per report."""

    joined: Joined
    ch: Choropleth
    pts: Points


def report_text(own: str | None, english: str, lang: Lang) -> str:
    """A report's text or a name in ``lang``: its Persian version in Persian when it has one,
    else the text as written (isolated, so that a Latin run keeps its order in a Persian
    line); one line either way."""
    text, text_lang = _lang.own(lang, english, own)
    return tx.clean(text) if text_lang == lang else tx.isolate(text)


def title(joined: Joined, lang: Lang) -> str:
    return report_text(joined.report.title_fa, joined.report.title, lang)


def full_title(joined: Joined, kind: ImageKind, lang: Lang) -> str:
    """The image's accessible title: the report's title and what the map shows."""
    kind_text = i18n.text(lang, f"kind.{kind}")
    return i18n.text(lang, "embed_title", title=title(joined, lang), kind=kind_text)


def subtitle(joined: Joined, kind: ImageKind, lang: Lang) -> str:
    report = joined.report
    period = i18n.period(report.period_start, report.period_end, lang, report.calendar)
    # A middle dot reads as a Persian zero: Persian lines take a comma.
    return f"{i18n.text(lang, f'kind.{kind}')}{i18n.text(lang, 'sep')}{period}"


def sources_line(reports: Sequence[Report], lang: Lang) -> str:
    """The source line of several reports (a series' steps): their publishers, how many, and
    the first and last of their documents' dates; one report's own line when there is one."""
    first, last = min(reports, key=_dated), max(reports, key=_dated)
    publishers = dict.fromkeys(report_text(r.publisher_fa, r.publisher, lang) for r in reports)
    when = i18n.day(first.source_date, lang, first.calendar)
    if last.source_date != first.source_date:
        when += " – " + i18n.day(last.source_date, lang, last.calendar)
    return word(
        lang,
        "sources",
        publisher=i18n.comma(lang).join(publishers),
        n=i18n.fmt_int(len(reports), lang),
        when=when,
    )


def _dated(report: Report) -> date:
    return report.source_date


def source_line(joined: Joined, lang: Lang) -> str:
    report = joined.report
    line = word(
        lang,
        "source",
        publisher=report_text(report.publisher_fa, report.publisher, lang),
        title=report_text(report.source_title_fa, report.source_title, lang),
        date=i18n.day(report.source_date, lang, report.calendar),
    )
    if report.source_url:
        line += i18n.comma(lang) + tx.isolate(report.source_url)
    return line


# ---------------------------------------------------------------------------------------------
# map layers


def draw_map(svg: Svg, layers: Layers, kind: ImageKind, frame: geo.Frame, scale: float) -> None:
    """Provinces (shaded, or the plain base under circles) and, for points, the circles."""
    ch = layers.ch
    if kind == "choropleth":
        itemized = [r for r in ch.rows if ch.class_of(r, ch.measure) != NOT_ITEMIZED]
        others = [r for r in ch.rows if ch.class_of(r, ch.measure) == NOT_ITEMIZED]
        _provinces(svg, "provinces-itemized", itemized, frame, lambda r: ch.fill(r, ch.measure))
        _provinces(svg, "provinces-not-itemized", others, frame, lambda r: style.NOT_ITEMIZED_FILL)
        hatch(svg, geo.provinces_hatch(others, frame, HATCH_SPACING * scale), HATCH_SPACING * scale)
        return
    _provinces(svg, "provinces", list(ch.rows), frame, lambda r: style.BASE_FILL, style.BASE_EDGE)
    svg.open_group("prisons")
    for row in layers.pts.rows:  # largest first: small circles stay on top
        x, y = frame.lonlat(row.lon, row.lat)
        svg.circle(
            x,
            y,
            lg.circle_radius(layers.pts, row.executions) * scale,
            style.CIRCLE_FILL,
            style.CIRCLE_OPACITY,
            style.CIRCLE_STROKE,
            style.CIRCLE_STROKE_WIDTH,
            None if row.at_site else style.CITY_DASH,
        )
    svg.close_group()


def hatch(svg: Svg, data: str, spacing: float) -> None:
    """The not-itemized stripes (``data``: :func:`geo.provinces_hatch`), as one path of line
    segments: drawn as geometry rather than an SVG pattern, which resvg fills slowly."""
    stroke = 1.6 * spacing / HATCH_SPACING
    if data:
        svg.add(
            f'<path id="not-itemized-hatch" d="{data}" fill="none" '
            f'stroke="{style.NOT_ITEMIZED_HATCH}" stroke-width="{stroke:g}"/>'
        )


def _provinces(
    svg: Svg,
    gid: str,
    rows: Sequence[ProvinceRow],
    frame: geo.Frame,
    fill: Callable[[ProvinceRow], str],
    edge: str = style.PROVINCE_EDGE,
) -> None:
    if not rows:
        return
    svg.open_group(gid)
    for row in rows:
        if row.geometry is None:
            continue
        colour = fill(row)
        svg.add(
            f'<path id="{tx.xml(row.iso)}" d="{geo.path_data(row.geometry, frame)}" '
            f'fill="{colour}" stroke="{edge}" stroke-width="{EDGE_WIDTH:g}" '
            'stroke-linejoin="round"/>'
        )
    svg.close_group()


# ---------------------------------------------------------------------------------------------
# the map image


def map_image(layers: Layers, kind: ImageKind, lang: Lang) -> Svg:
    width, height = MAP_SIZE
    svg = Svg(width, height, lang)
    top = _header(svg, layers.joined, kind)
    bottom = _footer(svg, layers.joined)
    legend_left = 1090.0
    frame = geo.fit(layers.ch.rows, 24, top, legend_left - 48, bottom - top)
    draw_map(svg, layers, kind, frame, 1.0)
    column = lg.Column(svg, legend_left, width - MARGIN, top + 8)
    if kind == "choropleth":
        lg.choropleth_legend(svg, column, layers.ch, layers.joined)
        placed = _province_labels(layers.ch, frame, lang)
    else:
        lg.points_legend(svg, column, layers.pts, layers.joined)
        placed = _prison_labels(layers.pts, frame, lang)
    lb.draw(svg, placed)
    return svg


def _header(svg: Svg, joined: Joined, kind: ImageKind) -> float:
    """Title, what the map shows and when, the reconciliation; returns the header's bottom."""
    lang = svg.lang
    limit = svg.width - 2 * MARGIN
    x = svg.width - MARGIN if i18n.rtl(lang) else MARGIN
    side: lb.Side = "right" if i18n.rtl(lang) else "left"
    lines = tx.wrap(title(joined, lang), 46, limit, lang, bold=True, max_lines=2)
    y = svg.lines(x, MARGIN + 40, lines, 46, leading=1.2, fill=style.TEXT, bold=True, anchor=side)
    lines = tx.wrap(subtitle(joined, kind, lang), 28, limit, lang, max_lines=2)
    y = svg.lines(x, y + 46, lines, 28, fill=style.MUTED, anchor=side)
    sentence = tx.clean(joined.reconciliation.sentence(lang))
    lines = tx.wrap(sentence, 24, limit, lang, max_lines=3)
    y = svg.lines(x, y + 40, lines, 24, fill=style.TEXT, anchor=side)
    return y + 24


def _footer(svg: Svg, joined: Joined) -> float:
    """The source line and the credit; returns the footer's top."""
    lang = svg.lang
    size = 19.0
    credit = CREDIT[lang]
    limit = svg.width - 2 * MARGIN - tx.width(credit, size, lang) - 40
    lines = tx.wrap(source_line(joined, lang), size, limit, lang, max_lines=3)
    first = svg.height - 28 - size * 1.3 * (len(lines) - 1)
    start, end = (svg.width - MARGIN, MARGIN) if i18n.rtl(lang) else (MARGIN, svg.width - MARGIN)
    near: lb.Side = "right" if i18n.rtl(lang) else "left"
    far: lb.Side = "left" if i18n.rtl(lang) else "right"
    svg.lines(start, first, lines, size, fill=style.MUTED, anchor=near)
    svg.text(end, first, credit, size, fill=style.MUTED, anchor=far)
    return first - size - 16


def _shown(ch: Choropleth, row: ProvinceRow) -> float | None:
    return row.per_million if ch.measure == "per_million" else row.executions


def _province_labels(ch: Choropleth, frame: geo.Frame, lang: Lang) -> list[lb.Placed]:
    """Name and figure of the largest itemized provinces: inside the province where the label
    fits, else beside it with a leader line, off the province so its colour stays visible."""
    rows = sorted(
        (r for r in ch.rows if r.executions is not None and r.geometry is not None),
        key=lambda r: (-(_shown(ch, r) or 0), r.name_en, r.iso),
    )[: lg.MAX_LABELS]
    placer = lb.Placer(frame.box, lang)
    anchors = [frame.point(*geo.label_point(row)) for row in rows]
    marks = [placer.avoid(x, y, 4) for x, y in anchors]
    inside = [lb.Candidate(dx, dy, "middle", "middle", True) for dx, dy in _NUDGES]
    beside = [c for d in (16, 28, 42, 60, 80, 104) for c in lb.around(d)]
    loose = [lb.Candidate(dx, dy, "middle", "middle", True, True) for dx, dy in _NUDGES]
    for row, anchor, mark in zip(rows, anchors, marks, strict=True):
        value = _shown(ch, row)
        name = _lang.own(lang, row.name_en, row.name_fa)[0]
        lines = [name] if value is None else [name, i18n.fmt_number(value, lang)]
        shape = geo.pixel_polygon(row, frame)
        placer.place(anchor, lines, [*inside, *beside, *loose], ignore=mark, shape=shape)
    return placer.placed


# Offsets (px) from a province's inner point to try its label at, nearest first.
_NUDGES = sorted(
    ((dx, dy) for dx in range(-48, 49, 16) for dy in range(-36, 37, 12)),
    key=lambda d: (d[0] ** 2 + d[1] ** 2, d),
)


def _prison_labels(pts: Points, frame: geo.Frame, lang: Lang) -> list[lb.Placed]:
    """Name and figure of the largest prisons beside their circles (further out with a leader
    line); prisons at one spot (a city centre) share one label. A label may cover the rim
    of another circle but not its middle."""
    groups: dict[tuple[float, float], list[tuple[str, int, float]]] = {}
    for row in pts.rows:
        name = report_text(row.name_fa, row.name_en, lang)
        radius = lg.circle_radius(pts, row.executions)
        groups.setdefault((round(row.lon, 3), round(row.lat, 3)), []).append(
            (name, row.executions, radius)
        )
    placer = lb.Placer(frame.box, lang)
    points = {key: frame.lonlat(*key) for key in groups}
    discs = {key: placer.avoid(*points[key], 0.55 * m[0][2]) for key, m in groups.items()}
    named = 0
    for key, members in groups.items():
        if named >= lg.MAX_LABELS:
            break
        shown = members[: lg.MAX_LABELS - named]
        named += len(shown)
        lines = [f"{name}: {i18n.fmt_int(n, lang)}" for name, n, _ in shown]
        radius = members[0][2]
        candidates = [
            *lb.around(radius + 4, on_anchor=True),
            *lb.around(radius + 18),
            *lb.around(radius + 34),
        ]
        placer.place(points[key], lines, candidates, ignore=discs[key])
    return placer.placed


# ---------------------------------------------------------------------------------------------
# the social card


def card_image(layers: Layers, kind: ImageKind, lang: Lang) -> Svg:
    """The map with the title and the reported total, readable as a thumbnail."""
    width, height = CARD_SIZE
    svg = Svg(width, height, lang)
    map_width = 560.0
    map_left = width - 20 - map_width if i18n.rtl(lang) else 20.0
    frame = geo.fit(layers.ch.rows, map_left, 20, map_width, height - 40)
    draw_map(svg, layers, kind, frame, 0.75)
    left, right = (
        (40.0, map_left - 24) if i18n.rtl(lang) else (map_left + map_width + 24, width - 40.0)
    )
    x = right if i18n.rtl(lang) else left
    side: lb.Side = "right" if i18n.rtl(lang) else "left"
    limit = right - left
    joined = layers.joined
    lines = tx.wrap(title(joined, lang), 44, limit, lang, bold=True, max_lines=3)
    y = svg.lines(x, 96, lines, 44, leading=1.2, fill=style.TEXT, bold=True, anchor=side)
    lines = tx.wrap(subtitle(joined, kind, lang), 26, limit, lang, max_lines=2)
    y = svg.lines(x, y + 44, lines, 26, fill=style.MUTED, anchor=side)
    # The claim as the source makes it: "at least", the figure, and whose figure it is.
    qualifier = i18n.QUALIFIERS.get(joined.report.total_qualifier, {}).get(lang, "").strip()
    if qualifier:
        svg.text(x, y + 50, _capital(qualifier), 30, fill=style.TEXT, bold=True, anchor=side)
    total = i18n.fmt_int(joined.reconciliation.reported_total, lang)
    svg.text(x, y + 150, total, 110, fill=style.TEXT, bold=True, anchor=side)
    label = tx.truncate(i18n.text(lang, "reported_total"), 30, limit, lang)
    svg.text(x, y + 198, label, 30, fill=style.TEXT, anchor=side)
    lines = tx.wrap(source_line(joined, lang), 18, limit, lang, max_lines=3)
    first = height - 62 - 18 * 1.3 * (len(lines) - 1)
    svg.lines(x, max(first, y + 236), lines, 18, fill=style.MUTED, anchor=side)
    credit = tx.truncate(CREDIT[lang], 16, limit, lang)
    svg.text(x, height - 28, credit, 16, fill=style.MUTED, anchor=side)
    return svg


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
