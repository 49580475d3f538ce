"""Which files a run parses: an unchanged file is skipped, and read only when its stat
says it may have changed (store/file_checks.py)."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

import minutebook
from minutebook.app import batch
from minutebook.store import open_db
from tests.conftest import SAMPLES

MINUTES = SAMPLES / "nelincs_cllsp_minutes_2020-07-09.txt"
TRACKER = SAMPLES / "nelincs_cllsp_tracker_2026-01-15.txt"
# an mtime well before now: a file last written an hour ago is no racy case
HOUR_AGO_NS = time.time_ns() - 3600 * 10**9


def _folder(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "minutes"
    folder.mkdir()
    files = [Path(shutil.copy(p, folder)) for p in (MINUTES, TRACKER)]
    for f in files:
        os.utime(f, ns=(HOUR_AGO_NS, HOUR_AGO_NS))
    return files


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files survey() reads from now on (to hash them)."""
    read: list[Path] = []
    original = Path.read_bytes

    def reading(self: Path) -> bytes:
        read.append(self)
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", reading)
    return read


def _ingested(tmp_path: Path, files: list[Path]) -> Path:
    db = tmp_path / "m.db"
    summary = minutebook.ingest(files, db, workers=1)
    assert summary.written == 2
    return db


def test_an_unchanged_rerun_reads_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = _folder(tmp_path)
    db = _ingested(tmp_path, files)
    read = _reads(monkeypatch)
    plan = batch.survey(open_db(db), files)
    assert plan.todo == []
    assert plan.same == files
    assert read == []


def test_a_file_never_stored_is_parsed_without_being_hashed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _folder(tmp_path)
    read = _reads(monkeypatch)
    plan = batch.survey(open_db(tmp_path / "new.db"), files)
    assert plan.todo == files
    assert set(plan.seen) == {str(f) for f in files}
    assert read == []


def test_an_edited_file_is_parsed_again(tmp_path: Path) -> None:
    files = _folder(tmp_path)
    db = _ingested(tmp_path, files)
    minutes = files[0]
    minutes.write_text(minutes.read_text(encoding="utf-8") + "\nAGREED: to meet again.\n")
    plan = batch.survey(open_db(db), files)
    assert plan.todo == [minutes]
    summary = minutebook.ingest(files, db, workers=1)
    assert (summary.written, len(summary.unchanged)) == (1, 1)


def test_a_touched_file_is_hashed_once_then_trusted_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _folder(tmp_path)
    db = _ingested(tmp_path, files)
    touched = files[1]
    later = HOUR_AGO_NS + 60 * 10**9
    os.utime(touched, ns=(later, later))  # same bytes, new mtime (a fresh download)
    read = _reads(monkeypatch)
    first = batch.survey(open_db(db), files)
    assert (first.todo, first.same, read) == ([], files, [touched])
    read.clear()
    second = batch.survey(open_db(db), files)
    assert (second.todo, second.same, read) == ([], files, [])


def test_a_file_written_just_before_it_was_seen_is_always_hashed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Git's racy case: modified within the clock's resolution of being read, the file
    may change again with the same size and mtime, so its stat vouches for nothing."""
    files = _folder(tmp_path)
    fresh = files[0]
    now = time.time_ns()
    os.utime(fresh, ns=(now, now))
    db = _ingested(tmp_path, files)
    read = _reads(monkeypatch)
    for _ in range(2):
        plan = batch.survey(open_db(db), files)
        assert plan.same == files
    assert read == [fresh, fresh]


def test_other_bytes_copied_in_with_the_old_mtime_are_seen(tmp_path: Path) -> None:
    """`cp -p`, `touch -r`: same size, old mtime put back. The inode's change time moved,
    which no tool sets back, so the file is hashed and parsed again."""
    files = _folder(tmp_path)
    db = _ingested(tmp_path, files)
    minutes = files[0]
    text = minutes.read_bytes()
    time.sleep(0.01)  # the ctime clock moves on from the first write
    minutes.write_bytes(text.replace(b"RESOLVED", b"resolved"))
    os.utime(minutes, ns=(HOUR_AGO_NS, HOUR_AGO_NS))
    plan = batch.survey(open_db(db), files)
    assert plan.todo == [minutes]
    assert plan.same == files[1:]


def test_force_parses_every_file_whatever_its_stat(tmp_path: Path) -> None:
    files = _folder(tmp_path)
    db = _ingested(tmp_path, files)
    assert batch.survey(open_db(db), files).todo == []
    forced = batch.survey(open_db(db), files, force=True)
    assert forced.todo == files
    assert set(forced.seen) == {str(f) for f in files}
