"""A page the fast path refuses, read from pdfminer's objects, is what pdfplumber reads.

pdf_layout.py skips pdfplumber's object dicts and runs pdfplumber's own rules on tuples;
here it is held to pdfplumber's lines and table rows page by page, on published PDFs
whose pages the fast path refuses and on pages made to be awkward.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from reportlab.pdfgen import canvas

from minutebook.ingest import load, pdf, pdf_fast, pdf_layout
from tests.conftest import SAMPLES
from tests.fixtures import tracker_pdf

REAL = Path(__file__).resolve().parent.parent / "fixtures" / "real-pdfs"


def _both_ways(path: Path) -> list[tuple[pdf._Page | None, pdf._Page]]:
    """Each page from pdfminer's objects (None where a character is not upright), and
    from pdfplumber itself."""
    out = []
    with pdfplumber.open(path) as doc:
        for page in doc.pages:
            parts = pdf_layout.layout_parts(page)
            mine = (
                None if parts is None else pdf._page_of(page.page_number, float(page.width), *parts)
            )
            out.append((mine, pdf._read_page(page)))
            page.close()
    return out


def _same(mine: pdf._Page, plumber: pdf._Page) -> bool:
    boxes = [(ln.text, ln.x0, ln.x1, ln.top, ln.bottom) for ln in mine.lines]
    theirs = [(ln.text, ln.x0, ln.x1, ln.top, ln.bottom) for ln in plumber.lines]
    return boxes == theirs and mine.tables == plumber.tables


@pytest.mark.parametrize(
    "path",
    [
        # Word minutes whose page 3 has a font without Unicode
        SAMPLES / "burton-cum-walden_parish-council_2025-09-02.pdf",
        # a council's minutes with a stretched, rotated first and third page
        SAMPLES / "nipissing_council_2025-10-28.pdf",
        # Online2PDF Welsh minutes, with ruled tables
        REAL / "manordeilo-011.pdf",
    ],
    ids=lambda p: p.name,
)
def test_layout_pages_equal_pdfplumber_on_published_pdfs(path: Path) -> None:
    pages = _both_ways(path)
    assert len(pages) >= 2
    for mine, plumber in pages:
        assert mine is not None, plumber.number
        assert plumber.lines, plumber.number
        assert _same(mine, plumber), plumber.number


def test_layout_pages_keep_ruled_tables_as_pdfplumber_does(tmp_path: Path) -> None:
    path = tracker_pdf("surrey_cfllc_tracker_2022-12.txt", tmp_path / "tracker.pdf")
    pages = _both_ways(path)
    assert sum(len(plumber.tables) for _, plumber in pages) >= 1
    for mine, plumber in pages:
        assert mine is not None
        assert _same(mine, plumber)


def test_a_page_the_fast_path_refuses_still_reads_as_pdfplumber_reads_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stretched heading makes PDFium's page unsafe; the load goes through
    pdf_layout.py for that page, and the document is pdfplumber's."""
    path = tmp_path / "stretched.pdf"
    c = canvas.Canvas(str(path))
    text = c.beginText(72, 760)
    text.setFont("Helvetica-Bold", 14)
    text.setHorizScale(80)
    text.textLine("MINUTES OF THE PARISH COUNCIL")
    c.drawText(text)
    c.drawString(72, 700, "5. Planning")
    c.drawString(72, 680, "RESOLVED: that the council objects to the application.")
    c.showPage()
    c.save()
    reader = pdf_fast.open_fast(path.read_bytes())
    assert reader is not None
    with reader:
        assert reader.page_parts(0) is None
        assert reader.refusal == "rotated or stretched text"
    ((mine, plumber),) = _both_ways(path)
    assert mine is not None
    assert _same(mine, plumber)
    monkeypatch.setenv(pdf_fast.ENV_SWITCH, "0")
    slow = load(path)
    monkeypatch.setenv(pdf_fast.ENV_SWITCH, "1")
    fast = load(path)
    assert fast == slow
    assert "RESOLVED: that the council objects to the application." in fast.text


def test_a_page_with_sideways_text_is_left_to_pdfplumber_whole(tmp_path: Path) -> None:
    path = tmp_path / "sideways.pdf"
    c = canvas.Canvas(str(path))
    c.drawString(72, 700, "RESOLVED: that the report be noted.")
    c.rotate(90)
    c.drawString(300, -500, "DRAFT")
    c.showPage()
    c.save()
    ((mine, plumber),) = _both_ways(path)
    assert mine is None
    assert "RESOLVED: that the report be noted." in [ln.text for ln in plumber.lines]
