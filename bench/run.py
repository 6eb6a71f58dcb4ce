"""``make bench``: iranmap side by side with folium and geopandas ``explore()``, and at scale.

Writes ``bench/results.json`` (every figure) and ``bench/RESULTS.md`` (the same, for
reading). Scratch files (peer inputs, synthetic reports, built maps, logs, npm packages) go to
``bench/_work/``, which git ignores. See ``bench/README.md`` for what is measured and why.

``--quick`` runs each measurement once on small sizes, to try the harness (its results are
not written to RESULTS.md unless ``--write`` is given).
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import io
import itertools
import json
import os
import shutil
import subprocess
import sys
import tarfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import cdn
import drawtime
import machine
import naturalearth
import page
import proc
import synth
from results import write_markdown

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
WORK = BENCH / "_work"
PEERS = BENCH / "peers"
PY = sys.executable
IRANMAP = str(Path(sys.executable).parent / "iranmap")
ENV = shutil.which("env") or "/usr/bin/env"  # the launcher spawns a path, not a name
REPORT = REPO / "geodata" / "reports" / "2024-ncri"
#: The cache folder of the runs (iranmap keeps what it makes from its reference data there):
#: a user's second run on finds it; a first run after installing does not (NOTHING_KEPT).
KEPT = WORK / "kept"
NOTHING_KEPT = WORK / "kept-nothing"
SNAPSHOT = WORK / "snapshot"
#: The hand-written page (``peers/bare_page.py``): what iranmap's page is timed against.
BARE = "hand-written Leaflet page"


@dataclass(frozen=True)
class Plan:
    """How many times each thing runs: chosen so `make bench` stays under 10 minutes."""

    process_runs: int
    page_runs: int
    scale_runs: int
    scale_sizes: tuple[int, ...]
    rebuild_runs: int
    places: int


FULL = Plan(
    process_runs=7,
    page_runs=9,
    scale_runs=5,
    scale_sizes=(1_000, 10_000, 100_000, 1_000_000),
    rebuild_runs=3,
    places=10_000,
)
QUICK = Plan(
    process_runs=1,
    page_runs=1,
    scale_runs=1,
    scale_sizes=(1_000, 10_000),
    rebuild_runs=1,
    places=1_000,
)


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def rel(path: Path) -> str:
    """A path as RESULTS.md may show it: relative to the repository, never this machine's.

    A path inside the snapshot (``BENCH_SNAPSHOT=1``) is shown as the repository path it
    was exported from.
    """
    for root in (SNAPSHOT, REPO):
        try:
            return str(path.resolve().relative_to(root.resolve()))
        except ValueError:
            continue
    return path.name


def source_state() -> dict[str, Any]:
    """Which iranmap was measured: the commit, and whether src/ or geodata/ had edits."""

    def git(*args: str) -> str:
        out = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=False)
        return out.stdout.strip()

    return {
        "commit": git("rev-parse", "--short=12", "HEAD") or None,
        "uncommitted_changes": bool(git("status", "--porcelain", "--", "src", "geodata")),
    }


def use_snapshot() -> None:
    """Measure the committed HEAD instead of the working tree (``BENCH_SNAPSHOT=1``).

    For a working tree that others are editing while the benchmark runs: ``git archive``
    exports HEAD's ``src/`` and ``geodata/`` to ``bench/_work/snapshot/``, and every child
    process (and this one) imports iranmap from there through PYTHONPATH, which comes before
    the editable install on ``sys.path``.
    """
    global REPORT
    shutil.rmtree(SNAPSHOT, ignore_errors=True)
    SNAPSHOT.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "archive", "--format=tar", "HEAD", "src", "geodata"],
        cwd=REPO,
        capture_output=True,
        check=True,
    )
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(SNAPSHOT, filter="data")
    src = str(SNAPSHOT / "src")
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (src, os.environ.get("PYTHONPATH")) if p)
    sys.path.insert(0, src)
    REPORT = SNAPSHOT / "geodata" / "reports" / "2024-ncri"


def compile_iranmap() -> None:
    """Byte-compile the iranmap being measured, as ``pip install`` does for an installed
    package and for every peer. An editable install is otherwise compiled again on each run
    where ``PYTHONDONTWRITEBYTECODE`` is set (about 0.1 s), which no user's install pays."""
    import compileall

    spec = importlib.util.find_spec("iranmap")
    assert spec is not None and spec.origin is not None
    compileall.compile_dir(Path(spec.origin).parent, quiet=1)


