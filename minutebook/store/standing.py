"""Where each recommendation stands (open, overdue, completed, withdrawn), in SQL, once.

The status comes from the lifecycle build (extract/status.py reads it from the progress
words with the status vocabulary); models/lifecycle.py says which statuses are open. This
module turns that into the one SQL expression the views, `search`, `status` and the report
all use, so they cannot disagree about what is overdue.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from minutebook.models.statuses import STANDING_OF, STANDINGS, Standing

if TYPE_CHECKING:  # annotations only: analytics imports this at start-up (export --help)
    import sqlite_utils

# What a count shows when the documents do not say: an analyst reads a label where a
# GROUP BY would give an anonymous null row (issue 16: counts_by_committee_year).
UNKNOWN_COMMITTEE = "(committee unknown)"
NO_OWNER = "(no owner)"


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


# The two ways the report and Datasette count standings: by committee and by owner.
CountBy = Literal["committee", "owner"]
_LABEL: dict[CountBy, str] = {
    "committee": f"coalesce(committee, '{UNKNOWN_COMMITTEE}')",
    "owner": f"coalesce(owner, '{NO_OWNER}')",
}


def _counts_select(by: CountBy, standing_rows: str) -> str:
    # counted over the standing rows themselves, so a chart can only draw what the rule says
    per = ",\n  ".join(f"sum(standing = '{name}') AS {name}" for name in STANDINGS)
    return f"""
SELECT {_LABEL[by]} AS {by},
  {per},
  count(*) AS total
FROM ({standing_rows})
GROUP BY 1"""


# views: the same counts on date('now'), for Datasette and the sqlite3 shell
STANDING_BY_COMMITTEE_VIEW = (
    _counts_select("committee", _standing_select("date('now')")) + "\nORDER BY committee"
)
STANDING_BY_OWNER_VIEW = (
    _counts_select("owner", _standing_select("date('now')"))
    + "\nORDER BY overdue DESC, open DESC, total DESC, owner"
)


def standing_counts(db: sqlite_utils.Database, day: date, by: CountBy) -> list[dict[str, Any]]:
    """Open, overdue, completed and withdrawn per committee or per owner, on `day`.

    Rows are ordered as the views order them: committees by name, owners with the most
    overdue and open first.
    """
    order = "committee" if by == "committee" else "overdue DESC, open DESC, total DESC, owner"
    sql = _counts_select(by, _standing_select(":today")) + f" ORDER BY {order}"
    return list(db.query(sql, {"today": day.isoformat()}))
