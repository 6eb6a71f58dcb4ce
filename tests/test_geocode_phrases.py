"""Perso-Arabic phrases around a place's name, and its slips (geocode/_phrases.py, and the
village rule of geocode/_bounds.py): a compass word between a place and a town ("كرج غرب
طهران"), a village near a town deep in one province, Sorani's vowel written with ه, one
letter's slip in the province a name gives, words naming nothing beside a county of that
province, a town only an Arabic spelling reaches far from it, two letters swapped or letters of
one sound written for each other, the plural streets of a town, a prison in the town beside
it and a town's outskirts. Written against the categories of the Perso-Arabic misses of
tests/data/geocode/heldout7-names.csv; each rule with names it must place (made up in the same
pattern), names it must leave alone, and a check over the whole gazetteer that no name it reads
lands in another province."""

from __future__ import annotations

import pytest

from iranmap.geocode import Geocoder
from iranmap.geocode._bounds import BESIDE_KM, INTERIOR_KM, beside, near_province
from iranmap.geocode._clauses import sorani_vowels
from iranmap.geocode._phrases import compass_as_near
from iranmap.geocode.index import km
from iranmap.names import parse_place
from townnames import elsewhere, where


def _provinces(geocoder: Geocoder) -> list[tuple[str, str]]:
    """(Persian name, ISO code) of every province, in order."""
    return sorted((p.name_fa, iso) for iso, p in geocoder._index.provinces.items())


# -- a compass word between a place and a town: where it lies from there, not in it --------------


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("سجن ورامين غرب طهران", "IR-23"),
        ("كرج غرب طهران", "IR-30"),  # west of Tehran, in Alborz: never Tehran's
        ("مدينة كرج شمال غرب طهران", "IR-30"),
        ("مدينة كرج الواقعة غرب طهران", "IR-30"),
        ("مدينة كرج غرب العاصمة طهران", "IR-30"),
        ("زندان کرج در غرب تهران", "IR-30"),
        ("سجن قزلحصار غرب طهران", "IR-30"),
        ("مدينة زنجان غرب قزوين", "IR-19"),
        ("مدينة ميناب شرق بندر عباس", "IR-22"),
        ("سجن وكيل آباد جنوب شرق مشهد", "IR-09"),
        ("سجن بوكان جنوب محافظة أذربيجان الغربية", "IR-04"),  # in the south of the province
    ],
)
def test_a_place_west_of_a_town_is_the_place(geocoder: Geocoder, name: str, iso: str) -> None:
    assert where(geocoder.place(name)) == ("matched", iso)


@pytest.mark.parametrize(
    "name",
    [
        "سجن فلان غرب طهران",  # an unknown prison west of Tehran is no prison of Tehran's
        "زندان فلان غرب شهر تهران",
        "سجن زنجان غرب محافظة قزوين",  # Zanjan lies outside Qazvin province: west of it
        "مدينة شيراز جنوب طهران",  # 700 km: not what the name says
        "سجن كرمانشاه غرب طهران",  # 425 km: more than a compass word's reach
    ],
)
def test_a_place_a_compass_word_rules_out_is_unplaced(geocoder: Geocoder, name: str) -> None:
    match = geocoder.place(name)
    assert match.status == "unmatched"


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("اسلام آباد غرب کرمانشاه", "IR-05"),  # Eslamabad-e Gharb, of Kermanshah
        ("مدينة اسلام آباد غرب بمحافظة كرمانشاه", "IR-05"),
        ("مدينة اسلام آباد غرب", "IR-05"),
        ("سوادکوه شمالی مازندران", "IR-02"),  # North Savadkuh, a county
        ("مدينة شيراز الجنوبية", "IR-07"),  # the southern city: an adjective, not a direction
        ("جنوبی شہر شیراز", "IR-07"),
    ],
)
def test_a_compass_word_of_a_name_stays_the_names(geocoder: Geocoder, name: str, iso: str) -> None:
    assert where(geocoder.place(name)) == ("matched", iso)


def test_what_a_compass_phrase_is_read_as(geocoder: Geocoder) -> None:
    index, province = geocoder._index, geocoder.province
    assert compass_as_near(index, "كرج غرب طهران", province) == "كرج  قرب  طهران"
    assert parse_place(compass_as_near(index, "كرج غرب طهران", province)).near == ("طهران",)
    assert compass_as_near(index, "اسلام آباد غرب کرمانشاه", province) == ""  # a town's name
    assert compass_as_near(index, "گیلان غرب کرمانشاه", province) == ""
    assert compass_as_near(index, "سجن تبريز شمال غرب إيران", province) == ""  # Iran: no town
    assert compass_as_near(index, "كرج غرب فلان", province) == ""  # nothing it is west of


