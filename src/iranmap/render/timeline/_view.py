"""What the timeline page shows, computed once: figures, classes and names of every step."""

from __future__ import annotations

from typing import Any

import numpy as np

from iranmap import i18n
from iranmap.classify import Classes, classify
from iranmap.i18n import Lang
from iranmap.render.choropleth import NONE_REPORTED, NOT_ITEMIZED, legend_marks
from iranmap.render.options import RenderOptions
from iranmap.render.timeline import text as tt
from iranmap.steps import (
    Timeline,
    cumulative_matrix,
    cumulative_none,
    none_matrix,
    province_matrix,
)


class View:
    """Everything the page shows, computed once."""

    def __init__(
        self,
        timeline: Timeline,
        options: RenderOptions,
        isos: list[str],
        matrix: np.ndarray[Any, Any],
        none: np.ndarray[Any, Any],
    ) -> None:
        self.timeline = timeline
        self.isos = isos
        self.matrix = matrix
        self.cumulative = cumulative_matrix(matrix)
        #: Per mode, True where a province had none reported (0, not a class of the scale).
        self.none = {"step": none, "cum": cumulative_none(matrix, none)}
        self.classes = {
            "step": classes_of(matrix, self.none["step"], options),
            "cum": classes_of(self.cumulative, self.none["cum"], options),
        }
        self.labels = {
            lang: [tt.step_label(s, timeline, lang) for s in timeline.steps] for lang in i18n.LANGS
        }
        self.start = {
            lang: tt.fmt_day(timeline.steps[0].start, timeline.calendar, lang)
            for lang in i18n.LANGS
        }
        self.totals = [s.reported for s in timeline.steps]
        #: Per step, whether its figure is a floor ("at least", its report's qualifier).
        self.at_least = [timeline.at_least(k) for k in range(len(timeline.steps))]
        self.running = list(np.cumsum(self.totals)) if self.totals else []
        # The latest step with a figure opens the page (the last one when none has).
        given = [i for i, n in enumerate(self.totals) if n > 0]
        self.shown = given[-1] if given else len(timeline.steps) - 1

    @classmethod
    def of(cls, timeline: Timeline, options: RenderOptions) -> View:
        isos, matrix = province_matrix(timeline)
        return cls(timeline, options, isos, matrix, none_matrix(timeline))

    def values(self, mode: str) -> np.ndarray[Any, Any]:
        """The figures of ``mode`` ("step" or "cum"), steps x provinces; -1: not itemized."""
        return self.matrix if mode == "step" else self.cumulative

    def class_rows(self, mode: str) -> list[list[int]]:
        """Per step, the class of each province in ``mode``, as the report page's script
        takes them (choropleth.NOT_ITEMIZED, choropleth.NONE_REPORTED, or a class)."""
        return [
            class_row(row, none, self.classes[mode])
            for row, none in zip(self.values(mode), self.none[mode], strict=True)
        ]

    def marks(self, mode: str) -> list[tuple[bool, bool]]:
        """Per step, whether the legend explains "none reported" and "not itemized" in
        ``mode``: the report page's rule (choropleth.legend_marks), step by step."""
        return [
            legend_marks(none=bool(none.any()), not_itemized=bool((row < 0).any()))
            for row, none in zip(self.values(mode), self.none[mode], strict=True)
        ]


def classes_of(
    matrix: np.ndarray[Any, Any], none: np.ndarray[Any, Any], options: RenderOptions
) -> Classes:
    """One class scale over every step's figures; none reported is no figure of the scale,
    as on a report's page."""
    values = [float(v) for v in matrix[(matrix >= 0) & ~none]]
    return classify(values, options.scheme, options.k, options.breaks)


def class_row(
    values: np.ndarray[Any, Any], none: np.ndarray[Any, Any], classes: Classes
) -> list[int]:
    return [_class_of(int(v), bool(n), classes) for v, n in zip(values, none, strict=True)]


def _class_of(value: int, none: bool, classes: Classes) -> int:
    if none:
        return NONE_REPORTED
    if value < 0 or not classes.bounds:
        return NOT_ITEMIZED
    return classes.index(float(value))


def status(view: View, k: int, lang: Lang) -> str:
    n = view.totals[k]
    key = f"status.{'least.' if view.at_least[k] else ''}{'one' if n == 1 else 'many'}"
    return tt.text(
        lang,
        key,
        step=view.labels[lang][k],
        n=i18n.fmt_int(n, lang),
        m=i18n.fmt_int(int(view.running[k]), lang),
        start=view.start[lang],
    )
