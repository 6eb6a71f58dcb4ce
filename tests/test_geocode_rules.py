"""Naming rules of issue 20 on the shipped gazetteer, each in Latin and Persian script where
the rule has a Persian side: prison words of more languages, short "in" words, detention
centres, a capital named with "prison", Turkish and Kurmanji letters and endings, province
directions in more languages, and the closed prisons Qasr (Tehran) and Fajr (Ahvaz). The held-out
names these rules were measured on are in tests/data/geocode/heldout-names.csv."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from fake_world import write_report
from iranmap.cli import main
from iranmap.gazetteer import load_gazetteer
from iranmap.geocode import Geocoder
from iranmap.names import fold, parse_place


@pytest.fixture(scope="module")
def shipped() -> Geocoder:
    return Geocoder(load_gazetteer())


def placed(match: object) -> tuple[object, ...]:
    return tuple(getattr(match, field) for field in ("status", "kind", "province_iso"))


@pytest.mark.parametrize(
    ("name", "prison_id"),
    [
        ("Ghezelhesar Gefängnisses in Karaj", "ghezel-hesar"),  # German genitive
        ("Ghezel Hesar gevangenis in Karaj", "ghezel-hesar"),  # Dutch
        ("maison d'arrêt Diesel-Abad de la ville de Kermanchah", "dizel-abad"),  # French
        ("girtîgeha navendî ya Îsferaynê", "esfarayen"),  # Kurmanji, with its case ending
    ],
)
def test_prison_words_of_more_languages(shipped: Geocoder, name: str, prison_id: str) -> None:
    assert shipped.place(name).prison_id == prison_id


@pytest.mark.parametrize(
    ("name", "city", "iso"),
    [
        ("Urmiye merkez cezaevi", "Orūmīyeh", "IR-04"),  # Turkish
        ("li girtîgeha Urmiyê", "Orūmīyeh", "IR-04"),  # Kurmanji
        ("بەندیخانەی سنە", "Sanandaj", "IR-12"),  # Sorani, in Arabic script
        ("زیندانی سنە", "Sanandaj", "IR-12"),
    ],
)
def test_a_prison_word_and_a_town_is_the_town(
    shipped: Geocoder, name: str, city: str, iso: str
) -> None:
    match = shipped.place(name)
    assert (*placed(match), match.city, match.precision) == ("matched", "city", iso, city, "city")


def test_short_in_words_between_spaces_set_the_town_apart(shipped: Geocoder) -> None:
    assert parse_place("prison de Dizel-Abad à Kermanchah").context == ("kirmanchah",)
    assert parse_place("prigione di Ghezel Hesar a Karaj").context == ("karaj",)
    assert shipped.place("prigione di Ghezel Hesar a Karaj").prison_id == "ghezel-hesar"
    # An "en" or "a" inside a name is no marker: Qa'en is the town, not "Qa" in somewhere.
    qaen = shipped.place("Qa'en")
    assert (*placed(qaen), qaen.city) == ("matched", "city", "IR-29", "Qā’en")


@pytest.mark.parametrize("name", ["بازداشتگاه مرکزی شیراز", "Shiraz Central Detention Center"])
def test_a_detention_centre_is_its_town_not_the_central_prison(
    shipped: Geocoder, name: str
) -> None:
    match = shipped.place(name)
    assert (*placed(match), match.city, match.prison_id) == (
        "matched",
        "city",
        "IR-07",
        "Shiraz",
        None,
    )
    assert (match.note, match.likely) == (
        "a detention centre the gazetteer does not know; placed at the city of Shiraz",
        None,
    )
    assert shipped.place("زندان مرکزی شیراز").prison_id == "adelabad"  # the central prison


@pytest.mark.parametrize("name", ["prison centrale de Chiraz", "Siraz Prison"])
def test_a_capital_named_with_prison_is_the_capital(shipped: Geocoder, name: str) -> None:
    """Shiraz is also a village's name in East Azerbaijan; a bare capital means the capital,
    as in :func:`iranmap.geocode._claim.as_claimed` (Persian names of Shiraz are aliases of
    its prison, which that rule already places at the town)."""
    match = shipped.place(name)
    assert (*placed(match), match.city) == ("matched", "city", "IR-07", "Shiraz")
    assert match.note == "no prison of this name is known; placed at the city of Shiraz"
    persian = shipped.place("زندان شیراز")
    assert (*placed(persian), persian.city) == ("matched", "city", "IR-07", "Shiraz")


def test_a_town_shared_by_provinces_needs_the_row_and_a_note_names_no_other_province(
    shipped: Geocoder,
) -> None:
    """Ardakan is a town of Yazd (with a prison) and of Fars (not in the gazetteer)."""
    for name in ("Ardakan Prison", "زندان اردکان", "Ardakan"):
        assert shipped.place(name).status == "ambiguous"
        in_yazd = shipped.place(name, province="Yazd")
        assert (*placed(in_yazd), in_yazd.precision) == ("matched", "city", "IR-21", "city")
        in_fars = shipped.place(name, province="Fars")
        assert (in_fars.status, in_fars.note, in_fars.suggestions) == (
            "unmatched",
            "no place of this name lies in the town or province the name or row gives",
            (),
        )


def test_turkish_letters_are_tried_as_sh_and_ch(shipped: Geocoder) -> None:
    match = shipped.place("Kirmanşan")
    assert (*placed(match), match.city) == ("matched", "city", "IR-05", "Kermanshah")
    # GeoNames writes ş for the Persian ص: such a name is read as s first, and its answer kept
    # (here the county of Qasr-e Shirin, which places the name in its province).
    match = shipped.place("Qaşr-e Shīrīn")
    assert (match.kind, match.province_iso, match.precision) == ("province", "IR-05", "province")


def test_a_kurmanji_case_ending_is_not_part_of_the_name() -> None:
    assert fold("Îsferaynê") == fold("Îsferayn")
    assert fold("Urmiyê Sine") == "urmi sine"  # after a vowel, the ending is -yê
    assert fold("Mê") == "me"  # a two-letter word keeps its letter


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("Nord-Chorasan", "IR-28"),  # German "Ch" for Kh, one letter from any alias
        ("Xurasana Bakur", "IR-28"),  # Kurmanji
        ("Kuzey Horasan", "IR-28"),  # Turkish
        ("Güney Horasan", "IR-29"),
        ("Batı Azerbaycan", "IR-04"),
        ("Doğu Azerbaycan", "IR-03"),
        ("Provincia de Azerbaiyán Occidental", "IR-04"),  # Spanish
        ("Noord-Khorasan", "IR-28"),  # Dutch
        ("خوراسان شمالی", "IR-28"),  # a misspelt Persian name with its direction
    ],
)
def test_a_province_with_a_direction_word_is_read_among_that_directions_provinces(
    shipped: Geocoder, name: str, iso: str
) -> None:
    match = shipped.province(name)
    assert (match.status, match.province_iso) == ("matched", iso)


@pytest.mark.parametrize("name", ["Nord-Aserbaidschan", "Khorasan", "Ost-Chorasan", "West Tehran"])
def test_a_direction_no_province_has_is_no_province(shipped: Geocoder, name: str) -> None:
    assert shipped.province(name).status != "matched"


@pytest.mark.parametrize(
    ("name", "prison_id", "precision"),
    [
        ("Qasr Prison", "qasr", "facility"),  # Tehran, closed; a museum since 2012
        ("زندان قصر", "qasr", "facility"),
        ("Ahvaz' Fajr prison", "fajr", "city"),  # Ahvaz, named for 1988
        ("زندان فجر اهواز", "fajr", "city"),
    ],
)
def test_closed_prisons_of_old_reports(
    shipped: Geocoder, name: str, prison_id: str, precision: str
) -> None:
    match = shipped.place(name)
    assert (match.prison_id, match.precision) == (prison_id, precision)


@pytest.mark.parametrize("name", ["Nezam Prison, Shiraz", "زندان نظام شیراز"])
def test_nezam_prison_is_placed_at_its_town(shipped: Geocoder, name: str) -> None:
    """No source for Nezam Prison's site or dates was found (geodata/README.md): a report
    naming it with its town is placed at Shiraz, at the city's point."""
    match = shipped.place(name)
    assert (*placed(match), match.city, match.precision) == (
        "matched",
        "city",
        "IR-07",
        "Shiraz",
        "city",
    )


