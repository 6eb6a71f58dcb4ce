"""The timeline at scale: 1,000,000 synthetic events over three years (bench/synth.py).

Measures, each as the median of a few runs on this shared machine:

* cutting the joined report into its 36 monthly steps (``events_timeline``);
* rendering timeline.html (English) from those steps;
* rendering steps.svg and steps.png;
* opening timeline.html in headless Chromium, offline: from navigation start to the moment
  the timeline's script has restyled the map (``window.iranmap.timeline`` exists), and the
  time to switch to another step (set the slider, dispatch ``input``, next animation frame).

Run: ``.venv/bin/python bench/timeline.py [--rows N] [--runs K]``; prints Markdown for
bench/RESULTS.md. Data is written under bench/_work/ (never committed).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import synth  # noqa: E402
from iranmap.join import join  # noqa: E402
from iranmap.render import RenderOptions  # noqa: E402
from iranmap.render.multiples import multiples_svg, rasterise  # noqa: E402
from iranmap.render.timeline import render_timeline_page  # noqa: E402
from iranmap.reports import load_report  # noqa: E402
from iranmap.steps import events_timeline  # noqa: E402

CHROMIUM = "/usr/bin/chromium"


def timed(work: Callable[[], Any], runs: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def open_times(page: Path, runs: int) -> tuple[float, float, int]:
    """(ms to a restyled timeline, ms to switch step, requests other than file:/data:)."""
    from playwright.sync_api import sync_playwright

    opened, switched, requests = [], [], 0
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        for _ in range(runs + 1):  # the first visit warms the browser up
            context = browser.new_context(viewport={"width": 1100, "height": 900})
            tab = context.new_page()
            seen: list[str] = []
            tab.on(
                "request",
                lambda r, seen=seen: (
                    None if r.url.startswith(("file:", "data:")) else seen.append(r.url)
                ),
            )
            tab.goto(page.as_uri())
            tab.wait_for_function("window.iranmap && window.iranmap.timeline", timeout=30_000)
            ready = tab.evaluate("performance.now()")
            switch = tab.evaluate(
                """() => new Promise(done => {
                    const r = document.getElementById("tl-range");
                    const t0 = performance.now();
                    r.value = "3";
                    r.dispatchEvent(new Event("input"));
                    requestAnimationFrame(() => done(performance.now() - t0));
                })"""
            )
            opened.append(ready)
            switched.append(switch)
            requests += len(seen)
            context.close()
        browser.close()
    return statistics.median(opened[1:]), statistics.median(switched[1:]), requests


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    work = HERE / "_work" / "timeline"
    folder = work / f"events-{args.rows}"
    if not (folder / "events.csv").is_file():
        names = synth.gazetteer_names(HERE.parent / "geodata")
        synth.events_report(folder, args.rows, names)
    load_s, report = timed(lambda: load_report(folder), 1)
    join_s, joined = timed(lambda: join(report), 1)
    steps_s, timeline = timed(lambda: events_timeline(joined), args.runs)
    page_s, page = timed(lambda: render_timeline_page(timeline, RenderOptions()), args.runs)
    svg_s, svg = timed(lambda: multiples_svg(timeline, RenderOptions()), args.runs)
    png_s, _ = timed(lambda: rasterise(svg), 1)
    out = work / "timeline.html"
    out.write_bytes(page)
    open_ms, switch_ms, requests = open_times(out, args.runs)
    total = steps_s + page_s + svg_s + png_s
    print(f"## Timeline of {args.rows:,} events over three years (bench/timeline.py)\n")
    print(f"- {len(timeline.steps)} monthly steps, {len(timeline.places)} places")
    print(f"- read events.csv: {load_s:.2f} s; join: {join_s:.2f} s (done once by any build)")
    print(f"- steps (events_timeline): {steps_s:.2f} s")
    print(f"- timeline.html: {page_s:.2f} s ({len(page) / 1024:.1f} KB)")
    print(f"- steps.svg: {svg_s:.2f} s ({len(svg) / 1024:.1f} KB); steps.png: {png_s:.2f} s")
    print(f"- **timeline built in {total:.2f} s** (steps, page, SVG and PNG; target: under 10 s)")
    print(
        f"- **timeline.html opens in {open_ms:.0f} ms** in headless Chromium (to the restyled "
        f"map; target: under 2 s); a step switch takes {switch_ms:.0f} ms; "
        f"{requests} network requests"
    )


if __name__ == "__main__":
    main()
