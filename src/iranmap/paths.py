"""Where iranmap finds its reference data and its own files, and where it keeps its cache.

In a source checkout (the usual case: ``make maps`` installs the project in editable mode) the
data is the repository's own ``geodata/`` folder. A wheel carries a copy of it as
``iranmap/_geodata``. ``IRANMAP_GEODATA`` overrides both.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from iranmap.errors import GeodataError

_PACKAGE = Path(__file__).resolve().parent


def geodata_dir() -> Path:
    """The folder holding ``provinces.geojson``, ``provinces.csv``, ``prisons.csv``, ..."""
    override = os.environ.get("IRANMAP_GEODATA")
    candidates = (
        [Path(override)] if override else [_PACKAGE.parents[1] / "geodata", _PACKAGE / "_geodata"]
    )
    for folder in candidates:
        if (folder / "provinces.csv").is_file():
            return folder
    tried = ", ".join(str(c) for c in candidates)
    msg = (
        f"iranmap's reference data was not found (looked for provinces.csv in: {tried}); "
        "reinstall iranmap, or set IRANMAP_GEODATA to a folder built by `make geodata`"
    )
    raise GeodataError(msg)


def reports_dir() -> Path:
    """The folder of shipped reports, one sub-folder each."""
    return geodata_dir() / "reports"


#: Where iranmap keeps what it can make again but would rather not (a gazetteer's index of
#: names): this variable's folder, if set; set but empty, nowhere.
CACHE_VARIABLE = "IRANMAP_CACHE_DIR"


def cache_dir() -> Path | None:
    """The user's cache folder for iranmap (``$XDG_CACHE_HOME/iranmap``, ``~/.cache/iranmap``;
    ``~/Library/Caches/iranmap`` on macOS; ``%LOCALAPPDATA%\\iranmap\\Cache`` on Windows), or
    the folder ``IRANMAP_CACHE_DIR`` names; None when that variable is set but empty."""
    override = os.environ.get(CACHE_VARIABLE)
    if override is not None:
        return Path(override) if override.strip() else None
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        base = Path(local) if local else Path.home() / "AppData" / "Local"
        return base / "iranmap" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "iranmap"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache") / "iranmap"


def code_files(package: Path = _PACKAGE) -> list[tuple[str, Path]]:
    """Every file of iranmap's own that can change an output, by name relative to
    ``package``: its code, and what the code reads (fonts and their metrics, the pages'
    scripts and styles...); not Python's compiled caches."""
    return [
        (path.relative_to(package).as_posix(), path)
        for path in sorted(package.rglob("*"))
        if path.is_file()
        and "__pycache__" not in path.relative_to(package).parts
        and path.suffix not in {".pyc", ".pyo"}
    ]
