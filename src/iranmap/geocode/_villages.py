"""A village of a town named after a region of it: the town's province.

A village is named with the town it belongs to, often through the region of the town it lies in
("روستای کوران از توابع منطقه صومای برادوست اورمیه": the village of Kuran, of the Somay-e
Baradust region of Urmia). The region's name is no place the gazetteer knows, so the words
that say where the village is name no place as a whole; their last words name the town. The
village is placed at the town's province, at none of its towns (the village is not at the
town's point): by :func:`~iranmap.geocode._bounds.no_village_as_town`, as a village of a town
named alone is. Only where the town is one province's, and the words before it name nothing
the gazetteer knows, even nearly (:func:`~iranmap.geocode._readings.unknown`), nor make with the
town's name a near spelling of a longer place's ("the Bar region of Chah Bahar" is Chabahar's,
not Bahar's): a village of a town of two provinces, or with a place of another province before
the town, stays unresolved.

Part of :class:`~iranmap.geocode.Geocoder`, which asks :func:`village_of_town` about a name
that says a village where neither its row nor its own words give the village's province.
"""

from __future__ import annotations

from iranmap.geocode._reach import near
from iranmap.geocode._readings import SOME_PLACE, unknown
from iranmap.geocode.index import PlaceIndex
from iranmap.names import PlaceName, key, named_words


def village_of_town(index: PlaceIndex, name: str, parsed: PlaceName) -> frozenset[str]:
    """The one province of the town that ends the one qualifier of a village's ``name``
    (``parsed``), after words that name nothing; none otherwise."""
    if not parsed.says_village or len(parsed.context) != 1 or parsed.near:
        return frozenset()  # (a village near a town: geocode/_bounds.py reads it)
    qualifier = parsed.context[0]
    keys = [k for k in (key(word) for word in named_words(name).split()) if k]
    for cut in range(len(keys) - 1, 0, -1):
        tail = "".join(keys[cut:])
        if qualifier == tail or not qualifier.endswith(tail):
            return frozenset()  # (the qualifier is a place's name, read by the other rules)
        towns = index.towns.get(tail, ())
        if not towns:
            continue
        isos = frozenset(t.province_iso or "" for t in towns)
        start = cut
        while start > 0 and qualifier.endswith("".join(keys[start - 1 :])):
            start -= 1
        rest = tuple(keys[start:cut])
        if len(isos) != 1 or not rest or not unknown(index, rest):
            return frozenset()
        # ... nor with the town's name a longer place's ("... region of Chah Bahar": Chabahar
        # of Sistan and Baluchestan, not Bahar of Hamadan)
        longer = ("".join(rest[at:]) + tail for at in range(len(rest)))
        if any(near(index, "places", run, SOME_PLACE) for run in longer):
            return frozenset()
        return isos
    return frozenset()
