"""The finders' one meeting place: each registered finder proposes records, and overlaps are
resolved here, in the finders' order of precedence.

A finder is a small function of the document's context and the records already accepted
(so "Clerk to action." can follow its decision, and prose can yield to a formal clause). It
proposes; resolve() decides. A proposal that overlaps an accepted record is dropped: a
tracker row beats a motion, a motion beats a clause, a clause beats an instruction line,
and the prose grammar takes only what no other finder read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from minutebook.extract.outline import Outline
from minutebook.extract.trackers import Row
from minutebook.models import Document, Record


@dataclass(frozen=True)
class Context:
    """What every finder reads: the document, its outline, the meeting date, the tracker
    table rows and the blocks they own (by start offset)."""

    doc: Document
    outline: Outline
    meeting: str | None
    tracker_rows: tuple[Row, ...]
    tracker_blocks: frozenset[int]


@dataclass(frozen=True)
class Finder:
    name: str
    find: Callable[[Context, Sequence[Record]], list[Record]]


def overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def resolve(context: Context, finders: Sequence[Finder]) -> list[Record]:
    """Every finder's proposals that overlap nothing accepted before them, in reading order."""
    accepted: list[Record] = []
    for finder in finders:
        spans = [(r.start, r.end) for r in accepted]
        for record in finder.find(context, tuple(accepted)):
            if not overlaps(record.start, record.end, spans):
                accepted.append(record)
                spans.append((record.start, record.end))
    return sorted(accepted, key=lambda r: r.start)
