"""Series: reports of one monitor whose periods follow each other, one step each."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from iranmap.errors import InputError, Problem
from iranmap.join import Joined
from iranmap.reports import REPORT_FILE, Report
from iranmap.steps._model import STATUSES, Step, Timeline, place_table, spellings


def group_series(reports: Iterable[Report]) -> dict[str, list[Report]]:
    """Reports by the series they name (those naming none are left out), by series name."""
    found: dict[str, list[Report]] = {}
    for report in reports:
        if report.series:
            found.setdefault(report.series, []).append(report)
    return {name: found[name] for name in sorted(found)}


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
    every = pd.concat([place_table(j.prisons) for j in ordered])
    # A place keeps every name its reports printed it as, and the last report's identification.
    printed = every.groupby("place_id", sort=False)["as_reported"].agg(spellings)
    places = every.drop_duplicates("place_id", keep="last")
    places = places.sort_values("place_id", kind="stable").reset_index(drop=True)
    places["as_reported"] = places["place_id"].map(printed)
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
    """The step's province figures as the join gives them: "itemized", and "none reported"
    (0) where the report itemizes its whole total elsewhere (join's rule, not decided here);
    a province the join leaves not itemized has no row."""
    given = joined.provinces[joined.provinces["status"].isin(STATUSES)]
    report = joined.report.id
    return pd.DataFrame(
        {
            "step": step,
            "iso": given["iso"].astype(str).to_numpy(),
            "executions": given["executions"].astype("int64").to_numpy(),
            "status": given["status"].astype(str).to_numpy(),
            "source": [f"{report}/{s}" if s else report for s in given["source"]],
        }
    )
