"""Readings of a name that no place's own name gives, each no more precise than its words.

- A name that carries its province or town beside the place ("زندان فیروزآباد فارس": Firuzabad
  of Fars) is settled by it, as a row's own province column would settle it (:func:`qualified`).
- A prison cell that names only a province ("زندان مرکزی استان خراسان شمالی") is that province,
  at province precision: the source named no town.
- A known town beside words the gazetteer knows nowhere ("نظام شیراز", "Shiraz Military
  Prison", "پارس آباد مغان") is that town, at city precision: an unknown facility or quarter
  of the town, or the town with its region. The unknown words must name no place at all, and
  the town must be the only town of its name (or its province's capital, or settled by the
  row), so that the reading can never move a row to another province.

Part of :class:`~iranmap.geocode.Geocoder`, which asks :func:`by_rule` about every name it
could not place, and :func:`qualified` whether a name settles its own town.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from rapidfuzz import fuzz, process

from iranmap.geocode._affixes import without_affix
from iranmap.geocode._claim import as_claimed, at_town, capital
from iranmap.geocode.index import PlaceIndex, near_town, place_of
from iranmap.geocode.match import Match
from iranmap.names import (
    PlaceName,
    key,
    named_words,
    says_province,
)
from iranmap.spellings import respellings

#: How similar (rapidfuzz ratio) words may be to a known name and still be unknown: below the
#: geocoder's default threshold, at which a near spelling would be taken for the name.
_NEAR = 90.0
#: How the note of a name that gives only a province begins (see :func:`only_province`).
_PROVINCE_ONLY = "the name gives only the province of "
#: How similar a whole name may be to some other place's (a village's) and still be read as a
#: town and words that name nothing: lower, since a village's name spelled otherwise
#: ("Mashhad-i Elkubih", "Qom Tappih") must never be read as the town it starts with.
_SOME_PLACE = 80.0
#: Resolves a province name (the geocoder's :meth:`~iranmap.geocode.Geocoder.province`).
Province = Callable[[str], Match]


def claimed(index: PlaceIndex, parsed: PlaceName, answer: Match, context: tuple[str, ...]) -> Match:
    """:func:`~iranmap.geocode._claim.as_claimed`, settled by the row or the name's own words.

    A town whose namesake lies in another province is settled by the row's town or province
    (``context``) or by the name's own province or town beside it (:func:`qualified`); the
    latter is a reading, said in the answer.
    """
    if context:
        return as_claimed(index, parsed, answer, settled=True)
    plain = _alias_elsewhere(index, parsed, as_claimed(index, parsed, answer, settled=False))
    if plain.status == "matched":
        return _province_elsewhere(index, parsed, plain)
    found = as_claimed(index, parsed, answer, settled=True)
    if found.status != "matched":
        return plain
    if qualified(index, parsed, answer):
        return replace(found, reading=f"{found.city} of {found.province}, which the name gives")
    villages = _only_villages(index, parsed, answer, found)
    if villages:
        where = f", where the gazetteer's {answer.prison} is" if answer.kind == "prison" else ""
        reading = (
            f"{found.city} of {found.province}{where}; the places of this name in {villages} "
            f"are villages of fewer than {VILLAGE:,} people, with no prison"
        )
        return replace(found, reading=reading)
    return plain


#: A place of fewer people than this (GeoNames) is taken for a village, with no prison: a
#: name that says "prison" and also names a prison's town elsewhere means that town.
VILLAGE = 2_000
#: ... and the prison's town must be a real town, of at least this many people.
_TOWN = 20_000


def sure_town(index: PlaceIndex, parsed: PlaceName, town: Match) -> bool:
    """Whether a name that says "prison" and reaches ``town`` (a town with namesakes in other
    provinces, and no prison the gazetteer knows) means that town all the same: it is its
    province's capital ("Prison of Shiraz"), the name gives its province or county beside it
    ("Nurabad Mamasani Prison"), or each namesake is a village ("Asadabad Prison": Asadabad of
    Hamadan, 55,703 people; Asadabad of Chaharmahal, 607)."""
    return (
        capital(index, town)
        or qualified(index, parsed, town)
        or bool(_only_villages(index, parsed, town, town))
    )


def _only_villages(index: PlaceIndex, parsed: PlaceName, answer: Match, town: Match) -> str:
    """The provinces (as a reader writes them) of the namesakes of a town, when the name says
    "prison", reaches a prison of the town or the town itself, and every namesake is a
    village; empty otherwise ("Bam Prison": Bam of Kerman has a prison, Bām of North Khorasan
    is a village of 1,368 people)."""
    if not parsed.says_prison or answer.kind not in ("prison", "city") or town.kind != "city":
        return ""
    return _villages_elsewhere(index, town)


def _villages_elsewhere(index: PlaceIndex, town: Match) -> str:
    """The provinces of the namesakes of ``town``, a real town, when each is a village."""
    town_key = key(town.city or "")
    others = index.homonyms.get((town_key, town.province_iso or ""), frozenset())
    people = index.populations
    if not others or people.get((town_key, town.province_iso or ""), 0) < _TOWN:
        return ""
    if any(not 0 < people.get((town_key, iso), 0) < VILLAGE for iso in others):
        return ""
    return " and ".join(sorted(index.province_name(iso) or iso for iso in others))


def _province_elsewhere(index: PlaceIndex, parsed: PlaceName, answer: Match) -> Match:
    """``answer``, or ambiguous when it is a town reached by a name that is also another
    province's ("Golestan": a town of Tehran, and the province of Golestan)."""
    if answer.kind != "city" or parsed.context:
        return answer
    isos = sorted(
        iso
        for iso, province in index.provinces.items()
        if iso != answer.province_iso
        and parsed.core in {key(n) for n in (province.name_en, province.name_fa, *province.aliases)}
    )
    if not isos:
        return answer
    names = [f"{answer.city} ({answer.province})"]
    names += [f"the province of {index.province_name(iso) or iso}" for iso in isos]
    return Match(query="", status="ambiguous", score=answer.score, candidates=tuple(names))


