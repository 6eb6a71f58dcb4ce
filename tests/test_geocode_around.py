"""Places around a town that are not the town (geocode/_around.py): a border area, a road between
two towns, heights, a district of a county, a dam. Written against the largest category of
tests/data/geocode/heldout10-names.csv's misses (reports on killed border porters); each rule with
names made up in the same pattern with other towns, names it must leave alone, and checks over
every town of the gazetteer that no such name lands in another province and that no town's own
name is read as one."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from click.testing import CliRunner

from fake_world import write_report
from iranmap.cli import main
from iranmap.geocode import Geocoder, Match
from iranmap.geocode._around import BORDER_KM, LAND_BORDER_POINTS, _from_border, around_reading
from iranmap.geocode.index import km
from townnames import where


def _province(geocoder: Geocoder, name: str) -> tuple[object, ...]:
    """Status, province and precision of ``name``'s answer."""
    found = geocoder.place(name)
    return (*where(found), found.precision)


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        # a border area named by a town, in every language the held-out files use, with an
        # unknown local name before it or beside it
        ("border areas of Baneh", "IR-12"),
        ("Nowkan border area of Marivan", "IR-12"),
        ("border area near Piranshahr city of West Azerbaijan province", "IR-04"),
        ("Salmas border", "IR-04"),
        ("border of Foo in Baneh", "IR-12"),
        ("la frontière de Baneh", "IR-12"),
        ("Grenzgebiet von Baneh", "IR-12"),
        ("zona di confine di Baneh", "IR-12"),
        ("zona fronteriza de Baneh", "IR-12"),
        ("Salmas sınırında", "IR-04"),
        ("Baneh sərhədində", "IR-12"),
        ("deverên sînorî ên bajarê Merîwanê", "IR-12"),
        ("نوار مرزی پیرانشهر", "IR-04"),
        ("نوارمرزی مریوان", "IR-12"),
        ("منطقه مرزی فلان شهر مریوان", "IR-12"),
        ("منطقه مرزی فلان میرجاوه", "IR-11"),
        ("مرز ماکو", "IR-04"),
        ("منطقتي بانه ومريوان الحدوديتين", "IR-12"),
        ("حدود بلدة مريوان المتاخمة لمحافظة السليمانية", "IR-12"),
        # two towns of one province
        ("border areas of Salmas and Piranshahr", "IR-04"),
        # a name towns of three provinces share: West Azerbaijan's lies on the border
        ("border areas of Sardasht", "IR-04"),
        ("deverên sînorî ên bajarê serdeştê", "IR-04"),
        # a place known only by name (Nowsud, 1,949 people), near the border, of one province
        ("مناطق مرزی نوسود", "IR-05"),
        ("منطقه مرزی «فلان» شهرستان نوسود", "IR-05"),
        # a place's own name is read whole ("Su Kahriz", of Zanjan: not "on Kahriz", of
        # Kermanshah; "Sar Mashhad", a village of Fars: not Mashhad)
        ("border area of Su Kahriz", "IR-19"),
        ("border area of Sar Mashhad", "IR-07"),
        # heights, a region, a district of a county, a dam
        ("ارتفاعات مریوان", "IR-12"),
        ("کوهستان های بانه", "IR-12"),
        ("لە شاخەکانی بانە", "IR-12"),
        ("in den Bergen von Baneh", "IR-12"),
        ("Baneh dağlarında", "IR-12"),
        ("al confine con l'Iraq vicino a Baneh", "IR-12"),
        ("مرتفعات فلان في مريوان", "IR-12"),
        ("bilindahiyên Foo a qezaya Şino", "IR-04"),
        ("Doğu Kürdistan’ın Salmas bölgesinde", "IR-04"),
        ("the Foo district of Saravan County", "IR-11"),
        ("Foo Dam, located in the Foo district of Saravan County", "IR-11"),
        # a road between two towns of one province
        ("محور سراوان به زاهدان", "IR-11"),
        ("محور سراوان إلى زاهدان", "IR-11"),
        ("the road from Saravan to Zahedan", "IR-11"),
        ("Saravan–Zahedan road", "IR-11"),
        ("Saravan - Zahedan road", "IR-11"),
        ("on the Saravan-Zahedan road", "IR-11"),
        ("the road between Saravan and Zahedan", "IR-11"),
        ("الطريق بين سراوان وزاهدان", "IR-11"),
        # a road named by one town: the town's province, not its point
        ("پاسگاه فلان محور قاین", "IR-29"),
        # what the border lies between or beside is no place of the area's
        ("near the border with Iraq in Baneh", "IR-12"),
        ("on the border between Iran and Iraq near Baneh", "IR-12"),
    ],
)
def test_a_place_around_a_town_is_its_province(geocoder: Geocoder, name: str, iso: str) -> None:
    found = geocoder.place(name)
    assert (*where(found), found.kind, found.precision, found.lat) == (
        "matched",
        iso,
        "province",
        "province",
        None,
    ), found
    assert found.note is not None and "at none of its towns" in found.note


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("border of Foo", "no one town or county of its words is known"),
        ("border areas of Baneh and Urmia", "the places it names lie in two provinces"),
        ("Tabriz border area of Baneh", "the places it names lie in two provinces"),
        # Ardakan: towns of Yazd and Fars, far from the border
        ("border area of Ardakan", "no one town or county of its words is known"),
        # Lahijan: a town of Gilan and one of East Azerbaijan, 170 and 130 km from the border
        ("border area of Lahijan", "no one town or county of its words is known"),
        ("ارتفاعات سردشت", "no one town or county of its words is known"),
        # a place known only by name after unknown words, with no word for town before it
        ("منطقه مرزی فلان نوسود", "no one town or county of its words is known"),
        ("the road from Zahedan to Tabriz", "its two towns lie in two provinces"),
        ("the Karaj road in Tehran", "the places it names lie in two provinces"),
        ("محور فلان به زاهدان", "no one town or county of its words is known"),
    ],
)
def test_around_an_unknown_or_divided_place_is_unresolved(
    geocoder: Geocoder, name: str, why: str
) -> None:
    found = geocoder.place(name)
    assert found.status == "unmatched"
    assert found.note == f"the name says a place around a town ({found.note.split('(')[1]}"
    assert found.note.endswith(why)
    assert found.suggestions == ()  # no place of another province offered


