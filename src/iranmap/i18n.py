"""The words iranmap adds, in English and Persian, and number and date formatting for each.

Report text (titles, notes, fact labels, names) is never translated: only the words the maps,
the downloads and ``iranmap check`` add around it. Persian text uses Persian digits and
separators, so that a number reads the same in the header, the legend, the table, the tooltips
and the reconciliation sentence. This module is below every stage that writes words (join,
render, export): it imports none of them.
"""

from __future__ import annotations

import math
from datetime import date

from iranmap import _texts
from iranmap.calendars import Calendar, Ymd, check_calendar, jalali_month_days, jalali_ymd

Lang = _texts.Lang
LANGS: tuple[Lang, ...] = ("en", "fa")
#: The language whose files carry no language in their names (``choropleth.html``).
UNSUFFIXED: Lang = "en"


def file_name(stem: str, lang: Lang, extension: str = "html") -> str:
    """The name of a file made in ``lang``: ``stem.extension`` in English, the other
    languages' named before the extension (``choropleth.fa.html``, ``steps.fa.png``), so that
    every language's files can sit in one folder."""
    return f"{stem}.{extension}" if lang == UNSUFFIXED else f"{stem}.{lang}.{extension}"


#: The direction of each language's script, for ``dir`` attributes.
DIRS: dict[Lang, str] = {"en": "ltr", "fa": "rtl"}
#: What separates the items of a list (Persian has its own comma).
COMMAS: dict[Lang, str] = {"en": ", ", "fa": "، "}
#: Each language's locale as Open Graph names it.
LOCALES: dict[Lang, str] = {"en": "en_GB", "fa": "fa_IR"}

_FA_DIGITS = str.maketrans("0123456789,.-", "۰۱۲۳۴۵۶۷۸۹٬٫−")

_MONTHS: dict[Lang, tuple[str, ...]] = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "fa": (
        "ژانویه",
        "فوریه",
        "مارس",
        "آوریل",
        "مه",
        "ژوئن",
        "ژوئیه",
        "اوت",
        "سپتامبر",
        "اکتبر",
        "نوامبر",
        "دسامبر",
    ),
}

# Every word a map adds lives in iranmap._texts (one table per language).
TEXTS = _texts.TEXTS


def rtl(lang: Lang) -> bool:
    """Whether ``lang`` is written right to left: what mirrors a layout (which side the
    legend, the labels and the text anchor take)."""
    return DIRS[lang] == "rtl"


def comma(lang: Lang) -> str:
    """The separator between the items of a list in ``lang``."""
    return COMMAS[lang]


def text(lang: Lang, key: str, **values: str) -> str:
    """The map's own text ``key`` in ``lang``, with ``{placeholders}`` filled in."""
    template = TEXTS[lang][key]
    return template.format(**values) if values else template


def digits(value: str, lang: Lang) -> str:
    """Western digits and separators to Persian ones on Persian pages; unchanged otherwise."""
    return value.translate(_FA_DIGITS) if lang == "fa" else value


def fmt_int(value: int, lang: Lang) -> str:
    """A count with thousands separators: "1,000" / "۱٬۰۰۰"."""
    return digits(f"{value:,}", lang)


def fmt_dec(value: float, lang: Lang, places: int = 1) -> str:
    """A rate with fixed decimals: "12.3" / "۱۲٫۳"."""
    if not math.isfinite(value):
        msg = f"cannot format {value!r} as a number"
        raise ValueError(msg)
    return digits(f"{value:,.{places}f}", lang)


def fmt_share(fraction: float, lang: Lang) -> str:
    """A share of the total, given as a fraction: 0.165 -> "16.5%" / "٪۱۶٫۵"."""
    number = fmt_dec(fraction * 100, lang)
    return f"٪{number}" if lang == "fa" else f"{number}%"


def fmt_number(value: int | float, lang: Lang) -> str:
    """An int as a count; a float with one decimal unless it is whole."""
    if isinstance(value, int) or float(value).is_integer():
        return fmt_int(int(value), lang)
    return fmt_dec(value, lang)


# ---------------------------------------------------------------------------------------------
# dates: Gregorian and Solar Hijri

#: The Solar Hijri months, as Iran writes them and in the usual English transliteration.
_JALALI_MONTHS: dict[Lang, tuple[str, ...]] = {
    "en": (
        "Farvardin",
        "Ordibehesht",
        "Khordad",
        "Tir",
        "Mordad",
        "Shahrivar",
        "Mehr",
        "Aban",
        "Azar",
        "Dey",
        "Bahman",
        "Esfand",
    ),
    "fa": (
        "فروردین",
        "اردیبهشت",
        "خرداد",
        "تیر",
        "مرداد",
        "شهریور",
        "مهر",
        "آبان",
        "آذر",
        "دی",
        "بهمن",
        "اسفند",
    ),
}


