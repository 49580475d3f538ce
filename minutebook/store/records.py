"""Questions about stored records that a command asks by id."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # annotations only: sqlite-utils is imported by store.open_db
    import sqlite_utils


_BRIEF = "select id, kind, code, status from records where {} order by id"


def records_with_id(db: sqlite_utils.Database, record_id: str) -> list[dict[str, Any]]:
    """The record with this id (id, kind, code, status), as a list of none or one."""
    return list(db.query(_BRIEF.format("id = ?"), [record_id]))


def records_with_id_prefix(db: sqlite_utils.Database, prefix: str) -> list[dict[str, Any]]:
    """Every record whose id starts with prefix (id, kind, code, status)."""
    return list(db.query(_BRIEF.format("substr(id, 1, ?) = ?"), [len(prefix), prefix]))
