"""Report folders -> map files on disk, safely.

Stage: report folders -> ``OUT/<report-id>/*`` and ``OUT/index.html``.

Four promises:

* **Only what changed is written.** Each file's new bytes are compared with what is on disk;
  an unchanged file is not touched, so its modification time and ``git status`` stay quiet.
* **Atomic, one build at a time** (:mod:`iranmap.output`). A file is written to a temporary
  file in the same folder, flushed to disk, then renamed over the old one: a build killed at
  any moment leaves each file whole, old or new. A lock in ``OUT`` makes a second build wait.
* **Only inside OUT.** A report's folder in ``OUT`` is named by its id, the *resolved*
  name of its folder, checked to be a plain name (:func:`report_id`); ``OUT`` may not be, hold
  or be inside a report folder, and two reports may not share an id.
* **Isolated.** A report that fails to load or join leaves its previous maps untouched, and
  the other reports still build. The result names every failure.
"""

from __future__ import annotations

import json
import re
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from iranmap._galleries import (
    SERIES_DIR,
    SUMMARY_NAME,
    gallery,
    gallery_paths,
    index_page,
    write_galleries,
)
from iranmap._stamp import (
    STAMP_NAME,
    fingerprint,
    remove_unmade,
    series_fingerprint,
    unchanged_outputs,
    write_stamp,
)
from iranmap.errors import InputError, IranmapError, Problem
from iranmap.output import (
    FileResult,
    OutputError,
    locked,
    read_output,
    remove_leftovers,
    sync_file,
    write_atomic,
)
from iranmap.project import series_candidates
from iranmap.render import BuildOptions

__all__ = [
    "SERIES_DIR",
    "STAMP_NAME",
    "SUMMARY_NAME",
    "BuildResult",
    "FileResult",
    "OutputError",
    "ReportResult",
    "SeriesResult",
    "build",
    "build_report",
    "gallery",
    "index_page",
    "report_files",
    "report_id",
    "stale_files",
    "sync_file",
    "write_atomic",
]

#: Why a build with a failed report leaves every series as it was.
SERIES_HELD = (
    "the series were not built again, since a report failed and may be a step of one: "
    "their previous files were left in place; fix the report and build again"
)
#: A report id: what may name a folder in OUT and a path in a URL, on any system.
_ID = re.compile(r"^[a-z0-9_-][a-z0-9._-]*$")
ID_RULE = "lowercase letters a-z, digits 0-9, '-', '_' and '.' (not first)"


@dataclass(frozen=True)
class ReportResult:
    """What building one report did: its files, or the error that kept them as they were.

    ``warnings``: what is worth knowing but did not stop the build (e.g. a file with a header
    and no rows), as lines ``FILE:LINE: message``; an unchanged report repeats those of the
    build that made its files.
    """

    report_dir: Path
    out_dir: Path
    files: tuple[FileResult, ...] = ()
    error: IranmapError | None = None
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def changed(self) -> tuple[FileResult, ...]:
        return tuple(f for f in self.files if f.status != "unchanged")

    @property
    def id(self) -> str:
        """The report's id: the name of its folder in OUT."""
        return self.out_dir.name


@dataclass(frozen=True)
class SeriesResult:
    """What building one series did: its files, or the error that kept them as they were.

    ``id``: its folder relative to OUT, e.g. ``series/hengaw-monthly``.
    """

    id: str
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
    """A whole build: every report's result, every series', and the gallery in each
    language (with what it left out)."""

    reports: tuple[ReportResult, ...]
    galleries: tuple[FileResult, ...] = ()
    warnings: tuple[str, ...] = ()
    series: tuple[SeriesResult, ...] = ()
    failed: tuple[ReportResult, ...] = field(init=False)
    failed_series: tuple[SeriesResult, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "failed", tuple(r for r in self.reports if not r.ok))
        object.__setattr__(self, "failed_series", tuple(s for s in self.series if not s.ok))


