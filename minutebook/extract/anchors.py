"""Where a pattern file's matches can lie: windows around its patterns' anchor words.

spaCy's Matcher tries every pattern at every token, about 0.3 µs a pattern a token: the
22 patterns of decisions.jsonl cost 2 CPU-s on the 258,000 tokens of the benchmark PDFs,
nearly all of it on text no pattern can match. Each pattern has an anchor: a token it
cannot match without, from a closed list of words, at a bounded distance from either end
of the match. The anchor chosen is the pattern's content word ("agreed" in "it was
agreed", not "it" or "was"), so anchors are rare. Every match holds its anchor, so the
Matcher run on the windows around the anchor words finds every match of the whole
document (within the pattern's max_tokens, the longest match kept): the same matches,
on a fifth of the tokens. A file with a pattern that has no anchor, or no bound, is
matched whole.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.strings import StringStore
from spacy.tokens import Doc

# attributes whose closed word lists can anchor a pattern, and the token attribute each is
# compared with (TEXT is spaCy's name for ORTH in a pattern)
_ATTRS = {"LOWER": "lower", "TEXT": "orth", "ORTH": "orth"}
_REPEAT = re.compile(r"\{(\d*)(,?)(\d*)\}")


def longest(token: dict[str, Any]) -> int | None:
    """The most tokens one pattern token can take, None if unbounded ("+", "*", "{2,}")."""
    op = token.get("OP", "")
    # "!" is a token that must not match the spec, yet still takes one token
    if op in ("", "1", "?", "!"):
        return 1
    repeat = _REPEAT.fullmatch(op)
    if repeat is None:
        return None
    low, comma, high = repeat.groups()
    if not comma:
        return int(low)
    return int(high) if high else None


def _anchor(
    pattern: Sequence[dict[str, Any]], stop_words: Collection[str]
) -> tuple[int, str, list[str]] | None:
    """(position, attribute, words) of the pattern's anchor: a token every match has (no
    OP) with a closed list of words, the fewest of them stop words or punctuation."""
    best: tuple[tuple[int, int], int, str, list[str]] | None = None
    for position, token in enumerate(pattern):
        if token.get("OP", "") != "":
            continue
        for attr, value in token.items():
            if attr not in _ATTRS:
                continue
            if isinstance(value, str):
                words = [value]
            elif isinstance(value, dict) and set(value) == {"IN"}:
                words = list(value["IN"])
            else:
                continue
            common = sum(w.lower() in stop_words or not w.isalpha() for w in words)
            score = (common, len(words))
            if best is None or score < best[0]:
                best = (score, position, _ATTRS[attr], words)
    return None if best is None else best[1:]


@dataclass(frozen=True)
class Anchors:
    """Anchor words of one pattern file by hash, each with how many tokens a match may
    take before and after it."""

    lower: dict[int, tuple[int, int]]
    orth: dict[int, tuple[int, int]]

    def windows(self, doc: Doc) -> list[tuple[int, int]]:
        """Token ranges (start, end) of `doc` that hold every match, in order, disjoint."""
        if not len(doc):
            return []
        values = doc.to_array(["LOWER", "ORTH"])
        lower_keys = np.fromiter(self.lower, dtype=np.uint64)
        orth_keys = np.fromiter(self.orth, dtype=np.uint64)
        hits = np.isin(values[:, 0], lower_keys) | np.isin(values[:, 1], orth_keys)
        spans: list[tuple[int, int]] = []
        for i in np.flatnonzero(hits).tolist():
            before, after = self._reach(int(values[i, 0]), int(values[i, 1]))
            spans.append((max(0, i - before), min(len(doc), i + after + 1)))
        spans.sort()
        merged: list[tuple[int, int]] = []
        for start, end in spans:
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        return merged

    def _reach(self, lower: int, orth: int) -> tuple[int, int]:
        a = self.lower.get(lower, (0, 0))
        b = self.orth.get(orth, (0, 0))
        return max(a[0], b[0]), max(a[1], b[1])


def anchors_of(
    patterns: Sequence[tuple[Sequence[dict[str, Any]], int | None]],
    stop_words: Collection[str],
    strings: StringStore,
) -> Anchors | None:
    """The anchors of a file's (pattern, max_tokens) pairs; None if one has none or is
    unbounded, and the file must be matched whole."""
    reach: dict[str, dict[int, tuple[int, int]]] = {"lower": {}, "orth": {}}
    for pattern, max_tokens in patterns:
        found = _anchor(pattern, stop_words)
        if found is None:
            return None
        position, attr, words = found
        sides = [
            [longest(t) for t in pattern[:position]],
            [longest(t) for t in pattern[position + 1 :]],
        ]
        bounds: list[int] = []
        for side in sides:
            total = None if None in side else sum(n for n in side if n is not None)
            if max_tokens is not None:
                total = max_tokens - 1 if total is None else min(total, max_tokens - 1)
            if total is None:
                return None
            bounds.append(total)
        for word in words:
            key = strings.add(word)
            before, after = reach[attr].get(key, (0, 0))
            reach[attr][key] = (max(before, bounds[0]), max(after, bounds[1]))
    return Anchors(reach["lower"], reach["orth"])
