"""upsert(): one transaction per document, stable ids, nothing duplicated or deleted."""

from __future__ import annotations

import hashlib
import re
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from minutebook.cli import app
from minutebook.extract import describe, extract
from minutebook.ingest import load
from minutebook.models import Record
from minutebook.store import open_db, upsert
from minutebook.store.schema import record_columns
from minutebook.store.upsert import record_rows
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


# Issue 14.1: two clauses under one code that differ only in an accent, an underscore or
# in non-Latin letters got the same id, and the whole document failed to store.
TWIN_CLAUSES = {
    "accents": ("That the café lease be renewed.", "That the cafè lease be renewed."),
    "underscore": ("That the cafe_lease be renewed.", "That the cafe lease be renewed."),
    "greek": ("That the καφέ lease be renewed.", "That the λέσχη lease be renewed."),
}


@pytest.mark.parametrize("twins", TWIN_CLAUSES.values(), ids=list(TWIN_CLAUSES))
def test_ingest_keeps_both_clauses_that_differ_only_in_letters_ids_ignore(
    tmp_path: Path, twins: tuple[str, str]
) -> None:
    source = tmp_path / "c.txt"
    source.write_text(
        "PARISH COUNCIL\n\n2ND MARCH 2025\n\nSPCLL.5 CAFE\n\n"
        f"RESOLVED – {twins[0]}\n\nRESOLVED – {twins[1]}\n",
        encoding="utf-8",
    )
    db = tmp_path / "c.db"
    args = ["ingest", str(source), "--db", str(db), "--workers", "1"]
    first = CliRunner().invoke(app, args)
    assert first.exit_code == 0, first.stderr
    with sqlite3.connect(db) as conn:
        stored = conn.execute("select id, text from records order by start").fetchall()
        assert conn.execute("select count(*) from failures").fetchone()[0] == 0
    assert [text for _, text in stored] == list(twins)
    again = CliRunner().invoke(app, [*args, "--force"])
    assert again.exit_code == 0, again.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("select id, text from records order by start").fetchall() == stored


def _record(text: str, code: str | None) -> Record:
    return Record(
        kind="resolution",
        code=code,
        text=text,
        source="minutes.txt",
        sha256="a" * 64,
        page=1,
        start=0,
        end=1,
        rule="test",
    )


@given(
    st.lists(
        st.tuples(st.text(min_size=1, max_size=12), st.sampled_from([None, "5", "SPCLL.5"])),
        min_size=1,
        max_size=8,
    )
)
def test_record_rows_ids_are_unique_whatever_the_clauses(
    clauses: list[tuple[str, str | None]],
) -> None:
    rows = record_rows("doc", [_record(text, code) for text, code in clauses])
    assert len({row["id"] for row in rows}) == len(rows)


def test_ascii_clause_ids_are_those_earlier_releases_stored() -> None:
    # re-ingesting an existing database must not see every record as new
    record = _record("That the Clerk's report (£5,000) be NOTED.", "SPCLL.5")
    norm = re.sub(r"[^a-z0-9]+", " ", record.text.lower()).strip()
    old_key = "\x1f".join(["doc", "resolution", "SPCLL.5", norm, "0"])
    assert record.record_id("doc") == hashlib.sha256(old_key.encode()).hexdigest()[:16]
