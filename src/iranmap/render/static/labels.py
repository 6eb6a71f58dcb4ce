"""Labels naming the largest figures, placed greedily so that none covers another.

Largest figure first, each label goes to the first of its candidate positions that stays in
the map's frame and clear of the labels placed before it and of the marks (province anchors,
circle middles) it must not hide. A label with no clear position is left out rather than
drawn over another: its figure is still in the legend totals and the data files. Boxes are
estimated from the fonts' widths (:func:`iranmap.render.static.text.width`), padded.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from shapely.geometry import box as shapely_box
from shapely.prepared import prep

from iranmap import style
from iranmap.i18n import Lang
from iranmap.render.static import text as tx
from iranmap.render.static.svg import Svg

SIZE = 17.0  # px
LEADING = 1.2
PAD = 4.0
Box = tuple[float, float, float, float]  # left, top, right, bottom
Side = Literal["left", "middle", "right"]


@dataclass(frozen=True)
class Candidate:
    """A position: offset from the anchor (px, y down), which side of the box sits there,
    and whether the label sits on its anchor (inside its shape, no leader line)."""

    dx: float
    dy: float
    side: Side  # horizontal: the box's left edge, middle or right edge is at dx
    vertical: Literal["top", "middle", "bottom"]
    on_anchor: bool = False
    loose: bool = False  # on the anchor but allowed past its shape's edge: a last resort


@dataclass(frozen=True)
class Placed:
    lines: tuple[str, ...]
    box: Box
    side: Side
    anchor: tuple[float, float]
    leader: bool


def around(distance: float, on_anchor: bool = False) -> list[Candidate]:
    """Eight positions at ``distance`` px around an anchor: sides first, then corners."""
    d = distance * math.sqrt(0.5)
    return [
        Candidate(distance, 0, "left", "middle", on_anchor),
        Candidate(-distance, 0, "right", "middle", on_anchor),
        Candidate(0, -distance, "middle", "bottom", on_anchor),
        Candidate(0, distance, "middle", "top", on_anchor),
        Candidate(d, -d, "left", "bottom", on_anchor),
        Candidate(-d, -d, "right", "bottom", on_anchor),
        Candidate(d, d, "left", "top", on_anchor),
        Candidate(-d, d, "right", "top", on_anchor),
    ]


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


class Placer:
    def __init__(self, frame: Box, lang: Lang) -> None:
        self.frame = frame
        self.lang = lang
        self.taken: list[Box] = []
        self.placed: list[Placed] = []

    def avoid(self, x: float, y: float, radius: float) -> Box:
        """Keep a square around a point clear of labels; returns it (to ``ignore`` later)."""
        mark = (x - radius, y - radius, x + radius, y + radius)
        self.taken.append(mark)
        return mark

    def size(self, lines: Sequence[str]) -> tuple[float, float]:
        w = max(tx.width(line, SIZE, self.lang) for line in lines)
        return w, SIZE * LEADING * len(lines)

    def place(
        self,
        anchor: tuple[float, float],
        lines: Sequence[str],
        candidates: Sequence[Candidate],
        *,
        ignore: Box | None = None,
        shape: Any | None = None,
        leader: bool = True,
    ) -> Placed | None:
        """The label at its first clear position, or None.

        ``shape`` is the anchor's own area in pixels: a label on the anchor must lie inside
        it, a label off the anchor must keep clear of it (its colour stays visible).
        """
        w, h = self.size(lines)
        area = prep(shape) if shape is not None else None
        for c in candidates:
            left = anchor[0] + c.dx - {"left": 0.0, "middle": 0.5, "right": 1.0}[c.side] * w
            top = anchor[1] + c.dy - {"top": 0.0, "middle": 0.5, "bottom": 1.0}[c.vertical] * h
            box = (left - PAD, top - PAD, left + w + PAD, top + h + PAD)
            if not self._fits(box, ignore, None if c.loose else area, c.on_anchor):
                continue
            self.taken.append(box)
            placed = Placed(tuple(lines), box, c.side, anchor, leader and not c.on_anchor)
            self.placed.append(placed)
            return placed
        return None

    def _fits(self, box: Box, ignore: Box | None, area: Any | None, on_anchor: bool) -> bool:
        f = self.frame
        if box[0] < f[0] or box[1] < f[1] or box[2] > f[2] or box[3] > f[3]:
            return False
        if any(_overlaps(box, other) for other in self.taken if other is not ignore):
            return False
        if area is not None:
            square = shapely_box(*box)
            if on_anchor and not area.contains(square):
                return False
            if not on_anchor and area.intersects(square):
                return False
        return True


def draw(svg: Svg, placed: Sequence[Placed]) -> None:
    """Leader lines first, then the labels with a white halo, in placing order."""
    for p in placed:
        if p.leader:
            x, y = _nearest(p.box, p.anchor)
            svg.line(p.anchor[0], p.anchor[1], x, y, style.MUTED, 1.2)
    for p in placed:
        left, top, right, _ = p.box
        left, top, right = left + PAD, top + PAD, right - PAD
        x = {"left": left, "middle": (left + right) / 2, "right": right}[p.side]
        baseline = top + SIZE * 0.93  # the cap height sits in the middle of the line box
        svg.lines(
            x,
            baseline,
            p.lines,
            SIZE,
            leading=LEADING,
            fill=style.TEXT,
            anchor=p.side,
            halo=style.PAPER,
        )


def _nearest(box: Box, point: tuple[float, float]) -> tuple[float, float]:
    """The point of ``box`` (unpadded a little) nearest to ``point``: where a leader ends."""
    left, top, right, bottom = box[0] + 2, box[1] + 2, box[2] - 2, box[3] - 2
    return min(max(point[0], left), right), min(max(point[1], top), bottom)
