"""The maps in a notebook: load a report, get each map as a ``folium.Map``.

    >>> from iranmap import api
    >>> joined = api.load("geodata/reports/2024-ncri")
    >>> api.combined_map(joined)          # displays in Jupyter

The maps use the same classes, colours, radii and tooltip texts as the HTML pages (they come
from the same :mod:`iranmap.render` functions); they are ordinary folium maps, so a notebook
can add layers or save them. Tooltip text is escaped before folium sees it: folium places
tooltip content into the page as HTML.

folium, branca and geopandas are not needed to build maps, only here: they come with the
``notebook`` extra (``pip install 'iranmap[notebook]'``), and a function of this module that
needs one raises :class:`NotebookExtraMissing` saying so when it is missing.
"""

from __future__ import annotations

import dataclasses
import html
import importlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from iranmap import boundaries, i18n, style
from iranmap.classify import Scheme
from iranmap.errors import IranmapError
from iranmap.i18n import Lang
from iranmap.join import Joined
from iranmap.render.html import Html, lang_span
from iranmap.render.options import BuildOptions, Kind, Measure, RenderOptions

if TYPE_CHECKING:
    import folium
    import pandas as pd

    from iranmap.render.choropleth import Choropleth, ProvinceRow
    from iranmap.render.points import Points, PrisonRow

BACKGROUND = style.BACKGROUND
NOTEBOOK_EXTRA = "pip install 'iranmap[notebook]'"
#: The maps' settings when none is given: the build's own (one language at a time here).
_DEFAULT = BuildOptions().render


class NotebookExtraMissing(IranmapError, ImportError):
    """A package of the ``notebook`` extra (folium, branca, geopandas) is not installed."""


def load(report_dir: str | Path) -> Joined:
    """A report folder, loaded and joined to the map (raises InputError on any problem).

    ``joined.prisons`` and ``joined.provinces`` are geopandas GeoDataFrames (EPSG:4326), ready
    for ``.explore()``, ``.to_file()`` or a spatial join.
    """
    from iranmap.join import join_folder

    joined = join_folder(Path(report_dir))
    fields = {field.name: getattr(joined, field.name) for field in dataclasses.fields(joined)}
    geo = _GeoJoined(**fields)
    geo.prisons, geo.provinces  # noqa: B018 - made now: a missing geopandas is said here
    return geo


class _GeoJoined(Joined):
    """A joined report whose tables are GeoDataFrames."""

    def _as_frame(self, frame: pd.DataFrame) -> pd.DataFrame:
        return _geo(frame)


def _geo(table: pd.DataFrame) -> pd.DataFrame:
    """A joined table as a GeoDataFrame (a subclass of DataFrame: the same columns and rows)."""
    gpd: Any = _notebook("geopandas")
    frame: pd.DataFrame = gpd.GeoDataFrame(table, geometry="geometry", crs="EPSG:4326")
    return frame


def _notebook(module: str) -> Any:
    """``module`` of the notebook extra, or an error telling the user how to install it."""
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as error:
        if error.name != module:
            raise
        msg = (
            f"iranmap.api needs {module}, which is not installed; install the notebook "
            f"extra: {NOTEBOOK_EXTRA}"
        )
        raise NotebookExtraMissing(msg) from None


def choropleth_map(
    joined: Joined,
    *,
    lang: Lang = _DEFAULT.lang,
    scheme: Scheme = _DEFAULT.scheme,
    k: int = _DEFAULT.k,
    breaks: Sequence[float] | None = _DEFAULT.breaks,
    measure: Measure = _DEFAULT.measure,
    tiles: str | None = _DEFAULT.tiles,
) -> folium.Map:
    """Provinces shaded by executions (or per million inhabitants), as on choropleth.html."""
    options = _options(lang, scheme, k, breaks, measure, tiles)
    return _map(joined, "choropleth", options)


def points_map(
    joined: Joined, *, lang: Lang = _DEFAULT.lang, tiles: str | None = _DEFAULT.tiles
) -> folium.Map:
    """Prisons as proportional circles, as on points.html."""
    options = _options(lang, _DEFAULT.scheme, _DEFAULT.k, None, _DEFAULT.measure, tiles)
    return _map(joined, "points", options)


def combined_map(
    joined: Joined,
    *,
    lang: Lang = _DEFAULT.lang,
    scheme: Scheme = _DEFAULT.scheme,
    k: int = _DEFAULT.k,
    breaks: Sequence[float] | None = _DEFAULT.breaks,
    measure: Measure = _DEFAULT.measure,
    tiles: str | None = _DEFAULT.tiles,
) -> folium.Map:
    """Both layers with a layer control, as on combined.html."""
    options = _options(lang, scheme, k, breaks, measure, tiles)
    return _map(joined, "combined", options)


