"""Decisions and actions in running prose, found sentence by sentence inside the items.

The grammar lives in patterns/decisions.jsonl: a match marks its sentence as a decision (or
an action, for the "owner" form), and the form says which part of the text is the record:
- active, passive: the whole sentence ("The Committee noted the report.");
- nominal: the sentence; a bare "Unanimously agreed." takes the sentence before it too;
- previous: "This was agreed." is the sentence before it, the decision it agrees;
- motion: "Moved by A, seconded by B, to approve X" is the motion, "to approve X";
- owner: "Mrs Crisp to email him", "The Clerk will look into it": an action whose owner is
  the name before the verb, printed as in the minutes.
Sentences never cross an item heading, so a flattened web page reads item by item.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import cache

from minutebook.extract.clauses import deciders, list_after, split_labels
from minutebook.extract.entries import that_paragraphs
from minutebook.extract.motions import NAMES_ONLY, mover_motion
from minutebook.extract.nlp import Rule, load_patterns, role_words, tokens
from minutebook.extract.outline import Outline
from minutebook.extract.text import SENTENCE_BREAK, trim_span
from minutebook.extract.vocab import motion_patterns, person_title_words, word_list
from minutebook.models import Block, Document

# A sentence also ends at a bullet, and at a vote line "Prop. JB, 2nd JH, 6 in favour."
_BULLET = re.compile(r"\s[•·▪]\s")
_LEADING = re.compile(
    r"(?:[•·▪\-–]\s*|\(?(?:[ivx]{1,5}|[a-h]|\d{1,2})\)\s+|"
    r"(?:RESOLVED|Resolved|AGREED|Agreed|DECIDED|Decided)\s*[:–—-]\s*|"
    # "Action J.J. to cost a till": the label, its colon left out before a name ("Actions
    # arising were approved", "Action on the hedge was agreed" keep their first word)
    r"(?:ACTION|Action)\b(?:\s*[:–—-]\s*|\s+(?=[A-Z]|$)))+"
)
_VERB_WORDS = frozenset({"to", "will", "would", "shall", "was", "were", "is", "are"})
# after "seconded by NAME": the comma and "to"/"that" that open the motion itself
_MOTION_OPENS = re.compile(r"[,;]\s*(?:and\s+)?(?=(?:to|that|That|To)\b)")


@dataclass(frozen=True)
class Found:
    """A decision or action sentence: its span, kind, owner and the rule that found it."""

    kind: str
    start: int
    end: int
    owner: str | None
    rule: Rule
    at: int = -1  # where the rule matched, inside the span
    label: str | None = None  # the sub-clause label of one part of a labelled list


def _sentences(doc: Document, block: Block, cuts: list[int]) -> list[tuple[int, int]]:
    """Sentence spans of one block; cuts are item headings inside it (flattened pages)."""
    text = doc.block_text(block)
    marks = {0, len(text)}
    marks |= {m.end() for m in SENTENCE_BREAK.finditer(text)}
    marks |= {m.start() + 1 for m in _BULLET.finditer(text)}
    marks |= {c - block.start for c in cuts if block.start < c < block.end}
    vote = motion_patterns()["vote_tail"]
    marks |= {m.start() for m in vote.finditer(text)}
    points = sorted(marks)
    return [(block.start + a, block.start + b) for a, b in itertools.pairwise(points)]


def _clean(doc: Document, start: int, end: int) -> tuple[int, int]:
    text = doc.text
    s, e = trim_span(text, start, end)
    lead = _LEADING.match(text, s, e)
    if lead:
        s = lead.end()
    mover = motion_patterns()["mover_lead"].match(text, s, e)
    if mover:
        s = mover.end()
    vote = motion_patterns()["vote_tail"].search(text, s, e)
    if vote and vote.start() > s:
        e = vote.start()
    return trim_span(text, s, e)


# vote lines read back from an outcome to find its motion: "Ayes: 5" "Nays: 0" "All in
# favour" "Carried" is about as many as minutes write
MAX_VOTE_LINES = 4

_ASKING = frozenset({"asked", "requested", "instructed", "tasked", "directed"})


def _owner(span_text: str) -> str:
    words = span_text.split()
    asked = next((i for i, w in enumerate(words) if w.lower() in _ASKING), None)
    if asked is not None and asked + 1 < len(words) and words[asked + 1].lower() != "to":
        # "The Council asked (that) the Clerk (to) check ...": the one asked acts, not the
        # asker; the name runs to its verb, the first word after it in lower case
        asked_words = [w for w in words[asked + 1 :] if w.lower() not in ("that", "the")]
        words = list(itertools.takewhile(lambda w: w[:1].isupper(), asked_words[1:]))
        words = asked_words[:1] + words
    if words and words[0].lower() == "the":
        words = words[1:]
    for i, w in enumerate(words):
        if w.lower() in _VERB_WORDS:
            words = words[:i]
            break
    name = " ".join(words)
    return name[:1].upper() + name[1:]


def find_decisions(doc: Document, outline: Outline, skip: set[int], closed_at: int) -> list[Found]:
    """Decision and action sentences outside tracker rows (skip: block starts) and after the
    meeting closed (closed_at)."""
    patterns = load_patterns()
    spacy_doc = tokens(doc.text)
    cuts = [item.start for item in outline.items]
    # "4. Approve Minutes of May 23rd Meeting: Approved with amendments ...": a title that
    # ends at its colon is no part of the minute's first sentence
    titled = [
        i.body_start
        for i in outline.items
        if doc.text[i.start : i.body_start].rstrip().endswith(":")
    ]
    starts = [b.start for b in doc.blocks]
    found: list[Found] = []
    split: dict[int, list[tuple[int, int]]] = {}
    motions_read: set[tuple[int, int]] = set()  # (block, sentence) a motion was read from
    motions_found: set[tuple[int, int]] = set()  # (block, sentence) of a motion with its object
    tagged: set[tuple[int, int]] = set()  # (block, sentence) an "MG Action." tag owns

    def sentences_of(i: int) -> list[tuple[int, int]]:
        # each block is split once, however many matches fall in it
        if i not in split:
            split[i] = _sentences(doc, doc.blocks[i], [*cuts, *titled])
        return split[i]

    def _next_sentence(k: int, index: int) -> tuple[int, int] | None:
        # the vote on a motion is often the sentence after it, or the next paragraph
        if k + 1 < len(sentences_of(index)):
            return sentences_of(index)[k + 1]
        if index + 1 < len(doc.blocks) and doc.blocks[index + 1].start not in cuts:
            following = sentences_of(index + 1)
            return following[0] if following else None
        return None

    def _vote_on_motion(i: int, k: int) -> bool:
        # back from sentence k of block i, over vote-only sentences and paragraphs ("All in
        # favor." / "Motion carried 5-0."), to a motion recorded with its object
        for _ in range(2 * MAX_VOTE_LINES):
            if k < 0:
                if i == 0 or doc.blocks[i - 1].start in cuts:
                    return False
                i -= 1
                k = len(sentences_of(i)) - 1
                continue
            if (i, k) in motions_found:
                return True
            if not _no_object(doc, *sentences_of(i)[k]) and not _title_run_on(
                doc, *sentences_of(i)[k]
            ):
                return False
            k -= 1
        return False

    matched = patterns.matches(spacy_doc, "decisions") + patterns.matches(spacy_doc, "instructions")
    for rule, span in sorted(matched, key=lambda m: (m[1].start, -len(m[1]))):
        at = span.start_char
        if at >= closed_at:
            continue
        index = bisect_right(starts, at) - 1
        block = doc.blocks[index]
        if block.start in skip or at >= block.end:
            continue
        sentences = sentences_of(index)
        k = next((i for i, (s, e) in enumerate(sentences) if s <= at < e), None)
        if k is None:
            continue
        if (index, k) in motions_read:
            continue  # "A motioned, B seconded and the board approved": one motion, one record
        s, e = sentences[k]
        sentence_end = e
        if rule.form in {"active", "passive", "nominal"} and (
            _subordinate(doc, s, at) or _NEGATED.search(doc.text, max(s, at - 25), at)
        ):
            continue  # "If members unanimously agree ...", "Members did not unanimously agree"
        if motion_patterns()["failed"].search(doc.text, s, e):
            continue  # "..., seconded by B; the motion fell.": lost motions are not records
        motion = mover_motion(doc.text, s, e) if rule.form == "motion" else None
        if (
            rule.form == "motion"
            and not _body_moved(doc, s, at)
            and not _passed(doc, (s, e), _next_sentence(k, index))
        ):
            continue  # "Mr A moved to the next item.": no seconder and no vote, no motion
        owner = None
        kind = rule.label
        vote_line = motion_patterns()["vote_tail"].match(doc.text, s) is not None
        # "Proposed by A, seconded by B - Unanimously agreed": what they proposed is the
        # sentence before; the record is both, as the minutes wrote them
        # (after a comma it is the vote note of the clause before, dropped from the record:
        # "were approved, proposed by A and seconded by B")
        movers_only = motion_patterns()["objectless"].match(doc.text[s:e].strip()) is not None
        # "Dianne motioned, Mary seconded and the board approved unanimously."
        movers_only |= motion == NAMES_ONLY
        if movers_only and doc.text[s:e].rstrip().endswith(":"):
            # "MOVED by A, seconded by B:" over the motion: the clause below is it; "...
            # carried with the following vote:" has its roll first, then the motion
            after = _motion_after_roll(doc, index, cuts)
            if after is not None:
                found.append(Found(kind, *after, owner, rule, after[0]))
            continue
        # a short window: the text before a match, copied whole, made each match cost the
        # length of the document
        after_comma = doc.text[max(0, s - 40) : s].rstrip().endswith(",")
        objectless = movers_only and not after_comma
        # a bare "All Councillors agreed." agrees what was put before it, as "Agreed." does
        bare = _bare(doc, s, e) or movers_only
        # "Cllr Phillips offered to chair – this was accepted by all.": what "this" agrees
        # is the clause before it in the same sentence, so the record is that sentence
        relative = span[0].lower_ == "which" and len(doc.text[s:at].split()) >= 3
        if rule.form == "previous" and (_clause_before(doc.text[s:at]) or relative):
            # "... prior to the meeting which was accepted and agreed.": one sentence
            pass
        elif (
            rule.form in {"previous", "nominal"} or (rule.form in {"active", "motion"} and bare)
        ) and (rule.form == "previous" or vote_line or bare):
            back = k - 1
            while back >= 0 and rule.form != "previous" and _no_object(doc, *sentences[back]):
                back -= 1  # "X." / "David seconded." / "All in favour." / "Carried.": X is agreed
            if rule.form == "nominal" and _vote_on_motion(index, back):
                continue  # "Moved by A, seconded by B, to adopt X. Carried 5-0.": X is the record
            if back >= 0:
                s = sentences[back][0]
                if rule.form == "previous" and len(doc.text[span.end_char : e].split()) < 3:
                    # "X. This was agreed and an advert be placed in the shop.": what the
                    # second sentence adds is part of the decision; "X. This was agreed." is X
                    e = sentences[back][1]
            elif (before := _proposal_before(doc, index, outline, cuts)) is not None:
                # "Agreed unanimously." as a paragraph of its own agrees the proposal above it
                s, e = before
            # with nothing before it, "This was agreed by all members." is the record itself
        elif rule.form == "motion" and motion is not None and motion != NAMES_ONLY:
            s, e = motion  # "A moved, B seconded, approval of X": the motion is "approval of X"
        elif rule.form == "motion":
            s = _motion_start(doc, span.end_char, e) or s
            if span[-1].lower_ in ("to", "that"):
                s = span[-1].idx  # "M/S/A to accept ...": the motion is "to accept ..."
        elif rule.form == "instruction":
            if (
                not _opens(doc, block.start, at, s)
                or block.kind == "table_row"
                or _agenda_line(doc, outline, block)
                or not _INSTRUCTION_SUBJECT.match(doc.text, at)
                or _FINITE_VERB.search(doc.text, span.end_char, e)
            ):
                # "The Chair said a letter ...": inside someone's sentence; a table's cell
                # ("Saving to be revisited") is a tracker's or a budget's; "9. Accounts
                # for June to be presented": an agenda heading, never a record (GUIDELINES);
                # "the budget to be transferred will include ...": the infinitive only
                # describes the subject of a sentence whose verb comes after it
                continue
            s = at
        elif rule.form == "tag-after":
            # "... invitations will be issued. MG Action.": the tag opens a sentence of its own
            # and owns the one before it
            if k == 0 or doc.text[s:at].strip() or (index, k - 1) in tagged:
                continue
            tagged.add((index, k - 1))
            owner = re.sub(r"(?i)\s*action\W*$", "", span.text)
            s, e = sentences[k - 1]
        elif rule.form == "owner":
            owner = _owner(span.text)
            if not _someone_named(owner, outline):
                continue  # "VAT to be added", "Due to heavy rain": no one the minutes named
            if _relative(doc, s, at):
                pass  # "..., which the Clerk will investigate": the sentence says what
            elif not _opens(doc, block.start, at, s):
                continue
            elif not _after_comma(doc, s, at):
                s = at
            # after a comma the action keeps its sentence ("This work was outstanding, HR to
            # chase.") unless a decision holds the clause before it (_split_at_actions)
        if s == block.start and doc.text[s : s + 1].islower() and index > 0:
            # "were approved, proposed by ..." opening a paragraph: the page broke the
            # sentence; it starts in the paragraph before
            s = _continued_from(doc, index, cuts, sentences_of(index - 1)) or s
        stem = e >= block.end and doc.text[s:e].rstrip(" \t\n-–").endswith(":")
        # "Board moved to accept the following donations:": the motion read from its
        # sentence stops before the colon that its list hangs from
        stem |= motion not in (None, NAMES_ONLY) and doc.text[s:sentence_end].rstrip().endswith(":")
        stem &= sentence_end >= block.end
        if objectless:
            s, e = trim_span(doc.text, s, e)
        else:
            s, e = _clean(doc, s, e)
        if e - s < 8:
            continue
        if stem:
            # "... carried with the following vote:" over its roll, then the motion
            after = _motion_after_roll(doc, index, cuts) if rule.form == "motion" else None
            if after is not None:
                found.append(Found(kind, *after, owner, rule, after[0]))
                continue
            # "It was agreed to object on the following grounds:" and the list below it; with
            # no list to read, the stem alone says nothing a clerk can use
            e = list_after(doc, index + 1, block.end)
            if e == block.end:
                # "The following motions were approved by the Senate:" over "THAT ..."
                # paragraphs: each is a decision the stem reports
                found.extend(
                    Found(kind, cs, ce, owner, rule, cs)
                    for cs, ce in that_paragraphs(doc, outline, index + 1)
                )
                continue
            # "the following decisions were taken:" announces a list of decisions, each its own
            listed = _FOLLOWING_DECISIONS.search(doc.text, s, e) is not None
            parts = split_labels(doc.text, s, e, listed=listed)
            if len(parts) > 1:
                # "the Cabinet agreed that: (1) ... (2) ...": each label completes the
                # decision, so each is a record, as under "RESOLVED that:" (GUIDELINES)
                for label, ps, pe in parts:
                    ps, pe = trim_span(doc.text, ps, pe)
                    found.append(Found(kind, ps, pe, owner, rule, ps, label))
                continue
        if rule.form in {"motion", "active"} and not stem:
            found.extend(
                Found(kind, ps, pe, owner, rule, max(at, ps)) for ps, pe in _listed(doc, s, e)
            )
        else:
            found.append(Found(kind, s, e, owner, rule, at))
        if rule.form == "motion" and not movers_only:
            motions_found.add((index, k))
        if motion is not None:
            motions_read.add((index, k))  # read by mover_motion: its vote is no second record
    return _split_at_actions(doc, _split_at_decisions(doc, found))


# an instruction's subject opens with a capital or an article ("Letter to be sent",
# "a Board workshop to be arranged"), not with a verb of a list ("endorse the budget to be")
_INSTRUCTION_SUBJECT = re.compile(r"(?:[A-Z]|(?:a|an|the)\s)")
_FINITE_VERB = re.compile(
    r"\b(?:will|would|is|are|was|were|has|have|had|can|could|should|must|may|might|shall|does|"
    r"do|did)\b"
)


_FOLLOWING_DECISIONS = re.compile(r"(?i)\bfollowing\s+(?:decisions|resolutions|actions)\b")
# the motion as it reads after its vote roll: "to approve the agenda."
_LOWER_MOTION = re.compile(r"\s*(?:to|that)\s+\S")


def _motion_after_roll(doc: Document, index: int, cuts: list[int]) -> tuple[int, int] | None:
    """The motion below block index when vote-roll lines come between ("Ayes: Directors A
    and B" / "Noes: None" / "to approve the agenda.")."""
    roll = motion_patterns()["roll_line"]
    j = index + 1
    stop = min(len(doc.blocks), index + 1 + MAX_VOTE_LINES * 3)
    while (
        j < stop
        and doc.blocks[j].start not in cuts
        and roll.fullmatch(doc.block_text(doc.blocks[j]))
    ):
        j += 1
    if j == index + 1 or j >= stop or doc.blocks[j].start in cuts:
        return None
    block = doc.blocks[j]
    if not _LOWER_MOTION.match(doc.block_text(block)):
        return None
    return trim_span(doc.text, block.start, block.end)


def _agenda_line(doc: Document, outline: Outline, block: Block) -> bool:
    """An item's own numbered line with no full stop: what the agenda said would be done."""
    opens_item = any(i.start == block.start for i in outline.items)
    return opens_item and not doc.block_text(block).rstrip().endswith((".", "!", "?"))


def _clause_before(text: str) -> bool:
    """Three words or more, then a comma, semicolon or dash: a clause of the same sentence."""
    text = text.rstrip()
    return text.endswith((",", ";", "–", "—", "-")) and len(text.split()) >= 3


def _someone_named(owner: str, outline: Outline) -> bool:
    """Each person an owner names is someone the minutes name: a title ("Mrs Crisp"), a
    role ("Clerk", "Chief Executive Officer", as a {"ROLE": true} token reads it), or
    initials or a first name the attendance list gives someone ("DF", "J.J.", "Claire",
    "John Naylor"); "Nick and John" must be both."""
    header = outline.header
    titles = set(person_title_words())
    for person in re.split(r"\s+(?:and|&)\s+", owner):
        words = person.split()
        if not words:
            return False
        if words[0].lower().rstrip(".") in titles or any(w.lower() in role_words() for w in words):
            continue
        if person.replace(".", "") in header.initials or words[0] in header.first_names:
            continue
        return False
    return True


def _continued_from(
    doc: Document, index: int, cuts: list[int], before: list[tuple[int, int]]
) -> int | None:
    """Where a sentence broken over two paragraphs starts: the last sentence (of before,
    the paragraph's sentences) of the paragraph before, unless that is a heading."""
    prev = doc.blocks[index - 1]
    if prev.kind != "paragraph" or any(prev.start <= c < prev.end for c in cuts):
        return None
    return before[-1][0] if before else None


def _split_at_decisions(doc: Document, found: list[Found]) -> list[Found]:
    """'It was decided that the Clerk would ask NCC, it was agreed to also invite the
    police.': two decisions in one sentence, joined by a comma, are two records."""
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and (prev.start, prev.end) == (f.start, f.end)
            and prev.rule.form in {"active", "passive"}
            and f.rule.form in {"active", "passive"}
            and prev.at < f.at
            and doc.text[prev.at : f.at].rstrip().endswith((",", ";"))
        ):
            head = doc.text[prev.start : f.at].rstrip(" ,;")
            out[-1] = replace(prev, end=prev.start + len(head))
            f = replace(f, start=f.at)
        out.append(f)
    return out


