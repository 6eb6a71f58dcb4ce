"""More names as other languages' letters and endings write them: Kurmanji's and Uzbek's vowels,
and the case endings of the languages of :mod:`iranmap._words_by_language`.

Stage: a name as written -> the same name as an English transliteration would write it, like
:mod:`iranmap.spellings` (whose helpers these use), to try when the name as written places
nothing. Each function only respells; the geocoder decides what a respelling may place
(:mod:`iranmap.geocode._affixes`).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import partial

from iranmap._words_by_language import LANGUAGES
from iranmap.names import fold
from iranmap.spellings import CASE_STEM, LONE_C, as_polish, as_slavic, cased, in_name_words

# Kurmanji writes Persian's j as c, as Turkish does ("Kerec", "bajarê Kerac": Karaj), and its
# vowels otherwise than English: its e and i for Persian's a ("Neqede" for Naqadeh, "Tikab" for
# Takab). A name that reads as Kurmanji (a letter or word of its own) is tried with c as j and
# with e (but a name's final e, Persian's final heh: "Bane") or i, or both, as a: guesses to take
# only where the consonants alone name one place, as Turkish e for a is (:func:`turkish_vowels`).
_KURMANJI_LETTERS = re.compile("[êîûÊÎÛ]")
_KURMANJI_WORDS = frozenset(
    {"bajar", "bajare", "bajari", "girtigeh", "girtigeha", "girtigehe", "zindan", "zindana"}
    | {"li", "ya", "navendi", "wilayet", "wilayeta", "parezgeh", "parezgeha", "saristan", "gund"}
)
_KURMANJI_CASE = re.compile(r"(?<=\w\w)(?:(?<=[aeiouîû])y)?ê$", re.IGNORECASE)
_KURMANJI_A = (
    re.compile(r"e(?=\w)", re.IGNORECASE),
    re.compile("i", re.IGNORECASE),
    re.compile(r"e(?=\w)|i", re.IGNORECASE),
)


def kurmanji_vowels(text: str) -> tuple[str, ...]:
    """The forms of a name that reads as Kurmanji with c as j, then also with e (not final) as
    a, i as a, or both, in the words that may name the place, without their case ending
    ("bajarê Kerac" -> "bajarê Keraj", "bajarê Karaj"; "Neqedeyê" -> "Naqade"); none for a
    name with no Kurmanji letter or word."""
    if not (_KURMANJI_LETTERS.search(text) or _KURMANJI_WORDS & set(fold(text).split())):
        return ()
    forms = [_kurmanji_words(text, None)]
    forms += [_kurmanji_words(text, vowel) for vowel in _KURMANJI_A]
    return tuple(dict.fromkeys(form for form in forms if form != text))


def _kurmanji_words(text: str, vowel: re.Pattern[str] | None) -> str:
    """``text`` with each word that may name a place without its case ending, with c as j, and
    with ``vowel`` as a."""
    words = []
    for word in text.split():
        if fold(word) not in _KURMANJI_WORDS:
            word = LONE_C.sub(partial(cased, "j"), _KURMANJI_CASE.sub("", word))
            word = vowel.sub(partial(cased, "a"), word) if vowel else word
        words.append(word)
    return " ".join(words)


#: The languages that join case endings to a town's name, each with all its words.
_WITH_ENDINGS = tuple((words, words.all()) for words in LANGUAGES.values() if words.endings)


def language_cases(text: str) -> tuple[str, ...]:
    """The forms of a name with a word of a language that joins case endings to a town's name
    (:data:`iranmap._words_by_language.LANGUAGES`: Finnish "vankila Teheranissa", Hungarian
    "teheráni börtön", Basque "Teherango kartzela"), each with one ending cut from the last of
    its other words (not an earlier one: "Khomeyni Shahri" is Khomeyni Shahr with an ending,
    not Khomeyn), to a stem of CASE_STEM letters at least: guesses to take only where they give
    a place's name exactly."""
    text = unicodedata.normalize("NFC", text)
    folded, words = set(fold(text).split()), text.split()
    forms = []
    for language, own in _WITH_ENDINGS:
        if not folded & own:
            continue
        names = [at for at, word in enumerate(words) if fold(word) not in own]
        if not names:
            continue
        at = names[-1]
        word, bare = words[at], fold(words[at])
        forms += [
            " ".join([*words[:at], word[: -len(ending)], *words[at + 1 :]])
            for ending in language.endings
            if word.isalpha() and bare.endswith(ending) and len(bare) - len(ending) >= CASE_STEM
        ]
    return tuple(dict.fromkeys(forms))


