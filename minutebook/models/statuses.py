"""What a recommendation's status is and where it stands: plain names, no pydantic.

Apart from models/lifecycle.py (which re-exports them) so that store/standing.py, whose
SQL every view and `export --help` use, is imported without the pydantic models.
"""

from __future__ import annotations

from typing import Literal

Status = Literal["completed", "in progress", "not started", "no longer required"]
# Where a recommendation stands: the one answer search, the views, status and the report
# give. A status (read from progress words by extract/status.py's vocabulary) is open,
# completed or withdrawn; an open one whose deadline period has ended is overdue.
Standing = Literal["open", "overdue", "completed", "withdrawn"]
STANDINGS: tuple[Standing, ...] = ("open", "overdue", "completed", "withdrawn")
STANDING_OF: dict[Status, Standing] = {
    "not started": "open",
    "in progress": "open",
    "completed": "completed",
    "no longer required": "withdrawn",
}
OPEN_STATUSES: tuple[Status, ...] = tuple(s for s, v in STANDING_OF.items() if v == "open")
