"""`iranmap geocode`: names in, CSV out, exact bytes; statuses; exit codes; bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from iranmap.cli import main
from iranmap.geocode import GEOCODE_COLUMNS
from test_geocode import FIXTURE

HEADER = ",".join(GEOCODE_COLUMNS) + "\n"

NAMES = "Qezelhessar\n\n  Dezful  \nTehran\nAtlantis\nزندان اوين\nEvin, Karaj\n"

CSV = (
    HEADER + "Qezelhessar,matched,100,ghezel-hesar,Ghezel Hesar Prison,Karaj,IR-30,Alborz,"
    "35.83266,50.99155,city\n"
    "Dezful,matched,100,,,Dezful,IR-06,Khuzestan,32.38114,48.40581,city\n"
    "Tehran,matched,100,,,Tehran,IR-23,Tehran,35.69439,51.42151,city\n"
    "Atlantis,unmatched,57.1,,,,,,,,\n"
    "زندان اوين,matched,100,evin,Evin Prison,Tehran,IR-23,Tehran,35.69439,51.42151,city\n"
    '"Evin, Karaj",unmatched,0,,,,,,,,\n'
)
# Changed by issue 10: "Tehran" (two prisons of Tehran) was ambiguous and is now the city;
# "Evin, Karaj" was a fuzzy near miss of 71.4 and is now refused for what it says: Evin is
# not in Karaj. Issue 20: the note names no place outside the town or province given, and says
# that the name's town and prison contradict each other.
COLUMNS = "a report row can also give its city or province column"


def notes(source: str) -> str:
    return (
        f"note: {source}:5: 'Atlantis' matched no place (best score 57.1); check the spelling "
        f"({COLUMNS} to place it)\n"
        f"note: {source}:7: 'Evin, Karaj' matched no place (the name gives Karaj and a prison "
        f"that lies elsewhere; they contradict each other); check the spelling ({COLUMNS} to "
        "place it)\n"
    )


@pytest.fixture
def fixture_gazetteer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Point iranmap at the hand-made gazetteer, so the expected CSV stays small and fixed."""
    monkeypatch.setenv("IRANMAP_GEODATA", str(FIXTURE))


pytestmark = pytest.mark.usefixtures("fixture_gazetteer")


def run(args: list[str], stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(main, ["geocode", *args], input=stdin)


def test_names_from_stdin() -> None:
    result = run([], NAMES.encode())
    assert (result.exit_code, result.stdout, result.stderr) == (0, CSV, notes("<stdin>"))


def test_a_dash_is_stdin() -> None:
    result = run(["-"], NAMES.encode())
    assert (result.exit_code, result.stdout) == (0, CSV)


def test_names_from_a_file_with_bom_and_crlf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("names.txt").write_bytes(b"\xef\xbb\xbf" + NAMES.replace("\n", "\r\n").encode())
    result = run(["names.txt"])
    assert (result.exit_code, result.stdout, result.stderr) == (0, CSV, notes("names.txt"))


def test_strict_prints_everything_then_exits_1() -> None:
    result = run(["--strict"], NAMES.encode())
    assert result.exit_code == 1
    assert result.stdout == CSV
    assert result.stderr == notes("<stdin>") + "error: 2 of 6 names did not resolve (--strict)\n"


def test_strict_exits_0_when_every_name_matched() -> None:
    result = run(["--strict"], b"Evin\nKhoy\n")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines()[1:] == [
        "Evin,matched,100,evin,Evin Prison,Tehran,IR-23,Tehran,35.69439,51.42151,city",
        "Khoy,matched,100,,,Khūy,IR-04,West Azerbaijan,38.5503,44.9521,city",
    ]


def test_provinces_in_either_iso_scheme() -> None:
    names = "IR-07\nEsfahan\nآذربایجان شرقی\n".encode()
    rows_2020 = run(["--provinces"], names).stdout.splitlines()
    rows_old = run(["--provinces", "--iso-scheme", "pre-2020"], names).stdout.splitlines()
    assert rows_2020 == [
        HEADER.strip(),
        "IR-07,matched,100,,,,IR-07,Fars,,,",
        "Esfahan,matched,100,,,,IR-10,Isfahan,,,",
        "آذربایجان شرقی,matched,100,,,,IR-03,East Azerbaijan,,,",
    ]
    assert rows_old[1] == "IR-07,matched,100,,,,IR-23,Tehran,,,"
    assert rows_old[2:] == rows_2020[2:]


def test_a_file_that_is_not_utf8_is_refused_with_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    # "Evin", then two names saved as Windows-1256 (Persian Windows' own encoding).
    Path("names.txt").write_bytes(b"Evin\n" + "اوين\nقم\n".encode("cp1256"))
    result = run(["names.txt"])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "error: names.txt:2: expected UTF-8 text, found byte 0xc7 at byte 1 of the line "
        "(2 lines like this); save the file as UTF-8 (a spreadsheet's 'CSV UTF-8', or: "
        "iconv -f WINDOWS-1256 -t UTF-8 FILE > FILE.utf8)\n"
    )


