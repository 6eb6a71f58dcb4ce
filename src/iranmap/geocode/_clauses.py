"""Perso-Arabic words around a place's name that say nothing of which place it is, or say it in
another language's order: the forms of a name without them, or in Persian's order.

- Sorani written in Persian letters writes its vowel ە with ه ("كهرهج" for Karaj, "قزلحهسار"
  for Qezel Hesar), and a seat ئ before its ا ("دیزڵ ئاباد" for Dizel Abad): in a name with a
  Sorani word or letter, read without them (:func:`sorani_vowels`, :func:`sorani_seat`).
- The country's name after a place ("شهر تربت جام ایران", as Dari pages write it; "... في
  إيران"): every place here is in Iran, so it names none (:func:`without_country`).
- A courtyard or square of a prison ("ساحة سجن تبريز المركزي", "حیاط زندان اوین"): the prison
  (:func:`without_yard`), at the precision its own name gives; a square of a town ("ساحة
  خوراسكان") is still read as a square.
- A word for city before a name only a reading reaches ("شهر بوجنورد ایران"), or before
  Urdu's postposition, where it is no part of a town's name (:func:`without_city_word`); and
  Urdu's "area of" ("دزاپ شہر کے علاقے شیرآباد": the Shirabad area of the city of Dozap), a
  quarter of that town (:func:`urdu_area`).
- "Belonging to" a town or county ("قرية فلان التابعة لمدينة بم", "روستای فلان از توابع
  شهرستان بم"): in it (:func:`belonging_as_in`), where a village of it is read.
- A compass word before a name, as Arabic orders them ("محافظة شرق أذربيجان", "في جنوب رودبار"),
  where Persian's names put it after ("آذربایجان شرقی", "رودبار جنوب"): read in Persian's order
  (:func:`compass_last`).
- Arabic's adjectives that describe a town or province ("محافظة خوزستان النفطية", the oil
  province; "الحدودية", the border one): no part of its name (:func:`without_describing`).

Each form is a guess, taken only where it places what the name as written does not (the
geocoder's rules then read it whole, with its town or province and every check on them), so a
form never overrides what a name says: it is taken only in the provinces the name gives, and
never as a further guess (a slip of the form, or a place of the province the gazetteer does not
know); in a province cell, only a province's name exactly. Part of
:class:`~iranmap.geocode.Geocoder`, through :func:`~iranmap.geocode._phrases.read_phrases`
(:func:`plainer_forms`) and :class:`~iranmap.geocode.provinces.ProvinceNames`
(:func:`province_forms`).
"""

from __future__ import annotations

import re

from iranmap.geocode.index import PlaceIndex
from iranmap.name_words import CITY_WORDS, POSSESSIVES, PRISON_WORDS
from iranmap.names import fold, key

#: The country's name (folded: إيران is ایران), alone or with Arabic's ب or ل joined, and the
#: words for "in" that may come before it.
_COUNTRY = frozenset({"ایران", "بایران", "لایران", "الایرانیه"})
_IN = frozenset({"فی", "در"})
#: Words for a courtyard or square that a prison's name may follow: its yard, not a town's square.
_YARD = frozenset({"ساحه", "الساحه", "باحه", "حیاط", "محوطه"})
#: Compass words as nouns (with Arabic's ب, in, joined to them), which Persian's names of
#: provinces, counties and towns put after the name, as a noun or an adjective.
_COMPASS = re.compile(r"(?:ب|ل)?(جنوب|شمال|غرب|شرق)")
_ADJECTIVE = "ی"
#: Arabic adjectives that describe a town or province, never name it: border, coastal, oil,
#: deprived, poor, mountainous, restive, holy, Shia, Sunni, Kurdish, Baluch, Arab.
_DESCRIBING = frozenset(
    {"الحدودیه", "الحدودی", "الساحلیه", "الساحلی", "النفطیه", "النفطی", "المحرومه", "الفقیره"}
    | {"الجبلیه", "المضطربه", "المقدسه", "الشیعیه", "السنیه", "الکردیه", "البلوشیه", "العربیه"}
    | {"السنی", "الشیعی", "الکردی", "البلوشی", "العربی"}  # (a province, إقليم, is masculine)
)
# Arabic "capital", and "of the province (region, country)" after it
_CAPITAL = frozenset({"عاصمه"})
_CAPITAL_OF = frozenset({"الاقلیم", "المحافظه", "البلاد", "الولایه", "المقاطعه"})
# Words and letters only Sorani writes: its words for prison ("زیندانی": the prison of),
# city and province, and the letters ڕ ڵ ێ ۆ ە.
_SORANI_WORDS = frozenset({"زیندانی", "زیندان", "شاری", "پاریزگای", "بهندیخانه", "بندیخانه"})
_SORANI_LETTERS = frozenset("ڕڵێۆە")
_HEH = "ه"
_SORANI_IN = "دا"  # the ending of Sorani's "لە ... دا" (in)
# Arabic's and Persian's "known (by the name)" ("المعروف باسم", "معروف به"), and the words for
# prison a name may begin with.
_KNOWN_AS = frozenset({"المعروف", "المعروفه", "معروف"})
_KNOWN_AS_NAME = frozenset({"باسم", "به", "بـ", "ب"})
_PRISON_WORDS = frozenset({"سجن", "زندان", "السجن"})
#: The seat Sorani writes before a vowel that begins a syllable (ئا is ا).
_SEAT = "ئ"
#: Arabic's "belonging to" (with ل, of, joined to the next word) and Persian's "of the
#: dependencies of" ("از توابع"): "in", for a village of a town or county.
_BELONGING = frozenset({"التابعه", "التابع"})
_OF, _DEPENDENCIES = "از", "توابع"
_ARABIC_OF = "من"  # "قرية فلان من توابع مدينة سروآباد"
#: Urdu's "area" ("علاقہ", "علاقے", folded), after its postposition, and Persian's "quarter".
_AREA = frozenset({"علاقه", "علاقی"})
_QUARTER = "محله"


