"""Meeting date and committee from a document's header."""

from __future__ import annotations

import re
from functools import cache

from minutebook.errors import PatternFileError
from minutebook.extract.dates import find_dates
from minutebook.extract.text import smart_title
from minutebook.extract.vocab import pattern_path
from minutebook.models import Document

_GOOD_BEFORE = re.compile(
    r"(held\s+(?:on|at)|meeting\s+(?:of|on|held)|minutes\s+of|\bon\s+(?:the\s+)?$|"
    r"^\s*(?:date|meeting)\s*:?|\bmeeting\s*:\s*$|[-–—]\s*$)",
    re.IGNORECASE,
)
_BAD_BEFORE = re.compile(
    r"(submitted|next\s+meeting|previous|last\s+meeting|signed|published|printed|issued|"
    r"date\s+of\s+(?:the\s+)?next|\bsince|started\s+(?:from|on))",
    re.IGNORECASE,
)


@cache
def bodies() -> tuple[str, ...]:
    path = pattern_path("bodies.txt")
    words = tuple(
        w.strip()
        for w in path.read_text(encoding="utf-8").splitlines()
        if w.strip() and not w.startswith("#")
    )
    if not words:
        raise PatternFileError(str(path), "no body words")
    return words


@cache
def _committee() -> re.Pattern[str]:
    keywords = "|".join(re.escape(w) for w in bodies())
    # a name starts at a word's start, and its words are read whole (possessive): a line of
    # capitals with no spaces (a text layer that lost them) is then read once, not once
    # for every letter in it
    return re.compile(
        r"(?<![\w'’-])(?P<name>(?:[A-Z][\w,&'’-]*+\s+(?:and\s+|of\s+|for\s+|&\s+)?){0,9}"
        rf"(?P<body>{keywords})(?:\s+of\s+[A-Z][\w'’-]+)?)\b"
    )


HEADER_CHARS = 1500
_MEETING_OF = re.compile(r"\b(?:meeting|minutes)\s+of\s+(?:the\s+|a\s+)?$", re.IGNORECASE)
_CAPS_RUN = re.compile(r"\b[A-Z][A-Z'’&-]+(?:[\s,&-]+[A-Z][A-Z'’&-]+)*\b")
# "Minutes of the meeting of the" before a body's name is not part of it
_LEAD_IN = re.compile(
    r"^.*\b(?:Minutes|Meeting|Held|Present)\b(?:\s+(?:of|Of|the|The|held|on))*\s+", re.S
)


def meeting_date(doc: Document, header_end: int) -> str | None:
    """The date the document says the meeting was held, from its header; None if unstated."""
    limit = min(header_end, HEADER_CHARS) if header_end > 0 else HEADER_CHARS
    best: tuple[int, int, str] | None = None
    for block in doc.blocks:
        if block.start >= limit:
            break
        # a tracker's rows carry their own meetings' dates; a "DATE | 15 January" row is fine
        if block.kind == "table_row" and sum(bool(c) for c in block.cells) > 2:
            continue
        text = doc.block_text(block)
        for start, end, value in find_dates(text):
            # "DECEMBER 2022" standing alone dates a tracker, at month precision
            if len(value) != 10 and (start != 0 or end < len(text.strip()) - 1):
                continue
            before = text[max(0, start - 60) : start]
            score = 0
            if _GOOD_BEFORE.search(before):
                score += 2
            if start == 0 and end >= len(text.strip()) - 12:
                score += 3  # a date standing alone on its line is the meeting's
            # "Draft (until approved at the next meeting) Minutes of ... held on 1 July": a
            # bad cue counts only just before the date, a good one anywhere in the window
            if _BAD_BEFORE.search(before[-30:]):
                score -= 5
            if len(value) != 10:
                # a full date, where there is one, says more: a month standing alone at the
                # top of a web page is as often the date it was posted as the meeting's
                score -= 3
            if best is None or score > best[0]:
                best = (score, block.start + start, value)
    return best[2] if best and best[0] >= 0 else None


def committee(doc: Document, header_end: int) -> str | None:
    """The body whose meeting this is: a committee, panel or board before a whole council."""
    limit = min(header_end, HEADER_CHARS) if header_end > 0 else HEADER_CHARS
    best: tuple[int, str] | None = None
    for block in doc.blocks:
        if block.start >= limit:
            break
        if block.kind in ("table_row", "tagged"):
            continue
        probe = _CAPS_RUN.sub(lambda m: smart_title(m.group(0)), doc.block_text(block))
        for m in _committee().finditer(probe):
            name = _LEAD_IN.sub("", m.group("name")).strip(" ,")
            if len(name.split()) < 2:
                continue  # "Committee Reports:" names no body
            rank = len(bodies()) - bodies().index(m.group("body"))
            if m.start() == 0 and m.end() >= len(probe.rstrip(" .–-")) - 1:
                rank += 20  # a header line that is only the body's name
            elif _MEETING_OF.search(probe[: m.start()]):
                rank += 20  # "a meeting of the Township of Nipissing Council"
            if re.search(r"\b(submitted|next|previous)\b", probe[: m.start()], re.IGNORECASE):
                rank -= 1
            if best is None or rank > best[0]:
                best = (rank, name)
    return best[1] if best else None
