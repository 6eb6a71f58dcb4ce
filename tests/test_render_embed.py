"""Embed snippets: a titled, lazy iframe per map that takes its content's height."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup, Tag

from iranmap.errors import InputError
from iranmap.render import RenderOptions, render_report
from iranmap.render.embed import FALLBACK_HEIGHT, page_url
from mapfixture import make_joined


def _frame(files: dict[str, bytes], name: str) -> tuple[Tag, str]:
    snippet = BeautifulSoup(files[name].decode(), "html.parser")
    frame = snippet.find("iframe")
    script = snippet.find("script")
    assert isinstance(frame, Tag) and isinstance(script, Tag)
    return frame, script.string or ""


def test_each_map_has_a_snippet_with_a_titled_lazy_frame_and_a_fixed_fallback_height() -> None:
    files = render_report(make_joined(taint=lambda s: s + '"><b>'), RenderOptions())
    frame, script = _frame(files, "points.embed.html")
    assert frame["src"] == "points.html?embed"
    assert frame["loading"] == "lazy"
    assert frame["title"] == (
        'Executions in Iran, 2024"><b>: Executions by prison (at least 1,000 executions reported)'
    )
    assert frame["id"] == frame["name"] == "iranmap-test-2024-points-en"
    assert f"height:{FALLBACK_HEIGHT}px" in str(frame["style"])
    assert BeautifulSoup(files["points.embed.html"].decode(), "html.parser").find("b") is None
    # The script trusts only its own frame's message of the iranmap shape.
    assert 'getElementById("iranmap-test-2024-points-en")' in script
    assert "e.source!==f.contentWindow" in script
    assert 'd.iranmap!=="height"' in script and "d.frame!==f.name" in script
    assert not re.search(r"\bsrc\s*=|fetch|XMLHttpRequest|import\(", script)


def test_base_url_joins_report_id_and_page() -> None:
    options = RenderOptions(lang="fa", base_url="https://example.org/maps/")
    files = render_report(make_joined(), options)
    frame, _ = _frame(files, "combined.fa.embed.html")
    assert frame["src"] == "https://example.org/maps/test-2024/combined.fa.html?embed"
    assert frame["title"] == (
        # The fixture has no Persian title: the English one is isolated (U+2068 ... U+2069).
        "\u2068Executions in Iran, 2024\u2069: "
        "اعدام‌ها به تفکیک استان و زندان (دست‌کم ۱٬۰۰۰ اعدام گزارش‌شده)"
    )


def test_page_url_encodes_every_part() -> None:
    assert page_url("https://example.org/maps", "2024-ncri", "combined.html") == (
        "https://example.org/maps/2024-ncri/combined.html"
    )
    assert page_url("https://example.org", "a b#c?d/e", "combined.html") == (
        "https://example.org/a%20b%23c%3Fd%2Fe/combined.html"
    )
    assert page_url("", "x", "combined.html") == "combined.html"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("javascript:alert(1)", "expected an http(s) URL such as 'https://example.org/maps'"),
        ("ftp://example.org/maps", "expected an http(s) URL"),
        ("example.org/maps", "expected an http(s) URL"),
        ("https://example.org/maps?x=1", "expected a URL without '?' or '#'"),
    ],
)
def test_base_url_other_than_http_is_refused(url: str, expected: str) -> None:
    with pytest.raises(InputError) as info:
        RenderOptions(base_url=url)
    problem = info.value.problems[0]
    assert problem.path == "base_url"  # the setting; the command line calls it --base-url
    assert expected in problem.message
    assert repr(url) in problem.message


def test_persian_files_are_named_apart_from_english_ones() -> None:
    files = render_report(make_joined(), RenderOptions(lang="fa"))
    assert list(files) == [
        "choropleth.fa.html",
        "choropleth.fa.embed.html",
        "points.fa.html",
        "points.fa.embed.html",
        "combined.fa.html",
        "combined.fa.embed.html",
    ]
