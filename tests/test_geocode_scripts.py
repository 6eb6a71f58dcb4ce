"""Perso-Arabic names as other languages write them, issue 20's seventh round: Urdu, Punjabi,
Sindhi and Pashto put what a place belongs to before it ("صوبہ گلستان کی گرگان جیل", "د بندر
عباس په مرکزي زندان"), write some Persian letters with letters of their own (ٹ ڈ ڑ ں, ګ ښ ړ ې),
Arabic pages write Persian ق as غ and Urdu ones as ک, Arabic joins its ب (in) to a province's
name, and says "in the north of" a town. Written against the categories of the misses of
tests/data/geocode/heldout6-names.csv (iranmap.names, iranmap.name_words, geocode/_arabic.py,
geocode/_affixes.py); each rule with names it must place, names it must leave alone, and a check
over the whole gazetteer that no name it reads lands in another province."""

from __future__ import annotations

import itertools

import pytest

from iranmap.gazetteer import load_gazetteer
from iranmap.geocode import Geocoder
from iranmap.geocode._arabic import arabic_forms, azeri_cases, without_plene_vowel
from iranmap.names import fold, parse_place
from townnames import elsewhere, in_turn, where


#: Another province's Persian name for each province: the one a check writes beside a name.
def _other_province(iso: str) -> str:
    return "کردستان" if iso == "IR-07" else "فارس"


# -- letters of Urdu, Pashto, Sindhi and Uyghur ---------------------------------------------------


@pytest.mark.parametrize(
    ("written", "persian"),
    [
        ("ګرګان", "گرگان"),  # Pashto gaf
        ("ښار", "شار"),  # Pashto shin: Pashto's word for city is Sorani's
        ("کرمانشاہ", "کرمانشاه"),  # Urdu heh goal
        ("سینٹرل", "سینترل"),  # Urdu tteh
        ("ډېره", "دیره"),  # Pashto dal with ring and e
        ("عورتوں", "عورتون"),  # Urdu noon ghunna
        ("کوھر کوہ", "کوهر کوه"),  # Urdu heh doachashmee
        ("د ارومیې زندان", "د ارومیه زندان"),  # Pashto's oblique of a name ending in ه
        ("په زندان کې", "په زندان کی"),  # ... not a short word's ې
    ],
)
def test_letters_of_other_languages_fold_to_persian(written: str, persian: str) -> None:
    assert fold(written) == persian


def test_a_town_in_urdu_or_pashto_letters(geocoder: Geocoder) -> None:
    assert where(geocoder.place("ګرګان")) == ("matched", "IR-27")
    assert where(geocoder.place("زاہدان سینٹرل جیل")) == ("matched", "IR-11")
    assert where(geocoder.place("کرمانشاہ")) == ("matched", "IR-05")


# -- the owner before the place: Urdu, Punjabi, Sindhi, Pashto -----------------------------------


@pytest.mark.parametrize(
    ("name", "core", "context"),
    [
        ("صوبہ گلستان کی گرگان جیل", "گرگان", ("گلستانpruvinci",)),
        ("ایرانی صوبہ سمنان کی دامغان جیل", "دامغان", ("سمنانpruvinci",)),
        ("زاہدان کی جیل", "زاهدان", ()),
        ("زاہدان جیل میں", "زاهدان", ()),
        ("ایران کے شہر زاہدان کی مرکزی جیل", "شهرزاهدان", ("ایران",)),
        ("د بندر عباس په مرکزي زندان کې", "بندرعباس", ()),
        ("د تهران د اوین زندان", "اوین", ("تهران",)),
        ("صوبہ قم کی لنگرو د جیل", "لنگرود", ("قمpruvinci",)),  # a letter set apart: not Pashto
    ],
)
def test_the_owner_first_is_the_places_qualifier(
    name: str, core: str, context: tuple[str, ...]
) -> None:
    parsed = parse_place(name)
    assert (parsed.core, parsed.context, parsed.says_prison) == (core, context, True)


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("ایرانی صوبہ گلستان کی گرگان جیل", "IR-27"),  # Urdu: Gorgan jail of Golestan
        ("صوبہ قم کی لنگرود جیل", "IR-25"),  # Qom's prison, called Langarud locally
        ("شہر زاہدان کی جیل", "IR-11"),  # the jail of the city of Zahedan
        ("ایران کے صوبہ فارس کی شیراز جیل میں", "IR-07"),
        ("کرچک عورتوں کی جیل", "IR-23"),  # Qarchak women's jail, ق written ک
        ("شیراز دی جیل", "IR-07"),  # Punjabi (Shahmukhi)
        ("زاهدان جی جيل", "IR-11"),  # Sindhi
        ("د بندر عباس په مرکزي زندان", "IR-22"),  # Pashto: in the central prison of
        ("د سیستان او بلوچستان ولایت د زاهدان ښار په زندان کې", "IR-11"),
        ("د کرج ښار د قزل حصار زندان", "IR-30"),
        ("د ارومیې په مرکزي زندان کې", "IR-04"),  # Pashto oblique: Urmia's
    ],
)
def test_an_owner_first_name(geocoder: Geocoder, name: str, iso: str) -> None:
    assert where(geocoder.place(name)) == ("matched", iso)


