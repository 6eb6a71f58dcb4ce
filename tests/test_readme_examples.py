"""Every console example of the README is what iranmap prints today.

Each ```console block is a terminal session: ``$ command`` lines, each followed by what it
prints. A block is run from the repository (or, when it starts with ``iranmap new``, in an
empty folder, as a newcomer would), each command in a shell, and compared with what the
README shows: standard output line by line in order, and the ``warning:``, ``note:`` and
``error:`` lines of standard error in order; a line ``...`` stands for any number of lines.
``echo $?`` shows the previous command's exit status. A command that changes files the
example does not own (``sed -i`` on a shipped report) ends what is run of its block.

A few blocks show a user's own report (``my-report``), which the repository does not hold:
each is run in an empty folder holding the report that block is about (:data:`USERS_OWN`).
Within a line, ``...`` stands for any text (the rest of a long JSON line).
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
_ENGLISH_ONLY = """\
title = "Executions in Iran, 2025"
publisher = "A monitor"
total = 40

[source]
title = "Executions in 2025"
date = 2026-01-05

[period]
start = 2025-01-01
end = 2025-12-31
"""
_BOTH = _ENGLISH_ONLY.replace("[source]\n", '[source]\ntitle_fa = "اعدام‌ها در ۲۰۲۵"\n').replace(
    "total = ", 'title_fa = "اعدام‌ها در ایران، ۲۰۲۵"\npublisher_fa = "یک ناظر"\ntotal = '
)
_PLACED = """\
prison,executions,city,province,lat,lon
Vakilabad Prison,5,,,,
Ghezel Hesar,10,,,,
Qarchack,3,,,,
Hamadan Detention Centre,2,Hamadan,,,
A camp,1,,,35.7,51.4
"""
_JALALI = """\
title = "Executions in Iran, 1403"
title_fa = "اعدام‌ها در ایران، ۱۴۰۳"
publisher = "A monitor"
publisher_fa = "یک ناظر"
total = 4
calendar = "jalali"

[source]
title = "Executions in 1403"
title_fa = "اعدام‌ها در ۱۴۰۳"
date = "۱۴۰۴-۰۱-۱۰"

[period]
start = "1403-01-01"
end = "1403-12-30"
"""
#: The report folder (its files) each block about a user's own report is run beside, by the
#: block's first command and what its first line shows.
USERS_OWN: dict[tuple[str, str], dict[str, dict[str, str]]] = {
    ("iranmap check my-report", "..."): {
        "my-report": {"report.toml": _BOTH, "prisons.csv": _PLACED},
    },
    ("iranmap check my-report", "warning:"): {
        "my-report": {"report.toml": _ENGLISH_ONLY, "prisons.csv": _PLACED},
    },
    ("iranmap check my-report", "my-report/"): {
        "my-report": {
            "report.toml": _BOTH,
            "prisons.csv": (
                "prison,executions\nQezelhessar,5\nVakilabad Prison,x\nAtlantis,2\n"
                "Shiraz,3\nGhezel Hesar,4\n"
            ),
        },
    },
    ("iranmap check my-jalali-report --json", "{"): {
        "my-jalali-report": {
            "report.toml": _JALALI,
            "prisons.csv": "prison,executions\nVakilabad Prison,4\n",
        },
    },
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
    pattern = "".join(r"(?:[^\n]*\n)*?" if line == "..." else _line(line) + r"\n" for line in shown)
    return re.fullmatch(pattern, "".join(line + "\n" for line in printed)) is not None


def _line(shown: str) -> str:
    """A pattern for one line shown, where ``...`` stands for any text."""
    return "[^\\n]*".join(re.escape(part) for part in shown.split("..."))


def _users_own(block: list[Command]) -> dict[str, dict[str, str]] | None:
    """The report folders a block about a user's own report is run beside, if it is one."""
    first = block[0]
    for (line, starts), folders in USERS_OWN.items():
        if first.line == line and first.shown and first.shown[0].startswith(starts):
            return folders
    return None


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


def test_every_block_is_run_and_every_users_own_report_is_shown() -> None:
    found = [block for block in blocks() if block]
    assert all(_runs_here(block[0].line) for block in found), [b[0].line for b in found]
    users = [_users_own(b) for b in found if re.match(r"iranmap check my-", b[0].line)]
    assert None not in users
    assert len({id(f) for f in users if f is not None}) == len(USERS_OWN)


@pytest.mark.slow
@pytest.mark.parametrize(
    "block",
    [b for b in blocks() if b],
    ids=lambda b: b[0].line[:40],
)
def test_the_readme_example_is_what_iranmap_prints(block: list[Command], tmp_path: Path) -> None:
    cwd = REPO
    if block[0].line.startswith("iranmap new"):
        cwd = tmp_path
    if (folders := _users_own(block)) is not None:
        cwd = tmp_path
        for folder, files in folders.items():
            (tmp_path / folder).mkdir()
            for name, text in files.items():
                (tmp_path / folder / name).write_text(text, encoding="utf-8")
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
