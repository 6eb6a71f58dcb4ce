"""Every console example of the README is what iranmap prints today.

Each ```console block is a terminal session: ``$ command`` lines, each followed by what it
prints. A block is run from the repository (or, when it starts with ``iranmap new``, in an
empty folder, as a newcomer would), each command in a shell, and compared with what the
README shows: standard output line by line in order, and the ``warning:``, ``note:`` and
``error:`` lines of standard error in order; a line ``...`` stands for any number of lines.
``echo $?`` shows the previous command's exit status. A command that changes files the
example does not own (``sed -i`` on a shipped report) ends what is run of its block.

A few blocks show a user's own report (``my-report``), which the repository does not hold:
they are listed below, and each must still be one the commands accept.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
#: Blocks about a user's own report folder, by their first command: not run here.
USERS_OWN = {
    "iranmap check my-report",
    "iranmap check my-jalali-report --json",
}
#: Lines of standard error that the README shows among the output.
_ERR = re.compile(r"^(warning|note|error): ")


@dataclass
class Command:
    line: str
    shown: list[str] = field(default_factory=list)


def blocks() -> list[list[Command]]:
    found = []
    for body in re.findall(r"```console\n(.*?)```", README.read_text(encoding="utf-8"), re.S):
        commands: list[Command] = []
        for line in body.splitlines():
            if line.startswith("$ "):
                commands.append(Command(line[2:]))
            elif commands:
                commands[-1].shown.append(line)
        for command in commands:  # a blank line between commands is the README's, not theirs
            while command.shown and not command.shown[-1].strip():
                command.shown.pop()
        found.append(commands)
    return found


def _matches(shown: list[str], printed: list[str]) -> bool:
    """Whether ``printed`` is ``shown``, where a line ``...`` stands for any lines."""
    pattern = "".join(
        r"(?:[^\n]*\n)*?" if line == "..." else re.escape(line) + r"\n" for line in shown
    )
    return re.fullmatch(pattern, "".join(line + "\n" for line in printed)) is not None


def _run(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.pop("IRANMAP_DEBUG", None)
    return subprocess.run(
        command, shell=True, cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def _runs_here(command: str) -> bool:
    words = shlex.split(command.split("|")[-1])
    return bool(words) and words[0] == "iranmap"


def test_every_block_is_run_or_named_as_a_users_own() -> None:
    firsts = [block[0].line for block in blocks() if block]
    assert set(USERS_OWN) <= set(firsts)
    assert all(_runs_here(first) or first in USERS_OWN for first in firsts), firsts


@pytest.mark.slow
@pytest.mark.parametrize(
    "block",
    [b for b in blocks() if b and b[0].line not in USERS_OWN],
    ids=lambda b: b[0].line[:40],
)
def test_the_readme_example_is_what_iranmap_prints(block: list[Command], tmp_path: Path) -> None:
    cwd = REPO
    if block[0].line.startswith("iranmap new"):
        cwd = tmp_path
    status = 0
    for command in block:
        if command.line == "echo $?":
            assert command.shown == [str(status)]
            continue
        if not _runs_here(command.line):
            break  # it changes what the following commands would see
        if cwd == REPO and "build" in shlex.split(command.line):
            break  # a build would write into the repository's maps/
        done = _run(command.line, cwd)
        status = done.returncode
        shown_out = [x for x in command.shown if not _ERR.match(x)]
        shown_err = [x for x in command.shown if _ERR.match(x) or x == "..."]
        printed_err = [x for x in done.stderr.splitlines() if _ERR.match(x)]
        assert _matches(shown_out, done.stdout.splitlines()), (command.line, done.stdout)
        if any(_ERR.match(x) for x in command.shown):
            assert _matches(shown_err, printed_err), (command.line, done.stderr)
        else:
            assert printed_err == [], (command.line, done.stderr)
    shutil.rmtree(tmp_path, ignore_errors=True)