# ---------------------------------------------------------------------------------------------
# where each report goes


def report_id(folder: Path) -> str:
    """The id of the report in ``folder``: its resolved name (``.`` and ``a/b/..`` are
    resolved first), or an InputError when that name is not a plain one."""
    name = folder.resolve().name
    if _ID.match(name):
        return name
    msg = (
        f"the report's id is its folder's name, and {name!r} cannot be one: use only "
        f"{ID_RULE}; rename the folder, e.g. to {suggested_id(name)!r}"
    )
    raise InputError(Problem(str(folder), None, msg))


def suggested_id(name: str) -> str:
    """A plain id close to ``name``: accents dropped, other characters made dashes."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    dashed = re.sub(r"[^a-z0-9._]+", "-", ascii_name.lower()).strip(".-")
    return dashed or "my-report"


def plan(report_dirs: Sequence[Path], out_root: Path) -> list[tuple[Path, Path]]:
    """(report folder, its output folder) of each report, or one InputError naming every
    reason some report cannot be built into ``out_root`` safely. Writes nothing."""
    problems: list[Problem] = []
    placed: list[tuple[Path, Path]] = []
    seen: dict[str, Path] = {}
    out = out_root.resolve()
    for folder in report_dirs:
        try:
            rid = report_id(folder)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        if rid == SERIES_DIR:
            msg = (
                f"the report's id is its folder's name, and {rid!r} names the folder of the "
                "series in the output folder; rename the report's folder, e.g. to 'series-report'"
            )
            problems.append(Problem(str(folder), None, msg))
            continue
        if rid in seen:
            msg = (
                f"two reports have the id {rid!r}: {seen[rid]} and {folder}; a report's id is "
                "its folder's name, so rename one of the folders"
            )
            problems.append(Problem(str(folder), None, msg))
            continue
        seen[rid] = folder
        problems.extend(_overlap(folder, out_root, out))
        target = out_root / rid
        if target.is_symlink():
            msg = (
                f"{target} is a symbolic link, and iranmap writes only inside the output "
                "folder; remove the link, or choose another output folder"
            )
            problems.append(Problem(str(target), None, msg))
        placed.append((folder, target))
    if problems:
        raise InputError(problems)
    return placed


def _overlap(folder: Path, out_root: Path, out: Path) -> list[Problem]:
    resolved = folder.resolve()
    if out == resolved:
        relation = "is the report folder"
    elif resolved in out.parents:
        relation = "is inside the report folder"
    elif out in resolved.parents:
        relation = "holds the report folder"
    else:
        return []
    msg = (
        f"the output folder {out_root} {relation} {folder}, and the maps must not mix with the "
        "reports; choose an output folder outside every report folder, e.g. a maps folder "
        "beside them"
    )
    return [Problem("out", None, msg)]


# ---------------------------------------------------------------------------------------------
# one report


def report_files(report_dir: Path, options: BuildOptions) -> dict[str, bytes]:
    """Every file of one report's output folder, by name, as bytes. Writes nothing.

    The maps are rendered once per page of ``options`` (one per language); its ``step``
    cuts the timeline of a report with events.csv.

    Raises :class:`IranmapError` when the report cannot be loaded or joined: then no file
    of the report is produced at all.
    """
    return _render(report_dir, options)[0]


def _render(report_dir: Path, options: BuildOptions) -> tuple[dict[str, bytes], tuple[str, ...]]:
    """The report's files, and its warnings as ``FILE:LINE: message`` lines."""
    # Imported here so that `iranmap --help` stays fast.
    from iranmap.export import data_files, static_images, summary
    from iranmap.join import join_folder
    from iranmap.render import render_report
    from iranmap.render.timeline import report_timeline_files

    joined = join_folder(report_dir)
    files: dict[str, bytes] = {}
    for page in options.pages():
        files.update(render_report(joined, page))
    files.update(report_timeline_files(joined, options))  # with events.csv
    files.update(data_files(joined))
    files.update(static_images(joined, options))
    files[SUMMARY_NAME] = _json_bytes(summary(joined, sorted(files)))
    return files, tuple(str(w) for w in joined.report.warnings)


