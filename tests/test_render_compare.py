"""The change map read as HTML: classes, legend, embedded data, tables, escaping, bytes."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from comparefixture import make_diff, make_pair
from iranmap.diff import compare
from iranmap.i18n import Lang
from iranmap.render.compare import (
    DIVERGING,
    NEWLY_ITEMIZED,
    NO_LONGER_ITEMIZED,
    change_classes,
    class_of,
    render_compare,
    signed,
)
from mapfixture import with_tables

EVIL = '<img src=x onerror="window.__xss=1">&amp;</script><script>window.__xss=2</script>'


def soup(page: bytes) -> BeautifulSoup:
    return BeautifulSoup(page.decode("utf-8"), "lxml")


def text(node: Tag | None) -> str:
    assert node is not None
    return " ".join(node.get_text().split())


def data_of(page: bytes) -> dict[str, Any]:
    script = soup(page).find("script", id="im-data")
    assert isinstance(script, Tag)
    result: dict[str, Any] = json.loads(script.string or "")
    return result


@pytest.fixture(scope="module")
def page() -> bytes:
    return render_compare(make_diff())


def features(page: bytes) -> dict[str, dict[str, Any]]:
    return {f["properties"]["iso"]: f["properties"] for f in data_of(page)["provinces"]["features"]}


# ---------------------------------------------------------------------------------------------
# classes


def test_classes_of_the_difference_are_symmetric_around_a_neutral_zero() -> None:
    classes = change_classes(make_diff().provinces)
    assert classes.colors == DIVERGING[3]
    assert classes.colors[3] == "#f7f7f7"
    assert classes.labels("en") == (
        "−25 to −12",
        "−11 to −3",
        "−2",
        "0",
        "+2",
        "+3 to +11",
        "+12 to +25",
    )
    assert [classes.index(d) for d in (-25, -21, -12, -11, -2, 0, 2, 11, 12, 25)] == [
        0,
        0,
        0,
        1,
        2,
        3,
        4,
        5,
        6,
        6,
    ]
    assert classes.labels("fa")[0] == "−۲۵ تا −۱۲"


def test_each_province_gets_a_colour_or_a_pattern() -> None:
    result = make_diff()
    classes = change_classes(result.provinces)
    got = {c.key: class_of(c, classes) for c in result.provinces}
    assert got["IR-30"] == 6  # +25: the darkest red
    assert got["IR-10"] == 0  # -21: the darkest blue
    assert got["IR-03"] == 5  # +11
    assert got["IR-09"] == 2  # -2
    assert got["IR-07"] == got["IR-29"] == 3  # unchanged: neutral
    assert got["IR-22"] == NEWLY_ITEMIZED
    assert got["IR-26"] == NO_LONGER_ITEMIZED
    assert got["IR-23"] == -1  # in neither: hatched like every not-itemized province
    assert sum(1 for v in got.values() if v == -1) == 31 - 8


def test_no_change_anywhere_gives_only_the_neutral_class() -> None:
    a, _ = make_pair()
    classes = change_classes(compare(a, a).provinces)
    assert classes.colors == ("#f7f7f7",)
    assert classes.labels("en") == ("0",)
    assert classes.index(0) == 0


def test_fewer_distinct_changes_than_classes_take_smaller_palettes() -> None:
    a, b = make_pair()
    one = with_tables(b, provinces=a.provinces.assign(executions=a.provinces["executions"] + 3))
    classes = change_classes(compare(a, one).provinces)
    assert classes.colors == DIVERGING[1]
    assert classes.labels("en") == ("−3", "0", "+3")


def test_signed_numbers() -> None:
    assert [signed(v, "en") for v in (-1204, 0, 12)] == ["−1,204", "0", "+12"]
    assert [signed(v, "fa") for v in (-1204, 0, 12)] == ["−۱٬۲۰۴", "۰", "+۱۲"]


# ---------------------------------------------------------------------------------------------
# the page


def test_title_names_both_reports_and_their_sources(page: bytes) -> None:
    html = soup(page)
    assert html.html is not None
    assert (html.html["lang"], html.html["dir"]) == ("en", "ltr")
    assert text(html.h1) == "Executions in Iran, 2024 → Executions in Iran, 2024 (revised)"
    assert text(html.title) == (
        "Executions in Iran, 2024 → Executions in Iran, 2024 (revised): "
        "Change in executions by province"
    )
    assert text(html.select_one(".im-kind")) == "Change in executions by province"
    metas = [text(p) for p in html.select(".im-meta")]
    assert metas == [
        f"{letter}: Period: 1 January – 31 December 2024 Source: NCRI Secretariat, "
        "“Iran: a new record in executions”, 2 January 2025"
        for letter in "AB"
    ]
    assert [text(p) for p in html.select(".im-rec")] == [
        "526 of at least 1,000 executions itemized by prison, in 8 prisons across 7 provinces; "
        "474 not itemized.",
        "513 of at least 1,010 executions itemized by prison, in 8 prisons across 7 provinces; "
        "497 not itemized.",
    ]
    assert html.select(".im-caveat") == []


def test_legend_lists_the_classes_then_the_patterns(page: bytes) -> None:
    legend = soup(page).select_one(".im-legend-block[data-measure=change]")
    assert legend is not None
    assert text(legend.select_one(".im-legend-title")) == "Change in executions, B − A"
    assert [text(li) for li in legend.select("li")] == [
        "−25 to −12",
        "−11 to −3",
        "−2",
        "0",
        "+2",
        "+3 to +11",
        "+12 to +25",
        "Newly itemized: a figure in B only",
        "No longer itemized: a figure in A only",
        "Not itemized in either report",
    ]
    swatches = [s.get("style", "") for s in legend.select(".im-sw")]
    assert swatches[:7] == [f"background:{c}" for c in DIVERGING[3]]
    assert "radial-gradient" in swatches[7]
    assert "repeating-linear-gradient" in swatches[8]
    assert legend.select(".im-sw")[9]["class"] == ["im-sw", "im-sw-ni"]


def test_embedded_data_gives_classes_colours_patterns_and_tooltips(page: bytes) -> None:
    data = data_of(page)
    assert data["measure"] == "change"
    assert data["colors"] == {"change": list(DIVERGING[3])}
    assert data["prisons"] is None
    assert [p["c"] for p in data["style"]["patterns"]] == [NEWLY_ITEMIZED, NO_LONGER_ITEMIZED]
    props = features(page)
    assert len(props) == 31
    assert props["IR-30"]["c"] == {"change": 6}
    assert props["IR-30"]["tip"] == [
        ["A", "209"],
        ["B", "234"],
        ["Change (B − A)", "+25"],
        ["Source (A)", "prisons.csv:2, prisons.csv:6"],
        ["Source (B)", "prisons.csv:2, prisons.csv:6"],
    ]
    assert props["IR-22"]["tip"] == [
        ["A", "Not itemized"],
        ["B", "12"],
        ["Change (B − A)", "Newly itemized"],
        ["Source (A)", None],
        ["Source (B)", "prisons.csv:9"],
    ]
    assert props["IR-26"]["tip"][2] == ["Change (B − A)", "No longer itemized"]
    assert props["IR-23"]["tip"][:3] == [
        ["A", "Not itemized"],
        ["B", "Not itemized"],
        ["Change (B − A)", "Not itemized in either report"],
    ]


def test_tables_give_every_figure_with_its_source(page: bytes) -> None:
    tables = soup(page).select("details.im-tables table")
    assert [text(t.caption) for t in tables] == ["Change by province", "Change by prison"]
    provinces, prisons = tables
    assert [text(th) for th in provinces.select("thead th")] == [
        "Province",
        "Persian name",
        "A",
        "B",
        "Change (B − A)",
        "Source (A)",
        "Source (B)",
    ]
    rows = provinces.select("tbody tr")
    assert len(rows) == 31
    # Provinces with a figure in either report first, by ISO code.
    assert [r["data-iso"] for r in rows[:9]] == [
        "IR-03",
        "IR-07",
        "IR-09",
        "IR-10",
        "IR-22",
        "IR-26",
        "IR-29",
        "IR-30",
        "IR-00",
    ]
    assert [text(c) for c in rows[7].find_all(["th", "td"])] == [
        "Alborz",
        "البرز",
        "209",
        "234",
        "+25",
        "prisons.csv:2, prisons.csv:6",
        "prisons.csv:2, prisons.csv:6",
    ]
    assert [text(c) for c in rows[4].find_all(["th", "td"])][2:5] == [
        "Not itemized",
        "12",
        "Newly itemized",
    ]
    assert [
        [text(c) for c in r.find_all(["th", "td"])][:4] for r in provinces.select("tfoot tr")
    ] == [
        ["Reported total", "1,000", "1,010", "+10"],
        ["Itemized by province", "526", "513", "−13"],
        ["Not itemized by province", "474", "497", "+23"],
    ]
    prison_rows = prisons.select("tbody tr")
    assert [r["data-id"] for r in prison_rows] == [
        "tabriz-central",
        "adelabad",
        "vakilabad",
        "dastgerd",
        "bandar-abbas-central",
        "qazvin-central",
        "birjand-central",
        "ghezel-hesar",
        "karaj-central",
    ]
    assert [text(c) for c in prison_rows[5].find_all(["th", "td"])][:5] == [
        "Qazvin Central Prison",
        "Qazvin",
        "38",
        "Not itemized",
        "No longer itemized",
    ]


def test_page_links_nothing_outside_itself(page: bytes) -> None:
    html = soup(page)
    assert html.select("script[src], link[href], img, iframe") == []
    assert len(html.find_all("script")) == 4  # Leaflet, gesture handling, the data, iranmap.js
    assert [a["href"] for a in html.select("a[href]")] == ["https://example.org/statement"] * 2


def test_same_diff_gives_the_same_bytes() -> None:
    assert render_compare(make_diff()) == render_compare(make_diff())


def test_caveats_are_printed_under_the_title_in_the_page_language() -> None:
    a, b = make_pair()
    day = date(2025, 1, 1)
    b = dataclasses.replace(
        b, report=dataclasses.replace(b.report, period_start=day, period_end=day)
    )
    result = compare(a, b)
    english = soup(render_compare(result)).select_one(".im-caveat")
    assert text(english) == (
        "Caution: A covers 1 January – 31 December 2024 and B covers 1 January 2025: "
        "a difference between periods of different lengths is not a change over time."
    )
    assert english is not None and english["role"] == "note"
    persian = soup(render_compare(result, "fa")).select_one(".im-caveat")
    assert text(persian).startswith(
        "هشدار: گزارش الف دورهٔ ۱۱ دی ۱۴۰۲ – ۱۱ دی ۱۴۰۳ (۱ ژانویه – ۳۱ دسامبر ۲۰۲۴)"
    )


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_every_text_is_escaped(lang: Lang) -> None:
    def taint(value: str) -> str:
        return value + EVIL

    page = render_compare(make_diff(taint), lang)
    decoded = page.decode("utf-8")
    assert "<img" not in decoded
    assert "<script>window.__xss" not in decoded
    html = soup(page)
    assert EVIL in text(html.h1)
    assert EVIL in text(html.select_one("details.im-tables tbody th"))
    props = features(page)
    assert props["IR-30"]["en"] == "Alborz" + EVIL
    assert props["IR-30"]["tip"][3][1].endswith(EVIL)


def test_persian_page_reads_right_to_left_with_persian_digits() -> None:
    page = render_compare(make_diff(), "fa")
    html = soup(page)
    assert html.html is not None
    assert (html.html["lang"], html.html["dir"]) == ("fa", "rtl")
    # In a right-to-left line, A comes first on the right and the arrow points on to B.
    assert text(html.h1) == "Executions in Iran, 2024 ← Executions in Iran, 2024 (revised)"
    assert [text(li) for li in html.select(".im-legend li")][:4] == [
        "−۲۵ تا −۱۲",
        "−۱۱ تا −۳",
        "−۲",
        "۰",
    ]
    props = features(page)
    assert props["IR-30"]["tip"][:3] == [["الف", "۲۰۹"], ["ب", "۲۳۴"], ["تغییر (ب − الف)", "+۲۵"]]


def test_every_caveat_has_its_own_words() -> None:
    a, b = make_pair()
    older = dataclasses.replace(
        b.report, period_start=date(2023, 1, 1), period_end=date(2023, 12, 31)
    )
    b = dataclasses.replace(
        b,
        report=older,
        prison_rows=(),
        reconciliation=dataclasses.replace(b.reconciliation, prisons_mapped=0),
    )
    result = compare(a, b)
    assert [c.code for c in result.caveats] == ["period_order", "no_prisons"]
    english = [text(p) for p in soup(render_compare(result)).select(".im-caveat")]
    assert english == [
        "Caution: B's period ends before A's begins: the change runs backwards in time.",
        "Caution: B itemizes no prison: every prison of the other report shows as newly or "
        "no longer itemized.",
    ]
    persian = [text(p) for p in soup(render_compare(result, "fa")).select(".im-caveat")]
    assert persian[1].startswith("هشدار: گزارش ب هیچ زندانی را جداگانه نمی‌شمارد")
