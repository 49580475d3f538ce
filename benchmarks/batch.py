"""Batch speed and memory: builds a corpus from the samples and prints four ratios.

    .venv/bin/python benchmarks/batch.py            # 200 PDFs of 15 pages + 20 HTML pages
    .venv/bin/python benchmarks/batch.py --pdfs 40  # quicker

1. pipeline pages/s (minutebook ingest, all cores) vs a plain pdfplumber extract_text loop
2. minutebook ingest --workers 2 vs --workers 1
3. first run vs a re-run over the same unchanged files
4. peak RSS of one worker on a 300-page PDF

Every timing is the wall time of a real `minutebook ingest` process, start-up included.
Rates (1, 2) are measured on a subset of 60 PDFs so the plain loop stays short, yet long
enough that they measure throughput rather than the few seconds of start-up (spawning
workers, importing spaCy) that a nightly batch of thousands of files pays once; that
start-up is printed on its own. The re-run (3) is over the whole corpus. Nothing here is
asserted by the tests.
"""

from __future__ import annotations

import argparse
import html
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pdfplumber
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import LongTable, PageBreak, Paragraph, SimpleDocTemplate, TableStyle

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fixtures import minutes_html, sample_lines, tracker_rows  # noqa: E402

MINUTES = (
    "nelincs_cllsp_minutes_2020-07-09.txt",
    "leics_cfosc_minutes_2025-09-02.txt",
    "leicester_cyped_minutes_2025.txt",
)
TRACKER = "surrey_cfllc_tracker_2022-12.txt"


