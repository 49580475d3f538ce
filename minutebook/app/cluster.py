"""The Dask executor: documents parsed on a Dask cluster, written here by the one writer.

Dask rather than Ray: distributed is pure Python (Ray's wheel is large and brings its own
raylet runtime), as_completed is exactly a single writer taking results as they arrive,
LocalCluster gives the tests a real cluster in-process, and clusters deploy the usual ways
(dask-jobqueue on SLURM/PBS, dask-kubernetes, `dask scheduler` + `dask worker` by hand).

The writer reads each file and ships its bytes, so workers need no shared storage and parse
exactly the bytes the document's content hash is taken of. Only a few files per worker
thread are in flight at once, so the writer holds a bounded number of files in memory
whatever the size of the archive.

On a worker, each thread parses in a workers.Sandbox: a process of its own with the memory
cap, killed at the time limit and replaced when it dies. A document can hang or crash
only its sandbox, never the Dask worker. The sandboxes live for one run.
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import logging
import multiprocessing
import threading
import uuid
from collections import deque
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from minutebook.app import batch, workers
from minutebook.errors import MinutebookError
from minutebook.ingest import read

if TYPE_CHECKING:
    from distributed import Client, Future

INSTALL_HINT = "needs Dask, which is not installed; run: pip install 'minutebook[dask]'"
# A file bigger than this goes to a worker on its own (Client.scatter) rather than inside
# its task: the scheduler then never holds it, and Dask warns of task graphs over 10 MB.
SCATTER_ABOVE = 1024 * 1024
# Files in flight per worker thread: one running and one waiting keeps every thread busy,
# and bounds the bytes the writer and the scheduler hold.
IN_FLIGHT_PER_THREAD = 2
# A worker must be able to start processes (its sandboxes), which a daemonic one cannot:
# Dask's nanny starts its worker daemonic unless told otherwise
DAEMON_HINT = (
    "is a daemonic process, which cannot start the processes documents are parsed in; "
    "start the workers with DASK_DISTRIBUTED__WORKER__DAEMON=False"
)


class DaskMissingError(MinutebookError):
    """Raised by connect() when the optional dask extra is not installed."""

    reason = "dask_missing"
    stage = "startup"


class ClusterError(MinutebookError):
    """Raised by connect() when the scheduler cannot be reached or its workers cannot parse."""

    reason = "cluster"
    stage = "startup"


@contextlib.contextmanager
def connect(scheduler: str | None, threads: int) -> Iterator[Client]:
    """A client of the Dask scheduler at `scheduler`, or of a cluster of `threads` threads
    started in this process when None; its workers checked before any file is sent.

    Raises:
        DaskMissingError: the dask extra is not installed.
        ClusterError: the scheduler cannot be reached, or a worker cannot parse.
    """
    levels = _dask_log_levels()
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise DaskMissingError("--executor dask", INSTALL_HINT) from None
    finally:
        # distributed sets its loggers' levels when first imported (INFO for the
        # scheduler's chatter), over what this process chose: put those back
        for name in _dask_log_levels():
            logging.getLogger(name).setLevel(levels.get(name, logging.NOTSET))
    with contextlib.ExitStack() as stack:
        target: Any = scheduler
        if scheduler is None:
            # Scheduler and worker in this process: its threads only wait on their sandboxes,
            # which are processes already; and Ctrl-C reaches no worker process of Dask's.
            target = stack.enter_context(
                LocalCluster(
                    n_workers=1,
                    threads_per_worker=threads,
                    processes=False,
                    # a free port: 8787 may be another user's, and Dask warns when it is
                    dashboard_address="127.0.0.1:0",
                )
            )
        try:
            client = stack.enter_context(Client(target))
        except (OSError, ValueError) as exc:  # TimeoutError is an OSError
            raise ClusterError(
                str(scheduler),
                f"cannot reach the Dask scheduler ({_one_line(exc)}); check the address "
                "(tcp://HOST:8786) and that `dask scheduler` runs there",
            ) from None
        _check_workers(client)
        yield client


def _dask_log_levels() -> dict[str, int]:
    loggers = logging.root.manager.loggerDict
    return {
        name: logger.level
        for name, logger in list(loggers.items())
        if name.split(".")[0] == "distributed" and isinstance(logger, logging.Logger)
    }


def _version() -> str:
    # the installed distribution's, read the same way here and on each worker (the
    # package's __version__ would import minutebook/__init__, which imports app.run)
    return importlib.metadata.version("minutebook")


def _worker_facts() -> tuple[str, bool]:
    """Run on each worker: its minutebook version, and whether it is daemonic."""
    return _version(), bool(multiprocessing.current_process().daemon)


def _check_workers(client: Client) -> None:
    """Refuse a cluster whose workers would fail every file, before any file is sent.

    Workers that join later are not checked: their files fail one by one, saying why.
    """
    facts = client.run(_worker_facts, on_error="return")
    here = _version()
    for address, fact in sorted(facts.items()):
        worker = f"Dask worker {address}"
        if isinstance(fact, BaseException):
            raise ClusterError(
                worker,
                f"cannot run minutebook ({type(fact).__name__}: {_one_line(fact)}); install "
                f"minutebook[dask] {here} on every worker",
            )
        version, daemonic = fact
        if version != here:
            raise ClusterError(
                worker,
                f"runs minutebook {version} and this is {here}; install the same "
                "version on every worker, or records would differ by worker",
            )
        if daemonic:
            raise ClusterError(worker, DAEMON_HINT)


def analyse_all(
    client: Client, paths: list[Path], limits: batch.Limits, debug: bool = False
) -> Generator[batch.Analysis, None, None]:
    """Analyses of every path, parsed on the cluster, in the order they finish.

    With `debug`, each file is parsed in the Dask worker's own thread, without a sandbox
    or limits, and the first error stops the run with its traceback.
    """
    from distributed import as_completed

    run = uuid.uuid4().hex
    todo = deque(paths)
    running: dict[Future[batch.Analysis], Path] = {}
    finished = as_completed(loop=client.loop)
    try:
        while todo or running:
            room = IN_FLIGHT_PER_THREAD * max(1, sum(client.nthreads().values()))
            while todo and len(running) < room:
                path = todo.popleft()
                try:
                    data = read(path)
                except MinutebookError as exc:
                    yield batch.failed(path, exc)  # as a local worker fails it
                    continue
                future = _submit(client, run, path, data, limits, debug)
                running[future] = path
                finished.add(future)
            if running:
                future = next(finished)
                if future.status != "finished" and client.status != "running":
                    raise _lost_scheduler(client)
                yield _analysis(future, running.pop(future), debug)
    finally:
        # with the scheduler gone, each call would wait out Dask's reconnect timeout
        if client.status == "running":
            if running:  # the caller stopped early (Ctrl-C): its results are not wanted
                client.cancel(list(running))
            client.run(_close_run, run, on_error="ignore")


def _lost_scheduler(client: Client) -> ClusterError:
    # Not the fault of the files in flight (Dask cancelled them all): the run stops, and
    # a re-run parses them, as it skips the ones stored.
    address = client.scheduler.address if client.scheduler is not None else "--executor dask"
    return ClusterError(
        str(address),
        "lost the connection to the Dask scheduler; the documents stored so far are kept: "
        "run the same command again once the scheduler is back",
    )


def _submit(
    client: Client, run: str, path: Path, data: bytes, limits: batch.Limits, debug: bool
) -> Future[batch.Analysis]:
    shipped: Any = client.scatter(data, hash=False) if len(data) > SCATTER_ABOVE else data
    # a key of its own: Dask's default, a hash of the arguments, would make one task of
    # the same file sent twice (a re-run while the first is still on the cluster)
    return client.submit(
        _parse, run, str(path), shipped, limits, debug, key=f"minutebook-parse-{uuid.uuid4().hex}"
    )


def _analysis(future: Future[batch.Analysis], path: Path, debug: bool) -> batch.Analysis:
    """What one task gave: its analysis, or its failure as that file's failure."""
    from distributed import KilledWorker

    try:
        return future.result()
    except MinutebookError:
        # A sandbox's warm-up failed (a bad pattern file on the workers): every file would
        # fail the same way, so the run stops with this error, as a local run does.
        raise
    except KilledWorker as exc:
        if debug:
            raise
        return batch.Analysis(
            str(path),
            reason="crashed",
            stage="cluster",
            message=f"{path}: every Dask worker that ran it was lost "
            f"({exc.allowed_failures + 1} tries); see the workers' logs",
        )
    # One document must never stop the batch. A task can also fail for the cluster's
    # reasons (its data lost with a worker, a worker that cannot start a sandbox): that is
    # this file's failure, and --debug re-raises it with the worker's traceback.
    except Exception as exc:
        if debug:
            raise
        return batch.Analysis(
            str(path),
            reason="internal",
            stage="cluster",
            message=f"{path}: failed on the Dask cluster ({type(exc).__name__}: "
            f"{_one_line(exc)}); re-run with --debug",
        )


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


