"""Safe HTML building: text is escaped as text, attribute or script data."""

from __future__ import annotations

import json

from iranmap.render.html import Html, esc, lang_span, safe_url, script_json, tag


def test_text_children_and_attributes_are_escaped() -> None:
    html = tag("p", {"title": '"><script>'}, "<b>&", Html("<i>ok</i>"), None, ["x<"])
    assert html == '<p title="&quot;&gt;&lt;script&gt;">&lt;b&gt;&amp;<i>ok</i>x&lt;</p>'
    assert esc("'") == "&#x27;"


def test_boolean_and_missing_attributes() -> None:
    assert tag("input", {"checked": True, "hidden": False, "value": None}) == "<input checked>"


def test_script_json_cannot_close_its_script() -> None:
    value = {"name": "</script><!-- \u2028 & >"}
    text = script_json(value)
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text
    assert json.loads(text) == value


def test_only_http_urls_are_links() -> None:
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_url(" http://example.org ") == "http://example.org"
    for bad in ("javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", "//x.org", ""):
        assert safe_url(bad) is None
    assert safe_url(None) is None


def test_foreign_text_is_marked_with_its_language() -> None:
    assert lang_span("تهران", "fa", "en") == '<span lang="fa" dir="rtl">تهران</span>'
    assert lang_span("Tehran", "en", "fa") == '<span lang="en" dir="ltr">Tehran</span>'
    assert lang_span("Tehran", "en", "en") == "Tehran"
