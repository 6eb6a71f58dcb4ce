"""Registry packages fetched at bench time with ``npm pack``, unpacked under ``bench/_work/``.

The benchmark needs two kinds of third-party files that iranmap does not ship: the
unsimplified Natural Earth provinces (the peers' geometry) and the CDN assets folium's pages
ask for (to time the peers as they would draw online). Both come from the npm registry by
exact package and version, through npm's own client, and are kept in the work folder so a
second run needs no network.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tarfile
from pathlib import Path


class NpmUnavailable(RuntimeError):
    """npm is missing or could not fetch the package."""


def unpack(spec: str, work: Path, *, only: str | None = None) -> Path:
    """The ``package/`` folder of ``spec`` (``name@version``), fetched once into ``work``.

    ``only`` names the one file to keep (a path inside ``package/``) when the package is big
    and the benchmark needs a single file of it.
    """
    folder = work / "npm" / spec.replace("/", "__")
    package = folder / "package"
    if (folder / ".done").is_file():
        return package
    npm = shutil.which("npm")
    if npm is None:
        msg = f"npm is not installed; cannot fetch {spec} (Debian: apt-get install npm)"
        raise NpmUnavailable(msg)
    folder.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(
        [npm, "pack", spec, "--json", "--pack-destination", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        msg = f"npm pack {spec} failed: {proc.stderr.strip()[-500:]}"
        raise NpmUnavailable(msg)
    tgz = folder / json.loads(proc.stdout)[0]["filename"]
    with tarfile.open(tgz) as archive:
        if only is None:
            archive.extractall(folder, filter="data")
        else:
            archive.extract(f"package/{only}", folder, filter="data")
    tgz.unlink()
    (folder / ".done").write_text(spec + "\n", encoding="utf-8")
    return package
