"""A report with figures by province only (no prison) gets the maps it can fill, and no other:
no prison map, image or card, nothing linking one, and sentences that say "none itemized by
prison" rather than "0 ... in 0 prisons", in both languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from iranmap.build import report_files
from iranmap.render import BuildOptions, RenderOptions
from iranmap.render.gallery import render_gallery

REPORT = Path(__file__).resolve().parents[1] / "geodata" / "reports" / "2024-01-hengaw"


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    return report_files(REPORT, BuildOptions())


def test_no_prison_map_image_or_card_is_written(files: dict[str, bytes]) -> None:
    assert [n for n in files if n.startswith(("points", "combined"))] == []
    assert {
        "choropleth.html",
        "choropleth.fa.html",
        "choropleth.png",
        "choropleth.card.png",
        "choropleth.fa.svg",
    } <= set(files)


def test_nothing_links_a_map_that_is_not_there(files: dict[str, bytes]) -> None:
    summary = json.loads(files["summary.json"])
    for lang in ("en", "fa"):
        gallery = render_gallery([summary], RenderOptions(lang=lang)).decode("utf-8")
        links = [a["href"] for a in BeautifulSoup(gallery, "html.parser").select("a[href]")]
        assert [h for h in links if "points" in h or "combined" in h] == []
        assert any(h.endswith("choropleth.png") for h in links)
    for name in ("choropleth.html", "choropleth.fa.html"):
        page = BeautifulSoup(files[name], "html.parser")
        assert [a["href"] for a in page.select("a[href*=points], a[href*=combined]")] == []


@pytest.mark.parametrize(
    ("name", "said", "never"),
    [
        ("choropleth.html", "none itemized by prison", "0 prisons"),
        ("choropleth.fa.html", "هیچ موردی به تفکیک زندان ثبت نشده است", "۰ زندان"),
    ],
)
def test_sentences_say_none_by_prison(
    files: dict[str, bytes], name: str, said: str, never: str
) -> None:
    text = BeautifulSoup(files[name], "html.parser").select_one(".im-rec").get_text()
    assert said in text and never not in text
    summary = json.loads(files["summary.json"])
    lang = "fa" if ".fa." in name else "en"
    assert said in summary["sentence"][lang] and never not in summary["sentence"][lang]
