"""The ``iranmap`` command (its console script) and ``python -m iranmap``.

Ctrl-C is made safe before the command's modules are imported (:mod:`iranmap._interrupt`), so
that even a stop in its first tenth of a second exits 130 with one line, not a traceback.
"""

import sys

from iranmap._interrupt import stop_between_imports


def main() -> None:
    """Run the command, after making Ctrl-C wait for any import under way."""
    stop_between_imports()
    try:
        from iranmap.cli import run
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(130)
    run()


if __name__ == "__main__":
    main()
