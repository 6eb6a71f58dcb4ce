"""Drawing PNGs: the same bytes from either resvg binding, several at once in threads."""

from __future__ import annotations

import hashlib
import threading
import time
from pathlib import Path

import pytest

from iranmap import raster

REPO = Path(__file__).resolve().parents[1]
SHIPPED = REPO / "geodata" / "reports"


def _svg(i: int, text: str, width: int = 240) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="120">'
        f'<circle cx="{20 + 30 * i}" cy="60" r="{10 + i}" fill="#bd0026"/>'
        f'<text x="10" y="110" font-size="14">{text}</text></svg>'
    )


JOBS = [
    raster.Job(_svg(0, "Qezelhessar 165"), family="Noto Sans", texts={"Title": "one"}),
    raster.Job(_svg(1, "قزل‌حصار ۱۶۵"), family="Noto Sans Arabic"),
    raster.Job(_svg(2, "Shiraz 97"), zoom=2.0),
    raster.Job(_svg(3, "Isfahan 61"), style_sheet="text{fill:#595959}"),
    raster.Job(_svg(4, "Tabriz 40", width=241), zoom=1.5),  # a canvas of 361.5 px: 362
]
#: SHA-256 of each job's PNG, as resvg 0.47-0.48 (svg2png-py 1.1, resvg-py 0.5) draws it. A new
#: version of either binding that changes a byte of a PNG changes every shipped image too.
FINGERPRINTS = [
    "197b267631f80994b67e249ea834ef6a271b39e4117acaf3226172fed9e103b9",
    "2009d93af5f248b6d6e2073847dc64c25469811843c0512003cc83d3b466cb9e",
    "fab9b27e0a4aeab09acf3e325044e8c23443ddce22ede98f5fa68af70e552ae9",
    "f8d98b03df83fb2dc3c7af69f6d5143065b2d3e30a930d76447c3281204a63c5",
]


def _resvg_py(job: raster.Job) -> bytes:
    return raster._with_texts(raster._png_resvg_py(job), job.texts)


def test_each_image_has_the_bytes_it_always_had() -> None:
    drawn = [raster.png(job) for job in JOBS]
    assert [hashlib.sha256(png).hexdigest() for png in drawn[:4]] == FINGERPRINTS
    assert drawn == [_resvg_py(job) for job in JOBS]
    assert drawn[4][16:24] == (362).to_bytes(4, "big") + (180).to_bytes(4, "big")
    assert b"iTXtTitle\0\0\0\0\0one" in drawn[0]
    assert b"iTXt" not in drawn[1]


@pytest.mark.slow
def test_a_reports_images_are_the_same_from_either_binding() -> None:
    """The Persian images of a shipped report (shaped text, the right-to-left style sheet,
    the hatch, the card): svg2png-py draws what resvg-py drew, byte for byte."""
    from iranmap.join import join
    from iranmap.render import BuildOptions
    from iranmap.render.static import render_images
    from iranmap.reports import load_report

    jobs: list[raster.Job] = []

    def record(job: raster.Job) -> bytes:
        jobs.append(job)
        return b""

    joined = join(load_report(SHIPPED / "2024-ncri"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(raster, "png", record)
        render_images(joined, BuildOptions(langs=("fa",)))
    assert len(jobs) == 4
    assert raster.pngs(jobs) == [_resvg_py(job) for job in jobs]


def test_without_svg2png_py_resvg_py_draws_them_one_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    expected = [raster.png(job) for job in JOBS]
    monkeypatch.setattr(raster, "_fonts", lambda: None)
    monkeypatch.setattr(raster, "_cores", lambda: 4)
    threads: set[str] = set()
    drawn = raster._png_resvg_py

    def recorded(job: raster.Job) -> bytes:
        threads.add(threading.current_thread().name)
        return drawn(job)

    monkeypatch.setattr(raster, "_png_resvg_py", recorded)
    assert raster.pngs(JOBS) == expected
    assert threads == {threading.main_thread().name}


def test_images_are_drawn_in_threads_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(raster, "_cores", lambda: 4)
    threads: set[str] = set()
    drawn = raster.png

    def slow(job: raster.Job) -> bytes:
        threads.add(threading.current_thread().name)
        time.sleep(0.05)
        return drawn(job)

    monkeypatch.setattr(raster, "png", slow)
    assert raster.pngs(JOBS) == [drawn(job) for job in JOBS]
    assert len(threads) > 1
    assert all(name.startswith("iranmap-png") for name in threads)


def test_one_image_is_drawn_without_a_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(raster, "_cores", lambda: 4)
    monkeypatch.setattr(raster, "ThreadPoolExecutor", None)  # calling it would fail
    assert raster.pngs(JOBS[:1]) == [raster.png(JOBS[0])]


def test_an_error_stops_the_jobs_not_yet_started(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(raster, "_cores", lambda: 2)
    started: list[int] = []

    def failing(job: raster.Job) -> bytes:
        started.append(job.texts["n"] and int(job.texts["n"]))
        time.sleep(0.02)
        if job.texts["n"] == "0":
            raise ValueError("unexpected end of stream")
        return b""

    monkeypatch.setattr(raster, "png", failing)
    jobs = [raster.Job("", texts={"n": str(i)}) for i in range(40)]
    with pytest.raises(ValueError, match=r"^unexpected end of stream$"):
        raster.pngs(jobs)
    assert len(started) < 10


def test_a_bad_svg_is_reported_as_resvg_reports_it() -> None:
    with pytest.raises(RuntimeError, match=r"unexpected end of stream$"):
        raster.pngs([JOBS[0], raster.Job("<not svg"), JOBS[1]])
    with pytest.raises(ValueError, match=r"^an SVG document to draw has no <svg> element$"):
        raster.png(raster.Job("<p/>", style_sheet="text{fill:#595959}"))


def test_a_drawing_draws_each_job_from_when_it_is_added(monkeypatch: pytest.MonkeyPatch) -> None:
    """The build hands each PNG to a Drawing as soon as its SVG is made: the first is drawn
    while the caller is still making the next, and ``drawn`` gives them all in order."""
    monkeypatch.setattr(raster, "_cores", lambda: 2)
    started = threading.Event()

    def drawing_one(job: raster.Job) -> bytes:
        started.set()
        return job.texts["n"].encode()

    monkeypatch.setattr(raster, "png", drawing_one)
    with raster.Drawing() as drawing:
        drawing.add("a.png", raster.Job("", texts={"n": "1"}))
        assert started.wait(5), "the first job was not started before the next was added"
        drawing.add("b.png", raster.Job("", texts={"n": "2"}))
        assert drawing.drawn() == {"a.png": b"1", "b.png": b"2"}


def test_leaving_a_drawing_early_drops_the_jobs_not_started(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A build stopped (an error in another file, Ctrl-C) while its images are being drawn
    waits for those drawing and starts no other."""
    monkeypatch.setattr(raster, "_cores", lambda: 2)
    started: list[str] = []

    def slow(job: raster.Job) -> bytes:
        started.append(job.texts["n"])
        time.sleep(0.05)
        return b""

    monkeypatch.setattr(raster, "png", slow)
    with pytest.raises(KeyboardInterrupt), raster.Drawing() as drawing:
        for n in range(20):
            drawing.add(f"{n}.png", raster.Job("", texts={"n": str(n)}))
        raise KeyboardInterrupt
    count = len(started)
    time.sleep(0.1)
    assert len(started) == count < 20
