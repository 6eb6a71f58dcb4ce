"""What a report revises: the earlier report's total and date, read from its report.toml."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from iranmap.calendars import Calendar
from iranmap.errors import Problem
from iranmap.reports._manifest import read_manifest
from iranmap.reports._model import REPORT_FILE, Report


@dataclass(frozen=True)
class Revision:
    """The earlier figure a report revises ("revised from 834, published 12 January 2024")."""

    id: str  # the earlier report's id
    total: int
    total_qualifier: str
    published: date  # the earlier source's date
    calendar: Calendar  # the calendar the earlier report writes its dates in


def revision_of(report: Report) -> Revision | None:
    """The report ``report`` revises (``revises`` in its report.toml), or None when it revises
    none or the earlier report's total and date cannot be read (checking it says why)."""
    if report.revises is None:
        return None
    problems: list[Problem] = []
    meta = read_manifest(report.folder.parent / report.revises / REPORT_FILE, problems)
    if meta is None or meta.total is None or meta.source_date is None:
        return None
    return Revision(
        id=report.revises,
        total=meta.total,
        total_qualifier=meta.total_qualifier,
        published=meta.source_date[0],
        calendar=meta.calendar,
    )
