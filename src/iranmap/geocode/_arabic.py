"""Persian names as Arabic writes them: the spellings an Arabic-language report gives a place.

Arabic has no گ, پ, چ or ژ: an Arabic page writes Persian گ as ك or ج ("جرجان" for Gorgan), پ as
ب, چ as ج and ژ as ز or ج; and it puts its article before a town's name ("الأهواز"). After
folding (ك is ک, ة is ه, the hamza gone), each key of a Persian name has a few such forms.
:func:`arabic_forms` gives them; the index takes a form only where no name of any place,
province or county is written so, and a form two places share names neither.
"""

from __future__ import annotations

#: Persian letters and how Arabic writes each: first as the common form, then the other.
_LETTERS = (("گ", "ک", "ج"), ("پ", "ب", "ب"), ("چ", "ج", "ج"), ("ژ", "ز", "ج"))
_COMMON = str.maketrans({p: a for p, a, _ in _LETTERS})
_OTHER = str.maketrans({p: b for p, _, b in _LETTERS})
#: The Arabic article, written before a town's name.
ARTICLE = "ال"


def arabic_forms(name_key: str) -> frozenset[str]:
    """The forms of a folded key of Perso-Arabic letters an Arabic page may write, the key
    itself left out; none for a key in other letters."""
    if not name_key or not all("\u0600" <= c <= "\u06ff" for c in name_key):
        return frozenset()
    bare = {name_key, name_key.translate(_COMMON), name_key.translate(_OTHER)}
    forms = bare | {ARTICLE + form for form in bare if not form.startswith(ARTICLE)}
    return frozenset(forms - {name_key})
