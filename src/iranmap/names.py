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
from dataclasses import dataclass
from functools import lru_cache

from iranmap._letters import fold as fold  # (re-exported: the keys below are built on it)
from iranmap.latin_phrases import plain, undescribed
from iranmap.name_words import (
    ADJECTIVE_BEFORE_OF,
    COUNTY_NOISE,
    DESCRIPTORS,
    DETENTION_WORDS,
    DIRECTION_OF,
    DIRECTION_WORDS,
    EZAFE,
    IRAN_DIRECTIONS,
    LEADING_MARKERS,
    LOCATIVES,
    MARKERS,
    NEAR_AFTER,
    NEAR_WORDS,
    PASHTO_OF,
    PLACE_NOISE,
    POSSESSIVES,
    PRISON_WORDS,
    PROVINCE_NOISE,
    PROVINCE_WORDS,
    ROMANIAN_DIN,
    SCANDINAVIAN_IN,
    SPACED_MARKERS,
    TOWN_WORDS,
    VILLAGE_WORDS,
    WHICH_WORDS,
)

_VOWELS = "aiu"
_Y_BETWEEN_VOWELS = re.compile(f"(?<=[{_VOWELS}])y(?=[{_VOWELS}])")
_REPEATS = re.compile(r"(.)\1+")
# "ow" before a consonant or at a word's end is the vowel Persian writes و after a fatha, which
# transliterations also write "ou", "o" or "u" ("Nowshahr", "Noushahr", "Khosrow"); before a
# vowel, w is a consonant ("Kowar" stays "kovar").
_OW_DIPHTHONG = re.compile(r"ow(?![aeiouy])")
_ASCII_WORD = re.compile(r"[a-z]+")


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
    kept = [word for word in words if word not in noise and word not in EZAFE]
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
    words = _drop_noise(fold(text).split(), PLACE_NOISE)
    return "".join(_latin(word) for word in words)


@lru_cache(maxsize=4096)
def province_key(text: str) -> str:
    """The matching key of a province name ("Ostan-e Azarbayjan-e Sharqi" -> "eastazarbaijan").

    Like :func:`key`, with province noise ("province", "ostan", "and"/"va") instead of prison
    noise, and direction words (east/sharqi/شرقی, ..., razavi) moved to the front in English.
    """
    words = [_latin(word) for word in _drop_noise(fold(text).split(), PROVINCE_NOISE)]
    rest = [word for word in words if word not in _DIRECTIONS]
    if not rest:  # a name that is only a direction word stays what it is
        return "".join(words)
    return "".join([_DIRECTIONS[word] for word in words if word in _DIRECTIONS] + rest)


@lru_cache(maxsize=4096)
def county_key(text: str) -> str:
    """The matching key of a county's name ("Shahrestan-e Mamasani", "Contea di Mamasani",
    "شهرستان ممسنی" -> the key of "Mamasani"): :func:`key` with the words for county, prison and
    central left out as well."""
    words = _drop_noise(fold(text).split(), COUNTY_NOISE | PLACE_NOISE | PRISON_WORDS)
    return "".join(_latin(word) for word in words)


_DIRECTIONS = {
    _latin(fold(word)): direction for direction, words in DIRECTION_WORDS.items() for word in words
}


def joined_directions(name_key: str) -> tuple[str, ...]:
    """A :func:`province_key` that begins with a direction word of three letters or more run onto
    the rest ("Nordkhorasan", "Östazarbaijan", Swedish and Danish), read as that direction and
    the rest ("northxurasan"), once for each such word, the longest word first (Latvian
    "rietumu", west, begins like Lithuanian "rytų", east); none if it has none."""
    return tuple(
        _DIRECTIONS[word] + name_key[len(word) :]
        for word in _JOINABLE.get(name_key[:2], ())
        if name_key.startswith(word) and len(name_key) - len(word) >= 4
    )


#: The direction words :func:`joined_directions` reads run onto a name, the longest first.
_JOINABLE: dict[str, tuple[str, ...]] = {}  # by their first two letters, longest first
for _word in sorted((w for w in _DIRECTIONS if len(w) >= 3), key=len, reverse=True):
    _JOINABLE[_word[:2]] = (*_JOINABLE.get(_word[:2], ()), _word)


