-- Version 8: the report's charts as views (open, overdue, completed and withdrawn
-- recommendations per committee and per owner; records per meeting), and an unknown
-- committee or meeting date labelled in the counts instead of a row of nulls.
DROP VIEW IF EXISTS counts_by_committee_year;
CREATE VIEW counts_by_committee_year AS SELECT coalesce(d.committee, '(committee unknown)') AS committee,
  coalesce(substr(coalesce(e.meeting_date, d.meeting_date), 1, 4), 'unknown') AS year,
  count(*) AS records,
  sum(e.kind = 'resolution') AS resolutions,
  sum(e.kind = 'recommendation') AS recommendations,
  sum(e.kind = 'action') AS actions,
  sum(e.noting) AS noting,
  count(DISTINCT e.document_id) AS documents
FROM effective_records e JOIN documents d ON d.id = e.document_id
WHERE e.status = 'current'
GROUP BY 1, 2
ORDER BY 1, 2;

CREATE VIEW records_by_meeting AS SELECT coalesce(d.committee, '(committee unknown)') AS committee,
  coalesce(coalesce(e.meeting_date, d.meeting_date), 'unknown') AS meeting_date,
  count(*) AS records,
  sum(e.kind = 'resolution') AS resolutions,
  sum(e.kind = 'recommendation') AS recommendations,
  sum(e.kind = 'action') AS actions,
  count(DISTINCT e.document_id) AS documents
FROM effective_records e JOIN documents d ON d.id = e.document_id
WHERE e.status = 'current'
GROUP BY 1, 2
ORDER BY 2, 1;

CREATE VIEW standing_by_committee AS SELECT coalesce(committee, '(committee unknown)') AS committee,
  sum(standing = 'open') AS open,
  sum(standing = 'overdue') AS overdue,
  sum(standing = 'completed') AS completed,
  sum(standing = 'withdrawn') AS withdrawn,
  count(*) AS total
FROM (
SELECT r.id, r.kind, r.code, r.text, r.current_owner AS owner, r.deadline,
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
FROM recommendation_events ev JOIN recommendations r ON r.id = ev.recommendation_id AND ev.seq = r.events - 1 JOIN documents d ON d.id = ev.document_id)
GROUP BY 1
ORDER BY committee;

CREATE VIEW standing_by_owner AS SELECT coalesce(owner, '(no owner)') AS owner,
  sum(standing = 'open') AS open,
  sum(standing = 'overdue') AS overdue,
  sum(standing = 'completed') AS completed,
  sum(standing = 'withdrawn') AS withdrawn,
  count(*) AS total
FROM (
SELECT r.id, r.kind, r.code, r.text, r.current_owner AS owner, r.deadline,
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
FROM recommendation_events ev JOIN recommendations r ON r.id = ev.recommendation_id AND ev.seq = r.events - 1 JOIN documents d ON d.id = ev.document_id)
GROUP BY 1
ORDER BY overdue DESC, open DESC, total DESC, owner;

