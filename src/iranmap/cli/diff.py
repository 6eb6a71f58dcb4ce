"""``iranmap diff``: what changed between two reports, as text, JSON and a change map."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from iranmap.cli._app import TROUBLE_KEY, main
from iranmap.cli._flags import flag_message
from iranmap.cli._output import caught_warnings, echo, echo_error, echo_warning
from iranmap.errors import IranmapError
from iranmap.i18n import LANGS

if TYPE_CHECKING:
    from iranmap.diff import Change, Diff

#: Exit codes, as diff(1) and cmp(1) have them.
SAME, DIFFERENT, TROUBLE = 0, 1, 2

NOT_ITEMIZED = "not itemized"
STATUS_WORDS = {"newly_itemized": "newly itemized", "no_longer_itemized": "no longer itemized"}
TOTAL_LABELS = {
    "reported_total": "reported",
    "itemized_by_prison": "by prison",
    "itemized_by_province": "by province",
    "not_itemized": "not itemized",
}


@main.command("diff")
@click.argument("report_a", type=click.Path(path_type=Path))
@click.argument("report_b", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of text.")
@click.option(
    "--compare",
    "compare_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="FILE.html",
    help="Also write a change map: provinces shaded by B - A, self-contained like the maps.",
)
@click.option(
    "--lang",
    type=click.Choice(LANGS),
    default="en",
    show_default=True,
    help="Language of the change map's own text.",
)
def diff_command(
    report_a: Path, report_b: Path, as_json: bool, compare_file: Path | None, lang: str
) -> None:
    """Show which figures differ between REPORT_A and REPORT_B, province by province and
    prison by prison, and how the totals changed.

    A row is printed only when its figure differs: A, B and B - A, or "newly itemized" /
    "no longer itemized" where only one report gives a figure (no figure is not zero).
    Provinces come by ISO code, prisons by province then name; the totals always follow.

    Exit status, as diff(1): 0 when no figure or total differs, 1 when some do, 2 on trouble
    (a report with a problem, printed as error: FILE:LINE: ..., or a file that cannot be
    written). Warnings (e.g. periods of different lengths) go to stderr and do not change it.
    """
    click.get_current_context().meta[TROUBLE_KEY] = TROUBLE
    if compare_file is not None:
        _check_target(compare_file)
    try:
        with caught_warnings() as noted:
            result = _diff(report_a, report_b)
            page = None if compare_file is None else _page(result, lang)
    except IranmapError as exc:
        _trouble(flag_message(exc).splitlines())
    for message in _warnings(result, noted):
        echo_warning(message)
    if as_json:
        echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=1), multiline=True)
    else:
        for line in diff_lines(result):
            echo(line)
    if compare_file is not None and page is not None:
        _write(compare_file, page)
    sys.exit(SAME if result.same else DIFFERENT)


def _warnings(result: Diff, noted: Sequence[str]) -> list[str]:
    """Both reports' warnings (FILE:LINE: ...), any a library raised, then the caveats."""
    found = [str(w) for side in (result.a, result.b) for w in side.report.warnings]
    return [*dict.fromkeys([*found, *noted]), *(c.message for c in result.caveats)]


def _diff(report_a: Path, report_b: Path) -> Diff:
    from iranmap.diff import compare_folders

    return compare_folders(report_a, report_b)


def _page(result: Diff, lang: str) -> bytes:
    from iranmap.render.compare import render_compare

    return render_compare(result, "fa" if lang == "fa" else "en")


def _write(path: Path, data: bytes) -> None:
    from iranmap.output import OutputError, write_atomic

    try:
        write_atomic(path, data)
    except OutputError as exc:
        _trouble([f"{path}: cannot write the change map ({exc.strerror}); give a writable path"])
    echo(f"wrote {path}", err=True)


def _check_target(path: Path) -> None:
    """Refuse, before anything is read, a change map's path that is not a new file or one
    iranmap wrote (:func:`iranmap._owned.compare_target_problem`)."""
    from iranmap._owned import compare_target_problem

    problem = compare_target_problem(path)
    if problem is not None:
        _trouble([f"{path}: {problem}"])


def _trouble(lines: Sequence[str]) -> NoReturn:
    for line in lines:
        echo_error(line)
    sys.exit(TROUBLE)


# ---------------------------------------------------------------------------------------------
# text


def diff_lines(result: Diff) -> list[str]:
    """The text output: both reports, the rows that differ, the totals; columns aligned."""
    a, b = result.a.report, result.b.report
    lines = [f"A  {a.id}: {a.title}", f"B  {b.id}: {b.title}"]
    sections = [
        ("province", [(f"{c.key}  {c.name_en}", c) for c in result.changed_provinces]),
        ("prison", [(f"{c.province_iso}  {c.name_en}", c) for c in result.changed_prisons]),
    ]
    rows: list[tuple[str, str, str, str]] = []
    for heading, changes in sections:
        if changes:
            rows.append((heading, "A", "B", "B - A"))
            rows += [(label, _figure(c.a), _figure(c.b), _change(c)) for label, c in changes]
    if not rows:
        lines.append("no province or prison figure differs")
    rows.append(("total", "A", "B", "B - A"))
    rows += [
        (TOTAL_LABELS[t.name], f"{t.a:,}", f"{t.b:,}", _signed(t.difference)) for t in result.totals
    ]
    return lines + _aligned(rows)


def _figure(value: int | None) -> str:
    return NOT_ITEMIZED if value is None else f"{value:,}"


def _signed(value: int) -> str:
    return f"{value:+,}" if value else "0"


def _change(change: Change) -> str:
    difference = change.difference
    if difference is None:
        return STATUS_WORDS.get(change.status, NOT_ITEMIZED)
    return _signed(difference)


def _aligned(rows: Sequence[tuple[str, str, str, str]]) -> list[str]:
    """Label left, figures right, the change left (it may be words)."""
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    return [
        f"{label:<{widths[0]}}  {a:>{widths[1]}}  {b:>{widths[2]}}  {change}".rstrip()
        for label, a, b, change in rows
    ]
