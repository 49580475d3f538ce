"""Decision clauses: RESOLVED / AGREED / RECOMMENDED headings and their prose forms.

A clause runs from its introducer to the end of its block (heading forms) or sentence
(prose forms). A body that is only an introducer takes the following block(s). Lettered
or numbered sub-clauses that each open a full clause ("(a) That ...") become separate
records; items that complete one stem ("to: a. ... b. ...") stay in one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from minutebook.extract.meeting import bodies
from minutebook.extract.nlp import Rule, load_patterns, tokens
from minutebook.extract.text import NONE_WORDS, SENTENCE_BREAK, sentence_end, trim_span
from minutebook.extract.vocab import decider_words, motion_patterns
from minutebook.models import Block, Document

# what stands between an introducer and its clause: "RESOLVED – ", "AGREED unanimously: "
# ... and how the vote went: "RESOLVED by a vote of 6 in favour and 2 abstentions to ..."
_SEPARATOR = re.compile(
    r"[\s:–—\-.,]*(?:(?i:unanimously|nem\.?\s*con\.?)(?![\w-])[\s:–—\-.,]*)?"
    r"(?:(?i:by\s+(?:a\s+)?(?:majority|(?:\w+\s+)?votes?)\b[^.;:]{0,60}?)(?=\s+(?:to|that)\s+(?!\d))\s*)?"
)
_RECIPIENT = re.compile(
    r"\s*(?P<recipient>(?:TO\s+)?(?:THE\s+)?[A-Z][A-Z&'’,]*(?:\s+(?:[A-Z][A-Z&'’,]*|&))*)"
    r"(?=\s*[-–—:]|\s+(?:that|That|THAT)\b)"
)
_LABEL = re.compile(
    r"(?:^|(?<=[\s;:,]))(?P<full>\((?P<a>[a-z]{1,2}|[ivx]{1,5}|\d{1,2})\)|(?P<b>[a-z]|[ivx]{1,5}|\d{1,2})[).])(?=\s)"
)
# "A) Note the forecast ...": a capital letter labels a list item only with a bracket, since
# "A. Smith" is a name
_CAP_LABEL = re.compile(r"\(?[A-Z]\)\s")
_MINUTE_LABEL = re.compile(r"(?:[\d.]*\d\s?)?(?:[ivx]{1,5}|[a-h])\)\s*|\d{1,3}[.)]\s+")
# what is left of a heading line whose clause is below it: "RESOLVED that:", "AGREED to"
_BARE_STEM = re.compile(r"\s*(?:that|to)?\s*[:;]?\s*", re.IGNORECASE)
# "Resolved: (For information only)": a note on the heading, no clause
_ASIDE = re.compile(r"\s*\([^()]*\)[\s.]*")
_FULL_CLAUSE = re.compile(r"^\s*(?:that|to)\b", re.IGNORECASE)
_CARRIED = re.compile(
    r"[\s.]*(?:motion\s+)?(?:carried|lost|defeated)(?:\s+unanimously|\s+\(.*?\))?\.?\s*$", re.I
)


@cache
def deciders() -> str:
    """The deciding bodies as one regex alternation: bodies.txt's name endings and
    deciders.txt's words ("The Trustees:", "Members:", "The Executive:"), capitalised."""
    words = {*bodies(), *(w.capitalize() for w in decider_words())}
    return "|".join(re.escape(b) for b in sorted(words, key=len, reverse=True))


@cache
def _body_stem() -> re.Pattern[str]:
    """A stem that names only the deciding body, then a colon: "that the County Council:"."""
    return re.compile(
        rf"\s*(?:that\s+)?(?:the\s+)?(?:[A-Z][\w&'’-]*\s+){{0,4}}(?:{deciders()})\s*:\s*",
        re.IGNORECASE,
    )


# a resolution's own number, written after its introducer: "Resolved 14/06/9.01", "(2024/15)"
_OWN_CODE = re.compile(r"\(?(?P<code>\d{1,4}(?:[/.]\d{1,4})+)\)?(?:[\s:–—\-.]|$)")
_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]


