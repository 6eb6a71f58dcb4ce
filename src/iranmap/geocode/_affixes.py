"""Other readings of a name nothing placed: as another language's letters write Persian, or
with a town written with an affix set apart as the name's qualifier.

- Turkish ş, ç, and h for kh (:func:`~iranmap.spellings.turkish_forms`); Spanish, French,
  German, Dutch and Kurmanji letters (:func:`respelled`).

Some languages join the word for where a place is to the town's name: Arabic its preposition
ب ("in", "at": "سجن ألوند بهمدان" is "Alvand prison in Hamadan"), German its adjective of a town
in -er ("Teheraner Evin-Gefängnis" is "Tehran's Evin prison"). :func:`set_apart` writes such a
name with the town apart ("سجن ألوند، همدان", "Evin-Gefängnis, Teheran"), for the geocoder to
read as any name with its town: the town must then fit the place the rest names.

A word is read so only when, without its affix, it is a town's name and, with it, it names
nothing: no place, town, province or county is written "بهمدان" or "Teheraner".

Part of :class:`~iranmap.geocode.Geocoder`, which asks :func:`read_otherwise` about names
nothing else placed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from functools import cache

from iranmap._more_spellings import (
    apostrophe_cases,
    kurmanji_vowels,
    language_cases,
    shahr_forms,
    slavic_cases,
    uzbek_vowels,
)
from iranmap.geocode._arabic import azeri_cases, without_plene_vowel
from iranmap.geocode._facility import run_together
from iranmap.geocode._places import TOWN, VILLAGE
from iranmap.geocode.index import PlaceIndex
from iranmap.geocode.match import Match
from iranmap.name_words import CITY_WORDS, DESCRIPTORS, GLUED_WORDS, PRISON_WORDS, PROVINCE_WORDS
from iranmap.names import PlaceName, fold, key, parse_place, skeleton
from iranmap.spellings import (
    as_turkish,
    polish_cases,
    respellings,
    turkish_cases,
    turkish_forms,
    turkish_vowels,
)

#: The Arabic preposition joined to the word after it.
_ARABIC_AT = "ب"
#: The German ending of a town's adjective ("Teheraner", "Isfahaner"), in any case: read only
#: in a name with a German word ("Keshmer Prison" is Kashmar's, not a prison of Keshm's).
_GERMAN_OF = "er"
#: Words around a name that are not the place's, for cutting a case ending off the name.
_AROUND = PRISON_WORDS | DESCRIPTORS | CITY_WORDS
#: Resolves a name (the geocoder's place or province).
Resolve = Callable[[str], Match]
_GERMAN_WORDS = frozenset(
    {"gefangnis", "gefangnisses", "zentralgefangnis", "zentralgefangnisses", "haftanstalt"}
    | {"justizvollzugsanstalt", "provinz", "stadt", "haftzentrum"}
)


def read_otherwise(
    index: PlaceIndex,
    name: str,
    parsed: PlaceName,
    answer: Match,
    place: Resolve,
    province: Resolve | None = None,
) -> Match:
    """``answer``, or if it places nothing, what ``place`` finds for another reading of ``name``:
    as Turkish writes it ("Kirmanşah", "Hürremşehr": h read as kh only where that gives a name,
    not a fuzzy score), then as Spanish or French write it, or with its affixed town apart
    (these only where that gives a place's own name or alias, or one at the town it names)."""
    place = _where_it_says(index, parsed, place)
    for form in _endings(index, name) if answer.score < 100 else ():
        # "Təbrizdə", "w Teheranie", "شهر آبیک": a town with its case ending or its word for
        # city, exactly (before a near spelling of the whole: "Urmiyədə" is in Urmia, not a
        # slip of Omidiyeh; "شهر آبیک" is Abyek, not a slip of Shahr-e Babak)
        found = place(form) if form else answer
        exact = found.method != "fuzzy" and found.score == 100 and found.reading is None
        if found.status == "matched" and exact and found.kind != "province":  # not a county
            return found
    if answer.status == "matched":
        return answer
    for form in turkish_forms(name):
        found = place(form)
        kh = form != as_turkish(name)
        unknown = found.kind == "province" and found.reading is not None  # "Shino, Ostan-e ..."
        if found.status == "matched" and not (kh and found.method == "fuzzy") and not unknown:
            return found
    for form in shahr_forms(name) if parsed.core not in index.other_places else ():
        found = place(form)  # "Darashar": read as a name it is a respelling of, as Turkish's
        if found.status == "matched" and found.kind != "province":
            return found
    for form in turkish_vowels(name):
        found = place(form)
        if found.status == "matched" and found.method != "fuzzy" and _one_place(index, form, found):
            return found
    for form in (*kurmanji_vowels(name), *uzbek_vowels(name)):
        found = place(form)
        exact = found.method != "fuzzy" and found.score == 100 and found.reading is None
        if found.status == "matched" and exact and _consonants_here(index, form, found):
            return found
    for other in (
        respelled(index, parsed, name) or set_apart(index, name, province),
        unglued(index, name),
        without_city_word(name),
    ):
        found = place(other) if other else answer
        # exactly, and no reading of the other form on top of this one ("آزاد شهر استان ...":
        # without its word for city, "آزاد" names nothing, which is no reason to guess); or
        # within the one province set apart ("سجن زهدان بسيستان وبلوشستان": a slip of
        # Zahedan's name, read only in the province the name gives)
        sure = found.score == 100 or _in_province_apart(other, found, province)
        if found.status == "matched" and sure and found.reading is None:
            return found
    # a name in doubt (a town of two provinces) stays in doubt: "خمینی شهر" is no Khomein
    if answer.status != "unmatched":
        return answer
    return _plene(index, name, place) or _prison_vowel(index, name, place) or answer


def _endings(index: PlaceIndex, name: str) -> tuple[str, ...]:
    """``name`` without a case ending or its word for city, in each way a language writes one
    (made only for a name not read exactly: most names of a report are)."""
    endings = (*turkish_cases(name), *polish_cases(name), *language_cases(name))
    endings += apostrophe_cases(name)  # "Isfahan'da"
    slavic = slavic_cases(name, _AROUND | PROVINCE_WORDS)  # only forms with a place's own name
    endings += (without_city_word(name), *(f for f in slavic if _is_named(index, f)))
    return endings + azeri_cases(fold(name), _AROUND)  # "تبریزده", "تبریزین زندانی"


def _plene(index: PlaceIndex, name: str, place: Resolve) -> Match | None:
    """What ``name`` places exactly with one of its و or ی left out ("لورستان", "بوروجرد"),
    where every such form that places anything places it in one province; else None. Only
    the words that name the place are respelled (never its town or province beside it, which
    would then say nothing), and only into a place's name as it stands."""
    folded = fold(name)
    parsed = parse_place(folded)  # what the name says of where it is stays as it is
    forms = [
        form
        for form in without_plene_vowel(folded, frozenset(parsed.words))
        if parse_place(form).context == parsed.context
        and _names_a_place(index, parse_place(form).core)
    ]
    found = [
        match
        for form in forms
        for match in (place(form),)
        if match.status == "matched"
        and match.score == 100
        and match.reading is None
        and match.method != "fuzzy"
    ]
    return found[0] if found and len({m.province_iso for m in found}) == 1 else None


def _prison_vowel(index: PlaceIndex, name: str, place: Resolve) -> Match | None:
    """The one prison a name that says prison places exactly with a long vowel ی written inside
    one of its words where the page left it out ("سجن إيفن": إيفين, Evin, as Arabic writes it
    with ف for v); else None. Only the words that name the place are respelled, never beside
    another vowel letter, and only into a prison's name as it stands."""
    parsed = parse_place(fold(name))
    if not parsed.says_prison:
        return None
    words = fold(name).split()
    forms = [
        " ".join([*words[:at], word[:i] + _YEH + word[i:], *words[at + 1 :]])
        for at, word in enumerate(words)
        if key(word) in parsed.words and all("\u0600" <= c <= "\u06ff" for c in word)
        for i in range(2, len(word))
        if not {word[i - 1], word[i]} & _VOWEL_LETTERS
    ]
    found = {
        match.prison_id: match
        for form in forms
        if parse_place(form).core in index.entries  # (only a place's name as it stands)
        for match in (place(form),)
        if match.status == "matched"
        and match.kind == "prison"
        and match.score == 100
        and match.method != "fuzzy"
        and match.reading is None
    }
    return next(iter(found.values())) if len(found) == 1 else None


#: Persian's long vowel i, and its vowel letters.
_YEH = "ی"
_VOWEL_LETTERS = frozenset("اوی")


def _where_it_says(index: PlaceIndex, parsed: PlaceName, place: Resolve) -> Resolve:
    """``place``, placing nothing outside the provinces of the towns and provinces ``parsed``
    gives beside its place ("Fars eyaletine bağlı Tebriz kenti", Tabriz of Fars province):
    another reading of a name never loses what it says of where it is (a word read otherwise
    that then names nothing, "Farz", "baghlı")."""
    isos = index.context_provinces(w for w in parsed.context if w in index.place_words)
    entries = (index.entries.get(word) for word in parsed.context)  # "... em Raja'i Shahr"
    isos |= {p.province_iso or "" for e in entries if e is not None for p in e.places}
    if not isos:
        return place

    def within(form: str) -> Match:
        found = place(form)
        elsewhere = found.status == "matched" and found.province_iso not in isos
        return replace(_NOWHERE, query=form) if elsewhere else found

    return within


#: What a reading outside the provinces a name gives places.
_NOWHERE = Match(query="", status="unmatched", score=0.0)


def _in_province_apart(form: str, found: Match, province: Resolve | None) -> bool:
    """Whether ``form``, a name with a province set apart after an Arabic comma
    (:func:`set_apart`), places ``found`` in that province."""
    if province is None or "،" not in form:
        return False
    named = province(form.rsplit("،", 1)[1])
    exact = named.status == "matched" and named.score == 100 and named.method != "fuzzy"
    return exact and named.province_iso == found.province_iso


def respelled(index: PlaceIndex, parsed: PlaceName, name: str) -> str:
    """``name`` respelled as Spanish writes kh (j), or else as French writes sh, ch and a
    sounded n ("Machhad", "Tchabahar", "Evine"), or else as German writes kh, y and z
    ("Chorramabad", "Sandschan"), or "" unless that gives a place's own name or alias exactly
    (and the name is no other place as it is: "Heft Juy" is a village, not a place in Khoy),
    the name alone, without a town or province set apart."""
    if parsed.context or parsed.core in index.other_places:
        return ""  # a name with its town ("Evin, Karaj") keeps what its words say
    for other in respellings(name):
        if parse_place(other).core in index.entries:
            return other
    return ""


def set_apart(index: PlaceIndex, name: str, province: Resolve | None = None) -> str:
    """``name`` with its one affixed town set apart after a comma, or "" if it has none.

    Arabic's ب stands before the town, which runs to the end of the name ("بنور آباد" is in
    Nurabad, not in Nur); German's adjective is one word before the noun.
    """
    words = name.split()
    found = [
        (at, town, end)
        for at in range(len(words))
        for town, end in (_affixed(index, words, at, province),)
        if town
    ]
    if len(found) != 1 or len(words) < 2:
        return ""
    at, town, end = found[0]
    rest = " ".join(words[:at] + words[end:])
    return f"{rest}{'،' if _arabic(town) else ','} {town}" if rest.strip() else ""


def unglued(index: PlaceIndex, name: str) -> str:
    """``name`` with a word for city, prison or province set apart from the name a page joined
    it to ("بمدينةزاهدان" -> "بمدینه زاهدان"), or "" if no word names nothing as written and a
    town or place once its first word is set apart."""
    words = fold(name).split()
    changed = False
    for at, word in enumerate(words):
        if not _arabic(word) or _known(index, key(word)):
            continue
        for glued in GLUED_WORDS:
            rest = word[len(glued) :]
            if word.startswith(glued) and len(rest) > 2 and _names_a_place(index, key(rest)):
                words[at] = f"{glued} {rest}"
                changed = True
                break
    return " ".join(words) if changed else ""


def without_city_word(name: str) -> str:
    """``name`` without its words for "city" (Urdu "سربیشہ شہر", Sorani "شار سەقز"), or "" if
    it has none (the caller takes it only where it names a place exactly)."""
    words = fold(name).split()
    rest = [word for word in words if word not in CITY_WORDS]
    return " ".join(rest) if rest and len(rest) < len(words) else ""


def _names_a_place(index: PlaceIndex, name_key: str) -> bool:
    return name_key in index.towns or name_key in index.entries


def _is_named(index: PlaceIndex, name: str) -> bool:
    """Whether ``name``'s core is a place's own name or alias exactly, or one run on its town
    ("teherán věznici Evín")."""
    core = parse_place(name).core
    return core in index.entries or run_together(index, core) is not None


def _affixed(
    index: PlaceIndex, words: list[str], at: int, province: Resolve | None
) -> tuple[str, int]:
    """The place the words from ``at`` name with an affix taken off, and the index after its
    last word; ("", at) if none. A place: a town or prison ("باوین", at Evin), or a province
    that ``province`` resolves."""
    word = words[at]
    if _known(index, key(word)):
        return "", at
    if word.startswith(_ARABIC_AT) and len(word) > 2 and _arabic(word):  # "بقم": in Qom
        bare, end = " ".join([word[len(_ARABIC_AT) :], *words[at + 1 :]]), len(words)
    elif _german(words) and word.isalpha() and word.casefold().endswith(_GERMAN_OF):
        bare, end = word[: -len(_GERMAN_OF)], at + 1
    else:
        return "", at
    bare_key = key(bare)
    named = bare_key in index.towns or bare_key in index.entries
    # ... or, after Arabic's ب, one province exactly ("سجن زهدان بسيستان وبلوشستان": in Sistan
    # and Baluchestan)
    if not named and province is not None and word.startswith(_ARABIC_AT):
        found = province(bare)
        if found.status == "matched" and found.score == 100 and found.method != "fuzzy":
            bare, named = index.provinces[found.province_iso or ""].name_fa, True
    return (bare, end) if named else ("", at)


def _known(index: PlaceIndex, word_key: str) -> bool:
    return (
        not word_key
        or word_key in index.entries
        or word_key in index.place_words
        or word_key in index.other_places
    )


def _arabic(word: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in word)


def without_affix(word_key: str) -> str:
    """The key a word's key has without its Arabic ب (in, at) or its German -er (a key writes
    it "ir"), or "": how the geocoder's other rules tell a word like "باوین" (at Evin) or
    "Teheraner" from a word that names nothing."""
    if word_key.startswith(_ARABIC_AT) and len(word_key) > 2 and _arabic(word_key):
        return word_key[len(_ARABIC_AT) :]
    if word_key.isascii() and word_key.endswith("ir") and len(word_key) > 4:
        return word_key[:-2]
    return ""


def _one_place(index: PlaceIndex, name: str, found: Match) -> bool:
    """Whether the consonants of ``name`` (its key's :func:`~iranmap.names.skeleton`) are those
    of one place only, in ``found``'s province: "Ardabil" read from "Erdebil" is, "Malayar"
    read from "Meleyer" is not (Malayer and Malar, of Malard, share "mlr")."""
    name_key = index.skeletons.get(skeleton(parse_place(name).core))
    places = index.entries[name_key].places if name_key else ()
    return bool(places) and all(p.province_iso == found.province_iso for p in places)


def _consonants_here(index: PlaceIndex, name: str, found: Match) -> bool:
    """Whether every place the gazetteer knows (towns, prisons, and the places it knows only by
    name) whose name has the consonants of ``name`` (its key's :func:`~iranmap.names.skeleton`,
    however short) lies in ``found``'s province, or is a village elsewhere beside a real town
    found ("Tikab" read as Takab: no place of another province is written t-k-b; "Kerac" read as
    Karaj, a town of 1.4 million, beside Kuruj, a village of Isfahan)."""
    places = _skeleton_places(index).get(skeleton(parse_place(name).core), frozenset())
    people = index.populations
    here = found.province_iso or ""
    others = [(k, iso) for k, iso in places if iso != here]
    if len(others) == len(places):
        return False
    if not others:
        return True
    town = people.get((key(found.city or ""), here), 0) >= TOWN and found.kind == "city"
    return town and all(0 < people.get(place, 0) < VILLAGE for place in others)


@cache
def _skeleton_places(index: PlaceIndex) -> dict[str, frozenset[tuple[str, str]]]:
    """The (key, province) of the places of each skeleton of ``index``'s keys."""
    found: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for name_key, entry in index.entries.items():
        found[skeleton(name_key)].update((name_key, p.province_iso or "") for p in entry.places)
    for name_key, isos in index.other_places.items():
        found[skeleton(name_key)].update((name_key, iso) for iso in isos)
    return {bare: frozenset(places) for bare, places in found.items()}


def _german(words: list[str]) -> bool:
    """Whether ``words`` have a German word for prison, province or town."""
    return any(part in _GERMAN_WORDS for word in words for part in fold(word).split())
