"""Every map drawn from the province borders credits OpenStreetMap, as the ODbL requires.

The borders come from OpenStreetMap (geodata/README.md); the credit is one constant,
:data:`iranmap.boundaries.CREDIT`, and the provinces file names the same attribution.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from iranmap import boundaries
from iranmap.build import report_files
from iranmap.render import BuildOptions

REPO = Path(__file__).resolve().parents[1]
REPORTS = REPO / "geodata" / "reports"
CREDIT = "© OpenStreetMap contributors"


def test_the_credit_is_the_one_the_borders_file_names() -> None:
    data = json.loads((REPO / "geodata" / "provinces.geojson").read_text(encoding="utf-8"))
    assert data["attribution"] == boundaries.CREDIT == CREDIT
    assert data["license"].startswith(boundaries.LICENCE)


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
    missing = [name for name in drawn if CREDIT not in tally_files[name].decode("utf-8")]
    assert missing == []


def test_the_page_script_puts_the_credit_on_the_map(tally_files: dict[str, bytes]) -> None:
    page = tally_files["choropleth.html"].decode("utf-8")
    data = re.search(r'"credit":"([^"]*)"', page)
    assert data is not None and data.group(1) == f"{CREDIT} (ODbL)"
