"""``iranmap check``: validate a report folder and print how its total reconciles."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from iranmap.cli._app import DEBUG_VARIABLE, main
from iranmap.cli._output import caught_warnings, echo, echo_warning
from iranmap.errors import IranmapError, Problem

if TYPE_CHECKING:
    from iranmap.join import Joined, Placement, Reconciliation
    from iranmap.reports import Report

#: The keys of ``--json`` output, in order (the reconciliation's, and the sentences).
JSON_KEYS = (
    "report",
    "period",
    "source_date",
    "reported_total",
    "itemized_by_prison",
    "itemized_by_province",
    "not_itemized",
    "prisons_mapped",
    "provinces_with_figures",
    "provinces_none_reported",
    "grades",
    "unresolved",
    "placeless",
    "placements",
    "problems",
    "sentence",
)

#: What ``check`` says of a report that itemizes nothing (a total alone is a valid report).
TOTALS_ONLY = (
    "totals only: the report gives its total and no figure by prison or province; every "
    "execution is not itemized, and its build writes summary.json and no maps"
)

#: The heading of the names ``check`` asks a person to confirm (all placements not exact).
CONFIRM_HEADING = "placed by a near spelling or another name (confirm):"


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
    default=None,
    metavar="YYYY-MM-DD",
    help="Count only events.csv rows on or after this date (in the report's calendar).",
)
@click.option(
    "--to",
    "end",
    default=None,
    metavar="YYYY-MM-DD",
    help="Count only events.csv rows on or before this date (in the report's calendar).",
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
    start: str | None,
    end: str | None,
    where: tuple[tuple[str, str], ...],
) -> None:
    """Validate REPORT_DIR and print how its total reconciles (or, for a comparison folder,
    what it compares).

    Prints the executions the report states, those itemized by prison and by province, and
    those not itemized, then every problem as FILE:LINE: what is wrong; how to fix, in file
    and line order: those of reading the files and those of placing the names, in one run.
    Every name placed other than by its exact gazetteer name (an alias, a near spelling, its
    city, its coordinates) is listed after the figures, with the place it landed on, for a
    person to confirm. When a file has problems the figures are not printed, only the
    problems. Exits 0 when the report is clean, 1 on any problem.

    With --from, --to or --where (reports with events.csv only) the total is the number of
    rows selected. --from and --to are dates in the report's own calendar (Solar Hijri for
    a report with calendar = "jalali"), in any digits.
    """
    from iranmap.cli._check_comparison import check_comparison, is_comparison

    if is_comparison(report_dir):
        check_comparison(report_dir, as_json)
        return
    with caught_warnings() as noted:
        joined, problems, warned = _guarded_run(report_dir, start, end, where)
    if joined is not None and not problems and "fa" in _languages():
        from iranmap.reports import missing_persian

        warned = (*warned, *missing_persian(joined.report))
    for message in [*(str(w) for w in warned), *noted]:
        echo_warning(message)
    if problems:
        # Figures of a report with a problem (a row not placed, say) would be a partial
        # report's: only the problems are shown until every one is fixed.
        joined = None
    if as_json:
        echo(json.dumps(_as_json(report_dir, joined, problems), ensure_ascii=False))
    else:
        _print_text(joined, problems)
    if problems:
        sys.exit(1)


def _guarded_run(
    report_dir: Path, start: str | None, end: str | None, where: tuple[tuple[str, str], ...]
) -> tuple[Joined | None, tuple[Problem, ...], tuple[Problem, ...]]:
    """:func:`_run`, with any error as a problem of the report: ``--json`` always prints
    a JSON document, the problems in it."""
    from iranmap.errors import InputError, IranmapError, UnexpectedError

    try:
        return _run(report_dir, start, end, where)
    except InputError as exc:
        return None, exc.problems, ()
    except IranmapError as exc:
        return None, (Problem(str(report_dir), None, str(exc)),), ()
    except Exception as exc:  # a bug: said as a problem, so that --json stays JSON
        if os.environ.get(DEBUG_VARIABLE) == "1":
            raise
        return None, (Problem(str(report_dir), None, UnexpectedError("", exc).message),), ()


def _languages() -> tuple[str, ...]:
    """The languages a build in this folder writes: its iranmap.toml's, else all."""
    from iranmap.i18n import LANGS
    from iranmap.project import load_project

    try:
        return load_project(Path(".")).languages or LANGS
    except IranmapError:
        return LANGS  # iranmap.toml's own problems are build's to report