def minutes_with_tracker(
    out: Path, text_pages: int, table_repeat: int, seed: int, font_size: float = 10
) -> Path:
    """Minutes paragraphs from the samples for about `text_pages` pages, then a ruled
    tracker of `table_repeat` times the first 9 rows of the Surrey tracker (~3 pages)."""
    styles = getSampleStyleSheet()
    small = styles["BodyText"].clone("small", fontSize=7, leading=8)
    body = styles["BodyText"].clone("body", fontSize=font_size, leading=font_size * 1.2)
    lines = [ln for name in MINUTES for ln in sample_lines(name) if ln and "\t" not in ln]
    story: list[object] = [Paragraph(f"Minutes, meeting {seed}", styles["Heading1"])]
    # ~3,600 characters fill an A4 page of 10-point text
    target = int(text_pages * 3600 * (10 / font_size) ** 2)
    written, i = 0, seed
    while written < target:
        line = lines[i % len(lines)]
        story.append(Paragraph(html.escape(line), body))
        written += len(line)
        i += 1
    story.append(PageBreak())
    header, rows = tracker_rows(TRACKER)
    width = len(header)
    data = [[Paragraph(html.escape(c), small) for c in header]]
    for _ in range(table_repeat):
        for row in rows[:9]:
            padded = [""] * (width - len(row)) + row if len(row) < width else row[:width]
            data.append([Paragraph(html.escape(c), small) for c in padded])
    table = LongTable(data, repeatRows=1, colWidths=[(A4[0] - 2 * cm) / width] * width)
    table.setStyle(
        TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    story.append(table)
    SimpleDocTemplate(str(out), pagesize=A4, leftMargin=cm, rightMargin=cm).build(story)
    return out


def build_corpus(root: Path, pdfs: int, htmls: int) -> tuple[Path, Path]:
    """pdf/ holds `pdfs` files of ~15 pages (12 of text, 3 of tracker table); all/ adds HTML."""
    pdf_dir, all_dir = root / "pdf", root / "all"
    pdf_dir.mkdir()
    all_dir.mkdir()
    # ten distinct documents, copied under many names: each copy is its own document
    originals = [
        minutes_with_tracker(root / f"original-{k}.pdf", 12, 3, seed=k * 37) for k in range(10)
    ]
    for n in range(pdfs):
        shutil.copy(originals[n % 10], pdf_dir / f"minutes-{n:04d}.pdf")
        shutil.copy(originals[n % 10], all_dir / f"minutes-{n:04d}.pdf")
    names = [p.name for p in (ROOT / "samples").glob("*.txt")]
    for n in range(htmls):
        minutes_html(names[n % len(names)], all_dir / f"page-{n:04d}.html")
    return pdf_dir, all_dir


def pages_of(paths: list[Path]) -> int:
    total = 0
    for p in paths:
        with pdfplumber.open(p) as pdf:
            total += len(pdf.pages)
    return total


def plain_loop(paths: list[Path]) -> float:
    """Seconds for the simplest possible extraction: pdfplumber extract_text, page by page."""
    started = time.perf_counter()
    for p in paths:
        with pdfplumber.open(io.BytesIO(p.read_bytes())) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.close()
    return time.perf_counter() - started


def ingest(folder: Path, db: Path, *extra: str) -> float:
    command = [str(ROOT / ".venv/bin/minutebook"), "ingest", str(folder), "--db", str(db)]
    started = time.perf_counter()
    subprocess.run([*command, "--quiet", *extra], check=True, capture_output=True)
    return time.perf_counter() - started


def worker_peak_rss_mb(pdf: Path) -> float:
    """Peak RSS of a process doing exactly a worker's job (load, describe, extract) on pdf."""
    code = (
        "import resource, sys; from pathlib import Path; from minutebook.app.batch import analyse; "
        "a = analyse(Path(sys.argv[1])); "
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, a.reason or 'ok', "
        "a.document.pages if a.document else 0, len(a.records))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(pdf)], check=True, capture_output=True, text=True
    )
    peak_kb, status, pages, records = out.stdout.split()
    print(f"    {pages}-page PDF in one worker: {status}, {records} records")
    return int(peak_kb) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pdfs", type=int, default=200)
    parser.add_argument("--html", type=int, default=20)
    parser.add_argument("--subset", type=int, default=60, help="PDFs timed for the rates")
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="minutebook-bench-") as tmp:
        root = Path(tmp)
        print(f"building corpus in {root} ...")
        pdf_dir, all_dir = build_corpus(root, args.pdfs, args.html)
        subset_dir = root / "subset"
        subset_dir.mkdir()
        for p in sorted(pdf_dir.iterdir())[: args.subset]:
            shutil.copy(p, subset_dir / p.name)
        subset = sorted(subset_dir.iterdir())
        subset_pages = pages_of(subset)
        all_pages = pages_of(sorted(pdf_dir.iterdir()))
        print(
            f"corpus: {args.pdfs} PDFs ({all_pages} pages), {args.html} HTML pages; "
            f"rates on {len(subset)} PDFs ({subset_pages} pages); {cores} cores"
        )

        single = root / "single"
        single.mkdir()
        shutil.copy(subset[0], single / subset[0].name)
        startup = ingest(single, root / "single.db", "--workers", "1")
        plain = subset_pages / plain_loop(subset)
        one = subset_pages / ingest(subset_dir, root / "w1.db", "--workers", "1")
        two = subset_pages / ingest(subset_dir, root / "w2.db", "--workers", "2")
        first = ingest(all_dir, root / "all.db")
        again = ingest(all_dir, root / "all.db")
        pipeline = all_pages / first

        # 300 pages, set in 12-point type so the text stays under the 1M-character limit
        big = minutes_with_tracker(root / "long.pdf", 287, 24, seed=1, font_size=12)
        big_pages = pages_of([big])
        rss = worker_peak_rss_mb(big)

        print(f"plain pdfplumber extract_text loop: {plain:7.1f} pages/s")
        print(f"ingest --workers 1:                 {one:7.1f} pages/s")
        print(f"ingest --workers 2:                 {two:7.1f} pages/s")
        print(f"ingest (all cores), whole corpus:   {pipeline:7.1f} pages/s ({first:.1f} s)")
        print(f"unchanged re-run:                   {again:7.2f} s")
        print(f"one 15-page PDF, start to finish:   {startup:7.2f} s (start-up included)")
        print()
        print(f"1. pipeline vs plain pdfplumber:   {pipeline / plain:6.1f}x  (goal >= 4x)")
        print(f"2. --workers 2 vs --workers 1:     {two / one:6.2f}x  (goal >= 1.8x)")
        print(f"3. first run vs unchanged re-run:  {first / again:6.0f}x  (goal >= 100x)")
        print(f"4. worker peak RSS, {big_pages}-page PDF: {rss:5.0f} MB  (goal <= 250 MB)")


if __name__ == "__main__":
    main()
