"""Claim precision: a name is placed at the most precise place its own words give, no further.

A prison reached by its town's name only ("Isfahan", "Shiraz Prison", "زندان تبریز") is the
town: the name says there was a prison in that town, not which one. Part of
:class:`~iranmap.geocode.Geocoder`, which applies :func:`as_claimed` to every answer.
"""

from __future__ import annotations

from dataclasses import replace

from rapidfuzz import fuzz

from iranmap.geocode.index import PlaceIndex, km
from iranmap.geocode.match import Match
from iranmap.names import PlaceName, key


def as_claimed(index: PlaceIndex, parsed: PlaceName, answer: Match) -> Match:
    """``answer``, or the town it stands in when the name gives only that town.

    The answer is then the town, at its point, with the prison as ``likely``. A name that says
    which of the town's prisons ("Central", "Women's") or gives the prison's own name keeps
    the prison. A near spelling counts as the name it is nearest to.
    """
    if answer.status != "matched" or answer.kind != "prison" or parsed.says_which:
        return answer
    prison_id = answer.prison_id or ""
    core = parsed.core
    own = index.own_keys.get(prison_id, frozenset()) | index.own_names.get(prison_id, frozenset())
    if core in own:
        return answer  # "Dastgerd": the prison's own name, even where a town shares it
    # A town of the prison's province by this very name ("Varamin" for Qarchak).
    town = _nearest_town(index, core, answer)
    if town is None:
        towns = index.town_keys.get(prison_id, frozenset())
        if not towns:
            return answer
        nearest_town = max(fuzz.ratio(core, k) for k in towns)
        if own and max(fuzz.ratio(core, k) for k in own) >= nearest_town:
            return answer
        town = _nearest_town(index, key(answer.city or ""), answer)
    if town is None:
        return answer
    note = (
        f"the name gives only the town of {town.city}, not which prison; likely "
        f"{answer.prison} (a place column confirms it)"
    )
    return replace(town, score=answer.score, method="city", note=note, likely=answer.prison)


def _nearest_town(index: PlaceIndex, town_key: str, prison: Match) -> Match | None:
    """The town of this key in the prison's province nearest to it, as a city answer."""
    towns = [
        t
        for t in index.towns.get(town_key, ())
        if t.province_iso == prison.province_iso and t.lat is not None and t.lon is not None
    ]
    if not towns or prison.lat is None or prison.lon is None:
        return None
    lat, lon = prison.lat, prison.lon
    return min(towns, key=lambda t: km(lat, lon, t.lat or 0.0, t.lon or 0.0))
