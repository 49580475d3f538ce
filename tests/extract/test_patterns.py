"""Every Matcher rule of the pattern files fires on a sentence written for it, and does its job.

decisions.jsonl carries its own examples (test_grammar.py runs them); the other files
(introducers, noting, asks, action_lines) are exercised here, one minute per rule. A rule
added to a pattern file without a sentence here fails the coverage test, so no rule can sit
unexercised: the issue found three that fired on no sample.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest

from minutebook.extract import describe, extract
from minutebook.extract.nlp import EXAMPLED, examples, load_patterns
from minutebook.ingest import load
from tests.extract.minutes import write_minutes


class Case(NamedTuple):
    rule: str  # "file:id"
    sentence: str
    kind: str  # of the one record the minute gives
    record_rule: str
    noting: bool
    owner: str | None


HEADING = "introducers:decision-heading"
CASES = [
    # introducers: what opens a decision clause, and whether it is a resolution or a
    # recommendation
    Case(
        HEADING,
        "RESOLVED that the Clerk write to the Highways Authority about the verge.",
        "resolution", HEADING, False, None,
    ),
    Case(
        "introducers:decision-heading-titlecase",
        "Resolved: that the grass cutting contract be renewed for a year.",
        "resolution", "introducers:decision-heading-titlecase", False, None,
    ),
    Case(
        "introducers:recommended-heading",
        "RECOMMENDED that the Cabinet adopt the play strategy.",
        "recommendation", "introducers:recommended-heading", False, None,
    ),
    Case(
        "introducers:recommended-titlecase",
        "Recommended: that the Cabinet adopt the play strategy.",
        "recommendation", "introducers:recommended-titlecase", False, None,
    ),
    # noting: a decision that only notes, receives or confirms is flagged noting
    Case("noting:be-noted", "RESOLVED that the report be noted.",
         "resolution", HEADING, True, None),
    Case("noting:note-the", "RESOLVED to note the report.",
         "resolution", HEADING, True, None),
    Case("noting:accept-the-papers", "RESOLVED to accept the correspondence.",
         "resolution", HEADING, True, None),
    Case("noting:correct-record", "RESOLVED that the minutes are a correct record.",
         "resolution", HEADING, True, None),
    Case("noting:adopted-as-published", "RESOLVED that the accounts be adopted as circulated.",
         "resolution", HEADING, True, None),
    Case("noting:confirmed-and-signed", "RESOLVED that the accounts be confirmed and signed.",
         "resolution", HEADING, True, None),
    # asks: a noting phrase beside something asked of someone is not "only noting"
    Case(
        "asks:requested",
        "RESOLVED that the report be noted and the Clerk be asked to reply.",
        "resolution", HEADING, False, "Clerk",
    ),
    Case(
        "asks:request-verb",
        "RESOLVED to note the report and ask the Clerk to reply.",
        "resolution", HEADING, False, "Clerk",
    ),
    Case(
        "asks:would-be",
        "RESOLVED that the report be noted; a further report will be presented in March.",
        "resolution", HEADING, False, None,
    ),
    Case(
        "asks:and-that",
        "RESOLVED that the report be noted and that the Clerk write to the owner.",
        "resolution", HEADING, False, None,
    ),
    # action_lines: instructions in running text, and who they are given to
    Case(
        "action_lines:role-to-verb",
        "Clerk to write to Highways about the verge.",
        "action", "action_lines:role-to-verb", False, "Clerk",
    ),
    Case(
        "action_lines:role-is-to-verb",
        "The Clerk is to write to Highways about the verge.",
        "action", "action_lines:role-is-to-verb", False, "Clerk",
    ),
    # initials declared in the attendance list own an action, printed as written (GUIDELINES:
    # initials stay initials); the owner form is the decision grammar's
    Case(
        "decisions:initials-to",
        "HR to obtain three quotes for the bench.",
        "action", "decisions:initials-to", False, "HR",
    ),
    # an "Action:" line under a decision gives its owner
    Case(
        "action_lines:action-label",
        "RESOLVED that the payments listed be approved.\n\nAction: Clerk",
        "resolution", HEADING + "+action-label", False, "Clerk",
    ),
    # French minutes label a follow-up the same way; this one is the action itself
    Case(
        "action_lines:follow-up-label",
        "Point de suivi : Anne Roy enverra la liste des points approuvés au comité.",
        "action", "action_lines:action-label", False, "Anne Roy",
    ),
]  # fmt: skip


def _minute(tmp_path: Path, body: str) -> Path:
    return write_minutes(tmp_path, body, present="Cllr Helen Richardson (HR)")


def _winning_rules(text: str) -> set[str]:
    """The rules that match once overlaps within each file are resolved, as extract sees them."""
    patterns = load_patterns()
    doc = patterns.nlp.make_doc(text)
    return {
        f"{rule.file}:{rule.id}" for f in patterns.matchers for rule, _ in patterns.matches(doc, f)
    }


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.rule)
def test_pattern_rule_fires_on_its_sentence(case: Case) -> None:
    assert case.rule in _winning_rules(case.sentence)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.rule)
def test_pattern_rule_gives_the_record_a_clerk_expects(tmp_path: Path, case: Case) -> None:
    records = extract(describe(load(_minute(tmp_path, case.sentence))))
    got = [(r.kind, r.rule, r.noting, r.owner, r.code, r.meeting_date) for r in records]
    assert got == [(case.kind, case.record_rule, case.noting, case.owner, "5", "2025-03-04")]


def test_pattern_noting_without_its_phrase_is_not_noting(tmp_path: Path) -> None:
    # the control for the noting cases: the same decision with no noting phrase
    (record,) = extract(describe(load(_minute(tmp_path, "RESOLVED that the report be sent."))))
    assert record.noting is False


def test_pattern_initials_of_someone_absent_are_no_owner(tmp_path: Path) -> None:
    # "NHS to provide": capitals followed by "to", but no one at the meeting has them
    path = _minute(tmp_path, "NHS to provide figures for the surgery.")
    assert extract(describe(load(path))) == []


def test_pattern_every_rule_has_a_sentence_that_fires_it() -> None:
    exampled = {
        f"{file}:{rule_id}"
        for file in EXAMPLED
        for rule_id, positive, _ in examples(file)
        if positive
    }
    covered = {c.rule for c in CASES} | exampled
    assert set(load_patterns().rules) == covered
