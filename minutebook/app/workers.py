"""Worker processes that run one job per file, with a time limit per file.

concurrent.futures cannot stop a running task, so a PDF that hangs pdfminer would hang
the batch. Here each worker is a process of its own: past the time limit it is killed
and replaced, and a worker that dies (a crash in a C library, the OOM killer) is
replaced too. Either way the file fails alone and the others carry on.

run_pool is the local executor's pool; a Sandbox is one such worker on its own, for a
caller that is itself one of many (a thread of a Dask worker, app/cluster.py).
"""

from __future__ import annotations

import contextlib
import enum
import os
import resource
import signal
import time
from collections import deque
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from minutebook.errors import MinutebookError

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

# Address space each worker may use, unless the caller says otherwise. A warm worker
# (spaCy, pdfplumber, PDFium loaded) maps about 300 MB; the largest sample peaks near
# 320 MB. Past the cap an allocation fails with MemoryError in that worker alone,
# instead of the machine swapping or the OOM killer choosing a victim.
WORKER_MEMORY_BYTES = 1024 * 1024 * 1024

# What names one file to a job: its path, or (on Dask) its path and the bytes read from it.
# It is pickled to the worker process, so it must be picklable.
F = TypeVar("F")
# A job is called in the worker with the file and a callback naming the stage it is in.
Job = Callable[[F, Callable[[str], None]], Any]
# Run once in each new worker before its first file, e.g. to import and load patterns.
WarmUp = Callable[[], None]
# The protocol, worker to parent: ("ready", None) once warm, then per file
# ("stage", name)... ("done", result); or ("failed", exception) if the warm-up fails.
_READY = "ready"
_FAILED = "failed"
_STAGE = "stage"
_DONE = "done"


class Executor(enum.StrEnum):
    """Where an ingest parses its documents: this module's pool, or a Dask cluster
    (app/cluster.py). The writer is this process either way."""

    local = "local"
    dask = "dask"


@dataclass(frozen=True)
class Lost:
    """A file whose worker was killed at the time limit or died; `stage` is where it was."""

    why: str  # "timeout" or "crashed"
    stage: str
    seconds: float


def limit_memory(limit: int | None) -> None:
    """Cap this process's address space (RLIMIT_AS) at `limit` bytes, never above the
    hard limit it already has."""
    if limit is None:
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    soft = limit if hard == resource.RLIM_INFINITY else min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


# What a worker needs before its first file and no run changes: a fork server imports
# app/preload.py once (the loaders, the extractor, spaCy and its tokenizer) and forks every
# worker from that warm process, so a worker no longer pays ~2 CPU-s of imports and
# building (issue 15: workers should not each rebuild the pipeline from scratch).
PRELOAD = ["minutebook.app.preload"]


def _context() -> Any:
    """A fork server where the platform has one, else spawn. Never a plain fork: the parent
    has a database open and rich's refresh thread running."""
    # imported when a pool starts: the command line names Executor from this module, and
    # an unchanged re-run, which starts none, need not import multiprocessing
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(PRELOAD)
    return ctx


def _serve(
    conn: Connection,
    job: Job[Any],
    warm_up: WarmUp | None,
    memory_limit: int | None = None,
    environ: dict[str, str] | None = None,
) -> None:
    """The worker's loop: a file in, stage names and one result out, until told to stop."""
    if environ is not None:
        # A fork server keeps the environment it started with, for every run of this
        # process; the worker takes the run's own (MINUTEBOOK_PATTERNS, the PDF switch).
        os.environ.clear()
        os.environ.update(environ)
    # Ctrl-C reaches the whole process group: the parent decides (it stops the workers
    # and says what was saved), so a worker prints no KeyboardInterrupt traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    limit_memory(memory_limit)
    if warm_up is not None:
        try:
            warm_up()
        except MinutebookError as exc:
            # e.g. a bad pattern file: every worker would fail the same way, so the
            # parent stops the batch with this error instead of failing each file
            conn.send((_FAILED, exc))
            return
    try:
        conn.send((_READY, None))
        while True:
            file = conn.recv()
            if file is None:
                conn.close()
                # A worker holds no files and no buffered output, so skip the interpreter's
                # teardown: freeing spaCy's and PDFium's objects took half a second a worker.
                os._exit(0)
            result = job(file, lambda stage: conn.send((_STAGE, stage)))
            conn.send((_DONE, result))
    except (EOFError, BrokenPipeError):
        # the parent is gone (killed, or the Dask worker it was lost): no one to tell
        os._exit(0)