def _split_at_actions(doc: Document, found: list[Found]) -> list[Found]:
    """'..., all Councillors agreed, Mrs Crisp to email him.': the decision ends where an
    action with its owner opens after a comma, so both are records."""
    actions = [f for f in found if f.rule.form == "owner"]
    decisions = [f for f in found if f.rule.form != "owner"]
    out = []
    for f in found:
        if f.rule.form == "owner":
            opens = max(f.start, f.at)
            if opens > f.start and any(d.start <= f.start < d.end for d in decisions):
                f = replace(f, start=opens)
            out.append(f)
            continue
        inside = [max(a.start, a.at) for a in actions if f.start < max(a.start, a.at) < f.end]
        if inside:
            s, e = trim_span(doc.text, f.start, min(inside))
            e = s + len(doc.text[s:e].rstrip(" ,;"))
            if e - s >= 8:
                f = replace(f, start=s, end=e)
        out.append(f)
    return out


def _after_comma(doc: Document, sentence_start: int, at: int) -> bool:
    return doc.text[sentence_start:at].rstrip().endswith((",", ";"))


_PROPOSAL = re.compile(r"\b(?:proposed|moved|seconded|motion(?:ed)?\s+by)\b", re.IGNORECASE)


def _proposal_before(
    doc: Document, index: int, outline: Outline, cuts: list[int]
) -> tuple[int, int] | None:
    """The proposal in the paragraph before a bare "Agreed." paragraph: its last sentence
    that proposes, moves or seconds, or else its last sentence."""
    if index == 0:
        return None
    before = index - 1
    sentences = _sentences(doc, doc.blocks[before], cuts)
    # "X." / "Second by Dave." / "Motion carried.": a seconder's paragraph between them
    # proposes nothing; the proposal is above it
    while (
        before > 0
        and index - before <= MAX_VOTE_LINES
        and doc.blocks[before].start not in cuts
        and sentences
        and all(_no_object(doc, s, e) for s, e in sentences)
    ):
        before -= 1
        sentences = _sentences(doc, doc.blocks[before], cuts)
    block = doc.blocks[before]
    # an item's own heading ("5. Any Other Business") proposes nothing
    if block.kind != "paragraph" or outline.is_heading(block):
        return None
    proposing = [(s, e) for s, e in sentences if _PROPOSAL.search(doc.text, s, e)]
    return (proposing or sentences)[-1] if sentences else None


