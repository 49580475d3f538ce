"""The runs and failures tables: one row per ingest, one per file that failed in it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # annotations only: sqlite-utils is imported by store.open_db
    import sqlite_utils


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def start_run(db: sqlite_utils.Database, command: str) -> int:
    table = db.table("runs")
    table.insert({"started_at": now(), "command": command, "status": "running"})
    return int(table.last_pk)  # type: ignore[arg-type]


def finish_run(
    db: sqlite_utils.Database,
    run_id: int,
    *,
    documents: int,
    records: int,
    failures: int,
    status: str = "finished",
) -> None:
    db.table("runs").update(
        run_id,
        {
            "finished_at": now(),
            "status": status,
            "documents": documents,
            "records": records,
            "failures": failures,
        },
    )


def close_interrupted_runs(db: sqlite_utils.Database) -> list[int]:
    """Close the runs that never finished (killed with -9, power cut) as interrupted.

    Called under the ingest lock, so no run still open can be alive. What each stored
    before it died is counted from the documents, records and failures it wrote.
    """
    ids = [int(r[0]) for r in db.execute("select id from runs where finished_at is null")]
    with db.atomic():
        for run_id in ids:
            db.execute(
                "update runs set finished_at = :now, status = 'interrupted', "
                "documents = (select count(*) from documents where last_changed_run = :id), "
                "records = (select count(*) from records where last_changed_run = :id), "
                "failures = (select count(*) from failures where run_id = :id) "
                "where id = :id",
                {"now": now(), "id": run_id},
            )
    return ids


def record_failure(
    db: sqlite_utils.Database,
    run_id: int | None,
    *,
    path: str,
    stage: str | None,
    reason: str | None,
    message: str | None,
) -> None:
    db.table("failures").insert(
        {
            "run_id": run_id,
            "path": path,
            "stage": stage,
            "reason": reason,
            "message": message,
            "at": now(),
        }
    )


def failures_of_latest_run(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    return list(
        db.query("select * from failures where run_id = (select max(id) from runs) order by id")
    )


def runs_started_since(db: sqlite_utils.Database, day: str) -> list[dict[str, Any]]:
    return list(db.query("select * from runs where started_at >= ? order by id", [day]))


def run_by_id(db: sqlite_utils.Database, run_id: int) -> list[dict[str, Any]]:
    """The run with this id, as a list of none or one row."""
    return list(db.query("select * from runs where id = ?", [run_id]))


def all_runs(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    return list(db.query("select * from runs order by id"))


def stored_hashes(db: sqlite_utils.Database) -> dict[str, str]:
    """Each stored document's key and the sha256 of the content it was read from."""
    return dict(db.execute("select id, sha256 from documents").fetchall())
