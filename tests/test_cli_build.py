"""`iranmap build` at the command line: what it prints, and what hostile or broken input does.

Every case asserts the exact message, that no traceback is printed, and that no input file
changed.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import iranmap._stamp
import iranmap.build
import iranmap.output
from iranmap.cli import main
from iranmap.cli.build import NO_BASE_URL

REPO = Path(__file__).resolve().parents[1]
SHIPPED = REPO / "geodata" / "reports"


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder``, by relative path."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def copy_report(tmp_path: Path, name: str = "2025-01-01-ncri", as_name: str | None = None) -> Path:
    target = tmp_path / "reports" / (as_name or name)
    shutil.copytree(SHIPPED / name, target)
    return target


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


def ctrl_c_as_typed_at_a_terminal() -> None:
    """For ``preexec_fn``: the command starts with SIGINT at its default disposition, as one
    typed at a terminal does, whatever this test process inherited (a shell's background job,
    ``pytest &``, starts with SIGINT ignored, and its children with it)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def ctrl_c_ignored_as_in_the_background() -> None:
    """For ``preexec_fn``: the command starts with SIGINT ignored, as a shell's background
    job does."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def no_traceback(result: Result) -> None:
    assert "Traceback" not in result.output
    assert "Traceback" not in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_header_without_rows_builds_and_prints_one_warning_line(tmp_path: Path) -> None:
    report = copy_report(tmp_path)
    (report / "prisons.csv").write_text("prison,executions\n", encoding="utf-8")
    before = snapshot(report)
    result = run("build", report, "--out", tmp_path / "out", "--lang", "en")
    no_traceback(result)
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"warning: {report}/prisons.csv:1: has a header but no rows; "
        f"the report itemizes no prison\nwarning: {NO_BASE_URL}\n"
    )
    assert "UserWarning" not in result.output
    assert (tmp_path / "out" / "2025-01-01-ncri" / "choropleth.html").is_file()
    again = run("build", report, "--out", tmp_path / "out", "--lang", "en")
    # An unchanged report repeats its warnings; no snippet was written this time.
    assert again.stderr + f"warning: {NO_BASE_URL}\n" == result.stderr
    assert (
        again.stdout
        == "2025-01-01-ncri: up to date\n1 of 1 reports built into " + str(tmp_path / "out") + "\n"
    )
    assert snapshot(report) == before


@pytest.fixture(scope="module")
def one_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_report(tmp_path_factory.mktemp("one"))


def test_without_a_terminal_every_file_is_listed_and_nothing_else(
    one_report: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = run("build", one_report, "--out", out, "--lang", "en")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert f"created {out}/2025-01-01-ncri/choropleth.html" in lines
    assert lines[-1] == f"1 of 1 reports built into {out}"
    assert "building" not in result.output and "━" not in result.output
    assert result.stderr == f"warning: {NO_BASE_URL}\n"


def test_on_a_terminal_each_report_gets_one_line(
    one_report: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import iranmap.cli.build

    monkeypatch.setattr(iranmap.cli.build, "_terminal", lambda: True)
    out = tmp_path / "out"
    result = run("build", one_report, "--out", out, "--lang", "en", "--base-url", "https://x.org")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert re.fullmatch(
        rf"2025-01-01-ncri: \d+ files written in {re.escape(str(out))}/2025-01-01-ncri "
        r"\(\d+\.\d s\)",
        lines[0],
    ), lines
    assert not any(line.startswith("created ") and "2025-01-01-ncri" in line for line in lines)
    assert lines[-1] == f"1 of 1 reports built into {out}"
    assert result.stderr.strip() == ""  # with a base URL, no warning


def test_quiet_prints_only_warnings_and_errors(one_report: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("build", one_report, "--out", out, "--lang", "en", "--quiet")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == f"warning: {NO_BASE_URL}\n"
    assert (out / "2025-01-01-ncri" / "choropleth.html").is_file()
    broken = copy_report(tmp_path, as_name="broken")
    (broken / "prisons.csv").write_text("prison,executions\nEvin,x\n", encoding="utf-8")
    failed = run("build", broken, "--out", out, "--lang", "en", "-q")
    assert failed.exit_code == 1 and failed.stdout == ""
    assert failed.stderr.startswith(f"error: broken: {broken}/prisons.csv:2: executions 'x'")


def test_a_stray_python_warning_prints_as_one_line_without_source(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import warnings

    from iranmap.cli import _output

    monkeypatch.setattr(warnings, "filters", [])  # as outside pytest: warnings are shown
    shown: list[str] = []
    monkeypatch.setattr(_output, "echo_warning", shown.append)
    with _output.warnings_as_lines():
        warnings.simplefilter("always")
        warnings.warn("something odd", UserWarning, stacklevel=1)
    assert shown == ["something odd"]


# ---------------------------------------------------------------------------------------------
# where a report goes: its id, --out


def test_dot_and_dot_dot_build_under_the_folders_resolved_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = copy_report(tmp_path, as_name="my-report")
    (report / "sub").mkdir()
    monkeypatch.chdir(report)
    result = run("build", ".", "--out", tmp_path / "out", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"created {tmp_path / 'out' / 'my-report'}/")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        ".gitignore",
        ".iranmap-build.json",
        ".iranmap.lock",
        "index.html",
        "my-report",
    ]
    monkeypatch.chdir(tmp_path)
    again = run("build", "reports/my-report/sub/..", "--out", "out", "--lang", "en")
    assert again.exit_code == 0, again.output
    assert again.stdout == "my-report: up to date\n1 of 1 reports built into out\n"


@pytest.mark.parametrize(
    ("name", "suggestion"),
    [
        ("My Report!", "my-report"),
        (".hidden", "hidden"),
        ("rapport-été", "rapport-ete"),
        ("گزارش", "my-report"),
    ],
)
def test_a_folder_name_that_is_no_plain_id_is_refused(
    tmp_path: Path, name: str, suggestion: str
) -> None:
    report = copy_report(tmp_path, as_name=name)
    before = snapshot(tmp_path)
    result = run("build", report, "--out", tmp_path / "out")
    no_traceback(result)
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {report}: the report's id is its folder's name, and {name!r} cannot be one: "
        "use only lowercase letters a-z, digits 0-9, '-', '_' and '.' (not first); "
        f"rename the folder, e.g. to {suggestion!r}\n"
    )
    written = [p.name for p in (tmp_path / "out").iterdir() if p.is_dir()]
    assert written == []  # nothing of the report: the others (none) and the gallery build
    assert {k: v for k, v in snapshot(tmp_path).items() if not k.startswith("out/")} == before


@pytest.mark.parametrize(
    ("out", "relation"),
    [
        ("reports/2025-01-01-ncri", "is the report folder"),
        ("reports/2025-01-01-ncri/maps", "is inside the report folder"),
        ("reports", "holds the report folder"),
        (".", "holds the report folder"),
    ],
)
def test_out_may_not_be_hold_or_be_inside_a_report_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, out: str, relation: str
) -> None:
    copy_report(tmp_path)
    monkeypatch.chdir(tmp_path)
    before = snapshot(tmp_path)
    result = run("build", "reports/2025-01-01-ncri", "--out", out)
    no_traceback(result)
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: --out: the output folder {out} {relation} reports/2025-01-01-ncri, and the "
        "maps must not mix with the reports; choose an output folder outside every report "
        "folder, e.g. a maps folder beside them\n"
    )
    assert snapshot(tmp_path) == before


def test_two_reports_with_one_id_are_an_error_naming_both(tmp_path: Path) -> None:
    first = copy_report(tmp_path / "a")
    second = copy_report(tmp_path / "b")
    before = snapshot(tmp_path)
    result = run("build", first, second, "--out", tmp_path / "out", "--base-url", "https://x.org")
    no_traceback(result)
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {second}: two reports have the id '2025-01-01-ncri': {first} and {second}; "
        "a report's id is its folder's name, so rename one of the folders\n"
    )
    assert (tmp_path / "out" / "2025-01-01-ncri" / "summary.json").is_file()  # the first
    assert {k: v for k, v in snapshot(tmp_path).items() if not k.startswith("out/")} == before


def test_a_symlink_in_out_is_not_followed(tmp_path: Path) -> None:
    report = copy_report(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "2025-01-01-ncri").symlink_to(elsewhere)
    result = run("build", report, "--out", tmp_path / "out")
    no_traceback(result)
    assert result.exit_code == 1
    link = tmp_path / "out" / "2025-01-01-ncri"
    assert result.stderr == (
        f"error: {report}: {link} is a symbolic link, and iranmap writes only inside the "
        "output folder; remove the link, or choose another output folder\n"
    )
    assert list(elsewhere.iterdir()) == []


# ---------------------------------------------------------------------------------------------
# errors of the operating system


def test_out_below_a_file_is_one_clear_error(tmp_path: Path) -> None:
    report = copy_report(tmp_path)
    (tmp_path / "file").write_text("not a folder\n", encoding="utf-8")
    before = snapshot(tmp_path)
    result = run("build", report, "--out", tmp_path / "file" / "maps")
    no_traceback(result)
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: --out: cannot write {tmp_path / 'file' / 'maps'}: a part of the path is a "
        "file, not a folder; choose an output path whose every part is a folder "
        "(or that does not exist yet)\n"
    )
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(
    ("code", "message"),
    [
        (errno.ENOSPC, "no space is left on the device; free some space and build again"),
        (errno.EROFS, "the file system is read-only; choose an output folder on a writable disk"),
        (
            errno.EACCES,
            "permission denied; choose an output folder you can write to, or change its "
            "permissions",
        ),
    ],
)
def test_a_failing_write_is_one_clear_error_and_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, message: str
) -> None:
    report = copy_report(tmp_path)
    before = snapshot(report)

    real_replace = os.replace

    def failing_replace(source: str, target: str) -> None:
        if Path(target).name == "combined.html":  # the disk fills up at this file
            raise OSError(code, os.strerror(code))
        real_replace(source, target)

    monkeypatch.setattr(iranmap.output.os, "replace", failing_replace)
    out = tmp_path / "out"
    result = run("build", report, "--out", out, "--lang", "en")
    no_traceback(result)
    assert result.exit_code == 1
    failed = out / "2025-01-01-ncri" / "combined.html"
    assert result.stderr == f"error: 2025-01-01-ncri: --out: cannot write {failed}: {message}\n"
    assert "0 of 1 reports built" in result.stdout
    written = snapshot(out / "2025-01-01-ncri")
    assert written and "combined.html" not in written
    assert not [name for name in written if iranmap.output.TEMP_PREFIX in name]
    whole = tmp_path / "whole"
    monkeypatch.setattr(iranmap.output.os, "replace", real_replace)
    assert run("build", report, "--out", whole, "--lang", "en").exit_code == 0
    expected = snapshot(whole / "2025-01-01-ncri")
    assert all(expected[name] == data for name, data in written.items())
    assert snapshot(report) == before


def test_a_broken_summary_in_out_is_left_out_of_the_gallery_with_a_warning(
    tmp_path: Path,
) -> None:
    report = copy_report(tmp_path)
    out = tmp_path / "out"
    (out / "stray").mkdir(parents=True)
    (out / "stray" / "summary.json").write_text("{broken", encoding="utf-8")
    (out / "other").mkdir()
    (out / "other" / "summary.json").write_text('{"id": "other"}', encoding="utf-8")
    result = run("build", report, "--out", out, "--lang", "en", "--base-url", "https://x.org/m")
    no_traceback(result)
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"warning: {out}/other/summary.json: lacks what the gallery shows "
        "(KeyError: 'period'); the gallery leaves it out: build that report again, "
        "or remove its folder",
        f"warning: {out}/stray/summary.json: is not JSON (Expecting property name enclosed "
        "in double quotes: line 1 column 2 (char 1)); the gallery leaves it out: build that "
        "report again, or remove its folder",
    ]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'id="2025-01-01-ncri"' in index
    assert "stray" not in index and '"other"' not in index


# ---------------------------------------------------------------------------------------------
# Ctrl-C, and two builds at once


def test_ctrl_c_prints_one_line_exits_130_and_leaves_every_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = copy_report(tmp_path)
    before = snapshot(report)
    whole = tmp_path / "whole"
    assert run("build", report, "--out", whole, "--lang", "en").exit_code == 0
    real = iranmap.build.sync_file
    calls: list[Path] = []

    def interrupted_sync(path: Path, data: bytes) -> object:
        calls.append(path)
        if len(calls) == 4:
            raise KeyboardInterrupt
        return real(path, data)

    monkeypatch.setattr(iranmap.build, "sync_file", interrupted_sync)
    out = tmp_path / "out"
    result = run("build", report, "--out", out, "--lang", "en")
    assert result.exit_code == 130
    assert result.stderr == (
        "interrupted; the files already written are whole, and nothing half-written was left\n"
    )
    assert result.stdout == ""
    no_traceback(result)
    written = snapshot(out / "2025-01-01-ncri")
    assert len(written) == 3
    expected = snapshot(whole / "2025-01-01-ncri")
    assert all(expected[name] == data for name, data in written.items())
    assert snapshot(report) == before


@pytest.mark.slow
def test_ctrl_c_at_any_moment_of_a_real_build_exits_130_without_a_traceback(
    tmp_path: Path,
) -> None:
    """Ctrl-C (SIGINT) to the command, at moments spread over a whole build: from while its
    modules are still being imported (where a stop once left numpy broken and surfaced as "a
    bug in iranmap") to its last files. Each run stops with one line and exit 130, or has
    already finished; never a traceback, never a half-written file, never a changed input."""
    report = copy_report(tmp_path, "2024-ncri")
    before = snapshot(report)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "iranmap", "build", str(report), "--out", str(out)]
    ends = []
    # Python's own start, before iranmap's first module has set up its Ctrl-C, is the one
    # moment left out: the first stop comes as the first module after it is imported (told by
    # -X importtime, so it lands there however loaded the machine); the second as the build
    # writes its first file; then at 0.15 of the time it took to get there (this machine's, as
    # loaded now) the build is still importing (numpy, pandas), and at 0.45 it reads, places
    # and draws.
    until_written = 0.0
    for moment in ("first import", "first file", 0.15, 0.45):
        shutil.rmtree(out, ignore_errors=True)
        started = time.monotonic()
        process = subprocess.Popen(
            [sys.executable, "-X", "importtime", *command[1:]],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            preexec_fn=ctrl_c_as_typed_at_a_terminal,
        )
        assert process.stderr is not None
        seen = ""
        if moment == "first import":
            ready = False  # iranmap._interrupt imported: its Ctrl-C is set up next
            for line in process.stderr:
                seen += line
                if ready:
                    break  # a module imported after it
                ready = line.rstrip().endswith("| iranmap._interrupt")
            assert ready, seen
        elif moment == "first file":
            while process.poll() is None and not _a_file_written(out):
                time.sleep(0.001)
            until_written = time.monotonic() - started
        else:
            time.sleep(until_written * float(moment))
        process.send_signal(signal.SIGINT)
        seen += process.communicate(timeout=60)[1]
        stderr = "".join(
            line for line in seen.splitlines(keepends=True) if not line.startswith("import time:")
        )
        assert "Traceback" not in stderr, (moment, stderr)
        assert process.returncode in (0, 130), (moment, process.returncode, stderr)
        if process.returncode == 130:
            assert stderr.splitlines()[-1] in (
                "interrupted",
                "interrupted; the files already written are whole, and nothing half-written "
                "was left",
            )
        assert not list(out.rglob(f"{iranmap.output.TEMP_PREFIX}*")), moment
        ends.append(process.returncode)
    assert 130 in ends, ends  # at least one stop came before the build was done
    assert snapshot(report) == before


def _a_file_written(out: Path) -> bool:
    """Whether a build into ``out`` has begun to write its files (its lock aside)."""
    return any(p.name != iranmap.output.LOCK_NAME for p in out.rglob("*") if p.is_file())


def test_an_interruption_waits_for_the_import_under_way(tmp_path: Path) -> None:
    """The command's Ctrl-C, arriving while a module is being imported, is raised once the
    import is done: the module is whole, and the interruption still stops the command, at
    once, even where the command then waits or sleeps (it once waited out a 5 s sleep)."""
    (tmp_path / "slow_module.py").write_text(
        "import time\nfor _ in range(40):\n    time.sleep(0.01)\nWHOLE = True\n", encoding="utf-8"
    )
    script = (
        "import signal, sys, threading, time\n"
        "from iranmap._interrupt import stop_between_imports\n"
        "stop_between_imports()\n"
        "threading.Timer(0.1, signal.raise_signal, (signal.SIGINT,)).start()\n"
        "try:\n"
        "    import slow_module\n"
        "    print('imported', slow_module.WHOLE, flush=True)\n"
        "    started = time.monotonic()\n"
        "    time.sleep(5)\n"
        "    print('not interrupted')\n"
        "except KeyboardInterrupt:\n"
        "    print('interrupted after', sys.modules['slow_module'].WHOLE)\n"
        "    print('waited', time.monotonic() - started < 2)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=30,
        preexec_fn=ctrl_c_as_typed_at_a_terminal,
    )
    assert done.stdout.splitlines() == ["imported True", "interrupted after True", "waited True"]
    assert done.stderr == ""


def test_an_ignored_ctrl_c_stays_ignored() -> None:
    """A command a shell started in the background, with SIGINT ignored, keeps ignoring it."""
    script = (
        "import signal\n"
        "print(signal.getsignal(signal.SIGINT) is signal.SIG_IGN)\n"
        "from iranmap._interrupt import stop_between_imports\n"
        "stop_between_imports()\n"
        "print(signal.getsignal(signal.SIGINT) is signal.SIG_IGN)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        preexec_fn=ctrl_c_ignored_as_in_the_background,
    )
    assert done.stdout == "True\nTrue\n", done  # ignored as it started, and still ignored


def test_a_second_build_waits_for_the_lock_then_refuses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = copy_report(tmp_path)
    before = snapshot(report)
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(iranmap.output, "LOCK_TIMEOUT", 0.3)
    with (out / ".iranmap.lock").open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        result = run("build", report, "--out", out)
    no_traceback(result)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"waiting for another iranmap build to finish writing to {out}",
        f"error: --out: another iranmap build has been writing to {out} for more than 0.3 s "
        f"(it holds {out}/.iranmap.lock); wait for it to finish and build again, "
        "or choose another output folder",
    ]
    assert sorted(p.name for p in out.iterdir()) == [".iranmap.lock"]
    released = run("build", report, "--out", out, "--lang", "en")
    assert released.exit_code == 0, released.output
    assert snapshot(report) == before


def test_clean_up_removes_only_temporary_files_of_builds_no_longer_running(
    tmp_path: Path,
) -> None:
    report = copy_report(tmp_path)
    folder = tmp_path / "out" / "2025-01-01-ncri"
    folder.mkdir(parents=True)
    finished = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    dead = int(finished.stdout)
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"]) as alive:
        try:
            theirs = folder / f".iranmap-tmp-{alive.pid}-k2j4x8"
            left = folder / f".iranmap-tmp-{dead}-q9w8e7"
            mine = folder / f".points.html.{dead}.q9w8e7.tmp"  # a user's own, named alike
            for path in (theirs, left, mine):
                path.write_bytes(b"half")
            result = run("build", report, "--out", tmp_path / "out", "--lang", "en")
            assert result.exit_code == 0, result.output
            assert theirs.read_bytes() == b"half"
            assert mine.read_bytes() == b"half"
            assert not left.exists()
        finally:
            alive.kill()


def test_a_stamp_naming_files_outside_the_report_folder_is_not_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = copy_report(tmp_path)
    out = tmp_path / "out"
    assert run("build", report, "--out", out, "--lang", "en").exit_code == 0
    stamp = out / "2025-01-01-ncri" / iranmap.build.STAMP_NAME
    data = json.loads(stamp.read_text(encoding="utf-8"))
    secret = tmp_path / "secret.txt"
    secret.write_text("private\n", encoding="utf-8")
    data["files"] = {"../../secret.txt": hashlib.sha256(b"private\n").hexdigest()}
    stamp.write_text(json.dumps(data), encoding="utf-8")
    real = iranmap.build.read_output
    read: list[Path] = []

    def recorded(path: Path) -> bytes | None:
        read.append(path)
        return real(path)

    monkeypatch.setattr(iranmap.build, "read_output", recorded)
    monkeypatch.setattr(iranmap._stamp, "read_output", recorded)
    monkeypatch.setattr(iranmap.output, "read_output", recorded)
    result = run("build", report, "--out", out, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert read  # the stamp was not trusted: the report was rendered and compared again
    assert all(out.resolve() in p.resolve().parents for p in read), read
    assert secret.read_text(encoding="utf-8") == "private\n"


@pytest.mark.slow
def test_step_cuts_the_timeline_of_a_report_with_events(tmp_path: Path) -> None:
    report = copy_report(tmp_path, "2025-01-ncri-tally")
    out = tmp_path / "maps"
    weekly = run("build", report, "--out", out, "--lang", "en")
    assert weekly.exit_code == 0, weekly.output
    steps = out / "2025-01-ncri-tally" / "steps-totals.csv"
    assert steps.read_text(encoding="utf-8").count("\n2025-01-") == 5  # a month: five weeks
    monthly = run("build", report, "--out", out, "--lang", "en", "--step", "month")
    assert monthly.exit_code == 0, monthly.output
    assert f"updated {steps}\n" in monthly.output
    assert steps.read_text(encoding="utf-8").count("\n2025-01") == 1
    check = run("build", "--check", report, "--out", out, "--lang", "en", "--step", "month")
    assert check.exit_code == 0, check.output
    stale = run("build", "--check", report, "--out", out, "--lang", "en")
    assert stale.exit_code == 1
    assert f"out of date: {steps}\n" in stale.stderr


def test_an_unknown_step_is_one_clear_error_before_anything_is_built(tmp_path: Path) -> None:
    report = copy_report(tmp_path, "2025-01-ncri-tally")
    out = tmp_path / "maps"
    result = run("build", report, "--out", out, "--step", "day")
    no_traceback(result)
    assert result.exit_code == 1
    assert result.stderr == (
        "error: --step: expected one of month, week, quarter, year, found 'day'\n"
    )
    assert not out.exists()


def test_files_a_build_no_longer_makes_are_removed_and_a_readers_own_stay(
    tmp_path: Path,
) -> None:
    """A Persian page left from an earlier build would show old figures: a build removes
    what its last build wrote and it no longer makes, and nothing else."""
    report = copy_report(tmp_path)
    out = tmp_path / "out"
    assert run("build", report, "--out", out).exit_code == 0
    folder = out / report.name
    own = folder / "notes.txt"
    own.write_text("mine", encoding="utf-8")
    persian = sorted(p.name for p in folder.iterdir() if ".fa." in p.name)
    assert "combined.fa.html" in persian
    english = run("build", report, "--out", out, "--lang", "en")
    assert english.exit_code == 0, english.output
    for name in persian:
        assert f"removed {folder / name}\n" in english.output
        assert not (folder / name).exists()
    assert own.read_text(encoding="utf-8") == "mine"
    again = run("build", report, "--out", out)
    assert f"created {folder / 'combined.fa.html'}\n" in again.output
    assert sorted(p.name for p in folder.iterdir() if ".fa." in p.name) == persian


@pytest.mark.slow
def test_named_reports_built_elsewhere_write_a_series_only_when_whole_or_asked(
    tmp_path: Path,
) -> None:
    """A series of some of its steps would understate its totals: building some of its
    reports with --out leaves it out, says so, and writes it with --series or all its steps."""
    reports = REPO / "geodata" / "reports"
    months = [reports / f"2024-0{m}-hengaw" for m in range(1, 7)]
    out = tmp_path / "some"
    some = CliRunner().invoke(main, ["build", str(months[0]), "--out", str(out), "--lang", "en"])
    assert some.exit_code == 0, some.output
    assert (
        "warning: series/hengaw-monthly was not written: 1 of its 6 steps was named "
        "(2024-02-hengaw, 2024-03-hengaw, 2024-04-hengaw, 2024-05-hengaw, 2024-06-hengaw not); "
        "name all of them to build it, or build again with --series\n"
    ) in some.stderr
    assert not (out / "series").exists()
    check = CliRunner().invoke(
        main, ["build", "--check", str(months[0]), "--out", str(out), "--lang", "en"]
    )
    assert check.exit_code == 0, check.output
    asked = CliRunner().invoke(
        main, ["build", str(months[0]), "--out", str(out), "--lang", "en", "--series"]
    )
    assert asked.exit_code == 0, asked.output
    assert (out / "series" / "hengaw-monthly" / "timeline.html").is_file()
    whole = tmp_path / "whole"
    every = CliRunner().invoke(
        main, ["build", *map(str, months), "--out", str(whole), "--lang", "en"]
    )
    assert every.exit_code == 0, every.output
    assert "was not written" not in every.stderr
    assert (whole / "series" / "hengaw-monthly" / "timeline.html").is_file()


@pytest.mark.slow
def test_a_comparison_is_written_only_with_its_reports(tmp_path: Path) -> None:
    """A build never remakes a comparison none of whose reports it builds; with --out, one of
    its reports alone leaves it out and says so, as for a series, until all are named or
    --series asks for it."""
    reports = REPO / "geodata" / "reports"
    out = tmp_path / "one"
    other = CliRunner().invoke(
        main, ["build", str(reports / "2025-01-01-ncri"), "--out", str(out), "--lang", "en"]
    )
    assert other.exit_code == 0, other.output
    assert "comparisons/" not in other.output + other.stderr
    assert not (out / "comparisons").exists()
    one = CliRunner().invoke(
        main, ["build", str(reports / "2024-ncri"), "--out", str(out), "--lang", "en"]
    )
    assert one.exit_code == 0, one.output
    assert (
        "warning: comparisons/2024 was not written: 1 of its 5 reports was named "
        "(2024-amnesty, 2024-hengaw, 2024-ihrngo, 2024-ohchr not); "
        "name all of them to build it, or build again with --series\n"
    ) in one.stderr
    assert not (out / "comparisons").exists()
    check = CliRunner().invoke(
        main, ["build", "--check", str(reports / "2024-ncri"), "--out", str(out), "--lang", "en"]
    )
    assert check.exit_code == 0, check.output
    asked = CliRunner().invoke(
        main,
        ["build", str(reports / "2024-ncri"), "--out", str(out), "--lang", "en", "--series"],
    )
    assert asked.exit_code == 0, asked.output
    assert sorted(p.name for p in (out / "comparisons").iterdir()) == ["2024"]
    assert (out / "comparisons" / "2024" / "sources.html").is_file()
    every = CliRunner().invoke(
        main,
        [
            "build",
            *(str(p) for p in sorted(reports.glob("2024-*"))),
            *("--out", str(tmp_path / "all"), "--lang", "en"),
        ],
    )
    assert every.exit_code == 0, every.output
    assert "was not written" not in every.stderr
    assert sorted(p.name for p in (tmp_path / "all" / "comparisons").iterdir()) == ["2024"]
