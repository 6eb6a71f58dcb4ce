"""What a name resolved to (:class:`Match`), and how it is written out (CSV cells, sentences).

Also reads a list of names, one per line, for ``iranmap geocode``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from iranmap.errors import InputError
from iranmap.gazetteer import Precision
from iranmap.limits import MAX_NAME_CHARS

Status = Literal["matched", "ambiguous", "unmatched"]
Kind = Literal["prison", "city", "province"]
#: How a name matched: its place's own name ("exact"), one of its other names ("alias"), a
#: near spelling ("fuzzy", with its score), or the city a prison name stands in ("city": a
#: prison the gazetteer does not know, or several prisons of one city).
Method = Literal["exact", "alias", "fuzzy", "city"]
#: How exact a match's point is: a prison's own site ("facility"), its town's centre ("city"),
#: or no point at all ("province": a county's name, which says only which province).
MatchPrecision = Precision | Literal["province"]

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

    ``query`` is the name as written. ``status`` is "matched" (one place; ``kind`` says which
    sort, ``method`` how it matched, ``precision`` how exact its point is), "ambiguous"
    (several; ``candidates`` names them and no place field is filled) or "unmatched" (none;
    the place fields are empty and ``suggestions`` may name near misses). ``score`` is 0..100:
    100 for an exact name or alias, the fuzzy similarity of the keys otherwise. ``note`` says,
    in a sentence, anything a reader should know about the answer (why a prison's name was
    placed at its city, why a name was left unresolved).
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
    precision: MatchPrecision | None = None
    candidates: tuple[str, ...] = ()
    # For an unmatched name: the nearest names below the threshold, best first, to help a
    # person fix a spelling. Never used to place anything.
    suggestions: tuple[str, ...] = ()
    method: Method | None = None
    note: str | None = None
    #: For a name that names only a town ("Isfahan", "Shiraz Prison"): the gazetteer prison
    #: it most likely means. Never used to place anything; a report confirms it in a row's
    #: ``place`` column.
    likely: str | None = None
    #: How a rule read the name, where its words alone did not place it ("an unknown place of
    #: Shiraz"): shown by ``iranmap check`` for a person to confirm. None otherwise.
    reading: str | None = None
    #: Whether the name names a place of its town that the gazetteer does not know ("Shiraz
    #: Military Prison"): placed at the town, but a place of its own, not the town's others.
    own_place: bool = False

    def asked_as(self, query: str) -> Match:
        """This answer for ``query`` as written: itself where it already is, else a copy. The
        geocoder answers every name so, from answers it keeps."""
        return self if self.query == query else self._but(query=query)

    def as_place(self) -> Match:
        """This answer as the bare place it names (no query, method, note or score): the key
        the geocoder's index keeps places under."""
        return self._but(query="", score=100.0, method=None, note=None)

    def _but(self, **changes: object) -> Match:
        """A copy with ``changes``, made without ``__init__`` (a Match has no checks to run):
        ``dataclasses.replace`` does the same through ``__init__``, which showed as 5% of the
        naming checks' time for these two copies alone."""
        copy = object.__new__(Match)
        copy.__dict__.update(self.__dict__, **changes)
        return copy


_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True)
class Name:
    """One name of a names list, with the line it came from (for messages)."""

    line: int
    text: str


def read_names(data: bytes, path: str) -> tuple[Name, ...]:
    """The names of a list, one per line: blank lines skipped, a UTF-8 BOM and spaces stripped.

    Raises :class:`InputError` for bytes that are not UTF-8 (at the first such line, counting
    the others) and for a list with no name at all.
    """
    if data.startswith(_UTF16_BOMS):
        msg = "expected UTF-8 text, found UTF-16 (it starts with a UTF-16 byte order mark); "
        msg += "save the file as UTF-8"
        raise InputError.at(path, 1, msg)
    data = data.removeprefix(_UTF8_BOM)
    names: list[Name] = []
    bad: list[tuple[int, UnicodeDecodeError]] = []
    for number, raw in enumerate(data.splitlines(), start=1):
        try:
            text = raw.decode("utf-8").strip()
        except UnicodeDecodeError as exc:
            bad.append((number, exc))
            continue
        if len(text) > MAX_NAME_CHARS:
            msg = (
                f"the line is {len(text):,} characters long, more than a name may be "
                f"({MAX_NAME_CHARS:,}); give one name per line"
            )
            raise InputError.at(path, number, msg)
        if text:
            names.append(Name(number, text))
    if bad:
        number, error = bad[0]
        others = f" ({len(bad)} lines like this)" if len(bad) > 1 else ""
        msg = (
            f"expected UTF-8 text, found byte 0x{error.object[error.start]:02x} at byte "
            f"{error.start + 1} of the line{others}; save the file as UTF-8 (a spreadsheet's "
            "'CSV UTF-8', or: iconv -f WINDOWS-1256 -t UTF-8 FILE > FILE.utf8)"
        )
        raise InputError.at(path, number, msg)
    if not names:
        msg = "expected one name per line, found no name (the input is empty or blank); "
        msg += "give one prison, city or province name per line"
        raise InputError.at(path, None, msg)
    return tuple(names)


def csv_row(match: Match) -> tuple[str, ...]:
    """``match`` as the cells of :data:`GEOCODE_COLUMNS` (empty cells for missing values)."""
    values: dict[str, object] = {
        "query": match.query,
        "status": match.status,
        "score": f"{match.score:g}",
        "prison_id": match.prison_id,
        "prison": match.prison,
        "city": match.city,
        "province_iso": match.province_iso,
        "province": match.province,
        "lat": match.lat,
        "lon": match.lon,
        "precision": match.precision,
    }
    return tuple(
        "" if values[column] is None else str(values[column]) for column in GEOCODE_COLUMNS
    )


_COLUMNS = "a report row can also give its city or province column"


def explain(match: Match) -> str | None:
    """One sentence on why ``match`` placed nothing, with what to do; None for a match."""
    if match.status == "ambiguous":
        places = "; ".join(match.candidates)
        return (
            f"{match.query!r} can mean several places ({places}); write the one meant "
            f"({_COLUMNS} to tell them apart)"
        )
    if match.status == "unmatched":
        why = match.note or f"best score {match.score:g}"
        near = "; ".join(match.suggestions)
        hint = f"closest: {near}" if near else "check the spelling"
        return f"{match.query!r} matched no place ({why}); {hint} ({_COLUMNS} to place it)"
    return None
