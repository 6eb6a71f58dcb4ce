"""The maps' own words: complete in both languages; numbers and dates per language."""

from __future__ import annotations

import re
from datetime import date

import pytest

from iranmap import i18n


def test_both_languages_have_every_text() -> None:
    assert set(i18n.TEXTS["en"]) == set(i18n.TEXTS["fa"])
    for key, english in i18n.TEXTS["en"].items():
        persian = i18n.TEXTS["fa"][key]
        assert persian.strip(), key
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


def test_dates_and_periods() -> None:
    assert i18n.fmt_date(date(2025, 1, 2), "en") == "2 January 2025"
    assert i18n.fmt_date(date(2025, 1, 2), "fa") == "۲ ژانویه ۲۰۲۵"
    year = (date(2024, 1, 1), date(2024, 12, 31))
    assert i18n.fmt_period(*year, "en") == "1 January – 31 December 2024"
    assert i18n.fmt_period(*year, "fa") == "۱ ژانویه – ۳۱ دسامبر ۲۰۲۴"
    day = date(2025, 1, 1)
    assert i18n.fmt_period(day, day, "en") == "1 January 2025"
    assert i18n.fmt_period(date(2024, 7, 1), day, "en") == "1 July 2024 – 1 January 2025"


def test_text_fills_placeholders() -> None:
    assert i18n.text("en", "rank_of", rank="1", n="7") == "1 of 7"
    assert i18n.text("fa", "rank_of", rank="۱", n="۷") == "۱ از ۷"


def test_reconciliation_sentences_add_up_in_both_languages() -> None:
    counts = {
        "reported": 1000,
        "by_prison": 526,
        "by_province": 600,
        "not_itemized": 400,
        "prisons": 8,
        "provinces": 7,
        "unresolved": 2,
    }
    assert i18n.reconciliation("en", **counts) == (
        "526 of 1,000 executions itemized by prison, in 8 prisons; 600 itemized by province, "
        "in 7 provinces; 400 not itemized. 2 rows could not be placed."
    )
    assert i18n.reconciliation("fa", **counts) == (
        "از ۱٬۰۰۰ اعدام، ۵۲۶ مورد به تفکیک زندان در ۸ زندان و ۶۰۰ مورد به تفکیک استان "
        "در ۷ استان ثبت شده است؛ ۴۰۰ مورد بدون تفکیک است. ۲ ردیف روی نقشه جای نگرفت."
    )
