"""Lines that a writer wrapped at a fixed width, joined back into their paragraphs.

Minutes saved as plain text (an e-mail, a page copied from a browser, pdftotext) often
break every sentence at 70-80 characters, sometimes with a blank line after each line. A
line that stops mid-sentence belongs to the next one: otherwise "Warehouse be" and
"approved;" are two blocks, and a clause ends at "be".

A line continues on the next when it is long, ends without closing punctuation, and the
next line does not open an item (a bullet, "(2)", "79.15", "Decision Maker:"), and either
the break itself says so (the next line starts in lower case, or this one ends with "the",
"to", a comma) or the document is wrapped (most of its long lines stop mid-sentence) and
this line reaches about the wrap width (not across a blank line, which may end a
paragraph). Short lines (headings, "Present:") never continue.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Sequence

# shorter lines are headings, labels, names: never a wrapped line
MIN_WRAPPED = 40
_TERMINAL = re.compile(r"[.;:!?)\]\"”’…]\s*$")
_OPENS_ITEM = re.compile(
    r"^\s*(?:[•·▪\-–—*]|\(?[a-zA-Z]{1,2}\)|\(?\d{1,3}[.)](?:\s|$)|\(\w{1,5}\)|\d+(?:\.\d+)+\b"
    r"|[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,3}\s*:\s+\S)"
)
# lower case only: "Appendix A", "Sudbury, ON" end a line as well as any word
_OPEN_END = re.compile(
    r"(?:,|\b(?:the|a|an|of|to|and|or|by|with|for|in|on|at|from|that|be|as|is|are|was|were"
    r"|will|would|this|its|their|our))$"
)


def wrap_width(lines: Sequence[str]) -> int | None:
    """The width a wrapped document's lines were broken at, or None if it is not wrapped:
    at least five long lines that open no item, half of them stopping without punctuation,
    and a fifth of those where no sentence could end."""
    long = [line for line in lines if len(line) >= MIN_WRAPPED and not _OPENS_ITEM.match(line)]
    open_ended = [line for line in long if not _TERMINAL.search(line)]
    if len(open_ended) < 5 or len(open_ended) < 0.5 * len(long):
        return None
    # minutes that never end a line with a full stop look the same: a wrapped text also
    # breaks lines where no sentence could end (before a lower-case word, after "the")
    ended = set(open_ended)
    mid_sentence = sum(
        1
        for line, following in itertools.pairwise(lines)
        if line in ended and _says_mid_sentence(line, following)
    )
    if mid_sentence < max(2, len(open_ended) // 5):
        return None
    return int(statistics.quantiles([len(line) for line in long], n=5)[-1])


# an OCR'd motion whose first word the scan set on a line of its own: "MOVED" / "by
# Councilman Randall, seconded by ..."
_LONE_VERB = re.compile(r"\s*(?:MOVED|Moved|PROPOSED|Proposed|SECONDED|Seconded)\s*")


def continues(line: str, following: str, width: int | None, after_blank: bool) -> bool:
    """Does `following` carry on the sentence that `line` broke off?"""
    if _LONE_VERB.fullmatch(line) and following.startswith("by "):
        return True
    if len(line) < MIN_WRAPPED or _TERMINAL.search(line) or _OPENS_ITEM.match(following):
        return False
    if _says_mid_sentence(line, following):
        return True
    # across a blank line the break must say so itself: the blank may end a paragraph
    if width is None or after_blank or following.rstrip().endswith(":") or line.isupper():
        # "The Governing Body:" after a long title is a stem of its own; a line in
        # capitals is a heading
        return False
    return len(line) >= 0.75 * width


def _says_mid_sentence(line: str, following: str) -> bool:
    """The break itself: the next line goes on in lower case, or this one ends on "the"."""
    return following[:1].islower() or _OPEN_END.search(line) is not None
