"""The fast path for PDF pages: characters and shapes from PDFium, pdfplumber's own rules.

pdfplumber spends 100-250 ms a page in pdfminer's layout analysis and in turning its
objects into dicts; PDFium reads the same characters and drawn shapes far faster. Only
the raw material comes from PDFium: characters shaped like pdfminer's (x0, x1, top,
bottom in pdfplumber's page coordinates), and drawn shapes classified as pdfminer's
converter classifies them (form XObjects opened, a curve kept as its end points). Lines
come from pdfplumber's word and line rules, re-written below on tuples; tables from
pdfplumber's own TableFinder on those edges. Both paths give the same lines and rows:
tests/ingest/test_pdf_fast.py compares them page by page, and benchmarks/real_pdfs.py
counts the pages that take this path on real council PDFs.

Word and Aspose write runs of spaces as text objects of their own, which PDFium leaves
out of its text page; one stand-in space splits pdfplumber's words as the run does.
A page is refused (None, with `FastPdf.refusal` saying why) where PDFium cannot give
what pdfminer sees: rotated or stretched text, an unmapped glyph, a font without Unicode,
a dropped object that draws something, characters overprinted at one origin. pdf.py
reads it with pdfplumber.
"""

from __future__ import annotations

import bisect
import ctypes
import os
from operator import itemgetter
from types import TracebackType
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw
from pdfminer.fontmetrics import FONT_METRICS
from pdfplumber.table import Table, TableFinder
from pdfplumber.utils.geometry import curve_to_edges, line_to_edge, rect_to_edges
from pdfplumber.utils.text import DEFAULT_X_TOLERANCE, DEFAULT_Y_TOLERANCE, LIGATURES

from minutebook.ingest.limits import MAX_PDF_PAGE_CHARS

# (text, x0, x1, top, bottom) of one character, in pdfplumber's coordinates
Char = tuple[str, float, float, float, float]
# a table's box and its rows of cells (None for a cell merged into its neighbour)
TableRows = tuple[tuple[float, float, float, float], list[list[str | None]]]
Point = tuple[float, float]

# MINUTEBOOK_PDF_FAST=0 reads every page with pdfplumber: a switch for comparing the paths.
ENV_SWITCH = "MINUTEBOOK_PDF_FAST"
# PDFium reports a line-end hyphen as U+0002; pdfminer gives the hyphen itself.
_PDFIUM_HYPHEN = 0x02
# ... which FPDFText_GetText writes as U+FFFE, even for a hyphen inside a line
_GETTEXT_HYPHEN = 0xFFFE
_UNMAPPED = {0, 0xFFFD, 0xFFFE, 0xFFFF}
# text render modes that stroke the glyphs' outlines (PDF 32000 table 106)
_STROKED = {1, 2, 5, 6}


# PDFium's per-character functions, declared on plain addresses (ints): a ctypes pointer
# would need a cast per character to compare, and pypdfium2's typed declarations check
# each argument's pointer type, 370 of the 840 ns a call to FPDFText_GetCharOrigin costs.
# The text page and the out-parameters are passed as their addresses.
_object_of_char = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(
    ctypes.cast(raw.FPDFText_GetTextObject, ctypes.c_void_p).value or 0
)
# FPDFText_GetCharOrigin(text_page, index, double* x, double* y), called once a character,
# is declared with no argument types and given ctypes objects (the text page as a
# c_void_p, x and y by reference), which ctypes passes without converting: 230 ns a call
# instead of 400 with the four declared.
_char_origin = ctypes.CFUNCTYPE(ctypes.c_int)(
    ctypes.cast(raw.FPDFText_GetCharOrigin, ctypes.c_void_p).value or 0
)
_is_generated = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int)(
    ctypes.cast(raw.FPDFText_IsGenerated, ctypes.c_void_p).value or 0
)


def enabled() -> bool:
    return os.environ.get(ENV_SWITCH, "1") != "0"


