"""The series among a set of report folders, and the files of each one's maps folder.

A build groups the report folders by :func:`series_members` and writes each series' files
(:func:`series_files`) under ``maps/series/<folder>/`` (see
:func:`iranmap._galleries.series_folder`); ``--check`` compares :func:`series_outputs`. Which
series there are is read from report.toml alone, with no heavy import: a build with nothing
to do asks it too.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from iranmap._galleries import SERIES_DIR, SUMMARY_NAME, series_folder
from iranmap.errors import InputError, IranmapError, UnexpectedError
from iranmap.i18n import LANGS, Lang
from iranmap.render.options import BuildOptions
from iranmap.reports import report_series

if TYPE_CHECKING:
    from iranmap.steps import Timeline


def series_outputs(
    report_dirs: Sequence[Path], options: BuildOptions, built: Sequence[Path] | None = None
) -> Mapping[str, dict[str, bytes] | IranmapError]:
    """For each series named by the reports in ``report_dirs``: its folder (relative to the
    maps folder, e.g. ``series/hengaw-monthly``) and its files, or the
    InputError that stops it (a report with a problem, overlapping periods, mixed calendars).

    Which series there are comes from each report.toml alone (one that cannot be read
    names none); a step that then cannot be read stops its series, with its problems.
    ``built``: see :func:`series_members`.
    """
    out: dict[str, dict[str, bytes] | IranmapError] = {}
    for target, members in series_members(report_dirs, built).items():
        files = series_files(members, options)
        if files is not None:
            out[target] = files
    return out


def series_members(
    report_dirs: Sequence[Path], built: Sequence[Path] | None = None
) -> dict[str, list[Path]]:
    """The folder of each series named in ``report_dirs`` (``series/<folder>``, sorted) and
    the report folders that are its steps, from their report.toml alone.

    With ``built`` (the reports a build makes), only the series with at least one of them
    among their steps: building a report never remakes a series it is not part of.
    """
    named: dict[str, list[Path]] = {}
    for folder in report_dirs:
        name = report_series(folder)
        if name is not None:
            named.setdefault(f"{SERIES_DIR}/{series_folder(name)}", []).append(folder)
    if built is not None:
        ours = {Path(folder).resolve() for folder in built}
        named = {
            target: members
            for target, members in named.items()
            if any(Path(m).resolve() in ours for m in members)
        }
    return dict(sorted(named.items()))


def series_files(
    members: Sequence[Path], options: BuildOptions
) -> dict[str, bytes] | IranmapError | None:
    """The files of the series whose steps are the reports in ``members`` (one series, as
    :func:`series_members` groups them), the error that stops it (one of its reports has a
    problem, or two overlap; any exception is that series' own, an UnexpectedError), or None
    when it has no report."""
    try:
        return _series_files(members, options)
    except Exception as exc:  # one series' bug must not stop a build or a --check
        where = members[0] if len(members) == 1 else members[0].parent
        return UnexpectedError(str(where), exc)


def _series_files(
    members: Sequence[Path], options: BuildOptions
) -> dict[str, bytes] | InputError | None:
    from iranmap.join import join
    from iranmap.render.timeline import series_files_of
    from iranmap.reports import load_report
    from iranmap.steps import group_series, series_timeline

    reports = []
    for folder in members:
        try:
            reports.append(load_report(folder))
        except InputError as exc:
            return exc  # a series without one of its steps would understate its totals
    files: dict[str, bytes] | None = None
    for name, steps in group_series(reports).items():
        target = f"{SERIES_DIR}/{series_folder(name)}"
        try:
            timeline = series_timeline([join(r) for r in steps])
            files = series_files_of(timeline, options)
        except InputError as exc:
            return exc
        files[SUMMARY_NAME] = _json(series_summary(timeline, target, sorted(files)))
    return files


def series_summary(timeline: Timeline, folder: str, files: Sequence[str]) -> dict[str, Any]:
    """What the gallery needs to list a series (the shape of a report's summary.json)."""
    first, last = timeline.reports[0], timeline.reports[-1]
    sentence = {lang: _sentence(timeline, lang) for lang in LANGS}
    return {
        "id": folder,
        "title": title(timeline, "en"),
        "title_fa": title(timeline, "fa"),
        "publisher": last.publisher,
        "publisher_fa": _publisher_fa(timeline),
        "period": {
            "start": timeline.steps[0].start.isoformat(),
            "end": timeline.steps[-1].end.isoformat(),
        },
        "source": {
            "title": f"{len(timeline.reports)} reports, {first.id} to {last.id}",
            "date": last.source_date.isoformat(),
            "url": None,
        },
        "series": [r.id for r in timeline.reports],
        "sentence": sentence,
        "files": sorted([*files, SUMMARY_NAME]),
    }


def _publisher_fa(timeline: Timeline) -> str | None:
    """The series' publisher in Persian, where one of its reports gives it."""
    from iranmap.render.timeline.text import publisher

    text = publisher(timeline, "fa")
    return text if any(r.publisher_fa == text for r in timeline.reports) else None


def title(timeline: Timeline, lang: Lang) -> str:
    from iranmap.render.timeline.text import title as title_of

    return title_of(timeline, lang)


def _sentence(timeline: Timeline, lang: Lang) -> str:
    from iranmap.render.timeline import reconciliation_sentence

    return reconciliation_sentence(timeline, lang)


def _json(value: Any) -> bytes:
    text = json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True)
    return (text + "\n").encode("utf-8")
