"""The outline of a set of minutes: its header, then its agenda items as a tree.

Everything else in extract/ reads items, codes, titles and the meeting date from here, so a
document that comes out wrong can be understood from `minutebook outline FILE` alone.

Items are found in four places, because minutes put them in four places:
- a block that is a heading ("SPCLL.7 TITLE", "12. Title", "17." then the title, a title
  followed by "(Item 4)", an HTML/DOCX heading, a ModernGov "Title ... Minutes:" row);
- a numbered block whose title runs straight into the minute ("111/20 To Approve the
  Budget The Chair advised ..."): the title is cut where the first sentence starts;
- numbers inline in a flattened web page ("... no apologies. 2.0 Co-option 2.1 ..."),
  accepted only when they continue the numbering so far, so amounts and times never are;
- a short title-like paragraph between the prose of an item ("Grass Cutting - Agency
  Agreement"): a sub-heading that gives a title and keeps its parent's code.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS

from minutebook.extract.codes import parse_code
from minutebook.extract.dates import find_dates
from minutebook.extract.text import SMALL_WORDS, smart_title
from minutebook.extract.vocab import motion_patterns, person_titles
from minutebook.models import Block, Document

_NUMBERED = re.compile(
    # "Agenda Item 3: Title" and "Item 3 - Title" name the number they give
    r"^(?:(?:Agenda\s+)?Item\s+(?=\d))?"
    # (a fiscal year or a quarter, "FY12 AUDIT PRESENTATION", "Q3 Figures", is no code)
    r"(?P<code>(?:(?!FY\d|Q[1-4]\b)[A-Z]{2,8}[. ]?\d{1,4}"
    r"|\d{1,2}/\d{2}/\d{1,2}(?:\.\d{2})?|\d{1,2}\.\d{2}\.\d{1,2}"
    r"|\d{1,4}/\d{2,4}(?:\(\d{1,2}\))?|\d{1,4}(?:\.\d{1,2}){1,3}|\d{3,4}\.\d{2}|\d{1,4}[A-Z]?))"
    r"(?:[.):]|\s+[-–—:])?\s+"
    r"(?P<title>\S.*)$",
    re.S,
)
# an agenda number's title followed by the minute's running reference: "Finance:006/24:",
# "Allotment: 005/24 – 2 applications ..."; a financial year ("Budget: 2025/26 precept") is
# part of the title
_MINUTE_AFTER_TITLE = re.compile(
    r"(?P<title>[^\n:–—]{2,80}?)\s*[:–—-]\s*(?:Minute\s+)?"
    r"(?P<ref>(?!(?:19|20)\d{2}/)\d{1,4}/\d{2})(?![\d/])"
    r"\s*(?:[:–—-]\s*)?"
)
# a heading's words up to its colon, with the minute after it on the same line
_TITLE_COLON = re.compile(r"(?P<title>[^:\n]{3,80}?):\s+(?=\S)")
# "2010 - 2014 COUNCIL": a term of office, not item 2010
_YEAR_RANGE = re.compile(r"^(?:19|20)\d{2}\s*[-–—/]\s*(?:19|20)?\d{2}\b")
# "Moved by Evans, Seconded by Crawford" on a line of its own: who moved, not a sub-heading
_MOVERS = re.compile(r"(?i)\b(?:moved|proposed|seconded)\s+by\b")
_BARE_NUMBER = re.compile(r"^(?P<code>\d{1,4}[A-Z]?|\d{1,2}(?:\.\d{1,2}){1,3})\.?$")
_ITEM_REF = re.compile(r"^\(?(?:agenda\s+)?item\s+\d+[a-z]?\)?$", re.IGNORECASE)
# ModernGov's "Minutes:" label between a title and its minute; "Matters Arising from the
# Minutes:" and "9. Draft Minutes:" are titles
_MINUTES_LABEL = re.compile(r"(?<!\bthe )(?<!\bof )\bMinutes:(?=\s*\S)")
_DECISION_WORD = re.compile(
    r"\b(RESOLVED|AGREED|RECOMMENDED|DECIDED|resolved that|agreed that)\b"
    # "Resolved 14/06/5.01" set as a heading introduces the clause below it
    r"|^(?i:resolved|agreed|decided)\s+[\d/.()a-z]+\s*$"
)
# an entry of a decision log: "Item discussed: Title", "Subject: Title"
_ITEM_LABEL = re.compile(
    r"^(?:Item(?:\s+(?:discussed|considered))?|Subject|Topic|Agenda\s+item)\s*:\s*"
    r"(?P<title>[A-Z].{2,})$"
)
# a ModernGov decisions page: "13/02/2019 - Title ref: 4412    Recommendations Approved"
_DECISION_LINE = re.compile(
    r"^(?P<date>\d{1,2}/\d{1,2}/\d{4})\s*[-–]\s*(?P<title>\S.*?)\s+ref:\s*(?P<code>\d{1,6})\b"
)
# "Date: 2 April, 2020" over a decision log's entry
_DATE_LABEL = re.compile(
    r"^(?:Date(?:\s+of\s+(?:decision|meeting))?|Decision\s+date)\s*:\s*(?P<date>.+)$"
)
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
    r"confirmed|welcomed|thanked|declared|asked|questioned|noted|summarised|were|was)\b"
)
# a title may open with a reference number ("24/00108 - Revenue and Capital Budget ...",
# "16/00501/OM Outline Application"), not with a bare number; "That ..." opens a clause
_NOT_TITLE_START = re.compile(r"^(?:[a-z]|\(|\d(?![\d]*/\d)|(?i:that)\b)")
# An inline item number: a decimal ("2.0", "9.1.3") or minute number ("107/20") that opens a
# sentence and is followed by a capitalised word.
# a number in running text that opens an item; "from minute number 111/20" and "at item
# 123/20" refer to one
_INLINE = re.compile(
    r"(?:(?<=^)|(?<=[.!?:)]\s)|(?<=[a-z]\s)|(?<=[A-Z]{2}\s)|(?<=\d\s))"
    r"(?<!\bnumber\s)(?<!\bminute\s)(?<!\bitem\s)(?<!\bMinute\s)(?<!\bItem\s)"
    r"(?P<code>\d{1,2}(?:\.\d{1,2}){1,3}|\d{1,3}/\d{2})\s+(?=[A-Z‘“'(])"
)
_WORD = re.compile(r"\S+")
# A capitalised function word opens a sentence; inside a title such words are lower case.
_OPENERS = frozenset(
    [
        "The",
        "There",
        "This",
        "These",
        "Those",
        "It",
        "Its",
        "A",
        "An",
        "All",
        "No",
        "He",
        "She",
        "They",
        "We",
        "Their",
    ]
)
_PRONOUNS = frozenset(["There", "It", "This", "They", "We", "He", "She"])
_NAMEISH = re.compile(rf"^(?:{person_titles()})\.?\s")


@dataclass(frozen=True)
class Item:
    """An agenda item or sub-item: where its heading starts, its code, title and depth."""

    start: int
    code: str | None
    title: str | None
    level: int = 0
    body_start: int = -1
    parent: int | None = None  # index in Outline.items
    # a decision log's or decisions page's own date for this entry (GUIDELINES: a decision
    # notice's records take the decision date)
    date: str | None = None


@dataclass(frozen=True)
class Header:
    committee: str | None
    meeting_date: str | None
    end: int
    # initials the minutes give people beside their names, or that their names in the
    # attendance list have, and the names ("JB": "Jo Bruce")
    initials: Mapping[str, str] = field(default_factory=dict)
    # the first names of the people the attendance list names ("Claire": "Claire Hanson")
    first_names: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Outline:
    header: Header
    items: tuple[Item, ...]
    _starts: tuple[int, ...] = field(default=(), repr=False)

    def item_at(self, offset: int) -> Item | None:
        """The deepest item whose heading is at or before offset."""
        i = bisect_right(self._starts, offset) - 1
        return self.items[i] if i >= 0 else None

    def is_heading(self, block: Block) -> bool:
        """Is the block an item's heading and nothing more (its minute starts below it)?"""
        return any(i.start == block.start and i.body_start >= block.end for i in self.items)

    def date_at(self, offset: int) -> str | None:
        """The date of the entry holding offset, or of its parents; None for minutes of
        one meeting, whose items carry no dates of their own."""
        i: int | None = bisect_right(self._starts, offset) - 1
        while i is not None and i >= 0:
            if self.items[i].date:
                return self.items[i].date
            i = self.items[i].parent
        return None

    def code_at(self, offset: int) -> str | None:
        item = self.item_at(offset)
        return item.code if item else None

    def title_at(self, offset: int) -> str | None:
        """The most specific titled heading above offset: a titled sub-item beats its parent,
        an untitled numbered paragraph takes its parent's title."""
        i = bisect_right(self._starts, offset) - 1
        while i is not None and i >= 0:
            item = self.items[i]
            if item.title:
                return item.title
            if item.parent is None and item.code and i > 0:
                # ModernGov numbers the paragraphs under an unnumbered heading ("Participation
                # Team update", then "1.", "2."): the heading is the nearest titled one above
                before = self.items[i - 1]
                if before.title and before.code is None:
                    return before.title
                if before.code is None or before.title is None:
                    i -= 1
                    continue
            i = item.parent if item.parent is not None else -1
        return None

    def end_of(self, index: int) -> int:
        """Where item index ends: at the next item that is not inside it."""
        level = self.items[index].level
        for later in self.items[index + 1 :]:
            if later.level <= level:
                return later.start
        return -1


