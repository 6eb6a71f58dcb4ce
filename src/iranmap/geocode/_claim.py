"""Claim precision: a name is placed at the most precise place its own words give, no further.

A prison reached by its town's name only ("Isfahan", "Shiraz Prison", "زندان تبریز") is the
town: the name says there was a prison in that town, not which one. An unknown prison whose
name or row gives its town is placed at that town. Part of :class:`~iranmap.geocode.Geocoder`,
which applies :func:`as_claimed` to every answer.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from rapidfuzz import fuzz

from iranmap.geocode._bounds import beside, interior_province, ruled_out
from iranmap.geocode._places import (
    TOWN,
    VILLAGE,
    by_name,
    known_place,
    people,
    sure_place,
    written_plainly,
)
from iranmap.geocode.index import PlaceIndex, km, place_of
from iranmap.geocode.match import Match
from iranmap.names import (
    WOMEN_WORDS,
    PlaceName,
    fold,
    key,
    parse_place,
    says_province,
    skeleton,
)


def as_claimed(index: PlaceIndex, parsed: PlaceName, answer: Match, *, settled: bool) -> Match:
    """``answer``, or the town it stands in when the name gives only that town.

    The answer is then the town, at its point, with the prison as ``likely``. A name that says
    which of the town's prisons ("Central", "Women's") or gives the prison's own name keeps
    the prison. A near spelling counts as the name it is nearest to. A town whose name is
    also a place's in another province ("Ardakan": Yazd's town, and one in Fars) is ambiguous
    unless the name or the row (``settled``: it gives a town or province) says which, or the
    town is its province's capital, which is what a bare name means in every report. The same
    holds for a name that reaches a town directly ("Mahmudabad": Mazandaran's town, and places
    of West Azerbaijan and Tehran).
    """
    if answer.status == "matched" and answer.kind == "city":
        return _shared_town(index, answer, settled=settled) or answer
    if answer.status != "matched" or answer.kind != "prison":
        return answer
    prison_id = answer.prison_id or ""
    own = index.own_keys.get(prison_id, frozenset()) | index.own_names.get(prison_id, frozenset())
    if parsed.says_women and not set(fold(answer.prison or "").split()) & WOMEN_WORDS:
        return _womens(index, parsed, answer, own, settled=settled)
    if parsed.says_which:
        return answer
    if parsed.core in own:
        return answer  # "Dastgerd": the prison's own name, even where a town shares it
    # The name without the town or province written beside it ("Tehran Varamin": Varamin).
    core = _without_places(index, parsed.words, prison_id) or parsed.core
    if core in own:
        return answer  # "Shiraz Adelabad": the prison's own name beside its town
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
    if parsed.says_detention:  # a detention centre of the town: none of its prisons
        note = f"a detention centre the gazetteer does not know; placed at the city of {town.city}"
        return _at_town(index, town, answer, note, settled=settled)
    note = (
        f"the name gives only the town of {town.city}, not which prison; likely "
        f"{answer.prison} (a place column confirms it)"
    )
    return _at_town(index, town, answer, note, settled=settled, likely=answer.prison)


def _at_town(
    index: PlaceIndex,
    town: Match,
    answer: Match,
    note: str,
    *,
    settled: bool,
    likely: str | None = None,
) -> Match:
    """``town`` in place of ``answer`` (with its score), at city precision with ``note``; or
    the one place its town is shared with, where the gazetteer has one."""
    shared = _shared_town(index, town, settled=settled)
    if shared is not None:
        return replace(shared, score=answer.score)
    return replace(town, score=answer.score, method="city", note=note, likely=likely)


def _womens(
    index: PlaceIndex, parsed: PlaceName, answer: Match, own: frozenset[str], *, settled: bool
) -> Match:
    """A women's prison the gazetteer does not have ("زندان زنان دولت آباد اصفهان", "Isfahan
    Women's Prison"), reached by its town's name or beside it: that town, at city precision, not
    the town's prison (which holds men); ``answer`` itself where the name gives that prison's
    own name ("بند زنان زندان اوین": a ward of Evin)."""
    core = _without_places(index, parsed.words, answer.prison_id or "") or parsed.core
    if parsed.core in own or core in own:
        return answer
    town = _nearest_town(index, key(answer.city or ""), answer)
    if town is None:
        return answer
    note = f"no women's prison of {town.city} is known; placed at the city"
    return _at_town(index, town, answer, note, settled=settled)


def womens_town(index: PlaceIndex, parsed: PlaceName, answer: Match) -> Match:
    """``answer``, or if it places nothing, the town a women's prison's name ends or begins
    with, where the rest of the name is a town beside it in its province ("زندان زنان دولت آباد
    اصفهان": Dowlatabad, 15 km from Isfahan): that town, at city precision (the gazetteer has no
    such prison). The named town must be the only town of its name, or its province's capital."""
    if answer.status != "unmatched" or not parsed.says_women:
        return answer
    given = index.context_provinces(parsed.context)  # (a town of another contradicts)
    words = parsed.words
    for cut in range(1, len(words)):
        head, tail = "".join(words[:cut]), "".join(words[cut:])
        for town_key, rest in ((tail, head), (head, tail)):
            towns = index.towns.get(town_key, ())
            town = (
                towns[0] if len(towns) == 1 else next((t for t in towns if capital(index, t)), None)
            )
            if town is None or (given and town.province_iso not in given):
                continue
            if any(beside(town, t) for t in index.towns.get(rest, ())):
                note = f"a women's prison the gazetteer does not have; placed at {town.city}"
                return replace(town, method="city", note=note)
    return answer


