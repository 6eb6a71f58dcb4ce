"""A project is a folder: its reports under ``reports/``, its maps into ``maps/``.

``iranmap build`` with no report named builds the report folders under ``reports/`` of the
current folder into ``maps/``. An ``iranmap.toml`` at the project's root may say otherwise::

    reports = "geodata/reports"   # the folder holding one folder per report
    out = "maps"                  # where the maps go
    base_url = "https://example.org/maps/"   # where they will be published (embed snippets)
    languages = ["en", "fa"]      # which languages to build

Paths are relative to the folder of ``iranmap.toml``, and ``out`` must lie inside it: a
project received from someone else cannot send its maps over files elsewhere (a folder given
on the command line may be anywhere). Options given on the command line win over the file.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from iranmap.errors import InputError, Problem
from iranmap.i18n import LANGS, Lang
from iranmap.limits import LimitError, bounded_toml

CONFIG_NAME = "iranmap.toml"
REPORT_FILE = "report.toml"
DEFAULT_REPORTS = "reports"
DEFAULT_OUT = "maps"
KEYS = ("reports", "out", "base_url", "languages")


@dataclass(frozen=True)
class Project:
    """Where a project's reports are, where its maps go, and how they are built."""

    root: Path
    config: Path | None  # the iranmap.toml read, if any
    reports: Path
    out: Path
    base_url: str | None = None
    languages: tuple[Lang, ...] | None = None


def load_project(root: Path) -> Project:
    """The project whose root is ``root``, with its ``iranmap.toml`` if it has one.

    Raises InputError naming every problem of ``iranmap.toml``.
    """
    path = root / CONFIG_NAME
    if not path.is_file():
        return Project(root, None, root / DEFAULT_REPORTS, root / DEFAULT_OUT)
    try:
        text = bounded_toml(path)
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, LimitError) as exc:
        msg = f"cannot be read as TOML ({exc}); fix it, or remove it to use the defaults"
        raise InputError(Problem(str(path), None, msg)) from None
    problems: list[Problem] = []
    settings = _Settings(str(path), text, data, problems)
    project = Project(
        root,
        path,
        root / settings.folder("reports", DEFAULT_REPORTS),
        root / settings.inside(settings.folder("out", DEFAULT_OUT), root),
        settings.base_url(),
        settings.languages(),
    )
    settings.unknown_keys()
    if problems:
        raise InputError(problems)
    return project


@dataclass(frozen=True)
class _Settings:
    path: str
    text: str
    data: Mapping[str, Any]
    problems: list[Problem]

    def line(self, key: str) -> int | None:
        found = re.search(rf"^\s*{re.escape(key)}\s*=", self.text, re.MULTILINE)
        return None if found is None else self.text.count("\n", 0, found.start()) + 1

    def add(self, key: str, message: str) -> None:
        self.problems.append(Problem(self.path, self.line(key), message))

    def folder(self, key: str, default: str) -> str:
        value = self.data.get(key, default)
        if not isinstance(value, str) or not value.strip():
            self.add(key, f'{key} = {value!r} is not a folder; write e.g. {key} = "{default}"')
            return default
        return value

    def inside(self, folder: str, root: Path) -> str:
        """``folder`` when it lies inside the project folder ``root`` (links resolved)."""
        top = root.resolve()
        where = (root / folder).resolve()
        if where == top or top in where.parents:
            return folder if where != top else self._out_is_root(folder)
        msg = (
            f"out = {folder!r} lies outside the project folder ({where}); iranmap.toml may "
            f'only name a folder inside the project, e.g. out = "{DEFAULT_OUT}" (a folder '
            "given on the command line may be anywhere)"
        )
        self.add("out", msg)
        return DEFAULT_OUT

    def _out_is_root(self, folder: str) -> str:
        msg = (
            f"out = {folder!r} is the project folder itself, and the maps must go in a folder "
            f'of their own; write e.g. out = "{DEFAULT_OUT}"'
        )
        self.add("out", msg)
        return DEFAULT_OUT

    def base_url(self) -> str | None:
        value = self.data.get("base_url")
        if value is not None and not isinstance(value, str):
            example = 'base_url = "https://example.org/maps/"'
            self.add("base_url", f"base_url = {value!r} is not a text; write e.g. {example}")
            return None
        return value

    def languages(self) -> tuple[Lang, ...] | None:
        value = self.data.get("languages")
        if value is None:
            return None
        if isinstance(value, list) and value and all(v in LANGS for v in value):
            return tuple(lang for lang in LANGS if lang in value)
        message = (
            f"languages = {value!r} is not a list of languages; write e.g. "
            f'languages = ["en", "fa"] (known: {", ".join(LANGS)})'
        )
        self.add("languages", message)
        return None

    def unknown_keys(self) -> None:
        for key in self.data:
            if key not in KEYS:
                message = f"unknown key {key!r}; iranmap.toml may hold {', '.join(KEYS)}"
                self.add(key, message)


def report_folders(folder: Path) -> list[Path]:
    """``[folder]`` when it is a report folder (it holds report.toml), else its sub-folders
    that are, sorted; ``[]`` when there is none."""
    if (folder / REPORT_FILE).is_file():
        return [folder]
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_dir() and (p / REPORT_FILE).is_file())


def series_candidates(report_dirs: Sequence[Path]) -> list[Path]:
    """The report folders whose series a build of ``report_dirs`` remakes: those folders and
    every report folder beside them. A series is every report that names it, so building
    one month of a monthly series keeps the other months in it."""
    found = {Path(d).resolve(): Path(d) for d in report_dirs}
    for parent in sorted({Path(d).resolve().parent for d in report_dirs}):
        try:
            siblings = report_folders(parent)
        except OSError:
            continue  # a folder that cannot be listed holds no step this build can read
        for sibling in siblings:
            found.setdefault(sibling.resolve(), sibling)
    return [found[key] for key in sorted(found)]


def project_reports(project: Project) -> list[Path]:
    """The report folders of ``project``, or an InputError saying where none was found."""
    found = report_folders(project.reports)
    if found:
        return found
    named = "" if project.config is None else f" (the reports folder {project.config} names)"
    state = (
        f"no folder in it holds a {REPORT_FILE}"
        if project.reports.is_dir()
        else "there is no such folder"
    )
    msg = (
        f"{state}{named}, so there is no report to build; create a report with "
        f"`iranmap new {project.reports / 'my-report'}`, or name report folders: "
        "iranmap build REPORT_DIR ..."
    )
    raise InputError(Problem(str(project.reports), None, msg))


def named_reports(folders: tuple[Path, ...] | list[Path]) -> list[Path]:
    """The report folders each named folder is or holds, or an InputError naming every
    folder that is neither."""
    found: list[Path] = []
    problems: list[Problem] = []
    for folder in folders:
        reports = report_folders(folder)
        if not reports:
            msg = (
                f"no {REPORT_FILE} in this folder or in its sub-folders, so no report to build; "
                f"name a report folder, or create one with `iranmap new {folder / 'my-report'}`"
            )
            problems.append(Problem(str(folder), None, msg))
        found.extend(reports)
    if problems:
        raise InputError(problems)
    return found
