"""Names read otherwise, issue 20's sixth round, for Latin script: Azerbaijani genitives and its
word for prison, Kurmanji izafe, oblique endings and letters, Vietnamese words, an adjective between
a Romance word for city and its "of", abbreviated words for street, and the words around a place
name of many more languages. Written against the categories of the Latin misses of
tests/data/geocode/heldout6-names.csv (iranmap.name_words, iranmap.spellings, iranmap.names); each
rule with names it must place, names it must leave alone, and a check over the whole gazetteer
that no name it reads lands in another province."""

from __future__ import annotations

import csv
import re
from dataclasses import fields

import pytest

from iranmap._more_spellings import kurmanji_vowels, language_cases, uzbek_vowels
from iranmap._words_by_language import LANGUAGES, words_of
from iranmap.gazetteer import load_gazetteer
from iranmap.geocode import Geocoder
from iranmap.names import fold, parse_place
from iranmap.paths import geodata_dir
from iranmap.spellings import as_hungarian, as_slavic, turkish_cases
from townnames import elsewhere, in_turn, where

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
    """Every Latin name of every town and prison with Azerbaijani's word for prison, or with the
    genitive of both harmonies on it before another name or before the word for prison (each
    name in one of these, in turn): its province, or none, except a name that is another place's
    as written: "Dargaz" with -in is Dargazin, a county of Hamadan."""
    wrappers = ("{} zindanı", "{}in zindanı", "{}ın Evin zindanı", "{}un Mərkəzi Zindanı")
    names = in_turn(latin, wrappers)
    as_written = [name for name in ("Dargazin zindanı",) if name in dict(names)]
    assert [name for name, _ in elsewhere(geocoder, names)] == as_written


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
    a), with its oblique ending after "bajarê" or in "girtîgeha navendî ya ..." (each in turn):
    its province, or none. Not a form that is another place's name as written ("Eyvan" with i
    for a is "Eyvin", Evin; "Rudan" is "Rudin", a near spelling of Rudehen)."""
    forms = [  # each name in one of the two ways and one of the two phrases, in turn
        (name.replace("j", "c").replace("a", "e") if at % 2 else name.replace("a", "i"), at, iso)
        for at, (name, iso) in enumerate(latin)
    ]
    taken = set(elsewhere(geocoder, [(kurmanji, iso) for kurmanji, _, iso in forms]))
    names = [
        (("bajarê {}ê", "girtîgeha navendî ya {}")[at // 2 % 2].format(kurmanji), iso)
        for kurmanji, at, iso in forms
        if (kurmanji, geocoder.place(kurmanji).province_iso) not in taken
    ]
    assert len(names) > 1300
    assert elsewhere(geocoder, names) == []


# -- an adjective between a word for city and its "of"; abbreviated words for street --------------


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("città curda di Sanandaj", "IR-12"),  # an adjective of people
        ("città settentrionale di Rasht", "IR-01"),  # of direction
        ("la città sud-occidentale di Ahvaz", "IR-06"),
        ("ciudad iraní de Saveh", "IR-00"),
        ("la ville kurde de Sanandaj", "IR-12"),
        ("the Kurdish city of Sanandaj", "IR-12"),
        ("the Kurdish-populated city of Mahabad", "IR-04"),
        ("Khalij-e Fars Blvd. of Bandar Abbas", "IR-22"),  # a street, at its town
        ("Imam Khomeini Sq., Mashhad", "IR-09"),
    ],
)
def test_words_that_describe_a_town(geocoder: Geocoder, name: str, iso: str) -> None:
    match = geocoder.place(name)
    assert (match.status, match.province_iso, match.kind) == ("matched", iso, "city")


def test_only_lower_case_words_are_taken_for_a_romance_adjective() -> None:
    # a capitalised word after the word for city is a name, and stays
    assert parse_place("ciudad Karaj de Alborz").core != parse_place("ciudad de Alborz").core
    assert parse_place("città iraniana di Rasht").core == parse_place("Rasht").core
    assert parse_place("Khalij-e Fars Blvd.").core != parse_place("Khalij-e Fars").core


def test_no_town_described_so_lands_in_another_province(
    geocoder: Geocoder, latin: list[tuple[str, str]]
) -> None:
    names = [
        (wrapper.format(name), iso)
        for name, iso in latin
        for wrapper in ("la città iraniana di {}", "the Kurdish city of {}", "Azadi Blvd. of {}")
    ]
    assert elsewhere(geocoder, names) == []


# -- the words around a place's name in many more languages ---------------------------------------


def test_every_word_is_written_as_fold_writes_it() -> None:
    for language, words in LANGUAGES.items():
        for word in (w for field in fields(words) for w in getattr(words, field.name)):
            assert fold(word) == word, (language, word)


def test_no_word_of_the_table_is_a_word_of_a_places_name() -> None:
    """A word read as a word for prison, city, near... must name no place itself: no word of a
    town's, prison's, county's or other place's name (Kazakh "qala" would have emptied Aq Qala).
    (Direction words are read in province names only: see the test below.)"""
    gazetteer = load_gazetteer()
    named = [n for c in gazetteer.cities for n in (c.name, *c.aliases)]
    named += [n for p in gazetteer.prisons for n in (p.name_en, *p.aliases)]
    named += [n for c in gazetteer.counties for n in (c.name_en, *c.aliases)]
    with (geodata_dir() / "places.csv").open(encoding="utf-8") as lines:
        named += [row["name"] for row in csv.DictReader(lines)]
    tokens = {word for name in named for word in fold(name).split()}
    kinds = ("prison", "central", "city", "village", "county", "province", "iranian", "near")
    assert {word for kind in kinds for word in words_of(kind)} & tokens == set()


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("Evin gevangenis", "IR-23"),  # Dutch
        ("de Iraanse stad Urmia", "IR-04"),
        ("Ghezel Hesar-fängelset", "IR-30"),  # Swedish
        ("Evin vankila", "IR-23"),  # Finnish
        ("Ghezel Hesar kalėjimas netoli Teherano", "IR-30"),  # Lithuanian "near": Karaj's
        ("nhà tù Evin", "IR-23"),  # Vietnamese
        ("thành phố Shiraz", "IR-07"),
        ("trại giam Vakilabad", "IR-09"),
        ("nhà tù Evin ở Tehran", "IR-23"),  # "in"
        ("xabsiga Evin", "IR-23"),  # Somali
        ("magaalada Zahedan", "IR-11"),
        ("gereza la Evin", "IR-23"),  # Swahili
        ("mjini Zahedan", "IR-11"),
        ("Evin qamoqxonasi", "IR-23"),  # Uzbek
        ("Tabriz shahri", "IR-03"),
        ("Evin türmesi", "IR-23"),  # Turkmen
        ("bilangguan ng Evin", "IR-23"),  # Tagalog
        ("lungsod ng Karaj", "IR-30"),
        ("Evin kartzela", "IR-23"),  # Basque
        ("kurkuku Evin", "IR-23"),  # Hausa
        ("birnin Shiraz", "IR-07"),
        ("Evin vangla", "IR-23"),  # Estonian
        ("Evin cietums", "IR-23"),  # Latvian
        ("malliberejo Evin", "IR-23"),  # Esperanto
        ("urbo Tabriz", "IR-03"),
        ("mesto Urmia", "IR-04"),  # Czech, Slovak, Slovenian
        ("miasto Karaj", "IR-30"),  # Polish
        ("Evin burgu", "IR-23"),  # Albanian
    ],
)
def test_words_around_a_name_in_more_languages(geocoder: Geocoder, name: str, iso: str) -> None:
    assert where(geocoder.place(name)) == ("matched", iso)


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("tỉnh Semnan", "IR-20"),  # Vietnamese
        ("Tỉnh Đông Azerbaijan", "IR-03"),
        ("Itä-Azerbaidžan", "IR-03"),  # Finnish
        ("Chorasan Północny", "IR-28"),  # Polish
        ("Azerbejdżan Wschodni", "IR-03"),
        ("Kelet-Azerbajdzsán", "IR-03"),  # Hungarian
        ("Východní Ázerbájdžán", "IR-03"),  # Czech
        ("Khorasan Kusini", "IR-29"),  # Swahili
        ("mkoa wa Fars", "IR-07"),
        ("gobolka Kerman", "IR-08"),  # Somali
        ("lalawigan ng Fars", "IR-07"),  # Tagalog
        ("Hilagang Khorasan", "IR-28"),
        ("Fars viloyati", "IR-07"),  # Uzbek
        ("Fars welaýaty", "IR-07"),  # Turkmen
        ("Rytų Azerbaidžan", "IR-03"),  # Lithuanian
        ("Orienta Azerbajĝano", "IR-03"),  # Esperanto
        ("provinco Fars", "IR-07"),
        ("Fars probintzia", "IR-07"),  # Basque
        ("Ida-Aserbaidžaan", "IR-03"),  # Estonian
        ("Sør-Khorasan", "IR-29"),  # Norwegian
    ],
)
def test_province_cells_in_more_languages(geocoder: Geocoder, name: str, iso: str) -> None:
    assert where(geocoder.province(name)) == ("matched", iso)


def test_a_direction_in_another_language_never_picks_another_province(
    geocoder: Geocoder,
) -> None:
    """Every province's name with each direction word of the table before and after it: that
    province, or none ("Ida Fars" is Fars or nothing; "Itä Khorasan" no Khorasan)."""
    directions = [w for kind in ("east", "west", "north", "south") for w in words_of(kind)]
    wrong = []
    for province in load_gazetteer().provinces:
        for word in directions:
            for name in (f"{word} {province.name_en}", f"{province.name_en} {word}"):
                match = geocoder.province(name)
                if match.status == "matched" and match.province_iso != province.iso:
                    wrong.append((name, match.province_iso))
    assert wrong == []


@pytest.mark.slow
def test_no_town_in_more_languages_words_lands_in_another_province(
    geocoder: Geocoder, latin: list[tuple[str, str]]
) -> None:
    """Every Latin name of every town and prison, after and before a word for prison of one of
    the table's languages and after one of its words for city (each name with the next
    language's words): its province, or none."""
    languages = [w for w in LANGUAGES.values() if w.prison and w.city]
    names = []
    for at, (name, iso) in enumerate(latin):
        words = languages[at % len(languages)]
        prison, city = words.prison[0], words.city[0]
        names += [(f"{prison} {name}", iso), (f"{name} {prison}", iso), (f"{city} {name}", iso)]
    assert elsewhere(geocoder, names) == []


