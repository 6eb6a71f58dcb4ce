"""Names by rule, issue 20's second round (measured on tests/data/geocode/heldout2-names.csv):
local and historical names, province words of more languages, Scandinavian prison words, and
the readings of names no place's own name gives (:mod:`iranmap.geocode._readings`). Each rule
with names it must place and names it must leave unresolved: a wrong province is never
acceptable, an unresolved name is."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from fake_world import write_report
from iranmap.cli import main
from iranmap.gazetteer import load_gazetteer
from iranmap.geocode import Geocoder
from iranmap.geocode.index import name_key_of

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def shipped() -> Geocoder:
    return Geocoder(load_gazetteer())


def where(match: object) -> tuple[object, ...]:
    return tuple(getattr(match, f) for f in ("status", "kind", "province_iso", "precision"))


# -- a prison known by a town's name of another province ------------------------------------


def test_langarud_is_qoms_prison_or_gilans_town_and_the_row_says_which(shipped: Geocoder) -> None:
    for name in ("Langaroud prison", "Langarud", "زندان لنگرود"):
        alone = shipped.place(name)
        assert alone.status == "ambiguous", name
        assert set(alone.candidates) == {"Langarud Prison", "Qom Central Prison"}
    qom = shipped.place("Langaroud prison", province="Qom")
    assert (qom.prison_id, qom.province_iso) == ("qom-central", "IR-25")
    assert shipped.place("زندان لنگرود", province="قم").prison_id == "qom-central"
    assert shipped.place("Qom Langarud").prison_id == "qom-central"
    gilan = shipped.place("Langaroud prison", province="Gilan")
    assert where(gilan) == ("matched", "city", "IR-01", "city")


def test_a_prison_alias_that_is_a_place_elsewhere_is_ambiguous_alone(shipped: Geocoder) -> None:
    """Torkaman: Bandar-e Torkaman's prison, and a town of East Azerbaijan."""
    alone = shipped.place("Torkaman")
    assert alone.status == "ambiguous"
    assert alone.candidates == (
        "Bandar-e Torkaman Prison",
        "a place of this name in East Azerbaijan",
    )
    assert shipped.place("Torkaman", province="Golestan").prison_id == "bandar-e-torkaman"
    assert shipped.place("Sepidar Prison").prison_id == "sepidar"  # its own name: a village's too


def test_every_prison_name_shared_with_a_place_elsewhere_is_read_by_a_rule(
    shipped: Geocoder,
) -> None:
    """The audit of issue 20: each prison name or alias whose key is also a place's name in
    another province is placed alone only by a named rule; otherwise it is ambiguous."""
    gazetteer = load_gazetteer()
    elsewhere: dict[str, set[str]] = {}
    for place in gazetteer.places:
        elsewhere.setdefault(name_key_of(place.name), set()).add(place.province_iso)
    placed = set()
    for prison in gazetteer.prisons:
        for name in (prison.name_en, prison.name_fa, *prison.aliases):
            if elsewhere.get(name_key_of(name), set()) - {prison.province_iso}:
                match = shipped.place(name)
                assert match.status != "matched" or match.province_iso == prison.province_iso
                if match.status == "matched":
                    placed.add(name_key_of(name))
    assert placed == {
        "karun",  # the closed prison's own name; Karun of Fars is a village
        "sipidar",  # the prison's own name; Sepidar of Kohgiluyeh is a village
        "shiraz",  # capitals ("Shiraz Central Prison"): what a bare name means in a report
        "xuramabad",
        "bam",  # "Bam Prison": every namesake elsewhere a village (VILLAGE)
        "sarab",
        "nushahr",  # Nowshahr, ow read as the vowel it writes
        "dargaz",
        "xuminishahr",
    }


# -- local, Turkish and historical names (scripts/geodata-sources/local-names.csv) ----------