def _options(
    lang: Lang,
    scheme: Scheme,
    k: int,
    breaks: Sequence[float] | None,
    measure: Measure,
    tiles: str | None,
) -> RenderOptions:
    build = BuildOptions(
        dataclasses.replace(
            _DEFAULT,
            scheme=scheme,
            k=k,
            breaks=None if breaks is None else tuple(breaks),
            measure=measure,
            tiles=tiles,
        ),
        langs=(lang,),
    )
    return build.page(lang)


def _map(joined: Joined, kind: Kind, options: RenderOptions) -> folium.Map:
    _notebook("folium")
    import folium

    from iranmap.render import choropleth, points
    from iranmap.render.geo import bounds
    from iranmap.render.options import tile_provider

    provider = tile_provider(options.tiles)
    fmap = folium.Map(location=None, tiles=provider, control_scale=False, prefer_canvas=True)
    root: Any = fmap.get_root()  # a branca Figure, typed as its base class
    root.header.add_child(
        folium.Element(f"<style>.leaflet-container.folium-map{{background:{BACKGROUND}}}</style>")
    )
    _credit(folium).add_to(fmap)
    ch = choropleth.build_choropleth(joined, options)
    layer = _province_layer(ch, options.lang, shaded=kind != "points")
    layer.add_to(fmap)
    legend = []
    if kind != "points":
        legend.append(choropleth.legend(ch, options.lang, switch=False))
    if kind != "choropleth":
        pts = points.build_points(joined)
        _prison_layer(pts, options.lang).add_to(fmap)
        legend.append(points.legend(pts, options.lang))
    if kind == "combined":
        folium.LayerControl(collapsed=False).add_to(fmap)
    root.html.add_child(folium.Element(_legend_box(legend, options.lang)))
    south_west, north_east = bounds(joined.bounds)
    fmap.fit_bounds([south_west, north_east])
    return fmap


def _legend_box(blocks: Sequence[str], lang: Lang) -> str:
    from iranmap.render.html import tag

    box_style = style.fill_in(
        "position:fixed;bottom:24px;left:10px;z-index:1000;background:${PAPER};padding:6px 9px;"
        "border:1px solid ${LEGEND_EDGE};border-radius:4px;font:12px/1.4 sans-serif;max-width:230px"
    )
    css = style.fill_in(
        "<style>.im-legend-block[hidden]{display:none}.im-classes,.im-sizes{list-style:none;"
        "margin:0;padding:0}.im-classes li{display:flex;gap:6px;align-items:center}"
        ".im-sw{display:inline-block;width:22px;height:12px;border:1px solid ${CONTROL_EDGE}}"
        ".im-sw-ni{background:${NOT_ITEMIZED_FILL} repeating-linear-gradient(-45deg,"
        "${NOT_ITEMIZED_HATCH} 0 1.5px,"
        "transparent 1.5px 5px)}.im-sizes{display:flex;gap:8px;align-items:flex-end}"
        ".im-sizes li{display:flex;flex-direction:column;align-items:center}"
        ".im-legend-title{margin:4px 0 2px;font-weight:600}.im-legend-note{margin:2px 0 0}</style>"
    )
    box = tag(
        "div",
        {
            "class": "im-legend",
            "style": box_style,
            "lang": lang,
            "dir": i18n.DIRS[lang],
        },
        *blocks,
    )
    return css + box


def _tooltip_html(lines: list[tuple[str, str]], head: str) -> str:
    """Tooltip content as escaped HTML (folium sets it with innerHTML).

    A value that is already :class:`~iranmap.render.html.Html` (escaped, e.g. marked with
    its language) goes in as it is; every other value is escaped here.
    """
    body = "".join(f"<div>{html.escape(k)}: {_value_html(v)}</div>" for k, v in lines if v)
    return f"<div><strong>{html.escape(head)}</strong>{body}</div>"


def _value_html(value: str) -> str:
    return str(value) if isinstance(value, Html) else html.escape(value)


def _names(en: str, fa: str, lang: Lang) -> str:
    own = {"en": en, "fa": fa}[lang] or en
    other = fa if own == en else en
    return f"{own} / {other}" if other and other != own else own


