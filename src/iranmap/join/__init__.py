"""Figures + places + polygons -> joined tables and a reconciliation. Nothing is lost unnamed.

Stage: :class:`iranmap.reports.Report` -> :class:`Joined`.

How a row lands:

* A prison row's name goes through :meth:`iranmap.geocode.Geocoder.place` (each distinct name
  once). A matched prison or city gives the point; ``lat``/``lon`` in the row, when given,
  place it instead (the report writer's own coordinates), and they alone place a name the
  gazetteer does not know. A name the gazetteer does not know and whose row has ``city``
  lands on that city (precision "city").
* Every point's province comes from point-in-polygon. It must agree with the province the
  gazetteer gives the place and with the row's own ``province``; a disagreement is a problem
  naming both.
* A province's figure is the sum of its prisons, or the report's own figure (provinces.csv)
  where given; a province figure below the sum of its prisons is a problem.
* A row that cannot be placed is an :class:`Unplaced` with the reason, and a problem: its
  executions count as not itemized.
* The number of prisons (provinces) report.toml says were involved bounds the different
  places the rows land on: two spellings of one prison are one prison.

:func:`check_report` reads a folder and joins it in one go, so that ``iranmap check`` shows
every problem of reading and of placing in one run; a report read with problems is joined
only to find more problems, never to give figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from iranmap.boundaries import Shape, Shapes, province_shapes, shapes_of
from iranmap.errors import InputError, Problem
from iranmap.gazetteer import Gazetteer, load_gazetteer
from iranmap.geocode import Geocoder
from iranmap.join._model import (
    COAST_TOLERANCE,
    MATCH_KINDS,
    PRISON_COLUMNS,
    PRISON_DTYPES,
    PROVINCE_COLUMNS,
    PROVINCE_DTYPES,
    Joined,
    MatchKind,
    Placement,
    Reconciliation,
    Resolver,
    Row,
    Unplaced,
    frame_of,
    identified,
    problem_dict,
)
from iranmap.join._own import OWN_PREFIX, own_places_file, with_own_places
from iranmap.join._place import (
    check_duplicates,
    check_provinces_of_rows,
    locate,
    place_prisons,
    placements,
    points_in_provinces,
)
from iranmap.join._reconcile import order, reconcile
from iranmap.join._tables import (
    check_stated_counts,
    prison_table,
    province_figures,
    province_placements,
    province_table,
)
from iranmap.reports import Report, read_report

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "COAST_TOLERANCE",
    "MATCH_KINDS",
    "OWN_PREFIX",
    "PRISON_COLUMNS",
    "PRISON_DTYPES",
    "PROVINCE_COLUMNS",
    "PROVINCE_DTYPES",
    "Joined",
    "MatchKind",
    "Placement",
    "Reconciliation",
    "Resolver",
    "Row",
    "Unplaced",
    "check_report",
    "frame_of",
    "identified",
    "join",
    "join_folder",
    "points_in_provinces",
    "problem_dict",
]

# join


def join(
    report: Report,
    gazetteer: Gazetteer | None = None,
    provinces: pd.DataFrame | Sequence[Shape] | None = None,
    *,
    strict: bool = True,
    geocoder: Resolver | None = None,
) -> Joined:
    """Place every figure of ``report`` and reconcile the totals.

    ``strict``: raise :class:`InputError` listing every problem; otherwise return the joined
    tables with the problems and unplaced rows in the reconciliation (``iranmap check``).
    ``geocoder`` overrides the one built from ``gazetteer`` (tests, or a caller that holds one).
    ``provinces`` are the polygons (:func:`iranmap.boundaries.load_provinces`'s DataFrame or
    :func:`iranmap.boundaries.province_shapes`), by default the shipped ones.
    """
    gazetteer = gazetteer if gazetteer is not None else _default_gazetteer()
    polygons = shapes_of(provinces if provinces is not None else _default_provinces())
    resolver = geocoder if geocoder is not None else _geocoder_for(gazetteer)
    problems: list[Problem] = []
    unplaced: list[Unplaced] = []
    places = place_prisons(report, resolver, gazetteer, problems, unplaced)
    located = locate(places, polygons, gazetteer, problems)
    check_provinces_of_rows(report, located, resolver, problems, gazetteer)
    check_duplicates(report, located, problems)
    uncounted = {id(f) for f in report.uncounted}
    counted = [item for item in located if id(item.place.figure) not in uncounted]
    prisons = prison_table(counted, gazetteer, report.total)
    given, named = province_figures(report, resolver, problems, unplaced)
    check_stated_counts(report, located, named, problems)
    provinces_table = province_table(polygons, gazetteer, counted, given, report, problems)
    reconciliation = reconcile(report, prisons, provinces_table, unplaced, problems)
    if strict and reconciliation.problems:
        raise InputError(reconciliation.problems)
    placed = sorted(
        (*placements(located), *province_placements(given)), key=lambda p: (p.path, p.line)
    )
    return Joined(report, prisons, provinces_table, reconciliation, tuple(placed))


def check_report(
    folder: Path,
    *,
    start: date | str | None = None,
    end: date | str | None = None,
    where: Sequence[tuple[str, str]] = (),
    gazetteer: Gazetteer | None = None,
    provinces: pd.DataFrame | Sequence[Shape] | None = None,
) -> tuple[Joined | None, tuple[Problem, ...]]:
    """Every problem of a report folder, reading's and placing's, by file and line, each once.

    The joined report comes back only when the folder was read without a problem (its
    reconciliation may still list problems of the join). A report read with problems is
    partial (:func:`iranmap.reports.read_report`): it is joined only to find the problems
    placing its names shows, so that a user fixes them all in one pass.
    """
    report, problems = read_report(folder, start=start, end=end, where=where)
    own = own_places_file(folder) if gazetteer is None else None
    if own is not None:
        more: list[Problem] = []
        provinces = shapes_of(provinces if provinces is not None else _default_provinces())
        gazetteer = with_own_places(own, _default_gazetteer(), provinces, more)
        problems = tuple(sorted((*problems, *more), key=order))
    if report is None:
        return None, problems
    joined = join(report, gazetteer, provinces, strict=False)
    found = tuple(sorted(dict.fromkeys((*problems, *joined.reconciliation.problems)), key=order))
    return (None if problems else joined), found


def join_folder(
    folder: Path,
    *,
    start: date | None = None,
    end: date | None = None,
    where: Sequence[tuple[str, str]] = (),
    gazetteer: Gazetteer | None = None,
    provinces: pd.DataFrame | Sequence[Shape] | None = None,
) -> Joined:
    """``join(load_report(folder))``, but a failure lists the join's problems too.

    Costs the same as the two calls when the report is clean.
    """
    joined, problems = check_report(
        folder, start=start, end=end, where=where, gazetteer=gazetteer, provinces=provinces
    )
    if joined is None or problems:
        raise InputError(problems)
    return joined


def _default_gazetteer() -> Gazetteer:
    return load_gazetteer()


def _default_provinces() -> Shapes:
    return province_shapes()


_GEOCODERS: dict[int, tuple[Gazetteer, Resolver]] = {}


def _geocoder_for(gazetteer: Gazetteer) -> Resolver:
    """One geocoder per gazetteer (building its indexes is the slow part; answers are cached)."""
    held = _GEOCODERS.get(id(gazetteer))
    if held is not None and held[0] is gazetteer:
        return held[1]
    resolver: Resolver = Geocoder(gazetteer)
    if len(_GEOCODERS) >= 4:
        _GEOCODERS.clear()
    _GEOCODERS[id(gazetteer)] = (gazetteer, resolver)
    return resolver