def month_names(lang: Lang, calendar: Calendar = "gregorian") -> tuple[str, ...]:
    """The twelve month names of ``calendar`` in ``lang``, January (or Farvardin) first."""
    return (_JALALI_MONTHS if calendar == "jalali" else _MONTHS)[lang]


def day(value: date, lang: Lang, calendar: Calendar = "gregorian") -> str:
    """A date in words, in the calendar of the page's readers, and in the report's own.

    English pages give the Gregorian date, followed by the Solar Hijri one in brackets when
    the report was written in it: "20 March 2024 (1 Farvardin 1403)". Persian pages give the
    Solar Hijri date, followed by the Gregorian one when the report was written in that:
    "۱۳ دی ۱۴۰۳ (۲ ژانویه ۲۰۲۵)".
    """
    return period(value, value, lang, calendar)


def period(start: date, end: date, lang: Lang, calendar: Calendar = "gregorian") -> str:
    """A report's period, as :func:`day` gives a date; shortened where the year is shared.

    "1 January – 31 December 2024"; "20 March 2024 – 20 March 2025 (1 Farvardin – 30 Esfand
    1403)". On Persian pages, a period of whole Solar Hijri months is named by its months:
    "فروردین ۱۴۰۳", "فروردین – اسفند ۱۴۰۳".
    """
    check_calendar(calendar)
    if end < start:
        msg = f"a period cannot end ({end.isoformat()}) before it starts ({start.isoformat()})"
        raise ValueError(msg)
    first, last = jalali_ymd(start), jalali_ymd(end)
    if lang == "fa":
        text = _months_span(first, last) or _span(first, last, _JALALI_MONTHS["fa"])
        if calendar == "gregorian":
            text += f" ({_span(_ymd(start), _ymd(end), _MONTHS['fa'])})"
        return digits(text, "fa")
    text = _span(_ymd(start), _ymd(end), _MONTHS["en"])
    if calendar == "jalali":
        text += f" ({_span(first, last, _JALALI_MONTHS['en'])})"
    return text


def _ymd(value: date) -> Ymd:
    return value.year, value.month, value.day


def _span(first: Ymd, last: Ymd, months: tuple[str, ...]) -> str:
    """A date or a period in words: the year written once when both ends share it."""

    def words(ymd: Ymd, *, year: bool = True) -> str:
        text = f"{ymd[2]} {months[ymd[1] - 1]}"
        return f"{text} {ymd[0]}" if year else text

    if first == last:
        return words(first)
    return f"{words(first, year=first[0] != last[0])} – {words(last)}"


def _months_span(first: Ymd, last: Ymd) -> str | None:
    """Whole Solar Hijri months by name ("فروردین – اسفند ۱۴۰۳"), or None for other periods."""
    if first[2] != 1 or last[2] != jalali_month_days(last[0], last[1]):
        return None
    months = _JALALI_MONTHS["fa"]
    if first[:2] == last[:2]:
        return f"{months[first[1] - 1]} {first[0]}"
    head = months[first[1] - 1] if first[0] == last[0] else f"{months[first[1] - 1]} {first[0]}"
    return f"{head} – {months[last[1] - 1]} {last[0]}"


# ---------------------------------------------------------------------------------------------
# bidirectional text

#: FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE (Unicode bidi algorithm).
FSI, PDI = "\u2068", "\u2069"


def isolate(text: str) -> str:
    """``text`` as a bidi isolate, for a run of one direction inside text of the other.

    For plain text only (a terminal, a JSON sentence, a PDF caption): an English name in a
    Persian sentence keeps its own order and does not pull the punctuation next to it along.
    HTML marks such runs with ``dir``/``lang`` instead; a page's <title>, the images and the
    CSV downloads get no isolates (some readers show the marks as boxes). Empty text and text
    already isolated come back as they are.
    """
    if not text or (text.startswith(FSI) and text.endswith(PDI)):
        return text
    return f"{FSI}{text}{PDI}"


# ---------------------------------------------------------------------------------------------
# the reconciliation sentence


#: How a source qualifies its total (``Report.total_qualifier``), as the sentence says it.
QUALIFIERS: dict[str, dict[Lang, str]] = {
    "at least": {"en": "at least ", "fa": "دست‌کم "},
    "exactly": {"en": "", "fa": ""},
}