# Uzbek writes Persian's a as o ("Tehron", "Isfahon", "Qozvin"): a name with an Uzbek word is
# tried with o as a, a guess to take as Kurmanji's vowels are (:func:`kurmanji_vowels`).
_UZBEK_WORDS = LANGUAGES["Uzbek"].all()


def uzbek_vowels(text: str) -> tuple[str, ...]:
    """``text`` with o as a in the words that may name a place ("Tehron shahri" -> "Tehran
    shahri"), if it has an Uzbek word; none otherwise."""
    if not _UZBEK_WORDS & set(fold(text).split()):
        return ()
    words = text.split()
    form = " ".join(w if fold(w) in _UZBEK_WORDS else _UZBEK_O.sub(_as_a, w) for w in words)
    return (form,) if form != text else ()


_UZBEK_O = re.compile("[oO]")


def _as_a(found: re.Match[str]) -> str:
    return "A" if found.group() == "O" else "a"


# Polish, Czech, Slovak, Croatian, Serbian, Bosnian and Slovenian pages decline a town's name
# ("w Teheranie", "w Szirazie", "v Šíráze", "v Teheránu", "u Teheranu", "zaporu v Urmiji", "iz
# Teherana"), make an adjective of it ("adelabadskom väzení", "evinskom zatvoru": of Adelabad,
# of Evin), and write its letters their own way: sz, cz, dż, ż and š, č, ž, dž for sh, ch, zh
# and j, j for y ("Jasudž", Yasuj), h for kh ("Horamšahr", "Huzestan"; Czech ch: "Chorramšahr").
# A name with a word of these languages (or their "in": w, v, u) or a letter only they write is
# tried with its last word's ending cut (a soft consonant made hard again: "Meszhedzie",
# "Urmii"), with its adjectives as the names they are made of, and as English writes its
# letters: guesses to take only where they give a place's name exactly.
_SLAVIC = ("Polish", "Czech and Slovak", "Croatian, Serbian and Bosnian", "Slovenian")
_SLAVIC_WORDS = frozenset().union(*(LANGUAGES[language].all() for language in _SLAVIC))
#: "in" and "from" ("w Teheranie", "v Šíráze", "iz Teherana"), read as "in" in the forms, or
#: dropped where they begin the name.
_SLAVIC_IN = frozenset({"w", "we", "v", "ve", "vo", "u", "iz"})
_SLAVIC_LETTERS = re.compile("[ąęłńśźżćšžčřěůďťľĺŕđ]|sz|cz", re.IGNORECASE)
#: Case endings, longest first, each with what it stands for at the end of the name.
_SLAVIC_CASES = (
    *(("dzie", "d"), ("cie", "t"), ("rze", "r"), ("iji", "ia"), ("ii", "ia"), ("ie", "")),
    *(("iu", ""), ("ě", ""), ("u", ""), ("e", ""), ("i", ""), ("a", "")),
)
_SLAVIC_ADJECTIVE = re.compile(
    r"(?<=\w{3})[sc]k(?:[aáeéiíoóuyý]|om|oj|ém|em|ej|ego|iego|im|ich|ých|ým|ého|ému|ou)$",
    re.IGNORECASE,
)
#: The fewest letters a name's stem keeps ("w Kumie", in Qom).
_SLAVIC_STEM = 3
_SLAVIC_H = re.compile(r"\b([Hh])(?=[^\W\dh])|([Cc])h")


