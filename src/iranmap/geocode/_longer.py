"""A town's older, longer or shorter form, and Persian's zh as French writes it.

- A port is named with "Bandar" (port) or without it, as reports please: "Bandar-e Jask" is
  Jask, "Gonaveh" is Bandar-e Genaveh ("Bandar-e-Gonaveh", as GeoNames also writes it).
- French transliterations write Persian's ژ (zh) as j: "Shaheen-Dej" is Shahin Dezh.

A form is read only where the name as written places nothing and is no place of its own the
gazetteer knows by name ("Bandar-e Rig" is a town of Bushehr, not a place called Rig), and only
where the form is a place's own name or alias exactly (never words no place has, which other
rules would place at the town beside them: "Bandar-e Teheraner Ghezel-Hesar-Gefängnis"), all its
forms that place anything placing it in one province.

Part of :class:`~iranmap.geocode.Geocoder`, which asks :func:`read_longer` about names no other
rule placed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from iranmap.geocode.index import PlaceIndex
from iranmap.geocode.match import Match
from iranmap.names import PlaceName, parse_place

#: "Bandar" (port) before a town's name, with or without its ezafe, as a word of its own.
_PORT = re.compile(r"^\s*bandar(?:[\s-]+(?:e|i|ye)(?=[\s-]))?[\s-]+(?=\S)", re.IGNORECASE)
#: A j that is no part of "dj" (French's j for Persian's j): French's ژ.
_FRENCH_ZH = re.compile(r"(?<![dD])j")
#: The last code point of the Latin letters (Latin Extended-B).
_LATIN_END = 0x24F
#: Resolves a name (the geocoder's place, without near misses).
Resolve = Callable[[str], Match]


def longer_forms(name: str) -> tuple[str, ...]:
    """``name`` without "Bandar" before it, or with it if it has none; and with each j as zh
    (French's ژ, "Shaheen-Dej"), unless it is a French "dj"; none for a name with a letter of
    another script than Latin."""
    if any(c.isalpha() and ord(c) > _LATIN_END for c in name):  # (Persian's بندر: its own)
        return ()
    text, rest = _head(name.strip())
    bare = _PORT.sub("", text)
    forms = [bare] if bare != text else [f"Bandar-e {text}"]
    if _FRENCH_ZH.search(text):
        forms.append(_FRENCH_ZH.sub("zh", text))
    return tuple(form + rest for form in forms if form and form != text)


def _head(name: str) -> tuple[str, str]:
    """``name`` cut before its first bracket, comma, semicolon or slash: the words that name the
    place, and what says where it is (read as written)."""
    found = _APART.search(name)
    return (name[: found.start()], name[found.start() :]) if found else (name, "")


_APART = re.compile(r"[()\[\],;/]")


def read_longer(
    index: PlaceIndex, name: str, parsed: PlaceName, answer: Match, place: Resolve
) -> Match:
    """``answer``, or if it places nothing, the one place a form of :func:`longer_forms` names
    exactly (see the module's docstring)."""
    if answer.status != "unmatched" or not parsed.core:
        return answer
    if parsed.core in index.other_places or parsed.core in index.entries:
        return answer
    found = [
        match
        for form in longer_forms(name)
        if parse_place(form).core in index.entries  # (a place's name, not words it does not know)
        for match in (place(form),)
        if match.status == "matched"
        and match.score == 100
        and match.method != "fuzzy"
        and match.reading is None
        and match.kind != "province"
    ]
    if not found or len({m.province_iso for m in found}) != 1:
        return answer
    return found[0]
