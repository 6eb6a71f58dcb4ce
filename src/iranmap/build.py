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

import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from functools import cached_property
from pathlib import Path

from iranmap._batches import report_batches
from iranmap._galleries import (
    SERIES_DIR,
    SUMMARY_NAME,
    gallery,
    gallery_paths,
    index_page,
    write_galleries,
)
from iranmap._owned import BlockedError, blocking, outside, owned_names, write_owned
from iranmap._plan import ID_RULE, plan, report_id, suggested_id
from iranmap._results import BuildResult, ReportResult, SeriesResult
from iranmap._stamp import (
    STAMP_NAME,
    fingerprint,
    remove_unmade,
    series_fingerprint,
    unchanged_outputs,
    write_stamp,
)
from iranmap.comparing import (
    ComparisonResult,
    build_comparisons,
    comparisons_of,
    project_comparisons,
)
from iranmap.errors import InputError, IranmapError, Problem, UnexpectedError
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
    "ID_RULE",
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
    "suggested_id",
    "sync_file",
    "write_atomic",
]

#: Why a build with a failed report leaves every series as it was.
SERIES_HELD = (
    "the series were not built again, since a report failed and may be a step of one: "
    "their previous files were left in place; fix the report and build again"
)


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
    batches, found = report_batches(report_dir, options)
    files: dict[str, bytes] = {}
    for batch in batches:
        files.update(batch)
    return files, found


def build_report(
    report_dir: Path,
    out_root: Path,
    options: BuildOptions,
    *,
    out_dir: Path | None = None,
    force: bool = False,
    meanwhile: Callable[[], object] | None = None,
) -> ReportResult:
    """Build one report into ``out_dir`` (default ``out_root/<report-id>/``); on error, write
    nothing. ``meanwhile`` is called while the report's PNGs are drawn, when the build would
    only wait for them.

    When nothing that the output depends on has changed since the last build (the report's
    files, the reference data, iranmap's own code, the options) and every output file is as
    that build left it, nothing is rendered again.

    Files iranmap did not write in the way of an output leave the report's folder as it
    was, the result's error saying which (:mod:`iranmap._owned`), unless ``force``.

    Raises :class:`OutputError` when an output cannot be written (files already written are
    whole), InputError when the report's id is not a plain name.
    """
    if out_dir is None:
        out_dir = out_root / report_id(report_dir)
    digest = fingerprint(report_dir, options)
    unchanged = unchanged_outputs(out_dir, digest)
    if unchanged is not None:
        return ReportResult(report_dir, out_dir, unchanged[0], warnings=unchanged[1])
    files: dict[str, bytes] = {}
    written: list[FileResult] = []
    error: IranmapError | None = None
    what = f"report {out_dir.name}"
    previous = owned_names(out_dir)  # before this build rewrites its summary.json
    with noted_warnings() as noted:
        try:
            # The stamp's versions and code digest are worked out while the PNGs are drawn.
            def waiting() -> None:
                digest.value  # noqa: B018 - worked out now, kept for the stamp
                if meanwhile is not None:
                    meanwhile()

            batches, found = report_batches(report_dir, options, waiting)
            first = True
            for batch in batches:  # the pages first: each batch is written as it comes
                blocked = [] if force else blocking(out_dir, batch, what)
                if blocked:
                    raise BlockedError(blocked)
                if first:
                    remove_leftovers(out_dir)
                    first = False
                files.update(batch)
                written.extend(sync_file(out_dir / name, data) for name, data in batch.items())
        except IranmapError as exc:
            error = exc
        except Exception as exc:  # one report's bug must not stop the others
            error = UnexpectedError(str(report_dir), exc)
    if error is not None:
        return ReportResult(report_dir, out_dir, error=error, warnings=tuple(noted))
    warned = [*found, *noted]
    gone = remove_unmade(out_dir, files, previous)
    results = (*sorted(written, key=lambda f: f.path), *gone)
    write_stamp(out_dir, digest.value, files, warned)
    return ReportResult(report_dir, out_dir, results, warnings=tuple(warned))


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
    force: bool = False,
    whole_series_only: bool = False,
) -> BuildResult:
    """Build every report, then every series they make up (``OUT/series/<name>/``), then
    the gallery of everything in ``out_root`` in each language of ``options`` (``index.html``,
    ``index.fa.html``: :func:`iranmap.render.gallery.gallery_name`).

    The series are those with one of ``report_dirs`` among their steps, each with every step
    in ``series_dirs`` (default: ``report_dirs`` and every report folder beside them,
    :func:`iranmap.project.series_candidates`), so that a build of some reports never leaves
    a series with only those of its steps, nor remakes one none of them is part of.
    When a report fails, no series is written (that report may be a step of one): they keep
    their previous files, and the result's warnings say so when there is a series at all.
    With ``whole_series_only`` (some reports named, built elsewhere), a series is written only
    when every one of its steps is among ``report_dirs``, and a comparison only when every
    report it shows is (:func:`iranmap.comparing.comparisons_of`); the warnings name each one
    left.

    Checks first where every report goes (:func:`plan`), then holds ``out_root``'s lock while
    writing (``on_wait`` is called if another build holds it). Each report, series and the
    gallery is built on its own: any error of one (a file in the way, see
    :mod:`iranmap._owned`; an exception) is its result's, and the others are built. Raises
    InputError before writing anything when ``out_root`` mixes with a report folder,
    BusyError when the lock is not freed in time.
    """
    placed, refused = plan(report_dirs, out_root)
    later = _Later(report_dirs, whole_series_only)
    with locked(out_root, lock_timeout, on_wait):
        remove_leftovers(out_root)
        results: list[ReportResult] = []
        for result in refused:
            results.append(result)
            if on_report is not None:
                on_report(result)
        for report_dir, out_dir in placed:
            try:
                result = build_report(
                    report_dir,
                    out_root,
                    options,
                    out_dir=out_dir,
                    force=force,
                    meanwhile=later.read,
                )
            except IranmapError as exc:
                result = ReportResult(report_dir, out_dir, error=exc)
            except Exception as exc:  # one report's bug must not stop the others
                result = ReportResult(
                    report_dir, out_dir, error=UnexpectedError(str(report_dir), exc)
                )
            results.append(result)
            if on_report is not None:
                on_report(result)
        series: tuple[SeriesResult, ...] = ()
        held: tuple[str, ...] = ()
        left: tuple[str, ...] = ()  # series not written: only some of their steps were named
        if any(not r.ok for r in results):
            held = (SERIES_HELD,) if _may_hold_series(report_dirs, out_root) else ()
        else:
            if series_dirs is None:
                dirs, left = later.series
            else:
                dirs, left = (
                    _whole_series(series_dirs, report_dirs)
                    if whole_series_only
                    else (list(series_dirs), ())
                )
            series = build_series(dirs, out_root, options, force=force, built=report_dirs)
        ok = not held and all(r.ok for r in results)
        comparisons: tuple[ComparisonResult, ...] = ()
        if ok:
            folders, dropped = later.comparisons
            comparisons = build_comparisons(
                report_dirs, out_root, options, force=force, folders=folders
            )
            left = (*left, *dropped)
        galleries, left_out = write_galleries(out_root, options, force=force)
    warned = (*held, *left, *left_out)
    return BuildResult(tuple(results), galleries, warned, series, comparisons)


