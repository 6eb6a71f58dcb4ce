"""Embed snippets: a responsive, lazy, titled iframe per map."""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

from iranmap.render import RenderOptions, render_report
from mapfixture import make_joined


def test_each_map_has_a_snippet_with_a_responsive_titled_lazy_iframe() -> None:
    files = render_report(make_joined(taint=lambda s: s + '"><b>'), RenderOptions())
    snippet = BeautifulSoup(files["points.embed.html"].decode(), "html.parser")
    box = snippet.find("div")
    assert isinstance(box, Tag)
    assert "aspect-ratio:4/3" in str(box["style"])
    frame = box.find("iframe")
    assert isinstance(frame, Tag)
    assert frame["src"] == "points.html"
    assert frame["loading"] == "lazy"
    assert frame["title"] == 'Executions in Iran, 2024"><b>: Executions by prison'
    assert snippet.find("b") is None
    assert "width:100%;height:100%" in str(frame["style"])


def test_base_url_and_language() -> None:
    options = RenderOptions(lang="fa", base_url="https://example.org/maps/2024/")
    files = render_report(make_joined(), options)
    frame = BeautifulSoup(files["combined.fa.embed.html"].decode(), "html.parser").find("iframe")
    assert isinstance(frame, Tag)
    assert frame["src"] == "https://example.org/maps/2024/combined.fa.html"
    assert frame["title"] == "Executions in Iran, 2024: اعدام‌ها به تفکیک استان و زندان"


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
