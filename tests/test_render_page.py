"""Map pages read as HTML: elements, embedded data, escaping, determinism, languages."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from iranmap.errors import InputError
from iranmap.join import Joined, Unplaced
from iranmap.render import KINDS, RenderOptions, render_map, render_report
from mapfixture import CITIES_FA, PRISONS, make_joined, with_tables

EVIL = '<img src=x onerror="window.__xss=1">&amp;</script><script>window.__xss=2</script>'


def soup(page: bytes) -> BeautifulSoup:
    return BeautifulSoup(page.decode("utf-8"), "lxml")


def data_of(page: bytes) -> dict[str, Any]:
    script = soup(page).find("script", id="im-data")
    assert isinstance(script, Tag)
    result: dict[str, Any] = json.loads(script.string or "")
    return result


def text(node: Tag | None) -> str:
    assert node is not None
    return " ".join(node.get_text().split())


def cells(row: Tag) -> list[str]:
    return [text(c) for c in row.find_all(["th", "td"])]


@pytest.fixture(scope="module")
def joined() -> Joined:
    return make_joined()


@pytest.fixture(scope="module")
def files(joined: Joined) -> dict[str, bytes]:
    return render_report(joined, RenderOptions())


def test_report_files_are_three_maps_and_their_embed_snippets(files: dict[str, bytes]) -> None:
    assert list(files) == [
        "choropleth.html",
        "choropleth.embed.html",
        "points.html",
        "points.embed.html",
        "combined.html",
        "combined.embed.html",
    ]


@pytest.mark.parametrize("kind", KINDS)
def test_page_header_has_title_period_source_reconciliation_and_facts(
    files: dict[str, bytes], kind: str
) -> None:
    page = soup(files[f"{kind}.html"])
    assert page.html is not None
    assert page.html["lang"] == "en"
    assert page.html["dir"] == "ltr"
    kinds = {
        "choropleth": "Executions by province",
        "points": "Executions by prison",
        "combined": "Executions by province and prison",
    }
    assert text(page.title) == (
        f"Executions in Iran, 2024: {kinds[kind]} (at least 1,000 executions reported)"
    )
    assert text(page.select_one(".im-kind")) == (
        f"{kinds[kind]} · at least 1,000 executions reported"
    )
    assert text(page.h1) == "Executions in Iran, 2024"
    assert text(page.select_one(".im-period")) == "Period: 1 January – 31 December 2024"
    assert text(page.select_one(".im-source")) == (
        "Source: NCRI Secretariat, “Iran: a new record in executions”, 2 January 2025"
    )
    link = page.select_one(".im-source a")
    assert link is not None
    assert link["href"] == "https://example.org/statement"
    assert text(page.select_one(".im-rec")) == (
        "526 of at least 1,000 executions itemized by prison, in 8 prisons across 7 provinces; "
        "474 not itemized."
    )
    assert [text(li) for li in page.select(".im-facts li")] == [
        "Women: 34",
        "Fourth quarter: 47%",
        "Average age: 36 years",
    ]
    region = page.find(id="im-map")
    assert isinstance(region, Tag)
    assert region["role"] == "region"
    assert region["aria-label"] == f"Map: {kinds[kind]}"
    assert page.find("noscript") is not None


def test_choropleth_data_has_31_provinces_with_not_itemized_apart(files: dict[str, bytes]) -> None:
    data = data_of(files["choropleth.html"])
    features = data["provinces"]["features"]
    assert len(features) == 31
    assert [f["properties"]["iso"] for f in features] == [f"IR-{i:02d}" for i in range(31)]
    by_iso = {f["properties"]["iso"]: f["properties"] for f in features}
    alborz = by_iso["IR-30"]
    assert alborz["en"] == "Alborz"
    assert alborz["fa"] == "البرز"
    assert alborz["v"] == "209"
    assert alborz["sh"] == "20.9%"
    assert alborz["rk"] == "1 of 7"
    assert alborz["src"] == "prisons.csv:2, prisons.csv:6"
    assert alborz["c"] == {"count": 4, "per_million": 4}
    tehran = by_iso["IR-23"]
    assert tehran["v"] is None
    assert tehran["c"] == {"count": -1, "per_million": -1}
    assert sum(1 for p in by_iso.values() if p["v"] is None) == 24
    assert data["colors"]["count"] == ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"]
    assert data["prisons"] is None
    assert data["tiles"] is None


def test_points_data_has_one_entry_per_prison_largest_first(files: dict[str, bytes]) -> None:
    data = data_of(files["points.html"])
    prisons = data["prisons"]
    assert len(prisons) == len(PRISONS)
    assert [p[4] for p in prisons][:3] == [
        "Ghezel Hesar Prison",
        "Adelabad Prison",
        "Dastgerd Prison",
    ]
    radii = [p[2] for p in prisons]
    assert radii == sorted(radii, reverse=True)
    assert radii[0] == 28.0
    # Area proportional to the count: radius 28 * sqrt(29 / 165).
    assert prisons[-1][2] == round(28 * (29 / 165) ** 0.5, 1)
    assert prisons[-1][3:] == [
        "29",
        "Birjand Central Prison",
        "زندان مرکزی بیرجند",
        "Birjand",
        "بیرجند",
        "South Khorasan",
        "خراسان جنوبی",
        0,
        "prisons.csv:9",
        None,  # no other place at its point
        "Birjand",  # the name as the report printed it
        0,  # not identified through a place column
        "",  # no note of the report's on the row
        "",  # no grade
    ]
    assert data["shaded"] is False


def test_legend_labels_classes_and_not_itemized(files: dict[str, bytes]) -> None:
    page = soup(files["choropleth.html"])
    blocks = page.select(".im-legend .im-legend-block")
    assert [b["data-measure"] for b in blocks] == ["count", "per_million"]
    assert not blocks[0].has_attr("hidden")
    assert blocks[1].has_attr("hidden")
    assert [text(li) for li in blocks[0].select("li")] == [
        "29–33",
        "34–38",
        "39–61",
        "62–97",
        "98–209",
        "Not itemized: the report gives no figure here; not zero",
    ]
    assert blocks[0].select("li")[-1].select_one(".im-sw-ni") is not None
    # Rates are shown and classified to 0.1: Razavi Khorasan's 5.1 is a class of its own.
    assert [text(li) for li in blocks[1].select("li")] == [
        "5.1",
        "5.2–20.0",
        "20.1–29.8",
        "29.9–37.7",
        "37.8–77.1",
        "Not itemized: the report gives no figure here; not zero",
    ]
    switch = page.select_one("fieldset.im-measure")
    assert switch is not None
    assert [i["value"] for i in switch.select("input[type=radio]")] == ["count", "per_million"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "combined.html",
            [
                ["29–33", "34–38", "39–61", "62–97", "98–209", "Not itemized"],
                ["5.1", "5.2–20.0", "20.1–29.8", "29.9–37.7", "37.8–77.1", "Not itemized"],
                ["Circle area: executions in a prison"],
            ],
        ),
        ("points.fa.html", [["مساحت دایره: شمار اعدام‌ها در هر زندان"]]),
    ],
)
def test_the_legend_in_one_line_follows_the_full_legend(
    files: dict[str, bytes], name: str, expected: list[list[str]]
) -> None:
    """What an article's frame shows under the map: the classes of each measure (the one not
    shown hidden, as in the full legend) and the circles, short."""
    if name.endswith(".fa.html"):
        files = render_report(make_joined(), RenderOptions(lang="fa"))
    page = soup(files[name])
    line = page.select_one("main > p.im-legend-line")
    assert line is not None
    blocks = line.select(".im-legend-block")
    assert [[text(item) for item in b.select(".im-li")] for b in blocks] == expected
    full = page.select(".im-legend .im-legend-block")
    assert [b.get("data-measure") for b in blocks] == [b.get("data-measure") for b in full]
    assert [b.has_attr("hidden") for b in blocks] == [b.has_attr("hidden") for b in full]


def test_size_key_has_round_reference_values(files: dict[str, bytes]) -> None:
    page = soup(files["points.html"])
    # The largest figure (165) to two digits, then round values near a third and a twelfth.
    assert [text(s) for s in page.select(".im-sizes li span")] == ["170", "50", "10"]
    assert [c["r"] for c in page.select(".im-sizes circle")] == ["28.4", "15.4", "6.9"]


def test_places_that_share_a_point_are_one_group_at_that_point() -> None:
    from iranmap.render.points import Points, PrisonRow, data

    def row(name: str, n: int, lat: float) -> PrisonRow:
        return PrisonRow(
            name, name, name, "Karaj", None, None, None, n, None, None, "city", None, lat, 51.0
        )

    pts = Points((row("Big", 100, 35.8), row("Small", 25, 35.8), row("Alone", 50, 29.6)), 100)
    assert pts.together() == ((1,), (0,), ())
    drawn = data(pts, "en")
    # Both at the very point (no invented offsets), each naming the other in its tooltip.
    assert [d[:2] for d in drawn[:2]] == [[35.8, 51.0], [35.8, 51.0]]
    assert (drawn[0][12], drawn[1][12], drawn[2][12]) == ([["Small", "25"]], [["Big", "100"]], None)


def test_tables_read_without_javascript(files: dict[str, bytes]) -> None:
    page = soup(files["combined.html"])
    tables = page.select("details.im-tables table")
    assert [text(t.caption) for t in tables] == ["Executions by province", "Executions by prison"]
    provinces, prisons = tables
    assert all(th["scope"] == "col" for th in provinces.select("thead th"))
    rows = provinces.select("tbody tr")
    assert len(rows) == 31
    assert [text(td) for td in rows[0].find_all(["th", "td"])] == [
        "Alborz",
        "البرز",
        "209",
        "77.1",
        "20.9%",
        "1",
        "prisons.csv:2, prisons.csv:6",
    ]
    assert rows[0].td is not None
    assert rows[0].td.span is not None
    assert rows[0].td.span["lang"] == "fa"
    assert rows[0].td.span["dir"] == "rtl"
    assert [text(td) for td in rows[7].find_all(["th", "td"])][:3] == [
        "Ardabil",
        "اردبیل",
        "Not itemized",
    ]
    assert [cells(r) for r in provinces.select("tfoot tr")] == [
        ["Itemized by province", "526"],
        ["Not itemized by province", "474"],
        ["Reported total", "1,000"],
    ]
    assert len(prisons.select("tbody tr")) == 8
    assert [text(c) for c in prisons.select("tbody tr")[5].find_all(["th", "td"])] == [
        "Qazvin Central Prison",
        "زندان مرکزی قزوین",
        "Qazvin",  # as reported
        "Qazvin",
        "Qazvin",
        "38",
        "city centre (approximate)",
        "prisons.csv:7",
    ]


def test_unplaced_rows_get_a_table_of_their_own() -> None:
    lost = Unplaced("prisons.csv", 12, "Ghezel <b>", 3, "no prison or city of this name")
    page = soup(render_map(make_joined(unresolved=[lost]), "points", RenderOptions()))
    table = page.select("details.im-tables table")[-1]
    assert text(table.caption) == "Figures not on the map"
    assert [text(c) for c in table.select("tbody td, tbody th")] == [
        "Ghezel <b>",
        "3",
        "no prison or city of this name",
        "prisons.csv:12",
    ]


@pytest.mark.parametrize("kind", KINDS)
def test_default_page_links_nothing_outside_itself(files: dict[str, bytes], kind: str) -> None:
    page = soup(files[f"{kind}.html"])
    assert page.select("script[src], link[href], img, iframe") == []
    scripts = page.find_all("script")
    assert len(scripts) == 4  # Leaflet, gesture handling, the data, iranmap.js
    assert "sourceMappingURL" not in files[f"{kind}.html"].decode()
    assert "url(images/" not in files[f"{kind}.html"].decode()


def test_cdn_links_leaflet_with_integrity(joined: Joined) -> None:
    page = soup(render_map(joined, "choropleth", RenderOptions(cdn=True)))
    script = page.select_one("script[src]")
    assert script is not None
    assert script["src"] == "https://unpkg.com/leaflet@1.9.3/dist/leaflet.js"
    assert script["integrity"] == "sha256-WBkoXOwTeyKclOHuWtc+i2uENFpDZ9YPdf5Hf+D7ewM="
    css = page.select_one("link[rel=stylesheet]")
    assert css is not None
    assert css["integrity"] == "sha256-kLaT2GOSpHechhsozzB+flnD+zUyjE2LlfWPgU04xyI="
    assert len(page.find_all("script")) == 4


def test_tiles_add_a_provider_layer_with_attribution(joined: Joined) -> None:
    data = data_of(render_map(joined, "points", RenderOptions(tiles="OpenStreetMap.Mapnik")))
    assert data["tiles"]["url"] == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    assert "OpenStreetMap" in data["tiles"]["attribution"]
    assert data["tiles"]["maxZoom"] == 19


def test_a_persian_page_credits_in_persian(joined: Joined) -> None:
    """The base layer's and the borders' credits, and Leaflet's name, in the page's language."""
    options = RenderOptions(lang="fa", tiles="OpenStreetMap.Mapnik")
    data = data_of(render_map(joined, "points", options))
    link = '<a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
    assert data["tiles"]["attribution"] == f"© مشارکت‌کنندگان \u2066{link}\u2069"
    assert data["credit"] == "© مشارکت‌کنندگان \u2066OpenStreetMap\u2069 (ODbL)"
    assert data["credits"] == {"title": "منابع نقشه", "leaflet": "لیفلت"}
    english = data_of(render_map(joined, "points", RenderOptions(tiles="OpenStreetMap.Mapnik")))
    assert english["tiles"]["attribution"] == f"© {link} contributors"
    assert english["credits"] == {"title": "Credits", "leaflet": "Leaflet"}


def test_unknown_tiles_are_an_input_error(joined: Joined) -> None:
    message = (
        "tiles: no tile provider is named 'Nope.Map'; "
        "give an xyzservices name such as 'OpenStreetMap.Mapnik'"
    )
    with pytest.raises(InputError, match=f"^{re.escape(message)}$"):
        render_map(joined, "points", RenderOptions(tiles="Nope.Map"))


def test_same_input_gives_the_same_bytes(joined: Joined, files: dict[str, bytes]) -> None:
    assert render_report(make_joined(), RenderOptions()) == files


def _digest_in_subprocess(seed: str) -> str:
    code = (
        "import hashlib,sys; sys.path.insert(0, 'tests');"
        "from mapfixture import make_joined;"
        "from iranmap.render import RenderOptions, render_report;"
        "files = render_report(make_joined(), RenderOptions(lang='fa'));"
        "print(hashlib.sha256(b''.join(files[k] for k in sorted(files))).hexdigest())"
    )
    env = {**os.environ, "PYTHONHASHSEED": seed}
    repo = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=repo, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


@pytest.mark.slow
def test_bytes_do_not_depend_on_the_process() -> None:
    files = render_report(make_joined(), RenderOptions(lang="fa"))
    here = hashlib.sha256(b"".join(files[k] for k in sorted(files))).hexdigest()
    assert _digest_in_subprocess("1") == here
    assert _digest_in_subprocess("2") == here


def test_changing_one_count_changes_only_what_depends_on_it(files: dict[str, bytes]) -> None:
    changed = [p if p[0] != "birjand-central" else (*p[:5], 31, p[6]) for p in PRISONS]
    other = render_report(make_joined(prisons=changed), RenderOptions())
    before, after = data_of(files["combined.html"]), data_of(other["combined.html"])
    old = {f["properties"]["iso"]: f for f in before["provinces"]["features"]}
    new = {f["properties"]["iso"]: f for f in after["provinces"]["features"]}
    for iso in old:
        if iso == "IR-29":
            assert new[iso]["properties"]["v"] == "31"
            continue
        assert new[iso] == old[iso]
    assert [p for p in after["prisons"] if p[4] != "Birjand Central Prison"] == [
        p for p in before["prisons"] if p[4] != "Birjand Central Prison"
    ]
    assert after["prisons"][-1][3] == "31"
    b_page, a_page = soup(files["combined.html"]), soup(other["combined.html"])
    assert text(a_page.select_one(".im-rec")).startswith("528 of at least 1,000")
    for selector in (".im-period", ".im-source", ".im-facts", "title", "h1"):
        assert text(a_page.select_one(selector)) == text(b_page.select_one(selector))
    b_rows = [cells(r) for r in b_page.select("tbody tr")]
    a_rows = [cells(r) for r in a_page.select("tbody tr")]
    assert [i for i, (b, a) in enumerate(zip(b_rows, a_rows, strict=True)) if a != b] == [6, 38]
    assert files["choropleth.embed.html"] == other["choropleth.embed.html"]


def _taint(value: str) -> str:
    return value + EVIL


def test_every_report_and_gazetteer_text_is_escaped() -> None:
    joined = make_joined(taint=_taint, source_url="javascript:window.__xss=3")
    for kind in KINDS:
        raw = render_map(joined, kind, RenderOptions()).decode()
        page = soup(raw.encode())
        assert page.select("img") == []
        assert len(page.find_all("script")) == 4
        assert "onerror" not in "".join(str(t.attrs) for t in page.find_all(True))
        assert page.select(".im-source a") == []  # a javascript: URL is not linked
        assert page.h1 is not None
        assert page.h1.get_text() == _taint("Executions in Iran, 2024")
        assert page.title is not None
        assert page.title.get_text().startswith(_taint("Executions in Iran, 2024"))
        for cell in page.select("tbody th"):
            assert cell.get_text().endswith(EVIL)
        data = data_of(raw.encode())
        assert data["provinces"]["features"][0]["properties"]["en"] == _taint("Markazi")
        if data["prisons"]:
            assert data["prisons"][0][4:10] == [
                _taint("Ghezel Hesar Prison"),
                _taint("زندان قزل‌حصار"),
                _taint("Karaj"),
                _taint("کرج"),
                _taint("Alborz"),
                _taint("البرز"),
            ]
        assert "</script><script>window" not in raw
        notes = page.select_one(".im-notes")
        assert notes is not None
        assert notes.get_text().endswith(EVIL)


def test_persian_page_is_right_to_left_with_persian_words_and_digits(joined: Joined) -> None:
    raw = render_map(joined, "combined", RenderOptions(lang="fa"))
    page = soup(raw)
    assert page.html is not None
    assert (page.html["lang"], page.html["dir"]) == ("fa", "rtl")
    assert text(page.select_one(".im-kind")) == (
        "اعدام‌ها به تفکیک استان و زندان، دست‌کم ۱٬۰۰۰ اعدام گزارش‌شده"
    )
    assert text(page.select_one(".im-period")) == (
        "دوره: ۱۱ دی ۱۴۰۲ – ۱۱ دی ۱۴۰۳ (۱ ژانویه – ۳۱ دسامبر ۲۰۲۴)"
    )
    assert text(page.select_one(".im-rec")).startswith("از دست‌کم ۱٬۰۰۰ اعدام، ۵۲۶ مورد")
    row = page.select("details table")[0].select("tbody tr")[0]
    cells = row.find_all(["th", "td"])
    assert [text(c) for c in cells][:5] == ["البرز", "Alborz", "۲۰۹", "۷۷٫۱", "٪۲۰٫۹"]
    english = cells[1].span
    assert english is not None
    assert (english["lang"], english["dir"]) == ("en", "ltr")
    legend = page.select_one(".im-legend .im-legend-block[data-measure=count]")
    assert legend is not None
    assert text(legend.select("li")[-1]) == (
        "بدون رقم تفکیکی: گزارش برای این‌جا رقمی نمی‌دهد؛ به معنای صفر نیست"
    )
    data = data_of(raw)
    assert data["lang"] == "fa"
    assert data["t"]["executions"] == "اعدام‌ها"
    assert data["gesture"]["touch"] == "برای جابه‌جا کردن نقشه از دو انگشت استفاده کنید"
    assert data["provinces"]["features"][30]["properties"]["rk"] == "۱ از ۷"


def _prison_rows(page: bytes) -> dict[str, Tag]:
    """The prisons table's rows by the prison's English name (the column beside the name on
    a Persian page, the name itself on an English one)."""
    table = soup(page).select("details.im-tables table")[-1]
    rows: dict[str, Tag] = {}
    for row in table.select("tbody tr"):
        first, second = row.find_all(["th", "td"])[:2]
        rows[text(first) if text(first).isascii() else text(second)] = row
    return rows


def _city_cell(row: Tag) -> Tag:
    cell = row.find_all(["th", "td"])[3]
    assert isinstance(cell, Tag)
    return cell


def test_each_page_shows_the_city_in_its_own_language(joined: Joined) -> None:
    fa = render_map(joined, "points", RenderOptions(lang="fa"))
    en = render_map(joined, "points", RenderOptions())
    assert [p[6:8] for p in data_of(fa)["prisons"]][:2] == [["Karaj", "کرج"], ["Shiraz", "شیراز"]]
    # Both pages carry both names of each prison, city and province; the script picks.
    assert [p[4:10] for p in data_of(en)["prisons"]] == [p[4:10] for p in data_of(fa)["prisons"]]
    karaj_fa = _city_cell(_prison_rows(fa)["Ghezel Hesar Prison"])
    assert text(karaj_fa) == "کرج"
    assert karaj_fa.select("[lang]") == []  # Persian on a Persian page: nothing to mark
    karaj_en = _city_cell(_prison_rows(en)["Ghezel Hesar Prison"])
    assert text(karaj_en) == "Karaj"
    assert karaj_en.select("[lang]") == []


def test_a_city_without_a_persian_name_shows_in_english_marked_as_english() -> None:
    joined = make_joined(cities_fa={k: v for k, v in CITIES_FA.items() if k != "Birjand"})
    fa = render_map(joined, "points", RenderOptions(lang="fa"))
    assert data_of(fa)["prisons"][-1][6:8] == ["Birjand", ""]
    birjand = _city_cell(_prison_rows(fa)["Birjand Central Prison"])
    assert text(birjand) == "Birjand"
    span = birjand.span
    assert span is not None
    assert (span["lang"], span["dir"]) == ("en", "ltr")
    assert text(_city_cell(_prison_rows(fa)["Qazvin Central Prison"])) == "قزوین"
    en = render_map(joined, "points", RenderOptions())
    assert _city_cell(_prison_rows(en)["Birjand Central Prison"]).select("[lang]") == []


def test_without_population_there_is_no_switch() -> None:
    page = render_map(make_joined(population=False), "choropleth", RenderOptions())
    parsed = soup(page)
    assert parsed.select("fieldset.im-measure") == []
    assert [b["data-measure"] for b in parsed.select(".im-legend .im-legend-block")] == ["count"]
    assert list(data_of(page)["colors"]) == ["count"]


def test_per_million_can_be_the_measure_shown_first(joined: Joined) -> None:
    page = render_map(joined, "choropleth", RenderOptions(measure="per_million"))
    parsed = soup(page)
    shown = parsed.select(".im-legend .im-legend-block:not([hidden])")
    assert [b["data-measure"] for b in shown] == ["per_million"]
    assert data_of(page)["measure"] == "per_million"


def test_nothing_itemized_still_draws_31_provinces_as_not_itemized() -> None:
    joined = make_joined(prisons=())
    page = render_map(joined, "choropleth", RenderOptions())
    data = data_of(page)
    assert {f["properties"]["c"]["count"] for f in data["provinces"]["features"]} == {-1}
    assert [text(li) for li in soup(page).select(".im-legend .im-legend-block li")] == [
        "Not itemized: the report gives no figure here; not zero"
    ]
    assert text(soup(page).select_one(".im-legend .im-legend-note")) == (
        "The report itemizes no figures for this map."
    )


def test_classes_of_single_values_are_labelled_with_the_value() -> None:
    few = [p for p in PRISONS if p[0] in ("ghezel-hesar", "adelabad", "vakilabad")]
    page = soup(render_map(make_joined(prisons=few), "choropleth", RenderOptions()))
    legend = page.select_one(".im-legend .im-legend-block[data-measure=count]")
    assert legend is not None
    assert [text(li) for li in legend.select("li")] == [
        "33",
        "97",
        "165",
        "Not itemized: the report gives no figure here; not zero",
    ]


def test_options_are_checked_up_front() -> None:
    with pytest.raises(InputError, match=re.escape("lang: expected one of en, fa, found 'de'")):
        RenderOptions(lang="de")  # type: ignore[arg-type]
    with pytest.raises(InputError, match=re.escape("breaks: the custom scheme needs breaks")):
        RenderOptions(scheme="custom")
    options = RenderOptions(scheme="custom", breaks=(10, 50))
    assert options.breaks == (10.0, 50.0)
    assert dataclasses.replace(options, lang="fa").breaks == (10.0, 50.0)


@pytest.fixture(scope="module")
def shipped() -> dict[str, bytes]:
    from iranmap.api import load
    from iranmap.paths import reports_dir

    return render_report(load(reports_dir() / "2024-ncri"), RenderOptions())


def test_shipped_report_fits_the_size_budget(shipped: dict[str, bytes]) -> None:
    data = data_of(shipped["combined.html"])
    provinces = json.dumps(data["provinces"], ensure_ascii=False, separators=(",", ":"))
    assert len(provinces.encode()) < 80_000  # geodata/provinces.geojson is held under 80 KB
    # 285,000 before issues 20 and 23, which added the precision key, the cited source, the names
    # as reported, the folded credits and the placed controls.
    assert len(shipped["combined.html"]) <= 302_000
    assert len(data["provinces"]["features"]) == 31
    assert len(data["prisons"]) == 8
    assert sum(1 for f in data["provinces"]["features"] if f["properties"]["v"] is None) == 24


_WEB = Path(__file__).resolve().parents[1] / "src" / "iranmap" / "render" / "web"
_COLOR = re.compile(r"#[0-9a-fA-F]{3,8}\b|\brgba?\([^)]*\)|\bhsla?\([^)]*\)")


@pytest.mark.parametrize("name", ["iranmap.js", "timeline.js"])
def test_the_script_writes_no_colour_of_its_own(name: str) -> None:
    script = (_WEB / name).read_text(encoding="utf-8")
    assert _COLOR.findall(script) == []
    # Strokes and opacities come with the colours, from iranmap.style.
    assert re.findall(r"(?:weight|[oO]pacity|color|Color)\s*:\s*[\d.\"']", script) == []


def test_every_colour_of_the_style_sheet_is_a_variable_of_iranmap_style() -> None:
    from iranmap import style

    sheet = (_WEB / "iranmap.css").read_text(encoding="utf-8")
    assert _COLOR.findall(sheet) == []
    defined = dict(re.findall(r"(--im-[a-z-]+):([^;}]+)", style.css_variables()))
    used = set(re.findall(r"var\((--im-[a-z-]+)\)", sheet))
    assert used and used <= set(defined), used - set(defined)
    values = {v for k, v in vars(style).items() if k.isupper() and isinstance(v, str)}
    assert set(defined.values()) - {str(style.CIRCLE_OPACITY)} <= values


def test_page_carries_the_style_variables_and_the_script_style(files: dict[str, bytes]) -> None:
    from iranmap import style

    page = files["combined.html"].decode()
    assert style.css_variables() in page
    assert data_of(files["combined.html"])["style"] == style.script_style()


def test_kinds_for_builds_only_maps_a_report_can_fill() -> None:
    from iranmap.render import kinds_for

    assert kinds_for(make_joined()) == ("choropleth", "points", "combined")
    no_prisons = make_joined(prisons=(), extra_counts={"IR-07": 12})
    assert kinds_for(no_prisons) == ("choropleth",)
    assert sorted(render_report(no_prisons, RenderOptions())) == [
        "choropleth.embed.html",
        "choropleth.html",
    ]


def test_persian_page_uses_the_reports_persian_texts_and_marks_english_fallbacks(
    joined: Joined,
) -> None:
    from iranmap.reports import Fact

    report = dataclasses.replace(
        joined.report,
        title_fa="اعدام‌ها در ایران، ۲۰۲۴",
        publisher_fa=None,
        facts=(Fact("Women", 34, None, 20, label_fa="زنان"), Fact("Age", 36, "years", 21)),
    )
    page = soup(
        render_map(dataclasses.replace(joined, report=report), "combined", RenderOptions(lang="fa"))
    )
    assert text(page.h1) == "اعدام‌ها در ایران، ۲۰۲۴"
    assert page.h1 is not None and page.h1.bdi is not None and not page.h1.bdi.has_attr("lang")
    publisher = page.select_one(".im-source bdi")
    assert publisher is not None
    assert (publisher["lang"], publisher["dir"], text(publisher)) == (
        "en",
        "ltr",
        "NCRI Secretariat",
    )
    facts = page.select(".im-facts li")
    assert text(facts[0]) == "زنان: ۳۴"
    age = facts[1].select("bdi")
    assert (age[0]["lang"], text(age[0])) == ("en", "Age")
    assert (age[-1]["lang"], text(age[-1])) == ("en", "years")
    assert text(page.title).startswith("اعدام‌ها در ایران، ۲۰۲۴: ")


def test_pages_name_their_card_image_where_they_will_be_published(joined: Joined) -> None:
    options = RenderOptions(lang="fa", base_url="https://example.org/maps/")
    page = soup(render_map(joined, "points", options))
    meta = {
        str(m.get("property") or m.get("name")): str(m["content"])
        for m in page.select("head meta[content]")
        if m.get("property") or m.get("name") != "viewport"
    }
    assert meta["og:image"] == "https://example.org/maps/test-2024/points.fa.card.png"
    assert meta["og:url"] == "https://example.org/maps/test-2024/points.fa.html"
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["og:locale"] == "fa_IR"
    combined = soup(render_map(joined, "combined", RenderOptions(base_url="https://e.org")))
    assert combined.select_one("meta[property='og:image']")["content"] == (  # type: ignore[index]
        "https://e.org/test-2024/choropleth.card.png"
    )
    assert soup(render_map(joined, "points", RenderOptions())).select("meta[property]") == []


def none_reported(joined: Joined) -> Joined:
    """``joined`` as if the report itemized its whole total: the other provinces none reported."""
    provinces = joined.provinces.copy()
    missing = provinces["executions"].isna()
    provinces["executions"] = provinces["executions"].fillna(0)
    provinces.loc[missing, "status"] = "none reported"
    return with_tables(joined, provinces=provinces)


def test_a_province_with_none_reported_is_a_class_of_its_own(joined: Joined) -> None:
    page = render_map(none_reported(joined), "choropleth", RenderOptions())
    data = data_of(page)
    by_iso = {f["properties"]["iso"]: f["properties"] for f in data["provinces"]["features"]}
    tehran = by_iso["IR-23"]
    assert (tehran["v"], tehran["nr"], tehran["c"]["count"], tehran["rk"]) == ("0", True, -3, None)
    assert by_iso["IR-30"]["c"]["count"] == 4  # the classes are those of the figures given
    legend = soup(page).select(".im-legend-block")[0].select("li")
    assert text(legend[-1]) == "None reported: the report places its whole total elsewhere"
    assert not any("Not itemized" in text(li) for li in legend)
    rows = {
        text(r.select_one("th")): r for r in soup(page).select("table tr") if r.select_one("th")
    }
    assert text(rows["Tehran"].select_one("td.im-none")) == "None reported"
