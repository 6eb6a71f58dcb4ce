"""Phrases a Latin-script page writes around a place's name that say no more than where in the
country it lies, or describe its province rather than name it; read out of a name before its
words are.

- Where in the country, after the name: "province de Fars, dans le sud de l'Iran", "Bastam im
  Norden des Landes", "prisión de Evin, situada en el norte de la capital", "in southern Iran".
  Like "Iran" itself, such a phrase names no province (:data:`COUNTRY_PARTS`).
- A region of several provinces: Eastern Kurdistan ("Doğu Kürdistan'ın Mahabad kentinde",
  "Rojhilatê Kurdistanê"), the Kurdish parts of Kurdistan, Kermanshah, West Azerbaijan and
  Ilam: not the province of Kurdistan (:data:`REGIONS`).
- Adjectives before an English word for province and its "of" ("northern province of
  Mazandaran", "central province of Markazi"): they describe the province the name after "of"
  names, whatever they say (:data:`DESCRIBED`); Romance ones after the word for province are
  read so by :data:`iranmap.name_words.ADJECTIVE_BEFORE_OF`.
- A part of a town in a direction ("u sjevernom dijelu Teherana", "in the northern part of
  Tehran"): in the town (:data:`PART_OF`).
- French and Italian elision with its apostrophe dropped ("ville dAhwaz"): written back
  (:data:`ELIDED`); "in" at a name's start where only there it is one ("a Tabriz", "i staden
  Ahvaz"; :data:`LEADING_IN`); a spaced dash as a comma (:data:`DASH`).
- Turkish's "X'a bağlı Y" (Y, part of X): Y with X apart, as "Y (X)" (:data:`BELONGING`); the
  small words around a word for province: Portuguese "na província" ("na cidade", "na prisão"),
  Turkish "Eyaleti'nde"
  (:data:`PORTUGUESE_IN`, :data:`TURKISH_CASE`); Turkish's "İran'ın X" and Kurdish "şarî X"
  (:data:`GENITIVE_OF_REGION`, :data:`KURDISH_CITY_OF`), a province's prisons
  (:data:`PRISONS_OF_PROVINCE`) and the Iranian capital, Tehran (:data:`IRANIAN_CAPITAL`).

Data and one function for :mod:`iranmap.names` and :mod:`iranmap.geocode.provinces`, which read
every Latin name with :func:`plain` first, and without what describes a province
(:func:`undescribed`) where the name is read as a place's, or as a province's where the name as
written is none ("provincia settentrionale del Khorasan" is North Khorasan as written).
"""

from __future__ import annotations

import re
from functools import lru_cache

