"""An SVG document written element by element, and its PNG drawn by resvg with bundled fonts.

Text stays text (``<text>`` in the bundled fonts' family names), so an image can be edited in
Inkscape or Illustrator. Right-to-left lines carry ``direction="rtl"`` for the editors and
browsers that read it; resvg does not (it lays every line out left to right and anchors
``start`` on the left), so each such line is also wrapped in a right-to-left isolate, which
every renderer reads the same way, and resvg gets a style sheet that turns the anchor of
the classed lines around. The PNG is therefore what a browser shows of the SVG.

Same input, same bytes: numbers are written with fixed decimals, ids are fixed, resvg only
loads the fonts bundled here (never the system's) and the PNG holds no date or software.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from iranmap import i18n, raster, style
from iranmap.i18n import Lang
from iranmap.render.static import text as tx

Anchor = Literal["left", "middle", "right"]
#: resvg's reading of the classed right-to-left lines (see the module docstring).
RESVG_STYLE = ".rtl-r{text-anchor:end}.rtl-l{text-anchor:start}"


def num(value: float) -> str:
    """A coordinate with at most one decimal, no trailing zeros: stable and short."""
    text = f"{value:.1f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return "0" if text == "-0" else text


class Svg:
    """Elements in drawing order; :meth:`document` closes them into one SVG file."""

    def __init__(self, width: int, height: int, lang: Lang) -> None:
        self.width = width
        self.height = height
        self.lang = lang
        self.parts: list[str] = []

    def add(self, markup: str) -> None:
        self.parts.append(markup)

    def open_group(self, gid: str) -> None:
        self.parts.append(f'<g id="{tx.xml(gid)}">')

    def close_group(self) -> None:
        self.parts.append("</g>")

    def rect(
        self, x: float, y: float, w: float, h: float, fill: str, stroke: str | None = None
    ) -> None:
        edge = "" if stroke is None else f' stroke="{stroke}" stroke-width="1"'
        self.add(
            f'<rect x="{num(x)}" y="{num(y)}" width="{num(w)}" height="{num(h)}" '
            f'fill="{fill}"{edge}/>'
        )

    def circle(
        self,
        x: float,
        y: float,
        r: float,
        fill: str,
        opacity: float,
        stroke: str,
        stroke_width: float,
        dash: str | None = None,
    ) -> None:
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        self.add(
            f'<circle cx="{num(x)}" cy="{num(y)}" r="{num(r)}" fill="{fill}" '
            f'fill-opacity="{opacity:g}" stroke="{stroke}" stroke-width="{stroke_width:g}"'
            f"{dashed}/>"
        )

    def line(self, x1: float, y1: float, x2: float, y2: float, stroke: str, w: float) -> None:
        self.add(
            f'<line x1="{num(x1)}" y1="{num(y1)}" x2="{num(x2)}" y2="{num(y2)}" '
            f'stroke="{stroke}" stroke-width="{w:g}"/>'
        )

    def text(
        self,
        x: float,
        y: float,
        content: str,
        size: float,
        *,
        fill: str,
        anchor: Anchor = "left",
        bold: bool = False,
        halo: str | None = None,
    ) -> None:
        """One line with its baseline at ``y``; ``anchor`` is the side ``x`` is on.

        In a Persian image every line is right to left (see the module docstring).
        """
        rtl = i18n.rtl(self.lang)
        attributes = [f'x="{num(x)}"', f'y="{num(y)}"', f'font-size="{size:g}"']
        if bold:
            attributes.append('font-weight="bold"')
        attributes.append(f'fill="{fill}"')
        if halo is not None:
            attributes.append(
                f'stroke="{halo}" stroke-width="{size / 4:g}" stroke-linejoin="round" '
                'paint-order="stroke"'
            )
        if rtl:
            svg_anchor = {"right": "start", "middle": "middle", "left": "end"}[anchor]
            attributes.append('direction="rtl"')
            if anchor != "middle":
                attributes.append(f'class="rtl-{anchor[0]}"')
            content = f"{tx.RLI}{content}{tx.PDI}"
        else:
            svg_anchor = {"left": "start", "middle": "middle", "right": "end"}[anchor]
        if svg_anchor != "start":
            attributes.append(f'text-anchor="{svg_anchor}"')
        markup = "".join(
            tx.xml(run) if family == tx.FAMILIES[self.lang][0] else _tspan(family, run)
            for family, run in tx.runs(content, self.lang)
        )
        self.add(f'<text xml:space="preserve" {" ".join(attributes)}>{markup}</text>')

    def lines(
        self,
        x: float,
        y: float,
        lines: Sequence[str],
        size: float,
        leading: float = 1.3,
        **style: object,
    ) -> float:
        """Lines from baseline ``y`` down; returns the last baseline."""
        for i, line in enumerate(lines):
            if i:
                y += size * leading
            self.text(x, y, line, size, **style)  # type: ignore[arg-type]
        return y

    def document(self, title: str, description: str) -> str:
        """The whole SVG, with a ``<title>`` and ``<desc>`` screen readers announce."""
        families = ", ".join(f"'{f}'" for f in tx.FAMILIES[self.lang])
        head = (
            '<svg xmlns="http://www.w3.org/2000/svg" version="1.1" role="img" '
            f'width="{self.width}" height="{self.height}" '
            f'viewBox="0 0 {self.width} {self.height}" '
            f'font-family="{tx.xml(families)}, sans-serif" xml:lang="{self.lang}">'
        )
        return "\n".join(
            [
                '<?xml version="1.0" encoding="UTF-8"?>',
                head,
                f"<title>{tx.xml(tx.clean(title))}</title>",
                f"<desc>{tx.xml(tx.clean(description))}</desc>",
                f'<rect width="{self.width}" height="{self.height}" fill="{style.PAPER}"/>',
                *self.parts,
                "</svg>",
                "",
            ]
        )


def _tspan(family: str, run: str) -> str:
    return f"<tspan font-family=\"'{family}'\">{tx.xml(run)}</tspan>"


def png_job(svg: str, title: str, description: str) -> raster.Job:
    """How to draw ``svg``: with the bundled fonts only, the right-to-left style sheet, and the
    title and description as the PNG's only text (iTXt, UTF-8), besides the pixels."""
    return raster.Job(
        svg,
        family=tx.LATIN,
        style_sheet=RESVG_STYLE,
        texts={"Title": tx.clean(title), "Description": tx.clean(description)},
    )


def rasterise(svg: str, title: str, description: str) -> bytes:
    """The SVG drawn by resvg (see :func:`png_job`), as a PNG."""
    return raster.png(png_job(svg, title, description))
