"""Whatever a report folder holds, reading it gives problems at places or a valid report.

Report folders are made of arbitrary Unicode texts (control, bidirectional and zero-width
characters among them), numbers of any size and kind, dates in either calendar, and names;
read_report must never raise, every problem it finds must name a file and a line, and a
report it accepts must hold only what the maps can lay out, and be joined without error.
"""

from __future__ import annotations

import csv
import io
import math
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import iranmap.raster
from iranmap.join import join
from iranmap.reports import Report, read_report
from iranmap.reports._text import REFUSED, REFUSED_IN_NOTES

MAX_COUNT = 10_000_000

# Texts: mostly short, drawn from all of Unicode, with the characters that matter often.
TRICKY = "\x00\t\n\r\x1b\x85\u200b\u200c\u200d\u200e\u202e\u2066\ufeff ,;\"'\\=#[]٬۱۲"
texts = st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from(TRICKY), max_size=30)
long_texts = st.text(alphabet="اب c", min_size=60, max_size=260)
numbers = st.one_of(
    st.integers(min_value=-5, max_value=2 * MAX_COUNT),
    st.integers(min_value=-(10**60), max_value=10**60),
    st.floats(allow_nan=True, allow_infinity=True),
    st.just(int("9" * 4000)),
)
toml_values = st.one_of(texts, long_texts, numbers, st.booleans(), st.dates())
cells = st.one_of(
    texts,
    st.integers(min_value=0, max_value=2 * MAX_COUNT).map(str),
    st.sampled_from(["1,000", "1.000", "۱٬۰۰۰", "1 000", "165.0", "-3", "1" * 5000]),
)
# Values that are fine more often than not, so that accepted reports are drawn too.
plain = st.text(alphabet="abc XYZ ابپ\u200c-.", min_size=1, max_size=20).filter(str.strip)
good_texts = st.one_of(plain, toml_values)
good_counts = st.one_of(st.integers(0, 50).map(str), cells)
good_totals = st.one_of(st.integers(100_000, MAX_COUNT), numbers)

dates = st.one_of(
    st.dates(min_value=date(1, 1, 1)),
    st.builds(
        lambda y, m, d: f"{y:04d}-{m:02d}-{d:02d}",
        st.integers(0, 3000),
        st.integers(0, 13),
        st.integers(0, 32),
    ),
    texts,
)


