"""What a build did: each report's and series' files, or the error that kept them as
they were."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from iranmap.errors import IranmapError
from iranmap.output import FileResult

if TYPE_CHECKING:
    from iranmap.comparing import ComparisonResult


@dataclass(frozen=True)
class ReportResult:
    """What building one report did: its files, or the error that kept them as they were.

    ``warnings``: what is worth knowing but did not stop the build (e.g. a file with a header
    and no rows), as lines ``FILE:LINE: message``; an unchanged report repeats those of the
    build that made its files.
    """

    report_dir: Path
    out_dir: Path
    files: tuple[FileResult, ...] = ()
    error: IranmapError | None = None
    warnings: tuple[str, ...] = ()
    #: False when the report was refused a folder in OUT (no plain id, a link...): then
    #: ``out_dir`` is only a suggestion, and its error names the report's folder.
    placed: bool = True

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def changed(self) -> tuple[FileResult, ...]:
        return tuple(f for f in self.files if f.status != "unchanged")

    @property
    def id(self) -> str:
        """The report's id: the name of its folder in OUT."""
        return self.out_dir.name


@dataclass(frozen=True)
class SeriesResult:
    """What building one series did: its files, or the error that kept them as they were.

    ``id``: its folder relative to OUT, e.g. ``series/hengaw-monthly``.
    """

    id: str
    out_dir: Path
    files: tuple[FileResult, ...] = ()
    error: IranmapError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def changed(self) -> tuple[FileResult, ...]:
        return tuple(f for f in self.files if f.status != "unchanged")


@dataclass(frozen=True)
class BuildResult:
    """A whole build: every report's result, every series', and the gallery in each
    language (with what it left out)."""

    reports: tuple[ReportResult, ...]
    galleries: tuple[FileResult, ...] = ()
    warnings: tuple[str, ...] = ()
    series: tuple[SeriesResult, ...] = ()
    comparisons: tuple[ComparisonResult, ...] = ()
    failed: tuple[ReportResult, ...] = field(init=False)
    failed_series: tuple[SeriesResult, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "failed", tuple(r for r in self.reports if not r.ok))
        object.__setattr__(self, "failed_series", tuple(s for s in self.series if not s.ok))
