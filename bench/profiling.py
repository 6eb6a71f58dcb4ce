"""Where ``iranmap build`` spends its time: pyinstrument, summarised by stage.

Run as a child process (``python bench/profiling.py OUT.json build ARGS...``) so that the
profile sees a cold process, imports included, exactly like a user's command. It writes:

* ``stages``: seconds per stage, each sample counted once. A sample under an import (a
  ``<module>`` frame) counts as "importing modules", whatever called the import; otherwise it
  counts for the innermost iranmap function of :data:`STAGES` on its stack ("other" if none).
* ``text``: pyinstrument's own tree, for reading by hand.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

#: iranmap functions whose time is worth naming; the innermost one on a stack takes the time.
STAGES = (
    "load_report",
    "load_gazetteer",
    "load_provinces",
    "join",
    "render_page",
    "embed_snippet",
    "data_files",
    "static_images",
    "summary",
    "index_page",
    "sync_file",
)
IMPORTS = "importing modules"
SCRIPT = str(Path(__file__).resolve())
OTHER = "other"


def _is_iranmap(frame: Any) -> bool:
    path = (frame.file_path or "").replace("\\", "/")
    return "/iranmap/" in path and "/bench/" not in path


def stage_times(root: Any, script: str) -> dict[str, float]:
    """Seconds per stage, from pyinstrument's frame tree (see the module docstring)."""
    totals: dict[str, float] = {}

    def walk(frame: Any, stage: str, importing: bool) -> None:
        is_module = (
            frame.function == "<module>" and str(Path(frame.file_path or "").resolve()) != script
        )
        importing = importing or is_module
        if not importing and frame.function in STAGES and _is_iranmap(frame):
            stage = frame.function
        own = frame.time - sum(child.time for child in frame.children)
        if own:
            key = IMPORTS if importing else stage
            totals[key] = totals.get(key, 0.0) + own
        for child in frame.children:
            walk(child, stage, importing)

    walk(root, OTHER, False)
    return dict(sorted(totals.items(), key=lambda kv: -kv[1]))


def main(out: str, args: list[str]) -> None:
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.001)
    profiler.start()
    code: object = 0
    try:
        from iranmap.cli import main as cli

        cli.main(args, standalone_mode=False)
    except SystemExit as exc:  # the build command exits with its status
        code = exc.code
    finally:
        profiler.stop()
    if code not in (0, None):
        sys.exit(f"iranmap {' '.join(args)} exited {code!r} under the profiler")
    session = profiler.last_session
    assert session is not None
    root = session.root_frame()
    result = {
        "args": args,
        "duration_s": round(session.duration, 3),
        "stages": {k: round(v, 3) for k, v in stage_times(root, SCRIPT).items()},
        "text": profiler.output_text(unicode=False, color=False, show_all=False),
    }
    Path(out).write_text(json.dumps(result, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
