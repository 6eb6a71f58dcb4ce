"""Static images of a comparison: every source's total on one axis, in each language, as SVG
and PNG (``sources.svg``, ``sources.png``) and a 1200 x 630 card (``sources.card.png``).

The same chart as the page's: a bar per source from zero, an arrow past the end of a total
qualified "at least", the publisher, date and window beside it, a window that differs marked,
the headline range on top and the credit at the foot. Colours are the style's.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from iranmap import i18n, style
from iranmap.comparisons import Comparison, Source
from iranmap.i18n import LANGS, Lang
from iranmap.render._lang import own
from iranmap.render.sources import at_least, headline, revised_text, title
from iranmap.render.static.svg import Svg, png_job

WIDTH = 1200
CARD_HEIGHT = 630
_SIZE = 20.0  # px, the publisher's name; the other texts and the bar follow it
_TOP = 150.0
_MARGIN = 48.0


def image_names(lang: Lang) -> tuple[str, str, str]:
    """The PNG, SVG and card file names in one language."""
    return tuple(i18n.file_name("sources", lang, ext) for ext in ("png", "svg", "card.png"))  # type: ignore[return-value]


def _when(source: Source, lang: Lang) -> str:
    r = source.report
    published = i18n.text(lang, "sources.published", date=i18n.day(r.source_date, lang, r.calendar))
    window = i18n.text(
        lang,
        "sources.window",
        period=i18n.period(r.period_start, r.period_end, lang, r.calendar),
    )
    return " · ".join([published, window])


def _flags(source: Source, lang: Lang) -> list[str]:
    """The line under a row's dates, when a reader must know more: a revision, a window
    that differs (the page says the same at greater length)."""
    flags = []
    if source.revision is not None:
        flags.append(revised_text(source, lang))
    if not source.in_window:
        flags.append(i18n.text(lang, "sources.apart_short"))
    return flags


def _height(source: Source, size: float) -> float:
    """A row's height at text size ``size``: name, dates, bar, and a line of flags if any."""
    return size * (4.1 if source.revision is not None or not source.in_window else 3.2) + 12


def chart_image(comparison: Comparison, lang: Lang, height: int | None = None) -> Svg:
    """The chart as an SVG; ``height`` fixes the image's height (the card), rows then shrink."""
    sources = comparison.sources
    size = _SIZE
    natural = sum(_height(s, size) for s in sources)
    if height is not None and _TOP + natural + 60 > height:
        size *= (height - _TOP - 60) / natural
    full = int(_TOP + sum(_height(s, size) for s in sources) + 60) if height is None else height
    svg = Svg(WIDTH, full, lang)
    rtl = i18n.rtl(lang)
    near = WIDTH - _MARGIN if rtl else _MARGIN
    anchor: Literal["left", "right"] = "right" if rtl else "left"
    svg.text(near, 56, title(comparison, lang), 34, fill=style.TEXT, anchor=anchor, bold=True)
    svg.text(near, 100, headline(comparison, lang), 24, fill=style.TEXT, anchor=anchor)
    svg.text(
        near, 130, i18n.text(lang, "sources.open_ended_image"), 16, fill=style.MUTED, anchor=anchor
    )
    top_value = max(s.report.total for s in sources) or 1
    span = (WIDTH - 2 * _MARGIN) * 0.72
    y = _TOP
    for source in sources:
        _row(svg, source, y, size, span / top_value, near, rtl, lang)
        y += _height(source, size)
    credit = i18n.text(lang, "made_with")
    svg.text(near, full - 24, credit, 14, fill=style.MUTED, anchor=anchor)
    return svg


def _row(
    svg: Svg,
    source: Source,
    y: float,
    size: float,
    scale: float,
    near: float,
    rtl: bool,
    lang: Lang,
) -> None:
    r = source.report
    anchor: Literal["left", "right"] = "right" if rtl else "left"
    publisher = own(lang, r.publisher, r.publisher_fa)[0]
    svg.text(near, y + size, publisher, size, fill=style.TEXT, anchor=anchor, bold=True)
    svg.text(
        near, y + size * 2.1, _when(source, lang), size * 0.75, fill=style.MUTED, anchor=anchor
    )
    bar_y = y + size * 2.5
    bar_h = size * 0.6
    length = r.total * scale
    fill = style.CIRCLE_FILL if source.in_window else style.BASE_EDGE
    x = near - length if rtl else near
    svg.rect(x, bar_y, length, bar_h, fill)
    end = near - length if rtl else near + length
    step = -1 if rtl else 1
    label_x = end + step * 8
    if r.total_qualifier != "exactly":  # open-ended: an arrowhead past the end of the bar
        tip = end + step * 18
        svg.add(
            f'<path d="M{end:.1f} {bar_y - 3:.1f}L{tip:.1f} {bar_y + bar_h / 2:.1f}'
            f'L{end:.1f} {bar_y + bar_h + 3:.1f}Z" fill="{fill}"/>'
        )
        label_x = tip + step * 8
    svg.text(
        label_x,
        bar_y + bar_h,
        at_least(source, lang),
        size,
        fill=style.TEXT,
        anchor=anchor,
        bold=True,
    )
    flags = _flags(source, lang)
    if flags:
        line = " · ".join(flags)
        svg.text(
            near, bar_y + bar_h + size * 1.05, line, size * 0.75, fill=style.TEXT, anchor=anchor
        )


def render_images(comparison: Comparison, langs: Sequence[Lang] = LANGS) -> dict[str, bytes]:
    """The chart's SVG, PNG and card in each of ``langs``, by file name."""
    from iranmap.raster import pngs

    files: dict[str, bytes] = {}
    jobs = {}
    for lang in langs:
        png_name, svg_name, card_name = image_names(lang)
        heading = title(comparison, lang)
        description = headline(comparison, lang)
        svg = chart_image(comparison, lang).document(heading, description)
        files[svg_name] = svg.encode("utf-8")
        jobs[png_name] = png_job(svg, heading, description)
        card = chart_image(comparison, lang, CARD_HEIGHT).document(heading, description)
        jobs[card_name] = png_job(card, heading, description)
    files.update(zip(jobs, pngs(list(jobs.values())), strict=True))
    return files
