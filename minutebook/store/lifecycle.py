"""Tables for recommendations followed across documents, and the clerk's link decisions.

recommendations, recommendation_events and record_links are derived data: rebuilt whole from
the records on every refresh. link_decisions is the clerk's, append-only; a rebuild reads it
and never writes it, so a re-run cannot overwrite a decision.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from minutebook.models.lifecycle import (
    LinkDecision,
    Recommendation,
    RecommendationEvent,
    RecordLink,
)

if TYPE_CHECKING:  # annotations only: sqlite-utils is imported by store.open_db
    import sqlite_utils

DERIVED: dict[str, tuple[type[BaseModel], str | tuple[str, ...]]] = {
    "recommendations": (Recommendation, "id"),
    "recommendation_events": (RecommendationEvent, "id"),
    "record_links": (RecordLink, ("record_a", "record_b")),
}


def replace_lifecycle(
    db: sqlite_utils.Database,
    recommendations: list[Recommendation],
    events: list[RecommendationEvent],
    links: list[RecordLink],
) -> None:
    """Swap in a fresh build in one transaction: readers see the old build or the new one."""
    with db.atomic():
        for name in DERIVED:
            db.execute(f"delete from {name}")
        db.table("recommendations").insert_all(r.model_dump() for r in recommendations)
        db.table("recommendation_events").insert_all(e.model_dump() for e in events)
        db.table("record_links").insert_all(link.model_dump() for link in links)
        last_run = db.execute("select max(id) from runs").fetchone()[0]
        db.table("lifecycle_builds").insert(
            {
                "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "after_run": last_run,
                "recommendations": len(recommendations),
                "links": len(links),
            }
        )


def add_decision(
    db: sqlite_utils.Database, record_a: str, record_b: str, decision: str, note: str | None
) -> LinkDecision:
    """Append a clerk's decision; earlier decisions stay as history, the latest one counts."""
    row = LinkDecision.model_validate(
        {
            "record_a": record_a,
            "record_b": record_b,
            "decision": decision,
            "note": note,
            "decided_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
    )
    db.table("link_decisions").insert(row.model_dump())
    return row


def latest_decisions(db: sqlite_utils.Database) -> dict[frozenset[str], LinkDecision]:
    """The latest decision for each pair of records, whichever way round it was given."""
    out: dict[frozenset[str], LinkDecision] = {}
    for row in db.query("select * from link_decisions order by id"):
        row.pop("id")
        decision = LinkDecision.model_validate(row)
        out[frozenset((decision.record_a, decision.record_b))] = decision
    return out


def stale(db: sqlite_utils.Database) -> bool:
    """True when an ingest ran after the last build (or nothing was ever built)."""
    last_run = db.execute("select max(id) from runs").fetchone()[0]
    built = db.execute("select max(after_run), count(*) from lifecycle_builds").fetchone()
    return bool(built[1] == 0 or (last_run is not None and (built[0] or 0) < last_run))


_LINKS = """
select l.record_a, l.record_b, l.relation, l.method, l.score, l.decision,
       a.code as code_a, a.meeting_date as meeting_a, da.source as source_a,
       b.code as code_b, db.source as source_b
from record_links l
join records a on a.id = l.record_a join documents da on da.id = a.document_id
join records b on b.id = l.record_b join documents db on db.id = b.document_id
order by l.relation desc, a.meeting_date, a.code
"""


def links_with_sources(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Every link of the latest build, with each end's code, meeting and source file."""
    return list(db.query(_LINKS))


def recommendations(db: sqlite_utils.Database) -> list[Recommendation]:
    """Every recommendation of the latest build, in the order they were first seen."""
    rows = db.query("select * from recommendations order by first_seen, code, id")
    return [Recommendation.model_validate(r) for r in rows]


def events_of(db: sqlite_utils.Database, recommendation_id: str) -> list[RecommendationEvent]:
    """One recommendation's history, oldest first."""
    rows = db.query(
        "select * from recommendation_events where recommendation_id = ? order by seq",
        [recommendation_id],
    )
    return [RecommendationEvent.model_validate(r) for r in rows]


_CURRENT_RECORDS = """
select r.id, r.document_id, r.kind, r.code, r.text, r.meeting_date, r.owner, r.deadline,
       r.progress, r.noting, r.tracker_row, d.source, d.meeting_date as document_date, d.first_run
from records r join documents d on d.id = r.document_id
where r.status = 'current'
"""


def current_records_with_documents(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """The current records a lifecycle build reads, each with its document's source,
    header date and first run."""
    return list(db.query(_CURRENT_RECORDS))
