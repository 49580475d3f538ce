"""The language of minutes beyond the samples: forms the rules must read, and what is no record.

The documents in data/ were written for these tests; the expectations below come from
reading them, clause by clause.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from minutebook.extract import describe, extract
from minutebook.ingest import load
from minutebook.models import Record

DATA = Path(__file__).parent / "data"
PATTERNS = Path(__file__).resolve().parents[2] / "minutebook" / "extract" / "patterns"


def _records(name: str) -> list[Record]:
    return extract(describe(load(DATA / name)))


def _by_text(records: list[Record], fragment: str) -> Record:
    hits = [r for r in records if fragment in r.text]
    assert len(hits) == 1, f"{fragment!r}: {[r.text for r in records]}"
    return hits[0]


def test_parish_minutes_prose_decisions_and_actions() -> None:
    records = _records("parish_minutes.txt")
    assert all(r.meeting_date == "2025-03-03" for r in records)
    minutes = _by_text(records, "be approved and signed as a correct record")
    assert (minutes.kind, minutes.code, minutes.noting) == ("resolution", "25/03", True)
    assert minutes.item_title == "Minutes of the previous meeting"
    highways = _by_text(records, "Clerk to write to Highways")
    assert (highways.kind, highways.owner, highways.code) == ("action", "Clerk", "25/04")
    grit = _by_text(records, "fund a new grit bin")
    assert (grit.kind, grit.code, grit.noting) == ("resolution", "25/04", False)
    planning = _by_text(records, "make no objection")
    assert planning.code == "25/05"
    payments = _by_text(records, "approve the payments listed")
    assert payments.owner == "Clerk"  # from the "Action: Clerk" line under it
    assert "Cllr Jones" not in payments.text  # proposer and seconder are not the clause
    swing = _by_text(records, "contact the contractor")
    assert (swing.kind, swing.owner) == ("action", "Chairman")
    quotes = _by_text(records, "obtain three quotes")
    assert quotes.owner == "Helen Richardson"  # HR, from the attendance list
    assert quotes.deadline == "2025-04-30"
    # a lost motion and apologies are not records
    assert not [r for r in records if "close the play area" in r.text or "Apologies" in r.text]
    assert len(records) == 7


def test_municipal_district_minutes() -> None:
    records = _records("municipal_district_minutes.txt")
    roads = _by_text(records, "Roads Programme 2023 be adopted")
    assert (roads.code, roads.item_title, roads.meeting_date) == (
        "14/06/5.01",
        "Roads Programme 2023",
        "2023-06-14",
    )
    assert "Murphy" not in roads.text
    grants = _by_text(records, "grants be awarded")
    assert grants.code == "14/06/5.03"
    footpath = _by_text(records, "inspect the footpath")
    assert footpath.owner == "Area Engineer"
    minister = _by_text(records, "write to the Minister")
    assert minister.kind == "resolution"  # "... This was agreed."
    assert minister.code == "14/06/5.04"
    assert not [r for r in records if "correspondence was noted" in r.text.lower()]
    assert len(records) == 4


def test_french_minutes_yield_no_invented_records_and_a_warning() -> None:
    doc = describe(load(DATA / "french_minutes.txt"))
    assert extract(doc) == []
    assert any("does not read as English" in w for w in doc.warnings)


@pytest.mark.parametrize("path", sorted(PATTERNS.iterdir()), ids=lambda p: p.name)
def test_pattern_files_name_no_sample_council(path: Path) -> None:
    """Rules come from the language of minutes, not from the seeds' councils or people."""
    text = path.read_text(encoding="utf-8").lower()
    for name in (
        "leicester",
        "leicestershire",
        "surrey",
        "lincolnshire",
        "nelincs",
        "kent",
        "burton",
        "walden",
        "manordeilo",
        "salem",
        "nipissing",
        "carmarthenshire",
        "cflcc",
        "cfllc",
        "spcll",
        "lado",
        "loynton",
        "chalapenko",
        "richardson",
    ):
        assert name not in text, f"{path.name} names {name!r}"
