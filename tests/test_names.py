"""Name normal forms: fold() keeps words and drops script noise; key() makes spellings meet."""

from __future__ import annotations

import itertools

import pytest

from iranmap._letters import _fold_script
from iranmap.gazetteer import load_gazetteer
from iranmap.names import fold, key, province_key


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Qezel-Hesar", "qezel hesar"),
        ("  GHEZEL   hesar  ", "ghezel hesar"),
        ("Qaşr-e Shīrīn", "qasr e shirin"),
        ("Torbat-e Ḩeydarīyeh", "torbat e heydariyeh"),
        ("Qā’em Shahr", "qa em shahr"),
        ("Kūt-e ‘Abdollāh", "kut e abdollah"),
        ("Raja'i Shahr", "raja i shahr"),
        ("ʿAli Abad", "ali abad"),
        ("Straße", "strasse"),
        ("Bandar-e Anzalı", "bandar e anzali"),  # Turkish-style dotless i
        # Persian script: Arabic yeh and kaf become Persian ones.
        ("كرج", "کرج"),
        ("تبريز", "تبریز"),
        ("مصلى", "مصلی"),
        # ZWNJ and tatweel vanish; harakat (kasra, shadda, ...) too.
        ("قزل\u200cحصار", "قزلحصار"),
        ("تهـــران", "تهران"),
        ("زندانِ اوین", "زندان اوین"),
        ("ارومیّه", "ارومیه"),
        # Hamza carriers lose the hamza; alef madda loses the madda; a bare hamza goes.
        ("أرومية", "ارومیه"),
        ("آذربایجان", "اذربایجان"),
        ("مؤمن", "مومن"),
        ("رئیس", "رییس"),
        ("جزء", "جز"),
        # Teh marbuta and the heh variants are heh.
        ("خانة", "خانه"),
        ("خانۀ", "خانه"),
        ("ھمدان", "همدان"),
        # Digits in Persian and Arabic-Indic forms become ASCII.
        ("زندان ۱۲", "زندان 12"),
        ("Prison ٣", "prison 3"),
        # Punctuation of both scripts separates words.
        ("Evin, Tehran; «Zendan»", "evin tehran zendan"),
        ("اوین، تهران", "اوین تهران"),
        # Presentation forms (as pasted from some PDFs) are the ordinary letters.
        ("\ufedb\ufeae\ufe9e", "کرج"),
        ("", ""),
        ("-- ' --", ""),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_ascii_is_folded_as_any_text_is() -> None:
    """fold() takes a short way for ASCII text: it must give what the whole way gives."""
    ascii_chars = [chr(i) for i in range(128)]
    gazetteer = load_gazetteer()
    names = [n for c in gazetteer.cities for n in (c.name, *c.aliases) if n.isascii()]
    texts = ["".join(pair) for pair in itertools.product(ascii_chars, repeat=2)]
    texts += [f"{c}Qezel-Hesar{c}Prison{c}" for c in ascii_chars] + names
    assert [fold(t) for t in texts] == [_fold_script(t) for t in texts]


QEZELHESAR = [
    "Qezelhessar",
    "Ghezel Hesar",
    "Ghezelhesar Prison",
    "Qezel-Hesar",
    "ghezel hessar",
    "Ghezel Hessar Prison",
    "GHEZELHESAR",
    "Qezel Ḥeṣār",
    "Zendan-e Ghezel Hesar",
    "Zendane Qezelhesar",
    "Prison of Ghezel Hesar",
    "The Ghezel Hesar Prison",
    "Qezel Hisar",
    "Ghezel-Hessar Jail",
]


@pytest.mark.parametrize("spelling", QEZELHESAR)
def test_key_makes_ghezel_hesar_spellings_meet(spelling: str) -> None:
    assert key(spelling) == key("Ghezel Hesar") == "qizilhisar"


