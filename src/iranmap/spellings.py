"""Persian names as other languages' letters write them: Turkish, Spanish, French, German,
Dutch and Kurmanji.

Stage: a name as written -> the same name as an English transliteration would write it, to try
when the name as written places nothing. Each function only respells; the geocoder decides
what a respelling may place (:mod:`iranmap.geocode._affixes`, :mod:`iranmap.geocode.provinces`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache, partial

from iranmap._words_by_language import LANGUAGES
from iranmap.name_words import (
    COUNTY_NOISE,
    DESCRIPTORS,
    MARKERS,
    PRISON_WORDS,
    PROVINCE_NOISE,
    PROVINCE_WORDS,
    TOWN_WORDS,
)
from iranmap.names import fold

# Turkish and Kurmanji write "sh" and "ch" as ş and ç ("Kirmanşan"), where GeoNames writes ş for
# the Persian ص ("Qaşr-e Shīrīn"): a name that places nothing with ş as s is tried with sh.
# (One place with sh is taken even where s left two: "Pîranşar" is Piranshahr, not Ramsar.)
_AS_TURKISH = str.maketrans({"ş": "sh", "Ş": "Sh", "ç": "ch", "Ç": "Ch"})


def as_turkish(text: str) -> str:
    """``text`` with Turkish and Kurmanji ş and ç written sh and ch ("Kirmanşah" ->
    "Kirmanshah") in the words that may name a place (not "şəhərində", in the city): what to
    try when a name with them places nothing as it is folded."""
    return _in_words(text, _AS_TURKISH)


# Turkish has no kh: it writes Persian's خ as h ("Hürremşehr", "Huzistan", "Horasan", "Hoy"),
# as it writes ه and ح. It writes Persian's j as c ("Kerec", "Zencan"), its gh as ğ ("Merağa"),
# and its a as e ("Erdebil", "Hemedan", "Tebriz"), as Azerbaijani writes it ə ("Ərdəbil",
# "Həmədan", "Zəncan"). A name that may be Turkish or Azerbaijani (a letter of theirs: ş, ç, ğ,
# ı, ə, or ü and ö, which German shares but writes no Persian kh as h; or a Turkish word around
# the name) is tried with a word's first h as kh, and then with c as j, ğ as gh and e and ə as a,
# once it places nothing otherwise (e as a only where the consonants name one place: see
# :func:`turkish_vowels`).
_TURKISH_LETTERS = re.compile("[şçğıüöəŞÇĞİÜÖƏ]")
_AS_PERSIAN_SOUNDS = str.maketrans({"c": "j", "C": "J", "ğ": "gh", "Ğ": "Gh", "ə": "a", "Ə": "A"})
_AS_PERSIAN_A = str.maketrans({"e": "a", "E": "A"})
_TURKISH_WORDS = frozenset(
    {"eyaleti", "eyalet", "ili", "vilayeti", "vilayet", "kenti", "sehri", "sehrindeki"}
    | {"cezaevi", "cezaevinde", "cezaevine", "cezaevinden", "hapishane", "hapishanesi"}
    | {"hapishanesinde", "deki", "daki", "teki", "taki"}
    | {"zindani", "zindaninda", "zindanina", "zindandan", "hebsxana", "hebsxanasi", "seheri"}
)
#: ... and its words for prison, city and province with their case endings ("vilayətinin").
_INFLECTED = LANGUAGES["Turkish and Azerbaijani, with case endings"].all()
_FIRST_H = re.compile(r"\b([Hh])(?=[^\W\dh])")


def _as_kh(found: re.Match[str]) -> str:
    return "Kh" if found.group(1) == "H" else "kh"


def as_kh(text: str) -> str:
    """``text`` with each word's first h as kh ("Huzistan" -> "Khuzistan"), as a Turkish name
    writes Persian's kh."""
    return _FIRST_H.sub(_as_kh, text)


