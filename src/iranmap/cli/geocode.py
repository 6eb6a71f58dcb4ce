"""``iranmap geocode``: resolve a list of names and print what each one means, as CSV."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from iranmap.cli._app import main
from iranmap.cli._output import echo

if TYPE_CHECKING:
    from iranmap.geocode import Geocoder, Match

STDIN = "<stdin>"
#: iranmap.geocode.ISO_SCHEMES, written out so that ``--help`` need not import the geocoder
#: (and numpy); a test holds them equal.
ISO_SCHEMES = ("2020", "pre-2020")


@main.command("geocode")
@click.argument(
    "file", required=False, type=click.Path(exists=True, dir_okay=False, allow_dash=True)
)
@click.option(
    "--provinces",
    is_flag=True,
    help="The names are provinces (names, Persian names or ISO codes), not prisons or cities.",
)
@click.option(
    "--iso-scheme",
    type=click.Choice(ISO_SCHEMES),
    default="2020",
    show_default=True,
    help="With --provinces: how to read a bare code like IR-07 (Fars in 2020, Tehran before).",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Exit 1 when any name is ambiguous or unmatched (the CSV is still printed in full).",
)
def geocode_command(file: str | None, provinces: bool, iso_scheme: str, strict: bool) -> None:
    """Resolve names, one per line of FILE (or standard input), and print CSV.

    Each name is a prison or a city (or, with --provinces, a province), in any Latin
    transliteration or in Persian. Blank lines are skipped. The CSV on standard output has one
    row per name, in input order, with the columns:

    \b
    query,status,score,prison_id,prison,city,province_iso,province,lat,lon,precision

    status is "matched" (one place), "ambiguous" (several places; nothing is filled in) or
    "unmatched" (no place close enough; nothing is filled in). score is 100 for an exact name
    or alias, the fuzzy similarity otherwise. A city name that is not a prison's comes back
    as the city, with precision "city" and empty prison columns. A text cell that starts with
    =, +, - or @ is written with a leading ' so that a spreadsheet shows it as text. For every
    name not matched,
    a note on standard error says why, and what the candidates or nearest names are; for a
    name read as a near spelling, a note says what it was read as.

    Exit status: 0 when the input could be read, whatever the statuses (they are in the CSV);
    with --strict, 1 when any name is ambiguous or unmatched; 1 when the input is not UTF-8
    text or holds no name, with FILE:LINE and how to fix it.
    """
    from iranmap.gazetteer import load_gazetteer
    from iranmap.geocode import GEOCODE_COLUMNS, Geocoder, csv_row, explain, read_name, read_names

    source = file if file not in (None, "-") else STDIN
    names = read_names(_read_bytes(file), source)
    geocoder = Geocoder(load_gazetteer())
    echo(_csv_line(GEOCODE_COLUMNS))
    unresolved = 0
    for name in names:
        match = _resolve(geocoder, name.text, provinces, iso_scheme)
        echo(_csv_line(_inert(csv_row(match))))
        note = explain(match)
        if note is not None:
            unresolved += 1
            echo(f"note: {source}:{name.line}: {note}", err=True)
        elif (read := read_name(match)) is not None:
            text = f"{match.query!r} read as {read}, a near spelling"
            echo(f"note: {source}:{name.line}: {text}", err=True)

    if strict and unresolved:
        total = len(names)
        echo(f"error: {unresolved} of {total} names did not resolve (--strict)", err=True)
        sys.exit(1)


def _read_bytes(file: str | None) -> bytes:
    """The input, at most MAX_GEOCODE_BYTES: a longer one (an endless stream) is refused
    once that much has been read."""
    from iranmap.errors import InputError
    from iranmap.limits import MAX_GEOCODE_BYTES

    if file not in (None, "-"):
        with Path(file).open("rb") as handle:
            data = handle.read(MAX_GEOCODE_BYTES + 1)
    else:
        if sys.stdin.isatty():
            echo("reading names from standard input, one per line; end with Ctrl-D", err=True)
        data = sys.stdin.buffer.read(MAX_GEOCODE_BYTES + 1)
    if len(data) > MAX_GEOCODE_BYTES:
        source = file if file not in (None, "-") else STDIN
        msg = (
            f"the input is longer than {MAX_GEOCODE_BYTES // (1024 * 1024)} MB, more names than "
            "iranmap geocodes at once; split the list into smaller files"
        )
        raise InputError.at(str(source), None, msg)
    return data


def _csv_line(cells: tuple[str, ...]) -> str:
    """One CSV row, without its line end (a line end inside a cell is escaped when printed)."""
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(cells)
    return out.getvalue()


#: The columns that hold numbers the geocoder writes; every other cell is text.
_NUMBER_COLUMNS = frozenset({"score", "lat", "lon"})


def _inert(cells: tuple[str, ...]) -> tuple[str, ...]:
    """The row's text cells as a spreadsheet shows them as text, never as a formula.

    A query is the user's own text, and a name may start with ``=``, ``+``, ``-`` or ``@``:
    such a cell gets a leading ``'``, as in every CSV iranmap writes.
    """
    from iranmap.export import csv_text
    from iranmap.geocode import GEOCODE_COLUMNS

    return tuple(
        cell if column in _NUMBER_COLUMNS else csv_text(cell)
        for column, cell in zip(GEOCODE_COLUMNS, cells, strict=True)
    )


def _resolve(geocoder: Geocoder, name: str, provinces: bool, iso_scheme: str) -> Match:
    return geocoder.province(name, iso_scheme) if provinces else geocoder.place(name)
