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
from iranmap.geocode._phrase_words import COMPASS_WORDS, plural_part
from iranmap.geocode._places import TOWN, VILLAGE
from iranmap.geocode._reach import keys_of_length, near
from iranmap.geocode.index import PlaceIndex, near_town, place_of
from iranmap.geocode.match import Match
from iranmap.name_words import CITY_WORDS
from iranmap.names import (
    PlaceName,
    key,
    named_words,
    province_key,
    says_province,
)
from iranmap.spellings import respellings, turkish_forms, turkish_vowels
from iranmap.town_part_words import SITE, STADIUM_WORDS, TOWN_PART_WORDS

#: How similar (rapidfuzz ratio) words may be to a known name and still be unknown: below the
#: geocoder's default threshold, at which a near spelling would be taken for the name.
_NEAR = 90.0
#: How the note of a name that gives only a province begins (see :func:`only_province`).
_PROVINCE_ONLY = "the name gives only the province of "
#: How similar a whole name may be to some other place's (a village's) and still be read as a
#: town and words that name nothing: lower, since a village's name spelled otherwise
#: ("Mashhad-i Elkubih", "Qom Tappih") must never be read as the town it starts with.
SOME_PLACE = 80.0
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
    "prison" or "city" (a village has neither), reaches a prison of the town or the town
    itself, and every namesake is a village; empty otherwise ("Bam Prison", "ciudad de Bam":
    Bam of Kerman has a prison, Bām of North Khorasan is a village of 1,368 people)."""
    says = parsed.says_prison or parsed.says_town
    if not says or answer.kind not in ("prison", "city") or town.kind != "city":
        return ""
    return _villages_elsewhere(index, town)


def _villages_elsewhere(index: PlaceIndex, town: Match) -> str:
    """The provinces of the namesakes of ``town``, a real town, when each is a village."""
    town_key = key(town.city or "")
    others = index.homonyms.get((town_key, town.province_iso or ""), frozenset())
    people = index.populations
    if not others or people.get((town_key, town.province_iso or ""), 0) < TOWN:
        return ""
    if any(not 0 < people.get((town_key, iso), 0) < VILLAGE for iso in others):
        return ""
    return " and ".join(sorted(index.province_name(iso) or iso for iso in others))


def _province_elsewhere(index: PlaceIndex, parsed: PlaceName, answer: Match) -> Match:
    """``answer``, or ambiguous when it is a town reached by a name that is also another
    province's ("Golestan": a town of Tehran, and the province of Golestan)."""
    if answer.kind != "city":  # (a name with a place beside it is settled: not asked)
        return answer
    isos = sorted(index.province_names.get(parsed.core, frozenset()) - {answer.province_iso})
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
    places = index.qualifiers.get(place_of(answer), frozenset()) - _own_town_keys(
        index, parsed.words, answer
    )
    words = parsed.words
    for cut in range(1, len(words)):
        head, tail = "".join(words[:cut]), "".join(words[cut:])
        if head in places or tail in places:
            return True
    return False


def _own_town_keys(index: PlaceIndex, words: tuple[str, ...], answer: Match) -> frozenset[str]:
    """The runs of ``words`` that name the answer's own town: a town does not qualify itself
    ("شاری زندان آبادان", the city of Abadan, says nothing of which Abadan)."""
    runs = {"".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
    return frozenset(
        run
        for run in runs
        if any(
            t.province_iso == answer.province_iso
            and (t.city == answer.city or near_town(t, answer))
            for t in index.towns.get(run, ())
        )
    )


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
    counties: frozenset[str] = frozenset(),
) -> Match:
    """``answer`` (an unplaced name), or what a rule reads in the name's words (``counties``: the
    keys of the counties' names, which no word beside a town may be taken to name nothing)."""
    if answer.status != "unmatched" or not parsed.words:
        return answer
    words = named_words(name)
    if (parsed.says_prison or says_province(name)) and words and not any(map(str.isdigit, words)):
        found = province(words)
        # a capital's name is its province only beside a word for province ("Kerman
        # Province"): "Shiraz Juvenile Correction and Rehabilitation Center" is in Shiraz
        capital = province_key(words) in index.towns and not says_province(name)
        # ... and never another province than one the name gives apart ("Karaj, Markazi
        # Province": Karaj's province is not the one named)
        named = index.context_provinces(parsed.context)
        if (
            found.status == "matched"
            and found.score == 100
            and found.method != "fuzzy"
            and not capital
            and (not named or found.province_iso in named)
        ):
            note = f"{_PROVINCE_ONLY}{found.province}, not a town or prison"
            return replace(found, note=note)
    if any(word in _PART_KEYS for word in parsed.words):  # "Shiraz Square" may be elsewhere
        return part_of_town(index, parsed, context, plural=plural_part(name, _PART_KEYS)) or answer
    return _town_with_unknown_words(index, parsed, context, counties) or answer


