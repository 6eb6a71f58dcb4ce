"""Static images of a report's maps (PNG and SVG), for print, slides and social media.

The images show what the interactive pages show, with the same classes, colours, hatch and
circle scale (taken from :mod:`iranmap.render.choropleth` and :mod:`iranmap.render.points`):
the title, what the map shows and the period, the reconciliation sentence, a legend with the
class ranges and a hatched "Not itemized" swatch (or a circle size key), labels naming the
largest figures, and the source line. A static image has no tooltip, so the labels and the
totals beside the legend carry what a reader would otherwise hover for.

Images are always in English, whatever ``options.lang`` says: matplotlib cannot shape
Persian script (letters would come out unjoined and left to right), so Persian names are
not drawn and a Persian build gets the same English images.

The same input gives the same bytes: the bundled DejaVu Sans font is used by file (a system
font of the same name cannot change the glyphs), every rcParam is reset to matplotlib's
defaults while drawing (a user's matplotlibrc cannot leak in), SVG ids come from a fixed
salt, and neither file records a date or a software version. Drawing uses
:class:`matplotlib.figure.Figure` and the Agg canvas directly, never pyplot, so no figure
outlives a call; the rcParams are set under a lock and restored afterwards.
"""

from __future__ import annotations

import io
import re
import threading
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from xml.sax.saxutils import escape

import matplotlib as mpl
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import Circle, Rectangle
from matplotlib.path import Path as MplPath
from matplotlib.text import Text
from matplotlib.transforms import Bbox
from PIL import Image
from PIL.PngImagePlugin import PngInfo
from shapely.geometry import MultiPolygon, Polygon, shape
from shapely.geometry.polygon import orient
from shapely.ops import polylabel

from iranmap import i18n
from iranmap.classify import NO_POPULATION_FILL, NOT_ITEMIZED_FILL, NOT_ITEMIZED_HATCH
from iranmap.join import Joined
from iranmap.render.choropleth import (
    NO_POPULATION,
    NOT_ITEMIZED,
    Choropleth,
    ProvinceRow,
    build_choropleth,
    class_labels,
)
from iranmap.render.options import RenderOptions
from iranmap.render.points import FILL as CIRCLE_FILL
from iranmap.render.points import STROKE as CIRCLE_STROKE
from iranmap.render.points import Points, PrisonRow, build_points

ImageKind = Literal["choropleth", "points"]
KINDS: tuple[ImageKind, ...] = ("choropleth", "points")
NAMES = ("choropleth.png", "choropleth.svg", "points.png", "points.svg")

# 1600 x 1200 px: 4:3 reads well in a social media post and on a printed page; at 200 dpi a
# 7 pt label is 19 px tall, still legible when the image is shown 1200 px wide.
WIDTH_IN = 8.0
HEIGHT_IN = 6.0
DPI = 200
SVG_SALT = "iranmap"

# What the pages draw around the classes (iranmap.js): province outlines on the choropleth,
# and the plain base of the points map.
PROVINCE_EDGE = "#595959"
BASE_FILL = "#f5f3ee"
BASE_EDGE = "#9a9a9a"
CIRCLE_ALPHA = 0.7
HATCH = "/////"  # about the page's 8 px stripes at the image's scale
TEXT = "#1a1a1a"
MUTED = "#555555"

# The page's circle radii are screen pixels on a map about 800 px wide; this map is about
# 1000 px wide, and print wants them a little bolder (in points: 72 per inch).
CIRCLE_SCALE = 1.5 * 72 / DPI

MAX_LABELS = 10  # the largest figures are named on the map; the rest are in the data files

_FONT_DIR = Path(mpl.get_data_path()) / "fonts" / "ttf"
_REGULAR = _FONT_DIR / "DejaVuSans.ttf"
_BOLD = _FONT_DIR / "DejaVuSans-Bold.ttf"

# Layout in points (72 per inch) from the top left: header on top, the map on the left, the
# legend column on the right, the source line at the bottom.
W = WIDTH_IN * 72
H = HEIGHT_IN * 72
MARGIN = 20.0
MAP_LEFT = 6.0
MAP_WIDTH = 370.0
LEGEND_LEFT = 392.0

