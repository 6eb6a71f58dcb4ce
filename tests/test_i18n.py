"""The maps' own words: complete in both languages; numbers and dates per language."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from iranmap import i18n


def test_both_languages_have_every_text() -> None:
    assert set(i18n.TEXTS["en"]) == set(i18n.TEXTS["fa"])
    for key, english in i18n.TEXTS["en"].items():
        persian = i18n.TEXTS["fa"][key]
        assert persian.strip(), key
        if key.startswith("timeline."):  # Persian writes "1" as a number: {n} in both forms
            assert set(re.findall(r"{\w+}", english)) <= set(re.findall(r"{\w+}", persian)), key
        else:
            assert re.findall(r"{\w+}", english) == re.findall(r"{\w+}", persian), key


def test_persian_texts_are_persian() -> None:
    latin_only = [
        key
        for key, value in i18n.TEXTS["fa"].items()
        if not re.search("[\u0600-\u06ff]", value) and "{" not in value
    ]
    assert latin_only == []


def test_numbers() -> None:
    assert i18n.fmt_int(1000, "en") == "1,000"
    assert i18n.fmt_int(1000, "fa") == "۱٬۰۰۰"
    assert i18n.fmt_int(-474, "fa") == "−۴۷۴"
    assert i18n.fmt_dec(77.05, "en") == "77.0"  # round half to even, as Python formats
    assert i18n.fmt_dec(77.06, "fa") == "۷۷٫۱"
    assert i18n.fmt_share(0.209, "en") == "20.9%"
    assert i18n.fmt_share(0.209, "fa") == "٪۲۰٫۹"
    assert i18n.fmt_number(36, "en") == "36"
    assert i18n.fmt_number(36.0, "en") == "36"
    assert i18n.fmt_number(2.5, "en") == "2.5"
    with pytest.raises(ValueError, match=r"cannot format nan as a number"):
        i18n.fmt_dec(float("nan"), "en")


def test_gregorian_reports_read_in_each_readers_calendar() -> None:
    year = (date(2024, 1, 1), date(2024, 12, 31))
    assert i18n.period(*year, "en") == "1 January – 31 December 2024"
    assert i18n.period(*year, "fa") == "۱۱ دی ۱۴۰۲ – ۱۱ دی ۱۴۰۳ (۱ ژانویه – ۳۱ دسامبر ۲۰۲۴)"
    one = date(2025, 1, 1)
    assert i18n.period(one, one, "en") == "1 January 2025"
    assert i18n.period(date(2024, 7, 1), one, "en") == "1 July 2024 – 1 January 2025"
    assert i18n.day(date(2025, 1, 2), "en") == "2 January 2025"
    assert i18n.day(date(2025, 1, 2), "fa") == "۱۳ دی ۱۴۰۳ (۲ ژانویه ۲۰۲۵)"


def test_jalali_reports_give_the_solar_hijri_dates_on_both_pages() -> None:
    year_1403 = (date(2024, 3, 20), date(2025, 3, 20))  # 1 Farvardin – 30 Esfand (a leap year)
    assert i18n.period(*year_1403, "en", "jalali") == (
        "20 March 2024 – 20 March 2025 (1 Farvardin – 30 Esfand 1403)"
    )
    assert i18n.period(*year_1403, "fa", "jalali") == "فروردین – اسفند ۱۴۰۳"
    farvardin = (date(2024, 3, 20), date(2024, 4, 19))
    assert i18n.period(*farvardin, "fa", "jalali") == "فروردین ۱۴۰۳"
    assert i18n.period(*farvardin, "en", "jalali") == (
        "20 March – 19 April 2024 (1 Farvardin – 31 Farvardin 1403)"
    )
    # A period that is not whole months keeps its days; one across years writes both years.
    assert i18n.period(date(2024, 3, 20), date(2024, 3, 30), "fa", "jalali") == (
        "۱ فروردین – ۱۱ فروردین ۱۴۰۳"
    )
    # 1 Esfand 1403 – 31 Farvardin 1404
    assert i18n.period(date(2025, 2, 19), date(2025, 4, 20), "fa", "jalali") == (
        "اسفند ۱۴۰۳ – فروردین ۱۴۰۴"
    )
    assert i18n.day(date(2025, 1, 2), "en", "jalali") == "2 January 2025 (13 Dey 1403)"
    assert i18n.day(date(2025, 1, 2), "fa", "jalali") == "۱۳ دی ۱۴۰۳"


def test_esfand_ends_on_the_29th_in_a_common_year() -> None:
    year_1402 = (date(2023, 3, 21), date(2024, 3, 19))  # 1 Farvardin – 29 Esfand 1402
    assert i18n.period(*year_1402, "fa", "jalali") == "فروردین – اسفند ۱۴۰۲"
    short = (date(2023, 3, 21), date(2024, 3, 18))  # one day short of the year
    assert i18n.period(*short, "fa", "jalali") == "۱ فروردین – ۲۸ اسفند ۱۴۰۲"


def test_periods_refuse_an_unknown_calendar_or_a_backwards_range() -> None:
    one = date(2025, 1, 1)
    with pytest.raises(ValueError, match=r"^calendar 'hijri' is not one of gregorian, jalali$"):
        i18n.period(one, one, "en", "hijri")
    with pytest.raises(ValueError, match=r"cannot end \(2024-12-31\) before it starts"):
        i18n.period(one, date(2024, 12, 31), "en")


def test_isolate_wraps_a_run_once() -> None:
    assert i18n.isolate("Evin Prison") == "\u2068Evin Prison\u2069"
    assert i18n.isolate(i18n.isolate("Evin Prison")) == "\u2068Evin Prison\u2069"
    assert i18n.isolate("") == ""
    sentence = f"زندان {i18n.isolate('Evin (Tehran)')}، ۳ مورد"
    assert sentence.count(i18n.FSI) == sentence.count(i18n.PDI) == 1


def test_text_fills_placeholders() -> None:
    assert i18n.text("en", "rank_of", rank="1", n="7") == "1 of 7"
    assert i18n.text("fa", "rank_of", rank="۱", n="۷") == "۱ از ۷"


def test_reconciliation_sentences_add_up_in_both_languages() -> None:
    counts: dict[str, int] = {
        "reported": 1000,
        "by_prison": 526,
        "by_province": 600,
        "not_itemized": 400,
        "prisons": 8,
        "provinces": 7,
        "unresolved": 2,
    }
    assert i18n.reconciliation("en", **counts) == (
        "526 of at least 1,000 executions itemized by prison, in 8 prisons; 600 itemized by "
        "province, in 7 provinces; 400 not itemized. 2 rows could not be placed."
    )
    assert i18n.reconciliation("fa", **counts) == (
        "از دست‌کم ۱٬۰۰۰ اعدام، ۵۲۶ مورد به تفکیک زندان در ۸ زندان و ۶۰۰ مورد به تفکیک استان "
        "در ۷ استان ثبت شده است؛ ۴۰۰ مورد بدون تفکیک است. ۲ ردیف روی نقشه جای نگرفت."
    )
    assert i18n.reconciliation("en", qualifier="exactly", **counts).startswith(
        "526 of 1,000 executions itemized by prison"
    )
    assert i18n.reconciliation("fa", qualifier="exactly", **counts).startswith("از ۱٬۰۰۰ اعدام،")
    with pytest.raises(ValueError, match="total qualifier 'about' is not one of 'at least', "):
        i18n.reconciliation("en", qualifier="about", **counts)


def test_a_report_without_prisons_is_not_said_to_have_zero_of_them() -> None:
    none = {"by_prison": 0, "prisons": 0, "unresolved": 0}
    by_province = {"reported": 58, "by_province": 58, "not_itemized": 0, "provinces": 21}
    assert i18n.reconciliation("en", qualifier="exactly", **none, **by_province) == (
        "58 of 58 executions itemized by province, in 21 provinces; none itemized by prison; "
        "0 not itemized."
    )
    assert i18n.reconciliation("fa", qualifier="exactly", **none, **by_province) == (
        "از ۵۸ اعدام، ۵۸ مورد به تفکیک استان در ۲۱ استان ثبت شده و هیچ موردی به تفکیک زندان "
        "ثبت نشده است؛ ۰ مورد بدون تفکیک است."
    )
    nothing = {"reported": 7, "by_province": 0, "not_itemized": 7, "provinces": 0}
    assert i18n.reconciliation("en", **none, **nothing) == (
        "None of at least 7 executions itemized by province or prison; 7 not itemized."
    )
    assert i18n.reconciliation("fa", **none, **nothing) == (
        "از دست‌کم ۷ اعدام، هیچ موردی به تفکیک استان یا زندان ثبت نشده است؛ ۷ مورد بدون تفکیک است."
    )


def test_every_calendar_and_qualifier_a_report_may_say_has_words() -> None:
    from iranmap.calendars import CALENDARS
    from iranmap.reports._model import TOTAL_QUALIFIERS

    assert [len(i18n.month_names(lang, c)) for c in CALENDARS for lang in i18n.LANGS] == [12] * 4
    assert tuple(i18n.QUALIFIERS) == TOTAL_QUALIFIERS


def test_no_middle_dot_on_a_persian_page_where_it_reads_as_zero() -> None:
    assert i18n.text("en", "sep") == " · "
    assert "·" not in i18n.text("fa", "sep") and "·" not in i18n.text("fa", "made_with")


def test_direction_and_list_separator_are_decided_here() -> None:
    assert [i18n.rtl(lang) for lang in i18n.LANGS] == [False, True]
    assert [i18n.comma(lang) for lang in i18n.LANGS] == [", ", "\u060c "]


def test_no_other_module_branches_on_persian() -> None:
    """Layout sides, separators and which name to show are asked of i18n (``rtl``,
    ``comma``, ``DIRS``) or of ``render._lang.own``; only these narrow a user's string to a
    language, or pick a separator that exists for one image alone."""
    package = Path(i18n.__file__).parent
    found = sorted(
        f"{path.relative_to(package).as_posix()}: {line.strip()}"
        for path in package.rglob("*.py")
        if path.name not in {"i18n.py", "_texts.py"}
        for line in path.read_text(encoding="utf-8").splitlines()
        if re.search(r"""[=!]= ?["']fa["']""", line)
    )
    assert found == [
        'cli/diff.py: return render_compare(result, "fa" if lang == "fa" else "en")',
        'join/_model.py: "fa" if lang == "fa" else "en",',
    ]