def _run(
    report_dir: Path, start: str | None, end: str | None, where: tuple[tuple[str, str], ...]
) -> tuple[Joined | None, tuple[Problem, ...], tuple[Problem, ...]]:
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
        return joined, problems, joined.report.warnings
    partial, _ = read_report(report_dir, start=start, end=end, where=where)
    return None, problems, (partial.warnings if partial is not None else ())


def _as_json(
    report_dir: Path, joined: Joined | None, problems: tuple[Problem, ...]
) -> dict[str, Any]:
    from iranmap.join import problem_dict
    from iranmap.reports._grades import report_grades

    if joined is None:
        empty: dict[str, Any] = dict.fromkeys(JSON_KEYS)
        empty.update(
            report=report_dir.resolve().name,
            unresolved=[],
            placeless=[],
            placements=[],
            problems=[problem_dict(p) for p in problems],
        )
        return empty
    r = joined.reconciliation
    data = r.to_dict()
    data.update(_dates(joined.report))
    data["grades"] = report_grades(joined.report)
    data["placements"] = [p.to_dict() for p in joined.placements]
    data["sentence"] = {"en": r.sentence("en"), "fa": r.sentence("fa")}
    return {key: data[key] for key in JSON_KEYS}


def _dates(report: Report) -> dict[str, Any]:
    """The period and the source's date: Gregorian ISO days, and the texts as written."""
    written = report.period_original
    return {
        "period": {
            "start": report.period_start.isoformat(),
            "end": report.period_end.isoformat(),
            "calendar": report.calendar,
            "original": {"start": written[0], "end": written[1]} if written else None,
        },
        "source_date": {
            "date": report.source_date.isoformat(),
            "calendar": report.calendar,
            "original": report.source_date_original,
        },
    }


def _print_text(joined: Joined | None, problems: tuple[Problem, ...]) -> None:
    if joined is not None:
        for line in reconciliation_lines(joined.reconciliation):
            echo(line)
        if joined.report.totals_only:
            echo(TOTALS_ONLY)
        echo_grades(joined.report)
        echo_revision(joined.report)
        for line in placement_lines(joined):
            echo(line)
        for line in placeless_lines(joined.reconciliation):
            echo(line)
    for problem in problems:
        echo(str(problem))
    if problems:
        count = len(problems)
        echo(f"{count} problem{'' if count == 1 else 's'}; the report is not ready", err=True)


def echo_grades(report: Report) -> None:
    """ "grades        official 12, confirmed 30, ungraded 58" when the report grades any."""
    from iranmap.reports._grades import report_grades

    grades = report_grades(report)
    if grades:
        echo(f"{'grades':<13} " + ", ".join(f"{g} {n:,}" for g, n in grades.items()))


def echo_revision(report: Report) -> None:
    """ "revises       2023-ncri (at least 834, published 2024-01-12)" on a revising report."""
    from iranmap.reports._revision import revision_of

    rev = revision_of(report)
    if rev is not None:
        total = f"{rev.total:,}" if rev.total_qualifier == "exactly" else f"at least {rev.total:,}"
        echo(f"{'revises':<13} {rev.id} ({total}, published {rev.published.isoformat()})")


def reconciliation_lines(r: Reconciliation) -> list[str]:
    """A few aligned lines a person can read at a glance."""
    width = len(f"{r.reported_total:,}")
    rows = [
        ("reported", r.reported_total, "executions the report states"),
        ("by prison", r.itemized_by_prison, _count(r.prisons_mapped, "prison")),
    ]
    if not r.prisons_mapped and not r.itemized_by_prison:
        rows[-1] = ("by prison", 0, "the report itemizes no prison")
    rows += [
        ("by province", r.itemized_by_province, _by_province(r)),
        ("not itemized", r.not_itemized, _not_itemized(r)),
    ]
    lines = [f"{'report':<13} {r.report}"]
    lines += [f"{label:<13} {value:>{width},}  {note}" for label, value, note in rows]
    if r.unresolved:
        rows_word = "row" if len(r.unresolved) == 1 else "rows"
        lines.append(f"{'unplaced':<13} {len(r.unresolved):>{width},}  {rows_word} (see below)")
    lines.append(r.sentence("en"))
    return lines