_LOCK = threading.Lock()

# Words only the images use (English only, see the module docstring).
NOT_ITEMIZED_NOTE = "No figure in the report (not zero)"
LABELS_NOTE = "Labels name the largest figures; every figure is in the data files."
APPROXIMATE_NOTE = "{n} of {total} placed at their city's centre (approximate)."
PRISONS_MAPPED = "Prisons on the map"
ALL_APPROXIMATE_NOTE = "All placed at their city's centre (approximate)."


def render_images(joined: Joined, options: RenderOptions) -> dict[str, bytes]:
    """``choropleth.png``/``.svg`` and ``points.png``/``.svg`` of ``joined``, as bytes.

    Text is English even when ``options.lang`` is "fa" (matplotlib cannot shape Persian);
    classes, measure and colours follow ``options`` as the pages do.
    """
    layers = _layers(joined, options)
    _warn_unshaped(joined, layers[1])
    description = joined.reconciliation.sentence("en")
    files: dict[str, bytes] = {}
    with _LOCK, _settings():
        for kind in KINDS:
            figure = draw(joined, *layers, kind)
            title = _page_title(joined, kind)
            files[f"{kind}.png"] = _png(figure, title, description)
            files[f"{kind}.svg"] = _svg(figure, title, description)
    return files


def render_figure(joined: Joined, options: RenderOptions, kind: ImageKind) -> Figure:
    """The laid-out figure of one image, for tests and notebooks that look at its parts."""
    with _LOCK, _settings():
        return draw(joined, *_layers(joined, options), kind)


_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def _warn_unshaped(joined: Joined, pts: Points) -> None:
    """Warn when text the images draw is in Persian script: it would come out as separate
    letters, left to right. Legal (a report may be written in Persian), but worth knowing."""
    report = joined.report
    toml = str(report.folder / "report.toml")
    fields = [
        (toml, "title", report.title),
        (toml, "publisher", report.publisher),
        (toml, "source title", report.source_title),
        *(
            (str(report.folder / (row.source or "prisons.csv")), "prison name", row.name_en)
            for row in pts.rows
        ),
    ]
    for where, field, value in fields:
        if _ARABIC_SCRIPT.search(value):
            msg = (
                f"{where}: the static images cannot shape Persian script, found {field} "
                f"{value!r}; they draw it letter by letter (the HTML maps show it properly). "
                f"Give the text in English for readable images."
            )
            warnings.warn(msg, UserWarning, stacklevel=3)
            return


def _layers(joined: Joined, options: RenderOptions) -> tuple[Choropleth, Points, Shapes]:
    ch = build_choropleth(joined, options)
    return ch, build_points(joined), _shapes(ch)


# ---------------------------------------------------------------------------------------------
# settings and saving


@contextmanager
def _settings() -> Iterator[None]:
    """matplotlib's defaults plus ours, restored on exit (caller holds ``_LOCK``)."""
    with mpl.rc_context():
        mpl.rcdefaults()
        mpl.rcParams.update(
            {
                "svg.fonttype": "none",
                "svg.hashsalt": SVG_SALT,
                "font.family": "sans-serif",
                "font.sans-serif": ["DejaVu Sans"],
                "hatch.linewidth": 0.5,
                "hatch.color": NOT_ITEMIZED_HATCH,
                "path.simplify": True,
                "path.simplify_threshold": 0.2,
            }
        )
        yield


def _png(figure: Figure, title: str, description: str) -> bytes:
    """The Agg canvas as an RGB PNG (the figure is opaque: an alpha channel would only add
    bytes), with a title and description but no software or date."""
    canvas = FigureCanvasAgg(figure)
    canvas.draw()  # type: ignore[no-untyped-call]
    pixels = np.asarray(canvas.buffer_rgba())[..., :3]  # type: ignore[no-untyped-call]
    info = PngInfo()
    info.add_text("Title", title)
    info.add_text("Description", description)
    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, format="png", pnginfo=info, dpi=(DPI, DPI))
    return buffer.getvalue()


