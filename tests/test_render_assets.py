"""Vendor assets: inlined whole, trimmed of anything that would make a request."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from iranmap.render.assets import body_scripts, head_assets, leaflet_version, load_assets


def test_assets_make_no_request_and_cannot_end_a_script() -> None:
    assets = load_assets()
    assert "url(images/" not in assets.leaflet_css
    assert "data:image/png;base64," in assets.leaflet_css  # the layer control's icon
    for js in (assets.leaflet_js, assets.gesture_js, assets.own_js):
        assert "sourceMappingURL" not in js
        assert not re.search(r"</script|<!--", js, re.I)
    assert assets.leaflet_js.startswith("/* @preserve\n * Leaflet 1.9.3")
    assert leaflet_version() == "1.9.3"


def test_gesture_plugin_keeps_english_only() -> None:
    js = load_assets().gesture_js
    assert 'var o={en:{touch:"Use two fingers to move the map"' in js
    assert "zh-TW" not in js
    assert 'L.Map.addInitHook("addHandler","gestureHandling"' in js
    assert len(js) < 8_000


def test_inline_and_cdn_forms() -> None:
    inline = BeautifulSoup(head_assets(cdn=False) + body_scripts("{}", cdn=False), "lxml")
    assert inline.select("link, script[src]") == []
    assert len(inline.select("script")) == 4
    cdn = head_assets(cdn=True) + body_scripts("{}", cdn=True)
    assert cdn.count("https://unpkg.com/leaflet@1.9.3/dist/") == 2
    assert cdn.count('crossorigin=""') == 2
    assert '<script type="application/json" id="im-data">{}</script>' in cdn