def part_of_town(
    index: PlaceIndex,
    parsed: PlaceName,
    context: tuple[str, ...],
    *,
    plural: bool = False,
    site: bool = False,
) -> Match | None:
    """A square, quarter, street, stadium or park of the one town the name gives ("piazza
    Mofatteh a Mashhad", "Bu Ali Square, Hamedan", "شهرک گلستان شیراز"): that town, at city
    precision, whatever its own name names (a square is often named after a town or a
    province: "Golestan"). The town is the name's first part after a comma or "in" that gives
    one; if the name has no such part, the words at its start or end, with the square's own
    name between them and the word for square ("Tehran's Azadi Square", "میدان آزادی تهران"),
    never the square's own name ("Shiraz Square" may be a square of any town), unless the word
    for square is ``plural`` ("خیابان های سبزوار": the town follows). The name's and row's other
    places must lie in the town's province, and a town whose namesake lies in another province
    must be its province's capital or settled by the name's or row's other words. A name that
    is itself a place's ("Shahrak-e Qods") is not read so. With ``site``, the words for a
    building or site (:data:`SITE_KEYS`), which a town's name before them names as a stadium's
    ("Sardasht Hospital")."""
    words = parsed.words
    keys = SITE_KEYS if site else _PART_KEYS
    at = [i for i, word in enumerate(words) if word in keys]
    if names_a_place(index, words):
        return None  # "Shahrak-e Taleqani (Hamadan)": a town of its own, not a quarter of one
    if parsed.context:  # the first part that gives a town ("Imam Square, Ardakan, Yazd")
        firsts = (_one_town(index, (word,), context) for word in parsed.context)
        town = next(filter(None, firsts), None)
    else:  # the word beside the word for square is the square's own name, never the town
        first, last = at[0], at[-1]
        # the town after the word for square: past the square's name if that comes after it
        # ("میدان آزادی تهران"), right after it if the name came first ("Azadi Square Tehran")
        after = last + 1 if last > 0 or plural else last + 2
        # ... or before the square's name, when the word for square ends the name ("Tehran's
        # Azadi Square"); not when words follow it ("Azadi Square Tehran": Azadi is the square)
        before = first if first == len(words) - 1 else 0
        if before and (site or words[first] in _STADIUM_KEYS):  # "Sabzevar Stadium": its own
            before = first + 1
        ends = ["".join(words[cut:]) for cut in range(after, len(words))]
        ends += ["".join(words[:cut]) for cut in range(1, before)]
        town = _one_town(index, tuple(ends), context)
    if town is None:
        return None
    part = keys[words[at[0]]]
    note = f"a {part} of {town.city}; placed at the city"
    reading = f"a {part} of {town.city} that the gazetteer does not know"
    return replace(town, method="city", note=note, reading=reading, own_place=True)


def other_readings(name: str) -> tuple[str, ...]:
    """``name`` as other languages' letters may have written it (:mod:`iranmap.spellings`)."""
    return (*turkish_forms(name), *turkish_vowels(name), *respellings(name))


def names_a_place(index: PlaceIndex, words: tuple[str, ...]) -> bool:
    """Whether a run of two or more of ``words`` is a place's name ("آزاد شهر", "Shahrak-e
    Taleqani"): then a word for city or square in it is part of that name."""
    runs = ("".join(words[i:j]) for i in range(len(words)) for j in range(i + 2, len(words) + 1))
    return any(run in index.entries or run in index.other_places for run in runs)


#: The keys of the words for a stadium (:data:`~iranmap.town_part_words.STADIUM_WORDS`).
_STADIUM_KEYS = frozenset(key(word) for word in STADIUM_WORDS)
#: The keys of the words for a square, quarter, street, stadium or park, with which each names.
_PART_KEYS = {
    key(word): part for part, words in TOWN_PART_WORDS.items() if part != SITE for word in words
}
#: The keys of the words for a building or site (a hospital, a university...).
SITE_KEYS = {key(word): SITE for word in TOWN_PART_WORDS[SITE]}


