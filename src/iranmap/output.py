"""Writing into an output folder safely: whole files, one build at a time, clear OS errors.

* **Whole files.** A file is written to a temporary file beside it, flushed to disk, then
  renamed over the old one: a reader, or a build killed at any moment, sees the old file or
  the new one, never half of one.
* **Own temporary files only.** A temporary file's name is one only iranmap uses and carries
  the id of the process writing it (``.iranmap-tmp-<pid>-<random>``); clean-up removes only
  those whose process is gone, never another build's file in flight nor a reader's own
  ``.tmp`` file.
* **One build at a time.** A build holds a lock on ``.iranmap.lock`` in the output folder
  (``fcntl.flock``, released when the build ends, however it ends); a second build waits for
  it, up to a time limit, then stops with a clear error.
* **Clear errors.** Every ``OSError`` of reading or writing an output becomes an
  :class:`OutputError` naming the path and what to do about it.
"""

from __future__ import annotations

import errno
import fcntl
import os
import re
import secrets
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from iranmap.errors import IranmapError

Status = Literal["created", "updated", "unchanged", "removed"]

LOCK_NAME = ".iranmap.lock"
#: How long a build waits for another one writing to the same folder, in seconds.
LOCK_TIMEOUT = 60.0
_LOCK_POLL = 0.1
#: How every temporary file of iranmap's is named, and no other file.
TEMP_PREFIX = ".iranmap-tmp-"
_TEMP = re.compile(rf"{re.escape(TEMP_PREFIX)}(?P<pid>[0-9]{{1,10}})-[a-z0-9_]+")

#: What to do, by errno, when a path cannot be written.
_ADVICE = {
    errno.ENOSPC: ("no space is left on the device", "free some space and build again"),
    errno.EDQUOT: ("the disk quota is used up", "free some space and build again"),
    errno.EROFS: ("the file system is read-only", "choose an output folder on a writable disk"),
    errno.EACCES: (
        "permission denied",
        "choose an output folder you can write to, or change its permissions",
    ),
    errno.EPERM: (
        "the operation is not permitted",
        "choose an output folder you can write to, or change its permissions",
    ),
    errno.ENOTDIR: (
        "a part of the path is a file, not a folder",
        "choose an output path whose every part is a folder (or that does not exist yet)",
    ),
    errno.EISDIR: (
        "a folder stands where a file must be written",
        "move that folder away, or choose another output folder",
    ),
    errno.EEXIST: (
        "a file stands where a folder must be made",
        "move that file away, or choose another output folder",
    ),
    errno.ENAMETOOLONG: (
        "the name is too long for the file system",
        "give the folder a shorter name, or choose an output folder with a shorter path",
    ),
    errno.ELOOP: (
        "a symbolic link stands where iranmap writes, or leads round in a loop",
        "remove the link, or choose another output folder",
    ),
}


class OutputError(IranmapError):
    """An output file or folder could not be read or written; nothing half-written is left."""

    def __init__(self, path: Path, error: OSError, action: str = "write") -> None:
        self.path = path
        self.errno = error.errno
        self.strerror = error.strerror or type(error).__name__
        reason, advice = _ADVICE.get(
            error.errno or 0,
            (error.strerror or type(error).__name__, "choose an output folder you can write to"),
        )
        super().__init__(f"cannot {action} {path}: {reason}; {advice}")


@dataclass(frozen=True)
class FileResult:
    """One output file and what the build did to it."""

    path: Path
    status: Status


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers only ever see the old or the new file.

    Raises :class:`OutputError` when the file cannot be written; the old file is then intact.
    The temporary file's name is chosen before the file is made, so that an interruption at
    any moment, the making included, removes it (``mkstemp`` could be stopped after making it
    and before saying its name).
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(path, exc) from exc
    tmp = path.parent / f"{TEMP_PREFIX}{os.getpid()}-{secrets.token_hex(8)}"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException as exc:
        if not isinstance(exc, FileExistsError):  # that name is another's: leave it
            tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(path, exc) from exc
        raise


def remove_output(path: Path) -> FileResult | None:
    """Delete an output file a build no longer makes; None when it was already gone."""
    try:
        path.unlink()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise OutputError(path, exc, "remove") from exc
    return FileResult(path, "removed")


def read_output(path: Path) -> bytes | None:
    """The bytes of an output file, or None when there is none."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise OutputError(path, exc, "read") from exc


def sync_file(path: Path, data: bytes) -> FileResult:
    """Write ``data`` to ``path`` unless the file already holds exactly those bytes."""
    old = read_output(path)
    if old == data:
        return FileResult(path, "unchanged")
    write_atomic(path, data)
    return FileResult(path, "created" if old is None else "updated")


def remove_leftovers(folder: Path) -> None:
    """Delete the temporary files that builds no longer running left in ``folder``."""
    if folder.is_symlink() or not folder.is_dir():
        return
    for path in folder.glob(f"{TEMP_PREFIX}*"):
        found = _TEMP.fullmatch(path.name)
        if found is None or path.is_symlink() or _running(int(found["pid"])):
            continue
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            raise OutputError(path, exc, "remove the stale temporary file") from exc


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return False  # this build's own temporary files are never left between two writes
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    except OverflowError:
        return False
    return True


@contextmanager
def locked(
    folder: Path, timeout: float | None = None, on_wait: Callable[[Path], None] | None = None
) -> Iterator[None]:
    """Hold the output folder's lock inside; wait for another holder up to ``timeout`` s.

    ``on_wait`` is called once, with the lock file's path, when the lock is taken.
    """
    limit = LOCK_TIMEOUT if timeout is None else timeout
    path = folder / LOCK_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)  # never a link's target
    except OSError as exc:
        raise OutputError(folder if not folder.is_dir() else path, exc) from exc
    try:
        _acquire(fd, path, limit, on_wait)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _acquire(fd: int, path: Path, limit: float, on_wait: Callable[[Path], None] | None) -> None:
    deadline = time.monotonic() + limit
    waited = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        if not waited and on_wait is not None:
            on_wait(path)
        waited = True
        if time.monotonic() >= deadline:
            msg = (
                f"another iranmap build has been writing to {path.parent} for more than "
                f"{limit:g} s (it holds {path}); wait for it to finish and build again, or "
                "choose another output folder"
            )
            raise BusyError(msg)
        time.sleep(_LOCK_POLL)


class BusyError(IranmapError):
    """Another build holds the output folder's lock."""
