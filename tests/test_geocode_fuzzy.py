"""The fuzzy search (iranmap.geocode._fuzzy) and the province names' (geocode.provinces): the
naming rules' quicker search of other readings of a name answers as comparing every key does,
whatever order names are read in."""

from __future__ import annotations

import csv
from pathlib import Path

from iranmap.gazetteer import load_gazetteer
from iranmap.geocode import Geocoder

DATA = Path(__file__).resolve().parent / "data" / "geocode"


def names_to_read(latin: list[tuple[str, str]], persian: list[tuple[str, str]]) -> list[str]:
    """Names that send the rules through many other readings: held-out names as printed, and
    towns in wrappers of several languages, with case endings and near misses."""
    names = []
    for path in (DATA / "heldout-names.csv", DATA / "heldout2-names.csv"):
        with path.open(encoding="utf-8") as rows:
            names += [r["name"] for r in csv.DictReader(r for r in rows if not r.startswith("#"))]
    for name, _ in latin[::37]:
        names += [f"{name}in zindanı", f"{name}'daki cezaevinde", f"więzieniu w {name}ie"]
        names += [f"bajarê {name.replace('a', 'e')}ê", f"{name[:-1]} Prison, Fars Province"]
        # a near miss met first as another name's reading ("X'daki cezaevi": X cezaevi), then
        # asked for itself
        names += [f"{name[:-1]}xdaki cezaevi", f"{name[:-1]}x cezaevi"]
    for name, _ in persian[::37]:
        names += [f"سجن {name}", f"{name}ده", f"زندان {name[:-1]}", f"{name} جیل"]
    return names


def test_a_name_first_read_as_another_names_reading_is_answered_in_full(
    latin: list[tuple[str, str]], persian: list[tuple[str, str]]
) -> None:
    """The rules read a name's other forms only for what they place, and keep those answers
    apart from the answers to names asked for: a name first met as another name's reading
    (names read in the opposite order) is answered as if met first, near misses included."""
    gazetteer = load_gazetteer()
    forwards, backwards = Geocoder(gazetteer), Geocoder(gazetteer)
    names = names_to_read(latin, persian)
    assert len(names) > 500
    expected = [forwards.place(name) for name in names]
    assert [backwards.place(name) for name in reversed(names)] == expected[::-1]
    assert sum(m.status == "unmatched" and bool(m.suggestions) for m in expected) > 20


def test_a_search_without_detail_places_what_a_full_one_does(monkeypatch) -> None:
    """For every sort of near miss of the index's keys (cut, lengthened, a letter changed, near
    two places at once), searched as a name and as a prison's: a search without detail gives the
    full search's answer wherever that places a name or finds it in doubt, and leaves unplaced
    what it leaves unplaced. A transliteration variant's rivals, compared only where their
    length lets them come near, are the rivals of comparing every key."""
    from iranmap.geocode import _fuzzy
    from iranmap.names import PlaceName

    geocoder = Geocoder(load_gazetteer())
    keys = geocoder._index.keys
    names = [k[:-1] for k in keys[::7] if len(k) > 5] + [k + "i" for k in keys[::11]]
    names += [k[:2] + "x" + k[3:] for k in keys[::13] if len(k) > 6] + [k[1:] for k in keys[::17]]
    full, rough = _fuzzy.FuzzyKeys(geocoder._index, 90.0, 10.0), geocoder._fuzzy
    outcomes = []
    for name in names:
        for prison in (False, True):
            parsed = PlaceName(name, (), prison, (name,))
            answer = full.search(parsed)
            quick = rough.search(parsed, detail=False)
            assert quick == answer or quick.status == answer.status == "unmatched", name
            outcomes.append(answer.status)
    assert outcomes.count("ambiguous") > 20 and outcomes.count("matched") > 100
    variants = [rough.variant(PlaceName(name, (), False, (name,))) for name in names]
    # every key, with no score left out: the rivals as they were found before
    monkeypatch.setattr(_fuzzy, "keys_of_length", lambda index, which, *_: full._keys(which))
    extract = _fuzzy.process.extract
    monkeypatch.setattr(
        _fuzzy.process, "extract", lambda *args, score_cutoff=None, **kw: extract(*args, **kw)
    )
    assert [full.variant(PlaceName(name, (), False, (name,))) for name in names] == variants
    assert sum(v is not None for v in variants) > 20


def test_a_province_read_without_detail_is_the_province_read_with_it() -> None:
    """Near misses of every province key (cut, lengthened, a letter changed) read without
    detail, as the naming rules read them: the answer of a full reading wherever that places
    the name or finds it in doubt; unplaced where that leaves it unplaced."""
    provinces = Geocoder(load_gazetteer())._province_names
    keys = provinces._keys
    names = [k[:-1] for k in keys[::3]] + [k + "an" for k in keys[::5]] + [k[1:] for k in keys[::4]]
    names += [k[:3] + "q" + k[4:] for k in keys[::3] if len(k) > 5]
    outcomes = []
    for name in names:
        answer = provinces.resolve(name, "2020")
        quick = provinces.resolve(name, "2020", detail=False)
        assert quick == answer or quick.status == answer.status == "unmatched", name
        outcomes.append(answer.status)
    assert outcomes.count("matched") > 100 and outcomes.count("unmatched") > 20
