"""``iranmap new``: start a report folder, with a commented report.toml and an empty figures file.

The required values of report.toml are left out, written only as comments with an example:
until they are filled in, ``iranmap check`` names each one that is missing ("report.toml has
no 'title'; add title = ..."), so a report cannot be built with placeholder text.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import click

from iranmap.cli._app import main
from iranmap.cli._output import echo
from iranmap.errors import InputError, Problem
from iranmap.i18n import LANGS

KINDS = ("prisons", "provinces", "events")
#: The figures file of each kind of report, with its header (the required columns).
FIGURES = {
    "prisons": ("prisons.csv", "prison,executions\n"),
    "provinces": ("provinces.csv", "province,executions\n"),
    "events": ("events.csv", "date,prison\n"),
}
#: The optional columns of each figures file, as report.toml's comments list them.
OPTIONAL_COLUMNS = {
    "prisons": "province, city, place, lat, lon, note",
    "provinces": "note",
    "events": "province, sex, age, charge, ethnicity, public, name, note",
}


@main.command("new")
@click.argument("report_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--lang",
    type=click.Choice(LANGS),
    default="en",
    show_default=True,
    help="Language of report.toml's comments and examples (the columns stay in English).",
)
@click.option(
    "--kind",
    type=click.Choice(KINDS),
    default="prisons",
    show_default=True,
    help="The figures the report gives: a count per prison (prisons.csv), per province "
    "(provinces.csv), or one row per execution (events.csv).",
)
@click.option("--title", default=None, help="The report's title, written into report.toml.")
@click.option("--title-fa", default=None, help="Its title in Persian (title_fa).")
@click.option("--publisher", default=None, help="Who published it, written into report.toml.")
@click.option("--publisher-fa", default=None, help="Its publisher in Persian (publisher_fa).")
def new_command(report_dir: Path, lang: str, kind: str, **values: str | None) -> None:
    """Start a report in REPORT_DIR (a new or empty folder): a report.toml whose every key is
    explained, and an empty figures file with its header.

    The values report.toml requires (title, publisher, the source and the period) are left as
    comments to fill in, except those given here (--title, --publisher); `iranmap check
    REPORT_DIR` names each one still missing. The folder's name is the report's id:
    lowercase letters, digits, '-', '_' and '.' (not first).
    """
    from iranmap.output import write_atomic

    given = {key: _given(key, value) for key, value in values.items() if value is not None}
    _check_empty(report_dir)
    _check_id(report_dir)
    figures_name, header = FIGURES[kind]
    files = {
        "report.toml": report_toml(lang, kind, given),
        figures_name: header,
    }
    for name, text in files.items():
        write_atomic(report_dir / name, text.encode("utf-8"))
        echo(f"created {report_dir / name}")
    echo(
        f"next: fill in the values report.toml marks required, and the rows of {figures_name}; "
        f"then run `iranmap check {report_dir}`"
    )


def _check_empty(folder: Path) -> None:
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        msg = (
            "already holds files, and iranmap new writes only into a new or empty folder; "
            "give another folder"
        )
        raise InputError(Problem(str(folder), None, msg))


def _check_id(folder: Path) -> None:
    from iranmap.build import ID_RULE, report_id, suggested_id

    try:
        report_id(folder)
    except InputError:
        name = folder.resolve().name
        msg = (
            f"{name!r} cannot name a report, whose id is its folder's name: use only {ID_RULE}; "
            f"choose e.g. {suggested_id(name)!r}"
        )
        raise InputError(Problem(str(folder), None, msg)) from None


#: An example of each value ``new`` can write, for its error message.
_EXAMPLES = {
    "title": "Executions in Iran, 2025",
    "title_fa": "اعدام‌ها در ایران، ۲۰۲۵",
    "publisher": "Iran Human Rights",
    "publisher_fa": "سازمان حقوق بشر ایران",
}


def _given(key: str, value: str) -> str:
    text = value.strip()
    if not text:
        option = "--" + key.replace("_", "-")
        msg = f"expected some text, found {value!r}; give e.g. {option} '{_EXAMPLES[key]}'"
        raise click.BadParameter(msg, param_hint=option)
    return text


def report_toml(lang: str, kind: str, given: dict[str, str] | None = None) -> str:
    """The commented report.toml of a new report; each top-level key of ``given`` (title,
    title_fa, publisher, publisher_fa) written as a value in place of its commented example."""
    texts = {"en": _EN, "fa": _FA}[lang]
    figures_name = FIGURES[kind][0]
    columns = FIGURES[kind][1].strip()
    total = texts["total_events"] if kind == "events" else texts["total_counts"]
    text = texts["template"].format(
        figures=figures_name,
        columns=columns,
        optional=OPTIONAL_COLUMNS[kind],
        total=total,
    )
    for key, value in (given or {}).items():
        # The first example of the key is the top-level one (the [source] table comes later).
        line = f"{key} = {json.dumps(value, ensure_ascii=False)}"  # a JSON string is TOML's
        text = re.compile(rf"^# {key} = .*$", re.M).sub(line.replace("\\", "\\\\"), text, 1)
    return text


_EN = {
    "total_counts": (
        '# Required: the executions the report states in all ("at least"), whether it itemizes\n'
        "# them by place or not."
    ),
    "total_events": (
        '# Optional: the executions the report states in all ("at least"). Without it, the\n'
        "# total is the number of rows of events.csv."
    ),
    "template": """\
