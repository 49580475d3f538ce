"""Overlaps between finders are settled in one place (extract.resolve), by precedence."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from pathlib import Path

import pytest

from minutebook.extract import describe, extract
from minutebook.extract.outline import build_outline
from minutebook.extract.pipeline import FINDERS
from minutebook.extract.resolve import Context, Finder, resolve
from minutebook.extract.trackers import tracker_rows
from minutebook.ingest import load
from minutebook.models import Record
from tests.conftest import SAMPLES, sample_paths


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.name)
def test_no_two_records_read_the_same_words(path: Path) -> None:
    records = extract(describe(load(path)))
    for a, b in itertools.pairwise(sorted(records, key=lambda r: r.start)):
        assert a.end <= b.start, (a.text[:60], b.text[:60])


def test_earlier_finder_wins_an_overlap() -> None:
    # Kent County Council minutes: 'RESOLVED that ...' clauses, read by the clause finder
    doc = describe(load(SAMPLES / "kent_county-council_2025-03-13.pdf"))
    rows, covered = tracker_rows(doc)
    ctx = Context(doc, build_outline(doc), doc.meeting_date, tuple(rows), frozenset(covered))
    clauses = next(f for f in FINDERS if f.name == "clauses")
    proposed = clauses.find(ctx, ())
    assert len(proposed) > 5
    first = proposed[0]

    def wider(_: Context, accepted: Sequence[Record]) -> list[Record]:
        # the same words read again with a few more around them, as a later finder might
        return [first.model_copy(update={"start": first.start - 5, "rule": "test:wider"})]

    kept = resolve(ctx, [clauses, Finder("wider", wider)])
    assert [r.rule for r in kept if r.start <= first.start < r.end] == [first.rule]
    kept = resolve(ctx, [Finder("wider", wider), clauses])
    assert "test:wider" in {r.rule for r in kept}
    assert first.rule not in {r.rule for r in kept if r.start == first.start}
