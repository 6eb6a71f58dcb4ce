"""Time steps: how a report's figures move from one step (month, week, ...) to the next.

Two sources give steps:

* a report with ``events.csv``: its period is cut into the months of the report's calendar
  (weeks when the period is 92 days or less; quarters or years on request), and every row
  counts in the step its date falls in;
* a *series*: reports sharing ``series = "<name>"`` in report.toml, whose periods do not
  overlap (e.g. one monitor's monthly reports). Each report is one step, with its own total,
  its own province figures and its own not-itemized part.

A :class:`Timeline` holds the figures of every step in long tables, ready for the timeline
page, the small multiples and ``steps.csv``. Rows are grouped with vectorised pandas and
numpy operations, so a million events take well under a second once they are read.
A province without a figure in a step is *not itemized* in that step, never zero.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd

from iranmap.errors import InputError, Problem
from iranmap.join import Joined, join
from iranmap.reports import EVENTS_FILE, REPORT_FILE, Report

if TYPE_CHECKING:
    from iranmap.gazetteer import Gazetteer

StepKind = Literal["month", "week", "quarter", "year"]
STEP_KINDS: tuple[StepKind, ...] = ("month", "week", "quarter", "year")
CALENDARS = ("gregorian", "jalali")
#: A report whose period is this many days or fewer is cut into weeks by default.
WEEKS_UP_TO_DAYS = 92
#: Columns of steps.csv and of the per-step totals.
STEP_COLUMNS = ("step", "start", "end", "province", "executions", "status", "source")
TOTAL_COLUMNS = (
    "step",
    "start",
    "end",
    "reported",
    "itemized_by_province",
    "not_itemized",
    "cumulative",
    "report",
)
_PLACE_COLUMNS = (
    "place_id",
    "name_en",
    "name_fa",
    "city",
    "city_fa",
    "province_iso",
    "province_en",
    "province_fa",
    "precision",
)


@dataclass(frozen=True)
class Step:
    """One step: its id ("2025-01", "1403-11", "2025-Q1", "2025", a week's first day, or a
    series report's id), its days, and how its total reconciles."""

    id: str
    start: date
    end: date
    reported: int  # executions stated for the step
    itemized: int  # of them, in a province's figure
    report: str | None = None  # the series report this step is

    @property
    def not_itemized(self) -> int:
        """Executions of the step in no province figure (never negative)."""
        return self.reported - self.itemized


@dataclass(frozen=True)
class Timeline:
    """The figures of every step of a report or a series.

    ``provinces``: one row per (step, province) with a figure: ``step`` (index into
    ``steps``), ``iso``, ``executions``, ``source``. A (step, province) pair that is absent is
    not itemized in that step. ``prisons``: ``step``, ``place`` (index into ``places``),
    ``executions``. ``places``: every place mapped in any step, with ``lat``, ``lon`` and the
    names of :class:`iranmap.join.Joined`'s prison table. ``base`` is the join whose province
    shapes and names the maps draw; ``undated`` counts executions the report states that no
    step can hold (a stated total above the rows of events.csv).
    """

    name: str  # the report's id, or the series' name
    series: str | None
    kind: str  # a StepKind, or "report" for a series
    calendar: str
    steps: tuple[Step, ...]
    provinces: pd.DataFrame
    prisons: pd.DataFrame
    places: pd.DataFrame
    base: Joined
    reports: tuple[Report, ...]
    undated: int = 0

    @property
    def reported(self) -> int:
        """Every execution stated over all steps, undated ones included."""
        return sum(s.reported for s in self.steps) + self.undated

    @property
    def itemized(self) -> int:
        return sum(s.itemized for s in self.steps)


# ---------------------------------------------------------------------------------------------
# steps of a period


def default_kind(report: Report) -> StepKind:
    """Months, or weeks when the report's period is 92 days or less."""
    days = (report.period_end - report.period_start).days + 1
    return "week" if days <= WEEKS_UP_TO_DAYS else "month"


def check_kind(kind: str) -> StepKind:
    """``kind`` as a StepKind, or an InputError naming the ``--step`` option."""
    for known in STEP_KINDS:
        if kind == known:
            return known
    msg = f"expected one of {', '.join(STEP_KINDS)}, found {kind!r}"
    raise InputError(Problem("--step", None, msg))


def step_bounds(
    start: date, end: date, kind: StepKind, calendar: str = "gregorian"
) -> list[tuple[str, date, date]]:
    """(id, first day, last day) of each step covering ``start``..``end``, clipped to it.

    Weeks are seven days from ``start``; months, quarters and years are those of
    ``calendar`` ("gregorian", or "jalali": Farvardin to Esfand, the year from Nowruz).
    """
    if end < start:
        msg = f"a period cannot end before it starts: {start}..{end}"
        raise ValueError(msg)
    if kind == "week":
        firsts = [start + timedelta(days=7 * i) for i in range((end - start).days // 7 + 1)]
        ids = [d.isoformat() for d in firsts]
    else:
        ids, firsts = _calendar_firsts(start, end, kind, calendar)
        firsts[0] = start
    lasts = [d - timedelta(days=1) for d in firsts[1:]] + [end]
    return list(zip(ids, firsts, lasts, strict=True))


def _calendar_firsts(
    start: date, end: date, kind: StepKind, calendar: str
) -> tuple[list[str], list[date]]:
    months = {"month": 1, "quarter": 3, "year": 12}[kind]
    if calendar == "jalali":
        import jdatetime

        here = jdatetime.date.fromgregorian(date=start)
        year, month = here.year, here.month
    elif calendar == "gregorian":
        year, month = start.year, start.month
    else:
        msg = f"unknown calendar {calendar!r}; expected one of {', '.join(CALENDARS)}"
        raise ValueError(msg)
    month -= (month - 1) % months
    ids: list[str] = []
    firsts: list[date] = []
    while True:
        first = _first_day(year, month, calendar)
        if first > end:
            return ids, firsts
        ids.append(_step_id(year, month, kind))
        firsts.append(first)
        month += months
        if month > 12:
            year, month = year + 1, month - 12


def _first_day(year: int, month: int, calendar: str) -> date:
    if calendar == "jalali":
        import jdatetime

        first: date = jdatetime.date(year, month, 1).togregorian()
        return first
    return date(year, month, 1)


def _step_id(year: int, month: int, kind: StepKind) -> str:
    if kind == "year":
        return f"{year:04d}"
    if kind == "quarter":
        return f"{year:04d}-Q{(month - 1) // 3 + 1}"
    return f"{year:04d}-{month:02d}"


# ---------------------------------------------------------------------------------------------
# a report with events.csv


def events_timeline(
    joined: Joined,
    kind: StepKind | None = None,
    *,
    gazetteer: Gazetteer | None = None,
    provinces: pd.DataFrame | None = None,
) -> Timeline:
    """The steps of a report with events.csv (``joined``: that report, joined strictly).

    ``gazetteer`` and ``provinces`` must be those ``joined`` was made with (default: the
    shipped ones): every row is placed where the join placed its prison's figure.
    """
    report = joined.report
    events = report.events
    if events is None:
        msg = (
            f"report {report.id!r} has no events.csv, so it has no dated rows to cut into "
            "steps; give a report with events.csv, or make it one step of a series"
        )
        raise InputError(Problem(str(Path(report.folder) / REPORT_FILE), None, msg))
    kind = kind or default_kind(report)
    start, end = _span(report, events)
    bounds = step_bounds(start, end, kind, report.calendar)
    firsts = np.array([np.datetime64(b[1], "D") for b in bounds])
    when = events["date"].to_numpy(dtype="datetime64[D]")
    step_of = np.searchsorted(firsts, when, side="right") - 1
    places, place_of_name = _places_of_names(joined, gazetteer, provinces)
    names, name_codes = _factorize(events["prison"])
    place_of = np.array([place_of_name[n] for n in names], dtype=np.int64)[name_codes]
    iso_of_place = places["province_iso"].to_numpy(dtype=object)
    isos = sorted({i for i in iso_of_place if i})
    prov_index = {iso: k for k, iso in enumerate(isos)}
    prov_of_place = np.array([prov_index.get(i, -1) for i in iso_of_place], dtype=np.int64)
    prov_of = prov_of_place[place_of] if len(place_of) else np.array([], dtype=np.int64)
    n_steps = len(bounds)
    per_step = np.bincount(step_of, minlength=n_steps)
    placed = prov_of >= 0
    per_step_itemized = np.bincount(step_of[placed], minlength=n_steps)
    steps = tuple(
        Step(sid, first, last, int(per_step[i]), int(per_step_itemized[i]))
        for i, (sid, first, last) in enumerate(bounds)
    )
    prisons = _counts(step_of, place_of, len(places), "place")
    province_rows = _province_rows(
        step_of[placed], prov_of[placed], events["line"].to_numpy()[placed], isos
    )
    return Timeline(
        name=report.id,
        series=None,
        kind=kind,
        calendar=report.calendar,
        steps=steps,
        provinces=province_rows,
        prisons=prisons,
        places=places,
        base=joined,
        reports=(report,),
        undated=max(report.total - len(events), 0),
    )


def _span(report: Report, events: pd.DataFrame) -> tuple[date, date]:
    """The report's period; the rows' own first and last days where it gives none."""
    start, end = report.period_start, report.period_end
    if (start == date.min or end == date.max) and len(events):
        dates = events["date"]
        start = dates.min().date() if start == date.min else start
        end = dates.max().date() if end == date.max else end
    return start, end


def _factorize(column: pd.Series[Any]) -> tuple[list[str], np.ndarray[Any, Any]]:
    codes, uniques = pd.factorize(column, use_na_sentinel=False)
    return [str(u) for u in uniques], np.asarray(codes, dtype=np.int64)


def _places_of_names(
    joined: Joined, gazetteer: Gazetteer | None, provinces: pd.DataFrame | None
) -> tuple[pd.DataFrame, dict[str, int]]:
    """The join's places, and the place of each prison name of the report.

    The report is joined once more with every figure marked as one row of a file of its own,
    so that each place's ``source`` names each of its figures apart ("events.csv#3:40"); the
    figures are the same, so the places are too.
    """
    report = joined.report
    probe_report = replace(
        report,
        prison_figures=tuple(
            replace(f, rows=1, path=f"{f.path}#{i}") for i, f in enumerate(report.prison_figures)
        ),
    )
    probe = join(probe_report, gazetteer, provinces)
    name_of_source = {f.source: f.name for f in probe_report.prison_figures}
    places = _place_table(probe.prisons)
    place_of_name: dict[str, int] = {}
    for index, source in enumerate(probe.prisons["source"]):
        for part in str(source).split(" + "):
            place_of_name[name_of_source[part]] = index
    return places, place_of_name


def _place_table(prisons: pd.DataFrame) -> pd.DataFrame:
    table = pd.DataFrame({c: prisons[c].astype(str) for c in _PLACE_COLUMNS})
    table["lat"] = [round(float(p.y), 4) for p in prisons["geometry"]]
    table["lon"] = [round(float(p.x), 4) for p in prisons["geometry"]]
    return table.reset_index(drop=True)


def _counts(
    step_of: np.ndarray[Any, Any], item_of: np.ndarray[Any, Any], items: int, column: str
) -> pd.DataFrame:
    """Rows counted per (step, item), as a long table of the non-zero counts."""
    steps = int(step_of.max()) + 1 if len(step_of) else 0
    flat = np.bincount(step_of * items + item_of, minlength=steps * items)
    nonzero = np.flatnonzero(flat)
    return pd.DataFrame(
        {
            "step": (nonzero // items).astype(np.int64),
            column: (nonzero % items).astype(np.int64),
            "executions": flat[nonzero].astype(np.int64),
        }
    )


def _province_rows(
    step_of: np.ndarray[Any, Any],
    prov_of: np.ndarray[Any, Any],
    lines: np.ndarray[Any, Any],
    isos: list[str],
) -> pd.DataFrame:
    counts = _counts(step_of, prov_of, len(isos), "prov")
    frame = pd.DataFrame({"key": step_of * len(isos) + prov_of, "line": lines})
    first = frame.groupby("key")["line"].min()
    keys = counts["step"] * len(isos) + counts["prov"]
    first_line = first.reindex(keys).to_numpy()
    sources = [
        f"{EVENTS_FILE}:{int(line)}" if n == 1 else f"{EVENTS_FILE}: {int(n)} rows"
        for n, line in zip(counts["executions"], first_line, strict=True)
    ]
    return pd.DataFrame(
        {
            "step": counts["step"],
            "iso": [isos[p] for p in counts["prov"]],
            "executions": counts["executions"],
            "source": sources,
        }
    )


# ---------------------------------------------------------------------------------------------
# a series of reports


def group_series(reports: Iterable[Report]) -> dict[str, list[Report]]:
    """Reports by the series they name (those naming none are left out), by series name."""
    found: dict[str, list[Report]] = {}
    for report in reports:
        if report.series:
            found.setdefault(report.series, []).append(report)
    return {name: found[name] for name in sorted(found)}


def series_folder(name: str) -> str:
    """The folder of a series' maps (maps/series/<folder>/): its name, lower case, with
    anything but letters and digits turned into single hyphens."""
    slug = re.sub(r"[^0-9a-z]+", "-", name.casefold()).strip("-")
    return slug or "series"


def series_problems(reports: Sequence[Report]) -> list[Problem]:
    """Why ``reports`` cannot be one series: mixed calendars, overlapping periods."""
    problems: list[Problem] = []
    if not reports:
        return problems
    ordered = sorted(reports, key=lambda r: (r.period_start, r.period_end, r.id))
    first = ordered[0]
    for report in ordered[1:]:
        if report.calendar != first.calendar:
            msg = (
                f"calendar {report.calendar!r} differs from {first.calendar!r} of "
                f"{first.id!r} in series {report.series!r}; give every report of a series "
                "the same calendar"
            )
            problems.append(_toml_problem(report, ("calendar", "series"), msg))
    latest = first  # the report reaching furthest so far
    for later in ordered[1:]:
        earlier = latest
        if later.period_end > latest.period_end:
            latest = later
        if later.period_start <= earlier.period_end:
            msg = (
                f"period {_span_text(later)} overlaps {_span_text(earlier)} of "
                f"{earlier.id!r} in series {later.series!r}; the reports of a series must "
                "not overlap: fix the period, or take the report out of the series"
            )
            problems.append(_toml_problem(later, ("period",), msg))
    return sorted(problems)


def _span_text(report: Report) -> str:
    return f"{report.period_start.isoformat()}..{report.period_end.isoformat()}"


def _toml_problem(report: Report, keys: tuple[str, ...], message: str) -> Problem:
    path = str(Path(report.folder) / REPORT_FILE)
    line = next((report.manifest_lines[k] for k in keys if k in report.manifest_lines), None)
    return Problem(path, line, message)


def series_timeline(joined: Sequence[Joined]) -> Timeline:
    """The timeline of a series: each report (joined strictly) one step, by period.

    Raises InputError when the reports do not form one series (see :func:`series_problems`).
    """
    if not joined:
        msg = "a series needs at least one report, found none"
        raise ValueError(msg)
    names = sorted({j.report.series or "" for j in joined})
    if len(names) != 1 or not names[0]:
        msg = f"the reports name different series (or none): {names!r}; give one series' reports"
        raise ValueError(msg)
    problems = series_problems([j.report for j in joined])
    if problems:
        raise InputError(problems)
    ordered = sorted(joined, key=lambda j: (j.report.period_start, j.report.id))
    steps = tuple(_report_step(j) for j in ordered)
    place_frames = [_place_table(j.prisons) for j in ordered]
    places = pd.concat(place_frames).drop_duplicates("place_id", keep="last")
    places = places.sort_values("place_id", kind="stable").reset_index(drop=True)
    place_index = {p: i for i, p in enumerate(places["place_id"])}
    prisons = pd.concat(
        [
            pd.DataFrame(
                {
                    "step": k,
                    "place": [place_index[p] for p in j.prisons["place_id"]],
                    "executions": j.prisons["executions"].astype("int64"),
                }
            )
            for k, j in enumerate(ordered)
        ]
    )
    provinces = pd.concat([_series_provinces(k, j) for k, j in enumerate(ordered)])
    return Timeline(
        name=names[0],
        series=names[0],
        kind="report",
        calendar=ordered[0].report.calendar,
        steps=steps,
        provinces=provinces.reset_index(drop=True),
        prisons=prisons.sort_values(["step", "place"], kind="stable").reset_index(drop=True),
        places=places,
        base=ordered[-1],
        reports=tuple(j.report for j in ordered),
    )


def _report_step(joined: Joined) -> Step:
    report, rec = joined.report, joined.reconciliation
    return Step(
        report.id,
        report.period_start,
        report.period_end,
        rec.reported_total,
        rec.itemized_by_province,
        report.id,
    )


def _series_provinces(step: int, joined: Joined) -> pd.DataFrame:
    given = joined.provinces[joined.provinces["executions"].notna()]
    return pd.DataFrame(
        {
            "step": step,
            "iso": given["iso"].astype(str).to_numpy(),
            "executions": given["executions"].astype("int64").to_numpy(),
            "source": [f"{joined.report.id}/{s}" for s in given["source"]],
        }
    )


# ---------------------------------------------------------------------------------------------
# derived tables and downloads


def province_matrix(timeline: Timeline) -> tuple[list[str], np.ndarray[Any, Any]]:
    """The provinces (iso, as in ``base``) and a steps x provinces array of figures, -1 where
    a province is not itemized in a step."""
    isos = [str(i) for i in timeline.base.provinces["iso"]]
    column = {iso: k for k, iso in enumerate(isos)}
    matrix = np.full((len(timeline.steps), len(isos)), -1, dtype=np.int64)
    rows = timeline.provinces
    cols = np.array([column[i] for i in rows["iso"]], dtype=np.int64)
    matrix[rows["step"].to_numpy(dtype=np.int64), cols] = rows["executions"].to_numpy()
    return isos, matrix


def cumulative_matrix(matrix: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """Figures since the first step; -1 until a province has its first figure."""
    given = matrix >= 0
    summed = np.cumsum(np.where(given, matrix, 0), axis=0)
    return np.where(np.cumsum(given, axis=0) > 0, summed, -1)


def steps_csv(timeline: Timeline) -> bytes:
    """steps.csv: every province in every step, its figure or "not itemized", and its source."""
    isos, matrix = province_matrix(timeline)
    sources = {
        (int(s), str(i)): str(src)
        for s, i, src in zip(
            timeline.provinces["step"],
            timeline.provinces["iso"],
            timeline.provinces["source"],
            strict=True,
        )
    }
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(STEP_COLUMNS)
    for k, step in enumerate(timeline.steps):
        for c, iso in enumerate(isos):
            value = int(matrix[k, c])
            writer.writerow(
                [
                    step.id,
                    step.start.isoformat(),
                    step.end.isoformat(),
                    iso,
                    "" if value < 0 else value,
                    "not itemized" if value < 0 else "itemized",
                    sources.get((k, iso), ""),
                ]
            )
    return out.getvalue().encode("utf-8")


def totals_csv(timeline: Timeline) -> bytes:
    """steps-totals.csv: how each step's total reconciles, then the whole (step "all")."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(TOTAL_COLUMNS)
    running = 0
    for step in timeline.steps:
        running += step.reported
        writer.writerow(
            [
                step.id,
                step.start.isoformat(),
                step.end.isoformat(),
                step.reported,
                step.itemized,
                step.not_itemized,
                running,
                step.report or timeline.name,
            ]
        )
    if timeline.undated:
        reported = timeline.reported
        writer.writerow(["undated", "", "", timeline.undated, 0, timeline.undated, reported, ""])
    first, last = timeline.steps[0], timeline.steps[-1]
    writer.writerow(
        [
            "all",
            first.start.isoformat(),
            last.end.isoformat(),
            timeline.reported,
            timeline.itemized,
            timeline.reported - timeline.itemized,
            timeline.reported,
            timeline.name,
        ]
    )
    return out.getvalue().encode("utf-8")
