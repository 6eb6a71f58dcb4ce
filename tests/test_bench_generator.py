"""The benchmark's synthetic data generator (bench/synth.py): seeded, valid, as described."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import pandas as pd
import pytest
import shapely

from iranmap.reports import load_report

BENCH = Path(__file__).resolve().parents[1] / "bench"


def _load_synth() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_synth", BENCH / "synth.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while defining
    spec.loader.exec_module(module)
    return module


synth = _load_synth()
NAMES = [synth.PrisonName(f"Prison {i}", "Tehran") for i in range(1, 21)]


def test_same_seed_same_bytes_other_seed_other_bytes() -> None:
    first = synth.csv_text(synth.events_frame(500, NAMES, seed=3))
    again = synth.csv_text(synth.events_frame(500, NAMES, seed=3))
    other = synth.csv_text(synth.events_frame(500, NAMES, seed=4))
    assert first == again
    assert first != other


def test_events_cover_three_years_in_date_order_over_the_given_prisons() -> None:
    frame = synth.events_frame(5000, NAMES, seed=6)
    assert len(frame) == 5000
    assert list(frame.columns) == [
        "date",
        "prison",
        "province",
        "sex",
        "age",
        "charge",
        "ethnicity",
        "public",
        "name",
        "note",
    ]
    dates = pd.to_datetime(frame["date"], format="%Y-%m-%d")
    assert dates.is_monotonic_increasing
    assert dates.min().date() >= date(2022, 1, 1)
    assert dates.max().date() <= date(2024, 12, 31)
    assert {d.year for d in dates} == {2022, 2023, 2024}
    assert set(frame["prison"]) <= {n.name for n in NAMES}
    counts = frame["prison"].value_counts()
    assert counts.iloc[0] > 4 * counts.iloc[-1]  # skewed: a few prisons carry most rows
    assert set(frame["province"]) == {"Tehran", ""}


def test_events_report_is_a_valid_report_counting_every_row(tmp_path: Path) -> None:
    folder = synth.events_report(tmp_path / "synthetic", 300, NAMES, seed=6)
    report = load_report(folder)
    assert report.total == 300
    assert sum(f.executions for f in report.prison_figures) == 300
    assert report.period_start == date(2022, 1, 1)
    assert report.period_end == date(2024, 12, 31)


def test_gazetteer_names_leave_out_ambiguous_and_shared_names(tmp_path: Path) -> None:
    (tmp_path / "provinces.csv").write_text(
        "iso,iso_pre2020,hasc,name_en,name_fa,aliases,capital,population\n"
        "IR-23,IR-07,IR.TH,Tehran,تهران,Tehran,Tehran,13267637\n"
        "IR-30,IR-32,IR.AL,Alborz,البرز,Alborz,Karaj,2712400\n",
        encoding="utf-8",
    )
    (tmp_path / "prisons.csv").write_text(
        "id,name_en,name_fa,aliases,ambiguous,city,province_iso,lat,lon,precision,source\n"
        "evin,Evin Prison,زندان اوین,Evin|Shared,Central,Tehran,IR-23,35.79,51.39,facility,x\n"
        "karaj,Karaj Central Prison,زندان مرکزی کرج,Central Karaj|Shared,Central,Karaj,IR-30,"
        "35.8,50.9,facility,x\n",
        encoding="utf-8",
    )
    names = synth.gazetteer_names(tmp_path)
    assert names == [
        synth.PrisonName("Evin Prison", "Tehran"),
        synth.PrisonName("Evin", "Tehran"),
        synth.PrisonName("Karaj Central Prison", "Alborz"),
        synth.PrisonName("Central Karaj", "Alborz"),
    ]


def test_places_are_distinct_and_inside_the_polygons(tmp_path: Path) -> None:
    area = shapely.box(50.0, 30.0, 52.0, 31.0)
    frame = synth.places_frame(1000, area, seed=6)
    assert len(frame) == 1000
    assert frame["prison"].is_unique
    assert shapely.contains_xy(area, frame["lon"], frame["lat"]).all()
    assert (frame["executions"] >= 1).all()


@pytest.mark.parametrize("rows", [1, 2])
def test_tiny_sizes_work(rows: int) -> None:
    assert len(synth.events_frame(rows, NAMES, seed=1)) == rows
