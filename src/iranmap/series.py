"""The series among a set of report folders, and the files of each one's maps folder.

A build calls :func:`series_outputs` with the report folders it builds and writes each
series' files under ``maps/series/<folder>/`` (see :func:`iranmap.steps.series_folder`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from iranmap.errors import InputError
from iranmap.join import join
from iranmap.render.i18n import LANGS, Lang
from iranmap.render.options import RenderOptions
from iranmap.reports import load_report
from iranmap.steps import group_series, series_folder

#: Where series go, under the maps folder.
SERIES_DIR = "series"


def series_outputs(
    report_dirs: Sequence[Path], options: RenderOptions, langs: Sequence[Lang] = LANGS
) -> Mapping[str, dict[str, bytes] | InputError]:
    """For each series named by the reports in ``report_dirs``: its folder (relative to the
    maps folder, e.g. ``series/hengaw-monthly-execution-statistics``) and its files, or the
    InputError that stops it (a report with a problem, overlapping periods, mixed calendars).

    A report that cannot be read is left to the report build to complain about (it names
    no series that could be known).
    """
    from iranmap.render.timeline import series_files

    reports = []
    for folder in report_dirs:
        try:
            reports.append(load_report(folder))
        except InputError:
            continue
    out: dict[str, dict[str, bytes] | InputError] = {}
    for name, members in group_series(reports).items():
        target = f"{SERIES_DIR}/{series_folder(name)}"
        try:
            out[target] = series_files([join(r) for r in members], options, langs)
        except InputError as exc:
            out[target] = exc
    return out
