"""spaCy on a blank English pipeline, with Matchers built from the pattern files."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

# first: spaCy, imported without its command line (spacy_import.py says why)
from minutebook.extract import spacy_import  # noqa: F401

# isort: split
import spacy
from spacy.errors import MatchPatternError
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from minutebook.errors import PatternFileError
from minutebook.extract.anchors import Anchors, anchors_of
from minutebook.extract.vocab import decider_words, pattern_path, person_title_words

PATTERN_FILES = ("introducers", "noting", "asks", "action_lines", "decisions", "instructions")
# files whose every entry must carry positive and negative example sentences
# and the forms their entries may take
EXAMPLED: dict[str, frozenset[str]] = {
    "decisions": frozenset({"active", "passive", "nominal", "motion", "previous", "owner"}),
    # instruction: a passive instruction with no actor ("Letter to be sent to the owner."),
    # a resolution only where it opens its sentence or list item
    # tag-after: initials and "Action" after the sentence they own ("... will be issued. MG
    # Action."), a right-hand Action column flattened into the text
    "instructions": frozenset({"owner", "instruction", "tag-after"}),
    # subject: a board's verb in capitals ("The Board RATIFIED ..."), a clause only with
    # the body as its subject or a stem naming the body above its list
    "introducers": frozenset({"heading", "subject"}),
    # phrase: notes unless something is asked too; minutes: the meeting's own minutes are
    # confirmed, approved or signed, which is a noting whatever else the clause says
    "noting": frozenset({"phrase", "minutes"}),
    # request: someone is asked to act; joined: a second clause follows ("and that ..."),
    # which asks something of a noting phrase but not of confirmed minutes ("... be signed")
    "asks": frozenset({"request", "joined"}),
}


@dataclass(frozen=True)
class Rule:
    """One line of a pattern file."""

    id: str
    label: str
    form: str
    file: str
    # longest match in tokens; bounds a "+" wildcard, which spaCy runs in linear time where
    # a "{1,25}" one is expanded into 24 optional tokens and its paths multiply
    max_tokens: int | None = None
    # words that may not stand just before the match ("as agreed.", "had been resolved."):
    # checked after matching, since a leading NOT_IN token would open a match at every token
    not_after: frozenset[str] = frozenset()
    # ... and words that may not come just after it ("CARRIED OUT", "CARRIED FORWARD"): a
    # trailing token would stop a match at the end of a document
    not_before: frozenset[str] = frozenset()


# below this many tokens a document is matched whole: finding windows would cost more
_WINDOWED_FROM = 200


@dataclass
class Patterns:
    nlp: Language
    matchers: dict[str, Matcher]
    rules: dict[str, Rule]
    # per file, where its matches can lie (anchors.py); a file missing here is matched whole
    anchors: dict[str, Anchors]

    def matches(self, doc: Doc, file: str, windowed: bool = True) -> list[tuple[Rule, Span]]:
        """Non-overlapping matches of one pattern file, longest first where they overlap.

        `windowed` runs the Matcher only around the file's anchor words, which finds the
        same matches; False matches the whole document (tests compare the two)."""
        anchors = self.anchors.get(file) if windowed and len(doc) >= _WINDOWED_FROM else None
        if anchors is None:
            found = self.matchers[file](doc, as_spans=True)
        else:
            found = [
                span
                for start, end in anchors.windows(doc)
                for span in self.matchers[file](doc[start:end], as_spans=True)
            ]
        bounded = [s for s in found if self._fits(doc, s)]
        # overlapping matches ("RESOLVED" and "RESOLVED:") resolve to the longest
        spans = filter_spans(bounded)
        return [(self._rule(s), s) for s in spans]

    def _fits(self, doc: Doc, span: Span) -> bool:
        """Within its rule's max_tokens, and with no word of its not_after just before it or
        of its not_before just after it."""
        rule = self._rule(span)
        if rule.max_tokens is not None and len(span) > rule.max_tokens:
            return False
        if rule.not_after and span.start > 0 and doc[span.start - 1].lower_ in rule.not_after:
            return False
        return not (
            rule.not_before and span.end < len(doc) and doc[span.end].lower_ in rule.not_before
        )

    def _rule(self, span: Span) -> Rule:
        return self.rules[self.nlp.vocab.strings[span.label]]


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
        if name in EXAMPLED:
            _check_entry(f"{path}:{lineno}", row, EXAMPLED[name], FILE_LABELS[name])
        rows.append((lineno, row))
    return rows


LABELS = frozenset({"resolution", "recommendation", "action"})
# the labels an entry of each exampled file may carry
FILE_LABELS = {
    "decisions": LABELS,
    "instructions": LABELS,
    "introducers": LABELS,
    "noting": frozenset({"noting"}),
    "asks": frozenset({"asks"}),
}


def _check_entry(
    where: str, row: dict[str, Any], forms: frozenset[str], labels: frozenset[str]
) -> None:
    """A grammar entry names a known label and form and has examples of both kinds."""
    if row["label"] not in labels:
        raise PatternFileError(where, f"label {row['label']!r} is not one of {sorted(labels)}")
    if row.get("form") not in forms:
        raise PatternFileError(where, f"form {row.get('form')!r} is not one of {sorted(forms)}")
    examples = row.get("examples")
    if not isinstance(examples, dict) or not all(
        isinstance(examples.get(k), list) and examples[k] for k in ("positive", "negative")
    ):
        raise PatternFileError(where, "needs examples.positive and examples.negative sentences")


@cache
def role_words() -> tuple[str, ...]:
    """Head words of the role titles in roles.txt ("Parish Clerk" -> "clerk"), so a token
    pattern {"ROLE": true} names the same roles the owner finder knows."""
    from minutebook.extract.people import roles

    return tuple(sorted({r.split()[-1].lower() for r in roles()}))


def _expand(pattern: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for token in pattern:
        if "PERSON_TITLE" in token:
            # {"PERSON_TITLE": true}: "Cllr", "Mrs." ... as written before a name;
            # false: any word but those (person_titles.txt, one list for every reader)
            wanted = token["PERSON_TITLE"]
            token = {k: v for k, v in token.items() if k != "PERSON_TITLE"}
            words = person_title_words()
            if wanted:
                token["TEXT"] = {
                    "IN": sorted({f"{w.capitalize()}{dot}" for w in words for dot in ("", ".")})
                }
            else:
                refused = token.get("LOWER", {}).get("NOT_IN", [])
                token["LOWER"] = {"NOT_IN": sorted({*refused, *words, *(f"{w}." for w in words)})}
        if "DECIDER" in token:
            # {"DECIDER": true}: the words of deciders.txt, and any the token lists too
            # ({"DECIDER": true, "LOWER": {"IN": ["we"]}})
            token = {k: v for k, v in token.items() if k != "DECIDER"}
            extra = token.get("LOWER", {}).get("IN", [])
            token["LOWER"] = {"IN": sorted({*decider_words(), *extra})}
        if "ROLE" in token:
            # {"ROLE": true, "LOWER": {"IN": ["members"]}}: the roles and a few more words;
            # false: any word but a role's head word
            wanted = token["ROLE"]
            lower = token.get("LOWER", {})
            token = {k: v for k, v in token.items() if k != "ROLE"}
            if wanted:
                token["LOWER"] = {"IN": sorted({*role_words(), *lower.get("IN", [])})}
            else:
                token["LOWER"] = {"NOT_IN": sorted({*role_words(), *lower.get("NOT_IN", [])})}
        out.append(token)
    return out


def examples(file: str) -> list[tuple[str, list[str], list[str]]]:
    """(rule id, positive, negative) example sentences of an exampled pattern file."""
    return [
        (row["id"], row["examples"]["positive"], row["examples"]["negative"])
        for _, row in _read_jsonl(file)
    ]


def examples_present(file: str) -> dict[str, str]:
    """Rule id -> the attendance line its examples are read under ("examples.present"):
    an owner named by first name or initials is one only if the minutes list that person,
    so these entries' examples say who attended."""
    return {
        row["id"]: row["examples"]["present"]
        for _, row in _read_jsonl(file)
        if isinstance(row["examples"].get("present"), str)
    }


