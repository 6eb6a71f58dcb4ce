"""The steps of a report with events.csv: its rows counted per step, vectorised."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from iranmap.calendars import StepKind
from iranmap.errors import InputError, Problem
from iranmap.join import Joined, join
from iranmap.join._tables import fully_itemized
from iranmap.limits import MAX_STEPS
from iranmap.reports import EVENTS_FILE, REPORT_FILE, Report
from iranmap.steps._model import ITEMIZED, NONE_REPORTED, Step, Timeline, place_table
from iranmap.steps._periods import default_kind, step_bounds, step_count

if TYPE_CHECKING:
    from iranmap.gazetteer import Gazetteer


def _check_steps(report: Report, start: date, end: date, kind: StepKind) -> None:
    """Refuse a period that would be cut into more than MAX_STEPS steps, before cutting."""
    steps = step_count(start, end, kind, report.calendar)
    if steps > MAX_STEPS:
        msg = (
            f"the events span {start.isoformat()} to {end.isoformat()}, {steps:,} "
            f"{kind}s, more steps than a timeline has ({MAX_STEPS:,}); check the period and "
            "the events' dates, or cut the timeline into longer steps"
        )
        line = report.manifest_lines.get("period")
        raise InputError(Problem(str(Path(report.folder) / REPORT_FILE), line, msg))


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
    _check_steps(report, start, end, kind)
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
    given = [None if pd.isna(v) else int(v) for v in joined.provinces["executions"]]
    if fully_itemized(report, given):
        # Every execution of the report is a dated, placed row (the join's rule): in each
        # step, a province with no row had none reported, as on the report's own pages.
        province_rows = _with_none_reported(
            province_rows, n_steps, [str(i) for i in joined.provinces["iso"]]
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


def _with_none_reported(rows: pd.DataFrame, n_steps: int, isos: list[str]) -> pd.DataFrame:
    """``rows`` with a row of none reported (0) for each province without one in a step."""
    have = set(zip(rows["step"].tolist(), rows["iso"].tolist(), strict=True))
    missing = [(k, iso) for k in range(n_steps) for iso in isos if (k, iso) not in have]
    none = pd.DataFrame(
        {
            "step": pd.array([k for k, _ in missing], dtype="int64"),
            "iso": [iso for _, iso in missing],
            "executions": pd.array([0] * len(missing), dtype="int64"),
            "status": NONE_REPORTED,
            "source": EVENTS_FILE,
        }
    )
    both = pd.concat([rows, none], ignore_index=True)
    return both.sort_values(["step", "iso"], kind="stable", ignore_index=True)


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
    places = place_table(probe.prisons)
    place_of_name: dict[str, int] = {}
    for index, source in enumerate(probe.prisons["source"]):
        for part in str(source).split(" + "):
            place_of_name[name_of_source[part]] = index
    return places, place_of_name


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
            "status": ITEMIZED,
            "source": sources,
        }
    )