def _svg(figure: Figure, title: str, description: str) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    return _accessible_svg(buffer.getvalue(), title, description)


def _accessible_svg(svg: bytes, title: str, description: str) -> bytes:
    """A ``<title>`` and ``<desc>`` first in the root element, which screen readers announce."""
    text = svg.decode("utf-8")
    start = text.index("<svg")
    end = text.index(">", start) + 1
    head = text[:end].replace("<svg ", '<svg role="img" ', 1)
    extra = f"\n <title>{escape(title)}</title>\n <desc>{escape(description)}</desc>"
    return (head + extra + text[end:]).encode("utf-8")


def _page_title(joined: Joined, kind: ImageKind) -> str:
    return i18n.text(
        "en", "embed_title", title=joined.report.title, kind=i18n.text("en", f"kind.{kind}")
    )


# ---------------------------------------------------------------------------------------------
# geometry


def mercator(lat: Any) -> Any:
    """Latitude to Web Mercator's y, in degree units, so the shapes match the pages'."""
    return np.degrees(np.log(np.tan(np.pi / 4 + np.radians(lat) / 2)))


@dataclass(frozen=True)
class Shapes:
    """Province outlines in map coordinates (x = longitude, y = Mercator), one path each."""

    paths: tuple[MplPath | None, ...]  # per ch.rows; None where the geometry is empty
    bounds: tuple[float, float, float, float]  # xmin, ymin, xmax, ymax


def _shapes(ch: Choropleth) -> Shapes:
    paths: list[MplPath | None] = []
    xs: list[float] = []
    ys: list[float] = []
    for row in ch.rows:
        if row.geometry is None:
            paths.append(None)
            continue
        path = _path(shape(row.geometry))
        paths.append(path)
        extent = path.get_extents()
        xs += [extent.x0, extent.x1]
        ys += [extent.y0, extent.y1]
    if not xs:
        xs, ys = [44.0, 63.5], [float(mercator(25.0)), float(mercator(40.0))]
    return Shapes(tuple(paths), (min(xs), min(ys), max(xs), max(ys)))


def _path(geometry: Any) -> MplPath:
    """A (Multi)Polygon as one compound path: exteriors counter-clockwise, holes clockwise."""
    parts = geometry.geoms if isinstance(geometry, MultiPolygon) else [geometry]
    rings: list[MplPath] = []
    for part in parts:
        polygon = orient(part, 1.0)
        for ring in (polygon.exterior, *polygon.interiors):
            coords = np.asarray(ring.coords, dtype=float)[:, :2]
            coords[:, 1] = mercator(coords[:, 1])
            rings.append(MplPath(coords, closed=True))
    return MplPath.make_compound_path(*rings)


def _label_point(row: ProvinceRow) -> tuple[float, float]:
    """A point well inside the province's largest part, where its label reads best."""
    geometry = shape(row.geometry)
    parts = geometry.geoms if isinstance(geometry, MultiPolygon) else [geometry]
    largest: Polygon = max(parts, key=lambda p: p.area)
    inside = polylabel(largest, tolerance=0.02)
    return float(inside.x), float(mercator(inside.y))


# ---------------------------------------------------------------------------------------------
# figure


def _font(size: float, bold: bool = False) -> FontProperties:
    """Bundled DejaVu Sans by file; the family and weight are what the SVG's text names."""
    return FontProperties(
        family="sans-serif",
        weight="bold" if bold else "normal",
        fname=_BOLD if bold else _REGULAR,
        size=size,
    )