def plainer_forms(index: PlaceIndex, name: str) -> tuple[str, ...]:
    """The forms of ``name`` that each rule of this module reads, in turn (none of them: no
    form): guesses, to take only where they place the name."""
    forms = [
        *sorani_vowels(name),
        sorani_seat(name),
        without_country(name),
        without_yard(name),
        without_city_word(index, name),
        urdu_area(name),
        belonging_as_in(name),
        without_describing(name),
        known_as(name),
        sorani_in(name),
        *compass_last(name),
    ]
    return tuple(dict.fromkeys(form for form in forms if form))


def sorani_vowels(name: str) -> tuple[str, ...]:
    """``name`` with the ه Sorani writes for its vowel ە left out of its words (not a word's
    first or last letter), if it has a Sorani word or letter; else none."""
    words = fold(name).split()
    if not _sorani(name):
        return ()
    respelled = [w[0] + w[1:-1].replace(_HEH, "") + w[-1] if len(w) > 2 else w for w in words]
    return (" ".join(respelled),) if respelled != words else ()


def sorani_seat(name: str) -> str:
    """``name`` with the seat ئ Sorani writes before its vowel ا inside a name left out
    ("دیزڵئاباد", "دیزڵ ئاباد" for Dizel Abad: Persian "دیزل آباد"), if it has a Sorani word
    or letter and such a seat; else ""."""
    if not _sorani(name) or _SEAT + "ا" not in name:
        return ""
    return name.replace(_SEAT + "ا", "ا")


def _sorani(name: str) -> bool:
    """Whether ``name`` has a word or letter only Sorani writes."""
    return bool(_SORANI_WORDS & set(fold(name).split()) or _SORANI_LETTERS & set(name))


def without_country(name: str) -> str:
    """``name`` without the country's name after the place ("شهر تربت جام ایران"), or ""."""
    words, folded = _words(name)
    end = len(words)
    while end > 1 and folded[end - 1] in _COUNTRY:
        end -= 1
        end -= end > 1 and folded[end - 1] in _IN
    return " ".join(words[:end]) if end < len(words) else ""


def without_yard(name: str) -> str:
    """``name`` without the word for courtyard before its word for prison ("ساحة سجن X"), or
    ""."""
    words, folded = _words(name)
    after = [*folded[1:], ""]
    return _without(
        words, [word in _YARD and after[at] in PRISON_WORDS for at, word in enumerate(folded)]
    )


def without_city_word(index: PlaceIndex, name: str) -> str:
    """``name`` without a word for city that begins it ("شهر تربت جام ایران") or stands right
    before an Urdu postposition ("دزاپ شہر کے علاقے"), where the word is no part of a place's
    name with the word beside it ("شهر بابک", "آزاد شهر": towns of their own), or ""."""
    words, folded = _words(name)
    after = [*folded[1:], ""]
    return _without(
        words,
        [
            word in CITY_WORDS
            and (at == 0 or after[at] in POSSESSIVES)
            and not _in_a_name(index, folded, at)
            for at, word in enumerate(folded)
        ],
    )


def _in_a_name(index: PlaceIndex, words: list[str], at: int) -> bool:
    """Whether the word at ``at`` is part of a run of ``words`` that is a town's, prison's or
    other place's name ("شهر بابک", "شهر جدید اندیشه")."""
    runs = ("".join(words[i:j]) for i in range(at + 1) for j in range(at + 1, len(words) + 1))
    return any(_names_place(index, run) for run in runs if run != words[at])


def _names_place(index: PlaceIndex, words: str) -> bool:
    """Whether ``words`` (folded, run together) are a town's, prison's or other place's name."""
    run = key(words)
    return run in index.entries or run in index.towns or run in index.other_places


