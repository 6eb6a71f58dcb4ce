"""Time steps of an events report and of a series (iranmap.steps)."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from iranmap.errors import InputError
from iranmap.join import Joined, join
from iranmap.reports import load_report
from iranmap.steps import (
    check_kind,
    cumulative_matrix,
    cumulative_none,
    default_kind,
    events_timeline,
    group_series,
    none_matrix,
    province_matrix,
    series_problems,
    series_timeline,
    step_bounds,
    steps_csv,
    totals_csv,
)

# (month, day, prison) of a year's made-up rows: every month has some, Qezelhessar and Ghezel
# Hesar are one place, Evin and Qezelhessar lie in different provinces (Tehran, Alborz).
ROWS = [
    (month, day, prison)
    for month in range(1, 13)
    for day, prison in [(3, "Qezelhessar"), (9, "Evin"), (20, "Ghezel Hesar"), (28, "Shiraz")][
        : 1 + month % 4
    ]
]
#: report.toml's line for a report that dates all but one of its executions: in each step, a
#: province without a row is then not itemized (without it, the rows are the whole report,
#: and such a province had none reported).
PARTIAL = f"total = {len(ROWS) + 1}"

TOML = """title = "A year of rows"
publisher = "iranmap tests"
{extra}
[source]
title = "Made-up rows"
date = 2025-01-02

