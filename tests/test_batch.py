"""Batch runs: worker processes, unchanged files skipped, kill -9 and two ingests at once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from minutebook.app import workers
from minutebook.cli import app
from tests.conftest import (
    ONE_OF_EACH_FORMAT,
    ROOT,
    SAMPLES,
    SamplesIngest,
    copy_samples,
    sample_paths,
)

runner = CliRunner()
N = len(sample_paths())  # documents in samples/, each one ingested


def _job(path: Path, on_stage: Callable[[str], None]) -> str:
    """A stand-in for the pipeline: its file name says how it behaves."""
    if "sleepy" in path.name:
        on_stage("load")
        time.sleep(60)
    if "doomed" in path.name:
        on_stage("extract")
        os._exit(3)
    return path.name.upper()


def test_workers_timeout_and_crash_fail_alone_the_rest_finish() -> None:
    names = ["a.txt", "sleepy.pdf", "b.txt", "doomed.pdf", "c.txt", "d.txt"]
    started = time.monotonic()
    results = dict(workers.run_pool(_job, [Path(n) for n in names], workers=2, timeout=3))
    assert time.monotonic() - started < 50  # far less than the 60 s the sleeper wants
    sleepy = results[Path("sleepy.pdf")]
    assert isinstance(sleepy, workers.Lost)
    assert (sleepy.why, sleepy.stage) == ("timeout", "load")
    assert sleepy.seconds == pytest.approx(3, abs=2)
    lost = results[Path("doomed.pdf")]
    assert isinstance(lost, workers.Lost)
    assert (lost.why, lost.stage) == ("crashed", "extract")
    assert {p: r for p, r in results.items() if isinstance(r, str)} == {
        Path(n): n.upper() for n in ("a.txt", "b.txt", "c.txt", "d.txt")
    }


def _environ(path: Path, on_stage: Callable[[str], None]) -> str | None:
    return os.environ.get(path.name)


def test_workers_see_the_environment_of_their_parent_as_it_is_now(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # forked from a fork server started earlier, a worker must still read the parent's
    # MINUTEBOOK_PATTERNS or --verbose of this run, not the server's of its start
    name = Path("MINUTEBOOK_TEST_WORKER_ENV")
    monkeypatch.delenv(name.name, raising=False)
    assert dict(workers.run_pool(_environ, [name], 1, None)) == {name: None}
    monkeypatch.setenv(name.name, "now")
    assert dict(workers.run_pool(_environ, [name], 1, None)) == {name: "now"}


def test_workers_sandbox_kills_at_the_time_limit_and_replaces_a_dead_worker() -> None:
    # a Dask worker thread's one worker process (app/cluster.py): run_pool's limits, one
    # file at a time
    box = workers.Sandbox(_job)
    try:
        sleepy = box.run(Path("sleepy.pdf"), timeout=1)
        doomed = box.run(Path("doomed.pdf"), timeout=None)
        after = box.run(Path("a.txt"), timeout=None)
    finally:
        box.stop()
    assert isinstance(sleepy, workers.Lost)
    assert (sleepy.why, sleepy.stage) == ("timeout", "load")
    assert isinstance(doomed, workers.Lost)
    assert (doomed.why, doomed.stage) == ("crashed", "extract")
    assert after == "A.TXT"  # by a fresh process, after two were lost


def _allocate(path: Path, on_stage: Callable[[str], None]) -> str:
    """A job that asks for as many megabytes as its file name says.

    bytes(n) maps zeroed memory without writing it: the cap is on address space, so it
    is tested as well, and the 2 GB the uncapped run is given are never filled on a
    machine other people are using.
    """
    try:
        block = bytes(int(path.stem) * 1024 * 1024)
    except MemoryError:
        return "MemoryError"
    return f"{len(block) // (1024 * 1024)} MB"


def test_workers_address_space_is_capped() -> None:
    # issue 14.4: nothing stopped one document from taking a worker to 6 GB
    paths = [Path("100.bin"), Path("2048.bin"), Path("50.bin")]
    capped = dict(workers.run_pool(_allocate, paths, 1, None, memory_limit=1024 * 1024 * 1024))
    assert capped == {paths[0]: "100 MB", paths[1]: "MemoryError", paths[2]: "50 MB"}
    uncapped = dict(workers.run_pool(_allocate, paths[1:2], 1, None, memory_limit=None))
    assert uncapped == {paths[1]: "2048 MB"}


def _read_switch(path: Path, on_stage: Callable[[str], None]) -> str | None:
    return os.environ.get("MINUTEBOOK_TEST_SWITCH")


def test_workers_run_with_the_environment_of_their_run(monkeypatch: pytest.MonkeyPatch) -> None:
    # Workers fork from a fork server that outlives a run; a second run in the same
    # process (a Python caller, a test) must not get the first run's MINUTEBOOK_PATTERNS.
    monkeypatch.setenv("MINUTEBOOK_TEST_SWITCH", "first")
    first = dict(workers.run_pool(_read_switch, [Path("a")], 1, None))
    monkeypatch.setenv("MINUTEBOOK_TEST_SWITCH", "second")
    second = dict(workers.run_pool(_read_switch, [Path("a")], 1, None))
    monkeypatch.delenv("MINUTEBOOK_TEST_SWITCH")
    unset = dict(workers.run_pool(_read_switch, [Path("a")], 1, None))
    assert [first, second, unset] == [{Path("a"): v} for v in ("first", "second", None)]


def _records(db: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "select id, document_id, kind, code, text, text_hash, status from records order by id"
        ).fetchall()


def _count(db: Path, sql: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(sql).fetchone()[0])


def test_batch_unchanged_files_are_skipped_and_force_reextracts(tmp_path: Path) -> None:
    # skipping goes by path and content hash, whatever the format: one file of each
    folder = copy_samples(tmp_path / "minutes", ONE_OF_EACH_FORMAT)
    n = len(ONE_OF_EACH_FORMAT)
    db = tmp_path / "m.db"
    first = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert first.exit_code == 0, first.stderr
    before = _records(db)
    assert len({document for _, document, *_ in before}) == n  # records from every file

    again = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert again.exit_code == 0
    assert f"{n} documents: 0 written" in again.stderr
    assert f"{n} unchanged" in again.stderr
    assert _records(db) == before

    # a re-published file (one more decision) is the only one parsed again
    changed = folder / "nelincs_cllsp_minutes_2020-07-09.txt"
    changed.write_text(
        changed.read_text(encoding="utf-8")
        + "\nSPCLL.99 ANY OTHER BUSINESS\nRESOLVED – That the clerk circulate the new rota.\n",
        encoding="utf-8",
    )
    third = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert third.exit_code == 0
    assert f"{n} documents: 1 written" in third.stderr
    assert f"ok      {changed}: 6 records (1 new, 0 updated, 0 removed)" in third.stderr
    assert len(_records(db)) == len(before) + 1

    forced = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--force"])
    assert forced.exit_code == 0
    assert f"{n} documents: {n} written" in forced.stderr
    assert len(_records(db)) == len(before) + 1  # re-extracting the same content adds nothing


def test_batch_quiet_prints_only_the_summary(samples_ingest: SamplesIngest) -> None:
    # the session's `ingest samples/ --quiet` into a new database
    assert "ok      " not in samples_ingest.stderr
    assert f"{N} documents: {N} written" in samples_ingest.stderr


def _ingest_process(folder: Path, db: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "minutebook", "ingest", str(folder), "--db", str(db), *extra],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: kill -9 reaches the workers too
        # as from a terminal: pytest-xdist's workers ignore SIGINT, and a child would inherit
        # that, so a Ctrl-C test under xdist never interrupted anything
        preexec_fn=_default_sigint,
    )


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _wait_for(check: Callable[[], bool], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            pytest.fail("timed out waiting for the ingest subprocess")
        time.sleep(0.2)


def _documents_so_far(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        return _count(db, "select count(*) from documents")
    except sqlite3.OperationalError:
        return 0  # schema not created yet


# The interrupted runs below ingest samples/ itself: they only read it, and 26 documents take
# seconds, long after the three they wait for. The session's ingest of it is the reference.


@pytest.mark.slow
def test_batch_kill_9_mid_batch_leaves_whole_documents_and_rerun_finishes(
    tmp_path: Path, samples_ingest: SamplesIngest
) -> None:
    folder, files = SAMPLES, sample_paths()
    reference = samples_ingest.db

    db = tmp_path / "m.db"
    proc = _ingest_process(folder, db, "--workers", "2")
    _wait_for(lambda: _documents_so_far(db) >= 3, 240)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate()  # reap it and close its pipes
    assert proc.returncode == -signal.SIGKILL

    with sqlite3.connect(db) as conn:
        assert conn.execute("pragma integrity_check").fetchone() == ("ok",)
        stored = conn.execute(
            "select d.id, count(r.id) from documents d left join records r "
            "on r.document_id = d.id group by d.id"
        ).fetchall()
    with sqlite3.connect(reference) as conn:
        complete = dict(
            conn.execute(
                "select d.id, count(r.id) from documents d left join records r "
                "on r.document_id = d.id group by d.id"
            ).fetchall()
        )
    assert 3 <= len(stored) < len(files), "killed mid-batch, not before or after"
    for doc_id, n in stored:
        assert n == complete[doc_id], "a stored document has all of its records"

    rerun = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert rerun.exit_code == 0, rerun.stderr
    assert f"{len(stored)} unchanged" in rerun.stderr
    assert _records(db) == _records(reference)
    # issue 14.7: the killed run stayed open (finished_at NULL) for ever
    assert f"note: run 1 of {db} never finished; closed it as interrupted" in rerun.stderr
    assert _runs(db) == [
        (1, "interrupted", True, len(stored)),
        (2, "finished", True, len(files) - len(stored)),
    ]


def _runs(db: Path) -> list[tuple[int, str, bool, int]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("select id, status, finished_at, documents from runs order by id")
        return [(i, status, finished is not None, docs) for i, status, finished, docs in rows]


@pytest.mark.slow
def test_batch_ctrl_c_says_what_was_saved_and_closes_the_run(tmp_path: Path) -> None:
    folder, files = SAMPLES, sample_paths()
    db = tmp_path / "m.db"
    proc = _ingest_process(folder, db, "--workers", "2")
    _wait_for(lambda: _documents_so_far(db) >= 3, 240)
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal's Ctrl-C: parent and workers
    _, stderr = proc.communicate(timeout=120)

    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr  # issue 14.7: every worker printed one
    stored = _documents_so_far(db)
    assert stderr.strip().splitlines()[-1] == (
        f"interrupted: {stored} documents of this run are stored in {db} and kept; "
        "run the same command again to carry on (stored files are skipped)"
    )
    assert 3 <= stored < len(files)
    assert _runs(db) == [(1, "interrupted", True, stored)]
    with sqlite3.connect(db) as conn:
        assert conn.execute("pragma integrity_check").fetchone() == ("ok",)
    rerun = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--quiet"])
    assert rerun.exit_code == 0, rerun.stderr
    assert f"{len(files) - stored} written" in rerun.stderr
    assert "never finished" not in rerun.stderr


@pytest.mark.slow
def test_batch_second_ingest_on_same_db_exits_and_one_worker_stores_what_two_store(
    tmp_path: Path, samples_ingest: SamplesIngest
) -> None:
    folder = SAMPLES  # 26 documents in one worker: the first ingest runs for many seconds
    db = tmp_path / "m.db"
    first = _ingest_process(folder, db, "--workers", "1")
    lock = db.with_name(db.name + ".lock")
    _wait_for(lambda: lock.exists() and lock.read_text().strip() == str(first.pid), 60)

    second = runner.invoke(app, ["ingest", str(SAMPLES), "--db", str(db)])
    assert first.poll() is None, "the first ingest was still running"
    assert second.exit_code == 2
    assert second.stderr.strip() == (
        f"error: {db}: another ingest (pid {first.pid}) is writing to this database; "
        "wait for it to finish or use another --db"
    )

    _, stderr = first.communicate(timeout=600)
    assert first.returncode == 0, stderr
    assert _count(db, "select count(*) from runs") == 1
    with sqlite3.connect(db) as conn:
        assert conn.execute("pragma integrity_check").fetchone() == ("ok",)
    # the first ingest ran with --workers 1, the session's with --workers 2
    assert _records(db) == _records(samples_ingest.db)
    assert _count(db, "select count(*) from documents") == N
    # once the first has finished, the lock is free again
    third = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--quiet"])
    assert third.exit_code == 0, third.stderr


def test_the_database_file_alone_holds_the_run(samples_ingest: SamplesIngest) -> None:
    # WAL keeps new pages in <db>-wal until a checkpoint; an analyst who copies only the
    # .db file after an ingest must still get every record. The session's ingest copied
    # its .db file alone the moment the command returned, before anything else opened it.
    db, copy = samples_ingest.db, samples_ingest.file_alone
    with sqlite3.connect(db) as live, sqlite3.connect(copy) as copied:
        (stored,) = live.execute("select count(*) from records").fetchone()
        (kept,) = copied.execute("select count(*) from records").fetchone()
    assert stored > 100
    assert kept == stored


def test_the_command_line_does_not_load_the_parsers() -> None:
    # An unchanged re-run only compares hashes: if importing the CLI (every command is
    # registered at start-up) pulled in spaCy or pdfplumber, each run would pay ~1 s for it.
    code = "import sys, minutebook.cli; print(sorted({'spacy', 'pdfplumber'} & set(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "[]"
