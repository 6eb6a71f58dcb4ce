"""One report's files in the order a build writes them: the interactive pages first.

A reader (or a script waiting for ``combined.html``) has the pages while the images are
still being drawn. Everything that can stop a report (reading it, joining it, cutting its
timeline into steps) happens before the first batch, so that a build that writes each batch
as it comes still writes nothing for a report with a problem.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from iranmap._galleries import SUMMARY_NAME
from iranmap.render import BuildOptions

if TYPE_CHECKING:
    from iranmap.join import Joined
    from iranmap.steps import Timeline


def report_batches(
    report_dir: Path, options: BuildOptions, meanwhile: Callable[[], object] | None = None
) -> tuple[Iterator[dict[str, bytes]], tuple[str, ...]]:
    """The report's files in batches, by name, and its warnings as ``FILE:LINE: message``
    lines. ``meanwhile`` is called while the PNGs are being drawn, when this thread would
    only wait for them (a build works out its stamp then).

    Raises IranmapError when the report cannot be loaded or joined, or its timeline cut
    into ``options.step``; the batches raise none.
    """
    from iranmap.join import join_folder

    joined = join_folder(report_dir)
    timeline = None
    if joined.report.events is not None:
        from iranmap.steps import events_timeline

        timeline = events_timeline(joined, options.step)
    found = tuple(str(w) for w in joined.report.warnings)
    return _batches(joined, timeline, options, meanwhile), found


def _batches(
    joined: Joined,
    timeline: Timeline | None,
    options: BuildOptions,
    meanwhile: Callable[[], object] | None = None,
) -> Iterator[dict[str, bytes]]:
    """The pages of each language, the timeline's page and data, the rest but the PNGs, the
    PNGs (drawn in threads from when each SVG is made), and last the summary, which lists
    every file."""
    from iranmap.render import render_report

    if joined.report.totals_only:  # a total alone: no map would show anything
        from iranmap.export import summary

        yield {SUMMARY_NAME: json_bytes(summary(joined, []))}
        return
    names: list[str] = []
    for page in options.pages():
        pages = render_report(joined, page)
        names.extend(pages)
        yield pages

    from iranmap.export import data_files, summary
    from iranmap.raster import Drawing
    from iranmap.render.static import images_to_draw

    with Drawing() as drawing:  # each PNG drawn from when its SVG is made
        if timeline is not None:  # its page and its data first, its small multiples with the rest
            from iranmap.render.timeline import timeline_to_draw

            made, to_draw = timeline_to_draw(timeline, options)
            names.extend(made)
            yield made
            for name, job in to_draw.items():
                drawing.add(name, job)
        rest = images_to_draw(joined, options, drawing)
        rest.update(data_files(joined))
        names.extend(rest)
        yield rest
        if meanwhile is not None:
            meanwhile()
        drawn = drawing.drawn()
    names.extend(drawn)
    yield drawn
    yield {SUMMARY_NAME: json_bytes(summary(joined, sorted(names)))}


def json_bytes(value: Any) -> bytes:
    """``value`` as the JSON files of a build are written: sorted keys, UTF-8, one space."""
    text = json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True)
    return (text + "\n").encode("utf-8")
