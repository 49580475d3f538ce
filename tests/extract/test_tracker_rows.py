"""A record knows whether it was read from a tracker's row, by a field, not its rule name."""

from __future__ import annotations

from minutebook.extract import describe, extract
from minutebook.ingest import load
from tests.conftest import SAMPLES


def test_tracker_rows_are_marked_and_running_text_is_not() -> None:
    tracker = extract(describe(load(SAMPLES / "surrey_cfllc_tracker_2022-12.txt")))
    minutes = extract(describe(load(SAMPLES / "leics_cfosc_minutes_2025-09-02.txt")))
    assert len(tracker) == 15
    assert all(r.tracker_row for r in tracker)
    assert minutes
    assert not any(r.tracker_row for r in minutes)
