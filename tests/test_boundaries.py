"""iranmap.boundaries: loading province polygons and finding the province of a point."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import shapely

from iranmap.boundaries import load_provinces, province_at
from iranmap.errors import GeodataError

REBUILD = "rebuild it with `make geodata` or reinstall iranmap"


def square(x: float, y: float, size: float = 1.0) -> list[list[list[float]]]:
    return [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]]


def feature(iso: str, coordinates: object, kind: str = "Polygon") -> dict[str, object]:
    return {
        "type": "Feature",
        "properties": {"iso": iso, "name_en": f"Name {iso}", "name_fa": f"نام {iso}"},
        "geometry": {"type": kind, "coordinates": coordinates},
    }


def write(folder: Path, features: list[dict[str, object]]) -> Path:
    """Two or more made-up provinces in a fresh provinces.geojson."""
    path = folder / "provinces.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")
    return path


@pytest.fixture
def boxes(tmp_path: Path) -> Path:
    """IR-02 (listed first) and IR-01 side by side, sharing the border x = 51."""
    write(tmp_path, [feature("IR-02", square(51, 35)), feature("IR-01", square(50, 35))])
    return tmp_path


# -- the shipped file -----------------------------------------------------------------------


def test_shipped_provinces_have_the_promised_shape() -> None:
    frame = load_provinces()
    assert list(frame.columns) == ["iso", "name_en", "name_fa", "geometry"]
    assert all(g.geom_type in ("Polygon", "MultiPolygon") for g in frame["geometry"])
    west, south, east, north = shapely.total_bounds(frame["geometry"].to_numpy())
    assert 44 < west < east < 64 and 25 < south < north < 40  # longitude/latitude, not metres
    assert list(frame["iso"]) == sorted(frame["iso"])
    assert len(frame) == 31
    assert list(frame.index) == list(range(31))


@pytest.mark.parametrize(
    ("lon", "lat", "iso"),
    [
        (51.42151, 35.69439, "IR-23"),  # Tehran
        (52.53113, 29.61031, "IR-07"),  # Shiraz
        (50.99155, 35.83266, "IR-30"),  # Karaj
        (59.60567, 36.29807, "IR-09"),  # Mashhad
        (45.07605, 37.55274, "IR-04"),  # Urmia
    ],
)
def test_province_at_finds_cities_in_their_provinces(lon: float, lat: float, iso: str) -> None:
    assert province_at(lon, lat) == iso


@pytest.mark.parametrize(
    ("lon", "lat"), [(0.0, 0.0), (44.4, 33.3), (52.0, 27.0), (float("nan"), 35.0)]
)
def test_province_at_outside_iran_is_none(lon: float, lat: float) -> None:
    """Greenwich, Baghdad, the Persian Gulf, and a missing coordinate."""
    assert province_at(lon, lat) is None


def test_a_returned_frame_can_be_changed_without_harm() -> None:
    first = load_provinces()
    first.loc[0, "name_en"] = "changed"
    first.loc[1, "iso"] = "IR-99"
    second = load_provinces()
    assert second.loc[0, "name_en"] == "Markazi"
    assert second.loc[1, "iso"] == "IR-01"


# -- a made-up folder -----------------------------------------------------------------------


def test_a_folder_is_read_and_sorted_by_iso(boxes: Path) -> None:
    frame = load_provinces(boxes)
    assert list(frame["iso"]) == ["IR-01", "IR-02"]
    assert list(frame["name_fa"]) == ["نام IR-01", "نام IR-02"]
    assert frame["geometry"][0].bounds == (50.0, 35.0, 51.0, 36.0)


def test_on_a_shared_border_the_smaller_code_wins(boxes: Path) -> None:
    assert province_at(51.0, 35.5, folder=boxes) == "IR-01"
    assert province_at(51.5, 35.5, folder=boxes) == "IR-02"
    assert province_at(49.5, 35.5, folder=boxes) is None


def test_an_edited_file_is_read_again(boxes: Path) -> None:
    assert len(load_provinces(boxes)) == 2
    path = write(boxes, [feature("IR-05", square(40, 30))])
    os.utime(path, ns=(1, 1))  # a different modification time, whatever the clock says
    assert list(load_provinces(boxes)["iso"]) == ["IR-05"]
    assert province_at(40.5, 30.5, folder=boxes) == "IR-05"


def test_multipolygons_are_read(tmp_path: Path) -> None:
    write(tmp_path, [feature("IR-22", [square(55, 26, 0.1), square(56, 27)], "MultiPolygon")])
    assert province_at(55.05, 26.05, folder=tmp_path) == "IR-22"


# -- errors ---------------------------------------------------------------------------------


def test_a_missing_file_says_where_and_how_to_fix(tmp_path: Path) -> None:
    with pytest.raises(GeodataError) as caught:
        load_provinces(tmp_path)
    assert str(caught.value) == f"{tmp_path / 'provinces.geojson'}: file not found; {REBUILD}"


def test_broken_json_gives_the_line(tmp_path: Path) -> None:
    path = tmp_path / "provinces.geojson"
    path.write_text('{"type": "FeatureCollection",\n "features": [}\n', encoding="utf-8")
    with pytest.raises(GeodataError) as caught:
        load_provinces(tmp_path)
    assert str(caught.value) == (
        f"{path}:2: not valid JSON (Expecting value, column 15); {REBUILD}"
    )


def test_not_a_feature_collection(tmp_path: Path) -> None:
    path = tmp_path / "provinces.geojson"
    path.write_text('{"type": "Feature"}', encoding="utf-8")
    with pytest.raises(GeodataError) as caught:
        load_provinces(tmp_path)
    assert str(caught.value) == (
        f"{path}: expected a GeoJSON FeatureCollection, found 'Feature'; {REBUILD}"
    )


def test_a_missing_property_names_the_feature(tmp_path: Path) -> None:
    bad = feature("IR-02", square(51, 35))
    del bad["properties"]["name_fa"]  # type: ignore[attr-defined]
    path = write(tmp_path, [feature("IR-01", square(50, 35)), bad])
    with pytest.raises(GeodataError) as caught:
        load_provinces(tmp_path)
    assert str(caught.value) == (
        f"{path}: feature 2 has no text property 'name_fa' (found None; "
        f"properties ['iso', 'name_en']); {REBUILD}"
    )


def test_a_point_is_not_a_province(tmp_path: Path) -> None:
    path = write(tmp_path, [feature("IR-01", [51.0, 35.0], "Point")])
    with pytest.raises(GeodataError) as caught:
        load_provinces(tmp_path)
    assert str(caught.value) == (
        f"{path}: feature 1 (IR-01): expected a Polygon or MultiPolygon, found 'Point'; {REBUILD}"
    )


def test_a_repeated_code_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, [feature("IR-01", square(50, 35)), feature("IR-01", square(51, 35))])
    with pytest.raises(GeodataError) as caught:
        load_provinces(tmp_path)
    assert str(caught.value) == f"{path}: province codes repeated: ['IR-01']; {REBUILD}"
