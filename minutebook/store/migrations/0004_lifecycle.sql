-- Version 4: recommendations followed across documents (derived, rebuilt whole) and the
-- clerk's link decisions (append-only).
-- Frozen: released, so never edited; a change to the schema is a new file.

CREATE TABLE "recommendations" (
   "id" TEXT PRIMARY KEY,
   "kind" TEXT,
   "code" TEXT,
   "text" TEXT,
   "meeting_date" TEXT,
   "first_seen" TEXT,
   "first_seen_source" TEXT,
   "origin_record_id" TEXT,
   "origin_source" TEXT,
   "current_owner" TEXT,
   "deadline" TEXT,
   "status" TEXT,
   "status_words" TEXT,
   "last_update" TEXT,
   "closed_on" TEXT,
   "events" INTEGER
);

CREATE TABLE "recommendation_events" (
   "id" TEXT PRIMARY KEY,
   "recommendation_id" TEXT,
   "seq" INTEGER,
   "event" TEXT,
   "record_id" TEXT,
   "document_id" TEXT,
   "source" TEXT,
   "date" TEXT,
   "status" TEXT,
   "status_words" TEXT,
   "progress" TEXT,
   "owner" TEXT,
   "deadline" TEXT,
   "owner_was" TEXT,
   "deadline_was" TEXT
);

CREATE TABLE "record_links" (
   "record_a" TEXT,
   "record_b" TEXT,
   "relation" TEXT,
   "method" TEXT,
   "score" REAL,
   "decision" TEXT,
   PRIMARY KEY ("record_a", "record_b")
);

CREATE INDEX "idx_recommendation_events_recommendation_id_seq"
    ON "recommendation_events" ("recommendation_id", "seq");

CREATE INDEX "idx_recommendations_code"
    ON "recommendations" ("code");

CREATE TABLE "link_decisions" (
   "id" INTEGER PRIMARY KEY,
   "record_a" TEXT,
   "record_b" TEXT,
   "decision" TEXT,
   "note" TEXT,
   "decided_at" TEXT
);

CREATE TABLE "lifecycle_builds" (
   "id" INTEGER PRIMARY KEY,
   "built_at" TEXT,
   "after_run" INTEGER,
   "recommendations" INTEGER,
   "links" INTEGER
);
