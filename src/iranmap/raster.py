"""SVG to PNG with resvg and the fonts iranmap bundles, one image or several at once.

resvg itself draws an image in a few tens of milliseconds; most of the time goes into
compressing the PNG, which resvg-py does at its best compression and holding the GIL. So
several images are drawn in worker processes, one per core (:func:`pngs`). The workers import
this module and ``resvg_py`` only (not iranmap's renderers, nor pandas), so they start in a
fraction of the time they save, and each returns the same bytes the main process would have
made.
"""

from __future__ import annotations

import os
import pickle
import struct
import subprocess
import sys
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from iranmap.style import PAPER

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
        background=PAPER,
    )
    return _with_texts(bytes(drawn), job.texts)


def pngs(jobs: Sequence[Job], *, min_parallel: int = MIN_PARALLEL) -> list[bytes]:
    """Every job's PNG, in order: in worker processes when there are at least
    ``min_parallel`` jobs (fewer, if each is large) and two cores or more.

    A worker is a fresh ``python`` running :func:`_serve`, started directly rather than by
    ``multiprocessing``, so that it never imports the caller's own script again (a user's
    script without an ``if __name__ == "__main__"`` guard would run once per worker), and in
    a session of its own, so that Ctrl-C stops the build, not each worker with a traceback.
    Jobs a worker could not draw are drawn here instead.
    """
    workers = min(len(jobs), _cores())
    if len(jobs) < max(2, min_parallel) or workers < 2 or not sys.executable:
        return [png(job) for job in jobs]
    shares = [list(range(w, len(jobs), workers)) for w in range(workers)]
    started: list[subprocess.Popen[bytes]] = []
    found: list[bytes | None] = [None] * len(jobs)
    try:
        for _ in shares:
            started.append(_start_worker())
        for process, share in zip(started, shares, strict=True):
            _send(process, [jobs[i] for i in share])
        for process, share in zip(started, shares, strict=True):
            for i, drawn in zip(share, _receive(process, len(share)), strict=True):
                found[i] = drawn
    except OSError:
        pass  # no worker could be started or reached: the jobs are drawn here
    finally:
        for process in started:
            if process.poll() is None:
                process.kill()
            process.wait()
            for pipe in (process.stdin, process.stdout):
                if pipe is not None:
                    pipe.close()
    return [png(job) if drawn is None else drawn for job, drawn in zip(jobs, found, strict=True)]


def _start_worker() -> subprocess.Popen[bytes]:
    """A worker that imports this very iranmap: the folder holding it goes first on the
    worker's path unless it is one the interpreter reads anyway (site-packages, where putting
    it first could shadow the standard library)."""
    import site

    package_root = str(Path(__file__).resolve().parents[1])
    known = {str(Path(p).resolve()) for p in (*site.getsitepackages(), site.getusersitepackages())}
    env = dict(os.environ)
    if package_root not in known:
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
    return subprocess.Popen(
        [sys.executable, "-c", "from iranmap.raster import _serve; _serve()"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        start_new_session=True,
    )


def _send(process: subprocess.Popen[bytes], jobs: list[Job]) -> None:
    assert process.stdin is not None
    with process.stdin:
        pickle.dump(jobs, process.stdin, protocol=pickle.HIGHEST_PROTOCOL)


def _receive(process: subprocess.Popen[bytes], count: int) -> list[bytes | None]:
    """The worker's PNGs, None for each it could not draw (or all, if it failed)."""
    assert process.stdout is not None
    with process.stdout:
        data = process.stdout.read()
    process.wait()
    try:
        answers = pickle.loads(data) if process.returncode == 0 else None
    except (pickle.UnpicklingError, EOFError, ValueError):
        answers = None
    if not isinstance(answers, list) or len(answers) != count:
        return [None] * count
    return [a if isinstance(a, bytes) else None for a in answers]


def _serve() -> None:
    """A worker: jobs from stdin (all of them, before drawing any), PNGs to stdout; None for
    a job that fails (the caller draws it again, and so meets the error itself)."""
    jobs = pickle.load(sys.stdin.buffer)
    answers: list[bytes | None] = []
    for job in jobs:
        try:
            answers.append(png(job))
        except Exception:
            answers.append(None)
    pickle.dump(answers, sys.stdout.buffer, protocol=pickle.HIGHEST_PROTOCOL)
    sys.stdout.buffer.flush()


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
