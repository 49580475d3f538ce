"""A page PDFium cannot serve, read from pdfminer's layout objects into the fast path's tuples.

Where the fast path refuses a page (pdf_fast.py says when), pdfminer must interpret it,
but pdfplumber then turns every object into a dict of some twenty resolved attributes,
colours and paths included: as much CPU again as the interpretation, for the five a
character the loader reads. Here the same objects pdfplumber would see (pdfminer's
characters, lines, rectangles and curves, forms opened) become the tuples and edge dicts
pdf_fast.py builds from PDFium, in pdfplumber's coordinates, and pdfplumber's own word,
line and table rules run on them (pdf_fast.parts_of). A page with a character pdfminer
does not set upright is left to pdfplumber whole, whose word rules read it top to bottom.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pdfminer.layout import LTChar, LTComponent, LTContainer, LTCurve, LTLine, LTRect

from minutebook.ingest.pdf_fast import Char, TableRows, edges_of, parts_of


def _leaves(objects: list[LTComponent]) -> Iterator[LTComponent]:
    """pdfplumber's iter_layout_objects without LAParams: a form's children in its place."""
    for obj in objects:
        if isinstance(obj, LTContainer):
            yield from _leaves(obj._objs)
        else:
            yield obj


def layout_parts(page: Any) -> tuple[list[TableRows], list[dict[str, Any]]] | None:
    """A pdfplumber page's tables and text lines as pdfplumber gives them, from its
    layout objects; None if a character is not upright (pdfplumber reads it whole)."""
    height = float(page.height)
    mb_x0, mb_top = float(page.mediabox[0]), float(page.mediabox[1])
    chars: list[Char] = []
    shapes: dict[str, list[dict[str, Any]]] = {"line": [], "rect": [], "curve": []}
    for obj in _leaves(page.layout._objs):
        if isinstance(obj, LTChar):
            if not obj.upright:
                return None
            chars.append(
                (
                    obj.get_text(),
                    obj.x0 + mb_x0,
                    obj.x1 + mb_x0,
                    height - obj.y1 + mb_top,
                    height - obj.y0 + mb_top,
                )
            )
        elif isinstance(obj, LTCurve):
            shape = _shape(obj, height, mb_x0, mb_top)
            shapes[shape["object_type"]].append(shape)
    edges = edges_of(shapes["line"], shapes["rect"], shapes["curve"])
    x0, top, x1, bottom = (float(v) for v in page.bbox)
    return parts_of(chars, edges, (x0, top, x1, bottom))


def _shape(obj: LTCurve, height: float, mb_x0: float, mb_top: float) -> dict[str, Any]:
    """A line, rectangle or curve as pdfplumber's object dict has it, the keys the edge
    builders and the table finder read."""
    kind = "line" if isinstance(obj, LTLine) else "rect" if isinstance(obj, LTRect) else "curve"
    top = height - obj.y1 + mb_top
    return {
        "object_type": kind,
        "x0": obj.x0 + mb_x0,
        "x1": obj.x1 + mb_x0,
        "y0": obj.y0,
        "y1": obj.y1,
        "width": obj.width,
        "height": obj.height,
        "top": top,
        "bottom": height - obj.y0 + mb_top,
        "doctop": top,
        "pts": [(mb_x0 + x, mb_top + height - y) for x, y in obj.pts],
    }
