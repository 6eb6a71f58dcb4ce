"""The README and the command line stay in step: every command and option is documented."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from iranmap.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands() -> list[tuple[str, click.Command]]:
    assert isinstance(main, click.Group)
    return sorted(main.commands.items())


def test_readme_quick_start_is_the_two_commands() -> None:
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```(?:sh|console|bash)?\n(.*?)```", quick, flags=re.S)
    commands = [line.strip() for block in blocks for line in block.splitlines() if line.strip()]
    assert commands == ["make maps", "make test"]


@pytest.mark.parametrize("name", [name for name, _ in _commands()])
def test_every_command_is_documented(name: str) -> None:
    assert f"iranmap {name}" in README, f"README.md does not show `iranmap {name}`"


@pytest.mark.parametrize(
    ("name", "option"),
    [
        (name, opt)
        for name, command in _commands()
        for param in command.params
        if isinstance(param, click.Option)
        for opt in param.opts
        if opt.startswith("--") and opt != "--help"
    ],
)
def test_every_option_is_documented(name: str, option: str) -> None:
    assert option in README, f"README.md does not mention `iranmap {name} {option}`"


def test_readme_commands_exist() -> None:
    """A command shown in the README (`iranmap NAME`) is a real command."""
    known = {name for name, _ in _commands()}
    shown = set(re.findall(r"(?:^\$ |`)iranmap ([a-z]+)", README, flags=re.M))
    assert shown, "README.md shows no iranmap command"
    assert shown <= known, f"README.md shows unknown commands: {sorted(shown - known)}"
