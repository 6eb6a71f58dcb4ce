"""The command group, and the one place where errors become messages and exit codes."""

from __future__ import annotations

import sys
from typing import Any

import click

from iranmap import __version__
from iranmap.cli._output import echo_error, warnings_as_lines
from iranmap.errors import IranmapError


class _Group(click.Group):
    """A click group that prints an :class:`IranmapError` as ``error: ...`` and exits 1.

    Any other exception is a bug and keeps its traceback. A Python warning that no command
    caught prints as ``warning: message``, without Python's source line.
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            with warnings_as_lines():
                return super().invoke(ctx)
        except IranmapError as exc:
            echo_error(str(exc) or type(exc).__name__)
            sys.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="iranmap")
def main() -> None:
    """Turn published figures on executions in Iran into maps that work anywhere.

    Reports live in folders (geodata/reports/<id>/ holds report.toml and prisons.csv);
    `iranmap build` turns every shipped report into maps under maps/.
    """
