"""A tiny made-up world for join tests: three box-shaped provinces, a few prisons and cities.

The boxes lie roughly where the real provinces are, so coordinates stay inside Iran, but they
are squares: a test can put a point exactly inside, outside or on a border.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from shapely.geometry import box

from iranmap.gazetteer import City, Gazetteer, Prison, Province

PROVINCES = (
    Province("IR-07", "IR-14", "IR.FA", "Fars", "فارس", ("Fars", "فارس"), "Shiraz", 4_851_274),
    Province(
        "IR-23", "IR-07", "IR.TH", "Tehran", "تهران", ("Tehran", "تهران"), "Tehran", 13_267_637
    ),
    Province("IR-30", "IR-32", "IR.AL", "Alborz", "البرز", ("Alborz", "البرز"), "Karaj", None),
)

#: (iso, lon_min, lat_min, lon_max, lat_max)
BOXES = (
    ("IR-07", 51.0, 27.0, 55.0, 31.0),
    ("IR-23", 51.2, 35.0, 53.0, 36.5),
    ("IR-30", 50.0, 35.5, 51.2, 36.5),
)


def prison(
    id_: str,
    name: str,
    city: str,
    iso: str,
    lat: float,
    lon: float,
    aliases: tuple[str, ...] = (),
    ambiguous: tuple[str, ...] = (),
    name_fa: str = "",
) -> Prison:
    return Prison(id_, name, name_fa, aliases, ambiguous, city, iso, lat, lon, "facility", "test")


PRISONS = (
    prison(
        "adelabad",
        "Adelabad Prison",
        "Shiraz",
        "IR-07",
        29.58,
        52.55,
        ("Shiraz Central Prison", "Shiraz"),
        name_fa="زندان عادل‌آباد",
    ),
    prison("evin", "Evin Prison", "Tehran", "IR-23", 35.80, 51.39, ("Evin",), ("Tehran Prison",)),
    prison(
        "ghezel-hesar",
        "Ghezel Hesar Prison",
        "Karaj",
        "IR-30",
        35.83,
        50.93,
        ("Qezelhessar", "Ghezel Hesar"),
        name_fa="زندان قزلحصار",
    ),
    prison(
        "karaj-central",
        "Karaj Central Prison",
        "Karaj",
        "IR-30",
        35.80,
        51.00,
        ("Central Karaj",),
    ),
    prison(
        "qarchak",
        "Qarchak Prison",
        "Varamin",
        "IR-23",
        35.43,
        51.57,
        ("Qarchak",),
        ("Tehran Prison",),
    ),
)

CITIES = (
    City(1, "Karaj", "کرج", ("Karaj",), "IR-30", 35.83, 50.99, 1_592_492),
    City(2, "Marvdasht", "مرودشت", ("Marvdasht",), "IR-07", 29.87, 52.80, 148_858),
    City(3, "Shiraz", "شیراز", ("Shiraz",), "IR-07", 29.61, 52.54, 1_565_572),
    City(4, "Tehran", "تهران", ("Tehran",), "IR-23", 35.69, 51.42, 8_693_706),
)

GAZETTEER = Gazetteer(PROVINCES, PRISONS, CITIES)


def polygons() -> pd.DataFrame:
    """The three provinces as boxes, in the shape of iranmap.boundaries.load_provinces()."""
    names = {p.iso: p for p in PROVINCES}
    rows = [
        {"iso": iso, "name_en": names[iso].name_en, "name_fa": names[iso].name_fa}
        for iso, *_ in BOXES
    ]
    frame = pd.DataFrame(rows)
    frame["geometry"] = [box(x0, y0, x1, y1) for _, x0, y0, x1, y1 in BOXES]
    return frame


MANIFEST = """\
title = "Test report"
publisher = "Test publisher"
total = {total}

[source]
title = "A test"
date = 2025-01-02

[period]
start = 2024-01-01
end = 2024-12-31
"""


def write_report(
    folder: Path,
    prisons: str | None = "prison,executions\n",
    *,
    total: int = 100,
    provinces: str | None = None,
    events: str | None = None,
    manifest: str | None = None,
) -> Path:
    """A report folder with the given files' texts (None leaves a file out)."""
    folder.mkdir(parents=True, exist_ok=True)
    text = manifest if manifest is not None else MANIFEST.format(total=total)
    (folder / "report.toml").write_text(text, encoding="utf-8")
    for name, content in (
        ("prisons.csv", prisons),
        ("provinces.csv", provinces),
        ("events.csv", events),
    ):
        if content is not None:
            (folder / name).write_text(content, encoding="utf-8")
    return folder
