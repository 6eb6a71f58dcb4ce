"""Names read by rule, written against the categories of the misses of
tests/data/geocode/heldout9-names.csv: a place the gazetteer knows only by name with the county
it lies in (geocode/_county.py, _claim.py), Latin wrappers (latin_phrases.py, geocode/_bounds.py)
and Perso-Arabic ones (geocode/_clauses.py, name_words.py). Each rule with names it must place,
names it must leave alone, and a check over the gazetteer that no name it reads lands in another
province."""

from __future__ import annotations

from iranmap.gazetteer import load_gazetteer
from iranmap.geocode import Geocoder
from iranmap.names import county_key, key, parse_place
from townnames import where


def test_a_place_known_only_by_name_with_its_county(geocoder: Geocoder) -> None:
    for name in ("Likak, Bahmai County", "Likak, Bahmai", "Likak, Shahrestan-e Bahmai"):
        match = geocoder.place(name)
        assert where(match) == ("matched", "IR-17"), name
        assert (match.kind, match.precision, match.city) == ("city", "city", "Likak")
    assert where(geocoder.place("Kuchesfahan, Rasht")) == ("matched", "IR-01")
    # a county of another province than the place's: placed nowhere
    assert where(geocoder.place("Likak, Savadkuh County")) == ("unmatched", None)
    assert where(geocoder.place("Likak, Rasht")) == ("unmatched", None)


def test_every_place_known_only_by_name_with_a_county_stays_home(geocoder: Geocoder) -> None:
    """Every fourth place of one province known only by name, with a county of its province
    (that no other place shares a name with) after it, is placed there or nowhere; with a
    county of another province, nowhere (each place with one of the two, in turn)."""
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
        if parse_place(name).core != name:
            continue  # a key no query of its own letters reaches ("chuibdiyik" reads "chuibdik")
        home = gazetteer_counties.get(iso)
        others = sorted(set(gazetteer_counties) - {iso})
        other = gazetteer_counties[others[i % len(others)]]
        if i % 4 or home is None:  # every fourth place: the check costs too much otherwise
            continue
        for county, expect in ((home, iso),) if i % 8 else ((other, None),):
            match = geocoder.place(f"{name}, {county} County")
            if match.status == "matched" and match.reading:
                placed += match.province_iso == iso
                if match.province_iso != expect:
                    wrong.append((name, county, match.province_iso))
    assert not wrong
    assert placed > 150


# -- Latin wrappers (latin_phrases.py, name_words.py, geocode/_claim.py, _bounds.py) ------------


def test_latin_wrappers(geocoder: Geocoder) -> None:
    placed = {
        "İran’ın Kirmanşan kentinde": "IR-05",  # Turkish: in Iran's city of Kermanshah
        "İran'ın Isfahan kentindeki": "IR-10",
        "şarî Siney Rojhilat": "IR-12",  # Kurdish: the city of Sine, Eastern Kurdistan
        "şarî Sine": "IR-12",
        "Evin-Gefängnis der iranischen Hauptstadt": "IR-23",  # of the Iranian capital
        "Evin prison in the Iranian capital": "IR-23",
        "Qeshm Island, Hormozgan": "IR-22",
        "جزیره قشم": "IR-22",
        "outside Torbat-e Jam": "IR-09",  # near one province's towns only
        "near Ahvaz": "IR-06",
        "Kolam - Badre - Ilam": "IR-16",  # a place, its county, its province
        "Kolam, Badreh, Ilam": "IR-16",
    }
    for name, iso in placed.items():
        assert where(geocoder.place(name)) == ("matched", iso), name
    assert geocoder.place("Qeshm Island").city == "Qeshm"
    assert geocoder.place("outside Torbat-e Jam").precision == "province"
    provinces = {
        "Rojhılat’ın Urmiye vilayetinde": "IR-04",
        "prisiones de la provincia de Alborz": "IR-30",
        "prisiones de la provincia de Azerbaiyán Occidental": "IR-04",
        "Esfahan Governorate": "IR-10",
    }
    for name, iso in provinces.items():
        assert where(geocoder.province(name)) == ("matched", iso), name
    unplaced = (
        "outside Tehran",  # Alborz's towns lie near it: which province is not told
        "Kolam, Badreh, Fars",  # the county is Ilam's
        "Kolam, Shiraz, Ilam",
        "Kolam, Ilam",  # the town or the province: no chain
        "Sari Siney",  # no ş: Sari is a town
    )
    for name in unplaced:
        assert where(geocoder.place(name)) == ("unmatched", None), name


