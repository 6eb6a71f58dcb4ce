"""A hand-built :class:`Joined` for the render tests: 31 provinces as grid cells over Iran's
extent, and the eight prisons the 2024 seed report names, placed inside their cells.

Names and 2016 populations are those of the reference province list; the figures are the
seed's. ``taint`` replaces every text a report or the gazetteer supplies, for escaping tests.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

import pandas as pd
from shapely.geometry import Point, box

from iranmap.join import PRISON_COLUMNS, Joined, Reconciliation, Row, Unplaced
from iranmap.reports import Fact, Figure, Report

PROVINCES = (
    ("IR-00", "Markazi", "مرکزی", 1429475),
    ("IR-01", "Gilan", "گیلان", 2530696),
    ("IR-02", "Mazandaran", "مازندران", 3283582),
    ("IR-03", "East Azerbaijan", "آذربایجان شرقی", 3909652),
    ("IR-04", "West Azerbaijan", "آذربایجان غربی", 3265219),
    ("IR-05", "Kermanshah", "کرمانشاه", 1952434),
    ("IR-06", "Khuzestan", "خوزستان", 4710509),
    ("IR-07", "Fars", "فارس", 4851274),
    ("IR-08", "Kerman", "کرمان", 3164718),
    ("IR-09", "Razavi Khorasan", "خراسان رضوی", 6434501),
    ("IR-10", "Isfahan", "اصفهان", 5120850),
    ("IR-11", "Sistan and Baluchestan", "سیستان و بلوچستان", 2775014),
    ("IR-12", "Kurdistan", "کردستان", 1603011),
    ("IR-13", "Hamadan", "همدان", 1738234),
    ("IR-14", "Chaharmahal and Bakhtiari", "چهارمحال و بختیاری", 947763),
    ("IR-15", "Lorestan", "لرستان", 1760649),
    ("IR-16", "Ilam", "ایلام", 580158),
    ("IR-17", "Kohgiluyeh and Boyer-Ahmad", "کهگیلویه و بویراحمد", 713052),
    ("IR-18", "Bushehr", "بوشهر", 1163400),
    ("IR-19", "Zanjan", "زنجان", 1057461),
    ("IR-20", "Semnan", "سمنان", 702360),
    ("IR-21", "Yazd", "یزد", 1138533),
    ("IR-22", "Hormozgan", "هرمزگان", 1776415),
    ("IR-23", "Tehran", "تهران", 13267637),
    ("IR-24", "Ardabil", "اردبیل", 1270420),
    ("IR-25", "Qom", "قم", 1292283),
    ("IR-26", "Qazvin", "قزوین", 1273761),
    ("IR-27", "Golestan", "گلستان", 1868819),
    ("IR-28", "North Khorasan", "خراسان شمالی", 863092),
    ("IR-29", "South Khorasan", "خراسان جنوبی", 768898),
    ("IR-30", "Alborz", "البرز", 2712400),
)

# (place_id, name_en, name_fa, city, province_iso, executions, precision)
PRISONS = (
    ("ghezel-hesar", "Ghezel Hesar Prison", "زندان قزل‌حصار", "Karaj", "IR-30", 165, "facility"),
    ("adelabad", "Adelabad Prison", "زندان عادل‌آباد", "Shiraz", "IR-07", 97, "facility"),
    ("dastgerd", "Dastgerd Prison", "زندان دستگرد", "Isfahan", "IR-10", 61, "facility"),
    (
        "tabriz-central",
        "Tabriz Central Prison",
        "زندان مرکزی تبریز",
        "Tabriz",
        "IR-03",
        59,
        "facility",
    ),
    ("karaj-central", "Karaj Central Prison", "زندان مرکزی کرج", "Karaj", "IR-30", 44, "facility"),
    ("qazvin-central", "Qazvin Central Prison", "زندان مرکزی قزوین", "Qazvin", "IR-26", 38, "city"),
    ("vakilabad", "Vakilabad Prison", "زندان وکیل‌آباد", "Mashhad", "IR-09", 33, "facility"),
    (
        "birjand-central",
        "Birjand Central Prison",
        "زندان مرکزی بیرجند",
        "Birjand",
        "IR-29",
        29,
        "city",
    ),
)

# The Persian names geodata/cities.csv gives the prisons' cities (the joined ``city_fa``).
CITIES_FA = {
    "Karaj": "کرج",
    "Shiraz": "شیراز",
    "Isfahan": "اصفهان",
    "Tabriz": "تبریز",
    "Qazvin": "قزوین",
    "Mashhad": "مشهد",
    "Birjand": "بیرجند",
}

WEST, SOUTH, COLS, ROWS, WIDTH, HEIGHT = 44.0, 25.1, 6, 6, 3.2, 2.45


def cell(index: int) -> tuple[float, float, float, float]:
    """(west, south, east, north) of grid cell ``index``, row by row from the north-west."""
    row, col = divmod(index, COLS)
    west = WEST + col * WIDTH
    north = SOUTH + ROWS * HEIGHT - row * HEIGHT
    return west, north - HEIGHT, west + WIDTH, north


def _identity(text: str) -> str:
    return text


def make_joined(
    *,
    prisons: Sequence[tuple[str, str, str, str, str, int, str]] = PRISONS,
    total: int = 1000,
    taint: Callable[[str], str] = _identity,
    population: bool = True,
    source_url: str | None = "https://example.org/statement",
    unresolved: Sequence[Unplaced] = (),
    extra_counts: Mapping[str, int] | None = None,
    cities_fa: Mapping[str, str] = CITIES_FA,
) -> Joined:
    """A Joined as join() would make it from a report naming ``prisons``.

    ``taint`` is applied to every report and gazetteer text; ``extra_counts`` adds province
    figures not carried by any prison (as a provinces.csv would); ``cities_fa`` gives the
    Persian names of cities (a city not in it has none, ``city_fa`` "").
    """
    report = _report(prisons, total, taint, source_url)
    prison_rows = _prisons(prisons, total, taint, cities_fa)
    counts: dict[str, int] = {}
    sources: dict[str, list[str]] = {}
    for line, p in enumerate(prisons, start=2):
        counts[p[4]] = counts.get(p[4], 0) + p[5]
        sources.setdefault(p[4], []).append(taint(f"prisons.csv:{line}"))
    for iso, n in (extra_counts or {}).items():
        counts[iso] = counts.get(iso, 0) + n
        sources.setdefault(iso, []).append(taint("provinces.csv:2"))
    province_rows = _provinces(counts, sources, total, taint, population)
    by_prison = sum(p[5] for p in prisons)
    by_province = sum(counts.values())
    reconciliation = Reconciliation(
        report=report.id,
        reported_total=total,
        itemized_by_prison=by_prison,
        itemized_by_province=by_province,
        not_itemized=total - by_province,
        prisons_mapped=len(prisons),
        provinces_with_figures=len(counts),
        unresolved=tuple(unresolved),
        problems=(),
    )
    return Joined(report, prison_rows, province_rows, reconciliation)


def with_tables(
    joined: Joined, *, prisons: pd.DataFrame | None = None, provinces: pd.DataFrame | None = None
) -> Joined:
    """``joined`` with its prisons or provinces table replaced by a DataFrame's rows."""
    return replace(
        joined,
        prison_rows=joined.prison_rows if prisons is None else tuple(prisons.to_dict("records")),
        province_rows=joined.province_rows
        if provinces is None
        else tuple(provinces.to_dict("records")),
    )