def _without_places(index: PlaceIndex, words: tuple[str, ...], prison_id: str) -> str:
    """The part of the name that names the prison, without the town or province name
    written before or after it ("Tehran Varamin", "Varamin Tehran": Varamin); empty when no
    part, or both, could be it ("Varamin Qarchak": either word is a town)."""
    if len(words) < 2:
        return ""
    parts = []
    for place, rest in ((words[-1], words[:-1]), (words[0], words[1:])):  # a place after, before
        part = "".join(rest)
        entry = index.entries.get(part)
        if place not in index.place_words or entry is None:
            continue
        if any(p.prison_id == prison_id for p in entry.places):
            parts.append(part)
    return parts[0] if len(parts) == 1 else ""


def _shared_town(index: PlaceIndex, town: Match, *, settled: bool) -> Match | None:
    """The ambiguity of a town whose name a place of another province shares, if unsettled."""
    others = index.homonyms.get((key(town.city or ""), town.province_iso or ""), frozenset())
    if not others or settled or capital(index, town):
        return None
    names = [index.province_name(iso) or iso for iso in sorted(others)]
    found = (f"{town.city} ({town.province})", *(f"{town.city} ({n})" for n in names))
    return Match(query="", status="ambiguous", score=town.score, candidates=found)


def capital(index: PlaceIndex, town: Match) -> bool:
    """Whether ``town`` is its province's capital (what a bare name of it means in a report),
    whichever of the town's names the province table spells the capital with ("Urmia" for
    GeoNames' Orūmīyeh)."""
    province = index.provinces.get(town.province_iso or "")
    if province is None:
        return False
    named = index.towns.get(key(province.capital), ())
    return any(t.city == town.city and t.province_iso == town.province_iso for t in named)


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


