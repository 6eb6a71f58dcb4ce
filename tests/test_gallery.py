"""maps/index.html: every report listed, every text escaped, nothing loaded from elsewhere."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from iranmap.render import RenderOptions
from iranmap.render.gallery import render_gallery

REPO = Path(__file__).resolve().parents[1]
EVIL = "<img src=x onerror=window.__xss=1>"


def summary(
    report_id: str, title: str = "Executions in Iran, 2024", **extra: Any
) -> dict[str, Any]:
    value: dict[str, Any] = {
        "id": report_id,
        "title": title,
        "publisher": "NCRI Secretariat",
        "period": {"start": "2024-01-01", "end": "2024-12-31"},
        "source": {"title": "A statement", "date": "2025-01-02", "url": None},
        "sentence": {"en": "526 of 1,000 executions itemized by prison.", "fa": "..."},
        "files": [
            "choropleth.html",
            "choropleth.fa.html",
            "points.html",
            "combined.html",
            "prisons.csv",
            "choropleth.png",
            "summary.json",
        ],
    }
    value.update(extra)
    return value


def soup(summaries: list[dict[str, Any]]) -> BeautifulSoup:
    return BeautifulSoup(render_gallery(summaries, RenderOptions()), "html.parser")


def test_lists_each_report_with_links_to_the_files_it_has() -> None:
    page = soup([summary("2024-ncri"), summary("2025-01-01-ncri", title="One day")])
    assert [li["id"] for li in page.select("li.report")] == ["2024-ncri", "2025-01-01-ncri"]
    hrefs = [a["href"] for a in page.select('[id="2024-ncri"] a')]
    assert "2024-ncri/choropleth.html" in hrefs
    assert "2024-ncri/choropleth.fa.html" in hrefs
    assert "2024-ncri/points.html" in hrefs
    assert "2024-ncri/points.fa.html" not in hrefs  # not in its files
    assert "2024-ncri/prisons.csv" in hrefs
    persian = page.select_one('[id="2024-ncri"] p.maps[lang=fa]')
    assert persian is not None and persian["dir"] == "rtl"
    assert page.select_one('[id="2024-ncri"] img')["src"] == "2024-ncri/choropleth.png"  # type: ignore[index]
    assert "526 of 1,000 executions itemized by prison." in page.get_text()


def test_every_report_text_is_escaped() -> None:
    evil = summary(
        "r1",
        title=EVIL,
        publisher=EVIL,
        source={"title": EVIL, "date": "2025-01-02", "url": "javascript:alert(1)"},
        sentence={"en": EVIL, "fa": EVIL},
    )
    html = render_gallery([evil], RenderOptions()).decode()
    assert "<img src=x" not in html
    page = BeautifulSoup(html, "html.parser")
    assert page.select("img[onerror]") == []
    assert EVIL in page.get_text()
    assert not any(a["href"].startswith("javascript:") for a in page.select("a"))


def test_no_report_yet() -> None:
    assert "No report has been built yet." in soup([]).get_text()


@pytest.mark.browser
def test_shipped_gallery_opens_offline_and_shows_every_report(browser: Any) -> None:
    page = browser.new_page(viewport={"width": 360, "height": 800})
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto((REPO / "maps" / "index.html").as_uri())
    page.wait_for_load_state("load")
    assert [u for u in requests if not u.startswith("file:")] == []
    assert errors == []
    titles = page.locator("li.report h2").all_inner_texts()
    assert "Executions in Iran, 2024" in titles
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 360
    first = page.locator("li.report img").first
    first.wait_for()
    # A lazy image starts loading once laid out near the viewport: wait for it to be drawn.
    page.wait_for_function(
        "(img) => img.complete && img.naturalWidth > 0", arg=first.element_handle(), timeout=10_000
    )
    page.close()


@pytest.mark.parametrize(
    "report_id",
    ["javascript:window.__x=1;x", "a#b", "a?b=c", "//evil.example/x", "data:text/html,x"],
)
def test_every_url_part_is_encoded_and_no_link_leaves_the_folder(report_id: str) -> None:
    from urllib.parse import unquote, urlsplit

    page = soup([summary(report_id)])
    hrefs = [a["href"] for a in page.select("li.report a")]
    assert hrefs
    for href in hrefs:
        parts = urlsplit(href)
        assert (parts.scheme, parts.netloc, parts.query, parts.fragment) == ("", "", "", "")
        assert unquote(href.split("/")[0]) == report_id
    image = page.select_one("li.report img")
    assert image is not None and unquote(str(image["src"]).split("/")[0]) == report_id


def test_checked_url_allows_only_http_and_relative_paths() -> None:
    from iranmap.render.gallery import checked_url

    assert checked_url("https://example.org/a") == "https://example.org/a"
    assert checked_url("2024-ncri/combined.html") == "2024-ncri/combined.html"
    for bad in (
        "javascript:alert(1)",
        "JaVaScRiPt:x",
        "data:text/html,x",
        "//evil.example/",
        "/etc",
    ):
        assert checked_url(bad) is None, bad


def test_persian_gallery_speaks_persian_and_links_the_english_one() -> None:
    page = BeautifulSoup(
        render_gallery(
            [summary("2024-ncri", title_fa="اعدام‌ها در ایران، ۲۰۲۴")], RenderOptions(lang="fa")
        ),
        "html.parser",
    )
    assert page.html is not None and (page.html["lang"], page.html["dir"]) == ("fa", "rtl")
    assert page.select_one("nav.langs a")["href"] == "index.html"  # type: ignore[index]
    assert page.select_one("h2").get_text() == "اعدام‌ها در ایران، ۲۰۲۴"  # type: ignore[union-attr]
    meta = page.select_one("p.meta")
    assert meta is not None and "۲۰۲۴" in meta.get_text() and "2024" not in meta.get_text()
    publisher = page.select_one("p.source bdi")
    assert publisher is not None and (publisher["lang"], publisher["dir"]) == ("en", "ltr")
    english = BeautifulSoup(render_gallery([summary("x")], RenderOptions()), "html.parser")
    assert english.select_one("nav.langs a")["href"] == "index.fa.html"  # type: ignore[index]


def test_an_english_title_in_the_persian_gallery_is_isolated() -> None:
    """An English title among Persian words keeps its own order, in the image's alt text
    (plain text: with isolate marks) as in the heading (a <bdi> marked English)."""
    page = BeautifulSoup(
        render_gallery(
            [summary("2024-ncri", files=["choropleth.fa.png"])], RenderOptions(lang="fa")
        ),
        "html.parser",
    )
    image = page.select_one("img")
    assert image is not None
    assert image["alt"] == "نقشهٔ استان‌ها: \u2068Executions in Iran, 2024\u2069"
    heading = page.select_one("h2 bdi")
    assert heading is not None and (heading["lang"], heading["dir"]) == ("en", "ltr")
    with_persian = summary("2024-ncri", files=["choropleth.fa.png"], title_fa="اعدام‌ها")
    page = BeautifulSoup(render_gallery([with_persian], RenderOptions(lang="fa")), "html.parser")
    assert page.select_one("img")["alt"] == "نقشهٔ استان‌ها: اعدام‌ها"  # type: ignore[index]
