"""Perso-Arabic phrases around a place's name, and its slips, read by rule.

- A compass word between a place and a town or province ("سجن ورامين غرب طهران", "كرج غرب
  طهران", "X شمال شرقي مشهد", Persian "X در غرب تهران") says where the place lies from that
  town, not that it lies in it (Karaj, west of Tehran, is in Alborz): read as "near"
  (:func:`compass_as_near`), so that the place is the one its own words name, and never far
  from the town. Not where the compass word is part of a name ("اسلام آباد غرب", "آذربایجان
  غربی"), and taken only where the place lies within :data:`COMPASS_KM` of the town, or in the
  province the phrase names.
- Sorani written in Persian letters writes its vowel ە with ه ("كهرهج" for Karaj, "قزلحهسار"
  for Qezel Hesar): in a name with a Sorani word or letter, read without them
  (:func:`~iranmap.geocode._clauses.sorani_vowels`), only where that gives a place's name.
- A slip of one letter in a place's name, read only among the towns and prisons of the one
  province the name gives with a word for province ("سجن أورميا ... بمحافظة أذربيجان
  الغربية"): :func:`slip_in_province`.
- A name read as a town only as another language may write it (Arabic ك for ق), whose towns
  all lie more than :data:`FAR_KM` from the one province the name gives ("سنكر، بمحافظة
  فارس": a village of Fars, not Sonqor of Kermanshah, 700 km away), names another place, which
  the gazetteer does not know, in that province: :func:`far_from_province`. Not a town's own
  name ("مراغه، استان اصفهان" contradicts itself and stays unplaced), nor a prison's, nor a
  town near the province (a town moved to a neighbouring province, "Karaj, Tehran Province",
  lies beside its old one).
- Words that name nothing the gazetteer knows, beside a county or town of the one province
  the name gives ("مدينة "جهان آباد فهرج" بمحافظة كرمان"): that province
  (:func:`unknown_beside_county`).
- Two neighbouring letters swapped (not the first nor the last) in a name of five letters or
  more ("شهرستان سبزاور"), or letters of one sound in Persian written for each other (ص and
  س, ح and ه, ط and ت, ذ ض ظ and ز, غ and ق: "صاوه" for Saveh): :func:`persian_slip`, taken
  only for a name with no town or province beside it, in no row that gives one, where exactly
  one place is so near and no place of another province is one letter away. Not a slip of a
  letter's dots: "جمین" (Jam's, as Azeri writes it) is not Khomein ("خمین").

Part of :class:`~iranmap.geocode.Geocoder`, which asks :func:`compass_reading` about every
name first, and :func:`read_phrases` and then :func:`last_readings` about the names nothing else
placed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache

from iranmap.geocode._claim import as_claimed, in_province, of_province, unknown_place
from iranmap.geocode._clauses import plainer_forms
from iranmap.geocode._readings import unknown
from iranmap.geocode.index import PlaceIndex, km, place_of
from iranmap.geocode.match import Match
from iranmap.name_words import PROVINCE_WORDS
from iranmap.names import PlaceName, fold, key, parse_place

#: Resolves a name (the geocoder's place or province).
Resolve = Callable[[str], Match]

#: How far (km) a place may lie from the town a compass word says it lies west (east...) of.
COMPASS_KM = 250.0
#: How near (km) a town of another province may lie to the one province a name gives and still
#: be read as the town, not as another place of that province.
FAR_KM = 400.0
#: Fewest letters of a key read with a slip (two letters swapped, a letter of one sound).
MIN_SWAP_KEY = 5
MIN_SOUND_KEY = 4

# A compass word of Arabic, Persian and Urdu (with its adjective's endings and the Arabic
# article), alone or as a pair ("شمال غرب", "جنوب شرقي"), with "in" or "lying" before it.
_DIRECTION = r"(?:ال)?(?:جنوب|شمال|غرب|شرق|مغرب|مشرق)(?:[يیى][ةه]?)?"
_COMPASS = re.compile(
    r"(?<!\S)(?:(?:في|فی|در|الواقع[ةه]?|واقع\s+در|تقع|يقع|یقع)\s+)?"
    rf"{_DIRECTION}(?:[\s\u200c\-]*{_DIRECTION})?(?=\s+\S)"
)
_NEAR = " قرب "
_FROM_THERE = (
    "the name says where the place lies from a town or province, and names no place the "
    "gazetteer knows there"
)

_HEH = "ه"
#: How the notes of the names read as slips end.
_SLIPS = ("one letter away, in the province the name gives", "a slip of its name")

# Letters Persian sounds alike, written for each other by ear.
_ONE_SOUND = ("سصث", "زذضظ", "تط", "هح", "قغ", "اع")
_SOUNDS = {letter: row for row in _ONE_SOUND for letter in row}
#: Most spellings of one name by letters of one sound that are compared.
_MOST_SOUNDS = 256
#: The letters of a key of Persian letters (as :func:`~iranmap.names.fold` writes them).
_LETTERS = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"


def compass_reading(
    index: PlaceIndex, name: str, place: Resolve, province: Resolve
) -> Match | None:
    """What the name says with its compass phrase read as "near" (whatever else its words
    give: "سجن فلان غرب طهران" is no prison of Tehran), or None if it has no such phrase."""
    form = compass_as_near(index, name, province) if _perso_arabic(name) else ""
    if not form:
        return None
    found = place(form)
    if found.status == "matched" and _within(index, parse_place(form), found, province):
        return found
    return Match(query="", status="unmatched", score=found.score, note=_FROM_THERE)


def read_phrases(index: PlaceIndex, name: str, answer: Match, place: Resolve) -> Match:
    """``answer``, or if it places nothing, the name as Persian writes its Sorani vowels, or
    without words that say nothing of which place (:mod:`._clauses`), or a slip of a place of
    the province it gives."""
    if answer.status == "matched" or not _perso_arabic(name):
        return answer
    parsed = parse_place(name)
    given = index.context_provinces(parsed.context)  # (a form must keep to them)
    # (nor read otherwise where the name's own words rule a reading out: "سجن لاكان برشت شمال
    # إيران بمحافظة ایلام" contradicts itself)
    for form in plainer_forms(index, name) if answer.note is None else ():
        found = place(form)  # (not its slip, "ئەسفەهان" read as Eyvan, nor a place unknown)
        kept = not given or found.province_iso in given
        guess = (found.note or "").endswith(_SLIPS) or unknown_place(found)  # (a second guess)
        if found.status == "matched" and kept and not guess:
            return found
    # a slip in its province says more than the province alone
    iso = _province_given(index, name, parsed) if parsed.core else ""
    return (slip_in_province(index, parsed, iso) if iso else None) or answer


def last_readings(
    index: PlaceIndex,
    name: str,
    parsed: PlaceName,
    context: tuple[str, ...],
    answer: Match,
    province: Resolve,
) -> Match:
    """``answer``, or if it places nothing, another place of the province the name gives, or
    a slip of one place's name."""
    if answer.status == "matched" or not parsed.core or not _perso_arabic(name):
        return answer
    iso = _province_given(index, name, parsed)
    if iso:
        return (
            far_from_province(index, parsed, iso)
            or unknown_beside_county(index, parsed, iso)
            or answer
        )
    if context or answer.status != "unmatched":
        return answer
    return persian_slip(index, parsed) or answer


