"""Names read otherwise, issue 20's fourth round: Arabic and Persian words for city, prison and
province joined to a name, words for city around it in Urdu, Persian and Sorani, a province word
between a place and its province, Turkish, Azerbaijani and Polish case endings, Polish letters, g
for gh, Sorani ۆ, a direction word that only describes a province, and Arabic ح for a Persian ه.
Written against the categories of the misses of tests/data/geocode/heldout4-names.csv
(geocode/_affixes.py, geocode/_arabic.py, iranmap.spellings, iranmap.name_words,
geocode/provinces.py); each rule with names it must place, names it must leave alone, and a check
over the whole gazetteer that no name it reads lands in another province."""

from __future__ import annotations

import re

import pytest

from iranmap.gazetteer import load_gazetteer
from iranmap.geocode import Geocoder
from iranmap.geocode._arabic import arabic_forms
from iranmap.names import parse_place
from iranmap.spellings import (
    as_polish,
    c_forms,
    g_forms,
    polish_cases,
    turkish_cases,
    without_sorani_o,
)
from townnames import elsewhere, in_turn, where

# -- Arabic and Persian words joined to a name -------------------------------------------------


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("السجن المركزي بمدينةزاهدان", "IR-11"),  # "in the city of" joined to the town
        ("سجن مدينةزابل", "IR-11"),
        ("سجنزاهدان", "IR-11"),  # "prison" joined to the town
        ("زندانقزلحصار", "IR-30"),
        ("بمحافظةكرمانشاه", "IR-05"),
    ],
)
def test_a_word_joined_to_a_name_is_set_apart(geocoder: Geocoder, name: str, iso: str) -> None:
    assert where(geocoder.place(name)) == ("matched", iso)


def test_a_joined_word_is_set_apart_only_from_a_place_name(geocoder: Geocoder) -> None:
    assert geocoder.place("سجنفلانستان").status == "unmatched"  # the rest names nothing
    assert where(geocoder.place("زندان")) == ("unmatched", None)
    # a town's own name that starts like a word for prison is the town
    assert (
        geocoder.place("استانه").status != "matched" or geocoder.place("استانه").kind != "province"
    )


def test_no_town_joined_to_a_word_lands_in_another_province(
    geocoder: Geocoder, persian: list[tuple[str, str]]
) -> None:
    """Every Persian name of every town and prison, joined to "بمدينة", "سجن" and "مدينة": its
    province, or no answer."""
    names = [
        (glued + name.replace(" ", ""), iso)
        for name, iso in persian
        for glued in ("بمدينة", "سجن", "مدينة")
    ]
    assert len(names) > 1000
    assert elsewhere(geocoder, names) == []


# -- words for city around a name ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("سربیشہ شہر", "IR-29"),  # Urdu: a county with its word for city after it
        ("دزاپ شہر", "IR-11"),
        ("شار سەقز", "IR-12"),  # Sorani
        ("شهر بابک", "IR-08"),  # a town whose own name has the word: Shahr-e Babak
        ("شهر کرد", "IR-14"),  # Shahr-e Kord, written apart
        ("شهر آبیک", "IR-26"),  # Abyek, not a near spelling of Shahr-e Babak (IR-08)
        ("زندان مرکزی شهر آبیک", "IR-26"),
    ],
)
def test_a_word_for_city_around_a_name(geocoder: Geocoder, name: str, iso: str) -> None:
    assert where(geocoder.place(name)) == ("matched", iso)


def test_no_town_with_a_word_for_city_lands_in_another_province(
    geocoder: Geocoder, persian: list[tuple[str, str]]
) -> None:
    """Every Persian name of every town and prison with Urdu's word for city after it and
    Persian's before it: its province, or no answer; a town's own name without the word beats a
    near spelling of another town's name with it ("شهر آبیک" is Abyek, not Shahr-e Babak)."""
    names = [(f"{name} شہر", iso) for name, iso in persian]
    names += [(f"شهر {name}", iso) for name, iso in persian]
    assert elsewhere(geocoder, names) == []


# -- a province word between a place and its province -------------------------------------------


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("زندان قزلحصار ولایت البرز", "IR-30"),  # Dari
        ("سجن زاهدان محافظة سيستان وبلوشستان", "IR-11"),  # Arabic
        ("Ghezel Hesar Ostan-e Alborz", "IR-30"),
        ("Vakilabad provincia Khorasan Razavi", "IR-09"),
    ],
)
def test_a_place_with_its_province_after_a_province_word(
    geocoder: Geocoder, name: str, iso: str
) -> None:
    assert where(geocoder.place(name)) == ("matched", iso)


