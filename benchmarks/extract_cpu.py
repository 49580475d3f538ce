"""Extraction CPU per page: what extract() costs once a document is loaded.

Issue 13 asks that the outline-first extractor cost no more CPU per page than the one before
it. Loading is left out (benchmarks/batch.py and issue 15 measure it); each document is
loaded first, then describe() + extract() are timed on it, CPU seconds (process time).

    python benchmarks/extract_cpu.py [--real N] [--repeat R] [--real-dir DIR]

Reads samples/ and the first N PDFs of ../shared/bench/real-pdfs (real council minutes and
agendas). Prints pages, CPU seconds and pages per CPU-second for each set.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from minutebook.extract import describe, extract
from minutebook.ingest import load
from minutebook.models import Document

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "bench" / "real-pdfs"


def _loaded(paths: list[Path]) -> list[Document]:
    docs = []
    for path in paths:
        try:
            docs.append(load(path))
        except Exception as exc:  # noqa: BLE001 - a benchmark skips what it cannot read
            print(f"  skipped {path.name}: {exc}")
    return docs


def _measure(name: str, docs: list[Document], repeat: int) -> None:
    pages = sum(max(b.page for b in d.blocks) if d.blocks else 1 for d in docs)
    for d in docs[:1]:
        extract(describe(d))  # build the spaCy pipeline and pattern matchers outside the timing
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        records = sum(len(extract(describe(d))) for d in docs)
        best = min(best, time.process_time() - start)
    print(
        f"{name:28s} docs {len(docs):4d}  pages {pages:5d}  records {records:5d}  "
        f"CPU {best:7.2f} s  {pages / best:7.1f} pages/CPU-s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--real", type=int, default=40, help="how many real PDFs (default 40)")
    parser.add_argument("--repeat", type=int, default=3, help="best of R runs (default 3)")
    parser.add_argument("--real-dir", type=Path, default=REAL, help="folder of real PDFs")
    args = parser.parse_args()
    samples = sorted(p for p in (ROOT / "samples").iterdir() if p.is_file())
    _measure("samples/", _loaded(samples), args.repeat)
    if args.real_dir.is_dir():
        real = sorted(args.real_dir.glob("*.pdf"))[: args.real]
        _measure(f"real-pdfs (first {len(real)})", _loaded(real), args.repeat)


if __name__ == "__main__":
    main()
