"""Instruction lines that name who must act: "Clerk to write to Highways.", "Action: Clerk"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.extract.nlp import Rule, load_patterns
from minutebook.extract.text import sentence_end, trim_span
from minutebook.models import Document

_SENTENCE_START = re.compile(r"(?:^|[.;:!?)]\s*|\b(?:[a-z]|[ivx]{1,4}|\d{1,2})[).]\s*)$")


@dataclass(frozen=True)
class Instruction:
    start: int
    end: int
    owner: str
    rule: Rule


def find_instructions(
    doc: Document, taken: list[tuple[int, int]], skip: set[int]
) -> list[Instruction]:
    """Instruction sentences outside existing clauses (taken spans) and tracker rows (skip)."""
    patterns = load_patterns()
    spacy_doc = patterns.nlp.make_doc(doc.text)
    found: list[Instruction] = []
    for rule, span in patterns.matches(spacy_doc, "action_lines"):
        if rule.id == "action-label":
            continue
        start = span.start_char
        block = next((b for b in doc.blocks if b.start <= start < b.end), None)
        if block is None or block.start in skip:
            continue
        before = doc.text[block.start : start]
        if not _SENTENCE_START.search(before):
            continue
        if any(s <= start < e for s, e in taken):
            continue
        end = sentence_end(doc.text, start, block.end)
        s, e = trim_span(doc.text, start, end)
        owner = span[0].text
        found.append(Instruction(s, e, owner[:1].upper() + owner[1:], rule))
    return found
