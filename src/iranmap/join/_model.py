"""The joined report's shape: :class:`Joined`, :class:`Reconciliation`, :class:`Unplaced`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal, Protocol

import shapely

from iranmap import i18n
from iranmap.errors import Problem
from iranmap.geocode import Match
from iranmap.reports import Report

if TYPE_CHECKING:  # the tables are rows; pandas is imported when a caller asks for a DataFrame
    import pandas as pd

#: How far (degrees, about 25 km) a place outside every polygon may be from the nearest one
#: and still count as in it: simplified coastlines cut off harbours and islands.
COAST_TOLERANCE = 0.25

#: How a report's row found its place: by the prison's own name (English or Persian), by one
#: of its aliases (or its name with its town), by a near spelling (``score`` says how near),
#: as a city (the name gives only a town), by the row's own lat/lon alone, or by its
#: ``place`` column (the monitor's identification of the prison the name means).
MatchKind = Literal["exact", "alias", "fuzzy", "city", "latlon", "place"]
MATCH_KINDS: tuple[MatchKind, ...] = ("exact", "alias", "fuzzy", "city", "latlon", "place")

PRISON_COLUMNS = (
    "place_id",
    "name_en",
    "name_fa",
    "city",
    "city_fa",
    "province_iso",
    "province_en",
    "province_fa",
    "executions",
    "share",
    "rank",
    "precision",
    "as_reported",
    "match",
    "score",
    "note",
    "grade",
    "source",
    "geometry",
)
PROVINCE_COLUMNS = (
    "iso",
    "name_en",
    "name_fa",
    "population",
    "executions",
    "status",
    "share",
    "rank",
    "per_million",
    "source",
    "geometry",
)

#: The pandas dtype of each column of the joined tables whose values pandas would read
#: otherwise: the prisons' counts are always there, a province's may be <NA> (not itemized).
PRISON_DTYPES = {"executions": "int64", "share": "float64", "rank": "int64", "score": "float64"}
PROVINCE_DTYPES = {
    "population": "Int64",
    "executions": "Int64",
    "share": "Float64",
    "rank": "Int64",
    "per_million": "Float64",
}

#: One row of a joined table, by column (:data:`PRISON_COLUMNS`, :data:`PROVINCE_COLUMNS`);
#: a missing figure is None (a share or score that cannot be, NaN).
Row = Mapping[str, Any]


class Resolver(Protocol):
    """What :func:`join` needs of a geocoder (:class:`iranmap.geocode.Geocoder` is one)."""

    def place(self, name: str, city: str = "", province: str = "") -> Match: ...

    def places(self, names: Iterable[str]) -> list[Match]: ...

    def province(self, name: str, iso_scheme: str = "2020") -> Match: ...


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
    #: How the source qualifies its total (``Report.total_qualifier``): "at least", "exactly".
    total_qualifier: str = "at least"
    #: Provinces with none reported: the report itemizes its whole total, none of it there.
    provinces_none_reported: int = 0
    #: Rows the report gives without a place ("Unknown", "Other prisons"): not itemized.
    placeless: tuple[Unplaced, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the shape of ``iranmap check --json``)."""
        return {
            "report": self.report,
            "reported_total": self.reported_total,
            "itemized_by_prison": self.itemized_by_prison,
            "itemized_by_province": self.itemized_by_province,
            "not_itemized": self.not_itemized,
            "prisons_mapped": self.prisons_mapped,
            "provinces_with_figures": self.provinces_with_figures,
            "provinces_none_reported": self.provinces_none_reported,
            "unresolved": [asdict(u) for u in self.unresolved],
            "placeless": [asdict(u) for u in self.placeless],
            "problems": [problem_dict(p) for p in self.problems],
        }

    def sentence(self, lang: Literal["en", "fa"] | str = "en") -> str:
        """The reconciliation in one sentence, for a caption under the map."""
        if lang not in i18n.LANGS:
            msg = f"no sentence in language {lang!r}; use 'en' or 'fa'"
            raise ValueError(msg)
        return i18n.reconciliation(
            "fa" if lang == "fa" else "en",
            qualifier=self.total_qualifier,
            reported=self.reported_total,
            by_prison=self.itemized_by_prison,
            by_province=self.itemized_by_province,
            not_itemized=self.not_itemized,
            prisons=self.prisons_mapped,
            provinces=self.provinces_with_figures,
            unresolved=len(self.unresolved),
            placeless=sum(u.executions for u in self.placeless),
        )


