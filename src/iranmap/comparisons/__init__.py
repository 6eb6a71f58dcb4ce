"""Several reports of one period side by side: every source's total, their range, and the
range of each province where sources itemize provinces.

Stage: a comparison folder (``comparisons/<id>/comparison.toml``) and the reports it names ->
:class:`Comparison`.

What a comparison promises a reader:

* **Every source is shown with its own words**: its total with its qualifier ("at least"),
  publisher, date and exact window. Nothing is averaged or added across sources.
* **Windows that differ are flagged, not compared silently.** The comparison's window is the
  one most of its sources share (the earliest such on a tie); a source whose window differs
  is shown apart and is left out of the range.
* **A province's range** is the smallest and the largest figure of the sources in the window
  that itemize it; a source that does not itemize a province gives it no figure, never zero,
  and a province no source itemizes has no range at all.
* **A revised report**: listing a report that a later one revises (``revises`` in the later
  one's report.toml) uses the later one, unless the comparison lists both.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from iranmap.comparisons._spec import (
    COMPARISON_FILE,
    COMPARISONS_DIR,
    Listed,
    Spec,
    read_spec,
    revisions,
)
from iranmap.errors import InputError, IranmapError, Problem
from iranmap.reports import Report
from iranmap.reports._revision import Revision, revision_of

if TYPE_CHECKING:  # which comparisons a build makes is read from their files alone, no join
    from iranmap.join import Joined

__all__ = [
    "COMPARISONS_DIR",
    "COMPARISON_FILE",
    "Comparison",
    "ProvinceRange",
    "Source",
    "comparison_folders",
    "load_comparison",
    "make_comparison",
    "read_spec",
    "reports_root_for",
    "revisions",
]


@dataclass(frozen=True)
class Source:
    """One report of a comparison, joined, and how it stands in it."""

    joined: Joined
    listed: Listed
    in_window: bool  # whether its window is the comparison's
    revision: Revision | None = None

    @property
    def report(self) -> Report:
        return self.joined.report

    @property
    def itemized(self) -> int:
        """Executions the report itemizes (by prison or by province, the larger)."""
        r = self.joined.reconciliation
        return max(r.itemized_by_prison, r.itemized_by_province)

    @property
    def not_itemized(self) -> int:
        return self.joined.reconciliation.not_itemized

    def province_figures(self) -> dict[str, int]:
        """The province figures this report gives, by ISO code: itemized provinces only (a
        province "none reported" by a report whose figures add up to its total is no figure
        of the range either)."""
        from iranmap._values import opt_int

        return {
            str(row["iso"]): value
            for row in self.joined.province_rows
            if row["status"] == "itemized" and (value := opt_int(row["executions"])) is not None
        }


@dataclass(frozen=True)
class ProvinceRange:
    """One province across the sources: each source's figure (None: not itemized) and the
    range over the sources in the window that give one."""

    iso: str
    name_en: str
    name_fa: str
    figures: tuple[int | None, ...]  # one per source, in the comparison's order
    low: int | None
    high: int | None
    sources: int  # how many sources in the window give a figure


@dataclass(frozen=True)
class Comparison:
    """A comparison, made: its sources in order (largest total first) and its ranges."""

    spec: Spec
    sources: tuple[Source, ...]
    window: tuple[date, date]
    provinces: tuple[ProvinceRange, ...]

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def in_window(self) -> tuple[Source, ...]:
        return tuple(s for s in self.sources if s.in_window)

    @property
    def low(self) -> Source:
        """The source in the window with the smallest total."""
        return min(self.in_window, key=lambda s: (s.report.total, s.report.id))

    @property
    def high(self) -> Source:
        """The source in the window with the largest total."""
        return max(self.in_window, key=lambda s: (s.report.total, s.report.id))

    @property
    def itemizing(self) -> tuple[Source, ...]:
        """The sources in the window that itemize at least one province."""
        return tuple(s for s in self.in_window if s.province_figures())


def comparison_folders(root: Path) -> list[Path]:
    """The comparison folders directly under ``root`` (those holding comparison.toml)."""
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if (p / COMPARISON_FILE).is_file())


def reports_root_for(folder: Path) -> Path:
    """The reports folder of the project a comparison folder is in: ``reports`` beside its
    ``comparisons`` folder, else the reports folder of the project in the current folder."""
    for beside in (
        Path(folder).parent.parent / "reports",
        Path(folder).resolve().parent.parent / "reports",
    ):
        if beside.is_dir():
            return beside
    from iranmap.project import load_project

    return load_project(Path.cwd()).reports


def load_comparison(folder: Path, reports_root: Path) -> Comparison:
    """Read a comparison and join each of its reports; InputError naming every problem."""
    from iranmap.join import join_folder

    spec, problems = read_spec(folder, reports_root)
    if spec is None:
        raise InputError(problems)
    joined: list[tuple[Listed, Joined]] = []
    failed: list[Problem] = []
    for item in spec.reports:
        try:
            joined.append((item, join_folder(item.folder)))
        except InputError as exc:
            failed.extend(exc.problems)
        except IranmapError as exc:
            failed.append(Problem(str(item.folder), None, str(exc)))
    if failed:
        raise InputError(failed)
    return make_comparison(spec, joined)


def make_comparison(spec: Spec, joined: Sequence[tuple[Listed, Joined]]) -> Comparison:
    """The comparison of already joined reports (see the module's docstring)."""
    windows = Counter((j.report.period_start, j.report.period_end) for _, j in joined)
    window = min(windows, key=lambda w: (-windows[w], w))
    sources = [
        Source(
            j, item, (j.report.period_start, j.report.period_end) == window, revision_of(j.report)
        )
        for item, j in joined
    ]
    sources.sort(key=lambda s: (not s.in_window, -s.report.total, s.report.id))
    return Comparison(spec, tuple(sources), window, _ranges(sources))


def _ranges(sources: Sequence[Source]) -> tuple[ProvinceRange, ...]:
    given = [s.province_figures() for s in sources]
    rows = []
    for row in sources[0].joined.province_rows:
        iso, en, fa = row["iso"], row["name_en"], row["name_fa"]
        figures = tuple(g.get(str(iso)) for g in given)
        counted = [
            f for f, s in zip(figures, sources, strict=True) if f is not None and s.in_window
        ]
        rows.append(
            ProvinceRange(
                iso=str(iso),
                name_en=str(en),
                name_fa=str(fa),
                figures=figures,
                low=min(counted) if counted else None,
                high=max(counted) if counted else None,
                sources=len(counted),
            )
        )
    return tuple(rows)
