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
FROM recommendation_standing
GROUP BY 1
ORDER BY committee;

CREATE VIEW standing_by_owner AS SELECT coalesce(owner, '(no owner)') AS owner,
  sum(standing = 'open') AS open,
  sum(standing = 'overdue') AS overdue,
  sum(standing = 'completed') AS completed,
  sum(standing = 'withdrawn') AS withdrawn,
  count(*) AS total
FROM recommendation_standing
GROUP BY 1
ORDER BY overdue DESC, open DESC, total DESC, owner;
