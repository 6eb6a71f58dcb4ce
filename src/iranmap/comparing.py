"""Comparison folders -> their files: ``OUT/comparisons/<id>/``.

Stage: ``comparisons/<id>/comparison.toml`` (beside the project's reports folder) ->
``sources.html``, ``sources.fa.html``, their embed snippets, ``sources.csv``,
``provinces.csv``, the chart's images and ``summary.json`` (which the gallery lists).
Like a report, a comparison that cannot be made keeps its previous files and carries its
error; the files are written with the same atomic, only-what-changed writes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from iranmap import i18n
from iranmap._galleries import COMPARISONS_DIR, SUMMARY_NAME
from iranmap._owned import outside, write_owned
from iranmap._results import SeriesResult
from iranmap._stamp import series_fingerprint, unchanged_outputs
from iranmap.errors import InputError, IranmapError, Problem, UnexpectedError
from iranmap.render import BuildOptions

#: A comparison's id: what may name a folder in OUT (the rule of a report's id).
_ID = re.compile(r"[a-z0-9_-][a-z0-9._-]*")
#: The folder in OUT that holds one folder per comparison.
OUT_DIR = COMPARISONS_DIR


@dataclass(frozen=True)
class ComparisonResult(SeriesResult):
    """What building one comparison did: its files, or the error that kept them as they were.

    ``id``: its folder relative to OUT, e.g. ``comparisons/2024``.
    """


def comparisons_root(reports_root: Path) -> Path:
    """Where a project's comparisons are: ``comparisons/`` beside its reports folder."""
    from iranmap.comparisons import COMPARISONS_DIR

    return reports_root.parent / COMPARISONS_DIR


def comparison_files(
    folder: Path, reports_root: Path, options: BuildOptions | None = None
) -> dict[str, bytes]:
    """Every file of one comparison's output folder, by name, in each language of
    ``options`` (its base URL names the pages in the embed snippets and link previews).
    Raises IranmapError."""
    from iranmap.comparisons import load_comparison
    from iranmap.comparisons._downloads import provinces_csv, sources_csv
    from iranmap.render.embed import frame_name, frame_snippet
    from iranmap.render.options import page_url
    from iranmap.render.sources import page_name, render_sources, title
    from iranmap.render.static.sources import render_images

    options = BuildOptions() if options is None else options
    langs, base_url = options.langs, options.render.base_url
    comparison = load_comparison(folder, reports_root)
    cid = f"{OUT_DIR}/{comparison.id}"
    files: dict[str, bytes] = {}
    for lang in langs:
        name = page_name(lang)
        files[name] = render_sources(comparison, lang, base_url=base_url, folder=cid)
        snippet = frame_snippet(
            frame_name(f"{OUT_DIR}-{comparison.id}", "sources", lang),
            page_url(base_url, cid, name),
            title(comparison, lang),
        )
        files[i18n.file_name("sources", lang, "embed.html")] = snippet
    files["sources.csv"] = sources_csv(comparison)
    files["provinces.csv"] = provinces_csv(comparison)
    files.update(render_images(comparison, langs))
    files[SUMMARY_NAME] = _json(_summary(comparison, cid, sorted(files)))
    return files


def _summary(comparison: Any, cid: str, files: list[str]) -> dict[str, Any]:
    from iranmap.render.sources import headline

    spec = comparison.spec
    start, end = comparison.window
    return {
        "id": cid,
        "kind": "comparison",
        "title": spec.title,
        "title_fa": spec.title_fa,
        "calendar": comparison.high.report.calendar,
        "period": {"start": start.isoformat(), "end": end.isoformat()},
        "reports": [s.report.id for s in comparison.sources],
        "sentence": {"en": headline(comparison, "en"), "fa": headline(comparison, "fa")},
        "files": sorted([*files, SUMMARY_NAME]),
    }


def _json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()


def reports_root_of(report_dirs: Sequence[Path]) -> Path | None:
    """The one folder holding every report of a build, or None when they lie in several."""
    parents = {Path(d).resolve().parent for d in report_dirs}
    return parents.pop() if len(parents) == 1 else None


