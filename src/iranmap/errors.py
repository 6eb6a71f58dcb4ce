"""Domain errors. The library raises these; only the CLI turns them into messages and exits.

Every message says what was expected, what was found, where, and how to fix it. Where the
problem has a place in a file, it is a :class:`Problem` with a path and a 1-based line, and its
text reads ``FILE:LINE: what is wrong; how to fix``.

A problem is an error (the input cannot be used) or a warning (it can, but its writer should
look: a figures file with a header and no rows). Readers collect both in one list; only errors
stop a report from being built.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input, at a place a user can open.

    ``severity`` is ``"error"`` (the default: nothing is built from the input) or ``"warning"``
    (the input is used as it is). ``str()`` gives ``FILE:LINE: message`` for both (in a
    spreadsheet ``FILE:Sheet1!B7: message``); a program printing a warning puts ``warning: ``
    in front of it.
    """

    path: str
    line: int | None
    message: str
    severity: str = "error"
    #: In a spreadsheet, the cell (``Sheet1!B7``) the problem is at; ``line`` is its row.
    cell: str | None = None

    def __post_init__(self) -> None:
        if self.severity not in ("error", "warning"):
            msg = f'severity must be "error" or "warning", not {self.severity!r}'
            raise ValueError(msg)

    @property
    def is_warning(self) -> bool:
        """Whether the problem is only a warning, which never stops a build."""
        return self.severity == "warning"

    def __str__(self) -> str:
        if self.cell is not None:
            where = f"{self.path}:{self.cell}"
        else:
            where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


class IranmapError(Exception):
    """Base class of every error iranmap raises on purpose."""


class InputError(IranmapError):
    """A user's input (a report folder, a CSV, a name list) cannot be used as it is.

    Carries one or more :class:`Problem`; its text is one problem per line.
    """

    def __init__(self, problems: Problem | Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = (
            (problems,) if isinstance(problems, Problem) else tuple(problems)
        )
        if not self.problems:
            msg = "InputError needs at least one Problem"
            raise ValueError(msg)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def at(cls, path: str, line: int | None, message: str) -> InputError:
        """Shorthand for an error with a single problem."""
        return cls(Problem(path, line, message))


class GeodataError(IranmapError):
    """The shipped reference data (boundaries, gazetteer) is missing or inconsistent."""


class BuildError(IranmapError):
    """One or more reports failed to build; the others were built."""


class UnexpectedError(IranmapError):
    """An exception iranmap did not expect while reading or building one input: reported for
    that input alone (``FILE: unexpected ...``) so that the others are still built."""

    def __init__(self, path: str, error: BaseException) -> None:
        self.path = path
        self.error = error
        self.message = (
            f"unexpected {type(error).__name__}: {error}; this is a bug in iranmap (nothing "
            "else was stopped by it): report it, with this file if you can"
        )
        super().__init__(f"{path}: {self.message}")