def slavic_cases(text: str, around: frozenset[str]) -> tuple[str, ...]:
    """The forms of a name that reads as Polish, Czech, Slovak or South Slavic (a word or a
    letter of theirs) with its last word's case ending cut, its adjectives made of names as
    those names, and its letters as English writes them ("w Szirazie" -> "w Shiraz",
    "adelabadskom väzení v Šíráze" -> "adelabad väzení v Shiraz", "grada Horamšahr" -> "grada
    Khoramshahr"); none for a name that does not read so. ``around``: the words around a
    name in any language (for prison, city, province), which are left as they are."""
    text = unicodedata.normalize("NFC", text)
    words = text.split()
    folded = [fold(word) for word in words]
    own = _SLAVIC_WORDS | _SLAVIC_IN
    if not (own & set(folded) or _SLAVIC_LETTERS.search(text)):
        return ()
    names = [at for at, word in enumerate(folded) if word not in own and word not in around]
    if not names:
        return ()
    pairs = enumerate(zip(words, folded, strict=True))
    choices = [
        [word] if bare not in _SLAVIC_IN else ["in" if at else ""] for at, (word, bare) in pairs
    ]
    for at in names:
        word = words[at]
        adjective = _SLAVIC_ADJECTIVE.search(word)
        if adjective and word.isalpha():
            choices[at].append(word[: adjective.start()])
    last = words[names[-1]]  # the name's last word, ending the name ("Khomeini Shahriu")
    for ending, instead in _SLAVIC_CASES if last.isalpha() and names[-1] == len(words) - 1 else ():
        stem = last[: -len(ending)] + instead
        bare = fold(stem)  # a name, not a word around one ("Shahrie" is no "shahri", city)
        if last.casefold().endswith(ending) and len(bare) >= _SLAVIC_STEM and bare not in around:
            choices[names[-1]].append(stem)
    forms = [" ".join(filter(None, chosen)) for chosen in itertools.product(*choices)]
    spelled = [other for form in forms for other in _slavic_letters(form)]
    return tuple(dict.fromkeys(form for form in (*forms, *spelled) if form != text))


def _slavic_letters(text: str) -> tuple[str, ...]:
    """``text`` as English writes Polish letters, and Czech and South Slavic ones (with j as y,
    and h or Czech ch as kh), in the words that may name a place."""
    slavic = as_slavic(text)
    with_y = as_slavic(in_name_words(text, partial(_LONE_J.sub, partial(cased, "y"))))
    kh = [in_name_words(form, partial(_SLAVIC_H.sub, _as_kh)) for form in (slavic, with_y)]
    return (as_polish(text), slavic, with_y, *kh)


_LONE_J = re.compile(r"(?<![dD][žŽ])[jJ]")


def _as_kh(found: re.Match[str]) -> str:
    letter = found.group(1) or found.group(2)
    return "Kh" if letter.isupper() else "kh"


# Kurdish and Turkish pages, and English ones by ear, drop the h of "shahr" (town) that ends a
# town's name ("Piranshar", "Darashar", "Mahşar"): a name that places nothing is tried with it.
_SHAR = re.compile(r"(?<=\w\w)(sh|ş)ar\b", re.IGNORECASE)


def shahr_forms(text: str) -> tuple[str, ...]:
    """``text`` with a word's final "shar" (or "şar") written "shahr" ("Darashar" ->
    "Darashahr"); none if it has none."""
    form = _SHAR.sub(lambda found: found.group(1) + "ahr", text)
    return (form,) if form != text else ()


# Turkish sets a case ending apart from a proper name by an apostrophe ("Isfahan'da", in Isfahan;
# "Urmiye'den", from Urmia; "Kerec'e", to Karaj; "Zahidan'ın", of Zahedan), a sign of Turkish
# even in a name with no Turkish letter: a name that places nothing is tried with it cut.
# Not a lone vowel, nor "in" after the apostrophe: transliterations write Persian's hamza so
# ("Raja'i Shahr", "Sa'in Dezh").
_APOSTROPHE_CASE = re.compile(
    r"(?<=\w\w)['’](?:n[ıiuü]n|[ıuü]n|[ıuü]|[yn][ae]|n?[dt][ae](?:ki|n)?)(?!\w)"
)  # (in lower case: with case ignored, ı would be i)


def apostrophe_cases(text: str) -> tuple[str, ...]:
    """``text`` without the Turkish case endings set apart by an apostrophe ("Isfahan'da" ->
    "Isfahan"); none if it has none."""
    form = _APOSTROPHE_CASE.sub("", text)
    return (form,) if form != text else ()