def turkish_forms(text: str) -> tuple[str, ...]:
    """The forms to try of a name that may be Turkish, in order, each unlike ``text``: with ş
    and ç as sh and ch (:func:`as_turkish`), then, if it reads as Turkish or Azerbaijani, also
    with each word's first h as kh ("Huzistan eyaleti" -> "Khuzistan eyaleti"), and with c as
    j, ğ as gh and ə as a, without and with kh ("Zəncan" -> "Zanjan", "Kerec" -> "Kerej")."""
    forms = [as_turkish(text)]
    if _reads_turkish(text):
        kh = " ".join(word if _around(word) else as_kh(word) for word in forms[0].split())
        forms += [kh, _in_words(forms[0], _AS_PERSIAN_SOUNDS), _in_words(kh, _AS_PERSIAN_SOUNDS)]
    return tuple(dict.fromkeys(form for form in forms if form != text))


def turkish_vowels(text: str) -> tuple[str, ...]:
    """The forms of :func:`turkish_forms` with e as a too ("Erdebil" -> "Ardabil"), for a name
    that may be Turkish or Azerbaijani: a guess to take only where the consonants alone name
    one place, since Persian's e and i are e too ("Meleyer" is Malayer, not Malar)."""
    if not _reads_turkish(text):
        return ()
    forms = (_in_words(form, _AS_PERSIAN_A) for form in (text, *turkish_forms(text)))
    return tuple(dict.fromkeys(form for form in forms if form != text))


# Turkish and Azerbaijani join a case ending to a town's name, without the apostrophe Turkish
# writes after a proper name when a page leaves it out ("Təbrizdə", in Tabriz; "Urmudan", from
# Urmia): locative and ablative endings of two letters or more, longest first, each with its
# vowels of both harmonies. Not the dative's lone vowel ("Kerece", to Karaj), nor -ye: Turkish
# writes Persian's final heh as e ("Bane" is Baneh, not "to Ben").
_TURKISH_CASES = (
    *("daki", "deki", "dəki", "taki", "teki", "təki", "dan", "den", "dən", "tan", "ten", "tən"),
    *("da", "de", "də", "ta", "te", "tə"),
)
# ... and the genitive, -nın after a vowel and -ın after a consonant, in each harmony, which goes
# on the town before what is its, not only on a name's last word ("Tehranın Evin zindanı",
# Tehran's Evin prison; "Ərdəbilin zindanı", Ardabil's prison). A name is not cut to fewer than
# CASE_STEM letters by it (nor by another language's ending): "Kerun cezaevi" is Karun's
# prison, not Ker's (Qir).
_TURKISH_GENITIVES = ("nın", "nin", "nun", "nün", "ın", "in", "un", "ün")
CASE_STEM = 4


def turkish_cases(text: str) -> tuple[str, ...]:
    """The forms of a name that may be Turkish or Azerbaijani with a case ending cut: the
    locative or ablative of the last word of its place's name ("Təbrizdə" -> "Təbriz",
    "Kerecdeki Merkez Cezaevi" -> "Kerec Merkez Cezaevi"), then the genitive of any of its
    words ("Tehranın Evin zindanı" -> "Tehran Evin zindanı"), each ending in turn: guesses to
    take only where they give a place's name exactly. A locative goes on a name's last word
    ("Neshta Ruddan" is from Neshta Rud)."""
    if not _reads_turkish(text):
        return ()
    words = text.split()
    around = _TURKISH_WORDS | _AROUND | _INFLECTED
    names = [at for at, word in enumerate(words) if fold(word) not in around]
    cuts = [(names[-1], ending, 3) for ending in _TURKISH_CASES] if names else []
    cuts += [(at, ending, CASE_STEM) for at in names for ending in _TURKISH_GENITIVES]
    forms = (
        " ".join([*words[:at], words[at][: -len(ending)], *words[at + 1 :]])
        for at, ending, stem in cuts
        if words[at].isalpha()
        and words[at].casefold().endswith(ending)
        and len(words[at]) - len(ending) >= stem
    )
    return tuple(dict.fromkeys(forms))


#: Words around a Turkish name that are not the place's: "central".
_AROUND = frozenset({"merkez", "merkezi"})