def test_no_town_west_of_another_lands_in_a_third_province(
    geocoder: Geocoder, persian: list[tuple[str, str]]
) -> None:
    """Every Persian name of every town and prison, west (south, north-east) of another town
    of the gazetteer: its own province, or none."""
    compass = ("غرب", "جنوب", "شمال شرق", "شرقي")
    names = [
        (f"{name} {compass[at % 4]} {persian[(at * 7 + 1) % len(persian)][0]}", iso)
        for at, (name, iso) in enumerate(persian)
    ]
    assert len(names) > 500
    assert elsewhere(geocoder, names) == []


# -- a village near a town deep in one province -------------------------------------------------


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("قرية سنكر قرب شيراز", "IR-07"),  # not Sonqor, Kermanshah's town, 739 km away
        ("قرية سنقر قرب شيراز", "IR-07"),
        ("روستای فلان نزدیک شیراز", "IR-07"),
        ("قرية فلان قرب مشهد", "IR-09"),
        ("village of Sonqor near Shiraz", "IR-07"),
        ("قرية فلان في ضواحي مدينة شيراز", "IR-07"),  # the outskirts of Shiraz
        ("روستای فلان در حومه شیراز", "IR-07"),
        ("روستای فلان در ۲۰ کیلومتری شیراز", "IR-07"),  # 20 km from Shiraz
    ],
)
def test_a_village_near_a_town_is_of_its_province(geocoder: Geocoder, name: str, iso: str) -> None:
    match = geocoder.place(name)
    assert (match.status, match.kind, match.province_iso) == ("matched", "province", iso)


@pytest.mark.parametrize(
    "name",
    [
        "قرية فلان قرب طهران",  # Karaj, 35 km from Tehran, lies in Alborz
        "قرية فلان قرب كرج",
        "قرية سنقر قرب طهران",  # Sonqor is a town, not this village
        "قرية فلان في ضواحي طهران",
        "ضواحي طهران",  # Tehran's outskirts: Tehran's province, or Alborz
        "سجن فلان في ضواحي مدينة مشهد",  # an unknown prison outside Mashhad: not Mashhad's
        "مدينة سنقر قرب شيراز",  # a town near Shiraz, which Kermanshah's Sonqor is not
    ],
)
def test_a_village_near_a_town_by_a_border_is_unplaced(geocoder: Geocoder, name: str) -> None:
    assert geocoder.place(name).status == "unmatched"


def test_a_village_is_placed_only_near_a_town_with_no_other_province_around(
    geocoder: Geocoder, persian: list[tuple[str, str]]
) -> None:
    """Every town of the gazetteer a village is said to be near: the village is placed in the
    town's province, or nowhere."""
    names = [(f"روستای فلان نزدیک {name}", iso) for name, iso in persian]
    assert elsewhere(geocoder, names) == []


def test_which_towns_a_village_is_near_in_one_province(geocoder: Geocoder) -> None:
    index = geocoder._index
    assert near_province(index, parse_place("روستای فلان نزدیک شیراز")) == {"IR-07"}
    assert near_province(index, parse_place("روستای فلان نزدیک تهران")) == set()  # Karaj
    assert near_province(index, parse_place("زندان فلان نزدیک شیراز")) == set()  # no village
    tehran = index.towns["تهران"][0]
    karaj = index.towns["کرج"][0]
    assert km(tehran.lat or 0, tehran.lon or 0, karaj.lat or 0, karaj.lon or 0) < INTERIOR_KM


# -- Sorani's vowel written with ه ---------------------------------------------------------------


def test_sorani_vowels_written_with_heh() -> None:
    assert sorani_vowels("زیندانی قزلحهساری كهرهج") == ("زیندانی قزلحساری کرج",)
    assert sorani_vowels("شاری سهقز") == ("شاری سقز",)
    assert sorani_vowels("زندان تهران") == ()  # no Sorani word: Persian's ه stays


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("زیندانی قزلحهساری كهرهج", "IR-30"),
        ("زیندانی قزلحهساری کهرهج", "IR-30"),
        ("بهندیخانهی شاری كهرهج", "IR-30"),
    ],
)
def test_sorani_written_with_heh(geocoder: Geocoder, name: str, iso: str) -> None:
    assert where(geocoder.place(name)) == ("matched", iso)


