"""Which of two names, direction and language a page in ``lang`` shows: decided here once.

The words themselves are i18n's; this module only chooses between the English and Persian
versions of a report's or the gazetteer's names, so that no renderer branches on the
language itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from iranmap import i18n
from iranmap.i18n import LANGS, Lang
from iranmap.render.html import Html, tag

if TYPE_CHECKING:
    from iranmap.reports import Report


def other(lang: Lang) -> Lang:
    """The page's other language: Persian for English, English for Persian."""
    return next(candidate for candidate in LANGS if candidate != lang)


def direction(lang: Lang) -> str:
    """ "ltr" or "rtl", for ``dir`` attributes."""
    return i18n.DIRS[lang]


def own(lang: Lang, en: str | None, fa: str | None) -> tuple[str, Lang]:
    """The name a page in ``lang`` shows, and the language it is in: the page's own where
    it is known, else English (the caller marks it as such)."""
    versions: dict[Lang, str | None] = {"en": en, "fa": fa}
    if versions[lang]:
        return str(versions[lang]), lang
    return en or "", "en"


def both(lang: Lang, en: str, fa: str) -> tuple[str, str]:
    """(the name in the page's language, the name in the other one)."""
    versions: dict[Lang, str] = {"en": en, "fa": fa}
    return versions[lang], versions[other(lang)]


def report_text(report: Report, name: str, lang: Lang) -> tuple[str, Lang]:
    """A report's text field ``name`` ("title", "publisher", "notes", "source_title") as a
    page in ``lang`` shows it: the Persian version (``title_fa`` ...) on Persian pages where
    the report gives one, else the English one; and the language it is in."""
    english = getattr(report, name) or ""
    return own(lang, english, getattr(report, f"{name}_fa", None))


def isolated(text: str, text_lang: Lang, page_lang: Lang) -> Html:
    """Text from a report, isolated (``<bdi>``) so that its direction cannot disturb the
    sentence around it; marked with its ``lang`` and ``dir`` where it is not the page's."""
    if text_lang == page_lang:
        return tag("bdi", None, text)
    return tag("bdi", {"lang": text_lang, "dir": i18n.DIRS[text_lang]}, text)
