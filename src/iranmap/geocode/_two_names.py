"""Two names of one town, one set apart from the other ("Homayounshahr (Khomaini-shahr)",
"Shahabad (Islamabad-e Gharb)"): tables print a town's old name with its new one, or a local
name with the official one.

The name is read as one town where its parts agree on it: every part that names a town names
that town (among others, for a part whose own reading is in doubt: "Khomaini-shahr" may be
Isfahan's Khomeyni Shahr or Hormozgan's, "Homayounshahr" only Isfahan's), every part that names
a province names its province, and every other part names nothing the gazetteer knows, even
nearly (an old name it lacks: "Shahabad"). Never where two parts name two places, or a part
names a prison or some other place. A town named by one part only, beside names of nothing,
must be what that part means alone (not "Langarood, Iran": Gilan's town, or Qom's prison called
so), or lie in the province a part names; and the other parts must be no spelling of a place
elsewhere ("Tikab (Hashtrud)": Takab). Placed at the town, at city precision.

A new town is named with either word for one ("شهرک اندیشه" for شهر جدید اندیشه, the new
town of Andisheh; "Shahrak-e X", "Shahr-e Jadid-e X"): :func:`new_town` reads a name that
begins with one as the one town whose name is the other with the same rest, where no place's
name is the name as written.

Part of :class:`~iranmap.geocode.Geocoder`, which asks :func:`new_town` and :func:`one_town`
about every name the other rules leave unplaced or in doubt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from iranmap.geocode._phrase_words import COMPASS_WORDS
from iranmap.geocode._readings import near_elsewhere, unknown
from iranmap.geocode.index import PlaceIndex, labels
from iranmap.geocode.match import Match
from iranmap.names import PlaceName, key

#: The keys of the words a new town's name begins with ("شهرک", "شهر جدید": township, new
#: town), in Persian letters and Latin ones.
_NEW_TOWN = frozenset(
    {"شهرک", "شهرجدید", "shahrak", "shahraki", "shahrjadid", "shahrijadid", "shahrijadidi"}
    | {"shahrjadidi", "shahrakijadid", "shahrakijadidi"}
)


#: The keys of the compass words a town's name may end with ("Eslamabad-e Gharb", "اسلام آباد
#: غرب"), in Latin and Persian letters.
_COMPASS_KEYS = frozenset(
    {key(word) for word in ("gharb", "gharbi", "sharq", "sharqi", "shomal", "shomali")}
    | {key(word) for word in ("jonub", "jonubi", "west", "east", "north", "south")}
    | COMPASS_WORDS
)


def new_town(index: PlaceIndex, parsed: PlaceName, answer: Match) -> Match:
    """``answer``, or the one new town whose name is the name's with the other word for a new
    town ("شهرک اندیشه": شهر جدید اندیشه), in the province the name gives, if any; see the
    module's docstring."""
    words = parsed.words
    if answer.status == "matched" or len(words) < 2 or parsed.core in index.entries:
        return answer
    if parsed.core in index.other_places:
        return answer
    isos = index.context_provinces(parsed.context)
    for cut in range(1, len(words)):
        if "".join(words[:cut]) not in _NEW_TOWN:
            continue
        rest = "".join(words[cut:])
        towns = {
            town
            for prefix in _NEW_TOWN
            for town in index.towns.get(prefix + rest, ())
            if not isos or town.province_iso in isos
        }
        if len(towns) == 1:
            town = next(iter(towns))
            note = f"another name of the new town of {town.city}; placed at the city"
            return replace(town, method="city", note=note, reading=f"{town.city}, by another name")
    return answer


