"""Time to draw: iranmap's combined page against the hand-written Leaflet page, in turns.

Usage: python bench/drawtime.py [--visits N] [--marks] [--write]

``make bench`` runs :func:`measure` on the pages it made side by side (the result is
``draw_time`` in results.json). Run alone, for work on the page's speed, this script makes
both pages the same way, visits them in turns in headless Chromium, offline, and prints the
median time until the provinces are drawn and the ratio iranmap / hand-written page;
``--write`` also puts that result into results.json and RESULTS.md (the rest of the last run
is kept). ``--marks`` prints the median of the page's own ``performance`` marks (iranmap.js
sets ``im:*`` marks at each step), to see where the time goes.

Visiting the two pages in turns, rather than one page's visits then the other's, makes a
shared machine's drift hit both alike; the figure to read is the ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import page

#: Province shapes on iranmap's page (its simplified geodata/provinces.geojson).
IRANMAP_PROVINCES = 31


def measure(
    browser: Any, ours: Path, bare: Path, bare_provinces: int, visits: int
) -> dict[str, Any]:
    """Median time to draw of both pages, visited in turns after one warm-up visit each."""
    pages = ((ours, IRANMAP_PROVINCES), (bare, bare_provinces))
    for path, threshold in pages:
        page.visit(browser, path, count=page.PROVINCES, threshold=threshold)
    times: dict[Path, list[float]] = {ours: [], bare: []}
    for _ in range(visits):
        for path, threshold in pages:
            drawn = page.visit(browser, path, count=page.PROVINCES, threshold=threshold).drawn_ms
            if drawn is None:
                msg = f"{path.name} was not drawn within the wait"
                raise RuntimeError(msg)
            times[path].append(drawn)
    a, b = statistics.median(times[ours]), statistics.median(times[bare])
    return {
        "visits": visits,
        "iranmap_ms": round(a, 1),
        "iranmap_runs_ms": [round(x, 1) for x in times[ours]],
        "bare_ms": round(b, 1),
        "bare_runs_ms": [round(x, 1) for x in times[bare]],
        "ratio": round(a / b, 3),
    }


def marks(browser: Any, path: Path, visits: int) -> dict[str, float]:
    """The page's ``im:*`` performance marks, median of ``visits``, in ms from navigation."""
    seen: list[dict[str, float]] = []
    for _ in range(visits):
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        try:
            tab = context.new_page()
            tab.goto(path.resolve().as_uri(), wait_until="load")
            tab.wait_for_function("window.iranmap !== undefined")
            seen.append(
                tab.evaluate(
                    """() => Object.fromEntries(performance.getEntriesByType('mark')
                       .filter(m => m.name.startsWith('im:')).map(m => [m.name, m.startTime]))"""
                )
            )
        finally:
            context.close()
    return {name: round(statistics.median(s[name] for s in seen), 1) for name in seen[0]}


def _make_pages(out: Path) -> tuple[Path, Path, int]:
    """Both pages, made as ``make bench`` makes them, and the hand-written page's shapes."""
    import run

    inputs = run.prepare_inputs(run.WORK / "input")
    paths = inputs["paths"]
    out.mkdir(parents=True, exist_ok=True)
    ours, bare = out / "iranmap.html", out / "bare.html"
    peer_args = (paths["geometry"], paths["provinces"], paths["prisons"])
    subprocess.run(
        [run.PY, str(run.PEERS / "iranmap_combined.py"), str(run.REPORT), str(ours)], check=True
    )
    subprocess.run([run.PY, str(run.PEERS / "bare_page.py"), *peer_args, str(bare)], check=True)
    return ours, bare, int(inputs["peer_geometry"]["features"])


def _write(found: dict[str, Any]) -> None:
    import run
    from results import write_markdown

    path = run.BENCH / "results.json"
    results = json.loads(path.read_text(encoding="utf-8"))
    results["draw_time"] = found | {
        "measured": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "source": run.source_state(),
        "by": "bench/drawtime.py",
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }
    results["targets"] = run.targets(results)
    path.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    (run.BENCH / "RESULTS.md").write_text(write_markdown(results), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="iranmap's page against a hand-written one")
    parser.add_argument("--visits", type=int, default=15)
    parser.add_argument("--marks", action="store_true")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    import run

    ours, bare, shapes = _make_pages(run.WORK / "drawtime")
    with page.chromium() as browser:
        found = measure(browser, ours, bare, shapes, args.visits)
        if args.marks:
            for name, ms in marks(browser, ours, args.visits).items():
                print(f"  {name:<16} {ms:7.1f} ms")
    print(f"iranmap combined.html:     {found['iranmap_ms']:.1f} ms {found['iranmap_runs_ms']}")
    print(f"hand-written Leaflet page: {found['bare_ms']:.1f} ms {found['bare_runs_ms']}")
    print(f"ratio iranmap / hand-written: {found['ratio']:.2f}")
    if args.write:
        _write(found)
    return 0


if __name__ == "__main__":
    sys.exit(main())