# -- case endings of more languages; Uzbek o for a -------------------------------------------------


def test_language_cases() -> None:
    assert "vankila Teheran" in language_cases("vankila Teheranissa")  # Finnish "in"
    assert "teherán börtön" in language_cases("teheráni börtön")  # Hungarian adjective
    assert language_cases("Teheranissa") == ()  # no word of the language: not read so
    assert "Kar börtön" not in language_cases("Karban börtön")  # a stem of four letters at least
    assert uzbek_vowels("Tehron shahri") == ("Tehran shahri",)
    assert uzbek_vowels("Tehron") == ()


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("vankila Teheranissa", "IR-23"),  # Finnish
        ("Evinin vankila", "IR-23"),
        ("teheráni börtön", "IR-23"),  # Hungarian
        ("Evin börtönben", "IR-23"),
        ("Teherango kartzela", "IR-23"),  # Basque
        ("Teherani vangla", "IR-23"),  # Estonian
        ("Teherano kalėjimas", "IR-23"),  # Lithuanian
        ("Karadžas cietums", "IR-30"),  # Latvian
        ("Tehron shahri", "IR-23"),  # Uzbek: o for a
        ("zatvor u Teheranu", "IR-23"),  # Croatian "in", and its locative
        ("věznice v Teheránu", "IR-23"),  # Czech
        ("zapor v Teheranu", "IR-23"),  # Slovenian
    ],
)
def test_case_endings_of_more_languages(geocoder: Geocoder, name: str, iso: str) -> None:
    assert where(geocoder.place(name)) == ("matched", iso)


