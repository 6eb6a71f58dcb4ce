"""Which keys of a place index a name of some length can reach a similarity with, and whether
it reaches one: the bound two keys' lengths leave on their similarity (rapidfuzz's ratio is at
most 1 - |a - b| / (a + b) for lengths a and b), written once for every fuzzy search of the
geocoder (:mod:`._fuzzy`, :mod:`.provinces`, :mod:`._readings`): the same answers as comparing
every key, several times sooner.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from rapidfuzz import fuzz, process

from iranmap.geocode.index import PlaceIndex


def near(index: PlaceIndex, which: str, name_key: str, cutoff: float) -> bool:
    """Whether ``name_key`` is one of the index's keys of ``which`` places ("places", "prisons",
    "other places") or within ``cutoff`` similarity of one. Only keys of a length that can reach
    ``cutoff`` are compared (a ratio is at most 1 - |a - b| / (a + b) for lengths a and b): the
    same answer as comparing them all, several times sooner. Each answer is kept (the rules
    ask it of the same words of many names: "bajarê", "zindanı"), at most _NEAR_KEPT of them."""
    answers = _NEAR.setdefault(index, {})
    found = answers.get((which, name_key, cutoff))
    if found is None:
        found_keys = keys_of_length(index, which, len(name_key), cutoff)
        best = process.extractOne(
            name_key, found_keys, scorer=fuzz.ratio, processor=None, score_cutoff=cutoff
        )
        found = best is not None
        if len(answers) >= _NEAR_KEPT:
            answers.clear()
        answers[(which, name_key, cutoff)] = found
    return found


#: What :func:`near` answered, by index, kind of place, name key and cutoff.
_NEAR: WeakKeyDictionary[PlaceIndex, dict[tuple[str, str, float], bool]] = WeakKeyDictionary()
_NEAR_KEPT = 65536


def keys_of_length(index: PlaceIndex, which: str, length: int, cutoff: float) -> list[str]:
    """The index's keys of ``which`` places ("places", "prisons", "other places") within reach
    of ``cutoff`` for a name of ``length`` letters, in the index's order; made once each."""
    tables = _LENGTHS.setdefault(index, {})
    found = tables.get((which, length, cutoff))
    if found is None:
        keys = _keys_of(index, which)
        found = [keys[i] for i in within_reach(keys, length, cutoff)]
        tables[(which, length, cutoff)] = found
    return found


#: Keys of the length that can reach a similarity, by index, kind of place, length and cutoff.
_LENGTHS: WeakKeyDictionary[PlaceIndex, dict[tuple[str, int, float], list[str]]] = (
    WeakKeyDictionary()
)


def _keys_of(index: PlaceIndex, which: str) -> list[str]:
    others = list(index.other_places) if which == "other places" else index.keys
    return index.prison_keys if which == "prisons" else others


def within_reach(keys: list[str], length: int, cutoff: float) -> list[int]:
    """Where the ``keys`` stand whose length leaves a ratio of ``cutoff`` possible with a name
    of ``length`` letters (a ratio is at most 1 - |a - b| / (a + b) for lengths a and b)."""
    least = cutoff - 1e-6  # (a hair below: a key that may reach it exactly is kept)
    most = [100 * (1 - abs(len(k) - length) / (len(k) + length or 1)) for k in keys]
    return [at for at, ratio in enumerate(most) if ratio >= least]
