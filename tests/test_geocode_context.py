"""The context tables print around a name the gazetteer does not know (issue 20, "Names, by
rule"; written against the categories of the misses of tests/data/geocode/heldout9-names.csv):
a province or town set apart without a word for province ("Rostamkala, Mazandaran"). Each rule
with names it must place, names it must leave alone, and a check over every town and prison of
the gazetteer that no name it reads lands in another province."""

from __future__ import annotations

import pytest

from iranmap.gazetteer import load_gazetteer
from iranmap.geocode import Geocoder
from iranmap.geocode._arabic import arabic_forms
from iranmap.names import key, parse_place
from townnames import where

# -- a place, then its province or town without a word for province ---------------------------


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("Xyzabad, Mazandaran", "IR-02"),  # a province's name, no town's
        ("Xyzabad (Fars)", "IR-07"),  # in brackets, as after a comma
        ("Boladji, Chaharmahal and Bakhtiari", "IR-14"),
        ("Foo - Gilan", "IR-01"),  # a spaced dash is a comma
        ("Pasikhan, Rasht", "IR-01"),  # a town whose every neighbour lies in its province
        ("Foo, Kerman", "IR-08"),  # a province's capital, no other province's town near it
        ("فلان آباد - گیلان", "IR-01"),  # a spaced dash, in Persian too
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
    ("name", "iso"),
    [
        ("Rostamkala, Mazandaran", "IR-02"),
        ("Chenarshahijan, Fars", "IR-07"),
        ("کوچصفهان، گیلان", "IR-01"),
        ("کوچصفهان - گیلان", "IR-01"),  # a spaced dash, in Persian too
        ("زیرآب، سوادکوه", "IR-02"),  # Zirab, with its county
        ("Kuchesfahan, near Rasht", "IR-01"),
        ("Likak, Bahmei County", "IR-17"),  # with its county in other letters
    ],
)
def test_a_place_geonames_lists_with_its_province_county_or_town_apart_is_that_place(
    geocoder: Geocoder, name: str, iso: str
) -> None:
    """A place GeoNames lists (geodata/places.csv) is placed at its own point, no more
    precisely than its town's (precision city), where what is set apart agrees with it."""
    match = geocoder.place(name)
    assert where(match) == ("matched", iso)
    assert (match.kind, match.precision) == ("city", "city") and match.lat is not None


def test_a_place_geonames_lists_in_a_row_of_another_province_stays_unplaced(
    geocoder: Geocoder,
) -> None:
    """The name's own town or province and the row's must agree: "Kerend (Kermanshah)" in a row
    of Tehran is no place of either."""
    assert where(geocoder.place("Kerend (Kermanshah)", province="Kermanshah")) == (
        "matched",
        "IR-05",
    )
    match = geocoder.place("Kerend (Kermanshah)", province="Tehran")
    assert (match.status, match.note) == (
        "unmatched",
        "the towns or provinces the name and its row give lie in different provinces",
    )
    assert geocoder.place("Beyram, Provinsi Fars", city="Tabriz").status == "unmatched"


@pytest.mark.parametrize(
    "name",
    [
        "Foo, Tehran",  # Karaj (Alborz) lies 32 km from Tehran: the place may be near it
        "Foo (Tehran)",
        "Foo, Isfahan",  # a town of Chaharmahal and Bakhtiari lies 78 km from Isfahan
        "Foo, Golestan",  # a town of Tehran, and the province: which is not said
        "Karaj, Fars",  # a town of Alborz: the name contradicts itself
        "Abkenar, Fars",  # a place of Gilan the gazetteer knows by name
        "Foo, Fars, Kerman",  # two provinces
        "Tabriiz, Fars",  # a misspelled town of another province
        "Foo, Baharestan County",  # a county of Tehran, and a town of Isfahan: which is not said
        "Foo, Baharestan",
    ],
)
def test_a_place_with_a_province_apart_that_settles_nothing(geocoder: Geocoder, name: str) -> None:
    assert geocoder.place(name).status != "matched"


