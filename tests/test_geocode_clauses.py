"""Perso-Arabic words around a name that say nothing of which place, Arabic's order of a compass
word, its slips of a long vowel, a village in a county, a women's prison the gazetteer lacks and
Urdu's "near" (geocode/_clauses.py, and the rules beside it in geocode/_phrases.py, _claim.py,
_county.py and names.py). Written against the categories of the Perso-Arabic misses of
tests/data/geocode/heldout8-names.csv; each rule with names it must place (made up in the same
pattern, with other towns), names it must leave alone, and a check over the whole gazetteer that
no name it reads lands in another province."""

from __future__ import annotations

import pytest

from iranmap.geocode import Geocoder
from iranmap.geocode._clauses import (
    belonging_as_in,
    compass_last,
    sorani_seat,
    urdu_area,
    without_city_word,
    without_country,
    without_describing,
    without_yard,
)
from iranmap.names import parse_place
from townnames import elsewhere, where


def _provinces(geocoder: Geocoder) -> list[tuple[str, str]]:
    """(Persian name, ISO code) of every province, in order."""
    return sorted((p.name_fa, iso) for iso, p in geocoder._index.provinces.items())


# -- the forms --------------------------------------------------------------------------------


def test_the_forms_without_words_that_say_nothing(geocoder: Geocoder) -> None:
    index = geocoder._index
    assert without_country("شهر بجنورد ایران") == "شهر بجنورد"
    assert without_country("مدينة كرمان في إيران") == "مدينة كرمان"
    assert without_country("ایران") == ""  # the country alone is no place's name
    assert without_country("زندان اوین") == ""
    assert without_yard("ساحة سجن مشهد المركزي") == "سجن مشهد المركزي"
    assert without_yard("ساحة خوراسكان بمدينة اصفهان") == ""  # a square of a town stays one
    assert without_city_word(index, "زاہدان شہر کے علاقے فلان") == "زاہدان کے علاقے فلان"
    assert without_city_word(index, "شهر بوجنورد ایران") == "بوجنورد ایران"
    assert without_city_word(index, "آزاد شهر") == ""  # a town's own name keeps its word for city
    assert without_city_word(index, "شهر بابک") == ""
    assert urdu_area("دزاپ شہر کے علاقے شیرآباد") == "محله شیرآباد در دزاپ"
    assert without_describing("محافظة سيستان وبلوشستان الحدودية") == "محافظة سيستان وبلوشستان"
    assert belonging_as_in("قرية فلان التابعة لمدينة بم") == "قرية فلان في مدينة بم"
    assert belonging_as_in("روستای فلان از توابع شهرستان بم") == "روستای فلان در شهرستان بم"
    assert sorani_seat('زیندانی "دیزڵ ئاباد"') == 'زیندانی "دیزڵ اباد"'
    assert sorani_seat("ئاباد") == ""  # no Sorani word or letter: no seat of Sorani's


def test_a_compass_word_put_after_the_name() -> None:
    assert compass_last("محافظة شرق أذربيجان") == (
        "محافظة أذربيجان شرق",
        "محافظة أذربيجان شرقی",
    )
    assert compass_last("قرية فلان بجنوب رودبار")[0] == "قرية فلان في رودبار جنوب"
    assert compass_last("اسلام آباد غرب") == ()  # nothing after it
    assert compass_last("شمال غرب تهران") == ()  # two compass words: a description


