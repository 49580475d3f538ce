"""What an ingest saw of each stored file: its size, modification and change times when
it was read, and the content hash it had then.

An unchanged re-run of a whole archive would otherwise read and hash every file again:
34 ms for the 17 MB of the benchmark PDFs, seconds for a council's archive. As git's
index does, a file whose size, mtime and ctime are what was seen, and whose content hash
is still the stored document's, is taken as unchanged without being read. Any difference
and the file is hashed again. The ctime is the inode's change time, which no tool can
set back: a copy that keeps the old mtime over other bytes (`cp -p`, `touch -r`, `tar x`)
still changes it. A file modified within two seconds of being seen is never trusted on
its stat (git's "racy" case): it could have changed again within the clock's resolution
(FAT keeps mtimes to 2 s), with the same size. The window is taken on this machine's
clock: a network share whose server's clock runs more than that behind, with coarse
timestamps, is the case it cannot see; `ingest --force` reads every file.

The stat is taken before the file's bytes are read, so a file that changes in between
is stored with its new content and its old stat, and the next run hashes it again.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: sqlite-utils is imported by store.open_db
    import sqlite_utils

# a file modified this close to being seen is hashed on the next run whatever its stat
# says: FAT rounds mtimes to 2 s
RACY_NS = 2_000_000_000


@dataclass(frozen=True)
class Seen:
    """A file's size, mtime and ctime (ns), and when they were read (time.time_ns())."""

    size: int
    mtime_ns: int
    ctime_ns: int
    checked_ns: int


def look(path: Path) -> Seen:
    """The file's stat now. Raises OSError as Path.stat does."""
    checked = time.time_ns()
    st = path.stat()
    return Seen(st.st_size, st.st_mtime_ns, st.st_ctime_ns, checked)


@dataclass(frozen=True)
class Check:
    seen: Seen
    sha256: str

    def vouches(self, now: Seen, stored_sha256: str | None) -> bool:
        """The file looks as it did when its content hashed to what is stored."""
        return (
            stored_sha256 == self.sha256
            and now.size == self.seen.size
            and now.mtime_ns == self.seen.mtime_ns
            and now.ctime_ns == self.seen.ctime_ns
            # a later write sets the mtime to its own time: the stored one must be old
            # enough that such a write cannot share it (the ctime only has to be equal)
            and self.seen.mtime_ns < self.seen.checked_ns - RACY_NS
        )


def stored_checks(db: sqlite_utils.Database) -> dict[str, Check]:
    """Every file check, by document id."""
    rows = db.execute("select id, size, mtime_ns, ctime_ns, checked_ns, sha256 from file_checks")
    return {
        doc_id: Check(Seen(size, mtime_ns, ctime_ns, checked_ns), sha256)
        for doc_id, size, mtime_ns, ctime_ns, checked_ns, sha256 in rows.fetchall()
    }


def record_checks(db: sqlite_utils.Database, checks: dict[str, Check]) -> None:
    """Keep what was seen of these files (by document id), in one transaction."""
    if not checks:
        return
    with db.atomic():
        db.conn.executemany(
            "insert or replace into file_checks "
            "(id, size, mtime_ns, ctime_ns, checked_ns, sha256) values (?, ?, ?, ?, ?, ?)",
            [
                (doc_id, c.seen.size, c.seen.mtime_ns, c.seen.ctime_ns, c.seen.checked_ns, c.sha256)
                for doc_id, c in checks.items()
            ],
        )
