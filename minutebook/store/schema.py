"""Tables, derived from the pydantic models so a record has one definition."""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from typing import Any, Union

import sqlite_utils

from minutebook.errors import StoreError
from minutebook.models import Record
from minutebook.store import analytics, lifecycle, reviews

# Store-only columns a record row has beside the model's fields.
RECORD_EXTRA: dict[str, type] = {
    "id": str,
    "document_id": str,
    "ordinal": int,
    "text_hash": str,
    "status": str,
    "first_run": int,
    "last_changed_run": int,
    "removed_run": int,
}


def _column_type(annotation: Any) -> type:
    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _column_type(args[0])
    if origin is typing.Annotated:
        return _column_type(typing.get_args(annotation)[0])
    if origin in (tuple, list) or annotation in (tuple, list):
        return str  # JSON text
    if annotation is bool or annotation is int:
        return int
    return str


def record_columns() -> dict[str, type]:
    cols = {name: _column_type(f.annotation) for name, f in Record.model_fields.items()}
    return {**RECORD_EXTRA, **cols}


def _core(db: sqlite_utils.Database) -> None:
    """Version 1: runs, documents, records, failures."""
    db.table("runs").create(
        {
            "id": int,
            "started_at": str,
            "finished_at": str,
            "command": str,
            "documents": int,
            "records": int,
            "failures": int,
        },
        pk="id",
        if_not_exists=True,
    )
    db.table("documents").create(
        {
            "id": str,
            "source": str,
            "sha256": str,
            "format": str,
            "pages": int,
            "meeting_date": str,
            "committee": str,
            "warnings": str,
            "first_run": int,
            "last_changed_run": int,
        },
        pk="id",
        if_not_exists=True,
    )
    db.table("records").create(
        record_columns(),
        pk="id",
        foreign_keys=[("document_id", "documents", "id")],
        if_not_exists=True,
    )
    db.table("records").create_index(["document_id"], if_not_exists=True)
    db.table("failures").create(
        {
            "id": int,
            "run_id": int,
            "path": str,
            "stage": str,
            "reason": str,
            "message": str,
            "at": str,
        },
        pk="id",
        if_not_exists=True,
    )


def _run_status(db: sqlite_utils.Database) -> None:
    """Version 5: how each run ended: running, finished, or interrupted (killed, Ctrl-C,
    or stopped by a storage error; closed by the next ingest)."""
    db.table("runs").add_column("status", str)
    db.execute("update runs set status = 'finished' where finished_at is not null")


# Forward migrations, in order: (version, function). A database at user_version N runs
# every migration above N, each in its own transaction. Append; never edit a released one.
MIGRATIONS: list[tuple[int, Callable[[sqlite_utils.Database], None]]] = [
    (1, _core),
    (2, reviews.migrate),
    (3, analytics.migrate),
    (4, lifecycle.create_tables),
    (5, _run_status),
    (6, analytics.migrate_standing),
    (7, analytics.create_views),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]


def schema_version(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def ensure_schema(db: sqlite_utils.Database) -> list[int]:
    """Bring the database up to SCHEMA_VERSION; return the versions applied."""
    current = schema_version(db)
    if current > SCHEMA_VERSION:
        raise StoreError(
            str(db.conn.execute("PRAGMA database_list").fetchone()[2] or ":memory:"),
            f"database schema v{current} is newer than this minutebook (v{SCHEMA_VERSION}); "
            "upgrade minutebook",
        )
    applied = []
    for version, migrate in MIGRATIONS:
        if version <= current:
            continue
        with db.atomic():
            migrate(db)
            db.execute(f"PRAGMA user_version = {version}")
        applied.append(version)
    return applied