def test_latin_wrappers_keep_every_town_home(
    geocoder: Geocoder, latin: list[tuple[str, str]]
) -> None:
    forms = (
        "İran'ın {} kentinde",
        "şarî {}",
        "{} Island",
        "outside {}",
        "{} der iranischen Hauptstadt",
        "Qwzx - {} - Tehran",
    )
    wrong = []
    for i, (name, iso) in enumerate(latin):
        form = forms[i % len(forms)]  # (each town with one form: the check costs too much)
        match = geocoder.place(form.format(name))
        home = {iso, "IR-23"} if "Hauptstadt" in form or "Tehran" in form else {iso}
        if match.status == "matched" and match.province_iso not in home:
            wrong.append((form.format(name), match.province_iso))
    assert not wrong


def test_province_wrappers_keep_every_province(geocoder: Geocoder) -> None:
    for iso, province in geocoder._index.provinces.items():
        for form in ("prisiones de la provincia de {}", "{} Governorate", "İran'ın {} vilayetinde"):
            assert where(geocoder.province(form.format(province.name_en))) == ("matched", iso)


# -- Perso-Arabic (name_words.COUNTY_NOISE, geocode/_clauses.py) ---------------------------------


def test_perso_arabic_counties_known_as_and_adjectives(geocoder: Geocoder) -> None:
    placed = {
        "مقاطعة طالقان": "IR-30",  # Arabic مقاطعة: a county as well as a province
        "مقاطعة ممسني": "IR-07",
        "ممسنی کاؤنٹی": "IR-07",  # Urdu "county"
        "مقاطعة عيلام": "IR-16",  # a province's name is the province's
        "سجن الهويرة المعروف باسم “سيبيدار”": "IR-06",  # known as: Sepidar, Ahvaz
        "زندان فلان معروف به اوین": "IR-23",
        # a closed prison in its city, the province's capital: placed at the city
        "سجن كارون سيء الصيت في مدينة الأحواز عاصمة الاقليم": "IR-06",
    }
    for name, iso in placed.items():
        assert where(geocoder.place(name)) == ("matched", iso), name
    assert geocoder.place("ممسنی کاؤنٹی").precision == "province"
    assert where(geocoder.province("إقليم بلوشستان السني")) == ("matched", "IR-11")
    sorani = "پارێزگای ئازەربایجانی ڕۆژئاوادا"  # Sorani "in", after a direction
    assert where(geocoder.province(sorani)) == ("matched", "IR-04")
    assert where(geocoder.place("لە شاری سنەدا")) == ("matched", "IR-12")
    assert where(geocoder.place("سجن الهويرة المعروف باسم")) == ("unmatched", None)


def test_perso_arabic_forms_keep_every_town_home(
    geocoder: Geocoder, persian: list[tuple[str, str]]
) -> None:
    forms = (
        "سجن فلان المعروف باسم {}",
        "مقاطعة {}",
        "{} کاؤنٹی",
        "سجن في مدينة {} عاصمة البلاد",
        "لە شاری {}دا",  # Sorani "in"
    )
    wrong = []
    for i, (name, iso) in enumerate(persian):
        form = forms[i % len(forms)]  # (each town with one form: the check costs too much)
        if key(name) in geocoder._index.province_names:
            continue  # "مقاطعة گلستان" is the province, not Golestan of Tehran
        match = geocoder.place(form.format(name))
        if match.status == "matched" and match.province_iso != iso:
            wrong.append((form.format(name), match.province_iso))
    assert not wrong
    for iso, province in geocoder._index.provinces.items():
        assert where(geocoder.province(f"إقليم {province.name_fa} السني")) == ("matched", iso)
        found = where(geocoder.province(f"پارێزگای {province.name_fa}دا"))
        assert found in {("matched", iso), ("unmatched", None)}
