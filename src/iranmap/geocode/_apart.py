"""A place the gazetteer does not know, with where it is set apart: its province.

Tables print a place with its province or town after a comma or in brackets ("Rostamkala,
Mazandaran", "Foo, Semnan Province", "Kolam - Badreh - Ilam"), or with a county ("Foo, Savadkuh
County"), or only near a town ("Kouchesfehan, near Rasht"). A place whose own words name nothing
the gazetteer knows, even nearly, is placed at the one province that says, at none of its towns
(no more precisely than the source), as is a place it knows only by name there with a town of
that province beside it (its county's seat: "Saadat-shahr Pasargad, Fars"): a province's name
with a word for province, or without
one; the end of a chain of places of one province (:func:`~iranmap.geocode._claim.given_province`);
a county's name, which lies in one province; a town's name only where the town lies deep in its
province (every town within :data:`~iranmap.geocode._bounds.INTERIOR_KM` in it: "Pasikhan,
Rasht", not "Foo, Tehran", beside Alborz's towns). Not where the words are even loosely near a
prison's name: a misspelled prison may be written with a province it does not lie in ("Ghezel
Hesar, Tehran Province", before Alborz was made of Tehran's west).

Part of :class:`~iranmap.geocode.Geocoder`, which asks :func:`unknown_apart` about every name
the naming rules (:func:`~iranmap.geocode._readings.by_rule`) leave unplaced.
"""

from __future__ import annotations

from collections.abc import Callable

from iranmap.geocode._bounds import interior_province
from iranmap.geocode._claim import given_province, in_province
from iranmap.geocode._reach import near
from iranmap.geocode._readings import SOME_PLACE, names_a_place, other_readings, unknown
from iranmap.geocode.index import PlaceIndex
from iranmap.geocode.match import Match
from iranmap.name_words import CITY_WORDS, COUNTY_NOISE
from iranmap.names import PlaceName, key, parse_place

#: The keys of the words for county ("contea": "Contea di Mamasani" names the county).
_COUNTY_WORDS = frozenset(key(word) for word in COUNTY_NOISE)


def unknown_apart(
    index: PlaceIndex,
    name: str,
    parsed: PlaceName,
    answer: Match,
    county_province: Callable[[tuple[str, ...]], frozenset[str]],
) -> Match:
    """``answer`` (unplaced), or the province the name sets apart its unknown place in (see
    the module's docstring); ``county_province`` gives the province of a county a name's
    qualifiers name."""
    if answer.status != "unmatched" or not parsed.words:
        return answer
    isos = given_province(index, name, parsed.context)
    # "Foo, Savadkuh County": not a town's name, which may say what the place is near ("Foo,
    # Karaj": a county named after its seat), nor a village's (geocode/_bounds.py reads "قرية ...
    # في رودبار جنوب")
    # ... nor the county's own name after a word for county ("Contea di Mamasani": the county's)
    county = len(parsed.context) == 1 and not parsed.says_village
    if not isos and county and not _COUNTY_WORDS & set(parsed.words):
        isos = frozenset() if parsed.context[0] in index.towns else county_province(parsed.context)
    if not isos and not parsed.context:  # "Kouchesfehan, near Rasht": deep in Gilan
        isos = interior_province(index, parsed.near)
    words = tuple(word for word in parsed.words if word not in CITY_WORDS)
    if len(isos) != 1 or not words:
        return answer
    if _of_province(index, parsed.words, next(iter(isos))):  # "Saadat-shahr Pasargad, Fars"
        return in_province(index, next(iter(isos)))
    if not unknown(index, words):
        return answer
    if names_a_place(index, parsed.words):
        return answer  # "آزاد شهر": a town's name has its word for city in it
    if any(parse_place(form).core in index.entries for form in other_readings(name)):
        return answer  # "Şino": Oshnavieh, as Turkish and Kurmanji letters write it
    if near(index, "prisons", "".join(words), SOME_PLACE):
        return answer  # a prison misspelled, with a province it may not lie in ("Gezl Hsar")
    return in_province(index, next(iter(isos)), known=False)


def _of_province(index: PlaceIndex, words: tuple[str, ...], iso: str) -> bool:
    """Whether ``words`` are a place of province ``iso`` the gazetteer knows only by name and
    a town of ``iso`` beside it, its county's seat ("Saadat-shahr Pasargad, Fars": Saadat Shahr,
    in Pasargad County), each named nowhere else."""
    for cut in range(1, len(words)):
        head, tail = "".join(words[:cut]), "".join(words[cut:])
        for place, town in ((head, tail), (tail, head)):
            towns = index.towns.get(town, ())
            if (
                towns
                and all(t.province_iso == iso for t in towns)
                and index.other_places.get(place) == frozenset({iso})
                and place not in index.entries
            ):
                return True
    return False