class _Sheet:
    """The figure, with text placed and measured in points from its top left corner."""

    def __init__(self, figure: Figure) -> None:
        self.figure = figure
        # matplotlib's stubs leave get_renderer untyped.
        self.renderer = FigureCanvasAgg(figure).get_renderer()  # type: ignore[no-untyped-call]

    def width(self, text: str, size: float, bold: bool = False) -> float:
        """How wide ``text`` is, in points."""
        px, _, _ = self.renderer.get_text_width_height_descent(
            text, _font(size, bold), ismath=False
        )
        return float(px) * 72 / self.figure.dpi

    def wrap(self, text: str, size: float, width: float, bold: bool = False) -> list[str]:
        """``text`` broken at spaces into lines no wider than ``width`` points."""
        lines: list[str] = []
        for word in text.split():
            if lines and self.width(f"{lines[-1]} {word}", size, bold) <= width:
                lines[-1] = f"{lines[-1]} {word}"
            else:
                lines.append(word)
        return lines or [""]

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: float,
        *,
        bold: bool = False,
        color: str = TEXT,
        ha: str = "left",
        va: str = "baseline",
        zorder: float = 3,
    ) -> None:
        """One line of text; ``y`` is its baseline (or top/centre, per ``va``) from the top.

        ``zorder`` sets the drawing order, which is also the SVG's reading order.
        """
        self.figure.text(
            x / W,
            1 - y / H,
            text,
            fontproperties=_font(size, bold),
            color=color,
            ha=ha,
            va=va,
            parse_math=False,
            zorder=zorder,
        )

    def lines(self, x: float, y: float, lines: Sequence[str], size: float, **style: Any) -> float:
        """Lines from baseline ``y`` down; returns the last baseline."""
        for i, line in enumerate(lines):
            if i:
                y += size * 1.3
            self.text(x, y, line, size, **style)
        return y


def draw(joined: Joined, ch: Choropleth, pts: Points, shapes: Shapes, kind: ImageKind) -> Figure:
    """The whole figure of one map kind (public so tests can inspect its parts)."""
    figure = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI, facecolor="white")
    sheet = _Sheet(figure)
    top = _header(sheet, joined, kind)
    bottom = _footer(sheet, joined)
    ax = figure.add_axes((MAP_LEFT / W, 1 - bottom / H, MAP_WIDTH / W, (bottom - top) / H))
    ax.set_axis_off()
    ax.set_aspect("equal")
    ax.set_anchor("N")
    xmin, ymin, xmax, ymax = shapes.bounds
    pad = 0.01 * max(xmax - xmin, ymax - ymin)
    ax.set_xlim(xmin - pad, xmax + pad)
    ax.set_ylim(ymin - pad, ymax + pad)
    ax.apply_aspect()
    if kind == "choropleth":
        _provinces(ax, ch, shapes)
        _choropleth_legend(sheet, top + 6, ch, joined)
        _place_province_labels(sheet, ax, ch, shapes)
    else:
        _base(ax, shapes)
        radii = _circles(ax, pts)
        _points_legend(sheet, top + 6, pts, joined)
        _place_prison_labels(sheet, ax, pts, radii)
    return figure


def _header(sheet: _Sheet, joined: Joined, kind: ImageKind) -> float:
    """Title, what the map shows and when, and the reconciliation; returns its bottom.

    Drawn first (zorder below the map's) so that the SVG reads title first.
    """
    report = joined.report
    width = W - 2 * MARGIN
    head = {"zorder": -1}
    title = sheet.wrap(report.title, 18, width, True)
    y = sheet.lines(MARGIN, MARGIN + 15, title, 18, bold=True, **head)
    period = i18n.fmt_period(report.period_start, report.period_end, "en")
    what = sheet.wrap(f"{i18n.text('en', f'kind.{kind}')} · {period}", 11, width)
    y = sheet.lines(MARGIN, y + 20, what, 11, color=MUTED, **head)
    sentence = sheet.wrap(joined.reconciliation.sentence("en"), 10, width)
    y = sheet.lines(MARGIN, y + 16, sentence, 10, **head)
    return y + 10


