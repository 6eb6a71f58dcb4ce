"""iranmap.calendars: the one home of the calendar type and of the Solar Hijri conversion."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest

import iranmap
from iranmap import calendars
from iranmap.errors import InputError

PACKAGE = Path(iranmap.__file__).parent


def test_a_calendar_is_checked() -> None:
    assert calendars.check_calendar("jalali") == "jalali"
    with pytest.raises(ValueError) as caught:
        calendars.check_calendar("julian")
    assert str(caught.value) == "calendar 'julian' is not one of gregorian, jalali"
    with pytest.raises(ValueError, match="calendar 'lunar' is not one of gregorian, jalali"):
        calendars.ymd(date(2025, 1, 2), "lunar")  # type: ignore[arg-type]


def test_a_step_kind_is_checked() -> None:
    assert calendars.check_kind("year") == "year"
    with pytest.raises(InputError) as caught:
        calendars.check_kind("fortnight")
    assert str(caught.value) == (
        "step: expected one of month, week, quarter, year, found 'fortnight'"
    )


def test_gregorian_and_solar_hijri_days() -> None:
    nowruz = date(2024, 3, 20)
    assert calendars.ymd(nowruz, "jalali") == (1403, 1, 1)
    assert calendars.ymd(nowruz, "gregorian") == (2024, 3, 20)
    assert calendars.from_jalali(1403, 1, 1) == nowruz
    assert calendars.first_day(1403, 10, "jalali") == date(2024, 12, 21)
    assert calendars.first_day(2025, 2, "gregorian") == date(2025, 2, 1)
    assert [calendars.jalali_month_days(1403, m) for m in (1, 6, 7, 12)] == [31, 31, 30, 30]
    assert calendars.jalali_month_days(1402, 12) == 29
    assert calendars.in_calendar(date(2025, 1, 2), "jalali") == "1403-10-13"
    assert calendars.in_calendar(date(2025, 1, 2), "gregorian") == "2025-01-02"


def test_calendars_are_defined_and_converted_in_one_module() -> None:
    """No other module lists the calendars or imports jdatetime."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "calendars.py" and path.parent == PACKAGE:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        name = path.relative_to(PACKAGE).as_posix()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                modules = [a.name for a in node.names] if isinstance(node, ast.Import) else []
                if "jdatetime" in [*modules, getattr(node, "module", None)]:
                    found.append(f"{name}:{node.lineno} imports jdatetime")
            if isinstance(node, ast.Tuple | ast.List | ast.Set):
                values = {e.value for e in node.elts if isinstance(e, ast.Constant)}
                if {"gregorian", "jalali"} <= values:
                    found.append(f"{name}:{node.lineno} lists the calendars")
            shown = (
                ast.unparse(node.annotation)
                if isinstance(node, ast.arg) and node.annotation
                else "Calendar"
            )
            if isinstance(node, ast.arg) and node.arg == "calendar" and shown != "Calendar":
                found.append(f"{name}:{node.lineno} takes calendar: {shown}")
    assert found == []
