"""Report folders -> map files on disk, safely.

Stage: report folders -> ``maps/<report-id>/*`` and ``maps/index.html``.

Three promises:

* **Only what changed is written.** Each file's new bytes are compared with what is on disk;
  an unchanged file is not touched, so its modification time and ``git status`` stay quiet.
* **Atomic.** A file is written to a temporary file in the same folder, flushed to disk, then
  renamed over the old one: a build killed at any moment leaves each file whole, old or new.
* **Isolated.** A report that fails to load or join leaves its previous maps untouched, and
  the other reports still build. The result names every failure.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from iranmap.errors import IranmapError
from iranmap.i18n import LANGS, Lang
from iranmap.paths import geodata_dir
from iranmap.render import RenderOptions

Status = Literal["created", "updated", "unchanged"]

#: Written beside each report's maps; the gallery is built from these, so a report that
#: fails keeps its old entry along with its old maps.
SUMMARY_NAME = "summary.json"
INDEX_NAME = "index.html"
#: Not part of the output: what the last build of a report depended on, so that a rebuild
#: with nothing changed renders nothing. Ignored by git and by ``--check``.
STAMP_NAME = ".iranmap-build.json"
_PACKAGE = Path(__file__).resolve().parent
#: Packages whose version can change the bytes of a map or an image.
_DEPENDENCIES = ("iranmap", "matplotlib", "numpy", "shapely", "xstatic-leaflet")


@dataclass(frozen=True)
class FileResult:
    """One output file and what the build did to it."""

    path: Path
    status: Status


@dataclass(frozen=True)
class ReportResult:
    """What building one report did: its files, or the error that kept them as they were."""

    report_dir: Path
    out_dir: Path
    files: tuple[FileResult, ...] = ()
    error: IranmapError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def changed(self) -> tuple[FileResult, ...]:
        return tuple(f for f in self.files if f.status != "unchanged")


@dataclass(frozen=True)
class BuildResult:
    """A whole build: every report's result, and the gallery."""

    reports: tuple[ReportResult, ...]
    index: FileResult | None = None
    failed: tuple[ReportResult, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "failed", tuple(r for r in self.reports if not r.ok))


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers only ever see the old or the new file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def sync_file(path: Path, data: bytes) -> FileResult:
    """Write ``data`` to ``path`` unless the file already holds exactly those bytes."""
    try:
        old: bytes | None = path.read_bytes()
    except FileNotFoundError:
        old = None
    if old == data:
        return FileResult(path, "unchanged")
    write_atomic(path, data)
    return FileResult(path, "created" if old is None else "updated")


def report_files(
    report_dir: Path, options: RenderOptions, langs: Sequence[Lang] = LANGS
) -> dict[str, bytes]:
    """Every file of one report's output folder, by name, as bytes. Writes nothing.

    The maps are rendered once per language in ``langs`` (``options.lang`` is ignored).

    Raises :class:`IranmapError` when the report cannot be loaded or joined: then no file
    of the report is produced at all.
    """
    # Imported here so that `iranmap --help` stays fast.
    from iranmap.export import data_files, static_images, summary
    from iranmap.join import join_folder
    from iranmap.render import render_report
    from iranmap.render.timeline import report_timeline_files

    joined = join_folder(report_dir)
    files: dict[str, bytes] = {}
    for lang in langs:
        files.update(render_report(joined, replace(options, lang=lang, alternates=tuple(langs))))
    files.update(report_timeline_files(joined, options, langs))  # events.csv: timeline.html
    files.update(data_files(joined))
    files.update(static_images(joined, options))
    files[SUMMARY_NAME] = _json_bytes(summary(joined, sorted(files)))
    return files


def build_report(
    report_dir: Path, out_root: Path, options: RenderOptions, langs: Sequence[Lang] = LANGS
) -> ReportResult:
    """Build one report into ``out_root/<report-id>/``; on error, write nothing.

    When nothing that the output depends on has changed since the last build (the report's
    files, the reference data, iranmap's own code, the options) and every output file is as
    that build left it, nothing is rendered again.
    """
    out_dir = out_root / report_dir.name
    fingerprint = _fingerprint(report_dir, options, langs)
    unchanged = _unchanged_outputs(out_dir, fingerprint)
    if unchanged is not None:
        return ReportResult(report_dir, out_dir, unchanged)
    try:
        files = report_files(report_dir, options, langs)
    except IranmapError as exc:
        return ReportResult(report_dir, out_dir, error=exc)
    _remove_leftovers(out_dir)
    results = tuple(sync_file(out_dir / name, data) for name, data in sorted(files.items()))
    stamp = {
        "fingerprint": fingerprint,
        "files": {name: hashlib.sha256(data).hexdigest() for name, data in sorted(files.items())},
    }
    write_atomic(out_dir / STAMP_NAME, _json_bytes(stamp))
    return ReportResult(report_dir, out_dir, results)