def test_no_sorani_name_written_with_heh_lands_in_another_province(
    geocoder: Geocoder, persian: list[tuple[str, str]]
) -> None:
    """Every Persian name with ه written after its first letter, as Sorani writes its vowel,
    after Sorani's "prison of": its province, or none, unless the name so written, after
    Persian's "prison", is already another place's ("زندان تهیران" for Tiran's is one letter
    from Tehran's, تهران: a slip no Sorani rule reads)."""
    names = [(f"زیندانی {name[0]}ه{name[1:]}", iso) for name, iso in persian if len(name) > 2]
    wrong = elsewhere(geocoder, names)
    persian_too = [
        (n, at) for n, at in wrong if geocoder.place(f"زندان {n[8:]}").province_iso == at
    ]
    assert len(names) > 500
    assert wrong == persian_too


# -- a slip in the province a name gives; another place of that province ---------------------


@pytest.mark.parametrize(
    ("name", "iso", "kind"),
    [
        ("سجن أورميا المركزي بمحافظة أذربيجان الغربية", "IR-04", "city"),
        ("سجن زاهدن بمحافظة سيستان وبلوشستان", "IR-11", "city"),  # a letter dropped
        ("مدينة سبزاور، استان خراسان رضوی", "IR-09", "city"),
        # words that name nothing beside a county of the province given
        ('مدينة "جهان آباد فهرج" بمحافظة كرمان', "IR-08", "province"),
        ("فلان آباد ممسنی استان فارس", "IR-07", "province"),
        # a town only an Arabic spelling reaches (ك for ق), far from the province given
        ("سنكر، بمحافظة فارس", "IR-07", "province"),
        ("سنكر، استان یزد", "IR-21", "province"),
        # a town the lists lack, in quotation marks, with its province (ب or ل joined)
        ("مدينة “فلان” بمحافظة كرمان", "IR-08", "province"),
        ("مدينة فلان التابعة لمحافظة كرمان", "IR-08", "province"),
        ("سجن زاهدان التابعة لمحافظة سيستان وبلوشستان", "IR-11", "city"),
    ],
)
def test_a_name_in_the_province_it_gives(
    geocoder: Geocoder, name: str, iso: str, kind: str
) -> None:
    match = geocoder.place(name)
    assert (match.status, match.province_iso, match.kind) == ("matched", iso, kind)


@pytest.mark.parametrize(
    "name",
    [
        "ایوان استان تهران",  # Eyvan, a town of Ilam: a contradiction, not a slip of Evin
        "داران، استان فارس",  # Daran, of Isfahan, not Darab of Fars
        "سنقر، استان فارس",  # Sonqor's own name: a contradiction
        "سنقر، بمحافظة فارس",
        "غزوین، استان تهران",  # Qazvin as Arabic writes it, beside its old province
        "محمود آباد نمونه استان مازندران",  # a town of Qazvin, not a place of Mahmudabad's
    ],
)
def test_a_name_of_another_province_stays_unplaced(geocoder: Geocoder, name: str) -> None:
    assert geocoder.place(name).status == "unmatched"


def test_no_town_with_another_province_after_arabic_in_lands_there(
    geocoder: Geocoder, persian: list[tuple[str, str]]
) -> None:
    """Every Persian name of every town and prison, with the next province after Arabic's "in
    the province of": never placed there (nor anywhere but its own province)."""
    provinces = _provinces(geocoder)
    names = []
    for name, iso in persian:
        at = next(i for i, (_, p) in enumerate(provinces) if p == iso)
        names.append((f"{name} بمحافظة {provinces[(at + 1) % len(provinces)][0]}", iso))
    assert elsewhere(geocoder, names) == []


# -- two letters swapped, letters of one sound --------------------------------------------------


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("شهرستان سبزاور", "IR-09"),  # two letters swapped
        ("سجن سبزاور", "IR-09"),
        ("همیدیه", "IR-06"),  # ه for ح
        ("سجن ذاهدان", "IR-11"),  # ذ for ز
    ],
)
def test_a_slip_of_one_place_is_read_as_it(geocoder: Geocoder, name: str, iso: str) -> None:
    match = geocoder.place(name)
    assert where(match) == ("matched", iso)
    assert "a slip of its name" in (match.note or "")


