"""Folding text: one form of a name whatever its case, diacritics, punctuation, spacing or
script variants (:func:`fold`, which :mod:`iranmap.names` builds its matching keys on).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Code points that are the same letter for a Persian reader, mapped to the Persian form.
_PERSIAN_LETTERS = str.maketrans(
    {
        "\u064a": "\u06cc",  # ARABIC LETTER YEH -> FARSI YEH
        "\u0649": "\u06cc",  # ALEF MAKSURA -> FARSI YEH
        "\u06d2": "\u06cc",  # YEH BARREE -> FARSI YEH
        "\u0643": "\u06a9",  # ARABIC LETTER KAF -> KEHEH
        "\u06aa": "\u06a9",  # SWASH KAF -> KEHEH
        "\u0629": "\u0647",  # TEH MARBUTA -> HEH
        "\u06c0": "\u0647",  # HEH WITH YEH ABOVE -> HEH
        "\u06c1": "\u0647",  # HEH GOAL -> HEH
        "\u06c2": "\u0647",  # HEH GOAL WITH HAMZA ABOVE -> HEH
        "\u06be": "\u0647",  # HEH DOACHASHMEE -> HEH
        "\u06d5": "\u0647",  # AE (what HEH WITH YEH ABOVE decomposes to) -> HEH
        "\u0671": "\u0627",  # ALEF WASLA -> ALEF
        # Urdu, Pashto, Sindhi, Balochi and Uyghur letters, read as the Persian letters of
        # their nearest sound: a report writes a Persian name in them ("زاہدان", "ګرګان")
        "\u0679": "\u062a",  # TTEH (Urdu ٹ) -> TEH
        "\u067c": "\u062a",  # TEH WITH RING (Pashto ټ) -> TEH
        "\u0688": "\u062f",  # DDAL (Urdu ڈ) -> DAL
        "\u0689": "\u062f",  # DAL WITH RING (Pashto ډ) -> DAL
        "\u0691": "\u0631",  # RREH (Urdu ڑ) -> REH
        "\u0693": "\u0631",  # REH WITH RING (Pashto ړ) -> REH
        "\u06ba": "\u0646",  # NOON GHUNNA (Urdu ں) -> NOON
        "\u06bc": "\u0646",  # NOON WITH RING (Pashto ڼ) -> NOON
        "\u069a": "\u0634",  # SEEN WITH DOT BELOW AND ABOVE (Pashto ښ) -> SHEEN
        "\u0696": "\u0698",  # REH WITH DOT BELOW AND ABOVE (Pashto ږ) -> JEH
        "\u06ab": "\u06af",  # KAF WITH RING (Pashto ګ) -> GAF
        "\u06b3": "\u06af",  # GUEH (Sindhi ڳ) -> GAF
        "\u06a6": "\u0641",  # PEHEH (Sindhi ڦ) -> FEH
        "\u06c3": "\u0647",  # TEH MARBUTA GOAL (Urdu ۃ) -> HEH
        "\u06d0": "\u06cc",  # E (Pashto and Uyghur ې) -> FARSI YEH
        "\u06cd": "\u06cc",  # YEH WITH TAIL (Pashto ۍ) -> FARSI YEH
        "\u06c7": "\u0648",  # U (Uyghur ۇ) -> WAW
        "\u06c8": "\u0648",  # YU (Uyghur ۈ) -> WAW
        "\u06cb": "\u0648",  # VE (Uyghur ۋ) -> WAW
        "\u0621": "",  # a bare HAMZA carries no letter
        "\u0640": "",  # TATWEEL only stretches a word
        "\u200c": "",  # ZERO WIDTH NON-JOINER: same word with or without it
        "\u200d": "",  # ZERO WIDTH JOINER
        "\u200e": "",  # LEFT-TO-RIGHT MARK
        "\u200f": "",  # RIGHT-TO-LEFT MARK
        "\ufeff": "",  # BYTE ORDER MARK / ZERO WIDTH NO-BREAK SPACE
        "\u0131": "i",  # LATIN SMALL LETTER DOTLESS I (Turkish-style transliterations)
        "\u0259": "e",  # LATIN SMALL LETTER SCHWA: Azeri "Təbriz", "Ərdəbil"
        "\u018f": "E",  # LATIN CAPITAL LETTER SCHWA
    }
)

# A word-final ê is Kurmanji's case ending, not part of the name: "girtîgeha Îsferaynê" is
# "the prison of Esfarayen", "li Urmiyê" "in Urmia". No Persian transliteration ends a word
# with it.
_KURMANJI_ENDING = re.compile(r"(?<=\w\w)[êÊ](?!\w)")
# ... which after a name's final vowel comes with a y ("bajarê Neqedeyê", the city of Naqadeh:
# "Neqede" with its ending).
_KURMANJI_Y_ENDING = re.compile(r"(?<=\w[aeiouîûAEIOUÎÛ])y[êÊ](?!\w)")

# Sorani (Kurdish in Arabic script) letters, read as the Persian letters they write: "بۆکان" is
# "بوکان", "ورمێ" "ورمی", "ڕ" and "ڵ" the heavy r and l. Its vowel letter ە is written where
# Persian writes no letter ("سەقز" is "سقز", "مەهاباد" "مهاباد") except at a word's end, where it
# is Persian's final heh ("سنە", "ارومیە"); and a word's first ئ carries a vowel, Persian's ا
# ("ئیلام" is "ایلام").
_SORANI_LETTERS = str.maketrans({"ێ": "ی", "ۆ": "و", "ڕ": "ر", "ڵ": "ل", "ڤ": "و"})
_SORANI_INNER_VOWEL = re.compile("\u06d5(?=[\u0620-\u06ff])")
_SORANI_FIRST_HAMZA = re.compile("(?<![\u0620-\u06ff])\u0626")
# Kurdish writes Persian's "-abad" (a settlement) as "-awa": Sorani "دیزڵئاوا" is "دیزل آباد",
# "ئیسلامئاوا" "اسلام آباد" (Kurmanji "Dîzelawa" in Latin letters is left to near matching).
_SORANI_ABAD = re.compile("(?<=[\u0620-\u06ff])\u0626\u0627\u0648\u0627(?![\u0620-\u06ff])")

# Pashto's ې ending a word of three letters or more is the oblique of a name that ends in ه
# ("د ارومیې زندان": Urmia's prison); elsewhere ې is a vowel, ی ("کې", in).
_PASHTO_OBLIQUE = re.compile("(?<=[\u0620-\u06ff]{2})\u06d0(?![\u0620-\u06ff])")

# Arabic-Indic (U+0660..) and Extended Arabic-Indic / Persian (U+06F0..) digits -> ASCII.
_DIGITS = str.maketrans(
    {chr(base + d): str(d) for base in (0x0660, 0x06F0) for d in range(10)},
)

# Unicode categories that separate words: punctuation (incl. hyphens, apostrophes, the Arabic
# comma), symbols, modifier letters used as ayn/hamza marks (ʿ ʼ), and separators.
_SEPARATOR_CATEGORIES = ("P", "S", "Z", "Lm", "Cc", "Cf")


class _Marks(dict[int, str | None]):
    """For ``str.translate``: a nonspacing mark (accents, Arabic harakat, hamza and madda above
    or below) dropped, a separator made a space, any other character kept; each character's
    category looked up once."""

    def __missing__(self, code: int) -> str | None:
        category = unicodedata.category(chr(code))
        separator = category.startswith(_SEPARATOR_CATEGORIES)
        self[code] = found = None if category == "Mn" else " " if separator else chr(code)
        return found


_MARKS = _Marks()
_ARABIC_LETTER = re.compile("[\u0600-\u06ff]")

# Every ASCII character that is no letter or digit separates words (as its category says).
_ASCII_SEPARATORS = str.maketrans({c: " " for c in map(chr, range(128)) if not c.isalnum()})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """``text`` without case, diacritics, punctuation or script variants; words kept.

    "Qezel-Ḥeṣār" -> "qezel hesar"; "زندانِ قزل‌حصار" (with kasra and ZWNJ) -> "زندان قزلحصار";
    Arabic yeh/kaf become Persian yeh/keheh; Persian and Arabic-Indic digits become ASCII.
    """
    if text.isascii():  # (most names: what the steps below do to ASCII, without them)
        return " ".join(text.casefold().translate(_ASCII_SEPARATORS).split())
    return _fold_script(text)


def _fold_script(text: str) -> str:
    """:func:`fold` of any text, step by step."""
    text = unicodedata.normalize("NFKC", text)
    text = _KURMANJI_ENDING.sub("", _KURMANJI_Y_ENDING.sub("", text))
    if _ARABIC_LETTER.search(text):  # (Sorani's and Pashto's letters are all of that block)
        text = _SORANI_INNER_VOWEL.sub("", text.translate(_SORANI_LETTERS))
        text = _SORANI_ABAD.sub("اباد", text)
        text = _SORANI_FIRST_HAMZA.sub("ا", _PASHTO_OBLIQUE.sub("ه", text))
    text = text.translate(_PERSIAN_LETTERS).casefold()
    text = unicodedata.normalize("NFC", unicodedata.normalize("NFD", text).translate(_MARKS))
    # NFC may recompose nothing here, but the letter map runs again for forms that only
    # appear once the hamza above is gone (e.g. HEH WITH YEH ABOVE -> AE).
    text = text.translate(_PERSIAN_LETTERS).translate(_DIGITS)
    return " ".join(text.split())
