"""Bare "That ..." clauses, one a paragraph, with no introducer before them: a decisions
page's entries ("23/04/2024 - ASSET DISPOSAL ref: 1317", its "Decision Maker:" lines, then
"(i) That the disposal of the land ... be approved."), and the paragraphs under a stem
that says they were decided ("The following motions were approved by the Senate:")."""

from __future__ import annotations

import re

from minutebook.extract.outline import Outline
from minutebook.models import Document

# a full clause that opens its paragraph, its sub-clause label before it
_THAT_CLAUSE = re.compile(
    r"\s*(?:\(?(?:[ivx]{1,5}|[a-h]|\d{1,2})\)\s*)?(?P<clause>(?:That|THAT)\s+\S)"
)
_TERMINAL = re.compile(r"[.;:!?]\s*$")


def _clause_from(doc: Document, outline: Outline, i: int) -> tuple[int, int, int] | None:
    """The "That ..." clause opening block i: (start, end, the block after it). A clause
    that the page wrapped into the next paragraph ("..., Watermills Road," / "Chesterton
    ..., be approved.") runs on into it."""
    blocks = doc.blocks
    block = blocks[i]
    m = _THAT_CLAUSE.match(doc.block_text(block)) if block.kind == "paragraph" else None
    if m is None:
        return None
    item = outline.item_at(block.start)
    end = block.end
    j = i + 1
    while (
        j < len(blocks)
        and not _TERMINAL.search(doc.text[block.start : end])
        and blocks[j].kind == "paragraph"
        and outline.item_at(blocks[j].start) is item
        and not _THAT_CLAUSE.match(doc.block_text(blocks[j]))
    ):
        end = blocks[j].end
        j += 1
    return block.start + m.start("clause"), end, j


def entry_clauses(doc: Document, outline: Outline, skip: set[int]) -> list[tuple[int, int]]:
    """(start, end) of each "That ..." paragraph inside a dated decisions-page entry (an
    item, or a heading under one, that the outline dated from the entry's own line),
    outside the blocks in skip."""
    out: list[tuple[int, int]] = []
    blocks = doc.blocks
    i = 0
    while i < len(blocks):
        block = blocks[i]
        dated = outline.item_at(block.start) is not None and outline.date_at(block.start)
        found = _clause_from(doc, outline, i) if dated and block.start not in skip else None
        if found is None:
            i += 1
            continue
        out.append(found[:2])
        i = found[2]
    return out


def that_paragraphs(doc: Document, outline: Outline, i: int) -> list[tuple[int, int]]:
    """(start, end) of the "That ..." paragraphs from block i on, in the item block i is in:
    what a stem ending in a colon ("The following motions were approved:") decided."""
    out: list[tuple[int, int]] = []
    if i >= len(doc.blocks):
        return out
    item = outline.item_at(doc.blocks[i].start)
    while i < len(doc.blocks) and outline.item_at(doc.blocks[i].start) is item:
        found = _clause_from(doc, outline, i)
        if found is None:
            break
        out.append(found[:2])
        i = found[2]
    return out
