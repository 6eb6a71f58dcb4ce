"""iranmap.gazetteer: reading provinces.csv, prisons.csv and cities.csv into frozen records."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from iranmap.errors import GeodataError
from iranmap.gazetteer import (
    CITY_COLUMNS,
    PRISON_COLUMNS,
    PROVINCE_COLUMNS,
    City,
    Prison,
    Province,
    load_gazetteer,
)

REBUILD = "rebuild it with `make geodata` or reinstall iranmap"

PROVINCES = """iso,iso_pre2020,hasc,name_en,name_fa,aliases,capital,population
IR-23,IR-07,IR.TH,Tehran,تهران,Tehran|Teheran|تهران,Tehran,13267637
IR-30,IR-32,IR.AL,Alborz,البرز,Alborz|البرز,Karaj,
"""
PRISONS = """id,name_en,name_fa,aliases,ambiguous,city,province_iso,lat,lon,precision,source
evin,Evin Prison,زندان اوین,Evin Prison|Evin,,Tehran,IR-23,35.796,51.384,facility,a page
karaj-central,Karaj Central Prison,,Karaj Central Prison| Central Karaj |,,Karaj,IR-30,\
35.83266,50.99155,city,GeoNames
"""
CITIES = """geonameid,name,name_fa,aliases,province_iso,lat,lon,population,homonyms
112931,Tehran,تهران,Teheran|Tahran,IR-23,35.69439,51.42151,7153309,
128747,Karaj,,,IR-30,35.83266,50.99155,1448075,IR-04|IR-12
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "provinces.csv").write_text(PROVINCES, encoding="utf-8")
    (tmp_path / "prisons.csv").write_text(PRISONS, encoding="utf-8")
    (tmp_path / "cities.csv").write_text(CITIES, encoding="utf-8")
    return tmp_path


