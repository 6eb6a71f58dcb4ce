"""The reconciliation: reported = itemized + not itemized, and every problem, in file order."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from iranmap.errors import Problem
from iranmap.join._model import Reconciliation, Row, Unplaced
from iranmap.reports import Report, total_problems

#: Why a row the report gives without a place ("Unknown") is on no map.
PLACELESS = "the report gives no place: counted as not itemized"


def reconcile(
    report: Report,
    prisons: Sequence[Row],
    provinces: Sequence[Row],
    unplaced: Sequence[Unplaced],
    problems: list[Problem],
) -> Reconciliation:
    by_prison = sum(row["executions"] for row in prisons)
    by_province = sum(row["executions"] or 0 for row in provinces)
    statuses = [row["status"] for row in provinces]
    one_file = total_problems(report)  # reading names these; said once, not twice
    problems.extend(one_file)
    if by_province > report.total and not one_file:
        msg = (
            f"prisons and provinces together itemize {by_province:,} executions, more than "
            f"total = {report.total:,}; fix the counts, or raise the total"
        )
        problems.append(Problem(str(report.folder / "report.toml"), None, msg))
    ordered = tuple(sorted(dict.fromkeys(at_cells(report, problems)), key=order))
    return Reconciliation(
        report=report.id,
        reported_total=report.total,
        itemized_by_prison=by_prison,
        itemized_by_province=by_province,
        not_itemized=report.total - by_province,
        prisons_mapped=len(prisons),
        provinces_with_figures=statuses.count("itemized"),
        unresolved=tuple(sorted(unplaced, key=lambda u: (u.path, u.line))),
        problems=ordered,
        total_qualifier=report.total_qualifier,
        provinces_none_reported=statuses.count("none reported"),
        placeless=tuple(
            Unplaced(f.path, f.line, f.name, f.executions, PLACELESS) for f in report.placeless
        ),
    )


def at_cells(report: Report, problems: Sequence[Problem]) -> list[Problem]:
    """The problems, each at a row of a spreadsheet at the cell of its name (``FILE:prisons!A8``),
    as reading's own problems are: one style of place for a spreadsheet."""
    figures = (*report.prison_figures, *report.province_figures, *report.uncounted)
    cells: dict[tuple[str, int | None], str] = {
        (f.path, f.line): f.cell for f in figures if f.cell is not None
    }
    return [
        replace(p, cell=cells[(p.path, p.line)])
        if p.cell is None and (p.path, p.line) in cells
        else p
        for p in problems
    ]


def order(problem: Problem) -> tuple[str, int]:
    return (problem.path, problem.line or 0)
