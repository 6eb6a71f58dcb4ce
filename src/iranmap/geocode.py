"""Names -> places, each answer with a status and a score. Never guesses silently.

Stage: a name (from a report row or a user) -> :class:`Match`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from iranmap.gazetteer import Precision

Status = Literal["matched", "ambiguous", "unmatched"]
Kind = Literal["prison", "city", "province"]

#: The columns of ``iranmap geocode`` output, in order.
GEOCODE_COLUMNS = (
    "query",
    "status",
    "score",
    "prison_id",
    "prison",
    "city",
    "province_iso",
    "province",
    "lat",
    "lon",
    "precision",
)


@dataclass(frozen=True)
class Match:
    """What a name resolved to.

    ``status`` is "matched" (one place), "ambiguous" (several; ``candidates`` names them and
    nothing else is filled) or "unmatched" (none). ``score`` is 0..100: 100 for an exact alias.
    """

    query: str
    status: Status
    score: float
    kind: Kind | None = None
    prison_id: str | None = None
    prison: str | None = None  # the prison's English name
    city: str | None = None
    province_iso: str | None = None
    province: str | None = None  # the province's English name
    lat: float | None = None
    lon: float | None = None
    precision: Precision | None = None
    candidates: tuple[str, ...] = ()