def test_a_province_word_before_another_province_contradicts(geocoder: Geocoder) -> None:
    assert parse_place("زندان قزلحصار ولایت البرز").context == ("البرز",)
    assert geocoder.place("Ghezel Hesar Ostan-e Fars").status == "unmatched"
    assert geocoder.place("سجن زاهدان محافظة طهران").status == "unmatched"
    # a province word first still names the province, not a place in it
    found = geocoder.place("استان فارس")
    assert (found.kind, found.province_iso) == ("province", "IR-07")


def test_no_prison_with_another_province_after_a_province_word_lands_there(
    geocoder: Geocoder,
) -> None:
    """Every prison's Persian name with its own province after "ولایت" is placed there; with
    the next province, it is placed nowhere else than its own."""
    gazetteer = load_gazetteer()
    provinces = sorted(gazetteer.provinces, key=lambda p: p.iso)
    wrong, own = [], 0
    for prison in gazetteer.prisons:
        at = next(i for i, p in enumerate(provinces) if p.iso == prison.province_iso)
        for province in (provinces[at], provinces[(at + 1) % len(provinces)]):
            match = geocoder.place(f"{prison.name_fa} ولایت {province.name_fa}")
            if match.status == "matched" and match.province_iso != prison.province_iso:
                wrong.append((prison.id, province.iso, match.province_iso))
            own += match.status == "matched" and province.iso == prison.province_iso
    assert wrong == []
    assert own > 0.9 * len(gazetteer.prisons)


# -- Turkish and Azerbaijani case endings ------------------------------------------------------


def test_turkish_cases() -> None:
    assert "Təbriz" in turkish_cases("Təbrizdə")
    assert "Kerec Merkez Cezaevi" in turkish_cases("Kerecdə Merkez Cezaevi")
    assert turkish_cases("Bane cezaevi") == ()  # Turkish e for Persian's final heh: Baneh
    assert turkish_cases("Tabrizda") == ()  # no Turkish letter or word: not read so
    assert all("cezaev" in form.casefold() for form in turkish_cases("Karaj cezaevi"))


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("Təbrizdə", "IR-03"),  # Azerbaijani locative
        ("Ərdəbildən", "IR-24"),  # ablative
        ("Kerecdeki Merkez Cezaevi", "IR-30"),
        ("Urmiyədə", "IR-04"),
    ],
)
def test_a_town_with_its_case_ending(geocoder: Geocoder, name: str, iso: str) -> None:
    assert where(geocoder.place(name)) == ("matched", iso)


def test_no_town_with_a_case_ending_lands_in_another_province(
    geocoder: Geocoder, latin: list[tuple[str, str]]
) -> None:
    """Every Latin name of every town and prison, with two of four case endings in turn and
    Turkish's word for prison: its province, or no answer, except names placed so before this
    rule, as other readings of the whole: "Gonbaddan" as a near spelling of Dogonbadan.
    ("Parsabadde" and "Farsabadde", Abadeh with its province, Fars, run onto it, were too: now
    they are left unresolved, as near Parsabad, Ardabil, by geocode/_rivals.py.)"""
    names = in_turn(latin, ("{}da cezaevi", "{}de cezaevi", "{}dan cezaevi", "{}nin cezaevi"), 2)
    as_before = [name for name in ("Gonbaddan cezaevi",) if name in dict(names)]
    assert sorted(name for name, _ in elsewhere(geocoder, names)) == as_before


# -- Polish, g for gh, Sorani ۆ ----------------------------------------------------------------


def test_polish_and_g_and_sorani_forms() -> None:
    assert as_polish("Jasudż") == "Yasuj"
    assert as_polish("Szahr-e Kord") == "Shahr-e Kord"
    assert as_polish("Jiroft") == "Jiroft"  # no Polish letter: j stays j
    assert g_forms("Gaemshahr") == ("Ghaemshahr",)
    assert g_forms("Gorgan") == ("Ghorgan", "Gorghan", "Ghorghan")
    assert without_sorani_o("لۆرستان") == "لرستان"
    assert c_forms("Bocnurd") == ("Bojnurd", "Boknurd")
    assert c_forms("carcere di Cazvin") == ("carcere di Jazvin", "carcere di Kazvin")
    assert c_forms("Chabahar") == ()


@pytest.mark.parametrize(
    ("name", "iso", "province"),
    [
        ("Jasudż", "IR-17", False),  # Polish
        ("więzienie w Kermanszah", "IR-05", False),
        ("więzienie w Kermanszahu", "IR-05", False),  # Polish locative endings
        ("zakład karny w Teheranie", "IR-23", False),
        ("więzienie w Karadżu", "IR-30", False),
        ("Gaemshahr", "IR-02", False),  # g for gh
        ("Gezel Hesar", "IR-30", False),
        ("Bocnurd", "IR-28", False),  # a lone c: Azerbaijani j
        ("cárcel de Cazvín", "IR-26", False),  # Spanish k
        ("لۆرستان", "IR-15", True),  # Sorani ۆ where Persian writes no letter
        ("پارێزگای لۆرستان", "IR-15", True),
    ],
)
def test_polish_g_and_sorani_spellings(
    geocoder: Geocoder, name: str, iso: str, province: bool
) -> None:
    match = geocoder.province(name) if province else geocoder.place(name)
    assert where(match) == ("matched", iso)


