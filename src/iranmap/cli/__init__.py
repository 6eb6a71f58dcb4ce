"""The ``iranmap`` command. Each sub-command lives in a module of its own beside this one."""

from iranmap.cli._app import main, run

# Importing a command module registers its command on ``main``.
from iranmap.cli import _commands  # noqa: F401  # isort: skip

__all__ = ["main", "run"]
