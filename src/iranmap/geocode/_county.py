"""Counties (shahrestan): a name that is only a county's says which province, and no more.

"Mamasani", "Delfan County", "Shahrestan-e Mamasani", "شهرستان ممسنی", "Contea di Mamasani" name
a county; the report did not say which of its towns, so the answer is the county's province
(kind and precision ``province``, no point), with the name kept as written. A county's name
that is also a town's or a prison's keeps what it names today (the town, the prison): this
rule only reads names no exact rule knows, before any near spelling is tried. Part of
:class:`~iranmap.geocode.Geocoder`.
"""

from __future__ import annotations

from collections import defaultdict

from iranmap.gazetteer import County, Province
from iranmap.geocode.index import PlaceIndex, ambiguous
from iranmap.geocode.match import Match
from iranmap.names import county_key, key

# Characters after which a name says where it is ("Mamasani (Fars)", "Delfan, Lorestan").
_QUALIFIER_START = "([,;/،؛"
_CONTRADICTION = "no county of this name lies in the town or province the name or row gives"


class CountyNames:
    """The counties of a gazetteer by the keys of their names; see the module's docstring."""

    def __init__(self, index: PlaceIndex, counties: tuple[County, ...]) -> None:
        self._index = index
        province_keys = {
            county_key(name)
            for province in index.provinces.values()
            for name in _province_names(province)
        }
        found: dict[str, dict[str, County]] = defaultdict(dict)
        for county in counties:
            for name in (county.name_en, county.name_fa, *county.aliases):
                name_key = county_key(name)
                # A province's name ("Tehran", "Kerman") is the province's, never a county's.
                if name_key and name_key not in province_keys:
                    found[name_key].setdefault(county.province_iso, county)
        self._counties = dict(found)

    def __contains__(self, name_key: str) -> bool:
        return name_key in self._counties

    def resolve(self, name: str, row_provinces: frozenset[str]) -> Match | None:
        """The province of the county ``name`` names, why it cannot be told, or None when
        ``name`` names no county (or names a town or prison too: those keep their answer).

        ``row_provinces`` (the provinces the row or the name's own qualifier gives) must hold
        the county's province; a county's name found in two provinces (or also the name of some
        other place of another province) is ambiguous unless they settle it.
        """
        head = name
        for mark in _QUALIFIER_START:
            head = head.split(mark, 1)[0]
        name_key = county_key(head)
        counties = self._counties.get(name_key)
        if not counties or name_key in self._index.entries or key(head) in self._index.entries:
            return None
        provinces = set(counties) | self._index.other_places.get(name_key, frozenset())
        if row_provinces:
            provinces &= row_provinces
            if not provinces:
                return Match(query="", status="unmatched", score=0.0, note=_CONTRADICTION)
        if len(provinces) > 1 or not provinces <= set(counties):
            return ambiguous(tuple(sorted(self._label(name_key, iso) for iso in provinces)), 100.0)
        county = counties[provinces.pop()]
        province = self._index.provinces[county.province_iso]
        own = {county_key(county.name_en), county_key(county.name_fa)}
        return Match(
            query="",
            status="matched",
            score=100.0,
            kind="province",
            province_iso=province.iso,
            province=province.name_en,
            precision="province",
            method="exact" if name_key in own else "alias",
            note=(
                f"{county.name_en} is a county of {province.name_en}; placed in the province, "
                "at none of its towns"
            ),
        )

    def _label(self, name_key: str, iso: str) -> str:
        province = self._index.province_name(iso) or iso
        county = self._counties[name_key].get(iso)
        if county is None:
            return f"a place of {province}"
        return f"{county.name_en} County ({province})"


def _province_names(province: Province) -> tuple[str, ...]:
    return (province.name_en, province.name_fa, *province.aliases)