def _credit(folium: Any) -> Any:
    """The borders' credit (ODbL) in the map's attribution control, as text; rendered as a
    child of the map, so after the map exists."""
    from branca.element import MacroElement
    from jinja2 import Template

    credit = html.escape(f"{boundaries.CREDIT} ({boundaries.LICENCE})")
    element = MacroElement()  # type: ignore[no-untyped-call]
    element._template = Template(
        "{% macro script(this, kwargs) %}"
        "{{ this._parent.get_name() }}.attributionControl.addAttribution("
        + json.dumps(credit)
        + ");{% endmacro %}"
    )
    return element


def _province_feature(ch: Choropleth, row: ProvinceRow, lang: Lang) -> dict[str, Any]:
    from iranmap import i18n

    t = i18n.TEXTS[lang]
    if row.executions is None:
        lines = [(t["executions"], t["not_itemized"])]
    else:
        lines = [
            (t["executions"], i18n.fmt_int(row.executions, lang)),
            (
                t["per_million_short"],
                "" if row.per_million is None else i18n.fmt_dec(row.per_million, lang),
            ),
            (t["share"], "" if row.share is None else i18n.fmt_share(row.share, lang)),
            (t["rank"], "" if row.rank is None else i18n.fmt_int(row.rank, lang)),
            (t["source"], row.source or ""),
        ]
    return {
        "type": "Feature",
        "id": row.iso,
        "properties": {
            "tooltip": _tooltip_html(lines, _names(row.name_en, row.name_fa, lang)),
            "fill": ch.fill(row, ch.measure),
        },
        "geometry": row.geometry,
    }


def _province_layer(ch: Choropleth, lang: Lang, *, shaded: bool) -> folium.GeoJson:
    _notebook("folium")
    import folium

    from iranmap import i18n

    features = [_province_feature(ch, r, lang) for r in ch.rows if r.geometry is not None]
    collection = {"type": "FeatureCollection", "features": features}

    def province_style(feature: dict[str, Any]) -> dict[str, Any]:
        if not shaded:
            return {
                "color": style.BASE_EDGE,
                "weight": style.PROVINCE_EDGE_WIDTH,
                "fillColor": style.BASE_FILL,
                "fillOpacity": 1,
            }
        fill = feature["properties"]["fill"]
        return {
            "color": style.PROVINCE_EDGE,
            "weight": style.PROVINCE_EDGE_WIDTH,
            "fillColor": fill,
            "fillOpacity": 1,
        }

    return folium.GeoJson(
        collection,
        name=i18n.text(lang, "provinces"),
        style_function=province_style,
        tooltip=folium.GeoJsonTooltip(fields=["tooltip"], labels=False) if shaded else None,
        control=True,
    )


def _prison_feature(pts: Points, row: PrisonRow, lang: Lang) -> dict[str, Any]:
    from iranmap import i18n

    t = i18n.TEXTS[lang]
    precision = "facility" if row.precision == "facility" else "city"
    city, city_lang = row.city_in(lang)
    lines = [
        (t["city"], lang_span(city, city_lang, lang) if city else ""),
        (t["province"], getattr(row, f"province_{lang}") or ""),
        (t["executions"], i18n.fmt_int(row.executions, lang)),
        (t["location"], t[f"precision.{precision}"]),
        (t["source"], row.source or ""),
    ]
    return {
        "type": "Feature",
        "id": row.place_id,
        "properties": {
            "tooltip": _tooltip_html(lines, _names(row.name_en, row.name_fa, lang)),
            "radius": pts.radius(row.executions),
        },
        "geometry": {"type": "Point", "coordinates": [row.lon, row.lat]},
    }


def _prison_layer(pts: Points, lang: Lang) -> folium.GeoJson:
    _notebook("folium")
    import folium

    from iranmap import i18n

    collection = {
        "type": "FeatureCollection",
        "features": [_prison_feature(pts, r, lang) for r in pts.rows],
    }

    def prison_style(feature: dict[str, Any]) -> dict[str, Any]:
        return {
            "radius": feature["properties"]["radius"],
            "fill": True,
            "color": style.CIRCLE_STROKE,
            "weight": style.CIRCLE_STROKE_WIDTH,
            "fillColor": style.CIRCLE_FILL,
            "fillOpacity": style.CIRCLE_OPACITY,
        }

    return folium.GeoJson(
        collection,
        name=i18n.text(lang, "prisons"),
        marker=folium.CircleMarker(),
        style_function=prison_style,
        tooltip=folium.GeoJsonTooltip(fields=["tooltip"], labels=False),
        control=True,
    )
