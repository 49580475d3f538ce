"""The command line as a user meets it: exit codes, stdout data, one-line stderr errors."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from minutebook.cli import JSONL_KEYS, app
from tests.conftest import SAMPLES, SamplesIngest, sample_paths
from tests.fixtures import broken_files, minutes_pdf

runner = CliRunner()
N = len(sample_paths())  # documents in samples/, each one ingested


def test_extract_jsonl_is_the_scoring_contract() -> None:
    result = runner.invoke(app, ["extract", str(SAMPLES / "surrey_cfllc_tracker_2022-12.txt")])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 15
    rows = [json.loads(line) for line in lines]
    assert all(tuple(r) == JSONL_KEYS for r in rows)
    by_code = {r["code"]: r for r in rows}
    # read from the tracker itself: CFLLC 21/22 is due December 2022
    assert by_code["CFLLC 21/22"]["deadline"] == "2022-12"
    assert by_code["CFLLC 21/22"]["kind"] == "action"
    assert by_code["CFLLC 1/20"]["kind"] == "recommendation"


def test_extract_table_why_shows_rules() -> None:
    result = runner.invoke(
        app,
        ["extract", str(SAMPLES / "leics_cfosc_minutes_2025-09-02.txt"), "-f", "table", "--why"],
    )
    assert result.exit_code == 0
    assert "introducers:decision-heading" in result.stdout


def test_extract_bad_file_exit_1_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["extract", str(empty)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert str(empty) in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_extract_text_too_long_for_one_meeting_exit_1_one_line(tmp_path: Path) -> None:
    # a year of minutes pasted into one file: refused with a reason, not spaCy's traceback
    minutes = (SAMPLES / "leics_cfosc_minutes_2025-09-02.txt").read_text(encoding="utf-8")
    archive = tmp_path / "archive.txt"
    archive.write_text(minutes * (1_100_000 // len(minutes) + 1), encoding="utf-8")
    result = runner.invoke(app, ["extract", str(archive)])
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error: {archive}: ")
    assert "split the file into its meetings" in lines[0]


def test_ingest_samples_twice_is_idempotent(tmp_path: Path, samples_ingest: SamplesIngest) -> None:
    # the first ingest is the session's, into a new database; the second runs on a copy
    db = tmp_path / "m.db"
    shutil.copyfile(samples_ingest.db, db)
    assert f"{N} documents: {N} written" in samples_ingest.stderr
    with sqlite3.connect(db) as conn:
        before = conn.execute("select * from records order by id").fetchall()
    second = runner.invoke(app, ["ingest", str(SAMPLES), "--db", str(db)])
    assert second.exit_code == 0
    with sqlite3.connect(db) as conn:
        after = conn.execute("select * from records order by id").fetchall()
        runs = conn.execute("select count(*) from runs").fetchone()[0]
    assert before == after
    assert len(after) > 75
    assert runs == 2


def test_ingest_bad_files_fail_alone(tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(SAMPLES / "surrey_cfllc_tracker_2022-12.txt", folder)
    shutil.copy(SAMPLES / "burton-cum-walden_parish-council_2025-09-02.pdf", folder)
    good = minutes_pdf("nelincs_cllsp_minutes_2020-07-09.txt", folder / "nelincs.pdf")
    minutes_pdf("nelincs_cllsp_minutes_2020-07-09.txt", folder / "locked.pdf", encrypt="pw")
    bad = broken_files(folder / "bad", good)
    db = tmp_path / "m.db"
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 1
    with sqlite3.connect(db) as conn:
        failures = dict(conn.execute("select path, reason from failures").fetchall())
        sources = {r[0] for r in conn.execute("select source from documents")}
    assert failures == {
        str(folder / "locked.pdf"): "encrypted",
        str(bad["truncated"]): "corrupt",
        str(bad["empty"]): "empty",
        str(bad["html_as_pdf"]): "corrupt",
        str(bad["junk"]): "corrupt",
        str(bad["unsupported"]): "unsupported",
    }
    assert sources == {
        str(folder / "surrey_cfllc_tracker_2022-12.txt"),
        str(folder / "burton-cum-walden_parish-council_2025-09-02.pdf"),
        str(good),
    }
    for path in failures:
        assert f"FAILED  {path}:" in result.stderr


def test_ingest_missing_path_is_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(tmp_path / "nope"), "--db", str(tmp_path / "m.db")])
    assert result.exit_code == 2
    assert "no such file or folder" in result.stderr


def test_export_csv_lists_current_records(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    runner.invoke(
        app, ["ingest", str(SAMPLES / "leics_cfosc_minutes_2025-09-02.txt"), "--db", str(db)]
    )
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "csv"])
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    # what a person reads first; the internal columns only with --all-columns
    assert (
        lines[0]
        == "committee,meeting_date,item_title,code,kind,text,owner,deadline,status,source,page"
    )
    assert len(lines) == 1 + 12


@pytest.mark.parametrize("command", sorted(get_command(app).commands))  # type: ignore[attr-defined]
def test_every_command_has_help_with_example(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: minutebook " + command in result.stdout


@pytest.mark.parametrize("command", ["export", "failures", "search", "report", "status"])
def test_reading_a_file_that_is_not_a_database_is_one_line(tmp_path: Path, command: str) -> None:
    junk = tmp_path / "minutes.db"
    junk.write_text("not a database", encoding="utf-8")
    result = runner.invoke(app, [command, "--db", str(junk)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert lines == [
        f"error: {junk}: cannot open the database (file is not a database); "
        "is it a minutebook file?"
    ]