def _alias_elsewhere(index: PlaceIndex, parsed: PlaceName, answer: Match) -> Match:
    """``answer``, or ambiguous when it is a prison reached by an alias (not its own name) that
    is also the name of a place of another province ("Torkaman": Bandar-e Torkaman's prison,
    and Torkaman of East Azerbaijan). A prison's own name ("Sepidar") stays the prison."""
    if answer.status != "matched" or answer.kind != "prison" or len(parsed.words) > 1:
        return answer
    prison_id = answer.prison_id or ""
    if parsed.core in index.own_names.get(prison_id, frozenset()) | index.town_keys[prison_id]:
        return answer  # its own name, or its town's (the town's namesakes are _claim's matter)
    others = index.other_places.get(parsed.core, frozenset()) - {answer.province_iso or ""}
    if not others:
        return answer
    names = sorted(f"a place of this name in {index.province_name(iso) or iso}" for iso in others)
    return Match(
        query="", status="ambiguous", score=answer.score, candidates=(answer.prison or "", *names)
    )


def qualified(index: PlaceIndex, parsed: PlaceName, answer: Match) -> bool:
    """Whether the name's own words, beside the place's, name the place's town or province.

    "زندان فیروزآباد فارس" reaches Firuzabad of Fars through its run-together key: its last
    word names Fars, so the Firuzabad of Tehran is not meant.
    """
    if answer.status != "matched" or len(parsed.words) < 2:
        return False
    places = index.qualifiers.get(place_of(answer), frozenset())
    words = parsed.words
    for cut in range(1, len(words)):
        head, tail = "".join(words[:cut]), "".join(words[cut:])
        if head in places or tail in places:
            return True
    return False


def only_province(match: Match) -> bool:
    """Whether ``match`` is a province because the name gives only the province."""
    return match.kind == "province" and _PROVINCE_ONLY in (match.note or "")


def by_rule(
    index: PlaceIndex,
    name: str,
    parsed: PlaceName,
    context: tuple[str, ...],
    answer: Match,
    province: Province,
) -> Match:
    """``answer`` (an unplaced name), or what a rule reads in the name's words."""
    if answer.status != "unmatched" or not parsed.words:
        return answer
    words = named_words(name)
    if (parsed.says_prison or says_province(name)) and words and not any(map(str.isdigit, words)):
        found = province(words)
        if found.status == "matched" and found.score == 100 and found.method != "fuzzy":
            note = f"{_PROVINCE_ONLY}{found.province}, not a town or prison"
            return replace(found, note=note)
    return _town_with_unknown_words(index, parsed, context) or answer


