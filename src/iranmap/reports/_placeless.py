"""Rows of a table that name no place: "Unknown", "Other prisons", "نامعلوم", and total rows.

Published tables often end with a row for the executions whose prison (or province) the
monitor could not learn, or that it does not list one by one ("Unknown prison 40", "Other
prisons", "سایر زندان‌ها"), and sometimes with a total row. The first are in the report's
total and in no place: iranmap keeps them, as rows given without a place, and counts them as
not itemized, never as a place nor as a misspelling. A total row is no row of the table:
report.toml's ``total`` says it.

A name is one of these only when, once a word for the kind of place ("prison", "province",
"زندان", "استان", ...) is set aside, all that is left is a phrase of the lists below: "Unknown
Prison" is, "Other" is, "Unknown, Tabriz" is not.
"""

from __future__ import annotations

from typing import Literal

from iranmap.names import fold

Placeless = Literal["unknown", "total"]

#: Words for what kind of place a row names, set aside before the phrase is read.
_KINDS = frozenset(
    (
        *("prison", "prisons", "jail", "jails", "province", "provinces", "place", "places"),
        *("city", "cities", "location", "locations", "county", "counties", "facility"),
        *("facilities", "detention", "centre", "center", "centres", "centers"),
        *("carcere", "carceri", "provincia", "province", "gefangnis", "gefangnisse"),
        *("provinz", "provinzen", "ort", "prisons", "cárcel", "carcel", "carceles", "prision"),
        *("provincias", "cezaevi", "cezaevleri", "il", "iller", "gevangenis", "provincie"),
        *("of", "in", "the", "di", "del", "de", "des", "la", "le", "les", "der", "die"),
        *("زندان", "زندانهای", "زندانها", "استان", "استانهای", "استانها", "شهر", "شهرهای"),
        *("شهرها", "محل", "مکان", "بازداشتگاه"),
    )
)
#: Phrases (folded, kind words set aside) meaning the place is not known or not listed.
_UNKNOWN = frozenset(
    (
        *("unknown", "not known", "unidentified", "unspecified", "undisclosed", "unclear"),
        *("not specified", "not stated", "not disclosed", "no information", "other", "others"),
        *("various", "n a", "none given", "sconosciuto", "sconosciuta", "sconosciute"),
        *("sconosciuti", "ignoto", "ignota", "ignoti", "non noto", "non nota", "altri", "altre"),
        *("altro", "altra", "unbekannt", "unbekannte", "andere", "sonstige", "weitere"),
        *("inconnu", "inconnue", "inconnus", "non precise", "non precisee", "autre", "autres"),
        *("desconocido", "desconocida", "desconocidos", "otro", "otros", "otra", "otras"),
        *("bilinmeyen", "bilinmiyor", "diger", "digerleri", "onbekend", "overige", "andere"),
        *("nenas", "nediyar", "نامعلوم", "نامشخص", "نا معلوم", "نا مشخص", "مشخص نیست"),
        *("معلوم نیست", "مشخص نشده", "اعلام نشده", "سایر", "دیگر", "سایر موارد", "نادیار"),
    )
)
#: Phrases (folded, kind words set aside) of a total row.
_TOTAL = frozenset(
    (
        *("total", "totals", "grand total", "sum", "all", "totale", "totale complessivo"),
        *("gesamt", "insgesamt", "summe", "somme", "total general", "toplam", "totaal"),
        *("جمع", "جمع کل", "مجموع", "کل اعدامها", "جمع کل اعدامها", "کۆ"),
    )
)


def placeless(name: str) -> Placeless | None:
    """ "unknown" for a row of executions whose place the table does not give, "total" for a
    total row, None for a name that may be a place."""
    words = [w for w in fold(name).replace("/", " ").split() if w not in _KINDS]
    phrase = " ".join(words)
    if not phrase:
        return None
    if phrase in _UNKNOWN:
        return "unknown"
    if phrase in _TOTAL:
        return "total"
    return None