@pytest.mark.parametrize(
    ("name", "iso", "city"),
    [
        ("تاران", "IR-23", "Tehran"),  # Sorani
        ("تەورێز", "IR-03", "Tabriz"),
        ("Təbriz", "IR-03", "Tabriz"),  # Azeri
        ("Tewrêz", "IR-03", "Tabriz"),  # Kurmanji
        ("سهقز", "IR-12", "Saqqez"),  # Sorani ە typed as ه
        ("تەبەس", "IR-29", "Tabas"),
        ("دزاپ", "IR-11", "Zahedan"),  # Baluchi
        ("دوزاپ", "IR-11", "Zahedan"),
        ("Senendec", "IR-12", "Sanandaj"),  # Turkish
        ("Senendej hapishanesi", "IR-12", "Sanandaj"),
        ("Merîwan", "IR-12", "Marīvān"),
        ("Talesh", "IR-01", "Hashtpar"),  # the town, named after its county
        ("Pahra", "IR-11", "Iranshahr"),  # historical
    ],
)
def test_local_and_historical_names_of_towns(
    shipped: Geocoder, name: str, iso: str, city: str
) -> None:
    match = shipped.place(name)
    assert (*where(match), match.city) == ("matched", "city", iso, "city", city)


def test_a_turkish_locative_gives_the_town_of_the_prison(shipped: Geocoder) -> None:
    assert shipped.place("Kerec’deki Kızılhisar Cezaevi").prison_id == "ghezel-hesar"
    assert shipped.place("Kerec'teki cezaevi").city == "Karaj"


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("پارێزگای خوراسانی ڕەزەوی", "IR-09"),  # Sorani
        ("پارێزگای کوردستان", "IR-12"),
        ("Kürdistan eyaleti", "IR-12"),  # Turkish
        ("Tahran ili", "IR-23"),
        ("Doğu Azerbaycan", "IR-03"),
        ("Kerman state", "IR-08"),
        ("provincia iraniana del Khuzestan", "IR-06"),
        ("iranische Provinz Kurdistan", "IR-12"),
        ("Tabarestan", "IR-02"),  # historical
    ],
)
def test_province_names_in_more_words_and_languages(shipped: Geocoder, name: str, iso: str) -> None:
    assert shipped.province(name).province_iso == iso


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("Zanjan-fengselet", "IR-19"),  # Norwegian
        ("Adelabad- fängelset", "IR-07"),  # Swedish
        ("Gohardasht-fängelset", "IR-30"),
        ("Evin-fængslet", "IR-23"),  # Danish
    ],
)
def test_scandinavian_prison_words(shipped: Geocoder, name: str, iso: str) -> None:
    match = shipped.place(name)
    assert (match.status, match.province_iso) == ("matched", iso)


# -- readings -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "city", "iso"),
    [
        ("نظام شیراز", "Shiraz", "IR-07"),  # an unknown facility of a known city
        ("Shiraz Military Prison", "Shiraz", "IR-07"),
        ("حویق تالش", "Hashtpar", "IR-01"),
        ("پارس آباد مغان", "Pārsābād", "IR-24"),  # the town with its region
    ],
)
def test_a_town_beside_words_that_name_no_place_is_the_town(
    shipped: Geocoder, name: str, city: str, iso: str
) -> None:
    match = shipped.place(name)
    assert (*where(match), match.city, match.prison_id) == (
        "matched",
        "city",
        iso,
        "city",
        city,
        None,
    )
    assert match.reading == f"a place in {city} that the gazetteer does not know"


@pytest.mark.parametrize(
    "name",
    [
        "Nezam Ardakan",  # Ardakan of Yazd, or of Fars
        "Adelabd Prisn Shirazz",  # a near spelling of a prison: to fix, not an unknown place
        "Military Prison",  # no town at all
        "Town 5 Prison",  # not the province of code 5
        "Khorasan prison",  # three provinces
        "Khorasan Province",
        "Fars",  # no word for prison or province: a place name the gazetteer lacks
    ],
)
def test_unknown_words_never_move_a_row_to_a_town_in_doubt(shipped: Geocoder, name: str) -> None:
    assert shipped.place(name).status != "matched"


