"""A name that gives a town and a facility of that town is the facility (issue 20, claim
precision: a row is placed at the most precise place its own words name); a facility of another
town is a contradiction and places nothing. On the shipped gazetteer, Latin and Persian, both
orders, with the facility in brackets or after a separator."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from fake_world import write_report
from iranmap.cli import main
from iranmap.gazetteer import load_gazetteer
from iranmap.geocode import Geocoder, contradicts


@pytest.fixture(scope="module")
def shipped() -> Geocoder:
    return Geocoder(load_gazetteer())


@pytest.mark.parametrize(
    ("name", "prison_id"),
    [
        ("Kermanshah (Dizel Abad)", "dizel-abad"),
        ("Kermanshah Dizel Abad", "dizel-abad"),
        ("Kermanshah - Dizel Abad", "dizel-abad"),
        ("Kermanshah, Dizel Abad", "dizel-abad"),
        ("Kermanshah: Dizel Abad", "dizel-abad"),
        ("Kermanshah Dizelabad", "dizel-abad"),
        ("Kermanshah Dizel Abaad", "dizel-abad"),  # a near spelling of the facility
        ("Kermanshah Dizel Abad Prison", "dizel-abad"),
        ("Kermanshah province (Dizel Abad)", "dizel-abad"),
        ("Kermanshah (Dizel Abad), Kermanshah Province", "dizel-abad"),
        ("Khoramabad Parsilon", "parsilon"),  # the town with one r
        ("Khorramabad Parsilon", "parsilon"),
        ("Parsilon Khoramabad", "parsilon"),
        ("Khoramabad Parsilun", "parsilon"),
        ("Khorramabad (Parsilon Prison)", "parsilon"),
        ("Lorestan (Parsilon)", "parsilon"),  # a province and a facility of it
        ("Shiraz (Adelabad)", "adelabad"),
        ("Fars (Adelabad)", "adelabad"),
        ("Mashhad, Vakilabad", "vakilabad"),
        ("Mashhad (Vakilabad)", "vakilabad"),
        ("Isfahan (Dastgerd)", "dastgerd"),
        ("Karaj/Ghezel Hesar", "ghezel-hesar"),
        ("Karaj (Ghezel Hesar)", "ghezel-hesar"),
        ("Rasht (Lakan)", "lakan"),
        ("Rasht (Lakan prison)", "lakan"),
        ("Tehran Evin", "evin"),
        ("Tehran (Evin)", "evin"),
        ("Ahvaz (Sepidar)", "sepidar"),
        ("کرمانشاه (دیزل آباد)", "dizel-abad"),
        ("کرمانشاه - دیزل آباد", "dizel-abad"),
        ("کرمانشاه، دیزل آباد", "dizel-abad"),
        ("خرم آباد (پارسیلون)", "parsilon"),
        ("مشهد (وکیل آباد)", "vakilabad"),
        ("تهران (اوین)", "evin"),
        ("اصفهان (دستگرد)", "dastgerd"),
        ("کرج (قزل حصار)", "ghezel-hesar"),
    ],
)
def test_a_town_and_a_facility_of_it_is_the_facility(
    shipped: Geocoder, name: str, prison_id: str
) -> None:
    found = shipped.place(name)
    assert (found.status, found.kind, found.prison_id) == ("matched", "prison", prison_id)
    assert found.likely is None  # the facility is the report's, not the gazetteer's guess


@pytest.mark.parametrize(
    "name",
    [
        "Kermanshah (Dizel Abad)",
        "Khoramabad Parsilon",
        "Shiraz Adelabad",
        "Vakilabad Mashhad",
        "Tabriz (Central Prison)",
        "Urmia (Central)",
        "Zahedan (central prison)",
        "Isfahan - Dastgerd",
        "Rasht Lakan",
        "خرم آباد پارسیلون",
    ],
)
def test_the_facility_keeps_its_own_precision(shipped: Geocoder, name: str) -> None:
    found = shipped.place(name)
    prison = shipped.place(found.prison or "")
    assert found.kind == "prison"
    assert (found.lat, found.lon, found.precision) == (prison.lat, prison.lon, prison.precision)


@pytest.mark.parametrize(
    ("name", "town"),
    [
        ("Shiraz (Dizel Abad)", "Shiraz"),
        ("Shiraz Dizel Abad", "Shiraz"),
        ("Dizel Abad Shiraz", "Shiraz"),
        ("Dizel Abad (Shiraz)", "Shiraz"),
        ("Adelabad (Kermanshah)", "Kermanshah"),
        ("Mashhad (Adelabad)", "Mashhad"),
        ("Karaj (Evin)", "Karaj"),
        ("Karaj Evin", "Karaj"),
        ("Isfahan - Ghezel Hesar", "Isfahan"),
        ("Ghezel Hesar, Tehran", "Tehran"),
        ("شیراز (دیزل آباد)", "Shiraz"),
        ("شیراز (وکیل آباد)", "Shiraz"),
        # a near spelling of the whole name would reach a prison's town elsewhere, or the
        # first town with the second dropped
        ("Qom Bandar-e Torkaman", "Qom"),
        ("Kermanshah Azna", "Kermanshah"),
        ("Bandar Abbas Izeh", "Bandar Abbas"),
    ],
)
def test_a_facility_of_another_town_is_a_contradiction(
    shipped: Geocoder, name: str, town: str
) -> None:
    found = shipped.place(name)
    assert (found.status, found.province_iso, found.suggestions) == ("unmatched", None, ())
    assert contradicts(found)
    assert found.note == (
        f"the name gives {town} and a prison that lies elsewhere; they contradict each other"
    )


def test_the_rows_province_still_decides(shipped: Geocoder) -> None:
    """A name's town and facility agree, but the row puts them in another province."""
    found = shipped.place("Kermanshah (Dizel Abad)", province="Fars")
    assert (found.status, found.province_iso) == ("unmatched", None)
    assert shipped.place("Kermanshah (Dizel Abad)", province="Kermanshah").prison_id == (
        "dizel-abad"
    )
    assert shipped.place("Khoramabad Parsilon", province="Tehran").status == "unmatched"


