"""Run the pipeline per document; the one place that contains a document's failure."""

from __future__ import annotations

import hashlib
import logging
import os
import resource
import sqlite3
import time
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from minutebook.app import workers
from minutebook.errors import MinutebookError
from minutebook.store import UpsertResult, source_key, upsert
from minutebook.store.file_checks import Check, Seen, look, record_checks, stored_checks
from minutebook.store.runs import record_failure, stored_hashes
from minutebook.store.storage import is_storage_failure

if TYPE_CHECKING:
    # annotations only: sqlite-utils is imported by store.open_db, and the models
    # (pydantic, a fifth of an unchanged re-run) arrive with the first analysis unpickled
    import sqlite_utils

    from minutebook.models import Document, Record

log = logging.getLogger(__name__)


@dataclass
class FileOutcome:
    path: str
    ok: bool
    records: int = 0
    kinds: dict[str, int] = field(default_factory=dict)
    result: UpsertResult | None = None
    reason: str | None = None
    stage: str | None = None
    message: str | None = None
    pages: int = 0


def iter_files(paths: list[Path]) -> Iterator[Path]:
    """Files named, and every file under folders named (recursively, sorted, hidden ones skipped).

    Symbolic links to folders are not followed, so a link loop cannot trap the walk.
    """
    for path in paths:
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield Path(root) / name
        else:
            yield path


@dataclass(frozen=True)
class Limits:
    """What one document may cost: seconds in a worker, and bytes of its address space."""

    timeout: float | None
    memory: int | None = workers.WORKER_MEMORY_BYTES


@dataclass
class Analysis:
    """What a worker sends back for one file: the document and its records, or why not."""

    path: str
    document: Document | None = None
    records: list[Record] = field(default_factory=list)
    seconds: float = 0.0
    reason: str | None = None
    stage: str | None = None
    message: str | None = None


def analyse(
    path: Path,
    on_stage: Callable[[str], None] = lambda _s: None,
    debug: bool = False,
    data: bytes | None = None,
) -> Analysis:
    """load -> describe -> extract for one file, in a worker; a failure is returned, not raised.

    `data` are the file's bytes when another process read them (a Dask run ships them).
    """
    # imported here, in the worker: the writer process never parses, so never pays for spaCy
    from minutebook.extract import describe, extract
    from minutebook.ingest import load

    started = time.monotonic()
    stage = "load"
    try:
        on_stage(stage)
        document = load(path, data)
        stage = "extract"
        on_stage(stage)
        document = describe(document)  # refuses a text too long to be one meeting
        records = extract(document)
    except MinutebookError as exc:
        if debug:
            raise
        return failed(path, exc)
    except MemoryError:
        if debug:
            raise
        return Analysis(
            str(path),
            reason="too_large",
            stage=stage,
            message=f"{path}: needs more memory than a worker may use ({_memory_cap()}); "
            "split the file into its meetings, or raise --max-memory",
        )
    # One document must never stop the batch: anything unexpected is recorded as an
    # internal error for that file, and --debug re-raises it with its traceback.
    except Exception as exc:
        if debug:
            raise
        return Analysis(
            str(path),
            reason="internal",
            stage="internal",
            message=f"{path}: internal error ({type(exc).__name__}: {exc}); re-run with --debug",
        )
    return Analysis(str(path), document, records, time.monotonic() - started)


def failed(path: Path, exc: MinutebookError) -> Analysis:
    """The failure of a file that raised one of our errors."""
    return Analysis(str(path), reason=exc.reason, stage=exc.stage, message=str(exc))


@dataclass(frozen=True)
class Shipped:
    """A file as a Dask run sends it to a worker: the path it names, and its bytes."""

    path: str
    data: bytes


def analyse_shipped(file: Shipped, on_stage: Callable[[str], None]) -> Analysis:
    """analyse() for a file whose bytes came with it (the job of a Dask worker's sandbox)."""
    return analyse(Path(file.path), on_stage, data=file.data)


def _memory_cap() -> str:
    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    return "no cap" if soft == resource.RLIM_INFINITY else f"{soft // (1024 * 1024):,} MB"


def warm_up() -> None:
    """Once per worker: import the parsers and load the pattern files before any file."""
    from minutebook.extract import load_vocabularies
    from minutebook.ingest import load  # noqa: F401
    from minutebook.lifecycle.links import thresholds

    load_vocabularies()
    thresholds()  # read by the writer after the run, but a bad file should stop it first


