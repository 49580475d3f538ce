"""Time lifecycle.rebuild() on a database of the samples plus N editions of the Surrey tracker.

Usage: .venv/bin/python benchmarks/lifecycle_rebuild.py [EDITIONS]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from minutebook.extract import describe, extract
from minutebook.ingest import load
from minutebook.lifecycle import rebuild
from minutebook.store import open_db, upsert

ROOT = Path(__file__).resolve().parent.parent


def main(editions: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = open_db(folder / "bench.db")
        sample = (ROOT / "samples" / "surrey_cfllc_tracker_2022-12.txt").read_text(encoding="utf-8")
        paths = sorted(p for p in (ROOT / "samples").iterdir() if p.is_file())
        for n in range(editions):
            year, month = 2023 + n // 12, n % 12 + 1
            path = folder / f"surrey_cfllc_tracker_{year}-{month:02d}.txt"
            path.write_text(sample.replace("has been circulated", f"was circulated ({n})"), "utf-8")
            paths.append(path)
        for run, path in enumerate(paths, start=1):
            db.table("runs").insert({"id": run, "command": "bench"})
            doc = describe(load(path))
            upsert(db, doc, extract(doc), run)
        records = db.table("records").count
        start = time.perf_counter()
        result = rebuild(db)
        took = time.perf_counter() - start
        print(
            f"{len(paths)} documents, {records} records -> {result.recommendations} "
            f"recommendations, {result.events} events, {result.links} links in {took:.2f}s"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 24)