def test_a_border_town_of_a_shared_name_is_the_one_on_the_border(geocoder: Geocoder) -> None:
    # Sardasht: towns of West Azerbaijan (on the border), Khuzestan and Hormozgan
    for name in ("مدينة سردشت الحدودية", "the border town of Sardasht"):
        found = geocoder.place(name)
        assert (*where(found), found.kind, found.precision) == ("matched", "IR-04", "city", "city")
        assert found.reading == "the town of Sardasht on the border (in West Azerbaijan)"
    # Sarab: East Azerbaijan's town, the largest, lies 130 km from the border
    assert geocoder.place("مدينة سراب الحدودية").status != "matched"


def test_a_border_town_is_its_province_or_none(
    geocoder: Geocoder, latin: list[tuple[str, str]], persian: list[tuple[str, str]]
) -> None:
    forms = [(f"the border town of {name}", iso) for name, iso in latin[::6]]
    forms += [(f"مدينة {name} الحدودية", iso) for name, iso in persian[::6]]
    elsewhere = [
        (name, found.province_iso)
        for name, iso in forms
        if (found := geocoder.place(name)).status == "matched" and found.province_iso != iso
    ]
    assert elsewhere == []


def test_a_border_town_is_the_town(geocoder: Geocoder) -> None:
    # "border" describing a town says the town; a district of a town is a part of it
    for name in ("border town of Baneh", "مدينة بانه الحدودية"):
        assert _province(geocoder, name) == ("matched", "IR-12", "city"), name
    assert geocoder.place("Baneh sınır kasabası").precision != "province"
    assert geocoder.place("District 5 of Tehran").precision != "province"
    assert geocoder.place("Baneh").precision == "city"
    # a place's own name with a word for border in it: Zagh Marz, a town of Mazandaran
    for name in ("زاغ مرز", "زاغ مرز، مازندران"):
        assert _province(geocoder, name) == ("matched", "IR-02", "city"), name


def _none(name: str) -> Match:
    return Match(query=name, status="unmatched", score=0.0)


def test_no_town_is_read_as_a_place_around_it(
    geocoder: Geocoder, latin: list[tuple[str, str]], persian: list[tuple[str, str]]
) -> None:
    index = geocoder._index
    read = [
        name for name, _ in (*latin, *persian) if around_reading(index, name, _none) is not None
    ]
    assert read == []


