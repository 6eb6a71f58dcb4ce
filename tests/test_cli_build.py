"""`iranmap build` at the command line: what it prints, and what hostile or broken input does.

Every case asserts the exact message, that no traceback is printed, and that no input file
changed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from iranmap.cli import main

REPO = Path(__file__).resolve().parents[1]
SHIPPED = REPO / "geodata" / "reports"


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder``, by relative path."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def copy_report(tmp_path: Path, name: str = "2025-01-01-ncri", as_name: str | None = None) -> Path:
    target = tmp_path / "reports" / (as_name or name)
    shutil.copytree(SHIPPED / name, target)
    return target


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


def no_traceback(result: Result) -> None:
    assert "Traceback" not in result.output
    assert "Traceback" not in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_header_without_rows_builds_and_prints_one_warning_line(tmp_path: Path) -> None:
    report = copy_report(tmp_path)
    (report / "prisons.csv").write_text("prison,executions\n", encoding="utf-8")
    before = snapshot(report)
    result = run("build", report, "--out", tmp_path / "out", "--lang", "en")
    no_traceback(result)
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"warning: {report}/prisons.csv: has a header but no rows; the report itemizes no prison\n"
    )
    assert "UserWarning" not in result.output
    assert (tmp_path / "out" / "2025-01-01-ncri" / "points.html").is_file()
    again = run("build", report, "--out", tmp_path / "out", "--lang", "en")
    assert again.stderr == result.stderr  # an unchanged report repeats its warnings
    assert (
        again.stdout
        == "2025-01-01-ncri: up to date\n1 of 1 reports built into " + str(tmp_path / "out") + "\n"
    )
    assert snapshot(report) == before


def test_a_stray_python_warning_prints_as_one_line_without_source(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import warnings

    from iranmap.cli import _output

    monkeypatch.setattr(warnings, "filters", [])  # as outside pytest: warnings are shown
    shown: list[str] = []
    monkeypatch.setattr(_output, "echo_warning", shown.append)
    with _output.warnings_as_lines():
        warnings.simplefilter("always")
        warnings.warn("something odd", UserWarning, stacklevel=1)
    assert shown == ["something odd"]
