"""Static images of a report's maps, in every language: PNG and SVG for print and slides,
and a 1200 x 630 PNG card for link previews.

The images show what the interactive pages show, with the same classes, colours
(:mod:`iranmap.style`), hatch and circle scale: the title, what the map shows and the period,
the reconciliation sentence, a legend with the class ranges and a hatched "Not itemized"
swatch (or a circle size key), labels naming the largest figures, the source line and the
credit. A static image has no tooltip, so the labels and the totals beside the legend carry
what a reader would otherwise hover for.

The SVG is written here from the geometry the pages use, with its text as text; resvg draws
the PNG from it with the fonts bundled in ``iranmap/render/fonts`` (Noto Sans and Noto Sans
Arabic), which shape Persian: letters joined, lines right to left. Nothing reads the
system's fonts or settings, so the same input gives the same bytes on any machine.

File names: ``choropleth.png``, ``choropleth.svg``, ``choropleth.card.png`` (and the card as
``choropleth.card.svg``) in English,
``choropleth.fa.png`` ... in Persian, and the same for ``points``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from iranmap.i18n import LANGS, Lang, file_name
from iranmap.render.static.compose import KINDS, ImageKind

if TYPE_CHECKING:
    from iranmap import raster
    from iranmap.join import Joined
    from iranmap.render.options import BuildOptions


def image_names(kind: ImageKind, lang: Lang) -> tuple[str, str, str, str]:
    """The PNG, SVG, card PNG and card SVG file names of one kind in one language."""
    return (
        file_name(kind, lang, "png"),
        file_name(kind, lang, "svg"),
        file_name(kind, lang, "card.png"),
        file_name(kind, lang, "card.svg"),
    )


def all_names(langs: Sequence[Lang] = LANGS) -> tuple[str, ...]:
    """Every image file name a report gets in ``langs``, sorted."""
    return tuple(sorted(n for lang in langs for kind in KINDS for n in image_names(kind, lang)))


def kinds_for(joined: Joined) -> tuple[ImageKind, ...]:
    """The image kinds a report can fill: those of its pages (:func:`iranmap.render.kinds_for`);
    a report without a prison on the map gets no prison image or card."""
    from iranmap.render import kinds_for as page_kinds

    pages = page_kinds(joined)
    return tuple(kind for kind in KINDS if kind in pages)


def render_images(joined: Joined, options: BuildOptions) -> dict[str, bytes]:
    """Every image of ``joined`` in each language of ``options``, by file name, as bytes: each
    kind the report can fill (:func:`kinds_for`).

    Classes, measure and colours follow ``options`` as the pages do; each language gets its
    own files.
    """
    from iranmap.raster import Drawing

    with Drawing() as drawing:
        files = images_to_draw(joined, options, drawing)
        files.update(drawing.drawn())
    return files


def images_to_draw(
    joined: Joined, options: BuildOptions, drawing: raster.Drawing
) -> dict[str, bytes]:
    """:func:`render_images`'s SVG files, by name; each PNG is handed to ``drawing`` as soon
    as its SVG is made, to be drawn while the next are made."""
    from iranmap.render.choropleth import build_choropleth
    from iranmap.render.points import build_points
    from iranmap.render.static.compose import Layers, card_image, full_title, map_image
    from iranmap.render.static.svg import png_job

    layers = Layers(joined, build_choropleth(joined, options.render), build_points(joined))
    files: dict[str, bytes] = {}
    for lang in options.langs:
        description = joined.reconciliation.sentence(lang)
        for kind in kinds_for(joined):
            png_name, svg_name, card_name, card_svg_name = image_names(kind, lang)
            title = full_title(joined, kind, lang)
            svg = map_image(layers, kind, lang).document(title, description)
            files[svg_name] = svg.encode("utf-8")
            drawing.add(png_name, png_job(svg, title, description))
            card = card_image(layers, kind, lang).document(title, description)
            files[card_svg_name] = card.encode("utf-8")
            drawing.add(card_name, png_job(card, title, description))
    return files


__all__ = [
    "KINDS",
    "ImageKind",
    "all_names",
    "image_names",
    "images_to_draw",
    "kinds_for",
    "render_images",
]