def compass_as_near(index: PlaceIndex, name: str, province: Resolve) -> str:
    """``name`` with its one compass word (or pair) between the place and a town or province
    read as "near", or "" where it has none, or where the words it stands beside name a place
    with it ("اسلام آباد غرب کرمانشاه": Eslamabad-e Gharb, of Kermanshah)."""
    found = [m for m in _COMPASS.finditer(name) if fold(name[: m.start()]).split()]
    if len(found) != 1:
        return ""
    at = found[0]
    before, after = fold(name[: at.start()]).split(), fold(name[at.end() :]).split()
    compass = fold(at.group()).split()
    runs = [[*before[i:], *compass[:1]] for i in range(len(before))]
    runs += [[*before[i:], *compass] for i in range(len(before))]
    runs += [[*compass[-1:], *after[:j]] for j in range(1, len(after) + 1)]
    if any(_names_place(index, " ".join(run)) for run in runs):
        return ""
    # a province's name ends in its compass word, as an adjective ("آذربایجان غربی", "الغربية")
    if compass[0][-1] in "یه" or compass[0].startswith("ال"):
        for run in ([*before[-2:], compass[0]], [*before[-1:], compass[0]]):
            named = province(" ".join(run))
            if named.status == "matched" and named.score == 100 and named.method != "fuzzy":
                return ""
    form = f"{name[: at.start()]}{_NEAR}{name[at.end() :]}"
    near = parse_place(form).near
    return form if near and all(_where(index, k, province) for k in near) else ""


def _within(index: PlaceIndex, parsed: PlaceName, found: Match, province: Resolve) -> bool:
    """Whether ``found`` lies within :data:`COMPASS_KM` of a town the phrase names, or in the
    province it names."""
    for near_key in parsed.near:
        towns = [t for t in index.towns.get(near_key, ()) if t.lat is not None]
        if towns and found.lat is not None and found.lon is not None:
            lat, lon = found.lat, found.lon
            if min(km(lat, lon, t.lat or 0.0, t.lon or 0.0) for t in towns) > COMPASS_KM:
                return False
        elif not towns and found.province_iso not in _where(index, near_key, province):
            return False
    return True


