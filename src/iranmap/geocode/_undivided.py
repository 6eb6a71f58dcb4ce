"""A place with the name of a province since divided after it ("Jajarm, Khorasan"): placed in the
one of its parts where a place of that name lies.

Khorasan was divided in 2004 into North, Razavi and South Khorasan, and tables still print the
old name ("Jajarm, Khorasan"); "Azerbaijan" stands for East and West Azerbaijan the same way.
The name before it is read with each part as its row's province, as a report's province column
would give it: the answer of the one part where it places the name is taken, with the province
it is in; where several parts place it, it is ambiguous; where none, unresolved (a place the
gazetteer does not know is not placed: which part it lies in is not said). Part of
:class:`~iranmap.geocode.Geocoder`, which asks :func:`in_undivided` first about every name whose
last part is such a name and whose row gives no province.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from iranmap.geocode.index import PlaceIndex, ambiguous, dedupe, labels, place_of
from iranmap.geocode.match import Match

#: The last part of a name set apart by a comma, a bracket or a spaced dash, and what comes before.
_LAST_PART = re.compile(r"^(?P<rest>.*?\S)\s*(?:[,،(]|\s[-–—])\s*(?P<last>[^,،()]+?)\s*\)?\s*$")


def last_part(name: str) -> tuple[str, str]:
    """(the name before its last part set apart, that part), or ("", "") where it has none."""
    found = _LAST_PART.match(name)
    return (found.group("rest"), found.group("last")) if found else ("", "")


def in_undivided(
    index: PlaceIndex,
    name: str,
    undivided: Callable[[str], frozenset[str]],
    place: Callable[[str, str], Match],
) -> Match | None:
    """What ``name`` means when its last part names an undivided province (``undivided`` tells
    its parts), read with each part as the row's province (``place``: a name and a province's
    name); None when its last part names none."""
    rest, last = last_part(name)
    isos = undivided(last) if rest else frozenset()
    if len(isos) < 2:
        return None
    found = {
        iso: answer
        for iso in sorted(isos)
        if (answer := place(rest, index.province_name(iso) or iso)).status == "matched"
    }
    *some, final = [index.province_name(iso) or iso for iso in sorted(isos)]
    parts = f"{', '.join(some)} and {final}"
    if not found:
        note = f"no place of this name is known in {last.strip()} ({parts})"
        return Match(query="", status="unmatched", score=0.0, note=note)
    places = {place_of(answer) for answer in found.values()}
    if len(places) > 1:
        found_labels = sorted(label for answer in found.values() for label in labels(answer))
        return ambiguous(dedupe(found_labels), 100.0)
    answer = next(iter(found.values()))
    what = answer.reading or (
        f"{answer.prison or answer.city} ({answer.province})"
        if answer.kind != "province"
        else f"a place of {answer.province}"
    )
    return replace(answer, reading=f"{what}; {last.strip()} is now {parts}")
