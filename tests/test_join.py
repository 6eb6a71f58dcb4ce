"""The join: figures land on places and provinces, or are named as not landing; totals reconcile.

Most tests use the made-up world of ``fake_world.py`` (box provinces) with the real Geocoder,
so the geometry is under the test's control.
"""

from __future__ import annotations

import json
import math
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from fake_world import BOXES, GAZETTEER, MANIFEST, PRISONS, polygons, prison, write_report
from iranmap.errors import InputError
from iranmap.gazetteer import City, Gazetteer
from iranmap.geocode import Geocoder
from iranmap.join import (
    PRISON_COLUMNS,
    PRISON_DTYPES,
    PROVINCE_COLUMNS,
    PROVINCE_DTYPES,
    Joined,
    Reconciliation,
    Unplaced,
    check_report,
    join,
    join_folder,
    points_in_provinces,
)
from iranmap.join._tables import SOURCE_LIMIT, sources
from iranmap.reports import Figure, load_report, read_report

DATA = Path(__file__).resolve().parent / "data" / "reports"


def joined(folder: Path, *, strict: bool = True, gazetteer: Gazetteer = GAZETTEER) -> Joined:
    return join(load_report(folder), gazetteer, polygons(), strict=strict)


def problems_of(folder: Path, gazetteer: Gazetteer = GAZETTEER) -> list[str]:
    """The problems of a strict join, with the folder written as R."""
    with pytest.raises(InputError) as info:
        joined(folder, gazetteer=gazetteer)
    return [str(p).replace(str(folder), "R") for p in info.value.problems]


def totals(r: Reconciliation) -> tuple[int, int, int, int, int, int]:
    assert r.reported_total == r.itemized_by_province + r.not_itemized
    return (
        r.reported_total,
        r.itemized_by_prison,
        r.itemized_by_province,
        r.not_itemized,
        r.prisons_mapped,
        r.provinces_with_figures,
    )


# -- a clean report -----------------------------------------------------------------------------


def test_good_report_prisons_table() -> None:
    result = joined(DATA / "good")
    prisons = result.prisons
    assert list(prisons.columns) == list(PRISON_COLUMNS)
    assert type(prisons) is pd.DataFrame  # plain pandas: the build never imports geopandas
    assert all(point.geom_type == "Point" for point in prisons["geometry"])
    table = prisons.drop(columns="geometry").to_dict("records")
    assert [
        (r["place_id"], r["name_en"], r["province_iso"], r["executions"], r["rank"], r["source"])
        for r in table
    ] == [
        ("ghezel-hesar", "Ghezel Hesar Prison", "IR-30", 10, 1, "prisons.csv:2"),
        ("city:IR-07:shiraz", "Shiraz", "IR-07", 7, 2, "prisons.csv:4"),  # a town, as written
        ("karaj-central", "Karaj Central Prison", "IR-30", 5, 3, "prisons.csv:3"),
        ("point:35.90000,52.10000", "New Camp", "IR-23", 4, 4, "prisons.csv:7"),
        ("evin", "Evin Prison", "IR-23", 3, 5, "prisons.csv:5"),
        ("city:IR-07:marvdasht", "Marvdasht", "IR-07", 2, 6, "prisons.csv:6"),
    ]
    first, camp, city = table[0], table[3], table[5]
    assert (first["name_fa"], first["city"], first["province_en"], first["province_fa"]) == (
        "زندان قزلحصار",
        "Karaj",
        "Alborz",
        "البرز",
    )
    assert first["share"] == pytest.approx(0.10)
    assert (first["precision"], camp["precision"], city["precision"]) == (
        "facility",
        "facility",
        "city",
    )
    assert (city["name_fa"], city["city"]) == ("مرودشت", "Marvdasht")
    assert [r["city_fa"] for r in table] == ["کرج", "شیراز", "کرج", "", "تهران", "مرودشت"]
    assert (prisons["geometry"][0].x, prisons["geometry"][0].y) == (50.93, 35.83)
    assert (prisons["geometry"][3].x, prisons["geometry"][3].y) == (52.1, 35.9)


def test_good_report_provinces_table() -> None:
    provinces = joined(DATA / "good").provinces
    assert list(provinces.columns) == list(PROVINCE_COLUMNS)
    assert provinces["iso"].tolist() == ["IR-07", "IR-23", "IR-30"]
    assert str(provinces["executions"].dtype) == "Int64"
    rows = provinces.drop(columns="geometry").to_dict("records")
    assert [(r["iso"], r["executions"], r["status"], r["rank"], r["source"]) for r in rows] == [
        ("IR-07", 12, "itemized", 2, "provinces.csv:2"),  # the report's own figure (7 + 2 below)
        ("IR-23", 7, "itemized", 3, "prisons.csv:5, 7"),
        ("IR-30", 15, "itemized", 1, "prisons.csv:2-3"),
    ]
    assert rows[0]["share"] == pytest.approx(0.12)
    assert rows[0]["per_million"] == pytest.approx(12 / 4_851_274 * 1e6)
    assert pd.isna(rows[2]["population"]) and pd.isna(rows[2]["per_million"])


def test_the_rows_the_maps_read_are_the_dataframes_rows(tmp_path: Path) -> None:
    """The maps and downloads read ``prison_rows``/``province_rows``, made without pandas; the
    DataFrames a notebook reads are made from them, typed: a province with no figure is None in
    the rows and <NA> in the frame, never 0; equal figures share the smaller rank."""
    text = "prison,executions\nEvin,4\nGhezel Hesar,4\nKaraj Central,9\n"
    result = joined(write_report(tmp_path / "r", text, total=30))
    assert [r["rank"] for r in result.prison_rows] == [1, 2, 2]
    assert [r["name_en"] for r in result.prison_rows] == [
        "Karaj Central Prison",
        "Evin Prison",
        "Ghezel Hesar Prison",
    ]
    assert {c: str(t) for c, t in result.prisons.dtypes.items() if c in PRISON_DTYPES} == dict(
        PRISON_DTYPES
    )
    assert {c: str(t) for c, t in result.provinces.dtypes.items() if c in PROVINCE_DTYPES} == (
        dict(PROVINCE_DTYPES)
    )
    for rows, frame in (
        (result.prison_rows, result.prisons),
        (result.province_rows, result.provinces),
    ):
        assert len(rows) == len(frame)
        for row, record in zip(rows, frame.to_dict("records"), strict=True):
            assert list(row) == list(frame.columns)
            for column, value in row.items():
                if value is None:
                    assert pd.isna(record[column]), column
                elif isinstance(value, float) and math.isnan(value):
                    assert math.isnan(record[column]), column
                else:
                    assert record[column] == value, column
    unlisted = [r for r in result.province_rows if r["status"] == "not itemized"]
    assert unlisted and all(r["executions"] is None and r["rank"] is None for r in unlisted)


