"""Meeting date and committee from each sample's header, checked against the human gold."""

from __future__ import annotations

import re
from typing import Any

import pytest

from minutebook.extract import describe
from minutebook.ingest import load
from tests.conftest import SAMPLES, gold_documents


def _norm(text: str | None) -> str:
    return re.sub(r"[^a-z]+", " ", (text or "").lower()).strip()


@pytest.mark.parametrize("gold", gold_documents(), ids=lambda d: d["document"])
def test_meeting_date_from_header(gold: dict[str, Any]) -> None:
    doc = describe(load(SAMPLES / gold["document"]))
    assert doc.meeting_date == gold["document_date"]


def test_committee_from_header() -> None:
    found = 0
    golds = gold_documents()
    for gold in golds:
        got = _norm(describe(load(SAMPLES / gold["document"])).committee)
        want = _norm(gold["committee"])
        found += bool(got) and (want in got or got in want)
    # Leicester's page has no header naming its commission; every other sample has one
    assert found >= len(golds) - 1
