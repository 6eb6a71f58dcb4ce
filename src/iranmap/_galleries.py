"""The gallery of an output folder, in each language: from the ``summary.json`` of every
report (``OUT/<id>/``) and series (``OUT/series/<name>/``) found there."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from iranmap.i18n import Lang
from iranmap.output import FileResult, sync_file
from iranmap.render import BuildOptions, RenderOptions

#: Written beside each report's maps; the gallery is built from these, so a report that
#: fails keeps its old entry along with its old maps.
SUMMARY_NAME = "summary.json"
#: The folder in OUT that holds one folder per series (never a report's).
SERIES_DIR = "series"


def series_folder(name: str) -> str:
    """The folder of a series' maps (``OUT/series/<folder>/``): its name, lower case, with
    anything but letters and digits turned into single hyphens."""
    slug = re.sub(r"[^0-9a-z]+", "-", name.casefold()).strip("-")
    return slug or "series"


#: The folder in OUT that holds one folder per comparison of sources.
COMPARISONS_DIR = "comparisons"


def write_galleries(
    out_root: Path, options: BuildOptions, *, force: bool = False
) -> tuple[tuple[FileResult, ...], tuple[str, ...]]:
    """Write the gallery in each language of the build and the output folder's
    ``.gitignore``, noted in its build stamp: what each write did, and what the galleries
    left out (see :func:`gallery`) or could not write (a file iranmap did not write in the
    way: see :mod:`iranmap._owned`; ``force`` replaces it)."""
    from iranmap._owned import (
        GITIGNORE_NAME,
        BlockedError,
        blocking,
        gitignore_files,
        merged,
        owned_names,
    )
    from iranmap._stamp import write_stamp

    left_out: dict[str, None] = {}
    files: dict[str, bytes] = {}
    for lang, path in gallery_paths(out_root, options.langs):
        page, missing = gallery(out_root, options.page(lang))
        files[path.name] = page
        left_out.update(dict.fromkeys(missing))
    files.update(gitignore_files(out_root))
    blocked = [] if force else blocking(out_root, files, "the gallery", gallery=True)
    if blocked:
        kept = {p.name for p, _ in blocked}
        files = {name: data for name, data in files.items() if name not in kept}
        left_out.update(dict.fromkeys(str(BlockedError(blocked)).splitlines()))
    written = [sync_file(out_root / name, data) for name, data in files.items()]
    written = [w for w in written if w.path.name != GITIGNORE_NAME]  # no output to list
    write_stamp(out_root, "gallery", merged(owned_names(out_root), files, out_root), ())
    return tuple(written), tuple(left_out)


def gallery_paths(out_root: Path, langs: Sequence[Lang]) -> list[tuple[Lang, Path]]:
    """Each language of ``langs`` and where its gallery goes."""
    from iranmap.render.gallery import gallery_name

    return [(lang, out_root / gallery_name(lang)) for lang in langs]


def index_page(out_root: Path, options: RenderOptions) -> bytes:
    """The gallery of every report and series under ``out_root``, in ``options.lang``, from
    their ``summary.json`` files."""
    return gallery(out_root, options)[0]


def gallery(out_root: Path, options: RenderOptions) -> tuple[bytes, tuple[str, ...]]:
    """The gallery page, and a warning for each ``summary.json`` it had to leave out (one
    iranmap did not write, or that is broken): the gallery never fails for a stray file."""
    from iranmap.render.gallery import render_gallery

    summaries: list[Mapping[str, Any]] = []
    left_out: list[str] = []
    if out_root.is_dir():
        found = [
            *out_root.glob(f"*/{SUMMARY_NAME}"),
            *out_root.glob(f"{SERIES_DIR}/*/{SUMMARY_NAME}"),
            *out_root.glob(f"{COMPARISONS_DIR}/*/{SUMMARY_NAME}"),
        ]
        for path in sorted(found):
            reason = _summary_problem(path, path.parent.relative_to(out_root).as_posix(), options)
            if reason is None:
                summaries.append(json.loads(path.read_text(encoding="utf-8")))
            else:
                left_out.append(
                    f"{path}: {reason}; the gallery leaves it out: build that report again, "
                    "or remove its folder"
                )
    return render_gallery(latest_first(summaries), options), tuple(left_out)


def latest_first(summaries: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Comparisons first, then the reports in their order, except that a report revised by
    another comes right after the one revising it (the latest of a chain first), marked
    with ``revised_by``."""
    ids = {str(s.get("id")) for s in summaries}
    revised_by = {
        str(s["revises"]): str(s["id"])
        for s in summaries
        if s.get("revises") and str(s["revises"]) in ids
    }
    by_id = {str(s.get("id")): s for s in summaries}
    ordered: list[Mapping[str, Any]] = [s for s in summaries if s.get("kind") == "comparison"]
    placed = {str(s.get("id")) for s in ordered}

    def place(summary: Mapping[str, Any]) -> None:
        sid = str(summary.get("id"))
        if sid in placed:
            return
        placed.add(sid)
        later = revised_by.get(sid)
        ordered.append({**summary, "revised_by": later} if later else summary)
        earlier = summary.get("revises")
        if earlier and str(earlier) in by_id:
            place(by_id[str(earlier)])

    for summary in summaries:
        if str(summary.get("id")) not in revised_by:
            place(summary)
    for summary in summaries:  # a chain that loops has no latest: keep its reports anyway
        place(summary)
    return ordered


def _summary_problem(path: Path, expected: str, options: RenderOptions) -> str | None:
    """Why the gallery cannot list the summary at ``path`` (whose id must be ``expected``:
    the report's folder, or ``series/<folder>`` for a series), or None when it can."""
    from iranmap.render.gallery import render_gallery

    try:
        summary = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        return f"cannot be read ({exc.strerror or type(exc).__name__})"
    except ValueError as exc:
        return f"is not JSON ({exc})"
    if not isinstance(summary, dict) or summary.get("id") != expected:
        return f"is not the summary of report {expected!r}"
    try:
        render_gallery([summary], options)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        return f"lacks what the gallery shows ({type(exc).__name__}: {exc})"
    return None
