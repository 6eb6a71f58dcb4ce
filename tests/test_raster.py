"""Drawing PNGs: several at once in worker processes, the same bytes as one by one."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from iranmap import raster

REPO = Path(__file__).resolve().parents[1]
SHIPPED = REPO / "geodata" / "reports"
INTERRUPTED = "interrupted; the files already written are whole, and nothing half-written was left"


def _svg(i: int, text: str) -> str:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="120">'
        f'<circle cx="{20 + 30 * i}" cy="60" r="{10 + i}" fill="#bd0026"/>'
        f'<text x="10" y="110" font-size="14">{text}</text></svg>'
    )


JOBS = [
    raster.Job(_svg(0, "Qezelhessar 165"), family="Noto Sans", texts={"Title": "one"}),
    raster.Job(_svg(1, "قزل‌حصار ۱۶۵"), family="Noto Sans Arabic"),
    raster.Job(_svg(2, "Shiraz 97"), zoom=2.0),
    raster.Job(_svg(3, "Isfahan 61"), style_sheet="text{fill:#595959}"),
]


def test_workers_draw_the_same_bytes_in_the_same_order(monkeypatch: pytest.MonkeyPatch) -> None:
    one_by_one = [raster.png(job) for job in JOBS]
    monkeypatch.setattr(raster, "_cores", lambda: 4)  # workers even on a one-core machine
    assert raster.pngs(JOBS) == one_by_one
    assert len(set(one_by_one)) == len(JOBS)
    assert b"iTXtTitle\0\0\0\0\0one" in one_by_one[0]
    assert b"iTXt" not in one_by_one[1]


def test_a_few_images_are_drawn_here(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("no worker for fewer than MIN_PARALLEL images")

    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", no_pool)
    monkeypatch.setattr(raster, "_cores", lambda: 4)
    assert raster.pngs(JOBS[: raster.MIN_PARALLEL - 1]) == [
        raster.png(job) for job in JOBS[: raster.MIN_PARALLEL - 1]
    ]


def test_a_bad_image_is_reported_as_resvg_reports_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(raster, "_cores", lambda: 4)
    with pytest.raises(ValueError, match=r"^unexpected end of stream$"):
        raster.pngs([*JOBS[:2], raster.Job("<not svg"), JOBS[3]])


def test_jobs_are_drawn_here_when_no_worker_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_worker() -> None:
        raise OSError("no python here")

    monkeypatch.setattr(raster, "_cores", lambda: 4)
    monkeypatch.setattr(raster, "_start_worker", no_worker)
    assert raster.pngs(JOBS) == [raster.png(job) for job in JOBS]


def test_a_users_script_without_a_main_guard_runs_once(tmp_path: Path) -> None:
    """Workers never import the caller's script again (multiprocessing's spawn would)."""
    runs = tmp_path / "runs.txt"
    script = tmp_path / "make_maps.py"
    script.write_text(
        "from pathlib import Path\n"
        "import iranmap.raster\n"
        "from iranmap.build import build\n"
        "from iranmap.render import BuildOptions\n"
        f"with open({str(runs)!r}, 'a') as f:\n"
        "    f.write('ran\\n')\n"
        "iranmap.raster._cores = lambda: 2\n"
        f"result = build([Path({str(SHIPPED / '2024-ncri')!r})], Path({str(tmp_path / 'maps')!r}),"
        " BuildOptions())\n"
        "print(len(result.reports[0].files))\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert runs.read_text(encoding="utf-8") == "ran\n"
    assert (tmp_path / "maps" / "2024-ncri" / "choropleth.png").is_file()


def _alive(pid: int) -> bool:
    """Running (a zombie waiting for its parent to read its status has stopped)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _children(pid: int) -> list[int]:
    found = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in found.read_text().split()] if found.exists() else []


@pytest.mark.slow
@pytest.mark.skipif(
    not Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists() or raster._cores() < 2,
    reason="needs Linux's /proc children list and two cores (workers are started only then)",
)
def test_ctrl_c_while_images_are_drawn_stops_every_process_in_one_line(tmp_path: Path) -> None:
    """Ctrl-C in a terminal goes to the whole process group, workers included."""
    report = Path(shutil.copytree(SHIPPED / "2024-ncri", tmp_path / "reports" / "2024-ncri"))
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "iranmap", "build", str(report), "--out", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while not workers and process.poll() is None and time.monotonic() < deadline:
        workers = _children(process.pid)
        time.sleep(0.002)
    assert workers, "the build drew its images without workers"
    time.sleep(0.05)
    os.killpg(process.pid, signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, (stdout, stderr)
    assert stderr == INTERRUPTED + "\n"
    assert not (out / "2024-ncri" / "choropleth.png").exists()
    deadline = time.monotonic() + 20
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in workers), "a worker outlived the build"