def replace_line(path: Path, line: int, text: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[line - 1] = text
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# -- reading --------------------------------------------------------------------------------


def test_records_are_read_with_their_types(folder: Path) -> None:
    gazetteer = load_gazetteer(folder)
    assert gazetteer.provinces == (
        Province(
            "IR-23", "IR-07", "IR.TH", "Tehran", "تهران", ("Tehran", "Teheran", "تهران"), "Tehran",
            13_267_637,
        ),
        Province("IR-30", "IR-32", "IR.AL", "Alborz", "البرز", ("Alborz", "البرز"), "Karaj", None),
    )  # fmt: skip
    assert gazetteer.prisons[1] == Prison(
        id="karaj-central",
        name_en="Karaj Central Prison",
        name_fa="",
        aliases=("Karaj Central Prison", "Central Karaj"),
        ambiguous=(),
        city="Karaj",
        province_iso="IR-30",
        lat=35.83266,
        lon=50.99155,
        precision="city",
        source="GeoNames",
    )
    assert gazetteer.cities[0] == City(
        112931, "Tehran", "تهران", ("Teheran", "Tahran"), "IR-23", 35.69439, 51.42151, 7_153_309
    )


def test_lookup_helpers(folder: Path) -> None:
    gazetteer = load_gazetteer(folder)
    assert gazetteer.province("IR-30").name_en == "Alborz"  # type: ignore[union-attr]
    assert gazetteer.province("IR-32") is None
    assert gazetteer.province_pre2020("IR-07").name_en == "Tehran"  # type: ignore[union-attr]
    assert gazetteer.prison("evin").precision == "facility"  # type: ignore[union-attr]
    assert gazetteer.prison("nowhere") is None
    assert gazetteer.city(128747).name == "Karaj"  # type: ignore[union-attr]
    assert [p.id for p in gazetteer.prisons_in("IR-30")] == ["karaj-central"]


def test_the_default_folder_is_read_once() -> None:
    first = load_gazetteer()
    assert load_gazetteer() is first
    assert len(first.provinces) == 31
    assert first.prison("ghezel-hesar") is not None


def test_an_edited_file_is_read_again(folder: Path) -> None:
    assert len(load_gazetteer(folder).cities) == 2
    path = folder / "cities.csv"
    path.write_text(CITIES.splitlines()[0] + "\n", encoding="utf-8")
    os.utime(path, ns=(1, 1))
    assert load_gazetteer(folder).cities == ()


def test_homonyms_are_read_and_may_be_missing(folder: Path) -> None:
    karaj = load_gazetteer(folder).cities[1]
    assert karaj.homonyms == ("IR-04", "IR-12")
    path = folder / "cities.csv"
    path.write_text(
        "".join(line.rsplit(",", 1)[0] + "\n" for line in CITIES.splitlines()), encoding="utf-8"
    )
    os.utime(path, ns=(2, 2))
    assert [c.homonyms for c in load_gazetteer(folder).cities] == [(), ()]


def test_the_column_lists_are_the_data_contract() -> None:
    headers = [text.splitlines()[0].split(",") for text in (PROVINCES, PRISONS, CITIES)]
    assert headers == [list(PROVINCE_COLUMNS), list(PRISON_COLUMNS), list(CITY_COLUMNS)]


# -- errors ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["provinces.csv", "prisons.csv", "cities.csv"])
def test_a_missing_file_says_which_and_how_to_fix(folder: Path, name: str) -> None:
    (folder / name).unlink()
    with pytest.raises(GeodataError) as caught:
        load_gazetteer(folder)
    assert str(caught.value) == f"{folder / name}: file not found; {REBUILD}"


def test_a_missing_column_gives_file_and_line(folder: Path) -> None:
    path = folder / "prisons.csv"
    replace_line(path, 1, PRISONS.splitlines()[0].replace(",precision", ",accuracy"))
    with pytest.raises(GeodataError) as caught:
        load_gazetteer(folder)
    assert str(caught.value) == (
        f"{path}:1: missing column 'precision' (found ['id', 'name_en', 'name_fa', 'aliases', "
        f"'ambiguous', 'city', 'province_iso', 'lat', 'lon', 'accuracy', 'source']); {REBUILD}"
    )


def test_a_bad_number_gives_file_line_and_column(folder: Path) -> None:
    path = folder / "cities.csv"
    replace_line(path, 3, "128747,Karaj,,,IR-30,35.8N,50.99155,1448075,")
    with pytest.raises(GeodataError) as caught:
        load_gazetteer(folder)
    assert str(caught.value) == (
        f"{path}:3: column 'lat': expected a number, found '35.8N'; {REBUILD}"
    )


def test_a_bad_population_gives_file_line_and_column(folder: Path) -> None:
    path = folder / "provinces.csv"
    replace_line(path, 2, "IR-23,IR-07,IR.TH,Tehran,تهران,Tehran,Tehran,13.2 million")
    with pytest.raises(GeodataError) as caught:
        load_gazetteer(folder)
    assert str(caught.value) == (
        f"{path}:2: column 'population': expected a whole number, found '13.2 million'; {REBUILD}"
    )


def test_an_unknown_precision_is_refused(folder: Path) -> None:
    path = folder / "prisons.csv"
    replace_line(path, 2, "evin,Evin Prison,,Evin,,Tehran,IR-23,35.796,51.384,exact,a page")
    with pytest.raises(GeodataError) as caught:
        load_gazetteer(folder)
    assert str(caught.value) == (
        f"{path}:2: column 'precision': expected 'facility' or 'city', found 'exact'; {REBUILD}"
    )


def test_an_empty_required_value_is_refused(folder: Path) -> None:
    path = folder / "cities.csv"
    replace_line(path, 2, "112931,,تهران,,IR-23,35.69439,51.42151,7153309,")
    with pytest.raises(GeodataError) as caught:
        load_gazetteer(folder)
    assert str(caught.value) == f"{path}:2: column 'name': expected a value, found ''; {REBUILD}"


def test_a_short_row_is_refused(folder: Path) -> None:
    path = folder / "cities.csv"
    replace_line(path, 2, "112931,Tehran,تهران")
    with pytest.raises(GeodataError) as caught:
        load_gazetteer(folder)
    assert str(caught.value) == f"{path}:2: expected 9 fields, found 3; {REBUILD}"


# -- places.csv -------------------------------------------------------------------------------

PLACES = """geonameid,name,aliases,province_iso,lat,lon,population
145005,Abkenar,Ab-kinar|آبکنار,IR-01,37.45958,49.33155,1926
"""


def test_places_are_read_with_their_point_and_spellings(folder: Path) -> None:
    (folder / "places.csv").write_text(PLACES, encoding="utf-8")
    (place,) = load_gazetteer(folder).places
    assert (place.geonameid, place.name, place.aliases) == (
        145005,
        "Abkenar",
        ("Ab-kinar", "آبکنار"),
    )
    assert (place.province_iso, place.lat, place.lon, place.population) == (
        "IR-01",
        37.45958,
        49.33155,
        1926,
    )


def test_a_places_file_of_names_only_is_read_with_no_points(folder: Path) -> None:
    (folder / "places.csv").write_text("name,province_iso,population\nAbkenar,IR-01,1926\n")
    (place,) = load_gazetteer(folder).places
    assert (place.name, place.aliases, place.lat, place.geonameid) == ("Abkenar", (), None, 0)


def test_a_place_with_a_bad_point_gives_file_line_and_column(folder: Path) -> None:
    path = folder / "places.csv"
    path.write_text(PLACES.replace("37.45958", "37.4N"), encoding="utf-8")
    with pytest.raises(GeodataError) as caught:
        load_gazetteer(folder)
    assert str(caught.value) == (
        f"{path}:2: column 'lat': expected a number, found '37.4N'; {REBUILD}"
    )


def test_a_city_without_its_point_column_is_refused(folder: Path) -> None:
    path = folder / "cities.csv"
    path.write_text(CITIES.replace(",lat,", ",latitude,"), encoding="utf-8")
    with pytest.raises(GeodataError) as caught:
        load_gazetteer(folder)
    assert str(caught.value).startswith(f"{path}:1: missing column 'lat' (found ")
