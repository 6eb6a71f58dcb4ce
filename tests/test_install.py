"""A monitor's own report, from a normal (non-editable) install, in an empty folder.

The README's "Your own report" steps, as a user runs them: a wheel of the project installed
into a fresh virtual environment, then ``iranmap new``, two rows filled in, ``check`` and
``build`` in a folder that is not the repository. The wheel is built without network
(hatchling is a test dependency); the fresh environment sees the test environment's
third-party packages through a ``.pth`` file, but iranmap itself only from the wheel.
"""

from __future__ import annotations

import os
import site
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "IRANMAP_GEODATA")}
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=240)


@pytest.fixture(scope="module")
def fresh_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("install")
    wheels = root / "wheels"
    built = _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "-w",
            str(wheels),
            str(REPO),
        ],
        root,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = wheels.glob("iranmap-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "iranmap/_geodata/provinces.geojson" in names
    assert any(n.startswith("iranmap/render/fonts/") and n.endswith(".ttf") for n in names)
    venv = root / "venv"
    assert _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], root).returncode == 0
    python = venv / "bin" / "python"
    purelib = _run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], root
    ).stdout.strip()
    installed = _run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            "--target",
            purelib,
            str(wheel),
        ],
        root,
    )
    assert installed.returncode == 0, installed.stderr
    # Third-party packages from the test environment, after the wheel's own iranmap.
    outer = [p for p in site.getsitepackages() if p != purelib]
    (Path(purelib) / "zz_dependencies.pth").write_text("\n".join(outer) + "\n", encoding="utf-8")
    return python


def test_a_report_of_ones_own_from_a_wheel_in_an_empty_folder(
    fresh_python: Path, tmp_path: Path
) -> None:
    where = _run([str(fresh_python), "-c", "import iranmap; print(iranmap.__file__)"], tmp_path)
    assert where.returncode == 0, where.stderr
    assert not where.stdout.strip().startswith(str(REPO)), (
        "the test ran the checkout, not the wheel"
    )

    iranmap = [str(fresh_python), "-m", "iranmap"]
    created = _run([*iranmap, "new", "reports/my-report"], tmp_path)
    assert created.returncode == 0, created.stderr
    folder = tmp_path / "reports" / "my-report"
    assert (folder / "prisons.csv").read_text(encoding="utf-8").strip() == "prison,executions"

    unfinished = _run([*iranmap, "check", "reports/my-report"], tmp_path)
    assert unfinished.returncode == 1
    assert "title" in unfinished.stderr + unfinished.stdout

    (folder / "report.toml").write_text(
        'title = "Executions recorded in 2025"\n'
        'publisher = "A monitoring group"\n'
        "total = 20\n"
        "[source]\n"
        'title = "Monthly statement"\n'
        "date = 2025-02-01\n"
        "[period]\n"
        "start = 2025-01-01\n"
        "end = 2025-01-31\n",
        encoding="utf-8",
    )
    with (folder / "prisons.csv").open("a", encoding="utf-8") as rows:
        rows.write("Evin,3\nزندان عادل‌آباد,5\n")
    checked = _run([*iranmap, "check", "reports/my-report"], tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert "8 of at least 20 executions itemized by prison" in checked.stdout

    built = _run([*iranmap, "build"], tmp_path)
    assert built.returncode == 0, built.stderr
    maps = tmp_path / "maps"
    assert (maps / "my-report" / "combined.html").is_file()
    assert (maps / "my-report" / "choropleth.fa.png").is_file()
    assert sorted(p.name for p in maps.iterdir() if p.is_dir()) == ["my-report"]
    gallery = (maps / "index.html").read_text(encoding="utf-8")
    assert "Executions recorded in 2025" in gallery
    assert "2024-ncri" not in gallery

    # A project's own places.csv, beside reports/: a bad row is refused with its line, a good
    # one places the row naming it at its site, listed as the project's own.
    own = tmp_path / "places.csv"
    own.write_text(
        "name,name_fa,aliases,city,province,lat,lon,source\n"
        "Foo Camp,,,Karaj,Alborz,29.6,52.5,a page\n",
        encoding="utf-8",
    )
    with (folder / "prisons.csv").open("a", encoding="utf-8") as rows:
        rows.write("Foo Camp,1\n")
    refused = _run([*iranmap, "check", "reports/my-report"], tmp_path)
    assert refused.returncode == 1
    assert f"{own.name}:2: lat 29.6, lon 52.5 lies in Fars, not in Alborz" in refused.stdout
    own.write_text(
        "name,name_fa,aliases,city,province,lat,lon,source\n"
        "Foo Camp,,,Karaj,Alborz,35.84,50.97,a page\n",
        encoding="utf-8",
    )
    placed = _run([*iranmap, "check", "reports/my-report"], tmp_path)
    assert placed.returncode == 0, placed.stdout + placed.stderr
    assert "'Foo Camp' -> Foo Camp, Karaj, Alborz (IR-30) [exact; the project's own place" in (
        placed.stdout
    )