[period]
start = {start}
end = {end}
"""


def write_events(
    folder: Path,
    rows: list[tuple[int, int, str]] = ROWS,
    *,
    year: int = 2024,
    start: str = "2024-01-01",
    end: str = "2024-12-31",
    extra: str = "",
) -> Path:
    folder.mkdir(parents=True)
    lines = ["date,prison"] + [f"{year}-{m:02d}-{d:02d},{p}" for m, d, p in rows]
    (folder / "events.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "report.toml").write_text(
        TOML.format(start=start, end=end, extra=extra), encoding="utf-8"
    )
    return folder


def write_figures(
    folder: Path,
    start: str,
    end: str,
    total: int,
    provinces: str,
    series: str | None = None,
    *,
    toml: str = "",
) -> Path:
    """A report by province; ``toml``: more lines of report.toml (e.g. "complete = false")."""
    folder.mkdir(parents=True)
    extra = f"total = {total}\n" + (f'series = "{series}"\n' if series else "") + toml
    (folder / "report.toml").write_text(
        TOML.format(start=start, end=end, extra=extra), encoding="utf-8"
    )
    (folder / "provinces.csv").write_text("province,executions\n" + provinces, encoding="utf-8")
    return folder


def joined_of(folder: Path, series: str | None = None, calendar: str = "gregorian") -> Joined:
    report = replace(load_report(folder), series=series, calendar=calendar)
    return join(report)


# -- steps of a period ------------------------------------------------------------------------


def test_months_are_clipped_to_the_period() -> None:
    assert step_bounds(date(2024, 1, 15), date(2024, 3, 10), "month") == [
        ("2024-01", date(2024, 1, 15), date(2024, 1, 31)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2024-03", date(2024, 3, 1), date(2024, 3, 10)),
    ]


def test_weeks_count_seven_days_from_the_start() -> None:
    assert step_bounds(date(2025, 1, 1), date(2025, 1, 16), "week") == [
        ("2025-01-01", date(2025, 1, 1), date(2025, 1, 7)),
        ("2025-01-08", date(2025, 1, 8), date(2025, 1, 14)),
        ("2025-01-15", date(2025, 1, 15), date(2025, 1, 16)),
    ]


def test_quarters_and_years() -> None:
    assert [b[0] for b in step_bounds(date(2024, 2, 1), date(2024, 12, 31), "quarter")] == [
        "2024-Q1",
        "2024-Q2",
        "2024-Q3",
        "2024-Q4",
    ]
    assert step_bounds(date(2023, 6, 1), date(2024, 2, 1), "year") == [
        ("2023", date(2023, 6, 1), date(2023, 12, 31)),
        ("2024", date(2024, 1, 1), date(2024, 2, 1)),
    ]


def test_jalali_months_start_on_their_first_day() -> None:
    # 1 Dey 1403 is 21 December 2024; 1 Bahman is 20 January 2025; Nowruz 1404 is 21 March.
    assert step_bounds(date(2024, 12, 1), date(2025, 3, 25), "month", "jalali") == [
        ("1403-09", date(2024, 12, 1), date(2024, 12, 20)),
        ("1403-10", date(2024, 12, 21), date(2025, 1, 19)),
        ("1403-11", date(2025, 1, 20), date(2025, 2, 18)),
        ("1403-12", date(2025, 2, 19), date(2025, 3, 20)),
        ("1404-01", date(2025, 3, 21), date(2025, 3, 25)),
    ]
    assert [b[0] for b in step_bounds(date(2025, 3, 1), date(2025, 7, 1), "quarter", "jalali")] == [
        "1403-Q4",
        "1404-Q1",
        "1404-Q2",
    ]


def test_weeks_up_to_92_days_months_beyond(tmp_path: Path) -> None:
    short = load_report(write_events(tmp_path / "a", [(1, 3, "Evin")], end="2024-04-01"))
    long = load_report(write_events(tmp_path / "b", [(1, 3, "Evin")], end="2024-04-02"))
    assert (default_kind(short), default_kind(long)) == ("week", "month")


def test_an_unknown_step_names_the_option() -> None:
    assert check_kind("quarter") == "quarter"
    with pytest.raises(InputError) as info:
        check_kind("fortnight")
    assert str(info.value) == "step: expected one of month, week, quarter, year, found 'fortnight'"


# -- an events report -------------------------------------------------------------------------


def test_each_month_counts_what_check_from_to_counts(tmp_path: Path) -> None:
    folder = write_events(tmp_path / "year")
    timeline = events_timeline(join(load_report(folder)))
    assert [s.id for s in timeline.steps] == [f"2024-{m:02d}" for m in range(1, 13)]
    for step in timeline.steps:
        selected = load_report(folder, start=step.start, end=step.end)
        assert selected.events is not None
        assert step.reported == len(selected.events) == step.itemized
    assert sum(s.reported for s in timeline.steps) == len(ROWS) == timeline.reported


def test_provinces_per_step_add_up_and_are_not_itemized_without_rows(tmp_path: Path) -> None:
    timeline = events_timeline(join(load_report(write_events(tmp_path / "year", extra=PARTIAL))))
    isos, matrix = province_matrix(timeline)
    alborz, tehran, fars = isos.index("IR-30"), isos.index("IR-23"), isos.index("IR-07")
    # January: Qezelhessar, Evin; March: also Ghezel Hesar (the same place) and Shiraz;
    # April: Qezelhessar alone.
    assert [int(v) for v in matrix[0, [alborz, tehran, fars]]] == [1, 1, -1]
    assert [int(v) for v in matrix[2, [alborz, tehran, fars]]] == [2, 1, 1]
    assert [int(v) for v in matrix[3, [alborz, tehran, fars]]] == [1, -1, -1]
    for k, step in enumerate(timeline.steps):
        assert int(matrix[k][matrix[k] >= 0].sum()) == step.reported
    cumulative = cumulative_matrix(matrix)
    assert int(cumulative[11, alborz]) == sum(1 for _, _, p in ROWS if "ez" in p)
    assert int(cumulative[0, fars]) == -1  # not itemized until its first row (March)
    assert [int(v) for v in cumulative[1:4, fars]] == [-1, 1, 1]


def test_prisons_per_step_share_one_place_list(tmp_path: Path) -> None:
    timeline = events_timeline(join(load_report(write_events(tmp_path / "year"))))
    places = list(timeline.places["place_id"])
    march = timeline.prisons[timeline.prisons["step"] == 2]
    assert {places[p]: n for p, n in zip(march["place"], march["executions"], strict=True)} == {
        "ghezel-hesar": 2,
        "evin": 1,
        "city:IR-07:shiraz": 1,  # "Shiraz": the town; the row names no prison
    }


def test_a_stated_total_above_the_rows_is_undated(tmp_path: Path) -> None:
    folder = write_events(tmp_path / "year", extra="total = 100\n")
    timeline = events_timeline(join(load_report(folder)))
    assert (timeline.undated, timeline.reported) == (100 - len(ROWS), 100)
    last = totals_csv(timeline).decode().splitlines()[-2:]
    assert last == [
        f"undated,,,{100 - len(ROWS)},0,{100 - len(ROWS)},100,",
        f"all,2024-01-01,2024-12-31,100,{len(ROWS)},{100 - len(ROWS)},100,year",
    ]


def test_a_report_without_events_has_no_steps(tmp_path: Path) -> None:
    folder = write_figures(tmp_path / "f", "2025-01-01", "2025-01-31", 5, "Fars,5\n")
    with pytest.raises(InputError) as info:
        events_timeline(join(load_report(folder)))
    assert str(info.value) == (
        f"{folder / 'report.toml'}: report 'f' has no events.csv, so it has no dated rows to "
        "cut into steps; give a report with events.csv, or make it one step of a series"
    )


def test_steps_csv_lists_every_province_of_every_step(tmp_path: Path) -> None:
    rows = [(1, 3, "Qezelhessar"), (1, 4, "Qezelhessar"), (2, 5, "Evin")]
    folder = write_events(tmp_path / "r", rows, end="2024-02-29", extra="total = 4")
    timeline = events_timeline(join(load_report(folder)), "month")
    table = list(csv.DictReader(io.StringIO(steps_csv(timeline).decode())))
    assert len(table) == 2 * 31
    given = [r for r in table if r["status"] == "itemized"]
    assert given == [
        {
            "step": "2024-01",
            "start": "2024-01-01",
            "end": "2024-01-31",
            "province": "IR-30",
            "executions": "2",
            "status": "itemized",
            "source": "events.csv: 2 rows",
        },
        {
            "step": "2024-02",
            "start": "2024-02-01",
            "end": "2024-02-29",
            "province": "IR-23",
            "executions": "1",
            "status": "itemized",
            "source": "events.csv:4",
        },
    ]
    assert {r["executions"] for r in table if r["status"] == "not itemized"} == {""}


def test_when_the_rows_are_the_whole_report_a_province_without_one_had_none(
    tmp_path: Path,
) -> None:
    """Every execution a dated, placed row (no total beyond them): in each step a province
    with no row had none reported (0), as on the report's pages; not itemized is for a report
    whose rows leave part of its total unplaced."""
    timeline = events_timeline(join(load_report(write_events(tmp_path / "year"))))
    isos, matrix = province_matrix(timeline)
    none = none_matrix(timeline)
    alborz, tehran, fars = isos.index("IR-30"), isos.index("IR-23"), isos.index("IR-07")
    assert [int(v) for v in matrix[3, [alborz, tehran, fars]]] == [1, 0, 0]
    assert [bool(v) for v in none[3, [alborz, tehran, fars]]] == [False, True, True]
    assert int((matrix < 0).sum()) == 0  # no province of any step is not itemized
    cumulative, so_far = cumulative_matrix(matrix), cumulative_none(matrix, none)
    assert [int(v) for v in cumulative[0:3, fars]] == [0, 0, 1]
    assert [bool(v) for v in so_far[0:3, fars]] == [True, True, False]
    table = list(csv.DictReader(io.StringIO(steps_csv(timeline).decode())))
    april = {r["province"]: r for r in table if r["step"] == "2024-04"}
    assert april["IR-23"] | {"start": "", "end": ""} == {
        "step": "2024-04",
        "start": "",
        "end": "",
        "province": "IR-23",
        "executions": "0",
        "status": "none reported",
        "source": "events.csv",
    }
    assert {r["status"] for r in table} == {"itemized", "none reported"}


def test_a_million_rows_are_grouped_without_python_loops(tmp_path: Path) -> None:
    """Not a benchmark: the grouping must not depend on a per-row loop to be correct."""
    rows = [(m, d, "Evin") for m in range(1, 13) for d in (1, 15)] * 50
    timeline = events_timeline(join(load_report(write_events(tmp_path / "r", rows))))
    assert [s.reported for s in timeline.steps] == [100] * 12


# -- a series ---------------------------------------------------------------------------------


def months(tmp_path: Path) -> list[Joined]:
    jan = write_figures(tmp_path / "jan", "2025-01-01", "2025-01-31", 10, "Fars,4\nTehran,2\n")
    feb = write_figures(tmp_path / "feb", "2025-02-01", "2025-02-28", 7, "Fars,7\n")
    return [joined_of(feb, "monthly"), joined_of(jan, "monthly")]


def test_a_series_is_one_step_per_report_in_period_order(tmp_path: Path) -> None:
    timeline = series_timeline(months(tmp_path))
    assert [(s.id, s.reported, s.itemized, s.not_itemized) for s in timeline.steps] == [
        ("jan", 10, 6, 4),
        ("feb", 7, 7, 0),
    ]
    assert (timeline.name, timeline.kind, timeline.reported, timeline.itemized) == (
        "monthly",
        "report",
        17,
        13,
    )
    isos, matrix = province_matrix(timeline)
    # February places its whole total (7) in Fars: Tehran had none reported, not a gap.
    assert [int(v) for v in matrix[:, isos.index("IR-23")]] == [2, 0]
    assert none_matrix(timeline)[:, isos.index("IR-23")].tolist() == [False, True]
    assert totals_csv(timeline).decode().splitlines() == [
        "step,start,end,reported,itemized_by_province,not_itemized,cumulative,report",
        "jan,2025-01-01,2025-01-31,10,6,4,10,jan",
        "feb,2025-02-01,2025-02-28,7,7,0,17,feb",
        "all,2025-01-01,2025-02-28,17,13,4,17,monthly",
    ]


def three_months(tmp_path: Path) -> list[Joined]:
    """January itemizes 6 of 10 (partial), February all 7 (complete), March all 3 but says
    its table is a selection (complete = false)."""
    jan = write_figures(tmp_path / "jan", "2025-01-01", "2025-01-31", 10, "Fars,4\nTehran,2\n")
    feb = write_figures(tmp_path / "feb", "2025-02-01", "2025-02-28", 7, "Fars,5\nTehran,2\n")
    mar = write_figures(
        tmp_path / "mar", "2025-03-01", "2025-03-31", 3, "Fars,3\n", toml="complete = false\n"
    )
    return [joined_of(m, "monthly") for m in (jan, feb, mar)]


def test_a_complete_step_has_none_reported_where_its_report_lists_no_province(
    tmp_path: Path,
) -> None:
    """Each step follows its report's own table, as the report's page does: unlisted
    provinces of a complete report had none reported (0); of a partial one, or one that says
    it is a selection, they are not itemized (no figure, never 0)."""
    joined = three_months(tmp_path)
    assert [j.report.complete for j in joined] == [True, True, False]
    timeline = series_timeline(joined)
    isos, matrix = province_matrix(timeline)
    none = none_matrix(timeline)
    fars, kerman = isos.index("IR-07"), isos.index("IR-08")
    assert matrix[:, fars].tolist() == [4, 5, 3] and none[:, fars].tolist() == [False] * 3
    assert matrix[:, kerman].tolist() == [-1, 0, -1]
    assert none[:, kerman].tolist() == [False, True, False]
    # The same provinces as the reports' own pages say: the join is the rule's one owner.
    for k, j in enumerate(joined):
        status = dict(zip(j.provinces["iso"], j.provinces["status"], strict=True))
        for c, iso in enumerate(isos):
            expected = status[iso]
            got = "none reported" if none[k, c] else "itemized" if matrix[k, c] >= 0 else None
            assert (got or "not itemized") == expected, (k, iso)
    # Since January: none reported so far in Kerman, until a step gives it a figure.
    cumulative = cumulative_matrix(matrix)
    assert cumulative[:, kerman].tolist() == [-1, 0, 0]
    assert cumulative_none(matrix, none)[:, kerman].tolist() == [False, True, True]
    assert cumulative_none(matrix, none)[:, fars].tolist() == [False, False, False]
    rows = list(csv.DictReader(io.StringIO(steps_csv(timeline).decode())))
    kerman_rows = [
        (r["step"], r["executions"], r["status"], r["source"])
        for r in rows
        if r["province"] == "IR-08"
    ]
    assert kerman_rows == [
        ("jan", "", "not itemized", ""),
        ("feb", "0", "none reported", "feb"),
        ("mar", "", "not itemized", ""),
    ]
    statuses = {(r["step"], r["status"]) for r in rows}
    assert ("feb", "not itemized") not in statuses
    assert ("jan", "none reported") not in statuses and ("mar", "none reported") not in statuses


def test_group_series_leaves_out_reports_of_no_series(tmp_path: Path) -> None:
    reports = [j.report for j in months(tmp_path)]
    lone = replace(reports[0], series=None)
    grouped = group_series([*reports, lone])
    assert {name: [r.id for r in rs] for name, rs in grouped.items()} == {"monthly": ["feb", "jan"]}


def test_overlapping_periods_are_refused_at_the_period_line(tmp_path: Path) -> None:
    jan = write_figures(tmp_path / "jan", "2025-01-01", "2025-01-31", 10, "Fars,4\n")
    late = write_figures(tmp_path / "late", "2025-01-20", "2025-02-28", 7, "Fars,7\n")
    reports = [
        replace(load_report(jan), series="monthly"),
        replace(load_report(late), series="monthly"),
    ]
    expected = (
        f"{late / 'report.toml'}:9: period 2025-01-20..2025-02-28 overlaps "
        "2025-01-01..2025-01-31 of 'jan' in series 'monthly'; the reports of a series must not "
        "overlap: fix the period, or take the report out of the series"
    )
    assert [str(p) for p in series_problems(reports)] == [expected]
    with pytest.raises(InputError) as info:
        series_timeline([join(r) for r in reports])
    assert str(info.value) == expected


def test_an_overlap_with_a_report_before_the_previous_one_is_found(tmp_path: Path) -> None:
    year = write_figures(tmp_path / "year", "2025-01-01", "2025-12-31", 10, "Fars,4\n")
    feb = write_figures(tmp_path / "feb", "2025-02-01", "2025-02-28", 7, "Fars,7\n")
    mar = write_figures(tmp_path / "mar", "2025-03-01", "2025-03-31", 7, "Fars,7\n")
    reports = [replace(load_report(f), series="s") for f in (year, feb, mar)]
    found = [p.path for p in series_problems(reports)]
    assert found == [str(feb / "report.toml"), str(mar / "report.toml")]


def test_mixed_calendars_are_refused(tmp_path: Path) -> None:
    jan = write_figures(tmp_path / "jan", "2025-01-01", "2025-01-31", 10, "Fars,4\n")
    feb = write_figures(tmp_path / "feb", "2025-02-01", "2025-02-28", 7, "Fars,7\n")
    reports = [
        replace(load_report(jan), series="monthly"),
        replace(load_report(feb), series="monthly", calendar="jalali"),
    ]
    assert [p.message for p in series_problems(reports)] == [
        "calendar 'jalali' differs from 'gregorian' of 'jan' in series 'monthly'; give every "
        "report of a series the same calendar"
    ]
