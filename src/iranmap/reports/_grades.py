"""Verification grades: the words, the check of a cell, and a report's executions by grade."""

from __future__ import annotations

from iranmap.reports._model import GRADES, Report

UNGRADED = "ungraded"


def grade_problem(value: str) -> str | None:
    """Why ``value`` is not a grade (compared case-folded), or None when it is one or empty."""
    if not value.strip() or value.strip().casefold() in GRADES:
        return None
    allowed = ", ".join(GRADES)
    return f"grade {value!r} is not one of {allowed}; write one of them, or leave it empty"


def read_grade(value: str | None) -> str | None:
    """A cell's grade, case-folded; None for an empty cell (check it with grade_problem)."""
    folded = (value or "").strip().casefold()
    return folded if folded in GRADES else None


def report_grades(report: Report) -> dict[str, int]:
    """The report's executions by grade, in the order of GRADES, then those ungraded; empty
    when the report grades nothing. report.toml's ``grade`` grades the whole total; else the
    rows of events.csv, or the prison figures (the province figures of a report with none)."""
    if report.grade is not None:
        return {report.grade: report.total}
    counts: dict[str, int] = {}
    if report.events is not None and "grade" in report.events:
        for value, n in report.events["grade"].value_counts().items():
            counts[str(value)] = int(n)
    else:
        figures = report.prison_figures or report.province_figures
        for figure in figures:
            if figure.grade is not None:
                counts[figure.grade] = counts.get(figure.grade, 0) + figure.executions
    if not counts:
        return {}
    graded = {g: counts[g] for g in GRADES if g in counts}
    rest = report.total - sum(graded.values())
    return {**graded, UNGRADED: rest} if rest > 0 else graded
