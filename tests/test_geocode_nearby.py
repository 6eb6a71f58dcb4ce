"""A place a name says is near somewhere is never placed far from there (geocode/_nearby.py)."""

from __future__ import annotations

import pytest

from iranmap.gazetteer import load_gazetteer
from iranmap.geocode import Geocoder
from iranmap.geocode._nearby import NEAR_KM
from iranmap.geocode.index import km
from iranmap.names import parse_place


@pytest.fixture(scope="module")
def geocoder() -> Geocoder:
    return Geocoder(load_gazetteer())


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
            "قرية سنقر قرب شيراز",  # a village near Shiraz, not Kermanshah's town of Sonqor
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