def reset(*folders: Path) -> Callable[[], None]:
    def clear() -> None:
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)

    return clear


def sizes(html: Path) -> dict[str, int]:
    data = html.read_bytes()
    return {"html_bytes": len(data), "gzip_bytes": len(gzip.compress(data, 9, mtime=0))}


# ---------------------------------------------------------------------------------------------
# inputs


def prepare_inputs(folder: Path) -> dict[str, Any]:
    """The shipped 2024 report's figures as the peers read them, and their geometry.

    The figures come from iranmap's own join, so every tool maps the same numbers: province
    totals (by HASC code, the key Natural Earth carries) and prison points with coordinates.
    """
    import pandas as pd

    from iranmap.join import join
    from iranmap.paths import geodata_dir
    from iranmap.reports import load_report

    folder.mkdir(parents=True, exist_ok=True)
    joined = join(load_report(REPORT))
    table = pd.read_csv(geodata_dir() / "provinces.csv", dtype=str, keep_default_na=False)
    hasc = dict(zip(table["iso"], table["hasc"], strict=True))
    provinces = joined.provinces[joined.provinces["executions"].notna()]
    peer_provinces = pd.DataFrame(
        {
            "hasc": [hasc[iso] for iso in provinces["iso"]],
            "name": provinces["name_en"].to_list(),
            "executions": provinces["executions"].astype("int64").to_list(),
        }
    )
    prisons = joined.prisons
    peer_prisons = pd.DataFrame(
        {
            "name": prisons["name_en"].to_list(),
            "lat": [round(point.y, 5) for point in prisons["geometry"]],
            "lon": [round(point.x, 5) for point in prisons["geometry"]],
            "executions": prisons["executions"].astype("int64").to_list(),
        }
    )
    provinces_csv = folder / "provinces.csv"
    prisons_csv = folder / "prisons.csv"
    peer_provinces.to_csv(provinces_csv, index=False, lineterminator="\n")
    peer_prisons.to_csv(prisons_csv, index=False, lineterminator="\n")
    geometry = folder / "natural-earth-provinces.geojson"
    facts = naturalearth.peer_geometry(naturalearth.fetch(WORK), geometry)
    ne = json.loads(geometry.read_text(encoding="utf-8"))
    ne_codes = {f["properties"]["hasc"] for f in ne["features"]}
    missing = sorted(set(peer_provinces["hasc"]) - ne_codes)
    if missing:
        msg = f"Natural Earth has no province with HASC code {missing}; the peers would drop them"
        raise SystemExit(msg)
    shipped = geodata_dir() / "provinces.geojson"
    return {
        "report": rel(REPORT),
        "total": joined.reconciliation.reported_total,
        "itemized": joined.reconciliation.itemized_by_province,
        "provinces_with_figures": len(peer_provinces),
        "prisons_mapped": len(peer_prisons),
        "peer_geometry": facts,
        "iranmap_geometry": {
            "file": "geodata/provinces.geojson",
            "features": len(joined.provinces),
            "bytes": shipped.stat().st_size,
        },
        "paths": {
            "geometry": str(geometry),
            "provinces": str(provinces_csv),
            "prisons": str(prisons_csv),
        },
    }


# ---------------------------------------------------------------------------------------------
# side by side


@dataclass(frozen=True)
class Tool:
    name: str
    argv: tuple[str, ...]
    html: Path
    before: Callable[[], None] | None
    kind: str  # "iranmap", "peer", or "floor" (the hand-written page: no library, no CDN)
    geometry: str
    provinces: int  # province shapes on its page (what "drawn" waits for)