def _reads_turkish(text: str) -> bool:
    return bool(_TURKISH_LETTERS.search(text) or _TURKISH_WORDS & set(fold(text).split()))


def _in_words(text: str, table: dict[int, str]) -> str:
    """``text`` translated by ``table`` in the words that name the place (not "cezaevi" and
    the other Turkish words around it)."""
    return " ".join(word if _around(word) else word.translate(table) for word in text.split())


def _around(word: str) -> bool:
    """Whether ``word`` is a Turkish or Azerbaijani word around a name, not the name's own
    (a word for prison, city or province, with its endings: "həbsxanasında")."""
    return all(part in _TURKISH_WORDS or part in _WRAPPERS for part in fold(word).split())


# Spanish writes Persian's kh as j ("Juzestán", "Jorasán", "cárcel de Jorramabad"), where
# Persian's own j is written j too ("Jiroft"): a name that places nothing is tried with kh.
# Spanish also writes Persian's j as y ("Zanyán", "Biryand"), as it writes y ("Yazd").
_AS_SPANISH = str.maketrans({"j": "kh", "J": "Kh"})
_SPANISH_Y = str.maketrans({"j": "kh", "J": "Kh", "y": "j", "Y": "J"})


def as_spanish(text: str) -> str:
    """``text`` with Spanish j written kh ("Juzestán" -> "Khuzestán")."""
    return text.translate(_AS_SPANISH)


def spanish_y(text: str) -> str:
    """``text`` with Spanish j written kh and y written j ("Zanyán" -> "Zanján")."""
    return text.translate(_SPANISH_Y)


# French writes Persian's sh as ch and its ch as tch ("Machhad", "Tchabahar"), and adds an e
# after a sounded final n ("Evine"): a name that places nothing is tried as English writes it.
_FRENCH_CH = re.compile(r"(t?)(c)h", re.IGNORECASE)
_FRENCH_NE = re.compile(r"(?<=[aeiouéè]n)e\b", re.IGNORECASE)


def _english_ch(found: re.Match[str]) -> str:
    """French tch as ch, French ch as sh, keeping the first letter's case."""
    letter = "c" if found.group(1) else "s"
    return (letter.upper() if found.group()[0].isupper() else letter) + "h"


def as_french(text: str) -> str:
    """``text`` with French spellings of Persian sounds written as English does: ch is sh,
    tch is ch, and a final e that only marks a sounded n is dropped ("Machhad" -> "Mashhad",
    "Baloutchistan" -> "Balouchistan", "prison d'Evine" -> "prison d'Evin")."""
    return _FRENCH_NE.sub("", _FRENCH_CH.sub(_english_ch, text))


# German writes Persian's kh as ch ("Chorramabad", "Chuzestan"), its y as j ("Jasd", "Jasudsch")
# and its z as s, as it writes s ("Sandschan", "Sahedan"; but "Semnan"); its sh as sch and j as
# dsch, which every key already reads. A name that places nothing is tried with ch as kh and j as
# y, and then with one s, or every s, as z.
_GERMAN_CH = re.compile(r"(?<![stST])([cC])h")
_AS_GERMAN_J = str.maketrans({"j": "y", "J": "Y"})
_GERMAN_S = re.compile(r"[sS](?!ch)")


def _german_kh(found: re.Match[str]) -> str:
    return "Kh" if found.group(1) == "C" else "kh"


def german_forms(text: str) -> tuple[str, ...]:
    """``text`` as German writes Persian names, respelled as English writes them: ch as kh,
    then also j as y, then also one s, or every s, as z ("Sandschan" -> "Zandschan")."""
    kh = _GERMAN_CH.sub(_german_kh, text)
    y = kh.translate(_AS_GERMAN_J)
    esses = [found.start() for found in _GERMAN_S.finditer(y)]
    z = [y[:i] + ("Z" if y[i] == "S" else "z") + y[i + 1 :] for i in esses]
    if len(esses) > 1:
        z.append(_GERMAN_S.sub(lambda found: "Z" if found.group() == "S" else "z", y))
    return tuple(dict.fromkeys(form for form in (kh, y, *z) if form != text))


