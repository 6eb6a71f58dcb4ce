"""A placement its own letters do not settle is refused where they are as near another province
(geocode/_rivals.py): unresolved is acceptable, wrong is not (issue 20)."""

from __future__ import annotations

from typing import Any

import pytest

from iranmap.geocode._rivals import NOTE
from iranmap.geocode.match import explain
from iranmap.names import parse_place


@pytest.mark.parametrize(
    ("name", "wrong"),
    [
        ("سجن کرمشان", "IR-08"),  # Kermashan (Kermanshah), one letter from Kerman's prison
        ("زندان کرمشان", "IR-08"),
        ("سجن ملاکان", "IR-01"),  # a slip of Malekan (East Azerbaijan), not Lakan Prison (Gilan)
        ("قئم شهر", "IR-25"),  # Qaem Shahr (Mazandaran) with a letter dropped, not Qom
        ("زندان قئم شهر", "IR-25"),
        ("زندان الهشتر", "IR-01"),  # Aleshtar (Lorestan) with a letter added, not Hashtpar
        ("زندان تیهران", "IR-23"),  # Tiran (Isfahan) with a letter added, not Tehran
        ("Malmair Prison", "IR-13"),  # Malamir (Khuzestan) swapped as near as Malayer (Hamadan)
    ],
)
def test_a_slip_as_near_another_province_is_left(geocoder: Any, name: str, wrong: str) -> None:
    match = geocoder.place(name)
    assert (match.status, match.province_iso, match.note) == ("unmatched", None, NOTE)
    assert match.province_iso != wrong


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        # local names, read as their town (geodata's local-names.csv and aliases)
        ("Kermashan", "IR-05"),
        ("Kirmaşan", "IR-05"),
        ("Kirmanşan", "IR-05"),
        ("کرماشان", "IR-05"),
        ("زندان کرماشان", "IR-05"),
        ("Selmas", "IR-04"),
        ("Sine", "IR-12"),
        ("سنه", "IR-12"),
        ("اورمیه", "IR-04"),
        ("Urmiye", "IR-04"),
        # slips no other province is as near: still placed
        ("Tarbiz", "IR-03"),
        ("Senendej", "IR-12"),
        ("Shirazu", "IR-07"),
        ("Kamaran", "IR-12"),
        ("meste Kúm", "IR-25"),
        ("قئمشهر", "IR-02"),
        ("سجن ملكان", "IR-03"),
    ],
)
def test_names_no_other_province_is_as_near_are_placed(geocoder: Any, name: str, iso: str) -> None:
    match = geocoder.place(name)
    assert (match.status, match.province_iso) == ("matched", iso)


def test_what_a_user_reads_of_a_refused_name(geocoder: Any) -> None:
    assert explain(geocoder.place("سجن ملاکان")) == (
        "'سجن ملاکان' matched no place (its letters are as near a place of another province as "
        "the one they were read as); check the spelling (a report row can also give its city "
        "or province column to place it)"
    )


@pytest.mark.parametrize(
    ("name", "province", "iso"),
    [
        ("سجن ملاکان", "Gilan", "IR-01"),  # the row's province settles it: Lakan Prison
        ("سجن کرمشان", "Kerman", "IR-08"),
        ("قئم شهر", "Mazandaran", "IR-02"),
        ("قئم شهر", "Qom", "IR-25"),
    ],
)
def test_the_province_of_the_row_settles_a_near_tie(
    geocoder: Any, name: str, province: str, iso: str
) -> None:
    match = geocoder.place(name, province=province)
    assert (match.status, match.province_iso) == ("matched", iso)


def _slip(name: str) -> str:
    """``name`` with the two letters after its middle swapped (or a middle letter dropped)."""
    at = len(name) // 2
    pair = name[at : at + 2]
    if len(pair) == 2 and pair.isalpha() and pair[0] != pair[1]:
        return name[:at] + name[at + 1] + name[at] + name[at + 2 :]
    return name[:at] + name[at + 1 :]


def test_no_slip_of_a_town_after_a_word_for_prison_lands_elsewhere(
    geocoder: Any, latin: list[tuple[str, str]], persian: list[tuple[str, str]]
) -> None:
    """Every fourth Latin and third Persian name of a town or prison of the gazetteer, with one
    slip, after a word for prison: none is placed in another province, unless the slip is
    itself a place's name."""
    named = [(f"{_slip(n)} Prison", iso) for n, iso in latin[::4]]
    named += [(f"سجن {_slip(n)}", iso) for n, iso in persian[::3]]
    wrong = []
    for name, iso in named:
        if geocoder.known(name) is not None or " " in parse_place(name).core:
            continue
        match = geocoder.place(name)
        if match.status == "matched" and match.province_iso != iso:
            wrong.append((name, match.province_iso))
    assert wrong == []