def comparisons_of(
    report_dirs: Sequence[Path], whole_only: bool = False
) -> tuple[list[Path], list[str]]:
    """The comparison folders a build of ``report_dirs`` writes, and a warning for each one
    it leaves out because only some of its reports are built.

    A comparison is written when one of the reports it sets side by side (as listed, or the
    revision that replaces one) is among ``report_dirs``: a build never remakes a comparison
    none of whose reports it builds. With ``whole_only`` (reports named and built elsewhere,
    as for a series), it is written only when every report it shows is among them. A
    comparison.toml that cannot be read is always written, so that its build says why.
    """
    from iranmap.comparisons import comparison_folders
    from iranmap.comparisons._spec import read_spec

    reports_root = reports_root_of(report_dirs)
    if reports_root is None:
        return [], []
    built = {folder.name for folder in report_dirs}
    kept: list[Path] = []
    left: list[str] = []
    for folder in comparison_folders(comparisons_root(reports_root)):
        spec, problems = read_spec(folder, reports_root)
        if spec is None or problems:
            kept.append(folder)
            continue
        shown = {item.folder.name for item in spec.reports}
        if not built & (shown | {item.listed for item in spec.reports}):
            continue
        missing = sorted(shown - built)
        if whole_only and missing:
            count = len(shown) - len(missing)
            left.append(
                f"{OUT_DIR}/{folder.name} was not written: {count} of its {len(shown)} reports "
                f"{'was' if count == 1 else 'were'} named ({', '.join(missing)} not); "
                f"{COMPARISON_ASK}"
            )
            continue
        kept.append(folder)
    return kept, left


#: What to do about a comparison left out, in the library's words (the CLI names its option).
COMPARISON_ASK = "name all of them to build it, or ask for the series and comparisons"


def build_comparisons(
    report_dirs: Sequence[Path],
    out_root: Path,
    options: BuildOptions | None = None,
    *,
    force: bool = False,
    folders: Sequence[Path] | None = None,
) -> tuple[ComparisonResult, ...]:
    """Write the files of the comparisons of the project whose reports are ``report_dirs``
    (none when they lie in several folders) that set one of them side by side
    (``folders``; by default :func:`comparisons_of` them). As for a report, only files
    iranmap wrote are replaced or removed (:mod:`iranmap._owned`, unless ``force``), and a
    problem of one comparison, any exception included, is that comparison's error alone."""
    reports_root = reports_root_of(report_dirs)
    if reports_root is None:
        return ()
    results = []
    for folder in comparisons_of(report_dirs)[0] if folders is None else folders:
        cid = f"{OUT_DIR}/{folder.name}"
        out_dir = out_root / OUT_DIR / folder.name
        if not _ID.fullmatch(folder.name):
            msg = (
                f"a comparison's id is its folder's name, and {folder.name!r} cannot be one: "
                "use only lowercase letters a-z, digits 0-9, '-', '_' and '.' (not first)"
            )
            results.append(
                ComparisonResult(cid, out_dir, error=InputError(Problem(str(folder), None, msg)))
            )
            continue
        # A comparison depends on its folder and on every report beside the ones it lists
        # (any of them may revise one it lists): unchanged, nothing is drawn again.
        depends = [folder, *sorted(p.parent for p in reports_root.glob("*/report.toml"))]
        digest = series_fingerprint(depends, options or BuildOptions())
        unchanged = unchanged_outputs(out_dir, digest)
        if unchanged is not None:
            results.append(ComparisonResult(cid, out_dir, unchanged[0]))
            continue
        try:
            if (link := outside(out_root, out_dir)) is not None:
                msg = (
                    f"{link} is a symbolic link, and iranmap writes only inside the output "
                    "folder; remove the link, or choose another output folder"
                )
                raise InputError(Problem(str(link), None, msg))
            files = comparison_files(folder, reports_root, options)
            written = write_owned(out_dir, files, digest.value, (), f"comparison {cid}", force)
        except IranmapError as exc:
            results.append(ComparisonResult(cid, out_dir, error=exc))
            continue
        except Exception as exc:  # one comparison's bug must not stop the others
            error = UnexpectedError(str(folder / "comparison.toml"), exc)
            results.append(ComparisonResult(cid, out_dir, error=error))
            continue
        results.append(ComparisonResult(cid, out_dir, written))
    return tuple(results)


def project_comparisons(
    report_dirs: Sequence[Path],
    out_root: Path,
    options: BuildOptions | None = None,
    whole_only: bool = False,
) -> tuple[list[str], list[ComparisonResult]]:
    """What :func:`build_comparisons` would change, without writing: (differing paths,
    failed comparisons)."""
    from iranmap.output import read_output

    differ: list[str] = []
    failed: list[ComparisonResult] = []
    reports_root = reports_root_of(report_dirs)
    if reports_root is None:
        return differ, failed
    for folder in comparisons_of(report_dirs, whole_only)[0]:
        out_dir = out_root / OUT_DIR / folder.name
        try:
            files = comparison_files(folder, reports_root, options)
        except IranmapError as exc:
            failed.append(ComparisonResult(f"{OUT_DIR}/{folder.name}", out_dir, error=exc))
            continue
        except Exception as exc:  # one comparison's bug must not stop the check of the rest
            error = UnexpectedError(str(folder / "comparison.toml"), exc)
            failed.append(ComparisonResult(f"{OUT_DIR}/{folder.name}", out_dir, error=error))
            continue
        differ.extend(
            str(out_dir / n) for n, d in sorted(files.items()) if read_output(out_dir / n) != d
        )
    return differ, failed