@pytest.mark.slow
def test_no_town_with_a_case_ending_of_more_languages_lands_in_another_province(
    geocoder: Geocoder, latin: list[tuple[str, str]]
) -> None:
    """Every Latin name of every town and prison with a case ending of one language of the table
    (each name with the next language's, and the next of its endings in turn) after its word for
    prison, or (every third name) in Uzbek with o for a: its province, or none. Not a form that
    is another place's name as written alone ("Parsabadi" is Abadeh with Pars run onto it;
    "Jom", Jam with o for a, is Juyom County)."""
    languages = [w for w in LANGUAGES.values() if w.endings]
    forms = []
    for at, (name, iso) in enumerate(latin):
        words = languages[at % len(languages)]
        ending = words.endings[at // len(languages) % len(words.endings)]
        if at % 3:
            forms.append((words.prison[0], f"{name}{ending}", iso))
        else:
            forms.append(("shahri", name.replace("a", "o"), iso))
    taken = {name for name, _ in elsewhere(geocoder, [(form, iso) for _, form, iso in forms])}
    names = [
        (f"{word} {form}" if word != "shahri" else f"{form} {word}", iso)
        for word, form, iso in forms
        if form not in taken
    ]
    assert len(names) > 1300
    assert elsewhere(geocoder, names) == []


# -- a word for city: a town, not a village of its name -------------------------------------------


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("ciudad de Bam", "IR-08"),  # Bām of North Khorasan: a village of 1,368 people
        ("thành phố Nowshahr", "IR-02"),  # Now Shahr of Ardabil: 1,695
        ("Kahrizak city", "IR-23"),  # Kahrizak of Alborz: 1,072
    ],
)
def test_a_word_for_city_passes_over_villages_of_the_name(
    geocoder: Geocoder, name: str, iso: str
) -> None:
    assert parse_place(name).says_town
    match = geocoder.place(name)
    assert (match.status, match.province_iso, match.kind) == ("matched", iso, "city")
    assert "villages of fewer than 2,000 people" in (match.reading or "")


