"""iranmap: published figures on executions in Iran, per prison and per province, as maps."""

from __future__ import annotations

__all__ = ["__version__"]


def __getattr__(name: str) -> str:
    """``iranmap.__version__``, read from the installed package's metadata when first asked
    for: importing what reads it costs more than a build spends before its first page."""
    if name != "__version__":
        msg = f"module 'iranmap' has no attribute {name!r}"
        raise AttributeError(msg)
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("iranmap")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
        found = "0.0.0"
    globals()["__version__"] = found
    return found
