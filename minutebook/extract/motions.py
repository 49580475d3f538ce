"""Numbered motions: a resolution number, the mover and seconder, the motion, its outcome.

"R2020-058 L. Moore, J. Scott: That we pass By-Law 2020-13 ... Carried." A motion runs
from its number to its outcome ("Carried."), over as many blocks as it takes; lost or
defeated motions are not records. WHEREAS preambles are dropped, "AND FURTHER THAT"
opens a second clause, and 1. / 2. sub-clauses that each open a full clause are split.
"""

from __future__ import annotations

from dataclasses import dataclass

from minutebook.extract.clauses import split_labels
from minutebook.extract.codes import normalise_code
from minutebook.extract.text import trim_span
from minutebook.extract.vocab import motion_patterns
from minutebook.models import Document

MAX_BLOCKS = 25  # a motion longer than this is a reading error, not a motion


@dataclass(frozen=True)
class Motion:
    code: str
    start: int
    end: int


def _extent(doc: Document, index: int) -> tuple[int, bool] | None:
    """Index of the motion's last block, and whether it passed; None if it never ends."""
    p = motion_patterns()
    blocks = doc.blocks
    for j in range(index, min(len(blocks), index + MAX_BLOCKS)):
        text = doc.block_text(blocks[j])
        if j > index and p["number"].match(text):
            return j - 1, True  # outcome unstated: read it as passed, as minutes often do
        if p["failed"].search(text):
            return j, False
        if p["passed"].search(text):
            return j, True
    return None


def _clean_end(text: str, start: int, end: int) -> int:
    p = motion_patterns()
    segment = text[start:end]
    for key in ("passed", "procedural"):
        m = p[key].search(segment)
        while m and m.start() > 0:
            segment = segment[: m.start()]
            m = p[key].search(segment)
    return start + len(segment.rstrip())


def _parts(text: str, start: int, end: int, code: str) -> list[Motion]:
    p = motion_patterns()
    resolved = p["resolved"].search(text, start, end)
    if resolved:
        start = resolved.end()
    cut = [start]
    cut += [m.end() for m in p["further"].finditer(text, start, end)]
    bounds = []
    for i, s in enumerate(cut):
        e = end
        if i + 1 < len(cut):
            e = p["further"].search(text, s, end).start()  # type: ignore[union-attr]
        bounds.append((s, e))
    motions = []
    for s, e in bounds:
        labelled = split_labels(text, s, e)
        for label, ls, le in labelled:
            ls, le = trim_span(text, ls, le)
            if le > ls:
                full = f"{code}({label})" if label and len(labelled) > 1 else code
                motions.append(Motion(full, ls, le))
    return motions


def find_motions(doc: Document) -> list[Motion]:
    """Every passed numbered motion, split into its clauses."""
    p = motion_patterns()
    found: list[Motion] = []
    blocks = doc.blocks
    i = 0
    while i < len(blocks):
        block = blocks[i]
        prose = block.kind in ("heading", "paragraph")
        head = p["number"].match(doc.block_text(block)) if prose else None
        extent = _extent(doc, i) if head else None
        if head is None or extent is None:
            i += 1
            continue
        last, passed = extent
        if passed:
            code = normalise_code(head.group("code") or head.group("rcode"))
            body = p["clause_start"].search(doc.text, block.start + head.end(), blocks[last].end)
            if body:
                end = _clean_end(doc.text, body.start(), blocks[last].end)
                found.extend(_parts(doc.text, body.start(), end, code))
        i = last + 1
    return found


NAMES_ONLY = (-1, -1)  # mover_motion's answer for a sentence with no motion in it


def mover_motion(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The motion inside a sentence that names its mover: 'Maschka moved, Klausing seconded,
    approval of the minutes.' is 'approval of the minutes.' (GUIDELINES: the motion without
    the mover and seconder). NAMES_ONLY when the sentence names only the mover, the
    seconder and the vote ('Dianne motioned, Mary seconded and the board approved
    unanimously.'): the motion is then the sentence before it. None when no mover is named,
    or the words after the mover do not open a motion ('... seconded by B and unanimously
    agreed that X': the sentence is the record, as UK minutes write it)."""
    p = motion_patterns()
    mover = p["mover"].search(text, start, end)
    if mover is None:
        return None
    at = mover.end()
    while True:
        # past the punctuation, the seconder and a second mover word ("MOTION: Council
        # Member A MOVED to ...") to where the motion itself opens
        at += len(text[at:end]) - len(text[at:end].lstrip(" ,:;"))
        seconder = p["seconder"].match(text, at, end)
        if seconder and seconder.end() > at:
            at = seconder.end()
            continue
        again = p["mover"].match(text, at, end)
        if again and again.end() > at:
            at = again.end()
            continue
        # "Motion by A, second by B and carried unanimously, to approve X"
        vote = p["vote_between"].match(text, at, end)
        if vote and vote.end() > at:
            at = vote.end()
            continue
        break
    rest = text[at:end].strip()
    if not rest or p["motion_end"].match(text, at, end) or p["outcome_only"].match(rest):
        return NAMES_ONLY
    if not p["motion_opens"].match(text, at, end):
        return None
    stop = p["motion_end"].search(text, at, end)
    s, e = trim_span(text, at, stop.start() if stop else end)
    return (s, e) if len(text[s:e].split()) >= 2 else NAMES_ONLY
