"""Joined figures -> map pages: values in, file contents out; nothing here touches the disk.

:func:`render_report` gives every file of a report's map folder as bytes, so that the build
can compare and write them atomically, and tests can read them without a file system. The
same input always gives the same bytes.

Importing this package is cheap (the CLI imports :class:`RenderOptions` to parse options);
the renderers and their heavy dependencies load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from iranmap.render.options import (
    KINDS,
    MEASURES,
    BuildOptions,
    Kind,
    Measure,
    RenderOptions,
    page_name,
)

if TYPE_CHECKING:
    from iranmap.join import Joined


def render_map(joined: Joined, kind: Kind, options: RenderOptions) -> bytes:
    """One map page (``kind``: "choropleth", "points" or "combined") as UTF-8 bytes."""
    from iranmap.render.page import render_page

    return render_page(joined, kind, options)


def kinds_for(joined: Joined) -> tuple[Kind, ...]:
    """The kinds of map a report can fill, in KINDS order.

    The choropleth always (even a report that itemizes nothing shows its total and every
    province as not itemized); the points and combined maps only when some prison is on the
    map: without one, the points map would be empty and the combined one the choropleth.
    """
    has_prisons = len(joined.prison_rows) > 0
    return tuple(kind for kind in KINDS if kind == "choropleth" or has_prisons)


def render_report(joined: Joined, options: RenderOptions) -> dict[str, bytes]:
    """Every map file of a report, by name relative to its folder.

    For each kind the report can fill (:func:`kinds_for`): in English ``<kind>.html`` and the
    embed snippet ``<kind>.embed.html``; in Persian ``<kind>.fa.html`` and
    ``<kind>.fa.embed.html``, so that both languages can sit in one folder.
    """
    from iranmap.render.embed import embed_name, embed_snippet
    from iranmap.render.page import render_page

    files: dict[str, bytes] = {}
    for kind in kinds_for(joined):
        files[page_name(kind, options.lang)] = render_page(joined, kind, options)
        files[embed_name(kind, options.lang)] = embed_snippet(joined, kind, options)
    return files


__all__ = [
    "KINDS",
    "MEASURES",
    "BuildOptions",
    "Kind",
    "Measure",
    "RenderOptions",
    "kinds_for",
    "page_name",
    "render_map",
    "render_report",
]
