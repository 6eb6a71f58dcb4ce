"""What the browser tests watch a page do, and what they ask axe-core (axe-playwright-python)
about it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Watch:
    """What a page did besides drawing itself: requests beyond its own files, errors in its
    console or its script, and dialogs (each dismissed). Give several the same list to keep
    them as one."""

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def listeners(self) -> dict[str, Callable[[Any], None]]:
        """The page's event handlers that keep them, for ``opening`` (tests/conftest.py)."""

        def on_dialog(dialog: Any) -> None:
            self.dialogs.append(dialog.message)
            dialog.dismiss()

        return {
            "request": lambda r: None if r.url.startswith("file:") else self.requests.append(r.url),
            "console": lambda m: self.errors.append(m.text) if m.type == "error" else None,
            "pageerror": lambda e: self.errors.append(str(e)),
            "dialog": on_dialog,
        }


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