# Dutch writes Persian's u as oe, sh as sj, ch as tsj and j as dzj ("Beloetsjistan", "Masjhad",
# "Sjiraz"): a name that places nothing is tried as English writes them.
_DUTCH = re.compile("oe|tsj|dzj|sj", re.IGNORECASE)
_FROM_DUTCH = {"oe": "u", "tsj": "ch", "dzj": "j", "sj": "sh"}


def as_dutch(text: str) -> str:
    """``text`` with Dutch oe, sj, tsj and dzj written u, sh, ch and j ("Beloetsjistan" ->
    "Beluchistan")."""
    return _DUTCH.sub(_from_dutch, text)


def _from_dutch(found: re.Match[str]) -> str:
    english = _FROM_DUTCH[found.group().lower()]
    return english.capitalize() if found.group()[0].isupper() else english


# Kurdish (Kurmanji) writes Persian's "-abad" (a settlement) as "-awa" ("Dîzelawa" for Dizel
# Abad), as Sorani writes "ئاوا" (which :func:`iranmap.names.fold` reads).
_KURMANJI_AWA = re.compile(r"(?<=\w\w)awa\b", re.IGNORECASE)


# Kurmanji's case ending ê replaces a name's own final e ("Banê", "Sinê": Baneh, Sine), which
# :func:`iranmap.names.fold` drops as an ending: read as that e where it gives a name exactly.
_KURMANJI_E = re.compile(r"(?<=\w\w)ê\b", re.IGNORECASE)


def as_kurmanji(text: str) -> str:
    """``text`` with Kurmanji "-awa" written "-abad" ("Dîzelawa" -> "Dîzelabad") and a final ê
    written e ("Banê" -> "Bane")."""
    return _KURMANJI_E.sub("e", _KURMANJI_AWA.sub("abad", text))


# Polish writes Persian's sh as sz, ch as cz, kh as ch, j as dż (or dź), zh as ż, and y as j
# ("Jasudż" for Yasuj, "Sziraz", "Chorramabad"): a name with a Polish letter or digraph that
# places nothing is tried as English writes them.
_POLISH = re.compile("d[żź]|sz|cz|ch|rz|[żźśćłńó]|j", re.IGNORECASE)
_FROM_POLISH = {"dż": "j", "dź": "j", "sz": "sh", "cz": "ch", "ch": "kh", "rz": "zh", "ż": "zh"}
_FROM_POLISH |= {"ź": "z", "ś": "sh", "ć": "ch", "ł": "l", "ń": "n", "ó": "u", "j": "y"}
_READS_POLISH = re.compile("sz|cz|[żźśćłń]", re.IGNORECASE)


# Polish declines a town's name after its "w" (in) and its words for prison ("więzienie w
# Teheranie", "w Karadżu", "w Kermanszahu"): the locative endings, longest first.
_POLISH_CASES = ("iu", "ie", "ii", "u")
_POLISH_WORDS = frozenset({"wiezienie", "wiezieniu", "wiezienia", "zaklad", "zakladzie", "karny"})


def polish_cases(text: str) -> tuple[str, ...]:
    """The forms of a Polish name ("więzienie w Teheranie", "zakład karny w Karadżu") with
    its last word's locative ending cut, as English writes Polish letters ("... w Teheran",
    "... w Karaj"): guesses to take only where they give a place's name exactly."""
    words = text.split()
    if not words or not (_POLISH_WORDS & set(fold(text).split())) or not words[-1].isalpha():
        return ()
    last = words[-1]
    forms = [
        " ".join([*words[:-1], last[: -len(ending)]])
        for ending in _POLISH_CASES
        if last.casefold().endswith(ending) and len(last) - len(ending) >= 3
    ]
    return tuple(dict.fromkeys(f for form in forms for f in (form, as_polish(form))))


