"""Two joined reports -> what changed, province by province and prison by prison.

Stage: (:class:`iranmap.join.Joined` A, :class:`~iranmap.join.Joined` B) -> :class:`Diff`.

A figure that a report does not give is *not itemized*, never zero, and a comparison keeps it
so: a province not itemized in A and at 12 in B is **newly itemized**, not "+12", because
nothing says it was 0 in A. Only where both reports give a figure is there a difference
``B - A``. Prisons are matched by the place they landed on (``place_id``), so two spellings
of one prison compare as one.

The reported totals and the reconciliation of both reports are compared too: the map of a
report always answers "how much of the total is itemized", and so does its diff.

Comparing is only meaningful between reports of the same kind. What iranmap can see of that
is checked and becomes a :class:`Caveat` of the result, not an error (nor a Python warning;
the command line prints them): periods
of very different lengths, a B older than A, one report that itemizes no prison at all.
What it cannot see is the caller's to keep equal: two loads of events.csv with different
filters, or two publishers counting different things.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from iranmap._values import opt_int, opt_str
from iranmap.errors import InputError, Problem
from iranmap.join import Joined, join_folder

Status = Literal["unchanged", "changed", "newly_itemized", "no_longer_itemized", "not_itemized"]
RowKind = Literal["province", "prison"]
CaveatCode = Literal["period_length", "period_order", "no_prisons"]

#: The totals compared, in the order they are shown (the fields of a Reconciliation).
TOTALS = ("reported_total", "itemized_by_prison", "itemized_by_province", "not_itemized")

#: Periods whose lengths differ by more than this factor are not "the same kind" of report.
PERIOD_RATIO = 1.25


@dataclass(frozen=True)
class Change:
    """One province or prison in both reports; ``None`` means *not itemized* in that report.

    ``key`` is the province's ISO code or the prison's ``place_id``; ``province_iso`` is the
    province the row lies in (its own code for a province). ``source_a``/``source_b`` name the
    lines each figure comes from ("" where there is no figure).
    """

    kind: RowKind
    key: str
    name_en: str
    name_fa: str
    province_iso: str
    a: int | None
    b: int | None
    source_a: str = ""
    source_b: str = ""

    @property
    def difference(self) -> int | None:
        """``b - a`` where both reports give a figure, else None (no figure is not zero)."""
        if self.a is None or self.b is None:
            return None
        return self.b - self.a

    @property
    def status(self) -> Status:
        if self.a is None and self.b is None:
            return "not_itemized"
        if self.a is None:
            return "newly_itemized"
        if self.b is None:
            return "no_longer_itemized"
        return "unchanged" if self.a == self.b else "changed"

    @property
    def differs(self) -> bool:
        """A figure changed, appeared or disappeared."""
        return self.a != self.b

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (``iranmap diff --json``); ``null`` means not itemized."""
        head: dict[str, Any] = (
            {"iso": self.key}
            if self.kind == "province"
            else {"place_id": self.key, "province_iso": self.province_iso}
        )
        return {
            **head,
            "name_en": self.name_en,
            "name_fa": self.name_fa,
            "a": self.a,
            "b": self.b,
            "difference": self.difference,
            "status": self.status,
            "source_a": self.source_a,
            "source_b": self.source_b,
        }


@dataclass(frozen=True)
class TotalChange:
    """One total of the reconciliation (see :data:`TOTALS`) in both reports."""

    name: str
    a: int
    b: int

    @property
    def difference(self) -> int:
        return self.b - self.a


@dataclass(frozen=True)
class Caveat:
    """Why a difference between the two reports may mislead; ``message`` is for a reader.

    ``which`` names the report a caveat is about ("a" or "b"), where it is about one.
    """

    code: CaveatCode
    message: str
    which: Literal["a", "b"] | None = None


@dataclass(frozen=True)
class Diff:
    """Report A against report B.

    ``provinces``: all provinces, by ISO code. ``prisons``: every prison either report
    itemizes, by province ISO code then name. ``totals``: the reconciliation's totals, in the
    order of :data:`TOTALS`. ``a`` and ``b`` are the joined reports themselves (titles,
    periods, sources and polygons, for the change map).
    """

    a: Joined
    b: Joined
    provinces: tuple[Change, ...]
    prisons: tuple[Change, ...]
    totals: tuple[TotalChange, ...]
    caveats: tuple[Caveat, ...] = field(default=())

    @property
    def changed_provinces(self) -> tuple[Change, ...]:
        return tuple(c for c in self.provinces if c.differs)

    @property
    def changed_prisons(self) -> tuple[Change, ...]:
        return tuple(c for c in self.prisons if c.differs)

    @property
    def changed_totals(self) -> tuple[TotalChange, ...]:
        return tuple(t for t in self.totals if t.difference != 0)

    @property
    def same(self) -> bool:
        """No figure and no total differs (titles, periods and notes are not compared)."""
        return not (self.changed_provinces or self.changed_prisons or self.changed_totals)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: both reports, the totals, and only the rows that differ."""
        return {
            "a": _side(self.a),
            "b": _side(self.b),
            "same": self.same,
            "totals": {
                t.name: {"a": t.a, "b": t.b, "difference": t.difference} for t in self.totals
            },
            "provinces": [c.to_dict() for c in self.changed_provinces],
            "prisons": [c.to_dict() for c in self.changed_prisons],
            "caveats": [{"code": c.code, "message": c.message} for c in self.caveats],
        }


def _side(joined: Joined) -> dict[str, Any]:
    report = joined.report
    return {
        "report": report.id,
        "title": report.title,
        "period_start": report.period_start.isoformat(),
        "period_end": report.period_end.isoformat(),
        "reconciliation": joined.reconciliation.to_dict(),
    }


# ---------------------------------------------------------------------------------------------
# compare


def compare(a: Joined, b: Joined) -> Diff:
    """Every province, prison and total of ``a`` against ``b``, with the caveats found."""
    caveats = tuple(_caveats(a, b))
    return Diff(
        a=a,
        b=b,
        provinces=_province_changes(a, b),
        prisons=_prison_changes(a, b),
        totals=tuple(
            TotalChange(
                name,
                int(getattr(a.reconciliation, name)),
                int(getattr(b.reconciliation, name)),
            )
            for name in TOTALS
        ),
        caveats=caveats,
    )


def compare_folders(folder_a: Path, folder_b: Path) -> Diff:
    """Load, join and compare two report folders.

    Raises :class:`InputError` naming every problem of both reports, not only the first's.
    """
    joined: list[Joined] = []
    problems: list[Problem] = []
    for folder in (folder_a, folder_b):
        try:
            joined.append(join_folder(folder))
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    return compare(joined[0], joined[1])


@dataclass(frozen=True)
class _Cell:
    """One report's row of a place: names, province, figure and source."""

    name_en: str
    name_fa: str
    province_iso: str
    figure: int | None
    source: str