def _rows(frame: pd.DataFrame) -> list[Row]:
    rows: list[Row] = frame.to_dict("records")
    return rows


def _report(
    prisons: Sequence[tuple[str, str, str, str, str, int, str]],
    total: int,
    taint: Callable[[str], str],
    source_url: str | None,
) -> Report:
    figures = tuple(
        Figure(name=taint(p[1]), executions=p[5], path="prisons.csv", line=i)
        for i, p in enumerate(prisons, start=2)
    )
    return Report(
        id="test-2024",
        folder=Path("test-2024"),
        title=taint("Executions in Iran, 2024"),
        publisher=taint("NCRI Secretariat"),
        source_title=taint("Iran: a new record in executions"),
        source_date=date(2025, 1, 2),
        source_url=source_url,
        period_start=date(2024, 1, 1),
        period_end=date(2024, 12, 31),
        total=total,
        prisons_count=86,
        provinces_count=31,
        facts=(
            Fact(taint("Women"), 34, None, 20),
            Fact(taint("Fourth quarter"), 47, "%", 25),
            Fact(taint("Average age"), 36, taint("years"), 30),
        ),
        notes=taint("Eight prisons add up to 526; the rest is not itemized."),
        iso_scheme="2020",
        prison_figures=figures,
        province_figures=(),
        events=None,
    )


