"""Every colour, stroke and opacity of the maps, in one place.

The pages' script and style sheets, the gallery, the static images and the notebook maps all
read these values (the script gets them through the page's data, the map pages' style sheet
through CSS custom properties written from :func:`css_variables`, the other style sheets by
naming a constant of this module as ``${NAME}``, filled in by :func:`fill_in`), so a colour is
changed here once and a test pins that nothing else in ``src/`` writes one.
"""

from __future__ import annotations

import re
import string

# ColorBrewer YlOrRd by number of classes (Cynthia Brewer, colorbrewer2.org). 1 and 2 classes
# take colours from the middle of the 3-class scheme so a single class is not near-white.
PALETTES: dict[int, tuple[str, ...]] = {
    1: ("#fd8d3c",),
    2: ("#feb24c", "#e31a1c"),
    3: ("#ffeda0", "#feb24c", "#f03b20"),
    4: ("#ffffb2", "#fecc5c", "#fd8d3c", "#e31a1c"),
    5: ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"),
    6: ("#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#f03b20", "#bd0026"),
    7: ("#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#b10026"),
    8: ("#ffffcc", "#ffeda0", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#b10026"),
    9: (
        "#ffffcc",
        "#ffeda0",
        "#fed976",
        "#feb24c",
        "#fd8d3c",
        "#fc4e2a",
        "#e31a1c",
        "#bd0026",
        "#800026",
    ),
}
#: ColorBrewer RdBu for 1, 2 and 3 classes on each side, from the largest fall (blue) through
#: no change to the largest rise (red): the change map's diverging palette.
DIVERGING: dict[int, tuple[str, ...]] = {
    1: ("#67a9cf", "#f7f7f7", "#ef8a62"),
    2: ("#0571b0", "#92c5de", "#f7f7f7", "#f4a582", "#ca0020"),
    3: ("#2166ac", "#67a9cf", "#d1e5f0", "#f7f7f7", "#fddbc7", "#ef8a62", "#b2182b"),
}

NOT_ITEMIZED_FILL = "#d4d4d4"  # neutral grey, not a YlOrRd colour; hatched on the map
NOT_ITEMIZED_HATCH = "#7a7a7a"
NO_POPULATION_FILL = "#f0f0f0"  # itemized, but no population to divide by
# None reported: the report places its whole total elsewhere. White, outside YlOrRd (whose
# lightest class is a yellow), plain: a figure of zero the report gives, not a gap.
NONE_REPORTED_FILL = "#ffffff"
PATTERN_FG = "#333333"  # dots and stripes of the change map's newly / no longer itemized

PROVINCE_EDGE = "#595959"  # outline of a shaded province
PROVINCE_EDGE_WIDTH = 0.8  # px on the page
PROVINCE_OPACITY = 1.0  # provinces are opaque: their colour is the figure's class
PROVINCE_HOVER_EDGE = "#111111"
PROVINCE_HOVER_WIDTH = 2.5
BASE_FILL = "#f5f3ee"  # provinces of a map that does not shade them (the points map)
BASE_EDGE = "#9a9a9a"
BACKGROUND = "#dfe7ec"  # the sea and the neighbours: everything outside Iran

CIRCLE_FILL = "#2166ac"
#: Circles are outlined and lightly filled, so the province's class colour shows through.
CIRCLE_STROKE = "#08306b"
CIRCLE_STROKE_WIDTH = 1.5
CIRCLE_OPACITY = 0.2
# The dash of a circle placed at its city's centre (the site is not known): page and images.
CITY_DASH = "4 3"
MAX_RADIUS = 28.0  # px, the largest prison
MIN_RADIUS = 2.0  # px, so that a prison with a tiny count can still be seen and hovered

TEXT = "#1b1b1b"
MUTED = "#404040"
LINK = "#0b5394"
PAPER = "#ffffff"  # the page, the legend, the background of the change map's patterns
PATTERN_BG = PAPER
RULE = "#d6d6d6"  # lines between the page's parts and boxes
RULE_LIGHT = "#e2e2e2"  # lines between table rows
SHADOW = "rgba(0,0,0,.25)"  # the floating legend's shadow
CONTROL_EDGE = PROVINCE_EDGE  # the outline of the timeline's buttons and the legend swatches
BAR_FILL = BASE_EDGE  # a step's bar on the timeline
BAR_CURRENT = "#b10026"  # the bar of the step shown (YlOrRd's darkest red)
LEGEND_EDGE = "#b8b8b8"  # the outline of the notebook map's legend box

#: The gallery's own, quieter palette (text, secondary text, lines, links).
GALLERY_INK = "#1f2328"
GALLERY_MUTED = "#57606a"
GALLERY_LINE = "#d0d7de"
GALLERY_ACCENT = "#9a1c1c"
GALLERY_LINK = "#0b57a4"

_LONG_HEX = re.compile(r"#([0-9a-f])\1([0-9a-f])\2([0-9a-f])\3")


def short(colour: str) -> str:
    """A colour as a style sheet writes it: ``#ffffff`` as ``#fff``, others as they are."""
    return _LONG_HEX.sub(r"#\1\2\3", colour) if len(colour) == 7 else colour


def fill_in(sheet: str) -> str:
    """A style sheet whose ``${NAME}`` are the constants of this module (colours in their
    short form); KeyError for a name this module does not define."""
    values = {k: short(v) for k, v in globals().items() if k.isupper() and isinstance(v, str)}
    return string.Template(sheet).substitute(values)


def css_variables() -> str:
    """The colours the style sheet uses, as CSS custom properties on ``:root``."""
    values = {
        "--im-text": TEXT,
        "--im-muted": MUTED,
        "--im-link": LINK,
        "--im-edge": PROVINCE_EDGE,
        "--im-ni": NOT_ITEMIZED_FILL,
        "--im-ni-hatch": NOT_ITEMIZED_HATCH,
        "--im-none": NONE_REPORTED_FILL,
        "--im-background": BACKGROUND,
        "--im-circle": CIRCLE_FILL,
        "--im-circle-stroke": CIRCLE_STROKE,
        "--im-circle-opacity": str(CIRCLE_OPACITY),
        "--im-paper": PAPER,
        "--im-rule": RULE,
        "--im-rule-light": RULE_LIGHT,
        "--im-rule-strong": BASE_EDGE,
        "--im-shadow": SHADOW,
    }
    return ":root{" + ";".join(f"{k}:{v}" for k, v in values.items()) + "}"


def script_style() -> dict[str, object]:
    """What the page's script needs to draw provinces and circles like the images do."""
    return {
        "ni": NOT_ITEMIZED_FILL,
        "hatch": NOT_ITEMIZED_HATCH,
        "nopop": NO_POPULATION_FILL,
        "none": NONE_REPORTED_FILL,
        "edge": PROVINCE_EDGE,
        "edgeWidth": PROVINCE_EDGE_WIDTH,
        "provinceOpacity": PROVINCE_OPACITY,
        "hoverEdge": PROVINCE_HOVER_EDGE,
        "hoverWidth": PROVINCE_HOVER_WIDTH,
        "baseFill": BASE_FILL,
        "baseEdge": BASE_EDGE,
        "circleFill": CIRCLE_FILL,
        "circleStroke": CIRCLE_STROKE,
        "circleWidth": CIRCLE_STROKE_WIDTH,
        "circleOpacity": CIRCLE_OPACITY,
        "cityDash": CITY_DASH,
        "minRadius": MIN_RADIUS,
        "maxRadius": MAX_RADIUS,
    }
