"""A town and a facility of it in one name: "Kermanshah (Dizel Abad)", "Khoramabad Parsilon".

The name is split into a town (or province) and a rest, in either order, at a space or at a
bracket, comma, slash or dash: when the rest names a facility by its own name (exactly, as a
variant or fuzzily) and that facility lies in the town, the name names the facility. When the
rest names a facility that lies elsewhere, the name contradicts itself and places nothing. Part
of :class:`~iranmap.geocode.Geocoder`, which asks :func:`town_and_facility` about every name
it would otherwise place at a town or not at all, and :func:`run_together` about a key no
place has (a place's name run together with its town, or with another of its names).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

from iranmap.geocode._claim import as_claimed
from iranmap.geocode.index import Entry, PlaceIndex, place_of
from iranmap.geocode.match import Match
from iranmap.names import PlaceName

#: How the note of a self-contradicting name ends (see :func:`contradicts`).
CONTRADICTS = "they contradict each other"
#: Resolves a name's words (a :class:`PlaceName`) within qualifier keys, as the geocoder does.
Resolve = Callable[[PlaceName, tuple[str, ...]], Match]
#: The places that fit every known qualifier key (the name's and the row's).
Fitting = Callable[[tuple[Match, ...], tuple[str, ...]], tuple[Match, ...]]


def town_and_facility(
    index: PlaceIndex,
    parsed: PlaceName,
    context: tuple[str, ...],
    answer: Match,
    resolve: Resolve,
    fitting: Fitting,
) -> Match | None:
    """The facility a name gives with its town, a contradiction, or None (no such reading).

    ``context`` is every qualifier of the name and its row: the facility must fit them all.
    The facility is taken only when one facility fits; the contradiction only when no split
    gives a facility of its town and some split gives a facility of another place. When
    ``answer`` (what the geocoder found without this rule) is a near spelling, a rest that
    reaches a prison elsewhere even by its town's name is a contradiction too: "Qom Bandar-e
    Torkaman" is near Bandar-e Torkaman (Golestan), and "Kermanshah Azna" near Kermanshah.
    """
    here: dict[Match, Match] = {}
    guessed = answer.status == "matched" and answer.score < 100  # "Qom Bandar-e Torkaman"
    elsewhere: list[str] = []
    for town, rest in _splits(index, parsed):
        women = parsed.says_women  # no women's prison: no facility
        inner = PlaceName(
            rest, (town,), parsed.says_prison, (rest,), parsed.says_which, says_women=women
        )
        found = _facility(index, inner, resolve(inner, (*context, town)))
        if found is not None and fitting((found,), context):
            here[place_of(found)] = found
            continue
        bare = replace(inner, context=())
        raw = resolve(bare, ())
        found = _facility(index, bare, raw)
        if guessed and found is None and raw.status == "matched":
            found = raw  # a near spelling that reached past a place named elsewhere
        if found is not None and not fitting((found,), (town,)):
            elsewhere.append(town)
    if len(here) == 1:
        return next(iter(here.values()))
    if here or not elsewhere:
        return None
    town = _town_name(index, elsewhere[0])
    note = f"the name gives {town} and a prison that lies elsewhere; {CONTRADICTS}"
    return Match(query="", status="unmatched", score=0.0, note=note)


def contradicts(match: Match) -> bool:
    """Whether ``match`` places nothing because the name's town and facility disagree."""
    return match.status == "unmatched" and (match.note or "").endswith(CONTRADICTS)


def _splits(index: PlaceIndex, parsed: PlaceName) -> Iterator[tuple[str, str]]:
    """(town key, rest key) pairs: the name's words cut in two, and its core against each of
    its bracketed or separated parts; the town side must be a known town or province."""
    words = parsed.words
    pairs: list[tuple[str, str]] = []
    if parsed.core not in index.entries:  # a whole known name is not cut up
        for cut in range(1, len(words)):
            head, tail = "".join(words[:cut]), "".join(words[cut:])
            pairs += [(head, tail), (tail, head)]
    for part in parsed.context:
        pairs += [(parsed.core, part), (part, parsed.core)]
    for town, rest in pairs:
        if town and rest and town in index.place_words:
            yield town, rest


def _facility(index: PlaceIndex, inner: PlaceName, answer: Match) -> Match | None:
    """``answer`` when it is a facility the rest names by its own name, not by its town's."""
    if answer.status != "matched" or answer.kind != "prison":
        return None
    claimed = as_claimed(index, inner, answer, settled=True)
    return claimed if claimed.kind == "prison" else None


def _town_name(index: PlaceIndex, town_key: str) -> str:
    """The town or province a key names, as a reader writes it."""
    names = sorted({t.city or "" for t in index.towns.get(town_key, ())} - {""})
    if names:
        return " or ".join(names)
    isos = index.context_provinces((town_key,))
    provinces = sorted(filter(None, (index.province_name(iso) for iso in isos)))
    return " or ".join(provinces) or "a town"


def run_together(index: PlaceIndex, core: str) -> Entry | None:
    """An exact name run together with its town or province ("vakilabadmashhad"), or with
    another of its own names (two names of one prison: "Gohardasht Rajaei Shahr").

    Keys are cut at every position: one side must be a place's exact key, the other a key of
    that place's town (for a prison) or province, or another exact key of the same place. None
    unless exactly one place fits.
    """
    fits: set[Match] = set()
    method = None
    for cut in range(1, len(core)):
        head, tail = core[:cut], core[cut:]
        one, other = index.entries.get(head), index.entries.get(tail)
        if one and other and one.answer == other.answer and one.answer.status == "matched":
            fits.add(one.answer)
            method = one.method
        for place_key, qualifier in ((head, tail), (tail, head)):
            entry = index.entries.get(place_key)
            for place in entry.places if entry else ():
                if qualifier in index.qualifiers.get(place, ()):
                    fits.add(place)
                    method = entry.method if entry else None
    if len(fits) != 1 or method is None:
        return None
    place = fits.pop()
    return Entry(place, (place,), method)
