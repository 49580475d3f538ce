"""What FTS triggers cost on upsert, and how fast search and the views answer at scale.

Run: .venv/bin/python benchmarks/analytics.py [copies]   (default 200 copies of samples/)

Each copy upserts every sample's records under a new source name, so the database holds
copies x 81 records. Prints timings; asserts nothing.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import sqlite_utils

from minutebook.extract import describe, extract
from minutebook.ingest import load
from minutebook.models import Document, Record
from minutebook.store import open_db, upsert
from minutebook.store.analytics import Filters, overdue, search
from minutebook.store.schema import _core

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _parsed() -> list[tuple[Document, list[Record]]]:
    out = []
    for path in sorted(SAMPLES.iterdir()):
        doc = describe(load(path))
        out.append((doc, extract(doc)))
    return out


def _fill(
    db: sqlite_utils.Database, parsed: list[tuple[Document, list[Record]]], copies: int
) -> tuple[float, float]:
    """Wall and CPU seconds: wall is mostly the per-document commit's fsync, CPU is our cost."""
    start, cpu = time.perf_counter(), time.process_time()
    for n in range(copies):
        for doc, records in parsed:
            copy = doc.model_copy(update={"source": f"copy{n}/{Path(doc.source).name}"})
            upsert(db, copy, [r.model_copy(update={"source": copy.source}) for r in records])
    return time.perf_counter() - start, time.process_time() - cpu


def _time(label: str, fn: object, repeat: int = 20) -> None:
    assert callable(fn)
    start = time.perf_counter()
    for _ in range(repeat):
        result = fn()
    ms = (time.perf_counter() - start) / repeat * 1000
    print(f"  {label:<48} {ms:8.2f} ms  ({len(result)} rows)")


def main(copies: int) -> None:
    parsed = _parsed()
    with tempfile.TemporaryDirectory() as tmp:
        v1 = sqlite_utils.Database(Path(tmp) / "v1.db")
        _core(v1)  # schema v1 only: no FTS triggers, no extra indexes
        t1 = _fill(v1, parsed, copies)
        v3 = open_db(Path(tmp) / "v3.db")
        t3 = _fill(v3, parsed, copies)
        n = v3.execute("select count(*) from records").fetchone()[0]
        print(f"{n} records ({copies} copies of samples/)")
        print(f"  upsert, schema v1 (no FTS):   wall {t1[0]:6.2f} s, CPU {t1[1]:6.2f} s")
        print(f"  upsert, schema v3 (FTS+idx):  wall {t3[0]:6.2f} s, CPU {t3[1]:6.2f} s")
        print(
            f"  size: v1 {Path(tmp, 'v1.db').stat().st_size / 1e6:.1f} MB, "
            f"v3 {Path(tmp, 'v3.db').stat().st_size / 1e6:.1f} MB"
        )
        _time("search 'tribunal'", lambda: search(v3, "tribunal", Filters()))
        _time(
            "LIKE '%tribunal%' scan",
            lambda: list(v3.query("select id from records where text like '%tribunal%'")),
        )
        _time("search 'SEND' --since 2022", lambda: search(v3, "SEND", Filters(since="2022")))
        _time(
            "search --owner 'Liz Mills' --open",
            lambda: search(v3, None, Filters(owner="Liz Mills", open_only=True)),
        )
        _time(
            "LIKE '%SEND%' scan (what FTS replaces)",
            lambda: list(
                v3.query(
                    "select id from records where text like '%SEND%' or item_title like '%SEND%'"
                )
            ),
        )
        _time("overdue(today=2024-01-01)", lambda: overdue(v3, date(2024, 1, 1)))
        for view in (
            "open_items",
            "decisions_by_meeting",
            "records_by_owner",
            "counts_by_committee_year",
        ):
            _time(
                f"select * from {view}",
                lambda view=view: list(v3.query(f"select * from {view}")),
                5,
            )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
