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
  one province. A border area lies on the land border: a name Y that towns of several provinces
  share is the largest of them where it lies within :data:`BORDER_KM` of the border
  ("Sardasht"), and a place known only by name (a village of ``places.csv``, of one province),
  where it lies within it ("نوار مرزی نوسود"). Unresolved when Y is unknown or ambiguous, or a
  known place before the words lies in another province. A place's own name is read whole
  ("Su Kahriz" is not "on Kahriz"; "Sar Mashhad" not Mashhad).
- a road between two towns ("the road from X to Y", "X–Y road", "محور X به Y"): their province
  where both lie in one; unresolved when they lie in two, or one is unknown. A road named by one
  town ("the Qaen road", "محور قاین") as an area of that town (the town's point would say more
  than the words; its province is the one the town's own name gives).
- "border" as an adjective only beside a word for area ("منطقه مرزی", "deverên sînorî"); beside
  a word for town it describes the town ("border town of Sardasht", "مدينة سردشت الحدودية"),
  which the town rules read; where towns of several provinces have its name, it is the largest
  of them where that lies near the border, read as the town rules read it in its province. A
  district only beside a word for county (a district of a town is a part of it). A place's own
  name is never read so.

Part of :class:`~iranmap.geocode.Geocoder`, which asks :func:`around_reading` about every name
before its other rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from iranmap.geocode._bounds import AROUND
from iranmap.geocode._phrase_words import (
    AROUND_AND,
    AROUND_BESIDE,
    AROUND_COUNTY,
    AROUND_FROM,
    AROUND_OF,
    AROUND_TO,
    AROUND_TOWN,
    AROUND_WORDS,
)
from iranmap.geocode.index import PlaceIndex, km, name_key_of
from iranmap.geocode.match import Match
from iranmap.geocode.provinces import province_match
from iranmap.names import fold, key

#: Resolves a name (the geocoder's place, with the row's columns).
Resolve = Callable[[str], Match]

#: Points along Iran's land border, from the Caspian at Astara round to the Gulf of Oman: its
#: border towns (their gazetteer points), crossings and tripoints (to about 10 km), none more
#: than about 130 km from the next.
LAND_BORDER_POINTS = (
    *(("Astara", 38.43, 48.87), ("Bileh Savar", 39.38, 48.35), ("Parsabad", 39.65, 47.92)),
    *(("Aslan Duz", 39.44, 47.41), ("Khoda Afarin", 39.15, 46.93), ("Nordooz", 38.85, 46.21)),
    *(("Jolfa", 38.94, 45.63), ("Poldasht", 39.35, 45.07), ("Bazargan", 39.39, 44.39)),
    *(("Siah Cheshmeh", 39.07, 44.38), ("Razi crossing", 38.47, 44.35), ("Serow", 37.74, 44.62)),
    *(("Oshnavieh", 37.04, 45.10), ("Piranshahr", 36.70, 45.14), ("Sardasht", 36.16, 45.48)),
    *(("Baneh", 36.00, 45.89), ("Marivan", 35.52, 46.18), ("Nowsud", 35.16, 46.20)),
    *(("Qasr-e Shirin", 34.52, 45.58), ("Gilan-e Gharb", 34.14, 45.92), ("Mehran", 33.12, 46.16)),
    *(("Dehloran border", 32.45, 47.25), ("Chazabeh", 31.85, 47.77), ("Bostan", 31.72, 47.99)),
    *(("Hoveyzeh", 31.46, 48.07), ("Khorramshahr", 30.44, 48.18), ("Abadan", 30.34, 48.30)),
    *(("Incheh Borun", 37.45, 54.72), ("Maraveh Tappeh", 37.90, 55.96)),
    *(("North Khorasan border", 38.00, 57.20), ("Bajgiran", 37.61, 58.42)),
    *(("Dargaz", 37.44, 59.11), ("Lotfabad", 37.52, 59.34), ("Kalat border", 37.10, 60.10)),
    *(("Sarakhs", 36.54, 61.16), ("Iran-Afghanistan-Turkmenistan tripoint", 35.60, 61.27)),
    *(("Dogharoun", 34.66, 61.06), ("Yazdan", 33.90, 60.90), ("Mahirud", 33.00, 60.70)),
    *(("Sistan border", 32.10, 60.85), ("Zabol", 31.03, 61.49), ("Zehak", 30.89, 61.68)),
    *(("Iran-Afghanistan-Pakistan tripoint", 29.86, 60.87), ("Mirjaveh", 29.01, 61.45)),
    *(("Pakistan border", 28.20, 61.90), ("Saravan", 27.37, 62.33), ("Jalq", 27.60, 62.71)),
    *(("Kalagan border", 26.90, 62.50), ("Pishin", 26.08, 61.75), ("Rask", 26.24, 61.40)),
    ("Negur", 25.39, 61.14),
)
#: How far (km) from :data:`LAND_BORDER_POINTS` a town may lie and have a border area (most
#: of the points are border towns, some kilometres inside the border).
BORDER_KM = 75.0
_AREAS = ("border", "heights", "district", "dam")
_TRIGGERS = frozenset().union(*(AROUND_WORDS[k] for k in (*_AREAS, "road", "border adjective")))
_PHRASE = _TRIGGERS | AROUND_WORDS["area"]
_KIND = {
    word: kind
    for kind in ("dam", "district", "heights", "road", "border")
    for word in AROUND_WORDS[kind]
}
_SAYS_TOWN = AROUND_TOWN | AROUND_COUNTY
_DASH = re.compile(r"\s*[–—]\s*|\s+-\s+")
_PUNCTUATION = ",.;:()«»\"“”'’"
_PARTS = re.compile(r"[,،()]")
_LABEL = re.compile(r"^(.*) \(([^()]*)\)$")
_UNPLACED = AROUND + " ({what}), and {why}"


def around_reading(index: PlaceIndex, name: str, place: Resolve) -> Match | None:
    """What ``name`` says as a place around a town (see the module's docstring), or None when it
    says none."""
    if _TRIGGERS.isdisjoint(fold(name).split()):
        return None  # (most names: at the cost of one folding, which the other rules share)
    tokens = name.split()
    words = [fold(token).split() for token in tokens]
    if any(_own_name(index, part) for part in _PARTS.split(name)):
        return None  # a place's own name ("زاغ مرز", a town of Mazandaran)
    at = _trigger(words)
    if at is None:  # (no place around a town; but a border town names which town)
        return _border_town(index, tokens, words, place)
    kind = next((_KIND[word] for word in words[at] if word in _KIND), "border")
    start, end = at, at + 1
    while start > 0 and _PHRASE.intersection(words[start - 1]):
        start -= 1
    while end < len(tokens) and _PHRASE.intersection(words[end]):
        end += 1
    before, after = _trim(index, tokens[:start]), _cut(index, tokens[end:], words[end:])
    what = " ".join(tokens[start:end]).strip(_PUNCTUATION)
    if kind == "road":  # between two towns, or else named by one ("محور قاین")
        # (its ends not cut at "between": "the road between X and Y")
        ends = _trim(index, tokens[end:]) or before
        road = _road(index, " ".join(ends), what, place)
        return road or _area(index, kind, before, after, what, place)
    # a district only of a county ("Irandegan district of Khash County"), a region of any place
    # ("Çaldıran bölgesinde")
    region = AROUND_WORDS["area"].intersection(words[at])
    county = AROUND_COUNTY.intersection(w for token in after for w in fold(token).split())
    if kind == "district" and not region and not county:
        return None
    return _area(index, kind, before, after, what, place)


def _own_name(index: PlaceIndex, part: str) -> bool:
    """Whether ``part`` (of a name, between commas or brackets) is a place's own name with a word
    of the phrases in it."""
    if not _TRIGGERS.intersection(fold(part).split()):
        return False
    return key(part) in index.entries or key(part) in index.place_provinces


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


def _cut(index: PlaceIndex, tokens: list[str], words: list[list[str]]) -> list[str]:
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
    while tokens and words[0] and set(words[0]) <= AROUND_OF and not _known(index, tokens):
        tokens, words = tokens[1:], words[1:]
    return tokens


def _known(index: PlaceIndex, tokens: list[str]) -> bool:
    """Whether ``tokens`` are a place's own name ("Su Kahriz": not "on Kahriz")."""
    name_key = name_key_of(" ".join(tokens))
    return name_key in index.entries or name_key in index.place_provinces


def _trim(index: PlaceIndex, tokens: list[str]) -> list[str]:
    """The words before the phrase without the words for area or the small words at their
    ends ("منطقتي سردشت وسلماس": Sardasht and Salmas)."""

    def small(token: str) -> bool:
        folded = fold(token).split()
        return bool(folded) and set(folded) <= AROUND_OF | _PHRASE

    while tokens and small(tokens[0]) and not _known(index, tokens):
        tokens = tokens[1:]
    while tokens and small(tokens[-1]) and not _known(index, tokens):
        tokens = tokens[:-1]
    return tokens


def _area(
    index: PlaceIndex,
    kind: str,
    before: list[str],
    after: list[str],
    what: str,
    place: Resolve,
) -> Match:
    """An area of the town or county the words after it name (else the words before it)."""
    if after:
        isos = _provinces(index, kind, after, place)
        if isos and before:  # "Nowkan border area of Sardasht": a local name, or agreeing
            found = place(" ".join(before))
            # (a near spelling of a town elsewhere is no such place: "Soore Goige")
            known = found.status == "matched" and found.score == 100 and not found.reading
            if known and found.province_iso not in isos:
                return _unplaced(what, "the places it names lie in two provinces")
    else:
        isos = _provinces(index, kind, before, place)
    if len(isos) != 1:
        why = "the places it names lie in two provinces" if isos else _NO_TOWN
        return _unplaced(what, why)
    return _placed(index, next(iter(isos)), what)


_NO_TOWN = "no one town or county of its words is known"


def _provinces(index: PlaceIndex, kind: str, tokens: list[str], place: Resolve) -> frozenset[str]:
    """The provinces of the towns ``tokens`` name, or of the one town its last words name
    exactly after unknown local words ("روتک میرجاوه"; a place known only by name after a word
    for town or county: "«صوفی جانه» شهرستان نوسود")."""
    whole = _province(index, kind, " ".join(tokens), place)
    if whole:  # ("سیستان و بلوچستان": one province's name)
        return frozenset({whole})
    if name_key_of(" ".join(tokens)) in index.place_provinces:
        return frozenset()  # a place's own name ("Sar Mashhad", a village of Fars)
    parts = _split(tokens, AROUND_AND)
    isos = [_province(index, kind, " ".join(p), place) for p in parts]
    if len(parts) > 1:
        return frozenset(isos) if all(isos) else frozenset()
    for start in range(1, len(tokens)):
        rest = " ".join(tokens[start:])
        found = place(rest)
        if found.status == "matched" and found.score < 100:
            continue  # (not a near spelling of a town, after words unknown)
        # a place known only by name, only after a word for town or county ("شهرستان نوسود")
        said = _SAYS_TOWN.intersection(fold(tokens[start - 1]).split())
        iso = _province(index, kind, rest, place) if found.status != "unmatched" or said else ""
        if iso:
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


def _province(index: PlaceIndex, kind: str, text: str, place: Resolve) -> str:
    """The province of the one town or county ``text`` names, "" for none; for a border area
    whose name towns of several provinces share, of the largest of them where it lies near the
    land border ("Sardasht": West Azerbaijan's, 46,000 people, on the border with Iraq; not
    the towns of Khuzestan and Hormozgan, 7,000 and 1,700 people, 190 and 400 km from it; but
    not "Sarab", East Azerbaijan's town of 45,000 people, 130 km from it)."""
    if not text:
        return ""
    found = place(text)
    if found.status == "matched":
        return found.province_iso or ""
    if kind != "border":
        return ""
    if found.status == "unmatched":  # "نوار مرزی نوسود": a place known by name, of one province
        name_key = name_key_of(text)
        known = index.place_provinces.get(name_key, frozenset())
        iso = next(iter(known)) if len(known) == 1 else ""
        points, _ = _points(index, name_key, iso)
        near = bool(points) and all(_from_border(*point) <= BORDER_KM for point in points)
        return iso if near and not index.towns.get(name_key) else ""
    return _on_border(index, found)[0]


def _on_border(index: PlaceIndex, found: Match) -> tuple[str, str]:
    """The province and the name's key of the largest of the places an ambiguous answer names,
    where it lies within :data:`BORDER_KM` of the land border; ("", "") for none (or a county:
    no point to tell by)."""
    isos = _province_isos(index)
    towns: list[tuple[int, bool, str, str]] = []
    for label in found.candidates:
        match = _LABEL.match(label)
        if not match or match.group(1).endswith(" County"):
            return "", ""
        iso, name_key = isos.get(match.group(2), ""), name_key_of(match.group(1))
        points, people = _points(index, name_key, iso)
        if not points:
            return "", ""
        near = any(_from_border(*point) <= BORDER_KM for point in points)
        towns.append((people, near, iso, name_key))
    towns.sort(reverse=True)
    largest, near, iso, name_key = towns[0]
    if near and len(towns) > 1 and largest > towns[1][0]:
        return iso, name_key
    return "", ""


def _border_town(
    index: PlaceIndex, tokens: list[str], words: list[list[str]], place: Resolve
) -> Match | None:
    """A border town that towns of several provinces name ("مدينة سردشت الحدودية", "the border
    town of Sardasht"): the largest of them where it lies near the land border, at its point;
    None where the name says no border town, or the town rules say which town it is."""
    border = AROUND_WORDS["border"] | AROUND_WORDS["border adjective"]
    said = [w for ws in words for w in ws]
    if border.isdisjoint(said) or AROUND_TOWN.isdisjoint(said):
        return None
    rest = [t for t, ws in zip(tokens, words, strict=True) if border.isdisjoint(ws)]
    found = place(" ".join(rest))
    if found.status != "ambiguous":
        return None
    iso = _on_border(index, found)[0]
    if not iso:
        return None
    province = index.province_name(iso)
    town = place(f"{' '.join(rest)} ({province})")  # as the town rules read it there
    if town.status != "matched" or town.kind != "city" or town.province_iso != iso:
        return None
    return replace(town, reading=f"the town of {town.city} on the border (in {province})")


def _points(index: PlaceIndex, name_key: str, iso: str) -> tuple[list[tuple[float, float]], int]:
    """The points of the towns and the places known by name of key ``name_key`` in ``iso``,
    and the most people any of them has."""
    places = [p for p in index.known_places.get(name_key, ()) if p.province_iso == iso]
    points = [
        *((t.lat, t.lon) for t in index.towns.get(name_key, ()) if t.province_iso == iso),
        *((p.lat, p.lon) for p in places),
    ]
    people = max((p.population for p in places), default=0)
    return [(lat, lon) for lat, lon in points if lat is not None and lon is not None], people


def _from_border(lat: float, lon: float) -> float:
    """How far (km) the point lies from the nearest of :data:`LAND_BORDER_POINTS`."""
    return min(km(lat, lon, b_lat, b_lon) for _, b_lat, b_lon in LAND_BORDER_POINTS)


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
            f"{AROUND} ({what}), not the town: placed in {province.name_en}, at none of its towns"
        ),
        reading=f"a place around a town of {province.name_en} ({what})",
    )


def _unplaced(what: str, why: str) -> Match:
    return Match(query="", status="unmatched", score=0.0, note=_UNPLACED.format(what=what, why=why))