def test_unknown_words_beside_a_shared_town_are_placed_when_the_row_settles_it(
    shipped: Geocoder,
) -> None:
    assert shipped.place("Nezam Ardakan", province="Yazd").province_iso == "IR-21"
    assert shipped.place("Nezam Ardakan", province="Fars").status != "matched"


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("زندان مرکزی استان خراسان شمالی", "IR-28"),
        ("Central Prison of Fars Province", "IR-07"),
        ("Gefängnis in der Provinz Kurdistan", "IR-12"),
        ("استان فارس", "IR-07"),  # a word for "province", without "prison"
        ("Kerman Province", "IR-08"),
        ("Kürdistan eyaleti", "IR-12"),
    ],
)
def test_a_prison_cell_that_names_only_a_province_is_the_province(
    shipped: Geocoder, name: str, iso: str
) -> None:
    match = shipped.place(name)
    assert where(match) == ("matched", "province", iso, None)
    assert (match.lat, match.lon, match.city) == (None, None, None)


def test_a_town_with_its_own_province_beside_it_is_settled(shipped: Geocoder) -> None:
    assert shipped.place("زندان فیروزآباد").status == "ambiguous"  # Fars, or Tehran
    match = shipped.place("زندان فیروزآباد فارس")
    assert (*where(match), match.likely) == ("matched", "city", "IR-07", "city", "Firuzabad Prison")
    assert match.reading == "Fīrūzābād of Fars, which the name gives"
    assert shipped.place("زندان فیروزآباد تهران").province_iso != "IR-07"


def test_a_prisons_town_wins_over_namesakes_that_are_villages(shipped: Geocoder) -> None:
    """Bam of Kerman (99,268 people, Bam Prison) and Bām of North Khorasan (1,368)."""
    for name in ("Bam Prison", "زندان بم", "Gefängnis von Bam"):
        match = shipped.place(name)
        assert (*where(match), match.city) == ("matched", "city", "IR-08", "city", "Bam"), name
    assert "North Khorasan are villages of fewer than 2,000" in (match.reading or "")
    assert shipped.place("Bam").status == "ambiguous"  # says no prison: it may be the village
    assert shipped.place("Bam Prison", province="North Khorasan").status != "matched"
    # A namesake that is a town: Ardakan of Fars has 14,633 people
    assert shipped.place("Ardakan Prison").status == "ambiguous"
    assert shipped.place("Abadan Prison").status == "ambiguous"  # Abadan of Sistan: 2,763


def test_a_town_without_a_known_prison_wins_over_namesakes_that_are_villages(
    shipped: Geocoder,
) -> None:
    """Asadabad of Hamadan (55,703 people, no prison in the gazetteer) and Asadabad of
    Chaharmahal and Bakhtiari (607): a prison there is in Hamadan's town, said as a reading."""
    for name in ("Asadabad Prison", "زندان اسدآباد"):
        match = shipped.place(name)
        assert (*where(match), match.city) == ("matched", "city", "IR-13", "city", "Asadābād")
        assert match.reading == (
            "Asadābād of Hamadan; the places of this name in Chaharmahal and Bakhtiari are "
            "villages of fewer than 2,000 people, with no prison"
        )
    assert shipped.place("Asadabad").status == "ambiguous"  # says no prison
    assert shipped.place("Asadabad Prison", province="Chaharmahal").status != "matched"
    assert shipped.place("Mobarakeh Prison").status != "matched"  # Mobarakeh of Yazd: 3,301


