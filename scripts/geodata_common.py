"""Helpers shared by the geodata build scripts: errors, CSV reading and writing, name folding."""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = Path(__file__).resolve().parent / "geodata-sources"
# Source files too large to curate by hand (boundaries, land outline) live with the data.
DATA_SOURCES = ROOT / "geodata" / "sources"

# A conformal projection centred on Iran, for distances in metres.
IRAN_LCC = "+proj=lcc +lat_1=28 +lat_2=38 +lat_0=32 +lon_0=54 +datum=WGS84 +units=m +no_defs"
# An equal-area projection centred on Iran, for areas in square metres.
IRAN_AEA = "+proj=aea +lat_1=28 +lat_2=38 +lat_0=32 +lon_0=54 +datum=WGS84 +units=m +no_defs"


class BuildError(Exception):
    """Something in the sources or the result breaks a promise of the data; nothing is written."""


def fold(text: str) -> str:
    """Case- and accent-insensitive form used to compare names (not the program's matcher)."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().replace("\u200c", " ").split())


def ascii_fold(text: str) -> str:
    """Latin text without diacritics and with GeoNames' ayn/hamza marks removed."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    for mark in ("\u2018", "\u2019", "`", "\u02bf", "\u02be"):
        bare = bare.replace(mark, "")
    return bare


def unique(names: Iterable[str]) -> list[str]:
    """Names in first-seen order, without empties and case duplicates.

    Spellings that differ only by accents or by a zero-width non-joiner are all kept: each is
    a string a report may use verbatim.
    """
    seen: set[str] = set()
    kept: list[str] = []
    for name in names:
        name = " ".join(name.split())
        key = unicodedata.normalize("NFC", name).casefold()
        if name and key not in seen:
            seen.add(key)
            kept.append(name)
    return kept


def split_pipes(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def read_curated(path: Path) -> list[dict[str, str]]:
    """A hand-curated CSV: ``#`` lines are provenance notes, the rest is a plain CSV."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines))


def write_csv(path: Path, columns: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)


def fmt(value: float, decimals: int = 5) -> str:
    """Shortest text of a rounded coordinate (``51.42151``, ``35.8``)."""
    return repr(round(float(value), decimals))


def is_persian(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


def is_clean_latin(name: str) -> bool:
    """Latin letters, spaces, hyphens and apostrophes only (rejects mojibake like 'T‚h‚ran')."""
    if not name or not name[0].isupper():
        return False
    return all(ch.isascii() and (ch.isalpha() or ch in " -'") for ch in ascii_fold(name))
