"""Province names -> provinces: by name, alias, Persian name, HASC or ISO code, or capital.

Part of :class:`~iranmap.geocode.Geocoder`, which hands it its fuzzy decision rule
(:meth:`ProvinceNames.deciding`): the tables are made once per gazetteer and kept, the rule is
each geocoder's own.
"""

from __future__ import annotations

import copy
import re
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import replace

from rapidfuzz import fuzz, process

from iranmap.gazetteer import Province
from iranmap.geocode._arabic import without_plene_vowel
from iranmap.geocode._claim import capital
from iranmap.geocode._clauses import province_forms
from iranmap.geocode._reach import within_reach
from iranmap.geocode.index import PlaceIndex, add_key, ambiguous, arabic_keys, dedupe
from iranmap.geocode.match import Match, Method
from iranmap.latin_phrases import plain
from iranmap.name_words import IRAN_DIRECTIONS
from iranmap.names import (
    described_away,
    fold,
    joined_directions,
    key,
    province_direction,
    province_key,
)
from iranmap.spellings import as_kh, portuguese_forms, respellings, turkish_forms

_CODE = re.compile(r"(?:ir ?)?(\d{1,2})")
_UNMATCHED = Match(query="", status="unmatched", score=0.0)
# How many nearest keys a fuzzy search looks at.
_FUZZY_LIMIT = 25
# A province name with a direction word ("Nord-Chorasan", "Azerbaiyán Occidental") is compared
# only with the provinces of that direction (at most three: North, South and Razavi Khorasan),
# on the rest of its name: this similarity, and a lead of _DIRECTION_MARGIN over the others.
# Lower than a town's threshold because the choice is among two or three names that share
# nothing but the direction, not among thousands of towns a letter apart.
_DIRECTION_FLOOR = 80.0
_DIRECTION_MARGIN = 10.0

Decide = Callable[[dict[Match, float]], Match]
#: What sets a province's old name apart from its new one in a cell (:meth:`_old_and_new`).
_OLD_AND_NEW = "\\"
#: Provinces part of which became another province since 1990, so that a direction word before
#: their name may mean that part, now another province: Tehran (Qom in 1995, Alborz in 2010),
#: Mazandaran (Golestan, its east, in 1997), Zanjan (Qazvin in 1996), East Azerbaijan (Ardabil
#: in 1993; its direction word already tells it from West Azerbaijan).
_CARVED_FROM = frozenset({"IR-23", "IR-02", "IR-19", "IR-03"})


