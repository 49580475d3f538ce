"""Instruction lines that name who must act: "Clerk to write to Highways.", "Action: Clerk"."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from minutebook.extract.nlp import Rule, load_patterns, tokens
from minutebook.extract.status import read_status
from minutebook.extract.text import NONE_WORDS, sentence_end, trim_span
from minutebook.extract.vocab import phrase_file
from minutebook.models import Document

# an instruction opens a sentence, a clause after a comma, a bullet inside a line, or a
# labelled minute ("iv) ")
_SENTENCE_START = re.compile(r"(?:^|[.;:!?),•·▪]\s*|(?:\b|\d)(?:[a-z]|[ivx]{1,5}|\d{1,2})[).]\s*)$")


@dataclass(frozen=True)
class Instruction:
    start: int
    end: int
    owner: str
    rule: Rule


def closing_phrases() -> re.Pattern[str]:
    return phrase_file("closing.txt", "closing phrase")


def meeting_end(doc: Document) -> int:
    """Offset of the end of the block where the meeting closes (or the end of the text)."""
    # the last closing phrase: "the meeting was adjourned for public questions" comes and
    # goes mid-meeting, the one that closes it is at the end
    found = list(closing_phrases().finditer(doc.text))
    m = found[-1] if found else None
    if m is None:
        return len(doc.text)
    block = next((b for b in doc.blocks if b.start <= m.start() <= b.end), None)
    return block.end if block else len(doc.text)


def action_labels(doc: Document) -> list[tuple[int, str]]:
    """'Action: Clerk' lines: (block index, owner)."""
    patterns = load_patterns()
    out = []
    for i, block in enumerate(doc.blocks):
        text = doc.block_text(block)
        head = patterns.matches(tokens(text[:20]), "action_lines")
        for rule, span in head:
            if rule.label == "action-label" and span.start_char == 0:
                owner = text[span.end_char :].strip(" .:-–")
                # "Action – AB to circulate the draft": the line is the action itself, and
                # its owner is found there; only a bare name labels the minute above
                if bare_owner(owner) and not _states_progress(owner):
                    out.append((i, owner))
    return out


def _states_progress(value: str) -> bool:
    """'Action: Complete', 'Action: Ongoing', 'Action: None': a status, not who acts."""
    # the whole value, not a word in it: "Planning Officer" owns, "Complete" does not
    words = read_status(value).words
    return bool(NONE_WORDS.match(value)) or (words or "").lower() == value.strip(" .").lower()


_OWNER_WORD = re.compile(r"^(?:[A-Z][\w.'’-]*|and|&|/|of|the)[,;/]?$")


def bare_owner(text: str) -> bool:
    """Only who acts: 'Clerk', 'JB/AW', 'Chair and Clerk', 'Director of Finance' (up to
    eight words, each a name, initials, or 'and', 'of', 'the')."""
    words = text.strip(" .").split()
    return 0 < len(words) <= 8 and all(_OWNER_WORD.match(w) for w in words)


def labelled_actions(doc: Document, skip: set[int]) -> list[tuple[int, int, str | None]]:
    """'Action: John Smith will circulate the paper.', 'Point de suivi : A enverra la liste':
    a labelled line that is the action itself (start, end, owner). Its owner is the name it
    opens with, as written ('The Clerk' is 'Clerk'); a line that opens with a verb has none.
    A bare name under the label ('Action: Clerk') labels the minute above (action_labels)."""
    patterns = load_patterns()
    out: list[tuple[int, int, str | None]] = []
    for block in doc.blocks:
        if block.start in skip:
            continue
        text = doc.block_text(block)
        head = patterns.matches(tokens(text[:24]), "action_lines")
        label = next(
            (sp for rule, sp in head if rule.label == "action-label" and sp.start_char == 0), None
        )
        if label is None:
            continue
        rest = text[label.end_char :]
        body = rest.lstrip(" .:-–—")
        if not body or bare_owner(body.rstrip(".")):
            continue
        start, end = trim_span(doc.text, block.start + len(text) - len(body), block.end)
        words = body.split()
        if words[0].lower() == "the":
            words = words[1:]
        name = list(itertools.takewhile(lambda w: w[:1].isupper(), words))
        owner = " ".join(name).rstrip(",;:") or None
        out.append((start, end, owner))
    return out


_TO_WORDS = frozenset({"to", "is", "are", "was", "were"})


def find_instructions(
    doc: Document, taken: list[tuple[int, int]], skip: set[int]
) -> list[Instruction]:
    """Instruction sentences outside existing clauses (taken spans) and tracker rows (skip)."""
    patterns = load_patterns()
    spacy_doc = tokens(doc.text)
    found: list[Instruction] = []
    closed_at = meeting_end(doc)
    for rule, span in patterns.matches(spacy_doc, "action_lines"):
        if rule.label == "action-label" or span.start_char >= closed_at:
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
        # the whole title before its "to": "The Chief Executive Officer to investigate ..."
        words = [t.text for t in itertools.takewhile(lambda t: t.lower_ not in _TO_WORDS, span)]
        who = " ".join(words[1:] if words[:1] and words[0].lower() == "the" else words)
        owner = who[:1].upper() + who[1:]
        found.append(Instruction(s, e, owner, rule))
    return found