def province_direction(name_key: str) -> tuple[str, str]:
    """A :func:`province_key` split into its direction words and the rest ("north", "xurasan").

    The rest of a key with no direction word is the whole key.
    """
    for direction in DIRECTION_WORDS:
        if name_key.startswith(direction) and len(name_key) > len(direction):
            rest_direction, rest = province_direction(name_key[len(direction) :])
            return direction + rest_direction, rest
    return "", name_key


# -- a place name as reports write it --------------------------------------------------------

# Characters that set a qualifier apart: brackets, commas, semicolons, slashes; and a dash
# between spaces in any script ("کوچصفهان - گیلان"), as :data:`~iranmap.latin_phrases.DASH`
# reads it in Latin ones (read only in a name with a dash: most have none).
_PARTS = re.compile(r"[()\[\],;/،؛]")
_SPACED_DASH = re.compile(r"\s+[-–—]\s+")


@dataclass(frozen=True)
class PlaceName:
    """A name split the way a reader splits it: ``core``, the matching key of what names the
    place ("Ghezel Hesar Prison in Karaj" -> key of "Ghezel Hesar"); ``context``, the keys of
    the parts that say where it is ("karaj"); ``says_prison``, whether a word says "prison".
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
    #: Whether a word says it is a city or town ("ciudad de Bam"): not a village.
    says_town: bool = False
    #: The keys of what the name says the place is near ("... near Shiraz", "قرب شيراز", "west
    #: of Tehran"): not where it is, but never far from it.
    near: tuple[str, ...] = ()
    #: Whether a word says the place is a village ("village of Foo", "روستای فلان"): not the
    #: town of its name.
    says_village: bool = False
    #: Whether a word says a women's prison ("زندان زنان", "سجن النساء"): the town's prison
    #: for women, which is not any prison of the town.
    says_women: bool = False


@lru_cache(maxsize=65536)
def parse_place(text: str) -> PlaceName:
    """Split ``text`` into the key of its name, the keys of its qualifiers, and its kind.

    Brackets, commas and the words "in", "at", "of" (Persian "در") set a qualifier apart,
    unless what comes before them is only descriptors ("Central Prison of Karaj" names Karaj).
    Descriptors ("prison", "central", "women's", "زندان", "مرکزی", ...) are dropped.
    """
    text = unwrapped(text)
    text = SCANDINAVIAN_IN.sub(r"\1 in", SPACED_MARKERS.sub("in", text))
    text = ROMANIAN_DIN.sub(r"\1 in", text)
    text = DIRECTION_OF.sub(" near ", LEADING_MARKERS.sub("in ", IRAN_DIRECTIONS.sub(" ", text)))
    dashed = "-" in text or "–" in text or "—" in text
    split = _PARTS.split(_SPACED_DASH.sub("،", text) if dashed else text)
    head, *rest = [part for part in split if part.strip()] or [""]
    head, *owners = _owner_first(head)
    rest = [*owners, *rest]
    words = fold(head).split()
    says_prison = any(word in PRISON_WORDS for word in words)
    core, context = _split_at_marker(words)
    contexts = [context] if context else []
    for part in rest:
        part_words = fold(part).split()
        says_prison = says_prison or any(word in PRISON_WORDS for word in part_words)
        near = [i for i, word in enumerate(part_words) if word in NEAR_WORDS]
        if part_words in _CENTRAL_PROVINCE:  # "Karaj (Markazi)": a province, not "central"
            part_words = [*part_words, "province"]
        contexts.append(_bare(part_words[: near[0]] if near else part_words))  # ", west of X"
    keys = tuple(k for k in (_context_key(c) for c in contexts) if k)
    core_key = _join(core) or key(head)
    core_words = tuple(w for w in (_latin(word) for word in core) if w)
    folded = fold(text).split()
    says_detention = any(word in DETENTION_WORDS for word in folded)
    # (not the "Markazi" of a province apart: "Saveh, Markazi Province" names no facility)
    which = [
        w for p in (head, *(p for p in rest if not _province_part(p))) for w in fold(p).split()
    ]
    says_which = not says_detention and _says_which(which)
    says_town = any(word in TOWN_WORDS for word in folded)
    near_keys = tuple(k for part in (head, *rest) if (k := _near_key(fold(part).split())))
    says_village = any(word in VILLAGE_WORDS for word in folded)
    says_women = any(word in WOMEN_WORDS for word in folded)
    return PlaceName(
        core_key,
        keys,
        says_prison,
        core_words,
        says_which,
        says_detention,
        says_town,
        near_keys,
        says_village,
        says_women,
    )


def _says_which(words: list[str]) -> bool:
    """Whether a word of ``words`` says which of a town's prisons (:data:`WHICH_WORDS`), not the
    name of Markazi ("central") beside a word for province and no word for prison: "اراک، استان
    مرکزی", "Arak, Markazi Province" name the town of Arak, not its central prison."""
    for at, word in enumerate(words):
        if word not in WHICH_WORDS:
            continue
        beside = [
            w for w in (*words[max(at - 2, 0) : at], *words[at + 1 : at + 2]) if w not in EZAFE
        ]
        if not (PROVINCE_WORDS & set(beside)) or PRISON_WORDS & set(beside):
            return True
    return False