@pytest.mark.parametrize(
    ("name", "city"),
    [
        ("Kermanshah", "Kermanshah"),
        ("Kermanshah Prison", "Kermanshah"),
        ("Kermanshah city", "Kermanshah"),
        ("Kermanshah (city)", "Kermanshah"),
        ("Shiraz (Fars)", "Shiraz"),
        ("Mashhad (Iran)", "Mashhad"),
        ("Isfahan (public hanging)", "Isfahan"),
        ("Karaj (Alborz)", "Karaj"),
        ("Rasht, Gilan", "Rasht"),
        ("کرمانشاه", "Kermanshah"),
    ],
)
def test_a_town_with_no_facility_word_stays_the_town(
    shipped: Geocoder, name: str, city: str
) -> None:
    found = shipped.place(name)
    assert (found.status, found.kind, found.city, found.precision) == (
        "matched",
        "city",
        city,
        "city",
    )


def test_check_says_a_contradiction_and_places_the_facility(tmp_path: Path) -> None:
    folder = write_report(
        tmp_path / "r",
        "prison,executions\nShiraz (Dizel Abad),2\nKhoramabad Parsilon,3\n"
        "کرمانشاه (دیزل آباد),1\nDizel Abad Shiraz,1\n",
    )
    result = CliRunner().invoke(main, ["check", str(folder)])
    assert result.exit_code == 1
    out = result.stdout.replace(str(folder), "R").splitlines()
    why = (
        "is placed nowhere: the name gives Shiraz and a prison that lies elsewhere; they "
        "contradict each other; write the prison or the town the source means, give the row's "
        "city or province, or add lat and lon"
    )
    assert out == [
        f"R/prisons.csv:2: prison 'Shiraz (Dizel Abad)' {why}",
        f"R/prisons.csv:5: prison 'Dizel Abad Shiraz' {why}",
    ]


def test_geocode_prints_the_facility_and_notes_the_contradiction() -> None:
    names = "Kermanshah (Dizel Abad)\nخرم آباد پارسیلون\nShiraz (Dizel Abad)\n"
    result = CliRunner().invoke(main, ["geocode"], input=names)
    assert result.exit_code == 0
    rows = [line.split(",")[:5] for line in result.stdout.splitlines()[1:]]
    assert rows == [
        ["Kermanshah (Dizel Abad)", "matched", "100", "dizel-abad", "Dizel Abad Prison"],
        ["خرم آباد پارسیلون", "matched", "100", "parsilon", "Parsilon Prison"],
        ["Shiraz (Dizel Abad)", "unmatched", "0", "", ""],
    ]
    assert (
        "'Shiraz (Dizel Abad)' matched no place (the name gives Shiraz and a prison that lies "
        "elsewhere; they contradict each other)" in result.stderr
    )


@pytest.mark.parametrize(
    ("name", "city"),
    [
        ("Tehran Varamin", "Varāmīn"),
        ("Varamin Tehran", "Varāmīn"),
        ("ورامین تهران", "Varāmīn"),
        ("تهران ورامین", "Varāmīn"),
    ],
)
def test_a_town_beside_a_prisons_town_alias_is_the_town(
    shipped: Geocoder, name: str, city: str
) -> None:
    """ "Varamin" is an alias of Qarchak Women's Prison but names only the town: written beside
    its province it is still the town, with the prison as likely, never the facility."""
    found = shipped.place(name)
    assert (found.status, found.kind, found.city, found.precision) == (
        "matched",
        "city",
        city,
        "city",
    )
    if name.isascii():  # "Varamin" is the prison's alias, ورامین only the town's name
        assert found.likely == "Qarchak Women's Prison"


@pytest.mark.parametrize(
    "name", ["Qarchak Varamin", "Tehran Evin", "Evin Tehran", "Shiraz Adelabad"]
)
def test_a_prisons_own_name_beside_a_town_is_the_prison(shipped: Geocoder, name: str) -> None:
    assert shipped.place(name).kind == "prison"
