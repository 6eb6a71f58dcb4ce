"""What the last build of a report depended on, so that a rebuild with nothing changed
renders nothing.

Beside each report's files, ``.iranmap-build.json`` holds a digest of everything its output
depends on (:func:`fingerprint`: the report's files, the reference data, iranmap's own files,
the versions of the packages that change outputs, the options) and a digest of each file it
wrote. It is no output: git and ``--check`` ignore it.
"""

from __future__ import annotations

import hashlib
import json
import re
import stat
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from iranmap.limits import MAX_FILE_BYTES
from iranmap.output import FileResult, read_output, remove_output, write_atomic
from iranmap.paths import code_files, geodata_dir
from iranmap.render import BuildOptions

#: Not part of the output: what the last build of a report depended on, so that a rebuild
#: with nothing changed renders nothing. Ignored by git and by ``--check``.
STAMP_NAME = ".iranmap-build.json"
PACKAGE = Path(__file__).resolve().parent
#: Packages whose version can change the bytes of an output: how reports are read (pandas,
#: openpyxl, python-calamine, jdatetime), matched (rapidfuzz), computed (numpy, shapely),
#: drawn (svg2png-py, or resvg-py where it has no wheel) and what the pages inline or link
#: (xstatic-*, xyzservices).
DEPENDENCIES = (
    "iranmap",
    "jdatetime",
    "numpy",
    "openpyxl",
    "pandas",
    "python-calamine",
    "rapidfuzz",
    "resvg-py",
    "shapely",
    "svg2png-py",
    "xstatic-leaflet",
    "xstatic-leaflet-gesturehandling",
    "xyzservices",
)
#: The name of an output file, as a stamp lists it: no folder, not hidden.
PLAIN_NAME = re.compile(r"[^./\\\x00-\x1f][^/\\\x00-\x1f]*")


@dataclass(frozen=True)
class Fingerprint:
    """A digest of everything an output depends on, in two parts. What the build reads (the
    report's files, the reference data, the options) is digested when the fingerprint is made,
    before the build reads it. What the run is (iranmap's own files, the versions of the
    packages that change outputs) cannot change during it, and is read when :attr:`value` is
    first asked for: a first build into an empty folder asks after its pages are written."""

    inputs: str

    @cached_property
    def value(self) -> str:
        digest = hashlib.sha256(f"inputs\0{self.inputs}\0".encode())
        for package in DEPENDENCIES:
            digest.update(f"{package}\0{version(package)}\0".encode())
        for name, path in code_files(PACKAGE):
            data = path.read_bytes()
            digest.update(f"iranmap/{name}\0{len(data)}\0".encode())
            digest.update(data)
        return digest.hexdigest()


def fingerprint(report_dir: Path, options: BuildOptions) -> Fingerprint:
    """A digest of everything a report's output depends on."""
    return Fingerprint(_digest([report_dir], options))


def series_fingerprint(report_dirs: Sequence[Path], options: BuildOptions) -> Fingerprint:
    """A digest of everything a series' output depends on: its reports' folders (by name
    too, since a series lists its reports), as for :func:`fingerprint`; not the steps of a
    report's own timeline, which a series does not use."""
    return Fingerprint(_digest(report_dirs, replace(options, step=None), named=True))


def _digest(report_dirs: Sequence[Path], options: BuildOptions, *, named: bool = False) -> str:
    digest = hashlib.sha256()

    def add(label: str, data: bytes) -> None:
        digest.update(f"{label}\0{len(data)}\0".encode())
        digest.update(data)

    add("options", options.cache_key.encode())
    for report_dir in report_dirs:
        prefix = f"{report_dir.name}/" if named else ""
        for path in sorted(report_dir.glob("*")):
            add(prefix + path.relative_to(report_dir).as_posix(), _content(path))
    for pattern in ("*.csv", "*.geojson"):
        for path in sorted(geodata_dir().glob(pattern)):
            if path.is_file():
                add(path.name, path.read_bytes())
    return digest.hexdigest()


def _content(path: Path) -> bytes:
    """What of a file in a report folder the digest holds: its bytes, or for what a build
    never reads whole (a link, a pipe, a folder, a file past the size limit) its kind and
    size, so that computing the digest costs no more than reading the report."""
    try:
        info = path.lstat()
        if path.is_symlink() or not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
            return f"{info.st_mode:o} {info.st_size} {info.st_mtime_ns}".encode()
        return path.read_bytes()
    except OSError as exc:
        return f"unreadable {exc.errno}".encode()


def unchanged_outputs(
    out_dir: Path, fingerprint: Fingerprint
) -> tuple[tuple[FileResult, ...], tuple[str, ...]] | None:
    """The output files, all "unchanged", and the last build's warnings, if that build had
    this fingerprint and every file it wrote is still there as it wrote it; else None."""
    try:
        stamp = json.loads((out_dir / STAMP_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(stamp, dict) or stamp.get("fingerprint") != fingerprint.value:
        return None
    files, noted = stamp.get("files"), stamp.get("warnings", [])
    if not isinstance(files, dict) or not files or not isinstance(noted, list):
        return None
    if not all(isinstance(name, str) and PLAIN_NAME.fullmatch(name) for name in files):
        return None  # not a stamp a build wrote: never read outside the report's folder
    results = []
    for name, sha in sorted(files.items()):
        data = read_output(out_dir / str(name))
        if data is None or hashlib.sha256(data).hexdigest() != sha:
            return None
        results.append(FileResult(out_dir / str(name), "unchanged"))
    return tuple(results), tuple(str(n) for n in noted)


def remove_unmade(
    out_dir: Path, files: Mapping[str, bytes], previous: Iterable[str] | None = None
) -> tuple[FileResult, ...]:
    """Delete the files the last build in ``out_dir`` wrote that this build no longer makes,
    e.g. a timeline after its events.csv was removed. ``previous`` names what the last build
    wrote, read before this one wrote anything (:func:`iranmap._owned.owned_names`: its stamp,
    or the summary.json of a clone without stamps); without it, the stamp alone. Nothing else
    is touched: files of a reader's own stay."""
    if previous is None:
        previous = _stamped(out_dir)
    gone = sorted(
        name
        for name in previous
        if isinstance(name, str) and PLAIN_NAME.fullmatch(name) and name not in files
    )
    removed = (remove_output(out_dir / name) for name in gone)
    return tuple(r for r in removed if r is not None)


def _stamped(out_dir: Path) -> list[str]:
    try:
        stamp = json.loads((out_dir / STAMP_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    written = stamp.get("files") if isinstance(stamp, dict) else None
    return [name for name in written if isinstance(name, str)] if isinstance(written, dict) else []


def version(package: str) -> str:
    import importlib.metadata  # not before a first build's pages: 0.03 s of imports

    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "-"


def write_stamp(
    out_dir: Path, fingerprint: str, files: Mapping[str, bytes], warnings: Sequence[str]
) -> None:
    """Note what the build of the report in ``out_dir`` depended on and wrote."""
    stamp = {
        "fingerprint": fingerprint,
        "files": {name: hashlib.sha256(data).hexdigest() for name, data in sorted(files.items())},
        "warnings": list(warnings),
    }
    text = json.dumps(stamp, ensure_ascii=False, indent=1, sort_keys=True)
    write_atomic(out_dir / STAMP_NAME, (text + "\n").encode("utf-8"))