# The stems of the words for the four directions (and their compounds: "nord-ouest",
# "noroeste", "Nordwesten", "północnym"), in English, French, Italian, Spanish, Portuguese,
# German, Dutch, Indonesian, Polish, Czech, Slovak and South Slavic.
_STEM = (
    r"(?:north|south|east|west|nord|sud|süd|ost|norte|nor|sur|sul|este|oeste|leste|ouest|"
    r"ovest|noord|zuid|oost|utara|selatan|timur|barat|tenggara|północ|polnoc|południ|poludni|"
    r"wschod|wschód|zachod|zachód|sjever|sever|jug|juž|istok|istoč|zapad|sever|jih|východ|západ)"
)
# ... with another after it and an ending of up to four letters: never a name run on ("in
# Ost-Aserbaidschan, Iran" keeps its province)
_DIRECTION = rf"{_STEM}(?:-?{_STEM})?\w{{0,4}}"
# "in the south of Iran", "dans le sud de l'Iran", "im Norden des Landes", "nel nord del paese",
# "en el norte del país", "no sul do Irã", "in southern Iran", "au nord du pays", "situada en el
# norte de la capital" (Tehran's north, for a place of Tehran), "na północy Iranu", "di Iran
# selatan"; after the name, to its end.
_WHERE = r"(?:situad[ao]|situ[ée]e?|located|lying|localizad[ao]|gelegen|che si trova|que fica)"
_IN = r"(?:in|im|dans|en|nel|no|na|au|à|a|al|ao|di|w|we|v|u)"
_THE = r"(?:the|le|la|el|il|lo|o|a|der|dem|het|l['’])"
_OF = r"(?:of|de|del|des|du|di|dell['’]|della|del|do|da|van|d['’])"
_COUNTRY = (
    r"(?:iran|irans|iranu|iranie|irán|irã|irão|l['’]iran|country|landes|pays|país|paese|"
    r"capital|capitale|hauptstadt)"
)
COUNTRY_PARTS = re.compile(
    rf"(?:\s*,\s*|\s+)(?:{_WHERE}\s+)?{_IN}\s+(?:{_THE}\s*)?{_DIRECTION}\s+"
    rf"(?:{_OF}\s*)?(?:{_THE}\s*)?{_COUNTRY}\s*$"
    rf"|(?:\s*,\s*|\s+)(?:{_WHERE}\s+)?{_IN}\s+{_COUNTRY}\s+{_DIRECTION}\s*$",  # "di Iran utara"
    re.IGNORECASE,
)
# ... and "in Iran" itself after a name ("Gilan im Iran"), or the country's full name ("Province
# of Fars, Islamic Republic of Iran", "République islamique d'Iran").
IN_IRAN = re.compile(
    r"(?:\s*,\s*|\s+)(?:in|im|dans|en|nel|no|em|w|we|v|u|di)\s+(?:l['’])?"
    r"(?:iran|irán|irã|irão|iranu|iranie)\s*$"
    r"|\s*,?\s*(?:the\s+)?(?:islamic republic of iran|r[ée]publique islamique d['’]iran"
    r"|repubblica islamica dell['’]iran|rep[úu]blica isl[áâa]mica (?:de ir[áa]n|do ir[ãa]o?)"
    r"|islamische republik iran|islamitische republiek iran)\s*$",
    re.IGNORECASE,
)
# Eastern Kurdistan, as Kurdish, Turkish and other pages call the Kurdish parts of four provinces
# (with Turkish's genitive: "Doğu Kürdistan'ın"), which is no more one province than Iran is.
_KURDISTAN = r"k[üu]rd[iy]st[aá]n\w*(?:['’]\w+)?"
REGIONS = re.compile(
    rf"\b(?:do[ğg]u|east(?:ern)?|ost|rojhilat[êe]?|rojhelat[êe]?)[\s-]*{_KURDISTAN}"
    rf"|\b{_KURDISTAN}\s+(?:rojhilat|rojhelat|oriental|orientale|do leste|de l['’]est)\b",
    re.IGNORECASE,
)
# English adjectives (in lower case, as running text writes them) before a word for province
# or region and its "of": "northern province of Mazandaran" is Mazandaran.
_ADJECTIVES = r"(?:^|(?<=,)|(?<=\bin))\s*(?:the\s+)?(?:{first}[\w'’-]*\s+){{1,2}}?"
_PROVINCE_OF = r"(?=(?:province|region|state)\s+of\s)"
DESCRIBED = re.compile(_ADJECTIVES.format(first=r"(?-i:[a-z])") + _PROVINCE_OF, re.IGNORECASE)
# ... and in a province cell, where a word in capitals before "province of" ("Kurdish-majority
# province of Kurdistan") is read so only if the cell as written names no province
DESCRIBED_ANY_CASE = re.compile(_ADJECTIVES.format(first="") + _PROVINCE_OF, re.IGNORECASE)
# A part of a town in a direction, in English and South Slavic, Slovene, Polish, Czech and
# Slovak ("u sjevernom dijelu Teherana", "w północnej części Teheranu"): in the town.
_SLAVIC_DIRECTION = (
    r"(?:sjever|sever|jug|južn|juzn|istočn|istocn|zapadn|vzhodn|zahodn|północn|polnocn|"
    r"południow|poludniow|wschodn|zachodn|severn|jižn|jizn|východn|vychodn|západn)\w*"
)
PART_OF = re.compile(
    rf"\b{_SLAVIC_DIRECTION}\s+(?:dijel|dio|del|dél|częś|czes|část|cast|čast)\w*\s+"
    rf"|\b{_DIRECTION}\s+parts?\s+of\s+",
    re.IGNORECASE,
)
# Turkish's dative before "bağlı" (belonging to) after an apostrophe: what holds the place after it
# ("Fars'a bağlı Şiraz kentinde", Shiraz of Fars), written as the place with its holder apart in
# brackets, as any name with its town or province is read.
BELONGING = re.compile(
    r"^\s*(?P<holder>[^()]+?)['’](?:y?[aeıiuü]|n[ae])\s+ba[ğg]l[ıi]\s+(?P<place>[^()]+?)\s*$",
    re.IGNORECASE,
)
# Portuguese "in the" before its words for province, city or prison ("Beyram, na província de
# Fars", "na cidade de Shiraz", "na prisão de Evin"), and a Turkish case ending set apart from a
# word for province by an apostrophe ("Fars Eyaleti'nde", in Fars province): only there ("Na'in"
# is a town).
PORTUGUESE_IN = re.compile(
    r"(?<!\S)n[ao]s?\s+(?=(?:prov[íi]ncias?|cidades?|vila|aldeia|pris[ãa]o|cadeia|"
    r"penitenci[áa]ria|regi[ãa]o|localidade)\b)",
    re.IGNORECASE,
)
TURKISH_CASE = re.compile(r"\b(eyaleti|vilayeti|ostanı|ostani)['’]\w+", re.IGNORECASE)
# "In" at a name's start where a name may not begin with it: Italian "a" before a name in
# capitals ("a Tabriz, nel nord-ovest dell'Iran"), Swedish, Norwegian and Danish "i" and Tagalog
# "sa" before their words for city or prison ("i staden Ahvaz", "sa lungsod ng Shiraz"): read
# as "in" (a transliteration's lone "i" is an ezafe, "Sa in Dezh" a town).
LEADING_IN = re.compile(
    r"^\s*(?:(?-i:a)(?=\s+(?-i:[A-ZÀ-Þ]))"
    r"|i(?=\s+(?:staden|byen|fängelset|fangelset|fengselet|fængslet)\b)"
    r"|sa(?=\s+(?:lungsod|bayan|bilangguan|lalawigan)\b))\s+",
    re.IGNORECASE,
)
# A dash between spaces sets a qualifier apart as a comma does ("Abu Shehr - Bushehr", "Evin –
# Tehran"): a name's own hyphen has no space around it.
DASH = re.compile(r"\s+[-–—]\s+")
# Turkish's genitive of the country or of Eastern Kurdistan before a name ("İran'ın Isfahan
# kentinde", in Iran's city of Isfahan; "Rojhılat'ın Urmiye vilayetinde"): where in the world
# the place lies, no province; and Eastern Kurdistan ("Rojhilat") alone at a name's end.
GENITIVE_OF_REGION = re.compile(
    r"^\s*(?:[iİı]ran|rojh[iıe]lat)['’]n?[ıi]n\s+(?=\S)|\s+rojh[iıe]lat[êe]?\s*$"
    # ... and Azerbaijani's, written without the apostrophe, with "its capital" ("İranın
    # paytaxtı Tehranda", in Iran's capital, Tehran): the capital is named after it
    r"|^\s*[iİı]ran[ıi]n\s+(?:paytaxt[ıi]\s+)?(?=\S)",
    re.IGNORECASE,
)
# Azerbaijani's "located in" after the town a place lies in ("Tehranda yerləşən Evin
# həbsxanası", the Evin prison located in Tehran; "Tehran şəhərində yerləşən ..."), and its
# relative locative joined to the town ("Tehrandakı Evin həbsxanası", the Evin prison that is in
# Tehran): the place with the town apart, in brackets, as any name with its town is read (the
# town must then fit the place). The town loses its locative ending there, unless a word for
# city or province ends it ("Tehran şəhərində"), which the words for city and province read.
LOCATED = re.compile(
    r"^\s*(?P<holder>\S.*?)\s+yerl[əe]ş[əe]n\s+(?P<place>\S.*?)\s*$"
    r"|^\s*(?P<town>[^\s'’]{3,}?)(?:d[aəe]|t[aəe])k[ıi]\s+(?P<there>\S.*?)\s*$",
    re.IGNORECASE,
)
_LOCATIVE_END = re.compile(r"(?<=\w{2})['’]?(?:d[aəe]|t[aəe])$", re.IGNORECASE)
_HOLDER_WORD = re.compile(
    r"(?<!\w)(?:ş[əe]h[əe]r|[şs]ehir|kent|vilay[əe]t|[əe]yal[əe]t|ostan|bölg[əe])\w*$",
    re.IGNORECASE,
)