def test_good_report_reconciliation() -> None:
    r = joined(DATA / "good").reconciliation
    assert totals(r) == (100, 31, 34, 66, 6, 3)
    assert r.unresolved == () and r.problems == ()
    assert r.sentence("en") == (
        "31 of at least 100 executions itemized by prison, in 6 prisons; 34 itemized by province, "
        "in 3 provinces; 66 not itemized."
    )
    assert r.sentence("fa") == (
        "از دست‌کم ۱۰۰ اعدام، ۳۱ مورد به تفکیک زندان در ۶ زندان و ۳۴ مورد به تفکیک استان در ۳ استان "
        "ثبت شده است؛ ۶۶ مورد بدون تفکیک است."
    )
    data = r.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data == {
        "report": "good",
        "reported_total": 100,
        "itemized_by_prison": 31,
        "itemized_by_province": 34,
        "not_itemized": 66,
        "prisons_mapped": 6,
        "provinces_with_figures": 3,
        "provinces_none_reported": 0,
        "unresolved": [],
        "placeless": [],
        "problems": [],
    }


def test_a_province_without_a_figure_is_not_itemized_never_zero(tmp_path: Path) -> None:
    result = joined(write_report(tmp_path / "r", "prison,executions\nEvin,3\nQarchak,0\n"))
    executions = result.provinces.set_index("iso")["executions"]
    assert executions.isna().tolist() == [True, False, True]  # <NA>, not 0
    rows = result.provinces.drop(columns="geometry").set_index("iso").to_dict("index")
    assert rows["IR-23"]["executions"] == 3
    for iso in ("IR-07", "IR-30"):
        assert pd.isna(rows[iso]["executions"])
        assert rows[iso]["status"] == "not itemized"
        assert pd.isna(rows[iso]["share"]) and pd.isna(rows[iso]["rank"])
        assert rows[iso]["source"] == ""
    assert result.prisons["executions"].tolist() == [3, 0]  # a stated 0 is a figure
    assert totals(result.reconciliation) == (100, 3, 3, 97, 2, 1)


def test_sentences_in_the_singular(tmp_path: Path) -> None:
    r = joined(write_report(tmp_path / "r", "prison,executions\nEvin,1\n", total=1)).reconciliation
    assert r.sentence() == (
        "1 of at least 1 execution itemized by prison, in 1 prison across 1 province; "
        "0 not itemized."
    )
    assert r.sentence("fa") == (
        "از دست‌کم ۱ اعدام، ۱ مورد به تفکیک زندان در ۱ زندان و ۱ استان ثبت شده است؛ "
        "۰ مورد بدون تفکیک است."
    )
    with pytest.raises(ValueError, match="no sentence in language 'de'; use 'en' or 'fa'"):
        r.sentence("de")


# -- provenance: the name as written, and how it matched -----------------------------------------


def test_each_prison_keeps_its_name_as_reported_and_how_it_matched(tmp_path: Path) -> None:
    text = (
        "prison,executions,city,lat,lon\n"
        "Evin Prison,6,,,\n"  # the gazetteer's own name
        "زندان قزلحصار,5,,,\n"  # its own Persian name
        "Adelbad,4,,,\n"  # a near spelling
        "Marvdasht,3,,,\n"  # a city
        "Camp Nowhere,2,Marvdasht,,\n"  # unknown, placed on its row's city
        "New Camp,1,,35.9,52.1\n"  # unknown, placed by its coordinates
    )
    result = joined(write_report(tmp_path / "r", text))
    table = result.prisons.drop(columns="geometry").to_dict("records")
    got = [(r["as_reported"], r["name_en"], r["match"], r["score"]) for r in table]
    assert got[:5] == [
        ("Evin Prison", "Evin Prison", "exact", 100.0),
        ("زندان قزلحصار", "Ghezel Hesar Prison", "exact", 100.0),
        ("Adelbad", "Adelabad Prison", "fuzzy", 93.3),
        ("Marvdasht", "Marvdasht", "city", 100.0),
        ("Camp Nowhere", "Camp Nowhere", "city", 100.0),
    ]
    assert got[5][:3] == ("New Camp", "New Camp", "latlon") and math.isnan(got[5][3])
    assert [(p.line, p.as_reported, p.match, p.score) for p in result.placements] == [
        (2, "Evin Prison", "exact", 100.0),
        (3, "زندان قزلحصار", "exact", 100.0),
        (4, "Adelbad", "fuzzy", 93.3),
        (5, "Marvdasht", "city", 100.0),
        (6, "Camp Nowhere", "city", 100.0),
        (7, "New Camp", "latlon", None),
    ]
    assert result.placements[2].to_dict() == {
        "path": str(tmp_path / "r" / "prisons.csv"),
        "line": 4,
        "as_reported": "Adelbad",
        "place_id": "adelabad",
        "name_en": "Adelabad Prison",
        "match": "fuzzy",
        "score": 93.3,
        "precision": "facility",
        "province_iso": "IR-07",
        "likely": None,
        "read_as": None,
        "reading": None,
    }


def test_aliases_are_told_from_own_names() -> None:
    table = joined(DATA / "good").prisons.set_index("as_reported")
    assert table.loc["Qezelhessar", "match"] == "alias"  # an alias of Ghezel Hesar Prison
    assert table.loc["Central Karaj", "match"] == "alias"  # Karaj Central Prison, reordered
    assert set(table["match"]) == {"alias", "city", "latlon"}