def tools(inputs: dict[str, Any], out: Path) -> list[Tool]:
    paths = inputs["paths"]
    peer_args = (paths["geometry"], paths["provinces"], paths["prisons"])
    ne = inputs["peer_geometry"]
    ne_text = f"Natural Earth, unsimplified ({ne['features']} features, {ne['vertices']} vertices)"
    ours = inputs["iranmap_geometry"]
    own_text = (
        f"iranmap's shipped simplified geodata/provinces.geojson ({ours['features']} features)"
    )
    build_out = out / "iranmap-build"
    listed = [
        Tool(
            "iranmap build",
            (IRANMAP, "build", str(REPORT), "--out", str(build_out)),
            build_out / REPORT.name / "combined.html",
            reset(build_out),
            "iranmap",
            own_text,
            ours["features"],
        ),
        Tool(
            "iranmap build, nothing kept",
            (
                ENV,  # with a relative folder: RESULTS.md names no path of this machine
                f"IRANMAP_CACHE_DIR={NOTHING_KEPT.relative_to(REPO).as_posix()}",
                IRANMAP,
                "build",
                str(REPORT),
                "--out",
                str(out / "iranmap-build-nothing-kept"),
            ),
            out / "iranmap-build-nothing-kept" / REPORT.name / "combined.html",
            reset(out / "iranmap-build-nothing-kept", NOTHING_KEPT),
            "iranmap",
            own_text,
            ours["features"],
        ),
        Tool(
            "iranmap combined.html only",
            (PY, str(PEERS / "iranmap_combined.py"), str(REPORT), str(out / "iranmap.html")),
            out / "iranmap.html",
            None,
            "iranmap",
            own_text,
            ours["features"],
        ),
        Tool(
            "folium",
            (PY, str(PEERS / "folium_map.py"), *peer_args, str(out / "folium.html")),
            out / "folium.html",
            None,
            "peer",
            ne_text,
            ne["features"],
        ),
        Tool(
            "geopandas explore()",
            (PY, str(PEERS / "explore_map.py"), *peer_args, str(out / "explore.html")),
            out / "explore.html",
            None,
            "peer",
            ne_text,
            ne["features"],
        ),
    ]
    listed.append(
        Tool(
            BARE,
            (PY, str(PEERS / "bare_page.py"), *peer_args, str(out / "bare.html")),
            out / "bare.html",
            None,
            "floor",
            ne_text,
            ne["features"],
        )
    )
    if importlib.util.find_spec("plotly") is not None:
        listed.append(
            Tool(
                "plotly choropleth_map",
                (PY, str(PEERS / "plotly_map.py"), *peer_args, str(out / "plotly.html")),
                out / "plotly.html",
                None,
                "peer",
                ne_text,
                ne["features"],
            )
        )
    return listed


def run_round_robin(listed: Sequence[Tool], runs: int) -> dict[str, proc.Summary]:
    """Each tool once per round, rounds repeated: slow drift of a shared machine hits all."""
    done: dict[str, list[proc.Run]] = {t.name: [] for t in listed}
    for round_no in range(runs):
        for tool in listed:
            if tool.before is not None:
                tool.before()
            # A build is also timed to its first page: the file it writes and then removes
            # before each run.
            watch = tool.html if tool.before is not None else None
            logfile = WORK / "logs" / f"{_slug(tool.name)}.log"
            run = proc.run_once(tool.argv, log=logfile, cwd=REPO, watch=watch)
            done[tool.name].append(run)
        log(f"  round {round_no + 1}/{runs} done")
    return {name: proc.Summary(tuple(r)) for name, r in done.items()}


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")