# report.toml: what this report is and what it states. iranmap reads it with {figures},
# whose columns are {columns} (and, if the report gives them, {optional}).
#
# Lines starting with "#" are comments. The values marked "required" must be given before
# the report can be built: remove the "#" in front of each one and write the report's own
# text. `iranmap check` names every value still missing.

# Required: the report's title, as the maps show it. Every key ending in _fa is optional
# and gives the Persian text of the key before it, for the Persian maps.
# title = "Executions in Iran, 2025"
# title_fa = "اعدام‌ها در ایران، ۲۰۲۵"

# Required: who published the figures.
# publisher = "Name of the publisher"
# publisher_fa = "نام ناشر"

{total}
# total = 1000

# Optional: how the report means its total: "at least" (the default) or "exactly".
# total_qualifier = "at least"
# quote = "At least 1,000 executions in 2024."   # optional: the source's sentence giving it

# Optional: how many prisons, and how many provinces, the report says were involved.
# prisons = 86
# provinces = 31

# Optional: how province codes such as IR-07 are read: "2020" (the default) or "pre-2020"
# (ISO renumbered Iran's provinces in 2020: IR-07 was Tehran and is now Fars).
# iso_scheme = "2020"

# Optional: the calendar of every date of the report: "gregorian" (the default) or
# "jalali" (Solar Hijri; then write each date in quotes, e.g. start = "1404-01-01").
# calendar = "gregorian"

# Optional: a short name for the series this report is a step of (lowercase Latin letters,
# digits and hyphens), e.g. a monthly tally.
# series = "monthly-tally"

# Optional: when the figures add up to the total, every province the report does not list
# is shown as "none reported"; write complete = false if the table is only a selection.
# complete = false

# Optional: the id (folder name) of an earlier report beside this one whose figures this one
# revises; the maps then say what the earlier figure was.
# revises = "2024-example-first-count"

# Optional: how every figure of the report is known: "official" (announced by state media or
# the judiciary), "confirmed" (verified by the publisher) or "reported" (a single source).
# A "grade" column in the figures file grades each row instead.
# grade = "confirmed"

# Optional: what a reader should know about the figures; every map shows it.
# notes = "Secret executions are not counted."
# notes_fa = "اعدام‌های مخفی شمرده نشده‌اند."

# Required: the publication the figures come from.
[source]
# Required: its title.
# title = "Title of the statement or article"
# title_fa = "عنوان بیانیه یا مقاله"
# Required: the day it was published (YYYY-MM-DD, without quotes unless jalali).
# date = 2025-01-02
# Optional: where to read it; the maps link to it.
# url = "https://example.org/report"

# Required: the period the figures cover, its first and last day (as the date above).
[period]
# start = 2025-01-01
# end = 2025-12-31

# Optional, as many as the report gives: headline figures, shown on every map. Copy the
# lines from [[facts]] on for each one.
# [[facts]]
# label = "Women"
# label_fa = "زنان"
# value = 34
# unit = "%"                                   # optional: for a figure that is not a count
# unit_fa = "٪"
# quote = "The executed included 34 women."    # optional: the source's own sentence
""",
}

_FA = {
    "total_counts": (
        "# لازم (required): شمار کل اعدام‌هایی که گزارش اعلام می‌کند («دست‌کم»)، چه به تفکیک\n"
        "# مکان آمده باشند چه نه."
    ),
    "total_events": (
        "# اختیاری: شمار کل اعدام‌هایی که گزارش اعلام می‌کند («دست‌کم»). اگر نیاید، کل برابر\n"
        "# شمار ردیف‌های events.csv است."
    ),
    "template": """\
# report.toml: این گزارش چیست و چه می‌گوید. iranmap آن را همراه با {figures} می‌خواند.
# ستون‌های {figures} به انگلیسی می‌مانند: {columns} (و اگر گزارش می‌دهد: {optional}).
# نام زندان‌ها و استان‌ها را می‌توان به فارسی نوشت.
#
# خط‌هایی که با «#» آغاز می‌شوند توضیح‌اند. مقدارهایی که «لازم» (required) خوانده شده‌اند
# باید پیش از ساختن نقشه‌ها داده شوند: «#» جلوی هر یک را بردارید و متن خود گزارش را
# بنویسید. دستور `iranmap check` هر مقداری را که هنوز نیامده نام می‌برد.

