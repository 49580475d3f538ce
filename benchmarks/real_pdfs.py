"""Speed and memory on real council PDFs, every figure measured side by side in one run.

    .venv/bin/python benchmarks/real_pdfs.py                 # ../shared/bench/real-pdfs/
    .venv/bin/python benchmarks/real_pdfs.py --repeat 5      # medians of 5 rounds
    .venv/bin/python benchmarks/real_pdfs.py --pdfs DIR --every 4 --repeat 1

The folder holds PDFs as councils published them (Word, Aspose, ModernGov, Excel,
LibreOffice; see SOURCES.tsv there). Each tool runs as a process of its own and is
charged its CPU seconds (user + system, every process it started included), not wall
time: the machine is shared, and CPU seconds are what a busy machine keeps fair. Wall
time is printed beside them; it is the point only for 1 vs 2 workers and the re-run,
and says little unless the machine is otherwise idle (the load average is printed).

Every measurement is taken --repeat times, round by round (each round runs every tool
once, in the same order), and the median is printed.

- pdfplumber: a plain `page.extract_text()` loop, pages closed as they go;
- pypdfium2: `get_textpage().get_text_range()` per page (text only, no layout);
- minutebook: `minutebook ingest --workers 1` into a new database (start-up included),
  then `--workers 2` into another, then the first command again (nothing changed);
- the fast path's share: how many pages PDFium serves, and why the others are refused,
  and how many files load() reads into the same Document as pdfplumber alone does;
- start-up: `minutebook --help`, and `minutebook extract` of a one-page PDF;
- peak RSS: the largest resident set of any one process of the 1-worker ingest (the
  writer, the fork server or a worker).

Workers are forked by multiprocessing's fork server, a child of the ingest process that
nobody waits for, so their CPU seconds never reach the ingest's own rusage (`time
minutebook ingest` shows the writer's alone). This script makes itself the subreaper of
what it starts (prctl PR_SET_CHILD_SUBREAPER): the orphaned fork server is re-parented
here and waited for, and with it every worker it waited for.

Nothing here is asserted by the tests.
"""

from __future__ import annotations

import argparse
import compileall
import ctypes
import datetime
import io
import logging
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "bench" / "real-pdfs"
BIN = Path(sys.executable).parent
PR_SET_CHILD_SUBREAPER = 36

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


def become_subreaper() -> bool:
    """Adopt the orphans of what this process starts, so their CPU can be counted."""
    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    return bool(libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0)


def reap_orphans() -> None:
    """Wait for every process left over (a fork server and its resource tracker)."""
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return


class Run:
    """One child process: its CPU seconds (all its descendants included), wall seconds,
    and the peak RSS of the largest process so far."""

    def __init__(self, argv: list[str], cwd: Path | None = None) -> None:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.monotonic()
        done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, check=False)
        self.wall = time.monotonic() - start
        reap_orphans()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        # ru_maxrss of children is the largest of any child so far (kB on Linux): the
        # runs of a round go from small to large, so this one's is not hidden by an earlier
        self.peak_mb = after.ru_maxrss / 1024
        self.code = done.returncode
        self.stdout = done.stdout
        self.stderr = done.stderr


class Median:
    """The runs of one measurement over the rounds."""

    def __init__(self) -> None:
        self.runs: list[Run] = []

    def add(self, run: Run) -> Run:
        self.runs.append(run)
        return run

    def of(self, value: Callable[[Run], float]) -> float:
        return statistics.median(value(r) for r in self.runs)

    @property
    def cpu(self) -> float:
        return self.of(lambda r: r.cpu)

    @property
    def wall(self) -> float:
        return self.of(lambda r: r.wall)

    @property
    def peak_mb(self) -> float:
        # the first round's: in later rounds the largest child so far may be an earlier tool
        return self.runs[0].peak_mb


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


