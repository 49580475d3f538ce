"""PDF minutes through pdfplumber: lines grouped into paragraphs, ruled tables kept as rows.

Running headers and footers (page numbers, lines repeated at the same place on most pages)
are dropped, so they never end up inside a clause.
"""

from __future__ import annotations

import io
import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from minutebook.errors import (
    CorruptDocumentError,
    EncryptedDocumentError,
    InputTooLargeError,
    NoTextLayerError,
)
from minutebook.ingest import pdf_fast, pdf_layout
from minutebook.ingest.blocks import TextBuilder
from minutebook.ingest.limits import MAX_PDF_CHARS, MAX_PDF_PAGE_CHARS, MAX_PDF_PAGES

_PAGE_NUMBER = re.compile(r"^(page\s+)?\d{1,4}(\s+of\s+\d{1,4})?$|^-\s*\d{1,4}\s*-$", re.I)
# A line starting like this begins a new block even without a vertical gap.
_BLOCK_START = re.compile(
    r"^(\(?[0-9]{1,3}[.)]|\(?[a-z]{1,2}\)|\(?[ivx]{1,5}\)|[A-Z]{2,}[ .]?\d+|•|RESOLVED|AGREED"
    r"|RECOMMENDED|DECIDED|\d{1,3}\s?[ivx]{1,5}\)|\((?:[Aa]genda\s+)?[Ii]tem\s+\d"
    r"|\d{1,3}[a-z]?\.\d|R\s?\d{4}\s?-|Moved by|Seconded by|Carried|CARRIED)"
)
_PAGE_OF = re.compile(r"\bpage\s+\d{1,4}(\s+of\s+\d{1,4})?\b", re.IGNORECASE)
_HEADING_LINE = re.compile(r"^\d{1,3}[A-Za-z]?\.\s+[A-Z][^.:;]*[A-Za-z)]$")
_SENTENCE_END = re.compile(r"[.:;!?)\"”’]$")


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass
class _Page:
    number: int
    width: float
    lines: list[_Line] = field(default_factory=list)
    tables: list[tuple[float, list[list[str]]]] = field(default_factory=list)


def _classify(path: Path, exc: Exception) -> Exception:
    # pdfplumber puts pdfminer's exception (or its class) in args[0] and leaves __cause__ empty
    inner = exc.args[0] if exc.args else exc
    name = inner.__name__ if isinstance(inner, type) else type(inner).__name__
    if isinstance(inner, PDFPasswordIncorrect) or "Password" in name or "Encrypt" in name:
        return EncryptedDocumentError(
            str(path), "PDF is password-protected; save an unprotected copy and re-run"
        )
    detail = str(inner) if not isinstance(inner, type) else name
    return CorruptDocumentError(
        str(path), f"not a readable PDF ({name}: {detail or 'no detail'}); re-download the file"
    )


def _read_page(page: Any) -> _Page:
    return _page_of(
        page.page_number,
        float(page.width),
        [(t.bbox, t.extract()) for t in page.find_tables()],
        page.extract_text_lines(return_chars=False),
    )


def _page_of(
    number: int, width: float, tables: list[pdf_fast.TableRows], lines: list[dict[str, Any]]
) -> _Page:
    """Both paths end here: table rows, and the text lines that lie outside every table."""
    out = _Page(number=number, width=width)
    boxes = [bbox for bbox, _ in tables]
    for bbox, table in tables:
        rows = [[c or "" for c in row] for row in table]
        out.tables.append((float(bbox[1]), rows))
    for line in lines:
        mid = (line["top"] + line["bottom"]) / 2
        if any(b[1] <= mid <= b[3] and b[0] <= line["x0"] <= b[2] for b in boxes):
            continue
        out.lines.append(_Line(line["text"], line["x0"], line["x1"], line["top"], line["bottom"]))
    return out


def _running_key(line: _Line) -> tuple[str, int]:
    # same words (numbers aside) at the same height: a running header or footer
    return re.sub(r"\d+", "#", line.text.strip()), round(line.top / 6)


