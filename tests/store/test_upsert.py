"""upsert(): one transaction per document, stable ids, nothing duplicated or deleted."""

from __future__ import annotations

from pathlib import Path

import pytest

from minutebook.extract import describe, extract
from minutebook.ingest import load
from minutebook.store import open_db, upsert
from minutebook.store.schema import record_columns
from tests.conftest import SAMPLES


def _rows(db_path: Path) -> list[dict[str, object]]:
    db = open_db(db_path)
    return list(db.query("select * from records order by id"))


def test_upsert_twice_changes_nothing(tmp_path: Path) -> None:
    db = open_db(tmp_path / "m.db")
    doc = describe(load(SAMPLES / "surrey_cfllc_tracker_2022-12.txt"))
    records = extract(doc)
    first = upsert(db, doc, records, run_id=1)
    before = _rows(tmp_path / "m.db")
    second = upsert(db, doc, records, run_id=2)
    assert len(first.new) == len(records) == len(before) == 15
    assert second.new == second.updated == second.removed == []
    assert _rows(tmp_path / "m.db") == before


def test_upsert_identical_clauses_get_distinct_ids(tmp_path: Path) -> None:
    db = open_db(tmp_path / "m.db")
    doc = describe(load(SAMPLES / "nelincs_cllsp_minutes_2020-07-09.txt"))
    records = extract(doc)
    noted = [r for r in records if r.text == "That the report be noted."]
    assert len(noted) == 3  # SPCLL.5, SPCLL.7 and SPCLL.9 each note a report
    upsert(db, doc, records)
    assert db.table("records").count == len(records)


def test_upsert_marks_vanished_records_removed(tmp_path: Path) -> None:
    source = tmp_path / "minutes.txt"
    text = (SAMPLES / "nelincs_cllsp_minutes_2020-07-09.txt").read_text(encoding="utf-8")
    source.write_text(text, encoding="utf-8")
    db = open_db(tmp_path / "m.db")
    doc = describe(load(source))
    upsert(db, doc, extract(doc), run_id=1)
    source.write_text(
        text.replace("RESOLVED – That the Forward Plan be noted.", ""), encoding="utf-8"
    )
    doc2 = describe(load(source))
    result = upsert(db, doc2, extract(doc2), run_id=2)
    assert len(result.removed) == 1
    removed = list(
        db.query("select text, status, removed_run from records where status = 'removed'")
    )
    assert removed == [
        {"text": "That the Forward Plan be noted.", "status": "removed", "removed_run": 2}
    ]
    assert db.table("records").count == 5  # kept, not deleted


def test_upsert_failure_mid_document_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_db(tmp_path / "m.db")
    doc = describe(load(SAMPLES / "leics_cfosc_minutes_2025-09-02.txt"))
    records = extract(doc)
    table = db.table("records")
    calls = {"n": 0}
    original = type(table).insert

    def failing_insert(self, row, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 5:
            raise RuntimeError("disk full")
        return original(self, row, *args, **kwargs)

    monkeypatch.setattr(type(table), "insert", failing_insert)
    with pytest.raises(RuntimeError):
        upsert(db, doc, records)
    assert db.table("records").count == 0
    assert db.table("documents").count == 0


def test_record_table_columns_come_from_the_model(tmp_path: Path) -> None:
    db = open_db(tmp_path / "m.db")
    assert set(db.table("records").columns_dict) == set(record_columns())