def one_town(
    index: PlaceIndex,
    parsed: PlaceName,
    answer: Match,
    place: Callable[[str], Match],
    province: Callable[[str], Match],
    rows: frozenset[str] = frozenset(),
) -> Match:
    """``answer``, or the one town the parts of the name agree on (see the module's docstring),
    in the provinces the row gives (``rows``, if any). ``place`` reads one part alone (a key),
    ``province`` tells whether a part is a province's name exactly."""
    if answer.status == "matched" or not parsed.core or not parsed.context:
        return answer
    parts = (parsed.core, *parsed.context)
    if not any(_town_keys(index, part) for part in parts):
        return answer  # (no part is a town's name as it stands: nothing to read, found sooner)
    found: dict[str, Match] = {}  # the towns the parts name, by label
    agreed: set[str] | None = None  # the labels every naming part holds
    provinces: set[str] = set()
    naming: list[str] = []
    unknown_parts: list[str] = []
    for part in parts:
        isos = index.province_names.get(part, frozenset())
        if isos:
            provinces |= isos
            continue
        named = _towns(index, part, place)
        if named is None:
            return answer  # a prison's name, some other place's, or a near spelling of one
        if not named:
            unknown_parts.append(part)  # a name of nothing the gazetteer knows
            continue
        naming.append(part)
        found |= {label: town for label, town in named.items() if town is not None}
        agreed = set(named) if agreed is None else agreed & set(named)
    if not agreed or not agreed <= set(found):
        return answer
    # (the one of them in the province a part names: "Foo (Ardakan), Yazd")
    towns = [found[label] for label in agreed]
    towns = [town for town in towns if not provinces or town.province_iso in provinces]
    if len(towns) != 1 or (rows and towns[0].province_iso not in rows):
        return answer
    town = towns[0]
    if len(naming) == 1 and town.province_iso not in provinces:
        alone = place(naming[0])  # the town's name alone must mean it: "Langarood, Iran" not
        if alone.status != "matched" or (alone.city, alone.province_iso) != (
            town.city,
            town.province_iso,
        ):
            return answer
    for part in unknown_parts:
        isos = _province(index, part, province)  # "سيستان وبلوشستان" after Shiraz: another's
        if isos and town.province_iso not in isos:
            return answer
        if not isos and near_elsewhere(index, replace(parsed, core=part), town):
            return answer  # "Tikab (Hashtrud)": a spelling of Takab, elsewhere
    if len(naming) > 1:
        note = f"two names of one town, {town.city}; placed at the city"
        reading = f"{town.city} ({town.province}), by two of its names"
    else:
        note = f"the rest of the name names no place; placed at the city of {town.city}"
        reading = f"a place in {town.city} that the gazetteer does not know"
    return replace(town, method="city", note=note, reading=reading)


def _town_keys(index: PlaceIndex, part: str) -> list[str]:
    """The keys of the towns a part (a key) is the name of: as it stands, or without the compass
    word that ends a town's name ("Shahabad": Shahabad-e Gharb, Eslamabad-e Gharb's old name)."""
    if part in index.towns:
        return [part]
    return [part + end for end in _COMPASS_KEYS if part + end in index.towns]


def _province(index: PlaceIndex, part: str, province: Callable[[str], Match]) -> frozenset[str]:
    """The province a part (a key) that names nothing else names exactly, in any letters
    ("سیستانوبلوشستان"); none."""
    found = province(part)
    exact = found.status == "matched" and found.score == 100 and found.method != "fuzzy"
    return frozenset({found.province_iso or ""}) if exact else frozenset()


def _towns(
    index: PlaceIndex, part: str, place: Callable[[str], Match]
) -> dict[str, Match | None] | None:
    """The towns a part (a key) names, by label (a town known only as a candidate of a part in
    doubt: None); empty for a part that names nothing; None for one that names something else."""
    towns = index.towns.get(part, ())
    if towns:
        return {label: town for town in towns for label in labels(town)}
    if part in index.entries or part in index.other_places:
        return None
    compassed = [town for town_key in _town_keys(index, part) for town in index.towns[town_key]]
    if compassed:
        return {label: town for town in compassed for label in labels(town)}
    if unknown(index, (part,)):
        return {}
    reading = place(part)
    if reading.status == "matched" and reading.kind == "city":
        return dict.fromkeys(labels(reading), reading)
    if reading.status == "ambiguous":
        return dict.fromkeys(reading.candidates)
    return None
