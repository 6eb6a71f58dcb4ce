"""The gazetteer and the geocoder's tables, kept between runs (iranmap._kept, paths.cache_dir)."""

from __future__ import annotations

import csv
import pickle
from dataclasses import replace
from pathlib import Path

import pytest

import iranmap._kept as kept
import iranmap.gazetteer
from iranmap.gazetteer import Gazetteer, load_gazetteer
from iranmap.geocode import Geocoder
from iranmap.geocode._tables import Tables
from iranmap.geocode.index import PlaceIndex
from iranmap.paths import CACHE_VARIABLE, cache_dir

DATA = Path(__file__).resolve().parent / "data" / "geocode"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(CACHE_VARIABLE, str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def kept_files(folder: Path, kind: str = "geocoder") -> list[Path]:
    return sorted(folder.glob(f"{kind}-*{kept.SUFFIX}"))


def tables_file(folder: Path, gazetteer: Gazetteer) -> Path:
    return folder / f"geocoder-{kept.digest(repr(gazetteer))}{kept.SUFFIX}"


def no_building(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> None:
        raise AssertionError("the index was built, not read back")

    monkeypatch.setattr(PlaceIndex, "__init__", refuse)


def names() -> list[tuple[str, str]]:
    """(column, name) of every held-out name: what the geocoder is asked in earnest."""
    found = []
    for path in sorted(DATA.glob("*-names.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(line for line in handle if not line.startswith("#")):
                found.append((row.get("column", "place"), row["name"]))
    return found


def answers(geocoder: Geocoder) -> list[object]:
    return [
        geocoder.province(name) if column == "province" else geocoder.place(name)
        for column, name in names()[::3]
    ]


def test_an_index_kept_answers_as_one_built(
    folder: Path, gazetteer: Gazetteer, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = Geocoder(gazetteer)
    assert kept_files(folder) == [tables_file(folder, gazetteer)]
    no_building(monkeypatch)
    read_back = Geocoder(gazetteer)
    assert len(names()[::3]) > 800  # every third held-out name: each costs two fresh geocoders
    assert answers(read_back) == answers(built)


def test_another_gazetteer_or_other_code_is_another_index(
    folder: Path, gazetteer: Gazetteer, monkeypatch: pytest.MonkeyPatch
) -> None:
    Geocoder(gazetteer)
    fewer = replace(gazetteer, prisons=gazetteer.prisons[1:])
    assert tables_file(folder, fewer) != tables_file(folder, gazetteer)
    assert Geocoder(fewer).place(gazetteer.prisons[0].name_en).prison != (
        gazetteer.prisons[0].name_en
    )
    assert len(kept_files(folder)) == 2
    before = tables_file(folder, gazetteer)
    monkeypatch.setattr(kept, "code_digest", lambda: "an edited rule")
    assert tables_file(folder, gazetteer) != before


@pytest.mark.parametrize(
    "content",
    [b"", b"not a pickle", pickle.dumps({"a": "dict"}), pickle.dumps(Geocoder)[:20]],
    ids=["empty", "garbage", "foreign", "truncated"],
)
def test_a_damaged_or_foreign_file_is_built_anew(
    folder: Path, gazetteer: Gazetteer, content: bytes
) -> None:
    folder.mkdir(parents=True)
    path = tables_file(folder, gazetteer)
    path.write_bytes(content)
    assert Geocoder(gazetteer).place("Qezelhessar").prison == "Ghezel Hesar Prison"
    assert isinstance(pickle.loads(path.read_bytes()), Tables)


def test_nowhere_to_keep_it_is_no_error(
    tmp_path: Path, gazetteer: Gazetteer, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv(CACHE_VARIABLE, str(blocked / "cache"))
    assert Geocoder(gazetteer).place("Evin").prison == "Evin Prison"
    monkeypatch.setenv(CACHE_VARIABLE, "")
    assert cache_dir() is None
    assert Geocoder(gazetteer).place("Evin").prison == "Evin Prison"
    assert list(tmp_path.iterdir()) == [blocked]


def test_what_is_quicker_to_make_than_worth_keeping_is_not_kept(
    folder: Path, gazetteer: Gazetteer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kept, "WORTH_KEEPING", 5.0)  # a small gazetteer's tables: 1 ms
    small = Gazetteer(gazetteer.provinces, gazetteer.prisons[:3], ())
    assert Geocoder(small).place(small.prisons[0].name_en).status == "matched"
    assert kept_files(folder) == []


def test_the_oldest_beyond_keep_are_removed(
    folder: Path, gazetteer: Gazetteer, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder.mkdir(parents=True)
    for number in range(kept.KEEP + 3):
        (folder / f"geocoder-{number:064x}{kept.SUFFIX}").write_bytes(b"old")
    (folder / f"gazetteer-{0:064x}{kept.SUFFIX}").write_bytes(b"another kind")
    (folder / "something-else.txt").write_text("not ours")
    Geocoder(gazetteer)
    found = kept_files(folder)
    assert len(found) == kept.KEEP
    assert tables_file(folder, gazetteer) in found
    assert (folder / f"gazetteer-{0:064x}{kept.SUFFIX}").exists()
    assert (folder / "something-else.txt").exists()
    assert not list(folder.glob(".*"))  # no temporary file left behind


def test_the_cache_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(CACHE_VARIABLE)
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "iranmap"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    assert cache_dir() == tmp_path / ".cache" / "iranmap"
    monkeypatch.setattr("sys.platform", "darwin")
    assert cache_dir() == tmp_path / "Library" / "Caches" / "iranmap"
    monkeypatch.setattr("sys.platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    assert cache_dir() == tmp_path / "local" / "iranmap" / "Cache"
    monkeypatch.setenv(CACHE_VARIABLE, str(tmp_path / "mine"))
    assert cache_dir() == tmp_path / "mine"


def test_the_gazetteer_is_kept_until_its_files_change(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    geodata = tmp_path / "geodata"
    geodata.mkdir()
    for name in ("provinces", "prisons", "cities", "places", "counties"):
        source = Path(iranmap.gazetteer.geodata_dir()) / f"{name}.csv"
        (geodata / f"{name}.csv").write_bytes(source.read_bytes())
    made = load_gazetteer(geodata)
    assert len(kept_files(folder, "gazetteer")) == 1
    iranmap.gazetteer._load.cache_clear()
    real = iranmap.gazetteer._read_files

    def refuse(_: Path) -> Gazetteer:
        raise AssertionError("the gazetteer was read, not read back")

    monkeypatch.setattr(iranmap.gazetteer, "_read_files", refuse)
    assert load_gazetteer(geodata) == made
    prisons = geodata / "prisons.csv"
    prisons.write_text(
        prisons.read_text(encoding="utf-8").replace("Evin Prison", "Evin House of Detention"),
        encoding="utf-8",
    )
    iranmap.gazetteer._load.cache_clear()
    monkeypatch.setattr(iranmap.gazetteer, "_read_files", real)
    names = {p.name_en for p in load_gazetteer(geodata).prisons}
    assert "Evin House of Detention" in names
    assert "Evin Prison" not in names
    assert len(kept_files(folder, "gazetteer")) == 2