def test_events_spelling_one_prison_two_ways_keep_both(tmp_path: Path) -> None:
    events = "date,prison\n2024-01-02,Evin\n2024-01-03,Evin Prison\n2024-01-04,Evin\n"
    result = joined(write_report(tmp_path / "r", None, events=events, total=3))
    (row,) = result.prisons.to_dict("records")
    assert (row["as_reported"], row["match"], row["executions"]) == (
        "Evin; Evin Prison",
        "alias; exact",
        3,
    )


def test_sources_collapse_following_lines_to_ranges() -> None:
    def rows(*lines: int, path: str = "r/prisons.csv") -> list[Figure]:
        return [Figure(f"P{line}", 1, path, line) for line in lines]

    assert sources(rows(3)) == "prisons.csv:3"
    assert sources(rows(6, 2)) == "prisons.csv:2, 6"
    assert sources(rows(2, 3, 4, 5, 9, 12, 13, 14)) == "prisons.csv:2-5, 9, 12-14"
    assert sources([*rows(2, 3), *rows(4, path="r/provinces.csv")]) == (
        "prisons.csv:2-3 + provinces.csv:4"
    )
    assert sources(rows(*range(2, 100_002))) == "prisons.csv:2-100001"
    # Lines no range can shorten are counted, never cut: the text stays one a cell can hold.
    scattered = sources(rows(*range(2, 100_002, 2)))
    assert scattered == "prisons.csv: 50000 rows, lines 2-100000"
    assert len(sources(rows(*range(2, 600, 2)))) <= SOURCE_LIMIT + len("prisons.csv:")


def test_the_sentence_carries_the_reports_qualifier(tmp_path: Path) -> None:
    report = load_report(write_report(tmp_path / "r", "prison,executions\nEvin,3\n", total=10))
    assert report.total_qualifier == "at least"  # the default: NGOs count what they could verify
    exact = join(replace(report, total_qualifier="exactly"), GAZETTEER, polygons())
    assert exact.reconciliation.total_qualifier == "exactly"
    assert exact.reconciliation.sentence().startswith("3 of 10 executions itemized by prison")
    assert exact.reconciliation.sentence("fa").startswith("از ۱۰ اعدام، ۳ مورد")
    at_least = join(report, GAZETTEER, polygons()).reconciliation
    assert at_least.sentence().startswith("3 of at least 10 executions itemized by prison")
    assert at_least.sentence("fa").startswith("از دست‌کم ۱۰ اعدام، ۳ مورد")


# -- rows that do not land ----------------------------------------------------------------------


def test_unknown_and_ambiguous_names_are_named_with_their_reasons(tmp_path: Path) -> None:
    folder = write_report(
        tmp_path / "r", "prison,executions\nEvin,3\nAtlantis Prison,4\nTehran Prison,5\n"
    )
    assert problems_of(folder) == [
        "R/prisons.csv:3: prison 'Atlantis Prison' is not a prison or city the gazetteer "
        "knows; fix the spelling, or add lat and lon to place it",
        "R/prisons.csv:4: prison 'Tehran Prison' is ambiguous: it could be Evin Prison, "
        "Qarchak Prison; write the prison's full name, give the row's city or province, "
        "or add lat and lon",
    ]
    r = joined(folder, strict=False).reconciliation
    assert totals(r) == (100, 3, 3, 97, 1, 1)
    assert r.unresolved == (
        Unplaced(
            f"{folder}/prisons.csv",
            3,
            "Atlantis Prison",
            4,
            "prison 'Atlantis Prison' is not a prison or city the gazetteer knows; fix the "
            "spelling, or add lat and lon to place it",
        ),
        Unplaced(
            f"{folder}/prisons.csv",
            4,
            "Tehran Prison",
            5,
            "prison 'Tehran Prison' is ambiguous: it could be Evin Prison, Qarchak Prison; "
            "write the prison's full name, give the row's city or province, "
            "or add lat and lon",
        ),
    )
    assert [p.line for p in r.problems] == [3, 4]
    assert r.sentence() == (
        "3 of at least 100 executions itemized by prison, in 1 prison across 1 province; "
        "97 not itemized. 2 rows could not be placed."
    )
    assert r.sentence("fa").endswith("۲ ردیف روی نقشه جای نگرفت.")
    assert r.to_dict()["unresolved"][0] == {
        "path": f"{folder}/prisons.csv",
        "line": 3,
        "name": "Atlantis Prison",
        "executions": 4,
        "reason": r.unresolved[0].reason,
    }
    assert r.to_dict()["problems"][0]["text"] == str(r.problems[0])


def test_a_near_miss_is_suggested(tmp_path: Path) -> None:
    folder = write_report(tmp_path / "r", "prison,executions\nAdelabd Prisn Shirazz,4\n")
    [problem] = problems_of(folder)
    assert problem.startswith("R/prisons.csv:2: prison 'Adelabd Prisn Shirazz' is ")


def test_an_unknown_prison_is_placed_by_its_coordinates_or_its_city(tmp_path: Path) -> None:
    text = (
        "prison,executions,city,lat,lon\n"
        "Camp One,4,,29.5,52.0\n"
        "Camp Two,2,Marvdasht,,\n"
        "Camp Three,1,Nowhere,,\n"
    )
    result = joined(write_report(tmp_path / "r", text), strict=False)
    table = result.prisons.drop(columns="geometry").to_dict("records")
    assert [(r["place_id"], r["city"], r["province_iso"], r["precision"]) for r in table] == [
        ("point:29.50000,52.00000", "", "IR-07", "facility"),
        ("city:IR-07:marvdasht:camp-two", "Marvdasht", "IR-07", "city"),
    ]
    assert [u.name for u in result.reconciliation.unresolved] == ["Camp Three"]


