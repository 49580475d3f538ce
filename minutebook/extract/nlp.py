"""spaCy on a blank English pipeline, with Matchers built from the pattern files."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import spacy
from spacy.errors import MatchPatternError
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from minutebook.errors import PatternFileError
from minutebook.extract.vocab import pattern_path

PATTERN_FILES = ("introducers", "noting", "asks", "action_lines")


@dataclass(frozen=True)
class Rule:
    """One line of a pattern file."""

    id: str
    label: str
    form: str
    file: str


@dataclass
class Patterns:
    nlp: Language
    matchers: dict[str, Matcher]
    rules: dict[str, Rule]

    def matches(self, doc: Doc, file: str) -> list[tuple[Rule, Span]]:
        """Non-overlapping matches of one pattern file, longest first where they overlap."""
        found = self.matchers[file](doc, as_spans=True)
        # overlapping matches ("RESOLVED" and "RESOLVED:") resolve to the longest
        spans = filter_spans(found)
        return [(self.rules[self.nlp.vocab.strings[s.label]], s) for s in spans]


def _read_jsonl(name: str) -> list[tuple[int, dict[str, Any]]]:
    path = pattern_path(f"{name}.jsonl")
    rows = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise PatternFileError(f"{path}:{lineno}", f"not valid JSON: {exc.msg}") from exc
        missing = {"id", "label", "pattern"} - row.keys()
        if missing:
            raise PatternFileError(f"{path}:{lineno}", f"missing keys {sorted(missing)}")
        rows.append((lineno, row))
    return rows


@cache
def load_patterns() -> Patterns:
    """Build the blank pipeline and one Matcher per pattern file; validate every pattern."""
    nlp = spacy.blank("en")
    matchers: dict[str, Matcher] = {}
    rules: dict[str, Rule] = {}
    for name in PATTERN_FILES:
        matcher = Matcher(nlp.vocab, validate=True)
        for lineno, row in _read_jsonl(name):
            key = f"{name}:{row['id']}"
            if key in rules:
                raise PatternFileError(f"{name}.jsonl:{lineno}", f"duplicate id {row['id']!r}")
            try:
                matcher.add(key, [row["pattern"]])
            except (MatchPatternError, ValueError) as exc:
                raise PatternFileError(f"{name}.jsonl:{lineno}", str(exc).strip()) from exc
            rules[key] = Rule(row["id"], row["label"], row.get("form", ""), name)
        matchers[name] = matcher
    return Patterns(nlp=nlp, matchers=matchers, rules=rules)


@lru_cache(maxsize=4)
def tokens(text: str) -> Doc:
    """The tokenised text, made once per document however many matchers read it."""
    return load_patterns().nlp.make_doc(text)
