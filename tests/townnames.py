"""Names of every town and prison of the shipped gazetteer, for the checks that no name read by
a naming rule lands in another province (tests/test_geocode_wrappers.py,
tests/test_geocode_parts.py)."""

from __future__ import annotations

from iranmap.gazetteer import load_gazetteer
from iranmap.geocode import Geocoder


def persian_towns() -> list[tuple[str, str]]:
    """(Persian name, province) of every town and prison of the gazetteer."""
    gazetteer = load_gazetteer()
    named = [(c.name_fa, c.province_iso) for c in gazetteer.cities if c.name_fa]
    named += [(n, c.province_iso) for c in gazetteer.cities for n in c.aliases if not n.isascii()]
    named += [(p.name_fa, p.province_iso) for p in gazetteer.prisons]
    return _one_province(named)


def _one_province(named: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``named`` without the names given to places of two provinces ("Tehran": also an alias
    of Tiran, Isfahan): a rule cannot place them, and their own names leave them in doubt."""
    provinces: dict[str, set[str]] = {}
    for name, iso in named:
        provinces.setdefault(name, set()).add(iso)
    return sorted({(name, iso) for name, iso in named if len(provinces[name]) == 1})


def latin_towns() -> list[tuple[str, str]]:
    """(Latin name, province) of every town and prison of the gazetteer."""
    gazetteer = load_gazetteer()
    named = [(n, c.province_iso) for c in gazetteer.cities for n in (c.name, *c.aliases)]
    named += [(n, p.province_iso) for p in gazetteer.prisons for n in (p.name_en, *p.aliases)]
    return _one_province([(name, iso) for name, iso in named if name.isascii()])


def placed_at_home(geocoder: Geocoder, named: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``named`` without the names the geocoder places elsewhere as written, before any rule
    here ("Tihran", an alias of Tiran in Isfahan, is Tehran): what a rule reads in them is
    theirs."""
    return [(name, iso) for name, iso in named if not elsewhere(geocoder, [(name, iso)])]


def elsewhere(geocoder: Geocoder, names: list[tuple[str, str]]) -> list[tuple[str, str | None]]:
    """The names of ``names`` placed in another province than the one beside them."""
    wrong = []
    for name, iso in names:
        match = geocoder.place(name)
        if match.status == "matched" and match.province_iso != iso:
            wrong.append((name, match.province_iso))
    return wrong


def where(match: object) -> tuple[object, ...]:
    """A match's status and province, as the checks compare them."""
    return tuple(getattr(match, field) for field in ("status", "province_iso"))


def in_turn(
    named: list[tuple[str, str]], wrappers: tuple[str, ...], each: int = 1
) -> list[tuple[str, str]]:
    """Each of ``named`` in ``each`` of ``wrappers`` (a format with one field), the next ones in
    turn: name i in wrappers i, i + 1, ... (modulo their number). Every name is read, and every
    wrapper with its share of every province's names, at a fraction of the cost of every name in
    every wrapper: a sweep of the naming rules over every town is some 10 ms a name, and the
    test run is to take minutes."""
    return [
        (wrappers[(at + step) % len(wrappers)].format(name), iso)
        for at, (name, iso) in enumerate(named)
        for step in range(each)
    ]