def urdu_area(name: str) -> str:
    """An Urdu "area of" ("دزاپ شہر کے علاقے شیرآباد": the Shirabad area of Dozap) as Persian
    writes a quarter of a town ("محله شیرآباد در دزاپ"), or ""."""
    words, folded = _words(name)
    for at in range(1, len(words) - 2):
        if folded[at] in POSSESSIVES and folded[at + 1] in _AREA:
            town = [w for w, f in zip(words[:at], folded[:at], strict=True) if f not in CITY_WORDS]
            return f"{_QUARTER} {' '.join(words[at + 2 :])} در {' '.join(town)}" if town else ""
    return ""


def belonging_as_in(name: str) -> str:
    """``name`` with "belonging to" read as "in" ("قرية فلان التابعة لمدينة بم": in the city of
    Bam; "روستای فلان از توابع شهرستان بم", Arabic "قرية فلان من توابع مدينة بم"), or ""."""
    words, folded = _words(name)
    for at in range(len(words) - 1):
        after = words[at + 1]
        if folded[at] in _BELONGING and after.startswith("ل") and len(folded[at + 1]) > 2:
            return " ".join([*words[:at], "في", after[1:], *words[at + 2 :]])
        if folded[at : at + 2] in ([_OF, _DEPENDENCIES], [_ARABIC_OF, _DEPENDENCIES]):
            return " ".join([*words[:at], "در", *words[at + 2 :]])
    return ""


def _words(name: str) -> tuple[list[str], list[str]]:
    """The words of ``name`` as written (with the punctuation that sets its parts apart), and
    each folded."""
    words = name.split()
    return words, [fold(word) for word in words]


def _without(words: list[str], dropped: list[bool]) -> str:
    """``words`` without those ``dropped`` says, joined; "" if none is."""
    kept = [word for word, drop in zip(words, dropped, strict=True) if not drop]
    return " ".join(kept) if len(kept) < len(words) else ""


def province_forms(name: str) -> tuple[str, ...]:
    """The forms of a province cell each rule here reads ("محافظة شرق أذربيجان", "محافظة
    خوزستان النفطية"), in turn."""
    return (*compass_last(name), without_describing(name), sorani_in(name))


def sorani_in(name: str) -> str:
    """``name`` without Sorani's "in" ending its last word ("پارێزگای ئازەربایجانی ڕۆژئاوادا",
    in the province of West Azerbaijan; its "لە" before is a marker), if it has a Sorani word
    or letter and the word more than the ending; else ""."""
    words = name.split()
    if not words or not _sorani(name) or not words[-1].endswith(_SORANI_IN):
        return ""
    last = words[-1].removesuffix(_SORANI_IN)
    return " ".join([*words[:-1], last]) if len(last) > 2 else ""


def without_describing(name: str) -> str:
    """``name`` without Arabic's adjectives that describe a town or province ("محافظة سيستان
    وبلوشستان الحدودية", "النفطية": the border province, the oil province), and "the capital of
    the province (country)" after a town ("الأحواز عاصمة الاقليم"), or ""."""
    words, folded = _words(name)
    dropped = [at > 0 and word in _DESCRIBING for at, word in enumerate(folded)]
    for at, word in enumerate(folded[1:-1], start=1):
        if word in _CAPITAL and folded[at + 1] in _CAPITAL_OF:  # "عاصمة الإقليم": its capital
            dropped[at] = dropped[at + 1] = True
    return _without(words, dropped)


def known_as(name: str) -> str:
    """The other name of a place after Arabic's or Persian's "known as" ("سجن الهويرة المعروف
    باسم سبيدار": Sepidar), with the word for prison the name begins with; or ""."""
    words, folded = _words(name)
    at = next((i for i, word in enumerate(folded) if word in _KNOWN_AS), None)
    if not at:
        return ""
    rest = words[at + 1 + (at + 1 < len(folded) and folded[at + 1] in _KNOWN_AS_NAME) :]
    head = words[:1] if folded[0] in _PRISON_WORDS else []
    return " ".join([*head, *rest]) if rest else ""


def compass_last(name: str) -> tuple[str, ...]:
    """``name`` with its one compass word that comes before another word put after that word
    (and after all the words up to the name's end), as a noun and as Persian's adjective
    ("شرق أذربيجان": "أذربيجان شرق", "أذربيجان شرقی"); Arabic's ب joined to it stays before
    the name, as "in" ("بجنوب رودبار": "في رودبار جنوب"). None where it has no such word, or
    several."""
    words, folded = _words(name)
    at = [i for i, word in enumerate(folded[:-1]) if _COMPASS.fullmatch(word)]
    if len(at) != 1:
        return ()
    i = at[0]
    compass = _COMPASS.fullmatch(folded[i])
    assert compass is not None  # (found above)
    before = [*words[:i], *(["في"] if compass.group(0) != compass.group(1) else [])]
    forms = [
        " ".join([*before, *words[i + 1 : end], direction, *words[end:]])
        for end in dict.fromkeys((i + 2, len(words)))
        for direction in (compass.group(1), compass.group(1) + _ADJECTIVE)
    ]
    return tuple(forms)
