"""A report folder -> a validated :class:`Report`.

A report is a folder ``geodata/reports/<id>/`` with ``report.toml``, ``prisons.csv`` and
optionally ``provinces.csv`` and ``events.csv``. Loading either returns a whole, valid report
or raises :class:`iranmap.errors.InputError` naming every problem; never a partial result.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd


@dataclass(frozen=True)
class Fact:
    """A labelled headline figure of a report ("Women: 34")."""

    label: str
    value: int | float
    unit: str | None  # e.g. "%" or "years"; None for a count
    line: int  # line of report.toml it was read from


@dataclass(frozen=True)
class Figure:
    """One count for one named place, with the place in the files it came from."""

    name: str  # the name as the report writes it
    executions: int
    path: str  # the file, as given by the user (e.g. "geodata/reports/2024-ncri/prisons.csv")
    line: int  # 1-based line of that file (header is line 1); for events, the first row
    rows: int = 1  # how many source rows were added up into this figure (events.csv)
    province: str | None = None
    city: str | None = None
    lat: float | None = None
    lon: float | None = None
    note: str | None = None

    @property
    def source(self) -> str:
        """Where the figure comes from, for a reader: "prisons.csv:3" or "events.csv: 5 rows"."""
        name = Path(self.path).name
        return f"{name}:{self.line}" if self.rows == 1 else f"{name}: {self.rows} rows"


@dataclass(frozen=True)
class Report:
    """A report's metadata and its figures, validated."""

    id: str  # the folder's name
    folder: Path
    title: str
    publisher: str
    source_title: str
    source_date: date
    source_url: str | None
    period_start: date
    period_end: date
    total: int  # executions the report states ("at least")
    prisons_count: int | None  # how many prisons the report says were involved
    provinces_count: int | None
    facts: tuple[Fact, ...]
    notes: str | None
    iso_scheme: str  # "2020" or "pre-2020"
    prison_figures: tuple[Figure, ...]
    province_figures: tuple[Figure, ...]
    events: pd.DataFrame | None  # events.csv after filters, or None
