"""What a report leaves in English on its Persian maps: each text of report.toml that has no
Persian version (``title_fa`` ...), named so that a user can add it before the maps go out."""

from __future__ import annotations

from iranmap.errors import Problem
from iranmap.reports._model import REPORT_FILE, Report


def missing_persian(report: Report) -> tuple[Problem, ...]:
    """A warning naming each text of the report that a Persian map would show in English (the
    title, publisher, source title and notes without their ``*_fa`` key, each fact's label
    and unit without ``label_fa`` / ``unit_fa``) and the key to add; none when there is none.
    It is at the line of the first such text."""
    path = str(report.folder / REPORT_FILE)
    lines = report.manifest_lines
    missing: list[tuple[int | None, str]] = []
    for name in ("title", "publisher"):
        if getattr(report, name) and not getattr(report, f"{name}_fa"):
            missing.append((lines.get(name), f"{name}_fa"))
    if report.source_title and not report.source_title_fa:
        missing.append((lines.get("source"), "title_fa under [source]"))
    if report.notes and not report.notes_fa:
        missing.append((lines.get("notes"), "notes_fa"))
    for i, fact in enumerate(report.facts, start=1):
        if fact.label and not fact.label_fa:
            missing.append((lines.get("facts"), f"label_fa in [[facts]] {i}"))
        if fact.unit and fact.unit != "%" and not fact.unit_fa:
            missing.append((lines.get("facts"), f"unit_fa in [[facts]] {i}"))
    if not missing:
        return ()
    line = next((at for at, _ in missing if at is not None), None)
    message = (
        "the Persian maps will show English where report.toml has no "
        f"{', '.join(key for _, key in missing)}; add each with its text in Persian "
        '(or build in English only: languages = ["en"] in iranmap.toml)'
    )
    return (Problem(path, line, message, severity="warning"),)