def _running_lines(pages: list[_Page]) -> set[tuple[str, int]]:
    """Lines in the top or bottom two of most pages, at the same place on each."""
    if len(pages) < 2:
        return set()
    counts: Counter[tuple[str, int]] = Counter()
    for p in pages:
        counts.update({_running_key(ln) for ln in p.lines[:2] + p.lines[-2:]})
    return {k for k, n in counts.items() if n >= max(2, (len(pages) + 1) // 2)}


def _is_running(line: _Line, page: _Page, running: set[tuple[str, int]] | None) -> bool:
    """A header or footer line; with running None, only a bare page number is."""
    if line not in page.lines[:2] and line not in page.lines[-2:]:
        return False
    text = line.text.strip()
    if running is None:
        return bool(_PAGE_NUMBER.match(text))
    # "Page 2 – Minutes – October 28, 2025": a footer even on a two-page document
    paged = bool(_PAGE_OF.search(text)) and len(text.split()) <= 12
    return paged or bool(_PAGE_NUMBER.match(text)) or _running_key(line) in running


def _join(prev: str, nxt: str) -> str:
    # Keep the hyphen: minutes hyphenate compounds ("switch-on", "North-East") and rarely
    # split words, so a line-end hyphen after a letter joins the lines without a space.
    if prev.endswith("-") and prev[-2:-1].isalpha() and nxt[:1].isalnum():
        return prev + nxt
    return prev + " " + nxt


def _paragraphs(page: _Page, running: set[tuple[str, int]] | None) -> list[tuple[float, str]]:
    lines = [ln for ln in page.lines if not _is_running(ln, page, running)]
    if not lines:
        return []
    gaps = [b.top - a.bottom for a, b in itertools.pairwise(lines) if b.top > a.bottom]
    usual_gap = statistics.median(gaps) if gaps else 0.0
    right = max(ln.x1 for ln in lines)
    paragraphs: list[tuple[float, str]] = []
    current = lines[0].text
    top = lines[0].top
    for prev, line in itertools.pairwise(lines):
        gap = line.top - prev.bottom
        short = prev.x1 < right - 0.15 * page.width and _SENTENCE_END.search(prev.text.strip())
        heading_like = prev.x1 < right - 0.3 * page.width or bool(
            _HEADING_LINE.match(prev.text.strip())
            and line.text.strip()[:1].isupper()
            and prev.x1 < right - 0.08 * page.width  # a wrapped line reaches the margin
        )
        new_block = (
            gap > usual_gap * 1.8 + 1
            or bool(short)
            or bool(heading_like and not prev.text.strip().endswith(","))
            or bool(_BLOCK_START.match(line.text.strip()))
        )
        if new_block:
            paragraphs.append((top, current))
            current, top = line.text, line.top
        else:
            current = _join(current.rstrip(), line.text.strip())
    paragraphs.append((top, current))
    return paragraphs


def _read_fast(page: Any, fast: pdf_fast.FastPdf | None) -> _Page | None:
    """A pdfplumber page read through PDFium instead, if the fast path takes it."""
    if fast is None:
        return None
    parts = fast.page_parts(page.page_number - 1, tuple(page.bbox))
    if parts is None:
        return None
    tables, lines = parts
    return _page_of(page.page_number, float(page.width), tables, lines)


_SPLIT = "split the file into its meetings"


def _too_many_pages(path: Path, pages: int) -> None:
    """Refuse, before reading a page, a PDF too big to be one set of minutes."""
    if pages > MAX_PDF_PAGES:
        raise InputTooLargeError(
            str(path), f"{pages:,} pages, over the {MAX_PDF_PAGES:,} page limit; {_SPLIT}"
        )


def _too_many_chars(path: Path, index: int, chars: int, total: int) -> None:
    """Refuse a page, or a file so far, with more characters than minutes ever hold:
    PDFium counts them before either path reads the page."""
    if chars > MAX_PDF_PAGE_CHARS:
        raise InputTooLargeError(
            str(path),
            f"page {index + 1} holds {chars:,} characters, over the "
            f"{MAX_PDF_PAGE_CHARS:,} limit for one page; {_SPLIT}",
        )
    if total > MAX_PDF_CHARS:
        raise InputTooLargeError(
            str(path), f"over {MAX_PDF_CHARS:,} characters in {index + 1} pages; {_SPLIT}"
        )


def _read_all(path: Path, data: bytes, fast: pdf_fast.FastPdf) -> list[_Page]:
    """Every page through PDFium where it can; pdfplumber opens the file only when a page
    is refused, so a file PDFium reads whole never pays for pdfminer's parse, and a
    refused page is read from pdfminer's objects without pdfplumber's dicts."""
    pages: list[_Page] = []
    _too_many_pages(path, len(fast))
    plumber: Any = None
    total = 0
    try:
        for index in range(len(fast)):
            parts = fast.page_parts(index)
            total += fast.last_chars
            _too_many_chars(path, index, fast.last_chars, total)
            if parts is not None:
                x0, _, x1, _ = fast.last_box or fast.page_box(index)
                pages.append(_page_of(index + 1, x1 - x0, *parts))
                continue
            if plumber is None:
                plumber = pdfplumber.open(io.BytesIO(data))
            if index >= len(plumber.pages):
                break  # pdfminer finds fewer pages than PDFium: it has the last word
            page = plumber.pages[index]
            try:
                # pdfminer's objects straight into the fast path's rules (pdf_layout.py)
                parts = pdf_layout.layout_parts(page)
                if parts is None:
                    pages.append(_read_page(page))
                else:
                    pages.append(_page_of(page.page_number, float(page.width), *parts))
            finally:
                # without this pdfplumber keeps every page's objects: ~7 MB a page
                page.close()
    finally:
        if plumber is not None:
            plumber.close()
    return pages


def _read_plumber(path: Path, data: bytes) -> list[_Page]:
    pages: list[_Page] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        _too_many_pages(path, len(pdf.pages))
        for page in pdf.pages:
            try:
                pages.append(_read_page(page))
            finally:
                page.close()
    return pages


def load(path: Path, data: bytes) -> TextBuilder:
    fast = pdf_fast.open_fast(data)
    try:
        pages = _read_plumber(path, data) if fast is None else _read_all(path, data, fast)
    except (PdfminerException, MalformedPDFException) as exc:
        raise _classify(path, exc) from exc
    finally:
        if fast is not None:
            fast.close()
    builder = _build(pages, _running_lines(pages))
    if not builder.blocks and any(p.lines for p in pages):
        # Every line repeats on most pages apart from its numbers ("Page 3: RESOLVED -
        # That the report be noted."): then what repeats is the minutes, not a header.
        builder = _build(pages, None)
    # Checked on what is kept, not on what pdfplumber saw: a scan's empty ruled grid, or a
    # page number stamped by the scanner, is no text layer either.
    if not builder.blocks:
        raise NoTextLayerError(str(path), "no text layer: run OCR first (e.g. ocrmypdf)")
    return builder


def _build(pages: list[_Page], running: set[tuple[str, int]] | None) -> TextBuilder:
    """Paragraphs and table rows in reading order, running lines dropped."""
    builder = TextBuilder()
    pending: tuple[int, str] | None = None  # a paragraph that may go on over the page
    for read in pages:
        items: list[tuple[float, str, Any]] = [
            (top, "p", text) for top, text in _paragraphs(read, running)
        ]
        items += [(top, "t", rows) for top, rows in read.tables]
        for _, what, content in sorted(items, key=lambda i: i[0]):
            if what == "p":
                if pending and pending[0] != read.number and _continues(pending[1], content):
                    pending = (pending[0], _join(pending[1].rstrip(), content.strip()))
                    continue
                if pending:
                    builder.add("paragraph", pending[0], pending[1])
                pending = (read.number, content)
            else:
                if pending:
                    builder.add("paragraph", pending[0], pending[1])
                    pending = None
                for row in content:
                    builder.add_row(read.number, row)
    if pending:
        builder.add("paragraph", pending[0], pending[1])
    return builder


def _continues(previous: str, first_on_page: str) -> bool:
    """A paragraph cut by a page break: no closing punctuation, and no new block starts."""
    prev = previous.rstrip()
    return (
        len(prev.split()) > 10  # a short line at a page foot is a heading, not a cut paragraph
        and not _SENTENCE_END.search(prev)
        and not _BLOCK_START.match(first_on_page.strip())
        and not _HEADING_LINE.match(prev)
    )
