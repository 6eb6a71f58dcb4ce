"""Names read by rule, written against the categories of the misses of
tests/data/geocode/heldout9-names.csv: a place the gazetteer knows only by name with the county
it lies in (geocode/_county.py, _claim.py). Each rule with names it must place, names it must
leave alone, and a check over the gazetteer that no name it reads lands in another province."""

from __future__ import annotations

from iranmap.gazetteer import load_gazetteer
from iranmap.geocode import Geocoder
from iranmap.names import county_key
from townnames import where


def test_a_place_known_only_by_name_with_its_county(geocoder: Geocoder) -> None:
    for name in ("Likak, Bahmai County", "Likak, Bahmai", "Likak, Shahrestan-e Bahmai"):
        match = geocoder.place(name)
        assert where(match) == ("matched", "IR-17"), name
        assert (match.kind, match.precision, match.lat) == ("province", "province", None)
    assert where(geocoder.place("Kuchesfahan, Rasht")) == ("matched", "IR-01")
    # a county of another province than the place's: placed nowhere
    assert where(geocoder.place("Likak, Savadkuh County")) == ("unmatched", None)
    assert where(geocoder.place("Likak, Rasht")) == ("unmatched", None)


def test_every_place_known_only_by_name_with_a_county_stays_home(geocoder: Geocoder) -> None:
    """Every place of one province known only by name, with a county of its province (that no
    other place shares a name with) after it, is placed there or nowhere; with a county of
    another province, nowhere."""
    index, counties = geocoder._index, geocoder._counties
    gazetteer_counties: dict[str, str] = {}
    for county in load_gazetteer().counties:  # kept from the geocoder's, not read again
        if counties.province_of((county_key(county.name_en),)) == {county.province_iso}:
            gazetteer_counties.setdefault(county.province_iso, county.name_en)
    assert gazetteer_counties
    wrong: list[tuple[str, str, str | None]] = []
    placed = 0
    names = sorted(
        (n, next(iter(isos))) for n, isos in index.other_places.items() if len(isos) == 1
    )
    for i, (name, iso) in enumerate(names):
        if name in index.entries or name in counties.keys or not name.isascii():
            continue  # a town's or a county's name: their own rules read it
        home = gazetteer_counties.get(iso)
        others = sorted(set(gazetteer_counties) - {iso})
        other = gazetteer_counties[others[i % len(others)]]
        for county, expect in ((home, iso), (other, None)):
            if county is None:
                continue
            match = geocoder.place(f"{name}, {county} County")
            if match.status == "matched" and "only by name" in (match.reading or ""):
                placed += match.province_iso == iso
                if match.province_iso != expect:
                    wrong.append((name, county, match.province_iso))
    assert not wrong
    assert placed > 1000