@dataclass(frozen=True)
class Clause:
    """A decision clause found in the text, before fields are read from it."""

    kind: str
    start: int
    end: int
    label: str | None
    recipient: str | None
    rule: Rule
    # the number the minutes give the resolution itself, which beats its item's code
    code: str | None = None
    # the minutes say it was only noted ("... RESOLVED and noted."), whatever its words
    noted: bool = False


def _label_sequence(first: str) -> list[str]:
    if first.isdigit():
        return [str(n) for n in range(int(first), int(first) + 30)]
    if first in _ROMAN:
        return _ROMAN[_ROMAN.index(first) :]
    if len(first) == 1 and first.isalpha():
        return [chr(c) for c in range(ord(first), ord("z") + 1)]
    return [first]


def split_labels(
    text: str, start: int, end: int, after_stem: bool = False, listed: bool = False
) -> list[tuple[str | None, int, int]]:
    """Split [start:end] at sequential labels (a), (b) / 1), 2) / (i), (ii).

    Returns [(label, part_start, part_end)], or one unlabelled part when the labelled parts
    complete a stem rather than each opening a full clause. after_stem: the introducer
    itself was a stem naming only the deciding body ("That the Committee:"). listed: the
    sentence before the list announced it as decisions ("the following decisions were
    taken:"), so each label is one.
    """
    body_start, _ = trim_span(text, start, end)
    first = _LABEL.match(text, body_start)
    stem = None
    if first is None:
        stem = _body_stem().match(text, body_start)
        first = _LABEL.match(text, stem.end()) if stem else None
    if first is None and (that := _DECIDED_THAT.search(text, body_start, end)):
        # "Having considered the report, the Mayor agreed that: (1) ... (2) ..."
        first = _LABEL.match(text, that.end())
    if first is None and listed and (colon := text.find(":", body_start, end)) >= 0:
        # "... the following decisions were taken:" over "1. ... 2. ...": the list after it
        gap = len(text[colon + 1 : end]) - len(text[colon + 1 : end].lstrip())
        first = _LABEL.match(text, colon + 1 + gap)
        after_stem = first is not None
    if first is None and (bare := _BARE_THAT_COLON.match(text, body_start, end)):
        # "RESOLVED" / "THAT:" / "a) Council approved ... b) ...": each label completes
        # the bare "that", as under "RESOLVED that:" on one line
        first = _LABEL.match(text, bare.end())
        after_stem = first is not None
    if first is None:
        return [(None, start, end)]
    expected = _label_sequence(first.group("a") or first.group("b"))
    marks = [(expected[0], first.start(), first.end())]
    pos = first.end()
    for label in expected[1:]:
        found = None
        for m in _LABEL.finditer(text, pos, end):
            if (m.group("a") or m.group("b")) == label:
                found = m
                break
        if found is None:
            break
        marks.append((label, found.start(), found.end()))
        pos = found.end()
    if len(marks) < 2:
        # a single label: keep it as one clause without its label
        # ("That the Local Board: a) invite ...": one clause under a body stem, the same)
        alone = _FULL_CLAUSE.match(text[marks[0][2] : end]) or stem is not None or after_stem
        return [(marks[0][0], marks[0][2], end)] if alone else [(None, start, end)]
    parts: list[tuple[str | None, int, int]] = []
    for i, (label, _, body) in enumerate(marks):
        part_end = marks[i + 1][1] if i + 1 < len(marks) else end
        parts.append((label, body, part_end))
    if all(_FULL_CLAUSE.match(text[s:e]) for _, s, e in parts):
        return parts
    lead = text[body_start : marks[0][1]]
    decided_that = _DECIDED_THAT.search(lead) is not None and lead.rstrip(" \t\n-–").endswith(":")
    if stem is not None or after_stem or _body_stem().fullmatch(lead) or decided_that:
        # "That the Committee: 1. Approved ... 2. Authorised ...": one record per clause;
        # "... agreed that: (1) the strategy be approved; (2) ...": each completes "that"
        return parts
    return [(None, start, end)]


def _block_index(doc: Document, offset: int) -> int:
    for i, b in enumerate(doc.blocks):
        if b.start <= offset <= b.end:
            return i
    return len(doc.blocks) - 1


