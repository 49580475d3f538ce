"""The PDFium text path must give exactly the records pdfplumber gives, only faster.

It is held to the Document, the one input extract() has: the same Document from both
paths is the same records, without extracting each file twice to see it.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from reportlab.pdfgen import canvas

from minutebook.ingest import load, pdf, pdf_fast
from minutebook.models import Document
from tests.conftest import SAMPLES, loaded
from tests.fixtures import minutes_pdf, tracker_pdf, tracker_rows


def _document(path: Path, fast: bool, monkeypatch: pytest.MonkeyPatch) -> Document:
    monkeypatch.setenv(pdf_fast.ENV_SWITCH, "1" if fast else "0")
    return load(path)


def _fixtures(folder: Path) -> list[Path]:
    return [
        minutes_pdf("nelincs_cllsp_minutes_2020-07-09.txt", folder / "nelincs.pdf"),
        minutes_pdf("leics_cfosc_minutes_2025-09-02.txt", folder / "leics.pdf"),
        minutes_pdf("leicester_cyped_minutes_2025.txt", folder / "leicester.pdf"),
        tracker_pdf("surrey_cfllc_tracker_2022-12.txt", folder / "tracker.pdf"),
    ]


def test_pdf_fast_documents_equal_pdfplumber_on_fixtures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for path in _fixtures(tmp_path):
        fast = _document(path, True, monkeypatch)
        slow = _document(path, False, monkeypatch)
        assert len(fast.blocks) > 10, path.name
        assert fast == slow, path.name


def _pages_both_ways(path: Path) -> list[tuple[pdf._Page | None, pdf._Page]]:
    """Each page read by the fast path (None where it declines) and by pdfplumber."""
    data = path.read_bytes()
    fast = pdf_fast.open_fast(data)
    assert fast is not None
    out = []
    with fast, pdfplumber.open(io.BytesIO(data)) as doc:
        for page in doc.pages:
            out.append((pdf._read_fast(page, fast), pdf._read_page(page)))
            page.close()
    return out


def _lines(page: pdf._Page) -> list[tuple[str, float, float, float]]:
    # PDFium keeps coordinates as 32-bit floats: equal to a hundredth of a point
    return [(ln.text, round(ln.x0, 2), round(ln.x1, 2), round(ln.top, 2)) for ln in page.lines]


def _tables(page: pdf._Page) -> list[tuple[float, list[list[str]]]]:
    return [(round(top, 2), rows) for top, rows in page.tables]


def test_pdf_fast_lines_equal_pdfplumber_lines_on_text_pages(tmp_path: Path) -> None:
    """Page by page: where the fast path answers, its lines are pdfplumber's lines."""
    pages = _pages_both_ways(
        minutes_pdf("nelincs_cllsp_minutes_2020-07-09.txt", tmp_path / "m.pdf")
    )
    # reportlab draws no shapes on these pages, so every page must take the fast path
    assert all(fast is not None for fast, _ in pages)
    for fast, slow in pages:
        assert fast is not None
        assert _lines(fast) == _lines(slow)
        assert fast.tables == slow.tables == []


def test_pdf_fast_reads_ruled_tables_as_pdfplumber_does(tmp_path: Path) -> None:
    """A ruled tracker crossing page breaks: PDFium's lines and rectangles go through
    pdfplumber's table finder, and every row and cell comes out as pdfplumber's."""
    pages = _pages_both_ways(tracker_pdf("surrey_cfllc_tracker_2022-12.txt", tmp_path / "t.pdf"))
    assert len(pages) >= 3
    rows = 0
    for fast, slow in pages:
        assert fast is not None  # reportlab's grid is straight lines: nothing to decline
        assert slow.tables, "every page of the fixture holds part of the table"
        assert _tables(fast) == _tables(slow)
        assert _lines(fast) == _lines(slow)
        rows += sum(len(r) for _, r in fast.tables)
    _header, body = tracker_rows("surrey_cfllc_tracker_2022-12.txt")
    assert rows >= len(body)


