"""A gazetteer's :class:`~iranmap.geocode.index.PlaceIndex`, kept between runs.

Building the index reads every name of every place through the naming rules: about 0.4 s for
the shipped gazetteer, more than anything else a page needs. The index depends only on the
gazetteer's records and on iranmap's own code, so it is kept in the user's cache folder
(:func:`iranmap.paths.cache_dir`) under a digest of both, and read back in a few hundredths of
a second by the next run with the same gazetteer and the same iranmap. Another gazetteer
(a project's own ``places.csv``) or an edited rule makes another digest, so a kept index is
never one that a fresh build would not make. A file that cannot be read or written (a
read-only home, a damaged or foreign file) only means the index is built as if nothing was
kept.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
import tempfile
import time
from pathlib import Path

from iranmap.gazetteer import Gazetteer
from iranmap.geocode.index import PlaceIndex
from iranmap.paths import cache_dir, code_files

#: How a kept index's file is named: this prefix, the digest, this suffix.
PREFIX, SUFFIX = "place-index-", ".pickle"
#: How many kept indexes one cache folder holds (one per gazetteer and iranmap); the oldest
#: beyond these are removed when a new one is kept.
KEEP = 8
#: Seconds an index must take to build to be worth keeping: reading one back takes about 0.03 s.
WORTH_KEEPING = 0.05


def place_index(gazetteer: Gazetteer) -> PlaceIndex:
    """The index of ``gazetteer``: read back if this iranmap kept it, else built, and kept
    if building it took longer than :data:`WORTH_KEEPING` (a small gazetteer's is not)."""
    folder = cache_dir()
    if folder is None:
        return built(gazetteer)
    path = folder / f"{PREFIX}{digest(gazetteer)}{SUFFIX}"
    kept = _read(path)
    if kept is not None:
        return kept
    start = time.perf_counter()
    index = built(gazetteer)
    if time.perf_counter() - start >= WORTH_KEEPING:
        _keep(path, index)
    return index


def built(gazetteer: Gazetteer) -> PlaceIndex:
    """A new index with every table it builds on first use already built, so that the one
    kept answers any name as fast as the one it was kept from."""
    return PlaceIndex(gazetteer).complete()


def digest(gazetteer: Gazetteer) -> str:
    """A digest of what the index is made from: the gazetteer's records (their repr: every
    field is a string, a number or a tuple of them) and the code that reads them."""
    return hashlib.sha256(f"{code_digest()}\0{gazetteer!r}".encode()).hexdigest()


@functools.cache
def code_digest() -> str:
    """A digest of iranmap's own files and Python's version, once a process."""
    found = hashlib.sha256(f"{sys.version}\0".encode())
    for name, path in code_files():
        found.update(f"{name}\0{path.stat().st_size}\0".encode())
        found.update(path.read_bytes())
    return found.hexdigest()


def _read(path: Path) -> PlaceIndex | None:
    try:
        with path.open("rb") as handle:
            kept = pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception:  # a damaged, truncated or foreign file: build anew
        return None
    return kept if isinstance(kept, PlaceIndex) else None


def _keep(path: Path, index: PlaceIndex) -> None:
    """Write ``index`` to ``path`` whole or not at all (other processes may read it at the
    same time), in a folder only this user can read, and remove the oldest beyond :data:`KEEP`."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=SUFFIX)
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(index, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        kept = sorted(path.parent.glob(f"{PREFIX}*{SUFFIX}"), key=lambda p: p.stat().st_mtime_ns)
        for old in kept[:-KEEP]:
            old.unlink(missing_ok=True)
    except OSError:
        return  # nowhere to keep it: the next run builds it again