def clean_title(title: str) -> str | None:
    title = _ATTACHMENT.sub("", title).strip().rstrip(".:").strip()
    # drop-capitals in PDFs come apart: "E nglish Devolution" -> "English Devolution"
    title = re.sub(r"^([A-Z]) ([a-z]{2,})", r"\1\2", title)
    title = re.sub(r"\s+", " ", title)
    return smart_title(title) if title else None


def _is_date(text: str) -> bool:
    dates = find_dates(text)
    return bool(dates) and dates[0][0] == 0 and dates[0][1] >= len(text.rstrip(". ")) - 1


def _opens_with_date(text: str) -> bool:
    """'12 April 2016 at 6.30 pm' is the meeting's date, not item 12."""
    dates = find_dates(text[:40])
    return bool(dates) and dates[0][0] == 0 and re.search(r"\d{4}", text[: dates[0][1]]) is not None


def titleish(title: str, lenient: bool = False) -> bool:
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


def _lower_content(word: str) -> bool:
    w = word.strip(".,;:()‘’“”'\"")
    return bool(w) and w[0].islower() and w not in STOP_WORDS and w.isalpha()


def split_title(text: str) -> tuple[str | None, int]:
    """A heading that runs into its minute: (title, offset where the body starts).

    The title ends at the first sentence end, or where a capitalised word opens a run of
    ordinary lower-case words ("... Parish Council The Chair advised that ..."). A text that
    opens with a sentence has no title: (None, 0).
    """
    words = [(m.start(), m.group()) for m in _WORD.finditer(text)]
    if not words or words[0][1] in _OPENERS:
        return None, 0
    limit = min(len(words), 26)
    for k in range(1, limit):
        pos, word = words[k]
        prev = words[k - 1][1]
        if prev.endswith((".", "?", "!")) and word[:1].isupper() and len(prev) > 2:
            return _checked(text[:pos], pos, text[pos:])
        if not word[:1].isupper():
            continue
        if word == "•":
            return _checked(text[:pos], pos, text[pos:])
        if _opens_sentence(words, k):
            return _checked(text[:pos], pos, text[pos:])
        window = [w for _, w in words[k + 1 : k + 7]]
        lowers = sum(_lower_content(w) for w in window)
        later_opener = any(_opens_sentence(words, j) for j in (k + 1, k + 2))
        if lowers >= 2 and k >= 2 and prev.lower() not in STOP_WORDS and not later_opener:
            return _checked(text[:pos], pos, text[pos:])
    if len(words) <= 25 and titleish(text) and not text.rstrip().endswith("."):
        return clean_title(text), len(text)
    return None, 0


