"""Counties (shahrestan): a county's name places a row in its province, and nowhere more precise.

Rule tests on the made-up world of fake_world.py with counties added, then the shipped
gazetteer, then what a prisons table does with a county's name (``iranmap check``).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from fake_world import GAZETTEER, write_report
from iranmap.cli import main
from iranmap.gazetteer import County, Place, load_gazetteer
from iranmap.geocode import Geocoder, Match, csv_row
from iranmap.names import county_key

COUNTIES = (
    County("Mamasani", "ممسنی", ("Mamasani", "ممسنی"), "IR-07"),
    County("Marvdasht", "مرودشت", ("Marvdasht", "مرودشت"), "IR-07"),  # also a town
    County("Shemiranat", "شمیرانات", ("Shemiranat", "شمیرانات"), "IR-23"),
    County("Savojbolagh", "ساوجبلاغ", ("Savojbolagh",), "IR-30"),
    County("Savojbolagh", "ساوجبلاغ", ("Savojbolagh",), "IR-23"),  # made up: two provinces
    County("Alborz", "البرز", ("Alborz",), "IR-07"),  # a province's name too (made up here)
    County("Kavar", "کوار", ("Kavar",), "IR-07"),
)
WORLD = replace(GAZETTEER, counties=COUNTIES, places=(Place("Kavar", "IR-30"),))


@pytest.fixture(scope="module")
def world() -> Geocoder:
    return Geocoder(WORLD)


def placed(match: Match) -> tuple[object, ...]:
    return (match.status, match.kind, match.province_iso, match.precision, match.lat)


@pytest.mark.parametrize(
    "name",
    [
        "Mamasani",
        "Mamasani County",
        "mamasani county",
        "Shahrestan-e Mamasani",
        "Shahrestan Mamasani",
        "شهرستان ممسنی",
        "ممسنی",
        "Contea di Mamasani",
        "Verwaltungsbezirk Mamasani",
        "Comté de Mamasani",
        "Condado de Mamasani",
        "Mamasani ilçesi",
        "Mamasani (Fars)",
        "Mamasani, Fars Province",
    ],
)
def test_a_county_name_is_its_province_and_no_town(world: Geocoder, name: str) -> None:
    match = world.place(name)
    assert placed(match) == ("matched", "province", "IR-07", "province", None)
    assert (match.query, match.province, match.city, match.prison) == (name, "Fars", None, None)
    assert (
        match.note == "Mamasani is a county of Fars; placed in the province, at none of its towns"
    )


def test_the_county_key_drops_the_word_for_county_in_every_language() -> None:
    keys = {
        county_key(n)
        for n in ("Mamasani", "Mamasani County", "Shahrestan-e Mamasani", "Contea di Mamasani")
    }
    assert keys == {"mamasani"}
    assert county_key("شهرستان ممسنی") == county_key("ممسنی") == "ممسنی"


def test_a_county_that_is_also_a_town_keeps_the_town(world: Geocoder) -> None:
    match = world.place("Marvdasht")
    assert (match.kind, match.city, match.precision) == ("city", "Marvdasht", "city")


@pytest.mark.parametrize(
    "name",
    [
        "Marvdasht County",
        "Foo, Marvdasht County",
        "شهرستان مرودشت",
        "Contea di Marvdasht",
        "Marvdasht County, Fars Province",  # a province's name names no place of the county
    ],
)
def test_a_county_named_as_one_is_not_its_seat_town(world: Geocoder, name: str) -> None:
    """A word for county says the county, not the town it is named after: the province, with
    no point (the report did not say which of its places)."""
    match = world.place(name)
    assert placed(match) == ("matched", "province", "IR-07", "province", None)
    assert match.note == (
        "Marvdasht is a county of Fars; placed in the province, at none of its towns"
    )


@pytest.mark.parametrize(
    ("name", "city"),
    [
        ("Marvdasht Prison, Marvdasht County", "Marvdasht"),  # the town's prison: the town
        ("city of Marvdasht, Marvdasht County", "Marvdasht"),  # the town itself
        ("Marvdasht, Mamasani County", "Marvdasht"),  # the word is the other county's
        ("Marvdasht, Marvdasht County", "Marvdasht"),  # the town, in its county
        ("Marvdasht, Mamasani County, Fars Province", "Marvdasht"),
    ],
)
def test_a_town_named_beside_a_county_stays_the_town(world: Geocoder, name: str, city: str) -> None:
    match = world.place(name)
    assert (match.status, match.kind, match.city) == ("matched", "city", city)


def test_a_province_name_is_never_a_county(world: Geocoder, shipped: Geocoder) -> None:
    assert world.place("Alborz").status == "unmatched"  # as before: not Fars
    assert world.place("Alborz County").status == "unmatched"
    # Alborz County lies in Qazvin: its name is the province of Alborz's too
    assert shipped.place("Alborz").province_iso != "IR-26"


def test_a_county_of_two_provinces_is_ambiguous_unless_the_row_says(world: Geocoder) -> None:
    alone = world.place("Savojbolagh")
    assert alone.status == "ambiguous"
    assert alone.candidates == ("Savojbolagh County (Alborz)", "Savojbolagh County (Tehran)")
    settled = world.place("Savojbolagh", province="Alborz")
    assert placed(settled) == ("matched", "province", "IR-30", "province", None)


def test_a_county_that_is_also_a_place_elsewhere_is_ambiguous(world: Geocoder) -> None:
    match = world.place("Kavar")  # a county of Fars, and a village of Alborz
    assert match.status == "ambiguous"
    assert match.candidates == ("Kavar County (Fars)", "a place of Alborz")
    assert world.place("Kavar", province="Fars").province_iso == "IR-07"


def test_a_county_the_row_contradicts_places_nothing(world: Geocoder) -> None:
    match = world.place("Mamasani", province="Tehran")
    assert (match.status, match.province_iso) == ("unmatched", None)
    assert match.note == (
        "no county of this name lies in the town or province the name or row gives"
    )
    assert world.place("Mamasani (Tehran)").status == "unmatched"


def test_a_county_is_written_out_with_no_point(world: Geocoder) -> None:
    row = csv_row(world.place("Mamasani County"))
    assert row == ("Mamasani County", "matched", "100", "", "", "", "IR-07", "Fars", "", "",
                   "province")  # fmt: skip


def test_without_counties_nothing_changes() -> None:
    assert Geocoder(GAZETTEER).place("Mamasani").status == "unmatched"


# -- the shipped gazetteer -------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped() -> Geocoder:
    return Geocoder(load_gazetteer())


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("Mamasani", "IR-07"),
        ("Delfan County", "IR-15"),
        ("شهرستان دلفان", "IR-15"),
        ("Shahrestan-e Sarvestan", "IR-07"),
        ("Ashtian", "IR-00"),
        ("Siahkal County", "IR-01"),
        ("Mahneshan County", "IR-19"),
    ],
)
def test_shipped_counties_resolve_to_their_province(shipped: Geocoder, name: str, iso: str) -> None:
    match = shipped.place(name)
    assert placed(match) == ("matched", "province", iso, "province", None)


@pytest.mark.parametrize("name", ["Karun", "Tabriz", "Shiraz", "Tehran", "Sanandaj"])
def test_shipped_counties_named_like_their_town_or_prison_keep_it(
    shipped: Geocoder, name: str
) -> None:
    assert shipped.place(name).kind in ("city", "prison")


def test_shipped_county_names_never_land_in_another_province(shipped: Geocoder) -> None:
    """Every county's own name, alone, is its province, ambiguous, or a town or prison of its
    own province (a county is named after its seat): never a place of another province."""
    gazetteer = load_gazetteer()
    elsewhere = []
    for county in gazetteer.counties:
        for name in (county.name_en, county.name_fa):
            match = shipped.place(name)
            if match.status == "matched" and match.province_iso != county.province_iso:
                elsewhere.append((name, county.province_iso, match.province_iso))
    assert len(gazetteer.counties) >= 450
    assert {c.province_iso for c in gazetteer.counties} == {p.iso for p in gazetteer.provinces}
    # Names of a county that are also a town or prison of another province keep that town:
    # these are the ones the rule leaves as they were (measured; none is a county's answer).
    assert all(shipped.place(name).kind != "province" for name, _, _ in elsewhere)


def test_no_shipped_county_named_as_one_is_its_seat_or_another_province(
    shipped: Geocoder,
) -> None:
    """Every county's name with its word for county (English, Persian): its own province at
    precision province, ambiguous, or unresolved; never a town or prison ("Isfahan County",
    "Rey County", "شهرستان قائم شهر"), never another province."""
    counties = load_gazetteer().counties
    names = [(f"{c.name_en} County", c.province_iso) for c in counties]
    names += [(f"شهرستان {c.name_fa}", c.province_iso) for c in counties if c.name_fa]
    found = [(name, iso, shipped.place(name)) for name, iso in names]
    assert [
        (name, match.kind, match.province_iso)
        for name, iso, match in found
        if match.status == "matched" and (match.kind, match.province_iso) != ("province", iso)
    ] == []
    assert sum(match.status == "matched" for _, _, match in found) > 800


# -- a prisons table --------------------------------------------------------------------------


def test_a_county_in_a_prisons_table_is_named_and_not_drawn(tmp_path: Path) -> None:
    folder = write_report(
        tmp_path / "r", "prison,executions,city\nMamasani,2,\nDelfan County,1,Nurabad\n"
    )
    result = CliRunner().invoke(main, ["check", str(folder)])
    assert result.exit_code == 1
    out = result.stdout.replace(str(folder), "R").splitlines()
    assert out[0] == (
        "R/prisons.csv:2: prison 'Mamasani' names a county of Fars (IR-07), not a prison or "
        "town, so it has no point on the map; give the row's city (or lat and lon) where the "
        "source names one, or count the row in provinces.csv under Fars"
    )
    assert not any("Delfan" in line for line in out)  # its row names its town: placed there


def test_a_county_named_like_a_town_of_another_province_is_ambiguous() -> None:
    counties = (*COUNTIES, County("Karaj", "کرج", ("Karaj",), "IR-07"))  # made up: not Alborz's
    geocoder = Geocoder(replace(WORLD, counties=counties))
    match = geocoder.place("Karaj")
    assert match.status == "ambiguous"
    assert match.candidates == ("Karaj (Alborz)", "Karaj County (Fars)")
    assert geocoder.place("Karaj", province="Alborz").city == "Karaj"
    assert placed(geocoder.place("Karaj", province="Fars"))[:3] == ("matched", "province", "IR-07")


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("Zarandieh", "IR-00"),  # was Zarand (Kerman) by a near spelling
        ("Bakharz County", "IR-09"),  # was Bahar (Hamadan)
        ("Savojbolagh", "IR-30"),  # was Mahabad (West Azerbaijan), whose old name is near it
    ],
)
def test_an_exact_county_beats_a_near_spelling_of_a_town_elsewhere(
    shipped: Geocoder, name: str, iso: str
) -> None:
    assert placed(shipped.place(name))[:3] == ("matched", "province", iso)


def test_a_shipped_county_named_like_a_town_elsewhere_needs_the_row(shipped: Geocoder) -> None:
    alone = shipped.place("Baharestan")  # a county of Tehran, a town of Isfahan
    assert alone.status == "ambiguous"
    assert "Baharestan County (Tehran)" in alone.candidates
    assert shipped.place("Baharestan", province="Tehran").kind == "province"
    assert shipped.place("Baharestan", province="Isfahan").kind == "city"
    assert shipped.place("Shiraz").kind == "city"  # a county's seat keeps the town
    assert shipped.place("Pîranşar").kind == "city"  # a Kurdish name of the town and county