def side_by_side(
    plan: Plan, inputs: dict[str, Any], browser: Any, assets: Any, origin: dict[str, str]
) -> dict[str, Any]:
    out = WORK / "side-by-side"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    listed = tools(inputs, out)
    log(f"side by side: {', '.join(t.name for t in listed)}; {plan.process_runs} runs each")
    timings = run_round_robin(listed, plan.process_runs)
    rows: dict[str, Any] = {}
    for tool in listed:
        log(f"  browser: {tool.name}")
        offline = page.measure(
            browser,
            tool.html,
            count=page.PROVINCES,
            threshold=tool.provinces,
            runs=plan.page_runs,
            wait_ms=5000,
        )
        online = None
        if tool.kind == "peer":
            online = page.measure(
                browser,
                tool.html,
                count=page.PROVINCES,
                threshold=tool.provinces,
                runs=plan.page_runs,
                assets=assets,
            )
        rows[tool.name] = {
            "kind": tool.kind,
            "command": _shown_command(tool.argv),
            "geometry": tool.geometry,
            "process": timings[tool.name].to_dict(),
            **sizes(tool.html),
            "offline": offline.to_dict(),
            "cdn_local": None if online is None else online.to_dict(),
        }
    build_dir = listed[0].html.parent
    rows[listed[0].name]["files_written"] = sum(1 for p in build_dir.rglob("*") if p.is_file())
    same = (out / "iranmap.html").read_bytes() == listed[0].html.read_bytes()
    return {
        "tools": rows,
        "iranmap_pages_identical": same,
        "cdn_sources": dict(sorted(origin.items())),
        "ratios": ratios(rows),
    }


def _shown_command(argv: Sequence[str]) -> str:
    shown = []
    for arg in argv:
        path = Path(arg)
        if arg == PY:
            shown.append("python")
        elif arg == IRANMAP:
            shown.append("iranmap")
        elif arg == ENV:
            shown.append("env")
        elif path.is_absolute():
            shown.append(rel(path))
        else:
            shown.append(arg)
    return " ".join(shown)


def ratios(rows: dict[str, Any]) -> dict[str, dict[str, dict[str, float | None]]]:
    """iranmap / peer for every figure: below 1 means iranmap is faster, smaller or lighter."""
    metrics: dict[str, Callable[[dict[str, Any]], float | None]] = {
        "wall_time": lambda r: r["process"]["median_s"],
        "peak_memory": lambda r: r["process"]["peak_rss_mb"],
        "html_bytes": lambda r: r["html_bytes"],
        "gzip_bytes": lambda r: r["gzip_bytes"],
        "drawn_ms": lambda r: (r["cdn_local"] or r["offline"])["drawn_ms"],
    }
    out: dict[str, dict[str, dict[str, float | None]]] = {}
    for ours, our_row in rows.items():
        if our_row["kind"] != "iranmap":
            continue
        for peer, peer_row in rows.items():
            if peer_row["kind"] not in ("peer", "floor"):
                continue
            key = f"{ours} / {peer}"
            out[key] = {}
            for metric, get in metrics.items():
                mine, theirs = get(our_row), get(peer_row)
                value = None if not mine or not theirs else round(mine / theirs, 3)
                out[key][metric] = value
    return out


# ---------------------------------------------------------------------------------------------
# scale


def placeable_names() -> tuple[list[synth.PrisonName], list[str]]:
    """The gazetteer's unambiguous prison names that iranmap's geocoder places, and the rest.

    A name the gazetteer lists as this prison's alone but the geocoder does not place as
    "matched" would make every build fail; it is left out of the events and reported.
    """
    from iranmap.gazetteer import load_gazetteer
    from iranmap.geocode import Geocoder
    from iranmap.paths import geodata_dir

    geocoder = Geocoder(load_gazetteer())
    names = synth.gazetteer_names(geodata_dir())
    placed = [n for n in names if geocoder.place(n.name).status == "matched"]
    dropped = sorted({n.name for n in names} - {n.name for n in placed})
    return placed, dropped