def test_a_town_with_a_county_of_its_name_elsewhere_needs_its_province(
    geocoder: Geocoder,
) -> None:
    """Baharestan is a town of Isfahan and a county of Tehran: the town's name beside a place
    settles nothing; with the town's province, the town."""
    match = geocoder.place("Foo, Baharestan, Isfahan")
    assert (where(match), match.city) == (("matched", "IR-10"), "Bahārestān")
    assert where(geocoder.place("Foo, Abarkuh County")) == ("matched", "IR-21")  # one province


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
    """Every fourth town and prison, Latin and Persian, with the next province's name after a
    comma, a spaced dash or in brackets: placed in its own province, in that one where a place
    of its name lies there, or nowhere."""
    following = _following(geocoder)
    others = geocoder._index.other_places
    wrong = []
    for names, script, comma in ((latin, 0, "{}, {}"), (persian, 1, "{}، {}")):
        for at, (name, iso) in enumerate(names[::4]):
            given = following[iso][script]
            match = geocoder.place((comma, "{} ({})", "{} - {}")[at % 3].format(name, given))
            there = {iso} | others.get(parse_place(name).core, frozenset())
            if match.status == "matched" and match.province_iso not in there:
                wrong.append((name, given, match.province_iso))
    assert wrong == []


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("Foo, Savadkuh County", "IR-02"),  # a county lies in one province
        ("Foo, Mamasani", "IR-07"),
    ],
)
def test_a_place_with_its_county_apart_is_the_province(
    geocoder: Geocoder, name: str, iso: str
) -> None:
    match = geocoder.place(name)
    assert where(match) == ("matched", iso)
    assert (match.kind, match.precision, match.lat) == ("province", "province", None)


def test_a_place_known_by_name_with_its_county_seat_and_province(geocoder: Geocoder) -> None:
    match = geocoder.place("Saadat-shahr Pasargad, Fars")  # Saadat Shahr, of Pasargad County
    assert where(match) == ("matched", "IR-07")
    assert match.reading == "a place of Fars that the gazetteer knows only by name"
    assert geocoder.place("Saadat-shahr Pasargad, Kerman").status != "matched"
    assert geocoder.place("Saadat-shahr Tabriz, Fars").status != "matched"  # a town elsewhere


def test_no_place_known_by_name_with_a_town_and_province_lands_elsewhere(
    geocoder: Geocoder,
) -> None:
    """Every twelfth place the gazetteer knows by name in one province only, with a town of the
    next province and that province after it: never placed in that province as a place known by
    name there."""
    index = geocoder._index
    towns: dict[str, list[str]] = {}
    for town_key, found in index.towns.items():
        if len(found) == 1 and town_key.isascii():
            towns.setdefault(found[0].province_iso or "", []).append(found[0].city or "")
    following = _following(geocoder)
    by_name = {p.name_en: iso for iso, p in index.provinces.items()}
    wrong = []
    places = sorted((k, v) for k, v in index.other_places.items() if len(v) == 1 and k.isascii())
    for at, (name_key, found) in enumerate(places[::12]):
        province = following[next(iter(found))][0]
        other = by_name[province]
        town = towns[other][at % len(towns[other])]
        match = geocoder.place(f"{name_key} {town}, {province}")
        # (the town itself, beside a village's name elsewhere, is another rule's: "Pars Abad
        # Moghan")
        if match.status == "matched" and match.kind == "province" and match.province_iso == other:
            wrong.append((name_key, town, province))
    assert wrong == []


def test_no_town_with_another_provinces_county_apart_lands_there(
    geocoder: Geocoder, latin: list[tuple[str, str]]
) -> None:
    """Every sixth town and prison with a county of the next province after it (one no town
    is named like, in turn): placed in its own province, where a place of its name lies in the
    county's, or nowhere."""
    index = geocoder._index
    counties: dict[str, list[str]] = {}
    for county in load_gazetteer().counties:
        if key(county.name_en) not in index.towns and key(county.name_en) not in index.entries:
            counties.setdefault(county.province_iso, []).append(county.name_en)
    isos = sorted(counties)
    others = index.other_places
    wrong = []
    for at, (name, iso) in enumerate(latin[::6]):
        given = isos[(isos.index(iso) + 1) % len(isos)] if iso in isos else isos[0]
        county = counties[given][at % len(counties[given])]
        match = geocoder.place(f"{name}, {county} County")
        there = {iso} | others.get(parse_place(name).core, frozenset())
        if match.status == "matched" and match.province_iso not in there:
            wrong.append((name, county, match.province_iso))
    assert wrong == []


