"""Words only the images use, in each language, and the credit line.

Everything else an image says comes from :mod:`iranmap.i18n` (the pages' words) or
from the report itself, so that image and page say the same thing the same way.
"""

from __future__ import annotations

from iranmap.i18n import Lang

#: The credit line at the foot of every image: where the boundaries come from and who drew
#: the map. The one place to change it.
CREDIT: dict[Lang, str] = {
    "en": "Boundaries © OpenStreetMap contributors (ODbL) · Made with iranmap",
    "fa": "مرزها: \u2066© OpenStreetMap contributors (ODbL)\u2069؛ ساخته‌شده با iranmap",
}

WORDS: dict[Lang, dict[str, str]] = {
    "en": {
        "not_itemized_note": "No figure in the report, not zero",
        "labels_note": "Labels name the largest figures; every figure is in the data files.",
        "approximate": "{n} of {total} placed at their city's centre (approximate).",
        "all_approximate": "All placed at their city's centre (approximate).",
        "prisons_mapped": "Prisons on the map",
        "source": "Source: {publisher}, “{title}”, {date}",
    },
    "fa": {
        "not_itemized_note": "گزارش رقمی نمی‌دهد؛ صفر نیست",
        "labels_note": "برچسب‌ها بزرگ‌ترین ارقام را نام می‌برند؛ همهٔ ارقام در فایل‌های داده آمده‌اند.",
        "approximate": "{n} از {total} در مرکز شهرشان (تقریبی) نشان داده شده‌اند.",
        "all_approximate": "همه در مرکز شهرشان (تقریبی) نشان داده شده‌اند.",
        "prisons_mapped": "زندان‌های روی نقشه",
        "source": "منبع: {publisher}، «{title}»، {date}",
    },
}


def word(lang: Lang, key: str, **values: str) -> str:
    template = WORDS[lang][key]
    return template.format(**values) if values else template
