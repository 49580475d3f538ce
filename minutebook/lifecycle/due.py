"""How long a recommendation has been open, and whether it is past its deadline, on a date."""

from __future__ import annotations

import calendar
from datetime import date

from minutebook.models.lifecycle import OPEN_STATUSES, Recommendation


def period_start(prefix: str) -> date:
    """First day of an ISO prefix: '2022-12' -> 2022-12-01, '2023' -> 2023-01-01."""
    parts = [int(p) for p in prefix.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def period_end(prefix: str) -> date:
    """Last day of an ISO prefix: a deadline of 'December 2022' runs to 2022-12-31."""
    parts = [int(p) for p in prefix.split("-")]
    if len(parts) == 3:
        return date(*parts)
    month = parts[1] if len(parts) == 2 else 12
    return date(parts[0], month, calendar.monthrange(parts[0], month)[1])


def is_open(rec: Recommendation) -> bool:
    return rec.status in OPEN_STATUSES


def days_outstanding(rec: Recommendation, as_of: date) -> int | None:
    """Days from the meeting that made it (or its first sighting) to as_of, while open."""
    since = rec.meeting_date or rec.first_seen
    if not is_open(rec) or since is None:
        return None
    return max(0, (as_of - period_start(since)).days)


def past_deadline(rec: Recommendation, as_of: date) -> bool:
    """Open, with a deadline whose whole period has passed by as_of."""
    return is_open(rec) and rec.deadline is not None and period_end(rec.deadline) < as_of
