"""How a report is rendered: language, classes, base layer, assets. Checked once, up front."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, Literal
from urllib.parse import quote, urlsplit

from iranmap.calendars import StepKind, check_kind
from iranmap.classify import SCHEMES, Scheme, check_breaks, check_k
from iranmap.errors import InputError, Problem
from iranmap.i18n import LANGS, Lang, file_name, text

Measure = Literal["count", "per_million"]
MEASURES: tuple[Measure, ...] = ("count", "per_million")
Kind = Literal["choropleth", "points", "combined"]
KINDS: tuple[Kind, ...] = ("choropleth", "points", "combined")
#: What a language is called in its own script, for links between language versions.
LANG_NAMES: dict[Lang, str] = {"en": "English", "fa": "فارسی"}


def page_name(kind: Kind, lang: Lang) -> str:
    """A map page's file name: ``choropleth.html`` in English, ``choropleth.fa.html``."""
    return file_name(kind, lang)


def page_url(base_url: str, report_id: str, page: str) -> str:
    """Where a map page is published: ``<base>/<report-id>/<page>``, each part URL-encoded;
    just ``page`` (beside the snippet) without a base URL. ``base_url`` is checked by
    :class:`RenderOptions`: an http(s) URL without a trailing slash, or ""."""
    if not base_url:
        return quote(page)
    return f"{base_url}/{folder_path(report_id)}/{quote(page)}"


def folder_path(report_id: str) -> str:
    """A report's folder under the maps, URL-encoded: its id, or ``series/<name>`` for a
    series (whose one slash is kept; any other is encoded)."""
    nested = report_id.startswith(("series/", "comparisons/"))
    parts = report_id.split("/", 1) if nested else [report_id]
    return "/".join(quote(part, safe="") for part in parts)


def tile_provider(name: str | None) -> Any:
    """The xyzservices ``TileProvider`` called ``name``, or None; InputError when unusable."""
    if name is None:
        return None
    import xyzservices

    try:
        provider = xyzservices.providers.query_name(name)
    except ValueError:
        msg = (
            f"no tile provider is named {name!r}; "
            "give an xyzservices name such as 'OpenStreetMap.Mapnik'"
        )
        raise InputError(Problem("tiles", None, msg)) from None
    if provider.requires_token():
        msg = (
            f"tile provider {name!r} needs an API key; "
            "choose one that does not, e.g. 'OpenStreetMap.Mapnik'"
        )
        raise InputError(Problem("tiles", None, msg))
    return provider


#: OpenStreetMap's credit as tile providers word it, said in the page's language.
_OSM_CREDIT = re.compile(r"(?:&copy;|©)\s*(<a [^>]*>OpenStreetMap</a>)\s+contributors")


def tile_layer(name: str | None, lang: Lang) -> dict[str, Any] | None:
    """The base layer ``name`` as a page's script reads it (None: no base layer), its credit
    in the page's language."""
    provider = tile_provider(name)
    if provider is None:
        return None
    credit = text(lang, "osm_credit")
    attribution = _OSM_CREDIT.sub(
        lambda m: credit.replace("OpenStreetMap", m.group(1)), str(provider.html_attribution)
    )
    return {
        "url": provider.build_url(scale_factor="{r}"),
        "attribution": attribution,
        "maxZoom": int(provider.get("max_zoom", 18)),
        "subdomains": provider.get("subdomains", "abc"),
    }


def check_base_url(url: str) -> str:
    """``url`` without its trailing slash when it is an http(s) URL with a host, "" for "";
    InputError otherwise (a ``javascript:`` URL would run in the reader's page)."""
    text = url.strip()
    if not text:
        return ""
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        msg = (
            f"expected an http(s) URL such as 'https://example.org/maps', found {url!r}; "
            "give the address the maps folder will be published at"
        )
        raise InputError(Problem("base_url", None, msg))
    if parts.query or parts.fragment:
        msg = (
            f"expected a URL without '?' or '#', found {url!r}; give the address of the "
            "maps folder itself, e.g. 'https://example.org/maps'"
        )
        raise InputError(Problem("base_url", None, msg))
    return text.rstrip("/")


