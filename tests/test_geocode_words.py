"""Names read otherwise, issue 20's sixth round, for Latin script: Azerbaijani genitives and its
word for prison, Kurmanji izafe, oblique endings and letters, Vietnamese words, an adjective between
a Romance word for city and its "of", abbreviated words for street, and the words around a place
name of many more languages. Written against the categories of the Latin misses of
tests/data/geocode/heldout6-names.csv (iranmap.name_words, iranmap.spellings, iranmap.names); each
rule with names it must place, names it must leave alone, and a check over the whole gazetteer
that no name it reads lands in another province."""

from __future__ import annotations

import pytest

from iranmap.gazetteer import load_gazetteer
from iranmap.geocode import Geocoder
from iranmap.names import fold, parse_place
from iranmap.spellings import kurmanji_vowels, turkish_cases
from townnames import elsewhere, latin_towns, placed_at_home


@pytest.fixture(scope="module")
def geocoder() -> Geocoder:
    return Geocoder(load_gazetteer())


@pytest.fixture(scope="module")
def latin(geocoder: Geocoder) -> list[tuple[str, str]]:
    return placed_at_home(geocoder, latin_towns())


def where(match: object) -> tuple[object, ...]:
    return tuple(getattr(match, field) for field in ("status", "province_iso"))


# -- Azerbaijani: its word for prison, the genitive on the town -----------------------------------


def test_the_genitive_is_cut_from_any_word_of_the_name() -> None:
    assert "Tehran Evin zindanı" in turkish_cases("Tehranın Evin zindanı")
    assert "Ərdəbil Zindanı" in turkish_cases("Ərdəbilin Zindanı")
    assert "Kərəc Rəcayi-şəhr zindanı" in turkish_cases("Kərəcin Rəcayi-şəhr zindanı")
    # a locative only from the last: "Neshta Ruddan" is from Neshta Rud
    assert not any(form.startswith("Təbriz ") for form in turkish_cases("Təbrizdə Evin"))
    assert turkish_cases("Qazvin prison") == ()  # no Turkish letter or word: not read so


@pytest.mark.parametrize(
    ("name", "iso", "kind"),
    [
        ("Ərdəbilin Zindanı", "IR-24", "city"),  # Ardabil's prison
        ("Təbrizin Mərkəzi Zindanı", "IR-03", "city"),
        ("Tehranın Evin zindanı", "IR-23", "prison"),  # Tehran's Evin prison
        ("Kərəcin Rəcayi-şəhr zindanı", "IR-30", "prison"),
        ("Təbriz zindanında", "IR-03", "city"),
        ("Evin zindanı", "IR-23", "prison"),
        ("Qazvin zindanı", "IR-26", "city"),  # a name ending in -in is not cut when it is one
    ],
)
def test_azerbaijani_prison_and_genitive(
    geocoder: Geocoder, name: str, iso: str, kind: str
) -> None:
    match = geocoder.place(name)
    assert (match.status, match.province_iso, match.kind) == ("matched", iso, kind)
    assert parse_place(name).says_prison


def test_a_genitive_is_cut_only_where_it_gives_a_name(geocoder: Geocoder) -> None:
    assert geocoder.place("Fooin zindanı").status == "unmatched"
    assert geocoder.place("Shirin zindanı").status != "matched"  # not "Shir"
    # a stem of three letters is not cut: Karun's prison, not Ker's (Qir, Fars)
    assert geocoder.place("Kerun cezaevi").province_iso != "IR-07"


@pytest.mark.slow
def test_no_town_with_the_azerbaijani_genitive_lands_in_another_province(
    geocoder: Geocoder, latin: list[tuple[str, str]]
) -> None:
    """Every Latin name of every town and prison with Azerbaijani's word for prison, and with
    the genitive of both harmonies on it before another name and before the word for prison:
    its province, or none, except a name that is another place's as written: "Dargaz" with -in
    is Dargazin, a county of Hamadan."""
    names = [
        (wrapper.format(name), iso)
        for name, iso in latin
        for wrapper in ("{} zindanı", "{}in zindanı", "{}ın Evin zindanı", "{}un Mərkəzi Zindanı")
    ]
    assert [name for name, _ in elsewhere(geocoder, names)] == ["Dargazin zindanı"]


# -- Kurmanji: "ya" (of), the oblique after a vowel, c for j, e and i for a ----------------------


def test_kurmanji_vowels() -> None:
    assert kurmanji_vowels("bajarê Kerac") == ("bajarê Keraj", "bajarê Karaj")
    assert "bajarê Naqade" in kurmanji_vowels("bajarê Neqedeyê")  # the final e kept: -eh
    assert "bajarê Takab" in kurmanji_vowels("bajarê Tikabê")
    assert kurmanji_vowels("Kerac") == ()  # no Kurmanji letter or word: not read so
    assert fold("bajarê Neqedeyê") == "bajar neqede"  # the oblique after a vowel


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("girtîgeha navendî ya Îsferaynê ya Xurasana Bakur", "IR-28"),  # "of" ... "of"
        ("girtîgeha Qizilhesar ya bajarê Kerecê", "IR-30"),
        ("bajarê Neqedeyê", "IR-04"),  # Naqadeh, with the oblique after its final vowel
        ("bajarê Tikabê", "IR-04"),  # Takab: i for a
        ("bajarê Kerac", "IR-30"),  # Karaj: c for j, e for a (Kuruj, Isfahan: a village)
        ("li girtîgeha Urmiyê", "IR-04"),
    ],
)
def test_kurmanji_names(geocoder: Geocoder, name: str, iso: str) -> None:
    assert where(geocoder.place(name)) == ("matched", iso)


def test_kurmanji_vowels_are_read_only_where_one_place_has_the_consonants(
    geocoder: Geocoder,
) -> None:
    assert geocoder.place("bajarê Fooc").status == "unmatched"
    assert geocoder.place("Kerac").status != "matched"  # not read as Kurmanji
    # the consonants of Abadan are also those of villages and towns elsewhere (Abdan, Bushehr)
    assert geocoder.place("bajarê Ebdenê").province_iso in (None, "IR-06")


@pytest.mark.slow
def test_no_town_in_kurmanji_lands_in_another_province(
    geocoder: Geocoder, latin: list[tuple[str, str]]
) -> None:
    """Every Latin name of every town and prison as Kurmanji may write it (c for j, e or i for
    a) with its oblique ending, after "bajarê" and in "girtîgeha navendî ya ...": its province,
    or none. Not a form that is another place's name as written ("Eyvan" with i for a is
    "Eyvin", Evin; "Rudan" is "Rudin", a near spelling of Rudehen)."""
    forms = [
        (kurmanji, iso)
        for name, iso in latin
        for kurmanji in (name.replace("j", "c").replace("a", "e"), name.replace("a", "i"))
    ]
    taken = set(elsewhere(geocoder, forms))
    names = []
    for kurmanji, iso in forms:
        if (kurmanji, geocoder.place(kurmanji).province_iso) not in taken:
            names += [(f"bajarê {kurmanji}ê", iso), (f"girtîgeha navendî ya {kurmanji}", iso)]
    assert len(names) > 3000
    assert elsewhere(geocoder, names) == []
