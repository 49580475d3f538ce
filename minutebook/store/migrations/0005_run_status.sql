-- Version 5: how each run ended: running, finished, or interrupted (killed, Ctrl-C, or
-- stopped by a storage error; closed by the next ingest).
-- Frozen: released, so never edited; a change to the schema is a new file.

ALTER TABLE "runs" ADD COLUMN "status" TEXT;

UPDATE runs SET status = 'finished' WHERE finished_at IS NOT NULL;
