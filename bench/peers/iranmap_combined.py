"""iranmap, like for like with the peers: one report in, ``combined.html`` out, nothing else.

Usage: iranmap_combined.py REPORT_DIR OUT_HTML

``iranmap build`` also writes the choropleth and points pages, embed snippets, PNG and SVG
images, CSV and GeoJSON downloads and a gallery; the peers write one page. This script does
what the peers do, through iranmap's Python API, so the two can be compared fairly.
"""

from __future__ import annotations

import sys
from pathlib import Path

from iranmap.join import join
from iranmap.render import RenderOptions, render_map
from iranmap.reports import load_report


def main(report_dir: str, out: str) -> None:
    joined = join(load_report(Path(report_dir)))
    Path(out).write_bytes(render_map(joined, "combined", RenderOptions()))


if __name__ == "__main__":
    main(*sys.argv[1:3])
