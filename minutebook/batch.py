"""Run the pipeline per document; the one place that contains a document's failure."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from minutebook.errors import MinutebookError
from minutebook.extract import describe, extract
from minutebook.ingest import load
from minutebook.store import UpsertResult, upsert

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


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


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


def process_file(
    path: Path, db: sqlite_utils.Database, run_id: int | None, debug: bool = False
) -> FileOutcome:
    """load -> describe -> extract -> upsert for one file; a failure is recorded, not raised."""
    try:
        document = describe(load(path))
        records = extract(document)
        result = upsert(db, document, records, run_id)
    except MinutebookError as exc:
        if debug:
            raise
        outcome = FileOutcome(
            str(path), False, reason=exc.reason, stage=exc.stage, message=str(exc)
        )
    # One document must never stop the batch: anything unexpected is recorded as an
    # internal error for that file, and --debug re-raises it with its traceback.
    except Exception as exc:
        if debug:
            raise
        outcome = FileOutcome(
            str(path),
            False,
            reason="internal",
            stage="internal",
            message=f"{path}: internal error ({type(exc).__name__}: {exc}); re-run with --debug",
        )
    else:
        kinds: dict[str, int] = {}
        for r in records:
            kinds[r.kind] = kinds.get(r.kind, 0) + 1
        return FileOutcome(str(path), True, len(records), kinds, result)
    record_failure(db, run_id, outcome)
    return outcome


def record_failure(db: sqlite_utils.Database, run_id: int | None, outcome: FileOutcome) -> None:
    db.table("failures").insert(
        {
            "run_id": run_id,
            "path": outcome.path,
            "stage": outcome.stage,
            "reason": outcome.reason,
            "message": outcome.message,
            "at": now(),
        }
    )


def start_run(db: sqlite_utils.Database, command: str) -> int:
    table = db.table("runs")
    table.insert({"started_at": now(), "command": command})
    return int(table.last_pk)  # type: ignore[arg-type]


def finish_run(db: sqlite_utils.Database, run_id: int, outcomes: list[FileOutcome]) -> None:
    db.table("runs").update(
        run_id,
        {
            "finished_at": now(),
            "documents": sum(o.ok for o in outcomes),
            "records": sum(o.records for o in outcomes),
            "failures": sum(not o.ok for o in outcomes),
        },
    )