class ProvinceNames:
    """The province answers of a gazetteer's provinces, decided fuzzily by ``decide``."""

    def __init__(self, provinces: tuple[Province, ...], capitals: Mapping[str, str] = {}) -> None:
        self._decide: Decide | None = None
        self._floor = 0.0
        self._lengths: dict[int, tuple[list[str], list[int]]] = {}
        self._answers = self._index(provinces)
        self._keys = sorted(self._answers)  # one order whatever the hash seed: ties
        # each key's answer without the method that reached it, as fuzzy candidates are ranked
        self._candidates = [replace(self._answers[k], method=None) for k in self._keys]
        self._capitals = self._index_capitals(provinces, capitals)
        self._codes: dict[str, dict[str, Match]] = {
            "2020": {p.iso: province_match(p) for p in provinces},
            "pre-2020": {p.iso_pre2020: province_match(p) for p in provinces if p.iso_pre2020},
        }
        self._hasc = {fold(p.hasc): province_match(p) for p in provinces if p.hasc}
        self._by_direction: dict[str, list[tuple[str, Match]]] = {}
        for name_key, answer in self._answers.items():
            direction, rest = province_direction(name_key)
            if direction and answer.status == "matched":
                self._by_direction.setdefault(direction, []).append((rest, answer))
        undivided: dict[str, set[str]] = {}
        for pairs in self._by_direction.values():
            for rest, answer in pairs:
                if rest not in self._answers:
                    undivided.setdefault(rest, set()).add(answer.province_iso or "")
        self._undivided = {rest: frozenset(isos) for rest, isos in undivided.items()}
        self._undivided_seen: dict[str, frozenset[str]] = {}
        self._directed_isos = {
            answer.province_iso for pairs in self._by_direction.values() for _, answer in pairs
        }

    def undivided(self, name: str) -> frozenset[str]:
        """The provinces an undivided province's name ("Khorasan", "خراسان", "Azerbaijan")
        stands for: the provinces whose names are it with a direction word (North, South and
        Razavi Khorasan, divided in 2004); none if ``name`` is no such name, or a province's own."""
        found = self._undivided_seen.get(name)
        if found is None:  # (a table's cells repeat their provinces: each read once)
            found = self._undivided.get(province_key(fold(name)), frozenset())
            self._undivided_seen[name] = found
        return found

    def deciding(self, decide: Decide, floor: float = 0.0) -> ProvinceNames:
        """These tables, deciding among fuzzy candidates by ``decide``, which never matches a
        name whose nearest candidates all score ``floor`` or less."""
        found = copy.copy(self)
        found._decide, found._floor, found._lengths = decide, floor, {}
        return found

    def resolve(
        self, name: str, iso_scheme: str, *, respell: bool = True, detail: bool = True
    ) -> Match:
        """The province ``name`` means; a bracketed capital or province must agree with it.
        ``respell``: whether to try other languages' spellings (not of a respelling itself:
        German's j for y and Spanish's y for j would undo each other). Without ``detail``, a
        name placed nowhere carries no near misses and no score (found faster: the rules that
        ask only whether a name is a province exactly); every other answer is the same."""
        written, name = (
            name,
            IRAN_DIRECTIONS.sub(" ", plain(name)),
        )  # "محافظة خوزستان جنوب غربي إيران"
        if _OLD_AND_NEW in name:  # "Khorasan\Khorasan-e Razavi"
            return self._old_and_new(name, iso_scheme)
        head, _, rest = name.partition("(")
        inner = rest.rstrip().removesuffix(")") if rest else ""
        answer = self._resolve(fold(head), iso_scheme, detail)
        if answer.status == "unmatched":
            answer = self._capitals.get(province_key(head), answer)
        for form in turkish_forms(name) if answer.status != "matched" else ():
            turkish = self.resolve(form, iso_scheme, detail=False)  # "Kirmanşah ili"
            answer = turkish if turkish.status == "matched" else answer
            if answer.status == "matched":
                break
        # "Huzistan": the only provinces with kh are Khuzestan and the Khorasans, so an h read as
        # kh is tried in any province name, where it gives a name exactly
        # Portuguese ("província do Cuzistão") only here: a town read so may be another's
        forms: list[str] = []
        if answer.status != "matched" and respell:  # (made only where they are read)
            forms = [form for form in (*respellings(name), as_kh(name)) if form != name]
            forms += portuguese_forms(name)
            forms += without_plene_vowel(fold(name))  # "لورستان", as Urdu writes Lorestan
            forms += province_forms(written)  # "محافظة شرق أذربيجان": Arabic's order
        for form in forms:
            # "Juzestán": only exactly
            other = self.resolve(form, iso_scheme, respell=False, detail=False)
            if other.status == "matched" and other.score == 100:
                answer = other
                break
        described = described_away(name, any_case=True)
        if answer.status == "unmatched" and described != name:
            # "northern province of Mazandaran", "província central de Markazi": the name the
            # words describe, exactly
            other = self.resolve(described, iso_scheme, detail=False)
            answer = other if other.status == "matched" and other.score == 100 else answer
        if inner and answer.status == "matched":
            other = self._resolve(fold(inner), iso_scheme, detail=False)
            if other.status != "matched":
                other = self._capitals.get(province_key(inner), other)
            if other.status == "matched" and other.province_iso != answer.province_iso:
                return replace(_UNMATCHED, note=f"{head.strip()} and {inner} disagree")
        return answer

    def _old_and_new(self, name: str, iso_scheme: str) -> Match:
        """A province named as it was and as it is, apart by a backslash ("Khorasan\\Khorasan-e
        Razavi", as the Boroumand Center's table writes a place of Khorasan before 2004, of
        Razavi Khorasan now): the province named last, exactly, where every name before it is
        that province too or the undivided province its direction words tell apart (Khorasan,
        of North, South and Razavi Khorasan); unmatched otherwise."""
        *olds, new = name.split(_OLD_AND_NEW)
        found = self.resolve(new, iso_scheme, detail=False)
        if found.status != "matched" or found.score < 100 or found.method == "fuzzy":
            return replace(_UNMATCHED, note=f"{new.strip()!r} names no province exactly")
        for old in olds:
            undivided = {
                answer.province_iso
                for pairs in self._by_direction.values()
                for rest, answer in pairs
                if rest == province_key(fold(old))
            }
            other = self.resolve(old, iso_scheme, detail=False)
            same = other.status == "matched" and other.province_iso == found.province_iso
            if not same and found.province_iso not in undivided:
                return replace(_UNMATCHED, note=f"{old.strip()} and {new.strip()} disagree")
        return found

    def _resolve(self, folded: str, iso_scheme: str, detail: bool) -> Match:
        code = _CODE.fullmatch(folded)
        if code:
            found = self._codes[iso_scheme].get(f"IR-{int(code.group(1)):02d}")
            return found or _UNMATCHED
        if folded in self._hasc:
            return self._hasc[folded]
        name_key = province_key(folded)
        exact = self._answers.get(name_key)
        if exact is not None:
            return exact
        if not name_key:
            return _UNMATCHED
        joined = joined_directions(name_key)  # "Nordkhorasan": North Khorasan, or none
        for found in [*(self._answers.get(j) for j in joined), *map(self._directed, joined[:1])]:
            if found is not None and found.status == "matched":
                return found
        # without detail, only the keys that may match: above the floor, of a length that can
        keys, at = (self._keys, range(len(self._keys))) if detail else self._of_length(name_key)
        hits = process.extract(
            name_key,
            keys,
            scorer=fuzz.ratio,
            processor=None,
            limit=_FUZZY_LIMIT,
            score_cutoff=None if detail else self._floor,
        )
        ranked: dict[Match, float] = {}
        for score, index in sorted(((float(s), at[i]) for _, s, i in hits), key=_best_first):
            # one province, whatever key reached it ("exact" or "alias"), is one answer
            ranked.setdefault(self._candidates[index], round(score, 1))
        if self._decide is None:
            msg = "ProvinceNames.deciding() gives the tables their rule before they resolve"
            raise RuntimeError(msg)
        found = self._decide(ranked)
        if found.status == "matched":
            return found
        return self._directed(name_key) or self._described(name_key) or found

    def _of_length(self, name_key: str) -> tuple[list[str], list[int]]:
        """The keys whose length lets them reach the floor's similarity to ``name_key`` (a
        ratio is at most 2 min(a, b) / (a + b) for lengths a and b), and where they stand among
        all keys: the same fuzzy answer as comparing them all, sooner."""
        size = len(name_key)
        found = self._lengths.get(size)
        if found is None:
            at = within_reach(self._keys, size, self._floor)
            found = self._lengths[size] = ([self._keys[i] for i in at], at)
        return found

    def _described(self, name_key: str) -> Match | None:
        """The province a direction word only describes ("provincia meridionale di Hormozgan":
        southern Hormozgan), where the rest of the name is exactly a province that no
        direction word ever tells from another (not Khorasan or Azerbaijan), and that no
        province was made of (:data:`_CARVED_FROM`: "West Tehran" may be Alborz)."""
        direction, rest = province_direction(name_key)
        found = self._answers.get(rest) if direction else None
        if found is None or found.status != "matched" or found.province_iso in self._directed_isos:
            return None
        if found.province_iso in _CARVED_FROM:
            return None
        if any(rest == other for pairs in self._by_direction.values() for other, _ in pairs):
            return None
        return found

    def _directed(self, name_key: str) -> Match | None:
        """The one province of the name's direction whose rest of name is near enough."""
        direction, rest = province_direction(name_key)
        best: dict[str, tuple[float, Match]] = {}  # by province: its best score, its answer
        for other_rest, answer in self._by_direction.get(direction, ()):
            score = fuzz.ratio(rest, other_rest)
            iso = answer.province_iso or ""
            if score > best.get(iso, (-1.0, answer))[0]:
                best[iso] = (score, answer)
        ranked = sorted(best.values(), key=lambda pair: -pair[0])
        if not ranked or ranked[0][0] < _DIRECTION_FLOOR:
            return None
        if len(ranked) > 1 and ranked[0][0] - ranked[1][0] < _DIRECTION_MARGIN:
            return None
        score, answer = ranked[0]
        return replace(answer, score=round(score, 1), method="fuzzy")

    @staticmethod
    def _index(provinces: tuple[Province, ...]) -> dict[str, Match]:
        answers: dict[str, Match] = {}
        for name_key, matches in province_index(provinces).items():
            if len(matches) == 1:
                province = next(iter(matches))
                own = {province_key(province.name_en), province_key(province.name_fa)}
                method: Method = "exact" if name_key in own else "alias"
                answers[name_key] = replace(province_match(province), method=method)
            else:
                answers[name_key] = ambiguous(dedupe(sorted(p.name_en for p in matches)), 100.0)
        return answers

    def _index_capitals(
        self, provinces: tuple[Province, ...], names: Mapping[str, str]
    ) -> dict[str, Match]:
        """Provinces by their capital's name ("Tabriz Province" is East Azerbaijan), in any
        spelling of it that names no other town (``names``: keys and ISO codes, see
        :func:`capital_names`): "Urmiye vilayeti", "استان ارومیە" are West Azerbaijan."""
        capitals: dict[str, Match] = {}
        by_iso = {p.iso: p for p in provinces}
        for province in provinces:
            capital_key = province_key(province.capital) if province.capital else ""
            if capital_key and capital_key not in self._answers:
                capitals[capital_key] = replace(province_match(province), method="alias")
        for name_key, iso in names.items():
            if name_key not in self._answers and iso in by_iso:
                capitals.setdefault(name_key, replace(province_match(by_iso[iso]), method="alias"))
        return capitals