# لازم (required): عنوان گزارش، همان‌گونه که نقشه‌های انگلیسی نشان می‌دهند. هر کلیدی که
# به _fa ختم می‌شود اختیاری است و متن فارسی کلید پیش از خود را برای نقشه‌های فارسی می‌دهد.
# title = "Executions in Iran, 2025"
# title_fa = "اعدام‌ها در ایران، ۲۰۲۵"

# لازم (required): ناشر ارقام.
# publisher = "Name of the publisher"
# publisher_fa = "نام ناشر"

{total}
# total = 1000

# اختیاری: کل چگونه خوانده شود: "at least" (دست‌کم، پیش‌فرض) یا "exactly" (دقیقاً).
# total_qualifier = "at least"
# quote = "At least 1,000 executions in 2024."   # اختیاری: جملهٔ خود منبع که کل را می‌دهد

# اختیاری: شمار زندان‌ها و استان‌هایی که به گفتهٔ گزارش درگیر بوده‌اند.
# prisons = 86
# provinces = 31

# اختیاری: کدهای استان مانند IR-07 چگونه خوانده شوند: "2020" (پیش‌فرض) یا "pre-2020"
# (ایزو در سال ۲۰۲۰ کد استان‌های ایران را دوباره شماره‌گذاری کرد: IR-07 تهران بود و اکنون فارس است).
# iso_scheme = "2020"

# اختیاری: تقویم همهٔ تاریخ‌های گزارش: "gregorian" (میلادی، پیش‌فرض) یا "jalali" (خورشیدی؛
# آن‌گاه هر تاریخ را در گیومه بنویسید، مثلاً start = "1404-01-01").
# calendar = "gregorian"

# اختیاری: نام کوتاه رشته‌ای که این گزارش یک گام از آن است (حروف کوچک لاتین، رقم و خط تیره)،
# مثلاً شمارش ماهانه.
# series = "monthly-tally"

# اختیاری: وقتی ارقام با کل برابرند، هر استانی که گزارش نام نمی‌برد «موردی گزارش نشده» نشان
# داده می‌شود؛ اگر جدول تنها گزیده‌ای است، complete = false بنویسید.
# complete = false

# اختیاری: شناسهٔ (نام پوشهٔ) گزارشی پیشین در کنار این گزارش که این گزارش ارقامش را بازنگری
# می‌کند؛ نقشه‌ها رقم پیشین را می‌گویند.
# revises = "2024-example-first-count"

# اختیاری: درجهٔ تأیید همهٔ ارقام گزارش: "official" (اعلام رسانه‌های دولتی یا قوهٔ قضائیه)،
# "confirmed" (تأییدشده به دست منتشرکننده) یا "reported" (یک منبع). ستون "grade" در فایل ارقام
# هر ردیف را جداگانه درجه‌بندی می‌کند.
# grade = "confirmed"

# اختیاری: آنچه خواننده باید دربارهٔ ارقام بداند؛ همهٔ نقشه‌ها آن را نشان می‌دهند.
# notes = "Secret executions are not counted."
# notes_fa = "اعدام‌های مخفی شمرده نشده‌اند."

# لازم (required): نوشته‌ای که ارقام از آن آمده است.
[source]
# لازم: عنوان آن.
# title = "Title of the statement or article"
# title_fa = "عنوان بیانیه یا مقاله"
# لازم: روز انتشار آن (YYYY-MM-DD؛ بی‌گیومه، مگر تقویم jalali باشد).
# date = 2025-01-02
# اختیاری: نشانی اینترنتی آن؛ نقشه‌ها به آن پیوند می‌دهند.
# url = "https://example.org/report"

# لازم (required): دوره‌ای که ارقام در بر می‌گیرند، روز نخست و روز پایان آن
# (به همان شکل تاریخ بالا).
[period]
# start = 2025-01-01
# end = 2025-12-31

# اختیاری، به هر شمار که گزارش می‌دهد: ارقام شاخص، که همهٔ نقشه‌ها نشان می‌دهند. برای هر یک
# خط‌های [[facts]] به بعد را رونویسی کنید.
# [[facts]]
# label = "Women"
# label_fa = "زنان"
# value = 34
# unit = "%"                              # اختیاری: برای رقمی که شمارش نیست
# unit_fa = "٪"
# quote = "The executed included 34 women."   # اختیاری: جملهٔ خود منبع
""",
}
