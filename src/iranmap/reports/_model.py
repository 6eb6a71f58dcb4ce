"""What a report is once read: its file names, columns and keys, and the dataclasses."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from iranmap.calendars import Calendar
from iranmap.errors import Problem

if TYPE_CHECKING:  # a report's events are a DataFrame; reading report.toml needs no pandas
    import pandas as pd

REPORT_FILE = "report.toml"
PRISONS_FILE = "prisons.csv"
PROVINCES_FILE = "provinces.csv"
EVENTS_FILE = "events.csv"

#: Required and optional columns of each CSV file, in the order the docs list them.
PRISON_COLUMNS = (
    ("prison", "executions"),
    ("province", "city", "place", "lat", "lon", "note", "grade"),
)
PROVINCE_COLUMNS = (("province", "executions"), ("note", "grade"))
EVENT_COLUMNS = (
    ("date", "prison"),
    ("province", "sex", "age", "charge", "ethnicity", "public", "name", "note", "grade"),
)

#: How a figure is known (``grade``, a column or a key of report.toml), in order: the word and
#: what it means. A figure without a grade is ungraded, never one of these.
GRADES = {
    "official": "announced by state media or the judiciary",
    "confirmed": "verified by the publisher, e.g. from two independent sources",
    "reported": "from a single source",
}

#: The keys report.toml may hold: top level, [source], [period], each [[facts]].
TOP_KEYS = (
    "title",
    "title_fa",
    "publisher",
    "publisher_fa",
    "total",
    "total_qualifier",
    "quote",
    "prisons",
    "provinces",
    "iso_scheme",
    "calendar",
    "series",
    "complete",
    "revises",
    "grade",
    "notes",
    "notes_fa",
    "source",
    "period",
    "facts",
)
SOURCE_KEYS = ("title", "title_fa", "date", "url")
PERIOD_KEYS = ("start", "end")
FACT_KEYS = ("label", "label_fa", "value", "unit", "unit_fa", "quote")
ISO_SCHEMES = ("2020", "pre-2020")
#: How a report may qualify its total; the first is the default.
TOTAL_QUALIFIERS = ("at least", "exactly")

#: A box around Iran with a little margin (decimal degrees): mainland and islands fit inside.
IRAN_LAT = (24.8, 40.0)
IRAN_LON = (43.9, 63.5)

#: Values accepted in events.csv's ``sex`` and ``public`` columns (compared case-folded).
SEX_VALUES = {"male": "male", "m": "male", "مرد": "male", "female": "female", "f": "female"}
SEX_VALUES["زن"] = "female"
PUBLIC_VALUES = {"yes": True, "true": True, "1": True, "no": False, "false": False, "0": False}

#: The largest count a report may give (of executions, prisons, a fact's value): anything
#: more is a typing mistake, and bounding it keeps sums and layouts sane.
MAX_COUNT = 10_000_000

#: How many rows with the same problem events.csv reports before summing up the rest.
MAX_SAME_PROBLEM = 5


@dataclass(frozen=True)
class Fact:
    """A labelled headline figure of a report ("Women: 34")."""

    label: str
    value: int | float
    unit: str | None  # e.g. "%" or "years"; None for a count
    line: int  # line of report.toml it was read from
    quote: str | None = None  # the source's own sentence the figure is taken from
    label_fa: str | None = None  # the label in Persian, when the report gives one
    unit_fa: str | None = None


@dataclass(frozen=True)
class Figure:
    """One count for one named place, with the place in the files it came from."""

    name: str  # the name as the report writes it
    executions: int
    path: str  # the file, as given by the user (e.g. "reports/2025-example/prisons.csv")
    line: int  # 1-based line of that file (header is line 1); for events, the first row
    rows: int = 1  # how many source rows were added up into this figure (events.csv)
    province: str | None = None
    city: str | None = None
    lat: float | None = None
    lon: float | None = None
    note: str | None = None
    #: In a spreadsheet, the cell of the name (``prisons!A8``): problems found when placing
    #: the name point there, as problems found when reading it do.
    cell: str | None = None
    #: The gazetteer place (or the project's own place) the monitor identifies a row's name
    #: with: "Isfahan" with place "Dastgerd Prison". Only this names a facility the row's own
    #: name does not.
    place: str | None = None
    grade: str | None = None  # one of GRADES, or None when the row gives none

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
    #: The line of report.toml each top-level key is on, for problems the join finds there.
    manifest_lines: Mapping[str, int] = field(default_factory=dict)
    #: Only in a partial report (see read_report): rows of prisons.csv and provinces.csv whose
    #: name could be read but not their count. Their ``executions`` is 0 and means nothing:
    #: the join checks their names and adds them to no figure.
    uncounted: tuple[Figure, ...] = ()
    #: Rows of prisons.csv and provinces.csv that name no place ("Unknown", "Other prisons",
    #: "نامعلوم"): in the report's total, in no place's figure, so not itemized.
    placeless: tuple[Figure, ...] = ()
    #: Persian texts of the report, when it gives them (``title_fa`` ... in report.toml).
    title_fa: str | None = None
    publisher_fa: str | None = None
    notes_fa: str | None = None
    source_title_fa: str | None = None
    #: The calendar the report's dates were written in: "gregorian" or "jalali" (Solar
    #: Hijri). Dates above are always converted to Gregorian ``date`` objects.
    calendar: Calendar = "gregorian"
    #: The period's start and end and the source's date as report.toml writes them (in
    #: ``calendar``, in the digits it uses), beside the Gregorian dates above; None where
    #: report.toml gives none (a partial report).
    period_original: tuple[str, str] | None = None
    source_date_original: str | None = None
    #: How the source qualifies its total: "at least" (the NGO default) or "exactly".
    total_qualifier: str = "at least"
    #: The series (e.g. one monitor's monthly reports) this report is a step of, if any.
    series: str | None = None
    #: False when report.toml says ``complete = false``: its table is a selection, so a
    #: province it does not list is not itemized even when its figures add up to the total.
    complete: bool = True
    #: The id of the report (a folder beside this one) whose figures this one revises.
    revises: str | None = None
    #: The source's own sentence giving the total, when report.toml quotes it.
    quote: str | None = None
    #: How every figure of the report is known (one of GRADES), when report.toml says.
    grade: str | None = None
    #: Problems worth showing that do not stop the report from being built (each has
    #: ``severity == "warning"``), in file and line order; print them as
    #: ``warning: {problem}``. An empty tuple when there are none.
    warnings: tuple[Problem, ...] = ()
    #: Whether the report gives only its total: no figures file at all, nothing itemized
    #: (a figures file with a header and no rows is a report that itemizes nothing, drawn).
    totals_only: bool = False
