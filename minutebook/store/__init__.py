"""store: open_db(path) and upsert(db, document, records) into SQLite via sqlite-utils."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from minutebook.errors import StoreError
from minutebook.store.schema import ensure_schema, schema_version
from minutebook.store.sqlite_import import import_sqlite_utils
from minutebook.store.storage import is_storage_failure, storage_error
from minutebook.store.upsert import UpsertResult, document_key, source_key, upsert

if TYPE_CHECKING:
    import sqlite_utils

log = logging.getLogger(__name__)

# a file that is not a database at all: most likely the wrong --db, not broken storage
_NOT_OURS = {sqlite3.SQLITE_NOTADB}


def open_db(path: Path | str) -> sqlite_utils.Database:
    """Open (or create) a minutebook database with its schema in place.

    Raises:
        StoreError: the file is not a SQLite database, or cannot be written.
    """
    # imported here: every command imports this package (store.paths names the default
    # --db), and `minutebook --help` need not pay for sqlite-utils; without numpy
    # (sqlite_import.py says why)
    imported = import_sqlite_utils()

    try:
        # no sqlite-utils plugins: finding them scans every installed package's entry
        # points (11 ms a command), and a plugin's prepare_connection hook would change
        # this database's connection behind minutebook's back
        db: sqlite_utils.Database = imported.Database(Path(path), execute_plugins=False)
        db.execute("PRAGMA busy_timeout = 30000")
        db.execute("PRAGMA foreign_keys = ON")
        before = schema_version(db)
        applied = ensure_schema(db)
    except sqlite3.DatabaseError as exc:
        if is_storage_failure(exc) and exc.sqlite_errorcode not in _NOT_OURS:
            raise storage_error(path, exc) from exc
        raise StoreError(
            str(path), f"cannot open the database ({exc}); is it a minutebook file?"
        ) from exc
    if before and applied:
        # the CLI shows warnings on stderr, so a user learns why an old file changed
        log.warning("upgraded %s from schema v%d to v%d", path, before, applied[-1])
    return db


__all__ = ["UpsertResult", "document_key", "open_db", "source_key", "upsert"]