def test_city_fa_is_the_persian_name_of_the_city_where_the_gazetteer_has_one(
    tmp_path: Path,
) -> None:
    text = (
        "prison,executions,city,lat,lon\n"
        "Qezelhessar,9,,,\n"  # a gazetteer prison: its city, Karaj
        "Qarchak,8,,,\n"  # a gazetteer prison in Varamin, which the city list lacks
        "Marvdasht,7,,,\n"  # a city
        "Camp Two,6,Marvdasht,,\n"  # placed on its city
        "Camp One,5,Shiraz,29.5,52.0\n"  # by coordinates, in a city known in that province
        "Camp Three,4,Karaj,29.4,52.1\n"  # by coordinates, its city in another province
        "Camp Four,3,,29.3,52.2\n"  # by coordinates alone
    )
    folder = write_report(tmp_path / "r", text)
    table = joined(folder).prisons.drop(columns="geometry").to_dict("records")
    assert [(r["name_en"], r["city"], r["city_fa"]) for r in table] == [
        ("Ghezel Hesar Prison", "Karaj", "کرج"),
        ("Qarchak Prison", "Varamin", ""),
        ("Marvdasht", "Marvdasht", "مرودشت"),
        ("Camp Two", "Marvdasht", "مرودشت"),
        ("Camp One", "Shiraz", "شیراز"),
        ("Camp Three", "Karaj", ""),
        ("Camp Four", "", ""),
    ]
    # The city list spells it "Varāmīn", with "Varamin" among its aliases: names match by key.
    varamin = City(5, "Varāmīn", "ورامین", ("Varamin",), "IR-23", 35.32, 51.65, 218_991)
    gazetteer = replace(GAZETTEER, cities=(*GAZETTEER.cities, varamin))
    qarchak = joined(folder, gazetteer=gazetteer).prisons.set_index("place_id").loc["qarchak"]
    assert (qarchak["city"], qarchak["city_fa"]) == ("Varamin", "ورامین")


def test_a_known_prison_with_coordinates_is_drawn_there(tmp_path: Path) -> None:
    text = "prison,executions,lat,lon\nEvin,4,35.81,51.38\n"
    prisons = joined(write_report(tmp_path / "r", text)).prisons
    assert prisons["place_id"].tolist() == ["evin"]
    assert (prisons["geometry"][0].x, prisons["geometry"][0].y) == (51.38, 35.81)


# -- provinces that disagree --------------------------------------------------------------------


def test_coordinates_in_another_province_than_the_gazetteers(tmp_path: Path) -> None:
    text = "prison,executions,lat,lon\nEvin,4,29.5,52.0\n"
    assert problems_of(write_report(tmp_path / "r", text)) == [
        "R/prisons.csv:2: prison 'Evin' is placed at lat 29.5, lon 52.0, which lies in Fars "
        "(IR-07), but the gazetteer puts 'Evin Prison' in Tehran (IR-23); check lat and lon "
        "in the row"
    ]


def test_a_gazetteer_prison_outside_its_province(tmp_path: Path) -> None:
    misplaced = prison("lost", "Lost Prison", "Tehran", "IR-23", 29.5, 52.0, ("Lost",))
    gazetteer = replace(GAZETTEER, prisons=(*PRISONS, misplaced))
    folder = write_report(tmp_path / "r", "prison,executions\nLost,4\n")
    assert problems_of(folder, gazetteer) == [
        "R/prisons.csv:2: prison 'Lost' is placed at lat 29.5, lon 52.0, which lies in Fars "
        "(IR-07), but the gazetteer puts 'Lost Prison' in Tehran (IR-23); the gazetteer's "
        "coordinates or province are wrong: fix geodata/prisons.csv"
    ]


def test_the_rows_province_must_agree(tmp_path: Path) -> None:
    text = "prison,executions,province\nEvin,4,Fars\nQarchak,1,Atlantis\nQezelhessar,2,IR-30\n"
    assert problems_of(write_report(tmp_path / "r", text)) == [
        "R/prisons.csv:2: prison 'Evin' lies in Tehran (IR-23) by its coordinates, but its "
        "province column says 'Fars', which is Fars (IR-07); fix the province column "
        "(or lat and lon)",
        "R/prisons.csv:3: province 'Atlantis' is not a province of Iran; write the province's "
        "name (e.g. Tehran) or its ISO code in the 2020 scheme (e.g. IR-23)",
    ]


def test_the_rows_province_code_is_read_in_the_reports_scheme(tmp_path: Path) -> None:
    folder = write_report(tmp_path / "r", "prison,executions,province\nEvin,4,IR-07\n")
    assert len(problems_of(folder)) == 1  # in the 2020 scheme IR-07 is Fars
    toml = folder / "report.toml"
    toml.write_text(toml.read_text().replace("total = 100", 'total = 100\niso_scheme = "pre-2020"'))
    assert joined(folder).reconciliation.problems == ()  # before 2020 IR-07 was Tehran


def test_a_point_in_no_province(tmp_path: Path) -> None:
    text = "prison,executions,lat,lon\nCamp,4,38.0,47.0\n"
    assert problems_of(write_report(tmp_path / "r", text)) == [
        "R/prisons.csv:2: prison 'Camp' at lat 38.0, lon 47.0 lies in no province; "
        "check lat and lon"
    ]


def test_points_in_provinces_borders_and_coasts() -> None:
    lon = np.array([52.0, 51.2, 55.1, 55.5, 47.0])
    lat = np.array([29.0, 36.0, 29.0, 29.0, 38.0])
    # inside Fars; on the Tehran/Alborz border (first by iso); 0.1 deg off Fars' coast;
    # 0.5 deg off it (too far); nowhere
    assert points_in_provinces(lon, lat, polygons()) == ["IR-07", "IR-23", "IR-07", None, None]


# -- duplicates and province figures ------------------------------------------------------------


def test_two_spellings_of_one_prison_in_prisons_csv(tmp_path: Path) -> None:
    text = "prison,executions\nQezelhessar,5\nEvin,1\nGhezel Hesar Prison,2\n"
    assert problems_of(write_report(tmp_path / "r", text)) == [
        "R/prisons.csv:4: prison 'Ghezel Hesar Prison' is the same place as 'Qezelhessar' on "
        "line 2 (Ghezel Hesar Prison); keep one row (add the counts up if the report gives two)"
    ]