def test_polish_cases() -> None:
    assert "więzienie w Teheran" in polish_cases("więzienie w Teheranie")
    assert "więzienie w Karaj" in polish_cases("więzienie w Karadżu")
    assert polish_cases("Teheranie") == ()  # no Polish word: not read so


def test_no_polish_case_of_a_town_lands_in_another_province(
    geocoder: Geocoder, latin: list[tuple[str, str]]
) -> None:
    """Every Latin name of every town and prison after "więzienie w", with a locative ending (the
    next in turn): its province, or no answer, except the names read otherwise as a whole before
    this rule, as with Turkish endings: "Ferdousie" as Ferdowsiyeh. ("Parsabadie", Abadeh with
    Fars run onto it, was too: it is as near Parsabad, Ardabil, and left unresolved.)"""
    names = in_turn(latin, ("więzienie w {}u", "więzienie w {}ie", "więzienie w {}iu"))
    as_before = [name for name in ("więzienie w Ferdousie",) if name in dict(names)]
    assert sorted(name for name, _ in elsewhere(geocoder, names)) == as_before


def test_no_polish_or_g_spelling_of_a_town_lands_in_another_province(
    geocoder: Geocoder, latin: list[tuple[str, str]]
) -> None:
    """Every Latin name of every town and prison written as Polish writes it, with gh or q
    written g, and with j, or k and q, written c: its province, or no answer."""
    polish = {"sh": "sz", "ch": "cz", "kh": "ch", "j": "dż", "y": "j"}
    names = []
    for name, iso in latin:
        spelt = name
        for english, letters in polish.items():
            spelt = spelt.replace(english, letters)
        names += [(spelt, iso), (name.replace("gh", "g").replace("Gh", "G"), iso)]
        names += [(name.replace("q", "g").replace("Q", "G"), iso)]
        names += [(name.replace("j", "c").replace("J", "C"), iso)]
        names += [(re.sub("k(?!h)", "c", name.replace("q", "k")), iso)]
    assert elsewhere(geocoder, sorted(set(names))) == []


def test_no_sorani_o_in_a_town_lands_in_another_province(
    geocoder: Geocoder, persian: list[tuple[str, str]]
) -> None:
    """Every Persian name of every town and prison with ۆ for its و, or with ۆ after its first
    letter: its province, or no answer."""
    names = [(name.replace("و", "ۆ"), iso) for name, iso in persian if "و" in name]
    names += [(name[0] + "ۆ" + name[1:], iso) for name, iso in persian]
    assert elsewhere(geocoder, names) == []


# -- a direction word that only describes a province ---------------------------------------------


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("provincia meridionale di Hormozgan", "IR-22"),
        ("southern Fars", "IR-07"),
        ("provincia occidentale del Kermanshah", "IR-05"),
        ("Khorasan meridionale", "IR-29"),  # a direction that names a province still does
        ("Western Azerbaijan", "IR-04"),
    ],
)
def test_a_direction_word_that_describes_a_province(
    geocoder: Geocoder, name: str, iso: str
) -> None:
    assert where(geocoder.province(name)) == ("matched", iso)


@pytest.mark.parametrize(
    "name",
    [
        "Southern Azerbaijan",
        "Güney Azerbaycan",
        "central Khorasan",
        "West Tehran",  # Karaj's side of Tehran province became Alborz in 2010
        "Eastern Mazandaran",  # Golestan since 1997
        "southern Zanjan",  # Qazvin since 1996
    ],
)
def test_a_direction_word_never_picks_one_of_a_regions_provinces(
    geocoder: Geocoder, name: str
) -> None:
    assert geocoder.province(name).status != "matched"


def test_every_province_with_a_direction_word_is_itself_or_none(geocoder: Geocoder) -> None:
    gazetteer = load_gazetteer()
    wrong = []
    for province in gazetteer.provinces:
        for direction in ("southern", "North", "orientale", "westlichen"):
            for name in (f"{direction} {province.name_en}", f"{province.name_en} {direction}"):
                match = geocoder.province(name)
                if match.status == "matched" and match.province_iso != province.iso:
                    wrong.append((name, match.province_iso))
    assert wrong == []


# -- a county's seat named with the word for city ---------------------------------------------


