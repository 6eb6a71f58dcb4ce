"""Near spellings (geocode/_near.py): a name one swap or Turkish vowels away from one place only.

Rule tests on the made-up world of fake_world.py, then the shipped gazetteer: the names it
reads, the names it must leave alone, what ``check`` says, and the false-match measurement the
thresholds come from (every Latin name the gazetteer knows, read as if its own place were
missing: none may land in another province).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from fake_world import GAZETTEER, write_report
from iranmap.cli import main
from iranmap.gazetteer import City, Place, load_gazetteer
from iranmap.geocode import Geocoder, Match, read_name
from iranmap.geocode._near import NearSpellings, _merged, _swapped, _turkish
from iranmap.geocode.index import Entry, PlaceIndex, name_key_of, prison_and_its_town

CITIES = (
    *GAZETTEER.cities,
    City(5, "Sanandaj", "سنندج", ("Sanandaj",), "IR-30", 35.31, 51.0, 412_767),
    City(6, "Borujerd", "بروجرد", ("Borujerd",), "IR-07", 29.9, 52.0, 234_997),
    City(7, "Borujen", "بروجن", ("Borujen",), "IR-23", 35.9, 51.8, 57_071),
)
WORLD = replace(GAZETTEER, cities=CITIES, places=(Place("Marvdashti", "IR-23"),))


@pytest.fixture(scope="module")
def world() -> Geocoder:
    return Geocoder(WORLD)


def test_a_swap_is_two_neighbours_exchanged_after_the_first_letter() -> None:
    assert _swapped("tarbiz", "tabriz")
    assert not _swapped("radikan", "ardikan")  # the first letter: another name
    assert not _swapped("tabriz", "tabriz")
    assert not _swapped("tarbz", "tabriz")  # a letter dropped is no swap
    assert not _swapped("qum", "qmu")  # too short to say


def test_turkish_vowels_are_a_and_e_read_as_one_in_long_keys() -> None:
    assert _turkish("sinindij", "sanandaj")  # Senendej, Sanandaj
    assert not _turkish("izadshahr", "azadshahr")  # the first vowel is kept
    assert not _turkish("shizand", "shazand")  # under 8 letters: the first vowel is kept
    assert not _turkish("shirud", "sharud")
    assert _turkish("isfihan", "isfahan")  # ... and a later a/e is one vowel (Esfehan)
    assert _turkish("birjind", "birjand")  # Birjend
    assert not _turkish("rasht", "risht")  # under 6 letters: none
    assert not _turkish("husinabad", "husunabad")  # o/u is another vowel


@pytest.mark.parametrize(
    ("name", "city"),
    [
        ("Tarbiz", None),
        ("Shirza", "Shiraz"),
        ("Senendej", "Sanandaj"),
        ("Senendej Prison", "Sanandaj"),
    ],
)
def test_a_near_spelling_of_one_place_is_read_as_it(
    world: Geocoder, name: str, city: str | None
) -> None:
    match = world.place(name)
    if city is None:
        assert match.status == "unmatched"  # no Tabriz in this world
        return
    assert (match.status, match.city) == ("matched", city)
    assert (match.note or "").startswith(f"read as {city}, a near spelling")
    assert read_name(match) == city


def test_a_near_spelling_the_row_contradicts_places_nothing(world: Geocoder) -> None:
    assert world.place("Senendej", province="Alborz").city == "Sanandaj"
    match = world.place("Senendej", province="Fars")
    assert (match.status, match.city, match.province_iso) == ("unmatched", None, None)


def test_a_name_near_two_places_is_left_alone(world: Geocoder) -> None:
    """'Shirza' is one swap from Shiraz; with a village 'Shirzad' one letter from it too, it
    is near two places and reads as neither."""
    assert world.place("Shirza").city == "Shiraz"
    other = Geocoder(replace(WORLD, places=(Place("Shirzad", "IR-23"),)))
    assert other.place("Shirza").status == "unmatched"
    near = NearSpellings(PlaceIndex(WORLD), WORLD)
    assert near.spelling("burujind") is None  # one letter from Borujerd and from Borujen


def test_a_name_near_a_place_of_another_kind_is_left_alone(world: Geocoder) -> None:
    """'Marvdashti' is a village of Tehran here: 'Marvdahsti' is near it and Marvdasht."""
    near = NearSpellings(PlaceIndex(WORLD), WORLD)
    assert near.spelling(name_key_of("Marvdahst")) is not None  # one swap, Marvdasht only
    assert near.spelling(name_key_of("Marvdahsti")) is None  # near the village, too
    assert world.place("Marvdahst").city == "Marvdasht"


def test_persian_and_short_names_are_not_read_by_this_rule(world: Geocoder) -> None:
    near = NearSpellings(PlaceIndex(WORLD), WORLD)
    assert near.near("شیرار") == ({}, {})
    assert near.spelling("kraj") is None  # under 5 letters


# -- the shipped gazetteer -------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped() -> Geocoder:
    return Geocoder(load_gazetteer())


@pytest.mark.parametrize(
    ("name", "iso", "read"),
    [
        ("Tarbiz", "IR-03", "Tabriz"),
        ("Sanendaj cezaevi", "IR-12", "Sanandaj"),  # Senendej is a Turkish name (local-names)
        ("Kermashna", "IR-05", "Kermanshah"),
        ("Ahvza prison", "IR-06", "Ahvaz"),
    ],
)
def test_shipped_near_spellings(shipped: Geocoder, name: str, iso: str, read: str) -> None:
    match = shipped.place(name)
    assert (match.status, match.province_iso) == ("matched", iso)
    assert read_name(match) == read


@pytest.mark.parametrize(
    "name",
    [
        "Yasui",  # one letter changed in a short name: Yasuj, but such slips land elsewhere
        "Dizel-Amab",  # two letters changed
        "Radekan",  # a first letter swapped: a village of Qazvin, not Ardakan
        "Izad Shahr",  # a first vowel changed: Mazandaran's, not Golestan's Azadshahr
        "Shizand",  # a vowel changed in a short name: Qazvin's, not Markazi's Shazand
        "Hoseynabad",  # Hosein is not Hasan
    ],
)
def test_shipped_names_the_rule_leaves_alone(shipped: Geocoder, name: str) -> None:
    match = shipped.place(name)
    assert match.status != "matched" or read_name(match) is None


def test_check_says_what_a_near_spelling_was_read_as(tmp_path: Path) -> None:
    folder = write_report(tmp_path / "r", "prison,executions\nTarbiz,2\nSanendaj cezaevi,3\n")
    result = CliRunner().invoke(main, ["check", str(folder)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    out = result.stdout.replace(str(folder), "R").splitlines()
    assert (
        "R/prisons.csv:2  'Tarbiz' -> Tarbiz, Tabriz, East Azerbaijan (IR-03) [city]; "
        "read as Tabriz, a near spelling; likely Tabriz Central Prison: confirm with a place "
        "column"
    ) in out
    assert any(line.startswith("R/prisons.csv:3  'Sanendaj cezaevi' -> ") for line in out)
    assert any("read as Sanandaj, a near spelling" in line for line in out)


# -- the measurement -----------------------------------------------------------------------


def leave_one_out() -> Counter[str]:
    """Every distinct Latin key of a name the shipped gazetteer holds (towns, prisons, GeoNames
    places, counties, provinces), read by the rule as if its own place were missing: where
    would it land? "wrong" counts another province; "same" another place of its province."""
    gazetteer = load_gazetteer()
    index = PlaceIndex(gazetteer)
    near = NearSpellings(index, gazetteer)
    names = [
        *((n, c.province_iso) for c in gazetteer.cities for n in (c.name, *c.aliases)),
        *((n, p.province_iso) for p in gazetteer.prisons for n in (p.name_en, *p.aliases)),
        *((p.name, p.province_iso) for p in gazetteer.places),
        *((n, c.province_iso) for c in gazetteer.counties for n in (c.name_en, *c.aliases)),
        *((n, p.iso) for p in gazetteer.provinces for n in (p.name_en, *p.aliases)),
    ]
    found: Counter[str] = Counter()
    for name_key, iso in {(name_key_of(n), iso) for n, iso in names}:
        if not name_key.isascii():
            continue
        found["names"] += 1
        own = index.entries.get(name_key)

        def theirs(token: object, own: Entry | None = own) -> bool:
            return not (
                own is not None
                and isinstance(token, Match)
                and any(token == p or prison_and_its_town(token, p) for p in own.places)
            )

        strict, loose = near.near(name_key)
        strict = {t: k for t, k in strict.items() if theirs(t)}
        places = _merged({**{t: k for t, k in loose.items() if theirs(t)}, **strict})
        if strict and len(places) == 1:
            token = next(iter(places))
            if isinstance(token, Match) and token in strict:
                entry = index.entries[strict[token]]
                if entry.answer.status != "matched":  # "Langarud": ambiguous, placed nowhere
                    found["ambiguous"] += 1
                    continue
                provinces = {p.province_iso for p in entry.places}
                found["same" if provinces == {iso} else "wrong"] += 1
    return found


@pytest.mark.slow
def test_no_name_of_the_gazetteer_reaches_another_province() -> None:
    """Measured: 3,156 distinct Latin names; 0 land in another province, 4 on another place of
    their own province (a county and its seat). At a vowel floor of 7 letters instead of 8,
    'Shizand' (Qazvin) reached Shazand (Markazi), and at 6 'Shirud' (Mazandaran) Shahrud
    (Semnan), unless a shorter key keeps its first vowel; letting the first letter change sent
    'Radekan' to Ardakan and 'Izad Shahr' to Azadshahr; any one-letter change (not a swap)
    sent 53 names to another province."""
    found = leave_one_out()
    assert found["names"] >= 3000
    assert found["wrong"] == 0
    assert found["same"] <= 5


def test_the_keys_one_slip_away_are_those_every_key_compared_gives(geocoder: Geocoder) -> None:
    """The keys at most one slip from a name (a letter changed, added or dropped, two
    neighbours swapped) are found through the keys with one letter dropped: the same keys as
    comparing the name with every key, for every sort of slip of the gazetteer's keys."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    near = geocoder._near
    keys = near._keys
    names = [k[:-1] for k in keys[::13]] + [k[1:] + "a" for k in keys[::17]]
    names += [k[:2] + k[3] + k[2] + k[4:] for k in keys[::11] if len(k) > 4]
    names += [k[:3] + "q" + k[4:] for k in keys[::7] if len(k) > 4] + keys[::19]
    found = [near._slips(name) for name in names]
    every = [
        process.extract(n, keys, scorer=OSA.distance, score_cutoff=1, limit=None) for n in names
    ]
    assert found == [{k for k, _, _ in hits} for hits in every]
    assert sum(len(f) > 1 for f in found) > 20