def _opens_sentence(words: list[tuple[int, str]], k: int) -> bool:
    """A capitalised function word followed by ordinary lower-case words: 'The Chair said'."""
    if k >= len(words) or words[k][1] not in _OPENERS or k == 0:
        return False
    if words[k - 1][1].lower() in STOP_WORDS:
        return False
    window = [w for _, w in words[k + 1 : k + 5]]
    if sum(w[:1].islower() for w in window[:3]) < 2:
        return False
    return words[k][1] in _PRONOUNS or any(map(_lower_content, window))


def _checked(title: str, pos: int, rest: str = "") -> tuple[str | None, int]:
    # "Hayley Bodiam, Service Manager ... Standards, added that": a heading is not followed by
    # the rest of its clause after a comma
    after = rest.split(maxsplit=1)
    if title.rstrip().endswith(",") or (after and after[0].endswith(",")):
        return None, 0
    title = title.strip(" –—-:")
    if not title or len(title.split()) > 25 or _NOT_TITLE_START.match(title):
        return None, 0
    if _DECISION_WORD.search(title) or _NARRATIVE.search(title):
        return None, 0
    return clean_title(title), pos


def _numbered(text: str) -> tuple[str, str | None, int] | None:
    """A block that opens with an item number: (code, title or None, body offset)."""
    m = _NUMBERED.match(text)
    if not m or _opens_with_date(text) or _YEAR_RANGE.match(text):
        return None
    raw = m.group("code")
    code = raw if re.fullmatch(r"\d{1,4}(?:\.\d{1,2})+", raw) else parse_code(raw) or raw
    title_text = m.group("title")
    minute = _MINUTE_AFTER_TITLE.match(title_text) if raw.isdigit() else None
    if minute and titleish(minute.group("title"), lenient=True):
        # "4. Exercise Equipment: 004/24 – Claire was given ...": the agenda's number, its
        # title, then the minute's own reference, which is the code (GUIDELINES)
        return (
            minute.group("ref"),
            clean_title(minute.group("title")),
            m.start("title") + minute.end(),
        )
    inline = _INLINE.search(title_text)
    if inline and re.fullmatch(r"[\d./]+", raw) and _continues(code, inline.group("code")):
        title_text = title_text[: inline.start()]
        if titleish(title_text, lenient=True) and len(title_text.split()) <= 12:
            return code, clean_title(title_text), m.start("title") + inline.start()
    colon = _TITLE_COLON.match(title_text)
    after_colon = title_text[colon.end() :].rstrip() if colon else ""
    # what follows the colon is a minute when it is written in sentences; a heading may go on
    # after a colon ("16/00501/OM Outline Application: construction of 28 Dwellings, ...")
    said = (after_colon.endswith((".", "!", "?")) or ". " in after_colon) and not titleish(
        after_colon.rstrip(".")
    )
    if colon and said and titleish(colon.group("title")) and not titleish(title_text):
        # "3. Co-opt members to fill current vacancies: Mr George Watts was proposed ...":
        # the heading ends at its colon, its minute runs on
        return code, clean_title(colon.group("title")), m.start("title") + colon.end()
    if titleish(title_text):
        return code, clean_title(title_text), len(text)
    head = title_text.rstrip()
    if head.endswith(":") and len(head.split()) <= 12 and titleish(head[:-1]):
        # "7. Bank Mandate - Cheque Signatory:" on a line of its own: a heading, its minute below
        return code, clean_title(head), len(text)
    if "." in code and not code.endswith(".0"):
        # "9.4 The old telephone box ...": a numbered paragraph, not a titled heading
        title, body = split_title(title_text)
        return code, (title if title and len(title.split()) <= 6 else None), m.start("title")
    title, body = split_title(title_text)
    if title is None and not re.match(r"\d", m.group("code")):
        return None
    return code, title, m.start("title") + (body if title else 0)


