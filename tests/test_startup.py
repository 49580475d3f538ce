"""Start-up stays cheap (issue 15): what `minutebook --help` imports, checked by name.

No timing is asserted here (benchmarks/real_pdfs.py measures it); instead the heavy
libraries are named, so a top-level import that pulls one back in fails a test.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from minutebook.commands import review
from minutebook.store import reviews

ROOT = Path(__file__).resolve().parent.parent
# what a command imports in its body, never at start-up: each costs --help 0.02-0.5 s
HEAVY = (
    "spacy",
    "thinc",
    "pdfplumber",
    "pdfminer",
    "pypdfium2",
    "dateparser",
    "sqlite_utils",
    "numpy",
    "pydantic",
    "rich",
    "jinja2",
    "rapidfuzz",
    "selectolax",
    "docx",
)


def _imported(*args: str) -> set[str]:
    """Top-level packages that `python -X importtime -m minutebook ARGS` imported."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "minutebook", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = [ln for ln in done.stderr.splitlines() if ln.startswith("import time:")]
    assert len(lines) > 50, done.stderr[-2000:]  # importtime did report
    return {ln.rsplit("|", 1)[1].strip().split(".")[0] for ln in lines}


def test_help_imports_typer_and_the_commands_only() -> None:
    imported = _imported("--help")
    assert "typer" in imported
    assert sorted(imported & set(HEAVY)) == []


def test_a_subcommands_help_imports_no_more() -> None:
    # typer 0.29 would import pydantic here: it coerces each parameter it parses through
    # a TypeAdapter (pyproject.toml pins typer below it)
    imported = _imported("review", "edit", "--help")
    assert sorted(imported & set(HEAVY)) == []


def test_an_unchanged_rerun_imports_no_parser_numpy_or_pydantic(tmp_path: Path) -> None:
    # an unchanged re-run is start-up and a hash per file: sqlite-utils is imported
    # without numpy (store/sqlite_import.py), and the models come only with an analysis
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "minutes.txt").write_text(
        (ROOT / "samples" / "nelincs_cllsp_minutes_2020-07-09.txt").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    db = str(tmp_path / "m.db")
    first = subprocess.run(
        [sys.executable, "-m", "minutebook", "ingest", str(folder), "--db", db, "-w", "1"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert first.returncode == 0, first.stderr[-2000:]
    imported = _imported("ingest", str(folder), "--db", db, "-w", "1")
    assert "sqlite_utils" in imported
    assert sorted(imported & set(HEAVY)) == ["rich", "sqlite_utils"]


def test_the_review_fields_spelled_out_for_help_are_the_editable_ones() -> None:
    assert review.EDITABLE == reviews.EDITABLE


def _run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return done.stdout.strip()


def test_spacy_is_imported_without_its_command_line() -> None:
    # extract/spacy_import.py: spacy.cli brings typer, requests and weasel, 0.4 CPU-s
    code = (
        "import sys, minutebook.extract.nlp; "
        "print(sorted({'spacy.cli', 'spacy.cli.info', 'requests', 'weasel'} & set(sys.modules)))"
    )
    assert _run(code) == "[]"


def test_spacys_command_line_imports_as_usual_afterwards() -> None:
    # the stand-in is gone: spacy.cli is spaCy's own, and spacy.info() calls its info
    code = (
        "import sys, minutebook.extract.nlp, spacy, spacy.cli; "
        "print(sys.modules['spacy.cli.info'].__file__.endswith('cli/info.py'), "
        "spacy.info(silent=True)['spacy_version'] == spacy.__version__)"
    )
    assert _run(code) == "True True"


def test_extract_run_as_the_command_line_prints_all_of_it_and_exits_0() -> None:
    # the process skips Python's teardown once the records are out
    # (conventions.end_read_only_command): nothing printed may be lost on the way
    from typer.testing import CliRunner

    from minutebook.cli import app

    sample = "samples/surrey_cfllc_tracker_2022-12.txt"
    for fmt in ("jsonl", "table"):
        done = subprocess.run(
            [sys.executable, "-m", "minutebook", "extract", sample, "-f", fmt],
            capture_output=True,
            text=True,
            check=False,
            cwd=ROOT,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        assert done.stdout == CliRunner().invoke(app, ["extract", sample, "-f", fmt]).stdout
        assert done.stdout.count("\n") > 10


def test_our_own_processes_start_openblas_with_one_thread_unless_told(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from minutebook.console import conventions

    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    conventions.one_blas_thread()
    assert os.environ["OPENBLAS_NUM_THREADS"] == "1"
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "4")  # a user's own setting stands
    conventions.one_blas_thread()
    assert os.environ["OPENBLAS_NUM_THREADS"] == "4"


def _every_command_line() -> list[list[str]]:
    """Each command and sub-command the CLI has, as the words that name it."""
    import typer.main
    from typer._click import core as click
    from typer.core import TyperGroup

    from minutebook.cli import app

    def walk(command: click.Command, words: list[str]) -> list[list[str]]:
        found = [words] if words else []
        if isinstance(command, TyperGroup):
            for name, sub in command.commands.items():
                found += walk(sub, [*words, name])
        return found

    return walk(typer.main.get_command(app), [])


def test_a_command_line_naming_one_command_builds_only_that_one() -> None:
    # App.__call__ builds the named command alone (issue 15: 30 ms of each start-up)
    code = """
import sys
import typer.main as m
from minutebook.cli import app

built = []
real = m.get_command_from_info

def counted(command_info, **kwargs):
    built.append(command_info.name)
    return real(command_info, **kwargs)

m.get_command_from_info = counted
sys.argv = ["minutebook", "failures", "--help"]
try:
    app()
except SystemExit:
    pass
print([name for name in built if name], file=sys.stderr)
"""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    # the holders of the shared options are built too, but they have no name
    assert done.stderr.strip() == "['failures']"
    assert "Usage: minutebook failures [OPTIONS]" in done.stdout


def test_each_commands_help_is_the_same_built_alone_or_with_all(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # the narrowed group must read exactly like the whole one: usage line, options, epilog
    import typer.main

    from minutebook.cli import app

    def shown(command: Callable[..., object], words: list[str]) -> str:
        with contextlib.suppress(SystemExit):
            command(args=[*words, "--help"], prog_name="minutebook", standalone_mode=False)
        return capsys.readouterr().out

    lines = _every_command_line()
    assert len(lines) > 15  # the walk did find the commands and the groups' sub-commands
    whole = typer.main.get_command(app)
    for words in lines:
        alone = shown(app, words)
        assert alone.startswith(f"Usage: minutebook {' '.join(words)} ")
        assert alone == shown(whole, words), words


def test_a_mistyped_command_still_gets_a_suggestion() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "minutebook", "ingets", "samples"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 2
    assert "Did you mean 'ingest'?" in done.stderr


def test_arguments_given_to_the_app_name_the_command_not_the_process_arguments(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # click's main() takes the arguments first and positionally: app(["export", "--help"])
    from minutebook.cli import app

    monkeypatch.setattr(sys, "argv", ["minutebook", "failures"])
    with contextlib.suppress(SystemExit):
        app(["export", "--help"], prog_name="minutebook", standalone_mode=False)
    assert capsys.readouterr().out.startswith("Usage: minutebook export ")
