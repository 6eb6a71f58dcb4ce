"""Where ``iranmap build`` spends its time: pyinstrument, summarised by stage.

Run as a child process (``python bench/profiling.py OUT.json build ARGS...``) so that the
profile sees a cold process, imports included, exactly like a user's command. It writes:

* ``stages``: seconds per stage, each sample counted once. A sample under an import (a
  ``<module>`` frame) counts as "importing modules", whatever called the import; otherwise it
  counts for the innermost iranmap function of :data:`STAGES` on its stack ("other" if none).
* ``imports``: the import seconds by the package iranmap imported (nested imports included).
* ``functions``: the iranmap functions that take the most time outside imports.
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
    "timeline_to_draw",
    "images_to_draw",
    "pngs",
    "summary",
    "index_page",
    "sync_file",
)
IMPORTS = "importing modules"
SCRIPT = str(Path(__file__).resolve())
OTHER = "other"


def _is_iranmap(frame: Any) -> bool:
    """A frame of iranmap's own code: a source checkout (or its snapshot) or an install."""
    path = (frame.file_path or "").replace("\\", "/")
    return "/src/iranmap/" in path or "site-packages/iranmap/" in path


def package_of(file_path: str | None) -> str:
    """The top-level package a source file belongs to ("stdlib" when not installed)."""
    path = (file_path or "").replace("\\", "/")
    if "site-packages/" in path:
        top = path.split("site-packages/", 1)[1].split("/", 1)[0]
        return top.removesuffix(".py").split(".")[0]
    if "/src/iranmap/" in path:
        return "iranmap"
    return "stdlib"


def stage_times(
    root: Any, script: str
) -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
    """Seconds per stage, import seconds per imported package, and the iranmap functions
    that take the most time outside imports (each sample charged to the innermost iranmap
    function on its stack, so pandas' work for ``_events_frame`` is ``_events_frame``'s).

    An import is charged to the first package outside iranmap that iranmap's code imports:
    the time mapclassify spends importing scipy is mapclassify's.
    """
    totals: dict[str, float] = {}
    imports: dict[str, float] = {}
    functions: dict[str, float] = {}

    def walk(frame: Any, stage: str, root_package: str | None, inner: str) -> None:
        is_module = frame.function == "<module>" and (
            str(Path(frame.file_path or "").resolve()) != script
        )
        if is_module:
            package = package_of(frame.file_path)
            if root_package in (None, "iranmap"):
                root_package = package
        importing = root_package is not None
        if not importing and _is_iranmap(frame):
            if frame.function in STAGES:
                stage = frame.function
            if not frame.function.startswith("<"):
                inner = _label(frame)
        own = frame.time - sum(child.time for child in frame.children)
        if own:
            key = IMPORTS if importing else stage
            totals[key] = totals.get(key, 0.0) + own
            if root_package is not None:
                imports[root_package] = imports.get(root_package, 0.0) + own
            else:
                functions[inner] = functions.get(inner, 0.0) + own
        for child in frame.children:
            walk(child, stage, root_package, inner)

    walk(root, OTHER, None, OTHER)
    top = dict(list(_by_size(functions).items())[:12])
    return _by_size(totals), _by_size(imports), top


def _label(frame: Any) -> str:
    path = (frame.file_path or "").replace("\\", "/")
    module = path.rsplit("/iranmap/", 1)[-1].removesuffix(".py").replace("/", ".")
    return f"iranmap.{module}.{frame.function}"


def _by_size(values: dict[str, float]) -> dict[str, float]:
    return {k: round(v, 3) for k, v in sorted(values.items(), key=lambda kv: -kv[1])}


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
    stages, imports, functions = stage_times(root, SCRIPT)
    result = {
        "args": args,
        "duration_s": round(session.duration, 3),
        "stages": stages,
        "imports": imports,
        "functions": functions,
        "text": profiler.output_text(unicode=False, color=False, show_all=False),
    }
    Path(out).write_text(json.dumps(result, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