class FastPdf:
    """An open PDFium document whose pages can be asked for lines; None means use pdfplumber."""

    def __init__(self, data: bytes) -> None:
        self._doc = pdfium.PdfDocument(data)
        # a page with more characters is refused before its characters are read
        self.max_chars = MAX_PDF_PAGE_CHARS
        self.last_chars = 0
        # pdfplumber's box of the last page read here: page_box's answer without loading
        # the page again (PDFium parses its content anew, about 1 ms a page)
        self.last_box: tuple[float, float, float, float] | None = None
        # why the last page asked for was left to pdfplumber, None if it was read here
        self.refusal: str | None = None

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

    def page_box(self, index: int) -> tuple[float, float, float, float]:
        """pdfplumber's box for page `index`: (x0, top, x1, bottom) of its MediaBox.

        pdfminer moves the MediaBox's corner to (0, 0) and pdfplumber moves it back, so x
        stays PDF user space and top is the box's height less y, wherever the box lies;
        PDFium reads user space.
        """
        page = self._doc[index]
        try:
            return _plumber_box(page)
        finally:
            page.close()

    def page_parts(
        self, index: int, bbox: tuple[float, float, float, float] | None = None
    ) -> tuple[list[TableRows], list[dict[str, Any]]] | None:
        """pdfplumber's tables (box and rows) and text lines of page `index` (0-based) if
        it is safe to read fast, else None, with the reason kept in `refusal`.

        `last_chars` is then how many characters PDFium found on the page, whatever the
        answer, and `last_box` its box (as page_box gives it) if it was read here. `bbox`,
        if given, is pdfplumber's page box: a page PDFium sees otherwise is left to
        pdfplumber.
        """
        self.refusal = None
        self.last_chars = 0
        self.last_box = None
        try:
            box, chars, edges = self._page_material(index, bbox)
        except RefusalError as exc:
            self.refusal = exc.reason
            return None
        self.last_box = box
        return parts_of(chars, edges, box)

    def _page_material(
        self, index: int, bbox: tuple[float, float, float, float] | None
    ) -> tuple[tuple[float, float, float, float], list[Char], list[dict[str, Any]]]:
        page = self._doc[index]
        try:
            textpage = page.get_textpage()
            try:
                # counted first, so the caller can refuse an oversized page before any work
                self.last_chars = textpage.count_chars()
                if self.last_chars > self.max_chars:
                    raise RefusalError("too many characters")
                if page.get_rotation() != 0:
                    raise RefusalError("rotated page")
                box = _plumber_box(page)
                if bbox is not None and _box(box) != _box(bbox):
                    raise RefusalError("page box")
                height = box[3] - box[1]
                found = _Objects(height)
                found.walk(page.raw)
                chars = _chars(textpage, height, found)
            finally:
                textpage.close()
        finally:
            page.close()
        return box, chars, found.edges()


def parts_of(
    chars: list[Char], edges: list[dict[str, Any]], box: tuple[float, float, float, float]
) -> tuple[list[TableRows], list[dict[str, Any]]]:
    """pdfplumber's tables (box and rows) and text lines of a page from its characters,
    its edges (pdfplumber's Page.edges) and its box, by pdfplumber's own rules."""
    tables: list[TableRows] = []
    if edges:
        middles: _Middles | None = None
        for table in TableFinder(_PageView(edges, box)).tables:  # type: ignore[arg-type]
            middles = middles or _Middles(chars)
            tables.append((table.bbox, _table_rows(table, middles)))
    return tables, text_lines(chars)


def _plumber_box(page: pdfium.PdfPage) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = page.get_mediabox()
    height = y1 - y0
    return (x0, height - y1, x1, height - y0)


class RefusalError(Exception):
    """A page the fast path leaves to pdfplumber; `reason` names what it could not mimic."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class _PageView:
    """What pdfplumber's TableFinder reads of a page with its "lines" strategy: its box
    and edges (never its characters)."""

    def __init__(self, edges: list[dict[str, Any]], bbox: tuple[float, ...]) -> None:
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


# (a, b, c, d, e, f) as in PDF: x' = a x + c y + e, y' = b x + d y + f
Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _then(inner: Matrix, outer: Matrix) -> Matrix:
    """`inner` followed by `outer`: how a form XObject's content reaches the page."""
    a, b, c, d, e, f = inner
    oa, ob, oc, od, oe, of = outer
    return (
        a * oa + b * oc,
        a * ob + b * od,
        c * oa + d * oc,
        c * ob + d * od,
        e * oa + f * oc + oe,
        e * ob + f * od + of,
    )