def test_pdf_fast_reads_curves_as_pdfplumber_does(tmp_path: Path) -> None:
    """Bézier corners: pdfminer keeps each curve's end point only, and so does the fast
    path, so a rounded box drawn around ruled cells gives pdfplumber's table."""
    path = tmp_path / "curved.pdf"
    c = canvas.Canvas(str(path))
    c.drawString(72, 760, "RESOLVED: that the report be noted.")
    c.roundRect(60, 600, 300, 120, 12)
    c.grid([80, 200, 340], [620, 660, 700])
    c.drawString(90, 680, "Action")
    c.drawString(210, 680, "Owner")
    c.drawString(90, 640, "Repair the roof")
    c.drawString(210, 640, "Clerk")
    c.showPage()
    c.save()
    ((fast, slow),) = _pages_both_ways(path)
    assert fast is not None
    assert _lines(fast) == _lines(slow)
    assert _tables(fast) == _tables(slow)
    assert [rows for _, rows in slow.tables] == [
        [["Action", "Owner"], ["Repair the roof", "Clerk"]]
    ]


def test_pdf_fast_declines_a_page_it_cannot_mimic_and_says_why(tmp_path: Path) -> None:
    path = tmp_path / "rotated.pdf"
    c = canvas.Canvas(str(path))
    c.drawString(72, 700, "RESOLVED: that the report be noted.")
    c.rotate(30)
    c.drawString(300, 300, "Draft")
    c.showPage()
    c.save()
    ((fast, slow),) = _pages_both_ways(path)
    assert fast is None
    assert "RESOLVED: that the report be noted." in [ln.text for ln in slow.lines]
    reader = pdf_fast.open_fast(path.read_bytes())
    assert reader is not None
    with reader:
        assert reader.page_parts(0, (0, 0, 595.2756, 841.8898)) is None
        assert reader.refusal == "rotated or stretched text"


