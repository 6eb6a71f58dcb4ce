"""The data downloads: the joined figures as CSV and GeoJSON, as the maps show them."""

from __future__ import annotations

import csv
import io
import json

from iranmap.export import PRISON_COLUMNS, data_files
from mapfixture import CITIES_FA, make_joined


def test_prisons_downloads_carry_the_city_in_both_languages() -> None:
    joined = make_joined(cities_fa={k: v for k, v in CITIES_FA.items() if k != "Birjand"})
    files = data_files(joined)
    rows = list(csv.DictReader(io.StringIO(files["prisons.csv"].decode("utf-8"))))
    assert list(rows[0]) == list(PRISON_COLUMNS)
    assert PRISON_COLUMNS.index("city_fa") == PRISON_COLUMNS.index("city") + 1
    assert [(r["name_en"], r["city"], r["city_fa"]) for r in rows][::7] == [
        ("Ghezel Hesar Prison", "Karaj", "کرج"),
        ("Birjand Central Prison", "Birjand", ""),
    ]
    collection = json.loads(files["prisons.geojson"])
    properties = [f["properties"] for f in collection["features"]]
    assert list(properties[0]) == list(PRISON_COLUMNS)
    assert [(p["city"], p["city_fa"]) for p in properties][::7] == [
        ("Karaj", "کرج"),
        ("Birjand", ""),
    ]
