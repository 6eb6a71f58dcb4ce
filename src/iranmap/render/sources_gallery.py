"""A comparison's entry in the gallery: its title, range, pages, downloads and chart."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from iranmap import i18n
from iranmap.i18n import Lang
from iranmap.render import _lang
from iranmap.render.html import Html, tag
from iranmap.render.options import LANG_NAMES
from iranmap.render.sources import PAGE_NAMES


def gallery_item(summary: Mapping[str, Any], lang: Lang) -> Html:
    """A comparison in the gallery: its title, range, pages, downloads and image."""
    from iranmap.render.gallery import report_href
    from iranmap.render.static.sources import image_names

    cid = str(summary["id"])
    files = set(summary.get("files", ()))
    sentence = summary["sentence"]
    own, own_lang = _lang.own(lang, str(summary["title"]), summary.get("title_fa"))
    image = image_names(lang)[0]
    pages = [
        tag(
            "a",
            {"href": report_href(cid, PAGE_NAMES[page_lang]), "hreflang": page_lang},
            i18n.text(page_lang, "kind.sources"),
            f" ({LANG_NAMES[page_lang]})",
        )
        for page_lang in i18n.LANGS
        if PAGE_NAMES[page_lang] in files
    ]
    downloads = [
        tag("bdi", {"dir": "ltr"}, tag("a", {"href": report_href(cid, name)}, name), " ")
        for name in sorted(files)
        if name.endswith((".csv", ".png", ".svg"))
    ]
    return tag(
        "li",
        {"class": "report comparison", "id": cid.replace("/", "-")},
        tag("h2", None, _lang.isolated(own, own_lang, lang)),
        tag("p", {"class": "meta"}, i18n.text(lang, "gallery.comparisons")),
        tag("p", None, tag("bdi", None, sentence.get(lang) or sentence["en"])),
        tag(
            "img",
            {
                "src": report_href(cid, image),
                "alt": f"{i18n.text(lang, 'sources.chart')}: {own}",
                "loading": "lazy",
            },
        )
        if image in files
        else None,
        tag("p", {"class": "maps"}, *pages),
        tag("p", {"class": "maps"}, f"{i18n.text(lang, 'gallery.downloads')}: ", *downloads),
    )
