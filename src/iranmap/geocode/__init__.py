"""Names -> places, each answer with a status, a score and how it matched. Never guesses.

Stage: a name (from a report row or a user) -> :class:`Match`. :mod:`.match` holds the answer
and its written forms, :mod:`.index` the indexes built from a gazetteer, :mod:`.geocoder` the
rules that read a name against them.
"""

from __future__ import annotations

from iranmap.geocode._bounds import ruled_out
from iranmap.geocode._facility import contradicts
from iranmap.geocode._near import read_name
from iranmap.geocode._readings import only_province
from iranmap.geocode.geocoder import DEFAULT_MARGIN, DEFAULT_THRESHOLD, ISO_SCHEMES, Geocoder
from iranmap.geocode.match import (
    GEOCODE_COLUMNS,
    Kind,
    Match,
    Method,
    Name,
    Status,
    csv_row,
    explain,
    read_names,
)

__all__ = [
    "DEFAULT_MARGIN",
    "DEFAULT_THRESHOLD",
    "GEOCODE_COLUMNS",
    "ISO_SCHEMES",
    "Geocoder",
    "Kind",
    "Match",
    "Method",
    "Name",
    "Status",
    "contradicts",
    "csv_row",
    "explain",
    "only_province",
    "read_name",
    "read_names",
    "ruled_out",
]