def other_place(
    index: PlaceIndex,
    parsed: PlaceName,
    context: tuple[str, ...],
    everywhere: frozenset[str],
    counties: frozenset[str] = frozenset(),
    county_keys: frozenset[str] = frozenset(),
) -> Match:
    """A name of a place the gazetteer knows only as some other place (a village).

    The note names where it lies only in the row's own province (when the row says which): a
    note must not point a reader to another province; ``counties``: the province a county
    the row gives lies in ("Likak, Bahmai County"), where the row names no province or town.
    An unknown prison there whose row gives its town is placed at the town, a name of a place
    of that province at that place (:mod:`._places`). A name that says it is a town, of a place
    of one province only that is no village, is placed at that place.
    """
    # the provinces every qualifier allows: the name's own and the row's must agree ("Kerend
    # (Kermanshah)" in a row of Tehran is no place of either)
    allowed = [found for found in (index.context_provinces((word,)) for word in context) if found]
    own = frozenset.intersection(*allowed) if allowed else frozenset()
    if allowed and not own:
        return Match(query="", status="unmatched", score=0.0, note=_DISAGREE)
    own = own or counties
    shown = everywhere & own if own else everywhere
    if not shown and parsed.says_prison and context:
        found = city_of_context(index, context, _UNMATCHED)
        if found.status == "matched":
            return found
    note = "the gazetteer has no prison or city of that name"
    if own and len(shown) == 1:  # "Beyram, Provinsi Fars": a place of the province it gives
        iso = next(iter(shown))
        town = city_of_context(index, context, _UNMATCHED) if parsed.says_prison else None
        if town is not None and town.province_iso == iso:
            return town  # "Beyram Prison" in a row of Lar: an unknown prison of that town
        return _at_place(index, parsed, iso)
    if not own and parsed.says_town and len(everywhere) == 1:
        # "thị trấn Bastam", the town of Bastam: a town (not a village) of one province, whose
        # consonants are no town's or prison's ("bajarê Sherud" may be Shahrud with Kurmanji
        # vowels, not Shirud of Mazandaran)
        iso = next(iter(everywhere))
        no_village = index.populations.get((parsed.core, iso), 0) >= VILLAGE
        if no_village and skeleton(parsed.core) not in _entry_skeletons(index):
            # (a county's name says only its province: "Mehrestan City")
            return _at_place(index, parsed, iso, point=parsed.core not in county_keys)
    if shown:
        note = f"a place of this name lies in {', '.join(sorted(shown))}; {note}"
    return replace(_UNMATCHED, note=note)


def place_by_name(
    index: PlaceIndex, name: str, answer: Match, county_keys: frozenset[str]
) -> Match:
    """``answer`` (what every rule made of a name as written, with no town or province beside
    it in the name or the row), or where it placed nothing, the one place known by name that
    the name spells, where that can be no other place (:mod:`._places`). A prison's name is
    often a village's (villages repeat all over Iran below GeoNames' 500 people): one that says
    prison is placed only at a real town ("Gurband Prison" is no prison of Gurband, Hormozgan)."""
    parsed = parse_place(name)
    if answer.status != "unmatched" or parsed.context or parsed.near or not written_plainly(name):
        return answer
    if ruled_out(answer):  # "village of Alvand": the name's own words rule the town out
        return answer
    isos = index.place_provinces.get(parsed.core, frozenset())
    if len(isos) != 1:
        return answer
    iso = next(iter(isos))
    if parsed.says_prison and people(index, parsed.core, iso) < TOWN:
        return answer
    if parsed.says_town and people(index, parsed.core, iso) < VILLAGE:
        return answer  # "city of Nam Kul", a village: may be a town the gazetteer lacks
    if not sure_place(index, parsed, iso, county_keys):
        return answer
    found = _at_place(index, parsed, iso)
    if parsed.says_village and not by_name(found):
        return answer  # "village of Sadra": never the town of that name (a village may share it)
    return found


@cache
def _entry_skeletons(index: PlaceIndex) -> frozenset[str]:
    """The skeletons of the keys of every town and prison of ``index``."""
    return frozenset(skeleton(name_key) for name_key in index.entries)


def _at_place(index: PlaceIndex, parsed: PlaceName, iso: str, *, point: bool = True) -> Match:
    """The one place of province ``iso`` the name spells (:func:`known_place`: an unknown prison
    there for a name that says prison), or the province where it spells several."""
    found = known_place(index, parsed, iso) if point else None
    if found is None:
        return in_province(index, iso)
    return at_town(found) if parsed.says_prison else found


def of_province(index: PlaceIndex, name_key: str, iso: str) -> bool:
    """Whether ``name_key`` names towns of province ``iso`` only, or one of its counties (the
    index qualifies every place of a province with its counties' names)."""
    towns = index.towns.get(name_key, ())
    if towns:
        return all(t.province_iso == iso for t in towns)
    province = index.provinces.get(iso)
    capital = index.entries.get(key(province.capital)) if province else None
    places = [p for p in capital.places if p.province_iso == iso] if capital else []
    return bool(places) and name_key in index.qualifiers.get(place_of(places[0]), ())


