"""Any name a report may hold gets an answer from the geocoder, never an error.

The naming rules read a name again in other spellings (Turkish, German, Spanish, French, Dutch,
Arabic letters) and without the words around it, in many languages; a reading that undid
another, or read its own output again, would recurse without end, and a report holding such a
name would stop with "this is a bug in iranmap". Names here are made of those very words, town
names, and words of random letters of the scripts reports are written in.
"""

from __future__ import annotations

import inspect
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iranmap import name_words
from iranmap.gazetteer import load_gazetteer
from iranmap.geocode import Geocoder

GAZETTEER = load_gazetteer()
GEOCODER = Geocoder(GAZETTEER)
#: Every word the rules treat specially, in every language they know.
WORDS = sorted(
    {
        word
        for value in vars(name_words).values()
        if isinstance(value, frozenset)
        for word in value
        if isinstance(word, str)
    }
    | {word for words in name_words.DIRECTION_WORDS.values() for word in words}
)
TOWNS = sorted({c.name for c in GAZETTEER.cities[:300]} | {p.name_fa for p in GAZETTEER.provinces})
#: Latin with the letters the respellings read (Turkish, Azerbaijani, French, German, Spanish),
#: Persian and Arabic letters, digits and the marks that set a place apart.
LETTERS = "abcdehijkosuvwxyzçğıəöşüéèàñßAEHKOSUÇĞİŞ" + "ابپتجچحخدرزژسشعغفقکگلمنوهیةيكأإؤئە" + "19"
#: How deep the geocoder may call itself and its rules, beyond the caller's frames.
FRAMES = 120
SEPARATORS = (" ", "-", ", ", " (", ") ", "/", "\u200c")


@st.composite
def names(draw: st.DrawFn) -> str:
    words = draw(
        st.lists(
            st.one_of(
                st.sampled_from(WORDS),
                st.sampled_from(TOWNS),
                st.text(alphabet=LETTERS, min_size=1, max_size=9),
            ),
            min_size=1,
            max_size=6,
        )
    )
    glue = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(words), max_size=len(words)))
    return "".join(w + g for w, g in zip(words, glue, strict=True)).strip()


@pytest.mark.slow
@given(name=names(), city=st.sampled_from(["", *TOWNS[:20]]))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_name_gets_an_answer(name: str, city: str) -> None:
    for match in (
        GEOCODER.place(name),
        GEOCODER.place(name, city=city),
        GEOCODER.province(name),
    ):
        assert match.status in ("matched", "ambiguous", "unmatched")
        if match.status == "matched":
            assert match.province_iso and match.province_iso.startswith("IR-")


@pytest.mark.parametrize(
    "name",
    [
        "Xyzabc Merkez Cezaevi",  # Turkish words around an unknown one: read as kh, again and again
        "Hhhh eyaleti",
        "Zzzhh Merkez ili",
        "prisión de la ciudad de Xyzch",
        "Gefängnis Tschxyz",
        "سجن مدينة بخخخ",
    ],
)
def test_names_no_reading_resolves_are_unmatched(name: str) -> None:
    """Each reading is tried once, not read again in turn: a few dozen frames deep at most."""
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(len(inspect.stack()) + FRAMES)
    try:
        assert GEOCODER.place(name).status == "unmatched"
        assert GEOCODER.province(name).status == "unmatched"
    finally:
        sys.setrecursionlimit(limit)
