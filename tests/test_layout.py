"""The code's own shape, as the lean-core issue set it: small modules."""

from __future__ import annotations

from pathlib import Path

import iranmap

PACKAGE = Path(iranmap.__file__).parent
MAX_LINES = 500


def test_no_module_is_longer_than_500_lines() -> None:
    long = {
        path.relative_to(PACKAGE).as_posix(): n
        for path in sorted(PACKAGE.rglob("*.py"))
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}, "split these modules into cohesive private ones"
