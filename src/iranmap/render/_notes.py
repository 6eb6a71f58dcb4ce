"""Notes a report's header adds when it has them: what it revises, its figures by grade,
its headline facts.
The page of a comparison says the same beside each source."""

from __future__ import annotations

from iranmap import i18n
from iranmap.i18n import Lang
from iranmap.render import _lang
from iranmap.render.html import Html, join, tag
from iranmap.reports import Fact, Report
from iranmap.reports._revision import Revision


def revision_note(report: Report, lang: Lang) -> Html | None:
    """ "Revised from 834, published 12 January 2024" on a report that revises another."""
    from iranmap.reports._revision import revision_of

    rev = revision_of(report)
    if rev is None:
        return None
    return tag("p", {"class": "im-rec im-revised"}, revised_words(rev, lang))


def grades_text(report: Report, lang: Lang) -> str | None:
    """ "By grade: official 12 · confirmed 30 · ungraded 58", or None when nothing is graded."""
    from iranmap.reports._grades import report_grades

    grades = report_grades(report)
    if not grades:
        return None
    parts = [f"{i18n.text(lang, f'grade.{g}')} {i18n.fmt_int(n, lang)}" for g, n in grades.items()]
    return f"{i18n.text(lang, 'grades')}: " + " · ".join(parts)


def grades_note(report: Report, lang: Lang) -> Html | None:
    text = grades_text(report, lang)
    return None if text is None else tag("p", {"class": "im-rec im-grades"}, text)


def revised_words(rev: Revision, lang: Lang) -> str:
    """The earlier figure of a revision and when it was published, in the page's words."""
    total = i18n.fmt_int(rev.total, lang)
    if rev.total_qualifier != "exactly":
        total = i18n.text(lang, "sources.at_least", n=total)
    day = i18n.day(rev.published, lang, rev.calendar)
    return i18n.text(lang, "sources.revised", total=total, date=day)


def facts_box(report: Report, lang: Lang) -> Html | None:
    """Headline facts, in a disclosure the script closes on narrow screens."""
    if not report.facts:
        return None
    t = i18n.TEXTS[lang]
    return tag(
        "details",
        {"class": "im-facts-box", "open": True},
        tag("summary", None, f"{t['facts']} ({i18n.fmt_int(len(report.facts), lang)})"),
        tag("ul", {"class": "im-facts"}, *(_fact(f, lang) for f in report.facts)),
    )


def _fact(fact: Fact, lang: Lang) -> Html:
    """ "Label: value unit", each in the page's language where the report gives it."""
    label, label_lang = _lang.own(lang, fact.label, fact.label_fa)
    value = i18n.fmt_number(fact.value, lang)
    unit, unit_lang = _lang.own(lang, fact.unit, fact.unit_fa)
    shown: Html
    if fact.unit == "%":
        shown = tag("bdi", None, i18n.text(lang, "percent", value=value))
    elif unit:
        shown = join([tag("bdi", None, value), " ", _lang.isolated(unit, unit_lang, lang)])
    else:
        shown = tag("bdi", None, value)
    return tag("li", None, _lang.isolated(label, label_lang, lang), ": ", tag("b", None, shown))