def decision_rule(text: str) -> Rule | None:
    """The grammar entry by which a sentence records the body's decision (any form but an
    owner's action), or None."""
    patterns = load_patterns()
    found = patterns.matches(patterns.nlp.make_doc(text), "decisions")
    # an instruction ("attendees to be confirmed") names no one: an owner beside it makes it
    # that owner's action, not the body's decision (GUIDELINES)
    return next((rule for rule, _ in found if rule.form not in {"owner", "instruction"}), None)


@cache
def subordinators() -> frozenset[str]:
    return frozenset(word_list("subordinate.txt"))


# an auxiliary or a pronoun: the words a clause of its own would have
_CLAUSE_WORD = r"(?!(?:was|were|is|are|had|has|have|been|it|they|he|she|we|this)\b)[\w'’-]+"
_VERBLESS_OPENER = re.compile(
    rf"\s*(?:after|following|before|upon|on)\s+(?:{_CLAUSE_WORD}\s+){{0,5}}{_CLAUSE_WORD}"
    # the comma may be left out right before the match: "After a discussion it was agreed"
    r"(?:\s*,|\s*$)",
    re.IGNORECASE,
)


# a decision word just after a negation is none: "did not unanimously agree", "never agreed"
_NEGATED = re.compile(r"(?i)\b(?:not|never|n[o']t|no\s+longer)\s+(?:\w+ly\s+)?$")