def test_a_town_and_a_prison_of_that_town_are_two_claims_at_one_point(tmp_path: Path) -> None:
    """A hanging "in Bandar Abbas" is not one "in the prison of Bandar Abbas": each row keeps
    its name, figure and line, at the town's one point; two spellings of one claim are still
    one place written twice."""
    text = "prison,executions\ncarcere di Bandar Abbas,1\nBandar Abbas,2\nSanandaj Prison,3\n"
    result = join(load_report(write_report(tmp_path / "r", text, total=6)))
    rows = result.prisons.set_index("as_reported")
    assert rows.loc["carcere di Bandar Abbas", "executions"] == 1
    assert rows.loc["Bandar Abbas", "executions"] == 2
    assert rows.loc["carcere di Bandar Abbas", "source"] == "prisons.csv:2"
    assert rows.loc["Bandar Abbas", "source"] == "prisons.csv:3"
    assert {rows.loc[n, "precision"] for n in ("carcere di Bandar Abbas", "Bandar Abbas")} == {
        "city"
    }
    assert rows.loc["carcere di Bandar Abbas", "geometry"] == rows.loc["Bandar Abbas", "geometry"]
    assert rows.loc["carcere di Bandar Abbas", "name_fa"] == "زندان بندر عباس"
    assert rows.loc["Bandar Abbas", "name_fa"] == "بندر عباس"
    provinces = result.provinces.set_index("iso")
    assert provinces.loc["IR-22", "executions"] == 3
    twice = "prison,executions\nBandar Abbas Prison,1\nprison of Bandar Abbas,2\n"
    with pytest.raises(InputError) as info:
        join(load_report(write_report(tmp_path / "twice", twice, total=3)))
    assert [str(p).replace(str(tmp_path / "twice"), "R") for p in info.value.problems] == [
        "R/prisons.csv:3: prison 'prison of Bandar Abbas' is the same place as 'Bandar Abbas "
        "Prison' on line 2 (a prison of Bandar Abbas); keep one row (add the counts up if the "
        "report gives two)"
    ]


def test_two_spellings_of_one_prison_in_events_are_added_up() -> None:
    result = joined(DATA / "events")
    table = result.prisons.drop(columns="geometry").to_dict("records")
    assert [(r["place_id"], r["executions"], r["source"]) for r in table] == [
        ("ghezel-hesar", 3, "events.csv: 3 rows"),
        ("evin", 1, "events.csv:5"),
        ("city:IR-07:marvdasht", 1, "events.csv:8"),
        ("city:IR-07:shiraz", 1, "events.csv:6"),  # hanged "in Shiraz": the town, no prison
    ]
    fars = result.provinces.set_index("iso").loc["IR-07"]
    assert (fars["executions"], fars["source"]) == (2, "events.csv: 2 rows")
    assert totals(result.reconciliation) == (6, 6, 6, 0, 4, 3)


def test_province_figures_problems(tmp_path: Path) -> None:
    folder = write_report(
        tmp_path / "r",
        "prison,executions\nQezelhessar,10\nCentral Karaj,5\n",
        provinces="province,executions\nAlborz,12\nFars,3\nFārs,4\nAtlantis,5\n",
    )
    assert problems_of(folder) == [
        "R/provinces.csv:2: province 'Alborz' has 12 executions, fewer than the 15 its "
        "prisons add up to (prisons.csv:2-3); fix the province's figure or the "
        "prisons' counts",
        "R/provinces.csv:4: province 'Fārs' is the same province as 'Fars' on line 3 (IR-07); "
        "keep one row",
        "R/provinces.csv:5: province 'Atlantis' is not a province of Iran; write the "
        "province's name (e.g. Tehran) or its ISO code in the 2020 scheme (e.g. IR-23)",
    ]
    r = joined(folder, strict=False).reconciliation
    assert [u.name for u in r.unresolved] == ["Atlantis"]
    assert r.reported_total == r.itemized_by_province + r.not_itemized


def test_a_report_with_only_province_figures(tmp_path: Path) -> None:
    folder = write_report(tmp_path / "r", None, provinces="province,executions\nFars,4\nIR-23,0\n")
    result = joined(folder)
    assert result.prisons.empty and list(result.prisons.columns) == list(PRISON_COLUMNS)
    executions = result.provinces.set_index("iso")["executions"]
    assert executions.tolist()[:2] == [4, 0] and pd.isna(executions["IR-30"])
    assert totals(result.reconciliation) == (100, 0, 4, 96, 0, 2)
    assert result.reconciliation.sentence() == (
        "4 of at least 100 executions itemized by province, in 2 provinces; none itemized by "
        "prison; 96 not itemized."
    )
    assert result.reconciliation.sentence("fa") == (
        "از دست‌کم ۱۰۰ اعدام، ۴ مورد به تفکیک استان در ۲ استان ثبت شده و هیچ موردی به تفکیک "
        "زندان ثبت نشده است؛ ۹۶ مورد بدون تفکیک است."
    )


def test_filtered_events_reconcile_on_the_selection() -> None:
    result = join(load_report(DATA / "events", where=[("charge", "murder")]), GAZETTEER, polygons())
    assert totals(result.reconciliation) == (2, 2, 2, 0, 2, 2)
    assert result.prisons["source"].tolist() == ["events.csv:5", "events.csv:7"]


def test_prisons_and_provinces_together_above_the_total(tmp_path: Path) -> None:
    folder = write_report(
        tmp_path / "r",
        "prison,executions\nEvin,60\n",
        provinces="province,executions\nFars,50\n",
    )
    assert problems_of(folder) == [
        "R/report.toml: prisons and provinces together itemize 110 executions, more than "
        "total = 100; fix the counts, or raise the total"
    ]
    r = joined(folder, strict=False).reconciliation
    assert totals(r) == (100, 60, 110, -10, 1, 2)


def test_more_prisons_than_the_report_says(tmp_path: Path) -> None:
    manifest = MANIFEST.format(total=10).replace("total = 10\n", "total = 10\nprisons = 1\n")
    folder = write_report(
        tmp_path / "r", "prison,executions\nEvin,1\nQarchak,1\n", manifest=manifest
    )
    assert problems_of(folder) == [
        "R/report.toml:4: prisons = 1 but prisons.csv names 2 prisons; raise prisons to at "
        "least 2, or check prisons.csv for extra rows"
    ]


