"""Static images of the shipped 2024 report: names, bytes, what they say, in both languages."""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
import os
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image

from iranmap import raster, style
from iranmap.join import Joined, join
from iranmap.render import BuildOptions, RenderOptions
from iranmap.render.choropleth import build_choropleth, class_labels
from iranmap.render.points import build_points
from iranmap.render.static import all_names, image_names, render_images
from iranmap.render.static import compose as cp
from iranmap.render.static import geometry as geo
from iranmap.render.static import labels as lb
from iranmap.render.static import legend as lg
from iranmap.render.static import text as tx
from iranmap.render.static.words import CREDIT
from iranmap.reports import load_report
from mapfixture import with_tables

REPO = Path(__file__).resolve().parents[1]
REPORT = REPO / "geodata" / "reports" / "2024-ncri"
SVG = "{http://www.w3.org/2000/svg}"
KINDS = {"choropleth": "Executions by province", "points": "Executions by prison"}
SENTENCE = (
    "526 of at least 1,000 executions itemized by prison, in 8 prisons across 7 provinces; "
    "474 not itemized."
)


def joined_from(folder: Path) -> Joined:
    return join(load_report(folder))


@pytest.fixture(scope="module")
def joined() -> Joined:
    return joined_from(REPORT)


@pytest.fixture(scope="module")
def files(joined: Joined) -> dict[str, bytes]:
    return render_images(joined, BuildOptions())


def svg_root(data: bytes) -> etree._Element:
    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))


def svg_texts(data: bytes) -> list[str]:
    """Every line of text, its runs joined and the bidi isolates taken out."""
    texts = ["".join(t.itertext()) for t in svg_root(data).iter(f"{SVG}text")]
    return [t.translate({ord(c): None for c in (tx.FSI, tx.RLI, tx.PDI)}) for t in texts]


def png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks = []
    at = 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind = data[at + 4 : at + 8]
        body = data[at + 8 : at + 8 + length]
        (crc,) = struct.unpack(">I", data[at + 8 + length : at + 12 + length])
        assert crc == zlib.crc32(kind + body)
        chunks.append((kind, body))
        at += 12 + length
    return chunks


def png_size(data: bytes) -> tuple[int, int]:
    kind, body = png_chunks(data)[0]
    assert kind == b"IHDR"
    return struct.unpack(">II", body[:8])  # type: ignore[return-value]


def png_text(data: bytes) -> dict[str, str]:
    found = {}
    for kind, body in png_chunks(data):
        assert kind not in (b"tEXt", b"zTXt", b"tIME", b"eXIf")
        if kind == b"iTXt":
            key, _, rest = body.partition(b"\0")
            assert rest[:2] == b"\0\0"  # not compressed
            _, _, rest = rest[2:].partition(b"\0")  # language tag
            _, _, value = rest.partition(b"\0")  # translated keyword
            found[key.decode("latin-1")] = value.decode("utf-8")
    return found


def colours(data: bytes) -> dict[tuple[int, ...], int]:
    image = Image.open(io.BytesIO(data)).convert("RGB")
    counts = image.getcolors(maxcolors=1 << 22)
    assert counts is not None
    return {rgb: n for n, rgb in counts}


def near(counts: dict[tuple[int, ...], int], hex_colour: str, within: int = 24) -> int:
    """Pixels whose every channel is within ``within`` of ``hex_colour``."""
    target = rgb(hex_colour)
    return sum(
        n
        for c, n in counts.items()
        if max(abs(a - b) for a, b in zip(c, target, strict=True)) <= within
    )


def rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def with_report(joined: Joined, **changes: object) -> Joined:
    return dataclasses.replace(joined, report=dataclasses.replace(joined.report, **changes))


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


def test_images_are_the_sixteen_files(files: dict[str, bytes]) -> None:
    assert sorted(files) == list(all_names())
    assert list(all_names()) == sorted(
        f"{kind}{lang}{ext}"
        for kind in ("choropleth", "points")
        for lang in ("", ".fa")
        for ext in (".png", ".svg", ".card.png", ".card.svg")
    )
    assert sorted(render_images(joined_from(REPORT), BuildOptions(langs=("fa",)))) == [
        "choropleth.fa.card.png",
        "choropleth.fa.card.svg",
        "choropleth.fa.png",
        "choropleth.fa.svg",
        "points.fa.card.png",
        "points.fa.card.svg",
        "points.fa.png",
        "points.fa.svg",
    ]