def _located(found: re.Match[str]) -> str:
    """The place :data:`LOCATED` found, with its town apart."""
    if found.group("town"):
        return f"{found.group('there')} ({found.group('town')})"
    holder = found.group("holder")
    if not _HOLDER_WORD.search(holder):  # "Tehran şəhərində": the word for city has it
        holder = _LOCATIVE_END.sub("", holder)
    return f"{found.group('place')} ({holder})"


# Kurdish "şarî" (the city of) before a name ("şarî Siney", the city of Sine; the name's ezafe
# is read as the name's): written with its ş only, as "Sari" is a town.
KURDISH_CITY_OF = re.compile(r"^\s*şar[îi]\s+(?=\S)", re.IGNORECASE)
# Plural words for prison before a province ("prisiones de la provincia de Alborz", "prisons of
# the province of Fars", "carceri della provincia di"): the province's prisons, the province.
PRISONS_OF_PROVINCE = re.compile(
    r"^\s*(?:prisiones|c[áa]rceles|prisons|prigioni|carceri|pris[õo]es|gef[äa]ngnisse)\s+"
    r"(?:de|of|del|della|dos|das|der|in|en|nella|dans)\s+(?:la\s+|the\s+|)"
    r"(?=(?:provincia|province|provinz|prov[íi]ncia)\b)",
    re.IGNORECASE,
)
# The capital of Iran named by what it is ("Evin-Gefängnis der iranischen Hauptstadt", "in the
# Iranian capital", "dans la capitale iranienne"): Tehran.
IRANIAN_CAPITAL = re.compile(
    r"\s+(?:in\s+|of\s+|dans\s+|de\s+|nella\s+|en\s+)?(?:der|the|la|el)\s+"
    r"(?:(?:iranischen|iranian|iraní|iraniana)\s+(?:hauptstadt|capital|capitale)"
    r"|(?:capitale|capital)\s+(?:iranienne|iraniana|iraní|iranian[ao]?))\s*$",
    re.IGNORECASE,
)
# French "d'" and "l'", Italian "dell'", with the apostrophe dropped before a capital ("ville
# dAhwaz"): no transliteration of a Persian name begins so.
ELIDED = re.compile(r"(?<![\w'’])(dell|d|l)(?=[A-ZÀ-Þ][a-zà-ÿ])")