@cache
def blank_english() -> Language:
    """spacy.blank("en"), whose tokenizer every Matcher reads: 0.2 CPU-s to build (its
    special cases and affix rules), and the same whatever the pattern files say. Built
    once a process; the ingest fork server builds it before it forks any worker."""
    return spacy.blank("en")


@cache
def load_patterns() -> Patterns:
    """One Matcher per pattern file on the blank pipeline; validate every pattern."""
    nlp = blank_english()
    matchers: dict[str, Matcher] = {}
    rules: dict[str, Rule] = {}
    anchors: dict[str, Anchors] = {}
    for name in PATTERN_FILES:
        matcher = Matcher(nlp.vocab, validate=True)
        expanded: list[tuple[list[dict[str, Any]], int | None]] = []
        for lineno, row in _read_jsonl(name):
            key = f"{name}:{row['id']}"
            if key in rules:
                raise PatternFileError(f"{name}.jsonl:{lineno}", f"duplicate id {row['id']!r}")
            pattern = _expand(row["pattern"])
            try:
                matcher.add(key, [pattern])
            except (MatchPatternError, ValueError) as exc:
                raise PatternFileError(f"{name}.jsonl:{lineno}", str(exc).strip()) from exc
            bound = row.get("max_tokens")
            if bound is not None and (not isinstance(bound, int) or bound < 1):
                raise PatternFileError(f"{name}.jsonl:{lineno}", "max_tokens must be a count")
            words: dict[str, frozenset[str]] = {}
            for side in ("not_after", "not_before"):
                listed = row.get(side, [])
                if not isinstance(listed, list) or not all(isinstance(w, str) for w in listed):
                    raise PatternFileError(
                        f"{name}.jsonl:{lineno}", f"{side} must be a list of words"
                    )
                words[side] = frozenset(w.lower() for w in listed)
            rules[key] = Rule(
                row["id"],
                row["label"],
                row.get("form", ""),
                name,
                bound,
                words["not_after"],
                words["not_before"],
            )
            expanded.append((pattern, bound))
        matchers[name] = matcher
        found = anchors_of(expanded, nlp.Defaults.stop_words, nlp.vocab.strings)
        if found is not None:
            anchors[name] = found
    return Patterns(nlp=nlp, matchers=matchers, rules=rules, anchors=anchors)


# A block's first words (action_labels and labelled_actions read every block's) are kept
# apart from longer texts: thousands of them between two finders evicted the document's
# own tokens, and find_instructions tokenised the whole text again: on the benchmark PDFs
# spaCy tokenised 2.4 times their text, now 1.3 times.
_SHORT_TEXT = 100


def tokens(text: str) -> Doc:
    """The tokenised text, made once per document however many matchers read it."""
    return _short_tokens(text) if len(text) <= _SHORT_TEXT else _long_tokens(text)


@lru_cache(maxsize=4)
def _long_tokens(text: str) -> Doc:
    return load_patterns().nlp.make_doc(text)


@lru_cache(maxsize=4)
def _short_tokens(text: str) -> Doc:
    return load_patterns().nlp.make_doc(text)