def _where(index: PlaceIndex, near_key: str, province: Resolve) -> frozenset[str]:
    """The provinces of the towns or province a key names (none: it names neither)."""
    isos = index.context_provinces((near_key,))
    if isos:
        return isos
    found = province(near_key)
    exact = found.status == "matched" and found.score == 100 and found.method != "fuzzy"
    return frozenset({found.province_iso or ""}) if exact else frozenset()


def _names_place(index: PlaceIndex, words: str) -> bool:
    """Whether ``words`` name a town, prison or county."""
    run = key(words)
    return run in index.entries or run in index.towns or run in index.place_words


def _province_given(index: PlaceIndex, name: str, parsed: PlaceName) -> str:
    """The one province the name gives with a word for province, or ""."""
    if not parsed.context or not _says_province(name):
        return ""
    isos = {iso for word in parsed.context for iso in index.context_provinces((word,))}
    return next(iter(isos)) if len(isos) == 1 else ""


def _says_province(name: str) -> bool:
    """Whether ``name`` has a word for province (with Arabic's ب, in, joined to it too)."""
    return any(word in PROVINCE_WORDS for word in fold(name).split())


def slip_in_province(index: PlaceIndex, parsed: PlaceName, iso: str) -> Match | None:
    """The one town or prison of province ``iso`` whose key is one letter (changed, added,
    dropped, or two swapped) from the name's, where the name has four letters or more and is
    no place's name as it stands."""
    known = parsed.core in index.entries or parsed.core in index.towns
    if len(parsed.core) < MIN_SOUND_KEY or known or parsed.core in index.other_places:
        return None  # "ایوان استان تهران": Eyvan of Ilam, which contradicts, not Evin
    if any(p.province_iso != iso for p in _slips(index, parsed.core)):
        return None  # "ئەسفەهان ... محافظة ایلام": Isfahan by ear, which contradicts
    found = {
        place: name_key
        for name_key in _one_letter_from(parsed.core)
        if name_key in index.entries
        for place in index.entries[name_key].places
        if place.province_iso == iso
    }
    if len(found) != 1:
        return None
    (place, name_key), *_ = found.items()
    match = as_claimed(index, replace(parsed, core=name_key), place, settled=True)
    note = f"read as {match.prison or match.city}, {_SLIPS[0]}"
    return replace(match, method="fuzzy", score=90.0, note=note)


def far_from_province(index: PlaceIndex, parsed: PlaceName, iso: str) -> Match | None:
    """The province ``iso`` the name gives, as the place of a name of towns that all lie more
    than :data:`FAR_KM` from every town of that province, and of no prison by its own name."""
    core = parsed.core
    towns = [t for t in index.towns.get(core, ()) if t.lat is not None and t.lon is not None]
    places = index.entries[core].places if core in index.entries else ()
    if not towns or any(core in index.own_keys.get(p.prison_id or "", ()) for p in places):
        return None
    if any(core in index.qualifiers.get(place_of(p), ()) for p in (*places, *towns)):
        return None  # the town's own name: "Maragheh, Isfahan Province" contradicts itself
    points = _province_towns(index).get(iso, ())
    for town in towns:
        lat, lon = town.lat or 0.0, town.lon or 0.0
        if not points or min(km(lat, lon, t_lat, t_lon) for t_lat, t_lon in points) < FAR_KM:
            return None
    found = in_province(index, iso, known=False)
    names = " and ".join(sorted({f"{t.city} ({t.province})" for t in towns}))
    return replace(found, note=f"{found.note}; {names} lies far from it: another place")


def unknown_beside_county(index: PlaceIndex, parsed: PlaceName, iso: str) -> Match | None:
    """The province ``iso`` the name gives, as the place of words that name nothing the
    gazetteer knows, beside the name of a county or town of that province alone ("جهان آباد
    فهرج بمحافظة كرمان": a place of Fahraj county, Kerman)."""
    words = parsed.words
    runs = ("".join(words[i:j]) for i in range(len(words)) for j in range(i + 2, len(words) + 1))
    if any(run in index.entries or run in index.towns for run in runs):
        return None  # "محمود آباد نمونه": a town of Qazvin, beside Mazandaran's Mahmudabad
    for cut in range(1, len(words)):
        for place, rest in ((words[cut:], words[:cut]), (words[:cut], words[cut:])):
            if of_province(index, "".join(place), iso) and unknown(index, rest):
                return in_province(index, iso, known=False)
    return None