# What the costliest phrases above cannot match without, looked for first (each is a few
# times cheaper than the phrase it stands for, and most names have none): the last word of a
# name that ends in where in the country it lies (:data:`COUNTRY_PARTS`, :data:`IN_IRAN`), a
# word for part (:data:`PART_OF`), a word for province and "of" (:data:`DESCRIBED`), Azerbaijani's
# "located" or a relative locative (:data:`LOCATED`).
_WHERE_AT_END = re.compile(rf"(?:{_COUNTRY}|{_DIRECTION}|ir[aáã]\w*)$", re.IGNORECASE)
_SAYS_PART = re.compile(r"part|dijel|dio|d[eé]l|cz[eę]|[cč][aá]st", re.IGNORECASE)
_SAYS_PROVINCE_OF = re.compile(r"(?:province|region|state)\s+of\s", re.IGNORECASE)
_SAYS_LOCATED = re.compile(r"yerl[əe]ş[əe]n\s|[dt][aəe]k[ıi]\s", re.IGNORECASE)  # (LOCATED)


@lru_cache(maxsize=65536)
def plain(text: str) -> str:
    """``text`` without the phrases that say only where in the country a place lies, a region of
    several provinces left out, and an elision's apostrophe written."""
    if not text.isascii() and not any("a" <= c.casefold() <= "z" for c in text):
        return text  # (no Latin letter: nothing here to read)
    text = LEADING_IN.sub("in ", ELIDED.sub(r"\1'", DASH.sub(", ", text)))
    text = GENITIVE_OF_REGION.sub("", PRISONS_OF_PROVINCE.sub("", text))
    text = IRANIAN_CAPITAL.sub(", Tehran", KURDISH_CITY_OF.sub("", text))
    text = BELONGING.sub(r"\g<place> (\g<holder>)", text)
    if _SAYS_LOCATED.search(text):
        text = LOCATED.sub(_located, text)
    text = TURKISH_CASE.sub(r"\1", PORTUGUESE_IN.sub("", text))
    words = text.split()
    if words and _WHERE_AT_END.search(words[-1]):
        text = IN_IRAN.sub("", COUNTRY_PARTS.sub("", text))
    text = REGIONS.sub(" ", text)
    if not _SAYS_PART.search(text):
        return text.strip() or text
    return PART_OF.sub("", text).strip() or text


def undescribed(text: str, *, any_case: bool = False) -> str:
    """``text`` without the English adjectives before its word for province and "of" (in lower
    case, or ``any_case``)."""
    if not _SAYS_PROVINCE_OF.search(text):
        return text.strip() or text
    return (DESCRIBED_ANY_CASE if any_case else DESCRIBED).sub(" ", text).strip() or text
