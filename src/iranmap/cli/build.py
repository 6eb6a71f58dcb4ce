"""``iranmap build``: every report's maps, written safely; ``--check`` and ``--watch``."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click
from click.core import ParameterSource

from iranmap.cli._app import main
from iranmap.cli._flags import flag_message
from iranmap.cli._options import build_options, render_options_decorator
from iranmap.cli._output import caught_warnings, echo, echo_error, echo_warning

if TYPE_CHECKING:  # imported where used, so that `iranmap --help` stays fast
    from iranmap.build import BuildResult, ReportResult, SeriesResult
    from iranmap.comparing import ComparisonResult
    from iranmap.project import Project
    from iranmap.render import BuildOptions


@main.command("build")
@click.argument(
    "report_dirs", nargs=-1, type=click.Path(exists=True, file_okay=False, path_type=Path)
)
@click.option(
    "--out",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder to write into (default: maps/ in the current folder, or the out of its "
    "iranmap.toml).",
)
@click.option("--check", is_flag=True, help="Write nothing; exit 1 naming the files that differ.")
@click.option("--watch", is_flag=True, help="Rebuild a report whenever one of its files changes.")
@click.option(
    "--force",
    is_flag=True,
    help="Replace files iranmap did not write that stand where its outputs go (by default "
    "they are left alone, and the build says which).",
)
@click.option(
    "--step",
    default=None,
    metavar="month|week|quarter|year",
    help="The steps of the timeline of a report with events.csv (default: months, or weeks "
    "for a period of 92 days or less).",
)
@click.option(
    "--series",
    "whole_series",
    is_flag=True,
    help="With reports named and --out: also write each series they are steps of and each "
    "comparison they are in (by default only those all of whose reports are named).",
)
@click.option(
    "--quiet", "-q", is_flag=True, help="Print only warnings and errors (and nothing else)."
)
@render_options_decorator
def build_command(
    report_dirs: tuple[Path, ...],
    out: Path | None,
    check: bool,
    watch: bool,
    force: bool,
    step: str | None,
    whole_series: bool,
    quiet: bool,
    **render: object,
) -> None:
    """Build the maps of REPORT_DIRS: each a report folder (holding report.toml), or a folder
    of report folders. With none, build every report folder under reports/ in the current
    folder, into maps/ (an iranmap.toml in the current folder may name other folders, and set
    base_url and languages; options given here win).

    Each report gets choropleth.html, points.html, combined.html, their embed snippets, PNG
    and SVG images and its figures as CSV and GeoJSON in OUT/<report-id>/; a series of
    reports gets its timeline in OUT/series/<name>/; a gallery lists them all, OUT/index.html
    (OUT/index.fa.html in Persian). The report id is the name of its folder. Only files whose
    content changes are rewritten, each atomically; a report or series that fails leaves its
    previous files in place while the others build. Exit 1 if any failed.

    On a terminal, a progress bar names the report being built, and each report gets one
    line as it is done; otherwise (a pipe, a log) each file written is listed.
    """
    from iranmap.calendars import check_kind
    from iranmap.project import load_project, named_reports, project_reports

    kind = check_kind(step) if step is not None else None
    project = load_project(Path("."))
    options = build_options(_with_project(render, project), kind)
    dirs = named_reports(report_dirs) if report_dirs else project_reports(project)
    out_root = out if out is not None else project.out
    # Reports named and built elsewhere: a series only when all its steps are named, or when
    # asked for (a series of some of its steps would understate its totals).
    partial = bool(report_dirs) and out is not None and not whole_series
    if check:
        sys.exit(_check(dirs, out_root, options, partial))
    try:
        result = _build(dirs, out_root, options, force, quiet=quiet, whole_series_only=partial)
        if watch:
            _watch(dirs, out_root, options, force)
    except KeyboardInterrupt:
        echo(INTERRUPTED, err=True)
        sys.exit(130)
    failed_comparisons = any(not c.ok for c in result.comparisons)
    sys.exit(1 if result.failed or result.failed_series or failed_comparisons else 0)


def _with_project(render: Mapping[str, object], project: Project) -> dict[str, object]:
    """The map options, with the project's languages and base URL where none was given."""
    values = dict(render)
    if not values.get("langs") and project.languages:
        values["langs"] = project.languages
    source = click.get_current_context().get_parameter_source("base_url")
    if source == ParameterSource.DEFAULT and project.base_url is not None:
        values["base_url"] = project.base_url
    return values


