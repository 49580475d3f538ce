"""Issue 16: what every command shares: -h, --version, --quiet, --verbose, one exit-code table."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from minutebook import __version__
from minutebook.cli import app
from minutebook.console.conventions import Exit
from tests.conftest import ROOT, SAMPLES

runner = CliRunner()
LEICS = SAMPLES / "leics_cfosc_minutes_2025-09-02.txt"
# a Word-made PDF whose fonts make pdfminer log "Could not get FontBBox ..."
WORD_PDF = SAMPLES / "burton-cum-walden_parish-council_2025-09-02.pdf"


def _leaf_commands() -> list[list[str]]:
    out: list[list[str]] = []
    for name, command in sorted(get_command(app).commands.items()):  # type: ignore[attr-defined]
        subcommands = getattr(command, "commands", None)
        if subcommands:
            out.extend([name, sub] for sub in sorted(subcommands))
        else:
            out.append([name])
    return out


LEAVES = _leaf_commands()
GROUPS = [["review"], ["links"]]


def test_conventions_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"minutebook {__version__}"


@pytest.mark.parametrize("command", LEAVES + GROUPS, ids=" ".join)
def test_conventions_every_command_has_h_version_quiet_verbose(command: list[str]) -> None:
    short = runner.invoke(app, [*command, "-h"])
    assert short.exit_code == 0, short.stderr
    assert short.stdout == runner.invoke(app, [*command, "--help"]).stdout
    assert "Example: minutebook " + " ".join(command[:1]) in short.stdout
    version = runner.invoke(app, [*command, "--version"])
    assert (version.exit_code, version.stdout.strip()) == (0, f"minutebook {__version__}")
    if command not in GROUPS:
        for flag in ("--quiet", "--verbose", "-q", "-v"):
            assert re.search(rf"(^|\s){flag}\b", short.stdout), flag


def test_conventions_exit_code_table_in_readme_is_the_enum() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Exit codes", 1)[1].split("\n#", 1)[0]
    documented = {int(m) for m in re.findall(r"^\| (\d+) \|", section, re.M)}
    # 3 is kept for the storage failures of issue 14, whether or not the enum has it yet
    assert documented == {int(e) for e in Exit} | {3}


@pytest.fixture(scope="module")
def small_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("conventions") / "m.db"
    result = runner.invoke(app, ["ingest", str(LEICS), "--db", str(db), "-q", "--workers", "1"])
    assert result.exit_code == 0, result.stderr
    return db


def _cases(tmp: Path, db: Path) -> list[tuple[list[str], Exit]]:
    empty = tmp / "empty.pdf"
    empty.write_bytes(b"")
    bad_sheet = tmp / "sheet.csv"
    bad_sheet.write_text("record_id,text_hash,decision,by,note\nnope,x,accept,,\n", "utf-8")
    nope = str(tmp / "nope.txt")
    return [
        (["extract", str(LEICS)], Exit.OK),
        (["extract", nope], Exit.USAGE),
        (["ingest", nope, "--db", str(tmp / "n.db")], Exit.USAGE),
        (["extract", str(empty)], Exit.FAILED),
        (["ingest", str(empty), "--db", str(tmp / "e.db"), "-q"], Exit.FAILED),
        (["extract", str(LEICS), "--why"], Exit.USAGE),
        (["extract", str(LEICS), "--no-such-option"], Exit.USAGE),
        (["export", "--db", str(tmp / "missing.db")], Exit.USAGE),
        (["status", "NOPE 1/99", "--db", str(db)], Exit.USAGE),
        (["review", "accept", "ffffffffffffffff", "--db", str(db)], Exit.USAGE),
        (["links", "confirm", "ffffff", "eeeeee", "--db", str(db)], Exit.USAGE),
        (["review", "import", str(bad_sheet), "--db", str(db)], Exit.FAILED),
        (["search", "--since", "last year", "--db", str(db)], Exit.USAGE),
    ]


def test_conventions_exit_codes_follow_the_table(tmp_path: Path, small_db: Path) -> None:
    got = {
        " ".join(args[:2]) + f" #{i}": runner.invoke(app, args).exit_code
        for i, (args, _) in enumerate(_cases(tmp_path, small_db))
    }
    want = {
        " ".join(args[:2]) + f" #{i}": int(code)
        for i, (args, code) in enumerate(_cases(tmp_path, small_db))
    }
    assert got == want


def test_conventions_errors_are_one_line(tmp_path: Path, small_db: Path) -> None:
    for args, code in _cases(tmp_path, small_db):
        if code is Exit.OK or "--no-such-option" in args:
            continue  # click's own usage message for an unknown option is three lines
        result = runner.invoke(app, args)
        errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
        assert len(errors) <= 1, (args, result.stderr)


def test_conventions_why_without_table_says_what_to_do() -> None:
    result = runner.invoke(app, ["extract", str(LEICS), "--why"])
    assert result.stdout == ""
    assert result.stderr.strip() == (
        "error: --why shows beside each record in a table: add --format table"
    )


def test_conventions_export_help_does_not_say_it_writes_the_database() -> None:
    out = runner.invoke(app, ["export", "--help"]).stdout
    assert "to write" not in out.split("--db", 1)[1].split("\n  -", 1)[0]


def test_conventions_quiet_leaves_out_notes(small_db: Path, tmp_path: Path) -> None:
    loud = runner.invoke(app, ["report", "--db", str(small_db), "--out", str(tmp_path / "a.html")])
    quiet = runner.invoke(
        app, ["report", "--db", str(small_db), "--out", str(tmp_path / "b.html"), "-q"]
    )
    assert (loud.exit_code, quiet.exit_code) == (0, 0)
    assert "wrote" in loud.stderr
    assert quiet.stderr == ""
    assert (tmp_path / "b.html").stat().st_size > 0


def test_conventions_warns_when_a_path_holds_no_document(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    unreadable = tmp_path / "unreadable"
    unreadable.mkdir()
    (unreadable / "budget.xlsx").write_bytes(b"PK\x03\x04 not minutes")
    good = tmp_path / "good"
    good.mkdir()
    shutil.copy(LEICS, good)
    # files named one by one, as a shell glob names them: one fails, one is read
    named_bad = tmp_path / "agenda.xlsx"
    named_bad.write_bytes(b"PK\x03\x04 not minutes")
    named_good = shutil.copy(LEICS, tmp_path / "minutes.txt")
    paths = [empty, unreadable, good, named_bad, named_good]
    result = runner.invoke(app, ["ingest", *map(str, paths), "--db", str(tmp_path / "m.db"), "-q"])
    assert result.exit_code == Exit.FAILED
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    assert warnings == [
        f"warning: {empty}: no documents found (PDF, HTML, DOCX, TXT); check the path",
        f"warning: {unreadable}: no readable document; see 'minutebook failures'",
        f"warning: {named_bad}: no readable document; see 'minutebook failures'",
    ]


def _ingest_word_pdf(tmp_path: Path, *flags: str) -> str:
    # a real process: the warning comes from a spawned worker, which CliRunner cannot show
    env = {k: v for k, v in os.environ.items() if k != "MINUTEBOOK_VERBOSE"}
    done = subprocess.run(
        [
            str(Path(sys.executable).parent / "minutebook"),
            "ingest",
            str(WORD_PDF),
            "--db",
            str(tmp_path / f"m{len(flags)}.db"),
            "--workers",
            "1",
            *flags,
        ],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=300,
    )
    return done.stderr


def test_conventions_library_warnings_only_with_verbose(tmp_path: Path) -> None:
    assert "FontBBox" not in _ingest_word_pdf(tmp_path)
    assert "Could not get FontBBox from font descriptor" in _ingest_word_pdf(tmp_path, "-v")


def _on_a_terminal(args: list[str]) -> tuple[int, str]:
    """Run minutebook with its stderr on a pseudo-terminal: (exit code, what it drew)."""
    import pty

    leader, follower = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in {"MINUTEBOOK_VERBOSE", "NO_COLOR"}}
    env["COLUMNS"] = "160"
    with subprocess.Popen(
        [sys.executable, "-m", "minutebook", *args],
        stdout=subprocess.DEVNULL,
        stderr=follower,
        cwd=ROOT,
        env=env,
    ) as proc:
        os.close(follower)
        drawn = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the process closed the terminal
                break
            if not chunk:
                break
            drawn += chunk
        code = proc.wait()
    os.close(leader)
    return code, drawn.decode("utf-8", "replace")


def test_conventions_a_terminal_gets_the_bar_an_unchanged_rerun_none(tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(LEICS, folder)
    shutil.copy(SAMPLES / "nelincs_cllsp_minutes_2020-07-09.txt", folder)
    db = str(tmp_path / "m.db")
    code, first = _on_a_terminal(["ingest", str(folder), "--db", db, "-w", "1"])
    assert code == 0, first[-2000:]
    assert re.search(r"documents\S*\s.*2/2", first), first[-2000:]  # the bar, at its end
    assert "pages/s" in first
    code, again = _on_a_terminal(["ingest", str(folder), "--db", db, "-w", "1"])
    assert code == 0, again[-2000:]
    # nothing to parse: no bar
    assert "2/2" not in again
    assert "0/0" not in again
    assert "2 documents: 0 written" in again


def test_conventions_no_warning_for_a_folder_named_dot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the files of "." are named "minutes.txt", not "./minutes.txt": still under it
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(LEICS, folder / "minutes.txt")
    monkeypatch.chdir(folder)
    result = runner.invoke(app, ["ingest", ".", "--db", str(tmp_path / "m.db"), "-q"])
    assert result.exit_code == 0, result.stderr
    assert "warning:" not in result.stderr
    assert "1 documents: 1 written" in result.stderr
