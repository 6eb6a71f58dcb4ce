"""Where each report goes in an output folder: its id, checked, and nothing outside it."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from iranmap._galleries import SERIES_DIR
from iranmap._owned import outside
from iranmap._results import ReportResult
from iranmap.errors import InputError, Problem

#: A report id: what may name a folder in OUT and a path in a URL, on any system.
_ID = re.compile(r"^[a-z0-9_-][a-z0-9._-]*$")
ID_RULE = "lowercase letters a-z, digits 0-9, '-', '_' and '.' (not first)"


# ---------------------------------------------------------------------------------------------
# where each report goes


def report_id(folder: Path) -> str:
    """The id of the report in ``folder``: its resolved name (``.`` and ``a/b/..`` are
    resolved first), or an InputError when that name is not a plain one."""
    name = folder.resolve().name
    if Path(folder).is_symlink():
        target = os.readlink(folder)
        msg = (
            f"the report folder is a symbolic link (to {target!r}), and a report's id is its "
            "folder's own name; iranmap builds only report folders that are not links: "
            "move or copy the folder here instead of linking it"
        )
        raise InputError(Problem(str(folder), None, msg))
    if _ID.fullmatch(name):
        return name
    msg = (
        f"the report's id is its folder's name, and {name!r} cannot be one: use only "
        f"{ID_RULE}; rename the folder, e.g. to {suggested_id(name)!r}"
    )
    raise InputError(Problem(str(folder), None, msg))


def suggested_id(name: str) -> str:
    """A plain id close to ``name``: accents dropped, other characters made dashes."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    dashed = re.sub(r"[^a-z0-9._]+", "-", ascii_name.lower()).strip(".-")
    return dashed or "my-report"


def plan(
    report_dirs: Sequence[Path], out_root: Path
) -> tuple[list[tuple[Path, Path]], list[ReportResult]]:
    """(report folder, its output folder) of each report that can be built into
    ``out_root`` safely, and a failed result naming why for each one that cannot; an
    InputError when ``out_root`` mixes with a report folder. Writes nothing."""
    problems: list[Problem] = []
    placed: list[tuple[Path, Path]] = []
    refused: list[ReportResult] = []

    def refuse(folder: Path, problem: Problem) -> None:
        target = out_root / suggested_id(folder.resolve().name)
        refused.append(ReportResult(folder, target, error=InputError(problem), placed=False))

    seen: dict[str, Path] = {}
    out = out_root.resolve()
    for folder in report_dirs:
        try:
            rid = report_id(folder)
        except InputError as exc:
            refuse(folder, exc.problems[0])
            continue
        if rid == SERIES_DIR:
            msg = (
                f"the report's id is its folder's name, and {rid!r} names the folder of the "
                "series in the output folder; rename the report's folder, e.g. to 'series-report'"
            )
            refuse(folder, Problem(str(folder), None, msg))
            continue
        if rid in seen:
            msg = (
                f"two reports have the id {rid!r}: {seen[rid]} and {folder}; a report's id is "
                "its folder's name, so rename one of the folders"
            )
            refuse(folder, Problem(str(folder), None, msg))
            continue
        seen[rid] = folder
        problems.extend(_overlap(folder, out_root, out))
        target = out_root / rid
        if outside(out_root, target) is not None:
            msg = (
                f"{target} is a symbolic link, and iranmap writes only inside the output "
                "folder; remove the link, or choose another output folder"
            )
            refuse(folder, Problem(str(folder), None, msg))
            continue
        placed.append((folder, target))
    if problems:
        raise InputError(problems)
    return placed, refused


def _overlap(folder: Path, out_root: Path, out: Path) -> list[Problem]:
    resolved = folder.resolve()
    if out == resolved:
        relation = "is the report folder"
    elif resolved in out.parents:
        relation = "is inside the report folder"
    elif out in resolved.parents:
        relation = "holds the report folder"
    else:
        return []
    msg = (
        f"the output folder {out_root} {relation} {folder}, and the maps must not mix with the "
        "reports; choose an output folder outside every report folder, e.g. a maps folder "
        "beside them"
    )
    return [Problem("out", None, msg)]
