"""Persian names as Arabic and Kurdish write them: the spellings such a report gives a place.

Arabic has no گ, پ, چ or ژ, and no v: an Arabic page writes Persian گ as ك, ج or غ ("جرجان" for
Gorgan, "هرمزغان" for Hormozgan), پ as ب, چ as ج, ش or تش ("بلوشستان", "تشابهار"), ژ as ز or ج;
one ه inside a name as ح, where the name came from Arabic ("الحويزة" for Hoveyzeh);
a consonant و (v) as ف ("أفين" for Evin, "سرافان" for Saravan); it writes the vowel of a first
ا before a consonant with ي ("إيفين", as Sorani does: "ئێوین"); and it puts its article before
a town's name ("الأهواز"). Kurdish (Sorani) has none of the Arabic letters ص, ث, ط, ض, ظ, ذ and
writes their sounds with س, ت and ز ("قزڵحەسار" for Qezel Hesar). After folding (ك is ک, ة is
ه, the hamza gone), each key of a Persian name has a few such forms. :func:`arabic_forms` gives
them; the index takes a form only where no name of any place, province or county is written
so, and a form two places share names neither.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from iranmap.geocode.match import Match

#: Persian letters and how Arabic writes each: first the common form, then the others.
_LETTERS = (("گ", "ک", "ج", "غ"), ("پ", "ب"), ("چ", "ج", "ش", "تش"), ("ژ", "ز", "ج"))
_TABLES = tuple(
    str.maketrans({row[0]: row[min(i, len(row) - 1)] for row in _LETTERS}) for i in (1, 2, 3)
)
#: Persian و, which is v as often as a vowel, and the Arabic letter for v.
_VAV, _FA = "و", "ف"
#: Persian ه, and the Arabic ح that Arabic writes in a Persian name of Arabic origin, where
#: Persian has kept the sound and lost the letter ("هویزه" is "الحويزة", "اهواز" "الأحواز").
_HEH, _HA = "ه", "ح"
#: Arabic letters Kurdish writes with the letters of their sound.
_KURDISH = str.maketrans({"ص": "س", "ث": "س", "ط": "ت", "ض": "ز", "ظ": "ز", "ذ": "ز"})
#: Persian's long vowels a and i; a first ا before any other letter (و too, which may be v:
#: "اوین", Evin) carries a short vowel.
_LONG_VOWELS = "ای"
#: Persian ق, which Arabic pages also write غ, as they hear it ("غزل حصار" for Qezel Hesar,
#: "غرشك" for Qarchak), and Urdu pages ک, as an English q reads ("کرچک"): taken in keys of
#: :data:`_MIN_Q_KEY` letters or more only ("قم" is not "غم" or "کم", words of their own).
_QAF, _QAF_FORMS = "ق", ("غ", "ک")
_MIN_Q_KEY = 4
#: Persian ت, which Arabic pages write ط in many names, as Arabic always has "طهران" ("طالش" for
#: Talesh, "طيباد" for Taybad), in keys of :data:`_MIN_Q_KEY` letters or more too.
_TEH, _TAH = "ت", "ط"
#: The Arabic article, written before a town's name.
ARTICLE = "ال"


def arabic_forms(name_key: str) -> frozenset[str]:
    """The forms of a folded key of Perso-Arabic letters an Arabic page may write, the key
    itself left out; none for a key in other letters."""
    if not name_key or not all("\u0600" <= c <= "\u06ff" for c in name_key):
        return frozenset()
    bare = {name_key} | {name_key.translate(table) for table in _TABLES}
    bare |= {v for form in bare for v in _as_fa(form)}
    if len(name_key) >= _MIN_Q_KEY:
        bare |= {form.replace(_QAF, q) for form in bare for q in _QAF_FORMS}
        bare |= {form.replace(_TEH, _TAH) for form in bare}
    bare |= {form[:i] + _HA + form[i + 1 :] for form in bare for i in _inner_heh(form)}
    bare |= {"ای" + form[1:] for form in bare if _short_first_vowel(form)}
    forms = bare | {ARTICLE + form for form in bare if not form.startswith(ARTICLE)}
    return frozenset((forms | {name_key.translate(_KURDISH)}) - {name_key})


def one_place(
    sources: Sequence[str],
    answer: Callable[[str], Match],
    together: Callable[[Match, Match], bool],
) -> str | None:
    """The key of ``sources`` (the keys a form is a form of) whose answer stands for them all:
    they have one answer, or a prison's and its town's (``together``: "النغده" is Naqadeh's
    prison, as "نقده" is, and the town's "نغده"), the prison's first; None where they name
    different places."""
    first = min(sources, key=lambda k: answer(k).kind != "prison")
    one = answer(first)
    return first if all(answer(k) == one or together(one, answer(k)) for k in sources) else None


def _short_first_vowel(form: str) -> bool:
    """Whether ``form`` begins with ا and a consonant or و ("افین", "اوین", "اصفهان"), not an
    article: Arabic and Kurdish write its vowel ی ("إيفين", Sorani "ئێوین")."""
    return (
        len(form) > 2
        and form[0] == "ا"
        and form[1] not in _LONG_VOWELS
        and not form.startswith(ARTICLE)
    )


def _inner_heh(form: str) -> list[int]:
    """Where ``form`` has ه before its last letter (a final ه is Arabic's ة, or silent)."""
    return [i for i, c in enumerate(form[:-1]) if c == _HEH]


def _as_fa(form: str) -> set[str]:
    """``form`` with one of its و as ف, each in turn ("اوین": "افین"; "ورامین": "فرامین"), and
    with two or more, also all of them as ف; which و is v, the forms need not know."""
    places = [i for i, c in enumerate(form) if c == _VAV]
    found = {form[:i] + _FA + form[i + 1 :] for i in places}
    if len(places) > 1:
        found.add(form.replace(_VAV, _FA))
    return found


#: South Azerbaijani case endings as Persian letters write them, joined to a town's name
#: ("تبریزده", in Tabriz; "اورمودان", from Urmu), longest first: locative, with and without -ki,
#: and ablative anywhere; the genitive ("تبریزین زندانی", Tabriz's prison) only before a word
#: in its possessed form (:data:`_AZERI_OWNED`): alone, "شاهیین" is no more Shahi's than a slip.
_AZERI_CASES = ("داکی", "دهکی", "دکی", "دان", "دن", "دا", "ده")
_AZERI_OF = ("نین", "نون", "ین")
_AZERI_OWNED = frozenset({"زندانی", "زیندانی", "شهری", "اوستانی", "ایالتی", "زندانیندا"})
#: Fewest letters a name keeps once its ending is cut.
_MIN_AZERI_STEM = 3


def azeri_cases(text: str, around: frozenset[str]) -> tuple[str, ...]:
    """The forms of a name in Persian letters with a South Azerbaijani case ending cut from the
    last word that is not one of ``around`` (words for prison, city...), each ending in turn:
    guesses to take only where they give a place's name exactly."""
    words = text.split()
    names = [at for at, word in enumerate(words) if word not in around]
    if not names or not all("\u0600" <= c <= "\u06ff" for c in words[names[-1]]):
        return ()
    at = names[-1]
    word = words[at]
    owned = bool(_AZERI_OWNED & set(words[at + 1 :]))
    return tuple(
        " ".join([*words[:at], word[: -len(ending)], *words[at + 1 :]])
        for ending in (*_AZERI_CASES, *(_AZERI_OF if owned else ()))
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_AZERI_STEM
    )


#: Letters Arabic, Urdu and Kurdish pages write for a short vowel Persian writes no letter for
#: ("لورستان" for لرستان, "کوردستان" for کردستان, "بوروجرد" for بروجرد).
_PLENE = "وی"


def without_plene_vowel(text: str, names: frozenset[str] | None = None) -> tuple[str, ...]:
    """The forms of a name in Persian letters with one و or ی inside a word (neither its first
    nor its last letter, nor beside another vowel letter) left out, each in turn, then all of a
    word's such letters ("سونقور": سنقر), then a Kurdish ezafe ی ending a word that another
    word of the name follows ("قەسری شیرین": Qasr-e Shirin): guesses to take only where they
    give a place's name exactly. ``names``: the words that name the place (the others, words
    for prison or the town beside it, are never respelled); every word if None."""
    words = text.split()

    def named(word: str) -> bool:
        return (names is None or word in names) and all("\u0600" <= c <= "\u06ff" for c in word)

    forms: list[str] = []
    for at, word in enumerate(words):
        if not named(word):
            continue
        inner = [
            i
            for i in range(1, len(word) - 1)
            if word[i] in _PLENE and word[i - 1] not in "اوی" and word[i + 1] not in "اوی"
        ]
        respelled = [word[:i] + word[i + 1 :] for i in inner]
        if len(inner) > 1:
            respelled.append("".join(c for i, c in enumerate(word) if i not in inner))
        ezafe = at < len(words) - 1 and named(words[at + 1])
        if ezafe and len(word) > 3 and word[-1] == "ی":
            respelled.append(word[:-1])
        forms += [" ".join([*words[:at], other, *words[at + 1 :]]) for other in respelled]
    return tuple(dict.fromkeys(forms))