def _block_item(block: Block, text: str, nxt: str) -> tuple[str | None, str | None, int] | None:
    """(code, title, body offset in the block) when the block opens an item."""
    text = _ATTACHMENT.sub("", text).strip()
    nxt = _ATTACHMENT.sub("", nxt).strip()
    if not text:
        return None
    bare = _BARE_NUMBER.match(text)
    if bare and nxt and titleish(nxt, lenient=True):
        return bare.group("code"), clean_title(nxt), -1
    if _ITEM_REF.match(nxt) and not _ITEM_REF.match(text):
        numbered = _numbered(text)
        m = _NUMBERED.match(text)
        if numbered and numbered[1] is None and m and titleish(m.group("title"), lenient=True):
            # "294. Minutes of the meeting held on ... and, if in order, to be approved ..."
            # over "(Item 3)": ModernGov's heading, however long its agenda wording
            return numbered[0], clean_title(m.group("title")), len(text)
    if _ITEM_REF.match(nxt) and not _ITEM_REF.match(text) and titleish(text, lenient=True):
        numbered = _numbered(text)
        if numbered:
            return numbered
        return None, clean_title(text), len(text)
    labelled = _ITEM_LABEL.match(text) or _DECISION_LINE.match(text)
    if labelled and _labelled_title(labelled.group("title")):
        # "Item discussed: Review of quoracy", "13/02/2019 - Mayow Road Demolition ref:
        # 4412": a decision log's or decisions page's entry names its item
        code = labelled.groupdict().get("code")
        return code, clean_title(labelled.group("title")), len(text)
    label = _MINUTES_LABEL.search(text)
    if label and label.start() > 0:
        head = text[: label.start()].strip()
        parts = _DESCRIPTION.split(head, maxsplit=1)
        return (None, clean_title(parts[0]), label.end()) if titleish(parts[0]) else None
    numbered = _numbered(text)
    if numbered:
        return numbered
    # the source set it apart as a heading, so its wording need not look like one
    # ("Cheques for signing and approval", "Planning Applications:")
    if block.kind == "heading" and titleish(text.rstrip().removesuffix(":"), lenient=True):
        return None, clean_title(text), len(text)
    return None


