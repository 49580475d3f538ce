"""Broken storage stops the batch with its own exit code; no healthy document is failed.

Issue 14.3: on a full disk every later document was recorded as a `store` failure, the
batch went on, then crashed writing the failure itself. Here a real small file system
fills during a real batch: a 1 MB tmpfs where the machine lets us mount one, and a
per-file size limit (RLIMIT_FSIZE) on the ingest process everywhere.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from minutebook.cli import app
from minutebook.console.conventions import Exit
from tests.conftest import ROOT, SAMPLES

runner = CliRunner()
TRACKER = SAMPLES / "surrey_cfllc_tracker_2022-12.txt"
TRACKER_RECORDS = 15  # the human gold for this tracker: tests/gold/surrey_cfllc_tracker_2022-12


def _corpus(folder: Path, copies: int) -> Path:
    folder.mkdir()
    for i in range(copies):
        shutil.copy(TRACKER, folder / f"tracker-{i:02d}.txt")
    return folder


def _mount_tmpfs(mount: Path, size: str) -> None:
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
        check=False,
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.strip()}")


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MB tmpfs, mounted for this test only (root, and a kernel that allows it)."""
    mount = tmp_path / "disk"
    _mount_tmpfs(mount, "1m")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@pytest.fixture
def read_only_db(tmp_path: Path) -> Iterator[Path]:
    """A database with one ingested tracker, on a file system then remounted read-only
    (file modes do not stop root, and the tests run as root)."""
    mount = tmp_path / "ro"
    _mount_tmpfs(mount, "8m")
    try:
        built = tmp_path / "m.db"
        done = runner.invoke(app, ["ingest", str(TRACKER), "--db", str(built), "-w", "1"])
        assert done.exit_code == 0, done.stderr
        db = Path(shutil.copy(built, mount / "m.db"))  # the .db alone holds the run
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        yield db
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _copy_out(db: Path, target: Path) -> Path:
    """The database and its WAL, copied off the small disk to be checked."""
    target.mkdir()
    for suffix in ("", "-wal"):
        if Path(f"{db}{suffix}").exists():
            shutil.copy(f"{db}{suffix}", target / f"m.db{suffix}")
    return target / "m.db"


def _check_committed_documents_are_whole(db: Path, total: int) -> int:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        per_document = conn.execute(
            "select d.source, count(r.id) from documents d "
            "left join records r on r.document_id = d.id group by d.id"
        ).fetchall()
        failures = conn.execute("select path, reason from failures").fetchall()
    assert failures == []  # no healthy document was marked failed
    assert 0 < len(per_document) < total  # some were stored before the disk filled
    assert {n for _, n in per_document} == {TRACKER_RECORDS}
    return len(per_document)


def test_full_disk_stops_the_batch_with_the_storage_exit_code(
    tmp_path: Path, small_disk: Path
) -> None:
    folder = _corpus(tmp_path / "corpus", 30)
    db = small_disk / "m.db"

    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--workers", "1"])

    assert result.exit_code == Exit.STORAGE
    assert int(Exit.STORAGE) == 3  # the README's table, issue 14
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith(f"error: {db}: the disk is full")
    assert "free some space" in last
    assert "Traceback" not in result.stderr
    assert "FAILED" not in result.stderr
    stored = _check_committed_documents_are_whole(_copy_out(db, tmp_path / "check"), 30)

    # with room again, a re-run carries on from what was stored
    subprocess.run(["mount", "-o", "remount,size=16m", str(small_disk)], check=True)
    again = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--workers", "1"])
    assert again.exit_code == 0, again.stderr
    assert f"30 documents: {30 - stored} written" in again.stderr


def _limit_file_size() -> None:
    # no file may grow past 600 KB; ignore SIGXFSZ so a write fails (EFBIG) instead
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (600_000, 600_000))


def test_file_size_limit_stops_the_batch_with_the_storage_exit_code(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "corpus", 30)
    db = tmp_path / "m.db"
    done = subprocess.run(
        [sys.executable, "-m", "minutebook", "ingest", str(folder), "--db", str(db), "-w", "1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        preexec_fn=_limit_file_size,
        timeout=300,
        check=False,
    )
    assert done.returncode == 3, done.stderr
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith(f"error: {db}: the disk reported an I/O error"), last
    assert "Traceback" not in done.stderr
    _check_committed_documents_are_whole(db, 30)


def test_ingest_into_a_read_only_database_is_one_line_and_exit_3(read_only_db: Path) -> None:
    # issue 14.7: a traceback
    other = SAMPLES / "nelincs_cllsp_minutes_2020-07-09.txt"
    result = runner.invoke(app, ["ingest", str(other), "--db", str(read_only_db)])
    assert result.exit_code == Exit.STORAGE
    assert result.stderr == (
        f"error: {read_only_db}: cannot write beside the database (Read-only file system); "
        "make its folder writable or choose another --db, then re-run: the documents "
        "stored so far are kept and the re-run carries on\n"
    )


def test_review_of_a_read_only_database_is_one_line_and_exit_3(read_only_db: Path) -> None:
    # issue 14.7: a traceback
    result = runner.invoke(app, ["review", "accept", "0123456789abcdef", "--db", str(read_only_db)])
    assert result.exit_code == Exit.STORAGE, result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"error: {read_only_db}: the database")
    assert "Traceback" not in result.stderr