def _footer(sheet: _Sheet, joined: Joined) -> float:
    """The source line and the tool's name; returns the footer's top."""
    report = joined.report
    date = i18n.fmt_date(report.source_date, "en")
    source = f"Source: {report.publisher}, \u201c{report.source_title}\u201d, {date}"
    if report.source_url:
        source += f", {report.source_url}"
    made = i18n.text("en", "made_with")
    width = W - 2 * MARGIN - sheet.width(made, 7.5) - 24
    lines = sheet.wrap(source, 7.5, width)
    first = H - 14 - 7.5 * 1.3 * (len(lines) - 1)
    sheet.lines(MARGIN, first, lines, 7.5, color=MUTED)
    sheet.text(W - MARGIN, first, made, 7.5, color=MUTED, ha="right")
    return first - 7.5 - 10


# ---------------------------------------------------------------------------------------------
# map layers


def _provinces(ax: Any, ch: Choropleth, shapes: Shapes) -> None:
    """Class colours, then the hatched not-itemized provinces, outlines on both."""
    filled: list[tuple[MplPath, str]] = []
    hatched: list[MplPath] = []
    for row, path in zip(ch.rows, shapes.paths, strict=True):
        if path is None:
            continue
        if ch.class_of(row, ch.measure) == NOT_ITEMIZED:
            hatched.append(path)
        else:
            filled.append((path, ch.fill(row, ch.measure)))
    if filled:
        ax.add_collection(
            PathCollection(
                [p for p, _ in filled],
                facecolors=[c for _, c in filled],
                edgecolors=PROVINCE_EDGE,
                linewidths=0.45,
                gid="provinces-itemized",
            )
        )
    if hatched:
        ax.add_collection(
            PathCollection(
                hatched,
                facecolors=NOT_ITEMIZED_FILL,
                edgecolors=PROVINCE_EDGE,
                linewidths=0.45,
                hatch=HATCH,
                gid="provinces-not-itemized",
            )
        )


def _base(ax: Any, shapes: Shapes) -> None:
    """The points map's plain provinces, as the page draws them under the circles."""
    paths = [p for p in shapes.paths if p is not None]
    ax.add_collection(
        PathCollection(
            paths, facecolors=BASE_FILL, edgecolors=BASE_EDGE, linewidths=0.45, gid="provinces"
        )
    )


def circle_radius(points: Points, executions: int) -> float:
    """A circle's radius in points: the page's radius in pixels, at this image's scale."""
    return points.radius(executions) * CIRCLE_SCALE


def _circles(ax: Any, pts: Points) -> list[float]:
    """Circles largest first (so small ones stay on top); returns their radii in points."""
    radii = [circle_radius(pts, r.executions) for r in pts.rows]
    if pts.rows:
        ax.scatter(
            [r.lon for r in pts.rows],
            mercator(np.asarray([r.lat for r in pts.rows], dtype=float)),
            s=[(2 * radius) ** 2 for radius in radii],
            c=CIRCLE_FILL,
            alpha=CIRCLE_ALPHA,
            edgecolors=CIRCLE_STROKE,
            linewidths=0.8,
            zorder=3,
            gid="prisons",
        )
    return radii


# ---------------------------------------------------------------------------------------------
# legends


