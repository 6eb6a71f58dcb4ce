"""comparison.toml -> which reports a comparison sets side by side, each problem at its line."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from iranmap.errors import Problem
from iranmap.reports._checker import TomlChecker
from iranmap.reports._decode import read_text
from iranmap.reports._manifest import read_manifest
from iranmap.reports._model import REPORT_FILE
from iranmap.reports._toml import Place, toml_problem
from iranmap.reports._values import did_you_mean

COMPARISON_FILE = "comparison.toml"
#: The folder of a project (beside its reports folder) that holds one folder per comparison.
COMPARISONS_DIR = "comparisons"
KEYS = ("title", "title_fa", "notes", "notes_fa", "reports")
_EXAMPLE = 'reports = ["2024-ihrngo", "2024-hengaw"]'


@dataclass(frozen=True)
class Listed:
    """One report a comparison uses: its folder, the id it was listed as and the line."""

    folder: Path
    listed: str  # the id comparison.toml names
    line: int | None
    #: The earlier report of the chain, when the listed one was replaced by its revision.
    replaces: str | None = None


@dataclass(frozen=True)
class Spec:
    """comparison.toml, checked."""

    id: str
    folder: Path
    path: str
    title: str
    title_fa: str | None
    notes: str | None
    notes_fa: str | None
    reports: tuple[Listed, ...]


def read_spec(folder: Path, reports_root: Path) -> tuple[Spec | None, list[Problem]]:
    """The comparison in ``folder`` (its reports found in ``reports_root``) and every problem."""
    path = folder / COMPARISON_FILE
    shown = str(path)
    problems: list[Problem] = []
    if not path.is_file():
        msg = (
            f"the folder has no {COMPARISON_FILE}; a comparison folder needs one with title "
            'and reports = ["<report-id>", ...]'
        )
        return None, [Problem(str(folder), None, msg)]
    text = read_text(path, problems)
    if text is None:
        return None, problems
    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, ValueError) as exc:
        return None, [toml_problem(shown, text, exc)]
    place = Place(text)
    check = TomlChecker(shown, place, problems)
    check.keys(data, (), KEYS)
    for key, example in (("title", 'title = "Executions in Iran, 2024"'), ("reports", _EXAMPLE)):
        if key not in data:
            problems.append(
                Problem(shown, None, f"{COMPARISON_FILE} has no {key!r}; add {example}")
            )
    title = check.text(data, ("title",))
    title_fa = check.text(data, ("title_fa",), optional=True) or None
    notes = check.text(data, ("notes",), optional=True, notes=True) or None
    notes_fa = check.text(data, ("notes_fa",), optional=True, notes=True) or None
    listed = _listed(data.get("reports"), text, place, shown, reports_root, problems)
    if title is None or listed is None or problems:
        return None, problems
    spec = Spec(
        id=folder.resolve().name,
        folder=folder,
        path=shown,
        title=title,
        title_fa=title_fa,
        notes=notes,
        notes_fa=notes_fa,
        reports=latest_of_chains(listed, reports_root),
    )
    return spec, problems


def _listed(
    value: object,
    text: str,
    place: Place,
    shown: str,
    reports_root: Path,
    problems: list[Problem],
) -> tuple[Listed, ...] | None:
    if value is None:
        return None
    start = place.line("reports")
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value) or not value:
        msg = f"reports must be a list of report ids, found {value!r}; write e.g. {_EXAMPLE}"
        problems.append(Problem(shown, start, msg))
        return None
    known = sorted(p.name for p in _report_dirs(reports_root))
    lines = text.splitlines()
    found: list[Listed] = []
    seen: dict[str, int | None] = {}
    for rid in value:
        line = _line_of(rid, lines, start)
        if rid in seen:
            msg = f"report {rid!r} is listed twice (line {seen[rid]}); list each report once"
            problems.append(Problem(shown, line, msg))
            continue
        seen[rid] = line
        if rid not in known:
            msg = (
                f"no report {rid!r} in {reports_root}{did_you_mean(rid, known)}; "
                "list the id (the folder's name) of a report there"
            )
            problems.append(Problem(shown, line, msg))
            continue
        found.append(Listed(reports_root / rid, rid, line))
    return tuple(found)


def _line_of(rid: str, lines: list[str], start: int | None) -> int | None:
    """The line of comparison.toml where ``rid`` is written, from the line of ``reports``."""
    pattern = re.compile(r"[\"']" + re.escape(rid) + r"[\"']")
    first = (start or 1) - 1
    for number in range(first, len(lines)):
        if pattern.search(lines[number]):
            return number + 1
    return start


def _report_dirs(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if (p / REPORT_FILE).is_file())


def revisions(reports_root: Path) -> dict[str, str]:
    """Which report revises which, in ``reports_root``: {earlier id: id of its revision}."""
    later: dict[str, str] = {}
    for folder in _report_dirs(reports_root):
        found: list[Problem] = []
        meta = read_manifest(folder / REPORT_FILE, found)
        if meta is not None and meta.revises and meta.revises not in later:
            later[meta.revises] = folder.name
    return later


def latest_of_chains(listed: tuple[Listed, ...], reports_root: Path) -> tuple[Listed, ...]:
    """Each listed report replaced by the latest revision of it, unless the comparison lists
    a later report of the same chain too (then both are kept, to show the revision)."""
    later = revisions(reports_root)
    names = {item.listed for item in listed}
    out: list[Listed] = []
    used: set[str] = set()
    for item in listed:
        chain = _chain(item.listed, later)
        if any(c in names for c in chain):
            latest = item.listed
        else:
            latest = chain[-1] if chain else item.listed
        if latest in used:
            continue
        used.add(latest)
        replaces = item.listed if latest != item.listed else None
        out.append(Listed(reports_root / latest, item.listed, item.line, replaces))
    return tuple(out)


def _chain(rid: str, later: dict[str, str]) -> list[str]:
    """The reports that revise ``rid``, in order (each revising the one before)."""
    chain: list[str] = []
    current = rid
    while current in later and later[current] not in chain and later[current] != rid:
        current = later[current]
        chain.append(current)
    return chain
