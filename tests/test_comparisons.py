"""Several sources side by side: totals-only reports, comparisons, their ranges, downloads,
revisions and the checks of comparison.toml (in the made-up world of fake_world.py)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

import iranmap.join
from fake_world import GAZETTEER, polygons
from iranmap.cli import main
from iranmap.cli.check import TOTALS_ONLY
from iranmap.comparisons import load_comparison
from iranmap.comparisons._downloads import provinces_csv, sources_csv
from iranmap.errors import InputError
from iranmap.render.sources import headline, render_sources


@pytest.fixture(autouse=True)
def fake_world(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(iranmap.join, "_default_gazetteer", lambda: GAZETTEER)
    monkeypatch.setattr(iranmap.join, "_default_provinces", polygons)


def report(
    root: Path,
    rid: str,
    total: int,
    provinces: str | None = None,
    *,
    extra: str = "",
    start: str = "2024-01-01",
    end: str = "2024-12-31",
    published: str = "2025-01-10",
) -> Path:
    folder = root / "reports" / rid
    folder.mkdir(parents=True)
    (folder / "report.toml").write_text(
        f'title = "Executions, {rid}"\npublisher = "Publisher {rid.upper()}"\n'
        f'total = {total}\nquote = "The quote of {rid}."\n{extra}\n'
        f'[source]\ntitle = "Annual report {rid}"\ndate = {published}\n'
        f'url = "https://example.org/{rid}"\n\n[period]\nstart = {start}\nend = {end}\n',
        encoding="utf-8",
    )
    if provinces is not None:
        (folder / "provinces.csv").write_text(provinces, encoding="utf-8")
    return folder


def comparison(root: Path, *ids: str, name: str = "y2024") -> Path:
    folder = root / "comparisons" / name
    folder.mkdir(parents=True)
    listed = "".join(f'  "{i}",\n' for i in ids)
    (folder / "comparison.toml").write_text(
        f'title = "Executions in Iran, 2024"\ntitle_fa = "اعدام‌ها در ایران، ۲۰۲۴"\n'
        f"reports = [\n{listed}]\n",
        encoding="utf-8",
    )
    return folder


@pytest.fixture
def project(tmp_path: Path) -> Path:
    report(tmp_path, "a", 901, "province,executions\nTehran,10\nFars,20\n")
    report(tmp_path, "b", 975, "province,executions\nTehran,30\nAlborz,5\n")
    report(
        tmp_path, "c", 1000, "province,executions\nTehran,20\n", extra='total_qualifier = "exactly"'
    )
    comparison(tmp_path, "a", "b", "c")
    return tmp_path


# ---------------------------------------------------------------------------------------------
# a total alone


def test_a_totals_only_report_checks_and_says_so(tmp_path: Path) -> None:
    folder = report(tmp_path, "t", 834)
    result = CliRunner().invoke(main, ["check", str(folder)])
    assert result.exit_code == 0, result.output
    assert "not itemized  834  in no prison or province figure" in result.stdout
    assert TOTALS_ONLY in result.stdout


def test_a_totals_only_report_builds_its_summary_and_no_map(tmp_path: Path) -> None:
    from iranmap.build import report_files
    from iranmap.render import BuildOptions

    files = report_files(report(tmp_path, "t", 834), BuildOptions())
    assert sorted(files) == ["summary.json"]
    summary = json.loads(files["summary.json"])
    assert summary["reconciliation"]["not_itemized"] == 834
    assert summary["files"] == ["summary.json"]


# ---------------------------------------------------------------------------------------------
# ranges


def test_a_comparison_of_three_reports_gives_each_provinces_range(project: Path) -> None:
    made = load_comparison(project / "comparisons" / "y2024", project / "reports")
    assert [s.report.id for s in made.sources] == ["c", "b", "a"]  # largest total first
    ranges = {p.iso: (p.low, p.high, p.sources) for p in made.provinces}
    assert ranges == {"IR-23": (10, 30, 3), "IR-07": (20, 20, 1), "IR-30": (5, 5, 1)}
    tehran = next(p for p in made.provinces if p.iso == "IR-23")
    assert tehran.figures == (20, 30, 10)


def test_a_province_no_source_itemizes_has_no_range_never_zero(tmp_path: Path) -> None:
    report(tmp_path, "a", 10, "province,executions\nTehran,10\n")
    report(tmp_path, "t", 20)
    comparison(tmp_path, "a", "t")
    made = load_comparison(tmp_path / "comparisons" / "y2024", tmp_path / "reports")
    fars = next(p for p in made.provinces if p.iso == "IR-07")
    assert (fars.low, fars.high, fars.sources, fars.figures) == (None, None, 0, (None, None))
    rows = list(csv.reader(io.StringIO(provinces_csv(made).decode())))
    assert rows[0] == ["iso", "name_en", "name_fa", "min", "max", "sources", "t", "a"]
    assert ["IR-07", "Fars", "فارس", "", "", "0", "", ""] in rows


def test_the_headline_gives_the_range_with_the_qualifier_of_the_largest(project: Path) -> None:
    made = load_comparison(project / "comparisons" / "y2024", project / "reports")
    assert headline(made, "en") == (
        "Between 901 and 1,000 executions, 1 January – 31 December 2024, by 3 sources"
    )
    (project / "reports" / "c" / "report.toml").write_text(
        (project / "reports" / "c" / "report.toml")
        .read_text(encoding="utf-8")
        .replace('total_qualifier = "exactly"', ""),
        encoding="utf-8",
    )
    made = load_comparison(project / "comparisons" / "y2024", project / "reports")
    assert headline(made, "en").startswith("Between 901 and at least 1,000 executions")
    assert headline(made, "fa").startswith("میان ۹۰۱ و دست‌کم ۱٬۰۰۰ اعدام")


def test_a_source_whose_window_differs_is_flagged_and_left_out_of_the_range(
    project: Path,
) -> None:
    report(project, "y1403", 1153, start="2024-03-20", end="2025-03-20")
    (project / "comparisons" / "y2024").rename(project / "old")
    comparison(project, "a", "b", "c", "y1403")
    made = load_comparison(project / "comparisons" / "y2024", project / "reports")
    apart = [s.report.id for s in made.sources if not s.in_window]
    assert apart == ["y1403"]
    assert made.high.report.id == "c"
    page = BeautifulSoup(render_sources(made, "en"), "html.parser")
    row = page.select_one('li[data-id="y1403"]')
    assert row is not None and "Its window differs from the comparison's" in row.get_text()


def test_sources_csv_has_one_row_per_report(project: Path) -> None:
    made = load_comparison(project / "comparisons" / "y2024", project / "reports")
    rows = list(csv.DictReader(io.StringIO(sources_csv(made).decode())))
    assert [r["report"] for r in rows] == ["c", "b", "a"]
    assert rows[2] == {
        "report": "a",
        "publisher": "Publisher A",
        "title": "Annual report a",
        "date": "2025-01-10",
        "url": "https://example.org/a",
        "total": "901",
        "qualifier": "at least",
        "start": "2024-01-01",
        "end": "2024-12-31",
        "calendar": "gregorian",
        "itemized": "30",
        "not_itemized": "871",
        "in_window": "yes",
        "revises": "",
        "official": "",
        "confirmed": "",
        "reported": "",
        "ungraded": "",
    }


# ---------------------------------------------------------------------------------------------
# the page


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_the_page_names_every_source_with_its_total_and_quote(project: Path, lang: str) -> None:
    made = load_comparison(project / "comparisons" / "y2024", project / "reports")
    page = BeautifulSoup(render_sources(made, lang), "html.parser")  # type: ignore[arg-type]
    assert page.select_one("#im-range").get_text() == headline(made, lang)  # type: ignore[arg-type]
    bars = page.select("ol.im-chart li")
    assert [b["data-id"] for b in bars] == ["c", "b", "a"]
    text = page.get_text()
    for rid in "abc":
        assert f"Publisher {rid.upper()}" in text
        assert f"The quote of {rid}." in text
    assert len(page.select("ol.im-chart .im-arrow")) == 2  # "at least": open-ended; c is exact
    assert render_sources(made, lang) == render_sources(made, lang)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------
# comparison.toml and check


def test_an_unknown_report_id_is_refused_at_its_line(project: Path) -> None:
    folder = comparison(project, "a", "hengaw", name="bad")
    with pytest.raises(InputError) as info:
        load_comparison(folder, project / "reports")
    assert [str(p) for p in info.value.problems] == [
        f"{folder / 'comparison.toml'}:5: no report 'hengaw' in {project / 'reports'}; "
        "list the id (the folder's name) of a report there"
    ]


def test_check_on_a_comparison_folder_says_what_it_compares(project: Path) -> None:
    result = CliRunner().invoke(main, ["check", str(project / "comparisons" / "y2024")])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:5] == [
        "comparison    y2024",
        "compares      3 reports: c, b, a",
        "range         Between 901 and 1,000 executions, 1 January – 31 December 2024, "
        "by 3 sources",
        "provinces     3 itemized by at least one source",
        "window        1 January – 31 December 2024",
    ]


def test_check_on_a_comparison_refuses_an_unknown_id_with_its_line(project: Path) -> None:
    folder = comparison(project, "a", "nope", name="bad")
    result = CliRunner().invoke(main, ["check", str(folder)])
    assert result.exit_code == 1
    assert f"{folder / 'comparison.toml'}:5: no report 'nope'" in result.stdout


# ---------------------------------------------------------------------------------------------
# revisions


def test_a_comparison_uses_the_latest_revision_unless_it_lists_both(tmp_path: Path) -> None:
    report(tmp_path, "first", 834, published="2024-01-12")
    report(tmp_path, "later", 864, extra='revises = "first"', published="2024-01-20")
    comparison(tmp_path, "first", name="one")
    comparison(tmp_path, "first", "later", name="both")
    one = load_comparison(tmp_path / "comparisons" / "one", tmp_path / "reports")
    assert [s.report.id for s in one.sources] == ["later"]
    assert one.sources[0].listed.replaces == "first"
    page = BeautifulSoup(render_sources(one, "en"), "html.parser").get_text()
    assert "revised from at least 834, published 12 January 2024" in page
    checked = CliRunner().invoke(main, ["check", str(tmp_path / "reports" / "later")]).stdout
    assert "revises       first (at least 834, published 2024-01-12)" in checked
    both = load_comparison(tmp_path / "comparisons" / "both", tmp_path / "reports")
    assert [s.report.id for s in both.sources] == ["later", "first"]


def test_revises_an_unknown_report_is_refused_at_its_line(tmp_path: Path) -> None:
    report(tmp_path, "first", 834)
    folder = report(tmp_path, "later", 864, extra='revises = "frist"')
    result = CliRunner().invoke(main, ["check", str(folder)])
    assert result.exit_code == 1
    assert (
        f"{folder / 'report.toml'}:5: revises = 'frist' but no report folder beside this one has "
        "that name (did you mean 'first'?); give the id (the folder's name) of the report this "
        "one revises"
    ) in result.stdout


def test_the_revising_reports_page_says_what_it_revised(tmp_path: Path) -> None:
    from iranmap.join import join_folder
    from iranmap.render import RenderOptions
    from iranmap.render.page import render_page

    report(tmp_path, "first", 834, "province,executions\nTehran,4\n", published="2024-01-12")
    later = report(
        tmp_path, "later", 864, "province,executions\nTehran,5\n", extra='revises = "first"'
    )
    joined = join_folder(later)
    for lang, words in (
        ("en", "revised from at least 834, published 12 January 2024"),
        ("fa", "بازنگری‌شده از دست‌کم ۸۳۴، منتشرشده در ۲۲ دی ۱۴۰۲"),
    ):
        page = render_page(joined, "choropleth", RenderOptions(lang=lang))  # type: ignore[arg-type]
        note = BeautifulSoup(page, "html.parser").select_one("p.im-revised")
        assert note is not None and note.get_text().startswith(words)


def test_the_gallery_lists_comparisons_and_the_latest_of_a_chain_first() -> None:
    from iranmap._galleries import latest_first
    from iranmap.render import RenderOptions
    from iranmap.render.gallery import render_gallery

    def summary(rid: str, revises: str | None = None) -> dict[str, object]:
        return {
            "id": rid,
            "title": f"Report {rid}",
            "publisher": "P",
            "calendar": "gregorian",
            "period": {"start": "2023-01-01", "end": "2023-12-31"},
            "source": {"title": "S", "date": "2024-01-12", "url": None},
            "sentence": {"en": "a sentence", "fa": "یک جمله"},
            "files": ["summary.json"],
            "revises": revises,
        }

    compared = {
        "id": "comparisons/y2023",
        "kind": "comparison",
        "title": "Executions in Iran, 2023",
        "title_fa": None,
        "sentence": {"en": "Between 823 and at least 864 executions", "fa": "میان"},
        "files": ["sources.html", "sources.csv", "summary.json"],
    }
    ordered = latest_first(
        [summary("a-first"), summary("b"), summary("z-later", "a-first"), compared]
    )
    assert [s["id"] for s in ordered] == ["comparisons/y2023", "b", "z-later", "a-first"]
    page = BeautifulSoup(render_gallery(ordered, RenderOptions()), "html.parser")
    items = page.select("li.report")
    assert "Between 823 and at least 864 executions" in items[0].get_text()
    assert items[0].select_one('a[href="comparisons/y2023/sources.html"]') is not None
    assert items[3].select_one("p.revised_by").get_text() == "Revised by z-later"  # type: ignore[union-attr]
    assert items[2].select_one("p.revises").get_text() == "Revises a-first"  # type: ignore[union-attr]


# ---------------------------------------------------------------------------------------------
# grades


def test_grades_are_counted_in_check_json_and_shown_on_the_page(tmp_path: Path) -> None:
    from iranmap.join import join_folder
    from iranmap.render import RenderOptions
    from iranmap.render.page import render_page

    folder = report(tmp_path, "g", 100)
    (folder / "prisons.csv").write_text(
        "prison,executions,grade\nEvin,10,official\nAdelabad Prison,20,Confirmed\nQarchak,5,\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["check", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["grades"] == {"official": 10, "confirmed": 20, "ungraded": 70}
    text = CliRunner().invoke(main, ["check", str(folder)]).stdout
    assert "grades        official 10, confirmed 20, ungraded 70" in text
    joined = join_folder(folder)
    assert list(joined.prisons["grade"]) == ["confirmed", "official", ""]
    for lang, words in (
        ("en", "By grade: official 10 · confirmed 20 · ungraded 70"),
        ("fa", "به تفکیک درجهٔ تأیید: رسمی ۱۰ · تأییدشده ۲۰ · بدون درجه ۷۰"),
    ):
        page = BeautifulSoup(
            render_page(joined, "points", RenderOptions(lang=lang)),  # type: ignore[arg-type]
            "html.parser",
        )
        assert page.select_one("p.im-grades").get_text() == words  # type: ignore[union-attr]
        data = json.loads(page.select_one("script#im-data").get_text())  # type: ignore[union-attr]
        assert [p[16] for p in data["prisons"]] == (
            ["confirmed", "official", ""] if lang == "en" else ["تأییدشده", "رسمی", ""]
        )
    rows = list(
        csv.DictReader(
            io.StringIO(
                __import__("iranmap.export", fromlist=["data_files"])
                .data_files(joined)["prisons.csv"]
                .decode()
            )
        )
    )
    assert [r["grade"] for r in rows] == ["confirmed", "official", ""]


def test_a_report_grade_grades_its_whole_total_and_the_comparison_splits_it(
    project: Path,
) -> None:
    toml = project / "reports" / "a" / "report.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8").replace("quote =", 'grade = "official"\nquote ='),
        encoding="utf-8",
    )
    made = load_comparison(project / "comparisons" / "y2024", project / "reports")
    rows = {r["report"]: r for r in csv.DictReader(io.StringIO(sources_csv(made).decode()))}
    assert (rows["a"]["official"], rows["b"]["official"]) == ("901", "")
    page = BeautifulSoup(render_sources(made, "en"), "html.parser")
    assert "By grade: official 901" in page.select_one('li[data-id="a"]').get_text()  # type: ignore[union-attr]


def test_events_are_counted_by_grade(tmp_path: Path) -> None:
    folder = tmp_path / "reports" / "e"
    report(tmp_path, "e", 4)
    (folder / "report.toml").write_text(
        (folder / "report.toml").read_text(encoding="utf-8").replace("total = 4\n", ""),
        encoding="utf-8",
    )
    (folder / "events.csv").write_text(
        "date,prison,grade\n2024-01-02,Evin,official\n2024-01-03,Evin,reported\n"
        "2024-01-04,Evin,reported\n2024-01-05,Evin,\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["check", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["grades"] == {"official": 1, "reported": 2, "ungraded": 1}
    from iranmap.join import join_folder

    assert list(join_folder(folder).prisons["grade"]) == ["official; reported"]


@pytest.mark.parametrize(
    ("file", "text", "line"),
    [
        ("prisons.csv", "prison,executions,grade\nEvin,3,official\nQarchak,2,rumour\n", 3),
        ("provinces.csv", "province,executions,grade\nTehran,3,rumour\n", 2),
        ("events.csv", "date,prison,grade\n2024-01-02,Evin,rumour\n", 2),
    ],
)
def test_an_unknown_grade_is_refused_with_its_line_and_the_allowed_words(
    tmp_path: Path, file: str, text: str, line: int
) -> None:
    folder = report(tmp_path, "u", 10)
    (folder / file).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(folder)])
    assert result.exit_code == 1
    assert (
        f"{folder / file}:{line}: grade 'rumour' is not one of official, confirmed, reported; "
        "write one of them, or leave it empty"
    ) in result.stdout


def test_an_unknown_grade_in_report_toml_is_refused_at_its_line(tmp_path: Path) -> None:
    folder = report(tmp_path, "u", 10, extra='grade = "likely"')
    result = CliRunner().invoke(main, ["check", str(folder)])
    assert result.exit_code == 1
    assert (
        f"{folder / 'report.toml'}:5: grade = 'likely' is not one of official, confirmed, "
        "reported; write one of them, or leave it empty"
    ) in result.stdout


# ---------------------------------------------------------------------------------------------
# building


@pytest.mark.slow
def test_a_build_writes_each_comparison_and_keeps_it_when_one_breaks(project: Path) -> None:
    from iranmap.comparing import build_comparisons

    out = project / "maps"
    dirs = sorted((project / "reports").iterdir())
    first = build_comparisons(dirs, out)
    assert [(r.id, r.ok) for r in first] == [("comparisons/y2024", True)]
    names = sorted(p.name for p in (out / "comparisons" / "y2024").iterdir())
    assert names == [
        ".iranmap-build.json",
        "provinces.csv",
        "sources.card.png",
        "sources.csv",
        "sources.embed.html",
        "sources.fa.card.png",
        "sources.fa.embed.html",
        "sources.fa.html",
        "sources.fa.png",
        "sources.fa.svg",
        "sources.html",
        "sources.png",
        "sources.svg",
        "summary.json",
    ]
    again = build_comparisons(dirs, out)
    assert again[0].changed == ()
    toml = project / "comparisons" / "y2024" / "comparison.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('"b"', '"bb"'), encoding="utf-8")
    broken = build_comparisons(dirs, out)
    assert not broken[0].ok and "no report 'bb'" in str(broken[0].error)
    assert (out / "comparisons" / "y2024" / "sources.html").is_file()


def test_sources_that_agree_are_not_given_a_range(tmp_path: Path) -> None:
    report(tmp_path, "a", 901)
    report(tmp_path, "b", 901)
    comparison(tmp_path, "a", "b")
    made = load_comparison(tmp_path / "comparisons" / "y2024", tmp_path / "reports")
    assert headline(made, "en") == (
        "at least 901 executions, 1 January – 31 December 2024, by each of 2 sources"
    )


def test_a_comparison_folder_whose_name_cannot_be_an_id_is_refused(tmp_path: Path) -> None:
    from iranmap.comparing import build_comparisons

    report(tmp_path, "a", 901)
    comparison(tmp_path, "a", name="Year 2024")
    [result] = build_comparisons([tmp_path / "reports" / "a"], tmp_path / "maps")
    assert "'Year 2024' cannot be one" in str(result.error)
    assert not (tmp_path / "maps").exists()


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_the_chart_image_names_every_source_and_the_range(project: Path, lang: str) -> None:
    from iranmap.render.static.sources import CARD_HEIGHT, chart_image

    report(project, "y1403", 1153, start="2024-03-20", end="2025-03-20")
    (project / "comparisons" / "y2024").rename(project / "old")
    comparison(project, "a", "b", "c", "y1403")
    made = load_comparison(project / "comparisons" / "y2024", project / "reports")
    drawn = chart_image(made, lang).document("t", "d")  # type: ignore[arg-type]
    svg = re.sub("[\u2066-\u2069]", "", re.sub(r"<[^>]+>", "", drawn))  # the text, as read
    card = chart_image(made, lang, CARD_HEIGHT)  # type: ignore[arg-type]
    assert card.height == CARD_HEIGHT
    for rid in ("A", "B", "C", "Y1403"):
        assert f"Publisher {rid}" in svg
    assert headline(made, lang) in svg  # type: ignore[arg-type]
    apart = {"en": "another window: not in the range", "fa": "بازهٔ دیگر: بیرون از دامنه"}
    assert apart[lang] in svg
    assert drawn.count("<path") == 3  # an arrowhead on each total "at least"; c is exact


def test_with_a_base_url_the_page_names_its_card_for_link_previews(project: Path) -> None:
    made = load_comparison(project / "comparisons" / "y2024", project / "reports")
    plain = BeautifulSoup(render_sources(made, "fa"), "html.parser")
    assert plain.select_one('meta[property="og:image"]') is None
    page = BeautifulSoup(
        render_sources(made, "fa", base_url="https://example.org/maps", folder="comparisons/y2024"),
        "html.parser",
    )
    image = page.select_one('meta[property="og:image"]')
    assert image is not None
    assert image["content"] == "https://example.org/maps/comparisons/y2024/sources.fa.card.png"


def test_a_comparison_replaces_no_file_iranmap_did_not_write(project: Path) -> None:
    from iranmap.comparing import build_comparisons

    out = project / "maps"
    folder = out / "comparisons" / "y2024"
    folder.mkdir(parents=True)
    (folder / "sources.html").write_text("my own page", encoding="utf-8")
    dirs = sorted((project / "reports").iterdir())
    (result,) = build_comparisons(dirs, out)
    assert not result.ok
    assert str(result.error) == (
        f"{folder / 'sources.html'}: a file iranmap did not write stands where the build writes "
        f"sources.html of comparison comparisons/y2024; it was left as it is, and nothing of "
        f"{folder} was written: move it away, or let the build replace it, or build into "
        "another folder"
    )
    assert sorted(p.name for p in folder.iterdir()) == ["sources.html"]
    assert (folder / "sources.html").read_text(encoding="utf-8") == "my own page"
    (forced,) = build_comparisons(dirs, out, force=True)
    assert forced.ok and (folder / "sources.html").read_text(encoding="utf-8") != "my own page"


def test_a_comparison_that_fails_unexpectedly_is_its_own_error(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import iranmap.comparing
    from iranmap.comparing import build_comparisons

    def nested(*args: object, **kwargs: object) -> dict[str, bytes]:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(iranmap.comparing, "comparison_files", nested)
    dirs = sorted((project / "reports").iterdir())
    (result,) = build_comparisons(dirs, project / "maps")
    toml = project / "comparisons" / "y2024" / "comparison.toml"
    assert str(result.error) == (
        f"{toml}: unexpected RecursionError: maximum recursion depth exceeded; this is a bug in "
        "iranmap (nothing else was stopped by it): report it, with this file if you can"
    )


def test_a_comparison_folder_in_the_output_that_is_a_link_is_refused(project: Path) -> None:
    from iranmap.comparing import build_comparisons

    out = project / "maps"
    (out / "comparisons").mkdir(parents=True)
    elsewhere = project / "elsewhere"
    elsewhere.mkdir()
    (out / "comparisons" / "y2024").symlink_to(elsewhere, target_is_directory=True)
    dirs = sorted((project / "reports").iterdir())
    (result,) = build_comparisons(dirs, out)
    link = out / "comparisons" / "y2024"
    assert str(result.error) == (
        f"{link}: {link} is a symbolic link, and iranmap writes only inside the output folder; "
        "remove the link, or choose another output folder"
    )
    assert list(elsewhere.iterdir()) == []


def test_a_quiet_build_prints_no_line_for_a_comparison_it_wrote(project: Path) -> None:
    dirs = [str(p) for p in sorted((project / "reports").iterdir())]
    out = str(project / "maps")
    loud = CliRunner().invoke(main, ["build", *dirs, "--out", out, "--lang", "en"])
    assert "comparisons/y2024: " in loud.output
    (project / "maps" / "comparisons" / "y2024" / "sources.csv").unlink()
    quiet = CliRunner().invoke(main, ["build", *dirs, "--out", out, "--lang", "en", "--quiet"])
    assert quiet.exit_code == 0, quiet.output
    assert "comparisons/" not in quiet.output
    assert (project / "maps" / "comparisons" / "y2024" / "sources.csv").is_file()