def lost(path: Path, what: workers.Lost, timeout: float | None) -> Analysis:
    """The failure for a file whose worker overran the time limit or died."""
    if what.why == "timeout":
        detail = (
            f"gave up after {timeout:g} s in {what.stage}; "
            "raise --timeout or check the file by hand"
        )
    else:
        detail = f"the worker process died in {what.stage}; re-run with --debug to see why"
    return Analysis(str(path), reason=what.why, stage=what.stage, message=f"{path}: {detail}")


def write(
    db: sqlite_utils.Database, analysis: Analysis, run_id: int | None, seen: Seen | None = None
) -> FileOutcome:
    """Store one analysed file in its own transaction, or record why it failed.

    Raises:
        sqlite3.Error: the database itself failed (see store/storage.py); nothing of
            this file was written, and the batch must stop.
    """
    doc = analysis.document
    if doc is not None:
        try:
            result = upsert(db, doc, analysis.records, run_id)
        except sqlite3.Error as exc:
            if is_storage_failure(exc):
                # the disk, not this document: every later write would fail too, so the
                # batch stops (cli.py says so) instead of marking healthy files failed
                raise
            outcome = _store_failed(analysis, exc)
        except MinutebookError as exc:
            outcome = _store_failed(analysis, exc)
        else:
            if seen is not None:
                # what the file looked like before the worker read it (file_checks.py)
                record_checks(db, {result.document_id: Check(seen, doc.sha256)})
            kinds: dict[str, int] = {}
            for r in analysis.records:
                kinds[r.kind] = kinds.get(r.kind, 0) + 1
            return FileOutcome(
                analysis.path, True, len(analysis.records), kinds, result, pages=doc.pages
            )
    else:
        outcome = FileOutcome(
            analysis.path,
            False,
            reason=analysis.reason,
            stage=analysis.stage,
            message=analysis.message,
        )
    record_failure(
        db,
        run_id,
        path=outcome.path,
        stage=outcome.stage,
        reason=outcome.reason,
        message=outcome.message,
    )
    return outcome


def _store_failed(analysis: Analysis, exc: Exception) -> FileOutcome:
    return FileOutcome(
        analysis.path,
        False,
        reason="store",
        stage="store",
        message=f"{analysis.path}: could not be stored ({exc})",
    )


def process_file(
    path: Path, db: sqlite_utils.Database, run_id: int | None, debug: bool = False
) -> FileOutcome:
    """load -> describe -> extract -> upsert for one file, in this process."""
    return write(db, analyse(path, debug=debug), run_id)


@dataclass
class Survey:
    """What a run has to do: the files to parse, the files unchanged since stored, and
    what was seen of each file to parse before a worker reads it (file_checks.py)."""

    todo: list[Path]
    same: list[Path]
    seen: dict[str, Seen]


def survey(db: sqlite_utils.Database, paths: list[Path], force: bool = False) -> Survey:
    """Split paths into files to parse and files unchanged since stored (same key, same
    content hash), all to parse with `force`.

    A file whose size, mtime and ctime are as last seen is taken as unchanged without
    being read; one never stored is not hashed at all (it is parsed whatever its hash). A file
    that cannot be read is left to the worker, which reports it as a failure.
    """
    stored = stored_hashes(db)
    checks = {} if force else stored_checks(db)
    out = Survey([], [], {})
    hashed: dict[str, Check] = {}
    for path in paths:
        try:
            now = look(path)
        except OSError:  # a symlink loop too, before resolving it for the key would raise
            out.todo.append(path)
            continue
        key = source_key(str(path))
        want = stored.get(key)
        check = checks.get(key)
        if not force and want is not None:
            if check is not None and check.vouches(now, want):
                out.same.append(path)
                continue
            try:
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
            except OSError:
                out.todo.append(path)
                continue
            if digest == want:
                out.same.append(path)
                hashed[key] = Check(now, digest)  # the next run need not read it
                continue
        out.todo.append(path)
        out.seen[str(path)] = now
    record_checks(db, hashed)
    return out


def analyse_all(
    paths: list[Path],
    jobs: int,
    timeout: float | None,
    debug: bool = False,
    memory_limit: int | None = workers.WORKER_MEMORY_BYTES,
) -> Generator[Analysis, None, None]:
    """Analyses of every path, in the order they finish: in worker processes (each capped
    at memory_limit bytes), or in this process one by one with --debug (tracebacks, no
    time or memory limit)."""
    if debug:
        for _path, result in workers.run_in_process(partial(analyse, debug=True), paths):
            yield result
        return
    pool = workers.run_pool(analyse, paths, jobs, timeout, warm_up, memory_limit)
    try:
        for path, result in pool:
            yield lost(path, result, timeout) if isinstance(result, workers.Lost) else result
    finally:
        pool.close()  # when the caller stops early: the workers are stopped now
