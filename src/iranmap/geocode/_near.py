"""Near spellings: a Latin name one slip from exactly one place, and not even near another.

Reports misspell ("Tarbiz") and transliterate by ear ("Senendej" for Sanandaj, as Turkish
writes it). The fuzzy score of :class:`~iranmap.geocode.Geocoder` misses these (its threshold
is set for any slip in any name), so this rule reads a name nothing else placed. It takes a
place only when the name is *strictly near* it and *loosely near* no other place:

- strictly near: two neighbouring letters of the key swapped, not the first ("tarbiz",
  "tabriz"; keys of :data:`MIN_SLIP_KEY` letters or more), or, in keys of
  :data:`MIN_VOWEL_KEY` letters or more, a and e (a key writes e as i) read as one vowel after
  the first letter ("sinindij", "sanandaj"), and in keys of :data:`MIN_SHORT_VOWEL_KEY` letters
  or more, after the first vowel ("isfihan", "isfahan"; "birjind", "birjand");
- loosely near: any of those, or the same consonants (:func:`~iranmap.names.skeleton`, at
  least :data:`MIN_SKELETON` of them), or any one letter changed, added or dropped;
- the places compared are every name the geocoder knows: prisons and towns, and also
  provinces, counties and every GeoNames place of 500 people or more (``places.csv``): a name
  near a village of another province, or near a province's name, is near two places, and left
  alone. A prison and the town it stands in are one place here, as for the fuzzy score.

Why so strict: read as if its own place were missing, every one of the 3,156 distinct Latin
names the gazetteer holds was put through the rule (``tests/test_geocode_near.py``): none lands
in another province. With a and e as one after the first letter in keys of 6 letters or more,
two did ("Shirud" to Shahrud, "Shizand" to Shazand): a shorter key keeps its first vowel.
Measured on the 3,084 names before the counties' other names were added:
any one letter changed (not a swap) sent 53 of them to another province,
one letter added or dropped 27, the same consonants alone 19 ("Hoseynabad" to Hasanabad), a
and e as one in 7-letter keys 1 ("Shizand" to Shazand), a first letter swapped or a first
vowel changed 2 ("Radekan" to Ardakan, "Izad Shahr" to Azadshahr). The geocoder decides the
name as the key it is read as would be decided, against the row's own city and province, and
its note says what it was read as.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from functools import cached_property

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from iranmap.gazetteer import Gazetteer
from iranmap.geocode.index import PlaceIndex, name_key_of, prison_and_its_town
from iranmap.geocode.match import Match
from iranmap.names import county_key, key, skeleton

#: Fewest consonants a skeleton must keep to compare names by consonants alone ("snndj": 5).
MIN_SKELETON = 5
#: Fewest letters a key needs before one slip in it is read as a near spelling.
MIN_SLIP_KEY = 5
#: Fewest letters a key needs before its a and e are read as one vowel ("Senendej").
MIN_VOWEL_KEY = 8
#: Fewest letters a shorter key needs before its a and e are read as one vowel after its first
#: vowel ("Esfehan", "Birjend").
MIN_SHORT_VOWEL_KEY = 6
_FIRST_VOWEL = re.compile("[aiu]")

# What a name is near: an index key's place (a Match), or a place known only by name
# ("province", "county" or "place", its ISO code, its key).
Token = Match | tuple[str, str, str]


class NearSpellings:
    """The near-spelling rule over one gazetteer's names; see the module's docstring."""

    def __init__(self, index: PlaceIndex, gazetteer: Gazetteer) -> None:
        self._index = index
        self._gazetteer = gazetteer

    @cached_property
    def _others(self) -> dict[str, set[Token]]:
        """Names the index does not know, with the places they name (built on first use: a
        name read exactly never needs them). A name the index knows is its place's."""
        others: dict[str, set[Token]] = defaultdict(set)
        for province in self._gazetteer.provinces:
            for name in (province.name_en, *province.aliases):
                others[key(name)].add(("province", province.iso, key(province.name_en)))
        for county in self._gazetteer.counties:
            for name in (county.name_en, *county.aliases):
                others[county_key(name)].add(("county", county.province_iso, county.name_en))
        for place in self._gazetteer.places:
            place_key = name_key_of(place.name)
            others[place_key].add(("place", place.province_iso, place_key))
        entries = self._index.entries
        return {k: v for k, v in others.items() if k not in entries and k.isascii()}

    @cached_property
    def _keys(self) -> list[str]:
        return [k for k in (*self._index.entries, *self._others) if k.isascii() and k]

    @cached_property
    def _dropped(self) -> dict[str, list[str]]:
        """Each key, and each key with one letter dropped, with the keys it comes from: two keys
        one slip apart (a letter changed, added or dropped, two neighbours swapped) share one."""
        found: dict[str, list[str]] = defaultdict(list)
        for name_key in self._keys:
            for form in {name_key, *_one_dropped(name_key)}:
                found[form].append(name_key)
        return found

    def _slips(self, core: str) -> set[str]:
        """The keys at most one slip from ``core`` (optimal string alignment distance)."""
        near = {k for form in {core, *_one_dropped(core)} for k in self._dropped.get(form, ())}
        return {k for k in near if OSA.distance(core, k, score_cutoff=1) <= 1}

    @cached_property
    def _skeletons(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = defaultdict(list)
        for name_key in self._keys:
            bare = skeleton(name_key)
            if len(bare) >= MIN_SKELETON:
                found[bare].append(name_key)
        return found

    @cached_property
    def _vowels(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = defaultdict(list)
        for name_key in self._keys:
            if len(name_key) >= MIN_VOWEL_KEY:
                found[_vowels(name_key)].append(name_key)
        return found

    def near(self, core: str) -> tuple[dict[Token, str], dict[Token, str]]:
        """The places ``core`` is a near spelling of (one swap, or Turkish vowels), and every
        place it is loosely near (same consonants, or any one slip): each with its nearest key."""
        if not core.isascii():
            return {}, {}
        loose: set[str] = set()
        bare = skeleton(core)
        if len(bare) >= MIN_SKELETON:
            loose |= set(self._skeletons.get(bare, ()))
        if len(core) >= MIN_SLIP_KEY:
            loose |= self._slips(core)
        loose |= set(self._vowels.get(_vowels(core), ())) if len(core) >= MIN_VOWEL_KEY else set()
        loose.discard(core)
        strict = {k for k in loose if _swapped(core, k) or _turkish(core, k)}
        return self._places(core, strict), self._places(core, loose)

    def spelling(self, core: str) -> tuple[str, float] | None:
        """The index key ``core`` is a near spelling of, and its similarity; None unless the
        name is near exactly one place, and no other place is even loosely near it, and that
        place is a name of the index (a prison or town, not a province, county or village)."""
        strict, loose = self.near(core)
        places = _merged({**loose, **strict})
        if len(strict) == 0 or len(places) != 1:
            return None
        token = next(iter(places))
        # An index key's answer, even one several prisons of a town share ("Ahvaz"): the name
        # is then read as that key, and decided as the key itself would be.
        if not isinstance(token, Match) or token not in strict:
            return None
        return strict[token], round(fuzz.ratio(core, strict[token]), 1)

    def _places(self, core: str, keys: set[str]) -> dict[Token, str]:
        places: dict[Token, str] = {}
        for name_key in sorted(keys, key=lambda k: (-fuzz.ratio(core, k), k)):
            for token in self._tokens(name_key):
                places.setdefault(token, name_key)
        return places

    def _tokens(self, name_key: str) -> Iterable[Token]:
        entry = self._index.entries.get(name_key)
        if entry is not None:
            return (entry.answer,)
        return self._others.get(name_key, ())


def _swapped(one: str, other: str) -> bool:
    """Whether ``other`` is ``one`` with two neighbouring letters swapped ("tarbiz", "tabriz")."""
    if len(one) != len(other) or len(one) < MIN_SLIP_KEY:
        return False
    diff = [i for i, (a, b) in enumerate(zip(one, other, strict=True)) if a != b]
    return (
        len(diff) == 2
        and diff[0] > 0  # a name's first letter is no slip: "Radekan" is not Ardakan
        and diff[1] == diff[0] + 1
        and (one[diff[0]], one[diff[1]]) == (other[diff[1]], other[diff[0]])
    )


def _vowels(name_key: str) -> str:
    """A key with its a, e and i as one vowel after its first letter: Turkish and Azeri write
    e for Persian a ("Senendej" for Sanandaj), and a key already writes e as i. A first vowel
    is kept: "Izad Shahr" is not Azadshahr."""
    return name_key[:1] + name_key[1:].replace("i", "a")


def _turkish(one: str, other: str) -> bool:
    if one == other or len(one) < MIN_SHORT_VOWEL_KEY:
        return False
    if len(one) >= MIN_VOWEL_KEY:
        return _vowels(one) == _vowels(other)
    return _later_vowels(one) == _later_vowels(other)


def _later_vowels(name_key: str) -> str:
    """A key with its a, e and i as one vowel after its first vowel ("isfihan", "isfahan"): a
    shorter key keeps its first vowel, for "Shizand" (Qazvin) is not Shazand (Markazi), nor
    "Shirud" (Mazandaran) Shahrud."""
    first = _FIRST_VOWEL.search(name_key)
    if first is None:
        return name_key
    return name_key[: first.end()] + name_key[first.end() :].replace("i", "a")


def _merged(places: dict[Token, str]) -> dict[Token, str]:
    """``places`` with a prison and the town it stands in counted once (the prison's key)."""
    matches = [t for t in places if isinstance(t, Match)]
    merged = dict(places)
    for prison in (m for m in matches if m.kind == "prison"):
        for town in (m for m in matches if m.kind == "city"):
            if town in merged and prison_and_its_town(prison, town):
                del merged[town]
    return merged


READ_AS = "read as "
_NEAR = ", a near spelling"


def keep_reading(before: Match, after: Match) -> Match:
    """``after`` (``before`` as a later rule claimed it) still saying what the name was read as."""
    read = (before.note or "").split(";")[0]
    if not read.startswith(READ_AS) or read in (after.note or ""):
        return after
    return replace(after, note=f"{read}; {after.note}" if after.note else read)


def read_name(answer: Match) -> str | None:
    """The name a near spelling was read as ("Tabriz" for "Tarbiz"), from its note; else None."""
    read = (answer.note or "").split(";")[0]
    if not read.startswith(READ_AS) or not read.endswith(_NEAR):
        return None
    return read.removeprefix(READ_AS).removesuffix(_NEAR)


def read_as(answer: Match, index: PlaceIndex, name_key: str) -> Match:
    """A near spelling's answer, with a note of the name it was read as: the town's name where
    ``name_key`` is one of the town's names ("Tarbiz": read as Tabriz), else the prison's."""
    town = name_key in index.town_keys.get(answer.prison_id or "", frozenset())
    name = answer.city if town or answer.kind == "city" else answer.prison
    read = f"{READ_AS}{name}{_NEAR}"
    return replace(answer, method="fuzzy", note=f"{read}; {answer.note}" if answer.note else read)


def _one_dropped(text: str) -> set[str]:
    """``text`` with each one of its letters dropped."""
    return {text[:at] + text[at + 1 :] for at in range(len(text))}