def given_province(index: PlaceIndex, name: str, context: tuple[str, ...]) -> frozenset[str]:
    """The provinces the qualifiers ``context`` of ``name`` give: with a word for province
    ("Foo, Semnan Province"), at the end of a chain (:func:`province_chain`), or alone, without
    a word for province (:func:`province_apart`)."""
    if says_province(name):
        return index.context_provinces(context)
    return province_chain(index, context) or province_apart(index, context)


def province_apart(index: PlaceIndex, context: tuple[str, ...]) -> frozenset[str]:
    """The province one qualifier set apart names without a word for province ("Rostamkala,
    Mazandaran", "Foo (Fars)"), as tables print a place and its province; none otherwise.

    A province's name that is no town's is that province. A town's name (Karaj; or a province's
    that is also its capital's, Isfahan) may say what the place is near rather than where it is:
    it gives its province only where every town within
    :data:`~iranmap.geocode._bounds.INTERIOR_KM` of it lies there too (Rasht, Kerman; not
    Tehran, beside Alborz's towns, nor Isfahan, 78 km from a town of Chaharmahal)."""
    if len(context) != 1:
        return frozenset()
    (word,) = context
    isos = index.province_names.get(word, frozenset())
    if word in index.towns:  # (and a town named like another province names neither)
        around = interior_province(index, context)
        return around if not isos or around == isos else frozenset()
    return isos if len(isos) == 1 else frozenset()


def province_chain(index: PlaceIndex, context: tuple[str, ...]) -> frozenset[str]:
    """The province a chain of qualifiers ends with, where each before it names a town or county
    of that province only ("Kolam - Badreh - Ilam": a place, its county, its province); none
    otherwise (a lone "Ilam" may be the town or the province)."""
    if len(context) < 2:
        return frozenset()
    isos = index.province_names.get(context[-1], frozenset())
    if len(isos) != 1 or not all(of_province(index, w, *isos) for w in context[:-1]):
        return frozenset()
    return isos


def in_province(index: PlaceIndex, iso: str, *, known: bool = True) -> Match:
    """The province ``iso`` as the place of a name that the name or row places in it: a place
    the gazetteer knows only by name there (``known``: a village or small town, with no point),
    or one it does not know at all. The province, at none of its towns."""
    province = index.province_name(iso) or iso
    what = "knows only by name" if known else _UNKNOWN
    point = ", with no point" if known else ""
    return Match(
        query="",
        status="matched",
        score=100.0,
        kind="province",
        province_iso=iso,
        province=province,
        precision="province",
        method="exact",
        note=f"a place of {province} that the gazetteer {what}{point}; placed in the province, "
        "at none of its towns",
        reading=f"a place of {province} that the gazetteer {what}",
    )


def unknown_place(match: Match) -> bool:
    """Whether ``match`` is a province because the name gives it beside words that name
    nothing the gazetteer knows (:func:`in_province`, not ``known``)."""
    return match.kind == "province" and (match.reading or "").endswith(_UNKNOWN)


_UNKNOWN = "does not know"


def city_of_context(index: PlaceIndex, context: tuple[str, ...], miss: Match) -> Match:
    """An unknown prison in a known town ("Foo Prison in Taybad"): placed at the town."""
    for word in context:
        towns = index.towns.get(word, ())
        if len(towns) == 1:
            return at_town(towns[0])
    return miss


def at_town(town: Match) -> Match:
    """``town`` as the place of a prison the gazetteer does not know."""
    note = f"no prison of this name is known; placed at the city of {town.city}"
    return replace(town, method="city", note=note)


_UNMATCHED = Match(query="", status="unmatched", score=0.0)
#: Why a place known by name is left unplaced where its qualifiers name different provinces.
_DISAGREE = "the towns or provinces the name and its row give lie in different provinces"
