"""Calendars of reports (Gregorian, Solar Hijri) and the Persian texts of report.toml."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from fake_world import MANIFEST, write_report
from iranmap.errors import InputError
from iranmap.reports import DateError, load_report, parse_date, read_report

JALALI = """\
title = "Test report"
publisher = "Test publisher"
calendar = "jalali"
total = 10

[source]
title = "A test"
date = "۱۴۰۳-۱۰-۱۲"

[period]
start = "1403/10/01"
end = 1403-10-30
"""


def problems_of(folder: Path, **filters: object) -> list[str]:
    with pytest.raises(InputError) as info:
        load_report(folder, **filters)  # type: ignore[arg-type]
    return [str(p).replace(str(folder), "R") for p in info.value.problems]


# -- parse_date ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "calendar", "expected"),
    [
        ("2025-01-01", "gregorian", date(2025, 1, 1)),
        ("۲۰۲۵-۰۱-۰۱", "gregorian", date(2025, 1, 1)),
        ("2025/1/1", "gregorian", date(2025, 1, 1)),
        ("1403-10-12", "jalali", date(2025, 1, 1)),
        ("۱۴۰۳-۱۰-۱۲", "jalali", date(2025, 1, 1)),
        ("١٤٠٣-١٠-١٢", "jalali", date(2025, 1, 1)),  # Arabic-Indic digits
        (" ۱۴۰۳/۱۰/۱۲ ", "jalali", date(2025, 1, 1)),
        ("1403-01-01", "jalali", date(2024, 3, 20)),  # Nowruz
        ("1403-12-30", "jalali", date(2025, 3, 20)),  # 1403 is a leap year
    ],
)
def test_parse_date(text: str, calendar: str, expected: date) -> None:
    assert parse_date(text, calendar) == expected


@pytest.mark.parametrize(
    ("text", "calendar", "message"),
    [
        (
            "1403-10-12",
            "gregorian",
            'from 1403-10-12 looks like a Solar Hijri date (= 2025-01-01); add calendar = "jalali" '
            "to report.toml, or write the Gregorian date",
        ),
        (
            "1403-13-01",
            "jalali",
            "from 1403-13-01 is not a day of the Solar Hijri calendar (month must be in 1..12); "
            "write it as YYYY-MM-DD with a month of 1..12 and a day that month has (months 1-6 "
            "have 31 days, 7-11 have 30, 12 has 29, or 30 in a leap year)",
        ),
        (
            "1402-12-30",
            "jalali",
            "from 1402-12-30 is not a day of the Solar Hijri calendar (day is out of range for "
            "month); write it as YYYY-MM-DD with a month of 1..12 and a day that month has "
            "(months 1-6 have 31 days, 7-11 have 30, 12 has 29, or 30 in a leap year)",
        ),
        (
            "2025-01-01",
            "jalali",
            "from 2025-01-01 looks like a Gregorian date (= 1403-10-12 in the Solar Hijri "
            'calendar), but the report\'s calendar is "jalali"; write the Solar Hijri date, or '
            'remove calendar = "jalali" from report.toml',
        ),
        (
            "1 Dey 1403",
            "jalali",
            "from '1 Dey 1403' is not a date; write it as YYYY-MM-DD, e.g. 1403-01-01",
        ),
        (
            "0900-13-01",
            "gregorian",
            "from 0900-13-01 is before the year 1700; write the Gregorian date as YYYY-MM-DD, or "
            'add calendar = "jalali" to report.toml for Solar Hijri dates',
        ),
        (
            "0622-03-22",
            "jalali",
            "from 0622-03-22 is before the Solar Hijri year 1079 "
            "(the Gregorian year 1700); check the year",
        ),
        ("2500-01-01", "gregorian", "from 2500-01-01 is after the year 2200; check the year"),
    ],
)
def test_parse_date_refuses_with_a_message(text: str, calendar: str, message: str) -> None:
    with pytest.raises(DateError) as info:
        parse_date(text, calendar, name="from")
    assert str(info.value) == message


def test_parse_date_needs_a_known_calendar() -> None:
    with pytest.raises(ValueError, match="calendar 'persian' is not one of gregorian, jalali"):
        parse_date("1403-01-01", "persian")


# -- report.toml --------------------------------------------------------------------------------


def test_a_jalali_report_keeps_gregorian_dates_and_the_original_texts(tmp_path: Path) -> None:
    report = load_report(
        write_report(tmp_path / "r", "prison,executions\nEvin,3\n", manifest=JALALI)
    )
    assert report.calendar == "jalali"
    assert (report.period_start, report.period_end) == (date(2024, 12, 21), date(2025, 1, 19))
    assert report.source_date == date(2025, 1, 1)
    assert report.period_original == ("1403/10/01", "1403-10-30")
    assert report.source_date_original == "۱۴۰۳-۱۰-۱۲"


def test_a_gregorian_report_keeps_its_texts_too(tmp_path: Path) -> None:
    report = load_report(write_report(tmp_path / "r", "prison,executions\nEvin,3\n"))
    assert report.calendar == "gregorian"
    assert report.period_original == ("2024-01-01", "2024-12-31")
    assert report.source_date_original == "2025-01-02"


def test_a_solar_hijri_date_in_a_gregorian_report(tmp_path: Path) -> None:
    manifest = MANIFEST.format(total=10).replace("date = 2025-01-02", "date = 1403-10-12")
    manifest = manifest.replace("start = 2024-01-01", 'start = "۱۴۰۳-۰۱-۰۱"')
    folder = write_report(tmp_path / "r", "prison,executions\nEvin,3\n", manifest=manifest)
    assert problems_of(folder) == [
        "R/report.toml:7: date 1403-10-12 looks like a Solar Hijri date (= 2025-01-01); add "
        'calendar = "jalali" to report.toml, or write the Gregorian date',
        "R/report.toml:10: start ۱۴۰۳-۰۱-۰۱ looks like a Solar Hijri date (= 2024-03-20); add "
        'calendar = "jalali" to report.toml, or write the Gregorian date',
    ]


def test_bad_dates_of_a_jalali_report(tmp_path: Path) -> None:
    manifest = JALALI.replace('"۱۴۰۳-۱۰-۱۲"', '"1403-13-01"').replace(
        "end = 1403-10-30", "end = 2025-01-01"
    )
    manifest = manifest.replace('start = "1403/10/01"', "start = 1403")
    folder = write_report(tmp_path / "r", "prison,executions\nEvin,3\n", manifest=manifest)
    assert problems_of(folder) == [
        "R/report.toml:8: date 1403-13-01 is not a day of the Solar Hijri calendar (month must "
        "be in 1..12); write it as YYYY-MM-DD with a month of 1..12 and a day that month has "
        "(months 1-6 have 31 days, 7-11 have 30, 12 has 29, or 30 in a leap year)",
        "R/report.toml:11: start = 1403 is not a date; write it as YYYY-MM-DD in quotes, e.g. "
        'start = "1403-10-12"',
        "R/report.toml:12: end 2025-01-01 looks like a Gregorian date (= 1403-10-12 in the Solar "
        'Hijri calendar), but the report\'s calendar is "jalali"; write the Solar Hijri date, '
        'or remove calendar = "jalali" from report.toml',
    ]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "end = 1403-02-31",  # Ordibehesht has 31 days; February has not
            "end = 1403-02-31 is not a date TOML can read (TOML dates are Gregorian, in Latin "
            'digits, with hyphens); write it in quotes: end = "1403-02-31"',
        ),
        (
            "end = ۱۴۰۳-۱۰-۳۰",
            "end = ۱۴۰۳-۱۰-۳۰ is not a date TOML can read (TOML dates are Gregorian, in Latin "
            'digits, with hyphens); write it in quotes: end = "۱۴۰۳-۱۰-۳۰"',
        ),
        (
            "end = 2025-02-30",
            "end = 2025-02-30 is not a day of the Gregorian calendar; write a day that exists as "
            "YYYY-MM-DD",
        ),
    ],
)
def test_dates_toml_cannot_read_are_explained(tmp_path: Path, line: str, message: str) -> None:
    manifest = JALALI.replace("end = 1403-10-30", line)
    folder = write_report(tmp_path / "r", "prison,executions\nEvin,3\n", manifest=manifest)
    assert problems_of(folder) == [f"R/report.toml:12: {message}"]


def test_the_period_of_a_jalali_report_ends_before_it_starts(tmp_path: Path) -> None:
    manifest = JALALI.replace("end = 1403-10-30", 'end = "1403-09-30"')
    folder = write_report(tmp_path / "r", "prison,executions\nEvin,3\n", manifest=manifest)
    assert problems_of(folder) == [
        "R/report.toml:12: the period ends (1403-09-30) before it starts (1403-10-01); "
        "swap start and end"
    ]


def test_an_unknown_calendar(tmp_path: Path) -> None:
    manifest = JALALI.replace('calendar = "jalali"', 'calendar = "shamsi"')
    manifest = manifest.replace('"۱۴۰۳-۱۰-۱۲"', "2025-01-01").replace('"1403/10/01"', "2024-12-21")
    manifest = manifest.replace("1403-10-30", "2025-01-19")
    folder = write_report(tmp_path / "r", "prison,executions\nEvin,3\n", manifest=manifest)
    assert problems_of(folder) == [
        'R/report.toml:3: calendar = \'shamsi\' is not one of "gregorian", "jalali"; write '
        'calendar = "gregorian" (the default) or another of them'
    ]


# -- events.csv ---------------------------------------------------------------------------------

EVENTS = "date,prison\n۱۴۰۳-۱۰-۰۱,Evin\n1403/10/12,Evin\n1403-10-30,Qarchak\n"


def test_events_of_a_jalali_report(tmp_path: Path) -> None:
    manifest = JALALI.replace("total = 10\n", "")
    folder = write_report(tmp_path / "r", None, events=EVENTS, manifest=manifest)
    report = load_report(folder)
    assert report.events is not None
    assert list(report.events["date"].dt.date) == [
        date(2024, 12, 21),
        date(2025, 1, 1),
        date(2025, 1, 19),
    ]
    assert [(f.name, f.executions) for f in report.prison_figures] == [("Evin", 2), ("Qarchak", 1)]
    # filters given as text are in the report's calendar; dates are Gregorian days
    assert load_report(folder, start="۱۴۰۳-۱۰-۱۲").total == 2
    assert load_report(folder, end=date(2025, 1, 1)).total == 2
    assert problems_of(folder, start="1403-13-01") == [
        "R: from 1403-13-01 is not a day of the Solar Hijri calendar (month must be in 1..12); "
        "write it as YYYY-MM-DD with a month of 1..12 and a day that month has (months 1-6 have "
        "31 days, 7-11 have 30, 12 has 29, or 30 in a leap year) (in the report's calendar, jalali)"
    ]


def test_bad_dates_in_the_events_of_a_jalali_report(tmp_path: Path) -> None:
    manifest = JALALI.replace("total = 10\n", "")
    events = EVENTS + "1403-13-01,Evin\n2025-01-02,Evin\n1403-11-01,Evin\n"
    folder = write_report(tmp_path / "r", None, events=events, manifest=manifest)
    assert problems_of(folder) == [
        "R/events.csv:5: date 1403-13-01 is not a day of the Solar Hijri calendar (month must be "
        "in 1..12); write it as YYYY-MM-DD with a month of 1..12 and a day that month has (months "
        "1-6 have 31 days, 7-11 have 30, 12 has 29, or 30 in a leap year)",
        "R/events.csv:6: date 2025-01-02 looks like a Gregorian date (= 1403-10-13 in the Solar "
        'Hijri calendar), but the report\'s calendar is "jalali"; write the Solar Hijri date, or '
        'remove calendar = "jalali" from report.toml',
        "R/events.csv:7: date '1403-11-01' is outside the report's period 1403-10-01..1403-10-30; "
        "fix the date (Solar Hijri, YYYY-MM-DD) or the period in report.toml",
    ]


def test_a_solar_hijri_date_in_the_events_of_a_gregorian_report(tmp_path: Path) -> None:
    events = "date,prison\n2024-03-01,Evin\n1403-10-12,Evin\n"
    folder = write_report(tmp_path / "r", None, events=events)
    assert problems_of(folder) == [
        "R/events.csv:3: date 1403-10-12 looks like a Solar Hijri date (= 2025-01-01); add "
        'calendar = "jalali" to report.toml, or write the Gregorian date'
    ]


# -- Persian texts and the other keys -------------------------------------------------------------

PERSIAN = """\
title = "Executions in Iran, 2024"
title_fa = "اعدام‌ها در ایران، ۲۰۲۴"
publisher = "Test publisher"
publisher_fa = "ناشر آزمایشی"
total = 10
total_qualifier = "exactly"
series = "yearly-2024"
notes = "A note."
notes_fa = "یادداشت."

