"""The map options of ``iranmap build``: languages, classes, measure, base layer, assets."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import click

from iranmap.calendars import StepKind
from iranmap.classify import SCHEMES
from iranmap.errors import InputError, Problem
from iranmap.i18n import LANGS, Lang
from iranmap.render import MEASURES, BuildOptions, RenderOptions

#: Every setting's default: the command line's are these.
DEFAULT = BuildOptions()

F = TypeVar("F", bound=Callable[..., Any])


def render_options_decorator(func: F) -> F:
    """Add the map options to a click command (they arrive as keyword arguments)."""
    options = [
        click.option(
            "--lang",
            "langs",
            type=click.Choice(LANGS),
            multiple=True,
            help="Language of the maps' own text; repeat for several "
            "(default: en and fa; Persian maps are written as *.fa.html).",
        ),
        click.option(
            "--scheme",
            type=click.Choice(SCHEMES),
            default=DEFAULT.render.scheme,
            show_default=True,
            help="How the choropleth's class breaks are chosen.",
        ),
        click.option(
            "-k",
            "--classes",
            "k",
            type=int,
            default=DEFAULT.render.k,
            show_default=True,
            help="Number of classes (not with --scheme custom).",
        ),
        click.option(
            "--breaks",
            default=None,
            metavar="N,N,...",
            help="Upper bounds of the classes, with --scheme custom (e.g. 10,50,100).",
        ),
        click.option(
            "--measure",
            type=click.Choice(MEASURES),
            default=DEFAULT.render.measure,
            show_default=True,
            help="What the choropleth shows first (readers can switch).",
        ),
        click.option(
            "--tiles",
            default=None,
            metavar="NAME",
            help="Add a base map from this xyzservices provider (e.g. OpenStreetMap.Mapnik); "
            "the map then loads tiles from that server.",
        ),
        click.option(
            "--cdn",
            is_flag=True,
            help="Link Leaflet from a CDN instead of inlining it (smaller files, needs network).",
        ),
        click.option(
            "--base-url",
            default=DEFAULT.render.base_url,
            metavar="URL",
            help="Where the maps will be published, for the iframe code of the embed snippets.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def build_options(values: Mapping[str, Any], step: StepKind | None = None) -> BuildOptions:
    """The parsed options as the build's settings (every language when none was given)."""
    render = RenderOptions(
        scheme=values["scheme"],
        k=values["k"],
        breaks=_breaks(values["breaks"]),
        measure=values["measure"],
        tiles=values["tiles"],
        cdn=values["cdn"],
        base_url=values["base_url"],
    )
    langs: tuple[Lang, ...] = tuple(values.get("langs") or DEFAULT.langs)
    return BuildOptions(render, langs, step)


def _breaks(text: str | None) -> tuple[float, ...] | None:
    if text is None:
        return None
    try:
        return tuple(float(part) for part in text.split(",") if part.strip())
    except ValueError:
        msg = f"expected numbers separated by commas, e.g. 10,50,100; found {text!r}"
        raise InputError(Problem("--breaks", None, msg)) from None
