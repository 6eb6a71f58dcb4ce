"""Text for the images: cleaned for XML, measured with the bundled fonts' widths, wrapped.

Widths come from ``fonts/metrics.json`` (written from the font files by
``scripts/font_metrics.py``): each character's advance in the first font of the image's
font list that has it, as resvg picks them, and for Arabic letters the advance of the form
the letter takes between its neighbours (initial, medial, final or isolated). Kerning and
ligatures are left out, so a measured width is within a few per cent of the drawn one; the
layout leaves room for that.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from iranmap.i18n import Lang
from iranmap.raster import FONT_DIR

LATIN = "Noto Sans"
ARABIC = "Noto Sans Arabic"
#: The fonts of an image in the order they are tried for each character: the script of the
#: image's language first, so that digits and punctuation match the words around them.
FAMILIES: dict[Lang, tuple[str, str]] = {"en": (LATIN, ARABIC), "fa": (ARABIC, LATIN)}

FSI = "\u2068"  # first strong isolate: a run whose direction its own letters decide
RLI = "\u2067"  # right-to-left isolate
PDI = "\u2069"  # pop directional isolate
ELLIPSIS = "\u2026"

# XML 1.0 allows tab, newline and carriage return among the C0 controls, and no surrogates
# or U+FFFE/U+FFFF; C1 controls are allowed but mean nothing in a caption. Explicit bidi
# embeddings, overrides and isolates in report text are dropped too: the images add their
# own, balanced, and a stray one could reorder the rest of a line.
_DROP = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u202a-\u202e\u2066-\u2069]"
)
_SPACE = re.compile(r"\s+")


def clean(text: str) -> str:
    """``text`` as one line that XML 1.0 can hold: controls dropped, white space collapsed."""
    return _SPACE.sub(" ", _DROP.sub("", text)).strip()


def isolate(text: str) -> str:
    """``text`` (report text, a name) as a run that keeps its own direction inside a line."""
    return f"{FSI}{clean(text)}{PDI}"


@dataclass(frozen=True)
class _Font:
    upm: float
    ascent: float
    descent: float
    advances: dict[int, int]
    forms: dict[int, tuple[int | None, int | None, int | None]]  # init, medi, fina


@cache
def _fonts() -> dict[str, _Font]:
    raw: dict[str, Any] = json.loads((FONT_DIR / "metrics.json").read_text(encoding="utf-8"))
    return {
        name: _Font(
            float(m["upm"]),
            float(m["ascent"]),
            float(m["descent"]),
            {int(k): int(v) for k, v in m["advances"].items()},
            {int(k): (v[0], v[1], v[2]) for k, v in m["forms"].items()},
        )
        for name, m in raw.items()
    }


def _font_name(family: str, bold: bool) -> str:
    return f"{family.replace(' ', '')}-{'Bold' if bold else 'Regular'}"


def _transparent(ch: str) -> bool:
    """Marks (harakat) sit on a letter and do not break the joining around them."""
    return unicodedata.category(ch) in ("Mn", "Me")


def _joins_back(font: _Font, ch: str) -> bool:
    """Whether ``ch`` can join the letter before it (it has a final form)."""
    forms = font.forms.get(ord(ch))
    return forms is not None and forms[2] is not None


def _joins_forward(font: _Font, ch: str) -> bool:
    """Whether ``ch`` can join the letter after it (it has an initial form)."""
    forms = font.forms.get(ord(ch))
    return forms is not None and forms[0] is not None


@lru_cache(maxsize=8192)
def width(text: str, size: float, lang: Lang, bold: bool = False) -> float:
    """How wide ``text`` is drawn at ``size`` px in an image in ``lang``, in px.

    Wrapping measures the same words again and again, so widths are remembered.
    """
    fonts = _fonts()
    return sum(
        _run_width(run, fonts[_font_name(family, bold)], size) for family, run in runs(text, lang)
    )


def _run_width(run: str, font: _Font, size: float) -> float:
    total = 0.0
    for i, ch in enumerate(run):
        cp = ord(ch)
        if cp not in font.advances:
            if unicodedata.category(ch) not in ("Cf", "Mn", "Me"):
                total += 0.6 * size  # a missing glyph's box; isolates and joiners take none
            continue
        advance = float(font.advances[cp])
        forms = font.forms.get(cp)
        if forms is not None:
            before = next((c for c in reversed(run[:i]) if not _transparent(c)), "")
            after = next((c for c in run[i + 1 :] if not _transparent(c)), "")
            back = bool(before) and _joins_forward(font, before) and forms[2] is not None
            forward = bool(after) and forms[0] is not None and _joins_back(font, after)
            form = (forms[1] if forward else forms[2]) if back else forms[0] if forward else None
            if form is not None:
                advance = float(form)
        total += advance / font.upm * size
    return total


@lru_cache(maxsize=8192)
def runs(text: str, lang: Lang) -> tuple[tuple[str, str], ...]:
    """``text`` cut into runs of one font family each, as :func:`width` measures them: a
    letter takes the first of the image's families that has it; digits, punctuation and
    spaces stay in the family of the letters before them when it has them (so ", 2024"
    after a Latin word is Latin); characters no font has (isolates, joiners) stay in the
    run they are in.

    The image names each run's family itself: resvg would take a missing character from
    whichever font it loaded first, in any weight.
    """
    fonts = _fonts()
    families = FAMILIES[lang]
    has = {family: fonts[_font_name(family, False)].advances for family in families}
    found: list[tuple[str, str]] = []
    for ch in text:
        cp = ord(ch)
        previous = found[-1][0] if found else None
        category = unicodedata.category(ch)
        if category == "Cf":  # isolates, joiners: invisible, in whichever run they are
            family = previous or families[0]
        elif previous is not None and not category.startswith("L") and cp in has[previous]:
            family = previous
        else:
            family = next((f for f in families if cp in has[f]), previous or families[0])
        if found and found[-1][0] == family:
            found[-1] = (family, found[-1][1] + ch)
        else:
            found.append((family, ch))
    return tuple(found)


def wrap(
    text: str,
    size: float,
    limit: float,
    lang: Lang,
    *,
    bold: bool = False,
    max_lines: int | None = None,
) -> list[str]:
    """``text`` broken at spaces into lines no wider than ``limit`` px.

    A word wider than a line is cut (with an ellipsis); past ``max_lines`` the last line ends
    with an ellipsis. Isolates (FSI ... PDI) broken across lines are closed at the end of
    each line and opened again at the start of the next, so every line is balanced.
    """
    lines: list[str] = []
    for word in text.split(" "):
        if not word:
            continue
        if lines and width(f"{lines[-1]} {word}", size, lang, bold) <= limit:
            lines[-1] = f"{lines[-1]} {word}"
            continue
        if width(word, size, lang, bold) > limit:
            word = truncate(word, size, limit, lang, bold=bold)
        lines.append(word)
    if max_lines is not None and len(lines) > max_lines:
        kept = lines[:max_lines]
        kept[-1] = truncate(
            f"{kept[-1]} {lines[max_lines]}", size, limit, lang, bold=bold, force=True
        )
        lines = kept
    return _balanced(lines) or [""]


def truncate(
    text: str, size: float, limit: float, lang: Lang, *, bold: bool = False, force: bool = False
) -> str:
    """``text`` cut to fit ``limit`` px with an ellipsis (always one when ``force``)."""
    if not force and width(text, size, lang, bold) <= limit:
        return text
    cut = text
    while cut and width(f"{cut}{ELLIPSIS}", size, lang, bold) > limit:
        cut = cut[: max(0, len(cut) - max(1, len(cut) // 8))] if len(cut) > 40 else cut[:-1]
    return f"{cut.rstrip()}{ELLIPSIS}"


def _balanced(lines: Sequence[str]) -> list[str]:
    out = []
    depth = 0
    for line in lines:
        start = depth
        for ch in line:
            if ch in (FSI, RLI):
                depth += 1
            elif ch == PDI and depth:
                depth -= 1
        # An ellipsis may have cut a closing PDI off: close what this line leaves open.
        out.append(FSI * start + line + PDI * depth)
    return out


def xml(text: str) -> str:
    """Text content or attribute value, escaped (``text`` is already :func:`clean`)."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )
