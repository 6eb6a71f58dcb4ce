"""Words and step names of the timeline page and the small multiples, in English and Persian.

A step is named in the page's language and in the report's calendar: "January 2025",
"ژانویه ۲۰۲۵", "Dey 1403", "دی ۱۴۰۳", "Q1 2025", a week as its days ("1–7 January 2025").
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from iranmap import i18n
from iranmap.calendars import Calendar, ymd
from iranmap.i18n import Lang
from iranmap.render import _lang

if TYPE_CHECKING:  # annotations only: the gallery reads this module's words, and no step
    from iranmap.steps import Step, Timeline


def text(lang: Lang, key: str, **values: str) -> str:
    """The timeline's word ``key`` in ``lang``: :func:`iranmap.i18n.text` of ``timeline.key``."""
    return i18n.text(lang, f"timeline.{key}", **values)


def publisher(timeline: Timeline, lang: Lang) -> str:
    """Who published a timeline's reports, in ``lang`` where one of them says (``publisher_fa``:
    the latest that does), else as the latest report writes it."""
    for report in reversed(timeline.reports):
        text, text_lang = _lang.report_text(report, "publisher", lang)
        if text_lang == lang and text:
            return text
    return timeline.reports[-1].publisher


def title_parts(timeline: Timeline, lang: Lang) -> tuple[str | None, str]:
    """The title as (the publisher, the rest): the report's own title for a report (its
    ``title_fa`` in Persian where it gives one); for a series (whose name is a slug), its
    publisher (:func:`publisher`), and how many reports over which period."""
    if timeline.series is None:
        return None, _lang.report_text(timeline.reports[0], "title", lang)[0]
    first, last = timeline.steps[0], timeline.steps[-1]
    rest = text(
        lang,
        "series.title",
        n=i18n.fmt_int(len(timeline.reports), lang),
        period=i18n.period(first.start, last.end, lang, timeline.calendar),
    )
    return publisher(timeline, lang), rest


def title(timeline: Timeline, lang: Lang = "en") -> str:
    """The title as plain text ("Hengaw ...: 6 reports, 1 January – 30 June 2024")."""
    publisher, rest = title_parts(timeline, lang)
    return rest if publisher is None else f"{publisher}: {rest}"


def page_title(timeline: Timeline, lang: Lang) -> str:
    """The ``<title>`` of the page and the small multiples."""
    kind = text(lang, kind_key(timeline))
    return i18n.text(lang, "embed_title", title=title(timeline, lang), kind=kind)


def kind_key(timeline: Timeline) -> str:
    """What the timeline steps through: "kind.month", ...; a series of whole months steps
    month by month, another series report by report."""
    if timeline.kind == "report" and all(
        _whole_month(s, timeline.calendar) for s in timeline.steps
    ):
        return "kind.month"
    return f"kind.{timeline.kind}"


def figure(n: int, lang: Lang, *, at_least: bool = False) -> str:
    """ "87 executions", "۸۷ اعدام"; "at least 87 executions", "دست‌کم ۸۷ اعدام"."""
    key = f"figure.{'least.' if at_least else ''}{'one' if n == 1 else 'many'}"
    return text(lang, key, n=i18n.fmt_int(n, lang))


def fmt_day(day: date, calendar: Calendar, lang: Lang) -> str:
    """A day in words in ``calendar``: "2 January 2025", "13 Dey 1403", "۱۳ دی ۱۴۰۳"."""
    year, month, number = ymd(day, calendar)
    return i18n.digits(f"{number} {_months(calendar, lang)[month - 1]} {year}", lang)


def fmt_days(start: date, end: date, calendar: Calendar, lang: Lang) -> str:
    """A span of days, the shared month and year written once: "1–7 January 2025"."""
    y1, m1, d1 = ymd(start, calendar)
    y2, m2, d2 = ymd(end, calendar)
    names = _months(calendar, lang)
    if start == end:
        return fmt_day(start, calendar, lang)
    if (y1, m1) == (y2, m2):
        text = f"{d1}–{d2} {names[m2 - 1]} {y2}"
    elif y1 == y2:
        text = f"{d1} {names[m1 - 1]} – {d2} {names[m2 - 1]} {y2}"
    else:
        return f"{fmt_day(start, calendar, lang)} – {fmt_day(end, calendar, lang)}"
    return i18n.digits(text, lang)


def step_label(step: Step, timeline: Timeline, lang: Lang) -> str:
    """The step's name on the slider, the bars and the small multiples."""
    calendar = timeline.calendar
    year, month, _ = ymd(step.start, calendar)
    kind = timeline.kind
    if kind == "report":
        kind = "month" if _whole_month(step, calendar) else "days"
    if kind == "month":
        return i18n.digits(f"{_months(calendar, lang)[month - 1]} {year}", lang)
    if kind == "quarter":
        quarter = (month - 1) // 3 + 1
        text = f"Q{quarter} {year}" if lang == "en" else f"فصل {quarter} {year}"
        return i18n.digits(text, lang)
    if kind == "year":
        return i18n.digits(str(year), lang)
    return fmt_days(step.start, step.end, calendar, lang)


def short_label(step: Step, timeline: Timeline, lang: Lang) -> str:
    """A bar's caption: the month's first three letters (whole name in Persian), or the day."""
    calendar = timeline.calendar
    year, month, day = ymd(step.start, calendar)
    if timeline.kind == "month" or (timeline.kind == "report" and _whole_month(step, calendar)):
        name = _months(calendar, lang)[month - 1]
        return name[:3] if lang == "en" else name
    if timeline.kind == "quarter":
        return i18n.digits(f"Q{(month - 1) // 3 + 1}", lang)
    if timeline.kind == "year":
        return i18n.digits(str(year), lang)
    return i18n.digits(f"{day}/{month}", lang)


def _whole_month(step: Step, calendar: Calendar) -> bool:
    y1, m1, d1 = ymd(step.start, calendar)
    following = date.fromordinal(step.end.toordinal() + 1)
    y2, m2, d2 = ymd(following, calendar)
    return d1 == 1 and d2 == 1 and (y2 * 12 + m2) - (y1 * 12 + m1) == 1


def _months(calendar: Calendar, lang: Lang) -> tuple[str, ...]:
    return i18n.month_names(lang, calendar)