def _labelled_title(title: str) -> bool:
    """A title its label vouches for: any length an agenda gives, but not a decision."""
    return 0 < len(title.split()) <= 40 and not _DECISION_WORD.search(title)


def item_date(text: str) -> str | None:
    """The date a decision log's "Date: 2 April, 2020" line, or a decisions page's
    "13/02/2019 - Title ref: 4412" line, gives the item it opens or precedes."""
    m = _DATE_LABEL.match(text) or _DECISION_LINE.match(text)
    if m is None:
        return None
    dates = [d for d in find_dates(text[: m.end("date")]) if len(d[2]) == 10]
    return dates[0][2] if dates else None


def _level(code: str | None) -> int:
    if code is None:
        return 0
    if re.fullmatch(r"\d{3,4}\.\d{2}", code):
        return 0  # "2307.01": year and month, then the minute; a top-level item
    m = re.match(r"^\d{1,4}((?:\.\d{1,2})+)$", code)
    if m:
        parts = code.split(".")
        # "9.0" is the heading of item 9, "9.1" its first sub-item
        depth = len(parts) - 1
        return depth - 1 if parts[-1] in {"0", "00"} and depth == 1 else depth
    return 0


def _restarts(previous: str | None, code: str) -> bool:
    """A plain number below the numbering so far: a list inside an item starts again at 1."""
    if previous is None or not previous.isdigit() or not code.isdigit():
        return False
    return int(code) < int(previous)


def _continues(previous: str | None, code: str) -> bool:
    """Is code a plausible next number after previous (the same list, a child, a sibling)?"""
    if previous is None:
        # parish minutes number on through the year ("107/20"): a first minute can be any
        # number with its year
        return (
            code in {"1.0", "1.1", "1"}
            or code.startswith(("1.", "1/"))
            or re.fullmatch(r"\d{1,4}/\d{2}", code) is not None
        )
    if "/" in code:
        if "/" not in previous:
            return False
        n, year = code.split("/", 1)
        pn, pyear = previous.split("/", 1)[0], previous.split("/", 1)[1][:2]
        return year[:2] == pyear and pn.isdigit() and 0 < int(n) - int(pn) <= 3
    if not re.fullmatch(r"\d{1,4}(?:\.\d{1,2}){0,3}", previous):
        return False
    if not re.fullmatch(r"\d{1,4}(?:\.\d{1,2}){0,3}", code):
        return False
    new = [int(p) for p in code.split(".")]
    old = [int(p) for p in previous.split(".")]
    if new[0] == old[0]:
        return new > old and new[:1] == old[:1]
    return 0 < new[0] - old[0] <= 3 and all(p <= 1 for p in new[1:])