def _subordinate(doc: Document, sentence_start: int, at: int) -> bool:
    """The decision words sit in a subordinate clause: just after "if", "when", "until" ...,
    or in a sentence that opens with one ("If the hole is not filled it will be reported")."""
    before = doc.text[sentence_start:at]
    # "After a full discussion, it was agreed ...": an opening phrase with no auxiliary or
    # pronoun (so no clause of its own, in practice), then a comma, says when the
    # decision was made, not on what condition
    phrase = _VERBLESS_OPENER.match(before)
    words = before[phrase.end() if phrase else 0 :].lower().split()
    opener = words[:1] if words else []
    return any(w.strip(",;") in subordinators() for w in [*opener, *words[-4:]])


def _bare(doc: Document, start: int, end: int) -> bool:
    """A sentence that is only the decision word: "Unanimously Agreed.", "Motion carried",
    "Approved unanimously by the board."; "Unanimously agree to purchase." says what."""
    text = doc.text[start:end].strip()
    if text.rstrip("-–").endswith(":"):
        return False  # "The Board resolved :-" over its list says what, below
    short = len(text.split()) <= 4 and _STATES_WHAT.search(text) is None
    return short or motion_patterns()["outcome_only"].match(text) is not None


# a decision's own object in a short sentence: "agreed to purchase", "resolved that ..."
_STATES_WHAT = re.compile(r"(?i)\b(?:to|that)\s+[a-z]{3,}")