def test_around_every_town_is_its_province_or_none(
    geocoder: Geocoder, latin: list[tuple[str, str]], persian: list[tuple[str, str]]
) -> None:
    forms = [(f"border area of {name}", iso) for name, iso in latin[::2]]
    forms += [(f"نوار مرزی {name}", iso) for name, iso in persian[::2]]
    forms += [(f"ارتفاعات {name}", iso) for name, iso in persian[1::4]]
    forms += [(f"{name} sınırında", iso) for name, iso in latin[1::6]]
    forms += [(f"sînorê {name}", iso) for name, iso in latin[3::6]]
    forms += [(f"{name} Dam", iso) for name, iso in latin[1::8]]
    elsewhere = []
    for name, iso in forms:
        found = geocoder.place(name)
        if found.status == "matched" and (found.province_iso, found.precision) != (iso, "province"):
            elsewhere.append((name, found.province_iso, found.precision))
    assert elsewhere == []


#: The provinces with a land border (Iraq, Turkey, Armenia, Azerbaijan, Turkmenistan, Afghanistan,
#: Pakistan): Gilan (at Astara), the two Azerbaijans, Ardabil, Kurdistan, Kermanshah, Ilam,
#: Khuzestan, Golestan, the three Khorasans, Sistan and Baluchestan.
LAND_BORDER = {"IR-01", "IR-03", "IR-04", "IR-24", "IR-12", "IR-05", "IR-16", "IR-06", "IR-27"}
LAND_BORDER |= {"IR-28", "IR-09", "IR-29", "IR-11"}


def test_the_land_border_has_no_gap(geocoder: Geocoder) -> None:
    points = LAND_BORDER_POINTS
    gaps = [
        (one[0], other[0])
        for one, other in pairwise(points)
        if km(one[1], one[2], other[1], other[2]) > 140
    ]
    assert gaps == [("Abadan", "Incheh Borun")]  # the coasts and the provinces between
    # every point near a town of a province with a land border, and no town of another near it
    towns = [t for ts in geocoder._index.towns.values() for t in ts if t.lat and t.lon]
    inland = [
        (t.city, t.province_iso)
        for t in towns
        if t.province_iso not in LAND_BORDER and _from_border(t.lat or 0, t.lon or 0) <= BORDER_KM
    ]
    assert inland == []
    for name, lat, lon in points:
        nearest = min(towns, key=lambda t: km(lat, lon, t.lat or 0, t.lon or 0))
        assert nearest.province_iso in LAND_BORDER, name


def test_a_road_from_every_town_is_one_province_or_none(
    geocoder: Geocoder, latin: list[tuple[str, str]], persian: list[tuple[str, str]]
) -> None:
    # Zahedan (Sistan and Baluchestan) at the other end: the road's province is theirs, if one
    forms = [(f"the road from {name} to Zahedan", iso) for name, iso in latin[1::4]]
    forms += [(f"محور {name} به زاهدان", iso) for name, iso in persian[1::4]]
    wrong = []
    for name, iso in forms:
        found = geocoder.place(name)
        placed = (found.province_iso, found.precision)
        home = placed == (iso, "province") and iso == "IR-11"
        if found.status == "matched" and not home:
            wrong.append((name, found.province_iso))
    assert wrong == []


def test_check_says_a_place_around_a_town_has_no_point(tmp_path: Path) -> None:
    folder = write_report(
        tmp_path / "r",
        "prison,executions,province\nborder areas of Baneh,3,\n"
        "the road from Zahedan to Tabriz,2,\n",
    )
    result = CliRunner().invoke(main, ["check", str(folder)])
    assert result.exit_code == 1
    assert result.stdout.replace(str(folder), "R").splitlines()[:2] == [
        "R/prisons.csv:2: prison 'border areas of Baneh' names a place around a town of "
        "Kurdistan (border areas), not a prison or town, so it has no point on the map; give the "
        "row's city (or lat and lon) where the source names one, or count the row in "
        "provinces.csv under Kurdistan",
        "R/prisons.csv:3: prison 'the road from Zahedan to Tabriz' is placed nowhere: the name "
        "says a place around a town (road), and its two towns lie in two provinces; write the "
        "prison or the town the source means, give the row's city or province, or add lat and "
        "lon",
    ]
