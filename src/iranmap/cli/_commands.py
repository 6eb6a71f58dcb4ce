"""Imports every command module so that its command is registered on ``main``."""

from iranmap.cli import build, check, diff, geocode, new, opener  # noqa: F401