def test_an_owner_first_that_contradicts_or_leaves_in_doubt(geocoder: Geocoder) -> None:
    # Langarud is Gilan's town and Qom's prison: alone, or with a third province, neither
    assert geocoder.place("لنگرود جیل").status == "ambiguous"
    assert geocoder.place("صوبہ تہران کی لنگرود جیل").status != "matched"
    # Shiraz is no town of Golestan
    assert geocoder.place("صوبہ گلستان کی شیراز جیل").status != "matched"
    assert geocoder.place("د گلستان ولایت د شیراز زندان").status != "matched"
    # a word for jail alone names nothing
    assert geocoder.place("کی جیل").status == "unmatched"


@pytest.mark.slow
def test_no_owner_first_name_lands_in_another_province(
    geocoder: Geocoder, persian: list[tuple[str, str]]
) -> None:
    """Every Persian name of every town and prison in Urdu's and Pashto's word order, alone and
    with another province as its owner: its own province, or no answer."""
    names = [
        (wrapper.format(name=name, other=_other_province(iso)), iso)
        for name, iso in persian
        for wrapper in (
            "{name} کی جیل",
            "صوبہ {other} کی {name} جیل",
            "د {name} په زندان کې",
            "د {other} ولایت د {name} زندان",
        )
    ]
    assert len(names) > 2000
    assert elsewhere(geocoder, names) == []


# -- Arabic غ and Urdu ک for Persian ق, Arabic ط for ت -----------------------------------------


def test_arabic_and_urdu_forms_of_qaf() -> None:
    assert {"غزلحصار", "کزلحصار"} <= arabic_forms("قزلحصار")
    assert {"غرشک", "الغرشک", "کرچک"} <= arabic_forms("قرچک")
    assert not {"غم", "کم"} & arabic_forms("قم")  # a short key keeps its ق
    assert {"طالش", "الطالش"} <= arabic_forms("تالش")  # Arabic ط for ت, as in "طهران"


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("غزل حصار", "IR-30"),
        ("سجن غرشك", "IR-23"),
        ("مدينة غزوين", "IR-26"),
        ("کوچان", "IR-09"),
        ("مدينة طالش", "IR-01"),  # ط for ت
        ("مدينة طيباد", "IR-09"),  # ... and a long a left out
    ],
)
def test_qaf_written_ghain_or_kaf(geocoder: Geocoder, name: str, iso: str) -> None:
    assert where(geocoder.place(name)) == ("matched", iso)


def test_no_town_with_ghain_or_kaf_for_qaf_lands_in_another_province(
    geocoder: Geocoder, persian: list[tuple[str, str]]
) -> None:
    """Every Persian name of every town and prison with its ق written غ and ک, and its ت ط, alone
    and after Arabic's word for prison: its province, or no answer."""
    names = [
        (f"{before}{name.replace(persian_letter, letter)}", iso)
        for name, iso in persian
        for persian_letter, letter in (("ق", "غ"), ("ق", "ک"), ("ت", "ط"))
        if persian_letter in name
        for before in ("", "سجن ")
    ]
    assert len(names) > 100
    assert elsewhere(geocoder, names) == []


# -- Arabic ب (in) before a province, and "in the north of" ---------------------------------------


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("سجن زهدان بسيستان وبلوشستان", "IR-11"),  # a slip of Zahedan, in the province named
        ("سجن دزفول بخوزستان", "IR-06"),
        ("سجن القنيطرة بشمال الأحواز", "IR-06"),  # Dezful's Ahwazi name, north of Ahvaz
        ("سجن قزل حصار بغرب طهران", "IR-30"),  # west of Tehran: in Karaj, Alborz
        ("زندان اوین در شمال تهران", "IR-23"),
        ("اسلام آباد غرب", "IR-05"),  # a town's own name ends in "west"
    ],
)
def test_arabic_in_before_a_province_and_directions(
    geocoder: Geocoder, name: str, iso: str
) -> None:
    assert where(geocoder.place(name)) == ("matched", iso)


