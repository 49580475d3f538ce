-- Version 3: full-text search over records (FTS5, kept current by triggers) and indexes.
-- Frozen: released, so never edited; a change to the schema is a new file.

CREATE VIRTUAL TABLE "records_fts" USING FTS5 (
    "text", "item_title",
    content="records"
);

INSERT INTO [records_fts] (rowid, [text], [item_title])
    SELECT rowid, [text], [item_title] FROM [records];

CREATE TRIGGER "records_ai" AFTER INSERT ON "records" BEGIN
  INSERT INTO "records_fts" (rowid, "text", "item_title") VALUES (new.rowid, new."text", new."item_title");
END;

CREATE TRIGGER "records_ad" AFTER DELETE ON "records" BEGIN
  INSERT INTO "records_fts" ("records_fts", rowid, "text", "item_title") VALUES('delete', old.rowid, old."text", old."item_title");
END;

CREATE TRIGGER "records_au" AFTER UPDATE ON "records" BEGIN
  INSERT INTO "records_fts" ("records_fts", rowid, "text", "item_title") VALUES('delete', old.rowid, old."text", old."item_title");
  INSERT INTO "records_fts" (rowid, "text", "item_title") VALUES (new.rowid, new."text", new."item_title");
END;

CREATE INDEX "idx_records_code"
    ON "records" ("code");

CREATE INDEX "idx_records_owner"
    ON "records" ("owner");

CREATE INDEX "idx_records_deadline"
    ON "records" ("deadline");

CREATE INDEX "idx_records_meeting_date"
    ON "records" ("meeting_date");

CREATE INDEX "idx_records_kind_status"
    ON "records" ("kind", "status");

CREATE INDEX "idx_documents_meeting_date"
    ON "documents" ("meeting_date");

CREATE INDEX "idx_documents_committee"
    ON "documents" ("committee");