class _Column:
    """The legend column, laid out top to bottom (points from the top of the figure)."""

    def __init__(self, sheet: _Sheet, top: float) -> None:
        self.sheet = sheet
        self.x = LEGEND_LEFT
        self.right = W - MARGIN
        self.y = top

    def title(self, text: str) -> None:
        lines = self.sheet.wrap(text, 11, self.right - self.x, True)
        self.y = self.sheet.lines(self.x, self.y + 11, lines, 11, bold=True) + 10

    def swatch(
        self, label: str, color: str, *, hatch: str | None = None, note: str | None = None
    ) -> None:
        width, height = 26.0, 17.0
        rect = Rectangle(
            (self.x / 72, (H - self.y - height) / 72),
            width / 72,
            height / 72,
            transform=self.sheet.figure.dpi_scale_trans,
            facecolor=color,
            edgecolor=PROVINCE_EDGE,
            linewidth=0.45,
            hatch=hatch,
        )
        self.sheet.figure.add_artist(rect)
        x = self.x + width + 8
        middle = self.y + height / 2
        if note is None:
            self.sheet.text(x, middle + 3.5, label, 10)
        else:
            self.sheet.text(x, middle - 0.5, label, 10)
            self.sheet.text(x, middle + 8.5, note, 7, color=MUTED)
        self.y += height + 5

    def circle(self, label: str, radius: float, largest: float) -> None:
        """A key circle, its centre in line with the largest one's."""
        height = max(2 * radius, 12.0)
        cx, cy = self.x + largest, self.y + height / 2
        patch = Circle(
            (cx / 72, (H - cy) / 72),
            radius / 72,
            transform=self.sheet.figure.dpi_scale_trans,
            facecolor=CIRCLE_FILL,
            alpha=CIRCLE_ALPHA,
            edgecolor=CIRCLE_STROKE,
            linewidth=0.8,
        )
        self.sheet.figure.add_artist(patch)
        self.sheet.text(cx + largest + 10, cy + 3.5, label, 10)
        self.y += height + 6

    def note(self, text: str, size: float = 7.5) -> None:
        lines = self.sheet.wrap(text, size, self.right - self.x)
        self.y = self.sheet.lines(self.x, self.y + size, lines, size, color=MUTED) + 6

    def gap(self, space: float = 10.0) -> None:
        self.y += space

    def totals(self, rows: Sequence[tuple[str, int]]) -> None:
        for label, value in rows:
            self.y += 9
            self.sheet.text(self.x, self.y, label, 9)
            self.sheet.text(self.right, self.y, i18n.fmt_int(value, "en"), 9, bold=True, ha="right")
            self.y += 6


def _choropleth_legend(sheet: _Sheet, top: float, ch: Choropleth, joined: Joined) -> None:
    en = i18n.TEXTS["en"]
    column = _Column(sheet, top)
    column.title(en["executions" if ch.measure == "count" else "per_million"])
    classes = ch.classes[ch.measure]
    for color, label in zip(classes.colors, class_labels(classes, ch.measure, "en"), strict=True):
        column.swatch(label, color)
    if any(ch.class_of(r, ch.measure) == NO_POPULATION for r in ch.rows):
        column.swatch(en["no_population"], NO_POPULATION_FILL)
    column.swatch(en["not_itemized"], NOT_ITEMIZED_FILL, hatch=HATCH, note=NOT_ITEMIZED_NOTE)
    if ch.itemized == 0:
        column.note(en["no_figures"])
    column.gap()
    rec = joined.reconciliation
    column.totals(
        [
            (en["reported_total"], rec.reported_total),
            (en["itemized_by_province"], rec.itemized_by_province),
            (en["not_itemized_total"], rec.not_itemized),
        ]
    )
    if ch.itemized > MAX_LABELS:
        column.gap(6)
        column.note(LABELS_NOTE)


def _points_legend(sheet: _Sheet, top: float, pts: Points, joined: Joined) -> None:
    en = i18n.TEXTS["en"]
    column = _Column(sheet, top)
    column.title(en["executions"])
    key = pts.key()
    largest = max((circle_radius(pts, v) for v, _ in key), default=0.0)
    for value, _ in key:
        column.circle(i18n.fmt_int(value, "en"), circle_radius(pts, value), largest)
    column.note(en["size_key"] if key else en["no_figures"])
    approximate = sum(1 for r in pts.rows if r.precision != "facility")
    if approximate == len(pts.rows) and approximate:
        column.note(ALL_APPROXIMATE_NOTE)
    elif approximate:
        column.note(APPROXIMATE_NOTE.format(n=approximate, total=len(pts.rows)))
    column.gap()
    rec = joined.reconciliation
    column.totals(
        [
            (en["reported_total"], rec.reported_total),
            (en["itemized_by_prison"], rec.itemized_by_prison),
            (PRISONS_MAPPED, rec.prisons_mapped),
        ]
    )
    if len(pts.rows) > MAX_LABELS:
        column.gap(6)
        column.note(LABELS_NOTE)


