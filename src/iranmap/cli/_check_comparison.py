"""``iranmap check`` on a comparison folder: what it compares, its range, every problem."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from iranmap.cli._output import echo

if TYPE_CHECKING:
    from iranmap.comparisons import Comparison


def is_comparison(folder: Path) -> bool:
    from iranmap.comparisons import COMPARISON_FILE

    return (folder / COMPARISON_FILE).is_file()


def check_comparison(folder: Path, as_json: bool) -> None:
    """Print what the comparison in ``folder`` compares, or its problems; exit 1 on any."""
    from iranmap.comparisons import load_comparison, reports_root_for
    from iranmap.errors import InputError

    try:
        made = load_comparison(folder, reports_root_for(folder))
    except InputError as exc:
        if as_json:
            problems = [
                {"path": p.path, "line": p.line, "message": p.message} for p in exc.problems
            ]
            echo(json.dumps({"comparison": folder.resolve().name, "problems": problems}))
        else:
            for problem in exc.problems:
                echo(str(problem))
            count = len(exc.problems)
            echo(
                f"{count} problem{'' if count == 1 else 's'}; the comparison is not ready", err=True
            )
        sys.exit(1)
    if as_json:
        echo(json.dumps(_json(made), ensure_ascii=False))
    else:
        for line in comparison_lines(made):
            echo(line)


def comparison_lines(made: Comparison) -> list[str]:
    from iranmap import i18n
    from iranmap.render.sources import headline

    ids = [s.report.id for s in made.sources]
    itemized = sum(1 for p in made.provinces if p.sources)
    lines = [
        f"{'comparison':<13} {made.id}",
        f"{'compares':<13} {len(ids)} report{'' if len(ids) == 1 else 's'}: {', '.join(ids)}",
        f"{'range':<13} {headline(made, 'en')}",
        f"{'provinces':<13} {itemized} itemized by at least one source",
        f"{'window':<13} {i18n.period(*made.window, 'en')}",
    ]
    for s in made.sources:
        r = s.report
        total = f"{r.total:,}" if r.total_qualifier == "exactly" else f"at least {r.total:,}"
        lines.append(f"  {r.id}: {total} ({r.publisher}, {r.source_date.isoformat()})")
        if not s.in_window:
            window = i18n.period(r.period_start, r.period_end, "en")
            lines.append(f"    its window ({window}) differs: shown apart, not in the range")
        if s.listed.replaces is not None:
            lines.append(f"    used in place of {s.listed.replaces}, which it revises")
    return lines


def _json(made: Comparison) -> dict[str, Any]:
    from iranmap.render.sources import headline

    return {
        "comparison": made.id,
        "reports": [
            {
                "report": s.report.id,
                "total": s.report.total,
                "qualifier": s.report.total_qualifier,
                "in_window": s.in_window,
                "replaces": s.listed.replaces,
            }
            for s in made.sources
        ],
        "window": {"start": made.window[0].isoformat(), "end": made.window[1].isoformat()},
        "range": {"low": made.low.report.total, "high": made.high.report.total},
        "sentence": {"en": headline(made, "en"), "fa": headline(made, "fa")},
        "provinces": [
            {"iso": p.iso, "min": p.low, "max": p.high, "sources": p.sources}
            for p in made.provinces
        ],
        "problems": [],
    }