def persian_slip(index: PlaceIndex, parsed: PlaceName) -> Match | None:
    """The one place whose key the name's is a slip of (see the module's docstring)."""
    core = parsed.core
    if len(core) < MIN_SOUND_KEY or not _perso_arabic(core):
        return None
    strict = {k for k in slip_keys(core) if k in index.entries}
    places = {p for k in strict for p in index.entries[k].places}
    if len({(p.province_iso, p.city) for p in places}) != 1:
        return None
    match = next(iter(places))
    loose = (k for k in _one_letter_from(core) - strict if k in index.entries)
    if any(p.province_iso != match.province_iso for k in loose for p in index.entries[k].places):
        return None
    answer = as_claimed(index, replace(parsed, core=next(iter(strict))), match, settled=False)
    if answer.status != "matched":
        return None
    note = f"read as {answer.prison or answer.city}, {_SLIPS[1]}"
    return replace(answer, method="fuzzy", score=90.0, note=note)


def slip_keys(core: str) -> tuple[str, ...]:
    """``core`` with the slips :func:`persian_slip` reads undone, each in turn."""
    return (*_swapped(core), *_sounding_alike(core), *_arabic_vowels(core))


def _slips(index: PlaceIndex, core: str) -> set[Match]:
    """The places whose key ``core`` is a slip of (:func:`_slip_keys`)."""
    return {p for k in slip_keys(core) if k in index.entries for p in index.entries[k].places}


def _swapped(core: str) -> set[str]:
    """``core`` with two neighbouring letters swapped, neither the first nor the last (where
    Persian's suffixes are: "تبرزی" may be Tabarz's), if it has :data:`MIN_SWAP_KEY` letters."""
    if len(core) < MIN_SWAP_KEY:
        return set()
    return {
        core[:i] + core[i + 1] + core[i] + core[i + 2 :]
        for i in range(1, len(core) - 2)
        if core[i] != core[i + 1]
    }


def _arabic_vowels(core: str) -> set[str]:
    """``core`` as Persian writes the vowels an Arabic (or Latin) spelling writes otherwise:
    without one ا inside it where Persian writes a short a ("راشت" for Rasht, رشت), or with
    one where it writes a long one that the page left out ("کرمنشاه"), neither as the first nor
    the last letter nor beside another vowel letter; with a last ا read as the final ه
    ("اورمیا", Urmia, for اورمیه) in a key of :data:`MIN_SWAP_KEY` letters or more; and with a
    letter written twice in a row written once ("تببریز")."""
    inner = range(1, len(core) - 1)
    found = {
        core[:i] + core[i + 1 :]
        for i in inner
        if core[i] == _ALEF and not {core[i - 1], core[i + 1]} & _VOWEL
    }
    found |= {
        core[:i] + _ALEF + core[i:]
        for i in range(1, len(core))
        if not {core[i - 1], core[i]} & _VOWEL
    }
    found |= {core[:i] + core[i + 1 :] for i in inner if core[i] == core[i + 1]}
    if len(core) >= MIN_SWAP_KEY and core.endswith(_ALEF):
        found.add(core[:-1] + _HEH)
    return found


_ALEF = "ا"
_VOWEL = frozenset("اوی")


def _sounding_alike(core: str) -> set[str]:
    """``core`` with its letters of one sound written otherwise (at most :data:`_MOST_SOUNDS`
    such spellings), itself left out."""
    forms = [""]
    for letter in core:
        forms = [form + other for form in forms for other in _SOUNDS.get(letter, letter)]
        if len(forms) > _MOST_SOUNDS:
            return set()
    return set(forms) - {core}


def _one_letter_from(core: str) -> set[str]:
    """Every spelling one letter (changed, added, dropped, or two neighbours swapped) from
    ``core``, in Persian letters."""
    cut = [(core[:i], core[i:]) for i in range(len(core) + 1)]
    found = {a + b[1:] for a, b in cut if b}
    found |= {a + b[1] + b[0] + b[2:] for a, b in cut if len(b) > 1}
    found |= {a + c + b[1:] for a, b in cut if b for c in _LETTERS}
    found |= {a + c + b for a, b in cut for c in _LETTERS}
    return found - {core}


def _perso_arabic(name: str) -> bool:
    return _ARABIC_LETTER.search(name) is not None


_ARABIC_LETTER = re.compile("[\u0600-\u06ff]")


@cache
def _province_towns(index: PlaceIndex) -> dict[str, tuple[tuple[float, float], ...]]:
    """The points of the towns of each province."""
    found: dict[str, set[tuple[float, float]]] = {}
    for towns in index.towns.values():
        for t in towns:
            if t.lat is not None and t.lon is not None:
                found.setdefault(t.province_iso or "", set()).add((t.lat, t.lon))
    return {iso: tuple(sorted(points)) for iso, points in found.items()}