@dataclass(frozen=True)
class Placement:
    """How one row of the report found its place: what ``iranmap check --json`` can show.

    ``as_reported`` is the name as the row writes it, ``name_en`` the gazetteer's name of the
    place it landed on (the row's own name for a place the gazetteer lacks), ``match`` how
    (:data:`MATCH_KINDS`), ``score`` the geocoder's score for the name (100 for an exact name
    or alias, the similarity for a near spelling; None for a row placed by lat/lon alone).
    """

    path: str
    line: int
    as_reported: str
    place_id: str
    name_en: str
    match: MatchKind
    score: float | None
    precision: str
    province_iso: str | None
    #: For a name that gives only a town: the gazetteer prison it most likely means, for a
    #: person to confirm in the row's ``place`` column. None otherwise.
    likely: str | None = None
    #: For a near spelling ("Tarbiz"): the name it was read as ("Tabriz"). None otherwise.
    read_as: str | None = None
    #: How a rule of the geocoder read the name ("an unknown place of Shiraz"), for a person to
    #: confirm. None where the name's own words placed it.
    reading: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict, keys in field order."""
        return asdict(self)


def identified(match: object) -> bool:
    """Whether a place's ``match`` (its rows' kinds, "; "-separated) says a report's place
    column named the facility: the monitor's identification, not the geocoder's."""
    return "place" in str(match or "").split("; ")


def frame_of(
    rows: Sequence[Row], columns: Sequence[str], dtypes: Mapping[str, str]
) -> pd.DataFrame:
    """A joined table as a pandas DataFrame: ``columns`` in order, typed by ``dtypes``
    (None is <NA> in a nullable column), shapely objects in ``geometry``."""
    import numpy as np
    import pandas as pd

    data: dict[str, Any] = {}
    for column in columns:
        values = [row[column] for row in rows]
        if column in dtypes:
            dtype: Any = dtypes[column]
            data[column] = pd.array(values, dtype=dtype)
        elif column == "geometry":
            data[column] = np.empty(len(values), dtype=object)
            data[column][:] = values
        else:
            data[column] = values
    return pd.DataFrame(data, columns=list(columns))


def problem_dict(problem: Problem) -> dict[str, Any]:
    """A problem as JSON: its parts, and the line a user reads."""
    return {
        "path": problem.path,
        "line": problem.line,
        "message": problem.message,
        "text": str(problem),
    }


@dataclass(frozen=True)
class Joined:
    """A report joined to the map.

    Both tables are rows (``prison_rows``, ``province_rows``: mappings by column, what the maps
    and downloads read, made without pandas) and, when asked for, pandas DataFrames
    (``prisons``, ``provinces``) whose ``geometry`` column holds shapely objects in
    longitude/latitude (EPSG:4326); :func:`iranmap.api.load` gives them as GeoDataFrames.

    ``prisons``: one row per mapped place, largest first (ties by name), points, columns
    ``place_id, name_en, name_fa, city, city_fa, province_iso, province_en, province_fa,
    executions, share, rank, precision, source, geometry``.

    ``city`` is the place's city in English (a row placed by its coordinates alone has the
    row's own ``city``, or ""); ``city_fa`` is that city's Persian name from
    ``geodata/cities.csv`` (found by any of its names in the place's province), or "" where
    the gazetteer gives none: a page in Persian then shows ``city``, marked as English.

    ``provinces``: all 31 provinces sorted by ``iso``, columns ``iso, name_en, name_fa,
    population, executions`` (pandas ``Int64``; ``<NA>`` means *not itemized*, never 0),
    ``status`` ("itemized" / "not itemized"), ``share, rank, per_million, source, geometry``.

    ``as_reported`` is the name (or names, "; "-separated, for events.csv rows that spell one
    place several ways) as the report wrote it, ``match`` how it found the place (exact,
    alias, fuzzy, city, latlon; see :data:`MATCH_KINDS`) and ``score`` the geocoder's score
    for it (the lowest, for several rows; NaN for a place found by lat/lon alone).

    ``share`` is a fraction (0..1) of the reported total; ``rank`` is 1 for the largest figure
    (equal figures share a rank); ``source`` names the lines a figure comes from
    ("prisons.csv:3"; "prisons.csv:2, 6" or "prisons.csv:2-5, 9" for a province summed from
    prisons, :func:`iranmap.join._tables.sources`).
    A place the gazetteer does not know has ``place_id`` "city:<province>:<city>" (placed on
    its city) or "point:<lat>,<lon>" (placed by the row's coordinates).
    """

    report: Report
    prison_rows: tuple[Row, ...]
    province_rows: tuple[Row, ...]
    reconciliation: Reconciliation
    #: Every placed row, in file and line order, with how its name matched.
    placements: tuple[Placement, ...] = ()

    @cached_property
    def prisons(self) -> pd.DataFrame:
        """The mapped places as a DataFrame (columns :data:`PRISON_COLUMNS`)."""
        return self._as_frame(frame_of(self.prison_rows, PRISON_COLUMNS, PRISON_DTYPES))

    @cached_property
    def provinces(self) -> pd.DataFrame:
        """The 31 provinces as a DataFrame (columns :data:`PROVINCE_COLUMNS`)."""
        return self._as_frame(frame_of(self.province_rows, PROVINCE_COLUMNS, PROVINCE_DTYPES))

    def _as_frame(self, frame: pd.DataFrame) -> pd.DataFrame:
        """The DataFrame the tables are given as (:func:`iranmap.api.load`: a GeoDataFrame)."""
        return frame

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """``(west, south, east, north)`` of the provinces, in degrees: what the maps frame."""
        geometries = [row["geometry"] for row in self.province_rows]
        west, south, east, north = (float(v) for v in shapely.total_bounds(geometries))
        return west, south, east, north
