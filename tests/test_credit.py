"""Every map drawn from the province borders credits OpenStreetMap, as the ODbL requires.

The borders come from OpenStreetMap (geodata/README.md); the credit is one constant,
:data:`iranmap.boundaries.CREDIT`, and the provinces file names the same attribution.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from iranmap import boundaries, i18n
from iranmap.build import report_files
from iranmap.render import BuildOptions

REPO = Path(__file__).resolve().parents[1]
REPORTS = REPO / "geodata" / "reports"
CREDIT = "© OpenStreetMap contributors"
#: The same credit on Persian pages and images, as OpenStreetMap's Persian site says it.
CREDIT_FA = "© مشارکت‌کنندگان \u2066OpenStreetMap\u2069"


def test_the_credit_is_the_one_the_borders_file_names() -> None:
    data = json.loads((REPO / "geodata" / "provinces.geojson").read_text(encoding="utf-8"))
    assert data["attribution"] == boundaries.CREDIT == CREDIT
    assert data["license"].startswith(boundaries.LICENCE)
    assert i18n.text("en", "osm_credit") == CREDIT
    assert i18n.text("fa", "osm_credit") == CREDIT_FA


@pytest.fixture(scope="module")
def tally_files() -> dict[str, bytes]:
    # An events report: its maps, images, timeline and small multiples.
    return report_files(REPORTS / "2025-01-ncri-tally", BuildOptions())


def _drawn(files: dict[str, bytes]) -> list[str]:
    return [
        name
        for name in files
        if name.endswith((".html", ".svg")) and not name.endswith(".embed.html")
    ]


def test_every_page_and_image_of_a_report_credits_openstreetmap(
    tally_files: dict[str, bytes],
) -> None:
    drawn = _drawn(tally_files)
    assert {"choropleth.html", "choropleth.fa.html", "timeline.html", "steps.svg"} <= set(drawn)
    assert {"choropleth.svg", "choropleth.fa.svg"} <= set(drawn)

    def said(name: str) -> str:  # an image's text is split in runs by font: its text alone
        text = tally_files[name].decode("utf-8")
        return re.sub(r"<[^>]*>", "", text) if name.endswith(".svg") else text

    missing = [
        name for name in drawn if (CREDIT_FA if ".fa." in name else CREDIT) not in said(name)
    ]
    assert missing == []


def test_the_page_script_puts_the_credit_on_the_map(tally_files: dict[str, bytes]) -> None:
    page = tally_files["choropleth.html"].decode("utf-8")
    data = re.search(r'"credit":"([^"]*)"', page)
    assert data is not None and data.group(1) == f"{CREDIT} (ODbL)"
    persian = tally_files["choropleth.fa.html"].decode("utf-8")
    data = re.search(r'"credit":"([^"]*)"', persian)
    assert data is not None and json.loads(f'"{data.group(1)}"') == f"{CREDIT_FA} (ODbL)"