def documents_equal(files: list[Path]) -> tuple[int, int]:
    """How many files load() reads into the same Document with the fast path as with
    pdfplumber alone (MINUTEBOOK_PDF_FAST=0), of how many read either way."""
    from minutebook.errors import MinutebookError
    from minutebook.ingest import load, pdf_fast

    same = total = 0
    before = os.environ.get(pdf_fast.ENV_SWITCH)
    logging.disable(logging.WARNING)  # pdfminer's notes on odd fonts, as the CLI hides them
    try:
        for path in files:
            try:
                os.environ[pdf_fast.ENV_SWITCH] = "1"
                fast = load(path)
                os.environ[pdf_fast.ENV_SWITCH] = "0"
                slow = load(path)
            except MinutebookError:
                continue
            total += 1
            same += fast == slow
    finally:
        logging.disable(logging.NOTSET)
        if before is None:
            os.environ.pop(pdf_fast.ENV_SWITCH, None)
        else:
            os.environ[pdf_fast.ENV_SWITCH] = before
    return same, total


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
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--pdfs", type=Path, default=DEFAULT, help="folder of real PDFs")
    parser.add_argument("--every", type=int, default=1, help="take every Nth file")
    parser.add_argument("--repeat", type=int, default=3, help="rounds; medians are printed")
    args = parser.parse_args()
    files = sorted(args.pdfs.glob("*.pdf"))[:: args.every]
    if not files:
        raise SystemExit(f"no PDFs in {args.pdfs}")
    sys.path.insert(0, str(ROOT))
    # an installed package has its bytecode; with PYTHONDONTWRITEBYTECODE set (as here) an
    # editable one would compile minutebook's modules again in every process measured
    compileall.compile_dir(ROOT / "minutebook", quiet=1)
    adopted = become_subreaper()
    minutebook = str(BIN / "minutebook")
    python = sys.executable
    names = [str(f) for f in files]
    single = one_page_pdf(files)
    loads = [os.getloadavg()[0]]
    print(
        f"corpus: {len(files)} PDFs from {args.pdfs}; {os.cpu_count()} cores; "
        f"{platform.python_implementation()} {platform.python_version()}; "
        f"{datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}; {args.repeat} rounds, "
        "medians",
        flush=True,
    )
    if not adopted:
        print("warning: not a subreaper here; workers' CPU seconds are not counted")

    help_run, extract_run, one, plumber, pdfium, two, again = (Median() for _ in range(7))
    pages = 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        # the corpus is copied so the re-run sees the very files the first run stored
        corpus = work / "corpus"
        corpus.mkdir()
        for f in files:
            shutil.copy2(f, corpus / f.name)
        for round_no in range(args.repeat):
            for db in work.glob("w*.db*"):
                db.unlink()
            # smallest first: a child's peak RSS is read as the largest of all so far
            for _ in range(3):  # start-up is quick and noisy: three samples a round
                help_run.add(Run([minutebook, "--help"]))
                if single:
                    extract_run.add(Run([minutebook, "extract", "-f", "jsonl", str(single)]))
            w1 = [minutebook, "ingest", str(corpus), "--db", str(work / "w1.db"), "-w", "1"]
            run = one.add(Run([*w1, "-q"]))
            plumber_run = plumber.add(Run([python, "-c", PDFPLUMBER_LOOP, *names]))
            pages = int(plumber_run.stdout.strip() or 0)
            pdfium.add(Run([python, "-c", PYPDFIUM_LOOP, *names]))
            w2 = [minutebook, "ingest", str(corpus), "--db", str(work / "w2.db"), "-w", "2"]
            two.add(Run([*w2, "-q"]))
            again.add(Run([*w1, "-q"]))
            for label, m in (("ingest -w 1", one), ("ingest -w 2", two), ("re-run", again)):
                last = m.runs[-1]
                if last.code not in (0, 1):  # 1: some files failed, which the summary says
                    print(f"{label} exited {last.code}: {last.stderr[-2000:]}", file=sys.stderr)
            loads.append(os.getloadavg()[0])
            print(
                f"round {round_no + 1}: ingest -w 1 {run.cpu:.1f} CPU-s {run.wall:.1f} s wall, "
                f"load {loads[-1]:.1f}",
                flush=True,
            )
        failed = [ln for ln in one.runs[-1].stderr.splitlines() if "failed" in ln.lower()][-1:]
        print(f"ingest -w 1 exit {one.runs[-1].code}; {' '.join(failed) or 'no failures'}")

    served, total, reasons = fast_path_share(files)
    equal, compared = documents_equal(files)

    def rate(m: Median) -> str:
        return f"{pages / m.cpu:8.1f} pages/CPU-s  ({m.cpu:6.1f} CPU-s, {m.wall:6.1f} s wall)"

    print(f"load average (1 min) during the rounds: {min(loads):.1f}-{max(loads):.1f}")
    print(f"pages: {pages}")
    print(f"pdfplumber extract_text loop:   {rate(plumber)}")
    print(f"pypdfium2 get_text_range loop:  {rate(pdfium)}")
    print(f"minutebook ingest --workers 1:  {rate(one)}")
    print(f"minutebook ingest --workers 2:  {rate(two)}")
    print(f"unchanged re-run (-w 1):        {again.cpu:.2f} CPU-s, {again.wall:.2f} s wall")
    print(f"minutebook --help:              {help_run.cpu:.2f} CPU-s, {help_run.wall:.2f} s wall")
    if single is not None:
        print(
            f"minutebook extract (1 page):    {extract_run.cpu:.2f} CPU-s, "
            f"{extract_run.wall:.2f} s wall  ({single.name})"
        )
    print(f"fast path: {served} of {total} pages ({100 * served / max(total, 1):.0f}%)")
    for reason, n in reasons.most_common():
        print(f"    refused, {reason}: {n} ({100 * n / max(total, 1):.0f}%)")
    print(f"documents the same as pdfplumber alone reads them: {equal} of {compared}")
    print(f"1. ingest -w 1 vs pdfplumber:   {plumber.cpu / one.cpu:.2f}x pages per CPU-s")
    print(f"2. -w 2 vs -w 1 (wall):         {one.wall / two.wall:.2f}x")
    print(f"3. first run vs re-run (wall):  {one.wall / again.wall:.0f}x")
    print(f"4. peak RSS, any one process of the 1-worker ingest: {one.peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
