"""Speed and memory on real council PDFs, every figure measured side by side in one run.

    .venv/bin/python benchmarks/real_pdfs.py                 # ../shared/bench/real-pdfs/
    .venv/bin/python benchmarks/real_pdfs.py --pdfs DIR --every 4

The folder holds PDFs as councils published them (Word, Aspose, ModernGov, Excel,
LibreOffice; see SOURCES.tsv there). Each tool runs as a process of its own and is
charged its CPU seconds (user + system, its children included, from getrusage), not
wall time: the machine is shared, and CPU seconds are what a busy machine keeps fair.
Wall time is printed only where it is the point (1 vs 2 workers, re-run).

- pdfplumber: a plain `page.extract_text()` loop, pages closed as they go;
- pypdfium2: `get_textpage().get_text_range()` per page (text only, no layout);
- minutebook: `minutebook ingest --workers 1` into a new database (start-up included),
  then `--workers 2` into another, then the same command again (nothing changed);
- the fast path's share: how many pages PDFium serves, and why the others are refused;
- start-up: `minutebook --help`, and `minutebook extract` of a one-page PDF;
- peak RSS: the largest resident set of any process of the 1-worker ingest.

Nothing here is asserted by the tests.
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "bench" / "real-pdfs"
BIN = Path(sys.executable).parent

PDFPLUMBER_LOOP = """
import sys, pdfplumber
n = 0
for name in sys.argv[1:]:
    with pdfplumber.open(name) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
            n += 1
print(n)
"""

PYPDFIUM_LOOP = """
import sys, pypdfium2
n = 0
for name in sys.argv[1:]:
    doc = pypdfium2.PdfDocument(name)
    for page in doc:
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
        n += 1
    doc.close()
print(n)
"""


class Run:
    """One child process: its CPU seconds (children included), wall seconds, peak RSS."""

    def __init__(self, argv: list[str], cwd: Path | None = None) -> None:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.monotonic()
        done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, check=False)
        self.wall = time.monotonic() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        # ru_maxrss of children is the largest of any child so far (kB on Linux): the
        # runs go from small to large, so this one's figure is not hidden by an earlier one
        self.peak_mb = after.ru_maxrss / 1024
        self.code = done.returncode
        self.stdout = done.stdout
        self.stderr = done.stderr


def fast_path_share(files: list[Path]) -> tuple[int, int, Counter[str]]:
    """Pages the PDFium path serves, all pages, and the reasons for the rest."""
    import pdfplumber

    from minutebook.ingest import pdf_fast

    served = total = 0
    reasons: Counter[str] = Counter()
    for path in files:
        data = path.read_bytes()
        fast = pdf_fast.open_fast(data)
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                total += 1
                if fast is None:
                    reasons["PDFium cannot open the file"] += 1
                elif fast.page_parts(page.page_number - 1, tuple(page.bbox)) is not None:
                    served += 1
                else:
                    reasons[fast.refusal or "?"] += 1
                page.close()
        if fast is not None:
            fast.close()
    return served, total, reasons


def one_page_pdf(files: list[Path]) -> Path | None:
    import pypdfium2

    for path in files:
        doc = pypdfium2.PdfDocument(path)
        try:
            if len(doc) == 1:
                return path
        finally:
            doc.close()
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pdfs", type=Path, default=DEFAULT, help="folder of real PDFs")
    parser.add_argument("--every", type=int, default=1, help="take every Nth file")
    args = parser.parse_args()
    files = sorted(args.pdfs.glob("*.pdf"))[:: args.every]
    if not files:
        raise SystemExit(f"no PDFs in {args.pdfs}")
    sys.path.insert(0, str(ROOT))
    minutebook = str(BIN / "minutebook")
    python = sys.executable
    names = [str(f) for f in files]
    print(f"corpus: {len(files)} PDFs from {args.pdfs} on {os.cpu_count()} cores", flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        # the corpus is copied so the re-run sees the very files the first run stored
        corpus = work / "corpus"
        corpus.mkdir()
        for f in files:
            shutil.copy2(f, corpus / f.name)

        # smallest first: a child's peak RSS is read as the largest of all children so far
        help_run = Run([minutebook, "--help"])
        single = one_page_pdf(files)
        extract = Run([minutebook, "extract", str(single)]) if single else None
        one = Run([minutebook, "ingest", str(corpus), "--db", str(work / "w1.db"), "-w", "1", "-q"])
        plumber = Run([python, "-c", PDFPLUMBER_LOOP, *names])
        pages = int(plumber.stdout.strip() or 0)
        pdfium = Run([python, "-c", PYPDFIUM_LOOP, *names])
        two = Run([minutebook, "ingest", str(corpus), "--db", str(work / "w2.db"), "-w", "2", "-q"])
        again = Run(
            [minutebook, "ingest", str(corpus), "--db", str(work / "w1.db"), "-w", "1", "-q"]
        )
        for label, run in (("ingest -w 1", one), ("ingest -w 2", two), ("re-run", again)):
            if run.code not in (0, 1):  # 1: some files failed, which the summary says
                print(f"{label} exited {run.code}: {run.stderr[-2000:]}", file=sys.stderr)
        failed = [ln for ln in one.stderr.splitlines() if "failed" in ln.lower()][-1:]
        print(f"ingest -w 1 exit {one.code}; {' '.join(failed) or 'no failures reported'}")

    served, total, reasons = fast_path_share(files)

    def rate(run: Run) -> str:
        return f"{pages / run.cpu:8.1f} pages/CPU-s  ({run.cpu:6.1f} CPU-s, {run.wall:6.1f} s wall)"

    print(f"pages: {pages}")
    print(f"pdfplumber extract_text loop:   {rate(plumber)}")
    print(f"pypdfium2 get_text_range loop:  {rate(pdfium)}")
    print(f"minutebook ingest --workers 1:  {rate(one)}  peak RSS {one.peak_mb:.0f} MB")
    print(f"minutebook ingest --workers 2:  {rate(two)}")
    print(f"unchanged re-run (-w 1):        {again.cpu:.2f} CPU-s, {again.wall:.2f} s wall")
    print(f"minutebook --help:              {help_run.cpu:.2f} CPU-s")
    if extract is not None:
        print(
            f"minutebook extract (1 page):    {extract.cpu:.2f} CPU-s  ({single and single.name})"
        )
    print(f"fast path: {served} of {total} pages ({100 * served / max(total, 1):.0f}%)")
    for reason, n in reasons.most_common():
        print(f"    refused, {reason}: {n} ({100 * n / max(total, 1):.0f}%)")
    print(f"1. ingest -w 1 vs pdfplumber:   {plumber.cpu / one.cpu:.2f}x pages per CPU-s")
    print(f"2. -w 2 vs -w 1 (wall):         {one.wall / two.wall:.2f}x")
    print(f"3. first run vs re-run (wall):  {one.wall / again.wall:.0f}x")
    print(f"4. peak RSS, 1-worker ingest:   {one.peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
