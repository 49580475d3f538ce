"""Meeting date and committee from a document's header."""

from __future__ import annotations

import re

from minutebook.extract.dates import find_dates
from minutebook.models import Document

_GOOD_BEFORE = re.compile(
    r"(held\s+(?:on|at)|meeting\s+(?:of|on|held)|minutes\s+of|\bon\s+(?:the\s+)?$|"
    r"^\s*(?:date|meeting)\s*:?|[-–—]\s*$)",
    re.IGNORECASE,
)
_BAD_BEFORE = re.compile(
    r"(submitted|next\s+meeting|previous|last\s+meeting|signed|published|printed|issued|"
    r"date\s+of\s+(?:the\s+)?next)",
    re.IGNORECASE,
)
_COMMITTEE = re.compile(
    r"(?P<name>(?:[A-Z][\w,&'’-]*\s+(?:and\s+|of\s+|for\s+|&\s+)?){0,9}"
    r"(?:Committee|Sub-Committee|Panel|Commission|Council|Board|Cabinet|Forum|Group))\b"
)
HEADER_CHARS = 1500


def meeting_date(doc: Document, header_end: int) -> str | None:
    """The date the document says the meeting was held, from its header; None if unstated."""
    limit = min(header_end, HEADER_CHARS) if header_end > 0 else HEADER_CHARS
    best: tuple[int, int, str] | None = None
    for block in doc.blocks:
        if block.start >= limit:
            break
        text = doc.block_text(block)
        for start, end, value in find_dates(text):
            if len(value) != 10:
                continue
            before = text[max(0, start - 60) : start]
            score = 0
            if _GOOD_BEFORE.search(before):
                score += 2
            if start == 0 and end >= len(text.strip()) - 12:
                score += 3  # a date standing alone on its line is the meeting's
            if _BAD_BEFORE.search(before):
                score -= 5
            if best is None or score > best[0]:
                best = (score, block.start + start, value)
    return best[2] if best and best[0] >= 0 else None


def committee(doc: Document, header_end: int) -> str | None:
    limit = min(header_end, HEADER_CHARS) if header_end > 0 else HEADER_CHARS
    for block in doc.blocks:
        if block.start >= limit:
            break
        text = doc.block_text(block)
        upper = text.isupper()
        probe = text.title() if upper else text
        m = _COMMITTEE.search(probe)
        if m:
            return m.group("name").strip()
    return None
