"""Databases built from the samples and from minutes written in the samples' style."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from minutebook.extract import describe, extract
from minutebook.ingest import load
from minutebook.lifecycle import rebuild
from minutebook.store import open_db, upsert

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def ingest(db_path: Path, *paths: Path) -> sqlite_utils.Database:
    """Store each file as one run, in the order given, then rebuild the lifecycle."""
    db = open_db(db_path)
    for path in paths:
        run_id = int(db.execute("select coalesce(max(id), 0) + 1 from runs").fetchone()[0])
        db.table("runs").insert({"id": run_id, "command": f"test {path.name}"})
        doc = describe(load(path))
        upsert(db, doc, extract(doc), run_id)
    rebuild(db)
    return db


def recommendation(db: sqlite_utils.Database, code: str) -> dict[str, object]:
    rows = list(db.query("select * from recommendations where code = ?", [code]))
    assert len(rows) == 1, f"{len(rows)} recommendations with code {code}"
    return rows[0]


def events(db: sqlite_utils.Database, code: str) -> list[dict[str, object]]:
    rec = recommendation(db, code)
    return list(
        db.query(
            "select * from recommendation_events where recommendation_id = ? order by seq",
            [rec["id"]],
        )
    )