def placeless_lines(r: Reconciliation) -> list[str]:
    """The rows the report gives without a place, each at its line: in the total, on no map."""
    if not r.placeless:
        return []
    lines = ["given without a place (counted as not itemized):"]
    width = max(len(f"{u.path}:{u.line}") for u in r.placeless)
    for u in r.placeless:
        lines.append(f"{f'{u.path}:{u.line}':<{width}}  {u.name!r} {u.executions:,}")
    return lines


def _by_province(r: Reconciliation) -> str:
    """ "in 3 provinces", and where the report itemizes its whole total, the others' none."""
    if not r.provinces_with_figures and not r.itemized_by_province:
        return "the report itemizes no province"
    text = _count(r.provinces_with_figures, "province")
    if r.provinces_none_reported:
        text += f"; none reported in the other {r.provinces_none_reported:,}"
    return text


def _not_itemized(r: Reconciliation) -> str:
    """ "in no prison or province figure", and how many of them the report gives placeless."""
    text = "in no prison or province figure"
    unknown = sum(u.executions for u in r.placeless)
    if unknown:
        text += f"; {unknown:,} of them in rows without a place (see below)"
    return text


def _count(value: int, word: str) -> str:
    return f"in {value:,} {word}{'' if value == 1 else 's'}"


def placement_lines(joined: Joined) -> list[str]:
    """The names placed other than by their exact name, each with where it landed.

    ``FILE:LINE  'as reported' -> Place, City, Province (ISO) [how]``; nothing when every
    name matched exactly.
    """
    from iranmap.join import OWN_PREFIX

    where = _where_places(joined)
    listed = [
        p for p in joined.placements if p.match != "exact" or p.place_id.startswith(OWN_PREFIX)
    ]
    if not listed:
        return []
    report = joined.report
    cells = {
        (f.path, f.line): f.cell
        for f in (*report.prison_figures, *report.province_figures)
        if f.cell is not None
    }
    return [
        CONFIRM_HEADING,
        *(
            _placement_line(p, where.get(p.place_id, ("", "")), cells.get((p.path, p.line)))
            for p in listed
        ),
    ]


def _where_places(joined: Joined) -> dict[str, tuple[str, str]]:
    """Each mapped place's city and province name, by place id."""
    return {
        str(row["place_id"]): (str(row["city"] or ""), str(row["province_en"] or ""))
        for row in joined.prison_rows
    }


def _placement_line(p: Placement, where: tuple[str, str], cell: str | None = None) -> str:
    from iranmap.join import OWN_PREFIX

    city, province = where
    if p.precision == "province":  # a row of provinces.csv: the province is the place
        city, province = "", p.name_en
    parts = [p.name_en] if p.precision != "province" else []
    if city and city != p.name_en:
        parts.append(city)
    if p.province_iso is not None:
        parts.append(f"{province} ({p.province_iso})" if province else p.province_iso)
    how = p.match if p.match != "fuzzy" or p.score is None else f"fuzzy {p.score:.0f}"
    if p.match == "place":
        how = "place column: the monitor's identification"
    if p.place_id.startswith(OWN_PREFIX):
        how += "; the project's own place (places.csv)"
    at = f"{p.path}:{cell or p.line}"  # a spreadsheet's row at its cell, as in problems
    line = f"{at}  {p.as_reported!r} -> {', '.join(parts)} [{how}]"
    if p.read_as:
        line += f"; read as {p.read_as}, a near spelling"
    if p.likely:
        line += f"; likely {p.likely}: confirm with a place column"
    if p.reading:
        line += f"; read as {p.reading}"
    return line