@pytest.mark.parametrize(
    "name",
    [
        "تبرزی",  # the last two letters swapped: Persian's suffixes are there
        "صاوه",  # Saveh with ص, and one letter from Paveh too
        "مدينة سخنة",  # Sahneh misspelled, and as near Sine (سنه), Sanandaj
        "جمین",  # a slip of a dot is not read: not Khomein (خمین)
    ],
)
def test_a_slip_near_two_places_is_unplaced(geocoder: Geocoder, name: str) -> None:
    assert geocoder.place(name).status == "unmatched"


_SOUNDS = {"س": "ص", "ص": "س", "ز": "ذ", "ت": "ط", "ط": "ت", "ح": "ه", "ق": "غ"}


def test_no_slip_of_a_town_lands_in_another_province(
    geocoder: Geocoder, persian: list[tuple[str, str]]
) -> None:
    """Every Persian name with two letters in its middle swapped, or its first letter of one
    sound written otherwise: its province, or none."""
    names = []
    for name, iso in persian:
        if len(name) > 4:
            middle = len(name) // 2
            names.append(
                (f"{name[:middle]}{name[middle + 1]}{name[middle]}{name[middle + 2 :]}", iso)
            )
        at = next((i for i, c in enumerate(name) if c in _SOUNDS), None)
        if at is not None:
            names.append((f"{name[:at]}{_SOUNDS[name[at]]}{name[at + 1 :]}", iso))
    assert len(names) > 800
    assert elsewhere(geocoder, names) == []


# -- the streets of a town ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("خیابان های سبزوار", "IR-09"),
        ("خیابان های تهران", "IR-23"),
        ("شوارع مدينة مشهد", "IR-09"),
        ("ساحات طهران", "IR-23"),
        ("میدان های تبریز", "IR-03"),
    ],
)
def test_the_streets_of_a_town(geocoder: Geocoder, name: str, iso: str) -> None:
    match = geocoder.place(name)
    assert (match.status, match.kind, match.province_iso) == ("matched", "city", iso)


def test_a_street_named_after_a_town_is_of_no_town(geocoder: Geocoder) -> None:
    assert geocoder.place("خیابان تهران").status == "unmatched"  # a Tehran Street, anywhere


def test_no_town_s_streets_land_in_another_province(
    geocoder: Geocoder, persian: list[tuple[str, str]]
) -> None:
    names = [(f"خیابان های {name}", iso) for name, iso in persian]
    assert elsewhere(geocoder, names) == []


# -- a prison in the town beside it ------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("زندان قرچک در ورامین", "IR-23"),  # Qarchak, 18 km from Varamin, its old county
        ("سجن قرجك في ورامين", "IR-23"),
        ("Qarchak Prison in Varamin", "IR-23"),
    ],
)
def test_a_prison_in_the_town_beside_it(geocoder: Geocoder, name: str, iso: str) -> None:
    assert where(geocoder.place(name)) == ("matched", iso)


@pytest.mark.parametrize(
    "name",
    [
        "زندان قرچک در کرج",  # Karaj lies in Alborz
        "زندان اوین در ورامین",  # Evin lies 50 km from Varamin
    ],
)
def test_a_prison_in_a_town_far_from_it_contradicts(geocoder: Geocoder, name: str) -> None:
    assert geocoder.place(name).status == "unmatched"


def test_no_prison_in_a_town_beside_it_lands_in_another_province(
    geocoder: Geocoder, persian: list[tuple[str, str]]
) -> None:
    """Every prison's Persian name "in" every town of the gazetteer (of any province) within
    1.5 times BESIDE_KM of it: its own province, or none."""
    index = geocoder._index
    towns = {(t.city, t.province_iso): t for found in index.towns.values() for t in found}
    names = []
    for name, iso in persian:
        prison = geocoder.known(name)
        if prison is None or prison.kind != "prison" or prison.lat is None:
            continue
        lat, lon = prison.lat, prison.lon or 0.0
        names += [
            (f"{name} در {town.city}", iso)
            for town in towns.values()
            if km(lat, lon, town.lat or 0.0, town.lon or 0.0) < 1.5 * BESIDE_KM
        ]
    assert len(names) > 100
    assert elsewhere(geocoder, names) == []
    assert beside(index.towns["varamin"][0], index.entries["قرچک"].places[0])