def _body_blocks(doc: Document, index: int) -> tuple[int, int]:
    """The span of a body that starts in a block after an introducer-only block."""
    blocks = doc.blocks
    if index + 1 >= len(blocks):
        return blocks[index].end, blocks[index].end
    index = _past_table(doc, index)
    first = blocks[index + 1]
    first_text = doc.block_text(first)
    label = _LABEL.match(first_text)
    end = first.end
    j = index + 2
    if label:
        # (a) ..., (b) ...: take the following blocks while they carry the next labels
        expected = _label_sequence(label.group("a") or label.group("b"))[1:]
        end = _labelled_run(doc, j, expected, end, len(blocks))
    elif first_text.rstrip().endswith(":"):
        end = list_after(doc, j, end)
    elif _THAT_COLON.search(doc.block_text(blocks[index])):
        # "RESOLVED that:" over plain paragraphs: the body runs to the next numbered paragraph
        end = _paragraphs_after(doc, j, end)
    return first.start, end


def _past_table(doc: Document, index: int) -> int:
    """Where the body starts when a table sits between a bare introducer and its clause.

    "Resolved 9.02", the payments table, "Invoices were checked and payments approved.":
    the table is what the clause approves, the sentence is the clause. With no sentence
    after it, the table is the body after all.
    """
    blocks = doc.blocks
    if blocks[index].kind == "table_row":
        return index
    j = index + 1
    while j < len(blocks) and blocks[j].kind == "table_row":
        j += 1
    if j == index + 1 or j >= len(blocks) or blocks[j].kind != "paragraph":
        return index
    return j - 1


# a body read over several paragraphs stops after this many, whatever follows
MAX_BODY_BLOCKS = 12
_NUMBERED = re.compile(r"\s*(?:\d{1,3}[.)]|\(\d{1,3}\))(?:\s|$)")
_THAT_COLON = re.compile(r"\bthat\s*[:;]\s*$", re.IGNORECASE)
# a heading's stem that is only "that": "RESOLVED: that" over its numbered clauses
_BARE_THAT = re.compile(r"\s*(?i:that)\s*[:–—-]?\s*")
# ... and that stem on a line of its own under "RESOLVED": "THAT:" over "a) Council approved"
_BARE_THAT_COLON = re.compile(r"(?i:that)\s*:\s*")
# "the Mayor and Cabinet agreed that: (1) ... (2) ...", "The Board resolved :- (i) to note
# ...": each label completes the decision; "This Council believes that: a) ... b) ..." is one
# motion
# ... and "The following payments were agreed: i) ... ii) ...", passive, is one list
_DECIDED_VERB = r"(?:agreed|agrees|resolved|resolves|decided|decides|determined|determines)"
_DECIDED_THAT = re.compile(
    rf"(?:\b{_DECIDED_VERB}\s+that"
    rf"|(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bbe\s)(?<!\bis\s)(?<!\bare\s)\b{_DECIDED_VERB})"
    r"\s*:-?\s*",
    re.IGNORECASE,
)


# "Action: Complete", "Date: 7 May 2020": a labelled line ends a body read over paragraphs
_LABEL_LINE = re.compile(r"[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,2}\s*:\s+\S")
_FOLLOWING = re.compile(r"\b(?:the\s+following|as\s+follows)\s*:\s*$", re.IGNORECASE)


def _paragraphs_after(doc: Document, j: int, end: int) -> int:
    stop = min(len(doc.blocks), j + MAX_BODY_BLOCKS)
    while j < stop:
        block = doc.blocks[j]
        text = doc.block_text(block)
        if block.kind != "paragraph" or _NUMBERED.match(text) or _LABEL_LINE.match(text):
            break
        end = block.end
        j += 1
    return end


# "a) ... d) ... And; This Council agrees to: a) ...": a connector line joins two lists
_CONNECTOR = re.compile(r"\s*(?:and|or)\s*[;:,]?\s*$", re.IGNORECASE)


