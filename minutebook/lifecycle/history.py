"""Linked records grouped into recommendations, each with its events in document order."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from minutebook.extract.status import read_status
from minutebook.lifecycle.links import Item, code_key
from minutebook.models.lifecycle import (
    OPEN_STATUSES,
    Recommendation,
    RecommendationEvent,
    RecordLink,
    Status,
)


@dataclass(frozen=True)
class Member:
    """A stored record as the history needs it."""

    item: Item
    kind: str
    source: str
    date: str | None
    owner: str | None
    deadline: str | None
    progress: str | None
    noting: bool


def _groups(members: dict[str, Member], links: list[RecordLink]) -> list[list[Member]]:
    parent = {rid: rid for rid in members}

    def root(rid: str) -> str:
        while parent[rid] != rid:
            parent[rid] = parent[parent[rid]]
            rid = parent[rid]
        return rid

    for link in links:
        if link.record_a in parent and link.record_b in parent:
            parent[root(link.record_b)] = root(link.record_a)
    groups: dict[str, list[Member]] = {}
    for rid, member in members.items():
        groups.setdefault(root(rid), []).append(member)
    return [sorted(g, key=lambda m: (m.item.order, m.item.id)) for g in groups.values()]


def _followed(group: list[Member]) -> bool:
    """Worth following: on a tracker, or a recommendation or action that asks for something."""
    return any(m.item.tracker or (m.kind != "resolution" and not m.noting) for m in group)


def _events(rec_id: str, group: list[Member]) -> list[RecommendationEvent]:
    events: list[RecommendationEvent] = []
    owner: str | None = None
    deadline: str | None = None
    for seq, m in enumerate(group):
        if m.item.tracker:
            reading = read_status(m.progress)
            status: Status = reading.status
            words = reading.words
        else:
            status, words = "not started", None  # the minutes make it; no progress yet
        events.append(
            RecommendationEvent(
                id=f"{rec_id}:{seq}",
                recommendation_id=rec_id,
                seq=seq,
                event="tracked" if m.item.tracker else "made",
                record_id=m.item.id,
                document_id=m.item.document_id,
                source=m.source,
                date=m.date,
                status=status,
                status_words=words,
                progress=m.progress,
                owner=m.owner,
                deadline=m.deadline,
                owner_was=owner if owner and m.owner and m.owner != owner else None,
                deadline_was=deadline if deadline and m.deadline != deadline else None,
            )
        )
        owner = m.owner or owner
        deadline = m.deadline if m.item.tracker else (m.deadline or deadline)
    return events


def _closed_on(events: list[RecommendationEvent]) -> str | None:
    if events[-1].status in OPEN_STATUSES:
        return None
    closed = events[-1].date
    for e in reversed(events):
        if e.status in OPEN_STATUSES:
            break
        closed = e.date
    return closed


def _recommendation(
    rec_id: str, group: list[Member], events: list[RecommendationEvent]
) -> Recommendation:
    origin = next((m for m in group if not m.item.tracker), None)
    first, last = events[0], events[-1]
    return Recommendation(
        id=rec_id,
        kind=(origin or group[0]).kind,
        code=next((m.item.code for m in group if m.item.code), None),
        text=(origin or group[0]).item.text,
        meeting_date=next((m.item.meeting_date for m in group if m.item.meeting_date), None),
        first_seen=first.date,
        first_seen_source=first.source,
        origin_record_id=origin.item.id if origin else None,
        origin_source=origin.source if origin else None,
        current_owner=next((e.owner for e in reversed(events) if e.owner), None),
        deadline=last.deadline
        if last.event == "tracked"
        else next((e.deadline for e in reversed(events) if e.deadline), None),
        status=last.status,
        status_words=last.status_words,
        last_update=last.date,
        closed_on=_closed_on(events),
        events=len(events),
    )


def _stable_id(group: list[Member], taken: set[str]) -> str:
    # the code and meeting say which recommendation this is whichever document came first;
    # without a code, the earliest record's own (stable) id does
    coded = next((m for m in group if m.item.code), None)
    if coded is not None:
        key = f"{code_key(coded.item.code)}|{coded.item.meeting_date or ''}"
    else:
        key = group[0].item.id
    rec_id = "rec-" + hashlib.sha256(key.encode()).hexdigest()[:12]
    if rec_id in taken:
        rec_id = "rec-" + hashlib.sha256(group[0].item.id.encode()).hexdigest()[:12]
    return rec_id


def build_history(
    members: dict[str, Member], links: list[RecordLink]
) -> tuple[list[Recommendation], list[RecommendationEvent]]:
    recommendations: list[Recommendation] = []
    events: list[RecommendationEvent] = []
    taken: set[str] = set()
    for group in _groups(members, links):
        if not _followed(group):
            continue
        rec_id = _stable_id(group, taken)
        taken.add(rec_id)
        rec_events = _events(rec_id, group)
        recommendations.append(_recommendation(rec_id, group, rec_events))
        events.extend(rec_events)
    recommendations.sort(key=lambda r: (r.first_seen or "", r.code or "", r.id))
    return recommendations, events
