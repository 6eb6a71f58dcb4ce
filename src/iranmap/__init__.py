"""iranmap: published figures on executions in Iran, per prison and per province, as maps."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("iranmap")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0.0.0"

__all__ = ["__version__"]