def _inline_items(doc: Document, block: Block, last: str | None, first: int) -> list[Item]:
    """Numbers inline in a flattened paragraph that continue the numbering so far."""
    text = doc.block_text(block)
    found: list[Item] = []
    for m in _INLINE.finditer(text, first):
        code = m.group("code")
        if not _continues(last, code):
            continue
        # its heading runs to the next accepted number or the first sentence
        rest = text[m.end() :]
        nxt = _INLINE.search(rest)
        segment = rest[: nxt.start()] if nxt else rest
        title: str | None
        words = len(segment.split())
        flat = segment.strip()
        whole = ". " not in flat and not flat.endswith(".") and words <= (8 if _level(code) else 12)
        if segment.strip() and whole and titleish(segment, lenient=True):
            title, body = clean_title(segment), len(segment)
        else:
            title, body = split_title(segment)
            if title and _level(code) > 0 and len(title.split()) > 6:
                title = None
        found.append(
            Item(block.start + m.start(), code, title, _level(code), block.start + m.end() + body)
        )
        last = code
    return found


# the words a wrapped heading breaks before or after: a title's small words, and the verbs
# and joiners of a long agenda line ("... UNLESS A REQUEST" / "IS MADE BY ...")
_WRAPS_AT = SMALL_WORDS | {"is", "are", "be", "from", "within", "unless", "that", "which", "its"}


def _caps_title_lines(texts: list[str], i: int) -> tuple[int, str]:
    """How many lines after texts[i], a numbered heading in capitals, carry on its title,
    and the title they make with it: lines in capitals, joined where one ends or the next
    begins with a small word ("... OF" / "OCTOBER 9, 2008", "... UNLESS A REQUEST" / "IS
    MADE BY ..."), since a heading line over a line of its own ("ROLL CALL" / "DIRECTORS
    PRESENT") is two."""
    m = _NUMBERED.match(texts[i])
    if m is None or not m.group("title").isupper():
        return 0, ""
    n = 0
    last = texts[i]
    while n < 3 and i + 1 + n < len(texts):
        line = texts[i + 1 + n]
        words = line.split()
        if not words or not line.isupper() or len(words) > 15 or _NUMBERED.match(line):
            break
        if last.rstrip().endswith((".", ":", ";")):
            break
        small = last.split()[-1].lower() in _WRAPS_AT or words[0].lower() in _WRAPS_AT
        if not small:
            break
        n += 1
        last = line
    return n, " ".join([m.group("title"), *texts[i + 1 : i + 1 + n]])


def _sub_heading(text: str, nxt: str) -> bool:
    """A short title-like paragraph followed by prose: 'Grass Cutting - Agency Agreement'."""
    words = text.split()
    if not 2 <= len(words) <= 8 or text.rstrip().endswith((".", ":", ",", ";")):
        return False
    if _NAMEISH.match(text) or not text[:1].isupper() or any(c.isdigit() for c in text):
        return False
    if _NARRATIVE.search(text) or _DECISION_WORD.search(text) or _MOVERS.search(text):
        return False
    if motion_patterns()["roll_line"].fullmatch(text):
        return False  # "Absent: None" in a vote roll, over the motion it records
    capitals = sum(1 for w in words if w[:1].isupper())
    return capitals / len(words) >= 0.5 and len(nxt.split()) >= 8 and nxt.rstrip().endswith(".")


def _caps_heading(text: str, nxt: str) -> bool:
    """A short line in capitals over a paragraph of prose: 'CONSENT AGENDA', 'SUSPEND
    STANDING ORDERS:', over prose or a motion's number or mover line. A list of names below it
    ('MEMBERS PRESENT:') is neither."""
    words = text.split()
    if not 1 <= len(words) <= 8 or not text.isupper() or text.rstrip().endswith((".", ",", ";")):
        return False
    # a number of its own ("12 APRIL 2016", "ITEM 4") is a date or an agenda line; digits
    # inside a word are part of a name ("FY12 AUDIT PRESENTATION")
    if re.search(r"(?<![A-Z\d])\d", text) or _NAMEISH.match(text) or _DECISION_WORD.search(text):
        return False
    if _NOT_TITLE_START.match(text):
        return False  # "THAT:" under "RESOLVED", over its clauses
    prose = len(nxt.split()) >= 8 and nxt.rstrip().endswith((".", '"', "”"))
    motion = _MOVERS.search(nxt) or motion_patterns()["number"].match(nxt)
    return prose or motion is not None