def test_a_province_after_arabic_in_contradicts_a_town_elsewhere(geocoder: Geocoder) -> None:
    assert geocoder.place("سجن شيراز بسيستان وبلوشستان").status != "matched"
    assert geocoder.place("سجن شيراز، سيستان وبلوشستان").status != "matched"
    assert geocoder.place("سجن شیرز بفارس").status != "matched"  # no slip read unplaced


@pytest.mark.slow
def test_no_town_with_another_province_after_arabic_in_lands_there(
    geocoder: Geocoder, persian: list[tuple[str, str]]
) -> None:
    """Every Persian name of every town and prison with "in" another province joined, and "in
    the north of" another province's capital: its own province, or no answer."""
    names = [(f"سجن {name} ب{_other_province(iso)}", iso) for name, iso in persian] + [
        (f"سجن {name} بشمال {_other_province(iso)}", iso) for name, iso in persian
    ]
    assert elsewhere(geocoder, names) == []


# -- two names of one prison run together ---------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("سجن جوهر دشت رجائي شهر", "IR-30"),  # Gohardasht, also called Rajaei Shahr
        ("زندان گوهردشت رجایی شهر", "IR-30"),
        ("Gohardasht Rajaei Shahr Prison", "IR-30"),
    ],
)
def test_two_names_of_one_prison_run_together(geocoder: Geocoder, name: str, iso: str) -> None:
    assert where(geocoder.place(name)) == ("matched", iso)


def test_two_prisons_run_together_are_neither(geocoder: Geocoder) -> None:
    assert geocoder.place("قزلحصار رجایی شهر").status != "matched"
    assert geocoder.place("زندان اوین وکیل آباد").status != "matched"


def test_every_prison_with_two_of_its_names_run_together_is_itself(geocoder: Geocoder) -> None:
    """Every prison's Persian name run onto each of its other Persian names, and two prisons of
    different provinces run together: the prison's province, or (two prisons) no other."""
    prisons = load_gazetteer().prisons
    names = [
        (f"{one} {other}", prison.province_iso)
        for prison in prisons
        for one in (prison.name_fa,)
        for other in prison.aliases
        if other != one and not other.isascii() and len(other) > 3
    ]
    assert len(names) > 50
    assert elsewhere(geocoder, names) == []
    for one, other in itertools.pairwise(prisons):
        found = geocoder.place(f"{one.name_fa} {other.name_fa}")
        assert found.status != "matched" or found.province_iso in {
            one.province_iso,
            other.province_iso,
        }, (one.name_fa, other.name_fa)


# -- words around a name in the languages Perso-Arabic pages are written in ----------------------


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("اورمو زندانی", "IR-04"),  # South Azerbaijani: Urmu's prison, Urmu its local name
        ("اورمو شهری", "IR-04"),  # ... its city
        ("سولدوز", "IR-04"),  # Naqadeh's former name
        ("تبریز اوستانی", "IR-03"),  # the province of Tabriz, as Azeri writes it
        ("قضاء دزفول", "IR-06"),  # Arabic: the district of Dezful
        ("ضلع زابل", "IR-11"),  # Urdu: the district of Zabol
        ("ولسوالی زابل", "IR-11"),  # Dari
        ("قصبہ سراوان", "IR-11"),  # Urdu: the town of Saravan
        # Kurdish "village of": a village of Mahabad, placed at its province (never at the
        # town: tests/test_geocode_bounds.py)
        ("گوندی قەرەگوێز، مهاباد", "IR-04"),
        ("زاہدان کی جیلوں", "IR-11"),  # Urdu, plural
        ("تۈرمىسى تەبرىز", "IR-03"),  # Uyghur: the prison of Tabriz
        ("باژارێ مهاباد", "IR-04"),  # Kurmanji in Arabic letters: the city of Mahabad
        ("به زندان اوین", "IR-23"),  # Persian "to" before a prison
        ("حبس اوین", "IR-23"),
        ("گرتیگەها ورمێ", "IR-04"),  # Kurmanji in Arabic letters: the prison of Urmia
        ("مدينة بوكان الكردية", "IR-04"),  # Arabic: the Kurdish city of Bukan
        ("مدينة سراوان البلوشية", "IR-11"),
    ],
)
def test_words_around_a_name(geocoder: Geocoder, name: str, iso: str) -> None:
    assert where(geocoder.place(name)) == ("matched", iso)


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("مدينة دزفول في الأحواز", "IR-06"),  # al-Ahwaz, the region: Khuzestan
        ("مدينة عبادان في الأحواز", "IR-06"),  # Abadan of Khuzestan, not of Sistan
        ("الأحواز", "IR-06"),  # alone, the city
    ],
)
def test_the_ahwazi_name_of_the_province(geocoder: Geocoder, name: str, iso: str) -> None:
    assert where(geocoder.place(name)) == ("matched", iso)
    assert geocoder.place("سجن شيراز في الأحواز").status != "matched"  # Shiraz lies in Fars


def test_words_around_a_name_leave_a_name_in_doubt_in_doubt(geocoder: Geocoder) -> None:
    assert geocoder.place("قضاء آبادان").status != "matched"  # Abadan is also of Sistan
    assert geocoder.place("ولسوالی آبادان").status != "matched"
    assert geocoder.place("زندانی").status == "unmatched"  # a word alone names nothing


@pytest.mark.slow
def test_no_town_with_words_around_it_lands_in_another_province(
    geocoder: Geocoder, persian: list[tuple[str, str]]
) -> None:
    """Every Persian name of every town and prison with the words of other languages around it
    (for county, town, city, prison and province; each name with two of them, in turn): its own
    province, or no answer. (A town
    named like another province, "گلستان", is that province beside a word for province.)"""
    towns = [(name, iso) for name, iso in persian if geocoder.province(name).status != "matched"]
    wrappers = ("قضاء {}", "ضلع {}", "{} شهری", "{} زندانی", "قصبہ {}", "{} اوستانی")
    names = in_turn(towns, wrappers, each=2)
    assert len(names) > 1000
    assert elsewhere(geocoder, names) == []


# -- South Azerbaijani case endings in Persian letters -------------------------------------------


def test_azeri_case_endings_in_persian_letters() -> None:
    around = frozenset({"زندانی", "مرکزی"})
    assert "تبریز" in azeri_cases("تبریزده", around)
    assert "تبریز زندانی" in azeri_cases("تبریزین زندانی", around)
    assert azeri_cases("قمده", around) == ()  # too short a stem
    assert azeri_cases("شاهیین شهر", around) == ()  # a genitive only before its possessed
    assert azeri_cases("tabrizde", around) == ()  # Latin letters: Turkish's own rule


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("تبریزده", "IR-03"),  # in Tabriz
        ("اورمودا", "IR-04"),  # in Urmu (Urmia)
        ("تبریزین زندانی", "IR-03"),  # Tabriz's prison
        ("اردبیلین مرکزی زندانی", "IR-24"),
        ("آباده", "IR-07"),  # a town's own name that ends like one stays itself
        ("ورامین", "IR-23"),
    ],
)
def test_a_town_with_an_azeri_case_ending(geocoder: Geocoder, name: str, iso: str) -> None:
    assert where(geocoder.place(name)) == ("matched", iso)


@pytest.mark.slow
def test_no_town_with_an_azeri_case_ending_lands_in_another_province(
    geocoder: Geocoder, persian: list[tuple[str, str]]
) -> None:
    """Every Persian name of every town and prison with an Azeri case ending (two of them, in
    turn): its province, or no answer; unless the name so made is a place's own ("درگز" and
    "ین" is Dargazin, a county of Hamadan; Dargaz lies in Razavi Khorasan)."""
    counties = {parse_place(county.name_fa).core for county in load_gazetteer().counties}
    names = [
        (name, iso)
        for name, iso in in_turn(persian, ("{}ده", "{}دا", "{}دان", "{}ین زندانی", "{}نین شهری"), 2)
        if parse_place(name).core not in counties and geocoder.known(name) is None
    ]
    assert len(names) > 1000
    assert elsewhere(geocoder, names) == []