def _cells(records: Iterable[Mapping[str, Any]], key: str, province: str) -> dict[str, _Cell]:
    cells: dict[str, _Cell] = {}
    for record in records:
        figure = opt_int(record["executions"])
        cells[str(record[key])] = _Cell(
            name_en=str(record["name_en"]),
            name_fa=opt_str(record.get("name_fa")) or "",
            province_iso=opt_str(record[province]) or "",
            figure=figure,
            source=(opt_str(record.get("source")) or "") if figure is not None else "",
        )
    return cells


def _changes(
    kind: RowKind, cells_a: Mapping[str, _Cell], cells_b: Mapping[str, _Cell]
) -> list[Change]:
    changes = []
    for key in dict.fromkeys([*cells_a, *cells_b]):
        in_a, in_b = cells_a.get(key), cells_b.get(key)
        names = in_b or in_a
        assert names is not None  # the key came from one of them
        changes.append(
            Change(
                kind=kind,
                key=key,
                name_en=names.name_en,
                name_fa=names.name_fa or (in_a.name_fa if in_a else ""),
                province_iso=names.province_iso,
                a=in_a.figure if in_a else None,
                b=in_b.figure if in_b else None,
                source_a=in_a.source if in_a else "",
                source_b=in_b.source if in_b else "",
            )
        )
    return changes


def _province_changes(a: Joined, b: Joined) -> tuple[Change, ...]:
    cells_a = _cells(a.province_rows, "iso", "iso")
    cells_b = _cells(b.province_rows, "iso", "iso")
    return tuple(sorted(_changes("province", cells_a, cells_b), key=lambda c: c.key))


def _prison_changes(a: Joined, b: Joined) -> tuple[Change, ...]:
    cells_a = _cells(a.prison_rows, "place_id", "province_iso")
    cells_b = _cells(b.prison_rows, "place_id", "province_iso")
    changes = _changes("prison", cells_a, cells_b)
    return tuple(sorted(changes, key=lambda c: (c.province_iso, c.name_en, c.key)))


# ---------------------------------------------------------------------------------------------
# caveats


def period_days(joined: Joined) -> int:
    """How many days a report's period covers, both ends included."""
    report = joined.report
    return (report.period_end - report.period_start).days + 1


def _period(joined: Joined) -> str:
    report = joined.report
    start, end = report.period_start.isoformat(), report.period_end.isoformat()
    return start if start == end else f"{start}..{end}"


def _caveats(a: Joined, b: Joined) -> Iterable[Caveat]:
    days_a, days_b = period_days(a), period_days(b)
    if max(days_a, days_b) > PERIOD_RATIO * min(days_a, days_b):
        yield Caveat(
            "period_length",
            f"A covers {_days(days_a)} ({_period(a)}) and B {_days(days_b)} ({_period(b)}): "
            "a difference between periods of different lengths is not a change over time; "
            "compare reports of periods of the same length",
        )
    if b.report.period_end < a.report.period_start:
        yield Caveat(
            "period_order",
            f"B's period ({_period(b)}) ends before A's ({_period(a)}) begins: B - A runs "
            "backwards in time; swap the two reports to read the change forwards",
        )
    mapped_a, mapped_b = a.reconciliation.prisons_mapped, b.reconciliation.prisons_mapped
    if mapped_a == 0 and mapped_b > 0:
        yield Caveat("no_prisons", _no_prisons("A", "B", "newly"), "a")
    if mapped_b == 0 and mapped_a > 0:
        yield Caveat("no_prisons", _no_prisons("B", "A", "no longer"), "b")


def _no_prisons(without: str, other: str, how: str) -> str:
    return (
        f"{without} itemizes no prison, so every prison of {other} shows as {how} itemized; "
        "compare the provinces"
    )


def _days(count: int) -> str:
    return f"{count:,} day" if count == 1 else f"{count:,} days"