def build_report(
    report_dir: Path,
    out_root: Path,
    options: BuildOptions,
    *,
    out_dir: Path | None = None,
) -> ReportResult:
    """Build one report into ``out_dir`` (default ``out_root/<report-id>/``); on error, write
    nothing.

    When nothing that the output depends on has changed since the last build (the report's
    files, the reference data, iranmap's own code, the options) and every output file is as
    that build left it, nothing is rendered again.

    Raises :class:`OutputError` when an output cannot be written (files already written are
    whole), InputError when the report's id is not a plain name.
    """
    if out_dir is None:
        out_dir = out_root / report_id(report_dir)
    digest = fingerprint(report_dir, options)
    unchanged = unchanged_outputs(out_dir, digest)
    if unchanged is not None:
        return ReportResult(report_dir, out_dir, unchanged[0], warnings=unchanged[1])
    with noted_warnings() as noted:
        rendered = _rendered_or_error(report_dir, options)
    if isinstance(rendered, IranmapError):
        return ReportResult(report_dir, out_dir, error=rendered, warnings=tuple(noted))
    files, found = rendered
    warned = [*found, *noted]
    remove_leftovers(out_dir)
    results = tuple(sync_file(out_dir / name, data) for name, data in sorted(files.items()))
    results += remove_unmade(out_dir, files)
    write_stamp(out_dir, digest, files, warned)
    return ReportResult(report_dir, out_dir, results, warnings=tuple(warned))


def _rendered_or_error(
    report_dir: Path, options: BuildOptions
) -> tuple[dict[str, bytes], tuple[str, ...]] | IranmapError:
    try:
        return _render(report_dir, options)
    except IranmapError as exc:
        return exc