class _Worker(Generic[F]):
    def __init__(
        self, ctx: Any, job: Job[F], warm_up: WarmUp | None, memory_limit: int | None
    ) -> None:
        self._ctx = ctx
        self._job = job
        self._warm_up = warm_up
        self._memory_limit = memory_limit
        self._environ = dict(os.environ)  # as the run starts, for its workers
        self.ready = False
        self.path: F | None = None  # the file it is on
        self.stage = "start"
        self.started = 0.0
        self._spawn()

    def _spawn(self) -> None:
        self.ready = False
        self.conn, child = self._ctx.Pipe()
        self.process = self._ctx.Process(
            target=_serve,
            args=(child, self._job, self._warm_up, self._memory_limit, self._environ),
            daemon=True,
        )
        self.process.start()
        child.close()

    def give(self, path: F) -> None:
        self.path, self.stage, self.started = path, "start", time.monotonic()
        self.conn.send(path)

    def replace(self) -> None:
        """Kill this worker (it overran or died) and start a fresh one in its place."""
        self.process.kill()
        self.process.join()
        self.conn.close()
        self.path = None
        self._spawn()

    def stop(self) -> None:
        if self.path is not None:
            # still on a file, and its result is no longer wanted (the batch stopped)
            self.process.kill()
        with contextlib.suppress(OSError):  # already gone
            self.conn.send(None)
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def run_in_process(job: Job[F], paths: list[F]) -> Iterator[tuple[F, Any]]:
    """The same jobs one after another in this process: for --debug, so tracebacks show."""
    for path in paths:
        yield path, job(path, lambda _stage: None)


def run_pool(
    job: Job[F],
    paths: list[F],
    workers: int,
    timeout: float | None,
    warm_up: WarmUp | None = None,
    memory_limit: int | None = WORKER_MEMORY_BYTES,
) -> Generator[tuple[F, Any], None, None]:
    """(path, job result or Lost) for every path, in the order they finish.

    Each worker's address space is capped at memory_limit bytes (None: no cap).

    A file's time limit starts when a warm worker takes it, so imports are not charged
    to the first file. The caller may do slow work (write to the database) between
    results: the workers carry on meanwhile.
    """
    if not paths:
        return
    from multiprocessing import connection

    ctx = _context()
    queue = deque(paths)
    size = max(1, min(workers, len(paths)))
    pool = [_Worker(ctx, job, warm_up, memory_limit) for _ in range(size)]
    try:
        while queue or any(w.path for w in pool):
            for w in pool:
                if w.ready and w.path is None and queue:
                    w.give(queue.popleft())
            busy = [w for w in pool if w.path is not None]
            listening = [w for w in pool if w.path is not None or not w.ready]
            ready = connection.wait(
                [w.conn for w in listening], timeout=_next_deadline(busy, timeout)
            )
            for w in listening:
                if w.conn in ready:
                    yield from _receive(w)
            if timeout is not None:
                now = time.monotonic()
                for w in busy:
                    if w.path is not None and now - w.started > timeout:
                        path, lost = w.path, Lost("timeout", w.stage, now - w.started)
                        w.replace()
                        yield path, lost
    finally:
        for w in pool:
            w.stop()


def _receive(w: _Worker[F]) -> Iterator[tuple[F, Any]]:
    try:
        kind, value = w.conn.recv()
    except (EOFError, OSError):
        if not w.ready:
            # dying before any file means every worker will: stop instead of respawning
            raise RuntimeError("a worker process could not start; run with --debug") from None
        path, lost = w.path, Lost("crashed", w.stage, time.monotonic() - w.started)
        w.replace()
        if path is not None:
            yield path, lost
        return
    if kind == _FAILED:
        raise value
    if kind == _READY:
        w.ready = True
    elif kind == _STAGE:
        w.stage = value
    elif w.path is not None:
        path, w.path = w.path, None
        yield path, value


def _next_deadline(busy: list[_Worker[F]], timeout: float | None) -> float | None:
    if timeout is None or not busy:
        return None
    first = min(w.started for w in busy)
    return max(0.0, first + timeout - time.monotonic()) + 0.01


class Sandbox(Generic[F]):
    """One worker process of run_pool's kind, given one file at a time by a caller that
    waits for it: the same time limit, memory cap and crash containment, and warm (loaded
    once) from one file to the next."""

    def __init__(
        self, job: Job[F], warm_up: WarmUp | None = None, memory_limit: int | None = None
    ) -> None:
        self._worker = _Worker(_context(), job, warm_up, memory_limit)

    def run(self, file: F, timeout: float | None) -> Any:
        """The job's result for `file`, or Lost when it overran `timeout` seconds or its
        process died (a fresh one then takes the next file).

        Raises:
            MinutebookError: the warm-up failed (every file would fail the same way).
            RuntimeError: the process died before it was ready.
        """
        w = self._worker
        while not w.ready:
            for _ in _receive(w):  # nothing comes out before the first file
                pass
        w.give(file)
        while True:
            if timeout is not None and time.monotonic() - w.started > timeout:
                lost = Lost("timeout", w.stage, time.monotonic() - w.started)
                w.replace()
                return lost
            if w.conn.poll(_next_deadline([w], timeout)):
                for _file, result in _receive(w):
                    return result

    def stop(self) -> None:
        self._worker.stop()
