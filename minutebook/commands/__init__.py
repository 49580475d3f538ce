"""Commands beyond the core ones, one module each; every module here defines register(app).

A module is picked up by being in this package: cli.py needs no edit to gain a command.
"""

from __future__ import annotations

import importlib
import pkgutil
import sqlite3
from pathlib import Path

import sqlite_utils
import typer

from minutebook.errors import MinutebookError, StorageError
from minutebook.store import open_db
from minutebook.store.storage import is_storage_failure, storage_error

STORAGE_EXIT = 3  # cli.Exit.STORAGE: the database cannot be written


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print `error: message` on stderr and return the exit to raise: `raise fail(...)`."""
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def require_db(db_path: Path) -> None:
    """Exit 2 with one line when there is no database to read yet."""
    if not db_path.exists():
        raise fail(f"{db_path}: no such database; run 'minutebook ingest' first")


def open_existing(db_path: Path) -> sqlite_utils.Database:
    """An ingested database, or exit 2 with one line: missing, or not a minutebook file."""
    require_db(db_path)
    try:
        return open_db(db_path)
    except StorageError as exc:
        raise fail(str(exc), STORAGE_EXIT) from None
    except MinutebookError as exc:
        raise fail(str(exc)) from None


def open_writable(db_path: Path) -> sqlite_utils.Database:
    """open_existing, for a command that writes: a read-only or damaged database is one
    line and exit 3 now, not a traceback at its first write."""
    db = open_existing(db_path)
    try:
        db.execute("BEGIN IMMEDIATE")  # takes the write lock, so it fails if writing would
        db.execute("ROLLBACK")
    except sqlite3.Error as exc:
        if not is_storage_failure(exc):
            raise
        raise fail(str(storage_error(db_path, exc)), STORAGE_EXIT) from None
    return db


def register_all(app: typer.Typer) -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        module.register(app)