def unwrapped(text: str) -> str:
    """``text`` without what Latin-script words around its name say only of where in the country
    it lies or what its province or town is like (:func:`iranmap.latin_phrases.plain`: "dans le
    sud de l'Iran", "northern province of", and :data:`ADJECTIVE_BEFORE_OF`: "província central
    de", "città curda di")."""
    return described_away(plain(text))


def described_away(text: str, *, any_case: bool = False) -> str:
    """``text`` without the adjectives that describe its province or town ("northern province
    of", "província central de"), which a province's name read as written may take for its own
    direction ("provincia settentrionale del Khorasan": North Khorasan)."""
    return ADJECTIVE_BEFORE_OF.sub(_without_adjective, undescribed(text, any_case=any_case))


def _province_part(part: str) -> bool:
    """Whether ``part`` is Markazi named as a province apart (:data:`_CENTRAL_PROVINCE`, "Markazi
    Province", "Central Province")."""
    words = fold(part).split()
    return words in _CENTRAL_PROVINCE or (
        bool({"markazi", "central"} & set(words)) and says_province(part)
    )


#: A qualifier apart that is only the name of the province whose name is the word for "central",
#: Markazi: the province, read as "Markazi Province" is (a name's own "Markazi" after a place,
#: "Karaj Markazi", is its central prison).
_CENTRAL_PROVINCE = (["markazi"], ["markazi", "province"])


def _without_adjective(found: re.Match[str]) -> str:
    """The word for city (or "the") that :data:`ADJECTIVE_BEFORE_OF` found, without the
    adjective after (or before) it."""
    return found.group(1) or found.group(2)


def _near_key(words: list[str]) -> str:
    """The key of what ``words`` say their place is near: the words after a word for "near"
    ("Ghezel Hesar near Tehran" -> "tehran"), or those before Turkish's ("Tahran yakınındaki
    ..."); empty where no such word is."""
    for index, word in enumerate(words):
        if word in NEAR_WORDS:
            return _context_key(_bare(words[index + 1 :]))
        if word in NEAR_AFTER:
            return _context_key(_bare(words[:index]))
    return ""


#: The words of :data:`~iranmap.name_words.WHICH_WORDS` that say which prison is a women's.
WOMEN_WORDS = frozenset({"women", "womens", "woman", "wanita", "زنان", "للنسا", "النسا"})
WOMEN_WORDS |= {"عورتون", "خواتین"}

_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")  # (a letter of Arabic script)
# Urdu's "near", after its postposition and what the place is near ("زاہدان کے قریب"): the
# words before it are what the place is near (read as Arabic's "قرب" before them), not its owner.
_NEAR_AFTER_OF = frozenset({"قریب", "نزدیک"})
_NEAR = "قرب"


