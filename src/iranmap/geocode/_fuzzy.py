"""The fuzzy search of place keys, and the rule that decides among what it finds.

Part of :class:`~iranmap.geocode.Geocoder`: a name no exact key places is compared with every
key of the index (or every prison's, for a name that says "prison"); the nearest answer is
taken only at the threshold and with a lead of the margin over any other place, and below the
threshold the nearest answers are named as near misses. The naming rules, which read other
forms of a name only for what they place, ask without ``detail``: then only the keys that can
reach a match are compared (those of a length that can, above the floor), and a form placed
nowhere carries no near misses; every other answer is the same.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from iranmap.geocode._reach import keys_of_length
from iranmap.geocode.index import PlaceIndex, ambiguous, dedupe, labels, prison_and_its_town
from iranmap.geocode.match import Match
from iranmap.names import PlaceName, skeleton

# How many nearest keys a fuzzy search looks at; several keys can lead to one place.
_FUZZY_LIMIT = 25
# How many near misses an unmatched answer suggests, and how near they must be.
_SUGGESTIONS = 3
_SUGGESTION_FLOOR = 70.0
# A transliteration variant (same skeleton) must still be this similar to be taken.
_SKELETON_FLOOR = 85.0
# How many rivals of a transliteration variant are looked at.
_VARIANT_RIVALS = 10
# How many names one similarity matrix of :meth:`FuzzyKeys.prepare` holds (memory: CHUNK x keys).
_CHUNK = 256

_UNMATCHED = Match(query="", status="unmatched", score=0.0)


class FuzzyKeys:
    """Fuzzy answers from ``index``'s keys, decided at ``threshold`` with ``margin``."""

    def __init__(self, index: PlaceIndex, threshold: float, margin: float) -> None:
        self._index = index
        self.threshold = threshold
        self.margin = margin
        #: No candidate this far below the threshold can match, nor rival one that does.
        self.floor = threshold - margin - 1
        self._found: dict[tuple[str, bool], Match] = {}  # with near misses
        self._rough: dict[tuple[str, bool], Match] = {}  # without

    def search(self, parsed: PlaceName, *, detail: bool = True) -> Match:
        """The fuzzy answer for ``parsed.core`` (prisons only when it says "prison"), cached;
        without ``detail``, an unmatched answer has no score or near misses (found sooner)."""
        fuzzy_key = (parsed.core, parsed.says_prison)
        cached = self._found.get(fuzzy_key)
        if cached is None and not detail:
            cached = self._rough.get(fuzzy_key)
        if cached is not None:
            return cached
        which = "prisons" if parsed.says_prison else "places"
        keys = self._keys(which) if detail else self._near_keys(which, len(parsed.core))
        hits = process.extract(
            parsed.core,
            keys,
            scorer=fuzz.ratio,
            processor=None,
            limit=_FUZZY_LIMIT,
            score_cutoff=None if detail else self.floor,
        )
        found = self.decide([(float(score), i) for _, score, i in hits], keys)
        (self._found if detail else self._rough)[fuzzy_key] = found
        return found

    def prepare(self, names: Iterable[PlaceName]) -> None:
        """The answers of many names at once, kept for :meth:`search`: one similarity matrix
        (in chunks), several times faster than one search per name."""
        pending: dict[tuple[str, bool], None] = {}
        for parsed in names:
            fuzzy_key = (parsed.core, parsed.says_prison)
            exact = not parsed.core or parsed.core in self._index.entries
            if not exact and fuzzy_key not in self._found:
                pending[fuzzy_key] = None
        for prison_only in (False, True):
            batch = [core for core, only in pending if only == prison_only]
            keys = self._keys("prisons" if prison_only else "places")
            for start in range(0, len(batch), _CHUNK):
                chunk = batch[start : start + _CHUNK]
                scores = process.cdist(
                    chunk, keys, scorer=fuzz.ratio, processor=None, dtype=np.float64, workers=1
                )
                for core, row in zip(chunk, scores, strict=True):
                    self._found[(core, prison_only)] = self.decide(_top(row), keys)

    def variant(self, parsed: PlaceName) -> tuple[str, float] | None:
        """The key ``parsed`` is a transliteration variant of (same skeleton), and its score.

        Taken only when the score is at least _SKELETON_FLOOR and no other place comes within
        ``margin`` of it by plain similarity; a name that says "prison" takes only a prison.
        Only keys that can come that near are compared (the same answer as comparing all).
        """
        variant = self._index.skeletons.get(skeleton(parsed.core))
        if variant is None:
            return None
        entry = self._index.entries[variant]
        score = round(fuzz.ratio(parsed.core, variant), 1)
        if score < _SKELETON_FLOOR:
            return None
        if parsed.says_prison and not any(p.kind == "prison" for p in entry.places):
            return None
        within = score - self.margin  # (a rival below it is no rival)
        keys = self._near_keys("places", len(parsed.core), within)
        hits = process.extract(
            parsed.core,
            keys,
            scorer=fuzz.ratio,
            processor=None,
            limit=_VARIANT_RIVALS,
            score_cutoff=within,
        )
        for _, other, index in hits:
            rival = self._index.entries[keys[index]].answer
            if rival == entry.answer:
                continue
            if float(other) > score or (
                score - float(other) < self.margin and not prison_and_its_town(entry.answer, rival)
            ):
                return None
        return variant, score

    def decide(self, found: list[tuple[float, int]], keys: list[str]) -> Match:
        """The answer for the nearest keys ``found`` as (score, index in ``keys``) pairs."""
        entries = self._index.entries
        ranked: dict[Match, float] = {}  # each distinct answer with its best score, best first
        for score, index in sorted(found, key=lambda pair: (-pair[0], pair[1])):
            ranked.setdefault(entries[keys[index]].answer, round(score, 1))
        return self.decide_ranked(ranked)

    def decide_ranked(self, ranked: dict[Match, float]) -> Match:
        """The answer among distinct answers and their best scores, best first.

        A match needs ``threshold`` and a lead of ``margin`` over every other place (a prison
        and the town it stands in are one place here); below the threshold the nearest answers
        become suggestions.
        """
        if not ranked:
            return _UNMATCHED
        (best, best_score), *others = ranked.items()
        if best_score < self.threshold:
            near = [a for a, s in ranked.items() if s >= _SUGGESTION_FLOOR][:_SUGGESTIONS]
            return Match(
                query="",
                status="unmatched",
                score=best_score,
                suggestions=dedupe(label for answer in near for label in labels(answer)),
            )
        rivals = [
            answer
            for answer, score in others
            if (best_score - score < self.margin or score == best_score)
            and not prison_and_its_town(best, answer)
        ]
        if rivals or best.status == "ambiguous":
            found_labels = dedupe(label for a in (best, *rivals) for label in labels(a))
            return ambiguous(found_labels, best_score)
        return replace(best, score=best_score, method="fuzzy")

    def _keys(self, which: str) -> list[str]:
        return self._index.prison_keys if which == "prisons" else self._index.keys

    def _near_keys(self, which: str, length: int, cutoff: float | None = None) -> list[str]:
        """The keys of ``which`` places a name of ``length`` letters may reach ``cutoff`` (the
        floor unless given) with, in the index's order (ties are broken by it)."""
        return keys_of_length(self._index, which, length, self.floor if cutoff is None else cutoff)


def _top(row: npt.NDArray[np.float64]) -> list[tuple[float, int]]:
    """The ``_FUZZY_LIMIT`` best (score, index) pairs of one row of a similarity matrix."""
    if len(row) > _FUZZY_LIMIT:
        indexes = np.argpartition(-row, _FUZZY_LIMIT - 1)[:_FUZZY_LIMIT]
    else:
        indexes = np.arange(len(row))
    return [(float(row[i]), int(i)) for i in indexes]
