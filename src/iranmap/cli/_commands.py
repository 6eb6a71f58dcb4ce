"""Imports every command module so that its command is registered on ``main``."""

import iranmap.cli.check  # noqa: F401
from iranmap.cli import geocode  # noqa: F401