# ---------------------------------------------------------------------------------------------
# labels
#
# Labels are placed greedily, largest figure first: each goes to the first of its candidate
# positions that stays inside the map frame and clear of earlier labels and of circles. A
# label with no clear position is left out rather than drawn over another; its figure is
# still in the legend totals and the data files.

# dx, dy (points) from the anchor, horizontal and vertical alignment, and whether the label
# sits on its anchor (no leader line; must lie inside the ``inside`` path when one is given).
Offset = tuple[float, float, str, str, bool]
_SHIFT = {"left": 0.0, "center": 0.5, "right": 1.0, "bottom": 0.0, "top": 1.0}
_HALO = {"boxstyle": "round,pad=0.25", "facecolor": "white", "edgecolor": "none", "alpha": 0.85}
LABEL_SIZE = 7.5


class _Placer:
    def __init__(self, sheet: _Sheet, ax: Any) -> None:
        self.sheet = sheet
        self.ax = ax
        self.frame = ax.get_window_extent(sheet.renderer)
        self.px = sheet.figure.dpi / 72  # pixels per point
        self.taken: list[Bbox] = []

    def avoid(self, x: float, y: float, radius: float) -> Bbox:
        """Keep a disc (radius in points) around a data point clear of labels."""
        cx, cy = self.ax.transData.transform((x, y))
        r = radius * self.px
        box = Bbox.from_extents(cx - r, cy - r, cx + r, cy + r)
        self.taken.append(box)
        return box

    def place(
        self,
        x: float,
        y: float,
        text: str,
        offsets: Sequence[Offset],
        *,
        ignore: Bbox | None = None,
        inside: MplPath | None = None,
        leader: bool = False,
        shrink: float = 0.0,
    ) -> Any | None:
        """The label at its first clear offset, or None.

        ``inside`` is the anchor's own shape in display space: a label on the anchor must lie
        within it, a label off the anchor must keep clear of it (and gets a leader line).
        """
        align: Literal["center"] | None = "center" if inside is not None else None
        width, height = self._size(text, align)
        cx, cy = self.ax.transData.transform((x, y))
        for dx, dy, ha, va, on_anchor in offsets:
            # Where the text would go, worked out from its size: drawing each candidate to
            # measure it would cost a text layout per try.
            x0 = cx + dx * self.px - _SHIFT[ha] * width
            y0 = cy + dy * self.px - _SHIFT[va] * height
            box = Bbox.from_bounds(x0, y0, width, height).padded(2.5 * self.px)
            if not self._fits(box, ignore, inside, on_anchor):
                continue
            self.taken.append(box)
            return self.ax.annotate(
                text,
                xy=(x, y),
                xytext=(dx, dy),
                textcoords="offset points",
                ha=ha,
                va=va,
                multialignment=align or ("center" if ha == "center" else ha),
                fontproperties=_font(LABEL_SIZE),
                color=TEXT,
                parse_math=False,
                annotation_clip=False,
                zorder=5,
                bbox=_HALO,
                arrowprops=(
                    {
                        "arrowstyle": "-",
                        "color": MUTED,
                        "linewidth": 0.6,
                        "shrinkA": 0,
                        "shrinkB": shrink,
                    }
                    if leader and not on_anchor
                    else None
                ),
            )
        return None

    def _size(self, text: str, align: Literal["center"] | None) -> tuple[float, float]:
        """Width and height of a label's text in display pixels."""
        probe = Text(
            0, 0, text, fontproperties=_font(LABEL_SIZE), parse_math=False, multialignment=align
        )
        probe.set_figure(self.sheet.figure)
        box = probe.get_window_extent(self.sheet.renderer)
        return float(box.width), float(box.height)

    def _fits(
        self, box: Bbox, ignore: Bbox | None, inside: MplPath | None, on_anchor: bool
    ) -> bool:
        corners = [(box.x0, box.y0), (box.x0, box.y1), (box.x1, box.y0), (box.x1, box.y1)]
        if not all(self.frame.contains(cx, cy) for cx, cy in corners):
            return False
        if inside is not None:
            if on_anchor and not inside.contains_points(corners).all():
                return False
            if not on_anchor and inside.intersects_bbox(box, filled=True):
                return False
        return not any(box.overlaps(other) for other in self.taken if other is not ignore)


