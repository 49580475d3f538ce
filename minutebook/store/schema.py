"""Tables, derived from the pydantic models so a record has one definition."""

from __future__ import annotations

import types
import typing
from typing import Any, Union

import sqlite_utils

from minutebook.models import Record

SCHEMA_VERSION = 1

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


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create what is missing. Later schema versions add migrations here."""
    if "runs" not in db.table_names():
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
        )
    if "documents" not in db.table_names():
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
        )
    if "records" not in db.table_names():
        db.table("records").create(
            record_columns(), pk="id", foreign_keys=[("document_id", "documents", "id")]
        )
        db.table("records").create_index(["document_id"])
    if "failures" not in db.table_names():
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
        )
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
