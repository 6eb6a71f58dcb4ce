"""Places around a town that are not the town: its border area, a road between two towns, its
heights, a district of its county, a dam.

Reports on border porters (kolbars) and on shootings by the roadside name where a person was
killed as "the border area of Sardasht", "نوار مرزی سردشت", "Çaldıran sınırında", "محور خاش به
زاهدان", "the Irandegan district of Khash County". Such a place is near the town, sometimes
tens of kilometres from it; the town's point would say more than the report does, so it is
placed at the town's province, precision ``province``, with no point (claim precision: a row is
placed at the most precise place its own words name, never further):

- an area (border area, heights, district, dam) named by a town or county Y, with any unknown
  local name before it ("Nowkan border area of Sardasht", "منطقه مرزی روتک میرجاوه"): Y's
  province. Y read as the geocoder reads any name (its case endings included: "serdeştê",
  "Çaldıran'ın"); two towns named together ("Sardasht and Piranshahr") only where they lie in
  one province. A name Y shares with towns of other provinces is the county of that name, where
  one county has it (an area is named by its county, not by a namesake town elsewhere), and for
  a border area only a county of a province with a land border. Unresolved when Y is unknown or
  ambiguous, or a known place before the words lies in another province.
- a road between two towns ("the road from X to Y", "X–Y road", "محور X به Y"): their province
  where both lie in one; unresolved when they lie in two, or one is unknown. A road named by one
  town ("the Qaen road", "محور قاین") as an area of that town (the town's point would say more
  than the words; its province is the one the town's own name gives).
- "border" as an adjective only beside a word for area ("منطقه مرزی", "deverên sînorî"); beside
  a word for town it describes the town ("border town of Sardasht", "مدينة سردشت الحدودية"),
  which the town rules read. A district only beside a word for county (a district of a town is a
  part of it). A place's own name is never read so.

Part of :class:`~iranmap.geocode.Geocoder`, which asks :func:`around_reading` about every name
before its other rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from iranmap.geocode._phrase_words import (
    AROUND_AND,
    AROUND_BESIDE,
    AROUND_FROM,
    AROUND_OF,
    AROUND_TO,
    AROUND_TOWN,
    AROUND_WORDS,
)
from iranmap.geocode.index import PlaceIndex
from iranmap.geocode.match import Match
from iranmap.geocode.provinces import province_match
from iranmap.names import county_key, fold, key

#: Resolves a name (the geocoder's place, with the row's columns).
Resolve = Callable[[str], Match]
#: Whether a key names a county of a province: (county key, ISO) -> bool.
IsCounty = Callable[[str, str], bool]

#: The provinces (ISO 3166-2:IR, 2020) with a land border: Iraq, Turkey, Armenia, Azerbaijan,
#: Turkmenistan, Afghanistan, Pakistan (Gilan's Astara on Azerbaijan's).
LAND_BORDER = frozenset(
    {"IR-01", "IR-03", "IR-04", "IR-05", "IR-06", "IR-09", "IR-11", "IR-12", "IR-16", "IR-24"}
    | {"IR-27", "IR-28", "IR-29"}
)
_AREAS = ("border", "heights", "district", "dam")
_TRIGGERS = frozenset().union(*(AROUND_WORDS[k] for k in (*_AREAS, "road", "border adjective")))
_PHRASE = _TRIGGERS | AROUND_WORDS["area"]
_KIND = {
    word: kind
    for kind in ("dam", "district", "heights", "road", "border")
    for word in AROUND_WORDS[kind]
}
_COUNTY_WORDS = frozenset(
    {"county", "counties", "shahrestan", "شهرستان", "contea", "comte", "condado", "ilcesi"}
    | {"qeza", "qezaya", "قضا", "landkreis", "sharestan", "saristan"}
)
_DASH = re.compile(r"\s*[–—]\s*|\s+-\s+")
_PUNCTUATION = ",.;:()«»\"“”'’"
_PARTS = re.compile(r"[,،()]")
_LABEL = re.compile(r"^(.*) \(([^()]*)\)$")
_UNPLACED = "the name says a place around a town ({what}), and {why}"


def around_reading(
    index: PlaceIndex, name: str, place: Resolve, is_county: IsCounty
) -> Match | None:
    """What ``name`` says as a place around a town (see the module's docstring), or None when it
    says none."""
    if _TRIGGERS.isdisjoint(fold(name).split()):
        return None  # (most names: at the cost of one folding, which the other rules share)
    tokens = name.split()
    words = [fold(token).split() for token in tokens]
    if any(_own_name(index, part) for part in _PARTS.split(name)):
        return None  # a place's own name ("زاغ مرز", a town of Mazandaran)
    at = _trigger(words)
    if at is None:
        return None
    kind = _KIND.get(_first(words[at], _KIND), "border")
    start, end = at, at + 1
    while start > 0 and _PHRASE.intersection(words[start - 1]):
        start -= 1
    while end < len(tokens) and _PHRASE.intersection(words[end]):
        end += 1
    before, after = _trim(tokens[:start]), _cut(tokens[end:], words[end:])
    what = " ".join(tokens[start:end]).strip(_PUNCTUATION)
    if kind == "road":  # between two towns, or else named by one ("محور قاین")
        ends = _trim(tokens[end:]) or before  # (not cut at "between": "road between X and Y")
        road = _road(index, " ".join(ends), what, place)
        return road or _area(index, kind, before, after, what, place, is_county)
    # a district only of a county ("Irandegan district of Khash County"), a region of any place
    # ("Çaldıran bölgesinde")
    region = AROUND_WORDS["area"].intersection(words[at])
    county = _COUNTY_WORDS.intersection(w for token in after for w in fold(token).split())
    if kind == "district" and not region and not county:
        return None
    return _area(index, kind, before, after, what, place, is_county)


def _own_name(index: PlaceIndex, part: str) -> bool:
    """Whether ``part`` (of a name, between commas or brackets) is a place's own name with a word
    of the phrases in it."""
    if not _TRIGGERS.intersection(fold(part).split()):
        return False
    return key(part) in index.entries or key(part) in index.place_provinces


def _first(words: list[str], among: dict[str, str] | frozenset[str]) -> str:
    return next((w for w in words if w in among), "")


def _trigger(words: list[list[str]]) -> int | None:
    """Where the words for a place around a town are, if the name has them so: an adjective
    for border only beside a word for area; a Latin word for border before a word for town
    ("border town of Sardasht", "sınır kasabası") says the town, which the town rules read."""
    adjectives = AROUND_WORDS["border adjective"]
    for at, word in enumerate(words):
        if not _TRIGGERS.intersection(word):
            continue
        following = words[at + 1] if at + 1 < len(words) else []
        if word[-1].isascii() and AROUND_TOWN.intersection(following):
            return None
        if _TRIGGERS.intersection(word) - adjectives:
            return at
        if any(AROUND_WORDS["area"].intersection(w) for w in (*words[:at], following)):
            return at
    return None


def _cut(tokens: list[str], words: list[list[str]]) -> list[str]:
    """The words after the phrase that say whose place it is: without the small words before
    them ("of", "near") nor what it borders, up to the next small word ("المتاخمة لمحافظة
    ديالى"; "with Iraq in Baneh": Baneh)."""
    for at, word in enumerate(words):
        if AROUND_BESIDE.intersection(word):
            rest = next((i for i in range(at + 1, len(words)) if set(words[i]) <= AROUND_OF), None)
            if rest is None:
                tokens, words = tokens[:at], words[:at]
            else:
                tokens, words = [*tokens[:at], *tokens[rest:]], [*words[:at], *words[rest:]]
            break
    while tokens and words[0] and set(words[0]) <= AROUND_OF:
        tokens, words = tokens[1:], words[1:]
    return tokens


def _trim(tokens: list[str]) -> list[str]:
    """The words before the phrase without the words for area or the small words at their
    ends ("منطقتي سردشت وسلماس": Sardasht and Salmas)."""

    def small(token: str) -> bool:
        folded = fold(token).split()
        return bool(folded) and set(folded) <= AROUND_OF | _PHRASE

    while tokens and small(tokens[0]):
        tokens = tokens[1:]
    while tokens and small(tokens[-1]):
        tokens = tokens[:-1]
    return tokens


def _area(
    index: PlaceIndex,
    kind: str,
    before: list[str],
    after: list[str],
    what: str,
    place: Resolve,
    is_county: IsCounty,
) -> Match:
    """An area of the town or county the words after it name (else the words before it)."""
    if after:
        isos = _provinces(index, kind, after, place, is_county)
        if isos and before:  # "Nowkan border area of Sardasht": a local name, or agreeing
            found = place(" ".join(before))
            # (a near spelling of a town elsewhere is no such place: "Soore Goige")
            known = found.status == "matched" and found.score == 100 and not found.reading
            if known and found.province_iso not in isos:
                return _unplaced(what, "the places it names lie in two provinces")
    else:
        isos = _provinces(index, kind, before, place, is_county)
    if len(isos) != 1:
        why = "the places it names lie in two provinces" if isos else _NO_TOWN
        return _unplaced(what, why)
    return _placed(index, next(iter(isos)), what)


_NO_TOWN = "no one town or county of its words is known"


def _provinces(
    index: PlaceIndex, kind: str, tokens: list[str], place: Resolve, is_county: IsCounty
) -> frozenset[str]:
    """The provinces of the towns ``tokens`` name, or of the one town its last words name
    exactly after unknown local words ("روتک میرجاوه")."""
    whole = _province(index, kind, " ".join(tokens), place, is_county)
    if whole:  # ("سیستان و بلوچستان": one province's name)
        return frozenset({whole})
    parts = _split(tokens, AROUND_AND)
    isos = [_province(index, kind, " ".join(p), place, is_county) for p in parts]
    if len(parts) > 1:
        return frozenset(isos) if all(isos) else frozenset()
    for start in range(1, len(tokens)):
        found = place(" ".join(tokens[start:]))
        iso = _province(index, kind, " ".join(tokens[start:]), place, is_county)
        if iso and (found.status != "matched" or found.score == 100.0):
            return frozenset({iso})
    return frozenset()


def _split(tokens: list[str], joins: frozenset[str]) -> list[list[str]]:
    """``tokens`` cut at every word of ``joins`` (and before an Arabic "و" joined to a word:
    "سردشت وسلماس"), where every part is then read as a place."""
    parts: list[list[str]] = [[]]
    for token in tokens:
        folded = fold(token)
        if folded in joins or token in joins:
            parts.append([])
        elif folded.startswith("و") and len(folded) > 3 and parts[-1]:
            parts.append([token[1:]])
        else:
            parts[-1].append(token)
    return [p for p in parts if p]


def _province(index: PlaceIndex, kind: str, text: str, place: Resolve, is_county: IsCounty) -> str:
    """The province of the one town or county ``text`` names, "" for none (see the module's
    docstring for a name towns of several provinces share)."""
    if not text:
        return ""
    found = place(text)
    if found.status == "matched":
        return found.province_iso or ""
    if found.status != "ambiguous" or kind not in _AREAS:
        return ""
    counties = set()
    for label in found.candidates:
        match = _LABEL.match(label)
        iso = _province_isos(index).get(match.group(2), "") if match else ""
        if match and iso and is_county(county_key(match.group(1)), iso):
            counties.add(iso)
    if kind == "border":
        counties &= LAND_BORDER
    return next(iter(counties)) if len(counties) == 1 else ""


def _province_isos(index: PlaceIndex) -> dict[str, str]:
    return {province.name_en: iso for iso, province in index.provinces.items()}


def _road(index: PlaceIndex, text: str, what: str, place: Resolve) -> Match | None:
    """A road between two towns of one province: its ends cut at a word for "to" or a dash
    ("from X to Y", "X–Y"), or at "and" after "between"; or at a hyphen where both sides are
    towns ("Khash-Saravan road")."""
    tokens = _DASH.sub(" – ", text.replace(",", " – ")).split()
    if tokens and fold(tokens[0]) in AROUND_FROM:
        tokens = tokens[1:]
    ends = _split(tokens, AROUND_TO | {"–"})
    if len(ends) == 1:
        ends = _split(tokens, AROUND_AND)
    if len(ends) == 1 and len(tokens) == 1:
        ends = _hyphened(tokens[0], place)
    if len(ends) != 2:
        return None
    found = [place(" ".join(end)) for end in ends]
    isos = {f.province_iso or "" for f in found if f.status == "matched"}
    if any(f.status != "matched" for f in found) or len(isos) != 1:
        why = "its two towns lie in two provinces" if len(isos) == 2 else _NO_TOWN
        return _unplaced(what, why)
    return _placed(index, isos.pop(), what)


def _hyphened(token: str, place: Resolve) -> list[list[str]]:
    """``token`` cut at the one hyphen where both sides are places ("Khash-Saravan"), if the
    whole is none ("Qasr-e-Shirin")."""
    if "-" not in token or place(token).status == "matched":
        return [[token]]
    cuts = [
        [[token[:at]], [token[at + 1 :]]]
        for at, letter in enumerate(token)
        if letter == "-"
        and place(token[:at]).status == "matched"
        and place(token[at + 1 :]).status == "matched"
    ]
    return cuts[0] if len(cuts) == 1 else [[token]]


def _placed(index: PlaceIndex, iso: str, what: str) -> Match:
    province = index.provinces[iso]
    return replace(
        province_match(province),
        precision="province",
        note=(
            f"the name says a place around a town ({what}), not the town: placed in "
            f"{province.name_en}, at none of its towns"
        ),
        reading=f"a place around a town of {province.name_en} ({what})",
    )


def _unplaced(what: str, why: str) -> Match:
    return Match(query="", status="unmatched", score=0.0, note=_UNPLACED.format(what=what, why=why))
