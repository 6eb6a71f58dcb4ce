"""Shared fixtures. Browser tests use Debian's Chromium through Playwright, offline."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
GEODATA = REPO / "geodata"
DATA = Path(__file__).resolve().parent / "data"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def find_chromium() -> str | None:
    """Chromium's path: $IRANMAP_CHROMIUM, else `chromium` on PATH, else None."""
    override = os.environ.get("IRANMAP_CHROMIUM")
    if override:
        return override
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """A headless Chromium. Skips with an install hint when none is found, except in CI."""
    path = find_chromium()
    if path is None:
        hint = (
            "no Chromium found: install it (Debian: apt-get install chromium) "
            "or set IRANMAP_CHROMIUM"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but {hint}")
        pytest.skip(hint)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
