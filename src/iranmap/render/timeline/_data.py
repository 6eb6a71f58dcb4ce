"""The data the timeline page's scripts read: iranmap.js' first step and every step's
figures and classes for timeline.js, each once.

The provinces' classes are those of a report's page (a class of the scale,
choropleth.NOT_ITEMIZED, choropleth.NONE_REPORTED), one measure per mode ("step", "cum"),
so that iranmap.js colours them as it colours a report's map."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

import numpy as np

from iranmap import i18n
from iranmap.i18n import Lang
from iranmap.render.geo import latlng, polygon_json
from iranmap.render.options import RenderOptions
from iranmap.render.page import script_frame, source_text
from iranmap.render.points import TIP_WORDS, PrisonRow, at_one_point, circle_radius, script_row
from iranmap.render.timeline import text as tt
from iranmap.render.timeline._view import View
from iranmap.steps import Timeline
from iranmap.style import script_style

# ---------------------------------------------------------------------------------------------
# the data the scripts read


#: The tooltip and control words iranmap.js needs on the timeline page.
_WORDS = (
    *TIP_WORDS,
    "not_itemized_note",
    "none_reported_note",
    "provinces",
    "prisons",
    "zoom_in",
    "zoom_out",
    "map",
)
#: Between two sources a tooltip cites (a cumulative figure of several reports).
CITE_SEP = " · "


def script_data(view: View, options: RenderOptions) -> dict[str, Any]:
    lang = options.lang
    timeline = view.timeline
    k = view.shown
    classes = {mode: view.class_rows(mode) for mode in view.classes}
    prisons, largest = _prison_steps(timeline)
    cites, cite_of = _cites(timeline, lang)
    frame = script_frame("timeline", lang, timeline.base.bounds, _WORDS, options.tiles)
    return {
        **frame,
        "provinces": _provinces(timeline, view, {m: c[k] for m, c in classes.items()}, lang),
        "shaded": True,
        "colors": {m: list(c.colors) for m, c in view.classes.items()},
        "measure": "step",
        "style": script_style(),
        "prisons": _prison_rows(timeline, prisons["step"][k], largest["step"], lang),
        "cite": CITE_SEP.join(cites[i] for i in cite_of["step"][k]),
        "tl": {
            "labels": view.labels[lang],
            "totals": view.totals,
            "running": [int(v) for v in view.running],
            "ni": [s.not_itemized for s in timeline.steps],
            "least": view.at_least,
            "start": view.start[lang],
            "shown": k,
            "values": {"step": view.matrix.tolist(), "cum": view.cumulative.tolist()},
            "classes": classes,
            "marks": {m: [[int(a), int(b)] for a, b in view.marks(m)] for m in view.classes},
            "prisons": prisons,
            "largest": largest,
            "cites": cites,
            "citeOf": cite_of,
            "citeSep": CITE_SEP,
            "texts": {
                key: tt.text(lang, key)
                for key in (
                    *("status.one", "status.many", "status.least.one", "status.least.many"),
                    *("ni", "play", "pause"),
                )
            },
        },
    }


def _provinces(
    timeline: Timeline, view: View, classes: dict[str, list[int]], lang: Lang
) -> dict[str, Any]:
    features = []
    for i, record in enumerate(timeline.base.provinces.to_dict("records")):
        geometry = polygon_json(record["geometry"])
        if geometry is None:
            continue
        inside = record["geometry"].representative_point()
        value = int(view.matrix[view.shown, i])
        props = {
            "i": i,
            "iso": str(record["iso"]),
            "en": str(record["name_en"]),
            "fa": str(record["name_fa"]),
            "c": {m: row[i] for m, row in classes.items()},
            "v": None if value < 0 else i18n.fmt_int(value, lang),
            "nr": bool(view.none["step"][view.shown, i]),
            "pt": latlng(inside.x, inside.y, 3),
        }
        features.append({"type": "Feature", "properties": props, "geometry": geometry})
    return {"type": "FeatureCollection", "features": features}


def _prison_steps(timeline: Timeline) -> tuple[dict[str, list[list[int]]], dict[str, int]]:
    """Per mode and step, [place, executions, place, executions, ...] of places with a figure."""
    n_places = len(timeline.places)
    dense = np.zeros((len(timeline.steps), n_places), dtype=np.int64)
    rows = timeline.prisons
    dense[rows["step"].to_numpy(dtype=np.int64), rows["place"].to_numpy(dtype=np.int64)] = rows[
        "executions"
    ].to_numpy()
    cum = np.cumsum(dense, axis=0)
    out: dict[str, list[list[int]]] = {"step": [], "cum": []}
    for mode, table in (("step", dense), ("cum", cum)):
        for row in table:
            places = np.flatnonzero(row)
            flat = np.empty(2 * len(places), dtype=np.int64)
            flat[0::2], flat[1::2] = places, row[places]
            out[mode].append(flat.tolist())
    largest = {"step": int(dense.max(initial=0)), "cum": int(cum.max(initial=0))}
    return out, largest


def _prison_rows(timeline: Timeline, shown: list[int], largest: int, lang: Lang) -> list[list[Any]]:
    """Every place, in place order, as iranmap.js draws prisons (points.script_row), for the
    step shown: radius 0 where it has no figure (timeline.js hides those); timeline.js fills
    in each step's figures and places at the same point."""
    figures = dict(zip(shown[0::2], shown[1::2], strict=True))
    places = [_place_row(place) for place in timeline.places.to_dict("records")]
    drawn = sorted(figures, key=lambda i: -figures[i])  # largest first, as a report's page
    others = at_one_point([(places[i].lat, places[i].lon) for i in drawn])
    beside = {i: [drawn[j] for j in near] for i, near in zip(drawn, others, strict=True)}
    rows = []
    for i, place in enumerate(places):
        n = figures.get(i)
        if n is None:
            rows.append(script_row(place, 0, "", [], lang))
            continue
        together = [(places[j], i18n.fmt_int(figures[j], lang)) for j in beside[i]]
        rows.append(
            script_row(place, circle_radius(n, largest), i18n.fmt_int(n, lang), together, lang)
        )
    return rows


def _place_row(place: Mapping[Hashable, Any]) -> PrisonRow:
    """A timeline's place as a report page's prison, without the figures of any one step (a
    report's note and grade are of its rows, not of a place over time)."""
    return PrisonRow(
        place_id=place["place_id"],
        name_en=place["name_en"],
        name_fa=place["name_fa"],
        city=place["city"],
        city_fa=place["city_fa"],
        province_en=place["province_en"],
        province_fa=place["province_fa"],
        executions=0,
        share=None,
        rank=None,
        precision=place["precision"],
        source=None,
        lat=place["lat"],
        lon=place["lon"],
        as_reported=place["as_reported"],
        identified=bool(place["identified"]),
    )


def _cites(timeline: Timeline, lang: Lang) -> tuple[list[str], dict[str, list[list[int]]]]:
    """Each report's source as tooltips cite it, and per mode and step the reports its
    figures come from: the step's own, or every report up to it for the running total."""
    cites = [source_text(report, lang) for report in timeline.reports]
    index = {report.id: i for i, report in enumerate(timeline.reports)}
    own = [index.get(step.report or "", 0) for step in timeline.steps]
    running = [sorted(set(own[: k + 1])) for k in range(len(own))]
    return cites, {"step": [[i] for i in own], "cum": running}