def _fingerprint(report_dir: Path, options: RenderOptions, langs: Sequence[Lang]) -> str:
    """A digest of everything a report's output depends on."""
    digest = hashlib.sha256()

    def add(label: str, data: bytes) -> None:
        digest.update(f"{label}\0{len(data)}\0".encode())
        digest.update(data)

    add("options", repr((options, tuple(langs))).encode())
    for package in _DEPENDENCIES:
        add(package, _version(package).encode())
    for folder, pattern in (
        (report_dir, "*"),
        (geodata_dir(), "*.csv"),
        (geodata_dir(), "*.geojson"),
        (_PACKAGE, "**/*.py"),
        (_PACKAGE, "**/*.js"),
        (_PACKAGE, "**/*.css"),
    ):
        for path in sorted(folder.glob(pattern)):
            if path.is_file():
                add(path.relative_to(folder).as_posix(), path.read_bytes())
    return digest.hexdigest()


def _unchanged_outputs(out_dir: Path, fingerprint: str) -> tuple[FileResult, ...] | None:
    """The output files, all "unchanged", if the last build had this fingerprint and every
    file it wrote is still there as it wrote it; else None."""
    try:
        stamp = json.loads((out_dir / STAMP_NAME).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return None
    if not isinstance(stamp, dict) or stamp.get("fingerprint") != fingerprint:
        return None
    results = []
    for name, sha in sorted(stamp.get("files", {}).items()):
        data = _read(out_dir / name)
        if data is None or hashlib.sha256(data).hexdigest() != sha:
            return None
        results.append(FileResult(out_dir / name, "unchanged"))
    return tuple(results) or None


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "-"


def _remove_leftovers(out_dir: Path) -> None:
    """Delete temporary files a killed build left behind (``.NAME.XXXX.tmp``)."""
    if out_dir.is_dir():
        for path in out_dir.glob(".*.tmp"):
            path.unlink(missing_ok=True)


def build(
    report_dirs: Sequence[Path],
    out_root: Path,
    options: RenderOptions,
    langs: Sequence[Lang] = LANGS,
    *,
    on_report: Callable[[ReportResult], None] | None = None,
) -> BuildResult:
    """Build every report, then the gallery ``index.html`` of everything in ``out_root``."""
    results = []
    for report_dir in report_dirs:
        result = build_report(report_dir, out_root, options, langs)
        results.append(result)
        if on_report is not None:
            on_report(result)
    index = sync_file(out_root / INDEX_NAME, index_page(out_root, options))
    return BuildResult(tuple(results), index)


def stale_files(
    report_dirs: Sequence[Path],
    out_root: Path,
    options: RenderOptions,
    langs: Sequence[Lang] = LANGS,
) -> tuple[list[str], list[ReportResult]]:
    """What ``build`` would change, without writing: (differing paths, failed reports).

    A path is listed when it is missing, differs, or is a leftover file that the reports no
    longer produce.
    """
    differ: list[str] = []
    failed: list[ReportResult] = []
    for report_dir in report_dirs:
        out_dir = out_root / report_dir.name
        try:
            files = report_files(report_dir, options, langs)
        except IranmapError as exc:
            failed.append(ReportResult(report_dir, out_dir, error=exc))
            continue
        differ.extend(_differences(out_dir, files))
    index_path = out_root / INDEX_NAME
    if not failed and _read(index_path) != index_page(out_root, options):
        differ.append(str(index_path))
    return differ, failed


def _differences(out_dir: Path, files: Mapping[str, bytes]) -> Iterable[str]:
    for name, data in sorted(files.items()):
        if _read(out_dir / name) != data:
            yield str(out_dir / name)
    if out_dir.is_dir():
        for path in sorted(out_dir.iterdir()):
            if path.is_file() and path.name not in files and not path.name.startswith("."):
                yield str(path)


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def index_page(out_root: Path, options: RenderOptions) -> bytes:
    """The gallery of every report under ``out_root``, from their ``summary.json`` files."""
    from iranmap.render.gallery import render_gallery

    summaries = []
    if out_root.is_dir():
        found = [*out_root.glob(f"*/{SUMMARY_NAME}"), *out_root.glob(f"series/*/{SUMMARY_NAME}")]
        for path in sorted(found):
            summaries.append(json.loads(path.read_text(encoding="utf-8")))
    return render_gallery(summaries, options)


def _json_bytes(value: Any) -> bytes:
    text = json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True)
    return (text + "\n").encode("utf-8")