def _title_run_on(doc: Document, start: int, end: int) -> bool:
    """Words of a title after a full stop inside the motion ("... to adopt Project
    Authorization 2012-0089/P6. FY13 Section 5311 Operating."): no lower-case word."""
    words = doc.text[start:end].strip().rstrip(".").split()
    return 0 < len(words) <= 8 and not any(w[:1].islower() and len(w) > 3 for w in words)


def _no_object(doc: Document, start: int, end: int) -> bool:
    """A sentence that names only who moved or seconded, or only the vote: 'David
    seconded.', 'All in favour.'"""
    text = doc.text[start:end].strip()
    patterns = motion_patterns()
    return bool(patterns["objectless"].match(text) or patterns["outcome_only"].match(text))


def _opens(doc: Document, block_start: int, at: int, sentence_start: int) -> bool:
    """An action opens its sentence or a clause after a comma or semicolon."""
    before = doc.text[max(block_start, sentence_start) : at].strip()
    return (
        not before
        or before.endswith((",", ";", ":", ")", "–", "-"))
        or bool(_LEADING.fullmatch(before + " "))
    )


def _relative(doc: Document, sentence_start: int, at: int) -> bool:
    """The action sits in a relative clause after a comma: '..., which the Clerk will do'."""
    before = doc.text[sentence_start:at].rstrip()
    return re.search(r",\s*which$", before) is not None


