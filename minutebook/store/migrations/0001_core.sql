-- Version 1: runs, documents, records (the Record model's fields as of this release), failures.
-- Frozen: released, so never edited; a change to the schema is a new file.

CREATE TABLE "runs" (
   "id" INTEGER PRIMARY KEY,
   "started_at" TEXT,
   "finished_at" TEXT,
   "command" TEXT,
   "documents" INTEGER,
   "records" INTEGER,
   "failures" INTEGER
);

CREATE TABLE "documents" (
   "id" TEXT PRIMARY KEY,
   "source" TEXT,
   "sha256" TEXT,
   "format" TEXT,
   "pages" INTEGER,
   "meeting_date" TEXT,
   "committee" TEXT,
   "warnings" TEXT,
   "first_run" INTEGER,
   "last_changed_run" INTEGER
);

CREATE TABLE "records" (
   "id" TEXT PRIMARY KEY,
   "document_id" TEXT REFERENCES "documents"("id"),
   "ordinal" INTEGER,
   "text_hash" TEXT,
   "status" TEXT,
   "first_run" INTEGER,
   "last_changed_run" INTEGER,
   "removed_run" INTEGER,
   "kind" TEXT,
   "code" TEXT,
   "item_title" TEXT,
   "text" TEXT,
   "recipient" TEXT,
   "owner" TEXT,
   "deadline" TEXT,
   "meeting_date" TEXT,
   "progress" TEXT,
   "noting" INTEGER,
   "source" TEXT,
   "sha256" TEXT,
   "page" INTEGER,
   "start" INTEGER,
   "end" INTEGER,
   "rule" TEXT,
   "warnings" TEXT
);

CREATE INDEX "idx_records_document_id"
    ON "records" ("document_id");

CREATE TABLE "failures" (
   "id" INTEGER PRIMARY KEY,
   "run_id" INTEGER,
   "path" TEXT,
   "stage" TEXT,
   "reason" TEXT,
   "message" TEXT,
   "at" TEXT
);
