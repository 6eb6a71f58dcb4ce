"""What the largest inputs iranmap accepts cost, and what refusing hostile ones costs.

Each case writes a report folder under ``bench/_work/limits/`` at one of the limits of
:mod:`iranmap.limits` (or a hostile file past one), runs the command a user would, and
records wall time and peak memory (``wait4``'s peak RSS) in ``bench/limits.json``; the
README's "Safety" section quotes them. Not a timed test: run it by hand,
``.venv/bin/python bench/limits.py`` (``--scale 0.01`` for a quick try).

* ``events at every limit``: events.csv of MAX_ROWS rows over MAX_STEPS months, built
  cold in both languages (the largest report that builds).
* ``names at the limit``: prisons.csv of MAX_NAMES distinct names none of which is in the
  gazetteer (each is matched fuzzily), checked.
* ``sheet at the limit``: prisons.xlsx of MAX_SHEET_CELLS cells, checked (read whole, then
  refused for its number of names).
* refusals: an .ods repeating one cell a billion times, an .xlsx whose XML declares
  entities, a report.toml nested 100,000 deep, events over four centuries.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from iranmap.limits import MAX_NAMES, MAX_ROWS, MAX_SHEET_CELLS, MAX_STEPS  # noqa: E402
from synth import gazetteer_names, report_toml  # noqa: E402

WORK = HERE / "_work" / "limits"
IRANMAP = str(Path(sys.executable).with_name("iranmap"))


def timed(argv: Sequence[str]) -> dict[str, object]:
    """Run ``argv`` through ``launch.py`` (whose peak RSS starts near zero, not at this
    script's): its wall time, CPU time, peak RSS and exit code."""
    report = WORK / "run.json"
    launcher = (sys.executable, "-I", "-S", str(HERE / "launch.py"), str(report))
    subprocess.run(
        [*launcher, *argv], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True
    )
    run = json.loads(report.read_text(encoding="utf-8"))
    return {
        "seconds": round(run["seconds"], 2),
        "cpu_seconds": round(run["cpu_seconds"], 2),
        "peak_rss_mb": round(run["maxrss_kib"] / 1024, 1),
        "exit": run["returncode"],
    }


def months_after(start: date, months: int) -> date:
    year, month = divmod(start.month - 1 + months, 12)
    return date(start.year + year, month + 1, 1)


def events_at_limits(folder: Path, scale: float) -> list[str]:
    rows, steps = max(10, int(MAX_ROWS * scale)), max(2, int(MAX_STEPS * scale))
    names = gazetteer_names(REPO / "geodata")
    start = date(1926, 1, 1)
    end = date.fromordinal(months_after(start, steps).toordinal() - 1)
    rng = np.random.default_rng(6)
    days = rng.integers(0, (end - start).days + 1, size=rows)
    days.sort()
    dates = np.datetime64(start.isoformat()) + days.astype("timedelta64[D]")
    chosen = rng.integers(0, len(names), size=rows)
    prisons = np.array([n.name for n in names], dtype=object)[chosen]
    lines = ["date,prison", *(f"{d},{p}" for d, p in zip(dates.astype(str), prisons, strict=True))]
    folder.mkdir(parents=True)
    (folder / "events.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    toml = report_toml(f"Synthetic: {rows:,} events, {steps:,} months", start, end)
    (folder / "report.toml").write_text(toml, encoding="utf-8")
    return [IRANMAP, "build", str(folder), "--out", str(folder.parent / "out-events")]


def names_at_limit(folder: Path, scale: float) -> list[str]:
    count = max(10, int(MAX_NAMES * scale))
    folder.mkdir(parents=True)
    rows = [f"Synthetic place {i:05d},1" for i in range(count)]
    (folder / "prisons.csv").write_text("prison,executions\n" + "\n".join(rows) + "\n")
    toml = report_toml("Synthetic: unknown names", date(2024, 1, 1), date(2024, 12, 31))
    (folder / "report.toml").write_text(toml.replace("title =", f"total = {count}\ntitle =", 1))
    return [IRANMAP, "check", str(folder)]


def sheet_at_limit(folder: Path, scale: float) -> list[str]:
    import openpyxl

    rows = max(10, int(MAX_SHEET_CELLS * scale) // 2)
    folder.mkdir(parents=True)
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("prisons")
    sheet.append(["prison", "executions"])
    for i in range(rows - 1):
        sheet.append([f"Synthetic place {i:07d}", 1])
    book.save(folder / "prisons.xlsx")
    toml = report_toml("Synthetic: a large sheet", date(2024, 1, 1), date(2024, 12, 31))
    (folder / "report.toml").write_text(toml.replace("title =", "total = 1\ntitle =", 1))
    return [IRANMAP, "check", str(folder)]


def ods_bomb(folder: Path, scale: float) -> list[str]:
    folder.mkdir(parents=True)
    cell = '<table:table-cell office:value-type="float" office:value="1" '
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="prisons">'
        '<table:table-row table:number-rows-repeated="1000000">'
        f'{cell}table:number-columns-repeated="1000"/></table:table-row>'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(folder / "prisons.ods", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
    toml = report_toml("Hostile: repeated cells", date(2024, 1, 1), date(2024, 12, 31))
    (folder / "report.toml").write_text(toml.replace("title =", "total = 1\ntitle =", 1))
    return [IRANMAP, "check", str(folder)]


def xlsx_entities(folder: Path, scale: float) -> list[str]:
    import openpyxl

    folder.mkdir(parents=True)
    plain = folder / "plain.xlsx.bak"
    book = openpyxl.Workbook()
    book.active.title = "prisons"
    book.active.append(["prison", "executions"])
    book.save(plain)
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    doctype = f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY l0 "lol">{laughs}]>'
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(folder / "prisons.xlsx", "w") as out:
        for part in source.infolist():
            data = source.read(part)
            if part.filename == "xl/sharedStrings.xml" or part.filename == "xl/workbook.xml":
                data = doctype.encode() + data.split(b"?>", 1)[-1]
            out.writestr(part, data)
    plain.unlink()
    toml = report_toml("Hostile: XML entities", date(2024, 1, 1), date(2024, 12, 31))
    (folder / "report.toml").write_text(toml.replace("title =", "total = 1\ntitle =", 1))
    return [IRANMAP, "check", str(folder)]


def deep_toml(folder: Path, scale: float) -> list[str]:
    folder.mkdir(parents=True)
    (folder / "report.toml").write_text("series = " + "[" * 100_000 + "\n", encoding="utf-8")
    (folder / "prisons.csv").write_text("prison,executions\nEvin,1\n", encoding="utf-8")
    return [IRANMAP, "check", str(folder)]


def four_centuries(folder: Path, scale: float) -> list[str]:
    folder.mkdir(parents=True)
    (folder / "events.csv").write_text("date,prison\n1700-01-02,Evin\n2100-12-30,Evin\n")
    toml = report_toml("Hostile: four centuries", date(1700, 1, 1), date(2100, 12, 31))
    (folder / "report.toml").write_text(toml, encoding="utf-8")
    return [IRANMAP, "build", str(folder), "--out", str(folder.parent / "out-long")]


CASES: dict[str, Callable[[Path, float], list[str]]] = {
    "events at every limit (build, en and fa)": events_at_limits,
    "names at the limit (check)": names_at_limit,
    "sheet at the limit (check)": sheet_at_limit,
    "refused: .ods repeating a cell 10^9 times (check)": ods_bomb,
    "refused: .xlsx declaring entities (check)": xlsx_entities,
    "refused: report.toml nested 100,000 deep (check)": deep_toml,
    "refused: events over four centuries (build)": four_centuries,
}


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of each limit")
    parser.add_argument("--out", type=Path, default=HERE / "limits.json")
    parser.add_argument(
        "--case", default="", help="run only the cases whose label has one of these (a,b)"
    )
    args = parser.parse_args(argv)
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    old = json.loads(args.out.read_text(encoding="utf-8")) if args.case else {}
    results = dict(old.get("results", {}))
    cases = args.case.split(",")
    for number, (label, make) in enumerate(CASES.items()):
        if not any(case in label for case in cases):
            continue
        command = make(WORK / f"case-{number}", args.scale)
        results[label] = timed(command)
        print(f"{label}: {results[label]}", flush=True)
    record = {
        "scale": args.scale,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
        "limits": {
            "MAX_ROWS": MAX_ROWS,
            "MAX_STEPS": MAX_STEPS,
            "MAX_NAMES": MAX_NAMES,
            "MAX_SHEET_CELLS": MAX_SHEET_CELLS,
        },
        "results": results,
    }
    args.out.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
