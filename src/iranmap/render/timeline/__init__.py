"""The timeline: one step's choropleth and circles at a time, a slider, and the bars.

``_page`` makes the page and every file of a report's or a series' timeline; ``_view``
decides what each step shows (classes, circles, status), ``_controls`` the controls and
tables under the map, ``_data`` the page's embedded data for ``timeline.js``; ``text`` holds
the step names and dates in each language and calendar.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from iranmap import i18n

if TYPE_CHECKING:
    from iranmap.render.timeline._page import (
        embed,
        reconciliation_sentence,
        render_series,
        render_timeline,
        render_timeline_page,
        report_timeline_files,
        series_files,
        series_files_of,
        timeline_to_draw,
    )

#: The timeline page's file name before its language's suffix.
PAGE_STEM = "timeline"


def page_file(lang: i18n.Lang) -> str:
    """``timeline.html``, ``timeline.fa.html``."""
    return i18n.file_name(PAGE_STEM, lang)


def __getattr__(name: str) -> Any:
    """What makes a timeline (:mod:`._page`), imported when first asked for: the gallery, which
    only names the page, must not import what joins and draws it (pandas among them)."""
    if name in __all__:
        return getattr(importlib.import_module("iranmap.render.timeline._page"), name)
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


__all__ = [
    "PAGE_STEM",
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