def town_at_end(index: PlaceIndex, parsed: PlaceName, miss: Match) -> Match:
    """An unknown prison with its town after its name ("زندان فلان اهواز", "Foo Prison
    Ahvaz"): placed at the town, when the last words name one town and no other, and the words
    before them name no place, even nearly, nor the whole name another place: "Torbat-e Shaikh
    Jam Prison" is the prison of Torbat-e Jam (Torbat-e Sheykh Jam), not a prison in Jam."""
    words = parsed.words
    for cut in range(1, len(words)):
        towns = index.towns.get("".join(words[cut:]), ())
        if (
            len(towns) == 1
            and _unknown(index, words[:cut])
            and not _elsewhere(index, parsed, towns[0])
        ):
            return at_town(towns[0])
    return miss


def _elsewhere(index: PlaceIndex, parsed: PlaceName, town: Match) -> bool:
    """Whether the whole name, as written or respelled as another language writes it ("Tsjah
    Bahar": Chah Bahar), is within :data:`_SOME_PLACE` of the name of a place that is neither
    ``town`` nor one of its prisons (a place within a town's reach of it)."""
    hits = process.extract(
        parsed.core, index.keys, scorer=fuzz.ratio, processor=None, score_cutoff=_SOME_PLACE
    )
    names = [name_key for name_key, _, _ in hits]
    names += [key(form) for form in respellings(parsed.core) if key(form) in index.entries]
    return any(
        place.province_iso != town.province_iso or not near_town(town, place)
        for name_key in names
        for place in index.entries[name_key].places
    )


def _town_with_unknown_words(
    index: PlaceIndex, parsed: PlaceName, context: tuple[str, ...]
) -> Match | None:
    """The one town the name's first or last words name, beside words that name nothing."""
    if _near(parsed.core, list(index.other_places), _SOME_PLACE):
        return None  # the whole name is (a spelling of) a village: "Qorveh-ye Dergazin"
    words = parsed.words
    found: dict[Match, Match] = {}
    for cut in range(1, len(words)):
        head, tail = words[:cut], words[cut:]
        for town_words, rest in ((head, tail), (tail, head)):
            towns = index.towns.get("".join(town_words), ())
            if len(towns) == 1 and _unknown(index, rest) and _sure(index, towns[0], context):
                found[place_of(towns[0])] = towns[0]
    if len(found) != 1:
        return None
    town = next(iter(found.values()))
    if _elsewhere(index, parsed, town):
        return None  # the whole name is near another place's: "Torbat-e Shaikh Jam"
    note = f"the rest of the name names no place; placed at the city of {town.city}"
    reading = f"a place in {town.city} that the gazetteer does not know"
    return replace(town, method="city", note=note, reading=reading, own_place=True)


def _unknown(index: PlaceIndex, words: tuple[str, ...]) -> bool:
    """Whether ``words`` (keys) name no prison, town, province or other place, even as a near
    spelling ("Adelabd" is near Adelabad: a misspelling to fix, not an unknown place), neither
    all of them nor any run of them ("Ghezel Hesar-fængslet nær": Ghezel Hesar is a place), nor
    with an affix taken off."""
    whole = "".join(words)
    if len(whole) < 2 or any(ch.isdigit() for ch in whole):
        return False
    runs = {"".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
    runs |= {bare for run in runs if (bare := without_affix(run))}  # "باوین": at Evin
    known = (index.entries, index.place_words, index.other_places)
    if any(run in names for run in runs for names in known):
        return False
    return not any(_near(run, index.keys, _NEAR) for run in runs)


def _near(name_key: str, keys: list[str], cutoff: float) -> bool:
    """Whether ``name_key`` is one of ``keys`` or within ``cutoff`` similarity of one."""
    found = process.extractOne(
        name_key, keys, scorer=fuzz.ratio, processor=None, score_cutoff=cutoff
    )
    return found is not None


def _sure(index: PlaceIndex, town: Match, context: tuple[str, ...]) -> bool:
    """Whether a name of ``town`` can mean no place of another province: it has no namesake
    elsewhere, or it is its province's capital, or the row's town or province is its own."""
    others = index.homonyms.get((key(town.city or ""), town.province_iso or ""), frozenset())
    if not others or capital(index, town):
        return True
    return bool(index.context_provinces(context) & {town.province_iso or ""})
