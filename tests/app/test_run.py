"""minutebook.ingest() is the run the command makes: the same database either way."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

import minutebook
from minutebook.cli import app
from tests.conftest import SAMPLES

# minutes, the tracker that follows them and later minutes naming the same recommendations
# (links, lifecycle), and an HTML page with owner tags: every table the run writes gets rows
DOCUMENTS = (
    SAMPLES / "nelincs_cllsp_minutes_2020-07-09.txt",
    SAMPLES / "nelincs_cllsp_tracker_2026-01-15.txt",
    Path(__file__).resolve().parent.parent
    / "lifecycle/fixtures/nelincs_cllsp_minutes_2025-11-13.txt",
    SAMPLES / "manordeilo-salem_community-council_2020-10-14.html",
)
# when a row was written, which no two runs share
CLOCK_COLUMNS = {"started_at", "finished_at", "at", "built_at", "decided_at", "checked_ns"}


def database_tables(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    try:
        names = [
            n
            for (n,) in conn.execute(
                "select name from sqlite_master where type = 'table' and name not like '%fts%'"
            )
        ]
        out = {}
        for name in names:
            cursor = conn.execute(f"select * from [{name}]")
            keep = [i for i, d in enumerate(cursor.description) if d[0] not in CLOCK_COLUMNS]
            out[name] = sorted((tuple(row[i] for i in keep) for row in cursor.fetchall()), key=repr)
        return out
    finally:
        conn.close()


def test_run_library_and_cli_write_the_same_database(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    for path in DOCUMENTS:
        shutil.copy(path, folder / path.name)
    a, b = tmp_path / "a.db", tmp_path / "b.db"

    summary = minutebook.ingest([str(folder)], db=str(a), workers=1)
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(b), "--workers", "1"])

    assert result.exit_code == 0, result.stderr
    assert (summary.status, summary.written, summary.failed) == ("finished", 4, 0)
    library, command = database_tables(a), database_tables(b)
    assert library == command
    for table in ("records", "record_links", "recommendation_events", "runs"):
        assert library[table], table  # compared something, not two empty tables
    assert len(library["runs"]) == 1


def test_run_library_skips_unchanged_and_never_prints(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = tmp_path / "surrey.txt"
    shutil.copy(SAMPLES / "surrey_cfllc_tracker_2022-12.txt", doc)
    db = tmp_path / "m.db"
    first = minutebook.ingest([doc], db=db, debug=True)
    again = minutebook.ingest([doc], db=db, debug=True)
    assert (first.written, first.records) == (1, 15)
    assert (again.written, again.unchanged, again.run_id) == (0, (doc,), 2)
    assert capsys.readouterr() == ("", "")
