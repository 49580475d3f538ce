"""Where each recommendation stands (open, overdue, completed, withdrawn), in SQL, once.

The status comes from the lifecycle build (extract/status.py reads it from the progress
words with the status vocabulary); models/lifecycle.py says which statuses are open. This
module turns that into the one SQL expression the views, `search`, `status` and the report
all use, so they cannot disagree about what is overdue.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlite_utils

from minutebook.models.lifecycle import STANDING_OF, Standing


def deadline_end(column: str) -> str:
    """SQL for the last day of an ISO-prefix deadline: '2022-12' falls due on 2022-12-31."""
    return f"""CASE length({column})
    WHEN 4 THEN {column} || '-12-31'
    WHEN 7 THEN date({column} || '-01', '+1 month', '-1 day')
    ELSE {column} END"""


def _quoted(values: list[str]) -> str:
    return ", ".join("'" + v.replace("'", "''") + "'" for v in values)


def _statuses(standing: Standing) -> str:
    return _quoted([s for s, v in STANDING_OF.items() if v == standing])


def open_sql(status: str) -> str:
    """SQL true when a status is open (overdue or not)."""
    return f"{status} IN ({_statuses('open')})"


def standing_sql(status: str, deadline: str, today: str) -> str:
    """SQL for a recommendation's standing on `today` (an SQL date expression)."""
    return f"""CASE
    WHEN {status} IN ({_statuses("completed")}) THEN 'completed'
    WHEN {status} IN ({_statuses("withdrawn")}) THEN 'withdrawn'
    WHEN {deadline} IS NOT NULL AND {deadline_end(deadline)} < {today} THEN 'overdue'
    ELSE 'open' END"""


# The latest sighting of each recommendation: the record whose values it now has.
_LATEST_EVENT = (
    "recommendation_events ev JOIN recommendations r "
    "ON r.id = ev.recommendation_id AND ev.seq = r.events - 1"
)


def _standing_select(today: str) -> str:
    return f"""
SELECT r.id, r.kind, r.code, r.text, r.current_owner AS owner, r.deadline,
  {deadline_end("r.deadline")} AS deadline_end, r.status, r.status_words,
  {standing_sql("r.status", "r.deadline", today)} AS standing,
  d.committee, r.first_seen, r.last_update, r.closed_on, ev.record_id AS latest_record_id,
  d.source
FROM {_LATEST_EVENT} JOIN documents d ON d.id = ev.document_id"""


# a view for Datasette and the sqlite3 shell; standings() below is the same on a given day


def standings(db: sqlite_utils.Database, day: date) -> list[dict[str, Any]]:
    """Every recommendation followed, with where it stands on `day` (the view's columns)."""
    sql = _standing_select(":today") + " ORDER BY r.first_seen, r.code, r.id"
    return list(db.query(sql, {"today": day.isoformat()}))
