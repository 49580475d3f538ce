"""Small text helpers shared by the extract modules: spans, sentence ends, title case."""

from __future__ import annotations

import re

_TRAIL = re.compile(r"(?:[\s;,]+(?:and|or)|[\s;,:]+|\s+(?:and|or))+$", re.IGNORECASE)
# the small words of a title, in lower case however the heading is set
SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}
)


# a value that says nothing: a deadline "TBC", an action "N/A", a decision "None."
NONE_WORDS = re.compile(
    r"^\s*(n/?a|none|tbc|tba|tbd|ongoing|-+|–|nil|not applicable)?\s*\.?$", re.I
)


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start:end] past surrounding white space and trailing '; and' joiners."""
    while start < end and text[start] in " \t\n-–—:.,;•·▪":
        start += 1
    segment = text[start:end]
    m = _TRAIL.search(segment)
    if m:
        end = start + m.start()
    while end > start and text[end - 1] in " \t\n":
        end -= 1
    return start, end


def flat(text: str) -> str:
    """Block and cell separators to spaces: a clause read across blocks."""
    return re.sub(r"\s+", " ", text).strip()


def smart_title(text: str) -> str:
    """ALL-CAPS headings read better in title case; mixed case is left as written."""
    if not text.isupper():
        return text
    words = text.lower().split()
    out = [w if (i and w in SMALL_WORDS) else w[:1].upper() + w[1:] for i, w in enumerate(words)]
    return " ".join(out)


# A full stop after a title, an initial, a vote note's "Prop." or a month ("Cllr. O'Brien", "Mr. J.
# Smith", "Prop. GK, 2nd JR", "Aug. 26", "Jr. Class") ends no sentence.
_NOT_AFTER = (
    r"(?<!\bCllr)(?<!\bCllrs)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bNo)(?<!\bSt)"
    r"(?<!\bProp)(?<!\b[A-Z])"
    # "the Minutes of the Aug. 26 meeting"
    r"(?<!\bJr)(?<!\bSr)(?<!\bJan)(?<!\bFeb)(?<!\bApr)(?<!\bAug)(?<!\bSept)(?<!\bSep)(?<!\bOct)(?<!\bNov)(?<!\bDec)"
)
# a sentence may also end in an acronym: "Clerk to email PCSO. 14.2 Junction ..."
_SENTENCE_END = re.compile(
    rf"(?:(?<=[a-z0-9)\]”\"’%])|(?<=[A-Z]{{2}})){_NOT_AFTER}[.!?](?=\s+(?:[A-Z(“\"‘]|\d))"
)
SENTENCE_BREAK = re.compile(rf"{_NOT_AFTER}[.!?]\s+")


def sentence_end(text: str, start: int, limit: int) -> int:
    """Offset just after the sentence that starts at start (or limit)."""
    m = _SENTENCE_END.search(text, start, limit)
    return m.end() if m else limit