#: The seed's own spellings, as the join keeps them in ``as_reported``.
AS_REPORTED = {
    "ghezel-hesar": "Qezelhessar",
    "adelabad": "Shiraz",
    "dastgerd": "Isfahan",
    "tabriz-central": "Tabriz",
    "karaj-central": "Central Karaj",
    "qazvin-central": "Qazvin",
    "vakilabad": "Mashhad",
    "birjand-central": "Birjand",
}


def _prisons(
    prisons: Sequence[tuple[str, str, str, str, str, int, str]],
    total: int,
    taint: Callable[[str], str],
    cities_fa: Mapping[str, str],
) -> tuple[Row, ...]:
    names = {iso: (en, fa) for iso, en, fa, _ in PROVINCES}
    index = {iso: i for i, (iso, *_) in enumerate(PROVINCES)}
    order = sorted(range(len(prisons)), key=lambda i: (-prisons[i][5], prisons[i][1]))
    seen: dict[str, int] = {}
    records = []
    for rank, i in enumerate(order, start=1):
        pid, en, fa, city, iso, n, precision = prisons[i]
        west, south, _, _ = cell(index[iso])
        k = seen[iso] = seen.get(iso, -1) + 1
        point = Point(
            west + WIDTH * (0.35 + 0.3 * (k % 2)), south + HEIGHT * (0.4 + 0.2 * (k // 2 % 2))
        )
        records.append(
            {
                "place_id": pid,
                "name_en": taint(en),
                "name_fa": taint(fa),
                "city": taint(city),
                "city_fa": taint(cities_fa[city]) if city in cities_fa else "",
                "province_iso": iso,
                "province_en": taint(names[iso][0]),
                "province_fa": taint(names[iso][1]),
                "executions": n,
                "share": n / total,
                "rank": rank,
                "precision": precision,
                "as_reported": taint(AS_REPORTED.get(pid, en)),
                "match": "alias",
                "source": taint(f"prisons.csv:{i + 2}"),
                "geometry": point,
            }
        )
    missing = {"score": math.nan, "note": None, "grade": None}  # what join() leaves empty
    return tuple({c: record.get(c, missing.get(c)) for c in PRISON_COLUMNS} for record in records)


def _provinces(
    counts: Mapping[str, int],
    sources: Mapping[str, list[str]],
    total: int,
    taint: Callable[[str], str],
    population: bool,
) -> tuple[Row, ...]:
    ranked = sorted(counts, key=lambda iso: -counts[iso])
    ranks = {iso: ranked.index(iso) + 1 for iso in counts}
    records = []
    for i, (iso, en, fa, pop) in enumerate(PROVINCES):
        n = counts.get(iso)
        records.append(
            {
                "iso": iso,
                "name_en": taint(en),
                "name_fa": taint(fa),
                "population": pop if population else None,
                "executions": n,
                "status": "itemized" if n is not None else "not itemized",
                "share": None if n is None else n / total,
                "rank": ranks.get(iso),
                "per_million": None if n is None or not population else n / pop * 1e6,
                "source": ", ".join(sources[iso]) if iso in sources else None,
                "geometry": box(*cell(i)),
            }
        )
    return tuple(records)
