"""A name that is one GeoNames place's alone: placed at that place, at precision ``city``.

The gazetteer's towns (``cities.csv``) are those of 20,000 people or more, or with a prison;
``places.csv`` holds every GeoNames place of 500 people or more, each with its point and the
spellings GeoNames gives it (Latin and Persian: "Kerend" and "کرند غرب" for Kerend-e Gharb,
"Dalgan" for Galmurti, "Sadra" for Shahr-e Sadra). A name that is exactly one of these
spellings names that place: a report that writes "Kerend" says the figure belongs to Kerend.

Why at the place's point, precision ``city``, and not at its province: the claim is placed as
precisely as the source names it, no more. The name names the place, and the point is the
place's centre, as a town's name is placed at the town's centre; it says nothing of a site in
it. So a prisons table's "Kerend 2" or "Kerend Prison" is a prison in Kerend that the gazetteer
does not know, placed at Kerend as an unknown prison of any town is (method ``city``). A name
of a place of the city list by another of its spellings ("Sadra") is that town.

The name as written, with no town or province beside it in the name or the row, is read so
last (:func:`~iranmap.geocode._claim.place_by_name`), where every other rule left it unplaced
(a form a rule reads is never: "Tiranin zindanı" is not Tehran by Tiran's old name), and only
where nothing else can be meant (:func:`sure_place`):

- every place of that spelling lies in one province;
- no town or prison of another province has a key of the same consonants, or one letter from
  it ("Sherud", a village of Mazandaran, may be Shahrud of Semnan written with other vowels),
  (a key one slip from it: a letter dropped, added, changed, or two swapped; two from a key
  of fewer than five letters, which say little: "Kaaj" is Kaj of Chaharmahal, or Karaj with
  its r dropped; not a first letter changed: "Kerend" is no slip of Merend, Marand), or has
  it as a part of its name ("Hesar": Ghezel Hesar; "Jaz": Bandar-e Gaz, as Bandar-i-Jaz);
- it is no county's or province's name (which say only a province);
- it has no letter that writes a sound of two of English's (Turkish ş, Slavic č): the
  respelling rules read those ("Şerud" may be Sharud, another name of Shahrud);
- a name that says prison reaches a real town (20,000 people or more): a prison named after a
  village may stand by any village of that name; a name that says town, no village (under
  2,000).

A name that places of two provinces share stays unresolved, with a note saying where they lie,
unless the row's city or province, or the name's own, says which: then the one place of that
spelling there (:func:`known_place`), or its province where several places there share it.
These places are never the answer of a near spelling: only their exact spellings reach them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from functools import cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from iranmap.gazetteer import Place
from iranmap.geocode._near import MIN_SLIP_KEY
from iranmap.geocode._reach import keys_of_length
from iranmap.geocode.index import SAME_TOWN_KM, PlaceIndex, Town, distinct_towns, km, name_key_of
from iranmap.geocode.match import Match, Method
from iranmap.names import PlaceName, skeleton

#: How near (rapidfuzz ratio) a town's or prison's key of another province may come to a
#: place's spelling before the spelling may be the town's: one letter in a key of 10 letters.
RIVAL_SCORE = 90.0
#: A place of fewer people than this (GeoNames) is taken for a village, with no prison, and a
#: name alone is not read as it (a village's name is as often another village's: see
#: _its_own_spelling); a name read as a town over such a namesake must reach a real town, of at
#: least TOWN people.
VILLAGE = 2_000
TOWN = 20_000
#: How near (rapidfuzz ratio) a name alone must come to a place's own name (not another name of
#: it: an old one) to be read as that place.
_OWN_SPELLING = 70.0
#: How a placement by a place known by name begins its ``reading``.
READING = "a GeoNames place of "


def known_place(index: PlaceIndex, parsed: PlaceName, iso: str) -> Match | None:
    """The one place (a town of the city list, or a place known by name) of province ``iso``
    that ``parsed``'s key spells, as a town answer at its point; the province (no point)
    where several places there have that spelling; None where none has, or one has no point."""
    places = [p for p in index.known_places.get(parsed.core, ()) if p.province_iso == iso]
    if not places or any(p.lat is None or p.lon is None for p in places):
        return None
    towns = distinct_towns([_town(p) for p in places])
    if len(towns) > 1:
        return None
    place = next(p for p in places if p.name == towns[0].name)
    method: Method = "exact" if name_key_of(place.name) == parsed.core else "alias"
    listed = _listed_town(index, towns[0])
    if listed is not None:
        return replace(listed, method=method)
    found = index.town_match(towns[0])
    province = found.province or iso
    people = f", {place.population:,} people" if place.population else ""
    note = (
        f"{place.name}, a place of {province} that GeoNames lists{people} and the gazetteer's "
        "towns do not; placed at its point"
    )
    reading = f"{READING}{province}, {place.name}, at its centre (precision city)"
    return replace(found, method=method, note=note, reading=reading)


def sure_place(index: PlaceIndex, parsed: PlaceName, iso: str, county_keys: frozenset[str]) -> bool:
    """Whether ``parsed`` (a name with no place beside it, whose every place known by name lies
    in ``iso``) can mean nothing else: no county's or province's name, and no spelling of a
    town or prison of another province (the same consonants, or one letter away), nor a part of
    the name of one ("Hesar": Ghezel Hesar; "Jaz": Bandar-e Gaz)."""
    core = parsed.core
    if core in county_keys or core in index.province_names:
        return False
    if not all(_its_own_spelling(p, core) for p in index.known_places.get(core, ())):
        return False
    if index.name_parts.get(core, frozenset()) - {iso}:
        return (
            False  # "Jaz": Bandar-e Gaz of Golestan without its Bandar, as much as Gaz of Isfahan
        )
    if _skeleton_provinces(index).get(skeleton(core), frozenset()) - {iso}:
        return False
    keys = keys_of_length(index, "places", len(core), RIVAL_SCORE)
    near = process.extract(
        core, keys, scorer=fuzz.ratio, processor=None, limit=10, score_cutoff=RIVAL_SCORE
    )
    # one slip from a short key too ("Avaz", a village of Fars, is Ahvaz with its h dropped);
    # two from a key of under MIN_SLIP_KEY letters ("Kaaj", Kaj of Chaharmahal, or Karaj)
    most = 1 if len(core) >= MIN_SLIP_KEY else 2
    slips = process.extract(
        core, index.keys, scorer=OSA.distance, processor=None, limit=None, score_cutoff=most
    )
    slipped = _not_first_letter({index.keys[at] for _, _, at in slips}, core)
    rivals = {keys[at] for _, _, at in near} | slipped
    return not any(p.province_iso != iso for k in rivals for p in index.entries[k].places)


def _its_own_spelling(place: Place, core: str) -> bool:
    """Whether ``core``, alone, can only be ``place``: a spelling of its own name ("Kerend" of
    Kerend-e Gharb, "Sadra" of Shahr-e Sadra, "Bileh Var" of Bilevar), not another name GeoNames
    gives it (an old one: "Arya Shahr", Fulad Shahr before 1979, is also a quarter of Tehran;
    "Sain Qaleh", Shahin Dezh's, is also a town of Zanjan), of a place of VILLAGE people
    or more (a village's name is as often another village's, all over Iran, that GeoNames lists
    under 500 people or not at all: "Bilvar" of Kermanshah, not Bilevar of West Azerbaijan)."""
    # (no count: a seat of a county or district, which GeoNames lists whatever its people)
    big = place.population >= VILLAGE or place.population == 0
    own = name_key_of(place.name)
    if not core.isascii():  # (its Persian names are kept where they spell a Latin one of its)
        return big
    part = min(len(core), len(own)) >= 4 and (core in own or own in core)  # "Eyvan-e Gharb"
    return big and (part or fuzz.ratio(core, own) >= _OWN_SPELLING)


def _not_first_letter(keys: set[str], core: str) -> set[str]:
    """The ``keys`` but those that differ from ``core`` only in their first letter ("mirind",
    Marand, from "kirind", Kerend): no slip a writer makes (:mod:`._near` reads none either)."""
    return {k for k in keys if len(k) != len(core) or k[1:] != core[1:] or k[:1] == core[:1]}


@cache
def _skeleton_provinces(index: PlaceIndex) -> dict[str, frozenset[str]]:
    """The provinces of the towns and prisons of each skeleton of ``index``'s keys."""
    found: dict[str, set[str]] = defaultdict(set)
    for name_key, entry in index.entries.items():
        found[skeleton(name_key)].update(p.province_iso or "" for p in entry.places)
    return {bare: frozenset(isos) for bare, isos in found.items()}


def written_plainly(name: str) -> bool:
    """Whether ``name`` has no letter that stands for two of English's (Turkish ş for sh, Slavic
    č for ch): a name written so is read by the respelling rules (:mod:`iranmap.spellings`), not
    compared as written ("Şerud" may be Sharud, Shahrud's other name, not Sirud of Mazandaran)."""
    return not _SCHEME_LETTERS & set(name)


#: Latin letters that write a sound English writes with two (or that a key folds to another).
_SCHEME_LETTERS = frozenset("şçğıžčšćśźżñŞÇĞİŽČŠĆŚŹŻÑ")


def people(index: PlaceIndex, name_key: str, iso: str) -> int:
    """The largest population of a place of province ``iso`` spelled ``name_key``; 0 if none."""
    places = index.known_places.get(name_key, ())
    return max((p.population for p in places if p.province_iso == iso), default=0)


def by_name(match: Match) -> bool:
    """Whether ``match`` is a place known by name (:func:`known_place`), not a town's."""
    return (match.reading or "").startswith(READING)


def _town(place: Place) -> Town:
    return Town(
        place.name, place.province_iso, place.lat or 0.0, place.lon or 0.0, place.population
    )


def _listed_town(index: PlaceIndex, town: Town) -> Match | None:
    """The town of the city list ``town`` is (its name's key, its province, its point)."""
    for listed in index.towns.get(name_key_of(town.name), ()):
        if listed.province_iso != town.province_iso or listed.lat is None or listed.lon is None:
            continue
        if km(listed.lat, listed.lon, town.lat, town.lon) < SAME_TOWN_KM:
            return listed
    return None
