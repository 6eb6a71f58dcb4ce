"""The prison layer: proportional circles, their size key and their table.

Circle *area* is proportional to the count (radius grows with the square root), the way a
reader compares circles. Circles are drawn largest first, so a small prison next to a large
one stays on top and can be hovered.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from iranmap import i18n, style
from iranmap._values import opt_float, opt_int, opt_str
from iranmap.i18n import Lang
from iranmap.join import Joined, identified
from iranmap.render import _lang
from iranmap.render.geo import latlng
from iranmap.render.html import Html, data_table, lang_span, tag

MAX_RADIUS = style.MAX_RADIUS
MIN_RADIUS = style.MIN_RADIUS
FILL = style.CIRCLE_FILL
STROKE = style.CIRCLE_STROKE


@dataclass(frozen=True)
class PrisonRow:
    """One mapped place as every part of the page shows it."""

    place_id: str
    name_en: str
    name_fa: str
    city: str | None
    city_fa: str | None
    province_en: str | None
    province_fa: str | None
    executions: int
    share: float | None
    rank: int | None
    precision: str  # "facility" or "city"
    source: str | None
    lat: float
    lon: float
    as_reported: str = ""  # the name(s) the report printed
    identified: bool = False  # the facility is the monitor's identification (place column)
    note: str = ""  # the report's own words about the row (a quote of the source)

    @property
    def at_site(self) -> bool:
        """Whether the circle stands at the prison's own site (else at its city's centre)."""
        return self.precision == "facility"

    grade: str | None = None  # how the figure is known (iranmap.reports.GRADES), if given

    def city_in(self, lang: Lang) -> tuple[str, Lang]:
        """The city as a page in ``lang`` shows it, and the language that name is in.

        A Persian page falls back to the English name where the gazetteer has no Persian
        one; the caller marks it as English.
        """
        return _lang.own(lang, self.city, self.city_fa)


def circle_radius(executions: int, largest: int) -> float:
    """A circle's radius in pixels, its area in proportion to ``executions`` against the
    ``largest`` figure drawn beside it (never under MIN_RADIUS, so it can still be hovered).
    The page's script sizes circles the same way (``radius`` in iranmap.js)."""
    if largest <= 0:
        return MIN_RADIUS
    return round(max(MIN_RADIUS, MAX_RADIUS * math.sqrt(executions / largest)), 1)


@dataclass(frozen=True)
class Points:
    """The prison layer's rows, largest first, and its scale."""

    rows: tuple[PrisonRow, ...]
    largest: int

    def radius(self, executions: int) -> float:
        """Radius in pixels, area proportional to ``executions``."""
        return circle_radius(executions, self.largest)

    def key(self) -> tuple[tuple[int, float], ...]:
        """The size key's values, largest first, with their radii (see :func:`key_values`)."""
        return tuple((v, self.radius(v)) for v in key_values(self.largest))

    def together(self) -> tuple[tuple[int, ...], ...]:
        """Per row, the other rows at its very point (prisons placed at one city's centre),
        largest first. Such circles are drawn as one group at that point, nested, small on
        top, never at offsets that would look like known positions."""
        return at_one_point([(row.lat, row.lon) for row in self.rows])


def at_one_point(points: Sequence[tuple[float, float]]) -> tuple[tuple[int, ...], ...]:
    """Per point, the indexes of the others at the very same point, in the order given."""
    groups: dict[tuple[float, float], list[int]] = {}
    for i, point in enumerate(points):
        groups.setdefault(point, []).append(i)
    return tuple(tuple(j for j in groups[point] if j != i) for i, point in enumerate(points))


def key_values(largest: int) -> tuple[int, ...]:
    """The size key: the largest figure on the map rounded to two significant digits (165
    reads 170), then the round values (1, 2 or 5 times a power of ten) at or below a third
    and a twelfth of it, where they are clearly smaller."""
    if largest <= 0:
        return ()
    top = _two_digits(largest)
    smaller = {_nice_floor(largest / 3), _nice_floor(largest / 12)}
    return (top, *sorted((v for v in smaller if 0 < v <= 0.6 * top), reverse=True))


