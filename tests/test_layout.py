"""The code's own shape, as the lean-core issue set it: small modules."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import iranmap

PACKAGE = Path(iranmap.__file__).parent
MAX_LINES = 500


def test_no_module_is_longer_than_500_lines() -> None:
    long = {
        path.relative_to(PACKAGE).as_posix(): n
        for path in sorted(PACKAGE.rglob("*.py"))
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}, "split these modules into cohesive private ones"


def _functions() -> list[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        name = path.relative_to(PACKAGE).as_posix()
        found += [
            (name, node)
            for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        ]
    return found


def test_no_function_takes_render_options_and_languages_side_by_side() -> None:
    """A build's settings travel as one BuildOptions, whose pages() give each language's
    RenderOptions: never options with a loose list of languages (or a loose step) beside."""
    loose = []
    for module, func in _functions():
        args = func.args.posonlyargs + func.args.args + func.args.kwonlyargs
        names = {a.arg for a in args}
        annotations = {ast.unparse(a.annotation) for a in args if a.annotation is not None}
        takes_options = any("RenderOptions" in a or "BuildOptions" in a for a in annotations)
        if takes_options and names & {"langs", "step"}:
            loose.append(f"{module}:{func.lineno} {func.name}")
    assert loose == []


def test_defaults_are_written_once() -> None:
    """The command line's defaults are BuildOptions' own: no literal default beside them."""
    text = (PACKAGE / "cli" / "_options.py").read_text(encoding="utf-8")
    for literal in ('default="natural_breaks"', 'default="count"', "default=5"):
        assert literal not in text


_COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}\b|\b(?:rgb|hsl)a?\([^)]*\)")
_NAMED = re.compile(
    r"(?:color|background|fill|stroke|border[a-z-]*)\s*[:=]\s*[\"']?(?:white|black)\b"
)


def test_no_colour_is_written_outside_style_py() -> None:
    """Every colour of every page, style sheet, image, gallery and notebook map comes from
    iranmap.style: no other file of the package (Python, script or style sheet) writes one."""
    found = []
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix not in {".py", ".js", ".css"} or path == PACKAGE / "style.py":
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for hit in [*_COLOUR.findall(line), *_NAMED.findall(line)]:
                found.append(f"{path.relative_to(PACKAGE).as_posix()}:{n}: {hit}")
    assert found == []


def test_style_sheets_name_only_constants_of_style_py() -> None:
    from iranmap import style

    sheet = (PACKAGE / "render" / "web" / "timeline.css").read_text(encoding="utf-8")
    assert "${" in sheet
    style.fill_in(sheet)  # KeyError for a name style.py does not define
    with pytest.raises(KeyError):
        style.fill_in(".x{color:${NO_SUCH_COLOUR}}")
    assert style.short("#ffffff") == "#fff"
    assert style.short("#d6d6d6") == "#d6d6d6"
    assert style.short("#1b1b1b") == "#1b1b1b"


def _cli_flags() -> set[str]:
    import click

    from iranmap.cli import main

    flags: set[str] = set()
    commands: list[click.Command] = [main]
    while commands:
        command = commands.pop()
        if isinstance(command, click.Group):
            commands.extend(command.commands.values())
        for param in command.params:
            flags.update(o for o in [*param.opts, *param.secondary_opts] if o.startswith("--"))
    return flags - {"--help", "--version"}


def _strings(tree: ast.AST) -> list[ast.Constant]:
    """The string constants of a module that are not docstrings."""
    docstrings = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            docstrings.add(id(body[0].value))
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_no_module_outside_cli_names_a_command_line_flag() -> None:
    """The library names its settings in its own terms; only cli/ knows the flags."""
    flags = _cli_flags()
    assert {"--breaks", "--out", "--step", "--classes", "--base-url"} <= flags
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, sorted(flags))) + r")(?![\w-])")
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "cli" in path.relative_to(PACKAGE).parts:
            continue
        for node in _strings(ast.parse(path.read_text(encoding="utf-8"))):
            found += [
                f"{path.relative_to(PACKAGE).as_posix()}:{node.lineno}: {hit}"
                for hit in pattern.findall(node.value)
            ]
    assert found == []


def test_the_english_has_no_suffix_rule_has_one_home() -> None:
    """Only i18n.file_name decides that English files carry no language in their names."""
    from iranmap import i18n

    assert i18n.file_name("choropleth", "en") == "choropleth.html"
    assert i18n.file_name("steps", "fa", "png") == "steps.fa.png"
    rule = re.compile(r"""lang\s*==\s*["']en["']\s+else\s+f["']""")
    found = [
        path.relative_to(PACKAGE).as_posix()
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "i18n.py"
        and any(
            "{lang}." in m.string[m.end() : m.end() + 40]
            for m in rule.finditer(path.read_text(encoding="utf-8"))
        )
    ]
    assert found == []
