"""The command group, and the one place where errors become messages and exit codes."""

from __future__ import annotations

import errno
import gc
import os
import sys
from typing import Any

import click

from iranmap.cli._flags import flag_message
from iranmap.cli._output import echo, echo_error, warnings_as_lines
from iranmap.errors import IranmapError

#: Where a command stores the exit code of trouble, when it is not 1 (``diff`` uses 2).
TROUBLE_KEY = "iranmap.trouble_exit"
#: Set to 1 to see the traceback of an unexpected error.
DEBUG_VARIABLE = "IRANMAP_DEBUG"


class _Group(click.Group):
    """A click group that prints an :class:`IranmapError` as ``error: ...`` and exits 1.

    Any other exception is a bug: it prints as one ``error:`` line saying so (its traceback
    with IRANMAP_DEBUG=1), never as a traceback a user must read. Ctrl-C exits 130; output
    piped into a reader that stops early (``| head``) ends quietly. A Python
    warning that no command caught prints as ``warning: message``, without Python's source
    line.
    """

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except KeyboardInterrupt:  # (click would say "Aborted!" and exit 1)
            echo("interrupted", err=True)
            sys.exit(130)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            with warnings_as_lines():
                return super().invoke(ctx)
        except IranmapError as exc:
            echo_error(flag_message(exc))
            sys.exit(ctx.meta.get(TROUBLE_KEY, 1))
        except KeyboardInterrupt:
            echo("interrupted", err=True)
            sys.exit(130)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise  # usage errors, --help: click prints them and picks the exit code
        except BrokenPipeError:
            # The reader of the output went away (`iranmap check ... | head`): nothing more
            # to say, and nothing to print at exit into the closed pipe.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(ctx.meta.get(TROUBLE_KEY, 1))
        except OSError as exc:
            if os.environ.get(DEBUG_VARIABLE) == "1":
                raise
            echo_error(os_message(exc))
            sys.exit(ctx.meta.get(TROUBLE_KEY, 1))
        except Exception as exc:
            if os.environ.get(DEBUG_VARIABLE) == "1":
                raise
            echo_error(
                f"unexpected {type(exc).__name__}: {exc}; this is a bug in iranmap: "
                f"run the command again with {DEBUG_VARIABLE}=1 to see where, and report it"
            )
            sys.exit(ctx.meta.get(TROUBLE_KEY, 1))


#: What to do, by errno, about a path the system refused.
_OS_HINTS = {
    errno.ENAMETOOLONG: "give a shorter name (each part of a path at most 255 bytes)",
    errno.ENOENT: "check the path",
    errno.EACCES: "check the permissions of the file and its folders",
    errno.EPERM: "check the permissions of the file and its folders",
    errno.ELOOP: "a symbolic link leads round in a loop; remove it",
    errno.ENOSPC: "free some space and try again",
    errno.EROFS: "use a folder on a writable disk",
}


def os_message(exc: OSError) -> str:
    """An error of the operating system as ``PATH: what; what to do``."""
    where = exc.filename if exc.filename is not None else "a file"
    reason = exc.strerror or type(exc).__name__
    hint = _OS_HINTS.get(exc.errno or 0, "check the path and try again")
    return f"{where}: {reason.lower()}; {hint}"


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(None, "-V", "--version", package_name="iranmap", prog_name="iranmap")
def main() -> None:
    """Turn published figures on executions in Iran into maps that work anywhere.

    A report is a folder holding report.toml and its figures (prisons.csv, provinces.csv or
    events.csv); `iranmap new reports/my-report` starts one. In a project folder, `iranmap
    build` turns every report under reports/ into maps under maps/.
    """


def run() -> None:
    """The ``iranmap`` command (the console script and ``python -m iranmap``): :func:`main`,
    then an exit that does not look through every object the run made for cycles to free.

    Python's exit collects garbage over every object still alive (the gazetteer's tables,
    pandas, the pages...): a tenth of a second of a two-second build, for memory the system
    takes back anyway. :func:`gc.freeze` leaves them out of that collection; files are
    closed and streams flushed as at any exit, and exit handlers run. Tests call :func:`main`.
    """
    try:
        main()
    finally:
        gc.freeze()