#: What Ctrl-C prints: every file is written whole and renamed into place, or not at all.
INTERRUPTED = "interrupted; the files already written are whole, and nothing half-written was left"


def _waiting(lock: Path) -> None:
    echo(f"waiting for another iranmap build to finish writing to {_shown(lock.parent)}", err=True)


#: What the build warns when it writes embed snippets that only work beside their pages.
NO_BASE_URL = (
    "the embed snippets written load their map by a relative path (combined.html?embed), "
    "which works only in a page beside it; to paste one into an article, build with "
    "--base-url set to where the maps folder will be published (or base_url in iranmap.toml)"
)


#: Variables by which rich may take a stream that is not a terminal for one.
_SAYS_TERMINAL = ("FORCE_TERMINAL", "TTY_COMPATIBLE", "FORCE_COLOR")


def _terminal() -> bool:
    """Whether a person is watching (progress and one line per report), not a pipe or a log.
    rich decides, but is not even imported where it could only say no: a build into a log
    starts sooner."""
    if not sys.stderr.isatty() and not any(v in os.environ for v in _SAYS_TERMINAL):
        return False
    from rich.console import Console

    return Console(stderr=True).is_terminal


@contextmanager
def _progress(names: Sequence[str], shown: bool) -> Iterator[Callable[[int], None]]:
    """A progress bar over the reports on stderr while ``shown``; yields ``update(done)``."""
    if not shown:
        yield lambda done: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(_doing(names, 0), total=len(names))
        yield lambda done: progress.update(task, completed=done, description=_doing(names, done))


def _build(
    dirs: Sequence[Path],
    out_root: Path,
    options: BuildOptions,
    force: bool = False,
    *,
    quiet: bool = False,
    whole_series_only: bool = False,
) -> BuildResult:
    from iranmap.build import build

    terminal = not quiet and _terminal()
    names = [_report_name(d) for d in dirs]
    with _progress(names, terminal) as update:
        began = [time.monotonic()]  # when each report began, and when the next one will

        def report_done(result: ReportResult) -> None:
            seconds = time.monotonic() - began[-1]
            if quiet:
                _print_warnings(result)
            elif terminal:
                _print_report_line(result, seconds)
            else:
                _print_report(result)
            update(len(began))
            began.append(time.monotonic())

        result = build(
            dirs,
            out_root,
            options,
            on_report=report_done,
            on_wait=_waiting,
            force=force,
            whole_series_only=whole_series_only,
        )
    _print_rest(result, quiet=quiet)
    if not options.render.base_url and _wrote_embeds(result):
        echo_warning(NO_BASE_URL)
    if quiet:
        return result
    built = len(result.reports) - len(result.failed)
    summary = f"{built} of {len(result.reports)} reports built into {_shown(out_root)}"
    if result.failed:
        summary += f"; {len(result.failed)} failed, their previous maps were left in place"
    if result.failed_series:
        summary += (
            f"; {len(result.failed_series)} series failed, their previous files were left in place"
        )
    echo(summary)
    return result


def _report_name(folder: Path) -> str:
    from iranmap.build import report_id
    from iranmap.errors import InputError

    try:
        return report_id(folder)
    except InputError:  # the build says why, naming every such folder
        return folder.name


def _doing(names: Sequence[str], done: int) -> str:
    """What the progress bar says is being built."""
    if done < len(names):
        return f"building {names[done]}"
    return "building the series and the gallery"


def _wrote_embeds(result: BuildResult) -> bool:
    files = [f for r in result.reports for f in r.files]
    files += [f for series in result.series for f in series.files]
    return any(f.path.name.endswith(".embed.html") and f.status != "unchanged" for f in files)


def _print_rest(result: BuildResult, *, quiet: bool = False) -> None:
    """What a build did after its reports: each series, the gallery's warnings, the
    galleries (with ``quiet``, only the warnings and errors)."""
    for series in result.series:
        if not quiet or series.error is not None:
            _print_series(series)
    for comparison in result.comparisons:
        if not quiet or comparison.error is not None:
            _print_series(comparison)
    for message in result.warnings:
        echo_warning(_flags(message))
    for page in result.galleries:
        if page.status != "unchanged" and not quiet:
            echo(f"{page.status} {_shown(page.path)}")