def scale(plan: Plan) -> dict[str, Any]:
    """Cold builds of each size, round robin (every size once per round) against drift."""
    names, dropped = placeable_names()
    if dropped:
        log(f"  {len(dropped)} gazetteer names the geocoder does not place: {dropped}")
    generated: dict[int, float] = {}
    for n in plan.scale_sizes:
        folder = WORK / "scale" / f"events-{n}"
        shutil.rmtree(folder, ignore_errors=True)
        start = time.perf_counter()
        synth.events_report(folder, n, names)
        generated[n] = time.perf_counter() - start
    done: dict[int, list[proc.Run]] = {n: [] for n in plan.scale_sizes}
    for round_no in range(plan.scale_runs):
        for n in plan.scale_sizes:
            folder = WORK / "scale" / f"events-{n}"
            out = WORK / "scale-out" / f"events-{n}"
            shutil.rmtree(out, ignore_errors=True)
            argv = (IRANMAP, "build", str(folder), "--out", str(out))
            run = proc.run_once(argv, log=WORK / "logs" / f"scale-{n}.log", cwd=REPO)
            done[n].append(run)
        log(f"  round {round_no + 1}/{plan.scale_runs} done")
    rows = []
    for n in plan.scale_sizes:
        summary = proc.Summary(tuple(done[n]))
        rows.append(
            {
                "rows": n,
                "csv_bytes": (WORK / "scale" / f"events-{n}" / "events.csv").stat().st_size,
                "generate_s": round(generated[n], 2),
                **summary.to_dict(),
            }
        )
        log(f"  {n:>9,} rows: {summary.seconds:.2f} s, {summary.peak_rss_mb:.0f} MB")
    return {
        "prisons_named": len(names),
        "names_not_placed": dropped,
        "events": rows,
        "growth": growth(rows),
    }


