"""Write ``src/iranmap/render/fonts/metrics.json``: the advance widths of the bundled fonts.

The static images lay text out (wrap lines, size boxes, keep labels apart) before resvg draws
it, so they need each character's width. Reading the fonts with fontTools at build time
would cost a quarter of a second; this file holds what the layout needs, read in a few
milliseconds: per font the units per em, the ascent and descent, every mapped character's
advance and, for Arabic letters, the advances of their initial, medial and final forms
(taken from the font's ``init``/``medi``/``fina`` substitutions).

Run after changing a font: ``.venv/bin/python scripts/font_metrics.py``. A test checks that
the file matches the fonts.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

FONTS = Path(__file__).resolve().parents[1] / "src" / "iranmap" / "render" / "fonts"
NAMES = ("NotoSans-Regular", "NotoSans-Bold", "NotoSansArabic-Regular", "NotoSansArabic-Bold")
FORMS = ("init", "medi", "fina")


def _substitutions(font: Any, feature: str) -> dict[str, str]:
    """Single substitutions of one GSUB feature, glyph name to glyph name."""
    if "GSUB" not in font:
        return {}
    table = font["GSUB"].table
    found: dict[str, str] = {}
    for record in table.FeatureList.FeatureRecord:
        if record.FeatureTag != feature:
            continue
        for index in record.Feature.LookupListIndex:
            lookup = table.LookupList.Lookup[index]
            for sub in lookup.SubTable:
                if lookup.LookupType == 7:  # extension: the real subtable is inside
                    sub = sub.ExtSubTable
                mapping = getattr(sub, "mapping", None)
                if mapping:
                    for source, target in mapping.items():
                        found.setdefault(source, target)
    return found


def font_metrics(path: Path) -> dict[str, Any]:
    """What the layout needs of one font file."""
    from fontTools.ttLib import TTFont

    font = TTFont(path)
    cmap = font.getBestCmap()
    hmtx = font["hmtx"].metrics
    advances = {str(cp): hmtx[name][0] for cp, name in sorted(cmap.items())}
    substitutions = {form: _substitutions(font, form) for form in FORMS}
    forms: dict[str, list[int | None]] = {}
    for cp, name in sorted(cmap.items()):
        widths = [
            hmtx[substitutions[form][name]][0] if name in substitutions[form] else None
            for form in FORMS
        ]
        if any(w is not None for w in widths):
            forms[str(cp)] = widths
    return {
        "upm": font["head"].unitsPerEm,
        "ascent": font["hhea"].ascent,
        "descent": font["hhea"].descent,
        "advances": advances,
        "forms": forms,
    }


def metrics() -> dict[str, Any]:
    return {name: font_metrics(FONTS / f"{name}.ttf") for name in NAMES}


def main() -> int:
    text = json.dumps(metrics(), sort_keys=True, separators=(",", ":"))
    (FONTS / "metrics.json").write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