# -- where in Iran a sentence says a place is ---------------------------------------------------


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("السجن المركزي في مدينة زاهدان جنوب شرقي إيران", "IR-11"),
        ("مدينة كرمانشاه غرب إيران", "IR-05"),
        ("سجن أرومية شمال غربي إيران", "IR-04"),
        ("زندان ارومیه در شمال غرب ایران", "IR-04"),
        ("زاہدان جیل، جنوب مشرقی ایران", "IR-11"),  # Urdu
        ("زیندانی سنە لە ڕۆژهەڵاتی ئێران", "IR-12"),  # Sorani
        ("اسلام آباد غرب", "IR-05"),  # a town's name ending in "west" keeps it
        ("ایران کے شمال مغربی شہر ارومیہ کی جیل", "IR-04"),  # the north-western city of
        ("سجن زاهدان المركزي جنوب شرق البلاد", "IR-11"),  # south-east of the country
        ("زندان ارومیه در شمال غرب کشور", "IR-04"),
        ("مدينة زاهدان مركز محافظة سيستان وبلوشستان", "IR-11"),  # the province's centre
    ],
)
def test_where_in_iran_is_not_part_of_a_name(geocoder: Geocoder, name: str, iso: str) -> None:
    match = geocoder.place(name)
    assert where(match) == ("matched", iso)
    assert match.reading is None  # the town itself, not an unknown place of it


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("محافظة خوزستان جنوب غربي إيران", "IR-06"),
        ("استان سیستان و بلوچستان در جنوب شرق ایران", "IR-11"),
        ("صوبہ سیستان و بلوچستان، جنوب مشرقی ایران", "IR-11"),
        ("پارێزگای کوردستان لە ڕۆژهەڵاتی ئێران", "IR-12"),
    ],
)
def test_where_in_iran_beside_a_province(geocoder: Geocoder, name: str, iso: str) -> None:
    assert where(geocoder.province(name)) == ("matched", iso)


def test_no_town_with_where_in_iran_lands_in_another_province(
    geocoder: Geocoder, persian: list[tuple[str, str]]
) -> None:
    names = [
        (f"{name} {where_in_iran}", iso)
        for name, iso in persian
        for where_in_iran in ("جنوب شرقي إيران", "در شمال غرب ایران")
    ]
    assert elsewhere(geocoder, names) == []


# -- a short vowel written as a letter ------------------------------------------------------------


def test_forms_without_a_plene_vowel() -> None:
    assert without_plene_vowel("لورستان") == ("لرستان",)
    assert "زندان بروجرد" in without_plene_vowel("زندان بوروجرد")
    assert without_plene_vowel("اوین") == ()  # beside another vowel letter: none to leave out
    assert "سنقر" in without_plene_vowel("سونقور")  # all of a word's, as Kurdish writes Sonqor
    assert "تربت حیدریه" in without_plene_vowel("تربتی حیدریه")  # a Kurdish ezafe
    assert "حیدریه تربت" not in without_plene_vowel("حیدریه تربتی")  # ... never a last word's


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("زندان بوروجرد", "IR-15"),
        ("مدينة بوروجرد", "IR-15"),
        ("سونقور", "IR-05"),  # Sorani: Sonqor
        ("زیندانی توربەتی حەیدەریە", "IR-09"),  # Sorani: Torbat-e Heydarieh, with its ezafe
    ],
)
def test_a_short_vowel_written_as_a_letter(geocoder: Geocoder, name: str, iso: str) -> None:
    assert where(geocoder.place(name)) == ("matched", iso)


@pytest.mark.parametrize(("name", "iso"), [("لورستان", "IR-15"), ("صوبہ لورستان", "IR-15")])
def test_a_province_with_a_short_vowel_written(geocoder: Geocoder, name: str, iso: str) -> None:
    assert where(geocoder.province(name)) == ("matched", iso)


@pytest.mark.slow
def test_no_town_with_a_short_vowel_written_lands_in_another_province(
    geocoder: Geocoder, persian: list[tuple[str, str]]
) -> None:
    """Every Persian name of every town and prison with a و or ی (in turn) written between two of
    its letters (one at a time), and with a Kurdish ezafe after its first word: its province, or
    no answer."""
    names = [
        (f"{name[:i]}{'وی'[(at + i) % 2]}{name[i:]}", iso)
        for at, (name, iso) in enumerate(persian)
        if all("\u0600" <= c <= "\u06ff" or c == " " for c in name)
        for i in range(2, len(name) - 1)
        if " " not in name[i - 1 : i + 1]
    ]
    names += [
        (f"{name.split()[0]}ی {' '.join(name.split()[1:])}", iso)
        for name, iso in persian
        if len(name.split()) > 1
    ]
    assert len(names) > 2000
    assert elsewhere(geocoder, names) == []