@pytest.mark.parametrize(
    ("name", "iso"),
    [("مدينة مهرستان", "IR-11"), ("Mehrestan City", "IR-11"), ("مدينة سربيشه", "IR-29")],
)
def test_a_countys_name_with_the_word_for_city_is_its_province(
    geocoder: Geocoder, name: str, iso: str
) -> None:
    found = geocoder.place(name)
    assert (found.status, found.kind, found.province_iso) == ("matched", "province", iso)


# -- Arabic ح for a Persian ه, and Arabic names of provinces ------------------------------------


def test_arabic_writes_an_inner_heh_as_ha() -> None:
    assert {"احواز", "الاحواز"} <= arabic_forms("اهواز")
    assert "مهاباح" not in arabic_forms("مهاباده")  # a final ه stays
    assert all("ح" not in form for form in arabic_forms("کرمانشاه"))  # its ه is the last letter


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("سجن الاحواز", "IR-06"),  # without the hamza local-names.csv writes
        ("سجن محاباد", "IR-04"),
        ("محافظة أذربيجان الشرقية", "IR-03"),  # local-names.csv (Arabic Wikipedia)
        ("سجن تبريز محافظة أذربيجان الشرقية", "IR-03"),
    ],
)
def test_arabic_ha_and_province_names(geocoder: Geocoder, name: str, iso: str) -> None:
    assert where(geocoder.place(name)) == ("matched", iso)


def test_no_town_with_ha_for_heh_lands_in_another_province(
    geocoder: Geocoder, persian: list[tuple[str, str]]
) -> None:
    """Every Persian name of every town and prison with each of its inner ه written ح, after
    Arabic's word for prison: its province, or no answer."""
    names = [
        (f"سجن {name[:i]}ح{name[i + 1 :]}", iso)
        for name, iso in persian
        for i, letter in enumerate(name[:-1])
        if letter == "ه"
    ]
    assert len(names) > 50
    assert elsewhere(geocoder, names) == []


# -- words a sentence puts around a name ---------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("dans la prison d'Evin", "IR-23"),  # "in" at the start, French
        ("à la prison de Ghezel Hessar", "IR-30"),
        ("en la cárcel de Evin", "IR-23"),  # Spanish
        ("em presídio de Evin", "IR-23"),  # Portuguese, with its word for prison
        ("im Gefängnis von Täbris", "IR-03"),  # German
        ("carcere di massima sicurezza di Ghezel Hesar", "IR-30"),  # "maximum security"
        ("the western city of Kermanshah", "IR-05"),  # the direction a sentence gives a town
        ("the southeastern city of Zahedan", "IR-11"),
    ],
)
def test_words_a_sentence_puts_around_a_name(geocoder: Geocoder, name: str, iso: str) -> None:
    assert where(geocoder.place(name)) == ("matched", iso)


def test_a_leading_word_for_in_is_read_only_before_more_words(geocoder: Geocoder) -> None:
    assert where(geocoder.place("Na in")) == ("matched", "IR-10")  # Na'in, not "in"
    assert where(geocoder.place("No Shahr")) == where(geocoder.place("Noshahr"))
    assert geocoder.place("En").status == "unmatched"


def test_no_town_in_a_sentences_words_lands_in_another_province(
    geocoder: Geocoder, latin: list[tuple[str, str]]
) -> None:
    names = [
        (wrapper.format(name), iso)
        for name, iso in latin
        for wrapper in ("dans la prison de {}", "em presídio de {}", "the western city of {}")
    ]
    assert elsewhere(geocoder, names) == []


# -- what a place lies in a direction of -------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Ghezel Hesar prison west of Tehran",  # it lies in Karaj, Alborz: never Tehran
        "Ghezel Hesar, west of Tehran",
        "carcere di Ghezel Hesar a ovest di Teheran",
        "prison de Ghezel Hesar à l'ouest de Téhéran",
        "cárcel de Ghezel Hesar al oeste de Teherán",
        "Gefängnis Ghezel Hesar westlich von Teheran",
    ],
)
def test_what_a_place_lies_in_a_direction_of_is_not_where_it_is(
    geocoder: Geocoder, name: str
) -> None:
    assert where(geocoder.place(name)) == ("matched", "IR-30")


def test_arabic_notorious_with_its_article(geocoder: Geocoder) -> None:
    assert where(geocoder.place("سجن ايفين السيء الصيت")) == ("matched", "IR-23")


def test_no_prison_west_of_another_provinces_capital_lands_there(geocoder: Geocoder) -> None:
    """Every prison's English name, "west of" Tehran and of Shiraz: its province or none."""
    gazetteer = load_gazetteer()
    names = [
        (f"{prison.name_en} {direction} of {capital}", prison.province_iso)
        for prison in gazetteer.prisons
        for capital in ("Tehran", "Shiraz")
        for direction in ("west", "north-east")
    ]
    assert elsewhere(geocoder, names) == []
