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
    out, argv = sys.argv[1], sys.argv[2:]
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, os.environ)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    result = {
        "seconds": seconds,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "maxrss_kib": usage.ru_maxrss,
        "returncode": os.waitstatus_to_exitcode(status),
    }
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(result, handle)


if __name__ == "__main__":
    main()
