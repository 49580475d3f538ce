"""Pattern files a clerk extends: a local folder (MINUTEBOOK_PATTERNS) overrides ours, and a
bad line stops the run at once with the file, the line and what to do, losing nothing."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from minutebook.cli import app
from minutebook.extract.vocab import ENV
from tests.conftest import ROOT, SAMPLES

BUNDLED = ROOT / "minutebook" / "extract" / "patterns"
MINUTEBOOK = str(ROOT / ".venv" / "bin" / "minutebook")

PARISH = """Little Snoring Parish Council
Minutes of the meeting held on 14 March 2025

5. Drainage on Mill Lane
The blocked ditch on Mill Lane was discussed.
RESOLVED: that the Lengthsman be asked to clear the ditch on Mill Lane by 30 April 2025.
6. Footpaths
RESOLVED: that the Clerk be asked to write to the Footpath Officer.
"""


def _run(*args: str, patterns: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "MINUTEBOOK_PATTERNS"}
    if patterns is not None:
        env["MINUTEBOOK_PATTERNS"] = str(patterns)
    return subprocess.run(
        [MINUTEBOOK, *args], capture_output=True, text=True, env=env, timeout=300, check=False
    )


def _owners(result: subprocess.CompletedProcess[str]) -> dict[str, str | None]:
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    return {r["code"]: r["owner"] for r in rows}


def test_a_local_role_title_is_used_and_ours_stay(tmp_path: Path) -> None:
    minutes = tmp_path / "parish.txt"
    minutes.write_text(PARISH, encoding="utf-8")
    bundled = (BUNDLED / "roles.txt").read_text(encoding="utf-8")
    assert "lengthsman" not in bundled.lower()
    assert _owners(_run("extract", str(minutes))) == {"5": None, "6": "Clerk"}

    local = tmp_path / "patterns"
    local.mkdir()
    (local / "roles.txt").write_text(bundled + "Lengthsman\n", encoding="utf-8")
    # only roles.txt is local: introducers and the rest still come from the package
    assert _owners(_run("extract", str(minutes), patterns=local)) == {
        "5": "Lengthsman",
        "6": "Clerk",
    }


def test_a_local_person_title_names_an_owner(tmp_path: Path) -> None:
    # one list of titles (person_titles.txt) for the grammar, tags, initials and outline
    minutes = tmp_path / "parish.txt"
    minutes.write_text(
        "Little Snoring Parish Council\nMinutes of the meeting held on 14 March 2025\n\n"
        "5. Signs\nAlderman Brown to order the new signs for the green.\n",
        encoding="utf-8",
    )
    assert _owners(_run("extract", str(minutes))) == {}
    local = tmp_path / "patterns"
    local.mkdir()
    bundled = (BUNDLED / "person_titles.txt").read_text(encoding="utf-8")
    (local / "person_titles.txt").write_text(bundled + "alderman\n", encoding="utf-8")
    assert _owners(_run("extract", str(minutes), patterns=local)) == {"5": "Alderman Brown"}


BROKEN = [
    pytest.param(
        "introducers.jsonl",
        '{"id": "typo", "label": "resolution", "pattern": [{"LOWR": "resolved"}]}\n',
        "introducers.jsonl:",
        id="matcher-pattern",
    ),
    pytest.param("noting.jsonl", '{"id": "half"\n', "not valid JSON", id="jsonl-syntax"),
    pytest.param("roles.txt", "Clerk {to the Council}\n", "odd characters", id="role-title"),
    pytest.param("closing.txt", "meeting (closed\n", "bad closing phrase", id="closing-regex"),
    pytest.param(
        "attendance.txt", "apologies (were\n", "bad attendance phrase", id="attendance-regex"
    ),
    pytest.param("own_verbs.txt", "Notes\n", "not plain lower-case words", id="word-list"),
    pytest.param("link_thresholds.json", None, "bad link thresholds", id="lifecycle-json"),
]


@pytest.mark.parametrize(("name", "append", "expected"), BROKEN)
def test_a_bad_pattern_line_stops_ingest_before_any_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, append: str | None, expected: str
) -> None:
    local = tmp_path / "patterns"
    local.mkdir()
    if append is None:
        (local / name).write_text("{ not json", encoding="utf-8")
    else:
        shutil.copy(BUNDLED / name, local / name)
        with (local / name).open("a", encoding="utf-8") as f:
            f.write(append)
    db = tmp_path / "m.db"
    # In this process: the files are read in the worker's warm-up, from a process forked
    # for this run, so a bad line caches nothing here; and only failing runs do this,
    # never one that would keep a clerk's wording for the tests that follow.
    monkeypatch.setenv(ENV, str(local))
    result = CliRunner().invoke(
        app, ["ingest", str(SAMPLES / "leicester_cyped_minutes_2025.txt"), "--db", str(db),
              "--workers", "1"],
    )  # fmt: skip
    assert result.exit_code == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr  # one line, no traceback
    assert lines[0].startswith("error: ")
    assert name in lines[0]
    assert expected in lines[0]
    # once: the error crossed from the worker, and once gave the advice twice
    assert lines[0].count("restore the file") == 1, lines[0]
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from records").fetchone() == (0,)
        assert conn.execute("select count(*) from documents").fetchone() == (0,)


def test_a_bad_pattern_file_is_a_usage_error_for_extract(tmp_path: Path) -> None:
    local = tmp_path / "patterns"
    local.mkdir()
    (local / "roles.txt").write_text("Clerk {to the Council}\n", encoding="utf-8")
    result = _run("extract", str(SAMPLES / "leicester_cyped_minutes_2025.txt"), patterns=local)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "roles.txt" in result.stderr
    assert "Traceback" not in result.stderr
