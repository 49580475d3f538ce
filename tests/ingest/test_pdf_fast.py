"""The PDFium text path must give exactly the records pdfplumber gives, only faster."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest

from minutebook.extract import describe, extract
from minutebook.ingest import load, pdf, pdf_fast
from minutebook.models import Record
from tests.conftest import SAMPLES
from tests.fixtures import minutes_pdf, tracker_pdf


def _records(path: Path, fast: bool, monkeypatch: pytest.MonkeyPatch) -> list[Record]:
    monkeypatch.setenv(pdf_fast.ENV_SWITCH, "1" if fast else "0")
    return extract(describe(load(path)))


def _fixtures(folder: Path) -> list[Path]:
    return [
        minutes_pdf("nelincs_cllsp_minutes_2020-07-09.txt", folder / "nelincs.pdf"),
        minutes_pdf("leics_cfosc_minutes_2025-09-02.txt", folder / "leics.pdf"),
        minutes_pdf("leicester_cyped_minutes_2025.txt", folder / "leicester.pdf"),
        tracker_pdf("surrey_cfllc_tracker_2022-12.txt", folder / "tracker.pdf"),
    ]


def test_pdf_fast_records_equal_pdfplumber_on_fixtures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for path in _fixtures(tmp_path):
        fast = _records(path, True, monkeypatch)
        slow = _records(path, False, monkeypatch)
        assert fast, path.name
        assert fast == slow, path.name


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.pdf")), ids=lambda p: p.name)
def test_pdf_fast_records_equal_pdfplumber_on_samples(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _records(path, True, monkeypatch) == _records(path, False, monkeypatch)


def test_pdf_fast_lines_equal_pdfplumber_lines_on_text_pages(tmp_path: Path) -> None:
    """Page by page: where the fast path answers, its lines are pdfplumber's lines."""
    path = minutes_pdf("nelincs_cllsp_minutes_2020-07-09.txt", tmp_path / "m.pdf")
    data = path.read_bytes()
    fast = pdf_fast.open_fast(data)
    assert fast is not None
    answered = 0
    with fast, pdfplumber.open(io.BytesIO(data)) as doc:
        for page in doc.pages:
            lines = fast.page_lines(page.page_number - 1, tuple(page.bbox))
            slow = pdf._read_page(page)
            page.close()
            if lines is None:
                continue
            answered += 1
            # PDFium keeps coordinates as 32-bit floats: equal to a hundredth of a point
            assert [
                (t, round(x0, 2), round(x1, 2), round(top, 2)) for t, x0, x1, top, _ in lines
            ] == [
                (ln.text, round(ln.x0, 2), round(ln.x1, 2), round(ln.top, 2)) for ln in slow.lines
            ]
    # reportlab draws no shapes on these pages, so every page must take the fast path
    assert answered == len(doc.pages)


def test_pdf_fast_leaves_table_pages_to_pdfplumber(tmp_path: Path) -> None:
    path = tracker_pdf("surrey_cfllc_tracker_2022-12.txt", tmp_path / "t.pdf")
    data = path.read_bytes()
    fast = pdf_fast.open_fast(data)
    assert fast is not None
    with fast, pdfplumber.open(io.BytesIO(data)) as doc:
        answers = [fast.page_lines(p.page_number - 1, tuple(p.bbox)) for p in doc.pages]
    assert answers
    assert all(a is None for a in answers)


def test_pdf_fast_switch_off_and_unreadable_input_give_none(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert pdf_fast.open_fast(b"%PDF-1.4 not really") is None
    monkeypatch.setenv(pdf_fast.ENV_SWITCH, "0")
    data = (SAMPLES / "kent_county-council_2025-01-09.pdf").read_bytes()
    assert pdf_fast.open_fast(data) is None
