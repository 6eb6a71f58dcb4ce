"""A placement its own letters do not settle, refused where they are as near another province.

A name no exact key reaches is placed by a near spelling (a fuzzy score, a transliteration
variant, a slip read by :mod:`._near`) or by a rule that reads it otherwise (a word dropped, a
vowel read without its letter). Each of those decides among the places it compares: a name that
says "prison" among the prisons, a rule among the forms it reads. A town of another province
nearer in spelling is then never a rival: "سجن ملاکان" (a slip of Malekan, East Azerbaijan) was
Lakan Prison (Gilan), "سجن کرمشان" (Kermashan, Kermanshah's Kurdish name) Kerman, "قئم شهر" (Qaem
Shahr, Mazandaran) Qom. So a name placed so is compared once more, as written, with every name
the index knows: towns and prisons, and the places it knows only by name (villages, counties,
provinces). It is left unresolved (unresolved is acceptable, wrong is not) where a place of
another province is as near, or nearly as near:

- a near spelling (a score under 100): a key of another province scores within half the margin
  of the best key of the answer's province, or is as few slips away (optimal string alignment:
  a swap of neighbours is one slip, "malmair" from Malamir as from Malair);
- a name read by a rule (a score of 100): a key of a town or prison of another province scores
  the threshold (one slip) and at least as much as any key of the answer's province ("قیمشهر":
  قایمشهر, 92.3); a village is no rival of a known sound ("Zanyán", Spanish y for j: Zanjan,
  not the village Zangian).

A name that is exactly a key (of a place, or of a place known by name) is not a slip and is let
be, as is an answer in a province the name or its row gives (that settles it). Measured with
one-letter slips (dropped, added, doubled, swapped, a letter like it) of every town's and
prison's names, alone and after a word for prison, 69,081 names: 125 in another province
before, 79 after, 78 of them slips that are exactly another place's name or its known sound
("قشم" without ش is قم, Qom), which no rule can tell from a slip; 44,979 in the right province
before, 44,183 after. No held-out name changed.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from iranmap.geocode._near import MIN_SLIP_KEY
from iranmap.geocode._reach import keys_of_length
from iranmap.geocode.index import PlaceIndex
from iranmap.geocode.match import Match
from iranmap.names import PlaceName

#: How many nearest keys of each kind are looked at for a rival.
_RIVALS = 10
_FAR = 3  # (more slips than any rival is looked for)
#: Why such a name placed nothing (it names no place: a note must not point elsewhere).
NOTE = "its letters are as near a place of another province as the one they were read as"


def settled_or_refused(
    index: PlaceIndex,
    parsed: PlaceName,
    answer: Match,
    rows: frozenset[str],
    *,
    threshold: float,
    margin: float,
) -> Match:
    """``answer``, or an unresolved answer where ``parsed``'s letters are as near (see the
    module) a place of another province than the answer's and the ``rows``' provinces."""
    core = parsed.core
    if (
        answer.status != "matched"
        or answer.method in ("exact", "alias")  # a name read exactly, by a rule
        or not core
        or core in index.entries
        or core in index.other_places
        or answer.province_iso in rows
    ):
        return answer
    home = answer.province_iso
    cutoff = threshold - margin / 2
    own, rival = 0.0, 0.0
    own_slips, rival_slips = _FAR, _FAR  # fewest slips (OSA distance) to a key of each
    # A rule's reading is a known sound ("Zanyán": Spanish y for j), rivalled only by towns and
    # prisons; a near spelling by villages, counties and provinces too.
    kinds = ("places",) if answer.score >= 100 else ("places", "other places")
    # (a rule's reading is refused only by a rival at the threshold or above: keys below it
    # are not compared, the same answer sooner)
    floor = threshold if answer.score >= 100 else threshold - margin
    for which in kinds:
        keys = keys_of_length(index, which, len(core), floor)
        hits = process.extract(
            core, keys, scorer=fuzz.ratio, processor=None, limit=_RIVALS, score_cutoff=floor
        )
        for _, score, at in hits:
            slips = OSA.distance(core, keys[at], score_cutoff=2)
            if _elsewhere(index, which, keys[at], home):
                rival = max(rival, float(score) if score >= cutoff else 0.0)
                rival_slips = min(rival_slips, slips)
            else:
                own = max(own, float(score))
                own_slips = min(own_slips, slips)
    if answer.score >= 100:  # read by a rule (a sound, a word): a rival one slip away, as near
        refused = rival >= max(threshold, own)
    else:  # a near spelling: a rival nearly as near, or as few slips away (a swap is one)
        one_slip = len(core) >= MIN_SLIP_KEY and rival_slips <= own_slips <= 1
        refused = rival >= max(cutoff, own - margin / 2) or one_slip
    if refused:
        return Match(query=answer.query, status="unmatched", score=answer.score, note=NOTE)
    return answer


def _elsewhere(index: PlaceIndex, which: str, name_key: str, home: str | None) -> bool:
    """Whether the key ``name_key`` of ``which`` places names a place outside ``home``."""
    entry = index.entries.get(name_key)
    places = () if entry is None else entry.places
    if any(p.province_iso == home for p in places):
        return False  # a key of the answer's own place (or a namesake of it): no spelling
    isos = {p.province_iso for p in places} | set(index.other_places.get(name_key, ()))
    isos.discard(home)
    return bool(isos)
