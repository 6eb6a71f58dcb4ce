"""Putting a folder together: which files give the figures, the total, the Report."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from iranmap.errors import Problem
from iranmap.limits import MAX_NAMES
from iranmap.reports._figures import read_figures_file
from iranmap.reports._manifest import Manifest
from iranmap.reports._model import (
    EVENTS_FILE,
    PRISON_COLUMNS,
    PRISONS_FILE,
    PROVINCE_COLUMNS,
    PROVINCES_FILE,
    REPORT_FILE,
    Figure,
    Report,
)
from iranmap.reports._sheet import SHEET_SUFFIXES
from iranmap.reports._toml import Place

if TYPE_CHECKING:  # events.csv is read with pandas; a report of figures needs none
    import pandas as pd


@dataclass(frozen=True)
class Figures:
    """The figures of a folder, before the total is settled."""

    prisons: tuple[Figure, ...]  # () when the file could not be read
    provinces: tuple[Figure, ...]
    uncounted: tuple[Figure, ...]  # rows of either file whose count could not be read
    placeless: tuple[Figure, ...]  # rows of either file that name no place ("Unknown")
    events: pd.DataFrame | None  # None when events.csv is missing or could not be read
    from_events: bool  # whether the prison figures come from events.csv
    filtered: bool
    has_files: bool = True  # whether the folder has any figures file


def read_figures(
    folder: Path,
    problems: list[Problem],
    meta: Manifest | None,
    start: date | None,
    end: date | None,
    where: tuple[tuple[str, str], ...],
) -> Figures | None:
    found = len(problems)
    prisons_path = figures_file(folder, PRISONS_FILE, problems)
    events_path = figures_file(folder, EVENTS_FILE, problems)
    provinces_path = figures_file(folder, PROVINCES_FILE, problems)
    filtered = start is not None or end is not None or bool(where)
    if len(problems) > found:
        return None
    if prisons_path and events_path:
        msg = (
            f"both {prisons_path.name} and {events_path.name} give prison figures; keep one of "
            f"them ({events_path.name} to count rows, {prisons_path.name} for counts)"
        )
        problems.append(Problem(str(prisons_path), None, msg))
    elif not (prisons_path or events_path or provinces_path) and not totals_only(meta):
        msg = (
            "no figures in the folder; add prisons.csv with the columns prison,executions, "
            "or give total = N in report.toml for a report that gives only its total"
        )
        problems.append(Problem(str(folder), None, msg))
    elif filtered and not events_path:
        msg = (
            "filters (from, to, where) select rows of events.csv, and this report has none; "
            "drop the filters"
        )
        problems.append(Problem(str(folder), None, msg))
    if len(problems) > found:
        return None
    prisons: tuple[Figure, ...] = ()
    uncounted: tuple[Figure, ...] = ()
    placeless: tuple[Figure, ...] = ()
    events: pd.DataFrame | None = None
    if prisons_path:
        read = read_figures_file(prisons_path, PRISON_COLUMNS, "prison", problems)
        prisons, uncounted, placeless = read if read is not None else ((), (), ())
    elif events_path:
        from iranmap.reports._events import event_figures, read_events

        period = meta.period if meta is not None else None
        calendar = meta.calendar if meta is not None else "gregorian"
        events = read_events(events_path, problems, period, start, end, where, calendar)
        if events is not None:
            prisons = event_figures(str(events_path), events, problems)
    provinces: tuple[Figure, ...] = ()
    if provinces_path:
        read = read_figures_file(provinces_path, PROVINCE_COLUMNS, "province", problems)
        if read is not None:
            provinces, unread, unknown = read
            uncounted += unread
            placeless += unknown
    for figures in (prisons, provinces):
        if len({f.name for f in figures}) > MAX_NAMES:
            msg = (
                f"the file names {len(figures):,} places, more than iranmap places in one "
                f"report ({MAX_NAMES:,}); split the report into several (a series)"
            )
            problems.append(Problem(figures[0].path, None, msg))
            return None
    has_files = bool(prisons_path or events_path or provinces_path)
    return Figures(
        prisons,
        provinces,
        uncounted,
        placeless,
        events,
        events_path is not None,
        filtered,
        has_files,
    )


def totals_only(meta: Manifest | None) -> bool:
    """Whether report.toml gives a total, so that a folder without a figures file is a report
    of its total alone (every execution not itemized)."""
    return meta is not None and meta.total_given


def figures_file(folder: Path, name: str, problems: list[Problem]) -> Path | None:
    """The file giving one table of a report (``prisons.csv``, ``prisons.xlsx`` or
    ``prisons.ods``), or None; two of them is a problem naming both."""
    stem = Path(name).stem
    found = [p for s in (".csv", *SHEET_SUFFIXES) if (p := folder / f"{stem}{s}").is_file()]
    if len(found) > 1:
        listed = " and ".join(p.name for p in found)
        msg = (
            f"{listed} both give the {stem} figures; keep one of them and move the other "
            "out of the folder"
        )
        problems.append(Problem(str(found[1]), None, msg))
        return None
    return found[0] if found else None


def settle_total(meta: Manifest | None, figures: Figures, problems: list[Problem]) -> int | None:
    """The report's total (see the module's docstring); None when it cannot be known."""
    if figures.from_events:
        if figures.events is None:
            return None
        counted = len(figures.events)
        if figures.filtered:
            return counted
        if meta is None or (meta.total_given and meta.total is None):
            return None
        return counted if meta.total is None else meta.total
    if meta is not None and not meta.total_given:
        msg = "report.toml has no 'total'; add total = N, the executions the report states"
        problems.append(Problem(meta.path, None, msg))
    return meta.total if meta is not None else None


def assemble(
    folder: Path,
    meta: Manifest | None,
    figures: Figures,
    total: int | None,
    warnings: tuple[Problem, ...] = (),
) -> Report:
    """The report; stand-ins where report.toml does not say (see read_report)."""
    if total is None:  # no file's figures exceed it, nor all of them together
        total = sum(f.executions for f in (*figures.prisons, *figures.provinces))
    if meta is None:
        meta = Manifest(
            path=str(folder / REPORT_FILE),
            place=Place(""),
            lines={},
            title=None,
            publisher=None,
            notes=None,
            source_title=None,
            source_date=None,
            source_url=None,
            total=None,
            total_given=False,
            prisons=None,
            provinces=None,
            iso_scheme="2020",
            facts=(),
            period=None,
        )
    period = meta.period or (date.min, date.max)
    return Report(
        id=folder.resolve().name,
        folder=folder,
        title=meta.title or "",
        publisher=meta.publisher or "",
        source_title=meta.source_title or "",
        source_date=meta.source_date[0] if meta.source_date else period[1],
        source_url=meta.source_url,
        period_start=period[0],
        period_end=period[1],
        total=total,
        prisons_count=meta.prisons,
        provinces_count=meta.provinces,
        facts=meta.facts,
        notes=meta.notes,
        iso_scheme=meta.iso_scheme,
        prison_figures=figures.prisons,
        province_figures=figures.provinces,
        events=figures.events,
        manifest_lines=meta.lines,
        uncounted=figures.uncounted,
        placeless=figures.placeless,
        warnings=warnings,
        title_fa=meta.title_fa,
        publisher_fa=meta.publisher_fa,
        notes_fa=meta.notes_fa,
        source_title_fa=meta.source_title_fa,
        calendar=meta.calendar,
        total_qualifier=meta.total_qualifier,
        series=meta.series,
        complete=meta.complete,
        revises=meta.revises,
        quote=meta.quote,
        grade=meta.grade,
        totals_only=not figures.has_files,
        period_original=meta.period_original,
        source_date_original=meta.source_date[1] if meta.source_date else None,
    )


def no_report_message(folder: Path) -> str:
    if not folder.exists():
        return "no such folder; give the path of a report folder, the one holding report.toml"
    if not folder.is_dir():
        return "not a folder; give the path of a report folder (the folder holding report.toml)"
    return "the folder has no report.toml; a report folder needs report.toml and prisons.csv"


def problem_order(problem: Problem) -> tuple[str, int]:
    """By file and line; problems of one line keep the order they were found in."""
    return (problem.path, problem.line or 0)