def _print_series(result: SeriesResult | ComparisonResult) -> None:
    if result.error is not None:
        for line in flag_message(result.error).splitlines():
            echo(f"error: {result.id}: {_flags(line)}", err=True)
    elif result.changed:
        echo(f"{result.id}: {len(result.changed)} files written")
    else:
        echo(f"{result.id}: up to date")


def _print_warnings(result: ReportResult) -> bool:
    """A report's warnings and errors; whether it failed."""
    for message in result.warnings:
        echo_warning(message)
    if result.error is not None:
        for line in flag_message(result.error).splitlines():
            prefix = f"{result.id}: " if result.placed else ""  # a refused one has no id
            echo(f"error: {prefix}{_flags(line)}", err=True)
        return True
    return False


def _print_report(result: ReportResult) -> None:
    if _print_warnings(result):
        return
    if not result.changed:
        echo(f"{result.id}: up to date")
    for file in result.changed:
        echo(f"{file.status} {_shown(file.path)}")


def _print_report_line(result: ReportResult, seconds: float) -> None:
    """A report in one line, as a person at a terminal follows the build."""
    if _print_warnings(result):
        return
    changed = len(result.changed)
    did = f"{changed} files written" if changed else "up to date"
    echo(f"{result.id}: {did} in {_shown(result.out_dir)} ({seconds:.1f} s)")


def _check(
    dirs: Sequence[Path], out_root: Path, options: BuildOptions, whole_series_only: bool = False
) -> int:
    with caught_warnings() as noted:
        from iranmap.build import stale_files

        differ, failed = stale_files(dirs, out_root, options, whole_series_only)
    for message in noted:
        echo_warning(message)
    for result in failed:
        for line in flag_message(result.error).splitlines() if result.error else ():
            echo(f"error: {result.id}: {line}", err=True)
    for path in differ:
        echo(f"out of date: {_shown(Path(path))}", err=True)
    if differ or failed:
        echo(
            f"{len(differ)} file(s) in {_shown(out_root)} differ from what the reports build to; "
            "run `iranmap build` (or `make maps`) and commit the result",
            err=True,
        )
        return 1
    echo(f"{_shown(out_root)} is up to date with {len(dirs)} report(s)")
    return 0


def _watch(
    dirs: Sequence[Path], out_root: Path, options: BuildOptions, force: bool = False
) -> None:
    from watchfiles import watch

    resolved = {d.resolve(): d for d in dirs}
    # With yield_on_timeout, the first (empty) batch arrives once the watcher is in place:
    # only then is it true that an edit will be seen.
    changes_seen = watch(*dirs, raise_interrupt=False, yield_on_timeout=True, rust_timeout=300)
    try:
        next(changes_seen)
        echo(f"watching {len(dirs)} report folder(s); press Ctrl+C to stop")
        for changes in changes_seen:
            touched = sorted(
                {
                    resolved[parent]
                    for _, changed in changes
                    for parent in Path(changed).resolve().parents
                    if parent in resolved
                }
            )
            if touched:
                _rebuild(touched, dirs, out_root, options, force)
    except KeyboardInterrupt:  # pragma: no cover - watchfiles handles it with raise_interrupt
        pass


def _rebuild(
    touched: Sequence[Path],
    dirs: Sequence[Path],
    out_root: Path,
    options: BuildOptions,
    force: bool,
) -> None:
    """Build the reports that changed; whatever goes wrong is printed, and watching goes on."""
    from iranmap.build import build
    from iranmap.errors import IranmapError

    try:
        result = build(
            touched,
            out_root,
            options,
            on_report=_print_report,
            on_wait=_waiting,
            series_dirs=dirs,
            force=force,
        )
    except IranmapError as exc:
        echo_error(_flags(str(exc)))
    except Exception as exc:  # a bug must not end watching: say so, keep watching
        echo_error(f"unexpected {type(exc).__name__}: {exc}; this is a bug in iranmap, report it")
    else:
        _print_rest(result)


def _flags(message: str) -> str:
    """A library message with its advice in this command's options."""
    from iranmap._owned import ADVICE
    from iranmap.build import SERIES_ASK
    from iranmap.comparing import COMPARISON_ASK

    ask = "name all of them to build it, or build again with --series"
    return (
        message.replace(
            ADVICE,
            "move it away, or build again with --force to replace it, or give --out another folder",
        )
        .replace(COMPARISON_ASK, ask)  # first: it begins with SERIES_ASK's words
        .replace(SERIES_ASK, ask)
    )


def _shown(path: Path) -> str:
    """A path as a user would type it: relative to the current folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