def test_two_spellings_of_one_prison_count_once_against_prisons_n(tmp_path: Path) -> None:
    manifest = MANIFEST.format(total=10).replace("total = 10\n", "total = 10\nprisons = 2\n")
    text = "prison,executions\nQezelhessar,1\nEvin,1\nGhezel Hesar Prison,1\n"
    # three rows, two prisons: the duplicate is the problem, not prisons = 2
    assert problems_of(write_report(tmp_path / "r", text, manifest=manifest)) == [
        "R/prisons.csv:4: prison 'Ghezel Hesar Prison' is the same place as 'Qezelhessar' on "
        "line 2 (Ghezel Hesar Prison); keep one row (add the counts up if the report gives two)"
    ]


def test_more_provinces_than_the_report_says(tmp_path: Path) -> None:
    manifest = MANIFEST.format(total=10).replace("total = 10\n", "total = 10\nprovinces = 1\n")
    folder = write_report(
        tmp_path / "r", None, provinces="province,executions\nFars,1\nIR-23,1\n", manifest=manifest
    )
    assert problems_of(folder) == [
        "R/report.toml:4: provinces = 1 but provinces.csv names 2 provinces; raise provinces "
        "to at least 2, or check provinces.csv for extra rows"
    ]
    folder = write_report(
        tmp_path / "s", None, provinces="province,executions\nFars,1\nFārs,1\n", manifest=manifest
    )
    assert problems_of(folder) == [
        "R/provinces.csv:3: province 'Fārs' is the same province as 'Fars' on line 2 (IR-07); "
        "keep one row"
    ]


# -- reading and placing in one run: check_report, join_folder ----------------------------------


def checked(folder: Path) -> tuple[Joined | None, list[str]]:
    found, problems = check_report(folder, gazetteer=GAZETTEER, provinces=polygons())
    return found, [str(p).replace(str(folder), "R") for p in problems]


def test_check_report_of_a_clean_report_joins_it() -> None:
    found, problems = checked(DATA / "good")
    assert problems == []
    assert found is not None and totals(found.reconciliation) == (100, 31, 34, 66, 6, 3)


def test_check_report_places_the_names_of_a_report_read_with_problems(tmp_path: Path) -> None:
    text = "prison,executions\nTehran Prison,x\nEvin,-2\nEvin Prison,3\nAtlantis,4\nQarchak,1\n"
    provinces = "province,executions\nFars,\nFārs,2\nAtlantis,1.5\n"
    found, problems = checked(write_report(tmp_path / "r", text, provinces=provinces))
    assert found is None  # figures of a partial report are never given
    assert problems == [
        "R/prisons.csv:2: executions 'x' is not a number; write the count with digits only, "
        "without separators or words, e.g. 1000",
        "R/prisons.csv:2: prison 'Tehran Prison' is ambiguous: it could be Evin Prison, "
        "Qarchak Prison; write the prison's full name, give the row's city or province, "
        "or add lat and lon",
        "R/prisons.csv:3: executions '-2' is negative; a count of executions is 0 or more",
        "R/prisons.csv:4: prison 'Evin Prison' is the same place as 'Evin' on line 3 (Evin "
        "Prison); keep one row (add the counts up if the report gives two)",
        "R/prisons.csv:5: prison 'Atlantis' is not a prison or city the gazetteer knows; fix "
        "the spelling, or add lat and lon to place it",
        "R/provinces.csv:2: executions is empty; write the number of executions (0 if the "
        "report says none)",
        "R/provinces.csv:3: province 'Fārs' is the same province as 'Fars' on line 2 (IR-07); "
        "keep one row",
        "R/provinces.csv:4: executions '1.5' is not a whole number; write the count with "
        "digits only, e.g. 12",
        "R/provinces.csv:4: province 'Atlantis' is not a province of Iran; write the "
        "province's name (e.g. Tehran) or its ISO code in the 2020 scheme (e.g. IR-23)",
    ]


def test_rows_without_a_count_are_in_no_figure(tmp_path: Path) -> None:
    folder = write_report(tmp_path / "r", "prison,executions\nEvin,x\nQarchak,2\nShiraz,3\n")
    report, _ = read_report(folder)
    assert report is not None
    result = join(report, GAZETTEER, polygons(), strict=False)
    assert result.prisons["place_id"].tolist() == ["city:IR-07:shiraz", "qarchak"]
    assert result.reconciliation.unresolved == ()
    assert result.reconciliation.problems == ()  # reading named the bad count


def test_a_file_above_the_total_is_said_once(tmp_path: Path) -> None:
    folder = write_report(tmp_path / "r", "prison,executions\nEvin,90\nQarchak,20\nAtlantis,x\n")
    _, problems = checked(folder)
    assert problems == [
        "R/prisons.csv:4: executions 'x' is not a number; write the count with digits only, "
        "without separators or words, e.g. 1000",
        "R/prisons.csv:4: prison 'Atlantis' is not a prison or city the gazetteer knows; fix "
        "the spelling, or add lat and lon to place it",
        "R/report.toml:3: prisons.csv itemizes 110 executions, more than total = 100; fix the "
        "counts in prisons.csv or raise the total",
    ]
    # a report made by other code is still held to it by the join
    report = replace(load_report(DATA / "good"), total=20)
    with pytest.raises(InputError) as info:
        join(report, GAZETTEER, polygons())
    assert [str(p).replace(str(DATA / "good"), "R") for p in info.value.problems] == [
        "R/report.toml:3: prisons.csv itemizes 31 executions, more than total = 20; fix the "
        "counts in prisons.csv or raise the total"
    ]


def test_join_folder_raises_with_the_problems_of_reading_and_placing(tmp_path: Path) -> None:
    folder = write_report(tmp_path / "r", "prison,executions\nEvin,x\nAtlantis,1\n")
    with pytest.raises(InputError) as info:
        join_folder(folder, gazetteer=GAZETTEER, provinces=polygons())
    assert [p.line for p in info.value.problems] == [2, 3]
    result = join_folder(DATA / "good", gazetteer=GAZETTEER, provinces=polygons())
    assert totals(result.reconciliation) == (100, 31, 34, 66, 6, 3)


