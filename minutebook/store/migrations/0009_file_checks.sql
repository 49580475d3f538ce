-- Version 9: what an ingest saw of each stored file when it last read or hashed it, so an
-- unchanged re-run trusts a file whose size, modification and change times are as seen
-- without reading it again (store/file_checks.py). A cache: a missing or stale row only means the
-- file is hashed again.
-- Frozen: released, so never edited; a change to the schema is a new file.

CREATE TABLE "file_checks" (
   "id" TEXT PRIMARY KEY,
   "size" INTEGER NOT NULL,
   "mtime_ns" INTEGER NOT NULL,
   "ctime_ns" INTEGER NOT NULL,
   "sha256" TEXT NOT NULL,
   "checked_ns" INTEGER NOT NULL
);
