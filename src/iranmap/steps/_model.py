"""The steps' data: what a step is and what a timeline holds."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import pandas as pd

from iranmap.calendars import Calendar
from iranmap.join import Joined, identified
from iranmap.reports import Report

#: A report whose period is this many days or fewer is cut into weeks by default.
WEEKS_UP_TO_DAYS = 92
#: A province's status in a step with a row in ``Timeline.provinces``, as the join names it:
#: a figure of the report, or none reported (0) by a report that itemizes its whole total
#: elsewhere (the join decides: ``join._tables.fully_itemized``). No row: not itemized.
ITEMIZED = "itemized"
NONE_REPORTED = "none reported"
NOT_ITEMIZED = "not itemized"
STATUSES = (ITEMIZED, NONE_REPORTED)
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
    ``steps``), ``iso``, ``executions``, ``status`` (``ITEMIZED``, or ``NONE_REPORTED`` with
    0 executions where the step's report itemizes its whole total elsewhere), ``source``. A
    (step, province) pair that is absent is not itemized in that step, never zero.
    ``prisons``: ``step``, ``place`` (index into ``places``),
    ``executions``. ``places``: every place mapped in any step, with ``lat``, ``lon`` and the
    names of :class:`iranmap.join.Joined`'s prison table. ``base`` is the join whose province
    shapes and names the maps draw; ``undated`` counts executions the report states that no
    step can hold (a stated total above the rows of events.csv).
    """

    name: str  # the report's id, or the series' name
    series: str | None
    kind: str  # a StepKind, or "report" for a series
    calendar: Calendar
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

    def at_least(self, k: int) -> bool:
        """Whether step ``k``'s figure is a floor ("at least", the report's qualifier of its
        total): the qualifier of the step's own report in a series, else the report's."""
        report_id = self.steps[k].report
        report = next((r for r in self.reports if r.id == report_id), self.reports[0])
        return report.total_qualifier != "exactly"


def place_table(prisons: pd.DataFrame) -> pd.DataFrame:
    """A join's prisons as a timeline's places: names, where, how precisely, the name(s) the
    report printed (``as_reported``) and whether a place column named the facility
    (``identified``)."""
    table = pd.DataFrame({c: prisons[c].astype(str) for c in _PLACE_COLUMNS})
    table["as_reported"] = prisons["as_reported"].fillna("").astype(str)
    table["identified"] = [identified(m) for m in prisons["match"]]
    table["lat"] = [round(float(p.y), 4) for p in prisons["geometry"]]
    table["lon"] = [round(float(p.x), 4) for p in prisons["geometry"]]
    return table.reset_index(drop=True)


def spellings(names: Iterable[str]) -> str:
    """The distinct names a place was printed as, in order ("; "-separated, as the join
    writes a place of several rows)."""
    return "; ".join(dict.fromkeys(n for name in names for n in name.split("; ") if n))