def reconciliation(
    lang: Lang,
    *,
    qualifier: str = "at least",
    reported: int,
    by_prison: int,
    by_province: int,
    not_itemized: int,
    prisons: int,
    provinces: int,
    unresolved: int,
    placeless: int = 0,
) -> str:
    """How a report's total reconciles, in one sentence (a caption under the map).

    ``reported = by_province + not_itemized``; ``by_prison`` is the part of ``by_province``
    the prisons account for, ``unresolved`` the rows that could not be placed, ``placeless``
    the part of ``not_itemized`` the report gives in rows naming no place ("Unknown
    prison"); ``qualifier`` is how the source qualifies its total: "526 of at least 1,000
    executions ...".
    """
    if qualifier not in QUALIFIERS:
        msg = f"total qualifier {qualifier!r} is not one of {', '.join(map(repr, QUALIFIERS))}"
        raise ValueError(msg)
    words = QUALIFIERS[qualifier][lang]
    counts = (reported, by_prison, by_province, not_itemized, prisons, provinces, unresolved)
    if lang == "fa":
        return _reconciliation_fa(words, *counts, placeless)
    return _reconciliation_en(words, *counts, placeless)


def _plural(count: int, one: str, many: str) -> str:
    return f"{count:,} {one if count == 1 else many}"


def _reconciliation_en(
    qualifier: str,
    reported: int,
    by_prison: int,
    by_province: int,
    not_itemized: int,
    prisons: int,
    provinces: int,
    unresolved: int,
    placeless: int,
) -> str:
    executions = "execution" if reported == 1 else "executions"
    unknown = f" ({placeless:,} of them in rows giving no place)" if placeless else ""
    in_provinces = _plural(provinces, "province", "provinces")
    if prisons == 0 and by_prison == 0:
        # No prison on the map: say so, rather than "0 ... in 0 prisons".
        if by_province == 0:
            text = f"None of {qualifier}{reported:,} {executions} itemized by province or prison"
        else:
            text = (
                f"{by_province:,} of {qualifier}{reported:,} {executions} itemized by "
                f"province, in {in_provinces}; none itemized by prison"
            )
        text += f"; {not_itemized:,} not itemized{unknown}."
        if unresolved:
            text += f" {_plural(unresolved, 'row', 'rows')} could not be placed."
        return text
    text = (
        f"{by_prison:,} of {qualifier}{reported:,} {executions} itemized by prison, "
        f"in {_plural(prisons, 'prison', 'prisons')}"
    )
    if by_province == by_prison:
        text += f" across {in_provinces}"
    else:
        text += f"; {by_province:,} itemized by province, in {in_provinces}"
    text += f"; {not_itemized:,} not itemized{unknown}."
    if unresolved:
        text += f" {_plural(unresolved, 'row', 'rows')} could not be placed."
    return text


def _reconciliation_fa(
    qualifier: str,
    reported: int,
    by_prison: int,
    by_province: int,
    not_itemized: int,
    prisons: int,
    provinces: int,
    unresolved: int,
    placeless: int,
) -> str:
    def n(value: int) -> str:
        return fmt_int(value, "fa")

    unknown = f" (که محل {n(placeless)} مورد از آن‌ها در گزارش نیامده است)" if placeless else ""

    if prisons == 0 and by_prison == 0:
        if by_province == 0:
            text = f"از {qualifier}{n(reported)} اعدام، هیچ موردی به تفکیک استان یا زندان"
        else:
            text = (
                f"از {qualifier}{n(reported)} اعدام، {n(by_province)} مورد به تفکیک استان "
                f"در {n(provinces)} استان ثبت شده و هیچ موردی به تفکیک زندان"
            )
        text += f" ثبت نشده است؛ {n(not_itemized)} مورد بدون تفکیک است{unknown}."
        if unresolved:
            text += f" {n(unresolved)} ردیف روی نقشه جای نگرفت."
        return text
    text = (
        f"از {qualifier}{n(reported)} اعدام، {n(by_prison)} مورد به تفکیک زندان "
        f"در {n(prisons)} زندان"
    )
    if by_province == by_prison:
        text += f" و {n(provinces)} استان"
    else:
        text += f" و {n(by_province)} مورد به تفکیک استان در {n(provinces)} استان"
    text += f" ثبت شده است؛ {n(not_itemized)} مورد بدون تفکیک است{unknown}."
    if unresolved:
        text += f" {n(unresolved)} ردیف روی نقشه جای نگرفت."
    return text
