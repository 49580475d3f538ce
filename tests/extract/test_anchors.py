"""Matching around anchor words finds exactly what matching the whole document finds.

The windows are a speed-up only (anchors.py says why): on every sample, for every pattern
file that has anchors, the matches must be the whole document's, and the windows must
leave out most of a long document, or they buy nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from minutebook.extract.anchors import anchors_of, longest
from minutebook.extract.nlp import PATTERN_FILES, blank_english, load_patterns, tokens
from tests.conftest import SAMPLES, loaded

SAMPLE_FILES = sorted(
    p for p in SAMPLES.iterdir() if p.suffix in {".pdf", ".html", ".txt", ".docx"}
)


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_windowed_matches_are_the_whole_documents_matches(path: Path) -> None:
    patterns = load_patterns()
    doc = tokens(loaded(path).text)
    compared = 0
    for file in PATTERN_FILES:
        if file not in patterns.anchors:
            continue
        windowed = [(r.id, s.start, s.end) for r, s in patterns.matches(doc, file)]
        whole = [(r.id, s.start, s.end) for r, s in patterns.matches(doc, file, windowed=False)]
        assert windowed == whole, file
        compared += 1
    assert compared >= 3  # decisions, introducers and action_lines have anchors


def test_windows_leave_out_most_of_long_minutes() -> None:
    patterns = load_patterns()
    doc = tokens(loaded(SAMPLES / "kent_cabinet_2025-01-30.pdf").text)
    assert len(doc) > 8000
    for file in ("decisions", "introducers", "action_lines"):
        covered = sum(end - start for start, end in patterns.anchors[file].windows(doc))
        assert covered < 0.5 * len(doc), file


def test_the_anchor_is_the_content_word_with_its_reach() -> None:
    nlp = blank_english()
    pattern: list[dict[str, Any]] = [
        {"LOWER": "it"},
        {"LOWER": {"IN": ["was", "is"]}},
        {"LOWER": {"IN": ["unanimously", "duly"]}, "OP": "?"},
        {"LOWER": {"IN": ["agreed", "resolved"]}},
        {"TEXT": {"IN": [".", ";"]}},
    ]
    found = anchors_of([(pattern, None)], nlp.Defaults.stop_words, nlp.vocab.strings)
    assert found is not None
    # not "it" or "was": stop words; not the full stop: punctuation
    agreed = nlp.vocab.strings["agreed"]
    assert set(found.lower) == {agreed, nlp.vocab.strings["resolved"]}
    assert found.lower[agreed] == (3, 1)  # up to "it was unanimously" before, "." after
    assert found.orth == {}
    doc = nlp.make_doc("Members spoke at length. It was unanimously agreed. The meeting closed.")
    ((start, end),) = found.windows(doc)
    assert doc[start:end].text == "It was unanimously agreed."


def test_windows_merge_where_they_touch_and_stop_at_the_edges() -> None:
    nlp = blank_english()
    pattern: list[dict[str, Any]] = [{"LOWER": "motion"}, {"LOWER": "carried"}]
    found = anchors_of([(pattern, None)], nlp.Defaults.stop_words, nlp.vocab.strings)
    assert found is not None
    doc = nlp.make_doc("motion carried motion carried then nothing else here motion")
    # the first two overlap and merge; the last one's reach is cut at the end
    assert found.windows(doc) == [(0, 4), (8, 9)]
    assert found.windows(nlp.make_doc("")) == []


def test_a_pattern_without_anchor_or_bound_makes_the_file_match_whole() -> None:
    nlp = blank_english()
    stop, strings = nlp.Defaults.stop_words, nlp.vocab.strings
    anchorless: list[dict[str, Any]] = [
        {"IS_TITLE": True},
        {"LOWER": {"IN": ["to", "will"]}, "OP": "?"},
    ]
    unbounded: list[dict[str, Any]] = [{"LOWER": "proposed"}, {"OP": "+"}, {"LOWER": "agreed"}]
    bounded: list[dict[str, Any]] = [{"LOWER": "motion"}, {"LOWER": "carried"}]
    assert anchors_of([(bounded, None), (anchorless, None)], stop, strings) is None
    assert anchors_of([(unbounded, None)], stop, strings) is None
    # max_tokens bounds the wildcard: the match ends within 26 tokens of "proposed" (of
    # two equally rare words the first anchors)
    capped = anchors_of([(unbounded, 27)], stop, strings)
    assert capped is not None
    assert capped.lower == {strings["proposed"]: (0, 26)}


@pytest.mark.parametrize(
    ("op", "most"),
    [
        ("", 1),
        ("?", 1),
        ("!", 1),
        ("+", None),
        ("*", None),
        ("{3}", 3),
        ("{1,3}", 3),
        ("{,2}", 2),
        ("{2,}", None),
    ],
)
def test_longest_counts_what_one_pattern_token_can_take(op: str, most: int | None) -> None:
    token = {"LOWER": "x", "OP": op} if op else {"LOWER": "x"}
    assert longest(token) == most


def test_a_negated_token_takes_a_token_of_the_match() -> None:
    """spaCy's "!" matches one token that is not the spec: "a x c" for a, !b, c."""
    nlp = blank_english()
    pattern: list[dict[str, Any]] = [
        {"LOWER": "motion"},
        {"LOWER": "not", "OP": "!"},
        {"LOWER": "carried"},
    ]
    found = anchors_of([(pattern, None)], nlp.Defaults.stop_words, nlp.vocab.strings)
    assert found is not None
    assert found.lower[nlp.vocab.strings["motion"]] == (0, 2)
    doc = nlp.make_doc("The motion duly carried.")
    ((start, end),) = found.windows(doc)
    assert doc[start:end].text == "motion duly carried"