def list_after(doc: Document, j: int, end: int) -> int:
    """A stem ending in ':' takes the bullet or labelled lines under it."""
    stop = min(len(doc.blocks), j + 4 * MAX_BODY_BLOCKS)
    kind: str | None = None
    last: re.Match[str] | None = None  # the label of the list's latest line
    while j < stop:
        text = doc.block_text(doc.blocks[j])
        if _CONNECTOR.match(text) and j + 1 < len(doc.blocks):
            after = doc.block_text(doc.blocks[j + 1])
            if not after.rstrip().endswith(":"):
                break
            end = doc.blocks[j + 1].end
            j += 2
            kind = None
            continue
        marker = _list_marker(text)
        if marker is None and kind == "label" and _goes_on(doc, j, last):
            # "(2) ... Mayow Road" / "Warehouse be demolished ...;" / "(3) ...": a wrapped
            # item goes on in the next line
            end = doc.blocks[j].end
            j += 1
            continue
        if marker is None or (kind is not None and marker != kind):
            # a bulleted list ends at a labelled minute: "• ... • ...  ii) Cllrs declared"
            break
        label = _LABEL.match(text)
        if kind == "label" and _out_of_sequence(last, label):
            # "(3) ... meeting."  "13. Dorrington Village Hall": the next minute, not item 4
            break
        kind = marker
        last = label
        end = doc.blocks[j].end
        j += 1
    return end


def _out_of_sequence(last: re.Match[str] | None, label: re.Match[str] | None) -> bool:
    """A numbered line that does not follow the list's latest number. Letters or roman
    numerals under a number may open a nested list, so only number after number counts."""
    if last is None or label is None:
        return False
    before = last.group("a") or last.group("b")
    now = label.group("a") or label.group("b")
    return before.isdigit() and now.isdigit() and int(now) != int(before) + 1


def _goes_on(doc: Document, j: int, last: re.Match[str] | None) -> bool:
    """Block j, which opens no list item, carries on the item above it (labelled `last`):
    that one stops mid-sentence, and j continues in lower case or the next block carries
    the label after `last`."""
    if re.search(r"[.;:!?)]\s*$", doc.block_text(doc.blocks[j - 1])):
        return False
    if doc.block_text(doc.blocks[j])[:1].islower():
        return True
    if last is None or j + 1 >= len(doc.blocks):
        return False
    following = _LABEL.match(doc.block_text(doc.blocks[j + 1]))
    sequence = _label_sequence(last.group("a") or last.group("b"))
    return following is not None and sequence[1:2] == [following.group("a") or following.group("b")]


def _list_marker(text: str) -> str | None:
    if text.startswith(("•", "-", "–", "·")):
        return "bullet"
    return "label" if _LABEL.match(text) or _CAP_LABEL.match(text) else None


def _in_tracker(block: Block, tracker_blocks: set[int]) -> bool:
    return block.start in tracker_blocks


def find_clauses(doc: Document, skip_blocks: set[int]) -> list[Clause]:
    """Every decision clause outside the blocks in skip_blocks (tracker rows, by start)."""
    patterns = load_patterns()
    spacy_doc = tokens(doc.text)
    clauses: list[Clause] = []
    taken_until = -1
    matches = patterns.matches(spacy_doc, "introducers")
    headings = {span.start_char for rule, span in matches if rule.form == "heading"}
    for rule, span in matches:
        if span.start_char < taken_until:
            continue
        index = _block_index(doc, span.start_char)
        block = doc.blocks[index]
        if _in_tracker(block, skip_blocks):
            continue
        start = span.start_char
        if span.end_char > block.end:
            # "RC21/12 Resolution" / "That the Chairman writes ...": the introducer ends a
            # line and its clause is the paragraph below, read from there
            index = _block_index(doc, span.end_char - 1)
            start = doc.blocks[index].start
        clause = _clause_at(doc, rule, start, span.end_char, index)
        if clause is None:
            continue
        if clause[0].start != span.start_char and clause[0].start in headings:
            continue  # "Decision:" over "RESOLVED: that ...": the inner introducer reads it
        clauses.extend(clause)
        taken_until = max(c.end for c in clause)
    return clauses


