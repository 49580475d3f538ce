"""The fast text path for PDF pages: characters from PDFium, lines built by pdfplumber's rules.

pdfplumber spends ~250 ms a page in pdfminer's layout analysis; PDFium reads the same
characters about a hundred times faster. Only the characters come from PDFium: they are
shaped like pdfplumber's (x0, x1, top, bottom in the same page coordinates) and handed to
pdfplumber's own word and line builder, so both paths produce the same lines.

A page takes this path only when nothing on it could make pdfplumber find a table (no
drawn shapes other than thin horizontal rules) and every character is upright, mapped to
Unicode and placed as pdfminer would place it. Any doubt answers None, and pdf.py reads
that page with pdfplumber instead.
"""

from __future__ import annotations

import ctypes
import os
from types import TracebackType
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw
from pdfminer.fontmetrics import FONT_METRICS
from pdfplumber.utils.text import chars_to_textmap

# (text, x0, x1, top, bottom) of one line, in pdfplumber's coordinates
Line = tuple[str, float, float, float, float]

# MINUTEBOOK_PDF_FAST=0 reads every page with pdfplumber: a switch for comparing the paths.
ENV_SWITCH = "MINUTEBOOK_PDF_FAST"
# A drawn shape thinner than this, and at least _RULE_MIN_WIDTH wide, is a horizontal rule
# (an underline or separator): alone it cannot close a table cell for pdfplumber.
_RULE_MAX_HEIGHT = 1.5
_RULE_MIN_WIDTH = 3.0
# PDFium reports a line-end hyphen as U+0002; pdfminer gives the hyphen itself.
_PDFIUM_HYPHEN = 0x02
_UNMAPPED = {0, 0xFFFD, 0xFFFE, 0xFFFF}


# The same C function, declared to return the object's address as a plain int: a ctypes
# pointer would need a cast per character to compare, which costs more than the call.
_object_of_char = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(
    ctypes.cast(raw.FPDFText_GetTextObject, ctypes.c_void_p).value or 0
)


def enabled() -> bool:
    return os.environ.get(ENV_SWITCH, "1") != "0"


class FastPdf:
    """An open PDFium document whose pages can be asked for lines; None means use pdfplumber."""

    def __init__(self, data: bytes) -> None:
        self._doc = pdfium.PdfDocument(data)

    def __enter__(self) -> FastPdf:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._doc.close()

    def __len__(self) -> int:
        return len(self._doc)

    def page_lines(self, index: int, bbox: tuple[float, float, float, float]) -> list[Line] | None:
        """Lines of page `index` (0-based) if it is safe to read fast, else None.

        `bbox` is pdfplumber's page box; a page PDFium sees differently is left to pdfplumber.
        """
        page = self._doc[index]
        try:
            if page.get_rotation() != 0 or _box(page.get_mediabox()) != _box(bbox):
                return None
            texts = _text_objects(page)
            if texts is None:
                return None
            textpage = page.get_textpage()
            try:
                chars = _chars(textpage, float(bbox[3]), texts)
            finally:
                textpage.close()
        finally:
            page.close()
        if chars is None:
            return None
        if not chars:
            return []
        textmap = chars_to_textmap(chars, layout_bbox=bbox)
        return [
            (ln["text"], ln["x0"], ln["x1"], ln["top"], ln["bottom"])
            for ln in textmap.extract_text_lines(strip=True, return_chars=False)
        ]


def open_fast(data: bytes) -> FastPdf | None:
    """PDFium's view of the file, or None when the switch is off or PDFium cannot read it.

    pdfplumber stays the judge of a broken file, so PDFium's own errors are not reported.
    """
    if not enabled():
        return None
    try:
        return FastPdf(data)
    except pdfium.PdfiumError:
        return None


def _box(box: tuple[float, ...]) -> tuple[float, ...]:
    return tuple(round(float(v), 2) for v in box)


def _address(handle: Any) -> int | None:
    return ctypes.cast(handle, ctypes.c_void_p).value


def _text_objects(page: pdfium.PdfPage) -> dict[int | None, tuple[float, float]] | None:
    """Addresses of the page's text objects, or None if a drawn shape could make a table.

    Shapes are checked because pdfplumber builds tables from them; text objects are listed
    so that any PDFium leaves out of its text page (only spaces, or a fake-bold duplicate;
    pdfminer keeps both) sends the page to pdfplumber.
    """
    texts: dict[int | None, tuple[float, float]] = {}
    for obj in page.get_objects(max_depth=0):
        if obj.type == raw.FPDF_PAGEOBJ_FORM:
            return None  # shapes and text inside form XObjects are not worth second-guessing
        if obj.type == raw.FPDF_PAGEOBJ_TEXT:
            left, bottom, _, _ = obj.get_bounds()
            texts[_address(obj.raw)] = (left, bottom)
        elif obj.type == raw.FPDF_PAGEOBJ_PATH:
            left, bottom, right, top = obj.get_bounds()
            if top - bottom > _RULE_MAX_HEIGHT or right - left < _RULE_MIN_WIDTH:
                return None
    return texts


