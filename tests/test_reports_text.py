"""What a report's texts and numbers may not hold: invisible and reordering characters,
counts past any report, texts too long to lay out, links that are not web addresses."""

from __future__ import annotations

from pathlib import Path

import pytest

from fake_world import MANIFEST, write_report
from iranmap.errors import InputError
from iranmap.reports import load_report

BIG = "1" * 5000


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(InputError) as info:
        load_report(folder)
    return [str(p).replace(str(folder), "R") for p in info.value.problems]


def manifest_with(old: str, new: str, total: int = 10) -> str:
    text = MANIFEST.format(total=total)
    assert old in text
    return text.replace(old, new)


# -- characters ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "Ev\u202ein",
            "prison contains U+202E RIGHT-TO-LEFT OVERRIDE at character 3 (in 'Ev\\u202ein'); "
            "it changes the order in which the text is shown; remove it",
        ),
        (
            "\u2067Evin",
            "prison contains U+2067 RIGHT-TO-LEFT ISOLATE at character 1 (in '\\u2067Evin'); "
            "it changes the order in which the text is shown; remove it",
        ),
        (
            "Ev\u200bin",
            "prison contains U+200B ZERO WIDTH SPACE at character 3 (in 'Ev\\u200bin'); it is "
            "invisible and makes equal texts differ; remove it",
        ),
        (
            "Ev\ufeffin",
            "prison contains U+FEFF ZERO WIDTH NO-BREAK SPACE at character 3 (in 'Ev\\ufeffin'); "
            "it is invisible and makes equal texts differ; remove it",
        ),
        (
            "Ev\x00in",
            "prison contains U+0000 NULL at character 3 (in 'Ev\\x00in'); a control character "
            "has no place in a text; remove it",
        ),
        (
            "Ev\x85in",
            "prison contains U+0085 NEXT LINE at character 3 (in 'Ev\\x85in'); a control "
            "character has no place in a text; remove it",
        ),
        (
            '"Ev\nin"',
            "prison contains U+000A LINE FEED at character 3 (in 'Ev\\nin'); a text here is one "
            "line; write it on one line, without tabs",
        ),
    ],
)
def test_characters_refused_in_a_cell(tmp_path: Path, name: str, message: str) -> None:
    folder = write_report(tmp_path / "r", f"prison,executions\n{name},3\n")
    assert problems_of(folder) == [f"R/prisons.csv:2: {message}"]


def test_persian_joiners_and_marks_are_text(tmp_path: Path) -> None:
    names = ["زندان\u200cقزلحصار", "\u200fاوین", "Evin\u200e", "قرچک\u200d"]
    rows = "".join(f"{n},1\n" for n in names)
    note = "one line\tand\nanother"
    text = f'prison,executions,note\n{rows}Lakan,2,"{note}"\n'
    report = load_report(write_report(tmp_path / "r", text))
    assert [f.name for f in report.prison_figures] == [*names, "Lakan"]
    assert report.prison_figures[-1].note == note  # tabs and line breaks are fine in notes


def test_characters_refused_in_report_toml(tmp_path: Path) -> None:
    manifest = manifest_with('"Test report"', '"Test \\u202Ereport"')
    manifest = manifest.replace('title = "A test"', 'title = "A\\u0007test"')
    manifest += '\n[[facts]]\nlabel = "Women"\nvalue = 3\nquote = "a\\tb\\nc\\u0000"\n'
    manifest = manifest.replace('publisher = "Test publisher"', 'publisher = "Test\\npublisher"')
    folder = write_report(tmp_path / "r", "prison,executions\nEvin,3\n", manifest=manifest)
    assert problems_of(folder) == [
        "R/report.toml:1: title contains U+202E RIGHT-TO-LEFT OVERRIDE at character 6 "
        "(in 'Test \\u202ereport'); it changes the order in which the text is shown; remove it",
        "R/report.toml:2: publisher contains U+000A LINE FEED at character 5 (in "
        "'Test\\npublisher'); a text here is one line; write it on one line, without tabs",
        "R/report.toml:6: title contains U+0007 CONTROL CHARACTER at character 2 (in "
        "'A\\x07test'); a control character has no place in a text; remove it",
        "R/report.toml:16: quote contains U+0000 NULL at character 6 (in 'a\\tb\\nc\\x00'); a "
        "control character has no place in a text; remove it",
    ]


def test_characters_refused_in_events_and_headers(tmp_path: Path) -> None:
    events = (
        "date,prison,charge,note\n"
        "2024-03-01,Ev\u202din,drug,\n"
        "2024-03-01,Evin,drug\u2069,\n"
        '2024-03-01,Evin,drug,"a fine\tnote\non two lines"\n'
    )
    folder = write_report(tmp_path / "r", None, events=events)
    assert problems_of(folder) == [
        "R/events.csv:2: prison contains U+202D LEFT-TO-RIGHT OVERRIDE at character 3 (in "
        "'Ev\\u202din'); it changes the order in which the text is shown; remove it",
        "R/events.csv:3: charge contains U+2069 POP DIRECTIONAL ISOLATE at character 5 (in "
        "'drug\\u2069'); it changes the order in which the text is shown; remove it",
    ]
    folder = write_report(tmp_path / "h", "prison,\u200bexecutions\nEvin,3\n")
    assert problems_of(folder)[0] == (
        "R/prisons.csv:1: column 2 of the header contains U+200B ZERO WIDTH SPACE at character "
        "1 (in '\\u200bexecutions'); it is invisible and makes equal texts differ; remove it"
    )


