"""Tables derived from a timeline: figures per step and province, and the downloads."""

from __future__ import annotations

import csv
import io
from typing import Any

import numpy as np

from iranmap.steps._model import (
    ITEMIZED,
    NONE_REPORTED,
    NOT_ITEMIZED,
    STEP_COLUMNS,
    TOTAL_COLUMNS,
    Timeline,
)


def province_matrix(timeline: Timeline) -> tuple[list[str], np.ndarray[Any, Any]]:
    """The provinces (iso, as in ``base``) and a steps x provinces array of figures, -1 where
    a province is not itemized in a step (0 where none is reported: see :func:`none_matrix`)."""
    isos = [str(i) for i in timeline.base.provinces["iso"]]
    column = {iso: k for k, iso in enumerate(isos)}
    matrix = np.full((len(timeline.steps), len(isos)), -1, dtype=np.int64)
    rows = timeline.provinces
    cols = np.array([column[i] for i in rows["iso"]], dtype=np.int64)
    matrix[rows["step"].to_numpy(dtype=np.int64), cols] = rows["executions"].to_numpy()
    return isos, matrix


def none_matrix(timeline: Timeline) -> np.ndarray[Any, Any]:
    """A steps x provinces array (provinces as in :func:`province_matrix`), True where a
    step's report had none reported in a province: it itemizes its whole total elsewhere."""
    isos = [str(i) for i in timeline.base.provinces["iso"]]
    column = {iso: k for k, iso in enumerate(isos)}
    none = np.zeros((len(timeline.steps), len(isos)), dtype=bool)
    rows = timeline.provinces[timeline.provinces["status"] == NONE_REPORTED]
    cols = np.array([column[i] for i in rows["iso"]], dtype=np.int64)
    none[rows["step"].to_numpy(dtype=np.int64), cols] = True
    return none


def cumulative_matrix(matrix: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """Figures since the first step; -1 until a province has its first figure (none
    reported counts as a figure: 0)."""
    given = matrix >= 0
    summed = np.cumsum(np.where(given, matrix, 0), axis=0)
    return np.where(np.cumsum(given, axis=0) > 0, summed, -1)


def cumulative_none(
    matrix: np.ndarray[Any, Any], none: np.ndarray[Any, Any]
) -> np.ndarray[Any, Any]:
    """True where, since the first step, a province has had none reported and no figure of
    its own: none reported so far."""
    itemized = (matrix >= 0) & ~none
    so_far: np.ndarray[Any, Any] = np.cumsum(none, axis=0) > 0
    unnamed: np.ndarray[Any, Any] = np.cumsum(itemized, axis=0) == 0
    both: np.ndarray[Any, Any] = so_far & unnamed
    return both


def status_of(value: int, none: bool) -> str:
    """A cell's status as the downloads write it."""
    if value < 0:
        return NOT_ITEMIZED
    return NONE_REPORTED if none else ITEMIZED


def steps_csv(timeline: Timeline) -> bytes:
    """steps.csv: every province in every step, its figure (0 where none is reported) or
    none ("not itemized"), its status, and its source."""
    isos, matrix = province_matrix(timeline)
    none = none_matrix(timeline)
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
                    status_of(value, bool(none[k, c])),
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
