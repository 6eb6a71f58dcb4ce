"""What the timeline page shows, computed once: figures, classes and names of every step."""

from __future__ import annotations

from typing import Any

import numpy as np

from iranmap import i18n
from iranmap.classify import Classes, classify
from iranmap.i18n import Lang
from iranmap.render.options import RenderOptions
from iranmap.render.timeline import text as tt
from iranmap.steps import (
    Timeline,
    cumulative_matrix,
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
    ) -> None:
        self.timeline = timeline
        self.isos = isos
        self.matrix = matrix
        self.cumulative = cumulative_matrix(matrix)
        self.classes = {
            "step": classes_of(matrix, options),
            "cum": classes_of(self.cumulative, options),
        }
        self.labels = {
            lang: [tt.step_label(s, timeline, lang) for s in timeline.steps] for lang in i18n.LANGS
        }
        self.start = {
            lang: tt.fmt_day(timeline.steps[0].start, timeline.calendar, lang)
            for lang in i18n.LANGS
        }
        self.totals = [s.reported for s in timeline.steps]
        self.running = list(np.cumsum(self.totals)) if self.totals else []
        # The latest step with a figure opens the page (the last one when none has).
        given = [i for i, n in enumerate(self.totals) if n > 0]
        self.shown = given[-1] if given else len(timeline.steps) - 1

    @classmethod
    def of(cls, timeline: Timeline, options: RenderOptions) -> View:
        isos, matrix = province_matrix(timeline)
        return cls(timeline, options, isos, matrix)


def classes_of(matrix: np.ndarray[Any, Any], options: RenderOptions) -> Classes:
    values = [float(v) for v in matrix[matrix >= 0]]
    return classify(values, options.scheme, options.k, options.breaks)


def class_row(values: np.ndarray[Any, Any], classes: Classes) -> list[int]:
    if not classes.bounds:
        return [-1] * len(values)
    return [-1 if v < 0 else classes.index(float(v)) for v in values]


def status(view: View, k: int, lang: Lang) -> str:
    n = view.totals[k]
    key = "status.one" if n == 1 else "status.many"
    return tt.text(
        lang,
        key,
        step=view.labels[lang][k],
        n=i18n.fmt_int(n, lang),
        m=i18n.fmt_int(int(view.running[k]), lang),
        start=view.start[lang],
    )
