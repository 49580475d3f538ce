"""How the review views and the report scale: N copies of the text samples, every 5th
record reviewed, one clause reworded per copy, then align, query and render.

    .venv/bin/python benchmarks/report_bench.py [copies]
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from minutebook.app import batch
from minutebook.app.report import render
from minutebook.store import open_db
from minutebook.store.lineage import align_changes
from minutebook.store.reviews import Decision, append
from minutebook.store.runs import finish_run, start_run

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def ingest(db_path: Path, folder: Path) -> int:
    db = open_db(db_path)
    run_id = start_run(db, f"ingest {folder}")
    outcomes = [batch.process_file(p, db, run_id) for p in batch.iter_files([folder])]
    finish_run(
        db,
        run_id,
        documents=sum(o.ok for o in outcomes),
        records=sum(o.records for o in outcomes),
        failures=sum(not o.ok for o in outcomes),
    )
    return run_id


def main(copies: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        for i in range(copies):
            for src in SAMPLES.glob("*.txt"):
                shutil.copy(src, folder / f"{i:03d}_{src.name}")
        db_path = Path(tmp) / "m.db"
        ingest(db_path, folder)
        db = open_db(db_path)
        rows = list(db.query("select id, text_hash from records order by id"))
        decisions = [
            Decision(
                r["id"], "edit", "bench", None, (("owner", "Head of Service"),), r["text_hash"]
            )
            for r in rows[::5]
        ]
        append(db, decisions)
        for path in folder.glob("*leics*"):
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace("service annually.", "service twice a year."))
        run2 = ingest(db_path, folder)

        t = time.perf_counter()
        linked = align_changes(db)
        t_align = time.perf_counter() - t
        t = time.perf_counter()
        effective = list(db.query("select * from effective_records"))
        t_view = time.perf_counter() - t
        t = time.perf_counter()
        html = render(db, list(db.query("select * from runs where id = ?", [run2])), "bench")
        t_render = time.perf_counter() - t
        print(
            f"{copies} copies: {len(rows)} records, {len(decisions)} reviewed, "
            f"{linked} lineage rows\n"
            f"align_changes {t_align * 1000:.0f} ms; "
            f"select * from effective_records ({len(effective)} rows) {t_view * 1000:.0f} ms; "
            f"render {t_render * 1000:.0f} ms, {len(html) / 1024:.0f} KiB"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
