"""A comparison's data downloads: ``sources.csv`` (one row per report) and ``provinces.csv``
(one row per province, its range, then each report's figure)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from iranmap.comparisons import Comparison
from iranmap.reports._grades import UNGRADED, report_grades
from iranmap.reports._model import GRADES

SOURCE_COLUMNS = (
    "report",
    "publisher",
    "title",
    "date",
    "url",
    "total",
    "qualifier",
    "start",
    "end",
    "calendar",
    "itemized",
    "not_itemized",
    "in_window",
    "revises",
    *GRADES,
    UNGRADED,
)
PROVINCE_COLUMNS = ("iso", "name_en", "name_fa", "min", "max", "sources")


def _csv(rows: Sequence[Sequence[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def sources_csv(comparison: Comparison) -> bytes:
    """One row per report, in the order the page shows them; dates are Gregorian ISO days;
    the executions of each grade last (empty where the report grades none)."""
    rows: list[Sequence[object]] = [SOURCE_COLUMNS]
    for source in comparison.sources:
        r = source.report
        grades = report_grades(r)
        rows.append(
            (
                r.id,
                r.publisher,
                r.source_title,
                r.source_date.isoformat(),
                r.source_url or "",
                r.total,
                r.total_qualifier,
                r.period_start.isoformat(),
                r.period_end.isoformat(),
                r.calendar,
                source.itemized,
                source.not_itemized,
                "yes" if source.in_window else "no",
                r.revises or "",
                *(grades.get(g, "") for g in (*GRADES, UNGRADED)),
            )
        )
    return _csv(rows)


def provinces_csv(comparison: Comparison) -> bytes:
    """One row per province: its range over the sources in the window, how many give a
    figure, then each report's figure (empty where it itemizes none: not zero)."""
    ids = [s.report.id for s in comparison.sources]
    rows: list[Sequence[object]] = [(*PROVINCE_COLUMNS, *ids)]
    for p in comparison.provinces:
        figures = ["" if f is None else f for f in p.figures]
        low = "" if p.low is None else p.low
        high = "" if p.high is None else p.high
        rows.append((p.iso, p.name_en, p.name_fa, low, high, p.sources, *figures))
    return _csv(rows)
