"""The fast path for PDF pages: characters and shapes from PDFium, pdfplumber's own rules.

pdfplumber spends ~250 ms a page in pdfminer's layout analysis; PDFium reads the same
characters and drawn shapes far faster. Only the raw material comes from PDFium: the
characters are shaped like pdfplumber's (x0, x1, top, bottom in the same page
coordinates), the drawn lines and rectangles are classified as pdfminer classifies
them, and both are handed to pdfplumber's own word, line and table builders, so both
paths produce the same lines and the same table rows.

A page takes this path only when every character is upright, mapped to Unicode and
placed as pdfminer would place it, and every shape is made of straight segments. Any
doubt answers None, and pdf.py reads that page with pdfplumber instead.
"""

from __future__ import annotations

import ctypes
import os
from types import TracebackType
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw
from pdfminer.fontmetrics import FONT_METRICS
from pdfplumber.table import Table, TableFinder
from pdfplumber.utils.geometry import curve_to_edges, line_to_edge, rect_to_edges
from pdfplumber.utils.text import chars_to_textmap

# (text, x0, x1, top, bottom) of one line, in pdfplumber's coordinates
Line = tuple[str, float, float, float, float]
Point = tuple[float, float]

# MINUTEBOOK_PDF_FAST=0 reads every page with pdfplumber: a switch for comparing the paths.
ENV_SWITCH = "MINUTEBOOK_PDF_FAST"
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

    def char_count(self, index: int) -> int:
        """How many characters PDFium finds on page `index` (0-based): cheap, in C."""
        page = self._doc[index]
        try:
            textpage = page.get_textpage()
            try:
                return int(textpage.count_chars())
            finally:
                textpage.close()
        finally:
            page.close()

    def page_parts(
        self, index: int, bbox: tuple[float, float, float, float]
    ) -> tuple[list[Table], list[dict[str, Any]]] | None:
        """pdfplumber's tables and text lines of page `index` (0-based) if it is safe to
        read fast, else None.

        `bbox` is pdfplumber's page box; a page PDFium sees differently is left to pdfplumber.
        """
        page = self._doc[index]
        try:
            mediabox = _box(page.get_mediabox())
            if page.get_rotation() != 0 or mediabox != _box(bbox) or mediabox[:2] != (0, 0):
                return None
            found = _objects(page, float(bbox[3]))
            if found is None:
                return None
            texts, edges = found
            textpage = page.get_textpage()
            try:
                chars = _chars(textpage, float(bbox[3]), texts)
            finally:
                textpage.close()
        finally:
            page.close()
        if chars is None:
            return None
        tables = TableFinder(_PageView(chars, edges, bbox)).tables if edges else []  # type: ignore[arg-type]
        if not chars:
            return tables, []
        textmap = chars_to_textmap(chars, layout_bbox=bbox)
        return tables, textmap.extract_text_lines(strip=True, return_chars=False)


class _PageView:
    """What pdfplumber's TableFinder and Table read of a page: its box, edges and chars."""

    def __init__(
        self, chars: list[dict[str, Any]], edges: list[dict[str, Any]], bbox: tuple[float, ...]
    ) -> None:
        self.chars = chars
        self.edges = edges
        self.bbox = bbox


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


