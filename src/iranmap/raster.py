"""SVG to PNG with resvg and the fonts iranmap bundles, one image or several at once.

resvg is reached through svg2png-py, a build of resvg optimised for speed that parses, draws
and compresses without holding the GIL: several images are drawn at once in threads, one per
core (:class:`Drawing`, :func:`pngs`), with one font database shared by all, while the build
goes on making the next SVGs. Where svg2png-py has no wheel (see pyproject.toml), resvg-py
draws them instead: the same resvg, the same bytes, but about three times the CPU and holding
the GIL, so one image at a time. :data:`BACKENDS` names both, so that a build's stamp changes
with either.
"""

from __future__ import annotations

import functools
import math
import os
import re
import struct
import zlib
from collections.abc import Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from iranmap.style import PAPER

if TYPE_CHECKING:
    import svg2png_py

FONT_DIR = Path(__file__).resolve().parent / "render" / "fonts"
FONT_FILES = (
    "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf",
    "NotoSansArabic-Regular.ttf",
    "NotoSansArabic-Bold.ttf",
)
#: The packages that can draw the PNGs, the one used first.
BACKENDS = ("svg2png-py", "resvg-py")
#: The background under every image, style's paper, as red, green, blue and alpha.
PAPER_RGBA = (*bytes.fromhex(PAPER.removeprefix("#")), 255)
#: The root element of an SVG document, after which a job's style sheet goes.
_ROOT = re.compile(r"<svg\b[^>]*>")


@dataclass(frozen=True)
class Job:
    """One SVG to draw, and how.

    ``family`` is the default font family (also for ``sans-serif``); ``style_sheet`` is CSS
    applied to the SVG for drawing only (the SVG file keeps none); ``texts`` become iTXt chunks
    (a title and a description) right after the PNG's header.
    """

    svg: str
    zoom: float | None = None
    family: str | None = None
    style_sheet: str | None = None
    texts: Mapping[str, str] = field(default_factory=dict)


def png(job: Job) -> bytes:
    """``job``'s SVG drawn by resvg with the bundled fonts only, never the system's."""
    fonts = _fonts()
    drawn = _png_resvg_py(job) if fonts is None else _png_svg2png(job, fonts)
    return _with_texts(drawn, job.texts)


def pngs(jobs: Sequence[Job]) -> list[bytes]:
    """Every job's PNG, in order, drawn in one thread per core (:class:`Drawing`)."""
    with Drawing(len(jobs)) as drawing:
        for n, job in enumerate(jobs):
            drawing.add(str(n), job)
        return list(drawing.drawn().values())


class Drawing:
    """PNGs drawn in threads, one per core, from the moment each job is handed in, while the
    caller goes on making the next SVGs: ``add`` each job, then ``drawn`` waits for them all.

    Used as a context manager. ``drawn`` raises the error of the first job, in the order
    added, that failed; leaving the block, by that error, another or Ctrl-C, drops the jobs
    not yet started and waits for those already drawing. ``expected`` (how many jobs will
    come, when known) saves the threads for a single image.
    """

    def __init__(self, expected: int | None = None) -> None:
        threads = _cores() if expected is None else min(expected, _cores())
        if _fonts() is None:  # resvg-py holds the GIL: threads would only wait
            threads = 1
        self._pool = (
            ThreadPoolExecutor(max_workers=threads, thread_name_prefix="iranmap-png")
            if threads > 1
            else None
        )
        self._jobs: dict[str, Future[bytes] | Job] = {}

    def add(self, name: str, job: Job) -> None:
        """Start drawing ``job`` (or, without threads, keep it for :meth:`drawn`)."""
        self._jobs[name] = job if self._pool is None else self._pool.submit(png, job)

    def drawn(self) -> dict[str, bytes]:
        """Every PNG handed in, by name, in the order added, once all are drawn."""
        return {
            name: png(job) if isinstance(job, Job) else job.result()
            for name, job in self._jobs.items()
        }

    def __enter__(self) -> Drawing:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


@functools.cache
def _fonts() -> svg2png_py.FontDatabase | None:
    """The bundled fonts, loaded once for every thread; None without svg2png-py."""
    try:
        import svg2png_py
    except ImportError:
        return None
    fonts = svg2png_py.FontDatabase()
    for name in FONT_FILES:
        fonts.load_font_file(str(FONT_DIR / name))
    return fonts


def _png_svg2png(job: Job, fonts: svg2png_py.FontDatabase) -> bytes:
    import svg2png_py

    svg = job.svg
    if job.style_sheet:
        root = _ROOT.search(svg)
        if root is None:
            msg = "an SVG document to draw has no <svg> element"
            raise ValueError(msg)
        sheet = f"<style><![CDATA[{job.style_sheet}]]></style>"
        svg = svg[: root.end()] + sheet + svg[root.end() :]
    options = svg2png_py.RenderOptions(**({"font_family": job.family} if job.family else {}))
    transform: tuple[float, float, float, float, float, float] | None = None
    size: tuple[int, int] | None = None
    if job.zoom is not None:
        width, height = svg2png_py.svg_intrinsic_size(svg, fonts, options)
        # As resvg zooms: the canvas rounded half up, the image stretched to fill it exactly.
        # Affine order (a, b, c, d, e, f): x' = a x + b y + c, y' = d x + e y + f.
        size = (math.floor(width * job.zoom + 0.5), math.floor(height * job.zoom + 0.5))
        transform = (size[0] / width, 0.0, 0.0, 0.0, size[1] / height, 0.0)
    drawn = svg2png_py.svg_to_png(
        svg, fonts, transform=transform, bg_size=size, bg_color=PAPER_RGBA, options=options
    )
    return bytes(drawn)


def _png_resvg_py(job: Job) -> bytes:
    import resvg_py

    drawn = resvg_py.svg_to_bytes(
        svg_string=job.svg,
        zoom=job.zoom,
        skip_system_fonts=True,
        font_files=[str(FONT_DIR / name) for name in FONT_FILES],
        font_family=job.family,
        sans_serif_family=job.family,
        style_sheet=job.style_sheet,
        background=PAPER,
    )
    return bytes(drawn)


def _cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1  # pragma: no cover - platforms without affinity


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _with_texts(data: bytes, texts: Mapping[str, str]) -> bytes:
    """``data`` (a PNG) with one iTXt chunk per entry of ``texts`` after its header chunk."""
    if not texts:
        return data
    header_end = 8 + 8 + 13 + 4  # signature, IHDR length and type, IHDR body, CRC
    chunks = b"".join(
        _chunk(b"iTXt", key.encode("latin-1") + b"\0\0\0\0\0" + value.encode("utf-8"))
        for key, value in texts.items()
    )
    return data[:header_end] + chunks + data[header_end:]
