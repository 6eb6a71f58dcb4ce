"""SVG to PNG with resvg and the fonts iranmap bundles, one image or several at once.

resvg itself draws an image in a few tens of milliseconds; most of the time goes into
compressing the PNG, which resvg-py does at its best compression and holding the GIL. So
several images are drawn in worker processes, one per core. The workers import this module
and ``resvg_py`` only (not iranmap's renderers, nor pandas), so they start in a fraction of
the time they save, and each returns the same bytes the main process would have made.
"""

from __future__ import annotations

import os
import signal
import struct
import threading
import zlib
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent / "render" / "fonts"
FONT_FILES = (
    "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf",
    "NotoSansArabic-Regular.ttf",
    "NotoSansArabic-Bold.ttf",
)
#: Fewer images than this are drawn in the calling process: starting workers would cost more.
MIN_PARALLEL = 3


@dataclass(frozen=True)
class Job:
    """One SVG to draw, and how.

    ``family`` is the default font family (also for ``sans-serif``); ``texts`` become iTXt
    chunks (a title and a description) right after the PNG's header.
    """

    svg: str
    zoom: float | None = None
    family: str | None = None
    style_sheet: str | None = None
    texts: Mapping[str, str] = field(default_factory=dict)


def png(job: Job) -> bytes:
    """``job``'s SVG drawn by resvg with the bundled fonts only, never the system's."""
    import resvg_py

    drawn = resvg_py.svg_to_bytes(
        svg_string=job.svg,
        zoom=job.zoom,
        skip_system_fonts=True,
        font_files=[str(FONT_DIR / name) for name in FONT_FILES],
        font_family=job.family,
        sans_serif_family=job.family,
        style_sheet=job.style_sheet,
        background="#ffffff",
    )
    return _with_texts(bytes(drawn), job.texts)


def pngs(jobs: Sequence[Job]) -> list[bytes]:
    """Every job's PNG, in order: in worker processes when there are several jobs and cores."""
    workers = min(len(jobs), _cores())
    if len(jobs) < MIN_PARALLEL or workers < 2:
        return [png(job) for job in jobs]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # "spawn": a fresh interpreter, never a copy of a process that may hold threads or locks.
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
    try:
        with _workers_ignore_ctrl_c():
            futures = [pool.submit(png, job) for job in jobs]  # starts the workers
        found = [future.result() for future in futures]
    except BaseException:
        # Ctrl-C or a failed image: drop the images not yet started, and go.
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return found


@contextmanager
def _workers_ignore_ctrl_c() -> Iterator[None]:
    """Processes started inside ignore SIGINT, from their first instruction on.

    Ctrl-C in a terminal reaches every process of the group: the workers would each print a
    traceback. An ignored signal stays ignored across ``exec``, and Python then keeps it so;
    only this process stops, and the command line says so in one line.
    """
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers; Ctrl-C is delivered there anyway
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


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