def test_check_says_which_names_it_cannot_place(tmp_path: Path) -> None:
    """What a user reads for a shared town name and a province that does not exist, with the
    shipped gazetteer (the near spellings "Senendej" and "Tarbiz" are placed: see
    tests/test_geocode_near.py)."""
    folder = write_report(
        tmp_path / "r",
        "prison,executions,province\nArdakan Prison,2,\nSenendej cezaevi,3,\n"
        "Tarbiz,1,East Azerbaijan\nKirmanşan,2,\n",
        provinces="province,executions\nNord-Aserbaidschan,1\nXurasana Bakur,2\n",
    )
    result = CliRunner().invoke(main, ["check", str(folder)])
    assert result.exit_code == 1
    out = result.stdout.replace(str(folder), "R").splitlines()
    assert out == [
        "R/prisons.csv:2: prison 'Ardakan Prison' is ambiguous: it could be Ardakān (Yazd), "
        "Ardakān (Fars); write the prison's full name, give the row's city or province, "
        "or add lat and lon",
        "R/provinces.csv:2: province 'Nord-Aserbaidschan' is not a province of Iran (closest: "
        "East Azerbaijan; West Azerbaijan); write the province's name (e.g. Tehran) or its ISO "
        "code in the 2020 scheme (e.g. IR-23)",
    ]


