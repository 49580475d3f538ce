"""PDF loader: page furniture dropped, line ends joined, pages closed, scans refused."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pdfplumber.page
import pytest

from minutebook.errors import EmptyDocumentError, NoTextLayerError
from minutebook.ingest import load, pdf_fast
from tests.fixtures import (
    drawn_lines_pdf,
    image_only_pdf,
    minutes_pdf,
    minutes_pdf_with_running_lines,
    sample_lines,
)

MINUTES = "leics_cfosc_minutes_2025-09-02.txt"
HEADER = "Children and Families Overview and Scrutiny Committee - 2 September 2025 - DRAFT"


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9£%]+", text)


@pytest.fixture(scope="module")
def furnished(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "minutes.pdf"
    return minutes_pdf_with_running_lines(MINUTES, out, HEADER)


def test_running_header_and_page_numbers_are_dropped(furnished: Path) -> None:
    doc = load(furnished)
    assert doc.pages >= 3
    assert "DRAFT" not in doc.text
    assert HEADER not in doc.text
    assert not re.search(r"\bPage \d+\b", doc.text)
    # the body is all there, word for word and in order: nothing lost, nothing invented
    assert _words(doc.text) == _words(" ".join(sample_lines(MINUTES)))


def test_no_block_is_only_a_page_number(furnished: Path) -> None:
    doc = load(furnished)
    for b in doc.blocks:
        assert not re.fullmatch(r"(Page )?\d{1,3}", doc.block_text(b))


def test_running_header_of_a_two_page_document_is_dropped(tmp_path: Path) -> None:
    header = "Burton Parish Council - Minutes of the meeting held on 2 September 2025"
    pages = [
        [header, "RESOLVED that the report be noted and the Clerk write to Highways.", "Page 1"],
        [header, "AGREED that the next meeting be held on 7 October 2025.", "Page 2"],
    ]
    doc = load(drawn_lines_pdf(tmp_path / "two.pdf", pages))
    assert "Page" not in doc.text
    assert header not in doc.text


LINES = [
    "The Panel discussed the proposals for the Christmas lights switch-",
    "on event in Grimsby town centre and the arrangements for the traffic",
    "management order, and asked that the Head of Highways and Trans-",
    "port report back on the costs of the scheme before the next meeting.",
]


def test_hyphenated_line_ends_are_joined_without_a_space(tmp_path: Path) -> None:
    doc = load(drawn_lines_pdf(tmp_path / "hyphens.pdf", [LINES]))
    assert len(doc.blocks) == 1, "four wrapped lines of one paragraph are one block"
    assert "switch-on event" in doc.text
    # the hyphen is kept by design (minutes hyphenate compounds); the line end never is a gap
    assert "Trans-port report" in doc.text
    assert "- " not in doc.text
    assert "traffic management" in doc.text


def test_hyphen_before_a_capitalised_word_is_joined(tmp_path: Path) -> None:
    lines = [
        "Members asked that the Director report back on the costs of the scheme for North-",
        "East Lincolnshire and for the wider Humber area before the next meeting.",
    ]
    doc = load(drawn_lines_pdf(tmp_path / "compound.pdf", [lines]))
    assert "North-East Lincolnshire" in doc.text


def test_every_page_is_closed_before_the_next_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = minutes_pdf(MINUTES, tmp_path / "minutes.pdf")
    events: list[tuple[str, int]] = []
    close = pdfplumber.page.Page.close
    find_tables = pdfplumber.page.Page.find_tables

    def spy_close(self: Any) -> None:
        events.append(("close", self.page_number))
        close(self)

    def spy_find_tables(self: Any, *args: Any, **kwargs: Any) -> Any:
        events.append(("read", self.page_number))
        return find_tables(self, *args, **kwargs)

    # pages PDFium reads never reach pdfplumber (next test): here pdfplumber reads them all
    monkeypatch.setenv(pdf_fast.ENV_SWITCH, "0")
    monkeypatch.setattr(pdfplumber.page.Page, "close", spy_close)
    monkeypatch.setattr(pdfplumber.page.Page, "find_tables", spy_find_tables)
    doc = load(pdf)
    n = doc.pages
    seen = events
    assert n >= 3
    # read 1, close 1, read 2, close 2, ...: at most one page's objects are alive at a time
    interleaved = [e for p in range(1, n + 1) for e in (("read", p), ("close", p))]
    assert seen[: 2 * n] == interleaved
    # pdfplumber's own close() then closes each page again, which is harmless
    assert all(kind == "close" for kind, _ in seen[2 * n :])


def test_pdfplumber_opens_a_file_only_for_the_pages_pdfium_refuses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = minutes_pdf(MINUTES, tmp_path / "minutes.pdf")
    opened: list[int] = []
    real_open = pdfplumber.open

    def spy_open(*args: Any, **kwargs: Any) -> Any:
        opened.append(1)
        return real_open(*args, **kwargs)

    monkeypatch.setattr(pdfplumber, "open", spy_open)
    fast_records = load(pdf).blocks
    assert fast_records
    assert opened == []  # reportlab's text pages are all PDFium's
    refuse = pdf_fast.FastPdf.page_parts

    def refuse_page_two(self: Any, index: int, *args: Any) -> Any:
        found = refuse(self, index, *args)
        return None if index == 1 else found

    monkeypatch.setattr(pdf_fast.FastPdf, "page_parts", refuse_page_two)
    assert load(pdf).blocks == fast_records  # page 2 from pdfplumber, the same blocks
    assert opened == [1]


@pytest.mark.parametrize("grid", [False, True], ids=["image-and-shapes", "empty-ruled-grid"])
def test_image_only_pdf_asks_for_ocr(tmp_path: Path, grid: bool) -> None:
    pdf = image_only_pdf(tmp_path / "scan.pdf", grid=grid)
    with pytest.raises(NoTextLayerError, match="no text layer: run OCR first") as info:
        load(pdf)
    assert info.value.reason == "no_text_layer"
    assert str(pdf) in str(info.value)
    assert "\n" not in str(info.value)


def test_scan_with_only_stamped_page_numbers_asks_for_ocr(tmp_path: Path) -> None:
    # text, but only page furniture: there is nothing to extract until it is OCRed
    pdf = drawn_lines_pdf(tmp_path / "stamped.pdf", [["Page 1 of 2"], ["Page 2 of 2"]])
    with pytest.raises(NoTextLayerError, match="run OCR first"):
        load(pdf)


def test_no_text_layer_is_an_empty_document_to_callers(tmp_path: Path) -> None:
    # callers that catch EmptyDocumentError keep working
    with pytest.raises(EmptyDocumentError):
        load(image_only_pdf(tmp_path / "scan.pdf", pages=1))


def test_short_pages_whose_lines_repeat_but_for_numbers_are_kept(tmp_path: Path) -> None:
    # issue 14.7: every line looked like a running header, so the file was no_text_layer
    pages = [[f"{n}. RESOLVED - That grant {n} of £{n}00 be paid."] for n in range(1, 5)]
    doc = load(drawn_lines_pdf(tmp_path / "grants.pdf", pages))
    assert [doc.block_text(b) for b in doc.blocks] == [line for (line,) in pages]
    assert [b.page for b in doc.blocks] == [1, 2, 3, 4]


def test_running_header_is_still_dropped_when_pages_have_a_body(tmp_path: Path) -> None:
    subjects = ["the play area", "the village hall roof", "the footpath by the church"]
    pages = [
        ["Parish Council minutes 2025", f"{n}. RESOLVED - That {subject} be repaired.", f"Page {n}"]
        for n, subject in enumerate(subjects, 1)
    ]
    doc = load(drawn_lines_pdf(tmp_path / "minutes.pdf", pages))
    assert [doc.block_text(b) for b in doc.blocks] == [page[1] for page in pages]
