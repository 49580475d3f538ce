"""lifecycle: follow each recommendation from the minutes that made it through its trackers.

rebuild(db) links the stored records, groups them into recommendations with a history of
events, and replaces the lifecycle tables. The clerk's link decisions are applied on top of
the automatic links on every rebuild, so a re-run never undoes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from minutebook.lifecycle.history import Member, build_history
from minutebook.lifecycle.links import Item, find_links, similarity
from minutebook.models.lifecycle import LinkDecision, RecordLink
from minutebook.store.lifecycle import (
    current_records_with_documents,
    latest_decisions,
    replace_lifecycle,
)

if TYPE_CHECKING:  # annotations only: sqlite-utils is imported by store.open_db
    import sqlite_utils

# Publishers and our samples name editions by date: surrey_cfllc_tracker_2022-12.txt
_NAME_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)(?!\d)"
)


@dataclass
class RebuildResult:
    recommendations: int
    events: int
    links: int
    open: int


def edition_date(source: str, header_date: str | None, row_dates: list[str]) -> str | None:
    """When a tracker edition was published.

    The header's date counts when no row is newer than it (a tracker lists older meetings);
    otherwise the header date is a row's meeting, and the date in the file name is used.
    """
    if header_date and all(d[: len(header_date)] <= header_date for d in row_dates):
        return header_date
    m = _NAME_DATE.search(Path(source).stem)
    return m.group(1) if m else header_date


def load_members(db: sqlite_utils.Database) -> dict[str, Member]:
    rows = current_records_with_documents(db)
    tracker_rows: dict[str, list[str]] = {}
    for r in rows:
        if r["tracker_row"] and r["meeting_date"]:
            tracker_rows.setdefault(r["document_id"], []).append(r["meeting_date"])
    members: dict[str, Member] = {}
    for r in rows:
        tracker = bool(r["tracker_row"])
        if tracker:
            date = edition_date(
                r["source"], r["document_date"], tracker_rows.get(r["document_id"], [])
            )
        else:
            date = r["meeting_date"] or r["document_date"]
        item = Item(
            id=r["id"],
            document_id=r["document_id"],
            code=r["code"],
            meeting_date=r["meeting_date"],
            text=r["text"],
            tracker=tracker,
            order=(date or "", r["first_run"] or 0, r["source"]),
        )
        members[item.id] = Member(
            item=item,
            kind=r["kind"],
            source=r["source"],
            date=date,
            owner=r["owner"],
            deadline=r["deadline"],
            progress=r["progress"],
            noting=bool(r["noting"]),
        )
    return members


def apply_decisions(
    links: list[RecordLink],
    decisions: dict[frozenset[str], LinkDecision],
    members: dict[str, Member],
) -> list[RecordLink]:
    """Drop broken links, mark confirmed ones, add confirmed links the matcher missed."""
    out: list[RecordLink] = []
    seen: set[frozenset[str]] = set()
    for link in links:
        pair = frozenset((link.record_a, link.record_b))
        seen.add(pair)
        decision = decisions.get(pair)
        if decision is not None and decision.decision == "break":
            continue
        out.append(link.model_copy(update={"decision": decision.decision if decision else None}))
    for pair, decision in decisions.items():
        if pair in seen or decision.decision != "confirm":
            continue
        if decision.record_a in members and decision.record_b in members:
            a, b = sorted(
                (members[decision.record_a], members[decision.record_b]),
                key=lambda m: m.item.order,
            )
            out.append(
                RecordLink(
                    record_a=a.item.id,
                    record_b=b.item.id,
                    relation="edition" if a.item.tracker else "origin",
                    method="clerk",
                    score=similarity(a.item.text, b.item.text),
                    decision="confirm",
                )
            )
    return out


def rebuild(db: sqlite_utils.Database) -> RebuildResult:
    """Relink every current record and replace the lifecycle tables in one transaction."""
    members = load_members(db)
    # a clause that only notes something never starts a recommendation
    candidates = [m.item for m in members.values() if m.item.tracker or not m.noting]
    links = apply_decisions(find_links(candidates), latest_decisions(db), members)
    recommendations, events = build_history(members, links)
    replace_lifecycle(db, recommendations, events, links)
    return RebuildResult(
        recommendations=len(recommendations),
        events=len(events),
        links=len(links),
        open=sum(r.status in ("not started", "in progress") for r in recommendations),
    )


__all__ = ["RebuildResult", "rebuild"]