def capital_names(index: PlaceIndex) -> dict[str, str]:
    """Each key of a provincial capital's names (its own, its aliases and local names, their
    Arabic forms) that names no other town, with its province's ISO code. Only a province cell
    or a name with a word for province is read so: alone, "Urmia" is the town."""
    found: dict[str, str] = {}
    for name_key, towns in index.towns.items():
        if len(towns) == 1 and capital(index, towns[0]) and towns[0].province_iso:
            found[name_key] = towns[0].province_iso
    return found


def as_province(index: PlaceIndex, word: str, province: Callable[[str], Match]) -> str:
    """A qualifier key in Perso-Arabic letters that names no place the index knows but one
    province exactly, as ``province`` (the geocoder's resolver) reads it (Arabic "سيستان
    وبلوشستان", its "and" joined to the next word), written as that province's own key; any other
    key as it is."""
    known = word in index.place_words or word in index.entries or index.context_provinces((word,))
    if word.isascii() or known:
        return word
    found = province(word)
    if found.status != "matched" or found.score < 100 or found.method == "fuzzy":
        return word
    return key(index.provinces[found.province_iso or ""].name_en)


def province_match(province: Province) -> Match:
    return Match(
        query="",
        status="matched",
        score=100.0,
        kind="province",
        province_iso=province.iso,
        province=province.name_en,
        method="exact",
    )


def _best_first(pair: tuple[float, int]) -> tuple[float, int]:
    return (-pair[0], pair[1])


def province_index(provinces: tuple[Province, ...]) -> dict[str, set[Province]]:
    """Every province key with the provinces that use it (one, unless a name is shared)."""
    from iranmap.names import province_key

    found: dict[str, set[Province]] = defaultdict(set)
    for province in provinces:
        for name in (province.name_en, province.name_fa, *province.aliases):
            add_key(found, province_key(name), province)
    # As an Arabic page writes them ("كلستان"): a form no name is written as; a form two
    # provinces share names both, and so neither.
    arabic = arabic_keys(found, frozenset())
    return found | {form: set().union(*(found[k] for k in keys)) for form, keys in arabic.items()}