# -- names each rule places, and names it leaves alone -----------------------------------------


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("شهر بجنورد ایران", "IR-28"),  # Dari: a city, then the country
        ("مدينة شهركرد ايران", "IR-14"),
        ("ساحة سجن مشهد المركزي", "IR-09"),  # a prison's courtyard
        ("حیاط زندان اوین", "IR-23"),
        ('زیندانی "ئێوین" ـی شاری تاران', "IR-23"),  # Sorani's joining mark written apart
        ('زیندانی "دیزڵئاباد"ی شاری کرماشان', "IR-05"),  # ... and its seat ئ before ا
        ("قرية فلان التابعة لمدينة بم", "IR-08"),  # a village belonging to the city of Bam
        ("روستای فلان از توابع شهرستان ممسنی", "IR-07"),
        ("زاہدان شہر کے علاقے فلان", "IR-11"),  # Urdu: the area of a city
        ("قرية فلان في شمال سوادكوه", "IR-02"),  # a village of North Savadkuh county
        ("قرية فلان بجنوب رودبار", "IR-08"),  # of Rudbar-e Jonub county, Kerman
        # "lying in" a province, a slip of its town, and a direction in the country
        ("مدينة سبزاور الواقعة في محافظة خراسان شرقي البلاد", "IR-09"),
        ("سجن ارراك", "IR-00"),  # a letter written twice
        ("مدينة آبده", "IR-07"),  # a long vowel left out
        ("سجن استهبن", "IR-07"),
        ("مدينة شيرز", "IR-07"),
        ("سجن ابركوا", "IR-21"),  # a last ا for ه
        ("تہران کے قریب قزل حصار جیل", "IR-30"),  # Urdu: near Tehran, in Alborz
        ("تہران کے قریب گوہر دشت جیل", "IR-30"),
    ],
)
def test_names_placed_by_rule(geocoder: Geocoder, name: str, iso: str) -> None:
    assert where(geocoder.place(name)) == ("matched", iso)


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("محافظة غرب أذربيجان", "IR-04"),  # Arabic's order of "West Azerbaijan"
        ("محافظة شمال خراسان", "IR-28"),
        ("محافظة جنوب خراسان", "IR-29"),
        ("محافظة كرمان بجنوب البلاد", "IR-08"),  # in the country's south
        ("محافظة كرمانشاه بغرب البلاد", "IR-05"),
        ("محافظة أذربيجان الغربية شمال غرب إيران", "IR-04"),  # its own direction, then Iran's
        ("محافظة خراسان الجنوبية بشرق البلاد", "IR-29"),
        ("محافظة خوزستان النفطية", "IR-06"),  # the oil province
        ("محافظة خراسان الشمالية شمال شرق إيران", "IR-28"),
    ],
)
def test_province_cells_placed_by_rule(geocoder: Geocoder, name: str, iso: str) -> None:
    assert where(geocoder.province(name)) == ("matched", iso)


@pytest.mark.parametrize(
    "name",
    [
        "محافظة شرق خراسان",  # no East Khorasan: Razavi lies east, but so do the others
        "محافظة شمال أذربيجان",  # East, or West
        "محافظة شرق طهران",  # west of Tehran lies Alborz, made of Tehran's province
    ],
)
def test_province_cells_a_compass_word_leaves_in_doubt(geocoder: Geocoder, name: str) -> None:
    assert geocoder.province(name).status != "matched"


@pytest.mark.parametrize(
    "name",
    [
        "مدينة تبريز الواقعة في محافظة فارس",  # a town with another province: contradicts
        "مدينة مراغه التابعة لمحافظة اصفهان",
        "شهر تبریز ایران، استان فارس",
        "قرية فلان",  # a village, no more
        "مدينة مهشهر",  # one letter from Mahshahr and from Mehrshahr: either
        "سجن لاكان برشت شمال إيران بمحافظة ایلام",  # Rasht's prison in Ilam: no form reads it
        "زندان زنان دولت آباد اصفهان، استان خراسان شمالی",  # Isfahan's, in North Khorasan
    ],
)
def test_names_left_unplaced(geocoder: Geocoder, name: str) -> None:
    assert geocoder.place(name).status != "matched"


@pytest.mark.parametrize(
    ("name", "city"),
    [
        ("زندان زنان اصفهان", "Isfahan"),
        ("Isfahan Women's Prison", "Isfahan"),
        ("سجن النساء في مدينة تبريز", "Tabriz"),
        ("زندان زنان خمینی شهر اصفهان", "Khomeynī Shahr"),
        ("زندان زنان فلان آباد شیراز", "Shiraz"),
    ],
)
def test_womens_prison_at_its_town(geocoder: Geocoder, name: str, city: str) -> None:
    """Not the town's prison, which holds men: "زندان زنان اصفهان" was Dastgerd Prison."""
    match = geocoder.place(name)
    assert (match.status, match.kind, match.city, match.precision) == (
        "matched",
        "city",
        city,
        "city",
    )


