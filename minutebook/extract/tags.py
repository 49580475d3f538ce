"""Owner tags: the name minutes put beside an action ("... in Salem.  Clerk").

Parish and community councils often end a minute with who acts, in a right-hand column
(PDF), in emphasis (HTML), or as a trailing name. The tagged sentence is an action, and
the tag, not the sentence's grammar, says who owns it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from minutebook.extract.people import roles
from minutebook.extract.text import SENTENCE_BREAK, trim_span
from minutebook.extract.vocab import person_titles, word_list
from minutebook.models import TAG_SEP, Document

_NAME = r"[A-Z][\w.'’-]*"
_PERSON = rf"(?:{person_titles()})\.?\s+{_NAME}(?:\s+(?:and\s+|&\s+)?{_NAME}){{0,3}}"
# A label opening a minute: "iv)", "12i)", "4.4.5iii)", "5 vi)"
# A label opening a minute: "iv)", "12i)", "4.4.5iii)", "5 vi)", or "4.4.9." (a reference to
# minute 9 of an earlier meeting). Use with .match(text, pos).
LABEL = re.compile(
    r"(?P<prefix>(?:\d+\.)*)(?P<num>\d+)?\s?(?:\(?(?P<sub>[ivx]{1,5}|[a-h])\)|(?<=\d)\.(?=\s))\s*"
)


@dataclass(frozen=True)
class Tagged:
    """A block whose action is owned by a tag: the body span and the tag's text."""

    block: int
    start: int
    end: int
    tag: str


@cache
def _acts() -> str:
    words = word_list("acting_verbs.txt")
    return r"\s+(?:" + "|".join(re.escape(w) for w in words) + r")\b"


@cache
def _unit() -> str:
    titles = "|".join(re.escape(r) for r in roles())
    return rf"(?:ALL|All|{_PERSON}|(?:{titles}))"


@cache
def tag_regex() -> re.Pattern[str]:
    unit = _unit()
    return re.compile(rf"(?:{unit})(?:\s*(?:/|&|,|\band\b)\s*(?:{unit}))*")


def split_units(tag: str) -> list[str]:
    return [u.strip() for u in re.split(r"\s*/\s*|\s*&\s*", tag) if u.strip()]


def _trailing(text: str) -> int | None:
    """Where a trailing tag starts in a paragraph, if it ends with one after a sentence."""
    regex = tag_regex()
    # not after a colon: "Disclosure of interest: Councillor X" is a label and its value
    for m in re.finditer(r"[.;!?)”\"’](?:\s+|(?=[A-Z]))", text):
        rest = text[m.end() :]
        if rest and regex.fullmatch(rest.strip()) and len(text[: m.end()].split()) > 3:
            return m.end()
    return None


def find_tagged(doc: Document, skip: set[int]) -> list[Tagged]:
    found: list[Tagged] = []
    regex = tag_regex()
    blocks = doc.blocks
    for i, block in enumerate(blocks):
        if block.start in skip:
            continue
        text = doc.block_text(block)
        if block.tag is not None:
            body_end = block.end - len(TAG_SEP) - len(block.tag)
            if regex.fullmatch(block.tag) and len(doc.text[block.start : body_end].split()) > 3:
                found.append(Tagged(i, block.start, body_end, block.tag))
                continue
        elif block.kind == "table_row" and len(block.cells) == 2:
            body, tag = block.cells
            if regex.fullmatch(tag.strip()) and len(body.split()) > 3:
                found.append(Tagged(i, block.start, block.start + len(body), tag.strip()))
                continue
        elif block.kind == "table_row":
            continue
        if regex.fullmatch(text.strip()) and i and found and found[-1].block == i - 1:
            continue  # already attached below
        cut = _trailing(text)
        if cut is not None:
            found.append(Tagged(i, block.start, block.start + cut, " ".join(text[cut:].split())))
        elif i + 1 < len(blocks) and regex.fullmatch(doc.block_text(blocks[i + 1]).strip()):
            nxt = doc.block_text(blocks[i + 1]).strip()
            nxt_block = blocks[i + 1]
            # a heading ("Councillor Vacancy") opens the next item; it names no one
            if nxt_block.kind == "paragraph" and len(text.split()) > 3:
                found.append(Tagged(i, block.start, block.end, nxt))
    return found


def mention(unit: str) -> re.Pattern[str]:
    """A unit of a tag named in running text, as the one who acts."""
    words = r"\s+".join(re.escape(w) for w in unit.split())
    return re.compile(rf"(?:\b[Tt]he\s+)?\b{words}(?={_acts()})")


def action_span(
    doc: Document, tagged: Tagged, instructions: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """The tagged action outside the block's instruction lines: from the first sentence in
    which a tagged person acts, else the whole minute; cut before any instruction line."""
    text = doc.text
    start = tagged.start
    label = LABEL.match(text, start, tagged.end)
    if label:
        start = label.end()
    inside = [(s, e) for s, e in instructions if start <= s < tagged.end]
    cuts = [s for s, _ in inside]
    # units the block's instruction lines already give an action to need no second one
    covered = " ".join(text[s:e] for s, e in inside)
    units = [
        u
        for u in split_units(tagged.tag)
        if u not in ("ALL", "All") and not re.search(rf"\b{re.escape(u)}\b", covered)
    ]
    mentions = [m.start() for u in units for m in [mention(u).search(text, start, tagged.end)] if m]
    if mentions:
        # the whole sentence in which the tagged person acts, never a piece of it
        first = min(mentions)
        cuts_before = [m.end() for m in SENTENCE_BREAK.finditer(text, start, first)]
        start = max([start, *cuts_before])
    elif cuts:
        return None  # the instruction line is the action
    end = min([c for c in cuts if c > start] or [tagged.end])
    s, e = trim_span(text, start, end)
    if e <= s or (cuts and any(c <= s < ie for c, ie in instructions)):
        return None
    return s, e


def owner_for(tag: str, span_text: str) -> str:
    """The units of the tag that the action names, or the whole tag."""
    units = split_units(tag)
    if len(units) < 2:
        return tag
    named = [
        u
        for u in units
        if mention(u).search(span_text) or re.search(rf"\b{re.escape(u)}\b", span_text)
    ]
    return "/".join(named) if named and len(named) < len(units) else tag


def label_code(doc: Document, block_start: int, item_code: str | None) -> str | None:
    """Code of a minute opened by a label: 'iv)' under item 5 -> '5(iv)'; none for a label
    that refers to another item; the item's code for an unlabelled minute."""
    m = LABEL.match(doc.text, block_start)
    if not m or not item_code:
        return item_code
    num, sub = m.group("num"), m.group("sub")
    if sub is None:
        # "4.4.9." points at minute 9 of another meeting; a plain "3." numbers a paragraph
        return None if m.group("prefix") and num != item_code else item_code
    if num is not None and num != item_code:
        return None
    return f"{item_code}({sub})"
