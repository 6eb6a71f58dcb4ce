"""Where iranmap finds its reference data.

In a source checkout (the usual case: ``make maps`` installs the project in editable mode) the
data is the repository's own ``geodata/`` folder. A wheel carries a copy of it as
``iranmap/_geodata``. ``IRANMAP_GEODATA`` overrides both.
"""

from __future__ import annotations

import os
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