def _one_town(
    index: PlaceIndex, town_keys: tuple[str, ...], context: tuple[str, ...]
) -> Match | None:
    """The one town the keys ``town_keys`` name that the rest of ``context`` settles and agrees
    with (see :func:`part_of_town`), or None (none, or several)."""
    found: dict[Match, Match] = {}
    for town_key in town_keys:
        rest = tuple(word for word in context if word != town_key)
        towns = [t for t in index.towns.get(town_key, ()) if _agrees(index, t, rest)]
        named = towns and _province_named(index, town_key, towns[0], rest)
        if len(towns) == 1 and _sure(index, towns[0], rest) and not named:
            found[place_of(towns[0])] = towns[0]
    return next(iter(found.values())) if len(found) == 1 else None


def _agrees(index: PlaceIndex, town: Match, context: tuple[str, ...]) -> bool:
    """Whether every word of ``context`` that names a province or town names ``town``'s
    province among others ("Hamedan Province" beside Hamadan; "Iran", naming none, is let be)."""
    for word in context:
        isos = index.context_provinces((word,))
        if isos and town.province_iso not in isos:
            return False
    return True


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
            and unknown(index, words[:cut])
            and not near_elsewhere(index, parsed, towns[0])
            and not _province_named(index, "".join(words[cut:]), towns[0], ())
        ):
            return at_town(towns[0])
    return miss


def near_elsewhere(index: PlaceIndex, parsed: PlaceName, town: Match) -> bool:
    """Whether the whole name, as written or respelled as another language writes it ("Tsjah
    Bahar": Chah Bahar), is within :data:`SOME_PLACE` of the name of a place that is neither
    ``town`` nor one of its prisons (a place within a town's reach of it)."""
    keys = keys_of_length(index, "places", len(parsed.core), SOME_PLACE)  # (only those can)
    hits = process.extract(
        parsed.core, keys, scorer=fuzz.ratio, processor=None, score_cutoff=SOME_PLACE
    )
    names = [name_key for name_key, _, _ in hits]
    names += [key(form) for form in respellings(parsed.core) if key(form) in index.entries]
    return any(
        place.province_iso != town.province_iso or not near_town(town, place)
        for name_key in names
        for place in index.entries[name_key].places
    )


def _town_with_unknown_words(
    index: PlaceIndex,
    parsed: PlaceName,
    context: tuple[str, ...],
    counties: frozenset[str] = frozenset(),
) -> Match | None:
    """The one town the name's first or last words name, beside words that name nothing, or
    the town it gives apart ("Sərəskənd (Həştrud)": a town's local name, with its name)."""
    if near(index, "other places", parsed.core, SOME_PLACE):
        return None  # the whole name is (a spelling of) a village: "Qorveh-ye Dergazin"
    apart = tuple(t for t in parsed.context if _only_a_town(index, t)) if parsed.context else ()
    found = _towns_beside(index, parsed.words, context, counties)
    if not found and apart:  # read as the name with its town run on
        found = _towns_beside(index, (*parsed.words, *apart), context, counties)
    else:
        apart = ()
    if len(found) != 1:
        return None
    town = next(iter(found.values()))
    isos = index.context_provinces(word for word in context if word in index.place_words)
    if isos and town.province_iso not in isos:
        return None  # "Kish Island, Tehran Province": the town lies elsewhere
    if near_elsewhere(index, replace(parsed, core=parsed.core + "".join(apart)), town):
        return None  # the whole name is near another place's: "Torbat-e Shaikh Jam"
    note = f"the rest of the name names no place; placed at the city of {town.city}"
    reading = f"a place in {town.city} that the gazetteer does not know"
    return replace(town, method="city", note=note, reading=reading, own_place=True)


def _only_a_town(index: PlaceIndex, word: str) -> bool:
    """Whether the key ``word`` is the name of one town only, not also its province's ("Foo
    (Kerman)" may be in Kerman province, at none of its towns)."""
    towns = index.towns.get(word, ())
    return len(towns) == 1 and not {word, key(towns[0].city or "")} & index.province_names.keys()


