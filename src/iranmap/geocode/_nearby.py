"""A place a name says is near somewhere ("... near Shiraz", "قرب شيراز", "west of Tehran") is
never placed far from there.

What a place is near is not where it is (Ghezel Hesar, "near Tehran", lies in Karaj, Alborz), so
the geocoder does not read it as the place's town or province. But it bounds where the place can
be: a reading that puts it hundreds of kilometres away (a village "near Shiraz" read as a town
of the same letters in Kermanshah) is another place, and the name is left unresolved, with the
distance in its note. Part of :class:`~iranmap.geocode.Geocoder`, which asks :func:`not_far`
about every answer it gives.
"""

from __future__ import annotations

from iranmap.geocode.index import PlaceIndex, km
from iranmap.geocode.match import Match
from iranmap.names import PlaceName

#: How far (km) a place may lie from the town its name says it is near: generous, since "west
#: of Tehran" is read as "near Tehran" too, and Kermanshah lies 425 km west of it; a reading
#: that lands in another part of Iran is still caught.
NEAR_KM = 500.0


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
            note = (
                f"{where} ({answer.province}) lies {away:,.0f} km from {closest}, which the "
                "name says the place is near: another place, which the gazetteer does not know"
            )
            return Match(query="", status="unmatched", score=answer.score, note=note)
    return answer
