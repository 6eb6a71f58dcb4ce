"""Names -> places, each answer with a status, a score and how it matched. Never guesses.

Stage: a name (from a report row or a user) -> :class:`~iranmap.geocode.Match`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import partial

from iranmap.gazetteer import Gazetteer
from iranmap.geocode._affixes import read_otherwise
from iranmap.geocode._apart import unknown_apart
from iranmap.geocode._around import around_reading
from iranmap.geocode._bounds import (
    beside,
    interior_province,
    near_province,
    no_village_as_town,
    not_far,
    only_near,
)
from iranmap.geocode._claim import city_of_context, other_place, place_by_name, womens_town
from iranmap.geocode._facility import run_together, town_and_facility
from iranmap.geocode._fuzzy import FuzzyKeys
from iranmap.geocode._longer import read_longer
from iranmap.geocode._near import NearSpellings, keep_reading, read_as
from iranmap.geocode._phrases import compass_reading, last_readings, read_phrases
from iranmap.geocode._readings import by_rule, claimed, sure_town, town_at_end
from iranmap.geocode._rivals import settled_or_refused
from iranmap.geocode._sites import site_by_name, site_of_town
from iranmap.geocode._tables import tables_of
from iranmap.geocode._two_names import new_town, one_town
from iranmap.geocode._undivided import in_undivided
from iranmap.geocode._villages import village_of_town
from iranmap.geocode.index import (
    Entry,
    ambiguous,
    dedupe,
    labels,
    near_town,
    place_of,
)
from iranmap.geocode.match import Match
from iranmap.geocode.provinces import as_province
from iranmap.latin_phrases import plain
from iranmap.names import PlaceName, key, parse_place

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

_UNMATCHED = Match(query="", status="unmatched", score=0.0)
# Why a name whose places all lie elsewhere than its town or province places nothing. It names
# none of them: a note must not point a reader to another province.
_CONTRADICTION = "no place of this name lies in the town or province the name or row gives"
_CONTRADICTED = replace(_UNMATCHED, note=_CONTRADICTION)


class Geocoder:
    """Resolves prison, city and province names against a :class:`Gazetteer`.

    A name is first split the way a reader splits it (:func:`iranmap.names.parse_place`): the
    words that name the place, the words that say where it is ("in Karaj", "(Alborz)"), and
    whether it says "prison". Every exact key is decided once, in the order of
    :class:`~iranmap.geocode.index.PlaceIndex`. A name with no exact key may be an exact name
    run together with its town or province ("Vakilabad Mashhad"), or a transliteration variant
    of one (same consonant skeleton, one place); if not, it goes to a fuzzy search, which only
    answers "matched" at ``threshold`` or above, with a lead of ``margin`` over any other
    place. A name that says "prison" matches only a prison, or the city it names when no
    prison of that name is known; never another town by fuzzy score. A name no rule places
    may still be a near spelling of exactly one place (:mod:`._near`); a county's name gives
    its province, unless a town or prison of that province says more (:mod:`._county`).
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
        tables = tables_of(gazetteer)
        self._index, self._counties = tables.index, tables.counties
        self._provinces = self._index.provinces
        self._fuzzy = FuzzyKeys(self._index, threshold, margin)
        self._province_names = tables.provinces.deciding(
            self._fuzzy.decide_ranked, self._fuzzy.floor
        )
        self._near = NearSpellings(self._index, gazetteer)
        self._place_cache: dict[tuple[str, str, str], Match] = {}
        self._reading: set[tuple[str, str, str]] = set()  # names being read, for respellings
        # The answers of names the rules read otherwise, found without the near misses of a name
        # placed nowhere (read only for what they place), and whether the name now read is one.
        self._rough_cache: dict[tuple[str, str, str], Match] = {}
        self._detail = True
        self._province_cache: dict[tuple[str, str], Match] = {}
        self._exact_cache: dict[str, Match] = {}

    # -- public -----------------------------------------------------------------------------

    def place(self, name: str, city: str = "", province: str = "") -> Match:
        """The prison or city ``name`` means, or why it cannot be told.

        A name may carry its town or province ("Vakilabad Mashhad", "Nurabad (Lorestan)",
        "Evin Prison in Tehran"): that picks the one place of that name there, and contradicts
        every other. ``city`` and ``province`` (a report row's columns, if any) do the same
        from outside the name.
        """
        answer = self._place(name, city, province, detail=True)
        if city or province:
            return answer
        # "Kerend", "Dalgan": a place GeoNames lists that only this name spells, where no rule
        # read the name as written otherwise (never a form a rule reads: "Tiranin zindanı" is
        # not Tehran by Tiran's old name)
        answer = place_by_name(self._index, name, answer, self._counties.keys)
        return site_by_name(self._index, name, answer, self._counties.keys).asked_as(name)

    def _place(self, name: str, city: str, province: str, *, detail: bool) -> Match:
        """:meth:`place`; without ``detail``, a name placed nowhere carries no near misses and
        no score (the rules read another reading of a name only for what it places)."""
        parsed = parse_place(name)
        cache_key = (name, key(city), province)  # as written: ş and s read otherwise
        answer = self._place_cache.get(cache_key)
        if answer is None and not detail:
            answer = self._rough_cache.get(cache_key)
        if answer is None and cache_key in self._reading:  # a respelling's respelling: itself
            return _UNMATCHED.asked_as(name)
        text = plain(name)  # "Fars'a bağlı Şiraz": every rule reads what the phrases say
        if answer is None and not province:  # "Jajarm, Khorasan": North Khorasan's
            answer = self._undivided(text, city, detail=detail)
            if answer is not None:
                (self._place_cache if detail else self._rough_cache)[cache_key] = answer
        if answer is None:  # "border area of Sardasht": West Azerbaijan, not the town
            answer = self._around(text, city, province, detail=detail)
        if answer is None:  # "كرج غرب طهران": Karaj, near Tehran, whatever else the words say
            answer = self._compass(text, city, province, detail=detail)
        if answer is None:
            self._reading.add(cache_key)
            outer, self._detail = self._detail, detail
            try:
                answer = self._read(text, parsed, city, province)
            finally:
                self._reading.discard(cache_key)
                self._detail = outer
            (self._place_cache if detail else self._rough_cache)[cache_key] = answer
        return answer.asked_as(name)

    def _undivided(self, name: str, city: str, *, detail: bool) -> Match | None:
        def place(rest: str, province: str) -> Match:
            return self._place(rest, city, province, detail=detail)

        return in_undivided(self._index, name, self._province_names.undivided, place)

    def _around(self, name: str, city: str, province: str, *, detail: bool) -> Match | None:
        place = partial(self.place, city=city, province=province)  # (as the name alone reads)
        answer = around_reading(self._index, name, place)
        if answer is not None:
            (self._place_cache if detail else self._rough_cache)[(name, key(city), province)] = (
                answer
            )
        return answer

    def _compass(self, name: str, city: str, province: str, *, detail: bool) -> Match | None:
        place = partial(self._place, city=city, province=province, detail=detail)
        answer = compass_reading(self._index, name, place, self._exactly)
        if answer is not None:
            (self._place_cache if detail else self._rough_cache)[(name, key(city), province)] = (
                answer
            )
        return answer

    def _read(self, name: str, parsed: PlaceName, city: str, province: str) -> Match:
        """What every rule reads in ``name`` (parsed), with the row's ``city`` and ``province``."""
        context = self._context(parsed, city, province)
        rows = self._row_provinces(parsed, city, province)
        found = self._resolve_place(parsed, context)
        answer = claimed(self._index, parsed, found, context)
        if answer.status != "matched" or answer.kind == "city":  # "Kermanshah (Dizel Abad)"
            rules = (self._resolve_inner, self._fitting)
            answer = town_and_facility(self._index, parsed, context, answer, *rules) or answer
        place = partial(self._place, city=city, province=province, detail=False)
        answer = read_otherwise(self._index, name, parsed, answer, place, self._exactly)
        answer = read_phrases(self._index, name, answer, place)
        if self._detail:  # (not of a form read by a rule: "Bandar-e" never on "Bandar-e")
            answer = read_longer(self._index, name, parsed, answer, place)  # "Bandar-e Jask"
        answer = by_rule(
            self._index, name, parsed, context, answer, self._exactly, self._counties.keys
        )
        counties = self._counties.of_context  # "Kasra Hospital, Tehran": a site of Tehran
        answer = site_of_town(self._index, name, parsed, context, answer, counties)
        answer = unknown_apart(self._index, name, parsed, answer, counties)
        answer = last_readings(self._index, name, parsed, context, answer, self._exactly)
        answer = new_town(self._index, parsed, answer)  # "شهرک اندیشه": شهر جدید اندیشه
        answer = one_town(
            self._index, parsed, answer, place, self._exactly, rows
        )  # "Homayounshahr (...)"
        answer = womens_town(self._index, parsed, answer)  # "زندان زنان دولت آباد اصفهان"
        if answer.suggestions and context:
            answer = self._in_provinces(answer, rows)
        answer = keep_reading(found, answer)
        if parsed.core:  # "Mamasani": a county's name (alone, it gives only its province)
            # (a town's own name beside it settles nothing of a county of its name elsewhere:
            # "Foo, Baharestan County" is no place of Isfahan's Baharestan for that)
            given = (
                rows
                if city or province
                else self._index.context_provinces(
                    word for word in parsed.context if word in self._index.province_names
                )
            )
            answer = self._counties.instead_of(answer, name, rows, given)
        answer = not_far(self._index, parsed, answer)
        if self._detail:  # "سجن کرمشان": as near Kermanshah's Kermashan as Kerman's prison
            answer = settled_or_refused(
                self._index, parsed, answer, rows, threshold=self.threshold, margin=self.margin
            )
        rows = rows or near_province(self._index, parsed)  # "قرية ... قرب شيراز"
        rows = rows or self._counties.province_of(parsed.context)  # "قرية ... في رودبار جنوب"
        rows = rows or village_of_town(self._index, name, parsed)  # "... منطقه فلان اورمیه"
        answer = no_village_as_town(parsed, answer, rows, self._exactly)
        return only_near(self._index, parsed, answer, self._exactly)  # "outside Torbat-e Jam"

    def known(self, name: str) -> Match | None:
        """The answer of ``name``'s exact key (a place's own name or alias), or None."""
        entry = self._index.entries.get(parse_place(name).core)
        return None if entry is None else entry.answer.asked_as(name)

    def places(self, names: Iterable[str]) -> list[Match]:
        """:meth:`place` for many names at once, in order; same answers, found faster.

        The fuzzy search of every name without an exact key runs as one similarity matrix (in
        chunks), which is several times faster than one search per name: call this first when
        resolving thousands of names, then :meth:`place` answers from the cache.
        """
        names = list(names)
        self._fuzzy.prepare(parse_place(name) for name in names)
        return [self.place(name) for name in names]

    def province(self, name: str, iso_scheme: str = "2020") -> Match:
        """The province ``name`` means: by name, alias, Persian name, HASC or ISO code.

        A bare code ("IR-07", "IR07", "07", "7") is read in ``iso_scheme``: "2020" (the
        current ISO 3166-2:IR numbering, IR-07 = Fars) or "pre-2020" (IR-07 = Tehran). A
        province may be named by its capital ("Tabriz Province") or carry its capital in
        brackets ("Fars (Shiraz)"), which must then agree.
        """
        if iso_scheme not in ISO_SCHEMES:
            msg = f"iso_scheme must be one of {ISO_SCHEMES!r}, got {iso_scheme!r}"
            raise ValueError(msg)
        cache_key = (iso_scheme, name)
        answer = self._province_cache.get(cache_key)
        if answer is None:
            answer = self._province_names.resolve(name, iso_scheme)
            self._province_cache[cache_key] = answer
        return answer.asked_as(name)

    def _exactly(self, name: str) -> Match:
        """:meth:`province` for the naming rules, which ask only whether ``name`` is a province
        exactly: the same answer, but a name that is none carries no near misses (found faster)."""
        answer = self._province_cache.get(("2020", name)) or self._exact_cache.get(name)
        if answer is None:
            answer = self._province_names.resolve(name, "2020", detail=False)
            self._exact_cache[name] = answer
        return answer.asked_as(name)

    # -- places -----------------------------------------------------------------------------

    def _row_provinces(self, parsed: PlaceName, city: str, province: str) -> frozenset[str]:
        """The provinces a row gives: its province, else its city's, else the name's own."""
        if province:
            iso = self.province(province).province_iso
            if iso:
                return frozenset({iso})
        words = (key(city),) if key(city) else parsed.context
        return self._index.context_provinces(words)

    def _in_provinces(self, answer: Match, isos: frozenset[str]) -> Match:
        """``answer`` with only the suggestions in the provinces its row or name gives (by the
        row's province, its city, or the name's own town or province): a near miss elsewhere
        would point the reader away."""
        if not isos:
            return answer
        names = {f"({self._index.province_name(iso)})" for iso in isos}
        prisons = self._index.prison_provinces

        def here(label: str) -> bool:
            return prisons.get(label, "") in isos or any(label.endswith(n) for n in names)

        return replace(answer, suggestions=tuple(s for s in answer.suggestions if here(s)))

    def _context(self, parsed: PlaceName, city: str, province: str) -> tuple[str, ...]:
        """Qualifier keys: the name's own, then the row's city, then the row's province; only
        those that name a place ("Ardakan, Iran" says no more than "Ardakan", which may be Yazd's
        town or a place of Fars: "Iran" settles nothing)."""
        extra = [key(city)] if key(city) else []
        if province:
            found = self.province(province)
            if found.status == "matched" and found.province_iso:
                extra.append(key(self._provinces[found.province_iso].name_en))
        words = (*(as_province(self._index, w, self._exactly) for w in parsed.context), *extra)
        return tuple(
            w for w in words if self._is_place_word(w) or self._index.context_provinces((w,))
        )

    def _resolve_place(self, parsed: PlaceName, context: tuple[str, ...]) -> Match:
        if not parsed.core:
            return _UNMATCHED
        entry = self._index.entries.get(parsed.core)
        if entry is None:
            entry = run_together(self._index, parsed.core)
        if entry is not None:
            return self._from_entry(parsed, entry, context)
        return self._inexact(parsed, context)

    def _from_entry(self, parsed: PlaceName, entry: Entry, context: tuple[str, ...]) -> Match:
        places = self._fitting(entry.places, context)
        if context and not places:
            towns = self._fitting(self._index.towns.get(parsed.core, ()), context)
            if len(towns) == 1:  # "Ardakan Prison" in a Fars row: the town of Fars
                return self._settle(parsed, towns[0], context)
            if parsed.says_prison and all(p.kind != "prison" for p in entry.places):
                # "Alvand Prison, Hamadan": a town's name elsewhere, at the town the name gives
                return city_of_context(self._index, parsed.context, _CONTRADICTED)
            return _CONTRADICTED
        if len(places) == 1:
            return self._settle(parsed, replace(places[0], method=entry.method), context)
        return self._several(parsed, places, entry)

    def _fitting(self, places: tuple[Match, ...], context: tuple[str, ...]) -> tuple[Match, ...]:
        """The places that every known qualifier of ``context`` fits (unknown words are let be)."""
        known = [word for word in context if self._is_place_word(word)]
        if not known:
            return places
        return tuple(p for p in places if all(self._fits(p, word) for word in known))

    def _fits(self, place: Match, word: str) -> bool:
        """Whether ``word`` names where ``place`` is, or names ``place`` itself."""
        bare = place_of(place)
        if word in self._index.qualifiers.get(bare, ()):
            return True
        entry = self._index.entries.get(word)
        if entry is not None and bare in entry.places:
            return True
        # a town beside it in its province ("زندان قرچک در ورامین": Qarchak, 18 km from Varamin)
        return any(beside(t, place) for t in self._index.towns.get(word, ()))

    def _is_place_word(self, word: str) -> bool:
        return word in self._index.place_words or word in self._index.entries

    def _settle(self, parsed: PlaceName, match: Match, context: tuple[str, ...]) -> Match:
        """One place: a city reached by a name that says "prison" needs a sure town."""
        if not parsed.says_prison or match.kind != "city":
            return match
        index = self._index
        assert match.city is not None and match.province_iso is not None  # a city match
        others = self._index.homonyms.get((key(match.city), match.province_iso), frozenset())
        if others and not context and sure_town(index, parsed, match):
            others = frozenset()  # "Prison of Shiraz", "Nurabad Mamasani Prison": that town
        if others and not self._fitting((match,), context):
            return replace(_UNMATCHED, note="unresolved")
        if others and not context:
            note = (
                f"no prison of this name is known, and {match.city} is also the name of a "
                f"place in {', '.join(sorted(others))}"
            )
            return replace(_UNMATCHED, note=note)
        note = f"no prison of this name is known; placed at the city of {match.city}"
        return replace(match, method="city", note=note)

    def _several(self, parsed: PlaceName, places: tuple[Match, ...], entry: Entry) -> Match:
        """Several places fit: one city's prisons stand for the city; otherwise ambiguous."""
        town = self._town_of(parsed, places)
        if town is not None:
            names = ", ".join(sorted(p.prison or p.city or "" for p in places))
            note = f"several prisons of {town.city} ({names}); placed at the city"
            return replace(town, method="city", note=note)
        if len(places) == len(entry.places):
            return entry.answer
        found = dedupe(label for place in places for label in labels(place))
        return ambiguous(tuple(sorted(found)), 100.0)

    def _town_of(self, parsed: PlaceName, places: tuple[Match, ...]) -> Match | None:
        """The one town all ``places`` stand in, if they are prisons of one province's town.

        The town is the one the name names, or else the one city every prison gives.
        """
        provinces = {p.province_iso for p in places}
        if len(provinces) != 1 or any(p.kind != "prison" for p in places):
            return None
        cities = {key(p.city or "") for p in places}
        for town_key in (parsed.core, *(cities if len(cities) == 1 else ())):
            towns = [t for t in self._index.towns.get(town_key, ()) if t.province_iso in provinces]
            if len(towns) == 1 and all(near_town(towns[0], p) for p in places):
                return towns[0]
        return None

    def _inexact(self, parsed: PlaceName, context: tuple[str, ...]) -> Match:
        """A transliteration variant, then a fuzzy match; a prison's name only to prisons."""
        split = self._split_place_word(parsed, context)
        if split is not None:
            return split
        everywhere = self._index.place_provinces.get(parsed.core, frozenset())
        if everywhere:  # some other place: never bent into a gazetteer place by fuzzy score
            counties = self._counties.of_context((*context, *parsed.context))  # "Bahmei County"
            if not context:  # "Kuchesfahan, near Rasht": a place of Gilan known by name
                counties = counties or interior_province(self._index, parsed.near)
            keys = self._counties.keys
            return other_place(self._index, parsed, context, everywhere, counties, keys)
        variant = self._fuzzy.variant(parsed)
        if variant is not None:
            taken = self._from_entry(parsed, self._index.entries[variant[0]], context)
            if taken.status == "matched":
                return replace(taken, method="fuzzy", score=variant[1])
        found = self._fuzzy.search(parsed, detail=self._detail)
        near = self._near.spelling(parsed.core) if found.status == "unmatched" else None
        if near is not None:  # "Tarbiz", "Senendej": one slip from one place, none from others
            read = replace(parsed, core=near[0])  # decided as the name it is read as
            taken = self._from_entry(read, self._index.entries[near[0]], context)
            if taken.status == "matched":
                found = read_as(replace(taken, score=near[1]), self._index, near[0])
        if found.status == "matched" and context and not self._fitting((found,), context):
            return replace(_UNMATCHED, score=found.score, note="the name's town says otherwise")
        if found.status == "unmatched" and parsed.says_prison and context:
            found = city_of_context(self._index, context, found)
        if found.status == "unmatched" and parsed.says_prison:
            return town_at_end(self._index, parsed, found)
        return found

    def _split_place_word(self, parsed: PlaceName, context: tuple[str, ...]) -> Match | None:
        """A name with a town or province run onto it ("قرل حصار کرج"): the rest, qualified.

        The name is cut between its words, where the words on one side are a known town or
        province; the words on the other side must then resolve (variants and fuzzy
        included) to a place that lies there. Taken only when exactly one cut gives a match.
        """
        words = parsed.words
        found: dict[Match, Match] = {}
        for cut in range(1, len(words)):
            for rest, word in (
                ("".join(words[:cut]), "".join(words[cut:])),
                ("".join(words[cut:]), "".join(words[:cut])),
            ):
                if word not in self._index.place_words:
                    continue
                inner = PlaceName(rest, (*parsed.context, word), parsed.says_prison, ())
                answer = self._resolve_inner(inner, (*context, word))
                if answer.status == "matched":
                    found[place_of(answer)] = answer
        if len(found) != 1:
            return None
        return next(iter(found.values()))

    def _resolve_inner(self, parsed: PlaceName, context: tuple[str, ...]) -> Match:
        entry = self._index.entries.get(parsed.core)
        if entry is not None:
            return self._from_entry(parsed, entry, context)
        variant = self._fuzzy.variant(parsed)
        if variant is not None:
            taken = self._from_entry(parsed, self._index.entries[variant[0]], context)
            if taken.status == "matched":
                return replace(taken, method="fuzzy", score=variant[1])
        answer = self._fuzzy.search(parsed, detail=self._detail)
        if answer.status == "matched" and self._fitting((answer,), context):
            return answer
        return _UNMATCHED
