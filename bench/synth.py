"""Seeded synthetic report folders for the scale benchmarks. Never committed: written under
``bench/_work/``.

* :func:`events_report`: ``events.csv`` with N executions (one row each) spread over the
  gazetteer's prisons and three years, every optional column filled the way monitors fill
  them (many blanks). Prisons get a skewed share, as real counts do: a few prisons carry
  most executions. Names are the gazetteer's own names and aliases, never its ambiguous ones,
  so that every row places.
* :func:`places_report`: ``prisons.csv`` with N distinct synthetic places, each with lat/lon
  drawn uniformly inside Iran's provinces, for the points-map rendering test.

The same seed gives byte-identical files. Nothing here is real: names of people are
"Synthetic 000001" and places "Synthetic place 00001".
"""

from __future__ import annotations

import argparse
import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

PERIOD = (date(2022, 1, 1), date(2024, 12, 31))
CHARGES = ("drug", "murder", "rape", "moharebeh", "espionage", "other")
CHARGE_SHARES = (0.50, 0.36, 0.05, 0.04, 0.01, 0.04)
ETHNICITIES = ("", "Baluch", "Kurd", "Arab", "Turk", "Afghan")
ETHNICITY_SHARES = (0.74, 0.12, 0.08, 0.02, 0.02, 0.02)


@dataclass(frozen=True)
class PrisonName:
    """A name that places one gazetteer prison, and that prison's province (English)."""

    name: str
    province: str


def gazetteer_names(geodata: Path) -> list[PrisonName]:
    """Every unambiguous name (``name_en`` and ``aliases``) of every gazetteer prison."""
    provinces = pd.read_csv(geodata / "provinces.csv", dtype=str, keep_default_na=False)
    province_name = dict(zip(provinces["iso"], provinces["name_en"], strict=True))
    prisons = pd.read_csv(geodata / "prisons.csv", dtype=str, keep_default_na=False)
    ambiguous = {a for cell in prisons["ambiguous"] for a in cell.split("|") if a}
    owners: dict[str, set[str]] = {}
    for row in prisons.itertuples():
        for name in [row.name_en, *row.aliases.split("|")]:
            if name and name.isascii():
                owners.setdefault(name, set()).add(str(row.id))
    names = []
    for row in prisons.itertuples():
        for name in dict.fromkeys([row.name_en, *row.aliases.split("|")]):
            if name in owners and len(owners[name]) == 1 and name not in ambiguous:
                names.append(PrisonName(name, province_name[row.province_iso]))
    return names


def events_frame(rows: int, names: Sequence[PrisonName], seed: int) -> pd.DataFrame:
    """``rows`` synthetic executions sorted by date; a pure function of its arguments."""
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(names))
    weights = 1.0 / np.arange(1, len(names) + 1) ** 1.1  # a few prisons carry most rows
    chosen = order[rng.choice(len(names), size=rows, p=weights / weights.sum())]
    days = (PERIOD[1] - PERIOD[0]).days + 1
    offsets = np.sort(rng.integers(0, days, size=rows))
    dates = np.datetime64(PERIOD[0].isoformat()) + offsets.astype("timedelta64[D]")
    ages = rng.integers(18, 76, size=rows).astype(str)
    known_age = rng.random(rows) < 0.5
    sex = np.where(rng.random(rows) < 0.034, "female", "male")
    public = np.where(rng.random(rows) < 0.004, "yes", "no")
    person = np.char.add("Synthetic ", np.char.zfill(np.arange(1, rows + 1).astype(str), 6))
    named = rng.random(rows) < 0.4
    name_of = np.array([n.name for n in names], dtype=object)
    province_of = np.array([n.province for n in names], dtype=object)
    return pd.DataFrame(
        {
            "date": np.datetime_as_string(dates, unit="D"),
            "prison": name_of[chosen],
            "province": np.where(rng.random(rows) < 0.7, province_of[chosen], ""),
            "sex": sex,
            "age": np.where(known_age, ages, ""),
            "charge": rng.choice(np.array(CHARGES), size=rows, p=CHARGE_SHARES),
            "ethnicity": rng.choice(np.array(ETHNICITIES), size=rows, p=ETHNICITY_SHARES),
            "public": public,
            "name": np.where(named, person, ""),
            "note": "",
        }
    )


def report_toml(title: str, start: date, end: date, *, total: int | None = None) -> str:
    """A minimal valid report.toml for a synthetic report."""
    lines = [
        "# Synthetic benchmark data written by bench/synth.py: not real figures.",
        f'title = "{title}"',
        'publisher = "iranmap benchmark (synthetic)"',
    ]
    if total is not None:
        lines.append(f"total = {total}")
    lines += [
        "",
        "[source]",
        f'title = "Synthetic data: {title}"',
        "date = 2025-01-01",
        "",
        "[period]",
        f"start = {start.isoformat()}",
        f"end = {end.isoformat()}",
        "",
    ]
    return "\n".join(lines)


def events_report(folder: Path, rows: int, names: Sequence[PrisonName], seed: int = 6) -> Path:
    """Write a report folder with ``rows`` synthetic events; return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    frame = events_frame(rows, names, seed)
    frame.to_csv(folder / "events.csv", index=False, lineterminator="\n")
    title = f"Synthetic events, {rows:,} executions"
    (folder / "report.toml").write_text(report_toml(title, *PERIOD), encoding="utf-8")
    return folder


def places_frame(count: int, polygons: object, seed: int) -> pd.DataFrame:
    """``count`` distinct places uniformly inside ``polygons`` (a shapely geometry, EPSG:4326)."""
    import shapely

    rng = np.random.default_rng(seed)
    west, south, east, north = shapely.bounds(polygons)
    shapely.prepare(polygons)
    lats: list[np.ndarray] = []
    lons: list[np.ndarray] = []
    found = 0
    while found < count:
        lon = rng.uniform(west, east, size=count)
        lat = rng.uniform(south, north, size=count)
        inside = shapely.contains_xy(polygons, lon, lat)
        lons.append(lon[inside])
        lats.append(lat[inside])
        found += int(inside.sum())
    return pd.DataFrame(
        {
            "prison": [f"Synthetic place {i:05d}" for i in range(1, count + 1)],
            "executions": rng.geometric(0.2, size=count),
            "lat": np.round(np.concatenate(lats)[:count], 5),
            "lon": np.round(np.concatenate(lons)[:count], 5),
        }
    )


def places_report(folder: Path, count: int, polygons: object, seed: int = 6) -> Path:
    """Write a report folder whose prisons.csv has ``count`` distinct places with lat/lon."""
    folder.mkdir(parents=True, exist_ok=True)
    frame = places_frame(count, polygons, seed)
    frame.to_csv(folder / "prisons.csv", index=False, lineterminator="\n")
    title = f"Synthetic places, {count:,} distinct"
    total = int(frame["executions"].sum())
    (folder / "report.toml").write_text(
        report_toml(title, date(2024, 1, 1), date(2024, 12, 31), total=total), encoding="utf-8"
    )
    return folder


def csv_text(frame: pd.DataFrame) -> str:
    """The CSV text :func:`events_report` writes (for tests)."""
    out = io.StringIO()
    frame.to_csv(out, index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    return out.getvalue()


def main(argv: Sequence[str] | None = None) -> None:
    """Write one synthetic events report folder (for trying things by hand)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--geodata", type=Path, default=Path(__file__).parents[1] / "geodata")
    args = parser.parse_args(argv)
    events_report(args.folder, args.rows, gazetteer_names(args.geodata), args.seed)


if __name__ == "__main__":
    main()
