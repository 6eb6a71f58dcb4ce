"""What iranmap makes from its reference data, kept between runs in the user's cache folder.

Reading the gazetteer's CSV files and indexing every name of every place through the naming
rules take about 1 s (nearly half of it the spellings of ``places.csv``), more than anything
else a page needs, and their results depend only on those files, on a project's own places and
on iranmap's code. So each is kept in the user's cache folder (:func:`iranmap.paths.cache_dir`)
under a digest of what it was made from, and read back by the next run in a few hundredths of a
second. Other data (a project's ``places.csv``) or an edited rule make another digest, so what
is read back is always what would be made anew. A file that cannot be read or written (a
read-only home, a damaged or foreign file) only means making it again. Nothing of a report's
figures is kept.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from iranmap.paths import cache_dir, code_files

T = TypeVar("T")

#: How a kept file is named: its kind, "-", the digest, this suffix.
SUFFIX = ".pickle"
#: How many files of one kind a cache folder holds (one per gazetteer and iranmap); the
#: oldest beyond these are removed when a new one is kept.
KEEP = 8
#: Seconds a thing must take to make to be worth keeping (reading one back costs about a third
#: of the time making it took, for the gazetteer and the geocoder alike).
WORTH_KEEPING = 0.01


def kept(kind: str, made_from: str, kept_type: type[T], make: Callable[[], T]) -> T:
    """What ``make()`` returns, read back from the cache folder if a run of this iranmap kept
    it for the same ``made_from`` (a text saying everything it depends on but the code), and
    else made, and kept if making it took longer than :data:`WORTH_KEEPING`."""
    folder = cache_dir()
    if folder is None:
        return make()
    path = folder / f"{kind}-{digest(made_from)}{SUFFIX}"
    found = _read(path, kept_type)
    if found is not None:
        return found
    start = time.perf_counter()
    made = make()
    if time.perf_counter() - start >= WORTH_KEEPING:
        _keep(path, made, kind)
    return made


def digest(made_from: str) -> str:
    """A digest of ``made_from`` and of the code that makes what is kept."""
    return hashlib.sha256(f"{code_digest()}\0{made_from}".encode()).hexdigest()


@functools.cache
def code_digest() -> str:
    """A digest of iranmap's own files (each by name, size and time of change: an edit or a
    new version changes them) and of Python's version, once a process."""
    found = hashlib.sha256(f"{sys.version}\0".encode())
    for name, path in code_files():
        info = path.stat()
        found.update(f"{name}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    return found.hexdigest()


def _read(path: Path, kept_type: type[T]) -> T | None:
    try:
        with path.open("rb") as handle:
            found = pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception:  # a damaged, truncated or foreign file: make it anew
        return None
    return found if isinstance(found, kept_type) else None


def _keep(path: Path, made: object, kind: str) -> None:
    """Write ``made`` to ``path`` whole or not at all (other processes may read it at the same
    time), in a folder only this user can read; remove the oldest of ``kind`` beyond KEEP."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=SUFFIX)
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(made, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        same_kind = sorted(
            path.parent.glob(f"{kind}-*{SUFFIX}"), key=lambda p: p.stat().st_mtime_ns
        )
        for old in same_kind[:-KEEP]:
            old.unlink(missing_ok=True)
    except OSError:
        return  # nowhere to keep it: the next run makes it again
