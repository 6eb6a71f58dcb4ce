"""The context tables print around a name the gazetteer does not know (issue 20, "Names, by
rule"; written against the categories of the misses of tests/data/geocode/heldout9-names.csv):
a province or town set apart without a word for province ("Rostamkala, Mazandaran"). Each rule
with names it must place, names it must leave alone, and a check over every town and prison of
the gazetteer that no name it reads lands in another province."""

from __future__ import annotations

import pytest

from iranmap.geocode import Geocoder
from iranmap.names import parse_place
from townnames import where

# -- a place, then its province or town without a word for province ---------------------------


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("Rostamkala, Mazandaran", "IR-02"),  # a province's name, no town's
        ("Chenarshahijan, Fars", "IR-07"),
        ("Xyzabad (Fars)", "IR-07"),  # in brackets, as after a comma
        ("Boladji, Chaharmahal and Bakhtiari", "IR-14"),
        ("Foo - Gilan", "IR-01"),  # a spaced dash is a comma
        ("Pasikhan, Rasht", "IR-01"),  # a town whose every neighbour lies in its province
        ("Foo, Kerman", "IR-08"),  # a province's capital, no other province's town near it
        ("کوچصفهان، گیلان", "IR-01"),
        ("کوچصفهان - گیلان", "IR-01"),  # a spaced dash, in Persian too
    ],
)
def test_a_place_with_its_province_apart_is_the_province(
    geocoder: Geocoder, name: str, iso: str
) -> None:
    match = geocoder.place(name)
    assert where(match) == ("matched", iso)
    assert (match.kind, match.precision, match.lat, match.lon) == (
        "province",
        "province",
        None,
        None,
    )
    assert match.reading is not None and match.reading.endswith("that the gazetteer does not know")


@pytest.mark.parametrize(
    "name",
    [
        "Foo, Tehran",  # Karaj (Alborz) lies 32 km from Tehran: the place may be near it
        "Foo (Tehran)",
        "Foo, Isfahan",  # a town of Chaharmahal and Bakhtiari lies 78 km from Isfahan
        "Foo, Golestan",  # a town of Tehran, and the province: which is not said
        "Karaj, Fars",  # a town of Alborz: the name contradicts itself
        "Bayram, Fars",  # a place of East Azerbaijan the gazetteer knows by name
        "Foo, Fars, Kerman",  # two provinces
        "Tabriiz, Fars",  # a misspelled town of another province
    ],
)
def test_a_place_with_a_province_apart_that_settles_nothing(geocoder: Geocoder, name: str) -> None:
    assert geocoder.place(name).status != "matched"


def test_a_town_with_its_province_after_a_spaced_dash(geocoder: Geocoder) -> None:
    assert where(geocoder.place("زندان تبریز - آذربایجان شرقی")) == ("matched", "IR-03")
    assert geocoder.place("زندان تبریز - فارس").status != "matched"  # a town of another


def _following(geocoder: Geocoder) -> dict[str, tuple[str, str]]:
    """The next province (by code) of each province, as (English name, Persian name)."""
    provinces = sorted(geocoder._index.provinces.values(), key=lambda p: p.iso)
    return {
        p.iso: (
            provinces[(at + 1) % len(provinces)].name_en,
            provinces[(at + 1) % len(provinces)].name_fa,
        )
        for at, p in enumerate(provinces)
    }


def test_no_town_with_another_province_apart_lands_there(
    geocoder: Geocoder, latin: list[tuple[str, str]], persian: list[tuple[str, str]]
) -> None:
    """Every other town and prison, Latin and Persian, with the next province's name after a
    comma, a spaced dash or in brackets: placed in its own province, in that one where a place
    of its name lies there, or nowhere."""
    following = _following(geocoder)
    others = geocoder._index.other_places
    wrong = []
    for names, script, comma in ((latin, 0, "{}, {}"), (persian, 1, "{}، {}")):
        for at, (name, iso) in enumerate(names[::2]):
            given = following[iso][script]
            match = geocoder.place((comma, "{} ({})", "{} - {}")[at % 3].format(name, given))
            there = {iso} | others.get(parse_place(name).core, frozenset())
            if match.status == "matched" and match.province_iso not in there:
                wrong.append((name, given, match.province_iso))
    assert wrong == []
