"""The timeline page's controls under the map (status line, slider, play, mode, bars) and
its tables."""

from __future__ import annotations

from iranmap import i18n
from iranmap.i18n import Lang
from iranmap.join import Joined
from iranmap.render.html import Html, tag
from iranmap.render.page import source_credit, tables_box
from iranmap.render.timeline import text as tt
from iranmap.render.timeline._view import View, status


def controls(view: View, lang: Lang) -> Html:
    k = view.shown
    timeline = view.timeline
    top = max(view.totals) if view.totals else 0
    bars = [
        tag(
            "button",
            {
                "type": "button",
                "class": "tl-bar",
                "data-step": str(i),
                "aria-label": status(view, i, lang),
                "aria-current": "step" if i == k else None,
            },
            tag(
                "span",
                {"class": "tl-bar-fill", "style": f"height:{_percent(n, top)}%"},
            ),
            tag("span", {"class": "tl-bar-n"}, i18n.fmt_int(n, lang)),
            tag("span", {"class": "tl-bar-label"}, tt.short_label(s, timeline, lang)),
        )
        for i, (s, n) in enumerate(zip(timeline.steps, view.totals, strict=True))
    ]
    ni = timeline.steps[k].not_itemized
    undated = (
        tag(
            "p",
            {"class": "tl-undated"},
            tt.text(lang, "undated", n=i18n.fmt_int(timeline.undated, lang)),
        )
        if timeline.undated
        else None
    )
    return tag(
        "section",
        {"class": "tl-controls", "aria-label": tt.text(lang, "step")},
        tag(
            "p",
            {"id": "tl-status", "class": "tl-status", "aria-live": "polite"},
            status(view, k, lang),
        ),
        tag(
            "p",
            {"id": "tl-ni", "class": "tl-ni", "hidden": ni == 0},
            tt.text(lang, "ni", n=i18n.fmt_int(ni, lang)),
        ),
        undated,
        tag(
            "div",
            {"class": "tl-row"},
            tag(
                "button",
                {"type": "button", "id": "tl-play", "class": "tl-play", "aria-pressed": "false"},
                tt.text(lang, "play"),
            ),
            tag("label", {"for": "tl-range", "class": "tl-range-label"}, tt.text(lang, "step")),
            tag(
                "input",
                {
                    "type": "range",
                    "id": "tl-range",
                    "class": "tl-range",
                    "min": "0",
                    "max": str(len(timeline.steps) - 1),
                    "step": "1",
                    "value": str(k),
                    "aria-valuetext": view.labels[lang][k],
                },
            ),
            tag(
                "output",
                {"id": "tl-step", "for": "tl-range", "class": "tl-step"},
                view.labels[lang][k],
            ),
            tag(
                "fieldset",
                {"class": "tl-mode"},
                tag("legend", None, tt.text(lang, "mode")),
                *(
                    tag(
                        "label",
                        None,
                        tag(
                            "input",
                            {
                                "type": "radio",
                                "name": "tl-mode",
                                "value": m,
                                "checked": m == "step",
                            },
                        ),
                        " ",
                        tt.text(lang, f"mode.{m}"),
                    )
                    for m in ("step", "cum")
                ),
            ),
        ),
        tag(
            "div", {"class": "tl-bars", "role": "group", "aria-label": tt.text(lang, "bars")}, *bars
        ),
    )


def _percent(n: int, top: int) -> str:
    return "0" if top <= 0 else f"{100 * n / top:.1f}".removesuffix(".0")


def tables(view: View, lang: Lang) -> Html:
    timeline = view.timeline
    t = i18n.TEXTS[lang]
    head = [tt.text(lang, "step"), t["executions"], tt.text(lang, "since", start=view.start[lang])]
    head.append(t["not_itemized_total"])
    series = timeline.series is not None
    if series:
        head.append(t["source"])
    rows = [
        tag(
            "tr",
            None,
            tag("th", {"scope": "row"}, view.labels[lang][i]),
            tag("td", {"class": "im-num"}, i18n.fmt_int(s.reported, lang)),
            tag("td", {"class": "im-num"}, i18n.fmt_int(int(view.running[i]), lang)),
            tag("td", {"class": "im-num"}, i18n.fmt_int(s.not_itemized, lang)),
            tag("td", None, source_credit(timeline.reports[i], lang)) if series else None,
        )
        for i, s in enumerate(timeline.steps)
    ]
    steps_table = _table(tt.text(lang, "table.steps"), head, rows)
    names = _province_names(timeline.base, lang)
    grid_head = [t["province"], *view.labels[lang]]
    grid_rows = [
        tag(
            "tr",
            None,
            tag("th", {"scope": "row"}, names[iso]),
            *(
                _figure_cell(int(view.matrix[i, c]), bool(view.none["step"][i, c]), lang)
                for i in range(len(timeline.steps))
            ),
        )
        for c, iso in enumerate(view.isos)
    ]
    grid = _table(tt.text(lang, "table.grid"), grid_head, grid_rows)
    return tables_box(
        [(tt.text(lang, "table.steps"), steps_table), (tt.text(lang, "table.grid"), grid)], lang
    )


def _figure_cell(value: int, none: bool, lang: Lang) -> Html:
    """A province's figure in a step, as the report page's table writes it."""
    if value < 0:
        return tag("td", {"class": "im-ni"}, i18n.text(lang, "not_itemized"))
    if none:
        return tag("td", {"class": "im-none"}, i18n.text(lang, "none_reported"))
    return tag("td", {"class": "im-num"}, i18n.fmt_int(value, lang))


def _table(caption: str, head: list[str], rows: list[Html]) -> Html:
    return tag(
        "table",
        {"class": "im-data-table"},
        tag("caption", None, caption),
        tag("thead", None, tag("tr", None, *(tag("th", {"scope": "col"}, h) for h in head))),
        tag("tbody", None, *rows),
    )


def _province_names(joined: Joined, lang: Lang) -> dict[str, str]:
    column = f"name_{lang}"
    return {str(row["iso"]): str(row[column]) for row in joined.province_rows}
