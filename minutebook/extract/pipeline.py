"""extract(Document) -> list[Record], describe(Document) and load_vocabularies().

describe(Document) adds the meeting date and committee the header states.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from datetime import date

from pydantic import ValidationError

from minutebook.errors import ExtractError, TextTooLargeError
from minutebook.extract.actions import (
    action_labels,
    closing_phrases,
    find_instructions,
    labelled_actions,
    meeting_end,
)
from minutebook.extract.clauses import Clause, find_clauses, introducer_in
from minutebook.extract.codes import code_formats, join_code
from minutebook.extract.dates import find_dates, find_yearless, parse_date_prefix
from minutebook.extract.decisions import decision_rule, find_decisions
from minutebook.extract.entries import entry_clauses
from minutebook.extract.motions import Motion, find_motions
from minutebook.extract.nlp import Rule, load_patterns, tokens
from minutebook.extract.outline import Outline, build_outline
from minutebook.extract.people import find_owner, is_known_role, roles
from minutebook.extract.resolve import Context, Finder, resolve
from minutebook.extract.tags import action_span, find_tagged, label_code, owner_for
from minutebook.extract.text import SENTENCE_BREAK, flat, trim_span
from minutebook.extract.trackers import Row, column_vocabulary, split_code, tracker_rows
from minutebook.extract.vocab import person_titles, phrase_file
from minutebook.models import Document, Record

# spaCy's make_doc refuses longer texts (nlp.max_length); minutes are a few hundred
# thousand characters at most, so a longer text is an archive or a dump, not one meeting.
MAX_TEXT_CHARS = 1_000_000


def check_size(doc: Document) -> None:
    """Raises TextTooLargeError for a text longer than one set of minutes can be."""
    if len(doc.text) > MAX_TEXT_CHARS:
        raise TextTooLargeError(
            doc.source,
            f"{len(doc.text):,} characters of text, over the {MAX_TEXT_CHARS:,} one set of "
            "minutes can have; split the file into its meetings",
        )


def load_vocabularies() -> None:
    """Read and check every pattern and vocabulary file now (each is cached), so a bad
    line stops a run before any document is parsed, not on the first that needs it."""
    from minutebook.extract import actions, meeting, people, status, tags, vocab

    load_patterns()
    roles()
    people.own_verbs()
    people.not_names()
    code_formats()
    column_vocabulary()
    status.vocabulary()
    tags.tag_regex()
    actions.closing_phrases()
    vocab.phrase_file("attendance.txt", "attendance phrase")
    meeting.bodies()
    vocab.motion_patterns()
    vocab.decider_words()


_DEADLINE_CUE = (
    "by ",
    "no later than",
    "not later than",
    "before ",
    "in time for",
    "deadline",
    "due ",
    "week beginning",
    "week commencing",
    "until ",
    "ready for",
)


def describe(doc: Document) -> Document:
    """The document with the meeting date and committee its header states (None if unstated),
    and a warning when its language is not one the rules cover.

    Raises:
        TextTooLargeError: the text is longer than MAX_TEXT_CHARS.
    """
    check_size(doc)
    header = build_outline(doc).header
    warnings = list(doc.warnings)
    share = english_share(doc.text[:LANGUAGE_SAMPLE])
    if share < ENGLISH_MIN:
        warnings.append(
            f"text does not read as English ({share:.0%} English function words); "
            "the rules cover English minutes only, so records may be missing"
        )
    return doc.model_copy(
        update={
            "meeting_date": header.meeting_date,
            "committee": header.committee,
            "warnings": tuple(warnings),
        }
    )


# the language shows in a few pages; tokenising a whole long text only costs time
LANGUAGE_SAMPLE = 50_000
# of the lower-case words: English minutes run at 25-50 % function words, tables and roll
# calls included; Welsh and French at under 7 %
ENGLISH_MIN = 0.15


def english_share(text: str) -> float:
    """Share of the lower-case words that are English function words (spaCy's stop list).

    Capitalised words are left out: the names, headings and table cells of ordinary
    English minutes are no function words, and counted in they made a roll call or a
    budget table read as a foreign language. A text with almost no lower-case words has
    no running text (a font without Unicode gives letters like "WKH\x03"): 0."""
    words = [t for t in tokens(text) if t.is_alpha and len(t) > 1]
    lower = [t for t in words if t.is_lower]
    if not words:
        return 1.0
    if len(lower) < 0.05 * len(words):
        return 0.0
    return sum(t.is_stop for t in lower) / len(lower)


def is_noting(text: str) -> bool:
    """Only notes, receives or confirms: a noting phrase and nothing asked of anyone, or
    the meeting's own minutes confirmed (signing them is no request: GUIDELINES.md)."""
    patterns = load_patterns()
    tokens = patterns.nlp.make_doc(text)
    found = {rule.form for rule, _ in patterns.matches(tokens, "noting")}
    asks = {rule.form for rule, _ in patterns.matches(tokens, "asks")}
    if "minutes" in found:
        return "request" not in asks
    return bool(found) and not asks


def clause_deadline(text: str, base: date | None) -> str | None:
    for start, _, value in find_dates(text):
        before = text[max(0, start - 45) : start].lower()
        if any(cue in before for cue in _DEADLINE_CUE):
            return value
    if base is None:
        return None
    for start, _, value in find_yearless(text, base):
        # the cue must be right before a year-less date: "by 31 March", "before the end of May"
        before = text[max(0, start - 15) : start].lower()
        if any(before.endswith(cue.strip() + " ") for cue in _DEADLINE_CUE):
            return value
    return None


def _base(value: str | None) -> date | None:
    return date.fromisoformat(value) if value and len(value) == 10 else None


def _warnings(deadline: str | None, meeting: str | None, owner: str | None) -> tuple[str, ...]:
    out = []
    if deadline and meeting and deadline[: len(meeting)] < meeting[: len(deadline)]:
        out.append(f"deadline {deadline} is before the meeting ({meeting})")
    if owner and not is_known_role(owner):
        out.append(f"owner {owner!r} is not in the role vocabulary")
    return tuple(out)


def _record(doc: Document, **fields: object) -> Record:
    start = int(fields["start"])  # type: ignore[call-overload]
    try:
        return Record(
            source=doc.source,
            sha256=doc.sha256,
            page=doc.page_at(start),
            **fields,
        )
    except ValidationError as exc:
        lines = "; ".join(
            f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors(include_url=False)
        )
        raise ExtractError(doc.source, f"record at {start} is invalid ({lines})") from exc


def _from_row(doc: Document, row: Row) -> Record | None:
    cell = row.cells["clause"]
    cell_start, cell_end = row.spans["clause"]
    code, offset = split_code(cell)
    item_title = row.cells.get("item", "").strip() or None
    recipient = None
    kind = row.kind
    rule = f"tracker:{row.kind}-row"
    intro = introducer_in(cell[offset:])
    if intro is not None:
        between = cell[offset : offset + intro.start].strip(" –—-:")
        if between and not item_title:
            from minutebook.extract.text import smart_title

            item_title = smart_title(between)
        recipient = intro.recipient
        kind = intro.kind if intro.kind == "recommendation" else kind
        offset += intro.body_start
        rule = f"tracker:{row.kind}-row+introducers:{intro.rule.id}"
    start, end = trim_span(doc.text, cell_start + offset, cell_end)
    if end <= start:
        return None
    text = flat(doc.text[start:end])
    meeting = parse_date_prefix(row.cells.get("meeting", ""))
    deadline = parse_date_prefix(row.cells.get("deadline", ""), _base(meeting))
    owner = row.cells.get("owner", "").strip() or find_owner(text)
    progress = flat(row.cells.get("progress", "")) or None
    return _record(
        doc,
        kind=kind,
        code=code,
        item_title=item_title,
        text=text,
        recipient=recipient,
        owner=owner,
        deadline=deadline,
        meeting_date=meeting,
        progress=progress,
        noting=is_noting(text),
        start=start,
        end=end,
        rule=rule,
        warnings=_warnings(deadline, meeting, owner),
        tracker_row=True,
    )


def _clause_code(doc: Document, clause: Clause, outline: Outline) -> str | None:
    """Item code and sub-clause label; a minute opened by its own label ("4.11i)") uses it."""
    if clause.code is not None:
        return clause.code
    if clause.label is None:
        return _minute_code(doc, outline, clause.start)
    return join_code(outline.code_at(clause.start), clause.label)


def _minute_code(doc: Document, outline: Outline, start: int) -> str | None:
    """The code of the minute a record starts in: its item's, or the label opening its
    paragraph ("iv)" under item 5 -> "5(iv)")."""
    block = next(b for b in doc.blocks if b.start <= start <= b.end)
    return label_code(doc, block.start, outline.code_at(start))


def _from_clause(doc: Document, clause: Clause, outline: Outline, meeting: str | None) -> Record:
    text = flat(doc.text[clause.start : clause.end])
    owner = find_owner(text, outline.header.initials)
    deadline = clause_deadline(text, _base(meeting))
    return _record(
        doc,
        kind=clause.kind,
        code=_clause_code(doc, clause, outline),
        item_title=outline.title_at(clause.start),
        text=text,
        recipient=clause.recipient,
        owner=owner,
        deadline=deadline,
        meeting_date=meeting,
        noting=clause.noted or is_noting(text),
        start=clause.start,
        end=clause.end,
        rule=f"{clause.rule.file}:{clause.rule.id}",
        warnings=_warnings(deadline, meeting, None),
    )


def _resolution(
    doc: Document,
    outline: Outline,
    start: int,
    end: int,
    code: str | None,
    rule: str,
    meeting: str | None,
    owner: str | None = None,
) -> Record:
    """A resolution read from running text (a motion, a prose decision): deadline and noting
    come from its own words, and so does the owner unless a tag names one."""
    text = flat(doc.text[start:end])
    deadline = clause_deadline(text, _base(meeting))
    return _record(
        doc,
        kind="resolution",
        code=code,
        item_title=outline.title_at(start),
        text=text,
        owner=owner or find_owner(text, outline.header.initials),
        deadline=deadline,
        meeting_date=meeting,
        noting=is_noting(text),
        start=start,
        end=end,
        rule=rule,
        warnings=_warnings(deadline, meeting, None),
    )


def _from_motion(doc: Document, motion: Motion, outline: Outline, meeting: str | None) -> Record:
    return _resolution(
        doc, outline, motion.start, motion.end, motion.code, "motions:numbered-motion", meeting
    )


def _action(
    doc: Document,
    outline: Outline,
    start: int,
    end: int,
    owner: str | None,
    rule: str,
    meeting: str | None,
) -> Record:
    """An action from an instruction line, a labelled line or an owner tag, coded by its
    minute's label (a labelled line that opens with a verb names no owner)."""
    text = flat(doc.text[start:end])
    deadline = clause_deadline(text, _base(meeting))
    return _record(
        doc,
        kind="action",
        code=_minute_code(doc, outline, start),
        item_title=outline.title_at(start),
        text=text,
        owner=owner,
        deadline=deadline,
        meeting_date=meeting,
        start=start,
        end=end,
        rule=rule,
        warnings=_warnings(deadline, meeting, owner),
    )


def extract(doc: Document) -> list[Record]:
    """Every resolution, recommendation and action in a document, in reading order.

    The outline comes first; then each registered finder (FINDERS) proposes records and
    resolve() settles overlaps in their order; last, owner lines and "Action:" labels refine
    the records they follow.

    Raises:
        TextTooLargeError: the text is longer than MAX_TEXT_CHARS.
        ExtractError: a record failed validation (an extractor bug; the document fails alone).
    """
    check_size(doc)
    outline = build_outline(doc)
    meeting = doc.meeting_date or outline.header.meeting_date
    rows, covered = tracker_rows(doc)
    records = resolve(Context(doc, outline, meeting, tuple(rows), frozenset(covered)), FINDERS)
    records = _apply_action_labels(doc, outline, _owner_lines(records), meeting)
    records = [_entry_dated(r, outline) for r in records if not _attendance(r.text)]
    return sorted(records, key=lambda r: r.start)


def _attendance(text: str) -> bool:
    """'Apologies for absence were submitted ...': never a record (GUIDELINES)."""
    return phrase_file("attendance.txt", "attendance phrase").match(text) is not None


def _entry_dated(record: Record, outline: Outline) -> Record:
    """A decision log's entry, or a decisions page's, dates its records (GUIDELINES)."""
    entry_date = outline.date_at(record.start)
    if entry_date is None or record.meeting_date == entry_date:
        return record
    return record.model_copy(update={"meeting_date": entry_date})


def _tracker_records(ctx: Context, accepted: Sequence[Record]) -> list[Record]:
    return [r for row in ctx.tracker_rows if (r := _from_row(ctx.doc, row)) is not None]


def _motion_records(ctx: Context, accepted: Sequence[Record]) -> list[Record]:
    return [_from_motion(ctx.doc, m, ctx.outline, ctx.meeting) for m in find_motions(ctx.doc)]


def _clause_records(ctx: Context, accepted: Sequence[Record]) -> list[Record]:
    return [
        _from_clause(ctx.doc, clause, ctx.outline, ctx.meeting)
        for clause in find_clauses(ctx.doc, set(ctx.tracker_blocks))
    ]


def _entry_records(ctx: Context, accepted: Sequence[Record]) -> list[Record]:
    """A decisions page's "That ..." paragraphs under an entry, with no introducer."""
    doc, outline = ctx.doc, ctx.outline
    return [
        _resolution(doc, outline, s, e, _minute_code(doc, outline, s), "outline:entry", ctx.meeting)
        for s, e in entry_clauses(doc, outline, set(ctx.tracker_blocks))
    ]


def _labelled_actions(ctx: Context, accepted: Sequence[Record]) -> list[Record]:
    """'Action: John Smith will circulate the paper.': the line after the label."""
    return [
        _action(ctx.doc, ctx.outline, s, e, owner, "action_lines:action-label", ctx.meeting)
        for s, e, owner in labelled_actions(ctx.doc, set(ctx.tracker_blocks))
    ]


def _action_records(ctx: Context, accepted: Sequence[Record]) -> list[Record]:
    """Instruction lines ("Clerk to write to ...") and owner tags, which say who owns them."""
    doc, outline, meeting = ctx.doc, ctx.outline, ctx.meeting
    taken = [(r.start, r.end) for r in accepted]
    instructions = find_instructions(doc, taken, set(ctx.tracker_blocks))
    # the attendance list in the header pairs names and initials ("Cllr Jo Bruce JB"):
    # names, not owner tags
    opened = outline.header.end if len(outline.items) > 1 else 0
    # nor is an item's heading over a name ("1. Apologies for absence" / "Mrs V Lynch")
    tagged = [
        t
        for t in find_tagged(doc, set(ctx.tracker_blocks))
        if t.start >= opened and not outline.is_heading(doc.blocks[t.block])
    ]
    out: list[Record] = []
    for ins in instructions:
        tag = next((t for t in tagged if t.start <= ins.start < t.end), None)
        text = flat(doc.text[ins.start : ins.end])
        owner = owner_for(tag.tag, text) if tag else ins.owner
        rule = f"{ins.rule.file}:{ins.rule.id}" + ("+tags:owner-tag" if tag else "")
        out.append(_action(doc, outline, ins.start, ins.end, owner, rule, meeting))
    spans = [(i.start, i.end) for i in instructions]
    for t in tagged:
        span = action_span(doc, t, spans)
        if span is None:
            continue
        text = flat(doc.text[span[0] : span[1]])
        if _names_only(text) or closing_phrases().search(text):
            # a roll-call ("Mr Baldock, Mrs Dean MBE, ... Abstain (4)") or "The meeting
            # closed at 8.40pm." beside a name: never a record (GUIDELINES)
            continue
        owner = owner_for(t.tag, text)
        decided = _decision_sentence(doc, span[0], span[1])
        if decided is not None:
            # "... and unanimously agreed to donate £50.00.  Clerk": the council decided; the
            # tag names who carries the decision out
            code = _minute_code(doc, outline, span[0])
            s, e, grammar = decided
            rule = f"{grammar.file}:{grammar.id}+tags:owner-tag"
            out.append(_resolution(doc, outline, s, e, code, rule, meeting, owner=owner))
            continue
        out.append(_action(doc, outline, span[0], span[1], owner, "tags:owner-tag", meeting))
    return out


def _decision_sentence(doc: Document, start: int, end: int) -> tuple[int, int, Rule] | None:
    """The first sentence in [start:end] that records a decision, and the grammar entry."""
    cuts = [start, *(m.end() for m in SENTENCE_BREAK.finditer(doc.text, start, end)), end]
    for s, e in itertools.pairwise(cuts):
        rule = decision_rule(doc.text[s:e])
        if rule is not None:
            return (*trim_span(doc.text, s, e), rule)
    return None


_TITLED = re.compile(rf"\b(?:{person_titles()})\b\.?")


def _names_only(text: str) -> bool:
    """A list of people: three or more titled names and hardly an ordinary word."""
    names = len(_TITLED.findall(text))
    lower = sum(1 for w in text.split() if w[:1].islower() and w.isalpha() and w != "and")
    return names >= 3 and lower <= 2


# how far (characters) a formal clause's prose may stand from it in minutes with no items
_NEAR = 400


def _prose_records(ctx: Context, accepted: Sequence[Record]) -> list[Record]:
    """Decision and action sentences in running prose, from the one grammar of decisions."""
    doc, outline, meeting = ctx.doc, ctx.outline, ctx.meeting
    # minutes that record an item's decision formally ("RESOLVED that ...") record all of its
    # decisions so: the prose around it ("the motion was put and agreed") is the same decision
    formal = [r for r in accepted if r.kind != "action"]
    items = {outline.item_at(r.start) for r in formal}
    out: list[Record] = []
    for found in find_decisions(doc, outline, set(ctx.tracker_blocks), meeting_end(doc)):
        if found.kind != "action":
            item = outline.item_at(found.start)
            if item is not None and item in items:
                continue
            if item is None and any(abs(r.start - found.start) < _NEAR for r in formal):
                # minutes with no items found: only the prose beside a formal clause is it
                continue
        rule = f"{found.rule.file}:{found.rule.id}"
        if found.kind == "action" and found.owner:
            out.append(_action(doc, outline, found.start, found.end, found.owner, rule, meeting))
            continue
        if found.label is not None and outline.code_at(found.start) != found.label:
            code = join_code(outline.code_at(found.start), found.label)
        else:
            # (a label that is its item's own number, "1." read as item 1, adds nothing)
            code = _minute_code(doc, outline, found.start)
        out.append(_resolution(doc, outline, found.start, found.end, code, rule, meeting))
    return out


# in order of precedence: where two finders read the same words, the earlier one's record
# stands (extract.resolve)
FINDERS = (
    Finder("tracker rows", _tracker_records),
    Finder("motions", _motion_records),
    Finder("clauses", _clause_records),
    Finder("decision entries", _entry_records),
    Finder("labelled actions", _labelled_actions),
    Finder("actions", _action_records),
    Finder("prose decisions", _prose_records),
)


_OWNER_LINE = re.compile(r"^(?P<owner>(?:the\s+)?\w+)\s+to\s+action(?:ed)?\.?$", re.I)


def _owner_lines(records: list[Record]) -> list[Record]:
    """'Clerk to action.' after a decision names who carries it out; it is not a record."""
    out: list[Record] = []
    for r in sorted(records, key=lambda r: r.start):
        m = _OWNER_LINE.match(r.text)
        if r.kind == "action" and m and out:
            prev = out[-1]
            if prev.owner is None and r.start - prev.end < 40:
                out[-1] = prev.model_copy(
                    update={"owner": r.owner, "rule": prev.rule + "+owner-line"}
                )
            continue
        out.append(r)
    return out


def _apply_action_labels(
    doc: Document, outline: Outline, records: list[Record], meeting: str | None
) -> list[Record]:
    """'Action: Clerk' under a minute names the owner of that minute's records."""
    out = list(records)
    for index, owner in action_labels(doc):
        if index == 0:
            continue
        previous = doc.blocks[index - 1]
        # a record that starts in the minute, or runs on into it ("APPROVED the
        # following:" and its lines)
        hits = [i for i, r in enumerate(out) if r.start <= previous.end and previous.start < r.end]
        for i in hits:
            out[i] = out[i].model_copy(
                update={"owner": owner, "rule": out[i].rule + "+action-label"}
            )
        if not hits:
            start, end = trim_span(doc.text, previous.start, previous.end)
            out.append(
                _action(
                    doc,
                    outline,
                    start,
                    end,
                    owner,
                    "action_lines:action-label",
                    meeting,
                )
            )
    return out


__all__ = ["describe", "extract"]