def _one_of(setting: str, value: object, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        msg = f"expected one of {', '.join(allowed)}, found {value!r}"
        raise InputError(Problem(setting, None, msg))


@dataclass(frozen=True)
class RenderOptions:
    """Everything that changes the bytes of a map, besides the figures.

    ``breaks`` are the upper bounds of the classes when ``scheme`` is "custom"; ``tiles`` is an
    xyzservices provider name ("OpenStreetMap.Mapnik") or None for no base layer (no network);
    ``cdn`` links Leaflet instead of inlining it; ``base_url`` is where the maps folder is
    published (e.g. "https://example.org/maps"): the embed snippets load
    ``<base_url>/<report-id>/<page>``, and pages name their social-media cards there; only
    http(s) is accepted, a trailing slash is dropped; ``alternates`` are the languages
    whose version of each page is written beside it, which the header links to.
    """

    lang: Lang = "en"
    scheme: Scheme = "natural_breaks"
    k: int = 5
    breaks: tuple[float, ...] | None = None
    tiles: str | None = None
    cdn: bool = False
    measure: Measure = "count"
    base_url: str = ""
    alternates: tuple[Lang, ...] = ()

    def __post_init__(self) -> None:
        _one_of("lang", self.lang, LANGS)
        _one_of("scheme", self.scheme, SCHEMES)
        _one_of("measure", self.measure, MEASURES)
        tile_provider(self.tiles)
        object.__setattr__(self, "base_url", check_base_url(self.base_url))
        check_k(self.k)
        if self.scheme == "custom":
            if self.breaks is None:
                msg = "the custom scheme needs breaks, found none; give e.g. 10,50,100"
                raise InputError(Problem("breaks", None, msg))
            object.__setattr__(self, "breaks", check_breaks(self.breaks))
        elif self.breaks is not None:
            msg = f"breaks are only used with the custom scheme, found scheme {self.scheme!r}"
            raise InputError(Problem("breaks", None, msg))


@dataclass(frozen=True)
class BuildOptions:
    """Every setting of a build, each with its one default: how each page is rendered
    (``render``: classes, measure, base layer, assets, base URL), the languages the pages are
    written in (``langs``, first the default one; each page links to the others), and the
    steps of the timeline of a report with events.csv (``step``; None: months, or weeks for a
    period of 92 days or less).

    The command line and the notebook API both make one; a build's outputs depend on nothing
    else of the user's, so its ``repr`` is the build's cache key. ``render``'s language and
    alternates are those of the first page: :meth:`pages` gives one RenderOptions per
    language.
    """

    render: RenderOptions = field(default_factory=RenderOptions)
    langs: tuple[Lang, ...] = LANGS
    step: StepKind | None = None

    def __post_init__(self) -> None:
        langs = tuple(dict.fromkeys(self.langs))
        if not langs:
            msg = f"expected at least one language of {', '.join(LANGS)}, found none"
            raise InputError(Problem("langs", None, msg))
        for lang in langs:
            _one_of("langs", lang, LANGS)
        object.__setattr__(self, "langs", langs)
        if self.step is not None:
            object.__setattr__(self, "step", check_kind(self.step))
        object.__setattr__(self, "render", self.page(langs[0]))

    def page(self, lang: Lang) -> RenderOptions:
        """How the pages in ``lang`` are rendered (linking to the other languages')."""
        return replace(self.render, lang=lang, alternates=self.langs)

    def pages(self) -> tuple[RenderOptions, ...]:
        """One RenderOptions per language of :attr:`langs`, in order."""
        return tuple(self.page(lang) for lang in self.langs)

    @property
    def cache_key(self) -> str:
        """What a build's outputs depend on besides the reports, the data and the code."""
        return repr(self)
