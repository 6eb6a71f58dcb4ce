"""A place a name says is near somewhere is never placed far from there (geocode/_nearby.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from fake_world import write_report
from iranmap.cli import main
from iranmap.gazetteer import load_gazetteer
from iranmap.geocode import Geocoder
from iranmap.geocode._bounds import NEAR_KM
from iranmap.geocode.index import km
from iranmap.names import parse_place


@pytest.mark.parametrize(
    ("name", "near"),
    [
        ("Ghezel Hesar Prison near Tehran", ("tihran",)),
        ("قرية سنقر قرب شيراز", ("شیراز",)),
        ("Qezelhesar prison west of Tehran", ("tihran",)),
        ("Tahran yakınındaki Kızılhisar Cezaevi", ("tahran",)),
        ("Vakilabad Prison, near Tabriz", ("tabriz",)),
        ("Evin Prison in Tehran", ()),
    ],
)
def test_what_a_name_says_its_place_is_near(name: str, near: tuple[str, ...]) -> None:
    assert parse_place(name).near == near


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("Ghezel Hesar Prison near Tehran", "IR-30"),  # in Karaj, Alborz: near, not in
        ("زندان قزلحصار نزدیک تهران", "IR-30"),
        ("Tahran yakınındaki Kızılhisar Cezaevi", "IR-30"),
        ("Dizel Abad prison near Kermanshah", "IR-05"),
        ("Kermanshah, west of Tehran", "IR-05"),  # 425 km: "west of" is read as near
    ],
)
def test_a_place_near_where_the_name_says_is_placed(
    geocoder: Geocoder, name: str, iso: str
) -> None:
    match = geocoder.place(name)
    assert (match.status, match.province_iso) == ("matched", iso)


@pytest.mark.parametrize(
    ("name", "note"),
    [
        (
            "مدينة سنقر قرب شيراز",  # a town near Shiraz, not Kermanshah's town of Sonqor
            "Sonqor (Kermanshah) lies 739 km from Shiraz, which the name says the place is "
            "near: another place, which the gazetteer does not know",
        ),
        (
            "Vakilabad Prison, near Tabriz",
            "Vakilabad Prison (Razavi Khorasan) lies 1,196 km from Tabriz, which the name says "
            "the place is near: another place, which the gazetteer does not know",
        ),
    ],
)
def test_a_place_far_from_where_the_name_says_is_left_unresolved(
    geocoder: Geocoder, name: str, note: str
) -> None:
    match = geocoder.place(name)
    assert (match.status, match.province_iso, match.note) == ("unmatched", None, note)


def test_no_town_said_to_be_near_its_nearest_town_is_held_too_far(geocoder: Geocoder) -> None:
    """Every town of the gazetteer, said to be near the nearest other town (always within
    NEAR_KM), keeps its answer: the rule removes only far readings."""
    towns = list(load_gazetteer().cities)
    refused = []
    for town in towns:
        away, nearest = min(
            (km(town.lat, town.lon, o.lat, o.lon), o.name) for o in towns if o.name != town.name
        )
        assert away < NEAR_KM
        note = geocoder.place(f"{town.name} near {nearest}").note or ""
        if "which the name says the place is near" in note:
            refused.append((town.name, nearest, note))
    assert refused == []


@pytest.mark.parametrize(
    ("name", "province", "iso", "note"),
    [
        (
            "village of Sonqor",  # a village of that name, anywhere: not Kermanshah's town
            "",
            None,
            "the name says a village, and the town of Sonqor (Kermanshah) is another place; "
            "give the village's province in the row to place it there",
        ),
        (
            "گوندی مهاباد",  # Kurdish: the village of that name, or a village of Mahabad's
            "",
            None,
            "the name says a village, and the town of Mahābād (West Azerbaijan) is another "
            "place; give the village's province in the row to place it there",
        ),
        (
            "روستای سنقر",
            "Kermanshah",
            "IR-05",
            "the name says a village of Kermanshah, which the gazetteer does not place: placed "
            "at its province (the town of Sonqor is another place)",
        ),
        (
            "Sonqor, a village in Kermanshah province",
            "",
            "IR-05",
            "the name says a village of Kermanshah, which the gazetteer does not place: placed "
            "at its province (the town of Sonqor is another place)",
        ),
        (
            "روستای ایستی سو سلماس",  # a village the gazetteer lacks, of the town of Salmas
            "",
            "IR-04",
            "the name says a village of West Azerbaijan, which the gazetteer does not place: "
            "placed at its province (the town of Salmās is another place)",
        ),
        (
            "village of Isti Su, Salmas",  # its town apart, read as the Persian name's run on
            "",
            "IR-04",
            "the name says a village of West Azerbaijan, which the gazetteer does not place: "
            "placed at its province (the town of Salmās is another place)",
        ),
        (
            "روستای ناشناخته",  # a village the gazetteer lacks, in the row's province
            "Fars",
            "IR-07",
            "the name says a village of Fars, which the gazetteer does not place: placed at "
            "its province",
        ),
    ],
)
def test_a_village_is_placed_at_its_province_or_not_at_all(
    geocoder: Geocoder, name: str, province: str, iso: str | None, note: str
) -> None:
    match = geocoder.place(name, province=province)
    kind = "province" if iso else None
    assert (match.province_iso, match.kind, match.note) == (iso, kind, note)


def test_no_village_of_a_towns_name_is_placed_at_the_town(geocoder: Geocoder) -> None:
    """Every town of the gazetteer, written as a village of its name, is never placed at a
    town, nor in another province; with its province beside it, it is that province."""
    towns = [c for c in load_gazetteer().cities if c.name.isascii()]
    wrong = []
    for town in towns:
        for name in (f"village of {town.name}", f"{town.name} village"):
            alone = geocoder.place(name)
            beside = geocoder.place(name, province=town.province_iso)
            if alone.kind == "city" or alone.province_iso not in (None, town.province_iso):
                wrong.append((name, alone.kind, alone.province_iso))
            if beside.status == "matched" and beside.province_iso != town.province_iso:
                wrong.append((name, "beside", beside.province_iso))
    assert wrong == []


def test_check_says_why_a_village_or_a_far_reading_has_no_point(tmp_path: Path) -> None:
    folder = write_report(
        tmp_path / "r",
        "prison,executions,province\nvillage of Sonqor,3,\nSonqor near Shiraz,2,\n"
        "روستای سنقر,1,Kermanshah\n",
    )
    result = CliRunner().invoke(main, ["check", str(folder)])
    assert result.exit_code == 1
    assert result.stdout.replace(str(folder), "R").splitlines()[:3] == [
        "R/prisons.csv:2: prison 'village of Sonqor' is placed nowhere: the name says a "
        "village, and the town of Sonqor (Kermanshah) is another place; give the village's "
        "province in the row to place it there; write the prison or the town the source means, "
        "give the row's city or province, or add lat and lon",
        "R/prisons.csv:3: prison 'Sonqor near Shiraz' is placed nowhere: Sonqor (Kermanshah) "
        "lies 739 km from Shiraz, which the name says the place is near: another place, which "
        "the gazetteer does not know; write the prison or the town the source means, give the "
        "row's city or province, or add lat and lon",
        "R/prisons.csv:4: prison 'روستای سنقر' names a village of Kermanshah that the gazetteer "
        "does not place, not a prison or town, so it has no point on the map; give the row's "
        "city (or lat and lon) where the source names one, or count the row in provinces.csv "
        "under Kermanshah",
    ]