@pytest.mark.parametrize(
    ("name", "province", "iso"),
    [
        ("Mahmudabad", "Mazandaran", "IR-02"),  # also places of West Azerbaijan and Tehran
        ("محمود آباد", "مازندران", "IR-02"),
        ("Kahrizak", "Tehran", "IR-23"),  # also a place of Alborz
        ("کهریزک", "تهران", "IR-23"),
    ],
)
def test_a_bare_town_name_shared_with_another_province_needs_the_row(
    shipped: Geocoder, name: str, province: str, iso: str
) -> None:
    alone = shipped.place(name)
    assert alone.status == "ambiguous"
    assert len(alone.candidates) >= 2
    settled = shipped.place(name, province=province)
    assert (*placed(settled), settled.precision) == ("matched", "city", iso, "city")
    capital = shipped.place("Khorramabad")  # a capital: what a bare name means in reports
    assert placed(capital) == ("matched", "city", "IR-15")


@pytest.mark.parametrize(
    ("name", "city", "province", "suggestions"),
    [
        ("Tavriz", "", "", ("Tabriz Central Prison", "Tabriz (East Azerbaijan)")),
        ("Tavriz", "Tabriz", "", ("Tabriz Central Prison", "Tabriz (East Azerbaijan)")),
        ("Tavriz", "Karaj", "", ()),  # the row's city is in Alborz: no near miss elsewhere
        ("Tavriz", "", "Fars", ()),
        ("تبرزی", "", "", ("Tabriz Central Prison",)),
        ("تبرزی", "", "البرز", ()),
        ("Loristan", "", "Golestan", ()),  # Golestan is also a town of Tehran: not offered
    ],
)
def test_near_misses_are_offered_only_in_the_rows_province(
    shipped: Geocoder, name: str, city: str, province: str, suggestions: tuple[str, ...]
) -> None:
    match = shipped.place(name, city=city, province=province)
    assert (match.status, match.suggestions) == ("unmatched", suggestions)


@pytest.mark.parametrize(
    ("sorani", "persian"),
    [
        ("بۆکان", "بوکان"),  # ۆ is و
        ("سەقز", "سقز"),  # ە inside a word is a vowel Persian does not write
        ("مەهاباد", "مهاباد"),
        ("سنە", "سنه"),  # ... and at its end, Persian's final heh
        ("ئیلام", "ایلام"),  # a first ئ carries a vowel: ا
        ("ورمێ", "ورمی"),  # ێ is ی
    ],
)
def test_sorani_letters_are_read_as_persian(sorani: str, persian: str) -> None:
    assert fold(sorani) == fold(persian)


@pytest.mark.parametrize(
    ("name", "city", "iso"),
    [
        ("زیندانی ورمێ", "Orūmīyeh", "IR-04"),  # Sorani
        ("li girtîgeha Urmiyê", "Orūmīyeh", "IR-04"),  # Kurmanji
        ("پیرانشار", "Piranshahr", "IR-04"),
        ("Pîranşar", "Piranshahr", "IR-04"),  # with s, Piranshahr and Ramsar; with sh, one
        ("نەغەدە", "Naqadeh", "IR-04"),
        ("Nexede", "Naqadeh", "IR-04"),
        ("سەقز", "Saqqez", "IR-12"),
    ],
)
def test_kurdish_names_of_towns(shipped: Geocoder, name: str, city: str, iso: str) -> None:
    match = shipped.place(name)
    assert (*placed(match), match.city) == ("matched", "city", iso, city)
