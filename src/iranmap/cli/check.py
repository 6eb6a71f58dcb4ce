"""``iranmap check``: validate a report folder and print how its total reconciles."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from iranmap.cli._app import main
from iranmap.cli._output import caught_warnings, echo, echo_warning
from iranmap.errors import Problem

if TYPE_CHECKING:
    from iranmap.join import Reconciliation

#: The keys of ``--json`` output, in order (the reconciliation's, and the sentences).
JSON_KEYS = (
    "report",
    "reported_total",
    "itemized_by_prison",
    "itemized_by_province",
    "not_itemized",
    "prisons_mapped",
    "provinces_with_figures",
    "unresolved",
    "problems",
    "sentence",
)


def _where(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> Any:
    pairs = []
    for value in values:
        column, sep, wanted = value.partition("=")
        if not sep or not column.strip():
            msg = f"expected COLUMN=VALUE, e.g. charge=drug; found {value!r}"
            raise click.BadParameter(msg, ctx=ctx, param=param)
        pairs.append((column.strip(), wanted.strip()))
    return tuple(pairs)


@main.command("check")
@click.argument("report_dir", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of text.")
@click.option(
    "--from",
    "start",
    type=click.DateTime(["%Y-%m-%d"]),
    default=None,
    metavar="YYYY-MM-DD",
    help="Count only events.csv rows on or after this date.",
)
@click.option(
    "--to",
    "end",
    type=click.DateTime(["%Y-%m-%d"]),
    default=None,
    metavar="YYYY-MM-DD",
    help="Count only events.csv rows on or before this date.",
)
@click.option(
    "--where",
    multiple=True,
    callback=_where,
    metavar="COLUMN=VALUE",
    help="Count only events.csv rows with this value (repeatable; same column: any of them).",
)
def check_command(
    report_dir: Path,
    as_json: bool,
    start: datetime | None,
    end: datetime | None,
    where: tuple[tuple[str, str], ...],
) -> None:
    """Validate REPORT_DIR and print how its total reconciles.

    Prints the executions the report states, those itemized by prison and by province, and
    those not itemized, then every problem as FILE:LINE: what is wrong; how to fix, in file
    and line order: those of reading the files and those of placing the names, in one run.
    When a file has problems the figures are not printed, only the problems. Exits 0 when
    the report is clean, 1 on any problem.

    With --from, --to or --where (reports with events.csv only) the total is the number of
    rows selected.
    """
    with caught_warnings() as noted:
        reconciliation, problems, warned = _run(report_dir, _day(start), _day(end), where)
    for message in [*(str(w) for w in warned), *noted]:
        echo_warning(message)
    if as_json:
        echo(json.dumps(_as_json(report_dir, reconciliation, problems), ensure_ascii=False))
    else:
        _print_text(reconciliation, problems)
    if problems:
        sys.exit(1)


def _day(moment: datetime | None) -> date | None:
    return moment.date() if moment is not None else None


def _run(
    report_dir: Path, start: date | None, end: date | None, where: tuple[tuple[str, str], ...]
) -> tuple[Reconciliation | None, tuple[Problem, ...], tuple[Problem, ...]]:
    """Every problem, reading's and the join's; the reconciliation only of a report read whole;
    the report's warnings.

    A report read with problems is still joined to find the join's problems in the same run,
    but its figures would be those of a partial report, so none are shown. Its warnings are
    read again, so that a user sees them in the same run as its errors.
    """
    from iranmap.join import check_report
    from iranmap.reports import read_report

    joined, problems = check_report(report_dir, start=start, end=end, where=where)
    if joined is not None:
        return joined.reconciliation, problems, joined.report.warnings
    partial, _ = read_report(report_dir, start=start, end=end, where=where)
    return None, problems, (partial.warnings if partial is not None else ())


def _as_json(
    report_dir: Path, reconciliation: Reconciliation | None, problems: tuple[Problem, ...]
) -> dict[str, Any]:
    from iranmap.join import problem_dict

    if reconciliation is None:
        empty: dict[str, Any] = dict.fromkeys(JSON_KEYS)
        empty.update(
            report=report_dir.resolve().name,
            unresolved=[],
            problems=[problem_dict(p) for p in problems],
        )
        return empty
    data = reconciliation.to_dict()
    data["sentence"] = {"en": reconciliation.sentence("en"), "fa": reconciliation.sentence("fa")}
    return data


def _print_text(reconciliation: Reconciliation | None, problems: tuple[Problem, ...]) -> None:
    if reconciliation is not None:
        for line in reconciliation_lines(reconciliation):
            echo(line)
    for problem in problems:
        echo(str(problem))
    if problems:
        count = len(problems)
        echo(f"{count} problem{'' if count == 1 else 's'}; the report is not ready", err=True)


def reconciliation_lines(r: Reconciliation) -> list[str]:
    """A few aligned lines a person can read at a glance."""
    width = len(f"{r.reported_total:,}")
    rows = [
        ("reported", r.reported_total, "executions the report states"),
        ("by prison", r.itemized_by_prison, _count(r.prisons_mapped, "prison")),
        ("by province", r.itemized_by_province, _count(r.provinces_with_figures, "province")),
        ("not itemized", r.not_itemized, "in no prison or province figure"),
    ]
    lines = [f"{'report':<13} {r.report}"]
    lines += [f"{label:<13} {value:>{width},}  {note}" for label, value, note in rows]
    if r.unresolved:
        rows_word = "row" if len(r.unresolved) == 1 else "rows"
        lines.append(f"{'unplaced':<13} {len(r.unresolved):>{width},}  {rows_word} (see below)")
    lines.append(r.sentence("en"))
    return lines


def _count(value: int, word: str) -> str:
    return f"in {value:,} {word}{'' if value == 1 else 's'}"