def _matrix_of(obj: Any) -> Matrix:
    m = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
        raise RefusalError("object matrix")
    return (m.a, m.b, m.c, m.d, m.e, m.f)


class _Objects:
    """What pdfminer would see of a page's objects, forms opened: the text objects by
    address, and its painted shapes classified as pdfminer's converter classifies them.

    pdfminer flattens a form XObject into the page (pdfplumber reads an LTFigure's
    children), so shapes and text inside forms are walked with the form's matrix.
    """

    def __init__(self, height: float) -> None:
        self.height = height
        # address -> (object, matrix from its own space to the page's)
        self.texts: dict[int | None, tuple[Any, Matrix]] = {}
        self.lines: list[dict[str, Any]] = []
        self.rects: list[dict[str, Any]] = []
        self.curves: list[dict[str, Any]] = []

    def walk(self, page: Any) -> None:
        for k in range(raw.FPDFPage_CountObjects(page)):
            self._visit(raw.FPDFPage_GetObject(page, k), _IDENTITY)

    def _visit(self, obj: Any, outer: Matrix) -> None:
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_TEXT:
            self.texts[_address(obj)] = (obj, outer)
        elif kind == raw.FPDF_PAGEOBJ_PATH:
            for shape, pts in _subpaths(obj, outer):
                found_kind, found = _as_pdfminer(shape, pts, self.height)
                {"line": self.lines, "rect": self.rects, "curve": self.curves}[found_kind].append(
                    found
                )
        elif kind == raw.FPDF_PAGEOBJ_FORM:
            inner = _then(_matrix_of(obj), outer)
            for k in range(raw.FPDFFormObj_CountObjects(obj)):
                self._visit(raw.FPDFFormObj_GetObject(obj, k), inner)

    def edges(self) -> list[dict[str, Any]]:
        return edges_of(self.lines, self.rects, self.curves)


