"""The questions analysts ask the file: full-text search, the views (migration 6), exports.

Everything here is plain SQLite, so Datasette, the sqlite3 shell and pandas see the same
views the `search` command uses.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from minutebook.store.standing import deadline_end, open_sql

if TYPE_CHECKING:  # annotations only: `export --help` names the views without sqlite-utils
    import sqlite_utils

_MEETING = "coalesce(e.meeting_date, d.meeting_date)"
# effective_records from the review migration keeps removed records (a report needs them)
_CURRENT = "e.status = 'current'"
# Open, overdue and closed come from the lifecycle build (store/standing.py), never from a
# second reading of the progress words. A record stands for its recommendation when it is
# the latest sighting of it: the tracker row, or the minutes while no tracker follows it.
_ANY_SIGHTING = (
    "LEFT JOIN recommendation_events ev ON ev.record_id = e.id "
    "LEFT JOIN recommendations r ON r.id = ev.recommendation_id"
)
_DEADLINE_END = deadline_end("r.deadline")

# The analysts' views, made by migration 6 (store/migrations/): the database holds their
# SQL, and the queries below that reuse a view's SQL read it from there.
# how migration 8's views label a meeting with no known date
UNKNOWN_DATE = "unknown"

VIEWS: tuple[str, ...] = (
    "open_items",
    "overdue",
    "decisions_by_meeting",
    "records_by_owner",
    "counts_by_committee_year",
    "recommendation_standing",
    # migration 8: the report's charts, and an unknown committee or date labelled in counts
    "records_by_meeting",
    "standing_by_committee",
    "standing_by_owner",
)

_ISO_PREFIX = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def is_iso_prefix(value: str) -> bool:
    return bool(_ISO_PREFIX.match(value))


@dataclass(frozen=True)
class Filters:
    """What `search` narrows to; None means no filter."""

    kind: str | None = None
    owner: str | None = None  # case-insensitive substring
    since: str | None = None  # ISO prefix compared with the meeting date
    open_only: bool = False
    overdue_on: date | None = None  # open items whose deadline ended before this day


# column -> SQL, in the order `search` returns them
_SEARCH_SELECT = {
    "committee": "d.committee",
    "meeting_date": _MEETING,
    "item_title": "e.item_title",
    "code": "e.code",
    "kind": "e.kind",
    "text": "e.text",
    "owner": "e.owner",
    "deadline": "e.deadline",
    "status": "r.status",
    "source": "d.source",
    "page": "e.page",
    "id": "e.id",
}
SEARCH_COLUMNS = tuple(_SEARCH_SELECT)


def search(db: sqlite_utils.Database, query: str | None, filters: Filters) -> list[dict[str, Any]]:
    """Records matching query (FTS5) and the filters, best match first.

    query is FTS5 syntax when it parses (OR, NOT, prefix*, "a phrase"); otherwise its
    words are searched for as they are, so a lone quote or a hyphen cannot fail.
    """
    where: list[str] = [_CURRENT]
    params: dict[str, Any] = {}
    joins = _ANY_SIGHTING
    order = f"{_MEETING} DESC, d.committee, e.start"
    if query and query.strip():
        joins += " JOIN records rr ON rr.id = e.id JOIN records_fts ON records_fts.rowid = rr.rowid"
        where.append("records_fts MATCH :q")
        params["q"] = query
        order = "records_fts.rank, " + order
    if filters.kind:
        where.append("e.kind = :kind")
        params["kind"] = filters.kind
    if filters.owner:
        where.append("e.owner LIKE '%' || :owner || '%'")
        params["owner"] = filters.owner
    if filters.since:
        where.append(f"{_MEETING} >= :since")
        params["since"] = filters.since
    if filters.open_only or filters.overdue_on is not None:
        # the latest sighting stands for its recommendation, as in the open_items view
        where.append(f"ev.seq = r.events - 1 AND {open_sql('r.status')}")
    if filters.overdue_on is not None:
        where.append(f"{_DEADLINE_END} < :today")
        params["today"] = filters.overdue_on.isoformat()
    cols = ", ".join(f"{expr} AS {name}" for name, expr in _SEARCH_SELECT.items())
    sql = (
        f"SELECT {cols} FROM effective_records e JOIN documents d ON d.id = e.document_id "
        f"{joins} {'WHERE ' + ' AND '.join(where) if where else ''} ORDER BY {order}"
    )
    if "q" not in params:
        return list(db.query(sql, params))
    try:
        return list(db.query(sql, params))
    except sqlite3.OperationalError:
        # not FTS5 syntax (a lone quote, "owner:x", a trailing NOT): take it as words
        words = _quoted_words(params["q"])
        if not words:
            return []
        return list(db.query(sql, {**params, "q": words}))


def _quoted_words(query: str) -> str:
    """Each word of query as an FTS5 string, so every one must occur; "" when none has a
    letter or digit (a query of punctuation only matches nothing)."""
    parts = [w for w in query.split() if re.search(r"\w", w)]
    return " ".join('"' + w.replace('"', '""') + '"' for w in parts)


def overdue(db: sqlite_utils.Database, today: date) -> list[dict[str, Any]]:
    """The `overdue` view, as of a given day rather than the clock's."""
    sql = _view_sql(db, "overdue").replace("date('now')", ":today")
    return list(db.query(sql, {"today": today.isoformat()}))


