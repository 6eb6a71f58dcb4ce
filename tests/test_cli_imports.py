"""The command line imports only what a command needs: help and version import no heavy
library, and a build never imports the class-break reference (mapclassify) or what it drags in.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
GEODATA = REPO / "geodata"

#: Slow to import, and needed by no help text.
HEAVY = ("pandas", "geopandas", "numpy", "shapely", "rich", "folium", "rapidfuzz", "pyogrio")
#: Needed by no command at all.
NEVER = ("scipy", "sklearn", "mapclassify")

_PROBE = """
import json, sys
from iranmap.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def _modules(*args: str, cwd: Path | None = None) -> set[str]:
    """Top-level packages imported by ``iranmap ARGS`` run in a fresh interpreter."""
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=cwd,
    )
    last = done.stderr.strip().splitlines()[-1]
    return {name.split(".")[0] for name in json.loads(last)}


@pytest.mark.parametrize(
    "args",
    [
        ["--version"],
        ["--help"],
        ["build", "--help"],
        ["check", "--help"],
        ["diff", "--help"],
        ["geocode", "--help"],
        ["new", "--help"],
    ],
)
def test_help_and_version_import_no_heavy_library(args: list[str]) -> None:
    imported = _modules(*args)
    assert "iranmap" in imported
    assert sorted(imported & {*HEAVY, *NEVER, "matplotlib"}) == []


@pytest.mark.slow
def test_a_full_build_imports_no_scipy_sklearn_or_mapclassify(tmp_path: Path) -> None:
    imported = _modules("build", str(GEODATA / "reports" / "2024-ncri"), "--out", str(tmp_path))
    assert (tmp_path / "2024-ncri" / "combined.html").is_file()
    assert "pandas" in imported  # the probe saw the build itself
    assert "shapely" in imported  # the probe saw the build itself (the join)
    assert sorted(imported & set(NEVER)) == []


@pytest.mark.slow
def test_a_full_build_imports_no_matplotlib(tmp_path: Path) -> None:
    imported = _modules("build", str(GEODATA / "reports" / "2024-ncri"), "--out", str(tmp_path))
    assert "matplotlib" not in imported
