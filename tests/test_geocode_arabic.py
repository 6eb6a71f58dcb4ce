"""Persian names as an Arabic-language report writes them: ك or ج for گ, ب for پ, ج for چ,
ز or ج for ژ, the article before a town's name, and Arabic words for prison and province."""

from __future__ import annotations

import pytest

from iranmap.gazetteer import load_gazetteer
from iranmap.geocode import Geocoder
from iranmap.geocode._arabic import arabic_forms
from iranmap.geocode.index import name_key_of


@pytest.fixture(scope="module")
def geocoder() -> Geocoder:
    return Geocoder(load_gazetteer())


def test_a_persian_key_has_the_forms_arabic_writes() -> None:
    forms = arabic_forms("گرگان")
    assert {"کرکان", "جرجان", "الگرگان", "الکرکان", "الجرجان"} <= forms
    assert "گرگان" not in forms
    assert arabic_forms("gorgan") == frozenset()  # Latin letters: none
    assert arabic_forms("الاهواز") == frozenset()  # the article is not doubled; no letter to change


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