# -- speed --------------------------------------------------------------------------------------


def test_ten_thousand_places_join_quickly(tmp_path: Path) -> None:
    rng = np.random.default_rng(7)
    count = 10_000
    iso, x0, y0, x1, y1 = BOXES[0]
    lons = rng.uniform(x0 + 0.01, x1 - 0.01, count).round(5)
    lats = rng.uniform(y0 + 0.01, y1 - 0.01, count).round(5)
    rows = "".join(
        f"Site {i:05d},{i % 7},{lat},{lon}\n"
        for i, (lat, lon) in enumerate(zip(lats, lons, strict=True))
    )
    folder = write_report(tmp_path / "r", "prison,executions,lat,lon\n" + rows, total=7 * count)
    report = load_report(folder)
    geocoder = Geocoder(GAZETTEER)
    result = join(report, GAZETTEER, polygons(), geocoder=geocoder)
    assert len(result.prisons) == count
    assert set(result.prisons["province_iso"]) == {iso}
    assert result.reconciliation.itemized_by_prison == sum(i % 7 for i in range(count))
    assert not math.isnan(result.prisons["share"].sum())


# -- the shipped reports, on the shipped geodata ------------------------------------------------

SHIPPED = Path(__file__).resolve().parents[1] / "geodata" / "reports"


def test_shipped_2024_report_reconciles_on_the_real_map() -> None:
    result = join(load_report(SHIPPED / "2024-ncri"))
    r = result.reconciliation
    assert totals(r) == (1000, 526, 526, 474, 8, 7)
    assert r.problems == () and r.unresolved == ()
    assert r.sentence("en") == (
        "526 of at least 1,000 executions itemized by prison, in 8 prisons across 7 provinces; "
        "474 not itemized."
    )
    assert r.sentence("fa") == (
        "از دست‌کم ۱٬۰۰۰ اعدام، ۵۲۶ مورد به تفکیک زندان در ۸ زندان و ۷ استان ثبت شده است؛ "
        "۴۷۴ مورد بدون تفکیک است."
    )
    prisons = result.prisons
    assert prisons["executions"].tolist() == [165, 97, 61, 59, 44, 38, 33, 29]
    assert prisons["place_id"].tolist()[0] == "ghezel-hesar"
    assert prisons["source"].tolist() == [f"prisons.csv:{line}" for line in range(2, 10)]
    provinces = result.provinces
    assert len(provinces) == 31
    itemized = provinces[provinces["executions"].notna()]
    assert dict(zip(itemized["name_en"], itemized["executions"], strict=True)) == {
        "East Azerbaijan": 59,
        "Fars": 97,
        "Razavi Khorasan": 33,
        "Isfahan": 61,
        "Qazvin": 38,
        "South Khorasan": 29,
        "Alborz": 209,  # Ghezel Hesar 165 + Karaj Central 44
    }
    alborz = provinces.set_index("name_en").loc["Alborz"]
    assert alborz["source"] == "prisons.csv:2, 6"
    assert (provinces["status"] == "not itemized").sum() == 24


def test_shipped_2024_report_names_every_city_in_persian() -> None:
    prisons = join(load_report(SHIPPED / "2024-ncri")).prisons.set_index("place_id")
    assert (prisons.loc["ghezel-hesar", "city"], prisons.loc["ghezel-hesar", "city_fa"]) == (
        "Karaj",
        "کرج",
    )
    # Birjand is "Bīrjand" in the city list and Birjand in the prisons list.
    assert prisons["city_fa"].tolist() == [
        "کرج",
        "شیراز",
        "اصفهان",
        "تبریز",
        "کرج",
        "قزوین",
        "مشهد",
        "بیرجند",
    ]


def test_shipped_first_day_of_2025_report_reconciles() -> None:
    result = join(load_report(SHIPPED / "2025-01-01-ncri"))
    assert totals(result.reconciliation) == (12, 12, 12, 0, 4, 4)
    provinces = result.provinces
    assert sorted(provinces[provinces["status"] == "itemized"]["name_en"]) == [
        "Alborz",
        "Hamadan",
        "Hormozgan",
        "Kohgiluyeh and Boyer-Ahmad",
    ]


def _shipped_check(tmp_path: Path, rows: str) -> tuple[object, list[str]]:
    from iranmap.join import check_report

    folder = write_report(tmp_path / "r", "prison,executions,province,city\n" + rows, total=10)
    joined, problems = check_report(folder)
    return joined, [p.message for p in problems]


def test_a_rows_province_keeps_a_prison_name_out_of_a_town_elsewhere(tmp_path: Path) -> None:
    # Mobarakeh is a town of Isfahan and of Yazd; a report's "Mobarakeh Prison" of Fars is in
    # neither. (Asadabad, whose namesake in Chaharmahal is a village, is Hamadan's alone: a row
    # of Isfahan naming it is refused by the check of its province, which names both.)
    joined, problems = _shipped_check(tmp_path, "Mobarakeh Prison,3,Fars,\n")
    assert isinstance(joined, Joined)
    assert joined.reconciliation.itemized_by_prison == 0  # placed nowhere, least of all there
    assert problems == [
        "prison 'Mobarakeh Prison' is not a prison or city the gazetteer knows; fix the "
        "spelling, or add lat and lon to place it"
    ]
    _, problems = _shipped_check(tmp_path / "other", "Asadabad Prison,3,Isfahan,\n")
    assert problems == [
        "prison 'Asadabad Prison' lies in Hamadan (IR-13) by its coordinates, but its province "
        "column says 'Isfahan', which is Isfahan (IR-10); fix the province column (or lat and "
        "lon)"
    ]


def test_a_rows_province_agrees_with_the_town_it_names(tmp_path: Path) -> None:
    joined, problems = _shipped_check(tmp_path, "Asadabad Prison,3,Hamadan,\n")
    assert problems == []
    assert isinstance(joined, Joined)
    assert list(joined.prisons["province_iso"]) == ["IR-13"]
    assert list(joined.prisons["as_reported"]) == ["Asadabad Prison"]


# -- issue 20: exactly what the source says ---------------------------------------------------


