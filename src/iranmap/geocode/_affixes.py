"""Other readings of a name nothing placed: as another language's letters write Persian, or
with a town written with an affix set apart as the name's qualifier.

- Turkish ş, ç, and h for kh (:func:`~iranmap.names.turkish_forms`); Spanish j for kh and French
  ch for sh (:func:`~iranmap.geocode._readings.respelled`): see those.

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

from collections.abc import Callable

from iranmap.geocode._readings import respelled
from iranmap.geocode.index import PlaceIndex
from iranmap.geocode.match import Match
from iranmap.names import PlaceName, key
from iranmap.spellings import as_turkish, turkish_forms

#: The Arabic preposition joined to the word after it.
_ARABIC_AT = "ب"
#: The German ending of a town's adjective ("Teheraner", "Isfahaner"), in any case.
_GERMAN_OF = "er"


def read_otherwise(
    index: PlaceIndex, name: str, parsed: PlaceName, answer: Match, place: Callable[[str], Match]
) -> Match:
    """``answer``, or if it places nothing, what ``place`` finds for another reading of ``name``:
    as Turkish writes it ("Kirmanşah", "Hürremşehr": h read as kh only where that gives a name,
    not a fuzzy score), then as Spanish or French write it, or with its affixed town apart
    (these only where that gives a place's own name or alias, or one at the town it names)."""
    if answer.status == "matched":
        return answer
    for form in turkish_forms(name):
        found = place(form)
        kh = form != as_turkish(name)
        if found.status == "matched" and not (kh and found.method == "fuzzy"):
            return found
    other = respelled(index, parsed, name) or set_apart(index, name)
    found = place(other) if other else answer
    return found if found.status == "matched" and found.score == 100 else answer


def set_apart(index: PlaceIndex, name: str) -> str:
    """``name`` with its one affixed town set apart after a comma, or "" if it has none."""
    words = name.split()
    found = [(i, town) for i, word in enumerate(words) if (town := _town(index, word))]
    if len(found) != 1 or len(words) < 2:
        return ""
    at, town = found[0]
    comma = "،" if _arabic(town) else ","
    return f"{' '.join(words[:at] + words[at + 1 :])}{comma} {town}"


def _town(index: PlaceIndex, word: str) -> str:
    """The town ``word`` names with its affix taken off, or ""."""
    if _known(index, key(word)):
        return ""
    if word.startswith(_ARABIC_AT) and len(word) > 3:
        bare = word[len(_ARABIC_AT) :]
    elif word.isalpha() and word.casefold().endswith(_GERMAN_OF) and len(word) > 5:
        bare = word[: -len(_GERMAN_OF)]
    else:
        return ""
    return bare if key(bare) in index.towns else ""


def _known(index: PlaceIndex, word_key: str) -> bool:
    return (
        not word_key
        or word_key in index.entries
        or word_key in index.place_words
        or word_key in index.other_places
    )


def _arabic(word: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in word)