def _objects(
    page: pdfium.PdfPage, height: float
) -> tuple[dict[int | None, tuple[float, float]], list[dict[str, Any]]] | None:
    """The page's text objects by address, and the edges its shapes give pdfplumber; None
    if a shape is one we do not mimic.

    Text objects are listed so that any PDFium leaves out of its text page (only spaces,
    or a fake-bold duplicate; pdfminer keeps both) sends the page to pdfplumber.
    """
    texts: dict[int | None, tuple[float, float]] = {}
    lines: list[dict[str, Any]] = []
    rects: list[dict[str, Any]] = []
    curves: list[dict[str, Any]] = []
    for obj in page.get_objects(max_depth=0):
        if obj.type == raw.FPDF_PAGEOBJ_FORM:
            return None  # shapes and text inside form XObjects are not worth second-guessing
        if obj.type == raw.FPDF_PAGEOBJ_TEXT:
            left, bottom, _, _ = obj.get_bounds()
            texts[_address(obj.raw)] = (left, bottom)
        elif obj.type == raw.FPDF_PAGEOBJ_PATH:
            subpaths = _subpaths(obj.raw)
            if subpaths is None:
                return None
            for shape, pts in subpaths:
                kind, found = _as_pdfminer(shape, pts, height)
                {"line": lines, "rect": rects, "curve": curves}[kind].append(found)
    # pdfplumber's own order (Page.edges): lines, then rectangles' sides, then curves'
    edges = [line_to_edge(ln) for ln in lines]
    edges += [e for r in rects for e in rect_to_edges(r)]
    edges += [e for c in curves for e in curve_to_edges(c)]
    return texts, edges


def _subpaths(path: Any) -> list[tuple[str, list[Point]]] | None:
    """A path object's subpaths as pdfminer sees them: operators ("mllh") and their points
    in page space (PDF units, y up); None for curves or a path that is not painted."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not raw.FPDFPath_GetDrawMode(path, ctypes.byref(fill), ctypes.byref(stroke)):
        return None
    if fill.value == raw.FPDF_FILLMODE_NONE and not stroke.value:
        return None  # a clipping path: pdfminer paints nothing, so be sure and step aside
    m = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(path, ctypes.byref(m)):
        return None
    x, y = ctypes.c_float(), ctypes.c_float()
    out: list[tuple[str, list[Point]]] = []
    for k in range(raw.FPDFPath_CountSegments(path)):
        segment = raw.FPDFPath_GetPathSegment(path, k)
        kind = raw.FPDFPathSegment_GetType(segment)
        if not raw.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y)):
            return None
        point = (m.a * x.value + m.c * y.value + m.e, m.b * x.value + m.d * y.value + m.f)
        if kind == raw.FPDF_SEGMENT_MOVETO:
            out.append(("m", [point]))
        elif kind == raw.FPDF_SEGMENT_LINETO and out:
            shape, pts = out[-1]
            out[-1] = (shape + "l", [*pts, point])
        else:
            return None  # a Bézier curve (pdfminer keeps its control points), or no moveto
        if raw.FPDFPathSegment_GetClose(segment):
            shape, pts = out[-1]
            out[-1] = (shape + "h", [*pts, pts[0]])  # "h" goes back to the subpath's start
    return out


def _as_pdfminer(shape: str, pts: list[Point], height: float) -> tuple[str, dict[str, Any]]:
    """One subpath as pdfminer's converter classifies it (LTLine, LTRect or LTCurve), in
    the shape pdfplumber gives such an object (top-down coordinates)."""
    pts = list(pts)
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"  # a closing "l" that only repeats the start
        pts.pop()
    kind = "curve"
    if shape in {"mlh", "ml"}:
        kind, pts = "line", pts[:2]
    elif shape in {"mlllh", "mllll"}:
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
            y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0
        )
        if pts[0] == pts[4] and square:
            kind = "rect"
            (ax, ay), (bx, by) = pts[0], pts[2]
            pts = [(ax, ay), (bx, ay), (bx, by), (ax, by)]
    left, right = min(p[0] for p in pts), max(p[0] for p in pts)
    low, high = min(p[1] for p in pts), max(p[1] for p in pts)
    top = height - high
    found: dict[str, Any] = {
        "object_type": kind,
        "x0": left,
        "x1": right,
        "y0": low,
        "y1": high,
        "width": right - left,
        "height": high - low,
        "top": top,
        "bottom": height - low,
        "doctop": top,
        "pts": [(px, height - py) for px, py in pts],
    }
    return kind, found


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
    descent = None if metrics is None else metrics[0].get("Descent")
    return None if descent is None else float(descent)  # type: ignore[arg-type]


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
