"""Names -> places, each answer with a status and a score. Never guesses silently.

Stage: a name (from a report row or a user) -> :class:`Match`.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Literal, TypeVar

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from iranmap.errors import InputError
from iranmap.gazetteer import City, Gazetteer, Precision, Prison, Province
from iranmap.names import fold, key, province_key

Status = Literal["matched", "ambiguous", "unmatched"]
Kind = Literal["prison", "city", "province"]

#: The columns of ``iranmap geocode`` output, in order.
GEOCODE_COLUMNS = (
    "query",
    "status",
    "score",
    "prison_id",
    "prison",
    "city",
    "province_iso",
    "province",
    "lat",
    "lon",
    "precision",
)


@dataclass(frozen=True)
class Match:
    """What a name resolved to.

    ``status`` is "matched" (one place; ``kind`` says which sort), "ambiguous" (several;
    ``candidates`` names them and no place field is filled) or "unmatched" (none; the place
    fields are empty and ``suggestions`` may name near misses). ``score`` is 0..100: 100 for an
    exact name or alias, the fuzzy similarity of the keys otherwise.
    """

    query: str
    status: Status
    score: float
    kind: Kind | None = None
    prison_id: str | None = None
    prison: str | None = None  # the prison's English name
    city: str | None = None
    province_iso: str | None = None
    province: str | None = None  # the province's English name
    lat: float | None = None
    lon: float | None = None
    precision: Precision | None = None
    candidates: tuple[str, ...] = ()
    # For an unmatched name: the nearest names below the threshold, best first, to help a
    # person fix a spelling. Never used to place anything.
    suggestions: tuple[str, ...] = ()


_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True)
class Name:
    """One name of a names list, with the line it came from (for messages)."""

    line: int
    text: str


def read_names(data: bytes, path: str) -> tuple[Name, ...]:
    """The names of a list, one per line: blank lines skipped, a UTF-8 BOM and spaces stripped.

    Raises :class:`InputError` for bytes that are not UTF-8 (at the first such line, counting
    the others) and for a list with no name at all.
    """
    if data.startswith(_UTF16_BOMS):
        msg = "expected UTF-8 text, found UTF-16 (it starts with a UTF-16 byte order mark); "
        msg += "save the file as UTF-8"
        raise InputError.at(path, 1, msg)
    data = data.removeprefix(_UTF8_BOM)
    names: list[Name] = []
    bad: list[tuple[int, UnicodeDecodeError]] = []
    for number, raw in enumerate(data.splitlines(), start=1):
        try:
            text = raw.decode("utf-8").strip()
        except UnicodeDecodeError as exc:
            bad.append((number, exc))
            continue
        if text:
            names.append(Name(number, text))
    if bad:
        number, error = bad[0]
        others = f" ({len(bad)} lines like this)" if len(bad) > 1 else ""
        msg = (
            f"expected UTF-8 text, found byte 0x{error.object[error.start]:02x} at byte "
            f"{error.start + 1} of the line{others}; save the file as UTF-8 (a spreadsheet's "
            "'CSV UTF-8', or: iconv -f WINDOWS-1256 -t UTF-8 FILE > FILE.utf8)"
        )
        raise InputError.at(path, number, msg)
    if not names:
        msg = "expected one name per line, found no name (the input is empty or blank); "
        msg += "give one prison, city or province name per line"
        raise InputError.at(path, None, msg)
    return tuple(names)


def csv_row(match: Match) -> tuple[str, ...]:
    """``match`` as the cells of :data:`GEOCODE_COLUMNS` (empty cells for missing values)."""
    values: dict[str, object] = {
        "query": match.query,
        "status": match.status,
        "score": f"{match.score:g}",
        "prison_id": match.prison_id,
        "prison": match.prison,
        "city": match.city,
        "province_iso": match.province_iso,
        "province": match.province,
        "lat": match.lat,
        "lon": match.lon,
        "precision": match.precision,
    }
    return tuple(
        "" if values[column] is None else str(values[column]) for column in GEOCODE_COLUMNS
    )


def explain(match: Match) -> str | None:
    """One sentence on why ``match`` placed nothing, with what to do; None for a match."""
    if match.status == "ambiguous":
        places = "; ".join(match.candidates)
        return f"{match.query!r} can mean several places ({places}); write the one meant"
    if match.status == "unmatched":
        near = "; ".join(match.suggestions)
        hint = f"closest: {near}" if near else "check the spelling"
        return f"{match.query!r} matched no place (best score {match.score:g}); {hint}"
    return None


#: Default lowest fuzzy score (0..100, rapidfuzz ratio of the two keys) that can match.
#: At 90 a key of 10 letters or more may differ by one substitution ("gizilhisar" for
#: "qizilhisar"), a key of 5 letters or more by one letter added or dropped, and no shorter
#: key by anything. Why not lower: Iranian town names are often one letter apart (Iranshahr and
#: Piranshahr, Gonbad and Gonabad, Mahshahr and Mahdishahr), and a town missing from the
#: gazetteer must come back unmatched rather than land on its neighbour. On the shipped
#: gazetteer, names of towns taken out of it matched another town fuzzily about 3 times in
#: 100 at 85, about 1 in 100 at 90; single-letter typos of names it holds were still placed
#: right about 45 times in 100 at 90 (60 at 85), and an unmatched name is reported with the
#: nearest names, never dropped.
DEFAULT_THRESHOLD = 90.0

#: Default lead the best fuzzy candidate needs over the next different place; anything
#: closer is a near-tie, answered "ambiguous" rather than guessed. 10 rather than 5 cut the
#: typos placed at the wrong town by three quarters in the same measurement.
DEFAULT_MARGIN = 10.0

ISO_SCHEMES = ("2020", "pre-2020")

# How many nearest keys a fuzzy search looks at; several keys can lead to one place.
_FUZZY_LIMIT = 25
# How many near misses an unmatched answer suggests, and how near they must be.
_SUGGESTIONS = 3
_SUGGESTION_FLOOR = 70.0
# Two GeoNames records of one name closer than this are the same town recorded twice.
_SAME_TOWN_KM = 10.0

# How many names one similarity matrix of :meth:`Geocoder.places` holds (memory: CHUNK x keys).
_CHUNK = 256

_CODE = re.compile(r"(?:ir ?)?(\d{1,2})")
_T = TypeVar("_T")
# How a province is written after a place's name: "Evin, Tehran Province", "Ostan-e Tehran".
_PROVINCE_FORMS = ("{}", "{} Province", "Ostan-e {}", "استان {}")
# An exact key's answer, and the places behind it (one when matched, several when ambiguous).
_Answer = tuple["Match", tuple["Match", ...]]


@dataclass(frozen=True)
class _Town:
    """A city a name can resolve to: a GeoNames city, or the city of a gazetteer prison."""

    name: str
    province_iso: str
    lat: float
    lon: float
    population: int


class Geocoder:
    """Resolves prison, city and province names against a :class:`Gazetteer`.

    Every exact key is decided once, here, in the order a reader would: a prison's own name or
    alias, then a name shared on purpose by several prisons (ambiguous), then a city's own
    name, a city's alias, and last the city a prison lies in. A name with no exact key may be
    an exact name plus its town or province ("Vakilabad, Mashhad"); if not, it goes to a fuzzy
    search over all keys, which only answers "matched" at ``threshold`` or above and with a
    lead of ``margin`` over any other place. Answers are cached per key, so resolving the same
    spelling twice costs a dictionary lookup.
    """

    def __init__(
        self,
        gazetteer: Gazetteer,
        threshold: float = DEFAULT_THRESHOLD,
        margin: float = DEFAULT_MARGIN,
    ) -> None:
        if not 0 < threshold <= 100:
            msg = f"threshold must be in (0, 100], got {threshold!r}"
            raise ValueError(msg)
        if margin < 0:
            msg = f"margin must be 0 or more, got {margin!r}"
            raise ValueError(msg)
        self.threshold = threshold
        self.margin = margin
        self._provinces = {p.iso: p for p in gazetteer.provinces}
        self._place_answers, self._place_choices = self._index_places(gazetteer)
        self._place_keys = list(self._place_answers)
        self._qualifiers = _qualifiers(gazetteer, self._place_choices)
        self._province_answers = self._index_provinces(gazetteer.provinces)
        self._province_keys = list(self._province_answers)
        self._codes: dict[str, dict[str, Match]] = {
            "2020": {p.iso: self._province_match(p) for p in gazetteer.provinces},
            "pre-2020": {
                p.iso_pre2020: self._province_match(p) for p in gazetteer.provinces if p.iso_pre2020
            },
        }
        self._hasc = {fold(p.hasc): self._province_match(p) for p in gazetteer.provinces if p.hasc}
        self._place_cache: dict[str, Match] = {}
        self._province_cache: dict[tuple[str, str], Match] = {}

    # -- public -----------------------------------------------------------------------------

    def place(self, name: str) -> Match:
        """The prison or city ``name`` means, or why it cannot be told.

        A name may carry its town or province ("Vakilabad Mashhad", "Nurabad (Lorestan)"):
        that picks the one place of that name there, and contradicts every other.
        """
        name_key = key(name)
        answer = self._place_cache.get(name_key)
        if answer is None:
            answer = self._qualified(name_key)
            if answer is None:
                answer = self._resolve(name_key, self._place_answers, self._place_keys)
            self._place_cache[name_key] = answer
        return replace(answer, query=name)

    def places(self, names: Iterable[str]) -> list[Match]:
        """:meth:`place` for many names at once, in order; same answers, found faster.

        The fuzzy search of every name without an exact key runs as one similarity matrix (in
        chunks), which is several times faster than one search per name: call this first when
        resolving thousands of names, then :meth:`place` answers from the cache.
        """
        names = list(names)
        pending = []
        for name_key in dict.fromkeys(key(name) for name in names):
            if not name_key or name_key in self._place_cache or name_key in self._place_answers:
                continue
            qualified = self._qualified(name_key)
            if qualified is not None:
                self._place_cache[name_key] = qualified
            else:
                pending.append(name_key)
        keys = self._place_keys
        for start in range(0, len(pending), _CHUNK):
            chunk = pending[start : start + _CHUNK]
            scores = process.cdist(
                chunk, keys, scorer=fuzz.ratio, processor=None, dtype=np.float64, workers=1
            )
            for name_key, row in zip(chunk, scores, strict=True):
                self._place_cache[name_key] = self._decide(_top(row), self._place_answers, keys)
        return [self.place(name) for name in names]

    def province(self, name: str, iso_scheme: str = "2020") -> Match:
        """The province ``name`` means: by name, alias, Persian name, HASC or ISO code.

        A bare code ("IR-07", "IR07", "07", "7") is read in ``iso_scheme``: "2020" (the
        current ISO 3166-2:IR numbering, IR-07 = Fars) or "pre-2020" (IR-07 = Tehran).
        """
        if iso_scheme not in ISO_SCHEMES:
            msg = f"iso_scheme must be one of {ISO_SCHEMES!r}, got {iso_scheme!r}"
            raise ValueError(msg)
        folded = fold(name)
        cache_key = (iso_scheme, folded)
        answer = self._province_cache.get(cache_key)
        if answer is None:
            answer = self._resolve_province(folded, iso_scheme)
            self._province_cache[cache_key] = answer
        return replace(answer, query=name)

    # -- resolution -------------------------------------------------------------------------

    def _resolve_province(self, folded: str, iso_scheme: str) -> Match:
        code = _CODE.fullmatch(folded)
        if code:
            found = self._codes[iso_scheme].get(f"IR-{int(code.group(1)):02d}")
            return found or Match(query="", status="unmatched", score=0.0)
        if folded in self._hasc:
            return self._hasc[folded]
        return self._resolve(province_key(folded), self._province_answers, self._province_keys)

    def _qualified(self, name_key: str) -> Match | None:
        """The one place a name plus its town or province names, if the key splits that way.

        Keys are cut at every position: one side must be a place's exact key, the other a key
        of that place's town (for a prison) or province. None unless exactly one place fits.
        """
        if name_key in self._place_answers:
            return None
        fits: set[Match] = set()
        for cut in range(1, len(name_key)):
            head, tail = name_key[:cut], name_key[cut:]
            for place_key, qualifier in ((head, tail), (tail, head)):
                for choice in self._place_choices.get(place_key, ()):
                    if qualifier in self._qualifiers.get(choice, ()):
                        fits.add(choice)
        return fits.pop() if len(fits) == 1 else None

    def _resolve(self, name_key: str, answers: dict[str, Match], keys: list[str]) -> Match:
        """The exact answer for ``name_key``, else the fuzzy one."""
        exact = answers.get(name_key)
        if exact is not None:
            return exact
        if not name_key:
            return Match(query="", status="unmatched", score=0.0)
        return self._fuzzy(name_key, answers, keys)

    def _fuzzy(self, name_key: str, answers: dict[str, Match], keys: list[str]) -> Match:
        """Nearest places by key similarity; a match only when clearly ahead of the rest."""
        found = process.extract(
            name_key, keys, scorer=fuzz.ratio, processor=None, limit=_FUZZY_LIMIT
        )
        return self._decide([(float(score), index) for _, score, index in found], answers, keys)

    def _decide(
        self, found: list[tuple[float, int]], answers: dict[str, Match], keys: list[str]
    ) -> Match:
        """The answer for the nearest keys ``found`` as (score, index in ``keys``) pairs."""
        ranked: dict[Match, float] = {}  # each distinct answer with its best score, best first
        for score, index in sorted(found, key=lambda pair: (-pair[0], pair[1])):
            ranked.setdefault(answers[keys[index]], round(score, 1))
        if not ranked:
            return Match(query="", status="unmatched", score=0.0)
        (best, best_score), *others = ranked.items()
        if best_score < self.threshold:
            near = [a for a, s in ranked.items() if s >= _SUGGESTION_FLOOR][:_SUGGESTIONS]
            return Match(
                query="",
                status="unmatched",
                score=best_score,
                suggestions=_dedupe(label for answer in near for label in _labels(answer)),
            )
        rivals = [
            answer
            for answer, score in others
            if (best_score - score < self.margin or score == best_score)
            and not _prison_and_its_town(best, answer)
        ]
        if rivals or best.status == "ambiguous":
            labels = _dedupe(label for answer in (best, *rivals) for label in _labels(answer))
            return _ambiguous(labels, best_score)
        return replace(best, score=best_score)

    # -- indexes ----------------------------------------------------------------------------

    def _index_places(
        self, gazetteer: Gazetteer
    ) -> tuple[dict[str, Match], dict[str, tuple[Match, ...]]]:
        """Every exact place key with its answer, and the places behind each answer.

        Earlier tiers win over later ones. The places behind an ambiguous answer are what a
        town or province named with it can choose between.
        """
        tiers = (
            self._prison_answers(gazetteer.prisons),
            self._town_answers(_city_names(gazetteer.cities, own=True)),
            self._town_answers(_city_names(gazetteer.cities, own=False)),
            self._town_answers(_prison_towns(gazetteer)),
        )
        answers: dict[str, Match] = {}
        choices: dict[str, tuple[Match, ...]] = {}
        for tier in tiers:
            for name_key, (answer, places) in tier.items():
                if name_key not in answers:
                    answers[name_key] = answer
                    choices[name_key] = places
        return answers, choices

    def _prison_answers(self, prisons: tuple[Prison, ...]) -> dict[str, _Answer]:
        own: dict[str, set[Prison]] = defaultdict(set)
        shared: dict[str, set[Prison]] = defaultdict(set)
        for prison in prisons:
            for name in (prison.name_en, prison.name_fa, *prison.aliases):
                _add(own, key(name), prison)
            for name in prison.ambiguous:
                _add(shared, key(name), prison)
        answers: dict[str, _Answer] = {}
        for name_key in own.keys() | shared.keys():
            found = sorted(own.get(name_key, set()) | shared.get(name_key, set()), key=_by_id)
            places = tuple(self._prison_match(prison) for prison in found)
            if name_key in shared or len(found) > 1:
                labels = _dedupe(sorted(p.name_en for p in found))
                answers[name_key] = (_ambiguous(labels, 100.0), places)
            else:
                answers[name_key] = (places[0], places)
        return answers

    def _town_answers(self, towns: dict[str, list[_Town]]) -> dict[str, _Answer]:
        answers: dict[str, _Answer] = {}
        for name_key, found in towns.items():
            places = tuple(self._town_match(town) for town in _distinct_towns(found))
            if len(places) == 1:
                answers[name_key] = (places[0], places)
            else:
                answers[name_key] = (_ambiguous(_town_labels(places), 100.0), places)
        return answers

    def _index_provinces(self, provinces: tuple[Province, ...]) -> dict[str, Match]:
        found: dict[str, set[Province]] = defaultdict(set)
        for province in provinces:
            for name in (province.name_en, province.name_fa, *province.aliases):
                _add(found, province_key(name), province)
        answers: dict[str, Match] = {}
        for name_key, matches in found.items():
            if len(matches) == 1:
                answers[name_key] = self._province_match(next(iter(matches)))
            else:
                answers[name_key] = _ambiguous(_dedupe(sorted(p.name_en for p in matches)), 100.0)
        return answers

    # -- answers ----------------------------------------------------------------------------

    def _province_name(self, iso: str) -> str | None:
        province = self._provinces.get(iso)
        return province.name_en if province else None

    def _prison_match(self, prison: Prison) -> Match:
        return Match(
            query="",
            status="matched",
            score=100.0,
            kind="prison",
            prison_id=prison.id,
            prison=prison.name_en,
            city=prison.city or None,
            province_iso=prison.province_iso,
            province=self._province_name(prison.province_iso),
            lat=prison.lat,
            lon=prison.lon,
            precision=prison.precision,
        )

    def _town_match(self, town: _Town) -> Match:
        return Match(
            query="",
            status="matched",
            score=100.0,
            kind="city",
            city=town.name,
            province_iso=town.province_iso,
            province=self._province_name(town.province_iso),
            lat=town.lat,
            lon=town.lon,
            precision="city",
        )

    @staticmethod
    def _province_match(province: Province) -> Match:
        return Match(
            query="",
            status="matched",
            score=100.0,
            kind="province",
            province_iso=province.iso,
            province=province.name_en,
        )


def _by_id(prison: Prison) -> str:
    return prison.id


def _town_labels(places: tuple[Match, ...]) -> tuple[str, ...]:
    """ "Town (Province)" for each town; with the coordinates where that does not tell apart."""
    labels = [_labels(place)[0] for place in places]
    return tuple(
        sorted(
            f"{label} at {place.lat:.2f}, {place.lon:.2f}" if labels.count(label) > 1 else label
            for label, place in zip(labels, places, strict=True)
        )
    )


def _qualifiers(
    gazetteer: Gazetteer, choices: dict[str, tuple[Match, ...]]
) -> dict[Match, frozenset[str]]:
    """For each place, the keys that may qualify its name: its province's, and its town's.

    A prison's town is its ``city`` and every name of the city-list entry of that name in the
    same province (so the Persian name of the town qualifies, too).
    """
    province_keys = {
        p.iso: frozenset(
            key(form.format(name))
            for name in (p.name_en, p.name_fa, *p.aliases)
            for form in _PROVINCE_FORMS
        )
        for p in gazetteer.provinces
    }
    town_keys: dict[tuple[str, str], set[str]] = defaultdict(set)
    for city in gazetteer.cities:
        names = {key(name) for name in (city.name, city.name_fa, *city.aliases)} - {""}
        for name_key in names:
            town_keys[(name_key, city.province_iso)] |= names
    prisons = {p.id: p for p in gazetteer.prisons}
    qualifiers: dict[Match, frozenset[str]] = {}
    for places in choices.values():
        for place in places:
            keys = set(province_keys.get(place.province_iso or "", ()))
            prison = prisons.get(place.prison_id or "")
            if prison is not None:
                town = key(prison.city)
                keys |= {town} | town_keys.get((town, prison.province_iso), set())
            qualifiers[place] = frozenset(keys - {""})
    return qualifiers


def _add(index: dict[str, set[_T]], name_key: str, value: _T) -> None:
    """Index ``value`` under ``name_key``; an empty key (a name of punctuation) indexes nothing."""
    if name_key:
        index[name_key].add(value)


def _top(row: npt.NDArray[np.float64]) -> list[tuple[float, int]]:
    """The ``_FUZZY_LIMIT`` best (score, index) pairs of one row of a similarity matrix."""
    if len(row) > _FUZZY_LIMIT:
        indexes = np.argpartition(-row, _FUZZY_LIMIT - 1)[:_FUZZY_LIMIT]
    else:
        indexes = np.arange(len(row))
    return [(float(row[i]), int(i)) for i in indexes]


def _prison_and_its_town(one: Match, other: Match) -> bool:
    """Whether one answer is a prison and the other the town it stands in.

    Such a pair is no real choice (one point on the map either way), so it does not make a
    fuzzy answer ambiguous: the better scoring of the two is the answer.
    """
    if {one.kind, other.kind} != {"prison", "city"} or one.province_iso != other.province_iso:
        return False
    if one.lat is None or one.lon is None or other.lat is None or other.lon is None:
        return False
    return _km(one.lat, one.lon, other.lat, other.lon) < _SAME_TOWN_KM


def _dedupe(labels: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(labels))


def _ambiguous(candidates: tuple[str, ...], score: float) -> Match:
    return Match(query="", status="ambiguous", score=score, candidates=candidates)


def _labels(answer: Match) -> tuple[str, ...]:
    """How a reader tells the places of an answer apart: prison, "City (Province)", province."""
    if answer.status == "ambiguous":
        return answer.candidates
    if answer.kind == "prison" and answer.prison:
        return (answer.prison,)
    if answer.kind == "city" and answer.city:
        return (f"{answer.city} ({answer.province or answer.province_iso})",)
    return (answer.province or "",)


def _city_names(cities: tuple[City, ...], *, own: bool) -> dict[str, list[_Town]]:
    """Cities by the keys of their own names (``own``) or of their aliases."""
    towns: dict[str, list[_Town]] = defaultdict(list)
    for city in cities:
        town = _Town(city.name, city.province_iso, city.lat, city.lon, city.population)
        names = (city.name, city.name_fa) if own else city.aliases
        for name_key in dict.fromkeys(key(name) for name in names):
            if name_key:
                towns[name_key].append(town)
    return towns


def _prison_towns(gazetteer: Gazetteer) -> dict[str, list[_Town]]:
    """The cities prisons lie in, for those the city list does not have.

    Placed at the mean of their prisons' points: a town with a prison is small enough that the
    prison stands for it at city precision.
    """
    points: dict[tuple[str, str], list[Prison]] = defaultdict(list)
    for prison in gazetteer.prisons:
        if key(prison.city):
            points[(key(prison.city), prison.province_iso)].append(prison)
    towns: dict[str, list[_Town]] = defaultdict(list)
    for (name_key, iso), prisons in points.items():
        lat = sum(p.lat for p in prisons) / len(prisons)
        lon = sum(p.lon for p in prisons) / len(prisons)
        towns[name_key].append(_Town(prisons[0].city, iso, round(lat, 5), round(lon, 5), 0))
    return towns


def _distinct_towns(towns: list[_Town]) -> list[_Town]:
    """``towns`` without repeats: one GeoNames town recorded twice counts once (the larger)."""
    kept: list[_Town] = []
    for town in sorted(towns, key=lambda t: (-t.population, t.name, t.lat, t.lon)):
        if not any(_km(town.lat, town.lon, o.lat, o.lon) < _SAME_TOWN_KM for o in kept):
            kept.append(town)
    return kept


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance in km, flat-earth: good to a few percent over the few km it is used for."""
    dlon = (lon1 - lon2) * math.cos(math.radians((lat1 + lat2) / 2))
    return 111.2 * math.hypot(lat1 - lat2, dlon)
