"""Downloads beside the maps: the joined figures as CSV and GeoJSON, a build summary, images.

Every figure written here is the one the maps show, with its source line, so that a reader
can check a number without opening the report folder.

The CSV files are opened in spreadsheets, which run a cell that starts with ``=``, ``+``,
``-`` or ``@`` as a formula: every text cell starting so (or with a tab or carriage return)
is written with a leading ``'``, as OWASP advises against CSV injection. Numbers iranmap
writes itself (counts, shares, ranks, rates, coordinates) are numbers and stay as they are.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from typing import Any

from shapely.geometry import mapping

from iranmap import join
from iranmap._values import opt_int, opt_missing
from iranmap.i18n import LANGS, Lang
from iranmap.join import Joined
from iranmap.render import BuildOptions

PROVINCE_COLUMNS = (
    "iso",
    "name_en",
    "name_fa",
    "executions",
    "status",
    "share",
    "rank",
    "population",
    "per_million",
    "source",
)
#: The joined prisons' columns, with the point written out as lat and lon before the source.
PRISON_COLUMNS = (
    *(c for c in join.PRISON_COLUMNS if c not in ("source", "geometry")),
    "lat",
    "lon",
    "source",
)

#: Columns of the CSV downloads that hold numbers iranmap computed; every other one is text.
NUMBER_COLUMNS = frozenset(
    ("executions", "share", "rank", "population", "per_million", "lat", "lon", "score")
)
#: What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def data_files(joined: Joined) -> dict[str, bytes]:
    """The joined figures as ``provinces.csv``, ``prisons.csv`` and their GeoJSON twins: the
    downloads the pages link to (:data:`iranmap.render.page.DOWNLOADS`)."""
    province_rows = joined.province_rows
    prison_rows = joined.prison_rows
    provinces = [_province_record(row) for row in province_rows]
    prisons = [_prison_record(row) for row in prison_rows]
    return {
        "provinces.csv": csv_bytes(PROVINCE_COLUMNS, provinces),
        "prisons.csv": csv_bytes(PRISON_COLUMNS, prisons),
        "provinces.geojson": _geojson_bytes(provinces, [row["geometry"] for row in province_rows]),
        "prisons.geojson": _geojson_bytes(prisons, [row["geometry"] for row in prison_rows]),
    }


def summary(joined: Joined, files: Sequence[str]) -> dict[str, Any]:
    """What the gallery needs to list a report, and the list of files its build wrote."""
    report = joined.report
    return {
        "id": report.id,
        "title": report.title,
        "title_fa": report.title_fa,
        "publisher": report.publisher,
        "publisher_fa": report.publisher_fa,
        "calendar": report.calendar,
        "period": {"start": report.period_start.isoformat(), "end": report.period_end.isoformat()},
        "source": {
            "title": report.source_title,
            "title_fa": report.source_title_fa,
            "date": report.source_date.isoformat(),
            "url": report.source_url,
        },
        "revises": report.revises,
        "reconciliation": joined.reconciliation.to_dict(),
        "sentence": {
            "en": joined.reconciliation.sentence("en"),
            "fa": joined.reconciliation.sentence("fa"),
        },
        "files": sorted([*files, "summary.json"]),
    }


def static_images(joined: Joined, options: BuildOptions) -> dict[str, bytes]:
    """PNG and SVG images of the choropleth and the points map in each of the build's
    languages, and their 1200 x 630 cards for link previews (names: :func:`image_names`)."""
    from iranmap.render.static import render_images

    return render_images(joined, options)


def image_names(langs: Sequence[Lang] = LANGS) -> tuple[str, ...]:
    """The names of the files :func:`static_images` writes, sorted."""
    from iranmap.render.static import all_names

    return all_names(langs)


def _province_record(row: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "iso": row["iso"],
        "name_en": row["name_en"],
        "name_fa": row["name_fa"],
        "executions": opt_int(row["executions"]),
        "status": row["status"],
        "share": _round(row["share"], 4),
        "rank": opt_int(row["rank"]),
        "population": opt_int(row["population"]),
        "per_million": _round(row["per_million"], 2),
        "source": row["source"] or None,
    }


def _prison_record(row: Mapping[str, Any]) -> dict[str, Any]:
    point = row["geometry"]
    return {
        "place_id": row["place_id"],
        "name_en": row["name_en"],
        "name_fa": row["name_fa"],
        "city": row["city"],
        "city_fa": row["city_fa"],
        "province_iso": row["province_iso"],
        "province_en": row["province_en"],
        "province_fa": row["province_fa"],
        "executions": opt_int(row["executions"]),
        "share": _round(row["share"], 4),
        "rank": opt_int(row["rank"]),
        "precision": row["precision"],
        "as_reported": _text_or_none(row["as_reported"]),
        "match": _text_or_none(row["match"]),
        "score": _round(row["score"], 1),
        "note": _text_or_none(row.get("note")),
        "grade": _text_or_none(row.get("grade")),
        "lat": round(float(point.y), 5),
        "lon": round(float(point.x), 5),
        "source": row["source"],
    }


def _text_or_none(value: Any) -> str | None:
    return None if opt_missing(value) else str(value)


def _round(value: Any, digits: int) -> float | None:
    return None if opt_missing(value) else round(float(value), digits)


def csv_text(value: str) -> str:
    """A text cell a spreadsheet shows as text: ``'`` before a cell that looks like a formula."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def csv_bytes(columns: Sequence[str], records: Sequence[dict[str, Any]]) -> bytes:
    """UTF-8 CSV of ``records`` (``None`` is an empty cell), its text cells made inert."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    # The csv module quotes a field holding the line terminator ("\n") but not a lone "\r",
    # which readers take for the end of a row: a row holding one is written all quoted.
    quoted = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(columns)
    text = [c not in NUMBER_COLUMNS for c in columns]
    for record in records:
        cells = [
            _cell(record[column], is_text) for column, is_text in zip(columns, text, strict=True)
        ]
        has_cr = any(isinstance(cell, str) and "\r" in cell for cell in cells)
        (quoted if has_cr else writer).writerow(cells)
    return buffer.getvalue().encode("utf-8")


def _cell(value: Any, is_text: bool) -> Any:
    if opt_missing(value):
        return ""
    return csv_text(str(value)) if is_text else value


def _geojson_bytes(records: Sequence[dict[str, Any]], geometries: Sequence[Any]) -> bytes:
    features = [
        {"type": "Feature", "properties": record, "geometry": mapping(geometry)}
        for record, geometry in zip(records, geometries, strict=True)
    ]
    collection = {"type": "FeatureCollection", "features": features}
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    return (text + "\n").encode("utf-8")
