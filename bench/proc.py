"""Time and peak memory of one whole process, measured from outside.

Each run is a fresh child process: its wall time is measured around spawn-to-exit and its
peak resident memory is the ``ru_maxrss`` that ``os.wait4`` returns for that child alone
(``RUSAGE_CHILDREN`` of the parent would be the maximum over every child so far, which hides
growth between runs). Both are taken by the small launcher ``launch.py``, never by this
process: see there why. Import time, reading, rendering and writing all count, as they do for
a user who runs the command.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

LAUNCHER = Path(__file__).resolve().parent / "launch.py"


@dataclass(frozen=True)
class Run:
    """One run of a command: how long it took and how much memory it held at most."""

    seconds: float
    peak_rss_mb: float
    returncode: int
    cpu_seconds: float = 0.0  # user + system: less sensitive than wall time to a busy machine
    #: From the start until the watched file existed (run_once's ``watch``), if one was.
    first_file_seconds: float | None = None


@dataclass(frozen=True)
class Summary:
    """Several runs of the same command, summarised by their medians."""

    runs: tuple[Run, ...]

    @property
    def seconds(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def cpu_seconds(self) -> float:
        return statistics.median(r.cpu_seconds for r in self.runs)

    @property
    def first_file_seconds(self) -> float | None:
        found = [r.first_file_seconds for r in self.runs if r.first_file_seconds is not None]
        return statistics.median(found) if len(found) == len(self.runs) else None

    @property
    def peak_rss_mb(self) -> float:
        return statistics.median(r.peak_rss_mb for r in self.runs)

    @property
    def spread(self) -> tuple[float, float]:
        """Fastest and slowest run, to show how noisy the machine was."""
        times = [r.seconds for r in self.runs]
        return min(times), max(times)

    def to_dict(self) -> dict[str, object]:
        low, high = self.spread
        return {
            "median_s": round(self.seconds, 4),
            "min_s": round(low, 4),
            "max_s": round(high, 4),
            "cpu_s": round(self.cpu_seconds, 4),
            "peak_rss_mb": round(self.peak_rss_mb, 1),
            **(
                {}
                if self.first_file_seconds is None
                else {"first_file_s": round(self.first_file_seconds, 4)}
            ),
            "runs": [
                {
                    "s": round(r.seconds, 4),
                    "cpu_s": round(r.cpu_seconds, 4),
                    "peak_rss_mb": round(r.peak_rss_mb, 1),
                }
                for r in self.runs
            ],
        }


class CommandFailed(RuntimeError):
    """A measured command exited non-zero: its figures would mean nothing."""


def run_once(
    argv: Sequence[str],
    *,
    log: Path,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    watch: Path | None = None,
) -> Run:
    """Run ``argv`` to completion; its output goes to ``log`` (read it when a run fails).

    ``argv[0]`` must be an absolute path. The command is started by ``launch.py`` (see there
    why), which times it and reads its peak RSS from ``wait4``, and with ``watch`` (a file
    the command writes, absent before) when that file first exists.
    """
    log.parent.mkdir(parents=True, exist_ok=True)
    report = log.with_suffix(".run.json")
    report.unlink(missing_ok=True)
    watched = () if watch is None else ("--watch", str(watch))
    launcher = (sys.executable, "-I", "-S", str(LAUNCHER), str(report), *watched)
    with log.open("wb") as out:
        subprocess.run(
            [*launcher, *argv],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=cwd,
            env=dict(env) if env is not None else None,
            check=True,
        )
    measured = json.loads(report.read_text(encoding="utf-8"))
    # ru_maxrss is in KiB on Linux.
    run = Run(
        measured["seconds"],
        measured["maxrss_kib"] / 1024,
        measured["returncode"],
        measured["cpu_seconds"],
        measured.get("first_file_seconds"),
    )
    if run.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-2000:]
        msg = f"{' '.join(argv)} exited {run.returncode}; end of its output:\n{tail}"
        raise CommandFailed(msg)
    return run


def measure(
    argv: Sequence[str],
    *,
    runs: int,
    log: Path,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    before_each: object = None,
) -> Summary:
    """Run ``argv`` ``runs`` times; ``before_each`` (a callable) resets state between runs."""
    results = []
    for _ in range(runs):
        if callable(before_each):
            before_each()
        results.append(run_once(argv, log=log, cwd=cwd, env=env))
    return Summary(tuple(results))
