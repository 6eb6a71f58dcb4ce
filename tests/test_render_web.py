"""The pages' scripts (render/web/*.js): one owner of each rule, shared on window.iranmap."""

from __future__ import annotations

import re
from pathlib import Path

import iranmap

WEB = Path(iranmap.__file__).resolve().parent / "render" / "web"

#: What timeline.js must take from iranmap.js instead of writing again: Persian digits and
#: thousands separators, circle areas, tooltips, province and circle styles, colours.
OWNED_BY_IRANMAP_JS = {
    "Persian digits": r"0x06f0|\\u06f0|[۰-۹]",
    "the Persian thousands separator": r"\\u066c|٬",
    "thousands separators": r"\\d\{3\}",
    "circle areas": r"Math\.sqrt",
    "tooltips": r"bindTooltip|im-tip|createElement",
    "province styles": r"setStyle|fillColor\s*:|fillOpacity|weight\s*:",
    "the style values": r"D\.style|\bS\.",
    "colours": r"#[0-9a-fA-F]{3,8}\b|rgba?\(",
}


def script(name: str) -> str:
    return (WEB / name).read_text(encoding="utf-8")


def functions(source: str) -> set[str]:
    return set(re.findall(r"\bfunction\s+([A-Za-z_$][\w$]*)\s*\(", source))


def exposed(source: str) -> set[str]:
    """The names iranmap.js puts on window.iranmap."""
    block = source[source.index("window.iranmap = {") :]
    block = block[: block.index("\n    };")]
    return set(re.findall(r"^\s{6}([A-Za-z_$][\w$]*)\s*:", block, re.MULTILINE))


def test_timeline_js_defines_no_function_of_iranmap_js() -> None:
    shared = functions(script("timeline.js")) & functions(script("iranmap.js"))
    assert shared == set(), f"timeline.js writes again what iranmap.js has: {sorted(shared)}"


def test_timeline_js_writes_no_rule_of_iranmap_js_again() -> None:
    source = script("timeline.js")
    code = re.sub(r"/\*.*?\*/", "", source, flags=re.DOTALL)  # comments may name them
    found = {
        what: re.findall(pattern, code)
        for what, pattern in OWNED_BY_IRANMAP_JS.items()
        if re.search(pattern, code)
    }
    assert found == {}, "timeline.js must call window.iranmap for these"


def test_timeline_js_calls_only_what_iranmap_js_exposes() -> None:
    used = set(re.findall(r"\bapi\.([A-Za-z_$][\w$]*)", script("timeline.js")))
    names = exposed(script("iranmap.js"))
    assert {"fmt", "radius", "restyle", "prisonTip", "bindPrisonTip"} <= names
    assert used - {"timeline"} <= names, sorted(used - names)
    # and that it uses them: the digits, the circles, the colours and the tooltips.
    assert {"fmt", "radius", "restyle", "bindPrisonTip"} <= used


def test_the_shared_names_are_documented_where_they_are_exposed() -> None:
    source = script("iranmap.js")
    start = source.index("window.iranmap = {")
    comment = source[source.rindex("/*", 0, start) : start]
    for name in ("fmt", "radius", "restyle", "prisonTip", "bindPrisonTip"):
        assert name in comment, name
