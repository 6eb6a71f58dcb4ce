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
A province without a figure in a step is *not itemized* in that step, never zero, unless the
step's report itemizes its whole total elsewhere: then it had *none reported* (0), as on the
report's own pages (the join decides which).
"""

from __future__ import annotations

from iranmap.calendars import CALENDARS, STEP_KINDS, StepKind, check_kind
from iranmap.steps._events import events_timeline
from iranmap.steps._model import (
    ITEMIZED,
    NONE_REPORTED,
    NOT_ITEMIZED,
    STEP_COLUMNS,
    TOTAL_COLUMNS,
    WEEKS_UP_TO_DAYS,
    Step,
    Timeline,
)
from iranmap.steps._periods import default_kind, step_bounds
from iranmap.steps._series import group_series, series_problems, series_timeline
from iranmap.steps._tables import (
    cumulative_matrix,
    cumulative_none,
    none_matrix,
    province_matrix,
    status_of,
    steps_csv,
    totals_csv,
)

__all__ = [
    "CALENDARS",
    "ITEMIZED",
    "NONE_REPORTED",
    "NOT_ITEMIZED",
    "STEP_COLUMNS",
    "STEP_KINDS",
    "TOTAL_COLUMNS",
    "WEEKS_UP_TO_DAYS",
    "Step",
    "StepKind",
    "Timeline",
    "check_kind",
    "cumulative_matrix",
    "cumulative_none",
    "default_kind",
    "events_timeline",
    "group_series",
    "none_matrix",
    "province_matrix",
    "series_problems",
    "series_timeline",
    "status_of",
    "step_bounds",
    "steps_csv",
    "totals_csv",
]