def _clause_at(
    doc: Document, rule: Rule, match_start: int, match_end: int, index: int
) -> list[Clause] | None:
    text = doc.text
    block = doc.blocks[index]
    recipient = None
    body_start = match_end
    own_code = None
    bare_that = False
    if rule.form == "previous":
        # "Cllr X asked that the Council write to the Minister. This was agreed."
        if match_start == block.start and index > 0:
            block = doc.blocks[index - 1]
            match_start = block.end
        before = text[block.start : match_start].rstrip()
        cuts = [m.end() for m in SENTENCE_BREAK.finditer(before[:-1])]
        body_start = block.start + (cuts[-1] if cuts else 0)
        end = block.start + len(before)
        opening = _MINUTE_LABEL.match(text, body_start, end)
        body_start = opening.end() if opening else body_start
    elif rule.form == "trailing":
        # "... It was proposed by X, seconded by Y and approved.": the minute is the decision
        opening = _MINUTE_LABEL.match(text, block.start, block.end)
        body_start = opening.end() if opening else block.start
        end = block.end
    elif rule.form == "prose":
        # keep the closing "that"/"to": the clause reads "that the report be noted"
        last = re.search(r"\b(that|to|by)\s*$", text[match_start:match_end], re.IGNORECASE)
        body_start = match_start + last.start() if last else match_end
        end = sentence_end(text, body_start, block.end)
        end = _extend_stem(doc, index, body_start, end)
    elif _under_body_stem(doc, index, match_start):
        # "The Governing Body:" over "- APPROVED the variation ...": one record a line, each
        # starting at its verb (GUIDELINES, rulings)
        body_start = match_start
        end = block.end
    elif (opens := _body_subject(doc, block, match_start)) is not None:
        # "The Board APPROVED the capital plan.": the body's own sentence, a prose decision
        # set in capitals, is the record whole (GUIDELINES), not what follows the verb
        body_start = opens
        end = sentence_end(text, match_start, block.end)
        if end == block.end and _FOLLOWING.search(text, body_start, end):
            # "The Governing Body APPROVED the following:" and what follows, up to the next
            # labelled line ("Action: Complete") or numbered paragraph
            listed = list_after(doc, index + 1, end)
            end = listed if listed > end else _paragraphs_after(doc, index + 1, end)
    elif rule.form == "subject":
        return None  # "APOLOGIES NOTED FROM ...", "2. DELEGATED DECISIONS": no body decides
    elif (opens := _sentence_joined(doc, block, match_start)) is not None:
        # "The views ... were considered and it was RESOLVED unanimously to OBJECT": the
        # sentence whole, a prose decision (GUIDELINES: never a fragment from mid-sentence)
        body_start = opens
        end = sentence_end(text, match_start, block.end)
        if end == block.end and text[body_start:end].rstrip().endswith(":"):
            # "... and it was RESOLVED that:" over (a) (b): the list is what was resolved
            end = list_after(doc, index + 1, end)
    else:
        if rule.label == "recommendation":
            m = _RECIPIENT.match(text, match_end, block.end)
            if m and m.group("recipient").strip():
                from minutebook.extract.people import recipient_from_caps

                recipient = recipient_from_caps(m.group("recipient"))
                body_start = m.end()
        # keep a closing "that"/"to" as the prose forms do: the clause reads "that we join."
        last = re.search(r"\b(?:that|to)$", text[match_start:match_end], re.IGNORECASE)
        if last:
            body_start = match_start + last.start()
        numbered = _OWN_CODE.search(text, match_start, block.end)
        if numbered and numbered.start() <= max(match_end, body_start) + 1:
            own_code = numbered.group("code")
            body_start = max(body_start, numbered.end())
        body_start += _SEPARATOR.match(text, body_start, block.end).end() - body_start  # type: ignore[union-attr]
        if _BARE_STEM.fullmatch(text, body_start, block.end):
            # "Agreed: that" over "1. the renewal ... be approved" "2. ...": each item
            # completes "that", a clause of its own (GUIDELINES: sub-clauses that each
            # begin a full clause are separate records)
            bare_that = _BARE_THAT.fullmatch(text, body_start, block.end) is not None
            body_start = block.end
        end = block.end
        if _inside_prose(doc, block, match_start):
            # a flattened page: "... were noted. Resolved 14/06/9.01 That ... . Cheques ..."
            end = sentence_end(text, body_start, block.end)
        if body_start >= block.end:
            first, end = _body_blocks(doc, index)
            body_start = first if end > block.end else block.end
        else:
            end = _extend_stem(doc, index, body_start, end)
    # "It was moved, seconded and RESOLVED that X", "Proposed by A, seconded by B, that X":
    # the clause is what was resolved, without who moved it (GUIDELINES)
    lead = motion_patterns()["mover_lead"].match(text, body_start, end)
    if lead:
        body_start = lead.end()
    if _lost(doc, index, body_start, end):
        return None  # "MOTION: That the car park be closed." / "LOST": no decision
    noted = False
    if _NOTED_ONLY.fullmatch(text, body_start, end) and match_start > block.start:
        # "- H Davies reported that ... at busy times. RESOLVED and noted.": what was
        # resolved is the report before the word, from the start of its paragraph
        opening = _LIST_LEAD.match(text, block.start, match_start)
        body_start = opening.end() if opening else block.start
        noted = "noted" in text[match_end:end].lower()
        end = match_start
    end = _strip_carried(text, body_start, end)
    if end <= body_start or _ASIDE.fullmatch(text, body_start, end):
        return None
    if NONE_WORDS.match(text[body_start:end]):
        return None  # "Decision: None." on a notice with nothing decided
    out = []
    after_stem = _body_stem().fullmatch(text, match_start, match_end) is not None or bare_that
    for label, s, e in split_labels(text, body_start, end, after_stem):
        s, e = trim_span(text, s, e)
        if e > s:
            out.append(Clause(rule.label, s, e, label, recipient, rule, own_code, noted))
    return out or None


