"""One writer per database: an ingest holds a lock beside the file while it runs.

SQLite would serialise two writers itself, but two batches over the same folder would
both parse everything and interleave their runs. The lock is an flock on `<db>.lock`:
the kernel drops it when the process ends, even by kill -9, so it never goes stale.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from typing import TYPE_CHECKING

from minutebook.errors import StorageError, StoreError

if TYPE_CHECKING:  # annotations only: sqlite-utils is imported by store.open_db
    import sqlite_utils


class IngestLock:
    """Held for the length of an ingest; a second one on the same database fails at once."""

    def __init__(self, db_path: Path) -> None:
        # The file the path leads to, not the path as written: through a symbolic link,
        # "./x/../m.db" or a relative path, two ingests must still find the same lock.
        real = db_path.resolve()
        self.db_path = db_path
        self.path = real.with_name(real.name + ".lock")
        self._fd: int | None = None

    def __enter__(self) -> IngestLock:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            if not self.path.parent.is_dir():
                raise StoreError(
                    str(self.db_path),
                    "cannot create a database here (its folder does not exist); "
                    "create the folder first or choose another --db",
                ) from exc
            raise StorageError(
                str(self.db_path),
                f"cannot write beside the database ({exc.strerror}); "
                "make its folder writable or choose another --db",
            ) from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 32).decode(errors="replace").strip() or "unknown"
            os.close(fd)
            raise StoreError(
                str(self.db_path),
                f"another ingest (pid {holder}) is writing to this database; "
                "wait for it to finish or use another --db",
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor releases the flock
            self._fd = None


def use_wal(db: sqlite_utils.Database) -> None:
    """WAL: readers (export, failures) keep working while an ingest writes, and a commit
    is one append, so a killed process leaves whole transactions or none."""
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")


def checkpoint(db: sqlite_utils.Database) -> None:
    """Fold the WAL back into the database file, so the .db file alone holds every row:
    analysts copy or mail that one file, and a copy without its -wal would lose the run."""
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