def _place_province_labels(sheet: _Sheet, ax: Any, ch: Choropleth, shapes: Shapes) -> None:
    """Name and figure of the largest itemized provinces: inside the province where the label
    fits, else beside it with a leader line, off the province so its colour stays visible."""
    paths = dict(zip((r.iso for r in ch.rows), shapes.paths, strict=True))

    def shown(row: ProvinceRow) -> float | None:
        return row.per_million if ch.measure == "per_million" else row.executions

    rows = sorted(
        (r for r in ch.rows if r.executions is not None and paths[r.iso] is not None),
        key=lambda r: (-(shown(r) or 0), r.name_en, r.iso),
    )[:MAX_LABELS]
    placer = _Placer(sheet, ax)
    anchors = [_label_point(row) for row in rows]
    marks = [placer.avoid(x, y, 3) for x, y in anchors]
    for row, (x, y), mark in zip(rows, anchors, marks, strict=True):
        value = shown(row)
        text = row.name_en if value is None else f"{row.name_en}\n{i18n.fmt_number(value, 'en')}"
        path = paths[row.iso]
        assert path is not None
        offsets: list[Offset] = [
            (0, 0, "center", "center", True),
            (0, 8, "center", "center", True),
            (0, -8, "center", "center", True),
            (8, 0, "center", "center", True),
            (-8, 0, "center", "center", True),
        ]
        for distance in (10, 18, 28, 40, 54):
            d = distance * 0.7
            offsets += [
                (distance, 0, "left", "center", False),
                (-distance, 0, "right", "center", False),
                (0, distance, "center", "bottom", False),
                (0, -distance, "center", "top", False),
                (d, d, "left", "bottom", False),
                (-d, d, "right", "bottom", False),
                (d, -d, "left", "top", False),
                (-d, -d, "right", "top", False),
            ]
        area = path.transformed(ax.transData)
        placer.place(x, y, text, offsets, ignore=mark, inside=area, leader=True)


def _place_prison_labels(sheet: _Sheet, ax: Any, pts: Points, radii: Sequence[float]) -> None:
    """Name and figure of the largest prisons, beside their circles (or a little further,
    with a leader line); prisons at one spot (the same city centre) share one label.

    A label may cover the rim of another circle but not its middle, so crowded places
    (Tehran, Karaj) still get their largest prisons named.
    """
    groups: dict[tuple[float, float], list[tuple[PrisonRow, float]]] = {}
    for row, radius in zip(pts.rows, radii, strict=True):
        groups.setdefault((round(row.lon, 3), round(row.lat, 3)), []).append((row, radius))
    placer = _Placer(sheet, ax)
    discs = {
        key: placer.avoid(key[0], float(mercator(key[1])), 0.55 * members[0][1])
        for key, members in groups.items()
    }
    named = 0
    for key, members in groups.items():
        if named >= MAX_LABELS:
            break
        shown = members[: MAX_LABELS - named]
        named += len(shown)
        text = "\n".join(f"{r.name_en}: {i18n.fmt_int(r.executions, 'en')}" for r, _ in shown)
        radius = members[0][1]  # the group's largest circle, drawn first
        offsets: list[Offset] = []
        for extra in (2, 12, 24):
            r = radius + extra
            d = r * 0.72
            offsets += [
                (r, 0, "left", "center", extra == 2),
                (-r, 0, "right", "center", extra == 2),
                (0, r, "center", "bottom", extra == 2),
                (0, -r, "center", "top", extra == 2),
                (d, d, "left", "bottom", extra == 2),
                (-d, d, "right", "bottom", extra == 2),
                (d, -d, "left", "top", extra == 2),
                (-d, -d, "right", "top", extra == 2),
            ]
        x, y = key[0], float(mercator(key[1]))
        placer.place(x, y, text, offsets, ignore=discs[key], leader=True, shrink=radius)
