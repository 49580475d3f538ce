"""reviews, record_lineage and the effective views: decisions that survive re-runs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from minutebook.extract import describe, extract
from minutebook.ingest import load
from minutebook.store import open_db, upsert
from minutebook.store.lineage import align_changes, pair
from minutebook.store.reviews import (
    EDITABLE,
    REVIEW_EXTRAS,
    Decision,
    append,
    record_row,
    validate_edits,
)
from tests.conftest import SAMPLES

NELINCS = "nelincs_cllsp_minutes_2020-07-09.txt"
FORWARD_PLAN = "That the Forward Plan be noted."  # line 59 of the minutes


def ingest(db: sqlite_utils.Database, path: Path, run_id: int) -> None:
    db.table("runs").insert({"id": run_id, "started_at": f"2026-01-0{run_id}T09:00:00+00:00"})
    doc = describe(load(path))
    upsert(db, doc, extract(doc), run_id)
    align_changes(db)


@pytest.fixture
def minutes(tmp_path: Path) -> Path:
    path = tmp_path / "minutes.txt"
    path.write_text((SAMPLES / NELINCS).read_text(encoding="utf-8"), encoding="utf-8")
    return path


@pytest.fixture
def db(tmp_path: Path, minutes: Path) -> sqlite_utils.Database:
    database = open_db(tmp_path / "m.db")
    ingest(database, minutes, 1)
    return database


def by_text(db: sqlite_utils.Database, text: str, view: str = "reviewed_records") -> dict[str, Any]:
    rows = list(db.query(f"select * from {view} where text = ? and status = 'current'", [text]))
    assert len(rows) == 1, rows
    return rows[0]


def decide(db: sqlite_utils.Database, row: dict[str, Any], action: str, **edits: str) -> None:
    pairs = validate_edits(row, edits) if edits else ()
    append(db, [Decision(row["id"], action, "tester", None, pairs, row["text_hash"])])  # type: ignore[arg-type]


def test_effective_view_is_records_columns_plus_review_extras(db: sqlite_utils.Database) -> None:
    records = [c.name for c in db.table("records").columns]
    effective = [c.name for c in db.view("effective_records").columns]
    assert effective == [*records, *REVIEW_EXTRAS]


def test_unreviewed_records_pass_through_unchanged(db: sqlite_utils.Database) -> None:
    raw = list(db.query("select * from records order by id"))
    effective = list(db.query("select * from effective_records order by id"))
    assert [{k: r[k] for k in raw[0]} for r in effective] == raw
    assert {(r["review_state"], r["review_stale"]) for r in effective} == {(None, 0)}


def test_reject_hides_and_a_later_accept_restores(db: sqlite_utils.Database) -> None:
    row = by_text(db, FORWARD_PLAN)
    decide(db, row, "reject")
    hidden = list(db.query("select id from effective_records where id = ?", [row["id"]]))
    assert hidden == []
    decide(db, row, "accept")
    assert by_text(db, FORWARD_PLAN, "effective_records")["review_state"] == "accepted"
    assert db.table("reviews").count == 2  # append-only: the rejection is still on record


def test_edit_applies_latest_value_and_can_clear(db: sqlite_utils.Database) -> None:
    row = by_text(db, FORWARD_PLAN)
    decide(db, row, "edit", owner="Head of Service", deadline="2026-03")
    decide(db, row, "edit", owner="Scrutiny Officer")
    edited = by_text(db, FORWARD_PLAN, "effective_records")
    assert (edited["owner"], edited["deadline"], edited["review_state"]) == (
        "Scrutiny Officer",
        "2026-03",
        "edited",
    )
    decide(db, row, "edit", deadline="")
    assert by_text(db, FORWARD_PLAN, "effective_records")["deadline"] is None
    # the records table itself is never touched by a review
    assert db.execute("select owner from records where id = ?", [row["id"]]).fetchone()[0] is None


def test_edit_noting_is_stored_as_a_flag(db: sqlite_utils.Database) -> None:
    row = by_text(db, FORWARD_PLAN)
    assert row["noting"] == 1  # "be noted"
    decide(db, row, "edit", noting="false")
    assert by_text(db, FORWARD_PLAN, "effective_records")["noting"] == 0


@pytest.mark.parametrize(
    ("edits", "message"),
    [
        ({"deadline": "31/03/2026"}, "deadline"),
        ({"deadline": "2026-02-30"}, "deadline"),
        ({"kind": "motion"}, "kind"),
        ({"text": ""}, "text"),
        ({"ownr": "Clerk"}, "cannot edit 'ownr'"),
        ({"page": "2"}, "cannot edit 'page'"),
        ({"rule": "made-up"}, "cannot edit 'rule'"),
    ],
)
def test_edits_are_checked_by_the_model(
    db: sqlite_utils.Database, edits: dict[str, str], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        validate_edits(by_text(db, FORWARD_PLAN), edits)


def test_editable_fields_exclude_provenance() -> None:
    assert "owner" in EDITABLE
    assert "deadline" in EDITABLE
    assert not {"source", "sha256", "page", "start", "end", "rule", "warnings"} & set(EDITABLE)


def test_reworded_clause_carries_its_review_as_stale(
    db: sqlite_utils.Database, minutes: Path
) -> None:
    old = by_text(db, FORWARD_PLAN)
    decide(db, old, "edit", owner="Head of Service")
    text = minutes.read_text(encoding="utf-8")
    minutes.write_text(
        text.replace(FORWARD_PLAN, "That the Forward Plan be noted and published."),
        encoding="utf-8",
    )
    ingest(db, minutes, 2)
    new = by_text(db, "That the Forward Plan be noted and published.", "effective_records")
    assert new["id"] != old["id"]
    assert (new["owner"], new["review_state"], new["review_stale"]) == (
        "Head of Service",
        "edited",
        1,
    )
    # every other record of the document was left alone, and so was every review row
    assert (
        db.execute("select count(*) from reviewed_records where review_stale = 1").fetchone()[0]
        == 1
    )
    assert db.table("reviews").count == 1
    assert list(db.query("select old_id, new_id, run_id from record_lineage")) == [
        {"old_id": old["id"], "new_id": new["id"], "run_id": 2}
    ]


def test_reingest_and_realign_change_no_review(db: sqlite_utils.Database, minutes: Path) -> None:
    decide(db, by_text(db, FORWARD_PLAN), "accept")
    before = list(db.query("select * from reviews"))
    ingest(db, minutes, 2)
    assert align_changes(db) == 0  # nothing new to align: idempotent
    assert list(db.query("select * from reviews")) == before
    assert by_text(db, FORWARD_PLAN, "effective_records")["review_stale"] == 0


def test_a_deleted_clause_has_no_successor(db: sqlite_utils.Database, minutes: Path) -> None:
    old = by_text(db, FORWARD_PLAN)
    decide(db, old, "accept")
    minutes.write_text(
        minutes.read_text(encoding="utf-8").replace(f"RESOLVED – {FORWARD_PLAN}", ""),
        encoding="utf-8",
    )
    ingest(db, minutes, 2)
    assert list(db.query("select old_id, new_id from record_lineage")) == [
        {"old_id": old["id"], "new_id": None}
    ]
    assert record_row(db, old["id"])["status"] == "removed"  # type: ignore[index]


def rec(ident: str, text: str, code: str | None = None, kind: str = "resolution") -> dict[str, Any]:
    return {"id": ident, "text": text, "code": code, "kind": kind}


def test_pair_prefers_a_renumbered_identical_clause() -> None:
    # (d) was deleted and the old (e) became (d): the new (d) is the old (e), not the old (d)
    old = [
        rec("old-d", "That the Director report on complaints to the Ombudsman.", "25(d)"),
        rec("old-e", "That members visit the new youth centre in March.", "25(e)"),
    ]
    new = [rec("new-d", "That members visit the new youth centre in March.", "25(d)")]
    assert pair(old, new) == [("old-e", "new-d", 1.0)]


def test_pair_links_same_code_and_similar_text_but_not_strangers() -> None:
    old = [
        rec("a", "That the budget be approved.", "7"),
        rec("b", "That the clerk write to Highways about the potholes on Mill Lane.", None),
        rec("c", "That the play area be closed for repairs.", None),
    ]
    new = [
        rec("a2", "That the revised budget be approved with amendments.", "7"),
        rec("b2", "That the clerk write to Highways about the potholes on Church Lane.", None),
        rec("z", "That a new bench be bought for the green.", None),
    ]
    pairs = {o: n for o, n, _ in pair(old, new)}
    assert pairs == {"a": "a2", "b": "b2"}