def find_items(doc: Document) -> list[Item]:
    """Agenda items in order of their start offset, each with its depth and parent."""
    raw: list[Item] = []
    # a paragraph with an owner tag is extract/tags.py's, and no agenda item
    blocks = [
        b for b in doc.blocks if b.kind not in ("table_row", "tagged") or _is_item_row(doc, b)
    ]
    texts = [doc.block_text(b) for b in blocks]
    skip_to = 0  # blocks before this index were read as part of an item's heading
    quiet_from: int | None = None  # where a run of items with no prose under them began
    last_code: str | None = None
    pending_date: str | None = None
    opening = find_dates(doc.text[:HEADER_GUESS])
    dated = opening[0][1] if opening else len(doc.text)
    for i, (block, text) in enumerate(zip(blocks, texts, strict=True)):
        if i < skip_to:
            continue
        nxt = texts[i + 1] if i + 1 < len(texts) else ""
        if block.kind == "table_row":
            text = text.replace("\t", " ")
        found = _block_item(block, text, nxt)
        own_date = item_date(text)
        if found is None and own_date is not None:
            pending_date = own_date  # "Date: 2 April, 2020" over "Item discussed: ..."
        # a decisions page lists its decisions by reference, in no order
        listed = _DECISION_LINE.match(text) is not None
        # ("11 POLICE AND CRIME PANEL REPORT pdf icon PDF 93 KB": the link is no minute)
        runs_on = found is not None and 0 <= found[2] < len(_ATTACHMENT.sub("", text).strip()) - 1
        # (the title was judged on the heading as written; its smart-title case is not re-judged)
        weak = found is not None and (found[1] is None or runs_on)
        number = _agenda_number(text, found[0]) if found and found[0] else None
        if number in ("1", "1.0") and quiet_from is not None and len(raw) - quiet_from >= 3:
            # "2. The following Agenda was adopted:" over "1. ... 7. Adjournment" with
            # nothing under them, then the minutes number again from 1: that was the agenda
            del raw[quiet_from:]
            last_code = None
        quiet_from = quiet_from if found is not None or not _prose(text) else None
        if number and not listed and block.kind != "heading" and _restarts(last_code, number):
            found = None  # "1 Note with thanks ..." inside minute 306 is a list, not item 1
        code_of = found[0] if found else None
        if (
            code_of
            and number
            and weak
            and not _continues(last_code, number)
            and not (number != code_of and _continues(last_code, code_of))
        ):
            # an untitled number, or one whose minute runs on from its title, is an item only
            # when it continues the numbering: inside minute "285", "7 Mr Brady spoke" is not
            found = None
        first = 0
        if found is not None:
            code, title, body = found
            if _BARE_NUMBER.match(text.strip()):
                skip_to = i + 2
                body_start = blocks[i + 1].end if i + 1 < len(blocks) else block.end
            else:
                body_start = block.start + body if body >= 0 else block.end
            if title is not None and body == len(text):
                more, wrapped = _caps_title_lines(texts, i)
                if more:
                    # "6. APPROVAL OF MINUTES OF THE REGULAR BOARD MEETING OF" / "OCTOBER 9,
                    # 2008": a heading in capitals that the page wrapped
                    title = clean_title(wrapped)
                    body_start = blocks[i + more].end
                    skip_to = i + 1 + more
            date = own_date or pending_date
            pending_date = None
            raw.append(Item(block.start, code, title, _level(code), body_start, date=date))
            last_code = number or last_code
            first = max(0, body_start - block.start)
            if runs_on:
                quiet_from = None
            elif quiet_from is None:
                quiet_from = len(raw) - 1
        elif raw and block.kind == "paragraph" and _sub_heading(text, nxt):
            raw.append(Item(block.start, None, clean_title(text), 99, block.end))
            continue
        elif block.kind == "paragraph" and block.start >= dated and _caps_heading(text, nxt):
            # "APPROVAL OF AGENDA" over its minute in plain-text minutes that number nothing;
            # above the meeting's date, "CABINET" over "MINUTES of a meeting" is the title
            raw.append(Item(block.start, None, clean_title(text), 99 if raw else 0, block.end))
            continue
        if block.kind == "paragraph" and len(text) > 80:
            inline = _inline_items(doc, block, last_code, first)
            raw.extend(inline)
            if inline:
                last_code = inline[-1].code
                quiet_from = None
    return _nest(raw)