def _under_body_stem(doc: Document, index: int, at: int) -> bool:
    """The introducer opens a list line under a stem naming only the body ('The Board:')."""
    block = doc.blocks[index]
    if index == 0 or not _LIST_LEAD.fullmatch(doc.text, block.start, at):
        return False
    j = index - 1
    while j > max(0, index - MAX_BODY_BLOCKS) and _list_marker(doc.block_text(doc.blocks[j])):
        j -= 1  # the list's earlier lines: "- APPROVED ...", "- DELEGATED ..."
    return _body_stem().fullmatch(doc.block_text(doc.blocks[j])) is not None


_LIST_LEAD = re.compile(r"\s*(?:[•·▪\-–—*]|\(?\w{1,3}[.)])?\s*")


def _body_subject(doc: Document, block: Block, at: int) -> int | None:
    """Where the sentence starts when it opens with the deciding body ('The Board
    APPROVED', 'The Audit Committee NOTED the report and AGREED'), else None."""
    before = doc.text[block.start : at]
    cuts = [m.end() for m in SENTENCE_BREAK.finditer(before)]
    start = cuts[-1] if cuts else 0
    subject = before[start:].strip()
    pattern = rf"(?:The\s+)?(?:[A-Z][\w&'’-]*\s+){{0,3}}(?:{deciders()})"
    # "The Committee NOTED the report and AGREED ...": its subject opens the sentence
    if subject and len(subject.split()) <= 20 and re.match(pattern + r"\b", subject):
        return block.start + start + (len(before[start:]) - len(before[start:].lstrip()))
    return None


# "... were considered and it was RESOLVED unanimously to OBJECT": "it was" joins the
# introducer to the sentence before it
_JOINED_IT_WAS = re.compile(r"(?i)\b(?:and|so|then|,)\s+it\s+was\s+(?:\w+ly\s+)?$")


def _sentence_joined(doc: Document, block: Block, at: int) -> int | None:
    """Where the sentence starts that "and it was" joins the introducer at `at` to."""
    before = doc.text[block.start : at]
    cuts = [m.end() for m in SENTENCE_BREAK.finditer(before)]
    cuts += [m.end() for m in _HEADING_COLON.finditer(before)]
    opens = max(cuts, default=0)
    if _JOINED_IT_WAS.search(before, opens) is None:
        return None
    return block.start + opens


# "3. Co-opt members to fill vacancies: Mr Watts was proposed ...": a heading's colon
_HEADING_COLON = re.compile(r"(?<=\w):\s+(?=[A-Z])")


