"""Figures + places + polygons -> joined tables and a reconciliation. Nothing is lost unnamed.

Stage: :class:`iranmap.reports.Report` -> :class:`Joined`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import geopandas as gpd

from iranmap.errors import Problem
from iranmap.reports import Report


@dataclass(frozen=True)
class Unplaced:
    """An input row that did not land on the map, and why."""

    path: str
    line: int
    name: str
    executions: int
    reason: str


@dataclass(frozen=True)
class Reconciliation:
    """How the report's total splits into what the map shows and what it cannot.

    ``reported_total == itemized_by_province + not_itemized`` always holds.
    """

    report: str
    reported_total: int
    itemized_by_prison: int
    itemized_by_province: int
    not_itemized: int
    prisons_mapped: int
    provinces_with_figures: int
    unresolved: tuple[Unplaced, ...]
    problems: tuple[Problem, ...]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the shape of ``iranmap check --json``)."""
        raise NotImplementedError  # implemented with join()


@dataclass(frozen=True)
class Joined:
    """A report joined to the map.

    ``prisons``: one row per mapped place, largest first (ties by name), EPSG:4326 points,
    columns ``place_id, name_en, name_fa, city, province_iso, province_en, province_fa,
    executions, share, rank, precision, source, geometry``.

    ``provinces``: all 31 provinces sorted by ``iso``, columns ``iso, name_en, name_fa,
    population, executions`` (pandas ``Int64``; ``<NA>`` means *not itemized*, never 0),
    ``status`` ("itemized" / "not itemized"), ``share, rank, per_million, source, geometry``.
    """

    report: Report
    prisons: gpd.GeoDataFrame
    provinces: gpd.GeoDataFrame
    reconciliation: Reconciliation
