"""The schema: frozen migration scripts applied in order, and the record columns the
Record model implies (a test holds the two together, so a record has one definition)."""

from __future__ import annotations

import types
import typing
from importlib.resources import files
from typing import Any, Union

import sqlite_utils

from minutebook.errors import StoreError
from minutebook.models import Record

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


# Forward migrations, in order: file N brings a database from user_version N-1 to N, in
# one transaction. Each is the SQL that version shipped with, frozen: an old database is
# upgraded to what each version really was, never to today's models. Append; never edit.
MIGRATIONS: tuple[str, ...] = (
    "0001_core.sql",
    "0002_reviews.sql",
    "0003_search.sql",
    "0004_lifecycle.sql",
    "0005_run_status.sql",
    "0006_standing_views.sql",
    "0007_tracker_row.sql",
)
SCHEMA_VERSION = len(MIGRATIONS)


def migration_sql(version: int) -> str:
    """The frozen script that brings a database from version-1 to version."""
    name = MIGRATIONS[version - 1]
    return (files("minutebook.store") / "migrations" / name).read_text(encoding="utf-8")


def _apply(db: sqlite_utils.Database, version: int) -> None:
    # executescript commits whatever is open first, so the script brings its own
    # transaction: all of it and the new user_version, or none of it
    script = (
        f"BEGIN IMMEDIATE;\n{migration_sql(version)}\nPRAGMA user_version = {version};\nCOMMIT;"
    )
    try:
        db.conn.executescript(script)
    except BaseException:
        if db.conn.in_transaction:
            db.conn.rollback()
        raise


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
    for version in range(current + 1, SCHEMA_VERSION + 1):
        _apply(db, version)
        applied.append(version)
    return applied
