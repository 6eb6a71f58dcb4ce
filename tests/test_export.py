"""The data downloads: the joined figures as CSV and GeoJSON, as the maps show them."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path

import pytest

from fake_world import GAZETTEER, polygons, write_report
from iranmap.export import PRISON_COLUMNS, csv_text, data_files
from iranmap.geocode import Match
from iranmap.join import join
from iranmap.limits import MAX_NAMES
from iranmap.reports import load_report
from mapfixture import CITIES_FA, make_joined, with_tables

#: What spreadsheets run as formulas, one per way a cell can start (OWASP, CSV injection).
HOSTILE = (
    '=HYPERLINK("http://example.invalid","Evin")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\tTab Prison",
    "\rReturn Prison",
)
#: The ones a report's prisons.csv can carry (reading strips a leading tab; a CR ends a line).
PRINTABLE = HOSTILE[:4]


def rows_of(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def test_prison_downloads_say_how_each_name_was_matched(tmp_path: Path) -> None:
    text = "prison,executions,lat,lon\nEvin Prison,3,,\nAdelbad,2,,\nNew Camp,1,35.9,52.1\n"
    files = data_files(join(load_report(write_report(tmp_path / "r", text)), GAZETTEER, polygons()))
    rows = rows_of(files["prisons.csv"])
    assert [(r["as_reported"], r["name_en"], r["match"], r["score"]) for r in rows] == [
        ("Evin Prison", "Evin Prison", "exact", "100.0"),
        ("Adelbad", "Adelabad Prison", "fuzzy", "93.3"),
        ("New Camp", "New Camp", "latlon", ""),
    ]
    properties = [f["properties"] for f in json.loads(files["prisons.geojson"])["features"]]
    assert [(p["as_reported"], p["match"], p["score"]) for p in properties] == [
        ("Evin Prison", "exact", 100.0),
        ("Adelbad", "fuzzy", 93.3),
        ("New Camp", "latlon", None),
    ]


def test_formula_like_text_is_neutralised() -> None:
    assert [csv_text(text)[:2] for text in HOSTILE] == ["'=", "'+", "'-", "'@", "'\t", "'\r"]
    assert csv_text("Evin Prison") == "Evin Prison"
    assert csv_text("زندان اوین") == "زندان اوین"
    assert csv_text("") == ""


def test_hostile_names_are_text_in_every_csv_and_numbers_stay_numbers(tmp_path: Path) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["prison", "executions", "lat", "lon", "city"])
    for i, name in enumerate(PRINTABLE):
        writer.writerow([name, i + 1, f"29.{i}1", f"52.{i}1", name])
    folder = write_report(tmp_path / "r", buffer.getvalue())
    joined = join(load_report(folder), GAZETTEER, polygons())
    files = data_files(joined)
    prisons = rows_of(files["prisons.csv"])
    by_count = {int(row["executions"]): row for row in prisons}  # numbers are plain numbers
    for i, name in enumerate(PRINTABLE):
        row = by_count[i + 1]
        assert row["name_en"] == f"'{name}"
        assert row["city"] == f"'{name}"
        assert float(row["lat"]) == float(f"29.{i}1")
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row.values())
    provinces = rows_of(files["provinces.csv"])
    fars = next(row for row in provinces if row["iso"] == "IR-07")
    assert fars["executions"] == str(sum(range(1, len(PRINTABLE) + 1)))
    # The GeoJSON downloads are data, not spreadsheets: the names stay as the report wrote them.
    features = json.loads(files["prisons.geojson"])["features"]
    assert sorted(f["properties"]["name_en"] for f in features) == sorted(PRINTABLE)


def test_control_characters_at_the_start_of_a_cell_are_neutralised_too() -> None:
    """A report file cannot carry a leading tab or CR through reading; a table still could."""
    joined = make_joined()
    count = len(joined.prisons)
    names = [HOSTILE[i % len(HOSTILE)] for i in range(count)]
    hostile = with_tables(joined, prisons=joined.prisons.assign(name_en=names, province_en=names))
    for row, name in zip(rows_of(data_files(hostile)["prisons.csv"]), names, strict=True):
        assert (row["name_en"], row["province_en"]) == (f"'{name}", f"'{name}")


class _Unknown:
    """A geocoder that knows no name: every row is placed by its own coordinates."""

    def place(self, name: str) -> Match:
        return Match(name, "unmatched", 0.0)

    def places(self, names: Iterable[str]) -> list[Match]:
        return [self.place(name) for name in names]

    def province(self, name: str, iso_scheme: str = "2020") -> Match:
        return Match(name, "unmatched", 0.0)


@pytest.mark.slow
def test_a_province_of_the_most_prisons_allowed_cites_its_lines_as_one_range(
    tmp_path: Path,
) -> None:
    count = MAX_NAMES
    lines = (
        f"Site {i},1,{27.5 + (i // 1000) * 0.003:.3f},{51.5 + (i % 1000) * 0.003:.3f}"
        for i in range(count)
    )
    text = "prison,executions,lat,lon\n" + "\n".join(lines) + "\n"
    folder = write_report(tmp_path / "r", text, total=count)
    joined = join(load_report(folder), GAZETTEER, polygons(), geocoder=_Unknown())
    files = data_files(joined)
    provinces = rows_of(files["provinces.csv"])
    fars = next(row for row in provinces if row["iso"] == "IR-07")
    assert (fars["executions"], fars["source"]) == (str(count), f"prisons.csv:2-{count + 1}")
    for name in ("provinces.csv", "prisons.csv"):
        longest = max(len(cell) for row in rows_of(files[name]) for cell in row.values())
        assert longest <= 32_767, name  # what a spreadsheet cell holds


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


def test_the_data_files_are_the_downloads_the_pages_link() -> None:
    from iranmap.render.page import DOWNLOADS

    assert sorted(data_files(make_joined())) == sorted(DOWNLOADS)