def toml_value(value: Any) -> str:
    """``value`` written as TOML (texts as basic strings, escaping what must be escaped)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        return ("inf" if value > 0 else "-inf") if math.isinf(value) else repr(value)
    if isinstance(value, date):
        return value.isoformat()
    out = []
    for char in str(value):
        if char in '"\\':
            out.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def table(rows: list[list[str]], delimiter: str = ",") -> str:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\n", delimiter=delimiter).writerows(rows)
    return buffer.getvalue()


_PERIODS = {
    "gregorian": ("2024-01-01", "2024-12-31"),
    "jalali": ("1403-01-01", "1403-12-30"),
    "solar": ("2024-01-01", "2024-12-31"),
}


@st.composite
def report_folders(draw: st.DrawFn) -> dict[str, str]:
    """The files of a report folder, by name."""
    keys = {
        "title": draw(good_texts),
        "title_fa": draw(st.none() | texts),
        "publisher": draw(good_texts),
        "total": draw(good_totals),
        "calendar": draw(st.sampled_from(["gregorian", "jalali", "solar"])),
        "notes": draw(st.none() | texts),
        "series": draw(st.none() | texts | st.just("monthly-tally")),
        "total_qualifier": draw(st.none() | st.sampled_from(["at least", "exactly", "about"])),
    }
    lines = [f"{k} = {toml_value(v)}" for k, v in keys.items() if v is not None]
    url = draw(
        st.none() | texts | st.sampled_from(["http://[::1", "javascript:x", "https://a.b/c"])
    )
    calendar = keys["calendar"]
    start, end = draw(st.one_of(st.just(_PERIODS[calendar]), st.tuples(dates, dates)))
    lines += [
        "[source]",
        f"title = {toml_value(draw(good_texts))}",
        f"date = {toml_value(draw(st.just(end) | dates))}",
    ]
    if url is not None:
        lines.append(f"url = {toml_value(url)}")
    lines += ["[period]", f"start = {toml_value(start)}", f"end = {toml_value(end)}"]
    for _ in range(draw(st.integers(0, 2))):
        lines += [
            "[[facts]]",
            f"label = {toml_value(draw(good_texts))}",
            f"value = {toml_value(draw(numbers))}",
        ]
    files = {"report.toml": "\n".join(lines) + "\n"}
    header = draw(
        st.sampled_from(
            [["prison", "executions"], ["prison", "executions", "city", "lat", "lon", "note"]]
        )
    )
    row = st.tuples(good_texts.map(str), good_counts).map(list)
    if len(header) > 2:
        row = st.tuples(row, st.lists(cells, min_size=4, max_size=4)).map(lambda r: r[0] + r[1])
    rows = draw(st.lists(row, max_size=5))
    files["prisons.csv"] = table([header, *rows], draw(st.sampled_from([",", ";", "\t"])))
    if draw(st.booleans()):
        provinces = draw(st.lists(st.tuples(texts, cells), max_size=3))
        files["provinces.csv"] = table([["province", "executions"], *map(list, provinces)])
    return files


@st.composite
def event_folders(draw: st.DrawFn) -> dict[str, str]:
    calendar = draw(st.sampled_from(["gregorian", "jalali"]))
    period = (
        ("2024-01-01", "2024-12-31") if calendar == "gregorian" else ("1403-01-01", "1403-12-30")
    )
    manifest = (
        f'title = "T"\npublisher = "P"\ncalendar = "{calendar}"\n'
        f'[source]\ntitle = "S"\ndate = "{period[1]}"\n'
        f'[period]\nstart = "{period[0]}"\nend = "{period[1]}"\n'
    )
    header = ["date", "prison", "age", "sex", "public", "name", "note"]
    rows = draw(
        st.lists(st.lists(st.one_of(dates.map(str), cells), min_size=7, max_size=7), max_size=6)
    )
    return {"report.toml": manifest, "events.csv": table([header, *rows])}


@contextmanager
def folder_of(files: dict[str, str]) -> Iterator[Path]:
    base = Path(tempfile.mkdtemp(prefix="iranmap-property-"))
    try:
        for name, text in files.items():
            (base / name).write_text(text, encoding="utf-8", newline="")
        yield base
    finally:
        shutil.rmtree(base)


def assert_read_safely(folder: Path) -> None:
    report, problems = read_report(folder)  # never raises
    for problem in problems:
        assert problem.path.startswith(str(folder)), problem
        assert problem.line is not None and problem.line >= 1, problem
        assert not problem.is_warning
    if not problems:
        assert report is not None
        assert_valid(report)
        join(report, strict=False)  # the next stage takes what reading accepts


def assert_valid(report: Report) -> None:
    """What the maps rely on, of a report read without problems."""
    for text in (report.title, report.publisher, *filter(None, [report.title_fa])):
        assert text.strip() and len(text) <= 200 and not REFUSED.search(text), text
    assert not REFUSED_IN_NOTES.search(report.notes or "")
    assert report.period_start <= report.period_end
    assert report.source_url is None or report.source_url.lower().startswith(
        ("http://", "https://")
    )
    figures = (*report.prison_figures, *report.province_figures)
    for figure in figures:
        assert 0 <= figure.executions <= MAX_COUNT
        assert figure.name.strip() and len(figure.name) <= 120 and not REFUSED.search(figure.name)
    assert 0 <= report.total <= MAX_COUNT
    assert sum(f.executions for f in report.prison_figures) <= report.total
    assert sum(f.executions for f in report.province_figures) <= report.total
    for fact in report.facts:
        assert len(fact.label) <= 80 and math.isfinite(fact.value) and abs(fact.value) <= MAX_COUNT


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report_folders())
def test_any_report_folder_reads_to_problems_or_a_valid_report(files: dict[str, str]) -> None:
    with folder_of(files) as folder:
        assert_read_safely(folder)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(event_folders())
def test_any_events_file_reads_to_problems_or_a_valid_report(files: dict[str, str]) -> None:
    with folder_of(files) as folder:
        assert_read_safely(folder)


# Whatever check accepts, build builds, and no text of the report becomes script.
_SCRIPT_TAG = re.compile(rb"<script\b", re.I)


@cache
def _clean_scripts() -> dict[str, int]:
    """How many script elements each page of a plain report has."""
    from iranmap.build import report_files
    from iranmap.render import BuildOptions

    clean = Path(__file__).resolve().parents[1] / "geodata" / "reports" / "2024-ncri"
    files = report_files(clean, BuildOptions())
    return {n: len(_SCRIPT_TAG.findall(b)) for n, b in files.items() if n.endswith(".html")}


# Mostly accepted folders: a sound skeleton around arbitrary text (markup and script among
# it) in every field a page shows, prisons placed by their coordinates inside Iran.
PAYLOADS = st.sampled_from(
    [
        "<script>window.__x=1</script>",
        "</script><img src=x onerror=__x=1>",
        '"><svg onload=__x=1>',
        "javascript:__x=1",
        "{{7*7}}",
        '=HYPERLINK("x")',
        "زندان <b>اوین</b>",
    ]
)
shown = st.one_of(plain, PAYLOADS, texts).filter(lambda t: t.strip())


@st.composite
def accepted_folders(draw: st.DrawFn) -> dict[str, str]:
    keys = {
        "title": draw(shown),
        "title_fa": draw(st.none() | shown),
        "publisher": draw(shown),
        "notes": draw(st.none() | shown),
        "total": 1000,
    }
    lines = [f"{k} = {toml_value(v)}" for k, v in keys.items() if v is not None]
    lines += ["[source]", f"title = {toml_value(draw(shown))}", "date = 2025-01-02"]
    lines += ["[period]", "start = 2024-01-01", "end = 2024-12-31"]
    lines += ["[[facts]]", f"label = {toml_value(draw(shown))}", "value = 3"]
    rows = io.StringIO()
    writer = csv.writer(rows, lineterminator="\n")
    writer.writerow(["prison", "executions", "lat", "lon"])
    for i, name in enumerate(draw(st.lists(shown, min_size=1, max_size=3, unique=True))):
        writer.writerow([name, i + 1, 35.6 + i / 10, 51.4])
    return {"report.toml": "\n".join(lines) + "\n", "prisons.csv": rows.getvalue()}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(accepted_folders(), report_folders()))
def test_whatever_check_accepts_builds_and_runs_no_script_of_its_text(
    files: dict[str, str],
) -> None:
    from iranmap.build import report_files
    from iranmap.join import check_report
    from iranmap.render import BuildOptions

    with folder_of(files) as folder, pytest.MonkeyPatch.context() as patch:
        joined, problems = check_report(folder)
        if problems or joined is None:
            return
        # The PNGs carry no script; drawing them would be most of this test's time.
        patch.setattr(iranmap.raster, "png", lambda job: b"not drawn")
        built = report_files(folder, BuildOptions())  # never raises for an accepted report
        assert "combined.html" in built or "choropleth.html" in built
        scripts = _clean_scripts()
        for name, data in built.items():
            if name in scripts:
                assert len(_SCRIPT_TAG.findall(data)) == scripts[name], name
