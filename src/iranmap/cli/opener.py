"""``iranmap open``: show the gallery, or one report's map, in the default browser."""

from __future__ import annotations

from pathlib import Path

import click

from iranmap.cli._app import main
from iranmap.cli._output import echo
from iranmap.errors import InputError, Problem
from iranmap.i18n import LANGS, Lang, file_name

#: The page a report opens on: the first of these its build wrote.
_PAGES = ("combined", "choropleth", "timeline")


@main.command("open")
@click.argument("report", required=False)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="The maps folder (default: maps/ in the current folder, or the out of its iranmap.toml).",
)
@click.option(
    "--lang",
    type=click.Choice(LANGS),
    default="en",
    show_default=True,
    help="Open the page in this language.",
)
def open_command(report: str | None, out: Path | None, lang: Lang) -> None:
    """Open the gallery of the built maps (OUT/index.html), or, with REPORT (a report's id or
    folder, or series/<name>), its map, in the default web browser. Nothing is built: run
    `iranmap build` first."""
    import webbrowser

    from iranmap.project import load_project

    root = out if out is not None else load_project(Path(".")).out
    page = _page(root, report, lang)
    echo(f"opening {page}")
    if not webbrowser.open(page.resolve().as_uri()):
        msg = f"no web browser could be started; open {page} yourself"
        raise InputError(Problem(str(page), None, msg))


def _page(root: Path, report: str | None, lang: Lang) -> Path:
    if report is None:
        folder, names = root, ["index"]
    else:
        name = report.rstrip("/")
        series = name.startswith("series/")
        folder, names = root / (name if series else Path(name).name), list(_PAGES)
    for stem in names:
        if (folder / file_name(stem, lang)).is_file():
            return folder / file_name(stem, lang)
    what = "gallery" if report is None else f"map of {report!r}"
    msg = f"has no {what} in {lang}; run `iranmap build` first (with --lang {lang})"
    raise InputError(Problem(str(folder), None, msg))
