"""Tell broken storage (disk full, I/O error, read-only, damaged file) from a bad document.

SQLite reports both as sqlite3.Error; only the primary result code tells them apart. A
constraint or a too-big value belongs to one document; the codes below belong to the
database file, and every later write would fail the same way.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from minutebook.errors import StorageError

if TYPE_CHECKING:
    import sqlite_utils

# primary result code -> (what happened, what to do)
_STORAGE_CODES: dict[int, tuple[str, str]] = {
    sqlite3.SQLITE_FULL: ("the disk is full", "free some space"),
    sqlite3.SQLITE_IOERR: ("the disk reported an I/O error", "check the disk"),
    sqlite3.SQLITE_READONLY: (
        "the database is read-only",
        "make the file and its folder writable, or choose another --db",
    ),
    sqlite3.SQLITE_PERM: (
        "the database may not be written",
        "make the file and its folder writable, or choose another --db",
    ),
    sqlite3.SQLITE_CANTOPEN: (
        "the database file cannot be opened",
        "check that its folder exists and is writable",
    ),
    sqlite3.SQLITE_CORRUPT: (
        "the database file is damaged",
        "restore it from a backup, or rebuild it with a fresh --db",
    ),
    sqlite3.SQLITE_NOTADB: (
        "the database file is damaged",
        "restore it from a backup, or rebuild it with a fresh --db",
    ),
    sqlite3.SQLITE_BUSY: (
        "another program kept the database locked",
        "close whatever else writes to it",
    ),
    sqlite3.SQLITE_LOCKED: (
        "another program kept the database locked",
        "close whatever else writes to it",
    ),
}


def _primary_code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        # raised by the sqlite3 module itself, not by SQLite: no code, go by the message
        text = str(exc).lower()
        if "readonly" in text or "read-only" in text:
            return sqlite3.SQLITE_READONLY
        return None
    return int(code) & 0xFF  # extended codes keep the primary code in the low byte


def is_storage_failure(exc: sqlite3.Error) -> bool:
    """True when the error is the database file's, not the document's being written."""
    return _primary_code(exc) in _STORAGE_CODES


def storage_error(db_path: Path | str, exc: sqlite3.Error) -> StorageError:
    """The one-line error for a storage failure: what, which database, what to do."""
    what, todo = _STORAGE_CODES.get(
        _primary_code(exc) or 0, ("the database could not be written", "check the disk")
    )
    return StorageError(str(db_path), f"{what} ({exc}); {todo}")


def check_writable(db: sqlite_utils.Database) -> None:
    """Raise the sqlite3.Error a write would, now: read-only file, damaged, no disk space."""
    db.execute("BEGIN IMMEDIATE")  # takes the write lock, so it fails if writing would
    db.execute("ROLLBACK")