def as_polish(text: str) -> str:
    """``text`` with Polish letters written as English writes them ("Jasudż" -> "Yasuj"), or
    ``text`` itself if it has no letter or digraph only Polish writes (sz, cz, ż, ś, ć, ł, ń)."""
    if not _READS_POLISH.search(text):
        return text
    return in_name_words(text, partial(_POLISH.sub, _from_polish))


def _from_polish(found: re.Match[str]) -> str:
    english = _FROM_POLISH[found.group().lower()]
    return english.capitalize() if found.group()[0].isupper() else english


# Czech, Slovak, Croatian, Serbian, Slovenian, Latvian and Lithuanian write Persian's sh, ch, zh
# and j as š, č, ž and dž or đ ("Kermanšáh", "Balúčistán", "Karadž"): a name with one of these
# letters that places nothing is tried as English writes them.
# (and so do Romanian ș and ț, for sh and ts: "Mașhad"; and Albanian xh for j: "Azerbajxhan")
_SLAVIC = re.compile("dž|đ|xh|[ščžćșț]", re.IGNORECASE)
_FROM_SLAVIC = {"dž": "j", "đ": "j", "š": "sh", "č": "ch", "ž": "zh", "ć": "ch"}
_FROM_SLAVIC |= {"ș": "sh", "ț": "ts", "xh": "j"}


def as_slavic(text: str) -> str:
    """``text`` with š, č, ć, ž, dž and đ written sh, ch, ch, zh, j and j ("Kermanšáh" ->
    "Kermanshah", "Karadž" -> "Karaj"), or ``text`` itself if it has none."""
    return in_name_words(text, partial(_SLAVIC.sub, _from_slavic))


def in_name_words(text: str, change: Callable[[str], str]) -> str:
    """``text`` with ``change`` made to each word but its words for prison, province and city
    ("mieście Jasudż" -> "mieście Yasuj", not "mieshcie")."""
    words = text.split(" ")
    return " ".join(w if fold(w) in _WRAPPERS else change(w) for w in words)


# Hungarian writes Persian's sh as s, its s as sz, zh as zs, ch as cs, j as dzs and y as j
# ("Síráz", "Iszfahán", "Kermánsah"): a name with a Hungarian digraph or word that places nothing
# is tried as English writes them.
_HUNGARIAN = re.compile("dzs|sz|zs|cs|s|j", re.IGNORECASE)
_FROM_HUNGARIAN = {"dzs": "j", "sz": "s", "zs": "zh", "cs": "ch", "s": "sh", "j": "y"}
_READS_HUNGARIAN = re.compile("sz|zs|cs|[őű]", re.IGNORECASE)
_HUNGARIAN_WORDS = frozenset({"borton", "bortonben", "varos", "varosban", "tartomany", "megye"})


def as_hungarian(text: str) -> str:
    """``text`` with Hungarian letters written as English writes them ("Kermánsah tartomány" ->
    "Kermánshah tartomány"), in the words that may name a place, or ``text`` itself if it has
    no Hungarian digraph (sz, zs, cs), letter (ő, ű) or word."""
    words = text.split()
    if not (_READS_HUNGARIAN.search(text) or _HUNGARIAN_WORDS & set(fold(text).split())):
        return text
    return " ".join(
        w if fold(w) in _HUNGARIAN_WORDS else _HUNGARIAN.sub(_from_hungarian, w) for w in words
    )


def _from_hungarian(found: re.Match[str]) -> str:
    english = _FROM_HUNGARIAN[found.group().lower()]
    return english.capitalize() if found.group()[0].isupper() else english


def _from_slavic(found: re.Match[str]) -> str:
    english = _FROM_SLAVIC.get(found.group().lower(), found.group())
    return english.capitalize() if found.group()[0].isupper() else english


# English and Italian pages write Persian's gh (غ, ق) as g ("Gaemshahr", "Gezel Hesar"), as
# they write its g: a name that places nothing is tried with a g as gh.
_G = re.compile(r"g(?!h)", re.IGNORECASE)


