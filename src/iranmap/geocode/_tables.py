"""What a :class:`~iranmap.geocode.Geocoder` reads names against, made once per gazetteer.

Making these tables reads every name of the gazetteer through the naming rules (about 0.9 s
for the shipped one); they depend on nothing else, so they are kept between runs
(:func:`iranmap._kept.kept`) under the gazetteer's records.
"""

from __future__ import annotations

from dataclasses import dataclass

from iranmap._kept import kept
from iranmap.gazetteer import Gazetteer
from iranmap.geocode._county import CountyNames
from iranmap.geocode.index import PlaceIndex
from iranmap.geocode.provinces import ProvinceNames, capital_names


@dataclass(frozen=True)
class Tables:
    """A gazetteer's place index, province names and county names."""

    index: PlaceIndex
    provinces: ProvinceNames
    counties: CountyNames


def tables_of(gazetteer: Gazetteer) -> Tables:
    """The tables of ``gazetteer``: read back if a run of this iranmap kept them, else made.
    Its records' repr says all they hold (every field is a string, a number or a tuple)."""
    return kept("geocoder", repr(gazetteer), Tables, lambda: made(gazetteer))


def made(gazetteer: Gazetteer) -> Tables:
    """New tables, with what the index otherwise builds on first use built now, so that tables
    read back answer as fast as those they were kept from."""
    index = PlaceIndex(gazetteer).complete()
    provinces = ProvinceNames(gazetteer.provinces, capital_names(index))
    return Tables(index, provinces, CountyNames(index, gazetteer.counties))