@pytest.mark.parametrize(
    "group",
    [
        ["Central Karaj", "Karaj Central", "Karaj Central Prison", "Central Prison of Karaj"],
        ["Zendan-e Markazi-ye Karaj", "Karaj Prison", "karaj"],
        ["زندان مرکزی کرج", "زندان كرج", "کرج"],
        ["Rajaei Shahr", "Rajai Shahr", "Raja'i-Shahr", "Rajaee Shahr", "Rajayi Shahr"],
        ["Orumiyeh", "Oroumieh", "Orumieh", "Urumiyeh", "Orūmīyeh"],
        ["Khoy", "Khoi", "Khuy", "Khūy"],
        ["Khorramabad", "Khorram Abad", "Khorram-Abad", "Khurramabad"],
        ["Bandar Abbas", "Bandar-e Abbas", "Bandar Abas", "Bandarabbas"],
        ["Vakilabad", "Vakil Abad", "Vakil-Abad Prison", "Wakilabad"],
        ["Qom", "Qum", "Ghom"],
        ["Esfahan", "Isfahan", "Eşfahān"],
        ["Bojnurd", "Bojnourd", "Bojnoord", "Bujnurd"],
        ["Saveh", "Sāveh", "Save"],
        ["Kohgiluyeh", "Kohgiluye", "Kohgilooyeh"],
        ["Ahvaz", "Ahwaz"],
        ["Qaemshahr", "Qa'em Shahr", "Ghaemshahr", "Qā’emshahr"],
        ["زندان قزل‌حصار", "زندان قزلحصار", "قزل حصار", "زندانِ قزل‌حصار"],
        ["زندان عادل‌آباد", "زندان عادل آباد", "عادلاباد"],
        ["ارومیه", "اروميه", "ارومیّه"],
    ],
)
def test_key_makes_variants_meet(group: list[str]) -> None:
    assert {key(spelling) for spelling in group} == {key(group[0])}


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Karaj", "Qarchak"),
        ("Tehran", "Tiran"),
        ("Evin", "Evaz"),
        ("Tabriz", "Tabas"),
        ("Sari", "Sarab"),
        ("Maragheh", "Marand"),
        ("Qom", "Qods"),
        ("Kerman", "Kermanshah"),
        ("Abadan", "Abadeh"),
        ("Khomeyn", "Khomeyni Shahr"),
        ("Shahr-e Kord", "Shahr-e Babak"),
        ("Bam", "Jam"),
        ("Urmia", "Ormia Prison Two"),
    ],
)
def test_key_keeps_different_places_apart(one: str, other: str) -> None:
    assert key(one) != key(other)


def test_key_of_only_noise_words_is_not_empty() -> None:
    assert key("Central Prison") == "cintralprisun"
    assert key("زندان مرکزی") == "زندانمرکزی"
    assert key("") == ""


def test_key_folds_persian_and_latin_separately() -> None:
    # A key never transliterates between scripts: the gazetteer lists both forms.
    assert key("کرج") != key("Karaj")


@pytest.mark.parametrize(
    "group",
    [
        ["East Azerbaijan", "Azerbaijan, East", "East Azerbaijan Province", "Azerbaijan East"],
        ["Azarbayjan-e Sharqi", "Ostan-e Azarbayjan-e Sharghi", "Sharqi Azarbayjan"],
        ["Razavi Khorasan", "Khorasan Razavi", "Khorasan-e Razavi", "Khorāsān-e Rażavī"],
        ["South Khorasan", "Khorasan-e Jonubi", "Khorasan, South", "Khorasan Jonoubi"],
        ["خراسان جنوبی", "جنوبی خراسان", "استان خراسان جنوبي"],
        ["Kohgiluyeh and Boyer-Ahmad", "Kohgiluyeh va Boyer Ahmad", "Kohgiluyeh-o Boyer-Ahmad"],
        ["Sistan and Baluchestan", "Sistan-o Baluchestan", "Sistan va Baluchestan"],
        ["سیستان و بلوچستان", "سيستان و بلوچستان", "استان سیستان و بلوچستان"],
        ["آذربایجان شرقی", "استان آذربايجان شرقي", "شرقی آذربایجان"],
        ["Markazi", "Markazi Province", "Ostan-e Markazi"],
        ["مرکزی", "استان مرکزی"],
        ["Tehran", "Tehran Province", "Ostan-e Tehran", "TEHRĀN"],
    ],
)
def test_province_key_makes_variants_meet(group: list[str]) -> None:
    assert {province_key(spelling) for spelling in group} == {province_key(group[0])}


def test_province_key_keeps_the_directions_apart() -> None:
    keys = {
        province_key(name)
        for name in ("East Azerbaijan", "West Azerbaijan", "North Khorasan", "South Khorasan")
    }
    assert len(keys) == 4
    assert province_key("Razavi Khorasan") not in {province_key("North Khorasan"), "xurasan"}


def test_province_key_keeps_central_as_a_name() -> None:
    # "Central" is noise for a prison but is the Markazi province's English name.
    assert province_key("Central") == "cintral"
    assert province_key("مرکزی") == "مرکزی"
    assert key("مرکزی") == "مرکزی"  # a lone noise word is kept, too


def test_direction_alone_is_kept() -> None:
    assert province_key("East") == "iast"