[source]
title = "A test"
title_fa = "یک آزمون"
date = 2025-01-02

[period]
start = 2024-01-01
end = 2024-12-31

[[facts]]
label = "Women"
label_fa = "زنان"
value = 34

[[facts]]
label = "Average age"
value = 36
unit = "years"
unit_fa = "سال"
"""


def test_persian_texts_and_the_qualifier_and_series_are_read(tmp_path: Path) -> None:
    report = load_report(
        write_report(tmp_path / "r", "prison,executions\nEvin,3\n", manifest=PERSIAN)
    )
    assert report.title_fa == "اعدام‌ها در ایران، ۲۰۲۴"  # with its zero-width non-joiner
    assert (report.publisher_fa, report.notes_fa) == ("ناشر آزمایشی", "یادداشت.")
    assert report.source_title_fa == "یک آزمون"
    assert (report.total_qualifier, report.series) == ("exactly", "yearly-2024")
    assert [(f.label_fa, f.unit_fa) for f in report.facts] == [("زنان", None), (None, "سال")]


def test_the_qualifier_and_series_default(tmp_path: Path) -> None:
    report = load_report(write_report(tmp_path / "r", "prison,executions\nEvin,3\n"))
    assert (report.total_qualifier, report.series, report.title_fa) == ("at least", None, None)


def test_bad_qualifier_series_and_persian_texts(tmp_path: Path) -> None:
    manifest = PERSIAN.replace('"exactly"', '"about"').replace('"yearly-2024"', '"Yearly 2024"')
    manifest = manifest.replace('title_fa = "یک آزمون"', "title_fa = 3")
    manifest = manifest.replace('label_fa = "زنان"', 'label_fa = "زنان"\nunits_fa = "نفر"')
    folder = write_report(tmp_path / "r", "prison,executions\nEvin,3\n", manifest=manifest)
    assert problems_of(folder) == [
        'R/report.toml:6: total_qualifier = \'about\' is not one of "at least", "exactly"; '
        'write total_qualifier = "at least" (the default) or another of them',
        "R/report.toml:7: series = 'Yearly 2024' is not a slug; write lower-case Latin letters, "
        'digits and hyphens, e.g. series = "monthly-tally"',
        "R/report.toml:13: title_fa = 3 is not a text; write title_fa = ...",
        "R/report.toml:23: unknown key 'units_fa' in [[facts]]; the allowed keys are label, "
        "label_fa, value, unit, unit_fa, quote (did you mean 'unit_fa'?)",
    ]


def test_a_partial_report_keeps_the_calendar(tmp_path: Path) -> None:
    manifest = JALALI.replace("total = 10\n", "")
    folder = write_report(tmp_path / "r", None, events=EVENTS + "x,Evin\n", manifest=manifest)
    report, problems = read_report(folder)
    assert report is not None and report.calendar == "jalali" and len(problems) == 1


def test_the_shipped_reports_say_everything_in_persian_too() -> None:
    shipped = Path(__file__).resolve().parents[1] / "geodata" / "reports"
    for folder in sorted(p for p in shipped.iterdir() if (p / "report.toml").is_file()):
        report = load_report(folder)
        assert report.calendar == "gregorian", folder.name
        publisher_fa = {
            "NCRI Secretariat": "دبیرخانه شورای ملی مقاومت ایران",
            "NCRI U.S. Representative Office": "دفتر نمایندگی شورای ملی مقاومت ایران در آمریکا",
            "Hengaw Organization for Human Rights": "سازمان حقوق بشری هه‌نگاو",
            "Amnesty International": "عفو بین‌الملل",
            "Iran Human Rights (IHRNGO) and ECPM": "سازمان حقوق بشر ایران و ECPM",
            "UN High Commissioner for Human Rights": "کمیسر عالی حقوق بشر سازمان ملل متحد",
            "Human Rights Activists in Iran (HRANA)": "مجموعهٔ فعالان حقوق بشر در ایران (هرانا)",
        }
        assert report.publisher_fa == publisher_fa[report.publisher], folder.name
        assert report.title_fa, folder.name
        # Notes in English have their Persian; a report of its total alone may have none.
        assert bool(report.notes_fa) == bool(report.notes), folder.name
        assert report.notes or report.totals_only, folder.name
        for fact in report.facts:
            assert fact.label_fa, (folder.name, fact.label)
            assert (fact.unit is None) == (fact.unit_fa is None), (folder.name, fact.label)
