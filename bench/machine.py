"""What the figures were measured on: CPU, cores, versions, date, load. No paths."""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path

PACKAGES = (
    "iranmap",
    "folium",
    "branca",
    "geopandas",
    "pandas",
    "numpy",
    "shapely",
    "pyogrio",
    "matplotlib",
    "mapclassify",
    "xstatic-leaflet",
    "plotly",
    "playwright",
    "pyinstrument",
    "psutil",
)


def cpu_model() -> str:
    """The first ``model name`` of /proc/cpuinfo (what the brief asks RESULTS.md to show)."""
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return platform.processor() or "unknown"
    for line in text.splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def versions() -> dict[str, str | None]:
    """Installed versions of the packages that matter here (None: not installed)."""
    found: dict[str, str | None] = {}
    for name in PACKAGES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = None
    return found


def chromium_version(executable: str) -> str:
    try:
        out = subprocess.run(
            [executable, "--version"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    return out.stdout.strip() or "unknown"


def describe(chromium: str) -> dict[str, object]:
    """Everything RESULTS.md states about the machine and the software."""
    memory_gib = None
    try:
        import psutil

        memory_gib = round(psutil.virtual_memory().total / 2**30, 1)
    except ImportError:
        pass
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "memory_gib": memory_gib,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "chromium": chromium_version(chromium),
        "versions": versions(),
        "load_average_start": [round(x, 2) for x in os.getloadavg()],
    }
