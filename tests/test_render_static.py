"""Static images of the shipped 2024 report: names, bytes, text, colours, layout, threads."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import os
import shutil
import struct
import subprocess
import sys
import threading
import zlib
from pathlib import Path

import matplotlib as mpl
import pytest
from lxml import etree
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox
from PIL import Image

from iranmap.classify import NOT_ITEMIZED_FILL
from iranmap.join import Joined, join
from iranmap.render import RenderOptions
from iranmap.render.choropleth import build_choropleth, class_labels
from iranmap.render.static import (
    LEGEND_LEFT,
    NAMES,
    W,
    render_figure,
    render_images,
)
from iranmap.reports import load_report

REPO = Path(__file__).resolve().parents[1]
REPORT = REPO / "geodata" / "reports" / "2024-ncri"
SVG = "{http://www.w3.org/2000/svg}"


def joined_from(folder: Path) -> Joined:
    return join(load_report(folder))


@pytest.fixture(scope="module")
def joined() -> Joined:
    return joined_from(REPORT)


@pytest.fixture(scope="module")
def files(joined: Joined) -> dict[str, bytes]:
    return render_images(joined, RenderOptions())


def svg_root(data: bytes) -> etree._Element:
    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))


def svg_texts(data: bytes) -> list[str]:
    return [t.text or "" for t in svg_root(data).iter(f"{SVG}text")]


def png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks = []
    at = 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind = data[at + 4 : at + 8]
        chunks.append((kind, data[at + 8 : at + 8 + length]))
        at += 12 + length
    return chunks


def png_text(data: bytes) -> dict[str, str]:
    found = {}
    for kind, body in png_chunks(data):
        if kind == b"tEXt":
            key, _, value = body.partition(b"\0")
            found[key.decode("latin-1")] = value.decode("latin-1")
        elif kind == b"iTXt":
            key, _, rest = body.partition(b"\0")
            compressed, rest = rest[0], rest[2:]
            _, _, rest = rest.partition(b"\0")  # language tag
            _, _, value = rest.partition(b"\0")  # translated keyword
            found[key.decode("latin-1")] = (zlib.decompress(value) if compressed else value).decode(
                "utf-8"
            )
    return found


def colours(data: bytes) -> dict[tuple[int, ...], int]:
    image = Image.open(io.BytesIO(data)).convert("RGB")
    counts = image.getcolors(maxcolors=1 << 20)
    assert counts is not None
    return {rgb: n for n, rgb in counts}


def rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def edited_report(tmp_path: Path, old: str, new: str) -> Joined:
    folder = tmp_path / "2024-ncri"
    shutil.copytree(REPORT, folder)
    prisons = folder / "prisons.csv"
    text = prisons.read_text(encoding="utf-8")
    assert old in text
    prisons.write_text(text.replace(old, new, 1), encoding="utf-8")
    return joined_from(folder)


# ---------------------------------------------------------------------------------------------
# files and bytes


def test_images_are_exactly_the_four_files(files: dict[str, bytes]) -> None:
    assert sorted(files) == sorted(NAMES)
    assert sorted(NAMES) == ["choropleth.png", "choropleth.svg", "points.png", "points.svg"]


def test_rendering_twice_gives_identical_bytes(joined: Joined, files: dict[str, bytes]) -> None:
    again = render_images(joined, RenderOptions())
    for name in NAMES:
        assert again[name] == files[name], name


def _digest_in_subprocess(seed: str) -> str:
    code = (
        "import hashlib; from pathlib import Path;"
        "from iranmap.join import join; from iranmap.reports import load_report;"
        "from iranmap.render import RenderOptions;"
        "from iranmap.render.static import render_images;"
        "files = render_images(join(load_report(Path('geodata/reports/2024-ncri'))),"
        " RenderOptions());"
        "print(hashlib.sha256(b''.join(files[k] for k in sorted(files))).hexdigest())"
    )
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


@pytest.mark.slow
def test_bytes_do_not_depend_on_the_process(files: dict[str, bytes]) -> None:
    here = hashlib.sha256(b"".join(files[k] for k in sorted(files))).hexdigest()
    assert _digest_in_subprocess("1") == here
    assert _digest_in_subprocess("7") == here


@pytest.mark.parametrize("kind", ["choropleth", "points"])
def test_png_is_1600_by_1200_small_and_undated(files: dict[str, bytes], kind: str) -> None:
    data = files[f"{kind}.png"]
    chunks = png_chunks(data)
    assert chunks[0][0] == b"IHDR"
    width, height = struct.unpack(">II", chunks[0][1][:8])
    assert (width, height) == (1600, 1200)
    assert len(data) < 400_000
    meta = png_text(data)
    assert "Software" not in meta
    assert not any("time" in key.lower() or "date" in key.lower() for key in meta)
    kinds = {"choropleth": "Executions by province", "points": "Executions by prison"}
    assert meta["Title"] == f"Executions in Iran, 2024: {kinds[kind]}"
    assert meta["Description"] == (
        "526 of 1,000 executions itemized by prison, in 8 prisons across 7 provinces; "
        "474 not itemized."
    )


@pytest.mark.parametrize("kind", ["choropleth", "points"])
def test_svg_is_small_undated_and_titled(files: dict[str, bytes], kind: str) -> None:
    data = files[f"{kind}.svg"]
    assert len(data) < 300_000
    root = svg_root(data)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    kinds = {"choropleth": "Executions by province", "points": "Executions by prison"}
    assert root.findtext(f"{SVG}title") == f"Executions in Iran, 2024: {kinds[kind]}"
    assert root.findtext(f"{SVG}desc", "").startswith("526 of 1,000 executions itemized")
    assert b"dc:date" not in data
    assert b"Matplotlib" not in data and b"matplotlib.org" not in data


# ---------------------------------------------------------------------------------------------
# what the images say


@pytest.mark.parametrize("kind", ["choropleth", "points"])
def test_text_stays_text_with_title_period_reconciliation_and_source(
    files: dict[str, bytes], kind: str
) -> None:
    texts = svg_texts(files[f"{kind}.svg"])
    kinds = {"choropleth": "Executions by province", "points": "Executions by prison"}
    assert texts[0] == "Executions in Iran, 2024"
    assert f"{kinds[kind]} · 1 January – 31 December 2024" in texts
    assert (
        "526 of 1,000 executions itemized by prison, in 8 prisons across 7 provinces; "
        "474 not itemized."
    ) in texts
    source = "Source: NCRI Secretariat, “Iran: Khamenei's New Record in Executions and Crimes”,"
    assert any(t.startswith(source) and t.endswith("2 January 2025") for t in texts)
    assert "Made with iranmap" in texts
    families = {
        t.get("style", "").split("font-family: ")[1].split(";")[0]
        for t in svg_root(files[f"{kind}.svg"]).iter(f"{SVG}text")
    }
    assert families == {"'DejaVu Sans', sans-serif"}


def test_choropleth_legend_lists_the_pages_classes_and_not_itemized(
    joined: Joined, files: dict[str, bytes]
) -> None:
    texts = svg_texts(files["choropleth.svg"])
    classes = build_choropleth(joined, RenderOptions()).classes["count"]
    labels = class_labels(classes, "count", "en")
    assert labels == ("29–33", "34–38", "39–61", "62–97", "98–209")
    legend = texts[texts.index("Executions") + 1 :]
    assert legend[: len(labels) + 2] == [
        *labels,
        "Not itemized",
        "No figure in the report (not zero)",
    ]
    assert legend[len(labels) + 2 :][:6] == [
        "Reported total",
        "1,000",
        "Itemized by province",
        "526",
        "Not itemized by province",
        "474",
    ]


def test_choropleth_labels_name_the_provinces_with_figures(files: dict[str, bytes]) -> None:
    texts = svg_texts(files["choropleth.svg"])
    for name, figure in [("Alborz", "209"), ("Fars", "97"), ("Isfahan", "61"), ("Qazvin", "38")]:
        at = texts.index(name)
        assert texts[at + 1] == figure
    assert "Tehran" not in texts  # not itemized: no label, and never a zero


def test_points_legend_has_the_size_key_and_the_totals(files: dict[str, bytes]) -> None:
    texts = svg_texts(files["points.svg"])
    legend = texts[texts.index("Executions") + 1 :]
    assert legend[:3] == ["100", "20", "10"]
    notes = " ".join(legend[3:-6])
    assert notes == (
        "Circle area is proportional to the number of executions "
        "7 of 8 placed at their city's centre (approximate)."
    )
    assert legend[-6:] == [
        "Reported total",
        "1,000",
        "Itemized by prison",
        "526",
        "Prisons on the map",
        "8",
    ]


def test_points_labels_name_the_prisons_and_share_one_for_one_spot(
    files: dict[str, bytes],
) -> None:
    texts = svg_texts(files["points.svg"])
    for label in [
        "Adelabad Prison: 97",
        "Dastgerd Prison: 61",
        "Tabriz Central Prison: 59",
        "Birjand Central Prison: 29",
    ]:
        assert label in texts
    # Ghezel Hesar and Karaj Central are both placed on Karaj: one label, two lines.
    at = texts.index("Ghezel Hesar Prison: 165")
    assert texts[at + 1] == "Karaj Central Prison: 44"


def test_persian_builds_get_the_same_english_images(
    joined: Joined, files: dict[str, bytes]
) -> None:
    persian = render_images(joined, RenderOptions(lang="fa"))
    assert persian == files
    for name in ("choropleth.svg", "points.svg"):
        text = persian[name].decode("utf-8")
        assert not any("\u0600" <= ch <= "\u06ff" for ch in text)


def test_report_text_is_escaped_and_never_read_as_mathtext(joined: Joined) -> None:
    title = "Costs $5 and $6 <b>&</b>"
    report = dataclasses.replace(joined.report, title=title)
    images = render_images(dataclasses.replace(joined, report=report), RenderOptions())
    root = svg_root(images["choropleth.svg"])
    assert svg_texts(images["choropleth.svg"])[0] == title
    assert root.findtext(f"{SVG}title") == f"{title}: Executions by province"


# ---------------------------------------------------------------------------------------------
# colours


def test_choropleth_fills_are_the_pages_colours(joined: Joined) -> None:
    figure = render_figure(joined, RenderOptions(), "choropleth")
    ch = build_choropleth(joined, RenderOptions())
    collections = [c for c in figure.axes[0].collections if isinstance(c, PathCollection)]
    filled, hatched = collections
    expected = [ch.fill(r, "count") for r in ch.rows if r.executions is not None]
    assert [mpl.colors.to_hex(c) for c in filled.get_facecolors()] == expected
    assert hatched.get_hatch()
    assert [mpl.colors.to_hex(c) for c in hatched.get_facecolors()] == [NOT_ITEMIZED_FILL]
    assert len(hatched.get_paths()) == 31 - len(expected)


def test_png_shows_every_class_colour_and_the_not_itemized_grey(
    joined: Joined, files: dict[str, bytes]
) -> None:
    counts = colours(files["choropleth.png"])
    classes = build_choropleth(joined, RenderOptions()).classes["count"]
    for colour in classes.colors:
        assert counts.get(rgb(colour), 0) > 200, colour  # map and legend swatch
    assert counts.get(rgb(NOT_ITEMIZED_FILL), 0) > 50_000


def test_a_changed_count_changes_the_images(tmp_path: Path, files: dict[str, bytes]) -> None:
    changed = render_images(
        edited_report(tmp_path, "Qezelhessar,165", "Qezelhessar,166"), RenderOptions()
    )
    for name in NAMES:
        assert changed[name] != files[name], name
    assert "210" in svg_texts(changed["choropleth.svg"])  # Alborz: 166 + 44
    assert "Ghezel Hesar Prison: 166" in svg_texts(changed["points.svg"])


def test_a_report_with_no_prisons_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    shutil.copytree(REPORT, folder)
    (folder / "prisons.csv").write_text("prison,executions\n", encoding="utf-8")
    empty = joined_from(folder)  # with a warning in empty.report.warnings, not a Python one
    images = render_images(empty, RenderOptions())
    for kind in ("choropleth", "points"):
        said = " ".join(svg_texts(images[f"{kind}.svg"]))
        assert "The report itemizes no figures for this map." in said
    assert "Not itemized" in svg_texts(images["choropleth.svg"])


# ---------------------------------------------------------------------------------------------
# layout


def _map_extent(figure: Figure) -> Bbox:
    ax = figure.axes[0]
    provinces = [c for c in ax.collections if str(c.get_gid()).startswith("provinces")]
    boxes = [p.transformed(ax.transData).get_extents() for c in provinces for p in c.get_paths()]
    return Bbox.union([b for b in boxes if b.width > 0])


@pytest.mark.parametrize("kind", ["choropleth", "points"])
def test_iran_fills_the_frame_and_no_text_but_labels_covers_it(joined: Joined, kind: str) -> None:
    figure = render_figure(joined, RenderOptions(), kind)  # type: ignore[arg-type]
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    country = _map_extent(figure)
    width, height = figure.bbox.width, figure.bbox.height
    assert country.width > 0.55 * width
    assert country.height > 0.65 * height
    for text in figure.texts:  # header, legend column and footer
        box = text.get_window_extent(renderer)
        assert not box.overlaps(country) or box.x0 > country.x1, text.get_text()
        assert box.x0 >= 0 and box.x1 <= width and box.y0 >= 0 and box.y1 <= height
        if text.get_position()[0] >= LEGEND_LEFT / W:
            assert box.x0 > country.x1, text.get_text()
    for artist in figure.artists:  # legend swatches and key circles
        assert artist.get_window_extent(renderer).x0 > country.x1


# ---------------------------------------------------------------------------------------------
# state


def test_global_matplotlib_settings_are_left_as_found(joined: Joined) -> None:
    before = dict(mpl.rcParams)
    with mpl.rc_context({"svg.hashsalt": "someone-elses", "font.size": 13.0}):
        render_images(joined, RenderOptions())
        assert mpl.rcParams["svg.hashsalt"] == "someone-elses"
        assert mpl.rcParams["font.size"] == 13.0
    assert dict(mpl.rcParams) == before


def test_threads_render_the_same_bytes(joined: Joined, files: dict[str, bytes]) -> None:
    results: list[dict[str, bytes]] = []

    def work() -> None:
        results.append(render_images(joined, RenderOptions()))

    threads = [threading.Thread(target=work) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [files, files]


def _labels(figure: Figure) -> list[tuple[str, Bbox]]:
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    found = []
    for text in figure.axes[0].texts:
        text.update_positions(renderer)  # type: ignore[attr-defined]
        found.append((text.get_text(), Text.get_window_extent(text, renderer)))
    return found


@pytest.mark.parametrize("kind", ["choropleth", "points"])
def test_map_labels_do_not_overlap_each_other(joined: Joined, kind: str) -> None:
    labels = _labels(render_figure(joined, RenderOptions(), kind))  # type: ignore[arg-type]
    # 7 provinces with figures; 8 prisons, of which Karaj's two share one label.
    assert len(labels) == 7
    for i, (name, box) in enumerate(labels):
        for other, other_box in labels[i + 1 :]:
            assert not box.overlaps(other_box), (name, other)


def test_a_label_never_hides_its_province(joined: Joined) -> None:
    """A label sits inside its province when it fits there, else off it with a leader."""
    figure = render_figure(joined, RenderOptions(), "choropleth")
    ax = figure.axes[0]
    ch = build_choropleth(joined, RenderOptions())
    filled = next(c for c in ax.collections if c.get_gid() == "provinces-itemized")
    itemized = [r for r in ch.rows if r.executions is not None]
    paths = filled.get_paths()
    shapes = {r.name_en: p.transformed(ax.transData) for r, p in zip(itemized, paths, strict=True)}
    placement = {}
    for text, box in _labels(figure):
        name = text.split("\n")[0]
        corners = [(box.x0, box.y0), (box.x0, box.y1), (box.x1, box.y0), (box.x1, box.y1)]
        if shapes[name].contains_points(corners).all():
            placement[name] = "inside"
        else:
            assert not shapes[name].intersects_bbox(box, filled=True), name
            placement[name] = "beside"
    assert placement["Alborz"] == "beside"  # the smallest province, with the largest figure
    assert placement["Fars"] == "inside"


def test_per_million_images_use_the_rate_classes(joined: Joined) -> None:
    options = RenderOptions(measure="per_million")
    figure = render_figure(joined, options, "choropleth")
    texts = [t.get_text() for t in figure.texts]
    assert "Executions per million inhabitants" in " ".join(texts)  # the title wraps
    rates = build_choropleth(joined, options).classes["per_million"]
    for label in class_labels(rates, "per_million", "en"):
        assert label in texts
    assert "Alborz\n77.1" in [t for t, _ in _labels(figure)]


def test_many_prisons_name_only_the_largest(tmp_path: Path) -> None:
    """Twelve gazetteer prisons, figures 1 to 12: at most ten labels, and a note says so."""
    folder = tmp_path / "many"
    shutil.copytree(REPORT, folder)
    names = sorted(
        line.split(",")[1]
        for line in (REPO / "geodata" / "prisons.csv").read_text(encoding="utf-8").splitlines()[1:]
    )[:12]
    rows = "".join(f"{name},{n}\n" for n, name in enumerate(names, start=1))
    (folder / "prisons.csv").write_text("prison,executions\n" + rows, encoding="utf-8")
    many = joined_from(folder)
    figure = render_figure(many, RenderOptions(), "points")
    labels = [t for t, _ in _labels(figure)]
    assert 1 <= len(labels) <= 10
    assert f"{names[-1]}: 12" in labels[0]  # the largest goes first
    assert "1" not in [t.rsplit(": ", 1)[-1] for t in labels]  # the smallest is left out
    said = " ".join(t.get_text() for t in figure.texts)
    assert "Labels name the largest figures; every figure is in the data files." in said


def test_persian_script_in_drawn_text_is_a_warning(joined: Joined) -> None:
    title = "اعدام\u200cها در ایران"
    report = dataclasses.replace(joined.report, title=title)
    with pytest.warns(UserWarning) as caught:
        render_images(dataclasses.replace(joined, report=report), RenderOptions())
    assert [str(w.message) for w in caught] == [
        f"{REPORT / 'report.toml'}: the static images cannot shape Persian script, found title "
        f"{title!r}; they draw it letter by letter (the HTML maps show it properly). Give the "
        "text in English for readable images."
    ]
