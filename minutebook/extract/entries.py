"""A decisions page's entries that state each decision as a bare clause: under
"23/04/2024 - ASSET DISPOSAL ref: 1317" and its "Decision Maker:" lines, "(i) That the
disposal of the land ... be approved." with no RESOLVED or "Decision:" before it."""

from __future__ import annotations

import re

from minutebook.extract.outline import Outline
from minutebook.models import Document

# a full clause that opens its paragraph, its sub-clause label before it
_THAT_CLAUSE = re.compile(
    r"\s*(?:\(?(?:[ivx]{1,5}|[a-h]|\d{1,2})\)\s*)?(?P<clause>(?:That|THAT)\s+\S)"
)
_TERMINAL = re.compile(r"[.;:!?]\s*$")


def entry_clauses(doc: Document, outline: Outline, skip: set[int]) -> list[tuple[int, int]]:
    """(start, end) of each "That ..." paragraph inside a dated decisions-page entry (an
    item, or a heading under one, that the outline dated from the entry's own line),
    outside the blocks in skip. A clause that the page wrapped into the next paragraph
    ("..., Watermills Road," / "Chesterton ..., be approved.") runs on into it."""
    out: list[tuple[int, int]] = []
    blocks = doc.blocks
    i = 0
    while i < len(blocks):
        block = blocks[i]
        i += 1
        item = outline.item_at(block.start)
        dated = outline.date_at(block.start) is not None
        if block.kind != "paragraph" or block.start in skip or item is None or not dated:
            continue
        m = _THAT_CLAUSE.match(doc.block_text(block))
        if m is None:
            continue
        end = block.end
        while (
            i < len(blocks)
            and not _TERMINAL.search(doc.text[block.start : end])
            and blocks[i].kind == "paragraph"
            and outline.item_at(blocks[i].start) is item
            and not _THAT_CLAUSE.match(doc.block_text(blocks[i]))
        ):
            end = blocks[i].end
            i += 1
        out.append((block.start + m.start("clause"), end))
    return out
