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
    assert page.evaluate("(img) => img.complete && img.naturalWidth > 0", first.element_handle())
    page.close()
