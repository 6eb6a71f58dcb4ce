"""The notebook API: folium maps with the pages' classes, colours, radii and escaped tooltips."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import folium
import geopandas as gpd
import pytest

from iranmap import api
from iranmap.classify import NOT_ITEMIZED_FILL, PALETTES
from iranmap.join import Joined
from iranmap.paths import reports_dir
from iranmap.render.assets import _LEAFLET
from iranmap.render.points import MAX_RADIUS
from mapfixture import CITIES_FA, PRISONS, make_joined

PAYLOAD = '<img src=x onerror="window.__xss=1">`${window.__xss=2}`\\'


def geojson_layers(fmap: folium.Map) -> list[folium.GeoJson]:
    return [c for c in fmap._children.values() if isinstance(c, folium.GeoJson)]


def features(layer: folium.GeoJson) -> list[dict[str, Any]]:
    data: dict[str, Any] = layer.data
    return list(data["features"])


@pytest.fixture(scope="module")
def joined() -> Joined:
    return make_joined()


def test_load_joins_a_shipped_report() -> None:
    joined = api.load(reports_dir() / "2024-ncri")
    assert joined.report.id == "2024-ncri"
    assert len(joined.provinces) == 31
    assert joined.reconciliation.itemized_by_prison == 526


def test_load_gives_geodataframes_as_the_readme_promises() -> None:
    joined = api.load(reports_dir() / "2024-ncri")
    for table in (joined.provinces, joined.prisons):
        assert isinstance(table, gpd.GeoDataFrame)
        assert table.crs is not None and table.crs.to_epsg() == 4326
    assert joined.prisons.geometry.x.round(5).tolist()[0] == 50.99155  # Ghezel Hesar
    assert joined.provinces["executions"].isna().sum() == 31 - 7  # <NA>: not itemized


@pytest.mark.parametrize("module", ["folium", "geopandas"])
def test_without_the_notebook_extra_the_error_says_what_to_install(
    module: str, monkeypatch: pytest.MonkeyPatch, joined: Joined
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # makes `import module` fail
    expected = (
        f"iranmap.api needs {module}, which is not installed; install the notebook extra: "
        "pip install 'iranmap[notebook]'"
    )
    with pytest.raises(api.NotebookExtraMissing, match=re.escape(expected)):
        if module == "folium":
            api.points_map(joined)
        else:
            api.load(reports_dir() / "2024-ncri")


def test_choropleth_map_uses_the_pages_classes(joined: Joined) -> None:
    fmap = api.choropleth_map(joined)
    assert isinstance(fmap, folium.Map)
    (layer,) = geojson_layers(fmap)
    found = features(layer)
    assert len(found) == 31
    fills = {f["id"]: f["properties"]["fill"] for f in found}
    assert fills["IR-30"] == PALETTES[5][4]  # Alborz, 209: the top class
    assert fills["IR-29"] == PALETTES[5][0]  # South Khorasan, 29: the lowest
    assert fills["IR-23"] == NOT_ITEMIZED_FILL  # Tehran: not itemized
    html = fmap.get_root().render()
    assert "Not itemized" in html  # the legend


def test_per_million_and_persian(joined: Joined) -> None:
    fmap = api.choropleth_map(joined, lang="fa", measure="per_million")
    (layer,) = geojson_layers(fmap)
    by_iso = {f["id"]: f["properties"] for f in features(layer)}
    assert by_iso["IR-30"]["fill"] == PALETTES[5][4]  # the highest rate, 77.1 per million
    assert by_iso["IR-29"]["fill"] == PALETTES[5][3]  # 37.7 per million
    assert by_iso["IR-30"]["tooltip"].startswith("<div><strong>البرز / Alborz</strong>")
    assert "<div>اعدام‌ها: ۲۰۹</div>" in by_iso["IR-30"]["tooltip"]


def test_points_map_has_one_circle_per_prison_with_the_pages_radii(joined: Joined) -> None:
    fmap = api.points_map(joined)
    provinces, prisons = geojson_layers(fmap)
    circles = features(prisons)
    assert len(circles) == len(PRISONS)
    assert circles[0]["id"] == "ghezel-hesar"
    assert circles[0]["properties"]["radius"] == MAX_RADIUS
    assert circles[-1]["properties"]["radius"] == round(MAX_RADIUS * (29 / 165) ** 0.5, 1)
    assert len(features(provinces)) == 31


def test_prison_tooltips_name_the_city_in_the_maps_language() -> None:
    joined = make_joined(cities_fa={k: v for k, v in CITIES_FA.items() if k != "Birjand"})
    _, prisons = geojson_layers(api.points_map(joined, lang="fa"))
    tips = {f["id"]: f["properties"]["tooltip"] for f in features(prisons)}
    assert "<div>شهر: کرج</div>" in tips["ghezel-hesar"]
    # No Persian name known: the English one, marked as English.
    assert '<div>شهر: <span lang="en" dir="ltr">Birjand</span></div>' in tips["birjand-central"]
    _, prisons = geojson_layers(api.points_map(joined))
    tips = {f["id"]: f["properties"]["tooltip"] for f in features(prisons)}
    assert "<div>City: Karaj</div>" in tips["ghezel-hesar"]
    assert "<div>City: Birjand</div>" in tips["birjand-central"]


def test_combined_map_has_a_layer_control(joined: Joined) -> None:
    fmap = api.combined_map(joined)
    assert any(isinstance(c, folium.LayerControl) for c in fmap._children.values())
    assert [layer.layer_name for layer in geojson_layers(fmap)] == ["Provinces", "Prisons"]


def test_tooltips_are_escaped_before_folium_sees_them() -> None:
    joined = make_joined(taint=lambda s: s + PAYLOAD)
    fmap = api.combined_map(joined)
    _, prisons = geojson_layers(fmap)
    tip = features(prisons)[0]["properties"]["tooltip"]
    assert "&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;" in tip
    assert "<img" not in tip
    html = fmap.get_root().render()
    assert "<img src=x" not in html
    assert not re.search(r"<img[^>]*onerror", html)
    assert "Not itemized" in html


@pytest.mark.browser
def test_notebook_map_runs_no_injected_script(browser: Any, tmp_path: Path) -> None:
    """folium links its assets from CDNs: serve Leaflet from the package, refuse the rest."""
    joined = make_joined(taint=lambda s: s + PAYLOAD)
    path = tmp_path / "map.html"
    api.combined_map(joined).save(str(path))
    context = browser.new_context(viewport={"width": 900, "height": 700})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))

    def serve(route: Any) -> None:
        url = route.request.url
        name = url.rsplit("/", 1)[-1]
        if "leaflet@" in url and name in ("leaflet.js", "leaflet.css"):
            kind = "text/css" if name.endswith(".css") else "application/javascript"
            route.fulfill(body=(_LEAFLET / name).read_bytes(), content_type=kind)
        else:
            route.abort()

    page.route(re.compile(r"^https?://"), serve)
    page.goto(path.as_uri())
    find_map = 'window[Object.keys(window).find(k => k.startsWith("map_"))]'
    # fit_bounds animates the zoom: wait until the map has settled.
    page.wait_for_function(f"(() => {{ const m = {find_map}; return m && !m._animatingZoom; }})()")
    page.wait_for_timeout(400)
    x, y = page.evaluate(
        """([lat, lon]) => {
            const map = window[Object.keys(window).find(k => k.startsWith("map_"))];
            const p = map.latLngToContainerPoint([lat, lon]);
            const r = map.getContainer().getBoundingClientRect();
            return [r.left + p.x, r.top + p.y];
        }""",
        _province_point(joined, "IR-23"),
    )
    page.mouse.move(x - 2, y - 2)
    page.mouse.move(x, y, steps=2)
    tooltip = page.locator(".leaflet-tooltip").last
    tooltip.wait_for(state="visible", timeout=3000)
    assert tooltip.inner_text().startswith("Tehran" + PAYLOAD)
    assert page.evaluate("window.__xss") is None
    assert errors == []
    context.close()


def _province_point(joined: Joined, iso: str) -> list[float]:
    point = joined.provinces.set_index("iso").loc[iso, "geometry"].representative_point()
    return [point.y, point.x]
