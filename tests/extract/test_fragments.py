"""No record is a fragment (issue 13): every record's text is a clause a clerk can use."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from minutebook.extract import describe, extract
from minutebook.ingest import load
from tests.conftest import sample_paths

# the issue's definition: fewer than three words, or ending in a word that needs more after it
_DANGLING = re.compile(r"(?:\b(?:to|that|and|of|by|with|the)|:)\W*$", re.IGNORECASE)


def fragment(text: str) -> bool:
    return len(text.split()) < 3 or bool(_DANGLING.search(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("that", True),
        ("that Cabinet agree to", True),
        ("Agreed unanimously.", True),
        ("RESOLVED that Council:", True),
        ("that we join.", False),
        ("That the report be noted.", False),
    ],
)
def test_fragment_rule_is_the_issues(text: str, expected: bool) -> None:
    assert fragment(text) is expected


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.name)
def test_no_record_is_a_fragment(path: Path) -> None:
    texts = [r.text for r in extract(describe(load(path)))]
    assert [t for t in texts if fragment(t)] == []