# On a worker: the idle sandboxes of each run, and the runs that have ended
_idle: dict[str, list[workers.Sandbox[batch.Shipped]]] = {}
_ended: set[str] = set()
_lock = threading.Lock()


def _parse(run: str, path: str, data: bytes, limits: batch.Limits, debug: bool) -> batch.Analysis:
    """The task: one file, on a Dask worker thread, in a sandbox of this run."""
    if debug:
        return batch.analyse(Path(path), debug=True, data=data)
    with _lock:
        idle = _idle.setdefault(run, [])
        box = idle.pop() if idle else None
    if box is None:
        box = workers.Sandbox(batch.analyse_shipped, batch.warm_up, limits.memory)
    try:
        result = box.run(batch.Shipped(path, data), limits.timeout)
    except BaseException:
        box.stop()
        raise
    with _lock:
        keep = run not in _ended
        if keep:
            _idle[run].append(box)
    if not keep:  # the run ended while this file was parsed (its writer stopped)
        box.stop()
    if isinstance(result, workers.Lost):
        return batch.lost(Path(path), result, limits.timeout)
    analysis: batch.Analysis = result
    return analysis


def _close_run(run: str) -> None:
    """Run on each worker when a run ends: its sandboxes are stopped."""
    with _lock:
        _ended.add(run)
        idle = _idle.pop(run, [])
    for box in idle:
        box.stop()