# -- a place near a town ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("Kouchesfehan, near Rasht", "IR-01"),  # no town of another province within 100 km
        ("Foo near Kerman", "IR-08"),
        # an unknown prison near Zahedan: not Zahedan's, but in its province (tests/
        # test_geocode_clauses.py had it unplaced before this rule)
        ("زاہدان کے قریب فلان جیل", "IR-11"),
    ],
)
def test_a_place_near_a_town_deep_in_its_province(geocoder: Geocoder, name: str, iso: str) -> None:
    match = geocoder.place(name)
    assert where(match) == ("matched", iso)
    assert (match.kind, match.precision, match.lat) == ("province", "province", None)


@pytest.mark.parametrize(
    "name",
    [
        "Foo, near Tehran",  # Karaj (Alborz) is near
        "Foo, near Isfahan",  # Chaharmahal's towns within 100 km
        "Kuchesfahan, near Shiraz",  # known by name only in Gilan
        "Tabriz, near Shiraz",  # a town 900 km away: another place
    ],
)
def test_a_place_near_a_town_by_a_border_stays_unplaced(geocoder: Geocoder, name: str) -> None:
    assert geocoder.place(name).status != "matched"


def test_no_town_near_another_provinces_capital_lands_there(
    geocoder: Geocoder, latin: list[tuple[str, str]], persian: list[tuple[str, str]]
) -> None:
    """Every fourth town and prison, "near" the capital of the next province (in Persian, near
    its name): placed in its own province (where it is near enough), or nowhere."""
    provinces = geocoder._index.provinces
    following = _following(geocoder)
    wrong = []
    for names, near in ((latin, "{}, near {}"), (persian, "{} نزدیک {}")):
        for name, iso in names[::4]:
            given = next(p for p in provinces.values() if p.name_en == following[iso][0])
            town = given.capital if near.isascii() else given.name_fa
            match = geocoder.place(near.format(name, town))
            if match.status == "matched" and match.province_iso != iso:
                wrong.append((name, town, match.province_iso))
    assert wrong == []


# -- a province since divided ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("Jajarm, Khorasan", "IR-28"),  # known only by name, in North Khorasan alone
        ("جاجرم، خراسان", "IR-28"),  # Jajrom, a county of North Khorasan
        ("Mashhad, Khorasan", "IR-09"),
        ("Birjand Prison - Khorasan", "IR-29"),
        ("Mahabad (Azerbaijan)", "IR-04"),  # East and West Azerbaijan, divided too
    ],
)
def test_a_place_of_a_divided_province_is_placed_in_its_part(
    geocoder: Geocoder, name: str, iso: str
) -> None:
    match = geocoder.place(name)
    assert where(match) == ("matched", iso)
    assert match.reading is not None and match.reading.endswith(
        "is now Razavi Khorasan, North Khorasan and South Khorasan"
        if iso != "IR-04"
        else "is now East Azerbaijan and West Azerbaijan"
    )


def test_a_place_of_no_part_of_a_divided_province_stays_unplaced(geocoder: Geocoder) -> None:
    match = geocoder.place("Foo, Khorasan")  # which part is not said
    assert (match.status, match.note) == (
        "unmatched",
        "no place of this name is known in Khorasan (Razavi Khorasan, North Khorasan and South "
        "Khorasan)",
    )
    assert geocoder.place("Bam, Khorasan").status == "unmatched"  # Kerman's town, not there
    assert geocoder.place("Tabriz, Khorasan").status == "unmatched"
    # a place of this name in two of its parts: which is not said
    both = geocoder.place("Deheshk, Khorasan")
    assert (both.status, both.candidates) == (
        "ambiguous",
        ("Deheshk (Razavi Khorasan)", "Deheshk (South Khorasan)"),
    )


def test_no_town_with_a_divided_province_lands_outside_it(
    geocoder: Geocoder, latin: list[tuple[str, str]], persian: list[tuple[str, str]]
) -> None:
    """Every fourth town and prison, with Khorasan or Azerbaijan after it: placed in its own
    province if that is a part of it (or where a place of its name lies in a part), or nowhere."""
    parts = {
        "Khorasan": {"IR-09", "IR-28", "IR-29"},
        "خراسان": {"IR-09", "IR-28", "IR-29"},
        "Azerbaijan": {"IR-03", "IR-04"},
        "آذربایجان": {"IR-03", "IR-04"},
    }
    others = geocoder._index.other_places
    wrong = []
    for names, olds in ((latin, ("Khorasan", "Azerbaijan")), (persian, ("خراسان", "آذربایجان"))):
        for at, (name, iso) in enumerate(names[::4]):
            old = olds[at % 2]
            match = geocoder.place(f"{name}, {old}")
            there = ({iso} | others.get(parse_place(name).core, frozenset())) & parts[old]
            if match.status == "matched" and match.province_iso not in there:
                wrong.append((name, old, match.province_iso))
    assert wrong == []