class _Later:
    """What a build reads after its reports (which series and comparisons it writes), read
    while the first report's images are drawn, when the build would only wait: each is read
    once, and an error is raised again where it is asked for."""

    def __init__(self, report_dirs: Sequence[Path], whole_only: bool) -> None:
        self._report_dirs = report_dirs
        self._whole_only = whole_only

    def read(self) -> None:
        for name in ("series", "comparisons"):
            with suppress(Exception):  # raised again, in its place, by the build
                getattr(self, name)

    @cached_property
    def series(self) -> tuple[list[Path], tuple[str, ...]]:
        """The report folders whose series to write, and a warning for each series left."""
        dirs = series_candidates(self._report_dirs)
        if self._whole_only:
            return _whole_series(dirs, self._report_dirs)
        return list(dirs), ()

    @cached_property
    def comparisons(self) -> tuple[list[Path], list[str]]:
        """:func:`iranmap.comparing.comparisons_of` the build's reports."""
        return comparisons_of(self._report_dirs, whole_only=self._whole_only)


def _whole_series(
    candidates: Sequence[Path], named: Sequence[Path]
) -> tuple[list[Path], tuple[str, ...]]:
    """The reports among ``candidates`` whose series have every step in ``named``, and a
    warning for each series left out (some of its steps are not named)."""
    from iranmap.series import series_members

    wanted = {folder.resolve() for folder in named}
    keep: list[Path] = []
    left: list[str] = []
    for folder, members in series_members(candidates, named).items():
        missing = [m for m in members if m.resolve() not in wanted]
        if missing:
            named_count = len(members) - len(missing)
            left.append(
                f"{folder} was not written: {named_count} of its {len(members)} steps "
                f"{'was' if named_count == 1 else 'were'} named "
                f"({', '.join(m.name for m in missing)} not); {SERIES_ASK}"
            )
        else:
            keep.extend(members)
    return keep, tuple(left)


