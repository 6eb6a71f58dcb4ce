"""What the browser tests ask axe-core (axe-playwright-python) about a page."""

from __future__ import annotations

from typing import Any


def serious_violations(page: Any) -> list[tuple[str, str, list[Any]]]:
    """What axe-core finds on ``page`` at "serious" or "critical" impact: each rule's id, its
    impact and the first three elements it names (an empty list: nothing a reader is held up by)."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