def test_rendering_twice_gives_identical_bytes(joined: Joined, files: dict[str, bytes]) -> None:
    assert render_images(joined, BuildOptions()) == files


def test_the_stripes_of_one_frame_are_cut_once_and_are_the_same(
    joined: Joined, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Persian map draws the English one's not-itemized provinces in the same frame: the
    stripes cut for one are the other's; a province of another shape is cut anew."""
    rows = [r for r in build_choropleth(joined, RenderOptions()).rows if r.executions is None]
    assert len(rows) > 10
    frame = geo.fit(rows, 0, 0, 800, 600)
    cuts = []
    real = geo.hatch_data

    def counted(shapes: list[object], spacing: float) -> str:
        cuts.append(len(shapes))
        return real(shapes, spacing)

    monkeypatch.setattr(geo, "hatch_data", counted)
    first = geo.provinces_hatch(rows, frame, 8.0)
    assert first == real([geo.pixel_polygon(r, frame) for r in rows], 8.0)
    assert geo.provinces_hatch(list(rows), frame, 8.0) == first
    assert cuts == [len(rows)]
    geo.provinces_hatch(rows[1:], frame, 8.0)
    geo.provinces_hatch(rows, geo.fit(rows, 0, 0, 400, 300), 8.0)
    geo.provinces_hatch(rows, frame, 11.0)
    assert cuts == [len(rows), len(rows) - 1, len(rows), len(rows)]


def _digest_in_subprocess(seed: str) -> str:
    code = (
        "import hashlib; from pathlib import Path;"
        "from iranmap.join import join; from iranmap.reports import load_report;"
        "from iranmap.render import BuildOptions;"
        "from iranmap.render.static import render_images;"
        "files = render_images(join(load_report(Path('geodata/reports/2024-ncri'))),"
        " BuildOptions());"
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


@pytest.mark.parametrize("name", ["choropleth", "points", "choropleth.fa", "points.fa"])
def test_png_sizes_and_minimal_metadata(files: dict[str, bytes], name: str) -> None:
    image, card = files[f"{name}.png"], files[f"{name}.card.png"]
    assert png_size(image) == (1600, 1200)
    assert png_size(card) == (1200, 630)
    assert len(image) < 400_000 and len(card) < 250_000
    for data in (image, card):
        kinds = [kind for kind, _ in png_chunks(data)]
        assert set(kinds) == {b"IHDR", b"iTXt", b"IDAT", b"IEND"}
        meta = png_text(data)
        assert sorted(meta) == ["Description", "Title"]
    if not name.endswith(".fa"):
        assert png_text(image)["Title"] == f"Executions in Iran, 2024: {KINDS[name]}"
        assert png_text(image)["Description"] == SENTENCE
    else:
        assert png_text(image)["Description"] == joined_from(REPORT).reconciliation.sentence("fa")


@pytest.mark.parametrize("kind", ["choropleth", "points"])
def test_svg_is_small_titled_and_names_its_fonts(files: dict[str, bytes], kind: str) -> None:
    data = files[f"{kind}.svg"]
    assert len(data) < 300_000
    root = svg_root(data)
    assert root.tag == f"{SVG}svg"
    assert (root.get("width"), root.get("height")) == ("1600", "1200")
    assert root.get("role") == "img"
    assert root.findtext(f"{SVG}title") == f"Executions in Iran, 2024: {KINDS[kind]}"
    assert root.findtext(f"{SVG}desc") == SENTENCE
    assert root.get("font-family") == "'Noto Sans', 'Noto Sans Arabic', sans-serif"
    for t in root.iter(f"{SVG}text"):
        assert t.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"


# ---------------------------------------------------------------------------------------------
# what the English images say


@pytest.mark.parametrize("kind", ["choropleth", "points"])
def test_title_period_reconciliation_source_and_credit(files: dict[str, bytes], kind: str) -> None:
    texts = svg_texts(files[f"{kind}.svg"])
    assert texts[:3] == [
        "Executions in Iran, 2024",
        f"{KINDS[kind]} · 1 January – 31 December 2024",
        SENTENCE,
    ]
    # The source line may wrap onto a second line beside the credit.
    assert (
        "Source: NCRI Secretariat, “Iran: Khamenei's New Record in Executions and Crimes”, "
        "2 January 2025"
    ) in " ".join(texts)
    assert CREDIT["en"] in texts


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
        "No figure in the report, not zero",
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
    for name, figure in [
        ("Alborz", "209"),
        ("Fars", "97"),
        ("Isfahan", "61"),
        ("East Azerbaijan", "59"),
        ("Qazvin", "38"),
        ("Razavi Khorasan", "33"),
        ("South Khorasan", "29"),
    ]:
        at = texts.index(name)
        assert texts[at + 1] == figure
    assert "Tehran" not in texts  # not itemized: no label, and never a zero


def test_points_legend_keys_the_largest_circle_and_gives_the_totals(
    files: dict[str, bytes],
) -> None:
    texts = svg_texts(files["points.svg"])
    legend = texts[texts.index("Executions") + 1 :]
    assert legend[:3] == ["170", "50", "10"]  # 165, the largest figure, reads as 170
    assert legend[3:6] == [
        "Circle area is proportional to the number of",
        "executions",
        "All placed at their city's centre (approximate).",  # six name only a city
    ]
    assert legend[6] == "Dashed: its city's centre (site not known)"  # no site: no solid key
    assert legend[7:13] == [
        "Reported total",
        "1,000",
        "Itemized by prison",
        "526",
        "Prisons on the map",
        "8",
    ]


def test_size_key_values() -> None:
    assert lg.key_values(165) == (170, 50, 10)
    assert lg.key_values(1000) == (1000, 200, 50)
    assert lg.key_values(1234) == (1200, 200, 100)
    assert lg.key_values(47) == (47, 10, 2)
    assert lg.key_values(7) == (7, 2)
    assert lg.key_values(1) == (1,)
    assert lg.key_values(0) == ()


def test_points_labels_name_the_prisons_and_share_one_for_one_spot(
    files: dict[str, bytes],
) -> None:
    texts = svg_texts(files["points.svg"])
    for label in [
        "Shiraz: 97",  # the statement names the city, not which prison (issue 20)
        "Isfahan: 61",
        "Tabriz: 59",
        "Birjand: 29",
    ]:
        assert label in texts
    # Ghezel Hesar and Karaj Central are both placed on Karaj: one label, two lines.
    at = texts.index("Ghezel Hesar Prison: 165")
    assert texts[at + 1] == "Karaj Central Prison: 44"


# ---------------------------------------------------------------------------------------------
# Persian


@pytest.mark.parametrize("kind", ["choropleth", "points"])
def test_persian_images_speak_persian_right_to_left(
    joined: Joined, files: dict[str, bytes], kind: str
) -> None:
    data = files[f"{kind}.fa.svg"]
    root = svg_root(data)
    assert root.get("font-family") == "'Noto Sans Arabic', 'Noto Sans', sans-serif"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "fa"
    lines = list(root.iter(f"{SVG}text"))
    assert all(t.get("direction") == "rtl" for t in lines)
    raw = ["".join(t.itertext()) for t in lines]
    assert all(r.startswith(tx.RLI) and r.endswith(tx.PDI) for r in raw)
    texts = svg_texts(data)
    kind_fa = "اعدام‌ها به تفکیک استان" if kind == "choropleth" else "اعدام‌ها به تفکیک زندان"
    assert texts[1] == f"{kind_fa}، ۱۱ دی ۱۴۰۲ – ۱۱ دی ۱۴۰۳ (۱ ژانویه – ۳۱ دسامبر ۲۰۲۴)"
    assert texts[2] == joined.reconciliation.sentence("fa")
    assert "مجموع گزارش‌شده" in texts and "۱٬۰۰۰" in texts
    assert texts[0] == joined.report.title_fa == "اعدام‌ها در ایران در سال ۲۰۲۴"
    assert any(
        line.startswith(
            "منبع: دبیرخانه شورای ملی مقاومت ایران، "
            "«Iran: Khamenei's New Record in Executions and Crimes»، "
        )
        for line in texts
    )
    # The source's title has no Persian version: isolated, so it keeps its order.
    assert f"{tx.FSI}Iran: Khamenei's New Record in Executions and Crimes{tx.PDI}" in "".join(raw)
    assert not any(ch.isascii() and ch.isdigit() for t in texts[1:3] for ch in t)


def test_persian_labels_use_persian_names_and_digits(files: dict[str, bytes]) -> None:
    provinces = svg_texts(files["choropleth.fa.svg"])
    at = provinces.index("البرز")
    assert provinces[at + 1] == "۲۰۹"
    prisons = svg_texts(files["points.fa.svg"])
    assert "شیراز: ۹۷" in prisons  # the statement's "Shiraz", in Persian
    assert "۱۷۰" in prisons  # the size key


def test_persian_report_texts_are_used_when_given(joined: Joined) -> None:
    persian = with_report(
        joined,
        title_fa="اعدام‌ها در ایران، ۱۴۰۳",
        publisher_fa="دبیرخانهٔ شورا",
        source_title_fa="رکورد تازه",
    )
    images = render_images(persian, BuildOptions(langs=("fa",)))
    texts = svg_texts(images["choropleth.fa.svg"])
    assert texts[0] == "اعدام‌ها در ایران، ۱۴۰۳"
    assert any(t.startswith("منبع: دبیرخانهٔ شورا، «رکورد تازه»، ") for t in texts)
    root = svg_root(images["choropleth.fa.svg"])
    assert root.findtext(f"{SVG}title") == "اعدام‌ها در ایران، ۱۴۰۳: اعدام‌ها به تفکیک استان"


def test_latin_runs_in_persian_lines_name_their_font(joined: Joined) -> None:
    """resvg would take a missing letter from any font in any weight; a tspan names it."""
    english_only = with_report(joined, title_fa=None)
    images = render_images(english_only, BuildOptions(langs=("fa",)))
    root = svg_root(images["points.fa.svg"])
    title = next(root.iter(f"{SVG}text"))
    raw = "".join(title.itertext())
    assert raw == f"{tx.RLI}{tx.FSI}Executions in Iran, 2024{tx.PDI}{tx.PDI}"
    assert title.get("font-weight") == "bold"
    spans = title.findall(f"{SVG}tspan")
    assert [s.get("font-family") for s in spans] == ["'Noto Sans'"]
    assert (spans[0].text or "").strip(tx.PDI) == "Executions in Iran, 2024"


# ---------------------------------------------------------------------------------------------
# hostile and long text


def test_control_characters_never_make_invalid_xml(joined: Joined) -> None:
    title = "Costs\x00 $5 <b>&</b>\x1b[31m \x7f\ufffe\u202eevil\u2069 end"
    images = render_images(with_report(joined, title=title), BuildOptions(langs=("en",)))
    for name in ("choropleth.svg", "points.svg"):
        root = svg_root(images[name])  # lxml refuses invalid XML
        assert svg_texts(images[name])[0] == "Costs $5 <b>&</b>[31m evil end"
        assert (
            root.findtext(f"{SVG}title")
            == "Costs $5 <b>&</b>[31m evil end: " + (KINDS[name.split(".")[0]])
        )
    assert png_size(images["choropleth.png"]) == (1600, 1200)


def test_a_150_word_title_is_wrapped_and_cut_with_an_ellipsis(joined: Joined) -> None:
    title = " ".join(f"word{i}" for i in range(150))
    images = render_images(with_report(joined, title=title, title_fa=None), BuildOptions())
    for name in ("choropleth", "points", "choropleth.fa", "points.fa"):
        texts = svg_texts(images[f"{name}.svg"])
        lang = "fa" if name.endswith(".fa") else "en"
        assert texts[0].startswith("word0 word1")
        assert texts[1].endswith(tx.ELLIPSIS)
        for line in texts[:2]:
            assert tx.width(line, 46, lang, bold=True) <= 1600 - 2 * cp.MARGIN
        assert png_size(images[f"{name}.png"]) == (1600, 1200)
        assert png_size(images[f"{name}.card.png"]) == (1200, 630)
    one_word = "x" * 600
    images = render_images(with_report(joined, title=one_word), BuildOptions(langs=("en",)))
    assert svg_texts(images["choropleth.svg"])[0].endswith(tx.ELLIPSIS)


def test_wrap_keeps_isolates_balanced_on_every_line() -> None:
    text = f"منبع: {tx.isolate('a very long English publisher name that wraps')} تمام"
    lines = tx.wrap(text, 20, 200, "fa")
    assert len(lines) > 2
    for line in lines:
        assert line.count(tx.FSI) == line.count(tx.PDI)


def test_widths_follow_the_fonts_and_persian_joining() -> None:
    assert tx.width("iiii", 20, "en") < tx.width("WWWW", 20, "en")
    assert tx.width("Ab", 20, "en", bold=True) > tx.width("Ab", 20, "en")
    joined = tx.width("بببب", 20, "fa")
    apart = tx.width("ب\u200cب\u200cب\u200cب", 20, "fa")  # zero-width non-joiners
    assert joined < apart
    assert tx.width(f"{tx.FSI}a{tx.PDI}", 20, "en") == tx.width("a", 20, "en")


def test_metrics_file_matches_the_fonts() -> None:
    pytest.importorskip("fontTools")
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import font_metrics
    finally:
        sys.path.remove(str(REPO / "scripts"))
    shipped = json.loads((tx.FONT_DIR / "metrics.json").read_text(encoding="utf-8"))
    assert shipped == json.loads(json.dumps(font_metrics.metrics()))
    assert sorted(p.name for p in tx.FONT_DIR.glob("*.ttf")) == sorted(raster.FONT_FILES)
    assert "SIL Open Font License" in (tx.FONT_DIR / "OFL.txt").read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# colours


def test_choropleth_fills_are_the_pages_colours(joined: Joined, files: dict[str, bytes]) -> None:
    root = svg_root(files["choropleth.svg"])
    ch = build_choropleth(joined, RenderOptions())
    itemized = root.find(f".//{SVG}g[@id='provinces-itemized']")
    assert itemized is not None
    expected = {r.iso: ch.fill(r, "count") for r in ch.rows if r.executions is not None}
    assert {p.get("id"): p.get("fill") for p in itemized} == expected
    hatched = root.find(f".//{SVG}g[@id='provinces-not-itemized']")
    assert hatched is not None
    assert {p.get("fill") for p in hatched} == {style.NOT_ITEMIZED_FILL}
    assert len(hatched) == 31 - len(expected)
    stripes = root.find(f".//{SVG}path[@id='not-itemized-hatch']")
    assert stripes is not None and stripes.get("stroke") == style.NOT_ITEMIZED_HATCH


def test_png_shows_every_class_colour_the_hatch_and_the_circles(
    joined: Joined, files: dict[str, bytes]
) -> None:
    counts = colours(files["choropleth.png"])
    classes = build_choropleth(joined, RenderOptions()).classes["count"]
    for colour in classes.colors:
        assert counts.get(rgb(colour), 0) > 300, colour  # map and legend swatch
    assert counts.get(rgb(style.NOT_ITEMIZED_FILL), 0) > 50_000
    # The stripes are thin and anti-aliased: count the pixels of about their colour.
    assert near(counts, style.NOT_ITEMIZED_HATCH) > 20_000
    points = colours(files["points.png"])
    assert points.get(rgb(style.BASE_FILL), 0) > 100_000
    root = svg_root(files["points.svg"])
    circles = root.findall(f".//{SVG}g[@id='prisons']/{SVG}circle")
    assert len(circles) == 8
    radii = [float(c.get("r", "0")) for c in circles]
    assert radii == sorted(radii, reverse=True)  # largest first: small ones on top
    assert {c.get("fill-opacity") for c in circles} == {f"{style.CIRCLE_OPACITY:g}"}


def test_a_changed_count_changes_the_images(tmp_path: Path, files: dict[str, bytes]) -> None:
    changed = render_images(
        edited_report(tmp_path, "Qezelhessar,165", "Qezelhessar,166"), BuildOptions()
    )
    for name in all_names():
        assert changed[name] != files[name], name
    assert "210" in svg_texts(changed["choropleth.svg"])  # Alborz: 166 + 44
    assert "Ghezel Hesar Prison: 166" in svg_texts(changed["points.svg"])


def test_a_report_with_no_prisons_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    shutil.copytree(REPORT, folder)
    (folder / "prisons.csv").write_text("prison,executions\n", encoding="utf-8")
    empty = joined_from(folder)  # with a warning in empty.report.warnings, not a Python one
    images = render_images(empty, BuildOptions())
    # No prison image or card: it could show nothing but an empty country.
    assert sorted(images) == sorted(
        n for lang in ("en", "fa") for n in image_names("choropleth", lang)
    )
    said = " ".join(svg_texts(images["choropleth.svg"]))
    assert "The report itemizes no figures for this map." in said
    assert "Not itemized" in svg_texts(images["choropleth.svg"])
    assert "None of at least 1,000 executions itemized by province or prison" in said
    assert "0 prisons" not in said


# ---------------------------------------------------------------------------------------------
# layout


def _layers(joined: Joined, options: RenderOptions | None = None) -> cp.Layers:
    options = options or RenderOptions()
    return cp.Layers(joined, build_choropleth(joined, options), build_points(joined))


def _boxes_overlap(a: lb.Box, b: lb.Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_map_labels_do_not_overlap_and_stay_in_the_frame(joined: Joined, lang: str) -> None:
    layers = _layers(joined)
    frame = geo.fit(layers.ch.rows, 24, 200, 1040, 880)
    for placed in (
        cp._province_labels(layers.ch, frame, lang),  # type: ignore[arg-type]
        cp._prison_labels(layers.pts, frame, lang),  # type: ignore[arg-type]
    ):
        # 7 provinces with figures; 8 prisons, of which Karaj's two share one label.
        assert len(placed) == 7
        for i, p in enumerate(placed):
            left, top, right, bottom = p.box
            assert left >= frame.box[0] and right <= frame.box[2]
            assert top >= frame.box[1] and bottom <= frame.box[3]
            for other in placed[i + 1 :]:
                assert not _boxes_overlap(p.box, other.box), (p.lines, other.lines)


def test_a_label_never_hides_its_province(joined: Joined) -> None:
    """A label sits inside its province when it fits there, else off it with a leader."""
    from shapely.geometry import box

    layers = _layers(joined)
    frame = geo.fit(layers.ch.rows, 24, 200, 1040, 880)
    shapes = {
        r.name_en: geo.pixel_polygon(r, frame) for r in layers.ch.rows if r.executions is not None
    }
    placement = {}
    for p in cp._province_labels(layers.ch, frame, "en"):
        name = p.lines[0]
        if shapes[name].contains(box(*p.box)):
            placement[name] = "inside"
        else:
            assert p.leader, name
            placement[name] = "beside"
    assert placement["Alborz"] == "beside"  # the smallest province, with the largest figure
    assert placement["Fars"] == "inside"


@pytest.mark.parametrize("kind", ["choropleth", "points"])
def test_legend_and_header_keep_off_the_map(joined: Joined, kind: str) -> None:
    svg = cp.map_image(_layers(joined), kind, "en")  # type: ignore[arg-type]
    root = svg_root(svg.document("t", "d").encode("utf-8"))
    paths = root.findall(f".//{SVG}g/{SVG}path")
    xs = [
        float(v)
        for p in paths
        for v in p.get("d", "").replace("M", " ").replace("L", " ").replace("Z", " ").split()[::2]
    ]
    assert max(xs) < 1090 and min(xs) > 20  # the legend column starts at 1090
    assert max(xs) - min(xs) > 0.6 * 1090


def test_per_million_images_use_the_rate_classes(joined: Joined) -> None:
    options = RenderOptions(measure="per_million")
    images = render_images(joined, BuildOptions(options, ("en",)))
    texts = svg_texts(images["choropleth.svg"])
    assert "Executions per million inhabitants" in texts
    rates = build_choropleth(joined, options).classes["per_million"]
    for label in class_labels(rates, "per_million", "en"):
        assert label in texts
    at = texts.index("Alborz")
    assert texts[at + 1] == "77.1"


def test_many_prisons_name_only_the_largest(tmp_path: Path) -> None:
    """Twelve gazetteer prisons, figures 1 to 12: at most ten labels, and a note says so."""
    folder = tmp_path / "many"
    shutil.copytree(REPORT, folder)
    with (REPO / "geodata" / "prisons.csv").open(encoding="utf-8", newline="") as handle:
        listed = sorted((row["name_en"], row["province_iso"]) for row in csv.DictReader(handle))
    names = [name for name, _ in listed[:12]]
    # Each with its province: a town's name shared with another province needs it.
    rows = "".join(f"{name},{n},{iso}\n" for n, (name, iso) in enumerate(listed[:12], start=1))
    (folder / "prisons.csv").write_text("prison,executions,province\n" + rows, encoding="utf-8")
    many = joined_from(folder)
    layers = _layers(many)
    frame = geo.fit(layers.ch.rows, 24, 200, 1040, 880)
    labels = [line for p in cp._prison_labels(layers.pts, frame, "en") for line in p.lines]
    assert 1 <= len(labels) <= 10
    assert labels[0] == f"{names[-1]}: 12"  # the largest goes first
    assert "1" not in [t.rsplit(": ", 1)[-1] for t in labels]  # the smallest is left out
    said = " ".join(svg_texts(render_images(many, BuildOptions(langs=("en",)))["points.svg"]))
    assert "Labels name the largest figures; every figure is in the data files." in said


def test_cards_show_the_title_and_the_reported_total(joined: Joined) -> None:
    for lang, total, title in (
        ("en", "1,000", "Executions in Iran, 2024"),
        ("fa", "۱٬۰۰۰", "اعدام‌ها در ایران در سال ۲۰۲۴"),
    ):
        svg = cp.card_image(_layers(joined), "choropleth", lang)  # type: ignore[arg-type]
        texts = svg_texts(svg.document("t", "d").encode("utf-8"))
        assert title in texts
        assert total in texts


def test_cards_keep_the_claim_at_least_and_whose_figure_it_is(files: dict[str, bytes]) -> None:
    for name, qualifier, source in (
        ("choropleth.card.svg", "At least", "Source: NCRI Secretariat, “Iran: Khamenei's New"),
        ("points.fa.card.svg", "دست‌کم", "منبع: دبیرخانه شورای ملی مقاومت ایران"),
    ):
        texts = svg_texts(files[name])
        assert qualifier in texts
        assert any(t.startswith(source) for t in texts), texts
    # The same card as a PNG beside it.
    assert png_size(files["choropleth.card.png"]) == (1200, 630)
    # A source that states its total exactly gets no qualifier.
    seed = joined_from(REPORT)
    exact = dataclasses.replace(
        seed, report=dataclasses.replace(seed.report, total_qualifier="exactly")
    )
    card = cp.card_image(_layers(exact), "choropleth", "en").document("t", "d")
    assert "At least" not in svg_texts(card.encode("utf-8"))


def test_none_reported_provinces_have_their_own_key_and_no_hatch(joined: Joined) -> None:
    provinces = joined.provinces.copy()
    missing = provinces["executions"].isna()
    provinces["executions"] = provinces["executions"].fillna(0)
    provinces.loc[missing, "status"] = "none reported"
    complete = with_tables(joined, provinces=provinces)
    svg = cp.map_image(_layers(complete), "choropleth", "en").document("t", "d")
    texts = svg_texts(svg.encode("utf-8"))
    assert "None reported" in texts
    assert "The report places its whole total elsewhere" in texts
    assert "Not itemized" not in texts
    assert 'id="not-itemized-hatch"' not in svg  # white, not hatched
    assert f'fill="{style.NONE_REPORTED_FILL}"' in svg