def g_forms(text: str) -> tuple[str, ...]:
    """``text`` with one g, or every g, written gh ("Gaemshahr" -> "Ghaemshahr")."""
    found = [m.start() for m in _G.finditer(text)]
    forms = [text[:i] + text[i] + "h" + text[i + 1 :] for i in found]
    if len(found) > 1:
        forms.append(_G.sub(lambda m: m.group() + "h", text))
    return tuple(forms)


# Portuguese writes a final -an as -ão or -ã ("Cuzistão", "Curdistão", "Golestão"), Persian's sh
# as x ("Quermanxá", "Xiraz"), its k and kh as c or qu ("Cuzistão", "Quermã"), its s as ç or ss
# ("Coraçone"), and a final -ah as -á. Only a province cell is read so, where the name must then
# be a province's exactly: a town's name read so may be another town's ("Teerã", Tehran, would
# be Tiran of Isfahan).
_PORTUGUESE_LETTERS = re.compile("[ãõáâêôç]", re.IGNORECASE)
_PORTUGUESE_WORDS = frozenset({"provincia", "do", "da", "cidade", "prisao", "estado"})
_PORTUGUESE_END = re.compile(r"(?:ão|ã)\b", re.IGNORECASE)
_PORTUGUESE_AH = re.compile(r"á\b", re.IGNORECASE)
_PORTUGUESE_K = re.compile(r"c(?=[aouãõ])|qu(?=[eiê])", re.IGNORECASE)
_AS_PORTUGUESE = str.maketrans({"x": "sh", "X": "Sh", "ç": "s", "Ç": "S"})


def portuguese_forms(text: str) -> tuple[str, ...]:
    """``text`` as Portuguese writes a Persian name, respelled as English writes it: a final
    -ão or -ã as -an, -á as -ah, x as sh, ç as s, and c (before a, o, u) and qu (before e, i) as
    k, then as kh ("província do Cuzistão" -> "província do Kuzistan", "... Khuzistan"); none
    for a name with no Portuguese letter or word."""
    if not (_PORTUGUESE_LETTERS.search(text) or _PORTUGUESE_WORDS & set(fold(text).split())):
        return ()
    bare = _PORTUGUESE_AH.sub("ah", _PORTUGUESE_END.sub("an", text)).translate(_AS_PORTUGUESE)
    forms = [bare]
    for letter in ("k", "kh"):
        forms.append(_PORTUGUESE_K.sub(partial(cased, letter), bare))
    return tuple(dict.fromkeys(form for form in forms if form != text))


def cased(letter: str, found: re.Match[str]) -> str:
    return letter.capitalize() if found.group()[0].isupper() else letter


# Turkish, Polish, German and Indonesian pages, and English ones by ear, write Persian's q (ق)
# as k ("Kom", "Kazvin", "Kasr-e Shirin"): a name that places nothing is tried with a k as q.
_K = re.compile(r"k(?!h)", re.IGNORECASE)


def k_forms(text: str) -> tuple[str, ...]:
    """``text`` with one k (not in kh), or every k, written q ("Kom" -> "Qom")."""
    found = [m.start() for m in _K.finditer(text)]
    forms = [text[:i] + ("Q" if text[i] == "K" else "q") + text[i + 1 :] for i in found]
    if len(found) > 1:
        forms.append(_K.sub(lambda m: "Q" if m.group() == "K" else "q", text))
    return tuple(forms)


# No English transliteration of Persian writes a c but in ch: a lone c is Turkish and
# Azerbaijani j ("Bocnurd", "Culfa", written without their other letters) or Spanish and
# Italian k ("Cazvin", "Caragi"). A name that places nothing is tried with it as j and as k.
LONE_C = re.compile(r"c(?!h)", re.IGNORECASE)


def c_forms(text: str) -> tuple[str, ...]:
    """``text`` with every lone c (not in ch) of the words that may name a place written j,
    and written k ("Bocnurd" -> "Bojnurd", "carcere di Cazvin" -> "carcere di Kazvin")."""
    words = text.split()
    forms = []
    for letter in ("j", "k"):
        forms.append(" ".join(_c_as(word, letter) for word in words))
    return tuple(dict.fromkeys(form for form in forms if form != " ".join(words)))