def test_utf16_is_refused() -> None:
    result = run([], "Evin\n".encode("utf-16"))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "error: <stdin>:1: expected UTF-8 text, found UTF-16 (it starts with a UTF-16 byte "
        "order mark); save the file as UTF-8\n"
    )


@pytest.mark.parametrize("data", [b"", b"\n  \n", b"\xef\xbb\xbf\r\n"])
def test_no_names_is_refused(data: bytes) -> None:
    result = run([], data)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "error: <stdin>: expected one name per line, found no name (the input is empty or "
        "blank); give one prison, city or province name per line\n"
    )


def test_a_missing_file_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(["nowhere.txt"])
    assert result.exit_code == 2
    assert "File 'nowhere.txt' does not exist" in result.stderr


def test_help_says_what_the_exit_codes_are() -> None:
    result = run(["--help"])
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert ",".join(GEOCODE_COLUMNS) in text
    assert "Exit status: 0 when the input could be read, whatever the statuses" in text
    assert "with --strict, 1 when any name is ambiguous or unmatched" in text


def test_the_shipped_gazetteer_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("IRANMAP_GEODATA")
    names = "Qezelhessar\nCentral Karaj\nAhvaz\nAndimeshk\n"
    result = run([], names.encode())
    assert result.exit_code == 0
    rows = [line.split(",") for line in result.stdout.splitlines()]
    assert rows[0] == list(GEOCODE_COLUMNS)
    assert [(r[0], r[1], r[3], r[6], r[10]) for r in rows[1:]] == [
        ("Qezelhessar", "matched", "ghezel-hesar", "IR-30", "city"),
        ("Central Karaj", "matched", "karaj-central", "IR-30", "city"),
        ("Ahvaz", "matched", "", "IR-06", "city"),  # was ambiguous before issue 10
        ("Andimeshk", "matched", "", "IR-06", "city"),  # the town: its name says no prison
    ]
    assert result.stderr == ""


def test_a_near_spelling_and_a_county_with_the_shipped_gazetteer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("IRANMAP_GEODATA")
    result = run(["--strict"], b"Tarbiz\nMamasani County\n")
    assert result.exit_code == 0
    rows = [line.split(",") for line in result.stdout.splitlines()]
    assert [(r[0], r[1], r[5], r[6], bool(r[8]), r[10]) for r in rows[1:]] == [
        ("Tarbiz", "matched", "Tabriz", "IR-03", True, "city"),
        ("Mamasani County", "matched", "", "IR-07", False, "province"),  # no point, no town
    ]
    assert result.stderr == "note: <stdin>:1: 'Tarbiz' read as Tabriz, a near spelling\n"


def test_iso_scheme_choices_are_the_geocoders() -> None:
    from iranmap.cli import geocode as cli_geocode
    from iranmap.geocode import ISO_SCHEMES

    assert cli_geocode.ISO_SCHEMES == ISO_SCHEMES


def test_control_characters_of_names_are_escaped() -> None:
    result = CliRunner().invoke(main, ["geocode"], input="Evil\x1b[31mName\u2066x\n")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1].startswith("Evil\\u001b[31mName\\u2066x,unmatched,")
    assert not any(c in result.output for c in "\x1b\u2066")


def test_names_that_look_like_formulas_are_written_as_text() -> None:
    names = '=HYPERLINK("http://x.example","Evin")\n+Evin\n-1\n@SUM(A1)\nEvin\n'
    result = run([], names.encode())
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1:] == [
        '"\'=HYPERLINK(""http://x.example"",""Evin"")",unmatched,50,,,,,,,,',
        # the name is still resolved as written: only the cell that repeats it is made inert
        "'+Evin,matched,100,evin,Evin Prison,Tehran,IR-23,Tehran,35.69439,51.42151,city",
        "'-1,unmatched,0,,,,,,,,",
        "'@SUM(A1),unmatched,50,,,,,,,,",
        "Evin,matched,100,evin,Evin Prison,Tehran,IR-23,Tehran,35.69439,51.42151,city",
    ]