#: What to do about a series left out, in the library's words (the CLI names its option).
SERIES_ASK = "name all of them to build it, or ask for the series"


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
    *,
    force: bool = False,
    built: Sequence[Path] | None = None,
) -> tuple[SeriesResult, ...]:
    """Write the files of every series the reports in ``report_dirs`` make up (with
    ``built``, only those with one of these among their steps); a series that cannot be
    made (or written: a file in the way, an exception) keeps its previous files and carries
    its error."""
    from iranmap.series import series_members

    results = []
    for folder, members in series_members(report_dirs, built).items():
        out_dir = out_root / folder
        try:
            result = _one_series(folder, members, out_root, options, force)
        except IranmapError as exc:
            result = SeriesResult(folder, out_dir, error=exc)
        except Exception as exc:  # one series' bug must not stop the rest
            result = SeriesResult(folder, out_dir, error=UnexpectedError(folder, exc))
        if result is not None:
            results.append(result)
    return tuple(results)


def _one_series(
    folder: str,
    members: Sequence[Path],
    out_root: Path,
    options: BuildOptions,
    force: bool,
) -> SeriesResult | None:
    from iranmap.series import series_files

    out_dir = out_root / folder
    if (link := outside(out_root, out_dir)) is not None:
        msg = (
            f"{link} is a symbolic link, and iranmap writes only inside the output folder; "
            "remove the link, or choose another output folder"
        )
        return SeriesResult(folder, out_dir, error=InputError(Problem(str(link), None, msg)))
    digest = series_fingerprint(members, options)
    unchanged = unchanged_outputs(out_dir, digest)
    if unchanged is not None:
        return SeriesResult(folder, out_dir, unchanged[0])
    files = series_files(members, options)
    if files is None:
        return None
    if isinstance(files, IranmapError):
        return SeriesResult(folder, out_dir, error=files)
    written = write_owned(out_dir, files, digest.value, (), f"series {folder}", force)
    return SeriesResult(folder, out_dir, written)


def _series_outputs(
    report_dirs: Sequence[Path], options: BuildOptions, whole_series_only: bool = False
) -> Mapping[str, dict[str, bytes] | IranmapError]:
    """The series the reports in ``report_dirs`` are steps of (with ``whole_series_only``,
    those all of whose steps they are), and their files."""
    from iranmap.series import series_outputs

    candidates = series_candidates(report_dirs)
    if whole_series_only:
        candidates = _whole_series(candidates, report_dirs)[0]
    return series_outputs(candidates, options, built=report_dirs)


def stale_files(
    report_dirs: Sequence[Path],
    out_root: Path,
    options: BuildOptions,
    whole_series_only: bool = False,
) -> tuple[list[str], list[ReportResult | SeriesResult | ComparisonResult]]:
    """What ``build`` would change, without writing: (differing paths, failed reports and
    series); ``whole_series_only`` as for :func:`build`.

    A path is listed when it is missing, differs, or is a leftover file that the reports no
    longer produce. The series are checked when every report could be built.
    """
    differ: list[str] = []
    failed: list[ReportResult | SeriesResult | ComparisonResult] = []
    placed, refused = plan(report_dirs, out_root)
    failed.extend(refused)
    for report_dir, out_dir in placed:
        try:
            files = report_files(report_dir, options)
        except IranmapError as exc:
            failed.append(ReportResult(report_dir, out_dir, error=exc))
            continue
        except Exception as exc:  # one report's bug must not stop the check of the others
            failed.append(
                ReportResult(report_dir, out_dir, error=UnexpectedError(str(report_dir), exc))
            )
            continue
        differ.extend(_differences(out_dir, files))
    made_series = {} if failed else _series_outputs(report_dirs, options, whole_series_only)
    for folder, made in sorted(made_series.items()):
        if isinstance(made, IranmapError):
            failed.append(SeriesResult(folder, out_root / folder, error=made))
        else:
            differ.extend(_differences(out_root / folder, made))
    if not failed:
        changed, broken = project_comparisons(report_dirs, out_root, options, whole_series_only)
        differ.extend(changed)
        failed.extend(broken)
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
        owned = owned_names(out_dir)
        for path in sorted(out_dir.iterdir()):
            name = path.name
            if path.is_file() and name not in files and name in owned and name[0] != ".":
                yield str(path)
