"""ingest --executor dask: parsed on a real Dask cluster (a LocalCluster started here, its
worker a process of its own), written by the one writer, the same database as a local run."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import cloudpickle
import dask
import pytest
from distributed import Client, LocalCluster
from typer.testing import CliRunner

import minutebook
from minutebook.app import cluster, workers
from minutebook.app.batch import Shipped
from minutebook.cli import app
from tests.app.test_run import DOCUMENTS, database_tables
from tests.conftest import SAMPLES

runner = CliRunner()
PDF = SAMPLES / "kent_cabinet_2025-01-30.pdf"  # 167 kB: over the scatter size set below
TRACKER = SAMPLES / "surrey_cfllc_tracker_2022-12.txt"


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a one-worker, one-thread cluster, for the tests of this module."""
    settings = {
        # as the README says to start workers: they start the processes that parse
        "distributed.worker.daemon": False,
        # a worker that dies fails its task at once, and holds only the task it runs, so
        # the test of a lost worker loses one document, always the same one
        "distributed.scheduler.allowed-failures": 0,
        "distributed.scheduler.worker-saturation": 1.0,
    }
    with (
        dask.config.set(settings),
        LocalCluster(
            n_workers=1, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0"
        ) as local,
    ):
        yield local.scheduler_address


def _folder(tmp_path: Path) -> Path:
    """Minutes, a tracker, later minutes (links, lifecycle), HTML, a PDF and a broken PDF."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for path in (*DOCUMENTS, PDF):
        shutil.copy(path, folder / path.name)
    (folder / "truncated.pdf").write_bytes(PDF.read_bytes()[:3000])
    return folder


def test_dask_writes_the_same_database_as_the_local_pool(
    tmp_path: Path, scheduler: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder(tmp_path)
    local, on_dask = tmp_path / "local.db", tmp_path / "dask.db"
    # the PDF travels by Client.scatter, the smaller files inside their tasks: both ways
    monkeypatch.setattr(cluster, "SCATTER_ABOVE", 100_000)

    summary = minutebook.ingest([folder], db=local, workers=1)
    result = runner.invoke(
        app,
        [
            "ingest",
            str(folder),
            "--db",
            str(on_dask),
            "--executor",
            "dask",
            "--scheduler",
            scheduler,
        ],
    )

    assert (summary.written, summary.failed) == (5, 1)
    assert result.exit_code == 1, result.stderr  # one document failed, the others stored
    broken = folder / "truncated.pdf"
    assert f"FAILED  {broken}: not a readable PDF" in result.stderr
    assert "distributed" not in result.stderr  # no scheduler chatter among the lines
    assert "5 written" in result.stderr
    tables = database_tables(local)
    assert tables == database_tables(on_dask)
    for table in ("records", "record_links", "recommendation_events", "runs", "failures"):
        assert tables[table], table  # compared something, not two empty tables
    assert [row[:3] for row in tables["failures"]] == [(1, 1, str(broken))]

    # files stored with the same content are skipped before anything is sent: only the
    # file that failed goes to the cluster again
    again = minutebook.ingest([folder], db=on_dask, executor="dask", scheduler=scheduler)
    assert [o.path for o in again.outcomes] == [str(broken)]
    assert len(again.unchanged) == 5


def _fail_on_the_worker(doomed: str, how: str) -> None:
    """Run on the Dask worker: the file at `doomed` raises there, or takes the worker down.

    Only that path (in the test's own tmp_path) is touched, so the patch needs no undoing.
    """
    original = workers.Sandbox.run

    def run(self: workers.Sandbox[Shipped], file: Shipped, timeout: float | None) -> Any:
        if file.path == doomed:
            if how == "raise":
                raise RuntimeError("the worker's disk is full")
            os._exit(1)  # the worker process is gone, as under the OOM killer
        return original(self, file, timeout)

    workers.Sandbox.run = run  # type: ignore[method-assign,assignment]


# sent to the worker as code, not as a name it would import: a worker has no tests/
cloudpickle.register_pickle_by_value(sys.modules[__name__])


@pytest.mark.parametrize("how", ["raise", "lose the worker"])
def test_dask_a_task_that_fails_on_the_cluster_fails_only_its_document(
    tmp_path: Path, scheduler: str, how: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("nelincs_cllsp_minutes_2020-07-09.txt", "surrey_cfllc_tracker_2022-12.txt"):
        shutil.copy(SAMPLES / name, folder / name)
    # sent last (files go in name order), so the run needs no worker after the lost one
    doomed = folder / "zz-doomed.txt"
    shutil.copy(SAMPLES / "leicester_cyped_minutes_2025.txt", doomed)
    # one file at a time on the worker: a lost worker takes down the tasks queued on it
    # too, and with allowed-failures 0 they would fail with it
    monkeypatch.setattr(cluster, "IN_FLIGHT_PER_THREAD", 1)
    with Client(scheduler) as client:
        client.run(_fail_on_the_worker, str(doomed), how)
    summary = minutebook.ingest(
        [folder], db=tmp_path / "m.db", executor="dask", scheduler=scheduler
    )
    assert summary.status == "finished"
    assert sorted(Path(o.path).name for o in summary.outcomes if o.ok) == [
        "nelincs_cllsp_minutes_2020-07-09.txt",
        "surrey_cfllc_tracker_2022-12.txt",
    ]
    (failed,) = [o for o in summary.outcomes if not o.ok]
    assert (failed.path, failed.stage) == (str(doomed), "cluster")
    message = str(failed.message)
    assert message.startswith(f"{doomed}: ")
    if how == "raise":
        assert failed.reason == "internal"
        assert "RuntimeError: the worker's disk is full" in message
    else:
        assert failed.reason == "crashed"
        assert "every Dask worker that ran it was lost" in message


def test_dask_without_the_extra_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("dask", "distributed"):
        monkeypatch.setitem(sys.modules, name, None)  # import now raises ImportError
    db = tmp_path / "m.db"
    result = runner.invoke(
        app,
        ["ingest", str(TRACKER), "--db", str(db), "--executor", "dask"],
    )
    assert result.exit_code == 2  # a missing optional extra: usage (exit-code table)
    assert result.stderr == (
        "error: --executor dask: needs Dask, which is not installed; "
        "run: pip install 'minutebook[dask]'\n"
    )
    assert not db.exists()  # failed before any run


def test_dask_unreachable_scheduler_is_one_line_and_exit_2(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    address = "tcp://127.0.0.1:9"  # the discard port: nothing listens there
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        result = runner.invoke(
            app,
            ["ingest", str(TRACKER), "--db", str(db), "--executor", "dask", "--scheduler", address],
        )
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"error: {address}: cannot reach the Dask scheduler (")
    assert not db.exists()
