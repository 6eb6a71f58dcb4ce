"""The command line's outer shell: help, version, and error reporting."""

from __future__ import annotations

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
