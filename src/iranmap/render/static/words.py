"""The credit line of the images, and the lookup of the words only the images use.

Those words are in the one table of :mod:`iranmap._texts` (as ``image.<key>``); everything
else an image says is the pages' words or the report's own, so that image and page say the
same thing the same way.
"""

from __future__ import annotations

from iranmap import i18n
from iranmap.i18n import Lang

#: The credit line at the foot of every image: where the boundaries come from and who drew
#: the map. The one place to change it.
CREDIT: dict[Lang, str] = {
    "en": "Boundaries © OpenStreetMap contributors (ODbL) · Made with iranmap",
    "fa": "مرزها: © مشارکت‌کنندگان \u2066OpenStreetMap\u2069 (ODbL)؛ ساخته‌شده با iranmap",
}


def word(lang: Lang, key: str, **values: str) -> str:
    """The images' word ``key`` in ``lang``: :func:`iranmap.i18n.text` of ``image.key``."""
    return i18n.text(lang, f"image.{key}", **values)