@pytest.mark.parametrize("name", ["اراک، استان مرکزی", "Arak, Markazi Province"])
def test_markazi_beside_a_town_names_no_central_prison(geocoder: Geocoder, name: str) -> None:
    """Markazi is "central": beside a word for province it names the province, not which of
    Arak's prisons (it was Arak Central Prison, a facility the name never gave)."""
    match = geocoder.place(name)
    assert (match.status, match.kind, match.city, match.province_iso) == (
        "matched",
        "city",
        "Arāk",
        "IR-00",
    )
    assert geocoder.place("زندان مرکزی اراک").kind == "prison"  # its central prison


@pytest.mark.parametrize(
    ("name", "prison"),
    [
        ("زندان زنان قرچک", "Qarchak Women's Prison"),  # the gazetteer's women's prison
        ("بند زنان زندان اوین", "Evin Prison"),  # a ward of a prison named by its own name
        ("Evin women's ward", "Evin Prison"),
    ],
)
def test_womens_prison_the_gazetteer_has(geocoder: Geocoder, name: str, prison: str) -> None:
    match = geocoder.place(name)
    assert (match.status, match.kind, match.prison) == ("matched", "prison", prison)


def test_urdu_near_is_what_the_place_is_near() -> None:
    parsed = parse_place("تہران کے قریب قزل حصار جیل")
    assert (parsed.core, parsed.context, parsed.near) == ("قزلحصار", (), ("تهران",))


def test_sorani_joining_mark_is_no_word() -> None:
    assert parse_place('گرتووخانەی "وکیل آباد" ـی شاری مەشهەد').words[:2] == ("وکیل", "اباد")
    assert parse_place('زیندانی "جهرم" ـی').core == "جهرم"  # (it was read as Germi, Ardabil)


# -- over the whole gazetteer --------------------------------------------------------------------


def test_no_town_with_words_that_say_nothing_lands_elsewhere(
    geocoder: Geocoder, persian: list[tuple[str, str]]
) -> None:
    """Every Persian name of every town and prison, with the country after it, in a prison's
    courtyard, with Sorani's joining mark, with Urdu's word for city, or as the town a village
    belongs to: its province, or none."""
    patterns = (
        "شهر {} ایران",
        "ساحة سجن {} المركزي",
        'زیندانی "{}" ـی',
        "{} شہر کے علاقے فلان",
        "قرية فلان التابعة لمدينة {}",
    )
    names = [(patterns[at % 5].format(name), iso) for at, (name, iso) in enumerate(persian)]
    assert len(names) > 500
    assert elsewhere(geocoder, names) == []


def test_no_town_of_a_province_given_lands_in_another(
    geocoder: Geocoder, persian: list[tuple[str, str]]
) -> None:
    """Every Persian name of every town, "lying in" its own province or the next one, or with the
    country and the next province after it: placed in its own, or in the one the
    name gives where a place of that name lies, or nowhere; never in a third province, nor in
    the one given as a place the gazetteer does not know."""
    provinces = _provinces(geocoder)
    fa = {iso: name for name, iso in provinces}
    isos = [iso for _, iso in provinces]
    index = geocoder._index
    patterns = ("مدينة {} الواقعة في محافظة {}", "شهر {} ایران، استان {}")
    wrong = []
    towns = [(name, iso) for name, iso in persian if not name.startswith("زندان")]
    for at, (name, iso) in enumerate(towns):
        given = iso if at % 3 == 0 else isos[(isos.index(iso) + 1) % len(isos)]
        if given == "IR-00" != iso:
            continue  # Markazi, "مرکزی", is also the word for central: it gives no province
        match = geocoder.place(patterns[at % 2].format(name, fa[given]))
        core = parse_place(name).core
        there = {p.province_iso for p in index.towns.get(core, ())}
        there |= (
            {p.province_iso for p in index.entries[core].places} if core in index.entries else set()
        )
        if match.status == "matched" and match.province_iso not in (
            {iso} if given == iso else there
        ):
            wrong.append((name, given, match.province_iso))
    assert wrong == []


