"""Ctrl-C stops the ``iranmap`` command at once, but never halfway through importing a module.

A module whose import is cut short is left broken: numpy, stopped so, prints a traceback of its
own and then fails as an ImportError, which would reach the user as a bug in iranmap. So while
the command's main thread is importing, an interruption waits (a few hundredths of a second at a
time) until the import is done, and is then raised as Python would have raised it. Standard
library only: it is installed before anything else is imported.
"""

from __future__ import annotations

import _thread
import signal
import threading
from types import FrameType

#: How long an interruption that came during an import waits before it is tried again (s).
RETRY_S = 0.02


def stop_between_imports() -> None:
    """Make Ctrl-C (SIGINT) wait for the import under way, if any, then stop the command.

    Nothing changes where SIGINT is not Python's own handler (a shell that started the command
    in the background ignores it, and so does the command).
    """
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _on_interrupt)


def _on_interrupt(signum: int, frame: FrameType | None) -> None:
    if importing(frame):
        retry = threading.Timer(RETRY_S, _again, (signum,))
        retry.daemon = True
        retry.start()
        return
    raise KeyboardInterrupt


def _again(signum: int) -> None:
    """The interruption sent to the main thread again: as a signal where there are signals to a
    thread, which wakes a main thread that waits or sleeps once its import is done (a flag alone
    is read only when it runs again)."""
    if hasattr(signal, "pthread_kill"):
        signal.pthread_kill(threading.main_thread().ident or 0, signum)
    else:
        _thread.interrupt_main(signal.Signals(signum))


def importing(frame: FrameType | None) -> bool:
    """Whether ``frame`` or a frame that called it is Python's import machinery at work."""
    while frame is not None:
        if frame.f_code.co_filename.startswith("<frozen importlib"):
            return True
        frame = frame.f_back
    return False