class _Run:
    """What one text object shares across its characters: font, size, descent."""

    __slots__ = ("descent", "font", "size", "widths")

    def __init__(self, font: Any, size: float, descent: float) -> None:
        self.font = font
        self.size = size
        self.descent = descent
        self.widths: dict[int, float] = {}

    def advance(self, code: int) -> float | None:
        width = self.widths.get(code)
        if width is None:
            out = ctypes.c_float()
            if not raw.FPDFFont_GetGlyphWidth(self.font, code, self.size, ctypes.byref(out)):
                return None
            width = self.widths[code] = out.value
        return width


def _std14_descent(font: Any) -> float | None:
    """pdfminer's descent (per 1000) for a standard-14 font name, which it takes from its AFMs."""
    buf = ctypes.create_string_buffer(128)
    n = raw.FPDFFont_GetBaseFontName(font, buf, len(buf))
    name = buf.raw[: max(n - 1, 0)].decode("latin-1")
    metrics = FONT_METRICS.get(name)
    return None if metrics is None else float(metrics[0]["Descent"])  # type: ignore[arg-type]


def _run(tp: Any, i: int, obj: Any, origin_y: float) -> _Run | None:
    matrix = raw.FS_MATRIX()
    if not raw.FPDFText_GetMatrix(tp, i, ctypes.byref(matrix)):
        return None
    if matrix.b != 0 or matrix.c != 0 or matrix.a <= 0 or abs(matrix.a - matrix.d) > 1e-6:
        return None  # rotated, mirrored or stretched text: leave it to pdfminer
    size = raw.FPDFText_GetFontSize(tp, i)
    font = raw.FPDFTextObj_GetFont(obj)
    if not font or size <= 0:
        return None
    std = _std14_descent(font)
    if std is not None:
        return _Run(font, size, std * size / 1000)
    # otherwise both read the font descriptor's descent: take PDFium's from its loose box
    rect = raw.FS_RECTF()
    if not raw.FPDFText_GetLooseCharBox(tp, i, ctypes.byref(rect)):
        return None
    return _Run(font, size, rect.bottom - origin_y)


def _unicode(tp: Any, count: int) -> list[int] | None:
    """Every character's code point in one call; None if they do not line up one to one."""
    buf = ctypes.create_string_buffer(count * 2 + 2)
    written = raw.FPDFText_GetText(tp, 0, count, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
    text = buf.raw[: max(written - 1, 0) * 2]
    codes = [text[j] | text[j + 1] << 8 for j in range(0, len(text), 2)]
    return codes if len(codes) == count else None


def _chars(
    textpage: pdfium.PdfTextPage, height: float, texts: dict[int | None, tuple[float, float]]
) -> list[dict[str, Any]] | None:
    """pdfplumber-shaped characters, or None if one of them is not safe to mimic.

    pdfminer boxes a character from its origin to origin + advance across, and from
    descent to descent + font size up, all in page space.
    """
    tp = textpage.raw
    handle = ctypes.cast(tp, ctypes.c_void_p).value
    count = raw.FPDFText_CountChars(tp)
    codes = _unicode(tp, count)
    if codes is None:
        return None
    x = ctypes.c_double()
    y = ctypes.c_double()
    px, py = ctypes.byref(x), ctypes.byref(y)
    origin = raw.FPDFText_GetCharOrigin
    runs: dict[int | None, _Run | None] = {}
    out: list[dict[str, Any]] = []
    for i in range(count):
        key = _object_of_char(handle, i)
        if not key:
            continue  # spaces and line breaks PDFium invents; pdfminer has none
        code = codes[i]
        if code in _UNMAPPED or 0xD800 <= code <= 0xDFFF:
            return None  # pdfminer would print "(cid:N)" here, or pair the surrogates itself
        if code == _PDFIUM_HYPHEN:
            code = 0x2D
        if not origin(tp, i, px, py):
            return None
        if key not in runs:
            runs[key] = _run(tp, i, raw.FPDFText_GetTextObject(tp, i), y.value)
        run = runs[key]
        advance = run.advance(code) if run is not None else None
        if run is None or advance is None:
            return None
        bottom = height - (y.value + run.descent)
        top = bottom - run.size
        out.append(
            {
                "text": chr(code),
                "x0": x.value,
                "x1": x.value + advance,
                "top": top,
                "bottom": bottom,
                "doctop": top,
                "upright": True,
            }
        )
    dropped = [texts[k] for k in texts.keys() - runs.keys()]
    return None if _dropped_matter(dropped, out, height) else out


def _dropped_matter(
    dropped: list[tuple[float, float]], chars: list[dict[str, Any]], height: float
) -> bool:
    """Could a text object PDFium dropped change pdfplumber's words?

    PDFium drops objects whose glyphs have no extent: runs of spaces (Word writes many).
    Their count is unknown, so one is harmless only when nothing is written to its right
    on its line: trailing spaces and blank lines, where a space splits no word.
    """
    for x, y in dropped:
        baseline = height - y
        for c in chars:
            if c["x1"] > x and c["top"] - 1 < baseline < c["bottom"] + 1:
                return True
    return False
