-- Version 6: the analysts' views read open/overdue from the lifecycle build, not from
-- closing phrases; v3 databases kept a closing_phrases table, a second rule for "open".
-- Frozen: released, so never edited; a change to the schema is a new file.

DROP TABLE IF EXISTS closing_phrases;

DROP VIEW IF EXISTS open_items;

DROP VIEW IF EXISTS overdue;

DROP VIEW IF EXISTS decisions_by_meeting;

DROP VIEW IF EXISTS records_by_owner;

DROP VIEW IF EXISTS counts_by_committee_year;

DROP VIEW IF EXISTS recommendation_standing;

CREATE INDEX "idx_recommendation_events_record_id"
    ON "recommendation_events" ("record_id");

CREATE VIEW open_items AS SELECT e.kind, e.code, e.item_title, e.text, e.recipient, e.owner, r.deadline,
  CASE length(r.deadline)
    WHEN 4 THEN r.deadline || '-12-31'
    WHEN 7 THEN date(r.deadline || '-01', '+1 month', '-1 day')
    ELSE r.deadline END AS deadline_end, coalesce(e.meeting_date, d.meeting_date) AS meeting_date, e.progress, r.status,
  d.committee, d.source, e.page, e.id, e.document_id, r.id AS recommendation_id
FROM effective_records e JOIN documents d ON d.id = e.document_id JOIN recommendation_events ev ON ev.record_id = e.id JOIN recommendations r ON r.id = ev.recommendation_id AND ev.seq = r.events - 1
WHERE e.status = 'current' AND r.status IN ('not started', 'in progress')
ORDER BY d.committee, meeting_date, e.document_id, e.start;

CREATE VIEW overdue AS SELECT * FROM open_items
WHERE deadline_end < date('now')
ORDER BY deadline_end, committee, code;

CREATE VIEW decisions_by_meeting AS SELECT d.committee, coalesce(e.meeting_date, d.meeting_date) AS meeting_date, e.kind, e.code, e.item_title, e.text,
  e.recipient, e.owner, e.deadline, e.noting, d.source, e.page, e.id
FROM effective_records e JOIN documents d ON d.id = e.document_id
WHERE e.status = 'current'
ORDER BY meeting_date DESC, d.committee, e.document_id, e.start;

CREATE VIEW records_by_owner AS SELECT e.owner, e.kind, e.code, e.item_title, e.text, e.deadline, coalesce(e.meeting_date, d.meeting_date) AS meeting_date,
  CASE WHEN r.id IS NOT NULL THEN r.status IN ('not started', 'in progress') END AS is_open,
  d.committee, d.source, e.page, e.id
FROM effective_records e JOIN documents d ON d.id = e.document_id LEFT JOIN recommendation_events ev ON ev.record_id = e.id LEFT JOIN recommendations r ON r.id = ev.recommendation_id
WHERE e.status = 'current' AND e.owner IS NOT NULL
ORDER BY e.owner, meeting_date, e.document_id, e.start;

CREATE VIEW counts_by_committee_year AS SELECT d.committee, substr(coalesce(e.meeting_date, d.meeting_date), 1, 4) AS year,
  count(*) AS records,
  sum(e.kind = 'resolution') AS resolutions,
  sum(e.kind = 'recommendation') AS recommendations,
  sum(e.kind = 'action') AS actions,
  sum(e.noting) AS noting,
  count(DISTINCT e.document_id) AS documents
FROM effective_records e JOIN documents d ON d.id = e.document_id
WHERE e.status = 'current'
GROUP BY d.committee, year
ORDER BY d.committee, year;

CREATE VIEW recommendation_standing AS SELECT r.id, r.kind, r.code, r.text, r.current_owner AS owner, r.deadline,
  CASE length(r.deadline)
    WHEN 4 THEN r.deadline || '-12-31'
    WHEN 7 THEN date(r.deadline || '-01', '+1 month', '-1 day')
    ELSE r.deadline END AS deadline_end, r.status, r.status_words,
  CASE
    WHEN r.status IN ('completed') THEN 'completed'
    WHEN r.status IN ('no longer required') THEN 'withdrawn'
    WHEN r.deadline IS NOT NULL AND CASE length(r.deadline)
    WHEN 4 THEN r.deadline || '-12-31'
    WHEN 7 THEN date(r.deadline || '-01', '+1 month', '-1 day')
    ELSE r.deadline END < date('now') THEN 'overdue'
    ELSE 'open' END AS standing,
  d.committee, r.first_seen, r.last_update, r.closed_on, ev.record_id AS latest_record_id,
  d.source
FROM recommendation_events ev JOIN recommendations r ON r.id = ev.recommendation_id AND ev.seq = r.events - 1 JOIN documents d ON d.id = ev.document_id
ORDER BY d.committee, r.first_seen, r.code;
