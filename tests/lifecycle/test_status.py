"""Status from progress text, and outstanding/past-deadline against a given date."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minutebook.extract import describe, extract
from minutebook.extract.status import STATUSES, parse_vocabulary, read_status
from minutebook.ingest import load
from minutebook.lifecycle.due import days_outstanding
from minutebook.models.lifecycle import Recommendation
from minutebook.store.standing import standing_sql
from tests.conftest import SAMPLES
from tests.lifecycle.conftest import ingest, recommendation

SURREY = SAMPLES / "surrey_cfllc_tracker_2022-12.txt"

# Read from the tracker's own Update/Response column (December 2022 edition).
SURREY_STATUSES = {
    # "The Committee had an informal meeting with social care staff on 24 November 2022."
    "CFLLC 27/22": "completed",
    # "A response has been circulated to the Members."
    "CFLLC 18/22": "completed",
    "CFLLC 26/22": "completed",
    # "... report ... that has been published ahead of going to Cabinet ..."
    "CFLLC 28/22": "completed",
    # "The new Inclusion and Additional Needs Strategy is due to come to the Committee in
    # December 2022."
    "CFLLC 3/21": "in progress",
    # "The draft Strategy is on the agenda at the December meeting."
    "CFLLC 21/22": "in progress",
    # "... the detail will be provided in the report in March 2023."
    "CFLLC 23/22": "in progress",
    # "... we are not yet in a position to provide this."
    "CFLLC 29/22": "in progress",
}


def test_status_surrey_rows_read_from_their_progress() -> None:
    records = {r.code: r for r in extract(describe(load(SURREY)))}
    for code, expected in SURREY_STATUSES.items():
        reading = read_status(records[code].progress)
        assert reading.status == expected, code
        # the words that decided it are the tracker's own
        assert reading.words is not None
        assert reading.words in (records[code].progress or "")


def test_status_surrey_statuses_stored(tmp_path: Path) -> None:
    db = ingest(tmp_path / "m.db", SURREY)
    for code, expected in SURREY_STATUSES.items():
        assert recommendation(db, code)["status"] == expected, code
    assert recommendation(db, "CFLLC 18/22")["status_words"] == "has been circulated"


def test_status_nelincs_rows(tmp_path: Path) -> None:
    db = ingest(tmp_path / "m.db", SAMPLES / "nelincs_cllsp_tracker_2026-01-15.txt")
    # "The recommendation was approved by Cabinet on 10th December 2025."
    assert recommendation(db, "SPCLL.40")["status"] == "completed"
    # SPCLL.43's progress cell is empty
    assert recommendation(db, "SPCLL.43")["status"] == "not started"
    assert recommendation(db, "SPCLL.43")["status_words"] is None


@pytest.mark.parametrize(
    ("progress", "expected"),
    [
        ("Not yet completed; the report will be ready in March.", "in progress"),
        ("Signed off as no longer required, priorities have changed.", "no longer required"),
        ("Completed.", "completed"),
        ("No progress reported.", "not started"),
        ("   ", "not started"),
        (None, "not started"),
        ("The officer has been on leave.", "in progress"),  # no cue: the default
    ],
)
def test_status_precedence(progress: str | None, expected: str) -> None:
    assert read_status(progress).status == expected


@given(st.text())
def test_status_any_text_reads_as_a_status(text: str) -> None:
    reading = read_status(text)
    assert reading.status in STATUSES
    assert reading.words is None or reading.words in text


@pytest.mark.parametrize(
    "data",
    [
        {"precedence": ["completed"], "empty": "not started", "default": "in progress", "cues": {}},
        {
            "precedence": list(STATUSES),
            "empty": "done",
            "default": "in progress",
            "cues": {},
        },
        {
            "precedence": list(STATUSES),
            "empty": "not started",
            "default": "in progress",
            "cues": {"completed": ["(unclosed"]},
        },
        {
            "precedence": list(STATUSES),
            "empty": "not started",
            "default": "in progress",
            "cues": {"finished": ["done"]},
        },
    ],
)
def test_status_bad_vocabulary_is_refused(data: dict[str, object]) -> None:
    with pytest.raises(ValueError, match=r"precedence|empty|cues"):
        parse_vocabulary(data)


def _rec(status: str, meeting: str | None, deadline: str | None) -> Recommendation:
    return Recommendation.model_validate(
        {
            "id": "rec-x",
            "kind": "action",
            "text": "x",
            "meeting_date": meeting,
            "first_seen_source": "t.txt",
            "deadline": deadline,
            "status": status,
            "events": 1,
        }
    )


def _standing(status: str, deadline: str | None, day: date) -> str:
    sql = "select " + standing_sql(":status", ":deadline", ":day")
    row = sqlite3.connect(":memory:").execute(
        sql, {"status": status, "deadline": deadline, "day": day.isoformat()}
    )
    return str(row.fetchone()[0])


def test_status_outstanding_and_past_deadline_on_a_date() -> None:
    rec = _rec("in progress", "2022-10-04", "2022-12")
    assert days_outstanding(rec, date(2022, 10, 14)) == 10
    # "December 2022" is not past until December is over
    assert _standing("in progress", "2022-12", date(2022, 12, 31)) == "open"
    assert _standing("in progress", "2022-12", date(2023, 1, 1)) == "overdue"
    assert _standing("not started", "2024-02", date(2024, 2, 29)) == "open"
    assert _standing("not started", "2024-02", date(2024, 3, 1)) == "overdue"
    assert _standing("not started", "2023", date(2023, 12, 31)) == "open"
    assert _standing("not started", None, date(2099, 1, 1)) == "open"
    done = _rec("completed", "2022-10-04", "2022-12")
    assert days_outstanding(done, date(2023, 1, 1)) is None
    assert _standing("completed", "2022-12", date(2023, 1, 1)) == "completed"
    assert _standing("no longer required", "2022-12", date(2023, 1, 1)) == "withdrawn"