def edges_of(
    lines: list[dict[str, Any]], rects: list[dict[str, Any]], curves: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """pdfplumber's Page.edges from its lines, rectangles and curves, in its own order:
    lines, then rectangles' sides, then curves'."""
    edges = [line_to_edge(ln) for ln in lines]
    edges += [e for r in rects for e in rect_to_edges(r)]
    edges += [e for c in curves for e in curve_to_edges(c)]
    return edges


def _subpaths(path: Any, outer: Matrix) -> list[tuple[str, list[Point]]]:
    """A path object's subpaths as pdfminer sees them: operators ("mlch") and their points
    in page space (PDF units, y up). pdfminer keeps a Bézier curve's end point only, so a
    curve ("c") is one point, the last of PDFium's three segments."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not raw.FPDFPath_GetDrawMode(path, ctypes.byref(fill), ctypes.byref(stroke)):
        raise RefusalError("path draw mode")
    if fill.value == raw.FPDF_FILLMODE_NONE and not stroke.value:
        raise RefusalError("unpainted path")  # pdfminer paints nothing: be sure and step aside
    a, b, c, d, e, f = _then(_matrix_of(path), outer)
    x, y = ctypes.c_float(), ctypes.c_float()
    out: list[tuple[str, list[Point]]] = []
    bezier = 0  # PDFium's segments of the current curve so far
    for k in range(raw.FPDFPath_CountSegments(path)):
        segment = raw.FPDFPath_GetPathSegment(path, k)
        kind = raw.FPDFPathSegment_GetType(segment)
        if not raw.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y)):
            raise RefusalError("path point")
        point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        if kind == raw.FPDF_SEGMENT_MOVETO:
            out.append(("m", [point]))
        elif kind == raw.FPDF_SEGMENT_LINETO and out and not bezier:
            shape, pts = out[-1]
            out[-1] = (shape + "l", [*pts, point])
        elif kind == raw.FPDF_SEGMENT_BEZIERTO and out:
            bezier = (bezier + 1) % 3
            if bezier == 0:
                shape, pts = out[-1]
                out[-1] = (shape + "c", [*pts, point])
        else:
            raise RefusalError("path segment")
        if raw.FPDFPathSegment_GetClose(segment):
            if bezier:
                raise RefusalError("path segment")
            shape, pts = out[-1]
            out[-1] = (shape + "h", [*pts, pts[0]])  # "h" goes back to the subpath's start
    if bezier:
        raise RefusalError("path segment")
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


class _Font:
    """A font's metrics per unit of size, looked up once a page: many text objects share
    a font (Word writes one object per run of a line)."""

    __slots__ = ("descent", "font", "widths")

    def __init__(self, font: Any) -> None:
        self.font = font
        self.descent = _descent(font, 1000.0) / 1000
        self.widths: dict[int, float] = {}

    def width(self, code: int) -> float:
        """The advance of `code` at size 1 (asked at 1000, where PDFium's float is exact)."""
        out = ctypes.c_float()
        if not raw.FPDFFont_GetGlyphWidth(self.font, code, 1000.0, ctypes.byref(out)):
            raise RefusalError("glyph width")
        width = self.widths[code] = out.value / 1000
        return width


class _Run:
    """What one text object shares across its characters: its font, size and descent."""

    __slots__ = ("descent", "size", "widths")

    def __init__(self, font: _Font, size: float) -> None:
        self.size = size
        self.descent = font.descent * size
        self.widths = font.widths


def _std14_descent(font: Any) -> float | None:
    """pdfminer's descent (per 1000) for a standard-14 font name, which it takes from its AFMs.

    PDFium gives the name without a subset tag ("ABCDEF+Times-Roman" as "Times-Roman"),
    which pdfminer would not look up: an embedded font is a subset or its own, so its
    descriptor, not the AFM, holds the descent pdfminer reads.
    """
    if raw.FPDFFont_GetIsEmbedded(font):
        return None
    buf = ctypes.create_string_buffer(128)
    n = raw.FPDFFont_GetBaseFontName(font, buf, len(buf))
    name = buf.raw[: max(n - 1, 0)].decode("latin-1")
    metrics = FONT_METRICS.get(name)
    descent = None if metrics is None else metrics[0].get("Descent")
    return None if descent is None else float(descent)  # type: ignore[arg-type]


def _run(tp: Any, i: int, obj: Any, fonts: dict[int | None, _Font]) -> tuple[_Run, _Font]:
    matrix = raw.FS_MATRIX()
    if not raw.FPDFText_GetMatrix(tp, i, ctypes.byref(matrix)):
        raise RefusalError("text matrix")
    if matrix.b != 0 or matrix.c != 0 or matrix.a <= 0 or abs(matrix.a - matrix.d) > 1e-6:
        raise RefusalError("rotated or stretched text")  # leave it to pdfminer
    # PDFium gives the font size set by Tf; pdfminer's box scales it by the text matrix
    # (Aspose writes "1 Tf" and a matrix scaled by 12)
    size = raw.FPDFText_GetFontSize(tp, i) * matrix.d
    handle = raw.FPDFTextObj_GetFont(obj)
    if not handle or size <= 0:
        raise RefusalError("no font")
    key = _address(handle)
    font = fonts.get(key)
    if font is None:
        font = fonts[key] = _Font(handle)
    return _Run(font, size), font


def _descent(font: Any, size: float) -> float:
    """pdfminer's descent for `font` at `size`: from the AFMs for a standard-14 name,
    else the font descriptor's, which PDFium reads too."""
    std = _std14_descent(font)
    if std is not None:
        return std * size / 1000
    out = ctypes.c_float()
    if not raw.FPDFFont_GetDescent(font, size, ctypes.byref(out)):
        raise RefusalError("no font")
    return out.value


def _unicode(tp: Any, count: int) -> list[int]:
    """Every character's code point, in one call where PDFium's text lines up one to one
    with its characters, else one call per character."""
    buf = ctypes.create_string_buffer(count * 2 + 2)
    written = raw.FPDFText_GetText(tp, 0, count, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
    text = buf.raw[: max(written - 1, 0) * 2]
    codes = [text[j] | text[j + 1] << 8 for j in range(0, len(text), 2)]
    if len(codes) != count:
        # a font with control codes (no ToUnicode): GetText reshapes what GetUnicode keeps
        return [raw.FPDFText_GetUnicode(tp, i) for i in range(count)]
    return codes


def _chars(textpage: pdfium.PdfTextPage, height: float, found: _Objects) -> list[Char]:
    """pdfplumber-shaped characters; RefusalError if one of them is not safe to mimic.

    pdfminer boxes a character from its origin to origin + advance across, and from
    descent to descent + font size up, all in page space. The advance is the font's
    width for the character's Unicode.
    """
    tp = textpage.raw
    handle = ctypes.cast(tp, ctypes.c_void_p).value
    count = raw.FPDFText_CountChars(tp)
    codes = _unicode(tp, count)
    x = ctypes.c_double()
    y = ctypes.c_double()
    tp_ref, x_ref, y_ref = ctypes.c_void_p(handle), ctypes.byref(x), ctypes.byref(y)
    origin = _char_origin
    runs: dict[int | None, tuple[_Run, _Font]] = {}
    first_at: dict[int | None, int] = {}  # where each text object's characters start
    fonts: dict[int | None, _Font] = {}
    out: list[Char] = []
    append = out.append
    rect = raw.FS_RECTF()
    rect_ref = ctypes.byref(rect)
    loose_box = raw.FPDFText_GetLooseCharBox
    is_generated = _is_generated
    object_of_char = _object_of_char
    last_x, last_key = float("nan"), 0
    # the current text object's run, looked up again only when the object changes
    font: _Font | None = None
    widths: dict[int, float] = {}
    size = descent = 0.0
    for i in range(count):
        key = object_of_char(handle, i)
        if not key:
            continue  # spaces and line breaks PDFium invents; pdfminer has none
        code = codes[i]
        if code <= 0x20 or code >= 0xD800:  # all the cases below; rare but for spaces
            if code == 0x20 and is_generated(handle, i) == 1:  # -1: PDFium's error
                # a space PDFium put in a gap yet filed under the next word's object, at
                # that word's origin (Publisher, Excel, Online2PDF): pdfminer has none
                continue
            if code == _GETTEXT_HYPHEN:
                code = raw.FPDFText_GetUnicode(tp, i)
            if code in _UNMAPPED or 0xD800 <= code <= 0xDFFF:
                # pdfminer would print "(cid:N)" here, or pair the surrogates itself
                raise RefusalError("unmapped glyph")
            if code == _PDFIUM_HYPHEN:
                code = 0x2D
            elif code < 0x20:
                # A font with no Unicode: its codes stand for themselves ("\x03" for a
                # space). pdfminer prints them as such, or as "(cid:3)" in a CID font,
                # which PDFium does not tell apart; its widths are the code's, not the
                # Unicode's.
                raise RefusalError("font without Unicode")
        if not origin(tp_ref, i, x_ref, y_ref):
            raise RefusalError("char origin")
        x0 = x.value
        if x0 == last_x and key == last_key and out:
            # One glyph for several letters ("ff"): pdfminer keeps one character "ff" with
            # the glyph's width; PDFium gives each letter at the glyph's origin, and its
            # loose box spans the glyph's own advance. Anything else drawn at one origin
            # (a sign over a digit) is not one glyph: leave it to pdfminer.
            text, left, _, top, bottom = out[-1]
            if not (text.isalpha() and chr(code).isalpha()):
                raise RefusalError("overprint")
            if not loose_box(tp, i, rect_ref):
                raise RefusalError("char box")
            out[-1] = (text + chr(code), left, rect.right, top, bottom)
            continue
        last_x = x0
        if key != last_key or font is None:
            last_key = key
            found_run = runs.get(key)
            if found_run is None:
                found_run = runs[key] = _run(tp, i, raw.FPDFText_GetTextObject(tp, i), fonts)
                first_at[key] = len(out)
            run, font = found_run
            widths, size, descent = run.widths, run.size, run.descent
        width = widths.get(code)
        if width is None:
            width = font.width(code)
        bottom = height - (y.value + descent)
        append((chr(code), x0, x0 + width * size, bottom - size, bottom))
    dropped = found.texts.keys() - runs.keys()
    if dropped:
        _insert_blanks(out, found, dropped, first_at, height)
    return out


def _insert_blanks(
    out: list[Char],
    found: _Objects,
    dropped: set[int | None],
    first_at: dict[int | None, int],
    height: float,
) -> None:
    """Put a stand-in space where its object comes in the content stream, before the
    characters of the next object PDFium kept: pdfplumber sorts a line by x0 keeping
    that order on ties, and Word lines up a tab's spaces and the next word ("£22.50")
    on one x0, where a space after the word would split it."""
    order = {key: n for n, key in enumerate(found.texts)}
    kept = sorted((order.get(key, len(order)), at) for key, at in first_at.items())
    walk = [n for n, _ in kept]
    places = []
    for key in dropped:
        after = bisect.bisect_right(walk, order[key])
        places.append((kept[after][1] if after < len(kept) else len(out), order[key], key))
    for at, _, key in sorted(places, reverse=True):
        out.insert(at, _blank(*found.texts[key], height))


def _blank(obj: Any, outer: Matrix, height: float) -> Char:
    """A space standing for a text object PDFium left out of its text page.

    PDFium drops a text object whose glyphs have no height: Word and Aspose write runs
    of spaces as objects of their own, and pdfminer keeps their characters. To
    pdfplumber's word builder a space only ends the word before it, so one space at the
    run's origin, on its line, splits the words exactly as the run's N spaces do; its
    width never reaches a line's text or box. An object with extent was dropped for
    another reason (a fake-bold copy PDFium merges, pdfminer keeps): no one space can
    stand for that.
    """
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not raw.FPDFPageObj_GetBounds(
        obj, ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top)
    ):
        raise RefusalError("dropped text")
    # no height: no glyph drawn (a run of spaces may still be as wide as its advances);
    # text also stroked (render modes 1, 2, 5, 6) is as high as the stroke is wide
    stroke = ctypes.c_float()
    if raw.FPDFTextObj_GetTextRenderMode(obj) not in _STROKED or not (
        raw.FPDFPageObj_GetStrokeWidth(obj, ctypes.byref(stroke))
    ):
        stroke.value = 0.0
    if top.value - bottom.value > stroke.value + 0.01:
        raise RefusalError("dropped text")
    a, b, c, d, e, f = _then(_matrix_of(obj), outer)
    if b != 0 or c != 0 or a <= 0 or abs(a - d) > 1e-6:
        raise RefusalError("rotated or stretched text")
    font = raw.FPDFTextObj_GetFont(obj)
    tf = ctypes.c_float()
    if not font or not raw.FPDFTextObj_GetFontSize(obj, ctypes.byref(tf)) or tf.value <= 0:
        raise RefusalError("no font")
    size = tf.value * d  # pdfminer: the font size, scaled by the text matrix
    descent = _descent(font, size)
    low = height - (f + descent)
    return (" ", e, e, low - size, low)


# What follows is pdfplumber's extract_text_lines (and extract_text for a table cell),
# with its default settings, on tuples instead of dicts: the same clustering, word
# breaks and joins, in a fifth of the time. tests/ingest/test_pdf_fast.py holds them
# to pdfplumber's own output on real pages.
_X_TOL = DEFAULT_X_TOLERANCE
_Y_TOL = DEFAULT_Y_TOLERANCE


def _by_top(items: list[Any], key: int) -> list[list[Any]]:
    """pdfplumber's cluster_objects(items, top, tolerance 3): values chained while each
    is within the tolerance of the last, groups in order, items in their given order."""
    group_of: dict[float, int] = {}
    group = 0
    last: float | None = None
    for value in sorted({item[key] for item in items}):
        if last is not None and value > last + _Y_TOL:
            group += 1
        group_of[value] = group
        last = value
    groups: list[list[Any]] = [[] for _ in range(group + 1)] if items else []
    for item in items:
        groups[group_of[item[key]]].append(item)
    return groups


# (text, x0, x1, top, bottom) of one word
Word = tuple[str, float, float, float, float]


def _words(chars: list[Char]) -> list[Word]:
    """pdfplumber's WordExtractor: characters clustered into lines by top, sorted by x0,
    split at blanks and at gaps over x_tolerance."""
    words: list[Word] = []

    def flush(word: list[Char]) -> None:
        text = "".join([c[0] for c in word])
        if not text.isascii():
            text = text.translate(_LIGATURES)
        if len(word) == 1:
            c = word[0]
            words.append((text, c[1], c[2], c[3], c[4]))
            return
        words.append(
            (
                text,
                word[0][1],  # the line is sorted by x0
                max(map(_X1, word)),
                min(map(_TOP, word)),
                max(map(_BOTTOM, word)),
            )
        )

    for line in _by_top(chars, 3):
        line.sort(key=_X0)
        current: list[Char] = []
        for c in line:
            if c[0].isspace():
                if current:
                    flush(current)
                    current = []
            elif current and (
                c[1] < (prev := current[-1])[1]
                or c[1] > prev[2] + _X_TOL
                or abs(c[3] - prev[3]) > _Y_TOL
            ):
                flush(current)
                current = [c]
            else:
                current.append(c)
        if current:
            flush(current)
    return words


_X0, _X1, _TOP, _BOTTOM = (itemgetter(k) for k in range(1, 5))
_LIGATURES = str.maketrans(LIGATURES)


def _word_lines(chars: list[Char]) -> list[list[Word]]:
    """pdfplumber's TextMap without layout: words sorted by top, clustered into lines,
    each line sorted by x0."""
    words = sorted(_words(chars), key=_TOP)
    lines = _by_top(words, 3)
    for line in lines:
        line.sort(key=_X0)
    return lines


def text_lines(chars: list[Char]) -> list[dict[str, Any]]:
    """extract_text_lines(strip=True, return_chars=False) on these characters."""
    out = []
    for line in _word_lines(chars):
        out.append(
            {
                "text": " ".join(w[0] for w in line),
                "x0": min(w[1] for w in line),
                "x1": max(w[2] for w in line),
                "top": min(w[3] for w in line),
                "bottom": max(w[4] for w in line),
            }
        )
    return out


def _cell_text(chars: list[Char]) -> str:
    """extract_text() without layout: unlike the TextMap above, it clusters the words
    into lines as they come, sorting neither by top nor, within a line, by x0."""
    return "\n".join(" ".join(w[0] for w in line) for line in _by_top(_words(chars), 3))


# (middle's y, place on the page, middle's x, character)
_Middle = tuple[float, int, float, Char]


class _Middles:
    """A page's characters by the height of their middle, so that a table row takes its
    own by bisection instead of testing every character of the page (a page of tables
    tested each character once per row)."""

    def __init__(self, chars: list[Char]) -> None:
        # the place breaks ties, so characters are never compared
        self._sorted: list[_Middle] = sorted(
            ((c[3] + c[4]) / 2, n, (c[1] + c[2]) / 2, c) for n, c in enumerate(chars)
        )
        self._ys = [m[0] for m in self._sorted]

    def between(self, top: float, bottom: float) -> list[_Middle]:
        """The characters whose middle has top <= y < bottom, in the page's order."""
        lo = bisect.bisect_left(self._ys, top)
        hi = bisect.bisect_left(self._ys, bottom)
        return sorted(self._sorted[lo:hi], key=itemgetter(1))


def _table_rows(table: Table, middles: _Middles) -> list[list[str | None]]:
    """Table.extract(): each cell's characters (their middle inside it) as extract_text
    gives them, "" for an empty cell, None where no cell is."""
    rows: list[list[str | None]] = []
    for row in table.rows:
        x0, top, x1, bottom = row.bbox
        row_chars = [m for m in middles.between(top, bottom) if x0 <= m[2] < x1]
        cells: list[str | None] = []
        for cell in row.cells:
            if cell is None:
                cells.append(None)
                continue
            cx0, ctop, cx1, cbottom = cell
            mine = [m[3] for m in row_chars if cx0 <= m[2] < cx1 and ctop <= m[0] < cbottom]
            cells.append(_cell_text(mine))
        rows.append(cells)
    return rows
