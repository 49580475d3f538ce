"""Commands beyond the core ones, one module each; every module here defines register(app).

A module is picked up by being in this package: cli.py needs no edit to gain a command.
"""

from __future__ import annotations

import importlib
import pkgutil
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from minutebook.console.conventions import Exit
from minutebook.errors import MinutebookError, StorageError
from minutebook.store import open_db
from minutebook.store.storage import check_writable, is_storage_failure, storage_error

# Every module here is imported at start-up to register its command, `minutebook --help`
# included: at the top, a module imports typer and what its commands' signatures name,
# and nothing heavier (rich, pydantic models, lifecycle, app); bodies import what they run.
if TYPE_CHECKING:
    import sqlite_utils

STORAGE_EXIT = Exit.STORAGE  # the database cannot be written


def fail(message: str, code: int = Exit.USAGE) -> typer.Exit:
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
        check_writable(db)
    except sqlite3.Error as exc:
        if not is_storage_failure(exc):
            raise
        raise fail(str(storage_error(db_path, exc)), STORAGE_EXIT) from None
    return db


def open_current(db_path: Path, refresh: bool = False) -> sqlite_utils.Database:
    """open_existing, with the lifecycle tables built from its latest ingest.

    Open, overdue and closed are read from those tables (store/standing.py), so every
    command that answers them rebuilds a stale build first.
    """
    from minutebook.lifecycle import rebuild
    from minutebook.store.lifecycle import stale

    db = open_existing(db_path)
    if refresh or stale(db):
        rebuild(db)
    return db


MIN_PREFIX = 6  # characters of an id a clerk must give; 16^6 leaves few collisions


def resolve_id(
    db: sqlite_utils.Database, db_path: Path, given: str, *, current_only: bool = False
) -> str:
    """The record id that `given` is, or is the start of (exit 2 with one line otherwise).

    An ambiguous prefix lists the records it matches, so the clerk can pick one.
    """
    from minutebook.store.records import records_with_id, records_with_id_prefix

    given = given.strip()
    rows = records_with_id(db, given)
    if not rows:
        if len(given) < MIN_PREFIX:
            raise fail(f"record id {given!r} is too short; give at least {MIN_PREFIX} characters")
        rows = records_with_id_prefix(db, given)
    if current_only:
        rows = [r for r in rows if r["status"] == "current"]
    if not rows:
        raise fail(
            f"{db_path}: no {'current ' if current_only else ''}record {given!r}; copy an id "
            "from 'minutebook report' or 'minutebook review export'"
        )
    if len(rows) > 1:
        shown = "; ".join(f"{r['id']} ({r['kind']} {r['code'] or '(no code)'})" for r in rows[:10])
        more = f"; and {len(rows) - 10} more" if len(rows) > 10 else ""
        raise fail(
            f"{db_path}: record id {given!r} is ambiguous: {shown}{more}; give more characters"
        )
    return str(rows[0]["id"])


def register_all(app: typer.Typer) -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        module.register(app)
