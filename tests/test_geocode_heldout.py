"""The shipped geocoder on names nobody writing its rules had read (tests/data/geocode/).

Each held-out file was gathered from published execution and prison reports (Latin script in
several languages, and Persian script) without looking at the naming rules, and its header keeps
the score the geocoder had on it then. Each row is a prison or city cell (read with
:meth:`Geocoder.place`) or a province cell (:meth:`Geocoder.province`), name alone, with the
province it truly lies in. A wrong province is never acceptable; an unresolved name is. Issue 20's
target is 97% of Latin and 95% of Persian spellings in the right province.

- ``heldout-names.csv`` was gathered before that round's rules were written; the rules were since
  written against it, so it is no longer held out.
- ``heldout2-names.csv`` was gathered while the next rules (counties, misspellings) were being
  written elsewhere: it is how those rules are measured honestly.
- ``heldout3-names.csv`` was gathered while those rules were being written against the two files
  above; its Perso-Arabic names include Sorani, Urdu-script Baluch and Arabic-language pages,
  counted with the Persian ones. Its misses were then studied and rules written against their
  categories (Turkish letters, capitals in province cells, Arabic letters and words, wrappers of
  more languages): it is no longer held out either, and its floors measure those rules, not
  how the geocoder reads names nobody here has seen.
- ``heldout4-names.csv`` was gathered while the next rules were being written against the three
  files above, without reading those rules or which names they resolve, and scored by count only;
  most of its Perso-Arabic names come from Arabic-language pages, most of its Latin ones from
  Italian, Spanish, French, German, Azerbaijani and Turkish pages. Its misses were then studied
  and rules written against their categories (tests/test_geocode_wrappers.py): it is no longer
  held out either.
- ``heldout5-names.csv`` was gathered while the next rules were being written against all four files
  above, the same way (without reading the rules, and scored by count only), with weight on
  Persian-language pages (Persian wrappers and Kurdish, Baluch and Azeri local names in Persian
  script) and, for Latin, on English, Italian, German, Kurmanji, Indonesian and Portuguese pages:
  it was measured on the rules written against the other four, by count only. Its misses were then
  studied and rules written against their categories (tests/test_geocode_parts.py): it is no
  longer held out either.
- ``heldout6-names.csv`` was gathered while those rules were being written against all five files
  above, the same way (without reading the rules, and scored by count only), with weight on outlets
  and languages the earlier files barely drew on: Urdu, Arabic-language, Dari, Pashto and Sorani
  pages for Perso-Arabic script; Kurmanji, Turkish, Azerbaijani, Indonesian and Vietnamese ones,
  besides English, Italian, Spanish and German, for Latin. Its misses were then studied and
  rules written against their categories, Latin (tests/test_geocode_words.py) and Perso-Arabic
  (tests/test_geocode_scripts.py): it is no longer held out either.
- ``heldout7-names.csv`` was gathered while those rules were being written against heldout6's
  categories, the same way (without reading the rules, and scored by count only, on main as it
  was before them), from pages and outlets the six earlier files had not reached: Dutch, Swedish,
  Polish, Slovak, Slovene, Croatian, Serbian, Albanian, Romanian, Azerbaijani and Turkish news,
  Kurdish, Ahwazi and Afghan outlets, Iranian and Gulf papers, and many outlets' reports of one
  case. Its Perso-Arabic part is smaller (61 names): the earlier files had taken most of those
  spellings already. Its misses were then studied and rules written against their
  categories, Latin (tests/test_geocode_endings.py) and Perso-Arabic
  (tests/test_geocode_phrases.py): it is no longer held out either.
- ``heldout8-names.csv`` was gathered while those rules were being written against heldout7's
  categories, the same way (without reading the rules, and scored by count only, on main as it
  was before them), from what the store still held after seven files: wire reports of public
  hangings as many outlets retold them in their own languages, Arabic-language Gulf, Levant and
  Maghreb papers, Ahwazi, Baluch, Afghan, Urdu and Kurdish outlets, and one published table, the
  Boroumand Center's Omid memorial. Its misses were then studied and rules written against
  their categories, Latin (tests/test_geocode_latin_phrases.py) and Perso-Arabic
  (tests/test_geocode_clauses.py): it is no longer held out either.
- ``heldout9-names.csv`` was gathered while the next rules were being written against heldout8's
  misses, the same way (without reading the rules, and scored by count only, on main as it was
  before them), mostly from published tables: iranvictims.com's table of people killed in the
  2025-2026 protests, the Boroumand Center's Omid memorial (places of killing and its province
  column), English Wikipedia's table of deaths in the 2022 protests, HRANA's and Iran Human
  Rights' reports on them and a Persian Telegram channel's list of names; then what the drained
  page store still held in Italian, Spanish, Turkish, Arabic, Sorani, Kurmanji, Urdu and Persian.
  It is the one that measures unseen spellings now. Its misses were then studied and rules
  written against their categories (tests/test_geocode_local_names.py, then
  tests/test_geocode_context.py): it is no longer held out either.
- ``heldout10-names.csv`` was gathered while the next rules were being written against heldout9's
  misses and GeoNames' place names, the same way (without reading the rules, and scored by count
  only, on main as it was before them), mostly from published tables not yet drawn on
  (iranvictims.com's, the Boroumand Center's, Wikipedia's and HRANA's cells the earlier files had
  not taken, and the Azadi Road Project's memorial records), then from reports on the killing of
  Kurdish border porters and Baluch fuel porters in English, Persian, Arabic, Urdu, Turkish, German,
  French and Kurmanji, and a few prison phrases in Azerbaijani, Sorani and Pashto. It is the one
  that measures unseen spellings now. With the rules of places and rules11 merged, by count:
  206 of 290 Latin and 56 of 82 Perso-Arabic right, but 4 Latin names in a wrong province, each
  a name GeoNames gives a place that is also another place's (an old name: "Aryashahr",
  "Saein Qaleh"; another name: "Gazaran"; a village's: "Bilvar"). Those four were then looked at
  and the rule mended (a name alone, in Latin letters, must be a spelling of a place's own name;
  the place must have 2,000 people or more): 203 of 290 Latin (70.0%), 56 of 82 Perso-Arabic
  (68.3%), none wrong. Its misses were then studied and rules written against their categories:
  places around a town (geocode/_around) and places in or of a town (a hospital, a fuel station,
  a beach of a town or county; a village of a town, through a region of it; Azerbaijani's
  "located in"; tests/test_geocode_sites.py): 223 (76.9%) and 71 (86.6%), none wrong. It is no
  longer held out either.
- ``heldout11-names.csv`` was gathered while the next rules (border areas, hospitals, villages of a
  town, Arabic and Azerbaijani wrappers) were being written against heldout10's misses, the same way
  (without reading the rules, and scored by count only, on main as it was before them), mostly from
  published tables taken as they came: place-of-death cells of iranvictims.com's and the Boroumand
  Center's tables as a public victims dataset copied them (a random sample of those new to these
  files), and the Free Mahsa CRM's table of the places of the 2022 protests' victims (its city
  column as typed, slips and all, and its own Persian and Latin city names); then what the page
  store still held in Persian, Arabic, Pashto, Indonesian, Danish, Norwegian, Finnish, Kurmanji,
  Dutch, German, Italian, Slovak, Czech, Hungarian and Azerbaijani. With those rules merged it
  measures them on spellings nobody writing them had seen.

Every test runs on every file. A target or an assertion a file does not meet yet is a strict xfail
that names what is missing, so it fails loudly once the rules meet it; a floor is the share measured
on that file and fails the suite if a rule change loses ground.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from iranmap.geocode import Geocoder

DATA = Path(__file__).resolve().parent / "data" / "geocode"

Outcome = tuple[dict[str, str], str]


def as_printed(name: str) -> str:
    return name


def loosely(name: str) -> str:
    """A name without case, spaces, hyphens, ZWNJ, or the Arabic forms of yeh and kaf."""
    bare = re.sub(r"[\s\-\u200c]", "", name).casefold()
    return bare.replace("\u064a", "\u06cc").replace("\u0649", "\u06cc").replace("\u0643", "\u06a9")


@dataclass(frozen=True)
class HeldOut:
    """One held-out file and what is known of it: its size, its floors, the names it has wrong."""

    file: str
    same_name: Callable[[str], str]
    least: int
    least_latin: int
    least_persian: int
    latin_floor: float
    persian_floor: float
    known_wrong: frozenset[str] = frozenset()
    # Why an assertion is a strict xfail on this file (empty: it must pass).
    wrong_open: str = ""
    latin_target_open: str = ""
    persian_target_open: str = ""


SETS = {
    "heldout": HeldOut(
        file="heldout-names.csv",
        same_name=as_printed,
        least=150,
        least_latin=100,
        least_persian=50,
        # 97.7% (128 of 131): 86.3% before issue 20's rules, 94.7% after its first round; then
        # counties (Mamasani, Delfan) placed in their province and near spellings (Tarbiz: two
        # letters swapped; Senendej: Turkish vowels) read as the one place they are near. Left
        # unresolved, none guessed: Yasui (one letter changed in a 5-letter name: a slip that
        # lands real names of one town on another), Dizel-Amab (two letters changed) and
        # Eyvan-e Gharb (Eyvan's old name, in no list here). With the places GeoNames lists,
        # placed by any spelling only they have (geocode/_places.py, by count only): 129 of 131
        # (98.5%).
        latin_floor=0.984,
        persian_floor=0.95,
    ),
    "heldout2": HeldOut(
        file="heldout2-names.csv",
        same_name=loosely,
        least=160,
        least_latin=100,
        least_persian=60,
        # As measured on main before any rule change: 131 of 150 Latin (87.3%), 57 of 73 Persian
        # (78.1%); see the file's header and the issue 20 report for each name left unresolved.
        # With counties and near spellings (measured by count only, no rule written against a
        # name of this file): 132 of 150 Latin (88.0%), 59 of 73 Persian (80.8%), no new wrong.
        # With issue 20's local names, wrappers and readings too (tests/test_geocode_readings.py,
        # written against this file's categories): 145 of 150 Latin (96.7%), 72 of 73 Persian
        # (98.6%), none in a wrong province. Left: "Langaroud prison" (ambiguous on purpose:
        # Qom's prison, locally called Langarud, or Gilan's town; it was placed in Gilan),
        # Bastam/بسطام (a town the gazetteer knows only by name) and misspellings (Ban, Central
        # Esfehan Prison, Umrye). Then the rules written against heldout3's categories read "ow"
        # and "ou" as one vowel (Nowshahr, Noushahr): "Noushahr" alone is now what "Nowshahr"
        # alone already was, ambiguous (a Nowshahr lies in Ardabil too; with "prison", or the
        # row's province, it is Mazandaran's): 144 of 150 (96.0%), none wrong. And a and e read
        # as one vowel after the first vowel in 6- and 7-letter keys (a category: heldout3's
        # rules' probes, not this file's name): "Central Esfehan Prison", 145 of 150 (96.7%).
        # With places GeoNames lists placed by any spelling only they have (geocode/_places.py,
        # by count only): 146 of 150 Latin (97.3%), 73 of 73 Perso-Arabic, none wrong.
        latin_floor=0.973,
        persian_floor=1.0,
    ),
    "heldout3": HeldOut(
        file="heldout3-names.csv",
        same_name=loosely,
        least=200,
        least_latin=120,
        least_persian=80,
        # As measured on branch heldout3 (main's geocoder) before any rule change: 99 of 125 Latin
        # (79.2%), 60 of 92 Perso-Arabic (65.2%; Persian proper 37 of 43, Arabic-language pages 20
        # of 41); see the file's header. With counties and near spellings (measured by count only,
        # no rule written against a name of this file): 101 of 125 Latin (80.8%), 61 of 92
        # Perso-Arabic (66.3%), no new wrong. With issue 20's local names, wrappers and readings
        # (written against heldout2, never this file): 107 of 125 (85.6%), 74 of 92 (80.4%).
        # Then its one wrong name, "Langeroud Prison" (Qom's prison, placed at Gilan's town),
        # led to a general rule: a name two prisons share is shared in every spelling of its
        # town; it is now ambiguous, and "Langeroud Prison in Qom" is Qom's: 108 of 125
        # (86.4%), none in a wrong province. Then Persian names as Arabic writes them
        # (geocode/_arabic.py: letters Arabic lacks, its article, its words for province; from
        # how Arabic writes Persian, not from this file's names): 83 of 92 Perso-Arabic (90.2%).
        # Then French spellings of Persian sounds (ch for sh, tch for ch, "Evine"), a category
        # this file's report named: 111 of 125 Latin (88.8%).
        # Then rules written against this file's misses, by category (so from here the file is
        # seen, not held out): Turkish h for kh ("Huzistan eyaleti", "Hürremşehr"); a province
        # cell naming its capital in any spelling ("Urmiye vilayeti", "استان ارومیە"); Arabic ف
        # for v and غ for گ ("سجن أفين", "سجن سرافان", "هرمزغان"), its adjectives of direction
        # ("أذربيجان الغربية"), its preposition ب joined to a town ("سجن ألوند بهمدان"), its
        # spellings طهران and عيلام (local-names.csv) and "مدينة" (city of); words for city and
        # holy in more languages ("cárcel de la ciudad de", "città santa di"), Norwegian "i"
        # after its word for prison, German town adjectives ("Teheraner Evin-Gefängnis"), "near"
        # dropped ("Ghezel Hesar Prison near Tehran"), "ow" read as "o" ("Gowhardacht"): 120 of
        # 125 Latin (96.0%), 90 of 92 Perso-Arabic (97.8%), none wrong. Left: ambiguous on
        # purpose (Ardakan prison, Bam, Khondab, Langeroud Prison) and misspellings
        # (Gehzelhesar, قزلي هزار), and Gorband/گوربند, a prison no source here places.
        latin_floor=0.96,
        persian_floor=0.978,
        latin_target_open="issue 20's target; 96.0% of Latin names so far",
    ),
    "heldout4": HeldOut(
        file="heldout4-names.csv",
        same_name=loosely,
        least=200,
        least_latin=120,
        least_persian=80,
        # As measured on main (5151ab6) before any rule change, by count only: 116 of 130 Latin
        # (89.2%), 59 of 87 Perso-Arabic (67.8%; Arabic-language pages 47 of 69), none in a wrong
        # province; see the file's header. Then the rules written against heldout3's categories
        # by someone who never opened this file (though they saw one commit subject naming its
        # categories of misses: Arabic wrappers, Ahwazi names, Turkish and Azerbaijani): 119 of
        # 130 Latin (91.5%), 70 of 87 Perso-Arabic (80.5%), still none in a wrong province.
        # Then rules written against this file's misses, by category (so from here the file is
        # seen, not held out): Arabic and Persian words for city, prison and province joined to
        # a name ("بمدينةزاهدان"), words for city in Urdu, Persian and Sorani around it ("سربیشہ
        # شہر"), a province word between a place and its province ("زندان قزلحصار ولایت
        # البرز"), a county's seat with the word for city ("مدينة مهرستان"), Sorani ۆ where
        # Persian writes none ("پارێزگای لۆرستان"), Azerbaijani case endings, Polish letters
        # ("Jasudż"), g for gh ("Gaemshahr"), a direction word that only describes a province
        # ("provincia meridionale di Hormozgan"); and sourced local names (local-names.csv: the
        # Ahwazi القنيطرة for Dezful and الهويرة for Sepidar Prison, معشور, Azerbaijani Urmu,
        # Kurdish Sine as Arabic writes it): 123 of 130 Latin (94.6%), 79 of 87 Perso-Arabic
        # (90.8%), none wrong. Left: ambiguous on purpose (Rudbar, Sardasht, Faryab, مبارکه,
        # زندان لاهیجان: towns of two provinces), a Turkish dative ("Kerece": a lone e is also
        # Turkish's final heh, "Bane" for Baneh), names the gazetteer lacks or spells otherwise
        # (Zahak, Choram, بابل کنار, جهان آباد فهرج), a machine transliteration (Reagan) and
        # misspellings (غرشق, سنيه, زندن قرلحصار, "إقليم سستان وبلوخستان"). With places GeoNames
        # lists placed by any spelling only they have (geocode/_places.py, by count only): 124 of
        # 130 Latin (95.4%), none wrong.
        latin_floor=0.953,
        # Perso-Arabic: then the rules written against heldout6's Perso-Arabic categories (a
        # short vowel written as و or ی read without it, "سنيه" for Sine): 80 of 87 (92.0%).
        persian_floor=0.919,
        latin_target_open="issue 20's target; 95.4% of Latin names so far",
        persian_target_open="issue 20's target; 92.0% of Perso-Arabic names so far",
    ),
    "heldout5": HeldOut(
        file="heldout5-names.csv",
        same_name=loosely,
        least=220,
        least_latin=120,
        least_persian=100,
        # As measured on main (0b47402) before any rule change, by count only: 104 of 127 Latin
        # (81.9%), 94 of 106 Perso-Arabic (88.7%; Persian proper 51 of 59), none in a wrong
        # province; see the file's header. Then the rules written against heldout4's categories
        # by someone who never opened this file (branch rules5 at fc8b287, measured by count
        # only, before this file's misses were looked at): 110 of 127 Latin (86.6%), 94 of 106
        # Perso-Arabic (88.7%), none in a wrong province. Then rules written against this file's
        # misses, by category (tests/test_geocode_parts.py; so from here the file is seen, not
        # held out): Indonesian and Malay words ("Penjara ... di ...", "kota ..., provinsi ..."),
        # Kurmanji "wilayeta", Portuguese spellings of province names ("província do Cuzistão"),
        # k for q ("Kom"), a square or quarter of a town is that town ("piazza ... a Mashhad",
        # "... Square, Hamedan, Hamedan Province, Iran", "شهرک گلستان شيراز"), a place known only
        # by name, or not at all, in the province the name gives ("Beyram, Provinsi Fars", "شهر
        # بسطام، واقع در استان سمنان"), Arabic "باقليم", a county run onto its province ("صالح
        # آبادخراسان رضوی", "زہک بلوچستان"): 123 of 127 Latin (96.9%), 99 of 106 Perso-Arabic
        # (93.4%), none wrong. Left: misspellings (Zahedam, Ghelezhesar, "Gezel Heser" with g for
        # gh too, "Chalderan region" for Chaldoran), ambiguous on purpose (سردشت, محمودآباد:
        # towns of two provinces), towns the gazetteer lacks or knows only in Latin letters
        # (کلاترزان, ربط, a Turkmen گوموش تپه for Gomishan), a Dari slip (ارک for Arak) and a
        # prison nickname (زندان بویه).
        # Then rules11's reading of a county's name in other letters beside a word for region
        # (written against heldout9's categories, not this file): "Chalderan region" is
        # Chaldoran County, 124 of 127 Latin (97.6%), at issue 20's target.
        latin_floor=0.976,
        persian_floor=0.933,
        persian_target_open="issue 20's target; 93.4% of Perso-Arabic names so far",
    ),
    "heldout6": HeldOut(
        file="heldout6-names.csv",
        same_name=loosely,
        least=230,
        least_latin=125,
        least_persian=105,
        # As measured on main (fbeb4c8) before any rule change, by count only: 107 of 132 Latin
        # (81.1%), 88 of 110 Perso-Arabic (80.0%; Arabic-language pages 44 of 51, Urdu 21 of 32,
        # Persian proper 15 of 18), none in a wrong province; see the file's header. Then the
        # rules written against heldout4's and heldout5's categories by people who never opened
        # this file, measured by count only before its misses were looked at (main at 6040cfe):
        # 112 of 132 Latin (84.8%), 92 of 110 Perso-Arabic (83.6%), none in a wrong province.
        # (With heldout4's rules alone: 107 of 132, 89 of 110.)
        # Then rules written against this file's Latin misses, by category (branch rules7l,
        # tests/test_geocode_words.py; so from here its Latin names are seen, not held out):
        # Azerbaijani "zindanı" and the genitive on any word ("Tehranın Evin zindanı"), Kurmanji
        # "ya", -yê after a vowel, c for j and e or i for a ("bajarê Neqedeyê", "Kerac"), the
        # words around a name in 32 languages, Vietnamese among them (iranmap._words_by_language),
        # an adjective between a word for city and its "of" ("città curda di Sanandaj", "ciudad
        # iraní de Saveh"), "Blvd.", a word for city passing over namesakes that are villages
        # ("ciudad de Bam", "thành phố Nowshahr") and placing a town known only by name in its
        # province ("thị trấn Bastam"): 129 of 132 Latin (97.7%), Perso-Arabic unchanged, none
        # wrong. Left: "Kehrizak" alone (a village of Alborz shares the name: ambiguous on
        # purpose), a prison named by a word the gazetteer lacks beside a town of two provinces
        # ("Azbaram Lahijan") and a misspelt county ("Contea di Choram").
        latin_floor=0.977,
        # Perso-Arabic: then rules written against this file's Perso-Arabic misses, by category
        # (tests/test_geocode_scripts.py; so from here its Perso-Arabic names are seen, not held
        # out): Urdu, Pashto, Punjabi and Sindhi word order ("صوبہ گلستان کی گرگان جیل", "د بندر
        # عباس په مرکزي زندان") and letters, Arabic غ and Urdu ک for ق, Arabic ط for ت, Arabic ب
        # joined to a province and "بشمال", two names of one prison run together, words for
        # prison, city, county and province in more languages, and sourced Azeri names (اۇرمۇ,
        # سولدوز): 105 of 110 Perso-Arabic (95.5%), none wrong. Left: ambiguous on purpose
        # (لنگرود جیل, سراب), names the gazetteer lacks (کوھر کوہ, نصر آباد) and a misspelling
        # (غرشق).
        persian_floor=0.963,  # 106 of 110 since the rules written against heldout7
    ),
    "heldout7": HeldOut(
        file="heldout7-names.csv",
        same_name=loosely,
        least=211,
        least_latin=150,
        least_persian=61,
        # As measured on main (c113b5d) before any rule change, by count only: 119 of 150 Latin
        # (79.3%), 49 of 61 Perso-Arabic (80.3%; Arabic-language pages 30 of 38, Persian proper 12
        # of 14), none in a wrong province; see the file's header. Gathered while rules were being
        # written against heldout6's categories, by someone who never read them: it is the set that
        # measures the geocoder on spellings nobody writing its rules has seen. With those rules
        # merged (Latin and Perso-Arabic, by people who never opened this file), by count only:
        # 129 of 150 Latin (86.0%), 51 of 61 Perso-Arabic (83.6%), and one name in a wrong
        # province: a village "near Shiraz" whose letters an Arabic-spelling rule read as
        # Kermanshah's town of Sonqor. Only that name was then looked at, and two general rules
        # written (tests/test_geocode_bounds.py): a reading far from what the name says it is
        # near is another place, and a name that says "village" is never a town of its name.
        # Now none is in a wrong province; the shares are unchanged.
        # Then rules written against this file's Latin misses, by category (branch rules8l,
        # tests/test_geocode_endings.py; so from here its Latin names are seen, not held out):
        # Turkish and Azerbaijani words for province, city and prison with their case endings
        # ("vilayətinin", "şəhərində", "həbsxanasında", "hapishanede", "Bölge Valiliği") and a
        # province named first in the genitive or dative holding the place after it ("...
        # eyaletine bağlı ... kenti"), Polish, Czech, Slovak and South Slavic case endings,
        # adjectives and letters ("Szirazie", "v Šíráze", "adelabadskom", "grada Horamšahr", dž,
        # j for y, h for kh), directions that only describe a province ("provincia sureña de",
        # "jugozapadnoj provinciji"), "-shar" for "-shahr" (Darashar), and a town's local name
        # with its name apart ("Sərəskənd (Həştrud)"): 147 of 150 Latin (98.0%), none wrong. Left:
        # "Baharistan şəhərində" (towns of two provinces: ambiguous on purpose), "Nekedeh" (k for
        # q and e for a together, with no Turkish letter to say so) and "Carcere di Hesar Prison"
        # (half a prison's name, which other places share).
        latin_floor=0.98,
        # Perso-Arabic: then rules written against this file's Perso-Arabic misses, by category
        # (geocode/_phrases.py, tests/test_geocode_phrases.py; so from here its Perso-Arabic
        # names are seen, not held out): a compass word between a place and a town read as
        # "near" ("كرج غرب طهران"), a village near a town deep in one province, Sorani's ە written
        # ه, one letter's slip in the province a name gives or two letters swapped, words that
        # name nothing beside a county of the province given, a town only an Arabic spelling
        # reaches far from the province given, the plural streets of a town; and, seen while
        # writing them, a prison "in" a town of its province beside it ("زندان قرچک در
        # ورامین") and a town's outskirts ("ضواحي", "حومه") read as "near": 60 of 61 (98.4%),
        # none wrong. Left: "سخنة" (Sahneh misspelled; as near Sine, سنه, Sanandaj).
        persian_floor=0.983,
    ),
    "heldout8": HeldOut(
        file="heldout8-names.csv",
        same_name=loosely,
        least=237,
        least_latin=157,
        least_persian=80,
        # As measured on main (76de227) before any rule change, by count only: 124 of 157 Latin
        # (79.0%), 62 of 80 Perso-Arabic (77.5%; Arabic-language pages 43 of 55), none in a wrong
        # province; see the file's header. Gathered while rules were being written against
        # heldout7's categories, by someone who never read them: it is the set that measures the
        # geocoder on spellings nobody writing its rules has seen. With those rules merged
        # (rules8l for Latin, rules8p for Perso-Arabic, written against heldout7 by people who
        # never opened this file), by count only: 128 of 157 Latin (81.5%), 66 of 80
        # Perso-Arabic (82.5%), none in a wrong province. Now seen for Latin: the rules written
        # against its categories of Latin misses (rules9l: a province described, where in the
        # country, Eastern Kurdistan, Slavic and Portuguese words, a province apart that
        # contradicts, old and new province names, ports, French's j, a town beside villages
        # elsewhere, a town's stadium) place 147 of 157 (93.6%), none in a wrong province; the 10
        # left are places the gazetteer knows only by name with no word for town (5), sites no
        # list has (2), a town it does not know, a French spelling of a park and a misspelled
        # town with a word for prison. With places GeoNames lists placed by any spelling only they
        # have (geocode/_places.py, by count only): 151 of 157 (96.2%), none wrong.
        latin_floor=0.961,
        # Perso-Arabic: then rules written against this file's Perso-Arabic misses, by category
        # (geocode/_clauses.py, tests/test_geocode_clauses.py; so from here its Perso-Arabic
        # names are seen, not held out): the country after a place, a prison's courtyard,
        # Sorani's joining mark written apart, Urdu's word for city before its postposition,
        # Arabic's "lying in" and "in the country's south", a compass word before a name in
        # Arabic's order ("محافظة شرق أذربيجان", "في جنوب رودبار"), a village in a county, an ا
        # added or left out, a last ا for ه and a letter written twice, a women's prison the
        # gazetteer lacks at its town; and, seen while writing them, Urdu's "X کے قریب Y" (Y near
        # X: it had placed Ghezel Hesar "near Tehran" at Tehran) and a Persian province with "و"
        # apart, which a town of another province now contradicts: 76 of 80 (95.0%), none wrong.
        # Left: "طیبات" (a Dari slip of Taybad, two letters off), "سجن خراج المركزي" (Karaj, two
        # letters off), "مدينة مهشهر" (one letter from Mahshahr and from Mehrshahr: ambiguous on
        # purpose) and "قرية الأشنوية" (a village named as the town: a village of that name
        # may lie anywhere).
        persian_floor=0.95,
        latin_target_open="issue 20's target; 96.2% of Latin names so far",
    ),
    "heldout9": HeldOut(
        file="heldout9-names.csv",
        same_name=loosely,
        least=388,
        least_latin=322,
        least_persian=66,
        # As measured on main (ec74823) before any rule change, by count only: 250 of 322 Latin
        # (77.6%), 48 of 66 Perso-Arabic (72.7%), none in a wrong province; see the file's
        # header. Gathered while rules were being written against heldout8's misses, by someone
        # who never read them: with those rules merged it measures them on spellings nobody
        # writing them has seen. With rules9l and rules9p merged, by count only: 253 of 322
        # Latin (78.6%), 50 of 66 Perso-Arabic (75.8%), none in a wrong province. With rules10's
        # rules written against its misses: 266 of 322 Latin (82.6%), 55 of 66 Perso-Arabic
        # (83.3%), none in a wrong province. With rules11's (the context tables print around a
        # name: a province or county apart without a word for province, a province since
        # divided, "near" a town deep in its province, two names of one town, a county in other
        # letters, a new town's other word, a prison's long vowel left out;
        # tests/test_geocode_context.py): 282 of 322 Latin (87.6%), 62 of 66 Perso-Arabic
        # (93.9%), none in a wrong province. Left unplaced on purpose: a place "X, Isfahan"
        # (also Qazvin, Ilam) whose town has another province's town within 100 km, so that the
        # cell may say what it is near (6 names a province's name alone would place, all
        # right), and places known by name only in other provinces ("Astaneh, Gilan",
        # "Golshahr, Karaj"). With places GeoNames lists placed by any spelling only they have
        # as well (places.csv's points, other spellings and Persian names; geocode/_places.py):
        # 295 of 322 Latin (91.6%), 63 of 66 Perso-Arabic (95.5%), none in a wrong province;
        # with a name alone read only as a spelling of a place's own name, of 2,000 people or
        # more (a Latin one, near its own name: heldout10's four wrong names): 292 (90.7%) and
        # 63 (95.5%, the target).
        latin_floor=0.906,
        persian_floor=0.954,
        latin_target_open="issue 20's target; 90.7% of Latin names so far",
    ),
    "heldout10": HeldOut(
        file="heldout10-names.csv",
        same_name=loosely,
        least=372,
        least_latin=290,
        least_persian=82,
        # As measured on main (dc2c4da) before any rule change, by count only: 187 of 290 Latin
        # (64.5%), 55 of 82 Perso-Arabic (67.1%), none in a wrong province; see the file's header.
        # Gathered while rules were being written against heldout9's misses, by someone who never
        # read them: with those rules merged it measures them on spellings nobody writing them has
        # seen. With them merged (blind): 206 of 290 Latin and 56 of 82 Perso-Arabic, but four
        # Latin names in a wrong province; with the rule mended after looking at those four (see
        # the module's docstring): 203 (70.0%) and 56 (68.3%), none wrong. Then studied: with a
        # place around a town read as its province (geocode/_around: border areas, roads between
        # two towns, heights, districts, dams; its largest category of misses, on border
        # porters; and a border town of a shared name, the one on the border), 216 (74.5%) and
        # 67 (81.7%), none wrong. With a place in or of a town as well (a hospital, a fuel
        # station, a beach of a town or county; a village of a town, through a region of it;
        # Azerbaijani's "located in"; tests/test_geocode_sites.py): 223 (76.9%) and 71 (86.6%),
        # none wrong.
        latin_floor=0.768,
        persian_floor=0.865,
        latin_target_open="issue 20's target; 76.9% of Latin names so far",
        persian_target_open="issue 20's target; 86.6% of Perso-Arabic names so far",
    ),
    "heldout11": HeldOut(
        file="heldout11-names.csv",
        same_name=loosely,
        least=251,
        least_latin=153,
        least_persian=98,
        # As measured on main (d81a223) before any rule change, by count only: 108 of 153 Latin
        # (70.6%), 72 of 98 Perso-Arabic (73.5%), none in a wrong province; see the file's header.
        # Gathered while rules were being written against heldout10's misses, by someone who never
        # read them or this file's outcomes: merged after them, it measures them blind. With the
        # rules of places around a town (geocode/_around) and in or of a town (_sites, _villages)
        # and counties named with their word merged: 108 of 153 Latin (70.6%, none gained), 74 of
        # 98 Perso-Arabic (75.5%), none wrong. Its misses, looked at only then: quarters of Tehran
        # ("Tehransar, Tehran", "Narmak", "Haft-e Howz"), villages GeoNames does not list, a
        # province's case in Hungarian and Finnish ("Huzesztán tartományban", "Khuzestanin
        # maakunnan"), Nordic and Indonesian sentences, and slips typed into a table ("سنقز").
        latin_floor=0.705,
        persian_floor=0.755,
        latin_target_open="issue 20's target; 70.6% of Latin names so far",
        persian_target_open="issue 20's target; 75.5% of Perso-Arabic names so far",
    ),
}


def earlier(spec: HeldOut) -> tuple[str, ...]:
    """The files gathered before ``spec``'s (the eval set, then the held-out sets in order),
    none of whose names it may repeat."""
    files = [other.file for other in SETS.values()]
    return ("eval-names.csv", *files[: files.index(spec.file)])


def rows(spec: HeldOut) -> list[dict[str, str]]:
    return read_rows(DATA / spec.file)


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


@pytest.fixture(scope="module", params=sorted(SETS))
def heldout(request: pytest.FixtureRequest) -> HeldOut:
    spec: HeldOut = SETS[request.param]
    return spec


@pytest.fixture(scope="module")
def outcomes(heldout: HeldOut, geocoder: Geocoder) -> dict[str, list[Outcome]]:
    """Each row with its outcome ("right", "unresolved" or "wrong: ..."), by script."""
    found: dict[str, list[Outcome]] = {"latin": [], "persian": []}
    for row in rows(heldout):
        if row["column"] == "province":
            match = geocoder.province(row["name"])
        else:
            match = geocoder.place(row["name"])
        if match.status != "matched":
            outcome = "unresolved"
        elif match.province_iso != row["province_iso"]:
            outcome = f"wrong: {match.province_iso} ({match.prison or match.city})"
        else:
            outcome = "right"
        found[row["script"]].append((row, outcome))
    return found


def xfail_if(request: pytest.FixtureRequest, reason: str) -> None:
    """Make this test a strict xfail on the file being tested when ``reason`` says why."""
    if reason:
        request.applymarker(pytest.mark.xfail(strict=True, reason=reason))


def wrong_names(outcomes: dict[str, list[Outcome]]) -> dict[str, str]:
    return {
        row["name"]: outcome
        for found in outcomes.values()
        for row, outcome in found
        if outcome.startswith("wrong")
    }


def share_right(found: list[Outcome]) -> float:
    return sum(outcome == "right" for _, outcome in found) / len(found)


def not_right(found: list[Outcome]) -> list[str]:
    return [row["name"] for row, outcome in found if outcome != "right"]


def test_the_set_is_large_sourced_and_new(heldout: HeldOut) -> None:
    table = rows(heldout)
    assert len(table) >= heldout.least
    assert sum(row["script"] == "latin" for row in table) >= heldout.least_latin
    assert sum(row["script"] == "persian" for row in table) >= heldout.least_persian
    assert {row["script"] for row in table} == {"latin", "persian"}
    assert {row["column"] for row in table} == {"place", "province"}
    assert all(row["url"].startswith("http") and row["organisation"] for row in table)
    assert all(re.fullmatch(r"IR-(0\d|[12]\d|30)", row["province_iso"]) for row in table)
    names = [heldout.same_name(row["name"]) for row in table]
    assert len(names) == len(set(names))
    old = {
        heldout.same_name(row["name"])
        for name in earlier(heldout)
        for row in read_rows(DATA / name)
    }
    assert not set(names) & old


def test_no_name_lands_in_a_wrong_province(
    request: pytest.FixtureRequest, heldout: HeldOut, outcomes: dict[str, list[Outcome]]
) -> None:
    xfail_if(request, heldout.wrong_open)
    assert wrong_names(outcomes) == {}


def test_no_other_name_lands_in_a_wrong_province(
    heldout: HeldOut, outcomes: dict[str, list[Outcome]]
) -> None:
    """While a file's known wrong placements are open (a strict xfail above), no new one appears."""
    assert set(wrong_names(outcomes)) <= heldout.known_wrong


def test_latin_names_keep_their_measured_floor(
    heldout: HeldOut, outcomes: dict[str, list[Outcome]]
) -> None:
    assert share_right(outcomes["latin"]) >= heldout.latin_floor, not_right(outcomes["latin"])


def test_persian_names_keep_their_measured_floor(
    heldout: HeldOut, outcomes: dict[str, list[Outcome]]
) -> None:
    assert share_right(outcomes["persian"]) >= heldout.persian_floor, not_right(outcomes["persian"])


def test_persian_names_reach_the_target(
    request: pytest.FixtureRequest, heldout: HeldOut, outcomes: dict[str, list[Outcome]]
) -> None:
    xfail_if(request, heldout.persian_target_open)
    assert share_right(outcomes["persian"]) >= 0.95, not_right(outcomes["persian"])


def test_latin_names_reach_the_target(
    request: pytest.FixtureRequest, heldout: HeldOut, outcomes: dict[str, list[Outcome]]
) -> None:
    xfail_if(request, heldout.latin_target_open)
    assert share_right(outcomes["latin"]) >= 0.97, not_right(outcomes["latin"])