def test_a_town_alone_is_placed_as_that_town_with_the_name_as_written(tmp_path: Path) -> None:
    folder = write_report(tmp_path / "r", "prison,executions\nShiraz prison,4\n", total=4)
    result = joined(folder)
    row = result.prisons.iloc[0]
    assert (row["place_id"], row["name_en"], row["precision"], row["match"]) == (
        "city:IR-07:shiraz:prison",  # a prison of the town; "Shiraz" alone is the town's
        "Shiraz prison",
        "city",
        "city",
    )
    assert result.placements[0].likely == "Adelabad Prison"


def test_a_rows_note_is_kept_as_its_quote_of_the_source() -> None:
    table = joined(DATA / "good").prisons.set_index("as_reported")
    assert table.loc["Shiraz", "note"] == 'written "Shiraz: 7"'
    assert table.loc["Evin", "note"] == ""


def test_a_place_column_confirms_the_prison_a_town_means(tmp_path: Path) -> None:
    text = "prison,executions,place\nShiraz,4,Adelabad Prison\n"
    result = joined(write_report(tmp_path / "r", text, total=4))
    row = result.prisons.iloc[0]
    assert (row["place_id"], row["name_en"], row["as_reported"], row["match"]) == (
        "adelabad",
        "Adelabad Prison",
        "Shiraz",
        "place",
    )
    assert result.placements[0].likely is None


@pytest.mark.parametrize(
    ("place", "message"),
    [
        (
            "Evin Prison",
            "R/prisons.csv:2: place 'Evin Prison' is Evin Prison in Tehran, but prison 'Shiraz' "
            "names Shiraz in Fars; write in place a prison of that town, or fix the name",
        ),
        (
            "Atlantis Prison",
            "R/prisons.csv:2: place 'Atlantis Prison' is not a prison the gazetteer knows; write "
            "the name of a prison of the gazetteer (or of the project's places.csv), or leave "
            "place empty",
        ),
        (
            "Shiraz",
            "R/prisons.csv:2: place 'Shiraz' names a town, not a prison; write the name of a "
            "prison of the gazetteer (or of the project's places.csv), or leave place empty",
        ),
    ],
)
def test_a_place_column_that_does_not_fit_is_refused(
    tmp_path: Path, place: str, message: str
) -> None:
    folder = write_report(tmp_path / "r", f"prison,executions,place\nShiraz,4,{place}\n", total=4)
    assert problems_of(folder) == [message]


def test_a_fully_itemized_report_says_none_reported_elsewhere(tmp_path: Path) -> None:
    folder = write_report(tmp_path / "r", "prison,executions\nEvin,3\nQezelhessar,2\n", total=5)
    provinces = joined(folder).provinces.set_index("iso")
    assert provinces.loc["IR-07", "status"] == "none reported"
    assert provinces.loc["IR-07", "executions"] == 0
    assert list(provinces.loc[["IR-23", "IR-30"], "status"]) == ["itemized", "itemized"]
    assert joined(folder).reconciliation.provinces_with_figures == 2


def test_a_partly_itemized_report_keeps_the_rest_not_itemized(tmp_path: Path) -> None:
    folder = write_report(tmp_path / "r", "prison,executions\nEvin,3\nQezelhessar,2\n", total=6)
    provinces = joined(folder).provinces.set_index("iso")
    assert provinces.loc["IR-07", "status"] == "not itemized"
    assert pd.isna(provinces.loc["IR-07", "executions"])


def test_complete_false_keeps_unlisted_provinces_not_itemized(tmp_path: Path) -> None:
    manifest = MANIFEST.format(total=5) + "\n"
    manifest = manifest.replace("total = 5\n", "total = 5\ncomplete = false\n", 1)
    folder = write_report(
        tmp_path / "r", "prison,executions\nEvin,3\nQezelhessar,2\n", manifest=manifest
    )
    assert "complete = false" in (folder / "report.toml").read_text(encoding="utf-8")
    provinces = joined(folder).provinces.set_index("iso")
    assert provinces.loc["IR-07", "status"] == "not itemized"


def test_a_missing_cell_is_none_nan_or_pandas_na_never_zero() -> None:
    """The rows hold None for no figure; a DataFrame's rows hold <NA> or NaN: all are missing,
    and 0 or "" are values (0 is a figure: none reported)."""
    from iranmap._values import opt_int, opt_missing, opt_str

    assert [opt_missing(v) for v in (None, math.nan, np.float64("nan"), pd.NA)] == [True] * 4
    assert [opt_missing(v) for v in (0, 0.0, "", np.int64(0))] == [False] * 4
    assert (opt_int(pd.NA), opt_int(np.int64(0)), opt_str(math.nan)) == (None, 0, None)


def test_a_place_known_only_by_name_in_its_province_is_refused_with_what_it_is(
    tmp_path: Path,
) -> None:
    joined, problems = _shipped_check(
        tmp_path, '"Dudej, Provinsi Fars",1,,\n"Foo, Semnan Province",1,,\n'
    )
    assert isinstance(joined, Joined)
    assert problems == [  # (Dudej and Dowdej: two places of Fars, so not which one)
        "prison 'Dudej, Provinsi Fars' names a place of Fars that the gazetteer knows only by "
        "name, not a prison or town, so it has no point on the map; give the row's city (or lat "
        "and lon) where the source names one, or count the row in provinces.csv under Fars",
        "prison 'Foo, Semnan Province' names a place of Semnan that the gazetteer does not know, "
        "not a prison or town, so it has no point on the map; give the row's city (or lat and "
        "lon) where the source names one, or count the row in provinces.csv under Semnan",
    ]


def test_a_square_of_a_town_is_placed_at_the_town_as_a_place_of_its_own(tmp_path: Path) -> None:
    joined, problems = _shipped_check(tmp_path, "piazza Mofatteh a Mashhad,2,,\n")
    assert problems == []
    assert isinstance(joined, Joined)
    row = joined.prison_rows[0]
    assert (row["province_iso"], row["as_reported"]) == ("IR-09", "piazza Mofatteh a Mashhad")
    assert (row["precision"], row["city"]) == ("city", "Mashhad")