def _inside_prose(doc: Document, block: Block, at: int) -> bool:
    """An introducer that follows a finished sentence in its block stands in running text."""
    before = doc.text[block.start : at].rstrip()
    return len(before.split()) > 8 and bool(SENTENCE_BREAK.search(before + " "))


def _extend_stem(doc: Document, index: int, start: int, end: int) -> int:
    block = doc.blocks[index]
    if end == block.end and doc.text[start:end].rstrip().endswith(":"):
        return list_after(doc, index + 1, end)
    if end == block.end:
        return _labels_run_on(doc, index, start, end)
    return end


def _labels_run_on(doc: Document, index: int, start: int, end: int) -> int:
    """'Resolved: (1) That HR contact CGM.' then '(2) That HR also contact Wickstead.' in
    the next paragraph: the numbered clauses go on while each paragraph opens with the next
    label, so every one is a record."""
    text = doc.text
    s, _ = trim_span(text, start, end)
    first = _LABEL.match(text, s)
    if first is None:
        return end
    expected = _label_sequence(first.group("a") or first.group("b"))[1:]
    for inline in _LABEL.finditer(text, first.end(), end):
        if expected and (inline.group("a") or inline.group("b")) == expected[0]:
            expected.pop(0)
    until = min(len(doc.blocks), index + 1 + MAX_BODY_BLOCKS)
    return _labelled_run(doc, index + 1, expected, end, until)


def _labelled_run(doc: Document, j: int, expected: list[str], end: int, until: int) -> int:
    """The end of the blocks from j (before until) that each open with the next label
    expected; end when the first of them does not."""
    blocks = doc.blocks
    k = 0
    while j < until and k < len(expected):
        m = _LABEL.match(doc.block_text(blocks[j]))
        if m is None or (m.group("a") or m.group("b")) != expected[k]:
            break
        end = blocks[j].end
        k += 1
        j += 1
    return end


# "Agreed to accept the quote of £1,200. Action: SP to place order.": the action is its own
# record, and its owner is not the decision's
_ACTION_AFTER = re.compile(r"(?<=[.;!?])\s+(?i:actions?)\s*[:–—-]\s*(?=\S)")


# what follows a decision word that says only that it was noted or agreed
_NOTED_ONLY = re.compile(
    r"(?i)\s*(?:and\s+)?(?:noted|accepted|agreed|approved|accordingly)\s*\.?\s*"
)


def _lost(doc: Document, index: int, start: int, end: int) -> bool:
    """The clause ends with a failed vote, or the short paragraph after it is one."""
    failed = motion_patterns()["failed"]
    if failed.search(doc.text, start, end):
        return True
    after = _block_index(doc, end) + 1 if end > doc.blocks[index].end else index + 1
    if after >= len(doc.blocks):
        return False
    note = doc.block_text(doc.blocks[after])
    return len(note.split()) <= 4 and failed.search(note) is not None


def _strip_carried(text: str, start: int, end: int) -> int:
    """The clause without its outcome ("Carried."), vote note ("(Cllr A proposed, ...)") or
    the action written after it in the same paragraph."""
    action = _ACTION_AFTER.search(text, start, end)
    end = action.start() if action else end
    m = _CARRIED.search(text, start, end)
    end = m.start() if m and m.start() > start else end
    vote = motion_patterns()["vote_tail"].search(text, start, end)
    return vote.start() if vote and vote.start() > start else end


@dataclass(frozen=True)
class Introduced:
    """An introducer inside one cell or line: what it makes, and where the clause starts."""

    kind: str
    start: int
    body_start: int
    recipient: str | None
    rule: Rule


def introducer_in(text: str) -> Introduced | None:
    """The first heading-form introducer in a short text such as a tracker cell."""
    patterns = load_patterns()
    for rule, span in patterns.matches(patterns.nlp.make_doc(text), "introducers"):
        body = span.end_char
        recipient = None
        if rule.label == "recommendation":
            m = _RECIPIENT.match(text, body)
            if m and m.group("recipient").strip():
                from minutebook.extract.people import recipient_from_caps

                recipient = recipient_from_caps(m.group("recipient"))
                body = m.end()
        sep = _SEPARATOR.match(text, body)
        body = sep.end() if sep else body
        return Introduced(rule.label, span.start_char, body, recipient, rule)
    return None
