"""Readings a name's own words rule out: far from what it says its place is near, and a town
where it says a village.

A place a name says is near somewhere ("... near Shiraz", "قرب شيراز", "west of Tehran") is
never placed far from there.

What a place is near is not where it is (Ghezel Hesar, "near Tehran", lies in Karaj, Alborz), so
the geocoder does not read it as the place's town or province. But it bounds where the place can
be: a reading that puts it hundreds of kilometres away (a village "near Shiraz" read as a town
of the same letters in Kermanshah) is another place, and the name is left unresolved, with the
distance in its note.

A name that says its place is a village ("village of Foo", "روستای فلان", "قرية ...") is never
placed at the town of that name: villages share their names with towns all over Iran, and the
gazetteer places none. Where the row or the name gives the village's province, or the name
gives a town beside the village's own name, the village is placed at that province (no more
precisely than the source); so is a village near a town whose every neighbour within
:data:`INTERIOR_KM` lies in its province ("قرية ... قرب شيراز"; not "near Tehran", whose
neighbour Karaj lies in Alborz); otherwise it is left unresolved.

Part of :class:`~iranmap.geocode.Geocoder`, which asks both about every answer it gives.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cache

from iranmap.geocode._places import by_name
from iranmap.geocode.index import PlaceIndex, km
from iranmap.geocode.match import Match
from iranmap.names import PlaceName

#: How far (km) a place may lie from the town its name says it is near: generous, since "west
#: of Tehran" is read as "near Tehran" too, and Kermanshah lies 425 km west of it; a reading
#: that lands in another part of Iran is still caught.
NEAR_KM = 500.0
#: How far (km) around a town every town must lie in its province for a village near it to be
#: placed in that province.
INTERIOR_KM = 100.0
#: How far (km) from a town of its province a place may lie and still be "in" it, as reports
#: say of a prison outside its town ("Qarchak prison in Varamin", 18 km away).
BESIDE_KM = 25.0
#: How the notes of the answers these rules leave unresolved end, and begin.
_FAR = "which the name says the place is near: another place, which the gazetteer does not know"
_VILLAGE = "the name says a village, and the town of "
#: How the notes of the places around a town that :mod:`._around` leaves unresolved begin.
AROUND = "the name says a place around a town"


def not_far(index: PlaceIndex, parsed: PlaceName, answer: Match) -> Match:
    """``answer``, or unresolved where it lies more than :data:`NEAR_KM` from every town of the
    name that the name says its place is near (a name the gazetteer does not know as a town
    bounds nothing)."""
    if answer.status != "matched" or answer.lat is None or answer.lon is None:
        return answer
    for near_key in parsed.near:
        towns = [
            (km(t.lat, t.lon, answer.lat, answer.lon), t.city or "")
            for t in index.towns.get(near_key, ())
            if t.lat is not None and t.lon is not None
        ]
        if not towns:
            continue
        away, closest = min(towns)
        if away > NEAR_KM:
            where = answer.prison or answer.city or "the place found"
            note = f"{where} ({answer.province}) lies {away:,.0f} km from {closest}, {_FAR}"
            return Match(query="", status="unmatched", score=answer.score, note=note)
    return answer


def beside(town: Match, place: Match) -> bool:
    """Whether ``place`` lies within :data:`BESIDE_KM` of ``town``, in its province."""
    if town.province_iso != place.province_iso or None in (
        town.lat,
        town.lon,
        place.lat,
        place.lon,
    ):
        return False
    return km(town.lat or 0.0, town.lon or 0.0, place.lat or 0.0, place.lon or 0.0) < BESIDE_KM


def near_province(index: PlaceIndex, parsed: PlaceName) -> frozenset[str]:
    """The one province of the towns the name says its place is near, where every town within
    :data:`INTERIOR_KM` of them lies in it too, if the name says a village; none otherwise."""
    return interior_province(index, parsed.near) if parsed.says_village else frozenset()


def only_near(
    index: PlaceIndex, parsed: PlaceName, answer: Match, province: Callable[[str], Match]
) -> Match:
    """``answer``, or for a name that says only what its place is near and is unresolved
    ("outside Torbat-e Jam", "near Shiraz"), the one province of those towns (as
    :func:`near_province` tells it): at none of its towns. ``province`` resolves an ISO code."""
    if answer.status == "matched" or parsed.words or not parsed.near:
        return answer
    isos = interior_province(index, parsed.near)
    if not isos:
        return answer
    found = province(next(iter(isos)))
    note = f"a place near a town of {found.province}; placed in the province, at none of its towns"
    reading = f"a place near a town of {found.province}"
    return replace(found, precision="province", note=note, reading=reading)


def interior_province(index: PlaceIndex, near: tuple[str, ...]) -> frozenset[str]:
    """The one province of the towns of keys ``near`` and of every town within
    :data:`INTERIOR_KM` of them; none otherwise."""
    isos: set[str] = set()
    for near_key in near:
        for town in index.towns.get(near_key, ()):
            if town.lat is None or town.lon is None:
                return frozenset()
            isos |= _provinces_around(index, town.lat, town.lon) | {town.province_iso or ""}
    return frozenset(isos) if len(isos) == 1 else frozenset()


@cache
def _provinces_around(index: PlaceIndex, lat: float, lon: float) -> frozenset[str]:
    """The provinces of every town of ``index`` within :data:`INTERIOR_KM` of a point: the
    same few hundred towns' points are asked of again and again (every "X, Shiraz" of a
    table), each a pass over every town."""
    return frozenset(
        iso for iso, t_lat, t_lon in _points(index) if km(lat, lon, t_lat, t_lon) < INTERIOR_KM
    )


@cache
def _points(index: PlaceIndex) -> tuple[tuple[str, float, float], ...]:
    """The province and point of every town of ``index``."""
    return tuple(
        sorted(
            {
                (t.province_iso or "", t.lat, t.lon)
                for towns in index.towns.values()
                for t in towns
                if t.lat is not None and t.lon is not None
            }
        )
    )


def no_village_as_town(
    parsed: PlaceName, answer: Match, provinces: frozenset[str], province: Callable[[str], Match]
) -> Match:
    """``answer``, unless the name says a village and ``answer`` is no prison: then the
    province of the row or the name (``provinces``, where it is one), or of a town the name
    gives beside the village's own name, if the answer is not a town elsewhere; otherwise
    unresolved. ``province`` resolves a province's ISO code."""
    if not parsed.says_village or (answer.status == "matched" and answer.kind != "city"):
        return answer
    if by_name(answer):  # "روستای آبکنار": the village itself, a place GeoNames lists
        return answer
    if answer.status == "matched" and answer.method == "fuzzy" and provinces:
        answer = _UNPLACED  # a village's own name near a town's ("کوران", Gorgan): not the town
    town = answer.status == "matched"
    here = answer.province_iso if town else next(iter(provinces), None)
    # a town beside words that name nothing ("روستای ایستی سو سلماس") says where the village is
    beside = town and answer.own_place
    if here and (here in provinces or beside) and (town or len(provinces) == 1):
        found = province(here)
        instead = f" (the town of {answer.city} is another place)" if town else ""
        note = (
            f"the name says a village of {found.province}, which the gazetteer does not place: "
            f"placed at its province{instead}"
        )
        reading = f"a village of {found.province} that the gazetteer does not place"
        return replace(found, precision="province", note=note, reading=reading)
    if not town:
        return answer
    note = (
        f"{_VILLAGE}{answer.city} ({answer.province}) is another place; give the village's "
        "province in the row to place it there"
    )
    return Match(query="", status="unmatched", score=answer.score, note=note)


_UNPLACED = Match(query="", status="unmatched", score=0.0)


def ruled_out(match: Match) -> bool:
    """Whether ``match`` places nothing because the name's own words rule its reading out (a
    village, a place far from the town it is said to be near, a place around a town)."""
    note = match.note or ""
    said = note.endswith(_FAR) or note.startswith((_VILLAGE, AROUND))
    return match.status == "unmatched" and said
