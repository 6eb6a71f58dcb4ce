"""Which files of an output folder are iranmap's: a build writes and removes only those.

A file is iranmap's when the build stamp of its folder (``.iranmap-build.json``) lists it,
when the ``summary.json`` iranmap wrote beside a report's maps lists it (so that a fresh
clone of a project that commits its maps, without the git-ignored stamps, still builds), or,
for the gallery, when it is a gallery page. Anything else standing where an output goes
(a reader's own ``index.html``, a folder, a symbolic link) blocks that output: the build of
that folder writes nothing and says which file blocks which output, unless it is told to
replace them (``force``). A file holding exactly the bytes the build would write blocks
nothing: there is nothing to write.

Every output folder gets a ``.gitignore`` iranmap owns, naming what a build keeps for itself
(the stamps, the lock, its temporary files), so that a project under git shows none of them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from iranmap._stamp import PLAIN_NAME, STAMP_NAME, remove_unmade, write_stamp
from iranmap.errors import IranmapError
from iranmap.output import LOCK_NAME, TEMP_PREFIX, FileResult, remove_leftovers, sync_file
from iranmap.project import REPORT_FILE

#: Written by iranmap in the output folder: git ignores what a build keeps for itself.
GITIGNORE_NAME = ".gitignore"
GITIGNORE = (
    "# Written by iranmap: what its builds keep for themselves, not for publishing.\n"
    f"{GITIGNORE_NAME}\n{STAMP_NAME}\n{LOCK_NAME}\n{TEMP_PREFIX}*\n"
).encode()
_SUMMARY = "summary.json"
_GALLERY_TITLES: tuple[bytes, ...] | None = None


class BlockedError(IranmapError):
    """Files iranmap did not write stand where outputs go; none of them was written over.
    (A report's files are written in batches, pages first: those of the batches before the
    one that is blocked may be new; the build's stamp is not, so the next build makes them
    all again.)

    ``blocked``: each such path, and what the build would have written there.
    """

    def __init__(self, blocked: Sequence[tuple[Path, str]]) -> None:
        self.blocked = tuple(blocked)
        super().__init__("\n".join(blocked_line(path, what) for path, what in self.blocked))


#: What to do about a file in the way, in the library's words (the CLI names its options).
ADVICE = "move it away, or let the build replace it, or build into another folder"


def blocked_line(path: Path, what: str, advice: str = ADVICE) -> str:
    """One blocked output: the file, the output, what to do."""
    kind = "a symbolic link" if path.is_symlink() else "a folder" if path.is_dir() else "a file"
    return (
        f"{path}: {kind} iranmap did not write stands where the build writes {what}; it was "
        f"left as it is, and nothing of {path.parent} was written: {advice}"
    )


def owned_names(out_dir: Path) -> set[str]:
    """The names of the files in ``out_dir`` a build of iranmap wrote (see the module)."""
    names: set[str] = set()
    for listing in (STAMP_NAME, _SUMMARY):
        names.update(_listed(out_dir / listing))
    return names


def _listed(path: Path) -> set[str]:
    if path.is_symlink() or not path.is_file():
        return set()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, dict | list):
        return set()
    listed = {n for n in files if isinstance(n, str) and PLAIN_NAME.fullmatch(n)}
    return listed | {path.name} if listed else set()


def blocking(
    out_dir: Path, files: Mapping[str, bytes], what: str, *, gallery: bool = False
) -> list[tuple[Path, str]]:
    """The paths in ``out_dir`` that block one of ``files`` (see the module), each with
    what would be written there (``what``, and the file's name)."""
    owned = owned_names(out_dir)
    found: list[tuple[Path, str]] = []
    for name, data in sorted(files.items()):
        path = out_dir / name
        if not (path.exists() or path.is_symlink()):
            continue
        if path.is_symlink() or not path.is_file():
            found.append((path, f"{name} of {what}"))
        elif name in owned or (gallery and _is_gallery(path)):
            continue
        elif _read(path) != data:
            found.append((path, f"{name} of {what}"))
    return found


def write_owned(
    out_dir: Path,
    files: Mapping[str, bytes],
    digest: str,
    warned: Sequence[str],
    what: str,
    force: bool,
) -> tuple[FileResult, ...]:
    """Write ``files`` into ``out_dir`` with their stamp, and remove what the last build
    there wrote and this one does not; a BlockedError, writing nothing, when a file iranmap
    did not write is in the way (unless ``force``)."""
    blocked = [] if force else blocking(out_dir, files, what)
    if blocked:
        raise BlockedError(blocked)
    remove_leftovers(out_dir)
    previous = owned_names(out_dir)
    results = tuple(sync_file(out_dir / name, data) for name, data in sorted(files.items()))
    results += remove_unmade(out_dir, files, previous)
    write_stamp(out_dir, digest, files, warned)
    return results


def outside(out_root: Path, out_dir: Path) -> Path | None:
    """The first folder from ``out_root`` down to ``out_dir`` that leads outside
    ``out_root`` (a symbolic link, or a name like ``..``), or None when none does."""
    root = out_root.resolve()
    here = out_root
    for part in out_dir.relative_to(out_root).parts:
        here = here / part
        if part in ("..", ".") or here.is_symlink():
            return here
    if here.exists() and root not in (here.resolve(), *here.resolve().parents):
        return here
    return None


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _is_gallery(path: Path) -> bool:
    """Whether ``path`` holds a gallery page iranmap wrote (one of its titles)."""
    global _GALLERY_TITLES
    if _GALLERY_TITLES is None:
        from iranmap import i18n

        _GALLERY_TITLES = tuple(
            f"<title>{i18n.text(lang, 'gallery.title')}</title>".encode() for lang in i18n.LANGS
        )
    data = _read(path) or b""
    return data.startswith(b"<!DOCTYPE html>") and any(t in data for t in _GALLERY_TITLES)


#: What a change map of ``iranmap diff`` holds that no other file does.
_COMPARE_MARK = b'class="im-compare'


def compare_target_problem(path: Path) -> str | None:
    """Why a change map may not be written at ``path``, or None: it must end in ``.html``,
    lie in no report folder (one holding report.toml, or below one), and be a new file or a
    change map iranmap wrote (never a link)."""
    if path.suffix != ".html":
        return (
            f"a change map is an HTML page, and {path.name!r} does not end in .html; give a "
            "file name ending in .html, e.g. change.html"
        )
    folder = path.parent.resolve()
    for above in (folder, *folder.parents):
        if (above / REPORT_FILE).is_file():
            return (
                f"{above} is a report folder (it holds {REPORT_FILE}), and a change map is "
                "never written inside one; give a path outside every report folder"
            )
    if path.is_symlink():
        return "this is a symbolic link; give the path of a new file, or of a change map"
    if path.exists():
        data = _read(path) if path.is_file() else None
        if data is None or not data.startswith(b"<!DOCTYPE html>") or _COMPARE_MARK not in data:
            return (
                "this file is not a change map iranmap wrote, and iranmap replaces no other "
                "file; give the path of a new file, or move this one away"
            )
    return None


def gitignore_files(out_root: Path) -> dict[str, bytes]:
    """The ``.gitignore`` of the output folder, unless one of the user's own is there
    (then it is left alone: a user who keeps one decides what git ignores)."""
    path = out_root / GITIGNORE_NAME
    theirs = path.is_symlink() or (path.exists() and _read(path) != GITIGNORE)
    if theirs and GITIGNORE_NAME not in owned_names(out_root):
        return {}
    return {GITIGNORE_NAME: GITIGNORE}


def merged(previous: Iterable[str], now: Mapping[str, bytes], out_dir: Path) -> dict[str, bytes]:
    """The files a root stamp lists: those written now, and those an earlier build wrote
    that are still there (a gallery in a language not built this time stays iranmap's)."""
    kept = {
        name: data
        for name in previous
        if name not in now and name != STAMP_NAME and (data := _read(out_dir / name)) is not None
    }
    return {**kept, **now}
