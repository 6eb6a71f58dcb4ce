"""A building or site of a town: a hospital, a university, a school, a mosque, a court, a
beach, a fuel station (the words of :data:`~iranmap.town_part_words.TOWN_PART_WORDS`).

A row is placed at the most precise place its own words name, never further. "Sardasht
Hospital", "Kasra Hospital, Tehran", "ein Krankenhaus in Çardêran", "بیمارستان خاتم الانبیاء
زاهدان" name a site of a town the gazetteer does not know: the town, at city precision (its
point; the site's own is not known), read as a square of a town is
(:func:`~iranmap.geocode._readings.part_of_town`), with a town's name before the word for the
site read as its own, as a stadium's ("Sardasht Hospital"). A site of a county ("جایگاه سوخت
شهرستان فنوج", a fuel station of Fanuj county; "Chaldoran Hospital", where no town has the
county's name) names no town: the county's province, at none of its towns. A site of a place
the gazetteer knows only by name ("Chamkhaleh Beach"): that place, as the place's own name
alone is (:func:`site_by_name`). A site whose own words name no town stays unresolved ("local
hospital"), as does a town of two provinces ("Sardasht Hospital" names Sardasht of West
Azerbaijan, of Khuzestan or of Hormozgan) unless the row or the name says which. A prison is
no site of this kind: a name that says prison is read by the prisons' rules alone.

Part of :class:`~iranmap.geocode.Geocoder`, which asks :func:`site_of_town` about every name
the naming rules leave unplaced, and :func:`site_by_name` last.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from iranmap.geocode._claim import in_province, place_by_name
from iranmap.geocode._county import beside_word
from iranmap.geocode._readings import SITE_KEYS, names_a_place, part_of_town
from iranmap.geocode.index import PlaceIndex
from iranmap.geocode.match import Match
from iranmap.name_words import CITY_WORDS, COUNTY_NOISE
from iranmap.names import PlaceName, fold, key, parse_place

#: The words for county ("شهرستان فنوج", "Fanuj County"), not those for town.
_COUNTY_WORDS = frozenset(COUNTY_NOISE - CITY_WORDS)


def site_of_town(
    index: PlaceIndex,
    name: str,
    parsed: PlaceName,
    context: tuple[str, ...],
    answer: Match,
    county_province: Callable[[tuple[str, ...]], frozenset[str]],
) -> Match:
    """``answer`` (an unplaced name), or the town or county a site of it names (see the
    module's docstring); ``county_province`` gives the one province of the counties keys name."""
    if answer.status != "unmatched" or parsed.says_prison or not _site(parsed):
        return answer
    if parsed.core in index.entries or names_a_place(index, parsed.words):
        return answer  # "مسجد سلیمان": a town's name, with its word for mosque in it
    county = _county_named(name, county_province)
    if not county:
        town = part_of_town(index, parsed, context, site=True)
        if town is not None:
            return town
        county = _county_beside(index, parsed, county_province)  # "Chaldoran Hospital": no town
    if not county:
        return answer
    found = in_province(index, county, known=False)
    where = found.province or county
    note = f"a building or site of a county of {where}; placed in the province"
    return replace(found, note=note, reading=f"a building or site of a county of {where}")


def site_by_name(index: PlaceIndex, name: str, answer: Match, county_keys: frozenset[str]) -> Match:
    """``answer``, or where it placed nothing, the one place known by name that the words of a
    site's name beside its word for the site spell ("Chamkhaleh Beach": Chamkhaleh, of Gilan),
    where the name says nothing else of where it is."""
    parsed = parse_place(name)
    if answer.status != "unmatched" or parsed.says_prison or parsed.context or not _site(parsed):
        return answer
    rest = [word for word in fold(name).split() if key(word) not in SITE_KEYS]
    if not rest or len(rest) == len(fold(name).split()):
        return answer
    found = place_by_name(index, " ".join(rest), answer, county_keys)
    if found.status != "matched" or found.kind != "city":
        return answer
    note = f"a building or site of {found.city}; placed at {found.city}"
    return replace(found, note=note, reading=f"a building or site of {found.city}")


def _site(parsed: PlaceName) -> bool:
    """Whether the name has a word for a building or site."""
    return any(word in SITE_KEYS for word in parsed.words)


def _county_beside(
    index: PlaceIndex,
    parsed: PlaceName,
    county_province: Callable[[tuple[str, ...]], frozenset[str]],
) -> str:
    """The one province of the county the name gives apart ("Foo Hospital, Chaldoran"), or
    else names at its start or end beside its word for the site ("Chaldoran Hospital",
    "بیمارستان امام چالدران") where no words there name a town or prison, or ""."""
    if parsed.context:
        isos = county_province(parsed.context)
    else:
        words = parsed.words
        at = [i for i, word in enumerate(words) if word in SITE_KEYS]
        runs = ["".join(words[:end]) for end in range(1, at[0] + 1)]
        runs += ["".join(words[start:]) for start in range(at[-1] + 1, len(words))]
        if any(run in index.towns or run in index.entries for run in runs):
            return ""  # "Khomeini Shahr Hospital": a town's name, with Khomeyn county's in it
        isos = county_province(tuple(runs))
    return next(iter(isos)) if len(isos) == 1 else ""


def _county_named(name: str, county_province: Callable[[tuple[str, ...]], frozenset[str]]) -> str:
    """The one province of the county a word for county names beside it ("شهرستان فنوج",
    "Fanuj County"), or ""."""
    words = fold(name).split()
    for at, word in enumerate(words):
        if word not in _COUNTY_WORDS:
            continue
        runs = ["".join(key(w) for w in run) for run, _ in beside_word(words, at)]
        isos = county_province(tuple(run for run in runs if run))
        if len(isos) == 1:
            return next(iter(isos))
    return ""
