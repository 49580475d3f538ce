"""One ingest run, the same for the CLI and for Python callers.

lock -> WAL -> close runs that never finished -> skip unchanged files -> workers parse ->
this process writes each document in its own transaction -> reviews follow reworded
clauses -> lifecycle rebuilt -> WAL folded back into the file.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from minutebook.app import batch
from minutebook.app.workers import WORKER_MEMORY_BYTES, Executor
from minutebook.errors import MinutebookError
from minutebook.store import open_db
from minutebook.store.lock import IngestLock, checkpoint, use_wal
from minutebook.store.paths import DEFAULT_PATH
from minutebook.store.runs import close_interrupted_runs, finish_run, start_run

if TYPE_CHECKING:  # annotations only: sqlite-utils is imported by store.open_db
    import sqlite_utils


class MissingInputError(MinutebookError):
    """Raised by ingest() before anything runs when a path given does not exist."""

    reason = "missing"
    stage = "startup"


class SchedulerWithoutDaskError(MinutebookError):
    """Raised by ingest() before anything runs when a scheduler is given to the local executor."""

    reason = "usage"
    stage = "startup"


# Given the files to parse, the limits and debug: their analyses, in the order they finish
Parse = Callable[[list[Path], batch.Limits, bool], Generator[batch.Analysis, None, None]]


class RunObserver(Protocol):
    """What a caller is told while a run goes (the CLI draws its progress bar from it)."""

    def closed_runs(self, run_ids: list[int]) -> None: ...
    def started(self, total: int, unchanged: list[Path]) -> None: ...
    def done(self, outcome: batch.FileOutcome) -> None: ...
    def stopped(self) -> None: ...


class Silent:
    """The observer of a Python caller: the library never prints."""

    def closed_runs(self, run_ids: list[int]) -> None:
        pass

    def started(self, total: int, unchanged: list[Path]) -> None:
        pass

    def done(self, outcome: batch.FileOutcome) -> None:
        pass

    def stopped(self) -> None:
        pass


@dataclass(frozen=True)
class RunSummary:
    """What one run did: its row in `runs`, every file's outcome, and what it skipped."""

    db: Path
    run_id: int
    status: str  # "finished" or "interrupted"
    outcomes: tuple[batch.FileOutcome, ...]
    unchanged: tuple[Path, ...]
    # runs an earlier ingest left open (killed, power cut), closed as interrupted
    closed_runs: tuple[int, ...]
    # paths given that hold no document, or none that could be read, and why
    unreadable: tuple[tuple[Path, str], ...]

    @property
    def written(self) -> int:
        return sum(o.ok for o in self.outcomes)

    @property
    def failed(self) -> int:
        return sum(not o.ok for o in self.outcomes)

    @property
    def records(self) -> int:
        return sum(o.records for o in self.outcomes)


class RunInterrupted(KeyboardInterrupt):
    """Raised by ingest() on Ctrl-C, after the run is closed; what was stored is kept."""

    def __init__(self, summary: RunSummary) -> None:
        super().__init__(f"interrupted after {summary.written} documents")
        self.summary = summary


def ingest(
    paths: Iterable[str | Path],
    db: str | Path = DEFAULT_PATH,
    workers: int | None = None,
    *,
    timeout: float | None = 600,
    max_memory: int | None = WORKER_MEMORY_BYTES,
    force: bool = False,
    debug: bool = False,
    observer: RunObserver | None = None,
    executor: Executor | str = Executor.local,
    scheduler: str | None = None,
) -> RunSummary:
    """Load, extract and store every document under `paths` into the database `db`.

    Files whose content is already stored are skipped unless `force`. Each document is
    parsed in one of `workers` processes (default: all cores) within `timeout` seconds and
    `max_memory` bytes, and fails alone; `debug` parses in this process and re-raises.
    With `executor="dask"`, documents are parsed on the Dask cluster whose scheduler is at
    `scheduler` (tcp://HOST:8786), or on one started here with `workers` threads when None;
    `debug` then parses in the Dask workers without limits and re-raises.

    Raises:
        MissingInputError: a path does not exist (nothing was run).
        DaskMissingError: executor "dask" without the dask extra installed.
        ClusterError: the scheduler cannot be reached, or its workers cannot parse.
        StoreError: the database cannot be used, or another ingest holds it.
        PatternFileError: a pattern file is bad (before any document).
        RunInterrupted: Ctrl-C; the run is closed as interrupted, its documents kept.
        sqlite3.Error: the disk or database failed mid-run; committed documents stay.
    """
    given = [Path(p) for p in paths]
    missing = [str(p) for p in given if not p.exists() and not p.is_symlink()]
    if missing:
        raise MissingInputError(", ".join(missing), "no such file or folder")
    chosen = Executor(executor)
    if scheduler is not None and chosen is not Executor.dask:
        raise SchedulerWithoutDaskError(
            "--scheduler", "is the address of a Dask scheduler; add --executor dask"
        )
    db_path = Path(db)
    jobs = workers or os.cpu_count() or 1
    seen = observer or Silent()
    # connected before the run starts: an unreachable cluster leaves no run behind
    with IngestLock(db_path), _executor(chosen, scheduler, jobs) as parse:
        database = open_db(db_path)
        try:
            return _run(
                database,
                db_path,
                given,
                parse,
                batch.Limits(timeout, max_memory),
                force,
                debug,
                seen,
            )
        finally:
            database.close()


