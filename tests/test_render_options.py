"""BuildOptions: every setting of a build, its defaults, and one RenderOptions per page."""

from __future__ import annotations

from typing import Any

import pytest

from iranmap.cli._options import build_options
from iranmap.errors import InputError
from iranmap.render import BuildOptions, RenderOptions


def test_pages_are_one_render_options_per_language_linking_the_others() -> None:
    build = BuildOptions(RenderOptions(k=4, measure="per_million"), langs=("fa", "en"))
    assert [p.lang for p in build.pages()] == ["fa", "en"]
    assert {p.alternates for p in build.pages()} == {("fa", "en")}
    assert {(p.k, p.measure) for p in build.pages()} == {(4, "per_million")}
    assert build.render == build.pages()[0], "render's language is the first page's, not ignored"


def test_languages_are_checked_and_kept_once() -> None:
    assert BuildOptions(langs=("en", "en")).langs == ("en",)
    with pytest.raises(InputError) as empty:
        BuildOptions(langs=())
    assert str(empty.value) == "langs: expected at least one language of en, fa, found none"
    with pytest.raises(InputError) as unknown:
        BuildOptions(langs=("de",))  # type: ignore[arg-type]
    assert str(unknown.value) == "langs: expected one of en, fa, found 'de'"


def test_the_step_is_checked() -> None:
    assert BuildOptions(step="week").step == "week"
    with pytest.raises(InputError) as caught:
        BuildOptions(step="day")  # type: ignore[arg-type]
    assert str(caught.value) == "step: expected one of month, week, quarter, year, found 'day'"


def test_the_cache_key_names_every_setting() -> None:
    keys = {
        BuildOptions().cache_key,
        BuildOptions(langs=("en",)).cache_key,
        BuildOptions(step="year").cache_key,
        BuildOptions(RenderOptions(cdn=True)).cache_key,
    }
    assert len(keys) == 4
    assert BuildOptions().cache_key == repr(BuildOptions())
    assert BuildOptions().cache_key == BuildOptions(langs=("en", "fa")).cache_key


def test_the_command_lines_defaults_are_build_options_defaults() -> None:
    from click.testing import CliRunner

    from iranmap.cli._options import render_options_decorator

    seen: dict[str, Any] = {}

    import click

    @click.command()
    @render_options_decorator
    def command(**values: Any) -> None:
        seen["options"] = build_options(values)

    assert CliRunner().invoke(command, []).exit_code == 0
    assert seen["options"] == BuildOptions()
