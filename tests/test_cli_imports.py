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
for name in sys.argv[1].split(",") if sys.argv[1] else ():
    sys.modules[name] = None  # made unimportable: importing it raises ImportError
from iranmap.cli import main
try:
    main(sys.argv[2:])
except SystemExit:
    pass
print(json.dumps(sorted(m for m, v in sys.modules.items() if v is not None)), file=sys.stderr)
"""


def _modules(*args: str, cwd: Path | None = None, block: str = "") -> set[str]:
    """Top-level packages imported by ``iranmap ARGS`` run in a fresh interpreter, with the
    comma-separated modules of ``block`` made unimportable."""
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, block, *args],
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


#: Needed by the notebook API only: seconds of imports a build would pay for nothing.
NOTEBOOK = ("geopandas", "pyogrio", "folium", "branca")
#: Images are drawn by resvg: no plotting or imaging library.
IMAGING = ("matplotlib", "PIL")


@pytest.mark.slow
def test_a_full_build_imports_only_what_it_needs(tmp_path: Path) -> None:
    """One build in a fresh interpreter, matplotlib made unimportable: every file is written,
    and neither the class-break reference, nor the notebook extra, nor an imaging library was
    loaded; nor rich, whose progress bar a build into a log or a pipe does not show, nor what
    reads the versions of installed packages (a build writing into an empty folder needs them
    only for the stamp it writes after the pages); nor pandas, since a report of figures is
    joined, drawn and written as rows (pandas reads events.csv, and makes the notebook's
    DataFrames)."""
    imported = _modules(
        "build", str(GEODATA / "reports" / "2024-ncri"), "--out", str(tmp_path), block="matplotlib"
    )
    report = tmp_path / "2024-ncri"
    for name in ("combined.html", "prisons.csv", "choropleth.fa.png", "points.card.svg"):
        assert (report / name).is_file(), name
    assert "shapely" in imported  # the probe saw the build itself (the join)
    assert sorted(imported & {*NEVER, *NOTEBOOK, *IMAGING, "rich", "pandas"}) == []


@pytest.mark.slow
def test_a_build_with_nothing_to_do_imports_no_table_or_geometry_library(tmp_path: Path) -> None:
    """A second build of an unchanged report compares its stamp and writes the gallery: which
    series and comparisons it belongs to is read from report.toml and comparison.toml alone, and
    the gallery only names the timeline page, so nothing that joins or draws is imported."""
    args = ("build", str(GEODATA / "reports" / "2024-ncri"), "--out", str(tmp_path))
    first = _modules(*args)
    assert "shapely" in first  # the first build made every file
    again = _modules(*args)
    assert sorted(again & {"pandas", "numpy", "shapely", "rapidfuzz", "svg2png_py"}) == []
    assert (tmp_path / "2024-ncri" / "combined.html").is_file()