@pytest.mark.parametrize(
    "name",
    [
        "Bam",  # no word for city: a village may be meant
        "city of Lahijan",  # Lahijan of East Azerbaijan: 5,430 people, not a village
        "city of Sardasht",  # towns of three provinces
    ],
)
def test_a_town_in_doubt_stays_in_doubt_without_villages_only(
    geocoder: Geocoder, name: str
) -> None:
    assert geocoder.place(name).status == "ambiguous"


def test_no_town_with_a_word_for_city_lands_in_another_province(
    geocoder: Geocoder, latin: list[tuple[str, str]]
) -> None:
    names = [(f"city of {name}", iso) for name, iso in latin]
    names += [(f"ciudad de {name}", iso) for name, iso in latin]
    assert elsewhere(geocoder, names) == []


def test_a_town_known_only_by_name_beside_a_word_for_town_is_that_place(
    geocoder: Geocoder,
) -> None:
    # Bastam: a town of Semnan (8,609 people) the gazetteer knows only by name: at its point
    for name in ("thị trấn Bastam", "city of Bastam", "Bastam"):
        match = geocoder.place(name)
        assert (match.status, match.kind, match.province_iso) == ("matched", "city", "IR-20")
        assert (match.precision, match.city) == ("city", "Bastam")
    assert geocoder.place("city of Nam Kul").status == "unmatched"  # a village of 638 people
    # Shirud, a town of Mazandaran known only by name, has Shahrud's consonants (Kurmanji e for a)
    assert geocoder.place("bajarê Sherudê").status == "unmatched"


def test_no_place_known_by_name_beside_a_word_for_town_lands_in_another_province(
    geocoder: Geocoder,
) -> None:
    """Every place the gazetteer knows only by name (places.csv; not also a town's or prison's
    name, which their rules read), after "city of": one of the provinces a place of that name
    lies in, or none."""
    provinces: dict[str, set[str]] = {}
    with (geodata_dir() / "places.csv").open(encoding="utf-8") as lines:
        for row in csv.DictReader(lines):
            provinces.setdefault(row["name"], set()).add(row["province_iso"])
    wrong = []
    for name, isos in provinces.items():
        if geocoder.place(name).status != "unmatched":
            continue  # a town's or prison's name too ("Now Shahr", "Karun")
        match = geocoder.place(f"city of {name}")
        if match.status == "matched" and match.province_iso not in isos:
            wrong.append((name, match.province_iso))
    assert len(provinces) > 1000
    assert wrong == []


