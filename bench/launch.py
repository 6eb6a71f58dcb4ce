"""Run one command and report its own wall time and peak RSS: ``launch.py OUT.json CMD...``.

Why a launcher: on Linux a process's peak RSS (``ru_maxrss``) starts at the RSS of the
process that spawned it, because ``exec`` records the old memory image's high-water mark.
Spawned straight from ``run.py`` (which holds pandas, geopandas and a browser driver), every
command would inherit a floor of ~100 MB. This launcher is started with ``python -I -S`` and
imports nothing heavy, so the floor is the launcher's few MB, below any measured command.
"""

import json
import os
import sys
import time


def main() -> None:
    """``launch.py OUT.json [--watch FILE] CMD...``: with ``--watch``, also the time from
    the start until FILE exists (looked for every millisecond while the command runs)."""
    out, argv = sys.argv[1], sys.argv[2:]
    watch = None
    if argv[:1] == ["--watch"]:
        watch, argv = argv[1], argv[2:]
    first = None
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, os.environ)
    if watch is None:
        _, status, usage = os.wait4(pid, 0)
    else:
        while True:
            done, status, usage = os.wait4(pid, os.WNOHANG)
            if first is None and os.path.exists(watch):
                first = time.perf_counter() - start
            if done:
                break
            time.sleep(0.001)
    seconds = time.perf_counter() - start
    result = {
        "seconds": seconds,
        "first_file_seconds": first,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "maxrss_kib": usage.ru_maxrss,
        "returncode": os.waitstatus_to_exitcode(status),
    }
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(result, handle)


if __name__ == "__main__":
    main()
