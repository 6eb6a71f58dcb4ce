"""Name normalisation: one spelling per place, whatever script or transliteration a report used.

Stage: a name as written -> a normal form that two spellings of the same place share.

Reports spell the same prison a dozen ways ("Qezelhessar", "Ghezel Hesar", "Zendan-e
Ghezelhesar", "زندان قزل‌حصار"). Two layers take the variation out:

- :func:`fold` removes what is never meaningful: case, diacritics, punctuation, spacing, and
  the Arabic/Persian code-point variants of the same letter (Arabic yeh and kaf, hamza carriers,
  ZWNJ, tatweel, Arabic-Indic digits). Its result is still readable.
- :func:`key` goes further: it drops words that describe the kind of place rather than which
  one ("prison", "central", "zendan-e", "زندان"), joins the words (so spacing and "-abad"
  hyphenation do not count) and folds common Latin transliteration variants (q/gh, kh/x, e/i,
  o/ou/oo/u, doubled letters, -iyeh/-ieh, y between vowels). It is a matching key, not a name:
  never show it to a reader.

:func:`province_key` is :func:`key` for province names: "central" and "مرکزی" are a province's
name there (Markazi), and direction words are put first so that "Azerbaijan, East" and "East
Azerbaijan", "Khorasan-e Razavi" and "Razavi Khorasan" agree.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Code points that are the same letter for a Persian reader, mapped to the Persian form.
_PERSIAN_LETTERS = str.maketrans(
    {
        "\u064a": "\u06cc",  # ARABIC LETTER YEH -> FARSI YEH
        "\u0649": "\u06cc",  # ALEF MAKSURA -> FARSI YEH
        "\u06d2": "\u06cc",  # YEH BARREE -> FARSI YEH
        "\u0643": "\u06a9",  # ARABIC LETTER KAF -> KEHEH
        "\u06aa": "\u06a9",  # SWASH KAF -> KEHEH
        "\u0629": "\u0647",  # TEH MARBUTA -> HEH
        "\u06c0": "\u0647",  # HEH WITH YEH ABOVE -> HEH
        "\u06c1": "\u0647",  # HEH GOAL -> HEH
        "\u06c2": "\u0647",  # HEH GOAL WITH HAMZA ABOVE -> HEH
        "\u06be": "\u0647",  # HEH DOACHASHMEE -> HEH
        "\u06d5": "\u0647",  # AE (what HEH WITH YEH ABOVE decomposes to) -> HEH
        "\u0671": "\u0627",  # ALEF WASLA -> ALEF
        "\u0621": "",  # a bare HAMZA carries no letter
        "\u0640": "",  # TATWEEL only stretches a word
        "\u200c": "",  # ZERO WIDTH NON-JOINER: same word with or without it
        "\u200d": "",  # ZERO WIDTH JOINER
        "\u200e": "",  # LEFT-TO-RIGHT MARK
        "\u200f": "",  # RIGHT-TO-LEFT MARK
        "\ufeff": "",  # BYTE ORDER MARK / ZERO WIDTH NO-BREAK SPACE
        "\u0131": "i",  # LATIN SMALL LETTER DOTLESS I (Turkish-style transliterations)
        "\u0259": "e",  # LATIN SMALL LETTER SCHWA: Azeri "Təbriz", "Ərdəbil"
        "\u018f": "E",  # LATIN CAPITAL LETTER SCHWA
    }
)

# A word-final ê is Kurmanji's case ending, not part of the name: "girtîgeha Îsferaynê" is
# "the prison of Esfarayen", "li Urmiyê" "in Urmia". No Persian transliteration ends a word
# with it.
_KURMANJI_ENDING = re.compile(r"(?<=\w\w)[êÊ](?!\w)")

# Sorani (Kurdish in Arabic script) letters, read as the Persian letters they write: "بۆکان" is
# "بوکان", "ورمێ" "ورمی", "ڕ" and "ڵ" the heavy r and l. Its vowel letter ە is written where
# Persian writes no letter ("سەقز" is "سقز", "مەهاباد" "مهاباد") except at a word's end, where it
# is Persian's final heh ("سنە", "ارومیە"); and a word's first ئ carries a vowel, Persian's ا
# ("ئیلام" is "ایلام").
_SORANI_LETTERS = str.maketrans({"ێ": "ی", "ۆ": "و", "ڕ": "ر", "ڵ": "ل", "ڤ": "و"})
_SORANI_INNER_VOWEL = re.compile("\u06d5(?=[\u0620-\u06ff])")
_SORANI_FIRST_HAMZA = re.compile("(?<![\u0620-\u06ff])\u0626")
# Kurdish writes Persian's "-abad" (a settlement) as "-awa": Sorani "دیزڵئاوا" is "دیزل آباد",
# "ئیسلامئاوا" "اسلام آباد" (Kurmanji "Dîzelawa" in Latin letters is left to near matching).
_SORANI_ABAD = re.compile("(?<=[\u0620-\u06ff])\u0626\u0627\u0648\u0627(?![\u0620-\u06ff])")

# Arabic-Indic (U+0660..) and Extended Arabic-Indic / Persian (U+06F0..) digits -> ASCII.
_DIGITS = str.maketrans(
    {chr(base + d): str(d) for base in (0x0660, 0x06F0) for d in range(10)},
)

# Unicode categories that separate words: punctuation (incl. hyphens, apostrophes, the Arabic
# comma), symbols, modifier letters used as ayn/hamza marks (ʿ ʼ), and separators.
_SEPARATOR_CATEGORIES = ("P", "S", "Z", "Lm", "Cc", "Cf")

# Words that say what kind of place a name is, not which one. "zendan"/"zendane" is Persian
# for prison, "markazi" for central; "ندامتگاه" is the official word for a penitentiary.
_PLACE_NOISE = frozenset(
    {
        "prison",
        "prisons",
        "central",
        "zendan",
        "zendane",
        "markazi",
        "jail",
        "penitentiary",
        "the",
        "of",
        "in",
        "زندان",
        "مرکزی",
        "ندامتگاه",
    }
)

# Province names carry other noise: the word for "province" in the languages reports are
# written in (English, French, Italian, Spanish, German, Persian and its transliteration:
# "Provincia di Razavi Khorasan", "Provinz Teheran", "Ostan-e Fars", "استان فارس"; Turkish
# "Kürdistan eyaleti", "Tahran ili"; Kurdish "پارێزگای کوردستان", "parêzgeha Kurdistanê"; an
# English "Kerman state"), the word "Iranian" around it ("provincia iraniana del Khuzestan",
# "iranische Provinz Kurdistan"), the small words around it ("of", "di", "de", "del",
# "der"...), and "and" between two regions.
_PROVINCE_NOISE = frozenset(
    {"province", "provinces", "provincia", "provincie", "provinz", "provence", "provinsi"}
    | {"ostan", "ostane", "ostaan", "estan", "استان", "الاستان", "state", "region"}
    | {"eyaleti", "eyalet", "ili", "vilayeti", "vilayet", "parezgeh", "parezgeha"}
    | {"پاریزگا", "پاریزگای", "iranian", "iraniana", "iraniano", "iranische", "iranischen"}
    | {"iranien", "iranienne", "irani", "irania", "iranska", "iranske", "provins", "provinsen"}
    | {"iran", "ایران"}  # "Kurdistan, Iran", "كردستان إيران"
    | {"the", "of", "di", "del", "della", "dell", "de", "du", "des", "der", "la", "le", "el"}
    # Arabic (محافظة, إقليم, ولاية, with its article; "in"), Dari (ولایت) and Urdu (صوبہ) words
    # for province
    | {"محافظه", "المحافظه", "اقلیم", "الاقلیم", "ولایه", "الولایه", "ولایت", "فی", "صوبه"}
    # "and" in English, Persian, German, French, Spanish, Italian, Norwegian and Danish,
    # Swedish, Turkish, Kurmanji and Dutch ("Sistan og Baluchistan", "Sîstan û Belûçistan")
    | {"and", "va", "o", "und", "et", "y", "ed", "و", "og", "och", "ve", "u", "en"}
)

# A county (shahrestan) is named with the word for county in the languages reports are written
# in ("Mamasani County", "Shahrestan-e Mamasani", "شهرستان ممسنی", "Contea di Mamasani",
# "Verwaltungsbezirk Mamasani", "comté de", "condado de", Turkish "ilçesi", Kurmanji "şaristan"),
# with the small words around it.
_COUNTY_NOISE = frozenset(
    {"county", "counties", "shahrestan", "shahrestane", "sharestan", "schahrestan", "شهرستان"}
    | {"contea", "verwaltungsbezirk", "comte", "condado", "ilcesi", "saristan", "sharistan"}
    | {"the", "of", "di", "del", "della", "de", "du", "des", "der", "la", "le", "el", "ye"}
)

# The Persian ezafe ("Bandar-e Abbas", "Markazi-ye Karaj"): written or left out at will, so a
# key ignores it when it stands as its own word.
_EZAFE = frozenset({"e", "ye"})

# Direction words of province names as written, and the word each becomes in a key: English,
# Persian and its transliteration, German, French, Italian, Spanish, Dutch, Turkish, Kurmanji
# ("Xurasana Bakur", "Kuzey Horasan", "Azerbaiyán Occidental") and Arabic, whose adjective
# takes the feminine ending and the article ("أذربيجان الغربية", "خراسان الرضوية"), folded.
_DIRECTION_WORDS = {
    "east": (
        *("east", "sharqi", "sharghi", "shargi", "شرقی", "ost", "orientale", "oriental"),
        *("este", "oost", "dogu", "rojhilat", "rojhelat", "الشرقیه", "شرقیه"),
    ),
    "west": (
        *("west", "gharbi", "qarbi", "غربی", "occidentale", "occidental", "ouest"),
        *("oeste", "bati", "rojava", "الغربیه", "غربیه"),
    ),
    "north": (
        *("north", "shomali", "shemali", "shumali", "شمالی", "nord", "settentrionale"),
        *("norte", "noord", "kuzey", "bakur", "الشمالیه", "شمالیه"),
    ),
    "south": (
        *("south", "jonubi", "jonoubi", "junubi", "جنوبی", "sud", "süd", "meridionale"),
        *("sur", "zuid", "guney", "basur", "الجنوبیه", "جنوبیه"),
    ),
    "razavi": ("razavi", "rezavi", "rezevi", "رضوی", "الرضویه", "رضویه"),
}

_VOWELS = "aiu"
_Y_BETWEEN_VOWELS = re.compile(f"(?<=[{_VOWELS}])y(?=[{_VOWELS}])")
_REPEATS = re.compile(r"(.)\1+")
# "ow" before a consonant or at a word's end is the vowel Persian writes و after a fatha, which
# transliterations also write "ou", "o" or "u" ("Nowshahr", "Noushahr", "Khosrow"); before a
# vowel, w is a consonant ("Kowar" stays "kovar").
_OW_DIPHTHONG = re.compile(r"ow(?![aeiouy])")
_ASCII_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """``text`` without case, diacritics, punctuation or script variants; words kept.

    "Qezel-Ḥeṣār" -> "qezel hesar"; "زندانِ قزل‌حصار" (with kasra and ZWNJ) -> "زندان قزلحصار";
    Arabic yeh/kaf become Persian yeh/keheh; Persian and Arabic-Indic digits become ASCII.
    """
    text = _KURMANJI_ENDING.sub("", unicodedata.normalize("NFKC", text))
    text = _SORANI_INNER_VOWEL.sub("", text.translate(_SORANI_LETTERS))
    text = _SORANI_ABAD.sub("اباد", text)
    text = _SORANI_FIRST_HAMZA.sub("ا", text)
    text = text.translate(_PERSIAN_LETTERS).casefold()
    decomposed = unicodedata.normalize("NFD", text)
    chars: list[str] = []
    for char in decomposed:
        category = unicodedata.category(char)
        if category == "Mn":  # accents, Arabic harakat, hamza and madda above/below
            continue
        chars.append(" " if category.startswith(_SEPARATOR_CATEGORIES) else char)
    text = unicodedata.normalize("NFC", "".join(chars))
    # NFC may recompose nothing here, but the letter map runs again for forms that only
    # appear once the hamza above is gone (e.g. HEH WITH YEH ABOVE -> AE).
    text = text.translate(_PERSIAN_LETTERS).translate(_DIGITS)
    return " ".join(text.split())


@lru_cache(maxsize=65536)
def _latin(word: str) -> str:
    """One folded Latin word in transliteration normal form ("ghezel" -> "qizil")."""
    if not word.isascii():
        return word
    # German transliterations: Karadsch, Kermanschah, Tschabahar
    word = word.replace("dsch", "j").replace("tsch", "ch").replace("sch", "sh")
    word = _OW_DIPHTHONG.sub("o", word)  # Nowshahr/Noushahr, Gowhardasht/Gohardasht
    word = word.replace("kh", "x").replace("gh", "q").replace("dj", "j").replace("w", "v")
    word = word.replace("o", "u")  # o, ou, oo, u: Qom/Qum, Bojnourd/Bojnurd, Kouhdasht
    if word.endswith("eh") and len(word) > 3:  # the silent final heh: Saveh/Save
        word = word[:-1]
    word = word.replace("e", "i")  # Esfahan/Isfahan, Hesar/Hisar, Rajaei/Rajaii
    word = _Y_BETWEEN_VOWELS.sub("", word)  # Orumiyeh/Orumieh, Kohgiluyeh
    if len(word) > 1:  # a y after the first letter is a vowel: Khoy/Khoi, Rey/Rei
        word = word[0] + word[1:].replace("y", "i")
    return _REPEATS.sub(r"\1", word)  # Hessar/Hesar, Abbas/Abas, Rajaii/Rajai


def _drop_noise(words: list[str], noise: frozenset[str]) -> list[str]:
    """``words`` without the noise words and ezafes ("zendan e evin" -> ["evin"])."""
    kept = [word for word in words if word not in noise and word not in _EZAFE]
    # A name made only of noise words ("Central Prison") is still a name: keep it whole.
    return kept or words


@lru_cache(maxsize=65536)
def key(text: str) -> str:
    """The matching key of a prison or city name: two spellings of one place share it.

    "Qezelhessar", "Ghezel Hesar", "Ghezelhesar Prison", "Qezel-Hesar" -> "qizilhisar";
    "Central Karaj", "Karaj Central Prison", "زندان مرکزی کرج" -> "karaj" / "کرج".
    Noise words ("prison", "central", "zendan-e", "زندان", ...) are dropped wherever they
    are, then the words are joined without spaces.
    """
    words = _drop_noise(fold(text).split(), _PLACE_NOISE)
    return "".join(_latin(word) for word in words)


@lru_cache(maxsize=4096)
def province_key(text: str) -> str:
    """The matching key of a province name ("Ostan-e Azarbayjan-e Sharqi" -> "eastazarbaijan").

    Like :func:`key`, with province noise ("province", "ostan", "and"/"va") instead of prison
    noise, and direction words (east/sharqi/شرقی, ..., razavi) moved to the front in English.
    """
    words = [_latin(word) for word in _drop_noise(fold(text).split(), _PROVINCE_NOISE)]
    rest = [word for word in words if word not in _DIRECTIONS]
    if not rest:  # a name that is only a direction word stays what it is
        return "".join(words)
    return "".join([_DIRECTIONS[word] for word in words if word in _DIRECTIONS] + rest)


@lru_cache(maxsize=4096)
def county_key(text: str) -> str:
    """The matching key of a county's name ("Shahrestan-e Mamasani", "Contea di Mamasani",
    "شهرستان ممسنی" -> the key of "Mamasani"): :func:`key` with the words for county, prison and
    central left out as well."""
    words = _drop_noise(fold(text).split(), _COUNTY_NOISE | _PLACE_NOISE | _PRISON_WORDS)
    return "".join(_latin(word) for word in words)


_DIRECTIONS = {
    _latin(fold(word)): direction for direction, words in _DIRECTION_WORDS.items() for word in words
}


def province_direction(name_key: str) -> tuple[str, str]:
    """A :func:`province_key` split into its direction words and the rest ("north", "xurasan").

    The rest of a key with no direction word is the whole key.
    """
    for direction in _DIRECTION_WORDS:
        if name_key.startswith(direction) and len(name_key) > len(direction):
            rest_direction, rest = province_direction(name_key[len(direction) :])
            return direction + rest_direction, rest
    return "", name_key


# -- a place name as reports write it --------------------------------------------------------

# Words for a detention centre ("بازداشتگاه مرکزی شیراز"): a place of detention, but not the
# town's prison, so "central" in its name does not make it the central prison.
_DETENTION_WORDS = frozenset({"بازداشتگاه", "detention", "detencion", "haftzentrum"})
# Words that say a place is a prison ("زندان", "ندامتگاه": prison, penitentiary; and the words
# for a detention centre), in the languages reports are written or republished in.
_PRISON_WORDS = frozenset(
    {"prison", "prisons", "jail", "jails", "gaol", "penitentiary", "zendan", "zendane"}
    | {"زندان", "زندانهای", "ندامتگاه", "سجن", "السجن", "محبس", "جیل"}
    | _DETENTION_WORDS
    # German (with its genitive and plural), Italian, Spanish, Portuguese, French and Dutch:
    # Gefängnis, Gefängnisses, Zentralgefängnis, carcere, carceri, maison d'arrêt, gevangenis
    | {"gefangnis", "gefangnisses", "gefangnisse", "gefangnissen", "haftanstalt"}
    | {"zentralgefangnis", "zentralgefangnisses", "zentralgefangnissen"}
    | {"carcere", "carceri", "prigione", "prigioni", "penitenziario", "carcel"}
    | {"prision", "prisao", "penitenciaria", "maison", "arret", "gevangenis", "gevangenissen"}
    | {"penitencier", "penitentiaire", "penal", "penitenciario", "justizvollzugsanstalt"}
    # Turkish (cezaevi, with its case endings; hapishane), Kurmanji (girtîgeh, zindan) and
    # Sorani in Arabic script (بەندیخانە, زیندان)
    | {"cezaevi", "cezaevinde", "cezaevine", "cezaevinden", "hapishane", "hapishanesi"}
    | {"hapishanesinde", "girtigeh", "girtigeha", "girtigehe", "zindan", "zindana"}
    # Norwegian, Danish and Swedish, often joined to the name by a hyphen ("Zanjan-fengselet",
    # "Gohardasht-fängelset"): fengsel, fængsel, fängelse, with their definite forms
    | {"fengsel", "fengselet", "fengsler", "fængsel", "fængslet", "fangelse", "fangelset"}
    | {"fangelser", "fangelserna"}
    | {"بندیخانه", "بندیخانهی", "بندیخانی", "زیندان", "زیندانی"}
)
# Words that describe a prison or town without naming it: "central", "women's", "ward" (and
# "unit", "hall", "house" of detention...), "county", "city" (also in Spanish, Italian,
# Portuguese, German and Arabic: "cárcel de la ciudad de", "città di", "مدينة"), "holy" ("città
# santa di Qom"); and the possessive "s" left by "Urmia's".
_DESCRIPTORS = frozenset(
    {"central", "markazi", "main", "women", "womens", "woman", "ward", "county", "city", "town"}
    | {"centrale", "zentral", "merkez", "navendi", "center", "centre", "ville"}
    | {"ciudad", "citta", "cidade", "stadt", "مدینه", "المدینه"}
    | {"holy", "santa", "santo", "sainte", "heilige", "heiligen"}
    | {"the", "s", "shahrestan", "shahrestane", "ya", "la"}
    | {"il", "lo", "le", "les", "los", "las", "het", "die", "das", "dem"}  # articles
    | {"unit", "section", "hall", "block", "wing", "house", "سالن", "واحد", "centro"}
    # Turkish case endings, cut from the word by an apostrophe ("Urmiye Cezaevi'nde")
    | {"nde", "nda", "nden", "ndan", "ndeki", "ndaki", "nin", "nun"}
    | {"مرکزی", "زنان", "بند", "شهرستان", "های", "ها", "المرکزی"}
)
# Descriptors that tell one of a town's prisons from the others: its central prison, its
# women's prison. A name with one of them names a facility, not only a town.
_WHICH_WORDS = frozenset(
    {"central", "markazi", "main", "women", "womens", "woman", "مرکزی", "زنان", "المرکزی"}
    | {"centrale", "zentral", "zentralgefangnis", "centrali", "merkez", "navendi"}
    | {"zentralgefangnisses", "zentralgefangnissen"}
)
# Words after which the rest of a name is where the place is ("Evin Prison in Tehran"; Arabic
# "في" and "بمدينة", in the city of; Sorani "لە").
_MARKERS = frozenset(
    {"in", "at", "of", "near", "در", "واقع", "فی", "بمدینه", "له"}
    | {"von", "im", "bei", "di", "del", "della", "nel", "nella", "de", "du", "d", "des", "presso"}
)
# Short words for "in" or "at" in French, Italian, Spanish and Dutch ("prison de Dizel-Abad à
# Kermanchah", "prigione di Ghezel Hesar a Karaj", "gevangenis te Urmia"). They are markers only
# as words of their own between spaces: "Qa'en" (a town) must not become "Qa" in "en".
_SPACED_MARKERS = re.compile(r"(?<=\s)(?:à|a|au|en|dans|te|bij|van)(?=\s)", re.IGNORECASE)
# Norwegian, Danish and Swedish "i" (in) after their word for prison ("fengselet i Bojnurd"):
# only there, since a transliteration may write the ezafe as a lone "i" ("Masjed i Soleyman").
_SCANDINAVIAN_IN = re.compile(
    r"\b(fengsel(?:et)?|f[æa]ngsle?t?|f[äa]ngelse(?:t)?)\s+i(?=\s)", re.IGNORECASE
)
# Words after which the rest of a name says only what the place is near ("Ghezel Hesar Prison
# near Tehran", "nahe", "vicino a", "près de", "cerca de", Arabic "قرب", Persian "نزدیک"): not
# where it is, so that rest is dropped rather than read as the place's town or province, which
# it may contradict.
_NEAR_WORDS = frozenset(
    {"near", "nearby", "outside", "nahe", "vicino", "pres", "cerca", "قرب", "نزدیک", "نزدیکی"}
)
# Turkish locatives, cut from their place by an apostrophe: "Kerec'deki Kızılhisar Cezaevi" is
# "the Kızılhisar prison that is in Karaj". Unlike a marker, the place comes before them.
_LOCATIVES = frozenset({"deki", "daki", "teki", "taki"})
# Characters that set a qualifier apart: brackets, commas, semicolons, slashes.
_PARTS = re.compile(r"[()\[\],;/،؛]")


@dataclass(frozen=True)
class PlaceName:
    """A name split the way a reader splits it.

    ``core`` is the matching key of what names the place ("Ghezel Hesar Prison in Karaj" ->
    key of "Ghezel Hesar"); ``context`` the keys of the parts that say where it is ("karaj");
    ``says_prison`` whether any word says it is a prison.
    """

    core: str
    context: tuple[str, ...]
    says_prison: bool
    words: tuple[str, ...] = ()  # the keys of the core's words, in order
    #: Whether a word names which of a town's prisons ("central", "women's", "مرکزی"):
    #: "Isfahan Central Prison" names a facility where "Isfahan Prison" names only a town.
    says_which: bool = False
    #: Whether it names a detention centre ("بازداشتگاه", "detention"): a place of the town,
    #: never one of its prisons.
    says_detention: bool = False


@lru_cache(maxsize=65536)
def parse_place(text: str) -> PlaceName:
    """Split ``text`` into the key of its name, the keys of its qualifiers, and its kind.

    Brackets, commas and the words "in", "at", "of" (Persian "در") set a qualifier apart,
    unless what comes before them is only descriptors ("Central Prison of Karaj" names Karaj).
    Descriptors ("prison", "central", "women's", "زندان", "مرکزی", ...) are dropped.
    """
    text = _SCANDINAVIAN_IN.sub(r"\1 in", _SPACED_MARKERS.sub("in", text))
    head, *rest = [part for part in _PARTS.split(text) if part.strip()] or [""]
    words = fold(head).split()
    says_prison = any(word in _PRISON_WORDS for word in words)
    core, context = _split_at_marker(words)
    contexts = [context] if context else []
    for part in rest:
        part_words = fold(part).split()
        says_prison = says_prison or any(word in _PRISON_WORDS for word in part_words)
        contexts.append(_bare(part_words))
    keys = tuple(k for k in (_join(c) for c in contexts) if k)
    core_key = _join(core) or key(head)
    core_words = tuple(w for w in (_latin(word) for word in core) if w)
    folded = fold(text).split()
    says_detention = any(word in _DETENTION_WORDS for word in folded)
    says_which = not says_detention and any(word in _WHICH_WORDS for word in folded)
    return PlaceName(core_key, keys, says_prison, core_words, says_which, says_detention)


# The words for "province" themselves (without the small words around them).
_PROVINCE_WORDS = frozenset(
    {"province", "provinces", "provincia", "provincie", "provinz", "provins", "provinsen"}
    | {"ostan", "ostane", "ostaan", "استان", "eyaleti", "eyalet", "vilayeti", "vilayet"}
    | {"parezgeh", "parezgeha", "پاریزگا", "پاریزگای"}
)


def says_province(text: str) -> bool:
    """Whether ``text`` has a word for "province" ("Fars Province", "استان فارس")."""
    return any(word in _PROVINCE_WORDS for word in fold(text).split())


def named_words(text: str) -> str:
    """``text`` folded, without its descriptors, prison words and markers: the words that name
    a place ("Central Prison of Fars Province" -> "fars province"), not yet a key."""
    return " ".join(_bare(fold(text).split()))


def _split_at_marker(words: list[str]) -> tuple[list[str], list[str]]:
    """(name words, qualifier words): at the first marker with a name before it."""
    for index, word in enumerate(words):
        if word in _NEAR_WORDS:
            return _bare(words[:index]), []
        if word in _LOCATIVES and index and _bare(words[index + 1 :]):
            return _bare(words[index + 1 :]), _bare(words[:index])
        if word in _MARKERS:
            before, after = _bare(words[:index]), words[index + 1 :]
            if before:
                return before, _bare(after)
            return _split_at_marker(after)
    return _bare(words), []


def _bare(words: list[str]) -> list[str]:
    """``words`` without descriptors, prison words, markers, ezafes, and numbers ("Ward 209",
    "ward 2A": a part of the prison, never a place's name)."""
    return [word for word in words if word not in _DROP and not any(map(str.isdigit, word))]


def _join(words: list[str]) -> str:
    return "".join(_latin(word) for word in words)


_DROP = _DESCRIPTORS | _PRISON_WORDS | _MARKERS | _EZAFE | _PLACE_NOISE
_SKELETON_DROP = re.compile(r"(?<=.)[aiuy]")
_PERSIAN_SKELETON_DROP = re.compile("(?<=.)[اویآ]")
# Persian letters that differ only by their dots, folded to one ("قرل" for "قزل" is a slip of
# a dot): a skeleton compares the letters' shapes.
_RASM = str.maketrans(
    {
        "ز": "ر",
        "ژ": "ر",
        "ذ": "د",
        "پ": "ب",
        "ت": "ب",
        "ث": "ب",
        "چ": "ج",
        "خ": "ح",
        "ش": "س",
        "ض": "ص",
        "ظ": "ط",
        "غ": "ع",
        "گ": "ک",
    }
)


@lru_cache(maxsize=65536)
def skeleton(name_key: str) -> str:
    """A key without its vowels, and with q/k as one letter: the consonants a Latin
    transliteration keeps ("qizilhisar" and "ghezelhesar" both -> "kzlhsr").

    Vowels after the first letter, long Persian vowel letters (ا و ی) after the first letter,
    and a final Persian heh are dropped; Persian letters that differ only by dots are one;
    doubled letters are collapsed.
    """
    if name_key.isascii():
        text = _SKELETON_DROP.sub("", name_key.replace("q", "k"))
    else:
        text = _PERSIAN_SKELETON_DROP.sub("", name_key).translate(_RASM)
        text = text[:-1] if text.endswith("ه") and len(text) > 2 else text
    return _REPEATS.sub(r"\1", text)