def _view_sql(db: sqlite_utils.Database, name: str) -> str:
    """The SELECT a view is defined by, as the database stores it."""
    row = db.execute("select sql from sqlite_master where type = 'view' and name = ?", [name])
    return str(row.fetchone()[0]).split(" AS ", 1)[1]


def view_rows(db: sqlite_utils.Database, name: str) -> tuple[list[str], list[dict[str, Any]]]:
    """A view's columns, in the order its definition gives them, and its rows."""
    columns = list(db.view(name).columns_dict)
    # the other views carry their own ORDER BY; this one is the bare review-aware table
    order = " ORDER BY document_id, start" if name == "effective_records" else ""
    return columns, list(db.query(f"SELECT * FROM [{name}]{order}"))


def view_names() -> list[str]:
    """Every view an analyst may export, the review-aware base view first."""
    return ["effective_records", *VIEWS]


# What a person reads first in an export; the record's own columns follow with --all-columns.
PERSON_COLUMNS = (
    "committee",
    "meeting_date",
    "item_title",
    "code",
    "kind",
    "text",
    "owner",
    "deadline",
    "status",
    "source",
    "page",
)
_PERSON_SELECT = {
    "committee": "d.committee",
    "meeting_date": _MEETING,
    "status": "r.status",  # the recommendation's, from the status vocabulary
    "source": "d.source",
}


def export_records(
    db: sqlite_utils.Database,
    *,
    include_removed: bool = False,
    changed_since: str | None = None,
    all_columns: bool = False,
) -> tuple[list[str], list[dict[str, Any]]]:
    """Effective records, person columns first: (columns, rows) in document order.

    changed_since (an ISO date) keeps records new, changed or removed by runs started on
    or after it. The record's own `status` (current or removed) is `record_status`.
    """
    own = [c for c in db.view("effective_records").columns_dict if c not in PERSON_COLUMNS]
    select = [f"{_PERSON_SELECT.get(c, 'e.' + c)} AS {c}" for c in PERSON_COLUMNS]
    if all_columns:
        select += [f"e.{c} AS {c}" for c in own] + ["e.status AS record_status"]
    where = [] if include_removed else [_CURRENT]
    params: dict[str, Any] = {}
    if changed_since is not None:
        where.append(
            "max(coalesce(e.first_run, 0), coalesce(e.last_changed_run, 0), "
            "coalesce(e.removed_run, 0)) >= "
            "(SELECT coalesce(min(id), 1e18) FROM runs WHERE started_at >= :since)"
        )
        params["since"] = changed_since
    sql = (
        f"SELECT {', '.join(select)} FROM effective_records e "
        f"JOIN documents d ON d.id = e.document_id {_ANY_SIGHTING} "
        f"{'WHERE ' + ' AND '.join(where) if where else ''} ORDER BY e.document_id, e.start"
    )
    columns = list(PERSON_COLUMNS) + ([*own, "record_status"] if all_columns else [])
    return columns, list(db.query(sql, params))
