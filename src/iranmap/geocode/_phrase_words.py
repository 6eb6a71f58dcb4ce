"""Words of Perso-Arabic phrases around a place's name (geocode/_phrases.py reads them, and
geocode/_readings.py keeps them out of the words that name nothing), folded as
:func:`iranmap.names.fold` writes them."""

from __future__ import annotations

from iranmap.names import fold, key

# Compass words of Arabic, Persian and Urdu, as nouns and adjectives, with the Arabic article
# ("غرب", "غربی", "الغربیه"): "فلان غرب طهران" says where a place lies from Tehran, not its name.
COMPASS_WORDS = frozenset(
    f"{article}{word}{end}"
    for article in ("", "ال")
    for word in ("جنوب", "شمال", "غرب", "شرق", "مغرب", "مشرق")
    for end in ("", "ی", "یه")
)
# Arabic plurals of the words for street and square ("شوارع مدينة مشهد"), and Persian's plural
# suffix written apart ("خیابان های سبزوار"): they name no one street, and the town follows.
PLURAL_PARTS = frozenset({"شوارع", "الشوارع", "ساحات", "الساحات", "میادین"})
PERSIAN_PLURAL = frozenset({"ها", "های"})


def plural_part(name: str, part_keys: frozenset[str] | dict[str, str]) -> bool:
    """Whether a word for street or square in ``name`` (one of ``part_keys``) is plural
    ("خیابان های", "شوارع")."""
    words = [key(word) for word in fold(name).split()]
    pairs = zip(words, [*words[1:], ""], strict=True)
    return any(w in part_keys and (w in PLURAL_PARTS or a in PERSIAN_PLURAL) for w, a in pairs)
