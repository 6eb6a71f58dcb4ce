"""A name that is the spelling of one GeoNames place (places.csv: its point, its other Latin
spellings, its Persian names) is placed at that place, at precision city (geocode/_places.py,
_claim.py); a spelling two provinces' places share, or one beside another province, is not."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from fake_world import write_report
from iranmap.cli import main
from iranmap.gazetteer import load_gazetteer
from iranmap.geocode._claim import place_by_name
from iranmap.geocode._places import by_name
from iranmap.geocode.index import name_key_of
from iranmap.geocode.match import Match

_UNMATCHED = Match(query="", status="unmatched", score=0.0)


@pytest.mark.parametrize(
    ("name", "iso", "city"),
    [
        ("Kerend", "IR-05", "Kerend-e Gharb"),  # a shorter spelling GeoNames gives
        ("کرند غرب", "IR-05", "Kerend-e Gharb"),  # its Persian name
        ("Chamgardan", "IR-10", "Chamgordan"),
        ("Rostamkola", "IR-02", "Rostam Kola"),
        ("Juneqan", "IR-14", "Junqan"),
        ("Abkenar, Gilan", "IR-01", "Abkenar"),  # a village of 1,926 people, in its province
        ("روستای آبکنار، گیلان", "IR-01", "Abkenar"),  # which the name says is a village
        ("Kerend 2", "IR-05", "Kerend-e Gharb"),  # a prisons table's second prison of Kerend
        ("Sadra", "IR-07", "Shahr-e Ṣadrā"),  # a town of the city list, by GeoNames' other name
    ],
)
def test_a_spelling_of_one_place_is_placed_at_it(
    geocoder: Any, name: str, iso: str, city: str
) -> None:
    match = geocoder.place(name)
    assert (match.status, match.province_iso, match.city) == ("matched", iso, city)
    assert (match.kind, match.precision) == ("city", "city")
    assert match.lat is not None and match.lon is not None


def test_what_a_user_reads_of_a_place_known_by_name(geocoder: Any) -> None:
    match = geocoder.place("Chamgardan")
    assert (match.method, match.note, match.reading) == (
        "alias",
        "Chamgordan, a place of Isfahan that GeoNames lists, 15,574 people and the gazetteer's "
        "towns do not; placed at its point",
        "a GeoNames place of Isfahan, Chamgordan, at its centre (precision city)",
    )
    assert geocoder.place("Rostam Kola").method == "exact"


@pytest.mark.parametrize(
    "name",
    [
        "Rostamabad",  # places of Gilan, Kerman and Chaharmahal: ambiguous
        "Kerend Prison",  # a prison's name: Kerend-e Gharb's population is not known
        "Hesar Prison",  # a village of Bushehr, and part of Ghezel Hesar's name
        "Jaz",  # Gaz of Isfahan, or Bandar-e Gaz of Golestan without Bandar
        "Şerud",  # Turkish ş: Sharud (Shahrud) as much as Sirud of Mazandaran
        "city of Nam Kul",  # a village of 638 people, which the name says is a city
        "Abkenar",  # a village of 1,926 people: as likely another village of that name
        "Bilvar",  # Bilevar, a village of West Azerbaijan, or Bilavar of Kermanshah
        "Dalgan",  # Galmurti's other name (and its county's): no spelling of its own name
        "Arya Shahr",  # Fulad Shahr's name before 1979, and a quarter of Tehran
        "Sain Qaleh",  # Shahin Dezh's old name, and a town of Zanjan
        "Kerend",  # (with the row's province, below)
    ],
)
def test_a_spelling_that_may_be_another_place_is_not_placed(geocoder: Any, name: str) -> None:
    province = "Fars" if name == "Kerend" else ""
    assert geocoder.place(name, province=province).status != "matched"


def test_the_row_settles_a_spelling_two_provinces_share(geocoder: Any) -> None:
    alone = geocoder.place("Rostamabad")
    assert alone.note == (
        "a place of this name lies in IR-01, IR-08, IR-14; the gazetteer has no prison or city "
        "of that name"
    )
    match = geocoder.place("Rostamabad", province="Gilan")
    assert (match.province_iso, match.city, match.precision) == ("IR-01", "Rostamabad", "city")
    kerman = geocoder.place("Rostamabad, Kerman Province")  # Narmashir's other name
    assert (kerman.province_iso, kerman.city) == ("IR-08", "Narmashir")
    assert geocoder.place("Rostamabad, Qazvin Province").status == "unmatched"  # none there
    # a place's spelling beside another province: not that place (the province, at no point, as
    # any name the gazetteer does not know there: GeoNames lists no place under 500 people)
    other = geocoder.place("Kerend, Tehran Province")
    assert (other.city, other.precision) == (None, "province")


def test_every_spelling_of_one_province_is_placed_there_or_nowhere(geocoder: Any) -> None:
    """The rule over every other spelling of the places of places.csv: placed only in the province
    of the places of that spelling, never where two provinces' places share it; most of those
    of one province are placed (a third: a name alone is read only as a Latin spelling of a
    place's own name, or a Persian one, of 2,000 people or more)."""
    index, counties = geocoder._index, geocoder._counties.keys
    names = dict.fromkeys(
        (name, place.province_iso)
        for place in load_gazetteer().places
        for name in (place.name, *place.aliases)
    )
    names = dict.fromkeys(list(names)[::2])
    placed = wrong = shared = 0
    for name, iso in names:
        isos = index.place_provinces.get(name_key_of(name), frozenset())
        if not isos:
            continue  # a spelling that says what a place is ("Velayat"), or too little
        found = place_by_name(index, name, _UNMATCHED, counties)
        if found.status != "matched":
            continue
        placed += len(isos) == 1 and found.province_iso == iso
        wrong += found.province_iso not in isos
        shared += len(isos) > 1
    assert (wrong, shared) == (0, 0)
    assert placed > 0.3 * len(names)


def test_a_spelling_with_a_province_beside_it_is_placed_only_there(geocoder: Any) -> None:
    """Every 20th other spelling of a place (its primary names: test_geocode_parts.py), with
    its own province's name after it, or (every other one) the next province's: at a place only
    in a province where a place of that spelling lies; at its own, mostly."""
    gazetteer = load_gazetteer()
    isos = sorted(p.iso for p in gazetteer.provinces)
    names = {p.iso: p.name_en for p in gazetteer.provinces}
    spelled = geocoder._index.place_provinces
    aliases = sorted({(a, p.province_iso) for p in gazetteer.places for a in p.aliases})
    wrong, home = [], 0
    for i, (alias, iso) in enumerate(aliases[::20]):
        given = iso if i % 2 else isos[(isos.index(iso) + 1) % len(isos)]
        match = geocoder.place(f"{alias}, {names[given]} Province")
        home += by_name(match) and match.province_iso == iso
        if by_name(match) and match.province_iso not in spelled[name_key_of(alias)]:
            wrong.append((alias, given))
    assert wrong == []
    assert home > 0.6 * len(aliases[::20]) / 2


def test_check_shows_a_place_known_by_name_at_its_precision(tmp_path: Path) -> None:
    folder = write_report(
        tmp_path / "r", "prison,executions\nKerend 2,2\nChamgardan,1\nRostamkola,1\n", total=4
    )
    result = CliRunner().invoke(main, ["check", str(folder)])
    assert result.exit_code == 0
    out = result.stdout.replace(str(folder), "R").splitlines()
    assert out[-4:] == [
        "placed by a near spelling or another name (confirm):",
        "R/prisons.csv:2  'Kerend 2' -> Kerend 2, Kerend-e Gharb, Kermanshah (IR-05) [city]; "
        "read as a GeoNames place of Kermanshah, Kerend-e Gharb, at its centre (precision city)",
        "R/prisons.csv:3  'Chamgardan' -> Chamgardan, Chamgordan, Isfahan (IR-10) [city]; read "
        "as a GeoNames place of Isfahan, Chamgordan, at its centre (precision city)",
        "R/prisons.csv:4  'Rostamkola' -> Rostamkola, Rostam Kola, Mazandaran (IR-02) [city]; "
        "read as a GeoNames place of Mazandaran, Rostam Kola, at its centre (precision city)",
    ]
    assert "error" not in result.stderr