@contextmanager
def noted_warnings() -> Iterator[list[str]]:
    """The messages of the Python warnings raised inside (by a library, say), in order,
    instead of printing them: a build returns them as data, and the command line prints
    them as its own lines."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        noted: list[str] = []
        try:
            yield noted
        finally:
            noted.extend(dict.fromkeys(str(w.message) for w in caught))


# ---------------------------------------------------------------------------------------------
# every report, and the gallery


def build(
    report_dirs: Sequence[Path],
    out_root: Path,
    options: BuildOptions,
    *,
    on_report: Callable[[ReportResult], None] | None = None,
    on_wait: Callable[[Path], None] | None = None,
    lock_timeout: float | None = None,
    series_dirs: Sequence[Path] | None = None,
) -> BuildResult:
    """Build every report, then every series they make up (``OUT/series/<name>/``), then
    the gallery of everything in ``out_root`` in each language of ``options`` (``index.html``,
    ``index.fa.html``: :func:`iranmap.render.gallery.gallery_name`).

    The series are those of ``series_dirs`` (default: ``report_dirs`` and every report
    folder beside them, :func:`iranmap.series.series_candidates`), so that a build of some
    reports never leaves a series with only those of its steps.
    When a report fails, no series is written (that report may be a step of one): they keep
    their previous files, and the result's warnings say so when there is a series at all.

    Checks first where every report goes (:func:`plan`), then holds ``out_root``'s lock while
    writing (``on_wait`` is called if another build holds it). Raises InputError before
    writing anything when a report cannot go safely into ``out_root``, OutputError when a
    file cannot be written, BusyError when the lock is not freed in time.
    """
    placed = plan(report_dirs, out_root)
    with locked(out_root, lock_timeout, on_wait):
        remove_leftovers(out_root)
        results = []
        for report_dir, out_dir in placed:
            result = build_report(report_dir, out_root, options, out_dir=out_dir)
            results.append(result)
            if on_report is not None:
                on_report(result)
        series: tuple[SeriesResult, ...] = ()
        held: tuple[str, ...] = ()
        if any(not r.ok for r in results):
            held = (SERIES_HELD,) if _may_hold_series(report_dirs, out_root) else ()
        else:
            dirs = series_candidates(report_dirs) if series_dirs is None else series_dirs
            series = build_series(dirs, out_root, options)
        galleries, left_out = write_galleries(out_root, options)
    return BuildResult(tuple(results), galleries, (*held, *left_out), series)


def _may_hold_series(report_dirs: Sequence[Path], out_root: Path) -> bool:
    """Whether a series may be left out of date: one was built before, or one of the
    reports names one in its report.toml."""
    from iranmap.reports import report_series

    folder = out_root / SERIES_DIR
    if folder.is_dir() and any(folder.iterdir()):
        return True
    return any(report_series(report_dir) is not None for report_dir in report_dirs)


def build_series(
    report_dirs: Sequence[Path],
    out_root: Path,
    options: BuildOptions,
) -> tuple[SeriesResult, ...]:
    """Write the files of every series the reports in ``report_dirs`` make up; a series
    that cannot be made keeps its previous files and carries its error."""
    from iranmap.series import series_files, series_members

    results = []
    for folder, members in series_members(report_dirs).items():
        out_dir = out_root / folder
        digest = series_fingerprint(members, options)
        unchanged = unchanged_outputs(out_dir, digest)
        if unchanged is not None:
            results.append(SeriesResult(folder, out_dir, unchanged[0]))
            continue
        files = series_files(members, options)
        if files is None:
            continue
        if isinstance(files, IranmapError):
            results.append(SeriesResult(folder, out_dir, error=files))
            continue
        remove_leftovers(out_dir)
        written = tuple(sync_file(out_dir / name, data) for name, data in sorted(files.items()))
        written += remove_unmade(out_dir, files)
        write_stamp(out_dir, digest, files, ())
        results.append(SeriesResult(folder, out_dir, written))
    return tuple(results)


def _series_outputs(
    report_dirs: Sequence[Path], options: BuildOptions
) -> Mapping[str, dict[str, bytes] | InputError]:
    from iranmap.series import series_outputs

    return series_outputs(report_dirs, options)


def stale_files(
    report_dirs: Sequence[Path],
    out_root: Path,
    options: BuildOptions,
) -> tuple[list[str], list[ReportResult | SeriesResult]]:
    """What ``build`` would change, without writing: (differing paths, failed reports and
    series).

    A path is listed when it is missing, differs, or is a leftover file that the reports no
    longer produce. The series are checked when every report could be built.
    """
    differ: list[str] = []
    failed: list[ReportResult | SeriesResult] = []
    for report_dir, out_dir in plan(report_dirs, out_root):
        try:
            files = report_files(report_dir, options)
        except IranmapError as exc:
            failed.append(ReportResult(report_dir, out_dir, error=exc))
            continue
        differ.extend(_differences(out_dir, files))
    made_series = {} if failed else _series_outputs(series_candidates(report_dirs), options)
    for folder, made in sorted(made_series.items()):
        if isinstance(made, IranmapError):
            failed.append(SeriesResult(folder, out_root / folder, error=made))
        else:
            differ.extend(_differences(out_root / folder, made))
    if not failed:
        for lang, path in gallery_paths(out_root, options.langs):
            if read_output(path) != index_page(out_root, options.page(lang)):
                differ.append(str(path))
    return differ, failed


def _differences(out_dir: Path, files: Mapping[str, bytes]) -> Iterable[str]:
    for name, data in sorted(files.items()):
        if read_output(out_dir / name) != data:
            yield str(out_dir / name)
    if out_dir.is_dir():
        for path in sorted(out_dir.iterdir()):
            if path.is_file() and path.name not in files and not path.name.startswith("."):
                yield str(path)


def _json_bytes(value: Any) -> bytes:
    text = json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True)
    return (text + "\n").encode("utf-8")
