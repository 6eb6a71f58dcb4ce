"""Persian names as Arabic- and French-language reports write them: for Arabic, ك or ج for گ,
ب for پ, ج for چ, ز or ج for ژ, the article before a town's name, and Arabic words for prison
and province; for French, ch for sh, tch for ch and a final e after a sounded n."""

from __future__ import annotations

import pytest

from iranmap.gazetteer import load_gazetteer
from iranmap.geocode import Geocoder
from iranmap.geocode._arabic import arabic_forms
from iranmap.geocode.index import name_key_of
from iranmap.names import county_key


def test_a_persian_key_has_the_forms_arabic_writes() -> None:
    forms = arabic_forms("گرگان")
    assert {"کرکان", "جرجان", "الگرگان", "الکرکان", "الجرجان"} <= forms
    assert "گرگان" not in forms
    assert "هرمزغان" in arabic_forms("هرمزگان")  # غ for گ
    assert {"افین", "الافین"} <= arabic_forms("اوین")  # ف for a consonant و (v)
    assert {"سرافان", "فرامین"} <= arabic_forms("سراوان") | arabic_forms("ورامین")
    assert arabic_forms("gorgan") == frozenset()  # Latin letters: none
    # the article is not doubled; ه may be Arabic's ح
    assert arabic_forms("الاهواز") == {"الاهفاز", "الاحواز", "الاحفاز"}
    assert arabic_forms("شیراز") == {"الشیراز"}  # no letter to change: the article only
    assert arabic_forms("تبریز") == {"التبریز", "طبریز", "الطبریز"}  # ط for ت
    # one ه as ح; ت as ط ("طهران" itself is local-names.csv's, the index's own name)
    assert arabic_forms("تهران") == {"التهران", "تحران", "التحران"} | {
        "طهران",
        "الطهران",
        "طحران",
        "الطحران",
    }


@pytest.mark.parametrize(
    ("name", "iso", "town"),
    [
        ("سجن الأهواز", "IR-06", "Ahvaz"),
        ("الأهواز", "IR-06", "Ahvaz"),
        ("جرجان", "IR-27", "Gorgān"),
        ("سجن كركان", "IR-27", "Gorgān"),
        ("المحمرة", "IR-06", "Khorramshahr"),
        ("بيرانشهر", "IR-04", "Piranshahr"),
        ("سجن جابهار", "IR-11", "Chabahar"),
        ("السجن المركزي في شيراز", "IR-07", "Shiraz"),
    ],
)
def test_an_arabic_spelling_of_a_town_is_that_town(
    geocoder: Geocoder, name: str, iso: str, town: str
) -> None:
    match = geocoder.place(name)
    assert (match.status, match.province_iso, match.city) == ("matched", iso, town)


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("محافظة خوزستان", "IR-06"),
        ("محافظة كلستان", "IR-27"),
        ("محافظة جيلان", "IR-01"),
        ("إقليم كردستان", "IR-12"),
        ("ولاية البرز", "IR-30"),
        ("ولایت البرز", "IR-30"),
    ],
)
def test_a_province_in_arabic_or_dari_words_is_that_province(
    geocoder: Geocoder, name: str, iso: str
) -> None:
    match = geocoder.province(name)
    assert (match.status, match.province_iso) == ("matched", iso)


def test_no_arabic_form_of_a_town_lands_in_another_province(geocoder: Geocoder) -> None:
    """Every Arabic form of every town's and prison's Persian names: their province, or no
    answer (a form two places share names neither), never another province."""
    gazetteer = load_gazetteer()
    named = [(c.name, c.province_iso, (c.name_fa, *c.aliases)) for c in gazetteer.cities]
    named += [(p.name_en, p.province_iso, (p.name_fa, *p.aliases)) for p in gazetteer.prisons]
    wrong = []
    checked = 0
    for place, iso, names in named:
        for name in names:
            for form in arabic_forms(name_key_of(name)) if name else ():
                checked += 1
                match = geocoder.place(form)
                if match.status == "matched" and match.province_iso != iso:
                    wrong.append((place, form, match.province_iso))
    assert checked > 1000
    assert wrong == []


# -- French spellings: ch for sh, tch for ch, a final e after a sounded n ----------------------


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("Machhad", "IR-09"),
        ("prison de Racht", "IR-01"),
        ("Chahr-e Kord", "IR-14"),
        ("Bouchehr", "IR-18"),
        ("Tchabahar", "IR-11"),
        ("prison d'Evine", "IR-23"),
    ],
)
def test_a_french_spelling_of_a_place_is_that_place(
    geocoder: Geocoder, name: str, iso: str
) -> None:
    match = geocoder.place(name)
    assert (match.status, match.province_iso) == ("matched", iso)


@pytest.mark.parametrize(
    ("name", "iso"),
    [("Sistan-et-Baloutchistan", "IR-11"), ("Tchaharmahal-et-Bakhtiari", "IR-14")],
)
def test_a_french_spelling_of_a_province_is_that_province(
    geocoder: Geocoder, name: str, iso: str
) -> None:
    match = geocoder.province(name)
    assert (match.status, match.province_iso) == ("matched", iso)


def test_no_french_spelling_of_a_town_lands_in_another_province(geocoder: Geocoder) -> None:
    """Every town's and prison's Latin names written as French writes them (sh as ch, ch as
    tch): their province, or no answer, never another province; a form that is another
    place's own name ("Chadegan", of Isfahan, for Shadegan) is that place, as written."""
    gazetteer = load_gazetteer()
    named = [(c.name, c.province_iso, (c.name, *c.aliases)) for c in gazetteer.cities]
    named += [(p.name_en, p.province_iso, (p.name_en, *p.aliases)) for p in gazetteer.prisons]
    counties = {county_key(n) for c in gazetteer.counties for n in (c.name_en, *c.aliases)}
    wrong = []
    checked = 0
    for place, iso, names in named:
        for name in names:
            if not name.isascii() or "sh" not in name.lower():
                continue
            french = name.replace("ch", "tch").replace("sh", "ch").replace("Sh", "Ch")
            if name_key_of(french) in geocoder._index.entries or county_key(french) in counties:
                continue  # a place's or county's own name: the respelling is never asked
            checked += 1
            match = geocoder.place(french)
            if match.status == "matched" and match.province_iso != iso:
                wrong.append((place, french, match.province_iso))
    assert checked > 300
    assert wrong == []