def _c_as(word: str, letter: str) -> str:
    if any(part in _NOT_NAMES for part in fold(word).split()):
        return word  # "carcere", "cárcel", "cezaevi": a word around the name
    return LONE_C.sub(lambda m: letter.upper() if m.group().isupper() else letter, word)


_NOT_NAMES = PRISON_WORDS | DESCRIPTORS | MARKERS | PROVINCE_NOISE | COUNTY_NOISE
#: Words for prison, province and city, which a respelling leaves as they are.
_WRAPPERS = PRISON_WORDS | PROVINCE_WORDS | TOWN_WORDS
_KEPT = _WRAPPERS | PROVINCE_NOISE


# Sorani writes a short o as ۆ where Persian writes no letter ("لۆرستان" for "لرستان"), as it
# writes its ە (which :func:`iranmap.names.fold` drops inside a word); Persian writes ۆ's
# sound as و where it is long ("بۆکان", "بوکان"), so a name is tried without it only when it
# places nothing with it.
_SORANI_O = re.compile("(?<=[\u0620-\u06ff])\u06c6(?=[\u0620-\u06ff])")


def without_sorani_o(text: str) -> str:
    """``text`` without the Sorani ۆ inside its words ("لۆرستان" -> "لرستان")."""
    return _SORANI_O.sub("", text)


# Sorani writes Persian's "آب" (water) at a name's end as "او" or "ئاو" ("میاندواو" for
# میاندوآب, "زەهاو" for ذهاب), as it writes "-abad" "ئاوا" (which fold reads).
_SORANI_AW = re.compile("(?<=[\u0620-\u06ff])\u0626?\u0627\u0648(?![\u0620-\u06ff])")


def sorani_ab(text: str) -> str:
    """``text`` with a word's final Sorani "او" or "ئاو" written "اب" ("میاندواو" ->
    "میاندواب")."""
    return _SORANI_AW.sub("\u0627\u0628", text)


@lru_cache(maxsize=65536)  # (asked of a name by several rules)
def respellings(text: str) -> tuple[str, ...]:
    """The respellings of ``text`` to try, in order, when it places nothing as written: as
    Spanish (:func:`as_spanish`, :func:`spanish_y`), French (:func:`as_french`), German
    (:func:`german_forms`), Dutch (:func:`as_dutch`), Kurmanji (:func:`as_kurmanji`), Polish
    (:func:`as_polish`), Czech and the South Slavic languages (:func:`as_slavic`), Hungarian
    (:func:`as_hungarian`) and Sorani (:func:`without_sorani_o`, :func:`sorani_ab`) write
    Persian, with g for gh
    (:func:`g_forms`), a lone c for j or k (:func:`c_forms`) and k for q (:func:`k_forms`). A
    caller takes one only where it gives a name exactly: each is a guess at the language."""
    forms = (as_spanish(text), spanish_y(text), as_french(text), *german_forms(text))
    forms += (as_dutch(text),)
    forms += (as_kurmanji(text), as_polish(text), as_slavic(text), without_sorani_o(text))
    forms += (as_hungarian(text),)
    forms += (sorani_ab(text),)
    forms += g_forms(text)
    forms += (*c_forms(text), *k_forms(text))
    forms = tuple(_around_kept(text, form) for form in forms)
    return tuple(dict.fromkeys(form for form in forms if form != text))


def _around_kept(text: str, form: str) -> str:
    """``form``, a respelling of ``text``, with the words around the name as ``text`` has them
    (a word for prison, city or province, or one that describes one: "zachodniej prowincji
    Chuzestan" -> "zachodniej prowincji Khuzestan", not "zakhodniej")."""
    words, formed = text.split(" "), form.split(" ")
    if len(words) != len(formed):
        return form
    return " ".join(w if _kept(w) else f for w, f in zip(words, formed, strict=True))


@lru_cache(maxsize=4096)
def _kept(word: str) -> bool:
    return all(part in _KEPT for part in fold(word).split())
