"""The command line's names for the library's settings: an error the library raises names
a setting as the library does (``breaks``, ``k``, the output folder); the user is told the
flag they typed (``--breaks``, ``--classes``, ``--out``)."""

from __future__ import annotations

from dataclasses import replace

from iranmap.errors import InputError, IranmapError, Problem
from iranmap.output import BusyError, OutputError

#: Each setting of :class:`iranmap.render.BuildOptions` (and the output folder) that a flag
#: sets, and that flag.
FLAGS = {
    "langs": "--lang",
    "lang": "--lang",
    "scheme": "--scheme",
    "k": "--classes",
    "breaks": "--breaks",
    "measure": "--measure",
    "tiles": "--tiles",
    "base_url": "--base-url",
    "step": "--step",
    "out": "--out",
}


def flag_problem(problem: Problem) -> Problem:
    """``problem`` with a setting's name replaced by its flag; any other as it is."""
    if problem.line is None and problem.cell is None and problem.path in FLAGS:
        return replace(problem, path=FLAGS[problem.path])
    return problem


def flag_message(error: IranmapError) -> str:
    """The text of ``error`` as the command line shows it: a setting by its flag, and an
    error writing the output folder marked as one of ``--out``."""
    if isinstance(error, InputError):
        return "\n".join(str(flag_problem(p)) for p in error.problems)
    if isinstance(error, OutputError | BusyError):
        return f"{FLAGS['out']}: {error}"
    return str(error) or type(error).__name__