def growth(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Between consecutive sizes: how time and memory grow, and the cost of each extra row.

    Linear growth shows as a steady cost per extra 1,000 rows once fixed costs (imports,
    geodata, rendering) stop dominating; a cost per row that rises with size is worse than
    linear.
    """
    steps = []
    for small, big in itertools.pairwise(rows):
        extra = big["rows"] - small["rows"]
        steps.append(
            {
                "from": small["rows"],
                "to": big["rows"],
                "time_ratio": round(big["median_s"] / small["median_s"], 2),
                "cpu_ratio": round(big["cpu_s"] / small["cpu_s"], 2),
                "memory_ratio": round(big["peak_rss_mb"] / small["peak_rss_mb"], 2),
                "ms_per_1k_extra_rows": round(
                    1000 * (big["median_s"] - small["median_s"]) / extra * 1000, 3
                ),
                "cpu_ms_per_1k_extra_rows": round(
                    1000 * (big["cpu_s"] - small["cpu_s"]) / extra * 1000, 3
                ),
                "mb_per_100k_extra_rows": round(
                    (big["peak_rss_mb"] - small["peak_rss_mb"]) / extra * 100_000, 2
                ),
            }
        )
    return steps


def rebuild(plan: Plan, results: dict[str, Any]) -> list[dict[str, Any]]:
    """A build with nothing changed (every output up to date) against a full build.

    The full builds are the ones already measured (side by side, and the largest scale
    size), whose output folders are still in place: the same command is run again on them.
    """
    cases = [
        (
            REPORT,
            WORK / "side-by-side" / "iranmap-build",
            results["side_by_side"]["tools"]["iranmap build"]["process"],
        )
    ]
    if "error" not in results["scale"]:
        largest = results["scale"]["events"][-1]
        name = f"events-{largest['rows']}"
        cases.append((WORK / "scale" / name, WORK / "scale-out" / name, largest))
    rows = []
    for folder, out, full in cases:
        argv = (IRANMAP, "build", str(folder), "--out", str(out))
        logfile = WORK / "logs" / f"rebuild-{folder.name}.log"
        # One uncounted build first: every file is then up to date even if iranmap's code
        # changed since the full builds (the build fingerprints its own code).
        proc.run_once(argv, log=logfile, cwd=REPO)
        again = proc.measure(argv, runs=plan.rebuild_runs, log=logfile, cwd=REPO)
        said = logfile.read_text(encoding="utf-8", errors="replace")
        rows.append(
            {
                "report": rel(folder),
                "full": {k: full[k] for k in ("median_s", "min_s", "max_s", "peak_rss_mb")},
                "unchanged": again.to_dict(),
                "ratio": round(again.seconds / full["median_s"], 3),
                "said_up_to_date": "up to date" in said,
            }
        )
        log(f"  rebuild {folder.name}: {again.seconds:.2f} s vs full {full['median_s']:.2f} s")
    return rows


def points(plan: Plan, browser: Any) -> dict[str, Any]:
    """A points map of many distinct places, built by iranmap and drawn in Chromium."""
    import geopandas as gpd

    from iranmap.paths import geodata_dir

    polygons = gpd.read_file(geodata_dir() / "provinces.geojson").union_all()
    folder = WORK / "scale" / f"places-{plan.places}"
    shutil.rmtree(folder, ignore_errors=True)
    synth.places_report(folder, plan.places, polygons)
    out = WORK / "scale-out" / folder.name
    argv = (IRANMAP, "build", str(folder), "--out", str(out))
    built = proc.measure(
        argv, runs=1, log=WORK / "logs" / f"{folder.name}.log", before_each=reset(out)
    )
    html = out / folder.name / "points.html"
    drawn = page.measure(
        browser,
        html,
        count=page.POINTS,
        threshold=plan.places,
        runs=plan.page_runs,
        wait_ms=15_000,
    )
    log(f"  {plan.places:,} places: drawn in {drawn.drawn_ms} ms")
    return {
        "places": plan.places,
        "build": built.to_dict(),
        **sizes(html),
        "page": drawn.to_dict(),
    }


# ---------------------------------------------------------------------------------------------
# profiles


def profiles(plan: Plan) -> dict[str, Any]:
    """pyinstrument on cold full builds: the 2024 report, the largest events report, and the
    many-places report."""
    found = {}
    folders = [
        REPORT,
        WORK / "scale" / f"events-{max(plan.scale_sizes)}",
        WORK / "scale" / f"places-{plan.places}",
    ]
    for folder in folders:
        if not folder.is_dir():
            continue
        out = WORK / "profile-out" / folder.name
        shutil.rmtree(out, ignore_errors=True)
        result = WORK / f"profile-{folder.name}.json"
        argv = (
            PY,
            str(BENCH / "profiling.py"),
            str(result),
            "build",
            str(folder),
            "--out",
            str(out),
        )
        proc.run_once(argv, log=WORK / "logs" / f"profile-{folder.name}.log", cwd=REPO)
        data = json.loads(result.read_text(encoding="utf-8"))
        (WORK / f"profile-{folder.name}.txt").write_text(data["text"], encoding="utf-8")
        found[rel(folder)] = {
            key: data[key] for key in ("duration_s", "stages", "imports", "functions")
        }
        log(f"  profiled {folder.name}: {data['duration_s']} s")
    return found


#: Imports timed alone; the last two are what iranmap's build needs without and with
#: mapclassify, so that their difference is what dropping mapclassify would save.
IMPORTED = (
    "click",
    "pandas",
    "geopandas",
    "matplotlib.pyplot",
    "mapclassify",
    "folium",
    "geopandas, matplotlib.pyplot",
    "geopandas, matplotlib.pyplot, mapclassify",
)
HEAVY = ("scipy", "sklearn", "matplotlib", "geopandas", "pandas")
WITHOUT_MAPCLASSIFY, WITH_MAPCLASSIFY = IMPORTED[-2:]


def import_costs(plan: Plan) -> dict[str, Any]:
    """What importing each heavy dependency costs alone: a fresh interpreter per run.

    The profiles say which imports a build pays for; this says what each costs by itself
    and which other heavy packages it drags in.
    """
    found: dict[str, Any] = {}
    for modules in ("", *IMPORTED):
        names = [m.strip() for m in modules.split(",") if m.strip()]
        tops = {m.split(".")[0] for m in names}
        code = (
            f"import sys{''.join(', ' + m for m in names)}; "
            f"print(','.join(m for m in {HEAVY!r} if m not in {tops!r} and m in sys.modules))"
        )
        logfile = WORK / "logs" / f"import-{_slug(modules) or 'bare'}.log"
        summary = proc.measure((PY, "-c", code), runs=plan.scale_runs, log=logfile)
        loads = logfile.read_text(encoding="utf-8").strip().split(",")
        found[modules or "(bare interpreter)"] = {
            "median_s": round(summary.seconds, 3),
            "min_s": round(summary.spread[0], 3),
            "cpu_s": round(summary.cpu_seconds, 3),
            "peak_rss_mb": round(summary.peak_rss_mb, 1),
            "loads": [m for m in loads if m],
        }
    # The command line's own start: what `iranmap --help` and `--version` cost a user.
    summary = proc.measure(
        (IRANMAP, "--version"), runs=plan.scale_runs, log=WORK / "logs" / "iranmap-version.log"
    )
    found[VERSION] = {
        "median_s": round(summary.seconds, 3),
        "min_s": round(summary.spread[0], 3),
        "cpu_s": round(summary.cpu_seconds, 3),
        "peak_rss_mb": round(summary.peak_rss_mb, 1),
        "loads": [],
    }
    return found


#: The row of :func:`import_costs` timing the command line's start.
VERSION = "iranmap --version (the whole command)"


# ---------------------------------------------------------------------------------------------
# targets


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """The issue's targets, each with the measured value and whether it is met."""
    found = []
    failed = [k for k in ("scale", "rebuild", "points") if "error" in results[k]]
    for key in failed:
        found.append({"target": f"{key} (see its section)", "value": "failed", "met": False})
    if "scale" not in failed:
        found += _scale_targets(results["scale"])
    if "points" not in failed:
        drawn = results["points"]["page"]["drawn_ms"]
        found.append(
            {
                "target": f"points map of {results['points']['places']:,} places drawn under 2 s",
                "value": "never drawn" if drawn is None else f"{drawn:.0f} ms",
                "met": drawn is not None and drawn < 2000,
            }
        )
    for row in [] if "rebuild" in failed else results["rebuild"]:
        found.append(
            {
                "target": f"rebuild with nothing changed under half a full build ({row['report']})",
                "value": f"{row['ratio']:.2f} of a full build",
                "met": row["ratio"] < 0.5,
            }
        )
    tools = results["side_by_side"]["tools"]
    folium = results["side_by_side"]["ratios"].get("iranmap build / folium")
    if folium is not None:
        found.append(
            {
                "target": "cold iranmap build of the 2024 report (all files) in at most 1.5x "
                "the time folium takes to make one map",
                "value": f"{folium['wall_time']:.2f}x",
                "met": folium["wall_time"] <= 1.5,
            }
        )
    fresh = results["side_by_side"]["ratios"].get("iranmap build, nothing kept / folium")
    if fresh is not None:
        found.append(
            {
                "target": "the same build run first after installing (nothing kept yet in the "
                "cache folder) in at most 1.5x folium's one map",
                "value": f"{fresh['wall_time']:.2f}x",
                "met": fresh["wall_time"] <= 1.5,
            }
        )
    first = tools["iranmap build"]["process"].get("first_file_s")
    if "folium" in tools and first is not None:
        ratio = first / tools["folium"]["process"]["median_s"]
        found.append(
            {
                "target": "from the start of that build until combined.html exists: at most "
                "0.6x folium's one map",
                "value": f"{ratio:.2f}x ({first:.2f} s)",
                "met": ratio <= 0.6,
            }
        )
    costs = results.get("imports") or {}
    if VERSION in costs and "click" in costs:
        ratio = costs[VERSION]["cpu_s"] / costs["click"]["cpu_s"]
        found.append(
            {
                "target": "`iranmap --version` in at most 3x the CPU time of "
                "`python -c 'import click'`",
                "value": f"{ratio:.2f}x",
                "met": ratio <= 3.0,
            }
        )
    drawn = results.get("draw_time") or {}
    if "ratio" in drawn:
        found.append(
            {
                "target": "combined.html draws its provinces offline in at most 1.0x the "
                "hand-written page's time",
                "value": f"{drawn['ratio']:.2f}x",
                "met": drawn["ratio"] <= 1.0,
            }
        )
    offline = tools["iranmap build"]["offline"]
    found.append(
        {
            "target": "iranmap's map makes zero external requests",
            "value": str(offline["external_requests"]),
            "met": offline["external_requests"] == 0,
        }
    )
    return found


def _scale_targets(scale: dict[str, Any]) -> list[dict[str, Any]]:
    largest = scale["events"][-1]
    found = [
        {
            "target": f"iranmap build of {largest['rows']:,} events under 10 s",
            "value": f"{largest['median_s']:.2f} s",
            "met": largest["median_s"] < 10,
        }
    ]
    per_row = [g["cpu_ms_per_1k_extra_rows"] for g in scale["growth"]]
    if len(per_row) >= 2:
        last, before = per_row[-1], per_row[-2]
        found.append(
            {
                "target": "linear growth: CPU cost per extra row does not rise with size "
                f"({scale['growth'][-2]['from']:,} → {scale['growth'][-1]['to']:,} rows)",
                "value": f"{before:.2f} then {last:.2f} ms per 1,000 extra rows",
                "met": last <= max(before, 0.5) * 1.5,
            }
        )
    return found


# ---------------------------------------------------------------------------------------------


def guarded(part: Callable[[], Any]) -> Any:
    """Run one part of the benchmark; a failure is recorded as its result, and the rest runs.

    A failing part is a finding (usually an iranmap bug at scale); RESULTS.md shows it.
    """
    try:
        return part()
    except (proc.CommandFailed, OSError, ValueError, RuntimeError) as exc:
        log(f"  FAILED: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}")
        text = str(exc).replace(str(REPO) + "/", "").replace(str(REPO), ".")
        return {"error": f"{type(exc).__name__}: {text}"[-3000:]}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmarks of iranmap against its peers.")
    parser.add_argument("--quick", action="store_true", help="one run each, small sizes")
    parser.add_argument("--write", action="store_true", help="with --quick: write RESULTS.md")
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    started = time.perf_counter()
    WORK.mkdir(parents=True, exist_ok=True)
    snapshot = os.environ.get("BENCH_SNAPSHOT") == "1"
    if snapshot:
        use_snapshot()
    results: dict[str, Any] = {
        "machine": machine.describe(page.CHROMIUM),
        "plan": asdict(plan) | {"quick": args.quick},
        "source": source_state() | {"measured": "snapshot of HEAD" if snapshot else "working tree"},
    }
    compile_iranmap()
    os.environ["IRANMAP_CACHE_DIR"] = str(KEPT)  # for this run and every command it starts
    log("preparing inputs (iranmap join of the 2024 report; Natural Earth from npm)")
    results["inputs"] = prepare_inputs(WORK / "input")
    assets, origin = cdn.resolver(WORK)
    with page.chromium() as browser:
        results["side_by_side"] = side_by_side(plan, results["inputs"], browser, assets, origin)
        log(f"scale: {', '.join(f'{n:,}' for n in plan.scale_sizes)} events")
        results["scale"] = guarded(lambda: scale(plan))
        log("rebuild with nothing changed")
        results["rebuild"] = guarded(lambda: rebuild(plan, results))
        log("time to draw: iranmap's combined page and the hand-written page, in turns")
        side = WORK / "side-by-side"
        results["draw_time"] = guarded(
            lambda: drawtime.measure(
                browser,
                side / "iranmap.html",
                side / "bare.html",
                results["inputs"]["peer_geometry"]["features"],
                plan.page_runs * 2,
            )
        )
        log(f"points map of {plan.places:,} places")
        results["points"] = guarded(lambda: points(plan, browser))
    log("profiles")
    results["profiles"] = guarded(lambda: profiles(plan))
    log("import costs")
    results["imports"] = guarded(lambda: import_costs(plan))
    results["targets"] = targets(results)
    results["machine"]["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    results["bench_wall_s"] = round(time.perf_counter() - started, 1)
    if not snapshot:  # a snapshot cannot change under the run
        before = {k: results["source"][k] for k in ("commit", "uncommitted_changes")}
        results["source"]["changed_during_run"] = source_state() != before
    del results["inputs"]["paths"]
    if args.quick and not args.write:
        out = WORK / "results-quick.json"
        out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        log(f"quick run: wrote {rel(out)} only")
        return 0
    (BENCH / "results.json").write_text(
        json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (BENCH / "RESULTS.md").write_text(write_markdown(results), encoding="utf-8")
    log(f"wrote bench/RESULTS.md and bench/results.json in {results['bench_wall_s']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
