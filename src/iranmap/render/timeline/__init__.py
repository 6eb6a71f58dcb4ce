"""The timeline: one step's choropleth and circles at a time, a slider, and the bars.

``_page`` makes the page and every file of a report's or a series' timeline; ``_view``
decides what each step shows (classes, circles, status), ``_controls`` the controls and
tables under the map, ``_data`` the page's embedded data for ``timeline.js``; ``text`` holds
the step names and dates in each language and calendar.
"""

from __future__ import annotations

from iranmap.render.timeline._page import (
    embed,
    page_file,
    reconciliation_sentence,
    render_series,
    render_timeline,
    render_timeline_page,
    report_timeline_files,
    series_files,
    series_files_of,
    timeline_to_draw,
)

__all__ = [
    "embed",
    "page_file",
    "reconciliation_sentence",
    "render_series",
    "render_timeline",
    "render_timeline_page",
    "report_timeline_files",
    "series_files",
    "series_files_of",
    "timeline_to_draw",
]