def _two_digits(value: int) -> int:
    if value < 100:
        return value
    step = int(10 ** (len(str(value)) - 2))
    return (value + step // 2) // step * step


def _nice_floor(value: float) -> int:
    """The largest 1, 2 or 5 times a power of ten not above ``value`` (0 below 1)."""
    if value < 1:
        return 0
    power = 10 ** math.floor(math.log10(value))
    for step in (5, 2, 1):
        if step * power <= value:
            return int(step * power)
    return int(power)  # pragma: no cover - unreachable: value >= power


def build_points(joined: Joined) -> Points:
    """Rows for ``joined``'s mapped prisons, largest first (ties by name)."""
    rows = [_row(record) for record in joined.prison_rows]
    rows.sort(key=lambda r: (-r.executions, r.name_en, r.place_id))
    largest = max((r.executions for r in rows), default=0)
    return Points(tuple(rows), largest)


def _row(record: Mapping[str, Any]) -> PrisonRow:
    point = record["geometry"]
    lat, lon = latlng(point.x, point.y)
    return PrisonRow(
        place_id=str(record["place_id"]),
        name_en=str(record["name_en"]),
        name_fa=opt_str(record.get("name_fa")) or "",
        city=opt_str(record.get("city")),
        city_fa=opt_str(record.get("city_fa")),
        province_en=opt_str(record.get("province_en")),
        province_fa=opt_str(record.get("province_fa")),
        executions=int(record["executions"]),
        share=opt_float(record.get("share")),
        rank=opt_int(record.get("rank")),
        precision=str(record.get("precision") or "facility"),
        source=opt_str(record.get("source")),
        lat=lat,
        lon=lon,
        as_reported=opt_str(record.get("as_reported")) or "",
        identified=identified(record.get("match")),
        note=opt_str(record.get("note")) or "",
        grade=opt_str(record.get("grade")) or None,
    )


#: The words iranmap.js' prison tooltip (prisonTip) reads, on every page that draws prisons.
TIP_WORDS = (
    "as_reported",
    "city",
    "province",
    "executions",
    "location",
    "precision.facility",
    "precision.city",
    "identified",
    "list_sep",
    "same_point",
    "source",
    "note",
    "grade",
)


def data(points: Points, lang: Lang) -> list[list[Any]]:
    """The compact array the page draws: one :func:`script_row` per prison, largest first."""
    return [
        script_row(
            r,
            points.radius(r.executions),
            i18n.fmt_int(r.executions, lang),
            [(points.rows[j], i18n.fmt_int(points.rows[j].executions, lang)) for j in others],
            lang,
        )
        for r, others in zip(points.rows, points.together(), strict=True)
    ]


def script_row(
    row: PrisonRow,
    radius: float,
    figure: str,
    together: Sequence[tuple[PrisonRow, str]],
    lang: Lang,
) -> list[Any]:
    """One prison as iranmap.js reads it (prisonTip, and timeline.js for each step):

    ``[lat, lon, radius, figure, name_en, name_fa, city, city_fa, province_en, province_fa,
    precision (1 = prison site, 0 = city centre), source line, together, as reported,
    identified (1 = the monitor's identification), the report's note, its grade]``, the
    figure already formatted; ``together`` is ``[[name, figure], ...]`` of the other places
    drawn at the same point (see Points.together), in the page's language, or null;
    ``city_fa`` is "" where the gazetteer has no Persian name (the script then shows ``city``,
    marked as English, on a Persian page).
    """
    return [
        row.lat,
        row.lon,
        radius,
        figure,
        row.name_en,
        row.name_fa,
        row.city or "",
        row.city_fa or "",
        row.province_en or "",
        row.province_fa or "",
        1 if row.at_site else 0,
        row.source or "",
        [[_lang.own(lang, o.name_en, o.name_fa)[0], n] for o, n in together] or None,
        row.as_reported,
        1 if row.identified else 0,
        row.note,
        grade_words(row.grade, lang),
    ]


def legend_line(lang: Lang) -> Html:
    """The circles in one line, as an article's frame shows them under the map."""
    return tag(
        "span",
        {"class": "im-legend-block", "data-layer": "prisons"},
        tag("span", {"class": "im-li"}, _circle(5.0), i18n.text(lang, "circles_line")),
    )


def _circle(radius: float) -> Html:
    """A reference circle of ``radius`` px, as the map draws a prison's."""
    size = math.ceil(2 * radius + 2)
    return tag(
        "svg",
        {
            "width": size,
            "height": size,
            "viewBox": f"0 0 {size} {size}",
            "aria-hidden": "true",
            "focusable": "false",
        },
        tag(
            "circle",
            {
                "cx": f"{size / 2:g}",
                "cy": f"{size / 2:g}",
                "r": f"{radius:g}",
                "fill": FILL,
                "fill-opacity": f"{style.CIRCLE_OPACITY:g}",
                "stroke": STROKE,
                "stroke-width": f"{style.CIRCLE_STROKE_WIDTH:g}",
            },
        ),
    )


def legend(points: Points, lang: Lang) -> Html:
    """The size key: reference circles drawn at the map's own scale."""
    items = []
    for value, radius in points.key():
        items.append(tag("li", None, _circle(radius), tag("span", None, i18n.fmt_int(value, lang))))
    return tag(
        "div",
        {"class": "im-legend-block", "data-layer": "prisons"},
        tag("p", {"class": "im-legend-title"}, i18n.text(lang, "executions")),
        tag("ul", {"class": "im-sizes"}, *items),
        tag("p", {"class": "im-legend-note"}, i18n.text(lang, "size_key")),
        _precision_key(points, lang),
    )


def _precision_key(points: Points, lang: Lang) -> Html | None:
    return precision_key({r.at_site for r in points.rows}, lang)


def precision_key(shown: Collection[bool], lang: Lang) -> Html | None:
    """What a solid and a dashed circle mean, for the kinds a map has (``shown``: True for
    circles at a prison's own site, False for those at its city's centre)."""
    kinds = [kind for kind in (True, False) if kind in shown]
    if not kinds:
        return None
    items = []
    for at_site in kinds:
        ring = tag(
            "svg",
            {"width": 18, "height": 18, "viewBox": "0 0 18 18", "aria-hidden": "true"},
            tag(
                "circle",
                {
                    "cx": 9,
                    "cy": 9,
                    "r": 7,
                    "fill": FILL,
                    "fill-opacity": f"{style.CIRCLE_OPACITY:g}",
                    "stroke": STROKE,
                    "stroke-width": f"{style.CIRCLE_STROKE_WIDTH:g}",
                    "stroke-dasharray": None if at_site else style.CITY_DASH,
                },
            ),
        )
        text = i18n.text(lang, "legend.site" if at_site else "legend.city")
        kind = "site" if at_site else "city"
        items.append(tag("li", {"data-precision": kind}, ring, " ", tag("span", None, text)))
    return tag("ul", {"class": "im-precision"}, *items)


def table(points: Points, lang: Lang) -> Html:
    """The prisons' figures as a table that reads without JavaScript."""
    t = i18n.TEXTS[lang]
    other = _lang.other(lang)
    head = [
        t["prison"],
        t[f"name_{other}"],
        t["as_reported"],
        t["city"],
        t["province"],
        t["executions"],
        t["location"],
        t["source_line"],
    ]
    graded = any(r.grade for r in points.rows)
    if graded:
        head.append(t["grade"])
    body = []
    for r in points.rows:
        own = _lang.own(lang, r.name_en, r.name_fa)[0]
        foreign = _lang.both(lang, r.name_en, r.name_fa)[1]
        province = _lang.own(lang, r.province_en, r.province_fa)[0]
        city, city_lang = r.city_in(lang)
        body.append(
            tag(
                "tr",
                None,
                tag("th", {"scope": "row"}, tag("bdi", None, own)),
                tag("td", None, lang_span(foreign, other, lang)),
                tag("td", {"class": "im-as-reported"}, tag("bdi", None, r.as_reported)),
                tag("td", None, _city_cell(city, city_lang, lang)),
                tag("td", None, tag("bdi", None, province)),
                tag("td", {"class": "im-num"}, i18n.fmt_int(r.executions, lang)),
                tag("td", None, _location(r, lang)),
                tag("td", {"class": "im-src"}, tag("bdi", None, r.source or "")),
                tag("td", None, grade_words(r.grade, lang)) if graded else None,
            )
        )
    return data_table(t["table.prisons"], head, body)


def _location(row: PrisonRow, lang: Lang) -> str:
    """Where the circle stands, and whose word names the facility when a place column did."""
    t = i18n.TEXTS[lang]
    where = t["precision.facility" if row.at_site else "precision.city"]
    return f"{where}{i18n.text(lang, 'list_sep')}{t['identified']}" if row.identified else where


def grade_words(grade: str | None, lang: Lang) -> str:
    """A grade ("confirmed"; "official; reported" for a place of several rows) in ``lang``."""
    if not grade:
        return ""
    return i18n.comma(lang).join(
        i18n.text(lang, f"grade.{g}") if f"grade.{g}" in i18n.TEXTS[lang] else g
        for g in grade.split("; ")
    )


def _city_cell(city: str, city_lang: Lang, lang: Lang) -> Html:
    """A city in the page's language as it is; in another, marked with its ``lang``/``dir``."""
    if city_lang == lang or not city:
        return tag("bdi", None, city)
    return lang_span(city, city_lang, lang)
