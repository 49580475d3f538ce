"""Agenda items: where each starts, its code ("SPCLL.7", "25", "285") and its title.

Heading forms: "SPCLL.7 TITLE IN CAPITALS", "12. Title", "17." then the title on the next
line, a title followed by "(Item 4)" (ModernGov), real headings in HTML/DOCX, and ModernGov
web tables where a row reads "Title Description ... Minutes: ...".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.extract.codes import parse_code
from minutebook.extract.dates import find_dates
from minutebook.extract.text import smart_title
from minutebook.models import Block, Document

_NUMBERED = re.compile(
    r"^(?P<code>(?:[A-Z]{2,8}[. ]?\d{1,4}|\d{1,2}/\d{2}/\d{1,2}\.\d{2}|\d{1,2}\.\d{2}\.\d{1,2}"
    r"|\d{1,4}/\d{2,4}(?:\(\d{1,2}\))?|\d{1,4}[A-Z]?))[.):]?\s+(?P<title>\S.*)$"
)
_BARE_NUMBER = re.compile(r"^(?P<code>\d{1,4}[A-Z]?)\.?$")
_ITEM_REF = re.compile(r"^\(?(?:agenda\s+)?item\s+\d+[a-z]?\)?$", re.IGNORECASE)
_MINUTES_LABEL = re.compile(r"\bMinutes:")
_DECISION_WORD = re.compile(r"\b(RESOLVED|AGREED|RECOMMENDED|DECIDED|resolved that|agreed that)\b")
_ATTACHMENT = re.compile(
    r"\s*(pdf icon PDF \d+ KB|pdf icon|PDF \d+ KB|\(\d+ KB\)|Additional documents:)", re.IGNORECASE
)
# Words that open an item's description in ModernGov web tables, after the title.
_DESCRIPTION = re.compile(
    r"\s(?=(?:(?:The|To|Members|This|Any|Director|Councillors)\s|(?:A|An|Report|Lead)\s[a-z(]))"
)
# Narrative verbs mark a numbered sentence, not a heading ("1. Mr X introduced the report").
_NARRATIVE = re.compile(
    r"\b(introduced|presented|reported|proposed|seconded|explained|said|stated|advised|"
    r"confirmed|welcomed|thanked|declared|asked|questioned|noted|summarised)\b"
)
_NOT_TITLE_START = re.compile(r"^(?:[a-z]|\(|\d)")


@dataclass(frozen=True)
class Item:
    start: int
    code: str | None
    title: str | None


def _clean_title(title: str) -> str | None:
    title = _ATTACHMENT.sub("", title).strip().rstrip(".:").strip()
    # drop-capitals in PDFs come apart: "E nglish Devolution" -> "English Devolution"
    title = re.sub(r"^([A-Z]) ([a-z]{2,})", r"\1\2", title)
    return smart_title(title) if title else None


def _is_date(text: str) -> bool:
    dates = find_dates(text)
    return bool(dates) and dates[0][0] == 0 and dates[0][1] >= len(text.rstrip(". ")) - 1


def _titleish(title: str, lenient: bool = False) -> bool:
    """Does this read as an item title? lenient: its position already says it is one."""
    words = title.split()
    if not words or len(words) > 25 or _NOT_TITLE_START.match(title):
        return False
    if _DECISION_WORD.search(title) or _is_date(title):
        return False
    if lenient:
        return not title.rstrip().endswith((":", ","))
    if (len(words) > 15 and not title.isupper()) or _NARRATIVE.search(title):
        return False
    stripped = _ATTACHMENT.sub("", title).strip()
    if stripped.endswith((":", ",", ";")):
        return False
    if stripped.endswith(".") and not stripped.isupper() and len(words) > 8:
        return False
    capitals = sum(1 for w in words if w[:1].isupper())
    return stripped.isupper() or capitals / len(words) >= 0.3 or len(words) <= 8


def _numbered(text: str) -> Item | None:
    m = _NUMBERED.match(text)
    if not m or not _titleish(m.group("title")):
        return None
    code = parse_code(m.group("code")) or m.group("code")
    return Item(0, code, _clean_title(m.group("title")))


def find_items(doc: Document) -> list[Item]:
    """Agenda items in order of their start offset."""
    items: list[Item] = []
    blocks = [b for b in doc.blocks if b.kind != "table_row"]
    texts = [doc.block_text(b) for b in blocks]
    skip_next = False
    for i, (block, text) in enumerate(zip(blocks, texts, strict=True)):
        if skip_next:
            skip_next = False
            continue
        nxt = texts[i + 1] if i + 1 < len(texts) else ""
        item = _item_at(block, text, nxt)
        if item is None:
            continue
        if _BARE_NUMBER.match(text):
            skip_next = True
        items.append(Item(block.start, item.code, item.title))
    return items


def _item_at(block: Block, text: str, nxt: str) -> Item | None:
    text = _ATTACHMENT.sub("", text).strip()
    nxt = _ATTACHMENT.sub("", nxt).strip()
    if not text:
        return None
    bare = _BARE_NUMBER.match(text)
    if bare and nxt and _titleish(nxt, lenient=True):
        return Item(0, bare.group("code"), _clean_title(nxt))
    if _ITEM_REF.match(nxt) and not _ITEM_REF.match(text) and _titleish(text, lenient=True):
        numbered = _numbered(text)
        return numbered or Item(0, None, _clean_title(text))
    label = _MINUTES_LABEL.search(text)
    if label and label.start() > 0:
        head = text[: label.start()].strip()
        parts = _DESCRIPTION.split(head, maxsplit=1)
        return Item(0, None, _clean_title(parts[0])) if _titleish(parts[0]) else None
    numbered = _numbered(text)
    if numbered:
        return numbered
    if block.kind == "heading" and _titleish(text):
        return Item(0, None, _clean_title(text))
    return None


def item_at(items: list[Item], offset: int) -> Item | None:
    current = None
    for item in items:
        if item.start > offset:
            break
        current = item
    return current
