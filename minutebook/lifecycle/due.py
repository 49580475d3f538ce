"""How long a recommendation has been open on a date (overdue is store/standing.py's rule)."""

from __future__ import annotations

from datetime import date

from minutebook.models.lifecycle import OPEN_STATUSES, Recommendation


def period_start(prefix: str) -> date:
    """First day of an ISO prefix: '2022-12' -> 2022-12-01, '2023' -> 2023-01-01."""
    parts = [int(p) for p in prefix.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def is_open(rec: Recommendation) -> bool:
    return rec.status in OPEN_STATUSES


def days_outstanding(rec: Recommendation, as_of: date) -> int | None:
    """Days from the meeting that made it (or its first sighting) to as_of, while open."""
    since = rec.meeting_date or rec.first_seen
    if not is_open(rec) or since is None:
        return None
    return max(0, (as_of - period_start(since)).days)