# -- a county's name in other letters, beside a word for county ---------------------------------


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("ساوجبولاغ کاؤنٹی", "IR-30"),  # ساوجبلاغ with a vowel letter more, as Urdu writes it
        ("مقاطعة جهارباغ", "IR-30"),  # چهارباغ, with Arabic's ج for چ
        ("تالقان کاؤنٹی", "IR-30"),  # طالقان, with ت for ط (one sound)
        ("مقاطعة نزار آباد", "IR-30"),  # نظرآباد: Kurdish ز for ظ and a long vowel
        ("Bahmei County", "IR-17"),  # Bahmai
        ("Chalderan region", "IR-04"),  # Chaldoran
    ],
)
def test_a_county_in_other_letters_is_its_province(geocoder: Geocoder, name: str, iso: str) -> None:
    match = geocoder.place(name)
    assert where(match) == ("matched", iso)
    assert (match.kind, match.precision, match.lat) == ("province", "province", None)


@pytest.mark.parametrize(
    "name",
    [
        "جهارباغ",  # no word for county: a guess with nothing to say it is one
        "Bahmei",
        "سجن إيفن",  # Evin written with ف: not Eyvan County (ایون) of Ilam
        "Likak, Savadkuh County",  # a county of another province than the place's
    ],
)
def test_a_county_in_other_letters_needs_a_word_for_county(geocoder: Geocoder, name: str) -> None:
    match = geocoder.place(name)
    assert match.status != "matched" or match.province_iso == "IR-23"


def test_no_county_in_other_letters_lands_in_another_province(
    geocoder: Geocoder, latin: list[tuple[str, str]], persian: list[tuple[str, str]]
) -> None:
    """Every sixth town and prison as a county (Urdu's and Arabic's words, English's): placed in
    its province or nowhere; and every third county's name in one of Arabic's and Kurdish's letters
    (in turn) that names no other place: its province or nowhere."""
    patterns = (("{} County", "{} region"), ("{} کاؤنٹی", "مقاطعة {}"))
    index = geocoder._index
    named = [
        (patterns[script][at % 2].format(name), iso)
        for script, names in enumerate((latin, persian))
        for at, (name, iso) in enumerate(names[::6])
        if key(name) not in index.province_names  # ("مقاطعة گلستان": also Arabic's province)
    ]
    for at, county in enumerate(load_gazetteer().counties[::3]):
        # (a form that is itself a place's or province's name is that place's: "الشادجان")
        forms = sorted(
            form
            for form in arabic_forms(key(county.name_fa))
            if form not in index.entries and form not in index.province_names
        )
        if forms and key(county.name_fa) not in index.province_names:
            named.append((patterns[1][at % 2].format(forms[at % len(forms)]), county.province_iso))
    wrong = [(name, iso) for name, iso in named if _elsewhere(geocoder, name, iso)]
    assert wrong == []


def _elsewhere(geocoder: Geocoder, name: str, iso: str) -> bool:
    match = geocoder.place(name)
    return match.status == "matched" and match.province_iso != iso


# -- two names of one town -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "city"),
    [
        ("Homayounshahr (Khomaini-shahr)", "Khomeynī Shahr"),  # its old name, then its new
        ("Shahabad (Islamabad-e Gharb)", "Eslāmābād-e Gharb"),  # an old name the gazetteer lacks
        ("Shaabad (Shah-Abad/Eslam Abad Gharb), Kermanshah", "Eslāmābād-e Gharb"),
        ("Foo (Ardakan), Yazd", "Ardakān"),  # the town of Yazd, not the place of Fars
    ],
)
def test_two_names_of_one_town(geocoder: Geocoder, name: str, city: str) -> None:
    match = geocoder.place(name)
    assert (match.status, match.kind, match.city) == ("matched", "city", city)
    # read by the rule, or as one of the town's names GeoNames gives ("Shahabad", its old name)
    assert match.reading is not None or match.method == "alias"


