"""``iranmap build``: every report's maps, written safely; ``--check`` and ``--watch``."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click

from iranmap.build import BuildResult, ReportResult, build, stale_files
from iranmap.cli._app import main
from iranmap.cli._options import render_options, render_options_decorator
from iranmap.i18n import Lang
from iranmap.paths import default_maps_dir, reports_dir
from iranmap.render import RenderOptions


@main.command("build")
@click.argument(
    "report_dirs", nargs=-1, type=click.Path(exists=True, file_okay=False, path_type=Path)
)
@click.option(
    "--out",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder to write into (default: the repository's maps/).",
)
@click.option("--check", is_flag=True, help="Write nothing; exit 1 naming the files that differ.")
@click.option("--watch", is_flag=True, help="Rebuild a report whenever one of its files changes.")
@render_options_decorator
def build_command(
    report_dirs: tuple[Path, ...], out: Path | None, check: bool, watch: bool, **render: object
) -> None:
    """Build the maps of REPORT_DIRS (default: every report under geodata/reports/).

    Each report gets choropleth.html, points.html, combined.html, embed.html, PNG and SVG
    images and its figures as CSV and GeoJSON in OUT/<report-id>/, plus a gallery
    OUT/index.html. Only files whose content changes are rewritten, each atomically; a report
    that fails leaves its previous maps in place while the others build. Exit 1 if any failed.
    """
    from iranmap.reports import find_reports

    options, langs = render_options(render)
    dirs = list(report_dirs) or find_reports(reports_dir())
    out_root = out if out is not None else default_maps_dir()
    if check:
        sys.exit(_check(dirs, out_root, options, langs))
    result = _build(dirs, out_root, options, langs)
    if watch:
        _watch(dirs, out_root, options, langs)
    sys.exit(1 if result.failed else 0)


def _build(
    dirs: Sequence[Path], out_root: Path, options: RenderOptions, langs: Sequence[Lang]
) -> BuildResult:
    from rich.console import Console
    from rich.progress import Progress

    console = Console(stderr=True)
    show_progress = console.is_terminal and len(dirs) > 1
    with Progress(console=console, transient=True, disable=not show_progress) as progress:
        task = progress.add_task("building maps", total=len(dirs))

        def report_done(result: ReportResult) -> None:
            _print_report(result)
            progress.advance(task)

        result = build(dirs, out_root, options, langs, on_report=report_done)
    if result.index is not None and result.index.status != "unchanged":
        click.echo(f"{result.index.status} {_shown(result.index.path)}")
    built = len(result.reports) - len(result.failed)
    summary = f"{built} of {len(result.reports)} reports built into {_shown(out_root)}"
    if result.failed:
        summary += f"; {len(result.failed)} failed, their previous maps were left in place"
    click.echo(summary)
    return result


def _print_report(result: ReportResult) -> None:
    name = result.report_dir.name
    if result.error is not None:
        for line in str(result.error).splitlines():
            click.echo(f"error: {name}: {line}", err=True)
        return
    if not result.changed:
        click.echo(f"{name}: up to date")
    for file in result.changed:
        click.echo(f"{file.status} {_shown(file.path)}")


def _check(
    dirs: Sequence[Path], out_root: Path, options: RenderOptions, langs: Sequence[Lang]
) -> int:
    differ, failed = stale_files(dirs, out_root, options, langs)
    for result in failed:
        for line in str(result.error).splitlines():
            click.echo(f"error: {result.report_dir.name}: {line}", err=True)
    for path in differ:
        click.echo(f"out of date: {_shown(Path(path))}", err=True)
    if differ or failed:
        click.echo(
            f"{len(differ)} file(s) in {_shown(out_root)} differ from what the reports build to; "
            "run `iranmap build` (or `make maps`) and commit the result",
            err=True,
        )
        return 1
    click.echo(f"{_shown(out_root)} is up to date with {len(dirs)} report(s)")
    return 0


def _watch(
    dirs: Sequence[Path], out_root: Path, options: RenderOptions, langs: Sequence[Lang]
) -> None:
    from watchfiles import watch

    resolved = {d.resolve(): d for d in dirs}
    # With yield_on_timeout, the first (empty) batch arrives once the watcher is in place:
    # only then is it true that an edit will be seen.
    changes_seen = watch(*dirs, raise_interrupt=False, yield_on_timeout=True, rust_timeout=300)
    try:
        next(changes_seen)
        click.echo(f"watching {len(dirs)} report folder(s); press Ctrl+C to stop")
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
                result = build(touched, out_root, options, langs, on_report=_print_report)
                if result.index is not None and result.index.status != "unchanged":
                    click.echo(f"{result.index.status} {_shown(result.index.path)}")
    except KeyboardInterrupt:  # pragma: no cover - watchfiles handles it with raise_interrupt
        pass


def _shown(path: Path) -> str:
    """A path as a user would type it: relative to the current folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