def test_every_town_whose_namesakes_are_villages_and_only_those_are_read_so(
    shipped: Geocoder,
) -> None:
    """Each town of the gazetteer with namesakes in other provinces, with "Prison": placed in
    its own province only when it has 20,000 people or more and every namesake is a village,
    never in another province."""
    gazetteer = load_gazetteer()
    people: dict[tuple[str, str], int] = {}
    for place in gazetteer.places:
        at = (name_key_of(place.name), place.province_iso)
        people[at] = max(people.get(at, 0), place.population)
    wrong, placed = [], 0
    for city in gazetteer.cities:
        if not city.homonyms:
            continue
        match = shipped.place(f"{city.name} Prison")
        if match.status != "matched":
            continue
        own = name_key_of(city.name)
        villages = all(0 < people.get((own, iso), 0) < 2000 for iso in city.homonyms)
        prisons = {p.province_iso for p in gazetteer.prisons if name_key_of(p.city) == own}
        if match.province_iso != city.province_iso:
            wrong.append((city.name, match.province_iso))
        elif not (villages or city.province_iso in prisons or match.reading):
            wrong.append((city.name, "placed without a reading"))
        placed += 1
    assert wrong == []
    assert placed > 10


# -- what a user reads ----------------------------------------------------------------------


def test_check_shows_each_reading_and_refuses_a_province_in_a_prisons_table(
    tmp_path: Path,
) -> None:
    folder = write_report(
        tmp_path / "r",
        "prison,executions\nShiraz Military Prison,2\nزندان فیروزآباد فارس,1\nBam Prison,1\n"
        "زندان مرکزی استان خراسان شمالی,2\n",
        total=6,
    )
    result = CliRunner().invoke(main, ["check", str(folder)])
    out = result.stdout.replace(str(folder), "R").splitlines()
    assert out == [
        "R/prisons.csv:5: prison 'زندان مرکزی استان خراسان شمالی' names only a province, "
        "North Khorasan (IR-28), not a prison or town; give its figure in provinces.csv, or "
        "give the row's city, or add lat and lon",
    ]
    (folder / "prisons.csv").write_text(
        "prison,executions\nShiraz Military Prison,2\nزندان فیروزآباد فارس,1\nBam Prison,1\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["check", str(folder)])
    out = result.stdout.replace(str(folder), "R")
    assert (
        "R/prisons.csv:2  'Shiraz Military Prison' -> Shiraz Military Prison, Shiraz, Fars "
        "(IR-07) [city]; read as a place in Shiraz that the gazetteer does not know"
    ) in out
    assert "; read as Fīrūzābād of Fars, which the name gives" in out
    assert "'Bam Prison' -> Bam Prison, Bam, Kerman (IR-08) [city]; likely Bam Prison" in out


# -- the build's table of local names --------------------------------------------------------


def test_the_build_refuses_a_local_name_of_another_place(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    from geodata_cities import CityRow
    from geodata_common import BuildError
    from geodata_local import LocalNames, add_city_names

    karaj = CityRow(128747, "Karaj", "کرج", ("Karadj",), "IR-30", 35.8, 50.9, 1, ())
    local = LocalNames({128747: ("Kerec", "Torkaman")}, {}, {})
    with pytest.raises(BuildError) as info:
        add_city_names({128747: karaj}, local, [("Torkaman", "IR-03"), ("Karaj", "IR-30")])
    assert str(info.value) == (
        "local-names.csv:\n  'Torkaman' of Karaj is also a place in ['IR-03']"
    )
    cities = {128747: karaj}
    add_city_names(cities, LocalNames({128747: ("Kerec",)}, {}, {}), [("Karaj", "IR-30")])
    assert cities[128747].aliases == ("Karadj", "Kerec")
    assert "geodata_local" in sys.modules


def test_the_build_refuses_a_local_name_of_a_prison_that_is_a_place_elsewhere(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    from geodata_common import BuildError
    from geodata_local import LocalNames, check_prisons

    prisons = [{"id": "sepidar", "province_iso": "IR-06"}]
    places = [("Torkaman", "IR-03"), ("Ahvaz", "IR-06")]
    check_prisons(LocalNames({}, {}, {"sepidar": ("الهويرة",)}), prisons, places)
    with pytest.raises(BuildError) as info:
        check_prisons(
            LocalNames({}, {}, {"sepidar": ("Torkaman",), "nowhere": ("X",)}), prisons, places
        )
    assert str(info.value) == (
        "local-names.csv:\n  no such prison: nowhere\n"
        "  'Torkaman' of prison sepidar is also a place in ['IR-03']"
    )


@pytest.mark.parametrize(
    ("name", "iso", "place"),
    [
        ("سجن الهويرة", "IR-06", "Sepidar Prison"),  # Ahwazi name of a prison (local-names.csv)
        ("سجن القنيطرة", "IR-06", "Dezful"),  # Ahwazi name of a town
        ("مدينة معشور", "IR-06", "Bandar-e Māhshahr"),  # its former name, Ma'shur
        ("Urmu", "IR-04", "Orūmīyeh"),  # Azerbaijani
        ("سجن مدينة سينه", "IR-12", "Sanandaj"),  # Kurdish Sine, as Arabic writes it
        ("بندر پهلوی", "IR-01", "Bandar-e Anzalī"),  # former names in Persian letters
        ("زندان شهسوار", "IR-02", "Tonekābon"),
        ("Bandar Shahpur", "IR-06", "Bandar-e Emam Khomeyni"),
        ("شاه‌آباد غرب", "IR-05", "Eslāmābād-e Gharb"),
        ("مدينة السوس", "IR-06", "Shūsh"),  # Ahwazi
        ("سجن رامز", "IR-06", "Rāmhormoz"),  # Ramhormoz's short form
    ],
)
def test_local_names_of_prisons_and_towns(
    shipped: Geocoder, name: str, iso: str, place: str
) -> None:
    found = shipped.place(name)
    assert (found.status, found.province_iso, found.prison or found.city) == ("matched", iso, place)


@pytest.mark.parametrize(
    "name",
    [
        "Qorveh-ye Dergazin",  # a town of Hamadan: not Qorveh of Kurdistan
        "Mashhad-i Elkubih",  # a village of Markazi, spelled otherwise: not Mashhad
        "Qom Tappih",  # a village of East Azerbaijan: not Qom
        "Jam Khanih",  # a village of Mazandaran: not Jam of Bushehr
    ],
)
def test_a_village_named_after_a_town_is_never_read_as_the_town(
    shipped: Geocoder, name: str
) -> None:
    assert shipped.place(name).status != "matched"


def test_a_town_named_as_another_province_is_ambiguous_alone(shipped: Geocoder) -> None:
    """Golestan: a town of Tehran province, and the province of Golestan."""
    for name in ("Golestan", "Golestan Prison", "زندان گلستان"):
        assert shipped.place(name).candidates == ("Golestān (Tehran)", "the province of Golestan")
    assert shipped.place("Golestan", province="Tehran").province_iso == "IR-23"
    assert shipped.place("Kerman Prison").province_iso == "IR-08"  # its own province's name


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("Kirmanşah ili", "IR-05"),  # Turkish ş: tried as sh, as for places
        ("parêzgeha Kirmaşanê", "IR-05"),  # Kurmanji
        ("Sistan og Baluchistan", "IR-11"),  # "and" in Norwegian, Turkish and Kurmanji
        ("Sistan ve Belucistan", "IR-11"),
        ("Sîstan û Belûçistan", "IR-11"),
        ("provinsen Kurdistan", "IR-12"),  # Scandinavian "the province"
        ("Kermanshah-provinsen", "IR-05"),
        ("Kohgiluye ve Boyer Ahmed", "IR-17"),  # one province reached by two keys: no tie
    ],
)
def test_province_names_with_words_and_letters_of_more_languages(
    shipped: Geocoder, name: str, iso: str
) -> None:
    assert shipped.province(name).province_iso == iso


@pytest.mark.parametrize(
    ("name", "prison_id"),
    [("زیندانی دیزڵئاوا", "dizel-abad"), ("زیندانی وەکیلئاوا", "vakilabad")],
)
def test_sorani_awa_is_persian_abad(shipped: Geocoder, name: str, prison_id: str) -> None:
    assert shipped.place(name).prison_id == prison_id


@pytest.mark.parametrize(
    ("name", "iso"),
    [("Gefängnis von Schiras", "IR-07"), ("Gefängnis in Sahedan", "IR-11"), ("Ahwas", "IR-06")],
)
def test_german_names_of_towns(shipped: Geocoder, name: str, iso: str) -> None:
    assert shipped.place(name).province_iso == iso


def test_two_unknown_places_of_one_town_are_two_places(tmp_path: Path) -> None:
    folder = write_report(
        tmp_path / "r",
        "prison,executions\nShiraz Military Prison,2\nنظام شیراز,1\nShiraz,1\n",
        total=4,
    )
    result = CliRunner().invoke(main, ["check", str(folder)])
    assert result.exit_code == 0, result.stdout
    assert "4 of at least 4 executions itemized by prison, in 3 prisons" in result.stdout


@pytest.mark.parametrize(
    ("name", "iso"),
    [("cárcel de Jorramabad", "IR-15"), ("Jorramshahr", "IR-06"), ("Joy", "IR-04")],
)
def test_spanish_j_is_persian_kh_when_that_gives_a_name_exactly(
    shipped: Geocoder, name: str, iso: str
) -> None:
    assert shipped.place(name).province_iso == iso


def test_spanish_j_never_makes_a_village_a_town(shipped: Geocoder) -> None:
    assert shipped.place("Heft Juy").status != "matched"  # Haft Juy, a village of Tehran
    assert shipped.place("Jiroft").province_iso == "IR-08"  # Persian's own j


@pytest.mark.parametrize(
    ("name", "iso"),
    [("Juzestán", "IR-06"), ("provincia de Jorasán Razaví", "IR-09"), ("Jorasán del Sur", "IR-29")],
)
def test_spanish_names_of_provinces(shipped: Geocoder, name: str, iso: str) -> None:
    assert shipped.province(name).province_iso == iso


@pytest.mark.parametrize("spelling", ["Langeroud Prison", "Langerud", "Langroud prison"])
def test_a_name_two_prisons_share_is_shared_in_every_spelling_of_its_town(
    spelling: str,
) -> None:
    """Qom's prison is locally "Langarud", as is Gilan's town: any spelling of the town (its
    GeoNames names, "Langeroud") names either, so the row's own city or province decides."""
    geocoder = Geocoder(load_gazetteer())
    assert geocoder.place(spelling).status == "ambiguous"
    assert geocoder.place(spelling, province="Qom").prison == "Qom Central Prison"
    assert geocoder.place(spelling, province="Gilan").province_iso == "IR-01"


def test_near_compares_only_keys_that_can_reach_the_cutoff_and_answers_as_all_do() -> None:
    """_reach.near leaves out keys too long or too short to reach the cutoff: its answer for
    every key of the index, cut, lengthened and misspelt, is the one of comparing them all."""
    from rapidfuzz import fuzz, process

    from iranmap.geocode import _reach

    index = Geocoder(load_gazetteer())._index
    names = index.keys[::29] + [k[:-2] for k in index.keys[::31] if len(k) > 4]
    names += [k + "abad" for k in index.keys[::37]] + [k[::-1] for k in index.keys[::41]]
    tables = {
        "places": index.keys,
        "prisons": index.prison_keys,
        "other places": list(index.other_places),
    }
    differ = [
        (name, which, cutoff)
        for which, keys in tables.items()
        for cutoff in (80.0, 90.0)
        for name in names
        if _reach.near(index, which, name, cutoff)
        != (
            process.extractOne(name, keys, scorer=fuzz.ratio, processor=None, score_cutoff=cutoff)
            is not None
        )
    ]
    assert len(names) > 300
    assert differ == []