def test_pdf_fast_switch_off_and_unreadable_input_give_none(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert pdf_fast.open_fast(b"%PDF-1.4 not really") is None
    monkeypatch.setenv(pdf_fast.ENV_SWITCH, "0")
    data = (SAMPLES / "kent_county-council_2025-01-09.pdf").read_bytes()
    assert pdf_fast.open_fast(data) is None


def _close_lines(fast: pdf._Page, slow: pdf._Page) -> bool:
    """Same line texts in the same order, boxes equal within PDFium's float precision."""
    if len(fast.lines) != len(slow.lines):
        return False
    for a, b in zip(fast.lines, slow.lines, strict=True):
        boxes = zip((a.x0, a.x1, a.top), (b.x0, b.x1, b.top), strict=True)
        if a.text != b.text or any(abs(u - v) >= 0.01 for u, v in boxes):
            return False
    return True


SAMPLE_PDFS = sorted(SAMPLES.glob("*.pdf"))


def _pdfplumber_load_seeing_both_ways(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Document, list[tuple[pdf._Page | None, pdf._Page]]]:
    """`path` read by pdfplumber alone, and on the way each page as both paths read it
    (None where the fast one declines). pdfplumber's reading is the slow half of every
    comparison here, so one pass of it serves the document and the pages."""
    fast_reader = pdf_fast.open_fast(path.read_bytes())
    assert fast_reader is not None
    pages: list[tuple[pdf._Page | None, pdf._Page]] = []
    read_page = pdf._read_page

    def read_both_ways(page: Any) -> pdf._Page:
        slow = read_page(page)
        pages.append((pdf._read_fast(page, fast_reader), slow))
        return slow

    monkeypatch.setattr(pdf, "_read_page", read_both_ways)
    with fast_reader:
        document = _document(path, False, monkeypatch)
    return document, pages


@pytest.mark.parametrize("path", SAMPLE_PDFS, ids=lambda p: p.name)
def test_pdf_fast_pages_and_documents_equal_pdfplumber_on_samples(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every page of the published sample PDFs (Word, Aspose, ModernGov, Excel): where
    the fast path answers, lines and table rows are pdfplumber's, and so is the Document."""
    fast = loaded(path)  # the default path is the fast one; cached for other tests
    slow, pages = _pdfplumber_load_seeing_both_ways(path, monkeypatch)
    assert pages, "pdfplumber's load read no page through _read_page"
    assert [slow_page.number for _, slow_page in pages] == list(range(1, len(pages) + 1))
    for fast_page, slow_page in pages:
        if fast_page is None:
            continue
        assert _close_lines(fast_page, slow_page), slow_page.number
        assert [rows for _, rows in fast_page.tables] == [rows for _, rows in slow_page.tables]
        tops = zip(fast_page.tables, slow_page.tables, strict=True)
        assert all(abs(a - b) < 0.01 for (a, _), (b, _) in tops)
    assert fast == slow


def test_pdf_fast_answers_for_most_pages_of_real_writers() -> None:
    """The fast path takes most published pages, Word's invisible space runs included
    (what it answers is checked page by page above)."""
    served = total = 0
    for path in SAMPLE_PDFS:
        data = path.read_bytes()
        fast = pdf_fast.open_fast(data)
        assert fast is not None
        with fast, pdfplumber.open(io.BytesIO(data)) as doc:
            for page in doc.pages:
                total += 1
                served += pdf._read_fast(page, fast) is not None
                page.close()
    assert total >= 79  # the eleven published sample PDFs
    assert served >= 0.9 * total, f"fast path took {served} of {total} pages"


def test_a_dropped_run_of_spaces_still_splits_words(tmp_path: Path) -> None:
    """Word writes spaces as a text object of their own; PDFium drops it (no glyph), and
    the words on either side are closer than pdfplumber's 3-point gap: without the space
    that stands for the run, 'Item five' would come out as 'Itemfive'."""
    path = tmp_path / "spaces.pdf"
    c = canvas.Canvas(str(path))
    text = c.beginText(72, 700)
    text.setFont("Helvetica", 8)
    text.textOut("Item")
    c.drawText(text)
    spaces = c.beginText(72 + c.stringWidth("Item", "Helvetica", 8), 700)
    spaces.setFont("Helvetica", 8)
    spaces.textOut(" ")  # 2.2 points wide: under pdfplumber's x_tolerance
    c.drawText(spaces)
    rest = c.beginText(72 + c.stringWidth("Item ", "Helvetica", 8), 700)
    rest.setFont("Helvetica", 8)
    rest.textOut("five")
    c.drawText(rest)
    c.showPage()
    c.save()
    ((fast, slow),) = _pages_both_ways(path)
    assert [ln.text for ln in slow.lines] == ["Item five"]
    assert fast is not None
    assert [ln.text for ln in fast.lines] == ["Item five"]


# Two published PDFs from the benchmark corpus (tests/fixtures/real-pdfs/SOURCES.tsv),
# each with a page the fast path used to refuse for what it now reads as pdfminer does.
REAL = Path(__file__).resolve().parent.parent / "fixtures" / "real-pdfs"


def test_a_space_pdfium_files_under_the_next_word_is_left_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Manordeilo's Online2PDF minutes, page 2: PDFium puts a space in the gap after
    "viii)" and files it under the next word's object at that word's origin; pdfminer
    has no such space and joins "viii)Gwasanaethau" across a 1.6-point gap."""
    path = REAL / "manordeilo-011.pdf"
    pages = _pages_both_ways(path)
    fast, slow = pages[1]
    assert fast is not None
    assert any(ln.text.startswith("viii)Gwasanaethau") for ln in slow.lines)
    assert _close_lines(fast, slow)
    assert all(f is not None and _close_lines(f, s) for f, s in pages)
    assert _document(path, True, monkeypatch) == _document(path, False, monkeypatch)


def test_a_stroked_run_of_spaces_counts_as_glyphless(monkeypatch: pytest.MonkeyPatch) -> None:
    """Burton's public notice signs off in a script font drawn with fill and stroke
    (render mode 2): its runs of spaces are as high as the stroke is wide, not zero,
    and are still spaces that PDFium leaves out and pdfminer keeps."""
    path = REAL / "burton-037.pdf"
    ((fast, slow),) = _pages_both_ways(path)
    assert fast is not None
    assert _close_lines(fast, slow)
    assert _document(path, True, monkeypatch) == _document(path, False, monkeypatch)


def test_pdf_fast_refuses_a_font_without_unicode_and_says_why() -> None:
    """Burton's Word minutes, page 3: a font with no Unicode, whose codes PDFium reads as
    control characters; pdfminer prints them as such, with the code's own width."""
    data = (SAMPLES / "burton-cum-walden_parish-council_2025-09-02.pdf").read_bytes()
    reader = pdf_fast.open_fast(data)
    assert reader is not None
    with reader:
        assert reader.page_parts(0) is not None
        assert reader.page_parts(2) is None
        assert reader.refusal == "font without Unicode"
