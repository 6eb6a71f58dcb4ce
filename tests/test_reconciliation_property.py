"""Property: for any valid report, every row is mapped or reported, and the totals reconcile.

Reports are generated from the shipped gazetteer: a random set of its prisons, each written as
its English name or one of its own aliases, with random counts; sometimes a place the
gazetteer does not know, placed by coordinates inside a province; sometimes a province figure
at or above what its prisons add up to; a total at or above everything itemized.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fake_world import write_report
from iranmap.boundaries import load_provinces
from iranmap.gazetteer import Gazetteer, Prison, load_gazetteer
from iranmap.geocode import Geocoder
from iranmap.join import join
from iranmap.join._place import _slug
from iranmap.names import parse_place
from iranmap.reports import load_report

GAZETTEER: Gazetteer = load_gazetteer()
GEOCODER = Geocoder(GAZETTEER)
POLYGONS: pd.DataFrame = load_provinces()
#: A point well inside each province, for rows placed by their coordinates.
INSIDE = {
    str(iso): (round(point.y, 5), round(point.x, 5))
    for iso, point in zip(
        POLYGONS["iso"], shapely.point_on_surface(POLYGONS["geometry"]), strict=True
    )
}


@st.composite
def reports(draw: st.DrawFn) -> tuple[str, str | None, int, dict[int, str]]:
    """(prisons.csv, provinces.csv or None, total, {line: expected place id or ""})."""
    chosen: list[Prison] = draw(
        st.lists(
            st.sampled_from(GAZETTEER.prisons), min_size=1, max_size=12, unique_by=lambda p: p.id
        )
    )
    rows = ["prison,executions,province,lat,lon"]
    expected: dict[int, str] = {}
    sums: dict[str, int] = {}
    for prison in chosen:
        name = draw(st.sampled_from((prison.name_en, *prison.aliases)))
        # With its province, which settles a town's name shared with another province; a name
        # that gives only its town lands on the town (issue 20), and one town only once.
        place = GEOCODER.place(name, province=prison.province_iso)
        place_id = prison.id if place.kind == "prison" else f"city:{place.province_iso}:"
        if place.kind != "prison":  # a prison of the town, or the town alone
            place_id += _slug(place.city or "") + (
                ":prison" if parse_place(name).says_prison else ""
            )
        if place_id in expected.values():
            continue
        count = draw(st.integers(0, 500))
        rows.append(f'"{name}",{count},{prison.province_iso},,')
        expected[len(rows)] = place_id
        sums[prison.province_iso] = sums.get(prison.province_iso, 0) + count
    sites = draw(st.lists(st.sampled_from(sorted(INSIDE)), max_size=2, unique=True))
    for number, iso in enumerate(sites):
        lat, lon = INSIDE[iso]
        count = draw(st.integers(0, 50))
        rows.append(f"Unlisted Site {number},{count},,{lat},{lon}")
        expected[len(rows)] = f"point:{lat:.5f},{lon:.5f}"
        sums[iso] = sums.get(iso, 0) + count
    provinces = None
    extra: dict[str, int] = {}
    if sums and draw(st.booleans()):
        isos = draw(st.lists(st.sampled_from(sorted(INSIDE)), min_size=1, max_size=4, unique=True))
        extra = {iso: sums.get(iso, 0) + draw(st.integers(0, 100)) for iso in isos}
        provinces = "province,executions\n" + "".join(f"{i},{n}\n" for i, n in extra.items())
    itemized = sum({**sums, **extra}.values())
    total = itemized + draw(st.integers(0, 1000))
    return "\n".join(rows) + "\n", provinces, total, expected


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_every_row_is_mapped_or_reported_and_totals_reconcile(
    generated: tuple[str, str | None, int, dict[int, str]],
) -> None:
    prisons_csv, provinces_csv, total, expected = generated
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_report(Path(tmp) / "r", prisons_csv, total=total, provinces=provinces_csv)
        report = load_report(folder)
        result = join(report, GAZETTEER, POLYGONS, strict=False)
    r = result.reconciliation
    assert r.reported_total == total
    assert r.reported_total == r.itemized_by_province + r.not_itemized
    assert r.not_itemized >= 0
    # every row lands on exactly one place, or is named as not landing
    mapped = {
        int(part.rsplit(":", 1)[1]): place
        for place, sources in zip(result.prisons["place_id"], result.prisons["source"], strict=True)
        for part in sources.split(" + ")
    }
    unresolved = {u.line for u in r.unresolved}
    assert set(mapped) | unresolved == set(expected)
    assert not set(mapped) & unresolved
    # each gazetteer name lands on its own prison, each coordinate on its point; no problems
    assert mapped == expected
    assert r.problems == () and r.unresolved == ()
    assert r.itemized_by_prison == sum(f.executions for f in report.prison_figures)
    assert r.prisons_mapped == len(expected)
    itemized = result.provinces["executions"]
    status = result.provinces["status"]
    assert r.provinces_with_figures == int((status == "itemized").sum())
    # a fully itemized report says none reported elsewhere, and only then
    none = int((status == "none reported").sum())
    assert r.provinces_none_reported == none
    assert none == (
        31 - r.provinces_with_figures if r.not_itemized == 0 and r.reported_total else 0
    )
    assert int(itemized.notna().sum()) == r.provinces_with_figures + none
    assert int(itemized.sum()) == r.itemized_by_province
