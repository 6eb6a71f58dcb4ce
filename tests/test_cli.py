"""The command line's outer shell: help, version, and error reporting."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from iranmap import __version__
from iranmap.cli import main


def test_version_prints_the_package_version() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"iranmap, version {__version__}\n"


def test_help_lists_commands() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    assert "Commands:" in result.output


def test_an_unexpected_error_is_one_line_and_its_traceback_only_on_request(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import iranmap.geocode

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("boom")

    monkeypatch.setattr(iranmap.geocode, "read_names", broken)
    result = CliRunner().invoke(main, ["geocode"], input="Evin\n")
    assert result.exit_code == 1
    assert result.stderr == (
        "error: unexpected ValueError: boom; this is a bug in iranmap: run the command again "
        "with IRANMAP_DEBUG=1 to see where, and report it\n"
    )
    assert "Traceback" not in result.output
    monkeypatch.setenv("IRANMAP_DEBUG", "1")
    debugged = CliRunner().invoke(main, ["geocode"], input="Evin\n")
    assert isinstance(debugged.exception, ValueError)
    # check says so as one problem of the report, so that --json stays one JSON document
    import iranmap.join

    monkeypatch.setattr(iranmap.join, "check_report", broken)
    monkeypatch.delenv("IRANMAP_DEBUG")
    checked = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert checked.exit_code == 1
    assert checked.stdout == (
        f"{tmp_path}: unexpected ValueError: boom; this is a bug in iranmap (nothing else was "
        "stopped by it): report it, with this file if you can\n"
    )


def test_ctrl_c_in_any_command_exits_130_with_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import iranmap.join

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(iranmap.join, "check_report", interrupted)
    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 130
    assert result.stderr == "interrupted\n"


def test_output_into_a_reader_that_stopped_ends_quietly() -> None:
    """`iranmap check REPORT | head -1`: the reader goes away, and iranmap says nothing of it."""
    import subprocess
    import sys

    iranmap = Path(sys.executable).parent / "iranmap"
    report = Path(__file__).resolve().parents[1] / "geodata" / "reports" / "2025-01-01-ncri"
    with subprocess.Popen(
        [str(iranmap), "check", str(report)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # before iranmap writes its first line
        stderr = process.stderr.read().decode()
        assert process.wait(timeout=60) == 1
    assert [line for line in stderr.splitlines() if not line.startswith("warning: ")] == []


@pytest.mark.parametrize(
    ("args", "code"), [(["--version"], 0), (["check", "no-such-folder"], 1), (["nope"], 2)]
)
def test_the_command_exits_with_mains_code_and_leaves_its_objects_to_the_system(
    args: list[str], code: int
) -> None:
    """``iranmap`` (the console script, and ``python -m iranmap``) is ``main``, then frozen: the
    objects a run made are left out of the garbage collection Python's exit would make."""
    import subprocess
    import sys

    probe = (
        "import atexit, gc, sys\n"
        "atexit.register(lambda: print('frozen', gc.get_freeze_count() > 0, file=sys.stderr))\n"
        "from iranmap.cli import run\n"
        f"sys.argv = ['iranmap', *{args!r}]\n"
        "run()\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == code
    assert done.stderr.splitlines()[-1] == "frozen True"
    module = subprocess.run(
        [sys.executable, "-m", "iranmap", *args], capture_output=True, text=True
    )
    assert module.returncode == code