def _towns_beside(
    index: PlaceIndex,
    words: tuple[str, ...],
    context: tuple[str, ...],
    counties: frozenset[str] = frozenset(),
) -> dict[Match, Match]:
    """The towns ``words`` begin or end with, beside words that name nothing (by place)."""
    found: dict[Match, Match] = {}
    for cut in range(1, len(words)):
        head, tail = words[:cut], words[cut:]
        for town_words, rest in ((head, tail), (tail, head)):
            # (the towns of this name the province the name gives holds: "... فهرج بمحافظة كرمان")
            towns = [
                t for t in index.towns.get("".join(town_words), ()) if _agrees(index, t, context)
            ]
            if (
                len(towns) == 1
                and (unknown(index, rest) or _hamlets_elsewhere(index, rest, towns[0], counties))
                and _sure(index, towns[0], context)
                and not _province_named(index, "".join(town_words), towns[0], context)
            ):
                found[place_of(towns[0])] = towns[0]
    return found


def _hamlets_elsewhere(
    index: PlaceIndex, words: tuple[str, ...], town: Match, counties: frozenset[str]
) -> bool:
    """Whether ``words`` name only villages of fewer than :data:`VILLAGE` people, none in
    ``town``'s province, and otherwise nothing, no county either (:func:`unknown` without them):
    beside a real town, the town's region or quarter, not such a village ("Pars Abad Moghan":
    Parsabad of the Moghan plain, not Moghan, a village of 1,631 people in Semnan; "Khafr
    Kerman" is not read so: Khafr is a county of Fars)."""
    run = "".join(words)
    if run in counties:
        return False
    isos = index.other_places.get(run, frozenset())
    people = index.populations
    if not isos or town.province_iso in isos or run in index.entries or run in index.place_words:
        return False
    if people.get((key(town.city or ""), town.province_iso or ""), 0) < TOWN:
        return False
    if any(not 0 < people.get((run, iso), 0) < VILLAGE for iso in isos):
        return False
    return not near(index, "places", run, _NEAR)


def unknown(index: PlaceIndex, words: tuple[str, ...]) -> bool:
    """Whether ``words`` (keys) name no prison, town, province, square or other place, even as a
    near spelling ("Adelabd" is near Adelabad: a misspelling to fix, not an unknown place), neither
    all of them nor any run of them ("Ghezel Hesar-fængslet nær": Ghezel Hesar is a place), nor
    with an affix taken off."""
    whole = "".join(words)
    if len(whole) < 2 or any(ch.isdigit() for ch in whole) or _PART_KEYS.keys() & set(words):
        return False  # "piazza Varamin": a square, which may be named after any town
    named = [word for word in words if word not in CITY_WORDS]
    if named[-1:] and named[-1] in COMPASS_WORDS and set(named) - COMPASS_WORDS:
        return False  # "فلان غرب": where a place lies from the town after (not "جنوبی شهر")
    runs = {"".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
    runs |= {bare for run in runs if (bare := without_affix(run))}  # "باوین": at Evin
    known = (index.entries, index.place_words, index.other_places)
    if any(run in names for run in runs for names in known):
        return False
    return not any(near(index, "places", run, _NEAR) for run in runs)


def _province_named(
    index: PlaceIndex, town_key: str, town: Match, context: tuple[str, ...]
) -> bool:
    """Whether ``town_key`` (a name of ``town``) is also the name of another province or of
    another place the index knows, which the name's or row's other words do not rule out
    ("Golestan region": Tehran's town of Golestan, or the province of Golestan)."""
    if index.context_provinces(context) & {town.province_iso or ""}:
        return False
    entry = index.entries.get(town_key)
    if entry is not None and any(p.province_iso != town.province_iso for p in entry.places):
        return True  # "Langarud": Gilan's town, or Qom's prison locally called so
    return any(
        town_key in {key(n) for n in (p.name_en, p.name_fa, *p.aliases)}
        for iso, p in index.provinces.items()
        if iso != town.province_iso
    )


def _sure(index: PlaceIndex, town: Match, context: tuple[str, ...]) -> bool:
    """Whether a name of ``town`` can mean no place of another province: it has no namesake
    elsewhere, or it is its province's capital, or the row's town or province is its own."""
    others = index.homonyms.get((key(town.city or ""), town.province_iso or ""), frozenset())
    if not others or capital(index, town):
        return True
    return bool(index.context_provinces(context) & {town.province_iso or ""})