# -- numbers ------------------------------------------------------------------------------------


def test_counts_past_any_report(tmp_path: Path) -> None:
    prisons = (
        f"prison,executions\nEvin,{10**30}\nQarchak,{BIG}\nLakan,۱۰۰۰۰۰۰۱\nTabriz,۰۰۰۰۰۰۰۰۰۰۳\n"
    )
    folder = write_report(tmp_path / "r", prisons, total=10**30)
    assert problems_of(folder) == [
        "R/prisons.csv:2: executions '1000000000000000000000000000000' is more than 10,000,000, "
        "the most a report can count; write the count the report gives (a digit too many?)",
        "R/prisons.csv:3: executions '11111111111111111111111111111...111111111' (5,002 "
        "characters) is more than 10,000,000, the most a report can count; write the count "
        "the report gives (a digit too many?)",
        "R/prisons.csv:4: executions '۱۰۰۰۰۰۰۱' is more than 10,000,000, the most a report can "
        "count; write the count the report gives (a digit too many?)",
        "R/report.toml:3: total = 1000000000000000000000000000000 is more than 10,000,000, the "
        "most a report can count; write the count the report gives (a digit too many?)",
    ]


def test_numbers_of_thousands_of_digits_never_crash(tmp_path: Path) -> None:
    manifest = MANIFEST.replace("total = {total}", f"total = {BIG}")
    folder = write_report(tmp_path / "r", "prison,executions\nEvin,3\n", manifest=manifest)
    assert problems_of(folder) == [
        "R/report.toml:3: total is a number of 5,000 digits, more than any count can be (at "
        "most 10,000,000); write the figure the report gives"
    ]
    events = f"date,prison,age\n2024-03-01,Evin,{BIG}\n"
    folder = write_report(tmp_path / "e", None, events=events, manifest=MANIFEST.format(total=1))
    assert problems_of(folder) == [
        "R/events.csv:2: age '11111111111111111111111111111...111111111' (5,002 characters) is "
        "not a whole number of years from 0 to 120; write the age in years, or leave it empty"
    ]


def test_fact_values_are_finite_and_bounded(tmp_path: Path) -> None:
    manifest = MANIFEST.format(total=10)
    for label, value in (("a", "nan"), ("b", "inf"), ("c", "-1e30"), ("d", "12.5")):
        manifest += f'\n[[facts]]\nlabel = "{label}"\nvalue = {value}\n'
    folder = write_report(tmp_path / "r", "prison,executions\nEvin,3\n", manifest=manifest)
    hint = "is not a figure a report gives (at most 10,000,000, a number); write the figure the "
    assert problems_of(folder) == [
        f"R/report.toml:15: value = nan {hint}source gives",
        f"R/report.toml:19: value = inf {hint}source gives",
        f"R/report.toml:23: value = -1e+30 {hint}source gives",
    ]


# -- lengths ------------------------------------------------------------------------------------


def test_texts_too_long_to_lay_out(tmp_path: Path) -> None:
    manifest = manifest_with('"Test report"', '"' + "t" * 201 + '"')
    manifest += '\n[[facts]]\nlabel = "' + "ل" * 81 + '"\nvalue = 3\n'
    prisons = f"prison,executions,city\n{'p' * 121},3,\nEvin,2,{'c' * 121}\n{'p' * 120},1,\n"
    folder = write_report(tmp_path / "r", prisons, manifest=manifest)
    assert problems_of(folder) == [
        "R/prisons.csv:2: prison is 121 characters long, more than 120; shorten it (the maps "
        "show it in tooltips and tables)",
        "R/prisons.csv:3: city is 121 characters long, more than 120; shorten it (the maps "
        "show it in tooltips and tables)",
        "R/report.toml:1: title is 201 characters long, more than 200; shorten it (the maps "
        "show it as the heading of the page)",
        "R/report.toml:14: label is 81 characters long, more than 80; shorten it (the maps "
        "show it beside its figure)",
    ]


# -- the source's address -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "http://[::1",
            "url = 'http://[::1' is not a web address (Invalid IPv6 URL); write it as "
            'url = "https://example.org/report"',
        ),
        (
            "javascript:alert(1)",
            "url = 'javascript:alert(1)' is not an http or https address; write the address of "
            'the source as a reader\'s browser shows it, e.g. url = "https://example.org/report"',
        ),
        (
            "example.org/report",
            "url = 'example.org/report' is not an http or https address; write the address of "
            'the source as a reader\'s browser shows it, e.g. url = "https://example.org/report"',
        ),
    ],
)
def test_the_source_url_is_a_web_address(tmp_path: Path, url: str, message: str) -> None:
    manifest = manifest_with("date = 2025", f'url = "{url}"\ndate = 2025')
    folder = write_report(tmp_path / "r", "prison,executions\nEvin,3\n", manifest=manifest)
    assert problems_of(folder) == [f"R/report.toml:7: {message}"]


def test_a_good_url_is_kept(tmp_path: Path) -> None:
    manifest = manifest_with("date = 2025", 'url = " HTTPS://example.org/a?b=1 "\ndate = 2025')
    folder = write_report(tmp_path / "r", "prison,executions\nEvin,3\n", manifest=manifest)
    assert load_report(folder).source_url == "HTTPS://example.org/a?b=1"


def test_an_empty_url_is_no_link(tmp_path: Path) -> None:
    manifest = manifest_with("date = 2025", 'url = " "\ndate = 2025')
    folder = write_report(tmp_path / "r", "prison,executions\nEvin,3\n", manifest=manifest)
    assert load_report(folder).source_url is None