@contextlib.contextmanager
def _executor(executor: Executor, scheduler: str | None, jobs: int) -> Iterator[Parse]:
    if executor is Executor.local:

        def local(
            todo: list[Path], limits: batch.Limits, debug: bool
        ) -> Generator[batch.Analysis, None, None]:
            return batch.analyse_all(todo, jobs, limits.timeout, debug, limits.memory)

        yield local
        return
    # imported only for a Dask run: Dask is an optional extra, and slow to import
    from minutebook.app import cluster

    with cluster.connect(scheduler, jobs) as client:
        yield partial(cluster.analyse_all, client)


def _run(
    db: sqlite_utils.Database,
    db_path: Path,
    paths: list[Path],
    parse: Parse,
    limits: batch.Limits,
    force: bool,
    debug: bool,
    observer: RunObserver,
) -> RunSummary:
    use_wal(db)
    closed = close_interrupted_runs(db)
    observer.closed_runs(closed)
    files = list(batch.iter_files(paths))
    plan = batch.survey(db, files, force)
    todo, same = plan.todo, plan.same
    run_id = start_run(db, "ingest " + " ".join(map(str, paths)))
    outcomes: list[batch.FileOutcome] = []

    def summary(status: str) -> RunSummary:
        failed = {o.path for o in outcomes if not o.ok}
        return RunSummary(
            db_path,
            run_id,
            status,
            tuple(outcomes),
            tuple(same),
            tuple(closed),
            tuple(_unreadable(paths, files, failed)),
        )

    observer.started(len(todo), same)
    try:
        analyses = parse(todo, limits, debug)
        try:
            for analysis in analyses:
                outcome = batch.write(db, analysis, run_id, plan.seen.get(analysis.path))
                outcomes.append(outcome)
                observer.done(outcome)
        except KeyboardInterrupt:
            if debug:
                raise
            analyses.close()  # stops the workers
            _finish(db, run_id, outcomes, "interrupted")
            checkpoint(db)
            raise RunInterrupted(summary("interrupted")) from None
        except MinutebookError:
            # The run cannot go on (a bad pattern file in the workers, the Dask scheduler
            # lost): what was stored is kept, and the run is closed rather than left open.
            analyses.close()
            _finish(db, run_id, outcomes, "interrupted")
            checkpoint(db)
            raise
    finally:
        observer.stopped()
    _finish(db, run_id, outcomes, "finished")
    if any(o.ok for o in outcomes):
        # whole-database passes, so an unchanged re-run (nothing written) skips them, and
        # the imports of both (rapidfuzz, the lifecycle models)
        from minutebook.lifecycle import rebuild as rebuild_lifecycle
        from minutebook.store.lineage import align_changes

        align_changes(db)  # reviews follow reworded clauses before anyone reads the views
        rebuild_lifecycle(db)  # recommendations followed across documents, incl. this run's
    checkpoint(db)
    return summary("finished")


def _unreadable(paths: list[Path], files: list[Path], failed: set[str]) -> list[tuple[Path, str]]:
    """Paths given that hold no document, or none that could be read: success says nothing."""
    out = []
    listed = set(files)
    for path in paths:
        if path.is_dir():
            # by their parents, not a string prefix: iter_files names the files of "." as
            # "a.pdf", not "./a.pdf"
            under = [f for f in files if path in f.parents]
        else:
            # a shell glob names hundreds of files: one set lookup each, not a walk of all
            under = [path] if path in listed else []
        if not under:
            out.append((path, "no documents found (PDF, HTML, DOCX, TXT); check the path"))
        elif all(str(f) in failed for f in under):
            out.append((path, "no readable document; see 'minutebook failures'"))
    return out


def _finish(
    db: sqlite_utils.Database, run_id: int, outcomes: list[batch.FileOutcome], status: str
) -> None:
    finish_run(
        db,
        run_id,
        documents=sum(o.ok for o in outcomes),
        records=sum(o.records for o in outcomes),
        failures=sum(not o.ok for o in outcomes),
        status=status,
    )