def test_central_in_more_languages_names_the_central_prison(geocoder: Geocoder) -> None:
    for name in (
        "nhà tù trung ương Zahedan",
        "xabsiga dhexe ee Zahedan",
        "Zahedanin keskusvankila",
    ):
        match = geocoder.place(name)
        assert (match.kind, match.prison) == ("prison", "Zahedan Central Prison")


# -- Hungarian, Romanian and Albanian letters ----------------------------------------------------


def test_hungarian_and_romanian_letters() -> None:
    assert as_hungarian("Kermánsah tartomány") == "Kermánshah tartomány"
    assert as_hungarian("Iszfahán város") == "Isfahán város"
    assert as_hungarian("Saveh") == "Saveh"  # nothing Hungarian: as it is
    assert as_slavic("Mașhad") == "Mashhad"  # Romanian ș
    assert as_slavic("Azerbajxhan") == "Azerbajjan"  # Albanian xh


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("Síráz börtön", "IR-07"),  # Hungarian s for sh
        ("Iszfahán város", "IR-10"),  # sz for s
        ("Mașhad", "IR-09"),  # Romanian ș
        ("Karaxh", "IR-30"),  # Albanian xh
    ],
)
def test_more_letters(geocoder: Geocoder, name: str, iso: str) -> None:
    assert where(geocoder.place(name)) == ("matched", iso)


def test_no_town_in_hungarian_or_romanian_letters_lands_in_another_province(
    geocoder: Geocoder, latin: list[tuple[str, str]]
) -> None:
    """Every Latin name of every town and prison as Hungarian writes it (s as sz, sh as s, ch
    as cs, zh as zs, j as dzs, y as j) beside its word for prison, or with Romanian ș for sh
    (each in turn): its province, or none."""
    table = {"sh": "s", "s": "sz", "ch": "cs", "zh": "zs", "j": "dzs", "y": "j"}
    pattern = re.compile("sh|ch|zh|s|j|y", re.IGNORECASE)
    names = []
    for at, (name, iso) in enumerate(latin):
        hungarian = pattern.sub(lambda found: table[found.group().lower()], name)
        names.append((f"{hungarian} börtön", iso) if at % 2 else (name.replace("sh", "ș"), iso))
    assert elsewhere(geocoder, names) == []


# -- a direction word run onto a province's name ----------------------------------------------


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("Nordkhorasan", "IR-28"),  # Swedish, Danish
        ("Sydkhorasan", "IR-29"),
        ("Östazarbaijan", "IR-03"),
        ("Västazarbaijan", "IR-04"),
    ],
)
def test_a_direction_run_onto_a_province(geocoder: Geocoder, name: str, iso: str) -> None:
    assert where(geocoder.province(name)) == ("matched", iso)


def test_no_province_with_a_direction_run_onto_it_is_another(geocoder: Geocoder) -> None:
    """Every province's name without a direction of its own (and "Khorasan", "Azerbaijan")
    with each direction word of three letters or more run onto it ("Ostfars", "Nordkurdistan",
    "Westtehran", "Nordazerbaijan"): that province, a province of that direction, or none."""
    directions = {(w, kind) for kind in ("east", "west", "north", "south") for w in words_of(kind)}
    directions |= {(w, w) for w in ("east", "west", "north", "south")}
    names = [(p.name_en, p.iso) for p in load_gazetteer().provinces if " " not in p.name_en]
    names += [("Khorasan", ""), ("Azerbaijan", "")]
    wrong = []
    for name, iso in names:
        for word, direction in directions:
            if len(word) < 3:
                continue
            match = geocoder.province(f"{word.capitalize()}{name.casefold()}")
            other = match.status == "matched" and match.province_iso != iso
            if other and not (match.province or "").casefold().startswith(direction):
                wrong.append((word + name, match.province_iso))
    assert wrong == []