def _owner_first(text: str) -> list[str]:
    """``text`` as its place's own words, then the words that say what it belongs to, where an
    Urdu, Punjabi, Sindhi or Pashto name puts the owner first ("صوبہ گلستان کی گرگان جیل" ->
    "گرگان جیل", "صوبه گلستان"): the place is the last run of words between postpositions that
    names something, the runs before it are where it is (and the runs that only say "jail",
    which still say it is a prison). ``text`` as it is if it has no such word."""
    if not _ARABIC_SCRIPT.search(text):  # (its postpositions are all in Arabic letters)
        return [text]
    words = fold(text).split()
    between = POSSESSIVES | ({PASHTO_OF} if words[:1] == [PASHTO_OF] else set())
    if not between & set(words):
        return [text]
    runs: list[list[str]] = [[]]
    for word in words:
        if word in between:
            runs.append([])
        else:
            runs[-1].append(word)
    for at in range(1, len(runs)):  # "تہران کے قریب قزل حصار جیل": Ghezel Hesar, near Tehran
        if runs[at][:1] and runs[at][0] in _NEAR_AFTER_OF and _bare(runs[at][1:]):
            runs[at - 1], runs[at] = [_NEAR, *runs[at - 1]], runs[at][1:]
    named = [at for at, run in enumerate(runs) if _bare(run)]
    if not named:
        return [text]
    own = named[-1]
    return [" ".join(run) for run in (runs[own], *runs[:own], *runs[own + 1 :]) if run]


def says_province(text: str) -> bool:
    """Whether ``text`` has a word for "province" ("Fars Province", "استان فارس")."""
    return any(word in PROVINCE_WORDS for word in fold(text).split())


def named_words(text: str) -> str:
    """``text`` folded, without its descriptors, prison words and markers: the words that name
    a place ("Central Prison of Fars Province" -> "fars province"), not yet a key."""
    return " ".join(_bare(fold(text).split()))


def _split_at_marker(words: list[str]) -> tuple[list[str], list[str]]:
    """(name words, qualifier words): at the first marker with a name before it."""
    for index, word in enumerate(words):
        if word in NEAR_WORDS:
            return _bare(words[:index]), []
        if word in NEAR_AFTER:
            return _split_at_marker(words[index + 1 :])
        if word in LOCATIVES and index and _bare(words[index + 1 :]):  # (with a province word)
            return _bare(words[index + 1 :]), _bare(words[: index + (word in PROVINCE_WORDS)])
        if word in LOCATIVES and index:  # "Bukan'daki cezaevi": the prison in Bukan
            return _bare(words[:index]), []
        if word in PROVINCE_WORDS and _bare(words[:index]) and _bare(words[index + 1 :]):
            # "زندان قزلحصار ولایت البرز", "Ghezel Hesar Ostan-e Alborz": the place, then the
            # province it is in
            return _bare(words[:index]), _bare(words[index + 1 :])
        if word in MARKERS:
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


def _context_key(words: list[str]) -> str:
    """The key of a qualifier's words; a province named with a word for province in any language
    ("provinsi Fars", "Provinz Teheran", "wilayeta Loristanê") keyed as "Fars Province" is, the
    form the index knows every province by."""
    if not any(word in PROVINCE_WORDS for word in words):
        return _join(words)
    rest = [word for word in words if word not in PROVINCE_NOISE or word == _VA]
    return key(" ".join([*rest, "province"])) if rest else _join(words)


#: Persian's "and", which the provinces' Persian names keep ("سیستان و بلوچستان"), as the index
#: knows them.
_VA = "و"


#: Sorani's joining mark written apart after a name in quotation marks ("زیندانی "شەیبان" ـی
#: ئەهواز"), and Persian's ezafe so written: the ezafe of the word before, no word of its own.
_JOINING_MARK = frozenset({"ی"})
_DROP = DESCRIPTORS | PRISON_WORDS | MARKERS | EZAFE | PLACE_NOISE | _JOINING_MARK
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