def _prose(text: str) -> bool:
    """A line a minute is written in, not an agenda's heading or sub-heading."""
    return len(text.split()) >= 15 or text.rstrip().endswith((".", "!", "?"))


def _agenda_number(text: str, code: str) -> str:
    """The number an item carries the agenda's numbering on with: its agenda number when the
    minute's reference is its code ("4. Exercise Equipment: 004/24 – ..." follows 3)."""
    m = _NUMBERED.match(text)
    if m and m.group("code").isdigit() and _MINUTE_AFTER_TITLE.match(m.group("title")):
        return m.group("code")
    return code


def _is_item_row(doc: Document, block: Block) -> bool:
    """A two-cell row whose first cell is an item number ('1.' | 'Apologies for absence')."""
    cells = [c for c in block.cells if c.strip()]
    return len(cells) == 2 and bool(_BARE_NUMBER.match(cells[0].strip()))


def _nest(raw: list[Item]) -> list[Item]:
    """Give each item its parent: the nearest earlier item of a lower level.

    A sub-heading (level 99 as found) sits one below the numbered item it follows and takes
    its code.
    """
    out: list[Item] = []
    subs: list[bool] = []
    for item in raw:
        level, code = item.level, item.code
        if level == 99:
            numbered = next((out[j] for j in range(len(out) - 1, -1, -1) if not subs[j]), None)
            level = (numbered.level + 1) if numbered else 1
            code = numbered.code if numbered else None
        parent = next((j for j in range(len(out) - 1, -1, -1) if out[j].level < level), None)
        out.append(Item(item.start, code, item.title, level, item.body_start, parent, item.date))
        subs.append(item.level == 99)
    return out


# where minutes with no numbered items are read for the attendance list
HEADER_GUESS = 3000


def build_outline(doc: Document) -> Outline:
    """The header (committee, meeting date) and the item tree of a document.

    describe() and extract() both ask for it; it depends only on the text and the blocks,
    so the last few are kept rather than built twice per document.
    """
    key = (doc.text, doc.blocks)
    outline = _BUILT.get(key)
    if outline is None:
        outline = _build(doc)
        _BUILT[key] = outline
        while len(_BUILT) > _KEEP:
            del _BUILT[next(iter(_BUILT))]
    return outline


_KEEP = 4
_BUILT: dict[tuple[str, tuple[Block, ...]], Outline] = {}


def _build(doc: Document) -> Outline:
    from minutebook.extract.meeting import committee, meeting_date
    from minutebook.extract.people import people_named

    items = find_items(doc)
    # the document's first block, a page title, is part of the header, not its first item
    first = doc.blocks[0].start if doc.blocks else 0
    starts = [i.start for i in items if i.code or i.start != first]
    header_end = starts[0] if starts else 0
    # the attendance list names people; "Kent County Council (KCC)" later in the text
    # names a body, which is not an owner
    initials, first_names = people_named(
        doc.text[: header_end or HEADER_GUESS] + _attendance(doc, items), doc.text
    )
    header = Header(
        committee=committee(doc, header_end),
        meeting_date=meeting_date(doc, header_end),
        end=header_end,
        initials=initials,
        first_names=first_names,
    )
    return Outline(header, tuple(items), tuple(i.start for i in items))


# an item that is the attendance list ("2307.01 Present", "1. Attendance") names people as the
# header does
_ATTENDANCE_TITLE = re.compile(
    r"(?i)^(?:(?:members|councillors|those)\s+)?(?:present|in\s+attendance|attendance|attendees)\b"
)


def _attendance(doc: Document, items: list[Item]) -> str:
    """The text of the items that list who attended (with the header, where initials are
    declared)."""
    parts = []
    for i, item in enumerate(items):
        if item.title and _ATTENDANCE_TITLE.match(item.title):
            end = items[i + 1].start if i + 1 < len(items) else len(doc.text)
            parts.append(doc.text[item.start : min(end, item.start + HEADER_GUESS)])
    return "\n".join(parts)