def test_no_slip_of_a_long_vowel_lands_elsewhere(
    geocoder: Geocoder, persian: list[tuple[str, str]]
) -> None:
    """Every Persian name with an ا left out, an ا added, a letter written twice or a last ه
    written ا (one of them each, in turn): read as a slip only of a place of its own province."""

    def slip(name: str, kind: int) -> str:
        alef = name.find("ا", 1)
        if kind == 0 and 0 < alef < len(name) - 1:
            return name[:alef] + name[alef + 1 :]
        if kind == 1 and name.endswith("ه") and len(name) > 4:
            return name[:-1] + "ا"
        return name[:2] + ("ا" if kind == 2 else name[1]) + name[2:]

    names = [(slip(name, at % 4), iso) for at, (name, iso) in enumerate(persian) if len(name) > 3]
    assert len(names) > 500
    wrong = elsewhere(geocoder, names)
    assert [(n, at) for n, at in wrong if "slip" in (geocoder.place(n).note or "")] == []


def test_every_province_cell_with_where_in_the_country_after_it(geocoder: Geocoder) -> None:
    """Every province, its own direction adjective too ("أذربيجان الغربية"), with a phrase of
    where in the country it lies, or an adjective that describes it, after it: that province."""
    arabic = ("بجنوب البلاد", "شمال غرب إيران", "شرقي البلاد", "الحدودية", "النفطية")
    found = {
        (
            province.name_fa,
            geocoder.province(f"استان {province.name_fa} {arabic[at % 5]}").province_iso,
        )
        for at, province in enumerate(geocoder._index.provinces.values())
    }
    assert found == {(p.name_fa, iso) for iso, p in geocoder._index.provinces.items()}


def test_no_province_cell_in_arabics_order_lands_elsewhere(geocoder: Geocoder) -> None:
    """Every province, with each compass word before it as Arabic orders them: that province,
    the province of that direction (North Khorasan), or none."""
    provinces = geocoder._index.provinces
    wrong = []
    for iso, province in provinces.items():
        for compass in ("شرق", "غرب", "شمال", "جنوب"):
            found = geocoder.province(f"محافظة {compass} {province.name_fa}")
            bare = province.name_fa.split()[0]
            if found.status == "matched" and found.province_iso != iso:
                directed = geocoder.province(f"{bare} {compass}ی").province_iso
                if found.province_iso != directed:
                    wrong.append((province.name_fa, compass, found.province_iso))
    assert wrong == []


def test_no_village_of_a_county_lands_elsewhere(geocoder: Geocoder) -> None:
    """Every county's Persian name, with a village the gazetteer lacks in it: its province, or
    none."""
    counties = geocoder._counties._counties  # (key -> province -> county)
    towns = geocoder._index.towns
    names = [
        (f"روستای فلان در {county.name_fa}", iso)
        for county_key, by_province in counties.items()
        for iso, county in by_province.items()
        if county.name_fa and county_key not in towns  # (a town's name: the town's province)
    ]
    assert len(names) > 300
    assert elsewhere(geocoder, names) == []


def test_no_womens_prison_of_a_town_lands_elsewhere(
    geocoder: Geocoder, persian: list[tuple[str, str]]
) -> None:
    """Every Persian name of every town and prison, as a women's prison, or an Urdu prison near
    it: its province, or none."""
    patterns = ("زندان زنان {}", "{} کے قریب فلان جیل")
    names = [(patterns[at % 2].format(name), iso) for at, (name, iso) in enumerate(persian)]
    assert elsewhere(geocoder, names) == []