def _motion_start(doc: Document, after: int, end: int) -> int | None:
    """Where the motion itself starts after 'seconded by NAME': its 'to'/'that'."""
    text = doc.text
    window = text[after:end]
    m = _MOTION_OPENS.search(window)
    if m is None or len(window[: m.start()].split()) > 6:
        return None
    return after + m.end()


@cache
def _body_before() -> re.Pattern[str]:
    return re.compile(rf"(?i)(?<![\w'’-])(?:the\s+)?(?:{deciders()})\s*$")


def _listed(doc: Document, start: int, end: int) -> list[tuple[int, int]]:
    """A motion or a body's decision that lists several, each with its own verb ("to approve
    A and to approve B", "Board approved X, approved Y, and approved Z"): one span each."""
    p = motion_patterns()
    if p["listed_infinitive_opens"].match(doc.text, start, end):
        marks = p["listed_infinitive"]
    elif p["listed_past_opens"].match(doc.text, start, end):
        marks = p["listed_past"]
    else:
        return [(start, end)]
    cuts = [(m.start(), m.end()) for m in marks.finditer(doc.text, start, end)]
    if not cuts:
        return [(start, end)]
    bounds = [start, *(c for cut in cuts for c in cut), end]
    return [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]


def _body_moved(doc: Document, sentence_start: int, at: int) -> bool:
    """'Board moved to accept the donations:': the body moving is the body deciding, with no
    seconder or vote to wait for."""
    return _body_before().search(doc.text, sentence_start, at) is not None


def _passed(doc: Document, sentence: tuple[int, int], after: tuple[int, int] | None) -> bool:
    """A motion passed: a seconder or a vote in its sentence or the one after it, and no
    failed vote in the one after ('Mr A moved to approve X. The motion failed 2-3.')."""
    p = motion_patterns()
    spans = [sentence] if after is None else [sentence, after]
    if any(p["failed_vote"].search(doc.text, s, e) for s, e in spans):
        return False
    return any(p["outcome"].search(doc.text, s, e) for s, e in spans)
