"""The schema: frozen migration scripts applied in order, and the record columns the
Record model implies (a test holds the two together, so a record has one definition)."""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from importlib.resources import files
from typing import TYPE_CHECKING, Any, TypeAlias, Union

from minutebook.errors import StoreError

if TYPE_CHECKING:  # every command imports this package: sqlite-utils is imported in open_db
    import sqlite_utils

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
    from minutebook.models import Record

    cols = {name: _column_type(f.annotation) for name, f in Record.model_fields.items()}
    return {**RECORD_EXTRA, **cols}


def _tracker_row(db: sqlite_utils.Database) -> None:
    """Version 7: records.tracker_row, whether a record was read from a tracker's row.

    The lifecycle told tracker rows by their rule's name ("tracker:..."); stored records
    get the flag from that name once, here, and the extractor sets it from then on.
    """
    db.execute('ALTER TABLE "records" ADD COLUMN "tracker_row" INTEGER')
    db.execute("UPDATE records SET tracker_row = (rule LIKE 'tracker:%')")
    # reviewed_records names the records' columns one by one: version 2's view, as this
    # database holds it, made again with the new column after the last one
    (view,) = db.execute("select sql from sqlite_master where name = 'reviewed_records'").fetchone()
    made = view.replace(" r.rule, r.warnings,", " r.rule, r.warnings, r.tracker_row,", 1)
    if made == view:
        raise StoreError(_db_name(db), "reviewed_records is not the view schema v2 made")
    db.execute("DROP VIEW reviewed_records")
    db.execute(made)


Migration: TypeAlias = "str | Callable[[sqlite_utils.Database], None]"
# Forward migrations, in order: entry N brings a database from user_version N-1 to N, in
# one transaction. Each is the SQL script (store/migrations/) or function that version
# shipped with, frozen: an old database is upgraded to what each version really was,
# never to today's models. Append; never edit: tests/store/test_migrations.py pins the
# schema each version leaves. A version that changes a view restates it whole (SQLite has
# no ALTER VIEW), so scripts repeat lines of earlier ones; that repetition is the history
# of released DDL, not code to share between versions.
MIGRATIONS: tuple[Migration, ...] = (
    "0001_core.sql",
    "0002_reviews.sql",
    "0003_search.sql",
    "0004_lifecycle.sql",
    "0005_run_status.sql",
    "0006_standing_views.sql",
    _tracker_row,
    "0008_chart_views.sql",
    "0009_file_checks.sql",
)
SCHEMA_VERSION = len(MIGRATIONS)


def _apply(db: sqlite_utils.Database, version: int) -> None:
    migration = MIGRATIONS[version - 1]
    if callable(migration):
        with db.atomic():
            migration(db)
            db.execute(f"PRAGMA user_version = {version}")
        return
    sql = (files("minutebook.store") / "migrations" / migration).read_text(encoding="utf-8")
    # executescript commits whatever is open first, so the script brings its own
    # transaction: all of it and the new user_version, or none of it
    script = f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version = {version};\nCOMMIT;"
    try:
        db.conn.executescript(script)
    except BaseException:
        if db.conn.in_transaction:
            db.conn.rollback()
        raise


def _db_name(db: sqlite_utils.Database) -> str:
    return str(db.conn.execute("PRAGMA database_list").fetchone()[2] or ":memory:")


def schema_version(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def ensure_schema(db: sqlite_utils.Database) -> list[int]:
    """Bring the database up to SCHEMA_VERSION; return the versions applied."""
    current = schema_version(db)
    if current > SCHEMA_VERSION:
        raise StoreError(
            _db_name(db),
            f"database schema v{current} is newer than this minutebook (v{SCHEMA_VERSION}); "
            "upgrade minutebook",
        )
    applied = []
    for version in range(current + 1, SCHEMA_VERSION + 1):
        _apply(db, version)
        applied.append(version)
    return applied