@pytest.mark.parametrize(
    "name",
    [
        "Homayounshahr (Tabriz)",  # two towns
        "Foo (Ardakan), Fars",  # the place of Fars is no town the gazetteer knows
        "Khomaini-shahr (Foo)",  # Isfahan's or Hormozgan's: nothing says which
        "Homayounshahr (Khomaini-shahr), Hormozgan",  # not the province of the one both name
        "Shahabad (Evin)",  # a prison's name is no other name of a town
    ],
)
def test_two_names_of_two_places_stay_unplaced(geocoder: Geocoder, name: str) -> None:
    assert geocoder.place(name).status != "matched"


def test_two_names_of_one_town_in_another_provinces_row(geocoder: Geocoder) -> None:
    assert geocoder.place("Shahabad (Islamabad-e Gharb)", province="Tehran").status != "matched"
    assert geocoder.place("Sa'in Dezh", province="North Khorasan").status != "matched"


def test_no_town_beside_another_provinces_town_lands_elsewhere(
    geocoder: Geocoder, latin: list[tuple[str, str]], persian: list[tuple[str, str]]
) -> None:
    """Every fourth town and prison, with a town of another province in brackets after it (the
    name after it in the list whose province differs): placed in its own province, or nowhere;
    and every town with one of its other names in brackets after it: its own province, or
    nowhere."""
    wrong = []
    for names in (latin, persian):
        for at, (name, iso) in enumerate(names[::4]):
            other = next((n for n, i in names[at * 4 + 1 :] if i != iso), None)
            if other is not None:
                match = geocoder.place(f"{name} ({other})")
                if match.status == "matched" and match.province_iso != iso:
                    wrong.append((name, other, match.province_iso))
    for city in load_gazetteer().cities[::4]:
        for alias in city.aliases[:1]:
            match = geocoder.place(f"{alias} ({city.name})")
            if match.status == "matched" and match.province_iso != city.province_iso:
                wrong.append((alias, city.name, match.province_iso))
    assert wrong == []


def test_a_new_town_by_its_other_word_for_new_town(geocoder: Geocoder) -> None:
    match = geocoder.place("شهرک اندیشه")  # شهر جدید اندیشه, the new town of Andisheh
    assert (match.status, match.city, match.province_iso) == (
        "matched",
        "Shahre Jadide Andisheh",
        "IR-23",
    )
    assert match.reading == "Shahre Jadide Andisheh, by another name"
    assert geocoder.place("شهرک اندیشه، فارس").status != "matched"  # another province
    assert geocoder.place("شهرک فلان").status != "matched"  # no new town of that name


def test_no_town_after_a_word_for_new_town_lands_elsewhere(
    geocoder: Geocoder, persian: list[tuple[str, str]]
) -> None:
    """Every fourth Persian town and prison after "شهرک" or "شهر جدید": its own province, or
    none."""
    named = [
        (("شهرک {}", "شهر جدید {}")[at % 2].format(n), iso)
        for at, (n, iso) in enumerate(persian[::4])
    ]
    wrong = [(name, iso) for name, iso in named if _elsewhere(geocoder, name, iso)]
    assert wrong == []


def test_a_prisons_name_with_its_long_vowel_left_out(geocoder: Geocoder) -> None:
    match = geocoder.place("سجن إيفن")  # إيفين, Evin as Arabic writes it, without its ی
    assert (match.status, match.prison) == ("matched", "Evin Prison")
    assert geocoder.place("إيفن").status != "matched"  # no word for prison: no reading


def test_no_prison_with_a_long_vowel_left_out_lands_elsewhere(
    geocoder: Geocoder, persian: list[tuple[str, str]]
) -> None:
    """Every Persian prison's name, and every other town's as an Arabic prison's, with one ی
    left out inside it (the first such, in turn): its own province, or none."""
    named = []
    for at, (name, iso) in enumerate(persian):
        if not name.startswith("زندان") and at % 2:
            continue
        named_as = name if name.startswith("زندان") else f"سجن {name}"
        inner = [i for i, c in enumerate(named_as) if c == "ی" and 6 < i < len(named_as) - 1]
        if inner:
            cut = inner[at % len(inner)]
            named.append((named_as[:cut] + named_as[cut + 1 :], iso))
    assert len(named) > 100
    wrong = [(name, iso) for name, iso in named if _elsewhere(geocoder, name, iso)]
    assert wrong == []
